/*
 * cmd-history.c - `unknot history` and `unknot stats`: the history file
 * read back, as a table, as CSV, and as progress.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "cmd.h"
#include "duration.h"
#include "history.h"
#include "json.h"
#include "stats.h"
#include "text.h"
#include "util.h"

struct printer {
	bool csv;
	struct json *json; /* --json: the writer, inside the array */
	time_t since;
	long rows;
	/* --csv: the last id and its field, cleaned and quoted (ids repeat) */
	char id[HISTORY_ID_MAX + 1];
	char *id_field;
};

/* n as decimal digits, at least width of them, at p; returns the end. */
static char *
put_num(char *p, long n, int width)
{
	char d[24];
	int k = 0;
	unsigned long u = n < 0 ? 0UL - (unsigned long)n : (unsigned long)n;
	do
		d[k++] = (char)('0' + u % 10);
	while ((u /= 10) > 0);
	while (k < width)
		d[k++] = '0';
	if (n < 0)
		*p++ = '-';
	while (k > 0)
		*p++ = d[--k];
	return p;
}

/* "2026-01-05T08:00:00+01:00" at q, tm being e's time where it was
 * written; returns the end. */
static char *
put_iso(char *q, const struct history_entry *e, const struct tm *tm)
{
	int off = e->utc_offset < 0 ? -e->utc_offset : e->utc_offset;
	q = put_num(q, tm->tm_year + 1900, 4);
	*q++ = '-';
	q = put_num(q, tm->tm_mon + 1, 2);
	*q++ = '-';
	q = put_num(q, tm->tm_mday, 2);
	*q++ = 'T';
	q = put_num(q, tm->tm_hour, 2);
	*q++ = ':';
	q = put_num(q, tm->tm_min, 2);
	*q++ = ':';
	q = put_num(q, tm->tm_sec, 2);
	*q++ = e->utc_offset < 0 ? '-' : '+';
	q = put_num(q, off / 3600, 2);
	*q++ = ':';
	return put_num(q, off / 60 % 60, 2);
}

/* One CSV record, written without printf: 100,000 of them are the bench. */
static void
csv_entry(struct printer *p, const struct history_entry *e, const struct tm *tm)
{
	if (p->id_field == NULL || strcmp(p->id, e->routine) != 0) {
		snprintf(p->id, sizeof p->id, "%s", e->routine);
		free(p->id_field);
		char *id = text_clean(e->routine); /* an id is a file name: anything but a tab */
		struct buf b = {0};
		if (strpbrk(id, ",\"")) {
			buf_add(&b, "\"", 1);
			for (const char *c = id; *c; c++)
				buf_add(&b, *c == '"' ? "\"\"" : c, *c == '"' ? 2 : 1);
			buf_add(&b, "\"", 1);
		} else {
			buf_add(&b, id, strlen(id));
		}
		buf_add(&b, "", 1);
		p->id_field = b.s;
		free(id);
	}
	char line[128], *q = put_iso(line, e, tm);
	*q++ = ',';
	fwrite(line, 1, (size_t)(q - line), stdout);
	fputs(p->id_field, stdout);
	q = line;
	*q++ = ',';
	const char *o = outcome_name(e->outcome);
	size_t ol = strlen(o);
	memcpy(q, o, ol);
	q += ol;
	*q++ = ',';
	q = put_num(q, e->seconds, 1);
	*q++ = ',';
	if (e->pain_before >= 0)
		q = put_num(q, e->pain_before, 1);
	*q++ = ',';
	if (e->pain_after >= 0)
		q = put_num(q, e->pain_after, 1);
	*q++ = '\n';
	fwrite(line, 1, (size_t)(q - line), stdout);
}

/* A pain value, or null when it was not given. */
static void
json_pain(struct json *j, const char *key, int pain)
{
	json_key(j, key);
	if (pain >= 0)
		json_int(j, pain);
	else
		json_null(j);
}

static void
print_entry(const struct history_entry *e, void *arg)
{
	struct printer *p = arg;
	if (e->when < p->since)
		return;
	char t[16], iso[64];
	time_t local = e->when + e->utc_offset;
	struct tm tm;
	gmtime_r(&local, &tm);
	if (p->csv) {
		csv_entry(p, e, &tm);
		p->rows++;
		return;
	}
	*put_iso(iso, e, &tm) = '\0';
	if (p->json) {
		struct json *j = p->json;
		json_begin_object(j);
		json_key_string(j, "time", iso);
		json_key_string(j, "routine", e->routine);
		json_key_string(j, "outcome", outcome_name(e->outcome));
		json_key_int(j, "seconds", e->seconds);
		json_pain(j, "pain_before", e->pain_before);
		json_pain(j, "pain_after", e->pain_after);
		json_end_object(j);
	} else {
		printf("%04d-%02d-%02d %02d:%02d  ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		    tm.tm_min);
		text_pad(stdout, e->routine, 24);
		/* a session's time, 0:00 too; a reminder's event has none */
		bool session = e->outcome == OUTCOME_COMPLETED || e->outcome == OUTCOME_STOPPED ||
		    e->outcome == OUTCOME_PARTIAL;
		printf(" %-17s %7s", outcome_name(e->outcome),
		    session || e->seconds ? duration_clock(e->seconds, t, sizeof t) : "");
		if (e->pain_before >= 0 || e->pain_after >= 0) {
			printf("  pain ");
			if (e->pain_before >= 0)
				printf("%d", e->pain_before);
			else
				printf("-");
			fputs(text_glyph(GLYPH_ARROW), stdout);
			if (e->pain_after >= 0)
				printf("%d", e->pain_after);
			else
				printf("-");
		}
		putchar('\n');
	}
	p->rows++;
}

/* YYYY-MM-DD, local midnight. */
static int
parse_date(const char *s, time_t *out)
{
	int y, m, d, n = 0;
	/* the one test of a date, as for the history's own lines */
	if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || s[n] || !civil_date_valid(y, m, d))
		return -1;
	struct tm tm = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_isdst = -1};
	*out = mktime(&tm);
	return *out == (time_t)-1 ? -1 : 0;
}


