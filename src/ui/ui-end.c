/*
 * ui-end.c - the end screen, the flow's last step: complete, ended early
 * or stopped, the time spent in steps, the change in pain with the flow's
 * advice (pain.h), whether the history has it, and the pain rules for next
 * time when there is room.
 */
#include <stdio.h>

#include "duration.h"
#include "pain.h"
#include "ui-screens.h"
#include "ui.h"

static void
end_draw(void *ctx)
{
	const struct flow *f = ctx;
	char buf[160], t[16];
	int y = LINES / 2 - 4;
	if (y < 0)
		y = 0;
	ui_center(y, 0, COLS, flow_outcome_text(f->outcome), f->outcome == OUTCOME_COMPLETED ? ROLE_GOOD : ROLE_CAUTION);
	ui_center(y + 1, 0, COLS, f->r->title, ROLE_TITLE);
	snprintf(buf, sizeof buf, "Time spent: %s (%d%% of the routine)",
	    duration_clock(f->play.step_ms / 1000, t, sizeof t), f->percent_done);
	ui_center(y + 3, 0, COLS, buf, ROLE_NORMAL);
	int yy = y + 4;
	if (f->outcome == OUTCOME_PARTIAL) {
		snprintf(buf, sizeof buf, "Under %d%% done: kept as partial, not as complete.", FLOW_COMPLETE_PERCENT);
		ui_center(yy++, 0, COLS, buf, ROLE_DIM);
	}
	if (f->pain_before >= 0 && f->pain_after >= 0) {
		int d = f->pain_after - f->pain_before;
		snprintf(buf, sizeof buf, "Pain: %d before, %d after (%s%d)", f->pain_before, f->pain_after,
		    d > 0 ? "+" : "", d);
		ui_center(yy++, 0, COLS, buf, ROLE_NORMAL);
	} else if (f->pain_before >= 0 || f->pain_after >= 0) {
		snprintf(buf, sizeof buf, "Pain %s: %d", f->pain_before >= 0 ? "before" : "after",
		    f->pain_before >= 0 ? f->pain_before : f->pain_after);
		ui_center(yy++, 0, COLS, buf, ROLE_NORMAL);
	}
	if (f->advice && yy < LINES - 2)
		yy += ui_wrap(yy, 2, COLS - 4, LINES - 2 - yy, "", f->advice,
		    f->verdict == PAIN_STOP ? ROLE_STOP : ROLE_CAUTION);
	if (f->preview)
		ui_center(++yy, 0, COLS, "A preview at another speed: not saved in your history.", ROLE_DIM);
	if (f->note[0])
		ui_center(++yy, 0, COLS, f->note, ROLE_CAUTION);
	size_t nrules = 0;
	while (pain_rules[nrules])
		nrules++;
	if (yy + 2 + (int)nrules < LINES - 1) {
		yy += 2;
		for (size_t i = 0; pain_rules[i]; i++)
			ui_center(yy++, 0, COLS, pain_rules[i], ROLE_DIM);
	}
	const char *keys[] = {"any key", "close", NULL};
	ui_keys(LINES - 1, keys);
	move(y, 0); /* the cursor on the outcome, for screen readers */
}

static enum nav
end_key(void *ctx, int key, bool is_char, long long now)
{
	(void)ctx, (void)key, (void)is_char, (void)now;
	return NAV_OK;
}

enum nav
ui_end_screen(const struct flow *f)
{
	struct ui_screen scr = {.draw = end_draw, .key = end_key, .ctx = (void *)f};
	return ui_run(&scr);
}
