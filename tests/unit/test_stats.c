/* Streaks, weeks and pain from history records, across midnight, time
 * zones and daylight-saving changes. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "stats.h"
#include "util.h"

/* Each test's figures, freed after it. */
static struct stats s;

static void
pin_tz(void)
{
	setenv("TZ", "America/New_York", 1);
	tzset();
}

static void
free_stats(void)
{
}
TestSuite(stats, .init = pin_tz, .fini = free_stats);

/* A record written at local wall time y-m-d h:mi with the given offset. */
static struct history_entry
rec(int y, int m, int d, int h, int mi, int offset_min, int outcome)
{
	struct history_entry e = {.outcome = outcome, .seconds = 600, .pain_before = -1, .pain_after = -1};
	e.utc_offset = offset_min * 60;
	e.when = (time_t)civil_days(y, m, d) * 86400 + h * 3600 + mi * 60 - e.utc_offset;
	strcpy(e.routine, "r");
	return e;
}

static time_t
local_noon(int y, int m, int d)
{
	struct tm tm = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_hour = 12, .tm_isdst = -1};
	return mktime(&tm);
}

/* The stats of records, in order, as seen at now. */
static void
stats_over(struct stats *st, time_t now, const struct history_entry *v, size_t n)
{
	stats_init(st, now);
	for (size_t i = 0; i < n; i++)
		stats_add(&v[i], st);
	stats_finish(st);
}

Test(stats, consecutive_days_make_a_streak)
{
	stats_init(&s, local_noon(2026, 11, 25));
	for (int d = 20; d <= 25; d++) {
		struct history_entry e = rec(2026, 11, d, 8, 0, -300, OUTCOME_COMPLETED);
		stats_add(&e, &s);
	}
	stats_finish(&s);
	cr_assert_eq(s.streak, 6);
	cr_assert_eq(s.longest, 6);
}

Test(stats, the_streak_lives_until_a_whole_day_is_missed)
{
	const struct history_entry v[] = {
		rec(2026, 11, 24, 8, 0, -300, OUTCOME_COMPLETED),
	};
	stats_over(&s, local_noon(2026, 11, 25), v, ARRAY_LEN(v));
	cr_assert_eq(s.streak, 1, "yesterday still counts today");
	stats_free(&s);
	stats_over(&s, local_noon(2026, 11, 26), v, ARRAY_LEN(v));
	cr_assert_eq(s.streak, 0, "a day missed breaks it");
	cr_assert_eq(s.longest, 1);
}

Test(stats, a_session_just_before_midnight_counts_for_its_own_day)
{
	const struct history_entry v[] = {
		rec(2026, 11, 23, 23, 59, -300, OUTCOME_COMPLETED),
		rec(2026, 11, 25, 0, 1, -300, OUTCOME_COMPLETED),
	};
	stats_over(&s, local_noon(2026, 11, 25), v, ARRAY_LEN(v));
	cr_assert_eq(s.streak, 1, "23:59 on the 23rd and 00:01 on the 25th leave the 24th empty");
	cr_assert_eq(s.longest, 1);
}

Test(stats, a_traveller_keeps_the_dates_where_they_were)
{
	/* 22:00 in Tokyo (+09:00) on the 24th is 08:00 in New York the same day */
	const struct history_entry v[] = {
		rec(2026, 11, 23, 22, 0, 9 * 60, OUTCOME_COMPLETED),
		rec(2026, 11, 24, 20, 0, -300, OUTCOME_COMPLETED),
		rec(2026, 11, 25, 7, 0, -300, OUTCOME_COMPLETED),
	};
	stats_over(&s, local_noon(2026, 11, 25), v, ARRAY_LEN(v));
	cr_assert_eq(s.streak, 3);
}

Test(stats, daylight_saving_days_do_not_break_a_streak)
{
	/* New York falls back on Sunday 2026-11-01: -04:00 before, -05:00 after */
	const struct history_entry v[] = {
		rec(2026, 10, 31, 23, 30, -240, OUTCOME_COMPLETED),
		rec(2026, 11, 1, 23, 30, -300, OUTCOME_COMPLETED),
		rec(2026, 11, 2, 0, 30, -300, OUTCOME_COMPLETED),
	};
	stats_over(&s, local_noon(2026, 11, 2), v, ARRAY_LEN(v));
	cr_assert_eq(s.streak, 3);
}

