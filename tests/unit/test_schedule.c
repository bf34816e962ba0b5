/* When the next posture break is due, with made-up clocks and a pinned TZ. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <time.h>

#include "schedule.h"

static void
pin_tz(void)
{
	setenv("TZ", "Europe/London", 1);
	tzset();
}
TestSuite(schedule, .init = pin_tz);

/* Local time in the pinned zone. */
static time_t
at(int y, int mo, int d, int h, int mi)
{
	struct tm tm = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = h, .tm_min = mi,
		.tm_isdst = -1};
	return mktime(&tm);
}

static struct schedule
office(void)
{
	struct schedule s = {.every = 45 * 60, .snooze = 600, .start_min = 9 * 60, .end_min = 17 * 60 + 30,
		.days = 0x3e};
	return s;
}

/* 2026-11-25 is a Wednesday. */
Test(schedule, the_interval_runs_from_the_last_break)
{
	struct schedule s = office();
	s.last_break = at(2026, 11, 25, 10, 0);
	cr_assert_eq(schedule_next_due(&s, at(2026, 11, 25, 10, 5)), at(2026, 11, 25, 10, 45));
}

Test(schedule, the_interval_runs_from_the_start_of_the_working_day)
{
	struct schedule s = office();
	s.last_break = at(2026, 11, 24, 16, 0);
	cr_assert_eq(schedule_next_due(&s, at(2026, 11, 25, 7, 0)), at(2026, 11, 25, 9, 45));
}

Test(schedule, nothing_is_due_after_hours_it_moves_to_the_next_morning)
{
	struct schedule s = office();
	s.last_break = at(2026, 11, 25, 17, 0);
	cr_assert_eq(schedule_next_due(&s, at(2026, 11, 25, 17, 1)), at(2026, 11, 26, 9, 45));
}

Test(schedule, weekends_are_skipped)
{
	struct schedule s = office();
	s.last_break = at(2026, 11, 27, 17, 0); /* Friday */
	cr_assert_eq(schedule_next_due(&s, at(2026, 11, 27, 17, 10)), at(2026, 11, 30, 9, 45));
	cr_assert(!schedule_in_hours(&s, at(2026, 11, 28, 11, 0)));
}

Test(schedule, waking_from_suspend_fires_once_not_a_burst)
{
	struct schedule s = office();
	s.last_break = at(2026, 11, 25, 9, 0);
	/* asleep from 9:10 to 13:00: four intervals missed */
	time_t now = at(2026, 11, 25, 13, 0);
	cr_assert_eq(schedule_next_due(&s, now), now, "due at once");
	schedule_break_taken(&s, now);
	cr_assert_eq(schedule_next_due(&s, now + 1), now + 45 * 60, "then a full interval, not another");
}

Test(schedule, waking_after_hours_fires_nothing_until_morning)
{
	struct schedule s = office();
	s.last_break = at(2026, 11, 25, 16, 0);
	cr_assert_eq(schedule_next_due(&s, at(2026, 11, 25, 22, 0)), at(2026, 11, 26, 9, 45));
}

Test(schedule, a_clock_jumping_back_never_fires_twice)
{
	struct schedule s = office();
	time_t fired = at(2026, 11, 25, 11, 0);
	schedule_break_taken(&s, fired);
	time_t back = fired - 3600; /* the clock is put back an hour */
	time_t due = schedule_next_due(&s, back);
	cr_assert_geq(due, back + 45 * 60 - 1, "a full interval from the new now, not at once");
}

Test(schedule, snooze_delays_by_its_length)
{
	struct schedule s = office();
	s.last_break = at(2026, 11, 25, 10, 0);
	time_t now = at(2026, 11, 25, 10, 45);
	schedule_snooze(&s, now, 0);
	cr_assert_eq(schedule_next_due(&s, now), now + 600);
	schedule_snooze(&s, now, 300);
	cr_assert_eq(schedule_next_due(&s, now), now + 300, "snooze D overrides the default");
}

