/*
 * ui-draw.c - the drawing helpers every screen shares (see ui.h): roles to
 * attributes, text cut to a width with every character checked, centring,
 * wrapping, progress bars, large digits, the too-small notice, the key
 * line.  They draw into curses' screen and nothing else.
 */
#include "ui.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "text.h"
#include "util.h"

attr_t
ui_attr(int role)
{
	if (ui_colours) {
		switch (role) {
		case ROLE_TITLE: return COLOR_PAIR(ROLE_TITLE) | A_BOLD;
		case ROLE_CAUTION: return COLOR_PAIR(ROLE_CAUTION) | A_BOLD;
		case ROLE_STOP: return COLOR_PAIR(ROLE_STOP) | A_BOLD;
		case ROLE_BAR: return COLOR_PAIR(ROLE_BAR);
		case ROLE_DIM: return COLOR_PAIR(ROLE_DIM);
		case ROLE_KEY: return COLOR_PAIR(ROLE_KEY);
		case ROLE_GOOD: return COLOR_PAIR(ROLE_GOOD) | A_BOLD;
		default: return A_NORMAL;
		}
	}
	switch (role) {
	case ROLE_TITLE: return A_BOLD;
	case ROLE_CAUTION: return A_BOLD | A_UNDERLINE;
	case ROLE_STOP: return A_BOLD | A_REVERSE;
	case ROLE_DIM: return A_DIM;
	case ROLE_KEY: return A_REVERSE;
	case ROLE_GOOD: return A_BOLD;
	default: return A_NORMAL;
	}
}

int
ui_text(int y, int x, int w, const char *s, int role)
{
	if (y < 0 || y >= LINES || x >= COLS || w <= 0)
		return 0;
	if (x + w > COLS)
		w = COLS - x;
	attr_t a = ui_attr(role);
	attron(a);
	move(y, x);
	int used = 0;
	mbstate_t st;
	memset(&st, 0, sizeof st);
	char *clean = text_clean(s); /* shown as on stdout: \xNN for what may not reach the terminal */
	s = clean;
	while (*s) {
		wchar_t wc;
		size_t n = mbrtowc(&wc, s, MB_CUR_MAX, &st);
		if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
			memset(&st, 0, sizeof st);
			wc = L'?';
			n = 1;
		}
		if (!iswprint((wint_t)wc) || !text_char_safe((uint32_t)wc))
			wc = L'?'; /* nothing from outside reaches the terminal as a control (text.h) */
		int cw = wcwidth(wc);
		if (cw < 0)
			cw = 1;
		if (used + cw > w)
			break;
		addnwstr(&wc, 1);
		used += cw;
		s += n;
	}
	free(clean);
	attroff(a);
	return used;
}

int
ui_text_cut(int y, int x, int w, const char *s, int role)
{
	if (w <= 1 || text_width(s) <= w)
		return ui_text(y, x, w, s, role);
	char *c = text_clean(s);
	c[text_fit(c, w - 1)] = '\0';
	int used = ui_text(y, x, w - 1, c, role); /* clean already: it shows as it is */
	free(c);
	return used + ui_text(y, x + used, 1, "~", role);
}

void
ui_center(int y, int x, int w, const char *s, int role)
{
	int tw = text_width(s);
	int pad = tw < w ? (w - tw) / 2 : 0;
	ui_text(y, x + pad, w - pad, s, role);
}

int
ui_wrap(int y, int x, int w, int maxlines, const char *label, const char *s, int role)
{
	if (w < 4)
		return 0;
	char *full = xasprintf("%s%s", label ? label : "", s);
	char **lines = text_wrap(full, w);
	int n = 0;
	for (; lines[n]; n++) {
		if (maxlines > 0) {
			if (n >= maxlines)
				break;
			ui_text(y + n, x, w, lines[n], role);
			if (n == maxlines - 1 && lines[n + 1]) /* cut: say so */
				ui_text(y + n, x + w - 1, 1, "~", role);
		}
	}
	if (maxlines <= 0)
		n = (int)strv_len(lines);
	strv_free(lines);
	free(full);
	return n;
}