Test(stats, only_completed_routines_make_streaks_but_all_sessions_count_minutes)
{
	const struct history_entry v[] = {
		rec(2026, 11, 25, 8, 0, -300, OUTCOME_STOPPED),
		rec(2026, 11, 24, 8, 0, -300, OUTCOME_REMINDER_SKIPPED),
	};
	stats_over(&s, local_noon(2026, 11, 25), v, ARRAY_LEN(v));
	cr_assert_eq(s.streak, 0);
	cr_assert_eq(s.sessions, 1);
	cr_assert_eq(s.week_seconds[0], 600);
}

Test(stats, weeks_start_on_monday)
{
	stats_init(&s, local_noon(2026, 11, 25)); /* Wednesday */
	struct history_entry mon = rec(2026, 11, 23, 8, 0, -300, OUTCOME_COMPLETED);
	struct history_entry sun = rec(2026, 11, 22, 20, 0, -300, OUTCOME_COMPLETED);
	struct history_entry old = rec(2026, 9, 1, 8, 0, -240, OUTCOME_COMPLETED);
	stats_add(&mon, &s);
	stats_add(&sun, &s);
	stats_add(&old, &s);
	stats_finish(&s);
	cr_assert_eq(s.week_sessions[0], 1);
	cr_assert_eq(s.week_sessions[1], 1);
	int total = 0;
	for (int w = 0; w < STATS_WEEKS; w++)
		total += s.week_sessions[w];
	cr_assert_eq(total, 2, "older than 8 weeks is left out of the weeks");
	cr_assert_eq(s.sessions, 3);
}

Test(stats, reminders_offered_and_answered_and_pain_averages)
{
	stats_init(&s, local_noon(2026, 11, 25));
	/* six breaks came due; one was snoozed, came back and was taken;
	 * two went unanswered (offered twice: the snoozed one came back) */
	int outcomes[] = {OUTCOME_REMINDER_OFFERED, OUTCOME_REMINDER_TAKEN, OUTCOME_REMINDER_OFFERED,
		OUTCOME_REMINDER_SNOOZED, OUTCOME_REMINDER_OFFERED, OUTCOME_REMINDER_TAKEN,
		OUTCOME_REMINDER_OFFERED, OUTCOME_REMINDER_OFFERED, OUTCOME_REMINDER_OFFERED, OUTCOME_REMINDER_SKIPPED};
	for (size_t i = 0; i < ARRAY_LEN(outcomes); i++) {
		struct history_entry e = rec(2026, 11, 25, 9, 0, -300, outcomes[i]);
		stats_add(&e, &s);
	}
	struct history_entry p1 = rec(2026, 11, 25, 10, 0, -300, OUTCOME_COMPLETED);
	p1.pain_before = 6, p1.pain_after = 4;
	struct history_entry p2 = rec(2026, 11, 25, 11, 0, -300, OUTCOME_COMPLETED);
	p2.pain_before = 5, p2.pain_after = 5;
	struct history_entry p3 = rec(2026, 11, 25, 12, 0, -300, OUTCOME_COMPLETED);
	p3.pain_before = 7; /* no after: not in the averages */
	stats_add(&p1, &s);
	stats_add(&p2, &s);
	stats_add(&p3, &s);
	stats_finish(&s);
	cr_assert_eq(s.reminders_offered, 6);
	cr_assert_eq(s.reminders_taken, 2);
	cr_assert_eq(s.reminders_snoozed, 1);
	cr_assert_eq(s.reminders_skipped, 1);
	cr_assert_eq(s.pain_n, 2);
	cr_assert_float_eq(s.pain_before, 5.5, 1e-9);
	cr_assert_float_eq(s.pain_after, 4.5, 1e-9);
	char **lines = stats_lines(&s, false, 80);
	int found = 0;
	for (char **l = lines; *l; l++) {
		found += strstr(*l, "Reminders: 6 offered: 2 taken, 1 snoozed, 1 skipped") != NULL;
		found += strstr(*l, "|65|") != NULL; /* ASCII chart: digits */
		found += strstr(*l, "5.5 before, 4.5 after") != NULL;
	}
	cr_assert_eq(found, 3);
	strv_free(lines);
}
