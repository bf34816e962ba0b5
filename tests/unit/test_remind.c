/* The reminder model with made-up times and a pinned TZ: snooze, skip,
 * pause, natural breaks, micro-breaks, overnight hours, DST, and "never
 * closer" as a property over many random states. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "remind.h"

static void
pin_tz(void)
{
	setenv("TZ", "Europe/London", 1);
	tzset();
}
TestSuite(remind, .init = pin_tz);

static time_t
at(int y, int mo, int d, int h, int mi)
{
	struct tm tm = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = h, .tm_min = mi,
		.tm_isdst = -1};
	return mktime(&tm);
}

#define MIN 60
static const struct remind_settings office = {
	.sch = {.start_min = 9 * 60, .end_min = 17 * 60 + 30, .days = 0x3e},
	.every = 45 * MIN, .snooze = 10 * MIN, .idle = 5 * MIN,
};
static const struct remind_probe here = {.idle = 3, .playing = false};
static const struct remind_probe gone = {.idle = 20 * MIN, .playing = false};

/* Run the model to `now` as a runner would: tick while something is
 * pending, probing with p; return the last event other than NONE. */
static enum remind_event
run_to(struct remind *r, time_t now, const struct remind_probe *p)
{
	enum remind_event last = REMIND_NONE, e;
	int guard = 0;
	while ((e = remind_tick(r, now, remind_pending(r, now) ? p : NULL)) != REMIND_NONE) {
		last = e;
		cr_assert_lt(++guard, 20, "tick does not settle");
	}
	return last;
}

/* Wednesday 2026-11-25 */
Test(remind, the_first_break_is_an_interval_from_the_start)
{
	struct remind r;
	remind_start(&r, &office, at(2026, 11, 25, 10, 0));
	cr_assert_eq(r.due, at(2026, 11, 25, 10, 45));
	cr_assert_eq(remind_wake(&r, at(2026, 11, 25, 10, 0)), r.due);
	cr_assert(!remind_pending(&r, at(2026, 11, 25, 10, 44)));
	cr_assert_eq(run_to(&r, at(2026, 11, 25, 10, 45), &here), REMIND_BREAK);
	cr_assert(r.offered);
	cr_assert_eq(remind_today(&r, at(2026, 11, 25, 10, 45)).offered, 1);
	cr_assert_eq(remind_wake(&r, at(2026, 11, 25, 10, 46)), REMIND_NEVER, "waits for an answer");
}

Test(remind, snooze_with_nothing_due_postpones_and_never_brings_it_closer)
{
	/* the bug: "next break at 10:34 (in 45 min)", then snooze said 09:59 */
	struct remind r;
	time_t now = at(2026, 11, 25, 9, 49);
	remind_start(&r, &office, now);
	time_t due = r.due;
	cr_assert_eq(remind_snooze(&r, now, 0), REMIND_POSTPONED);
	cr_assert_eq(r.due, due + 10 * MIN, "max(due, now) + D");
	cr_assert_eq(remind_today(&r, now).snoozed, 0, "a postponement is not counted");
}

Test(remind, snooze_answers_an_offered_break)
{
	struct remind r;
	remind_start(&r, &office, at(2026, 11, 25, 10, 0));
	time_t now = at(2026, 11, 25, 10, 47);
	cr_assert_eq(run_to(&r, now, &here), REMIND_BREAK);
	cr_assert_eq(remind_snooze(&r, now, 5 * MIN), REMIND_ANSWERED);
	cr_assert_eq(r.due, now + 5 * MIN);
	cr_assert(!r.offered);
	cr_assert_eq(remind_today(&r, now).snoozed, 1);
	cr_assert_eq(run_to(&r, now + 5 * MIN, &here), REMIND_BREAK, "and it comes back");
	cr_assert_eq(remind_today(&r, now).offered, 2);
}

Test(remind, skip_after_a_snooze_moves_it_later_not_earlier)
{
	/* the bug: skip after a snooze moved 09:43 to 09:42 */
	struct remind r;
	time_t now = at(2026, 11, 25, 9, 0);
	remind_start(&r, &office, now - 15 * MIN);
	remind_snooze(&r, now, 0);
	time_t due = r.due;
	cr_assert_eq(remind_skip(&r, now), REMIND_POSTPONED);
	cr_assert_eq(r.due, due + 45 * MIN, "the one after");
}

