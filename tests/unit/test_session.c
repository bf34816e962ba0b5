/* The routine clock, driven with made-up times. */
#include <criterion/criterion.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>

#include "helpers.h"
#include "session.h"
#include "util.h"

/* The routine of the contract's example, small enough to list by hand.
 * Types that need no get-ready time of their own, so that it is the
 * routine's prepare (step_prepare_seconds). */
#define SIDES_REPS_RESTS \
	"{ type = \"posture\"; title = \"A\"; duration = 30; sides = true; rest = 10; }," \
	"{ type = \"move\"; title = \"B\"; duration = 20; reps = 2; rest = 5; }"

/* The session's clock is in microseconds; the tests think in milliseconds. */
#define US(ms) ((long long)(ms) * 1000LL)

/* The fixture most tests share: the contract's example routine, its clock
 * started at time 0 at speed 1. */
static struct {
	struct routine *r;
	struct session *s;
} fx;

static void
start_contract(void)
{
	fx.r = routine_of_steps(SIDES_REPS_RESTS, 5);
	fx.s = session_new(fx.r, 1.0, US(0));
}

static void
end_contract(void)
{
	session_free(fx.s);
	routine_free(fx.r);
}

struct seen {
	int kind;
	long long at, real;
	size_t step;
	int bout, value;
};

/* Tick exactly at every deadline until done; record every event with
 * the (microsecond) time it was seen. */
static size_t
run_at_deadlines(struct session *s, long long start_us, struct seen *out, size_t max)
{
	size_t n = 0;
	long long now = start_us;
	for (int guard = 0; guard < 100000; guard++) {
		const struct session_event *ev;
		size_t k = session_tick(s, now, &ev);
		for (size_t i = 0; i < k && n < max; i++)
			out[n++] = (struct seen){ev[i].kind, ev[i].at, now, ev[i].step, ev[i].bout, ev[i].value};
		if (session_done(s))
			return n;
		long long next = session_next_deadline(s);
		cr_assert_gt(next, now, "the deadline must move forward");
		now = next;
	}
	cr_assert_fail("the session never finished");
	return n;
}

Test(session, emits_every_event_at_its_exact_time)
{
	struct routine *r = routine_of_steps(SIDES_REPS_RESTS, 5);
	struct session *s = session_new(r, 1.0, US(1000000));
	struct seen got[64];
	size_t n = run_at_deadlines(s, US(1000000), got, 64);
	struct { int kind; long long at; } want[] = {
		{EV_STEP_START, 0}, {EV_COUNTDOWN, 2000}, {EV_COUNTDOWN, 3000}, {EV_COUNTDOWN, 4000},
		{EV_GO, 5000}, {EV_HALFWAY, 20000}, {EV_TEN_LEFT, 25000}, {EV_REST_START, 35000},
		{EV_SIDE_SWITCH, 45000}, {EV_HALFWAY, 60000}, {EV_TEN_LEFT, 65000}, {EV_STEP_END, 75000},
		{EV_STEP_START, 75000}, {EV_COUNTDOWN, 77000}, {EV_COUNTDOWN, 78000}, {EV_COUNTDOWN, 79000},
		{EV_GO, 80000}, {EV_HALFWAY, 90000}, {EV_REST_START, 100000}, {EV_REP_START, 105000},
		{EV_HALFWAY, 115000}, {EV_STEP_END, 125000}, {EV_DONE, 125000},
	};
	cr_assert_eq(n, ARRAY_LEN(want), "got %zu events", n);
	for (size_t i = 0; i < n; i++) {
		cr_expect_eq(got[i].kind, want[i].kind, "event %zu: %s, want %s", i,
		    session_event_name(got[i].kind), session_event_name(want[i].kind));
		cr_expect_eq(got[i].at, want[i].at, "event %zu (%s) at %lld, want %lld", i,
		    session_event_name(got[i].kind), got[i].at, want[i].at);
		cr_expect_eq(got[i].real, US(1000000 + want[i].at), "event %zu seen late", i);
	}
	cr_assert_eq(got[2].value, 2, "countdown says 3, 2, 1");
	cr_assert_eq(got[8].bout, 1);
	cr_assert_eq(got[12].step, 1);
	cr_assert_eq(session_active_ms(s, US(1000000 + 125000)), 115000, "get-ready time is not active time");
	session_free(s);
	routine_free(r);
}