void
ui_bar(int y, int x, int w, double frac)
{
	static const char *const eighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
	if (w <= 0 || y < 0 || y >= LINES)
		return;
	if (frac < 0)
		frac = 0;
	if (frac > 1)
		frac = 1;
	int cells = (int)(frac * w * 8 + 0.5), full = cells / 8, part = cells % 8;
	attron(ui_attr(ROLE_BAR));
	move(y, x);
	for (int i = 0; i < w; i++) {
		if (i < full)
			addstr(text_glyph(GLYPH_BLOCK));
		else if (i == full && part && ui_utf8)
			addstr(eighths[part]);
		else
			addstr(text_glyph(GLYPH_EMPTY));
	}
	attroff(ui_attr(ROLE_BAR));
}

/* 3x5 glyphs; each '#' is drawn two columns wide. */
static const char *const glyphs[11][UI_BIG_ROWS] = {
	{"###", "# #", "# #", "# #", "###"}, {" # ", "## ", " # ", " # ", "###"},
	{"###", "  #", "###", "#  ", "###"}, {"###", "  #", "###", "  #", "###"},
	{"# #", "# #", "###", "  #", "  #"}, {"###", "#  ", "###", "  #", "###"},
	{"###", "#  ", "###", "# #", "###"}, {"###", "  #", "  #", "  #", "  #"},
	{"###", "# #", "###", "# #", "###"}, {"###", "# #", "###", "  #", "###"},
	{" ", "#", " ", "#", " "},
};

static const char *const *
glyph(char c)
{
	if (c >= '0' && c <= '9')
		return glyphs[c - '0'];
	return c == ':' ? glyphs[10] : NULL;
}

int
ui_big_width(const char *clock)
{
	int w = 0;
	for (const char *p = clock; *p; p++) {
		const char *const *g = glyph(*p);
		if (g)
			w += (int)strlen(g[0]) * 2 + (p[1] ? 2 : 0);
	}
	return w;
}

void
ui_big(int y, int x, const char *clock, int role)
{
	attr_t a = ui_attr(role);
	attron(a);
	for (int row = 0; row < UI_BIG_ROWS; row++) {
		if (y + row < 0 || y + row >= LINES)
			continue;
		int cx = x;
		for (const char *p = clock; *p; p++) {
			const char *const *g = glyph(*p);
			if (g == NULL)
				continue;
			for (const char *c = g[row]; *c; c++, cx += 2) {
				if (cx + 2 > COLS)
					break;
				mvaddstr(y + row, cx, *c == '#' ? (ui_utf8 ? "██" : "##") : "  ");
			}
			cx += 2;
		}
	}
	attroff(a);
}

bool
ui_small(void)
{
	return COLS < 40 || LINES < 12;
}

bool
ui_too_small(void)
{
	if (!ui_small())
		return false;
	/* whole words at any size, centred; where even they do not fit, the
	 * size it needs */
	char **lines = text_wrap("Window too small: at least 40x12.", COLS);
	size_t n = strv_len(lines);
	if (n > (size_t)LINES || n == 0) {
		strv_free(lines);
		lines = text_wrap("40x12", COLS);
		n = strv_len(lines);
	}
	int y = (LINES - (int)n) / 2;
	for (size_t i = 0; i < n; i++)
		ui_center(y + (int)i, 0, COLS, lines[i], ROLE_CAUTION);
	strv_free(lines);
	return true;
}

void
ui_keys(int y, const char *const *pairs)
{
	int x = 0;
	for (int i = 0; pairs[i] && pairs[i + 1]; i += 2) {
		int need = text_width(pairs[i]) + 1 + text_width(pairs[i + 1]) + 2;
		if (x + need > COLS)
			break;
		x += ui_text(y, x, COLS - x, pairs[i], ROLE_KEY);
		x += ui_text(y, x + 1, COLS - x - 1, pairs[i + 1], ROLE_NORMAL) + 3;
	}
}
