/*
 * schedule.h - when the next posture break is due.
 *
 * Pure: from the settings (interval, working hours, working days, snooze
 * length), the last break and any snooze, and the wall-clock time passed
 * in, it computes the next due time.  Working hours and days are local
 * time (TZ), so daylight-saving changes move them with the clock on the
 * wall.  Rules:
 *   - the interval runs from the last break, or from the start of the
 *     working window when the last break was before it;
 *   - a due time that falls outside working hours moves to the next
 *     window's start plus the interval;
 *   - a due time in the past (a suspend, a clock jumped forward) means
 *     "now", once: the break taken then restarts the interval, so there is
 *     never a burst; outside working hours it moves on as above;
 *   - a last break "in the future" (the clock jumped back) counts as now,
 *     so nothing fires twice.
 */
#ifndef UNKNOT_SCHEDULE_H
#define UNKNOT_SCHEDULE_H

#include <stdbool.h>
#include <time.h>

struct schedule {
	int every, snooze;        /* seconds */
	int start_min, end_min;   /* working hours, minutes after local midnight */
	unsigned days;            /* bit 0 Sunday ... bit 6 Saturday */
	time_t last_break;        /* the interval runs from here */
	time_t snoozed_until;     /* 0: not snoozed */
};

/* "09:00-17:30".  Returns 0, or -1 with *why. */
int schedule_parse_hours(const char *s, int *start_min, int *end_min, const char **why);
/* "mon-fri", "sat,sun", "mon-wed,fri", "daily".  Returns 0, or -1 with *why. */
int schedule_parse_days(const char *s, unsigned *mask, const char **why);
/* "mon-fri" back from a mask (for status lines); static buffer. */
const char *schedule_days_text(unsigned mask);

/* True when t is inside working hours on a working day. */
bool schedule_in_hours(const struct schedule *s, time_t t);
/* The next due time, never before now. */
time_t schedule_next_due(const struct schedule *s, time_t now);

/* What the user did when it was due (or at any time). */
void schedule_break_taken(struct schedule *s, time_t now);
void schedule_snooze(struct schedule *s, time_t now, int seconds);
void schedule_skip(struct schedule *s, time_t now);

#endif
