/*
 * ui-pain.c - the pain check-in: a number from 0 to 10 on the NRS-11
 * scale, or Enter to skip.  What is typed stays on screen until it is
 * taken or cleared: a number over 10 is refused with a message, never cut
 * to a digit; Esc with something typed clears it, and only on an empty
 * field goes back (before the start) or skips (after the end).
 */
#include <stdio.h>
#include <string.h>

#include "text.h"
#include "ui-screens.h"
#include "ui.h"

struct pain_ctx {
	const char *title, *hint;
	bool can_go_back;
	char typed[4];
	char msg[64];
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
	if (c->msg[0])
		ui_center(y + 6, 0, COLS, c->msg, ROLE_CAUTION);
	if (c->hint)
		ui_center(y + 7, 0, COLS, c->hint, ROLE_DIM);
	const char *keys[] = {"0-10", "pain", "Enter", "done/skip", "Esc",
		c->typed[0] ? "clear" : c->can_go_back ? "back" : "skip", NULL};
	ui_keys(LINES - 1, keys);
	/* the cursor after what was typed, for screen readers */
	int fx = (COLS - text_width(field)) / 2 + 2 + (int)strlen(c->typed);
	move(y + 5, fx >= 0 && fx < COLS ? fx : 0);
}

static enum nav
pain_key(void *ctx, int key, bool is_char, long long now)
{
	struct pain_ctx *c = ctx;
	size_t n = strlen(c->typed);
	(void)now;
	c->msg[0] = '\0';
	if (is_char && key >= '0' && key <= '9') {
		if (n < 2) {
			c->typed[n] = (char)key;
			c->typed[n + 1] = '\0';
		} else {
			snprintf(c->msg, sizeof c->msg, "Type a number from 0 to 10.");
		}
		return NAV_STAY;
	}
	if ((is_char && (key == 127 || key == 8)) || (!is_char && key == KEY_BACKSPACE)) {
		if (n)
			c->typed[n - 1] = '\0';
		return NAV_STAY;
	}
	if ((is_char && (key == '\r' || key == '\n')) || (!is_char && key == KEY_ENTER)) {
		int v;
		if (!flow_parse_pain(c->typed, &v)) {
			snprintf(c->msg, sizeof c->msg, "%s is more than 10: type a number from 0 to 10.", c->typed);
			return NAV_STAY;
		}
		return NAV_OK;
	}
	if (is_char && (key == 27 || key == 'q' || key == 'Q')) {
		if (n) {
			c->typed[0] = '\0';
			return NAV_STAY;
		}
		return c->can_go_back ? NAV_BACK : NAV_OK;
	}
	snprintf(c->msg, sizeof c->msg, "Type a number from 0 to 10.");
	return NAV_STAY;
}

enum nav
ui_pain(const char *title, const char *hint, bool can_go_back, int *value)
{
	struct pain_ctx c = {.title = title, .hint = hint, .can_go_back = can_go_back};
	struct ui_screen scr = {.draw = pain_draw, .key = pain_key, .ctx = &c};
	enum nav rc = ui_run(&scr);
	if (rc != NAV_OK || !flow_parse_pain(c.typed, value))
		*value = -1;
	return rc;
}