Test(remind, skip_answers_an_offered_break_and_restarts_the_interval)
{
	struct remind r;
	remind_start(&r, &office, at(2026, 11, 25, 10, 0));
	time_t now = at(2026, 11, 25, 10, 50);
	run_to(&r, now, &here);
	cr_assert_eq(remind_skip(&r, now), REMIND_ANSWERED);
	cr_assert_eq(r.due, now + 45 * MIN);
	cr_assert_eq(remind_today(&r, now).skipped, 1);
}

Test(remind, a_snooze_that_ends_after_hours_waits_for_the_morning)
{
	struct remind r;
	remind_start(&r, &office, at(2026, 11, 25, 16, 40));
	time_t now = at(2026, 11, 25, 17, 25);
	cr_assert_eq(run_to(&r, now, &here), REMIND_BREAK);
	remind_snooze(&r, now, 10 * MIN);
	cr_assert_eq(r.due, at(2026, 11, 26, 9, 45));
}

Test(remind, waking_from_suspend_offers_once_not_a_burst)
{
	struct remind r;
	remind_start(&r, &office, at(2026, 11, 25, 9, 0));
	time_t now = at(2026, 11, 25, 13, 0); /* asleep 9:10 to 13:00: four intervals */
	cr_assert_eq(run_to(&r, now, &here), REMIND_BREAK);
	cr_assert_eq(remind_today(&r, now).offered, 1);
	remind_taken(&r, now);
	cr_assert_eq(r.due, now + 45 * MIN, "then a full interval");
	cr_assert_eq(remind_today(&r, now).taken, 1);
}

Test(remind, waking_after_hours_fires_nothing_until_morning)
{
	struct remind r;
	remind_start(&r, &office, at(2026, 11, 25, 16, 0));
	cr_assert_eq(run_to(&r, at(2026, 11, 25, 22, 0), &here), REMIND_NONE);
	cr_assert_eq(r.due, at(2026, 11, 26, 9, 45));
}

Test(remind, a_user_away_at_due_time_had_a_natural_break)
{
	struct remind r;
	remind_start(&r, &office, at(2026, 11, 25, 10, 0));
	time_t due = r.due;
	cr_assert_eq(run_to(&r, due, &gone), REMIND_AWAY);
	cr_assert(!r.offered, "nothing fires while away");
	cr_assert_eq(remind_today(&r, due).offered, 0);
	cr_assert_eq(remind_wake(&r, due), due + REMIND_RECHECK, "looked at again a minute later");
	cr_assert_eq(run_to(&r, due + 10 * MIN, &gone), REMIND_NONE, "still away");
	/* back: last input 30 s ago */
	struct remind_probe back = {.idle = 30};
	time_t now = due + 20 * MIN;
	cr_assert_eq(run_to(&r, now, &back), REMIND_BACK);
	cr_assert_eq(r.due, now - 30 + 45 * MIN, "the interval restarts from their return");
}

Test(remind, a_short_absence_is_not_a_natural_break)
{
	struct remind r;
	remind_start(&r, &office, at(2026, 11, 25, 10, 0));
	struct remind_probe coffee = {.idle = 4 * MIN};
	cr_assert_eq(run_to(&r, r.due, &coffee), REMIND_BREAK);
}

Test(remind, unknown_idle_time_is_not_away)
{
	struct remind r;
	remind_start(&r, &office, at(2026, 11, 25, 10, 0));
	struct remind_probe unknown = {.idle = -1};
	cr_assert_eq(run_to(&r, r.due, &unknown), REMIND_BREAK);
}

Test(remind, a_routine_playing_defers_the_break_and_completing_it_is_the_break)
{
	struct remind r;
	remind_start(&r, &office, at(2026, 11, 25, 10, 0));
	time_t due = r.due;
	struct remind_probe playing = {.idle = 0, .playing = true};
	cr_assert_eq(run_to(&r, due, &playing), REMIND_NONE);
	cr_assert_eq(r.due, due + REMIND_RECHECK);
	time_t end = due + 90;
	cr_assert(!remind_completed(&r, end), "nothing was offered");
	cr_assert_eq(r.due, end + 45 * MIN, "the interval restarts from its end");
}