Test(schedule, a_snooze_that_ends_after_hours_waits_for_the_morning)
{
	struct schedule s = office();
	time_t now = at(2026, 11, 25, 17, 25);
	s.last_break = now - 45 * 60;
	schedule_snooze(&s, now, 600);
	cr_assert_eq(schedule_next_due(&s, now), at(2026, 11, 26, 9, 45));
}

Test(schedule, skip_restarts_the_interval)
{
	struct schedule s = office();
	time_t now = at(2026, 11, 25, 14, 0);
	schedule_skip(&s, now);
	cr_assert_eq(schedule_next_due(&s, now), now + 45 * 60);
}

Test(schedule, working_hours_follow_the_wall_clock_across_dst)
{
	struct schedule s = office();
	/* UK clocks go forward on Sunday 2026-03-29; Monday 9:45 is BST */
	s.last_break = at(2026, 3, 27, 17, 0);
	time_t due = schedule_next_due(&s, at(2026, 3, 27, 17, 5));
	struct tm tm;
	localtime_r(&due, &tm);
	cr_assert_eq(tm.tm_mday, 30);
	cr_assert_eq(tm.tm_hour, 9);
	cr_assert_eq(tm.tm_min, 45);
	cr_assert_eq(tm.tm_isdst, 1);
	/* and back in October (2026-10-25) */
	s.last_break = at(2026, 10, 23, 17, 0);
	due = schedule_next_due(&s, at(2026, 10, 23, 17, 5));
	localtime_r(&due, &tm);
	cr_assert_eq(tm.tm_mday, 26);
	cr_assert_eq(tm.tm_hour, 9);
	cr_assert_eq(tm.tm_min, 45);
}

Test(schedule, a_working_week_has_no_missed_doubled_or_out_of_hours_reminder)
{
	struct schedule s = office();
	time_t now = at(2026, 11, 23, 8, 0); /* Monday */
	s.last_break = now;
	int fired = 0;
	time_t prev = 0;
	for (;;) {
		time_t due = schedule_next_due(&s, now);
		if (due >= at(2026, 11, 28, 0, 0))
			break;
		cr_assert(schedule_in_hours(&s, due), "due outside working hours");
		if (prev)
			cr_assert_geq(due - prev, 45 * 60, "two reminders closer than the interval");
		prev = due;
		now = due;
		schedule_break_taken(&s, now);
		fired++;
	}
	/* 8.5 h a day: 9:45 ... 17:15, every 45 min = 11 a day */
	cr_assert_eq(fired, 5 * 11, "fired %d", fired);
}

Test(schedule, reads_hours_and_days)
{
	int a, b;
	unsigned m;
	const char *why;
	cr_assert_eq(schedule_parse_hours("09:00-17:30", &a, &b, &why), 0);
	cr_assert_eq(a, 540);
	cr_assert_eq(b, 1050);
	cr_assert_eq(schedule_parse_hours("17:00-09:00", &a, &b, &why), -1);
	cr_assert_eq(schedule_parse_hours("9-5", &a, &b, &why), -1);
	cr_assert_eq(schedule_parse_hours("09:00-25:00", &a, &b, &why), -1);
	cr_assert_eq(schedule_parse_days("mon-fri", &m, &why), 0);
	cr_assert_eq(m, 0x3e);
	cr_assert_eq(schedule_parse_days("sat,sun", &m, &why), 0);
	cr_assert_eq(m, 0x41);
	cr_assert_eq(schedule_parse_days("fri-mon", &m, &why), 0);
	cr_assert_eq(m, 0x63);
	cr_assert_eq(schedule_parse_days("daily", &m, &why), 0);
	cr_assert_eq(m, 0x7f);
	cr_assert_eq(schedule_parse_days("funday", &m, &why), -1);
	cr_assert_eq(schedule_parse_days("", &m, &why), -1);
	cr_assert_str_eq(schedule_days_text(0x3e), "mon-fri");
	cr_assert_str_eq(schedule_days_text(0x41), "sat,sun");
}
