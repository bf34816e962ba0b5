/*
 * ui-follow.c - following one routine from start to end: screening, the
 * pain check-in, the player, the pain check-in again, the end screen, and
 * the history record.  A preview (speed other than 1) is not recorded.
 */
#include <stdio.h>
#include <time.h>

#include "history.h"
#include "ui-screens.h"
#include "ui.h"

int
ui_follow(const struct routine *r, const struct safety *cat, const struct config *cfg,
    const struct follow_opts *o)
{
	int rc = ui_screening(r, cat, cfg->conditions);
	if (rc != UI_OK)
		return rc;
	bool preview = o->speed != 1.0;
	int before = -1, after = -1;
	if (cfg->ask_pain) {
		rc = ui_pain(r->title, "Before you start", &before);
		if (rc != UI_OK)
			return rc;
	}
	struct player_result res;
	time_t started = time(NULL);
	rc = ui_player(r, o->speed, o->audio, &res);
	if (rc == UI_OK && cfg->ask_pain) {
		int prc = ui_pain(r->title, "Routine complete: how is it now?", &after);
		if (prc == UI_SIGNAL)
			rc = prc;
	}
	const char *note = NULL;
	char note_buf[160];
	if (!preview) {
		struct history_record rec = {
			.when = started,
			.routine = r->id,
			.outcome = res.completed ? OUTCOME_COMPLETED : OUTCOME_STOPPED,
			.seconds = (long)(res.active_ms / 1000),
			.pain_before = before,
			.pain_after = after,
		};
		const char *why;
		if (history_append(&rec, &why) < 0) {
			snprintf(note_buf, sizeof note_buf, "History not saved: %s", why);
			note = note_buf;
		}
	}
	if (rc == UI_SIGNAL)
		return rc;
	struct end_info e = {
		.r = r, .completed = res.completed, .preview = preview, .active_ms = res.active_ms,
		.pain_before = before, .pain_after = after, .note = note,
	};
	rc = ui_end_screen(&e);
	return rc == UI_SIGNAL ? rc : UI_OK;
}
