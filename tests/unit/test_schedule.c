/* Working hours and days, with made-up clocks and a pinned TZ. */
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

static const struct schedule office = {.start_min = 9 * 60, .end_min = 17 * 60 + 30, .days = 0x3e};
static const struct schedule nights = {.start_min = 22 * 60, .end_min = 6 * 60, .days = 0x3e};
#define EVERY (45 * 60)

/* 2026-11-25 is a Wednesday. */
Test(schedule, an_interval_inside_hours_is_just_added)
{
	cr_assert_eq(schedule_after(&office, at(2026, 11, 25, 10, 0), EVERY), at(2026, 11, 25, 10, 45));
}

Test(schedule, before_hours_the_interval_runs_from_their_start)
{
	cr_assert_eq(schedule_after(&office, at(2026, 11, 25, 7, 0), EVERY), at(2026, 11, 25, 9, 45));
}

Test(schedule, past_the_end_of_hours_it_moves_to_the_next_morning)
{
	cr_assert_eq(schedule_after(&office, at(2026, 11, 25, 17, 1), EVERY), at(2026, 11, 26, 9, 45));
	cr_assert_eq(schedule_after(&office, at(2026, 11, 25, 17, 0), EVERY), at(2026, 11, 26, 9, 45),
	    "17:45 is after hours");
}

Test(schedule, weekends_are_skipped)
{
	cr_assert_eq(schedule_after(&office, at(2026, 11, 27, 17, 10), EVERY), at(2026, 11, 30, 9, 45));
	cr_assert(!schedule_in_hours(&office, at(2026, 11, 28, 11, 0)));
}

Test(schedule, a_window_shorter_than_the_interval_gets_one_at_its_start)
{
	struct schedule s = {.start_min = 12 * 60, .end_min = 12 * 60 + 30, .days = 0x7f};
	cr_assert_eq(schedule_after(&s, at(2026, 11, 25, 8, 0), EVERY), at(2026, 11, 25, 12, 0));
}

Test(schedule, a_window_is_as_long_as_its_hours_say)
{
	struct schedule day = {.start_min = 9 * 60, .end_min = 17 * 60 + 30, .days = 0x3e};
	struct schedule night = {.start_min = 23 * 60 + 59, .end_min = 1, .days = 0x7f};
	struct schedule all = {.start_min = 0, .end_min = 24 * 60, .days = 0x7f};
	cr_assert_eq(schedule_window_minutes(&day), 8 * 60 + 30);
	cr_assert_eq(schedule_window_minutes(&night), 2, "23:59-00:01 is two minutes");
	cr_assert_eq(schedule_window_minutes(&all), 24 * 60);
}

Test(schedule, overnight_hours_run_past_midnight)
{
	cr_assert(schedule_in_hours(&nights, at(2026, 11, 25, 23, 0)));
	cr_assert(schedule_in_hours(&nights, at(2026, 11, 26, 5, 59)), "Wednesday's shift, Thursday morning");
	cr_assert(!schedule_in_hours(&nights, at(2026, 11, 26, 6, 0)));
	cr_assert(!schedule_in_hours(&nights, at(2026, 11, 26, 12, 0)));
	cr_assert_eq(schedule_after(&nights, at(2026, 11, 25, 23, 50), EVERY), at(2026, 11, 26, 0, 35));
	cr_assert_eq(schedule_after(&nights, at(2026, 11, 26, 5, 30), EVERY), at(2026, 11, 26, 22, 45),
	    "after the shift, the next night");
}

Test(schedule, an_overnight_window_belongs_to_the_day_it_starts)
{
	/* Friday night runs into Saturday; Sunday night is not worked */
	cr_assert(schedule_in_hours(&nights, at(2026, 11, 28, 3, 0)), "Saturday 03:00 is Friday's shift");
	cr_assert(!schedule_in_hours(&nights, at(2026, 11, 29, 23, 0)), "Sunday night is off");
	cr_assert(!schedule_in_hours(&nights, at(2026, 11, 30, 3, 0)), "so is Monday 03:00");
	cr_assert(schedule_in_hours(&nights, at(2026, 11, 30, 23, 0)));
}

Test(schedule, the_whole_day)
{
	struct schedule s = {.start_min = 0, .end_min = 1440, .days = 0x7f};
	cr_assert(schedule_in_hours(&s, at(2026, 11, 25, 0, 0)));
	cr_assert(schedule_in_hours(&s, at(2026, 11, 25, 23, 59)));
	cr_assert_eq(schedule_after(&s, at(2026, 11, 25, 23, 50), EVERY), at(2026, 11, 26, 0, 35));
}

