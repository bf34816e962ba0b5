/*
 * stats.h - progress from the history: streaks, sessions and minutes per
 * week, reminders offered and how they were answered, and pain before and after.
 *
 * Pure and streaming: stats_add() takes one record at a time (it is a
 * history_fn), so that months of history need little memory.  A record's
 * day is its local date where it was written (from the offset it carries),
 * so travel and daylight-saving changes never move a session to another
 * day.  Previews are never in the history, so they never count.
 */
#ifndef UNKNOT_STATS_H
#define UNKNOT_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "history.h"

#define STATS_WEEKS 8
#define STATS_PAIN 60 /* the last sessions with both pain check-ins, for the chart */

struct stats {
	long today;                    /* local day number of "now" */
	int *days;                     /* days with a completed routine */
	size_t ndays, cap;
	int streak, longest;           /* in days, after stats_finish() */
	int week_sessions[STATS_WEEKS];  /* [0] is this week (from Monday) */
	long week_seconds[STATS_WEEKS];
	long sessions, completed;
	/* breaks offered (came due), and the answers: a snoozed break may
	 * come back and be offered again */
	long reminders_offered, reminders_taken, reminders_snoozed, reminders_skipped;
	long pain_n;
	double pain_before, pain_after; /* sums, then averages after stats_finish() */
	signed char chart[STATS_PAIN][2];
	size_t nchart, chart_next;     /* a ring of the last STATS_PAIN */
};

void stats_init(struct stats *s, time_t now);
/* init, every record of the user's history file, finish: the whole report.
 * The history's warnings go to d.  Returns 0, or -1 when it cannot be read. */
int stats_load(struct stats *s, time_t now, struct diags *d);
void stats_add(const struct history_entry *e, void *stats);
void stats_finish(struct stats *s);
void stats_free(struct stats *s);
/* The Monday that starts week w (0 is this week), as noon UTC of that
 * date: gmtime_r() of it gives the date. */
time_t stats_week_start(const struct stats *s, int w);
/* The i-th of the last s->nchart pain check-ins, oldest first. */
void stats_pain_at(const struct stats *s, size_t i, int *before, int *after);
/* The report as lines of at most width columns, Unicode blocks or ASCII. */
char **stats_lines(const struct stats *s, bool utf8, int width);

#endif
