/* diag.c - the list of compiler-style diagnostics: see diag.h. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

void
diags_add(struct diags *d, const char *file, int line, enum diag_level level,
    const char *fmt, ...)
{
	if (level == DIAG_ERROR)
		d->errors++;
	else
		d->warnings++;
	if (DIAGS_FULL(d)) {
		d->dropped++;
		return;
	}
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 8;
		d->v = xrealloc(d->v, d->cap * sizeof *d->v);
	}
	va_list ap;
	va_start(ap, fmt);
	struct diag *g = &d->v[d->n++];
	g->file = xstrdup(file);
	g->line = line;
	g->level = level;
	g->msg = xvasprintf(fmt, ap);
	va_end(ap);
}

static int
by_line(const void *a, const void *b)
{
	const struct diag *x = a, *y = b;
	int c = strcmp(x->file, y->file);
	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	/* keep insertion order: compare addresses (qsort is not stable) */
	return x < y ? -1 : x > y;
}

void
diags_sort(struct diags *d)
{
	if (d->n > 1)
		qsort(d->v, d->n, sizeof *d->v, by_line);
}

char *
diag_format(const struct diag *g)
{
	/* file names and the values messages quote come from outside: an
	 * escape sequence in either is shown, never sent to the terminal */
	const char *lv = g->level == DIAG_ERROR ? "error" : "warning";
	char *file = text_clean(g->file), *msg = text_clean(g->msg), *s;
	if (g->line > 0)
		s = xasprintf("%s:%d: %s: %s", file, g->line, lv, msg);
	else
		s = xasprintf("%s: %s: %s", file, lv, msg);
	free(file);
	free(msg);
	return s;
}

void
diags_print(const struct diags *d, FILE *fp)
{
	for (size_t i = 0; i < d->n; i++) {
		char *s = diag_format(&d->v[i]);
		fprintf(fp, "%s\n", s);
		free(s);
	}
	if (d->dropped) {
		char *file = text_clean(d->v[d->n - 1].file);
		fprintf(fp, "%s: %zu more problem%s not shown\n", file, d->dropped, d->dropped == 1 ? "" : "s");
		free(file);
	}
}

void
diags_free(struct diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
	}
	free(d->v);
	memset(d, 0, sizeof *d);
}
