/* schedule.c - the next posture break: see schedule.h. */
#include "schedule.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static const char *const day_names[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

int
schedule_parse_hours(const char *s, int *start_min, int *end_min, const char **why)
{
	int h1, m1, h2, m2, n = 0;
	if (sscanf(s, "%2d:%2d-%2d:%2d%n", &h1, &m1, &h2, &m2, &n) != 4 || s[n] != '\0') {
		*why = "working hours look like 09:00-17:30";
		return -1;
	}
	if (h1 < 0 || h1 > 24 || h2 < 0 || h2 > 24 || m1 < 0 || m1 > 59 || m2 < 0 || m2 > 59 ||
	    h1 * 60 + m1 > 1440 || h2 * 60 + m2 > 1440) {
		*why = "hours are 00:00 to 24:00";
		return -1;
	}
	if (h1 * 60 + m1 >= h2 * 60 + m2) {
		*why = "working hours must end after they start, on the same day";
		return -1;
	}
	*start_min = h1 * 60 + m1;
	*end_min = h2 * 60 + m2;
	return 0;
}

static int
day_index(const char *s, size_t n)
{
	for (int i = 0; i < 7; i++)
		if (n == 3 && strncasecmp(s, day_names[i], 3) == 0)
			return i;
	return -1;
}

int
schedule_parse_days(const char *s, unsigned *mask, const char **why)
{
	if (strcasecmp(s, "daily") == 0 || strcasecmp(s, "all") == 0) {
		*mask = 0x7f;
		return 0;
	}
	unsigned m = 0;
	const char *p = s;
	while (*p) {
		const char *e = p;
		while (isalpha((unsigned char)*e))
			e++;
		int a = day_index(p, (size_t)(e - p)), b = a;
		if (*e == '-') {
			const char *f = ++e;
			while (isalpha((unsigned char)*e))
				e++;
			b = day_index(f, (size_t)(e - f));
		}
		if (a < 0 || b < 0 || (*e != ',' && *e != '\0')) {
			*why = "days look like mon-fri, sat,sun or daily";
			return -1;
		}
		for (int d = a;; d = (d + 1) % 7) { /* fri-mon wraps round the week */
			m |= 1u << d;
			if (d == b)
				break;
		}
		p = *e == ',' ? e + 1 : e;
	}
	if (m == 0) {
		*why = "days look like mon-fri, sat,sun or daily";
		return -1;
	}
	*mask = m;
	return 0;
}

const char *
schedule_days_text(unsigned mask)
{
	static char buf[40];
	if ((mask & 0x7f) == 0x7f)
		return "daily";
	if ((mask & 0x7f) == 0x3e)
		return "mon-fri";
	buf[0] = '\0';
	for (int i = 1; i <= 7; i++)
		if (mask & (1u << (i % 7))) {
			if (buf[0])
				strcat(buf, ",");
			strcat(buf, day_names[i % 7]);
		}
	return buf;
}

/* Local midnight of the day containing t, plus `minutes`, DST-aware. */
static time_t
at_minute(time_t t, int days_later, int minutes)
{
	struct tm tm;
	localtime_r(&t, &tm);
	tm.tm_mday += days_later;
	tm.tm_hour = minutes / 60;
	tm.tm_min = minutes % 60;
	tm.tm_sec = 0;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

static bool
working_day(const struct schedule *s, time_t t, int days_later)
{
	struct tm tm;
	time_t noon = at_minute(t, days_later, 12 * 60);
	localtime_r(&noon, &tm);
	return s->days & (1u << tm.tm_wday);
}

bool
schedule_in_hours(const struct schedule *s, time_t t)
{
	return working_day(s, t, 0) && t >= at_minute(t, 0, s->start_min) && t < at_minute(t, 0, s->end_min);
}

/* The first window that ends after t: its start and end. */
static void
window_after(const struct schedule *s, time_t t, time_t *start, time_t *end)
{
	for (int d = 0; d < 8; d++) {
		if (!working_day(s, t, d))
			continue;
		time_t a = at_minute(t, d, s->start_min), b = at_minute(t, d, s->end_min);
		if (b > t) {
			*start = a;
			*end = b;
			return;
		}
	}
	*start = *end = t + 7 * 86400; /* no working day at all: never */
}

time_t
schedule_next_due(const struct schedule *s, time_t now)
{
	time_t last = s->last_break > now ? now : s->last_break; /* the clock went back */
	time_t due;
	if (s->snoozed_until > now) {
		due = s->snoozed_until;
	} else {
		time_t ws, we;
		window_after(s, last, &ws, &we);
		time_t from = last > ws ? last : ws;
		due = from + s->every;
		/* a missed or snoozed-out time is due now, once */
		if (s->snoozed_until > 0 && s->snoozed_until <= now && s->snoozed_until > last)
			due = s->snoozed_until;
	}
	if (due < now)
		due = now;
	/* outside working hours: the interval runs from the next window's start */
	for (int guard = 0; guard < 16 && !schedule_in_hours(s, due); guard++) {
		time_t ws, we;
		window_after(s, due, &ws, &we);
		due = ws + s->every < we ? ws + s->every : ws;
	}
	return due;
}

void
schedule_break_taken(struct schedule *s, time_t now)
{
	s->last_break = now;
	s->snoozed_until = 0;
}

void
schedule_snooze(struct schedule *s, time_t now, int seconds)
{
	s->snoozed_until = now + (seconds > 0 ? seconds : s->snooze);
}

void
schedule_skip(struct schedule *s, time_t now)
{
	schedule_break_taken(s, now); /* a skipped break restarts the interval too */
}
