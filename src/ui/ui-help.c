/*
 * ui-help.c - the help box: a framed box of lines over any screen, a
 * widget a screen owns (struct ui_help): it draws it last while it is
 * open and gives it keys first; any key closes it.
 */
#include <string.h>

#include "text.h"
#include "ui-screens.h"
#include "ui.h"

bool
ui_help_key(struct ui_help *h)
{
	if (!h->open)
		return false;
	h->open = false;
	return true;
}

void
ui_help_draw(const struct ui_help *help)
{
	if (!help->open)
		return;
	const char *title = help->title;
	const char *const *lines = help->lines;
	int n = 0, w = text_width(title) + 4;
	for (; lines[n]; n++)
		if (text_width(lines[n]) + 4 > w)
			w = text_width(lines[n]) + 4;
	if (w > COLS)
		w = COLS;
	int h = n + 2 > LINES ? LINES : n + 2;
	int y0 = (LINES - h) / 2, x0 = (COLS - w) / 2;
	for (int y = 0; y < h; y++) {
		move(y0 + y, x0);
		for (int x = 0; x < w; x++)
			addch(' ' | ui_attr(ROLE_KEY));
	}
	attron(ui_attr(ROLE_KEY));
	if (ui_utf8) {
		mvaddstr(y0, x0, "┌");
		mvaddstr(y0, x0 + w - 1, "┐");
		mvaddstr(y0 + h - 1, x0, "└");
		mvaddstr(y0 + h - 1, x0 + w - 1, "┘");
		for (int x = 1; x < w - 1; x++) {
			mvaddstr(y0, x0 + x, "─");
			mvaddstr(y0 + h - 1, x0 + x, "─");
		}
		for (int y = 1; y < h - 1; y++) {
			mvaddstr(y0 + y, x0, "│");
			mvaddstr(y0 + y, x0 + w - 1, "│");
		}
	} else {
		for (int x = 0; x < w; x++) {
			mvaddch(y0, x0 + x, x == 0 || x == w - 1 ? '+' : '-');
			mvaddch(y0 + h - 1, x0 + x, x == 0 || x == w - 1 ? '+' : '-');
		}
		for (int y = 1; y < h - 1; y++) {
			mvaddch(y0 + y, x0, '|');
			mvaddch(y0 + y, x0 + w - 1, '|');
		}
	}
	attroff(ui_attr(ROLE_KEY));
	ui_text(y0, x0 + 2, w - 4, title, ROLE_KEY);
	for (int i = 0; i < n && i < h - 2; i++)
		ui_text(y0 + 1 + i, x0 + 2, w - 4, lines[i], ROLE_KEY);
}
