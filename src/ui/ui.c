/*
 * ui.c - the terminal and the screens' place in the event loop: taking and
 * giving back the terminal, the fatal-signal restore, resizing, Ctrl-Z,
 * keys, and ui_run (see ui.h).  The drawing helpers are in ui-draw.c.
 */
#include "ui.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <wctype.h>

#include "clock.h"
#include "loop.h"
#include "termguard.h"
#include "text.h"
#include "util.h"

bool ui_utf8;

bool ui_colours;

static bool active, dirty;
static int hangup;            /* SIGHUP when the terminal went away */
static SCREEN *scr;
static int saved_stderr = -1;
static struct ui_screen *cur; /* the innermost ui_run()'s screen */
static struct loop_source term;

/*
 * A fatal signal must not leave the terminal raw (sys/termguard.h): what
 * the guard puts back is made ready while it is safe: the terminal's modes
 * from before curses, and terminfo's strings that leave the alternate
 * screen, show the cursor and reset the colours.
 */
static struct termios shell_modes;
static bool have_shell_modes;

/* Add terminfo's capability cap to the reset string. */
static void
add_reset(struct buf *b, const char *cap)
{
	char *v = tigetstr(cap);
	if (v != NULL && v != (char *)-1)
		buf_add(b, v, strlen(v));
}

static void
arm_guard(void)
{
	struct buf b = {0};
	add_reset(&b, "sgr0");
	add_reset(&b, "cnorm");
	add_reset(&b, "rmkx");
	add_reset(&b, "rmcup");
	termguard_arm(STDOUT_FILENO, have_shell_modes ? &shell_modes : NULL, b.s ? b.s : "", b.len, saved_stderr);
	buf_free(&b);
}

static void on_keys(struct loop_source *src, short revents, long long now);
static void on_winch(int sig, void *ctx);
static void on_tstp(int sig, void *ctx);

int
ui_term_open(void)
{
	const char *why = ui_term_unusable();
	if (why) {
		fprintf(stderr, "unknot: the full screen needs a terminal that can show it, and %s.\n", why);
		return -1;
	}
	ui_utf8 = text_utf8();
	have_shell_modes = tcgetattr(STDOUT_FILENO, &shell_modes) == 0;
	/* The loop's signal set-up before curses': ncurses leaves handlers
	 * alone that are not SIG_DFL. */
	if (loop_init() < 0) {
		fprintf(stderr, "unknot: cannot set up signals: %s\n", strerror(errno));
		return -1;
	}

	scr = newterm(NULL, stdout, stdin);
	if (scr == NULL) {
		const char *term_name = getenv("TERM");
		fputs("unknot: cannot use the terminal type '", stderr);
		text_put(stderr, term_name ? term_name : "");
		fputs("': set TERM to one this system knows, such as xterm-256color\n", stderr);
		return -1;
	}
	set_term(scr);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	ui_colours = has_colors() && getenv("NO_COLOR") == NULL;
	if (ui_colours) {
		start_color();
		use_default_colors();
		init_pair(ROLE_TITLE, COLOR_CYAN, -1);
		init_pair(ROLE_CAUTION, COLOR_YELLOW, -1);
		init_pair(ROLE_STOP, COLOR_RED, -1);
		init_pair(ROLE_BAR, COLOR_GREEN, -1);
		init_pair(ROLE_DIM, COLOR_BLUE, -1);
		init_pair(ROLE_KEY, COLOR_BLACK, COLOR_CYAN);
		init_pair(ROLE_GOOD, COLOR_GREEN, -1);
	}
	/* Nothing may print over the screen: libraries (ALSA, SDL) write their
	 * complaints to stderr, so it goes to /dev/null until ui_term_close(). */
	int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
	saved_stderr = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
	if (null >= 0 && saved_stderr >= 0)
		dup2(null, STDERR_FILENO);
	if (null >= 0)
		close(null);
	active = true;
	arm_guard();
	atexit(ui_term_close);
	term = (struct loop_source){.fd = STDIN_FILENO, .events = POLLIN, .deadline = LOOP_NEVER,
	    .ready = on_keys};
	loop_add(&term);
	loop_on_signal(SIGWINCH, on_winch, NULL);
	loop_on_signal(SIGTSTP, on_tstp, NULL);
	return 0;
}

