/* ui-stats.c - the progress screen of the home screen: `unknot stats` in a window. */
#include <stdlib.h>
#include <time.h>

#include "stats.h"
#include "ui-screens.h"
#include "ui.h"
#include "util.h"

struct stats_ctx {
	struct stats s;
	int scroll;
};

static void
stats_draw(void *ctx)
{
	struct stats_ctx *c = ctx;
	ui_text(0, 0, COLS, "Progress", ROLE_TITLE);
	char **lines = stats_lines(&c->s, ui_utf8, COLS);
	int n = (int)strv_len(lines), rows = LINES - 3;
	if (c->scroll > n - rows)
		c->scroll = n - rows;
	if (c->scroll < 0)
		c->scroll = 0;
	for (int i = 0; i < rows && c->scroll + i < n; i++)
		ui_text(2 + i, 0, COLS, lines[c->scroll + i], ROLE_NORMAL);
	strv_free(lines);
	const char *keys[] = {"q", "back", "Up/Down", "scroll", NULL};
	ui_keys(LINES - 1, keys);
}

static int
stats_key(void *ctx, int key, bool is_char, long long now)
{
	struct stats_ctx *c = ctx;
	(void)now;
	if (!is_char && key == KEY_DOWN)
		c->scroll++;
	else if (!is_char && key == KEY_UP)
		c->scroll--;
	else if (is_char && (key == 'q' || key == 27 || key == '\n' || key == '\r'))
		return UI_BACK;
	return UI_CONTINUE;
}

int
ui_stats(void)
{
	struct stats_ctx c = {0};
	struct diags d = {0};
	stats_load(&c.s, time(NULL), &d); /* damaged lines are skipped; `unknot history` names them */
	diags_free(&d);
	struct ui_screen scr = {.draw = stats_draw, .key = stats_key, .ctx = &c};
	int rc = ui_run(&scr);
	stats_free(&c.s);
	return rc;
}