Test(remind, a_routine_completed_while_offered_is_the_break_taken)
{
	struct remind r;
	remind_start(&r, &office, at(2026, 11, 25, 10, 0));
	run_to(&r, r.due, &here);
	cr_assert(remind_completed(&r, r.due + 120));
	cr_assert_eq(remind_today(&r, r.due).taken, 1);
	cr_assert(!r.offered);
}

Test(remind, a_routine_completed_long_ago_does_not_bring_the_break_closer)
{
	struct remind r;
	time_t now = at(2026, 11, 25, 10, 0);
	remind_start(&r, &office, now);
	remind_snooze(&r, now, 60 * MIN);
	time_t due = r.due;
	remind_completed(&r, now);
	cr_assert_eq(r.due, due);
}

Test(remind, pause_stops_the_clock_and_resumes_where_it_was)
{
	struct remind r;
	time_t now = at(2026, 11, 25, 10, 0);
	remind_start(&r, &office, now);
	time_t p = now + 15 * MIN; /* 30 min left */
	remind_pause(&r, p, 60 * MIN);
	cr_assert(remind_paused(&r));
	cr_assert_eq(remind_wake(&r, p), p + 60 * MIN);
	cr_assert_eq(run_to(&r, now + 45 * MIN, &here), REMIND_NONE, "nothing fires while paused");
	cr_assert_eq(run_to(&r, p + 60 * MIN, &here), REMIND_RESUMED);
	cr_assert_eq(r.due, p + 60 * MIN + 30 * MIN, "what was left is left");
}

Test(remind, resume_ends_a_pause_early)
{
	struct remind r;
	time_t now = at(2026, 11, 25, 10, 0);
	remind_start(&r, &office, now);
	remind_pause(&r, now, 60 * MIN);
	cr_assert(remind_resume(&r, now + 10 * MIN));
	cr_assert_eq(r.due, now + 10 * MIN + 45 * MIN);
	cr_assert(!remind_resume(&r, now + 11 * MIN), "not paused");
}

Test(remind, pausing_an_offered_break_withdraws_it_until_after)
{
	struct remind r;
	remind_start(&r, &office, at(2026, 11, 25, 10, 0));
	time_t due = r.due;
	run_to(&r, due, &here);
	remind_pause(&r, due, 30 * MIN);
	cr_assert(!r.offered);
	cr_assert_eq(run_to(&r, due + 30 * MIN, &here), REMIND_BREAK, "due at once after the pause");
	cr_assert_eq(remind_today(&r, due).offered, 2);
}

/* trial-b #4: a daemon with nothing to show a break on: the break came
 * due, but nobody could see it, so it is not counted as offered. */
Test(remind, a_break_nobody_could_see_is_not_counted_and_the_interval_restarts)
{
	struct remind r;
	remind_start(&r, &office, at(2026, 11, 25, 10, 0));
	time_t due = r.due;
	cr_assert_eq(run_to(&r, due, &here), REMIND_BREAK);
	remind_unseen(&r, due);
	cr_assert(!r.offered, "nothing waits for an answer");
	cr_assert_eq(remind_today(&r, due).offered, 0, "not offered: nobody saw it");
	cr_assert_eq(r.due, due + 45 * MIN, "the next one an interval later");
	remind_unseen(&r, due + 60);
	cr_assert_eq(r.due, due + 45 * MIN, "nothing offered: nothing changes");
}

/* trial-b #2: s at the prompt, then `remind snooze` from another
 * terminal while the routine plays: the break must end up taken. */
Test(remind, a_break_being_taken_cannot_be_snoozed_or_skipped_and_ends_taken)
{
	struct remind r;
	remind_start(&r, &office, at(2026, 11, 25, 10, 0));
	time_t due = r.due;
	cr_assert_eq(run_to(&r, due, &here), REMIND_BREAK);
	cr_assert(remind_begin(&r, due + 5), "an offered break begins");
	cr_assert(r.taking);
	cr_assert_eq(remind_snooze(&r, due + 20, 0), REMIND_TAKING);
	cr_assert_eq(remind_skip(&r, due + 21), REMIND_TAKING);
	remind_unanswered(&r, due + 22);
	remind_pause(&r, due + 23, 30 * MIN);
	cr_assert(r.offered && r.taking, "still the break being taken");
	remind_taken(&r, due + 140);
	struct remind_counts c = remind_today(&r, due);
	cr_assert_eq(c.taken, 1);
	cr_assert_eq(c.snoozed + c.skipped, 0);
	cr_assert(!r.taking && !r.offered);
}