void
ui_term_close(void)
{
	if (!active)
		return;
	active = false;
	termguard_disarm();
	loop_remove(&term);
	loop_on_signal(SIGWINCH, NULL, NULL);
	loop_on_signal(SIGTSTP, NULL, NULL);
	curs_set(1);
	endwin();
	fflush(stdout);
	if (saved_stderr >= 0) {
		dup2(saved_stderr, STDERR_FILENO);
		close(saved_stderr);
		saved_stderr = -1;
	}
}

int
ui_last_signal(void)
{
	return loop_signal() ? loop_signal() : hangup;
}

void
ui_dirty(void)
{
	dirty = true;
}

void
ui_alert(bool also_flash)
{
	beep();
	if (also_flash)
		flash();
}

static void
resize(void)
{
	struct winsize ws;
	/* resizeterm() queues a KEY_RESIZE: call it only for a real change */
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0 &&
	    (ws.ws_row != LINES || ws.ws_col != COLS))
		resizeterm(ws.ws_row, ws.ws_col);
	clearok(curscr, TRUE);
	dirty = true;
}

static void
on_winch(int sig, void *ctx)
{
	resize();
}

/* Ctrl-Z: let the screen stop its clock, give the terminal back, stop. */
static void
on_tstp(int sig, void *ctx)
{
	struct ui_screen *s = cur;
	if (s && s->suspend)
		s->suspend(s->ctx, true, now_us());
	endwin();
	fflush(stdout);
	loop_suspend(); /* until fg */
	reset_prog_mode();
	resize();
	if (s && s->suspend)
		s->suspend(s->ctx, false, now_us());
}

/* The terminal is readable: every key waiting goes to the current screen. */
static void
on_keys(struct loop_source *src, short revents, long long now)
{
	if (revents & (POLLHUP | POLLERR | POLLNVAL)) {
		hangup = SIGHUP; /* the terminal went away */
		loop_break(NAV_SIGNAL);
		return;
	}
	wint_t wc;
	int r;
	while ((r = wget_wch(stdscr, &wc)) != ERR) {
		dirty = true;
		if (r == KEY_CODE_YES && wc == KEY_RESIZE)
			continue; /* curses has already taken the new size */
		if (cur == NULL)
			continue;
		enum nav result = cur->key(cur->ctx, (int)wc, r != KEY_CODE_YES, now_us());
		if (result != NAV_STAY) {
			loop_break(result);
			return;
		}
	}
}

/* One screen's run: tick, then redraw when something changed. */
struct run {
	struct ui_screen *s;
	long long wake;
};

static long long
turn(void *ctx, long long now)
{
	struct run *run = ctx;
	struct ui_screen *s = run->s;
	if (now >= run->wake)
		dirty = true; /* the screen's time moved on */
	run->wake = LOOP_NEVER;
	if (s->tick) {
		enum nav result = NAV_STAY;
		run->wake = s->tick(s->ctx, now, &result);
		if (result != NAV_STAY) {
			loop_break(result);
			return LOOP_NEVER;
		}
	}
	if (dirty) {
		erase();
		if (!ui_too_small())
			s->draw(s->ctx);
		refresh();
		dirty = false;
	}
	return run->wake;
}

enum nav
ui_run(struct ui_screen *s)
{
	struct ui_screen *outer = cur;
	struct run run = {.s = s, .wake = LOOP_NEVER};
	cur = s;
	dirty = true;
	int rc = loop_run(turn, &run);
	cur = outer;
	dirty = true;
	return rc == LOOP_SIGNAL ? NAV_SIGNAL : (enum nav)rc;
}
