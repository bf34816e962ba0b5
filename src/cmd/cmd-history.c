/*
 * cmd-history.c - `unknot history` and `unknot stats`: the history file
 * read back, as a table, as CSV, and as progress.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "cmd.h"
#include "duration.h"
#include "history.h"
#include "stats.h"
#include "text.h"
#include "util.h"

struct printer {
	bool csv;
	time_t since;
	long rows;
};

static void
print_entry(const struct history_entry *e, void *arg)
{
	struct printer *p = arg;
	if (e->when < p->since)
		return;
	char t[16];
	time_t local = e->when + e->utc_offset;
	struct tm tm;
	gmtime_r(&local, &tm);
	if (p->csv) {
		int off = e->utc_offset < 0 ? -e->utc_offset : e->utc_offset;
		printf("%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d,", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
		    tm.tm_hour, tm.tm_min, tm.tm_sec, e->utc_offset < 0 ? '-' : '+', off / 3600, off / 60 % 60);
		char *id = text_clean(e->routine); /* an id is a file name: anything but a tab */
		if (strpbrk(id, ",\"")) {
			putchar('"');
			for (const char *c = id; *c; c++)
				printf(*c == '"' ? "\"\"" : "%c", *c);
			putchar('"');
		} else {
			fputs(id, stdout);
		}
		free(id);
		printf(",%s,%ld,", outcome_name(e->outcome), e->seconds);
		if (e->pain_before >= 0)
			printf("%d", e->pain_before);
		putchar(',');
		if (e->pain_after >= 0)
			printf("%d", e->pain_after);
		putchar('\n');
	} else {
		printf("%04d-%02d-%02d %02d:%02d  ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		    tm.tm_min);
		text_pad(stdout, e->routine, 24);
		printf(" %-17s %7s", outcome_name(e->outcome),
		    e->seconds ? duration_clock(e->seconds, t, sizeof t) : "");
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
	if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || s[n] || m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	struct tm tm = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_isdst = -1};
	*out = mktime(&tm);
	return *out == (time_t)-1 ? -1 : 0;
}


static int
history_exec(const struct cmd_args *a)
{
	struct printer p = {.csv = args_has(a, "csv")};
	const char *since = args_get(a, "since");
	if (since && parse_date(since, &p.since) < 0)
		return cli_usage_error("--since '%s': give a date as YYYY-MM-DD", since);
	if (p.csv)
		printf("time,routine,outcome,seconds,pain_before,pain_after\n");
	char *path = history_path();
	struct diags d = {0};
	off_t end;
	int rc = history_read(path, 0, print_entry, &p, &d, &end);
	diags_print(&d, stderr);
	diags_free(&d);
	free(path);
	if (rc == 0 && p.rows == 0 && !p.csv)
		fprintf(stderr, "unknot: no sessions yet%s\n", p.since ? " since that date" : "");
	return rc < 0 ? 1 : 0;
}

static int
stats_exec(const struct cmd_args *a)
{
	(void)a;
	struct stats s;
	struct diags d = {0};
	int rc = stats_load(&s, time(NULL), &d);
	diags_print(&d, stderr);
	diags_free(&d);
	char **lines = stats_lines(&s, text_utf8(), 80);
	for (char **l = lines; *l; l++)
		puts(*l);
	strv_free(lines);
	stats_free(&s);
	return rc < 0 ? 1 : 0;
}

static const struct cmd_option history_options[] = {
	{"since", ARG_DATE, "DATE", "only what happened from that day on (YYYY-MM-DD)", 0, 0, NULL},
	{"csv", ARG_NONE, NULL, "comma-separated values with a header, for spreadsheets", 0, 0, NULL},
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
	.exec = stats_exec,
};
