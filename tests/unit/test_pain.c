/* The pain rules: thresholds and the words every front end shows. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "history.h"
#include "pain.h"
#include "util.h"

static void pin_tz(void) { setenv("TZ", "Europe/London", 1); tzset(); }
TestSuite(pain, .init = pin_tz);

Test(pain, the_rules_follow_the_pain_monitoring_model)
{
	bool fine = false, acceptable = false, morning = false;
	for (size_t i = 0; pain_rules[i]; i++) {
		fine |= strstr(pain_rules[i], "0-3 of 10 is fine") != NULL;
		acceptable |= strstr(pain_rules[i], "4-5 is acceptable") != NULL;
		morning |= strstr(pain_rules[i], "settle by the next morning") != NULL;
	}
	cr_assert(fine && acceptable && morning);
	for (size_t i = 0; pain_rules[i]; i++)
		cr_assert_leq(strlen(pain_rules[i]), 62, "help-box lines fit 64 columns: %s", pain_rules[i]);
}

Test(pain, advises_against_starting_at_eight_or_more)
{
	cr_assert_null(pain_before_advice(-1));
	cr_assert_null(pain_before_advice(7));
	cr_assert_not_null(pain_before_advice(8));
	cr_assert_not_null(pain_before_advice(10));
	cr_assert(strstr(pain_before_advice(9), "red flag"), "it points to the red flags");
}

Test(pain, says_stop_for_a_rise_of_three_or_pain_of_seven)
{
	cr_assert_eq(pain_after_verdict(2, 9), PAIN_STOP, "2 to 9 is not the mild case");
	cr_assert_eq(pain_after_verdict(2, 5), PAIN_STOP);
	cr_assert_eq(pain_after_verdict(5, 7), PAIN_STOP);
	cr_assert_eq(pain_after_verdict(-1, 7), PAIN_STOP, "7 after is enough without a before");
	cr_assert_eq(pain_after_verdict(2, 4), PAIN_SETTLE);
	cr_assert_eq(pain_after_verdict(3, 4), PAIN_SETTLE);
	cr_assert_eq(pain_after_verdict(4, 4), PAIN_NOTHING);
	cr_assert_eq(pain_after_verdict(6, 2), PAIN_NOTHING);
	cr_assert_eq(pain_after_verdict(8, 7), PAIN_STOP, "7 or more, even when it went down");
	cr_assert_eq(pain_after_verdict(3, -1), PAIN_NOTHING);
	cr_assert_null(pain_verdict_advice(PAIN_NOTHING));
	cr_assert(strstr(pain_verdict_advice(PAIN_STOP), "Stop this routine"));
	cr_assert(strstr(pain_verdict_advice(PAIN_SETTLE), "tomorrow morning"));
}

static struct history_entry
entry(time_t when, int before, int after)
{
	struct history_entry e = {.when = when, .outcome = OUTCOME_COMPLETED, .pain_before = before,
		.pain_after = after, .seconds = 100};
	strcpy(e.routine, "lower-back");
	return e;
}

static struct pain_last
last_of(const struct history_entry *any, const struct history_entry *here)
{
	struct pain_last l = {.has_any = any != NULL, .has_here = here != NULL};
	if (any)
		l.any = *any;
	if (here)
		l.here = *here;
	return l;
}

Test(pain, asks_the_next_day_whether_a_raised_pain_settled)
{
	time_t evening = 1764180000; /* 2025-11-26 18:00 UTC, London */
	time_t later = evening + 3600, morning = evening + 15 * 3600;
	struct history_entry up = entry(evening, 2, 4), same = entry(evening, 3, 3);
	struct pain_last none = last_of(NULL, NULL), l;
	cr_assert_eq(pain_followup_due(&none, morning), FOLLOWUP_NONE);
	l = last_of(&same, NULL);
	cr_assert_eq(pain_followup_due(&l, morning), FOLLOWUP_NONE);
	l = last_of(&up, NULL);
	cr_assert_eq(pain_followup_due(&l, later), FOLLOWUP_SAME_DAY);
	cr_assert_eq(pain_followup_due(&l, morning), FOLLOWUP_NEXT_DAY);
	cr_assert_eq(pain_followup_due(&l, evening + 8 * 24 * 3600), FOLLOWUP_NONE, "a week on");
	struct history_entry high = entry(evening, -1, 7);
	l = last_of(&high, NULL);
	cr_assert_eq(pain_followup_due(&l, morning), FOLLOWUP_NEXT_DAY);
}

/* trial-a #5: the end screen said to stop this routine; the same day it is
 * advised against, whatever ran in between; a small rise only says go lighter. */
Test(pain, the_same_routine_the_same_day_after_a_stop_verdict_waits)
{
	time_t evening = 1764180000, later = evening + 3600, morning = evening + 15 * 3600;
	struct history_entry stop = entry(evening, 4, 7), small = entry(evening, 2, 4);
	struct history_entry other = entry(evening + 600, 3, 3);
	strcpy(other.routine, "desk-reset");
	struct pain_last l = last_of(&other, &stop);
	cr_assert_eq(pain_followup_due(&l, later), FOLLOWUP_WAIT);
	cr_assert_eq(pain_followup_due(&l, morning), FOLLOWUP_NEXT_DAY, "the next day: did it settle?");
	cr_assert(pain_here_said_stop(&l, morning));
	l = last_of(&small, &small);
	cr_assert_eq(pain_followup_due(&l, later), FOLLOWUP_SAME_DAY);
	cr_assert_not(pain_here_said_stop(&l, morning));
	cr_assert(strstr(pain_followup_wait, "do not repeat it until the pain has settled"));
}

Test(pain, finds_the_latest_session_in_the_history_and_skips_reminders)
{
	char dir[] = "/tmp/unknot-pain-XXXXXX";
	cr_assert_not_null(mkdtemp(dir));
	struct history_record a = {.when = 1764180000, .routine = "lower-back", .outcome = OUTCOME_COMPLETED,
		.seconds = 600, .pain_before = 2, .pain_after = 5};
	struct history_record b = {.when = 1764180000 + 60, .routine = "desk-reset",
		.outcome = OUTCOME_REMINDER_SNOOZED, .pain_before = -1, .pain_after = -1};
	const char *why;
	cr_assert_eq(history_append_to(dir, &a, &why), 0);
	cr_assert_eq(history_append_to(dir, &b, &why), 0);
	char *path = xasprintf("%s/history.tsv", dir);
	struct pain_last e;
	struct diags d = {0};
	cr_assert_eq(pain_last_sessions(path, "desk-reset", &e, &d), 1);
	cr_assert_str_eq(e.any.routine, "lower-back");
	cr_assert_eq(e.any.pain_after, 5);
	cr_assert_not(e.has_here, "the reminder's record is not a session");
	cr_assert_eq(pain_last_sessions(path, "lower-back", &e, &d), 1);
	cr_assert(e.has_here);
	cr_assert_eq(e.here.pain_after, 5);
	unlink(path);
	rmdir(dir);
	cr_assert_eq(pain_last_sessions(path, "lower-back", &e, &d), 0, "no file, no session");
	free(path);
	diags_free(&d);
}
