/*
 * diag.h - compiler-style diagnostics: "FILE:LINE: error: MESSAGE".
 *
 * Loaders never print: they append to a struct diags, and the caller
 * prints the list (check, list) or shows it on a screen.  A diags owns
 * copies of every string it holds; diags_free() releases them.
 */
#ifndef UNKNOT_DIAG_H
#define UNKNOT_DIAG_H

#include <stdio.h>
#include <stddef.h>

enum diag_level { DIAG_WARNING, DIAG_ERROR };

struct diag {
	char *file;
	int line; /* 0 when the problem is about the whole file */
	enum diag_level level;
	char *msg;
};

struct diags {
	struct diag *v;
	size_t n, cap;
	size_t errors, warnings; /* every one added, kept or not */
	size_t dropped;          /* added past DIAGS_MAX: counted, not kept */
};

/* A list keeps this many; more are counted (a file of 20,000 unknown keys
 * is said in a thousand lines and a count, and fast). */
#define DIAGS_MAX 1000
/* True when d keeps no more: callers may skip the work of a message. */
#define DIAGS_FULL(d) ((d)->n >= DIAGS_MAX)

void diags_add(struct diags *d, const char *file, int line, enum diag_level level,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Sort each file's problems by line, so that they read top to bottom;
 * the files keep the order of their first problem, and problems on one
 * line the order they were found in. */
void diags_sort(struct diags *d);
/* Each as diag_format() gives it, one a line; then how many were not kept. */
void diags_print(const struct diags *d, FILE *fp);
void diags_free(struct diags *d);
/* "FILE:LINE: error: MESSAGE" (no newline), owned by the caller, and
 * cleaned (text_clean): safe to print or show. */
char *diag_format(const struct diag *g);

#endif