Test(schedule, working_hours_follow_the_wall_clock_across_dst)
{
	/* UK clocks go forward on Sunday 2026-03-29; Monday 9:45 is BST */
	time_t due = schedule_after(&office, at(2026, 3, 27, 17, 5), EVERY);
	struct tm tm;
	localtime_r(&due, &tm);
	cr_assert_eq(tm.tm_mday, 30);
	cr_assert_eq(tm.tm_hour, 9);
	cr_assert_eq(tm.tm_min, 45);
	cr_assert_eq(tm.tm_isdst, 1);
	/* and back in October (2026-10-25) */
	due = schedule_after(&office, at(2026, 10, 23, 17, 5), EVERY);
	localtime_r(&due, &tm);
	cr_assert_eq(tm.tm_mday, 26);
	cr_assert_eq(tm.tm_hour, 9);
	cr_assert_eq(tm.tm_min, 45);
}

Test(schedule, a_night_shift_across_the_clocks_going_back_is_an_hour_longer)
{
	struct schedule s = nights;
	s.days = 0x7f;
	time_t a, b;
	schedule_window(&s, at(2026, 10, 24, 23, 0), &a, &b);
	cr_assert_eq(b - a, 9 * 3600, "22:00-06:00 on the night of 24-25 October lasts 9 h");
}

Test(schedule, a_working_week_has_no_missed_doubled_or_out_of_hours_break)
{
	time_t now = at(2026, 11, 23, 8, 0); /* Monday */
	int fired = 0;
	time_t prev = 0;
	for (;;) {
		time_t due = schedule_after(&office, now, EVERY);
		if (due >= at(2026, 11, 28, 0, 0))
			break;
		cr_assert(schedule_in_hours(&office, due), "due outside working hours");
		if (prev)
			cr_assert_geq(due - prev, EVERY, "two breaks closer than the interval");
		prev = now = due;
		fired++;
	}
	/* 8.5 h a day: 9:45 ... 17:15, every 45 min = 11 a day */
	cr_assert_eq(fired, 5 * 11, "fired %d", fired);
}

Test(schedule, reads_hours)
{
	int a, b;
	const char *why;
	cr_assert_eq(schedule_parse_hours("09:00-17:30", &a, &b, &why), 0);
	cr_assert_eq(a, 540);
	cr_assert_eq(b, 1050);
	cr_assert_eq(schedule_parse_hours("22:00-06:00", &a, &b, &why), 0, "overnight");
	cr_assert_eq(a, 1320);
	cr_assert_eq(b, 360);
	cr_assert_eq(schedule_parse_hours("00:00-24:00", &a, &b, &why), 0);
	cr_assert_eq(b, 1440);
	cr_assert_eq(schedule_parse_hours("18:00-00:00", &a, &b, &why), 0);
	cr_assert_eq(b, 1440, "to midnight");
	cr_assert_eq(schedule_parse_hours("09:00-09:00", &a, &b, &why), -1, "empty");
	cr_assert_eq(schedule_parse_hours("9-5", &a, &b, &why), -1);
	cr_assert_eq(schedule_parse_hours("09:00-25:00", &a, &b, &why), -1);
	cr_assert_eq(schedule_parse_hours("09:00-24:01", &a, &b, &why), -1);
	cr_assert_eq(schedule_parse_hours("09:00-17:30x", &a, &b, &why), -1);
	cr_assert_eq(schedule_parse_hours("+9:00-17:30", &a, &b, &why), -1);
}

Test(schedule, reads_days)
{
	unsigned m;
	const char *why;
	char buf[40];
	cr_assert_eq(schedule_parse_days("mon-fri", &m, &why), 0);
	cr_assert_eq(m, 0x3e);
	cr_assert_eq(schedule_parse_days("sat,sun", &m, &why), 0);
	cr_assert_eq(m, 0x41);
	cr_assert_eq(schedule_parse_days("fri-mon", &m, &why), 0);
	cr_assert_eq(m, 0x63);
	cr_assert_eq(schedule_parse_days("daily", &m, &why), 0);
	cr_assert_eq(m, 0x7f);
	cr_assert_eq(schedule_parse_days("funday", &m, &why), -1);
	cr_assert_eq(schedule_parse_days("mon,", &m, &why), -1);
	cr_assert_eq(schedule_parse_days("", &m, &why), -1);
	cr_assert_str_eq(schedule_days_text(0x3e, buf, sizeof buf), "mon-fri");
	cr_assert_str_eq(schedule_days_text(0x41, buf, sizeof buf), "sat,sun");
}
