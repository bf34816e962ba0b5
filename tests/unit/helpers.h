/* Shared by the unit tests: the bundled catalogue, loaded once per test. */
#ifndef UNKNOT_TEST_HELPERS_H
#define UNKNOT_TEST_HELPERS_H

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "routine.h"
#include "safety.h"
#include "util.h"

/* The tests run from tests/ (see the Makefile's unit target). */
#define BUNDLED_SAFETY "../routines/safety.cfg"

static inline void
load_catalogue(struct safety *cat)
{
	struct diags d = {0};
	cr_assert_eq(safety_load(cat, BUNDLED_SAFETY, &d), 0, "bundled catalogue must load");
	cr_assert_eq(d.n, 0);
	diags_free(&d);
}

/* True when d holds a diagnostic that, formatted, contains want. */
static inline int
diags_have(const struct diags *d, const char *want)
{
	for (size_t i = 0; i < d->n; i++) {
		char *s = diag_format(&d->v[i]);
		int hit = strstr(s, want) != NULL;
		free(s);
		if (hit)
			return 1;
	}
	return 0;
}

static inline char *
diags_text(const struct diags *d)
{
	size_t cap = 1;
	char *out = calloc(1, 1);
	for (size_t i = 0; i < d->n; i++) {
		char *s = diag_format(&d->v[i]);
		cap += strlen(s) + 1;
		out = realloc(out, cap);
		strcat(out, s);
		strcat(out, "\n");
		free(s);
	}
	return out;
}

/* A routine from text that must load (what the loader said, if not);
 * cat may be NULL.  The parser writes into its text, so it gets a copy. */
static inline struct routine *
routine_from(const char *text, const struct safety *cat)
{
	char *copy = strdup(text);
	struct diags d = {0};
	struct routine *r = routine_parse("t.routine", copy, strlen(copy), cat, &d);
	char *why = diags_text(&d);
	cr_assert_not_null(r, "%s", why);
	free(why);
	free(copy);
	diags_free(&d);
	return r;
}

/* A routine of these steps (libconfig text) with this prepare time. */
static inline struct routine *
routine_of_steps(const char *steps, int prepare)
{
	char *text = xasprintf("version = 1;\ntitle = \"t\";\nprepare = %d;\nsteps = (%s);\n", prepare, steps);
	struct routine *r = routine_from(text, NULL);
	free(text);
	return r;
}

#endif
