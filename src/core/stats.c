/* stats.c - progress from the history: see stats.h. */
#include "stats.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static long
day_of(time_t t, long offset)
{
	time_t local = t + offset;
	struct tm tm;
	gmtime_r(&local, &tm);
	return civil_days(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* Monday of the week holding day d (1970-01-01 was a Thursday). */
static long
monday(long d)
{
	long wd = ((d + 3) % 7 + 7) % 7;
	return d - wd;
}

void
stats_init(struct stats *s, time_t now)
{
	memset(s, 0, sizeof *s);
	struct tm tm;
	localtime_r(&now, &tm);
	s->today = day_of(now, tm.tm_gmtoff);
}

void
stats_add(const struct history_entry *e, void *arg)
{
	struct stats *s = arg;
	long day = day_of(e->when, e->utc_offset);
	switch (e->outcome) {
	case OUTCOME_COMPLETED:
		s->completed++;
		if (s->ndays == s->cap) {
			s->cap = s->cap ? s->cap * 2 : 64;
			s->days = xrealloc(s->days, s->cap * sizeof *s->days);
		}
		/* consecutive records of one day are common: keep one */
		if (s->ndays == 0 || s->days[s->ndays - 1] != (int)day)
			s->days[s->ndays++] = (int)day;
		/* fall through */
	case OUTCOME_PARTIAL: /* the time counts, not toward the streak */
	case OUTCOME_STOPPED: {
		s->sessions++;
		long w = (monday(s->today) - monday(day)) / 7;
		if (w >= 0 && w < STATS_WEEKS) {
			s->week_sessions[w]++;
			s->week_seconds[w] += e->seconds;
		}
		if (e->pain_before >= 0 && e->pain_after >= 0) {
			s->pain_n++;
			s->pain_before += e->pain_before;
			s->pain_after += e->pain_after;
			s->chart[s->chart_next][0] = (signed char)e->pain_before;
			s->chart[s->chart_next][1] = (signed char)e->pain_after;
			s->chart_next = (s->chart_next + 1) % STATS_PAIN;
			if (s->nchart < STATS_PAIN)
				s->nchart++;
		}
		break;
	}
	case OUTCOME_REMINDER_OFFERED: s->reminders_offered++; break;
	case OUTCOME_REMINDER_TAKEN: s->reminders_taken++; break;
	case OUTCOME_REMINDER_SNOOZED: s->reminders_snoozed++; break;
	case OUTCOME_REMINDER_SKIPPED: s->reminders_skipped++; break;
	default: break;
	}
}

static int
by_day(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return x < y ? -1 : x > y;
}

void
stats_finish(struct stats *s)
{
	/* histories from before offers were recorded: each break ended taken
	 * or skipped at most once */
	if (s->reminders_offered < s->reminders_taken + s->reminders_skipped)
		s->reminders_offered = s->reminders_taken + s->reminders_skipped;
	if (s->ndays > 1)
		qsort(s->days, s->ndays, sizeof *s->days, by_day);
	int run = 0;
	long prev = 0;
	for (size_t i = 0; i < s->ndays; i++) {
		if (i > 0 && s->days[i] == prev)
			continue;
		run = (i > 0 && s->days[i] == prev + 1) ? run + 1 : 1;
		if (run > s->longest)
			s->longest = run;
		prev = s->days[i];
	}
	/* the streak is alive while the last day is today or yesterday */
	s->streak = s->ndays && (prev == s->today || prev == s->today - 1) ? run : 0;
	if (s->pain_n) {
		s->pain_before /= (double)s->pain_n;
		s->pain_after /= (double)s->pain_n;
	}
}

int
stats_load(struct stats *s, time_t now, struct diags *d)
{
	stats_init(s, now);
	char *path = history_path();
	off_t end;
	int rc = history_read(path, 0, stats_add, s, d, &end);
	free(path);
	stats_finish(s);
	return rc;
}

void
stats_free(struct stats *s)
{
	free(s->days);
	s->days = NULL;
}

time_t
stats_week_start(const struct stats *s, int w)
{
	return (time_t)(monday(s->today) - 7L * w) * 86400 + 43200;
}

void
stats_pain_at(const struct stats *s, size_t i, int *before, int *after)
{
	size_t at = (s->chart_next + STATS_PAIN - s->nchart + i) % STATS_PAIN;
	*before = s->chart[at][0];
	*after = s->chart[at][1];
}

static void
line(char ***v, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void
line(char ***v, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = xvasprintf(fmt, ap);
	va_end(ap);
	*v = strv_push(*v, s);
	free(s);
}

/* A bar of n cells out of width, in blocks or '#'. */
static char *
bar(double frac, int width, bool utf8)
{
	struct buf b = {0};
	int cells = (int)(frac * width + 0.5);
	for (int i = 0; i < cells; i++)
		buf_add(&b, utf8 ? "█" : "#", utf8 ? 3 : 1);
	if (b.s == NULL)
		buf_add(&b, "", 0);
	return b.s;
}

/* One sparkline of pain values, oldest first: blocks, or digits in ASCII. */
static char *
spark(const struct stats *s, int which, bool utf8, int width)
{
	static const char *const levels[] = {" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
	struct buf b = {0};
	size_t n = s->nchart < (size_t)width ? s->nchart : (size_t)width;
	for (size_t i = s->nchart - n; i < s->nchart; i++) {
		int pair[2];
		stats_pain_at(s, i, &pair[0], &pair[1]);
		int v = pair[which];
		if (utf8)
			buf_addf(&b, "%s", levels[(v * 8 + 5) / 10]);
		else
			buf_addf(&b, "%c", v == 10 ? 'X' : '0' + v);
	}
	if (b.s == NULL)
		buf_add(&b, "", 0);
	return b.s;
}

char **
stats_lines(const struct stats *s, bool utf8, int width)
{
	char **v = NULL;
	if (width < 40)
		width = 40;
	line(&v, "Streak: %d day%s (longest %d)", s->streak, s->streak == 1 ? "" : "s", s->longest);
	line(&v, "Sessions: %ld (%ld completed)", s->sessions, s->completed);
	line(&v, "%s", "");
	line(&v, "Sessions and minutes, week by week (newest first):");
	long most = 1;
	for (int w = 0; w < STATS_WEEKS; w++)
		if (s->week_seconds[w] > most)
			most = s->week_seconds[w];
	for (int w = 0; w < STATS_WEEKS; w++) {
		time_t mon = stats_week_start(s, w);
		struct tm tm;
		gmtime_r(&mon, &tm);
		char date[16];
		strftime(date, sizeof date, "%b %d", &tm);
		char *b = bar((double)s->week_seconds[w] / (double)most, width - 42, utf8);
		line(&v, "  %-12s %3d session%s %5ld min  %s", w == 0 ? "this week" : date,
		    s->week_sessions[w], s->week_sessions[w] == 1 ? " " : "s", (s->week_seconds[w] + 30) / 60, b);
		free(b);
	}
	line(&v, "%s", "");
	line(&v, "Reminders: %ld offered: %ld taken, %ld snoozed, %ld skipped", s->reminders_offered,
	    s->reminders_taken, s->reminders_snoozed, s->reminders_skipped);
	if (s->pain_n) {
		line(&v, "Pain, %ld session%s with both check-ins: %.1f before, %.1f after on average",
		    s->pain_n, s->pain_n == 1 ? "" : "s", s->pain_before, s->pain_after);
		char *b = spark(s, 0, utf8, width - 14), *a = spark(s, 1, utf8, width - 14);
		line(&v, "  before  |%s|", b);
		line(&v, "  after   |%s|", a);
		line(&v, "  (the last %zu, oldest first; %s)", s->nchart,
		    utf8 ? "taller is worse" : "0 none to X the worst");
		free(b);
		free(a);
	} else {
		line(&v, "Pain: no session with both check-ins yet");
	}
	return v;
}
