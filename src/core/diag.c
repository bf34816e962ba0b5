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

/* Where a problem goes: its file's place (the first problem of that file),
 * its line, then the order it was found in. */
struct place {
	size_t file, index;
	int line;
};

static int
by_place(const void *a, const void *b)
{
	const struct place *x = a, *y = b;
	if (x->file != y->file)
		return x->file < y->file ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

void
diags_sort(struct diags *d)
{
	if (d->n < 2)
		return;
	struct place *p = xmalloc(d->n * sizeof *p);
	for (size_t i = 0; i < d->n; i++) {
		size_t f = i;
		if (i > 0 && strcmp(d->v[i - 1].file, d->v[i].file) == 0)
			f = p[i - 1].file;
		else
			for (size_t j = 0; j < i; j++)
				if (strcmp(d->v[j].file, d->v[i].file) == 0) {
					f = p[j].file;
					break;
				}
		p[i] = (struct place){f, i, d->v[i].line};
	}
	qsort(p, d->n, sizeof *p, by_place);
	struct diag *v = xmalloc(d->n * sizeof *v);
	for (size_t i = 0; i < d->n; i++)
		v[i] = d->v[p[i].index];
	memcpy(d->v, v, d->n * sizeof *v);
	free(v);
	free(p);
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
