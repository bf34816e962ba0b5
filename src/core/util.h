/*
 * util.h - small helpers every module uses: allocation that dies on
 * failure, growable string buffers, and reading a whole file with a limit.
 *
 * Allocation failure is not an error a caller can handle sensibly in a
 * program this size, so x*alloc() print "unknot: out of memory" and exit.
 * Everything returned by these functions is owned by the caller (free()).
 */
#ifndef UNKNOT_UTIL_H
#define UNKNOT_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);

/* A NULL-terminated vector of owned strings. */
void strv_free(char **v);
size_t strv_len(char *const *v);
char **strv_push(char **v, const char *s);
/* True when v (may be NULL) holds a string equal to s. */
bool strv_has(char *const *v, const char *s);

/* A growable byte buffer; buf.s is always NUL-terminated once used. */
struct buf {
	char *s;
	size_t len, cap;
};
void buf_add(struct buf *b, const char *s, size_t n);
void buf_addf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_free(struct buf *b);

/* Levenshtein distance, capped: returns cap+1 once it is certainly above. */
size_t edit_distance(const char *a, const char *b, size_t cap);

/* True when s ends with suffix. */
bool str_ends_with(const char *s, const char *suffix);

/* True when y-m-d is a date that exists, from year 1 to 9999 (no
 * 2026-02-31, no year 0). */
bool civil_date_valid(int y, int m, int d);
/* Days since 1970-01-01 of a civil date (proleptic Gregorian, any year). */
long civil_days(int y, int m, int d);

#endif
