/* text.c - the sanitiser, columns, padding and wrapping: see text.h. */
#include "text.h"

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "util.h"

size_t
text_utf8_decode(const char *str, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	size_t n;
	uint32_t c, min;
	if ((s[0] & 0xe0) == 0xc0)
		n = 2, c = s[0] & 0x1f, min = 0x80;
	else if ((s[0] & 0xf0) == 0xe0)
		n = 3, c = s[0] & 0x0f, min = 0x800;
	else if ((s[0] & 0xf8) == 0xf0)
		n = 4, c = s[0] & 0x07, min = 0x10000;
	else
		return 0;
	for (size_t i = 1; i < n; i++) { /* stops at the NUL: it is not a continuation byte */
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

bool
text_char_safe(uint32_t c)
{
	if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
		return false;                          /* C0, DEL, C1 */
	if (c < 0x61c)
		return true;
	return !(c == 0x61c ||                         /* Arabic letter mark */
	    c == 0x200b || c == 0x200e || c == 0x200f || /* zero-width space, LRM, RLM */
	    (c >= 0x2028 && c <= 0x202e) ||            /* separators, embeddings, overrides */
	    (c >= 0x2060 && c <= 0x2064) ||            /* word joiner, invisible operators */
	    (c >= 0x2066 && c <= 0x2069) ||            /* isolates */
	    c == 0xfeff ||                             /* byte order mark */
	    (c >= 0xe0000 && c <= 0xe007f));           /* tags */
}

uint32_t
text_hidden_char(const char *s)
{
	while (*s) {
		uint32_t c;
		size_t n = text_utf8_decode(s, &c);
		if (n == 0) {
			s++;
			continue; /* malformed text is its checker's business */
		}
		if (!text_char_safe(c) && c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0))
			return c;
		/* invisible in a name though harmless in a sentence: joiners,
		 * the soft hyphen, the combining grapheme joiner, blank fillers */
		if (c == 0x200c || c == 0x200d || c == 0xad || c == 0x34f || c == 0x115f ||
		    c == 0x1160 || c == 0x17b4 || c == 0x17b5 || c == 0x180e || c == 0x3164 || c == 0xffa0)
			return c;
		s += n;
	}
	return 0;
}

/* Append the clean form of s to b (b may be NULL: only say whether s is
 * clean).  Returns true when nothing had to change. */
static bool
clean(struct buf *b, const char *s)
{
	bool utf8 = text_utf8(), same = true;
	while (*s) {
		const char *start = s;
		while ((unsigned char)*s >= 0x20 && (unsigned char)*s < 0x7f)
			s++; /* the common case: a run of printable ASCII */
		if (b && s > start)
			buf_add(b, start, (size_t)(s - start));
		if (*s == '\0')
			break;
		uint32_t c;
		size_t n = text_utf8_decode(s, &c);
		if (n > 0 && text_char_safe(c) && utf8) {
			if (b)
				buf_add(b, s, n);
		} else if (n > 0 && text_char_safe(c)) {
			same = false;
			if (b)
				buf_add(b, "?", 1);
		} else {
			same = false;
			if (n == 0)
				n = 1; /* a malformed byte: show it, go on with the next */
			for (size_t i = 0; b && i < n; i++)
				buf_addf(b, "\\x%02x", (unsigned char)s[i]);
		}
		s += n;
	}
	return same;
}

char *
text_clean(const char *s)
{
	struct buf b = {0};
	buf_add(&b, "", 0);
	clean(&b, s);
	return b.s;
}

bool
text_is_clean(const char *s)
{
	return clean(NULL, s);
}

void
text_put(FILE *fp, const char *s)
{
	if (text_is_clean(s)) {
		fputs(s, fp);
		return;
	}
	char *c = text_clean(s);
	fputs(c, fp);
	free(c);
}

bool
text_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

const char *
text_glyph(enum glyph g)
{
	static const char *const glyphs[][2] = {
		[GLYPH_SEP] = {" - ", " · "},
		[GLYPH_ARROW] = {" -> ", " → "},
		[GLYPH_BLOCK] = {"#", "█"},
		[GLYPH_EMPTY] = {"-", "·"},
		[GLYPH_TIMES] = {"x", "×"},
	};
	_Static_assert(ARRAY_LEN(glyphs) == GLYPH_COUNT, "a pair for every glyph");
	return g < GLYPH_COUNT ? glyphs[g][text_utf8()] : "?";
}

/* Columns of the character at s; *len gets its length in bytes. */
static int
char_width(const char *s, size_t *len)
{
	mbstate_t st;
	memset(&st, 0, sizeof st);
	wchar_t wc;
	size_t n = mbrtowc(&wc, s, MB_CUR_MAX, &st);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		*len = 1;
		return 1;
	}
	*len = n;
	int w = wcwidth(wc);
	return w < 0 ? 1 : w;
}

static int
raw_width(const char *s)
{
	int w = 0;
	size_t n;
	for (; *s; s += n)
		w += char_width(s, &n);
	return w;
}

int
text_width(const char *s)
{
	if (text_is_clean(s))
		return raw_width(s);
	char *c = text_clean(s);
	int w = raw_width(c);
	free(c);
	return w;
}

size_t
text_fit(const char *s, int cols)
{
	const char *p = s;
	int w = 0;
	size_t n;
	while (*p) {
		int cw = char_width(p, &n);
		if (w + cw > cols)
			break;
		w += cw;
		p += n;
	}
	return (size_t)(p - s);
}

void
text_pad(FILE *fp, const char *raw, int cols)
{
	if (cols <= 0)
		return;
	char *s = text_clean(raw);
	int w = raw_width(s);
	if (w <= cols) {
		fputs(s, fp);
		fprintf(fp, "%*s", cols - w, "");
		free(s);
		return;
	}
	size_t n = text_fit(s, cols - 1);
	s[n] = '\0';
	int used = raw_width(s) + 1;
	fputs(s, fp);
	fputc('~', fp);
	free(s);
	if (used < cols)
		fprintf(fp, "%*s", cols - used, "");
}

char **
text_wrap(const char *raw, int cols)
{
	char *all = text_clean(raw);
	const char *s = all;
	char **lines = NULL;
	if (cols < 1)
		cols = 1;
	while (*s == ' ')
		s++;
	while (*s) {
		size_t fit = text_fit(s, cols);
		size_t cut = fit;
		if (s[fit] != '\0' && s[fit] != ' ') {
			/* back up to the last space so a word is not split */
			size_t sp = fit;
			while (sp > 0 && s[sp - 1] != ' ')
				sp--;
			if (sp > 0)
				cut = sp;
		}
		if (cut == 0) /* a character wider than the line: take it anyway */
			char_width(s, &cut);
		size_t end = cut;
		while (end > 0 && s[end - 1] == ' ')
			end--;
		char *line = xstrndup(s, end);
		lines = strv_push(lines, line);
		free(line);
		s += cut;
		while (*s == ' ')
			s++;
	}
	free(all);
	if (lines == NULL)
		lines = xcalloc(1, sizeof *lines);
	return lines;
}
