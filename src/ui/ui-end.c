/*
 * ui-end.c - the end screen: complete or stopped, the time spent, and the
 * change in pain, with advice when pain went up.
 */
#include <stdio.h>

#include "duration.h"
#include "ui-screens.h"
#include "ui.h"

static void
end_draw(void *ctx)
{
	const struct end_info *e = ctx;
	char buf[160], t[16];
	int y = LINES / 2 - 4;
	if (y < 0)
		y = 0;
	ui_center(y, 0, COLS, e->completed ? "Routine complete" : "Routine stopped",
	    e->completed ? ROLE_GOOD : ROLE_CAUTION);
	ui_center(y + 1, 0, COLS, e->r->title, ROLE_TITLE);
	snprintf(buf, sizeof buf, "Time spent: %s", duration_clock(e->active_ms / 1000, t, sizeof t));
	ui_center(y + 3, 0, COLS, buf, ROLE_NORMAL);
	int yy = y + 4;
	if (e->pain_before >= 0 && e->pain_after >= 0) {
		int d = e->pain_after - e->pain_before;
		snprintf(buf, sizeof buf, "Pain: %d before, %d after (%s%d)", e->pain_before, e->pain_after,
		    d > 0 ? "+" : "", d);
		ui_center(yy++, 0, COLS, buf, ROLE_NORMAL);
		if (d >= 2 || e->pain_after >= 7) {
			ui_wrap(yy, 2, COLS - 4, 3, "",
			    "Pain went up or is high: ease off next time, with lighter pressure and "
			    "shorter holds. If it keeps happening, see a doctor or physiotherapist.",
			    ROLE_CAUTION);
			yy += 3;
		}
	} else if (e->pain_before >= 0 || e->pain_after >= 0) {
		snprintf(buf, sizeof buf, "Pain %s: %d", e->pain_before >= 0 ? "before" : "after",
		    e->pain_before >= 0 ? e->pain_before : e->pain_after);
		ui_center(yy++, 0, COLS, buf, ROLE_NORMAL);
	}
	if (e->preview)
		ui_center(++yy, 0, COLS, "A preview at another speed: not saved in your history.", ROLE_DIM);
	if (e->note)
		ui_center(++yy, 0, COLS, e->note, ROLE_CAUTION);
	const char *keys[] = {"any key", "close", NULL};
	ui_keys(LINES - 1, keys);
}

static int
end_key(void *ctx, int key, bool is_char, long long now)
{
	(void)ctx, (void)key, (void)is_char, (void)now;
	return UI_OK;
}

int
ui_end_screen(const struct end_info *e)
{
	struct ui_screen scr = {.draw = end_draw, .key = end_key, .ctx = (void *)e};
	return ui_run(&scr);
}
