/* ui-stats.c - the progress screen of the home screen: `unknot stats` in a window. */
#include <stdlib.h>
#include <time.h>

#include "stats.h"
#include "ui-screens.h"
#include "ui.h"
#include "util.h"

static void
stats_fill(void *ctx, struct ui_page *pg)
{
	char **lines = stats_lines(ctx, ui_utf8, COLS);
	for (char **l = lines; *l; l++)
		ui_page_add(pg, 0, "", *l, ROLE_NORMAL);
	strv_free(lines);
}

static enum nav
stats_key(void *ctx, int key, bool is_char)
{
	(void)ctx;
	if (is_char && (key == 'q' || key == 27 || key == '\n' || key == '\r'))
		return NAV_BACK;
	return NAV_STAY;
}

enum nav
ui_stats(void)
{
	static const char *const keys[] = {"q", "back", "Up/Down", "scroll", NULL};
	struct stats s;
	struct diags d = {0};
	stats_load(&s, time(NULL), &d); /* damaged lines are skipped; `unknot history` names them */
	diags_free(&d);
	struct ui_page_screen ps = {.title = "Progress", .fill = stats_fill, .key = stats_key, .keys = keys,
	    .ctx = &s};
	enum nav rc = ui_page_run(&ps);
	stats_free(&s);
	return rc;
}