static int
history_exec(const struct cmd_args *a)
{
	struct printer p = {.csv = args_has(a, "csv")};
	struct json j;
	const char *since = args_get(a, "since");
	if (since && parse_date(since, &p.since) < 0)
		return cli_usage_error("--since '%s': give a date as YYYY-MM-DD", since);
	if (p.csv && args_has(a, "json"))
		return cli_usage_error("give either --csv or --json");
	if (p.csv)
		printf("time,routine,outcome,seconds,pain_before,pain_after\n");
	if (args_has(a, "json")) {
		json_init(&j, stdout);
		json_begin_array(&j);
		p.json = &j;
	}
	char *path = history_path();
	struct diags d = {0};
	int rc = history_read_by_time(path, print_entry, &p, &d);
	diags_print(&d, stderr);
	diags_free(&d);
	free(path);
	free(p.id_field);
	if (p.json) {
		json_end_array(&j);
		json_finish(&j);
	}
	if (rc == 0 && p.rows == 0 && !p.csv && !p.json)
		fprintf(stderr, "unknot: no sessions yet%s\n", p.since ? " since that date" : "");
	return rc < 0 ? 1 : 0;
}

/* The report of stats_lines() as JSON (keys in unknot(1)). */
static void
stats_json(const struct stats *s)
{
	struct json j;
	json_init(&j, stdout);
	json_begin_object(&j);
	json_key_int(&j, "streak", s->streak);
	json_key_int(&j, "longest_streak", s->longest);
	json_key_int(&j, "sessions", s->sessions);
	json_key_int(&j, "completed", s->completed);
	json_key(&j, "weeks");
	json_begin_array(&j);
	for (int w = 0; w < STATS_WEEKS; w++) {
		time_t mon = stats_week_start(s, w);
		struct tm tm;
		char date[16];
		gmtime_r(&mon, &tm);
		strftime(date, sizeof date, "%Y-%m-%d", &tm);
		json_begin_object(&j);
		json_key_string(&j, "start", date);
		json_key_int(&j, "sessions", s->week_sessions[w]);
		json_key_int(&j, "seconds", s->week_seconds[w]);
		json_key_int(&j, "minutes", (s->week_seconds[w] + 30) / 60);
		json_end_object(&j);
	}
	json_end_array(&j);
	json_key(&j, "reminders");
	json_begin_object(&j);
	json_key_int(&j, "offered", s->reminders_offered);
	json_key_int(&j, "taken", s->reminders_taken);
	json_key_int(&j, "snoozed", s->reminders_snoozed);
	json_key_int(&j, "skipped", s->reminders_skipped);
	json_end_object(&j);
	json_key(&j, "pain");
	json_begin_object(&j);
	json_key_int(&j, "sessions", s->pain_n);
	/* averages to two decimals, as people read them; none without sessions */
	json_key(&j, "before");
	json_number(&j, s->pain_n ? round(s->pain_before * 100) / 100 : NAN);
	json_key(&j, "after");
	json_number(&j, s->pain_n ? round(s->pain_after * 100) / 100 : NAN);
	json_key(&j, "recent");
	json_begin_array(&j);
	for (size_t i = 0; i < s->nchart; i++) {
		int before, after;
		stats_pain_at(s, i, &before, &after);
		json_begin_object(&j);
		json_key_int(&j, "before", before);
		json_key_int(&j, "after", after);
		json_end_object(&j);
	}
	json_end_array(&j);
	json_end_object(&j);
	json_end_object(&j);
	json_finish(&j);
}

static int
stats_exec(const struct cmd_args *a)
{
	struct stats s;
	struct diags d = {0};
	int rc = stats_load(&s, time(NULL), &d);
	diags_print(&d, stderr);
	diags_free(&d);
	if (args_has(a, "json")) {
		stats_json(&s);
	} else {
		char **lines = stats_lines(&s, text_utf8(), 80);
		for (char **l = lines; *l; l++)
			puts(*l);
		strv_free(lines);
	}
	stats_free(&s);
	return rc < 0 ? 1 : 0;
}

static const struct cmd_option history_options[] = {
	{"since", ARG_DATE, "DATE", "only what happened from that day on (YYYY-MM-DD)", 0, 0, NULL},
	{"csv", ARG_NONE, NULL, "comma-separated values with a header, for spreadsheets", 0, 0, NULL},
	{"json", ARG_NONE, NULL, "a JSON array of records (keys in unknot(1))", 0, 0, NULL},
	{0},
};

static const struct cmd_option stats_options[] = {
	{"json", ARG_NONE, NULL, "the same as a JSON object (keys in unknot(1))", 0, 0, NULL},
	{0},
};

const struct cmd_entry cmd_history_entry = {
	.name = "history",
	.summary = "past sessions and reminders",
	.options = history_options,
	.exec = history_exec,
};

const struct cmd_entry cmd_stats_entry = {
	.name = "stats",
	.summary = "streaks, minutes per week, pain before and after",
	.options = stats_options,
	.exec = stats_exec,
};
