/* duration.c - parse and print durations: see duration.h. */
#include "duration.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* Large enough for any duration unknot accepts, small enough never to overflow. */
#define DURATION_MAX (1000L * 3600L)

int
duration_parse(const char *s, long *secs, const char **why)
{
	static const char units[] = "hms";
	static const long scale[] = {3600, 60, 1};
	long total = 0;
	int next_unit = 0; /* index into units: units must come in order */
	const char *p = s;

	while (isspace((unsigned char)*p))
		p++;
	if (*p == '\0') {
		*why = "empty duration";
		return -1;
	}
	if (*p == '-') {
		*why = "a duration cannot be negative";
		return -1;
	}
	while (*p && !isspace((unsigned char)*p)) {
		if (!isdigit((unsigned char)*p)) {
			*why = "expected a number such as 90, 45s, 1m30s or 2h";
			return -1;
		}
		long n = 0;
		while (isdigit((unsigned char)*p)) {
			n = n * 10 + (*p - '0');
			if (n > DURATION_MAX) {
				*why = "duration is far too long";
				return -1;
			}
			p++;
		}
		if (*p == '\0' || isspace((unsigned char)*p)) {
			if (next_unit != 0) {
				*why = "a number after a unit needs its own unit (1m30s, not 1m30)";
				return -1;
			}
			total = n; /* a plain number: seconds */
			next_unit = 3;
			break;
		}
		const char *u = strchr(units, tolower((unsigned char)*p));
		if (u == NULL || *p == '\0') {
			*why = "unknown unit: use h, m or s (as in 1m30s)";
			return -1;
		}
		int ui = (int)(u - units);
		if (ui < next_unit) {
			*why = "units must come in the order h, m, s, each once";
			return -1;
		}
		total += n * scale[ui];
		if (total > DURATION_MAX) {
			*why = "duration is far too long";
			return -1;
		}
		next_unit = ui + 1;
		p++;
	}
	while (isspace((unsigned char)*p))
		p++;
	if (*p != '\0') {
		*why = "unexpected text after the duration";
		return -1;
	}
	*secs = total;
	return 0;
}

char *
duration_clock(long secs, char *out, size_t n)
{
	if (secs < 0)
		secs = 0;
	if (secs >= 3600)
		snprintf(out, n, "%ld:%02ld:%02ld", secs / 3600, secs / 60 % 60, secs % 60);
	else
		snprintf(out, n, "%ld:%02ld", secs / 60, secs % 60);
	return out;
}

long
duration_minutes(long secs)
{
	return secs < 60 ? 1 : (secs + 30) / 60;
}

char *
duration_words(long secs, char *out, size_t n)
{
	long h = secs / 3600, m = secs / 60 % 60, s = secs % 60;
	size_t used = 0;
	out[0] = '\0';
	if (h)
		used += (size_t)snprintf(out + used, n - used, "%ldh", h);
	if (m && used < n)
		used += (size_t)snprintf(out + used, n - used, "%ldm", m);
	if ((s || secs == 0) && used < n)
		snprintf(out + used, n - used, "%lds", s);
	return out;
}

char *
duration_spoken(long secs, char *out, size_t n)
{
	if (secs < 0)
		secs = 0;
	const long part[3] = {secs / 3600, secs / 60 % 60, secs % 60};
	static const char *const unit[3] = {"hour", "minute", "second"};
	size_t used = 0;
	out[0] = '\0';
	for (int i = 0; i < 3 && used < n; i++) {
		if (part[i] == 0 && !(i == 2 && secs == 0))
			continue;
		used += (size_t)snprintf(out + used, n - used, "%s%ld %s%s", used ? " " : "", part[i], unit[i],
		    part[i] == 1 ? "" : "s");
	}
	return out;
}
