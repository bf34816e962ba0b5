/*
 * text.h - text for a terminal: the one sanitiser every byte from outside
 * passes through before it is shown, and measuring and wrapping UTF-8 text
 * in columns rather than bytes.
 *
 * Needs setlocale(LC_CTYPE, "") to have been called for wide characters
 * to measure right; in the C locale every byte of a multi-byte character
 * counts as one column, which only over-estimates.
 */
#ifndef UNKNOT_TEXT_H
#define UNKNOT_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/*
 * The sanitiser.  Whatever came from a file, a file name, the environment
 * or a socket goes through it on its way to stdout, stderr or the screen,
 * so that no such text can move the cursor, set the clipboard, retitle
 * the window or turn text around.  Kept: printable ASCII, and in a UTF-8
 * locale every well-formed character that is not a control.  Shown as
 * \xNN, byte by byte: C0 and C1 controls (tab and newline included), DEL,
 * malformed UTF-8, and the characters that reorder or hide text
 * (text_char_safe).  In any other locale a well-formed non-ASCII
 * character is shown as '?' (an 8-bit terminal would take some of its
 * bytes for controls).
 */
/* A clean copy of s; the caller frees it. */
char *text_clean(const char *s);
/* True when text_clean(s) would be s itself. */
bool text_is_clean(const char *s);
/* fputs(text_clean(s), fp) without the copy. */
void text_put(FILE *fp, const char *s);
/* False for the code points text_clean shows as bytes: controls, line and
 * paragraph separators, bidirectional marks, embeddings, overrides and
 * isolates, zero-width spaces and joiners that hide nothing legitimate,
 * the byte order mark, tag characters. */
bool text_char_safe(uint32_t c);
/* The first character of s that does not show on screen or changes the
 * direction of text (text_char_safe's set, plus zero-width joiners, the
 * soft hyphen and blank fillers): 0 when there is none.  Names
 * (titles) refuse them, so that a file cannot pose as another. */
uint32_t text_hidden_char(const char *s);
/* Decode one UTF-8 character at s into *cp: its length in bytes, or 0
 * when it is malformed (overlong, a surrogate, cut short, above U+10FFFF). */
size_t text_utf8_decode(const char *s, uint32_t *cp);

/* True when the locale's character set is UTF-8: blocks, box lines and
 * arrows may be drawn; otherwise ASCII stand-ins. */
bool text_utf8(void);
/* The few characters drawn besides words, each in UTF-8 or its ASCII
 * stand-in: the one place that decides (from text_utf8()), so that every
 * text command and screen prints ASCII in a locale that is not UTF-8. */
enum glyph {
	GLYPH_SEP,     /* " · " or " - ": between the parts of a line */
	GLYPH_ARROW,   /* " → " or " -> ": from one value to the next */
	GLYPH_BLOCK,   /* "█" or "#": a cell of a bar */
	GLYPH_EMPTY,   /* "·" or "-": an empty cell of a bar */
	GLYPH_TIMES,   /* "×" or "x": a speed, "PREVIEW ×10" */
	GLYPH_COUNT
};
const char *text_glyph(enum glyph g);
/* Columns s takes on screen once cleaned (as it is shown). */
int text_width(const char *s);
/* The longest prefix of s (in bytes) that fits in cols columns; s is
 * clean (text_clean). */
size_t text_fit(const char *s, int cols);
/* Print s, cleaned, in exactly cols columns: cut with "~" or padded. */
void text_pad(FILE *fp, const char *s, int cols);
/* Break s, cleaned, into lines of at most cols columns at spaces (long
 * words are cut).  Returns a NULL-terminated vector the caller frees with strv_free. */
char **text_wrap(const char *s, int cols);

#endif