Test(session, total_matches_the_routine_arithmetic, .init = start_contract, .fini = end_contract)
{
	struct session_view v;
	session_view(fx.s, US(0), &v);
	cr_assert_eq(v.total_len, routine_seconds(fx.r) * 1000);
	cr_assert_eq(v.total_len, 115000);
	cr_assert_eq(v.step_len, 70000);
}

Test(session, without_prepare_starts_the_first_bout_at_once)
{
	struct routine *r = routine_of_steps("{ type = \"rest\"; title = \"A\"; duration = 5; }", 0);
	struct session *s = session_new(r, 1.0, US(0));
	const struct session_event *ev;
	size_t n = session_tick(s, US(0), &ev);
	cr_assert_eq(n, 2);
	cr_assert_eq(ev[0].kind, EV_STEP_START);
	cr_assert_eq(ev[1].kind, EV_GO);
	cr_assert_eq(session_next_deadline(s), US(5000));
	n = session_tick(s, US(4999), &ev);
	cr_assert_eq(n, 0);
	n = session_tick(s, US(5000), &ev);
	cr_assert_eq(n, 2);
	cr_assert_eq(ev[1].kind, EV_DONE);
	session_free(s);
	routine_free(r);
}

Test(session, a_late_tick_reports_everything_it_missed_in_order, .init = start_contract, .fini = end_contract)
{
	const struct session_event *ev;
	size_t n = session_tick(fx.s, US(200000), &ev);
	cr_assert_eq(n, 23);
	for (size_t i = 1; i < n; i++)
		cr_assert_leq(ev[i - 1].at, ev[i].at);
	cr_assert_eq(ev[n - 1].kind, EV_DONE);
	cr_assert_eq(session_next_deadline(fx.s), LLONG_MAX);
}

/* Pause at `at` for `for_ms`, and check that everything after moves by that much. */
static void
pause_shifts_events(long long at, long long for_ms)
{
	struct routine *r = routine_of_steps(SIDES_REPS_RESTS, 5);
	struct session *s = session_new(r, 1.0, US(0));
	const struct session_event *ev;
	session_tick(s, US(at), &ev);
	session_pause(s, US(at));
	cr_assert(session_paused(s));
	cr_assert_eq(session_next_deadline(s), LLONG_MAX, "no wake-ups while paused");
	cr_assert_eq(session_tick(s, US(at + for_ms - 1), &ev), 0, "nothing happens while paused");
	struct session_view v1, v2;
	session_view(s, US(at + 1), &v1);
	session_view(s, US(at + for_ms - 1), &v2);
	cr_assert_eq(v1.phase_left, v2.phase_left, "the clock stands still");
	cr_assert(v2.paused);
	session_resume(s, US(at + for_ms));
	struct seen got[64];
	size_t n = run_at_deadlines(s, US(at + for_ms), got, 64);
	cr_assert_gt(n, 0);
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(got[i].real, US(got[i].at + for_ms), "%s at %lld seen at %lld us",
		    session_event_name(got[i].kind), got[i].at, got[i].real);
	cr_assert_eq(got[n - 1].at, 125000, "routine time is unchanged by pausing");
	session_free(s);
	routine_free(r);
}

Test(session, pausing_while_getting_ready_delays_everything) { pause_shifts_events(1500, 10000); }
Test(session, pausing_in_a_bout_delays_everything) { pause_shifts_events(12345, 60000); }
Test(session, pausing_in_a_rest_delays_everything) { pause_shifts_events(37000, 999); }
Test(session, pausing_on_a_boundary_delays_everything) { pause_shifts_events(45000, 5000); }

