/*
 * ui-ask.c - a question on a screen of its own: a title, a paragraph that
 * explains, and a few one-letter answers, lower-case (Esc gives the last one,
 * which is always the way back).  The words come from the core.
 */
#include <stdlib.h>

#include "ui-screens.h"
#include "ui.h"

struct ask_ctx {
	const char *title, *text;
	int role;
	const char *const *keys; /* letter, label, letter, label, ..., NULL */
	char answer;
};

static void
ask_draw(void *ctx)
{
	struct ask_ctx *c = ctx;
	ui_text(0, 0, COLS, c->title, ROLE_TITLE);
	ui_wrap(2, 0, COLS, LINES - 3, "", c->text, c->role);
	ui_keys(LINES - 1, c->keys);
}

static enum nav
ask_key(void *ctx, int key, bool is_char, long long now)
{
	struct ask_ctx *c = ctx;
	(void)now;
	if (!is_char)
		return NAV_STAY;
	size_t n = 0;
	while (c->keys[n] && c->keys[n + 1])
		n += 2;
	if (key == 27 && n) {
		c->answer = c->keys[n - 2][0];
		return NAV_OK;
	}
	for (size_t i = 0; i < n; i += 2) {
		char k = c->keys[i][0];
		if (key == k || key == k - 'a' + 'A') {
			c->answer = k;
			return NAV_OK;
		}
	}
	return NAV_STAY;
}

enum nav
ui_ask(const char *title, const char *text, int role, const char *const *keys, char *answer)
{
	struct ask_ctx c = {.title = title, .text = text, .role = role, .keys = keys};
	struct ui_screen scr = {.draw = ask_draw, .key = ask_key, .ctx = &c};
	enum nav rc = ui_run(&scr);
	*answer = c.answer;
	return rc;
}