Test(remind, going_back_before_the_routine_starts_leaves_the_break_due)
{
	struct remind r;
	remind_start(&r, &office, at(2026, 11, 25, 10, 0));
	time_t due = r.due;
	run_to(&r, due, &here);
	remind_begin(&r, due + 5);
	remind_unbegin(&r);
	cr_assert(r.offered && !r.taking);
	cr_assert_eq(remind_snooze(&r, due + 10, 0), REMIND_ANSWERED);
}

Test(remind, a_break_started_with_none_due_is_not_one_being_taken)
{
	struct remind r;
	remind_start(&r, &office, at(2026, 11, 25, 10, 0));
	cr_assert(!remind_begin(&r, at(2026, 11, 25, 10, 5)));
	cr_assert(!r.taking);
}

Test(remind, micro_breaks_come_between_posture_breaks_and_end_by_themselves)
{
	struct remind_settings s = office;
	s.micro = 20 * MIN;
	struct remind r;
	time_t now = at(2026, 11, 25, 10, 0);
	remind_start(&r, &s, now);
	cr_assert_eq(remind_wake(&r, now), now + 20 * MIN);
	cr_assert_eq(run_to(&r, now + 20 * MIN, &here), REMIND_MICRO);
	cr_assert_eq(r.micro_end, now + 20 * MIN + REMIND_MICRO_SECONDS);
	cr_assert_eq(remind_wake(&r, now + 20 * MIN), r.micro_end);
	cr_assert_eq(run_to(&r, r.micro_end, &here), REMIND_MICRO_END);
	/* the one at 10:40 is within 5 minutes of the posture break at 10:45 */
	cr_assert_eq(run_to(&r, now + 40 * MIN, &here), REMIND_NONE, "absorbed");
	cr_assert_eq(run_to(&r, now + 45 * MIN, &here), REMIND_BREAK);
	remind_taken(&r, now + 46 * MIN);
	cr_assert_eq(r.micro_due, now + 46 * MIN + 20 * MIN, "restarted by the posture break");
}

Test(remind, micro_breaks_are_off_by_default)
{
	struct remind r;
	remind_start(&r, &office, at(2026, 11, 25, 10, 0));
	cr_assert_eq(r.micro_due, REMIND_NEVER);
}

Test(remind, overnight_hours_fire_at_night_and_not_by_day)
{
	struct remind_settings s = office;
	s.sch = (struct schedule){.start_min = 22 * 60, .end_min = 6 * 60, .days = 0x7f};
	struct remind r;
	remind_start(&r, &s, at(2026, 11, 25, 12, 0));
	cr_assert_eq(r.due, at(2026, 11, 25, 22, 45));
	cr_assert_eq(run_to(&r, at(2026, 11, 25, 22, 45), &here), REMIND_BREAK);
	remind_taken(&r, at(2026, 11, 26, 5, 30));
	cr_assert_eq(r.due, at(2026, 11, 26, 22, 45), "after the shift: the next night");
}

Test(remind, a_break_due_across_the_clocks_going_forward)
{
	struct remind_settings s = office;
	s.sch = (struct schedule){.start_min = 0, .end_min = 1440, .days = 0x7f};
	struct remind r;
	/* 2026-03-29 01:30 GMT; at 01:00 clocks jump to 02:00 BST */
	time_t now = at(2026, 3, 29, 0, 30);
	remind_start(&r, &s, now);
	cr_assert_eq(r.due, now + 45 * MIN, "45 real minutes, whatever the wall clock says");
	struct tm tm;
	localtime_r(&r.due, &tm);
	cr_assert_eq(tm.tm_hour, 2);
	cr_assert_eq(tm.tm_min, 15);
}

