/*
 * loop.h - the process's one event loop (curses-free), shared by the
 * screens, a line mode and the reminder daemon, in the manner of tmux's
 * proc.c and cmus's main loop.
 *
 * It owns the waiting: every descriptor to watch (the terminal, the
 * reminder's listening socket, each client), every deadline, and the
 * signal flags.  Nothing else in the program sleeps or blocks on I/O while
 * a loop runs; everything else registers a source and is called back.
 *
 * Sources.  A struct loop_source is owned by its caller (embed it in the
 * thing it serves) and is registered with loop_add() until loop_remove().
 * It watches a descriptor (fd >= 0, for the poll events in `events`; 0
 * pauses the watch), a deadline on the monotonic clock of clock.h
 * (LOOP_NEVER for none), or both.  ready() is called with the revents
 * when the descriptor is ready (POLLHUP, POLLERR and POLLNVAL may come
 * with any non-zero `events`), or with revents 0 when the deadline has
 * passed; the deadline is cleared (LOOP_NEVER) before that call, so a
 * repeating timer sets it again.  A callback may change any source's
 * fd, events and deadline, add sources, and remove any source (itself
 * included) and free it at once: a removed source is never called again.
 *
 * Running.  loop_run() turns until a callback calls loop_break(result),
 * and returns that result.  Each turn: signals raised since the last
 * turn are handled; sources whose deadline passed are called; then
 * turn(ctx, now) runs (a screen ticks its clock and redraws there) and
 * returns when it next wants to run (monotonic us, LOOP_NEVER: only
 * after an event); then the loop sleeps in ppoll() until a descriptor is
 * ready, the earliest deadline, or a signal -- never busy-waiting -- and
 * calls the sources that are ready.  loop_run() may nest (a screen that
 * opens another runs a loop of its own from a callback or between
 * turns); every registered source is served at every depth, so a socket
 * stays answered whatever screen is showing.  loop_break() ends the
 * innermost run.
 *
 * Signals.  loop_init() installs the one signal set-up of the process:
 * SIGPIPE is ignored (writes get EPIPE instead: use MSG_NOSIGNAL on
 * sockets too); SIGINT, SIGTERM, SIGHUP, SIGWINCH and SIGTSTP only set
 * flags (they are blocked outside ppoll(), so a handler never interrupts
 * the program between two statements).  SIGINT, SIGTERM and SIGHUP end
 * every loop_run() with LOOP_SIGNAL, at every depth, from then on
 * (loop_signal() says which).  SIGWINCH and SIGTSTP call the function set
 * with loop_on_signal(); without one, SIGWINCH is ignored and SIGTSTP
 * stops the process (loop_suspend()).  Fatal signals (SIGSEGV, SIGBUS,
 * SIGABRT, ...) are not handled here.
 */
#ifndef UNKNOT_LOOP_H
#define UNKNOT_LOOP_H

#include <limits.h>
#include <stdbool.h>

#define LOOP_NEVER LLONG_MAX
/* loop_run()'s result when SIGINT, SIGTERM or SIGHUP came. */
#define LOOP_SIGNAL (-1000)

struct loop_source {
	int fd;              /* -1: no descriptor (a timer) */
	short events;        /* POLLIN, POLLOUT, ...; 0: not watched for now */
	long long deadline;  /* monotonic us; LOOP_NEVER: none */
	void (*ready)(struct loop_source *src, short revents, long long now);
	void *ctx;           /* the caller's */
	bool on;             /* private: registered */
};

/* The signal set-up above.  Safe to call more than once.  Returns 0, or
 * -1 with errno set. */
int loop_init(void);
/* In a child after fork(), before exec or _exit: the default signal
 * handling and an empty signal mask, as a new program expects. */
void loop_forked(void);

void loop_add(struct loop_source *src);
void loop_remove(struct loop_source *src);

int loop_run(long long (*turn)(void *ctx, long long now), void *ctx);
void loop_break(int result);

/* SIGINT, SIGTERM or SIGHUP once one has ended the loop; else 0. */
int loop_signal(void);
/* fn(sig, ctx) for SIGWINCH or SIGTSTP (fn NULL: back to the default). */
void loop_on_signal(int sig, void (*fn)(int sig, void *ctx), void *ctx);
/* Stop the process as SIGTSTP's default would, and return once it is
 * continued (SIGCONT).  A SIGTSTP handler calls it after giving the
 * terminal back. */
void loop_suspend(void);

#endif
