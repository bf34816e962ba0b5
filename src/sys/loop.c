/*
 * loop.c - the event loop and the signal set-up: see loop.h.
 *
 * The registered sources are a small array of pointers (a terminal, a
 * listening socket and a few dozen clients at most), so a linear walk per
 * turn costs less than any cleverer structure.  A removal leaves a NULL
 * that is swept when no walk is under way.  Each run of the loop keeps
 * the sources it handed to ppoll() in a frame of its own; loop_remove()
 * clears the pointer in every frame, so that a source freed by one
 * callback is never called by the walk that follows.
 */
#define _GNU_SOURCE /* ppoll */
#include "loop.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "util.h"

static volatile sig_atomic_t got_quit, got_winch, got_tstp;
static bool inited;
static sigset_t handled, run_mask;
static int quit_signal;

static struct loop_source **srcs;
static size_t nsrcs, capsrcs;
static int walking; /* > 0 while some frame walks srcs: no sweeping */

struct frame {
	struct frame *up;
	struct loop_source **polled; /* parallel to the pollfd array */
	size_t npolled;
	bool broken;
	int result;
};
static struct frame *top;

static struct {
	void (*fn)(int, void *);
	void *ctx;
} on_winch, on_tstp;

static void
on_signal(int sig)
{
	if (sig == SIGWINCH)
		got_winch = 1;
	else if (sig == SIGTSTP)
		got_tstp = 1;
	else
		got_quit = sig;
}

static const int caught[] = {SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP};

int
loop_init(void)
{
	if (inited)
		return 0;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigemptyset(&handled);
	for (size_t i = 0; i < ARRAY_LEN(caught); i++) {
		if (sigaction(caught[i], &sa, NULL) < 0)
			return -1;
		sigaddset(&handled, caught[i]);
	}
	signal(SIGPIPE, SIG_IGN);
	/* Blocked except inside ppoll(): a flag is only ever seen at the top
	 * of a turn, and no system call elsewhere is interrupted. */
	if (sigprocmask(SIG_BLOCK, &handled, &run_mask) < 0)
		return -1;
	for (size_t i = 0; i < ARRAY_LEN(caught); i++)
		sigdelset(&run_mask, caught[i]);
	inited = true;
	return 0;
}

void
loop_forked(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < ARRAY_LEN(caught); i++)
		sigaction(caught[i], &sa, NULL);
	sigaction(SIGPIPE, &sa, NULL);
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
}

void
loop_add(struct loop_source *src)
{
	if (src->on)
		return;
	if (nsrcs == capsrcs) {
		capsrcs = capsrcs ? capsrcs * 2 : 16;
		srcs = xrealloc(srcs, capsrcs * sizeof *srcs);
	}
	srcs[nsrcs++] = src;
	src->on = true;
}

void
loop_remove(struct loop_source *src)
{
	if (!src->on)
		return;
	src->on = false;
	for (size_t i = 0; i < nsrcs; i++)
		if (srcs[i] == src)
			srcs[i] = NULL;
	for (struct frame *f = top; f; f = f->up)
		for (size_t i = 0; i < f->npolled; i++)
			if (f->polled[i] == src)
				f->polled[i] = NULL;
}

static void
sweep(void)
{
	if (walking)
		return;
	size_t j = 0;
	for (size_t i = 0; i < nsrcs; i++)
		if (srcs[i])
			srcs[j++] = srcs[i];
	nsrcs = j;
}

void
loop_break(int result)
{
	if (top && !top->broken) {
		top->broken = true;
		top->result = result;
	}
}

int
loop_signal(void)
{
	return quit_signal;
}

void
loop_on_signal(int sig, void (*fn)(int, void *), void *ctx)
{
	if (sig == SIGWINCH)
		on_winch.fn = fn, on_winch.ctx = ctx;
	else if (sig == SIGTSTP)
		on_tstp.fn = fn, on_tstp.ctx = ctx;
}

