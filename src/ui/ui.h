/*
 * ui.h - the terminal: ncurses set-up and tear-down, the screens' place
 * in the event loop (sys/loop.h), resizing, and drawing helpers.
 *
 * A screen is a table of functions (draw, key, tick, suspend) over its own
 * context, like ncdu's screens.  ui_run() runs the process's one loop
 * until key() or tick() returns a result: the terminal is a source of
 * that loop (registered by ui_init()), the screen's tick is the loop's
 * turn, and it redraws when something changed.  Every other source
 * registered with the loop (the reminder's socket and its clients) is
 * served while any screen shows.  SIGWINCH resizes, SIGTSTP suspends
 * (telling the screen, so that a clock can stop), and SIGINT, SIGTERM
 * or SIGHUP end every ui_run() with UI_SIGNAL.
 */
#ifndef UNKNOT_UI_H
#define UNKNOT_UI_H

#include <stdbool.h>

#include <curses.h>

#define UI_CONTINUE (-1)
enum ui_result { UI_OK = 0, UI_BACK, UI_QUIT, UI_SIGNAL };

struct ui_screen {
	void (*draw)(void *ctx);
	/* A key (wide character or KEY_*): UI_CONTINUE or a result. */
	int (*key)(void *ctx, int key, bool is_char, long long now);
	/* Advance to now (monotonic us); may set *result.  Returns the next
	 * wake-up time, or LLONG_MAX for none. */
	long long (*tick)(void *ctx, long long now, int *result);
	/* Called before the process stops (true) and after it continues. */
	void (*suspend)(void *ctx, bool stopping, long long now);
	void *ctx;
};

/* Colour pairs / roles. */
enum ui_role { ROLE_NORMAL, ROLE_TITLE, ROLE_CAUTION, ROLE_STOP, ROLE_BAR, ROLE_DIM, ROLE_KEY, ROLE_GOOD };

/* Set the terminal up (and the loop's signals).  Returns 0, or -1 with a
 * message printed. */
int ui_init(void);
/* Put the terminal back as it was (safe to call twice). */
void ui_end(void);
int ui_run(struct ui_screen *s);
/* The signal that ended the last ui_run() with UI_SIGNAL (SIGHUP when
 * the terminal went away). */
int ui_last_signal(void);
void ui_dirty(void);
/* Ring the bell and flash the screen: the stand-in for sound. */
void ui_alert(bool flash);

extern bool ui_utf8;   /* the terminal takes UTF-8: blocks and box lines */

attr_t ui_attr(int role);
/* Draw s at (y, x) in at most w columns, printable characters only. */
int ui_text(int y, int x, int w, const char *s, int role);
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
/* When the window is under 40x12, draw a notice and return true. */
bool ui_too_small(void);
/*
 * A page of text that scrolls: lines wrapped to the window with a role and
 * an indent, drawn below a title and above the key line, with "(more...)"
 * when some are off the bottom.  Screens rebuild it in their draw function
 * (the width may have changed) and pass their own scroll position.
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
void ui_page_clear(struct ui_page *pg);
/* Rows 2 to LINES-3 from *scroll (clamped to the page). */
void ui_page_draw(const struct ui_page *pg, int *scroll);
/* Up/Down, j/k, PgUp/PgDn: true when the key was a scroll key. */
bool ui_page_key(int key, bool is_char, int *scroll);

/* A key line at the bottom: "space pause  n next ..." fitted to the width. */
void ui_keys(int y, const char *const *pairs);

#endif