Test(session, pause_and_resume_twice_are_harmless, .init = start_contract, .fini = end_contract)
{
	session_pause(fx.s, US(1000));
	session_pause(fx.s, US(5000));
	session_resume(fx.s, US(6000));
	session_resume(fx.s, US(9000));
	struct session_view v;
	session_view(fx.s, US(6000), &v);
	cr_assert_eq(v.phase_left, 4000, "paused from 1000 to 6000");
}

Test(session, next_skips_to_the_next_step_get_ready, .init = start_contract, .fini = end_contract)
{
	const struct session_event *ev;
	session_tick(fx.s, US(20000), &ev);
	session_next_step(fx.s, US(20000));
	size_t n = session_tick(fx.s, US(20000), &ev);
	cr_assert_eq(n, 1);
	cr_assert_eq(ev[0].kind, EV_STEP_START);
	cr_assert_eq(ev[0].step, 1);
	struct session_view v;
	session_view(fx.s, US(20000), &v);
	cr_assert_eq(v.step, 1);
	cr_assert_eq(v.phase, PHASE_READY);
	cr_assert_eq(v.phase_left, 5000);
	cr_assert_eq(v.total_done, 70000, "the routine bar jumps past the skipped step");
	cr_assert(session_skipped(fx.s));
	cr_assert_eq(session_active_ms(fx.s, US(20000)), 15000);
}

Test(session, next_on_the_last_step_ends_the_routine, .init = start_contract, .fini = end_contract)
{
	const struct session_event *ev;
	session_next_step(fx.s, US(100));
	session_tick(fx.s, US(100), &ev);
	session_next_step(fx.s, US(200));
	size_t n = session_tick(fx.s, US(200), &ev);
	cr_assert_eq(n, 1);
	cr_assert_eq(ev[0].kind, EV_DONE);
	cr_assert(session_done(fx.s));
	session_next_step(fx.s, US(300)); /* harmless when done */
	cr_assert(session_done(fx.s));
}

Test(session, prev_early_in_a_step_goes_to_the_previous_step, .init = start_contract, .fini = end_contract)
{
	const struct session_event *ev;
	session_tick(fx.s, US(77000), &ev); /* step B began at 75000 */
	session_prev_step(fx.s, US(77999));
	session_tick(fx.s, US(77999), &ev);
	struct session_view v;
	session_view(fx.s, US(77999), &v);
	cr_assert_eq(v.step, 0);
	cr_assert_eq(v.phase, PHASE_READY);
}

Test(session, prev_later_in_a_step_restarts_it, .init = start_contract, .fini = end_contract)
{
	const struct session_event *ev;
	session_tick(fx.s, US(78000), &ev); /* exactly 3 fx.s into step B */
	session_prev_step(fx.s, US(78000));
	session_tick(fx.s, US(78000), &ev);
	struct session_view v;
	session_view(fx.s, US(78000), &v);
	cr_assert_eq(v.step, 1);
	cr_assert_eq(v.phase_left, 5000);
}

Test(session, prev_on_the_first_step_restarts_it, .init = start_contract, .fini = end_contract)
{
	const struct session_event *ev;
	session_tick(fx.s, US(1000), &ev);
	session_prev_step(fx.s, US(1000));
	size_t n = session_tick(fx.s, US(1000), &ev);
	cr_assert_eq(n, 1);
	cr_assert_eq(ev[0].kind, EV_STEP_START);
	cr_assert_eq(ev[0].step, 0);
}

