/*
 * text.h - measuring and wrapping UTF-8 text for a terminal, in columns
 * rather than bytes.  Needs setlocale(LC_CTYPE, "") to have been called
 * for wide characters to measure right; in the C locale every byte of a
 * multi-byte character counts as one column, which only over-estimates.
 */
#ifndef UNKNOT_TEXT_H
#define UNKNOT_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* True when the locale's character set is UTF-8: blocks, box lines and
 * arrows may be drawn; otherwise ASCII stand-ins. */
bool text_utf8(void);
/* Columns s takes on screen. */
int text_width(const char *s);
/* The longest prefix of s (in bytes) that fits in cols columns. */
size_t text_fit(const char *s, int cols);
/* Print s in exactly cols columns: cut with "~" or padded with spaces. */
void text_pad(FILE *fp, const char *s, int cols);
/* Break s into lines of at most cols columns at spaces (long words are
 * cut).  Returns a NULL-terminated vector the caller frees with strv_free. */
char **text_wrap(const char *s, int cols);

#endif
