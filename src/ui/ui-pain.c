/*
 * ui-pain.c - the pain check-in: a number from 0 to 10 on the NRS-11
 * scale, or Enter to skip.
 */
#include <stdio.h>
#include <string.h>

#include "ui-screens.h"
#include "ui.h"

struct pain_ctx {
	const char *title, *hint;
	char typed[3];
	bool invalid;
};

static void
pain_draw(void *ctx)
{
	struct pain_ctx *c = ctx;
	int y = LINES / 2 - 3;
	if (y < 0)
		y = 0;
	ui_center(y, 0, COLS, c->title, ROLE_TITLE);
	ui_center(y + 2, 0, COLS, "Pain right now (0-10, Enter to skip)", ROLE_NORMAL);
	ui_center(y + 3, 0, COLS, "0 = no pain, 10 = the worst you can imagine", ROLE_DIM);
	char field[16];
	snprintf(field, sizeof field, "[ %-2s ]", c->typed);
	ui_center(y + 5, 0, COLS, field, ROLE_TITLE);
	if (c->invalid)
		ui_center(y + 6, 0, COLS, "Type a number from 0 to 10.", ROLE_CAUTION);
	if (c->hint)
		ui_center(y + 7, 0, COLS, c->hint, ROLE_DIM);
	const char *keys[] = {"0-10", "pain", "Enter", "done/skip", "Esc", "skip", NULL};
	ui_keys(LINES - 1, keys);
}

static int
pain_key(void *ctx, int key, bool is_char, long long now)
{
	struct pain_ctx *c = ctx;
	size_t n = strlen(c->typed);
	(void)now;
	c->invalid = false;
	if (is_char && key >= '0' && key <= '9') {
		if (n < 2 && !(n == 1 && !(c->typed[0] == '1' && key == '0')))
			c->typed[n] = (char)key, c->typed[n + 1] = '\0';
		else
			c->invalid = true;
		return UI_CONTINUE;
	}
	if ((is_char && (key == 127 || key == 8)) || (!is_char && key == KEY_BACKSPACE)) {
		if (n)
			c->typed[n - 1] = '\0';
		return UI_CONTINUE;
	}
	if ((is_char && (key == '\r' || key == '\n')) || (!is_char && key == KEY_ENTER))
		return UI_OK;
	if (is_char && (key == 27 || key == 'q')) {
		c->typed[0] = '\0';
		return UI_OK;
	}
	c->invalid = true;
	return UI_CONTINUE;
}

int
ui_pain(const char *title, const char *hint, int *value)
{
	struct pain_ctx c = {.title = title, .hint = hint};
	struct ui_screen scr = {.draw = pain_draw, .key = pain_key, .ctx = &c};
	int rc = ui_run(&scr);
	*value = c.typed[0] ? (c.typed[1] ? 10 : c.typed[0] - '0') : -1;
	return rc;
}
