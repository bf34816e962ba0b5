/* schedule.c - working hours and days: see schedule.h. */
#include "schedule.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util.h"

static const char *const day_names[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
_Static_assert(ARRAY_LEN(day_names) == 7, "a week has seven days");

/* "HH:MM" at s, exactly five characters; minutes after midnight or -1. */
static int
clock_minutes(const char *s)
{
	for (int i = 0; i < 5; i++)
		if (i == 2 ? s[i] != ':' : !isdigit((unsigned char)s[i]))
			return -1;
	int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
	if (m > 59 || h > 24 || (h == 24 && m != 0))
		return -1;
	return h * 60 + m;
}

int
schedule_parse_hours(const char *s, int *start_min, int *end_min, const char **why)
{
	if (strlen(s) != 11 || s[5] != '-') {
		*why = "working hours look like 09:00-17:30 (or 22:00-06:00 overnight)";
		return -1;
	}
	int a = clock_minutes(s), b = clock_minutes(s + 6);
	if (a < 0 || b < 0) {
		*why = "hours are 00:00 to 24:00";
		return -1;
	}
	if (a == 1440)
		a = 0;
	if (a == b || (a == 0 && b == 0)) {
		*why = "working hours must not be empty (00:00-24:00 is the whole day)";
		return -1;
	}
	if (b == 0 && a > 0)
		b = 1440; /* "18:00-00:00" ends at midnight */
	*start_min = a;
	*end_min = b;
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
		if (a < 0 || b < 0 || (*e != ',' && *e != '\0') || (*e == ',' && e[1] == '\0')) {
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

char *
schedule_days_text(unsigned mask, char *out, size_t n)
{
	if ((mask & 0x7f) == 0x7f) {
		snprintf(out, n, "daily");
		return out;
	}
	if ((mask & 0x7f) == 0x3e) {
		snprintf(out, n, "mon-fri");
		return out;
	}
	size_t used = 0;
	out[0] = '\0';
	for (int i = 1; i <= 7; i++) /* Monday first */
		if (mask & (1u << (i % 7)) && used < n)
			used += (size_t)snprintf(out + used, n - used, "%s%s", used ? "," : "", day_names[i % 7]);
	return out;
}

char *
schedule_hours_text(const struct schedule *s, char *out, size_t n)
{
	snprintf(out, n, "%02d:%02d-%02d:%02d", s->start_min / 60, s->start_min % 60, s->end_min / 60,
	    s->end_min % 60);
	return out;
}

/* Local midnight of the day containing t, moved by days_later, plus
 * `minutes` (up to 1440), DST-aware. */
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

void
schedule_window(const struct schedule *s, time_t t, time_t *start, time_t *end)
{
	bool overnight = s->start_min > s->end_min;
	/* from yesterday: an overnight window that began then may still run */
	for (int d = -1; d < 9; d++) {
		if (!working_day(s, t, d))
			continue;
		time_t a = at_minute(t, d, s->start_min);
		time_t b = at_minute(t, overnight ? d + 1 : d, s->end_min);
		if (b > t) {
			*start = a;
			*end = b;
			return;
		}
	}
	*start = *end = t + 7 * 86400; /* no working day at all: never */
}

bool
schedule_in_hours(const struct schedule *s, time_t t)
{
	time_t a, b;
	schedule_window(s, t, &a, &b);
	return a <= t && t < b;
}

time_t
schedule_after(const struct schedule *s, time_t from, long interval)
{
	time_t a, b;
	schedule_window(s, from, &a, &b);
	time_t due = from > a ? from + interval : (a + interval < b ? a + interval : a);
	/* outside working hours: the interval runs from the next window's start */
	for (int guard = 0; guard < 16 && !schedule_in_hours(s, due); guard++) {
		schedule_window(s, due, &a, &b);
		due = a + interval < b ? a + interval : a;
	}
	return due;
}

int
schedule_window_minutes(const struct schedule *s)
{
	int len = s->end_min - s->start_min;
	return len > 0 ? len : len + 24 * 60; /* overnight */
}