void
loop_suspend(void)
{
	struct sigaction dfl, mine;
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(SIGTSTP, &dfl, &mine);
	sigset_t tstp;
	sigemptyset(&tstp);
	sigaddset(&tstp, SIGTSTP);
	raise(SIGTSTP);                        /* pending while blocked */
	sigprocmask(SIG_UNBLOCK, &tstp, NULL); /* stops here until SIGCONT */
	sigprocmask(SIG_BLOCK, &tstp, NULL);
	sigaction(SIGTSTP, &mine, NULL);
}

/* Flags raised since the last turn.  True when the loop must end. */
static bool
take_signals(void)
{
	if (got_quit && !quit_signal)
		quit_signal = got_quit;
	if (got_tstp) {
		got_tstp = 0;
		if (on_tstp.fn)
			on_tstp.fn(SIGTSTP, on_tstp.ctx);
		else
			loop_suspend();
	}
	if (got_winch) {
		got_winch = 0;
		if (on_winch.fn)
			on_winch.fn(SIGWINCH, on_winch.ctx);
	}
	return quit_signal != 0;
}

/* Call every source whose deadline has passed; return the earliest
 * deadline still ahead. */
static long long
run_timers(struct frame *f, long long now)
{
	long long next = LOOP_NEVER;
	walking++;
	for (size_t i = 0; i < nsrcs && !f->broken; i++) {
		struct loop_source *s = srcs[i];
		if (s == NULL || s->deadline == LOOP_NEVER)
			continue;
		if (s->deadline <= now) {
			s->deadline = LOOP_NEVER;
			s->ready(s, 0, now);
		}
	}
	walking--;
	sweep();
	for (size_t i = 0; i < nsrcs; i++)
		if (srcs[i] && srcs[i]->deadline < next)
			next = srcs[i]->deadline;
	return next;
}

int
loop_run(long long (*turn)(void *ctx, long long now), void *ctx)
{
	if (!inited && loop_init() < 0)
		return LOOP_SIGNAL;
	struct frame f = {.up = top};
	top = &f;
	struct pollfd *pfds = NULL;
	size_t cap = 0;
	while (!f.broken) {
		if (take_signals()) {
			f.broken = true;
			f.result = LOOP_SIGNAL;
			break;
		}
		long long now = now_us();
		long long wake = run_timers(&f, now);
		if (f.broken)
			break;
		if (turn) {
			long long t = turn(ctx, now);
			if (t < wake)
				wake = t;
			if (f.broken)
				break;
			/* turn() may have added sources with earlier deadlines */
			for (size_t i = 0; i < nsrcs; i++)
				if (srcs[i] && srcs[i]->deadline < wake)
					wake = srcs[i]->deadline;
		}

		if (cap < nsrcs) {
			cap = nsrcs;
			pfds = xrealloc(pfds, cap * sizeof *pfds);
			f.polled = xrealloc(f.polled, cap * sizeof *f.polled);
		}
		f.npolled = 0;
		for (size_t i = 0; i < nsrcs; i++) {
			struct loop_source *s = srcs[i];
			if (s == NULL || s->fd < 0)
				continue;
			/* ppoll skips a negative fd: a paused watch costs nothing */
			pfds[f.npolled] = (struct pollfd){.fd = s->events ? s->fd : -1, .events = s->events};
			f.polled[f.npolled++] = s;
		}
		struct timespec ts, *tsp = NULL;
		if (wake != LOOP_NEVER) {
			long long left = wake - now_us();
			if (left < 0)
				left = 0;
			ts.tv_sec = (time_t)(left / 1000000);
			ts.tv_nsec = (long)(left % 1000000) * 1000;
			tsp = &ts;
		}
		int n = ppoll(pfds, f.npolled, tsp, &run_mask);
		if (n <= 0)
			continue; /* a signal (seen at the top), or a deadline */
		now = now_us();
		walking++;
		for (size_t i = 0; i < f.npolled && !f.broken; i++) {
			struct loop_source *s = f.polled[i];
			if (s && pfds[i].revents)
				s->ready(s, pfds[i].revents, now);
		}
		walking--;
		sweep();
	}
	top = f.up;
	free(pfds);
	free(f.polled);
	return f.result;
}