static void
speed_runs_faster(double speed)
{
	struct routine *r = routine_of_steps(SIDES_REPS_RESTS, 5);
	struct session *s = session_new(r, speed, US(0));
	struct seen got[64];
	size_t n = run_at_deadlines(s, 0, got, 64);
	cr_assert_eq(n, 23);
	for (size_t i = 0; i < n; i++) {
		long long want = (long long)ceil((double)US(got[i].at) / speed);
		cr_assert(got[i].real >= want - 1 && got[i].real <= want + 1,
		    "speed %g: %s at routine %lld ms seen at %lld us, want about %lld", speed,
		    session_event_name(got[i].kind), got[i].at, got[i].real, want);
	}
	session_free(s);
	routine_free(r);
}

Test(session, speed_ten_runs_ten_times_faster) { speed_runs_faster(10); }
Test(session, speed_three_keeps_exact_routine_times) { speed_runs_faster(3); }
Test(session, speed_a_tenth_runs_slower) { speed_runs_faster(0.1); }
Test(session, speed_a_thousand_still_reports_every_event) { speed_runs_faster(1000); }

Test(session, a_four_hour_routine_with_irregular_ticks_ends_on_time)
{
	struct routine *r = routine_of_steps("{ type = \"posture\"; title = \"A\"; duration = \"1h\"; sides = true; rest = \"10m\"; },"
				 "{ type = \"move\"; title = \"B\"; duration = \"50m\"; reps = 1; sides = true; rest = \"10m\"; }",
	    0);
	cr_assert_eq(routine_seconds(r), 4 * 3600);
	struct session *s = session_new(r, 1.0, US(0));
	srand(42);
	long long now = 0, done_at = -1, done_seen = -1;
	const struct session_event *ev;
	while (done_at < 0) {
		now += 1 + rand() % 7919; /* ticks that never line up with a second */
		size_t n = session_tick(s, US(now), &ev);
		for (size_t i = 0; i < n; i++)
			if (ev[i].kind == EV_DONE) {
				done_at = ev[i].at;
				done_seen = now;
			}
	}
	cr_assert_eq(done_at, 4 * 3600 * 1000LL, "ended at %lld", done_at);
	cr_assert_lt(done_seen - done_at, 7919);
	/* ticking exactly at the deadlines sees the end within 1 ms */
	struct session *t = session_new(r, 1.0, US(0));
	struct seen got[64];
	size_t n = run_at_deadlines(t, 0, got, 64);
	cr_assert_leq(llabs(got[n - 1].real - US(4 * 3600 * 1000LL)), 1000, "within 1 ms of 4 h");
	session_free(t);
	session_free(s);
	routine_free(r);
}

Test(session, view_describes_sides_reps_and_progress, .init = start_contract, .fini = end_contract)
{
	const struct session_event *ev;
	struct session_view v;
	session_tick(fx.s, US(50000), &ev);
	session_view(fx.s, US(50000), &v);
	cr_assert_eq(v.phase, PHASE_BOUT);
	cr_assert_eq(v.side, 2, "right side after the switch at 45 s");
	cr_assert_eq(v.phase_left, 25000);
	cr_assert_eq(v.step_done, 40000 + 5000);
	cr_assert_eq(v.total_done, 45000);
	session_tick(fx.s, US(108000), &ev);
	session_view(fx.s, US(108000), &v);
	cr_assert_eq(v.side, 0);
	cr_assert_eq(v.rep, 2);
	cr_assert_eq(v.reps, 2);
	cr_assert_eq(v.step, 1);
}

Test(session, redraws_when_the_shown_second_changes, .init = start_contract, .fini = end_contract)
{
	const struct session_event *ev;
	session_tick(fx.s, US(5300), &ev);
	cr_assert_eq(session_next_redraw(fx.s, US(5300), 0), US(6000));
	cr_assert_eq(session_next_redraw(fx.s, US(5300), 900), US(6200), "never sooner than the minimum gap");
	session_pause(fx.s, US(5300));
	cr_assert_eq(session_next_redraw(fx.s, US(5300), 0), LLONG_MAX);
}
