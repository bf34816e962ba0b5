/*
 * ui-screens.h - the curses screens, one file each (ui-*.c), the widgets
 * they share (the page runner, the help box), and the curses front end of
 * the session flow (src/core/flow.h).  Every screen returns an enum nav:
 * the caller decides where to go next.
 */
#ifndef UNKNOT_UI_SCREENS_H
#define UNKNOT_UI_SCREENS_H

#include <stdbool.h>

#include "config.h"
#include "flow.h"
#include "health.h"
#include "plan.h"
#include "screening.h"
#include "library.h"
#include "routine.h"
#include "safety.h"

struct audio;

/*
 * ui-page.c: a page of text that scrolls, htop's InfoScreen.  A page
 * screen is a small table: its title, a function that fills the page
 * (called on every draw, as the width may have changed), its key line,
 * and its own keys.  The runner scrolls (Up/Down, j/k, PgUp/PgDn) and
 * draws; lines are wrapped to the window with a role and an indent, with
 * "(more...)" when some are off the bottom.
 */
struct ui_line {
	char *text;
	int role, indent;
};
struct ui_page {
	struct ui_line *v;
	int n, cap;
};
/* Add label+text wrapped to the window; continuation lines hang under the
 * text.  An empty text adds a blank line. */
void ui_page_add(struct ui_page *pg, int indent, const char *label, const char *text, int role);
/* Add the flow's lines (flow_screening_lines, screening.h) with their emphasis. */
void ui_page_add_lines(struct ui_page *pg, const struct flow_line *v, size_t n);
/* The curses role for an emphasis. */
int ui_emph_role(enum flow_emph e);

struct ui_page_screen {
	const char *title;
	/* Optional: lines kept in view below the title (as many as they need,
	 * leaving the page a row), the page scrolling under them. */
	void (*head)(void *ctx, struct ui_page *pg);
	void (*fill)(void *ctx, struct ui_page *pg);
	const char *const *keys;     /* the key line: pairs of key, what it does */
	/* Keys other than scrolling: NAV_STAY to stay.  NULL: q and Esc go back. */
	enum nav (*key)(void *ctx, int key, bool is_char);
	void *ctx;
};
enum nav ui_page_run(const struct ui_page_screen *ps);

/* ui-help.c: the help box, a widget over any screen: open it, draw it
 * last, and give it keys first (any key closes it). */
struct ui_help {
	const char *title;
	const char *const *lines;
	bool open;
};
void ui_help_draw(const struct ui_help *h);
/* True when the help took the key (it was open: now it is closed). */
bool ui_help_key(struct ui_help *h);

/* ui-player.c: the player, the flow's play step: runs the plan's routine
 * (plan->run) with the advice that goes with each step. */
enum nav ui_player(const struct plan *plan, double speed, struct audio *audio, struct flow_play *out);

/* ui-screening.c: NAV_OK to start, NAV_PROFILE, NAV_BACK */
enum nav ui_screening(const struct flow *f);

/* ui-health.c: the health profile screen; saves on `s`.  NAV_OK or NAV_SIGNAL. */
enum nav ui_health(const struct safety *cat, struct health *h);

/* ui-ask.c: a question; answers are "y", "label", ... NULL; *answer gets
 * the letter chosen (Esc: the last one).  NAV_OK or NAV_SIGNAL. */
enum nav ui_ask(const char *title, const char *text, int role, const char *const *answers, char *answer);

/* ui-pain.c: *value gets 0..10 or -1 (skipped); with can_go_back, q or
 * Esc is NAV_BACK (before the start), else a skip */
enum nav ui_pain(const char *title, const char *hint, bool can_go_back, int *value);

/* ui-end.c: the end screen, the flow's last step */
enum nav ui_end_screen(const struct flow *f);

/* ui-redflags.c: the red flags, the first time the UI opens (NAV_OK once
 * read, NAV_QUIT when the user would rather not go on) */
enum nav ui_red_flags_once(const struct safety *cat);

/* ui-remind.c: the foreground reminder */
struct reminder;
enum nav ui_remind(struct reminder *r, const struct routine *routine, const struct safety *cat,
    struct config *cfg);

/* ui-stats.c: progress, from the history */
enum nav ui_stats(void);

/* ui-home.c */
enum nav ui_home(const struct safety *cat, struct config *cfg, struct audio *audio);

/* ui-flow.c: the flow of one session (src/core/flow.h) in curses.
 * NAV_OK after the end screen, NAV_BACK when the user went back,
 * NAV_SIGNAL. */
enum nav ui_flow(const struct routine *r, const struct safety *cat, const struct flow_opts *o,
    struct audio *audio);

#endif
