/*
 * clock.c - how far the routine clock is off at the end of a long routine
 * run fast, measured against CLOCK_MONOTONIC, with the player's way of
 * sleeping (poll until the next deadline).  For `make bench`.
 *
 *   clock ROUTINE SPEED
 */
#define _GNU_SOURCE
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "../tools/timing.h"

#include "diag.h"
#include "routine.h"
#include "session.h"
#include "clock.h"
#include "util.h"


int
main(int argc, char **argv)
{
	if (argc != 3)
		return 2;
	struct diags d = {0};
	struct routine *r = routine_load(argv[1], NULL, &d);
	if (r == NULL) {
		diags_print(&d, stderr);
		return 1;
	}
	double speed = atof(argv[2]);
	long long start = now_us();
	double start_precise = ms_now();
	struct session *s = session_new(r, speed, start);
	long long done = 0;
	double done_precise = 0;
	int wakes = 0;
	while (!done) {
		long long now = now_us();
		const struct session_event *ev;
		size_t n = session_tick(s, now, &ev);
		for (size_t i = 0; i < n; i++)
			if (ev[i].kind == EV_DONE) {
				done = now;
				done_precise = ms_now();
			}
		long long next = session_next_redraw(s, now, 40);
		long long dl = session_next_deadline(s);
		if (dl < next)
			next = dl;
		if (!done && next != LLONG_MAX) {
			/* sleep as the player does: ppoll with a microsecond timeout */
			long long left = next - now_us();
			struct timespec ts = {left > 0 ? left / 1000000 : 0, left > 0 ? left % 1000000 * 1000 : 0};
			ppoll(NULL, 0, &ts, NULL);
		}
		wakes++;
	}
	long long want = (routine_seconds(r) + routine_prepare_seconds(r)) * 1000;
	/* the clock itself: the session's routine time against CLOCK_MONOTONIC
	 * at the moment the end was seen (no drift by construction) */
	double drift = (double)session_routine_ms(s, done) - (double)(done - start) * speed / 1000.0;
	double real = done_precise - start_precise;
	printf("%.0f ms of routine time in %.0f ms at --speed %g (%d wake-ups): end seen %+.1f ms "
	       "of routine time late (wake-up latency), clock drift %+.2f ms\n",
	    (double)want, real, speed, wakes, real * speed - (double)want, drift);
	session_free(s);
	routine_free(r);
	return 0;
}
