/* ui-stats.c - the progress screen of the home screen: `unknot stats` in a window. */
#include <stdlib.h>
#include <time.h>

#include "stats.h"
#include "ui-screens.h"
#include "ui.h"
#include "util.h"

struct stats_ctx {
	struct stats s;
	struct ui_page page;
	int scroll;
};

static void
stats_draw(void *ctx)
{
	struct stats_ctx *c = ctx;
	ui_page_clear(&c->page);
	char **lines = stats_lines(&c->s, ui_utf8, COLS);
	for (char **l = lines; *l; l++)
		ui_page_add(&c->page, 0, "", *l, ROLE_NORMAL);
	strv_free(lines);
	ui_text(0, 0, COLS, "Progress", ROLE_TITLE);
	ui_page_draw(&c->page, &c->scroll);
	const char *keys[] = {"q", "back", "Up/Down", "scroll", NULL};
	ui_keys(LINES - 1, keys);
}

static int
stats_key(void *ctx, int key, bool is_char, long long now)
{
	struct stats_ctx *c = ctx;
	(void)now;
	if (ui_page_key(key, is_char, &c->scroll))
		return UI_CONTINUE;
	if (is_char && (key == 'q' || key == 27 || key == '\n' || key == '\r'))
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
	ui_page_clear(&c.page);
	free(c.page.v);
	stats_free(&c.s);
	return rc;
}
