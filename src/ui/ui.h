/*
 * ui.h - the terminal: ncurses set-up and tear-down, the screens' place
 * in the event loop (sys/loop.h), resizing (ui.c), and the drawing
 * helpers (ui-draw.c).
 *
 * A screen is a table of functions (draw, key, tick, suspend) over its own
 * context, like ncdu's screens.  ui_run() runs the process's one loop
 * until key() or tick() returns a result: the terminal is a source of
 * that loop (registered by ui_term_open()), the screen's tick is the loop's
 * turn, and it redraws when something changed.  Every other source
 * registered with the loop (the reminder's socket and its clients) is
 * served while any screen shows.  SIGWINCH resizes, SIGTSTP suspends
 * (telling the screen, so that a clock can stop), and SIGINT, SIGTERM
 * or SIGHUP end every ui_run() with NAV_SIGNAL.
 */
#ifndef UNKNOT_UI_H
#define UNKNOT_UI_H

#include <stdbool.h>

#include <curses.h>

#include "flow.h" /* enum nav: what every screen returns */

struct ui_screen {
	void (*draw)(void *ctx);
	/* A key (wide character or KEY_*): NAV_STAY or where to go. */
	enum nav (*key)(void *ctx, int key, bool is_char, long long now);
	/* Advance to now (monotonic us); may set *result.  Returns the next
	 * wake-up time, or LLONG_MAX for none. */
	long long (*tick)(void *ctx, long long now, enum nav *result);
	/* Called before the process stops (true) and after it continues. */
	void (*suspend)(void *ctx, bool stopping, long long now);
	void *ctx;
};

/* Colour pairs / roles. */
enum ui_role { ROLE_NORMAL, ROLE_TITLE, ROLE_CAUTION, ROLE_STOP, ROLE_BAR, ROLE_DIM, ROLE_KEY, ROLE_GOOD };

/* Why a full screen cannot be shown here, as the end of a sentence
 * ("TERM=dumb cannot show one"), or NULL when it can: standard input and
 * output must be terminals, and TERM a type that can place the cursor
 * (not dumb, as in Emacs' shell).  A command then refuses or takes its
 * plain lines rather than draw what nobody can see. */
const char *ui_term_unusable(void);
/* Take the terminal (curses, and the loop's signals).  Returns 0, or -1
 * with a message printed (ui_term_unusable()'s reason among them). */
int ui_term_open(void);
/* Give the terminal back as it was (safe to call twice). */
void ui_term_close(void);
/* Run a screen until its key or tick function says where to go. */
enum nav ui_run(struct ui_screen *s);
/* The signal that ended the last ui_run() with NAV_SIGNAL (SIGHUP when
 * the terminal went away). */
int ui_last_signal(void);
void ui_dirty(void);
/* Ring the bell and flash the screen: the stand-in for sound. */
void ui_alert(bool flash);

extern bool ui_utf8;   /* the terminal takes UTF-8: blocks and box lines */
extern bool ui_colours; /* colours in use (not with NO_COLOR or a terminal without) */

attr_t ui_attr(int role);
/* Draw s at (y, x) in at most w columns, printable characters only. */
int ui_text(int y, int x, int w, const char *s, int role);
/* As ui_text, but a text cut at w ends in ~ (as `list` cuts a column). */
int ui_text_cut(int y, int x, int w, const char *s, int role);
/* Draw s centred in a line of w columns starting at x. */
void ui_center(int y, int x, int w, const char *s, int role);
/* Wrap label+s into at most maxlines lines of w columns; returns lines drawn
 * (with maxlines 0 or less, counts them without drawing). */
int ui_wrap(int y, int x, int w, int maxlines, const char *label, const char *s, int role);
/* A progress bar of w columns filled to frac (0..1). */
void ui_bar(int y, int x, int w, double frac);
/* Large digits for a clock string such as "1:05": size, then draw. */
int ui_big_width(const char *clock);
#define UI_BIG_ROWS 5
void ui_big(int y, int x, const char *clock, int role);
/* The window is under 40x12: too small to show a screen. */
bool ui_small(void);
/* When ui_small(), draw a notice and return true. */
bool ui_too_small(void);
/* A key line at the bottom: "space pause  n next ..." fitted to the width. */
void ui_keys(int y, const char *const *pairs);

#endif
