/* text.c - columns, padding and wrapping: see text.h. */
#include "text.h"

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "util.h"

bool
text_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
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

int
text_width(const char *s)
{
	int w = 0;
	size_t n;
	for (; *s; s += n)
		w += char_width(s, &n);
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
text_pad(FILE *fp, const char *s, int cols)
{
	if (cols <= 0)
		return;
	int w = text_width(s);
	if (w <= cols) {
		fputs(s, fp);
		fprintf(fp, "%*s", cols - w, "");
		return;
	}
	size_t n = text_fit(s, cols - 1);
	char *head = xstrndup(s, n);
	int used = text_width(head) + 1;
	fputs(head, fp);
	fputc('~', fp);
	free(head);
	if (used < cols)
		fprintf(fp, "%*s", cols - used, "");
}

char **
text_wrap(const char *s, int cols)
{
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
	if (lines == NULL)
		lines = xcalloc(1, sizeof *lines);
	return lines;
}
