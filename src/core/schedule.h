/*
 * schedule.h - working hours and days: the calendar the reminder keeps.
 *
 * Pure: the wall-clock time is passed in.  Working hours and days are
 * local time (TZ), so daylight-saving changes move them with the clock on
 * the wall.  Hours may run overnight ("22:00-06:00"): such a window
 * belongs to the day it starts on, so with mon-fri the Friday night shift
 * runs into Saturday morning and there is none on Sunday night.
 * "00:00-24:00" is the whole day.
 */
#ifndef UNKNOT_SCHEDULE_H
#define UNKNOT_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

struct schedule {
	int start_min, end_min;   /* minutes after local midnight; start > end: overnight */
	unsigned days;            /* bit 0 Sunday ... bit 6 Saturday */
};

/* "09:00-17:30", "22:00-06:00", "00:00-24:00".  Returns 0, or -1 with *why. */
int schedule_parse_hours(const char *s, int *start_min, int *end_min, const char **why);
/* "mon-fri", "sat,sun", "mon-wed,fri", "fri-mon", "daily".  Returns 0, or
 * -1 with *why. */
int schedule_parse_days(const char *s, unsigned *mask, const char **why);
/* "mon-fri" back from a mask; "09:00-17:30" back from the hours. */
char *schedule_days_text(unsigned mask, char *out, size_t n);
char *schedule_hours_text(const struct schedule *s, char *out, size_t n);

/* How long a working window is, in minutes on the clock (a
 * daylight-saving night aside). */
int schedule_window_minutes(const struct schedule *s);
/* True when t is inside a working window. */
bool schedule_in_hours(const struct schedule *s, time_t t);
/* The first working window that ends after t (it may have begun). */
void schedule_window(const struct schedule *s, time_t t, time_t *start, time_t *end);
/*
 * When something `interval` seconds after `from` falls due in working
 * time: from + interval when that is inside a window; otherwise the
 * interval runs from the start of the next window (or that start itself,
 * when the window is shorter than the interval).  Before a window, the
 * interval runs from its start.  From inside a window, never earlier
 * than from + interval.
 */
time_t schedule_after(const struct schedule *s, time_t from, long interval);

#endif