Test(remind, counts_start_again_each_day)
{
	struct remind r;
	time_t now = at(2026, 11, 25, 10, 0);
	remind_start(&r, &office, now);
	remind_count(&r, REMIND_TAKEN, now - 3600, now);
	remind_count(&r, REMIND_SNOOZED, now - 86400, now); /* yesterday: not today's */
	cr_assert_eq(remind_today(&r, now).taken, 1);
	cr_assert_eq(remind_today(&r, now).snoozed, 0);
	cr_assert_eq(remind_today(&r, at(2026, 11, 26, 9, 0)).taken, 0);
}

/* The property: whatever happens, the next break only ever moves closer
 * because time passes -- no request, answer, pause, routine or absence
 * brings it nearer.  Many random walks from random states. */
Test(remind, never_closer_over_random_states)
{
	unsigned seed = 12345;
	for (int walk = 0; walk < 400; walk++) {
		struct remind_settings s = office;
		s.every = (1 + rand_r(&seed) % 480) * MIN;
		s.snooze = (1 + rand_r(&seed) % 240) * MIN;
		s.micro = rand_r(&seed) % 2 ? (5 + rand_r(&seed) % 55) * MIN : 0;
		s.sch.start_min = rand_r(&seed) % 1440;
		s.sch.end_min = (s.sch.start_min + 30 + rand_r(&seed) % 1380) % 1440;
		if (s.sch.end_min == 0)
			s.sch.end_min = 1440;
		s.sch.days = 1 + rand_r(&seed) % 127;
		struct remind r;
		time_t now = at(2026, 1 + rand_r(&seed) % 12, 1 + rand_r(&seed) % 28, 0, 0) +
		    rand_r(&seed) % 86400;
		remind_start(&r, &s, now);
		for (int step = 0; step < 60; step++) {
			time_t before = r.due;
			bool offered = r.offered;
			struct remind_probe p = {.idle = rand_r(&seed) % 3 ? 2 : 3600, .playing = rand_r(&seed) % 7 == 0};
			switch (rand_r(&seed) % 9) {
			case 0: remind_snooze(&r, now, rand_r(&seed) % 2 ? 0 : (1 + rand_r(&seed) % 240) * MIN); break;
			case 1: remind_skip(&r, now); break;
			case 2: remind_pause(&r, now, (1 + rand_r(&seed) % 720) * MIN); break;
			case 3: remind_resume(&r, now); break;
			case 4: remind_completed(&r, now - rand_r(&seed) % 7200); break;
			case 5: if (offered) remind_taken(&r, now); break;
			case 6: remind_unanswered(&r, now); break;
			default: {
				/* time passes: to the wake-up, or a jump */
				time_t wake = remind_wake(&r, now);
				now = wake != REMIND_NEVER && rand_r(&seed) % 3 ? wake
				    : now + rand_r(&seed) % (6 * 3600);
				run_to(&r, now, &p);
				break;
			}
			}
			cr_assert_geq(r.due, before, "walk %d step %d: the break came closer (%ld -> %ld)", walk,
			    step, (long)before, (long)r.due);
			if (r.offered)
				cr_assert(schedule_in_hours(&s.sch, r.due), "offered out of hours");
		}
	}
}

/* trial-b #6: the screen redraws when what it says changes: walk every
 * second across two days and check that the text changes exactly at the
 * times remind_when_changes() gives, and never in between. */
Test(remind, the_time_text_changes_exactly_when_it_says)
{
	time_t start = at(2026, 11, 25, 10, 0) + 17;
	time_t targets[] = {start + 45 * 60 + 13, start + 13 * 3600 + 7, start + 61, start + 30};
	for (size_t k = 0; k < sizeof targets / sizeof targets[0]; k++) {
		time_t t = targets[k];
		char before[64], now_text[64];
		remind_when_text(t, start, before, sizeof before);
		time_t next = remind_when_changes(t, start);
		for (time_t now = start + 1; now <= t; now++) {
			remind_when_text(t, now, now_text, sizeof now_text);
			bool differs = strcmp(before, now_text) != 0;
			cr_assert_eq(differs, now == next, "at %+lld s to go: '%s' -> '%s', change said at %+lld",
			    (long long)(t - now), before, now_text, (long long)(t - next));
			if (differs) {
				strcpy(before, now_text);
				next = remind_when_changes(t, now);
			}
		}
		cr_assert_eq(next, REMIND_NEVER, "the last minute reads the same to the end");
	}
}
