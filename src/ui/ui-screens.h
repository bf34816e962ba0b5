/*
 * ui-screens.h - the screens, one file each (ui-*.c), and the flow that
 * strings them together to follow a routine.  Each returns a ui_result.
 */
#ifndef UNKNOT_UI_SCREENS_H
#define UNKNOT_UI_SCREENS_H

#include <stdbool.h>

#include "config.h"
#include "library.h"
#include "routine.h"
#include "safety.h"

struct audio;

/* ui-player.c */
struct player_result {
	bool completed;
	long long active_ms;  /* routine time in bouts and rests */
};
int ui_player(const struct routine *r, double speed, struct audio *audio,
    struct player_result *out);

/* ui-screening.c: UI_OK to start, UI_BACK */
int ui_screening(const struct routine *r, const struct safety *cat, char *const *declared);

/* ui-pain.c: *value gets 0..10 or -1 (skipped) */
int ui_pain(const char *title, const char *hint, int *value);

/* ui-end.c */
struct end_info {
	const struct routine *r;
	bool completed, preview;
	long long active_ms;
	int pain_before, pain_after;
	const char *note; /* e.g. "History not saved: ..." or NULL */
};
int ui_end_screen(const struct end_info *e);

/* ui-help.c: a box over the current screen */
void ui_help_draw(const char *title, const char *const *lines);

/* ui-redflags.c: the red flags, the first time the UI opens (UI_OK once
 * read, UI_QUIT when the user would rather not go on) */
int ui_red_flags_once(const struct safety *cat);

/* ui-remind.c: the foreground reminder */
struct reminder;
int ui_remind(struct reminder *r, const struct routine *routine, const struct safety *cat,
    const struct config *cfg);

/* ui-stats.c: progress, from the history */
int ui_stats(void);

/* ui-home.c */
int ui_home(const struct safety *cat, const struct config *cfg, struct audio *audio);

/* ui-follow.c: screening, pain, player, pain, end, history. */
struct follow_opts {
	double speed;
	struct audio *audio;
};
/* UI_OK after the end screen, UI_BACK when the user went back, UI_SIGNAL. */
int ui_follow(const struct routine *r, const struct safety *cat, const struct config *cfg,
    const struct follow_opts *o);

#endif
