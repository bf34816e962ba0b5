/* The history file: records round-trip, damage is skipped, nothing is lost. */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"
#include "helpers.h"
#include "history.h"
#include "util.h"

static char dir[] = "/tmp/unknot-hist-XXXXXX";
static char *path;

static void
setup(void)
{
	setenv("TZ", "Europe/Paris", 1);
	tzset();
	cr_assert_not_null(mkdtemp(dir));
	path = xasprintf("%s/history.tsv", dir);
}

static void
teardown(void)
{
	char *cmd = xasprintf("chmod -R u+w '%s'; rm -rf '%s'", dir, dir);
	cr_assert_eq(system(cmd), 0);
	free(cmd);
	free(path);
}

TestSuite(history, .init = setup, .fini = teardown);

struct got {
	struct history_entry v[16];
	int n;
};

static void
collect(const struct history_entry *e, void *arg)
{
	struct got *g = arg;
	if (g->n < 16)
		g->v[g->n++] = *e;
}

static void
write_text(const char *text)
{
	FILE *fp = fopen(path, "w");
	cr_assert_not_null(fp);
	fputs(text, fp);
	fclose(fp);
}

Test(history, a_record_round_trips)
{
	struct history_record rec = {.when = 1764075787, .routine = "lower-back", .outcome = OUTCOME_COMPLETED,
		.seconds = 630, .pain_before = 6, .pain_after = 4};
	const char *why;
	cr_assert_eq(history_append_to(dir, &rec, &why), 0);
	struct got g = {0};
	struct diags d = {0};
	off_t end;
	cr_assert_eq(history_read(path, 0, collect, &g, &d, &end), 0);
	cr_assert_eq(d.n, 0);
	cr_assert_eq(g.n, 1);
	cr_assert_eq(g.v[0].when, rec.when);
	cr_assert_eq(g.v[0].utc_offset, 3600, "Paris in winter is +01:00");
	cr_assert_str_eq(g.v[0].routine, "lower-back");
	cr_assert_eq(g.v[0].outcome, OUTCOME_COMPLETED);
	cr_assert_eq(g.v[0].seconds, 630);
	cr_assert_eq(g.v[0].pain_before, 6);
	cr_assert_eq(g.v[0].pain_after, 4);
	diags_free(&d);
}

Test(history, the_file_is_private_and_starts_with_a_header)
{
	struct history_record rec = {.when = 1764075787, .routine = "x", .outcome = OUTCOME_STOPPED,
		.pain_before = -1, .pain_after = -1};
	const char *why;
	char *sub = xasprintf("%s/state/unknot", dir);
	cr_assert_eq(history_append_to(sub, &rec, &why), 0);
	char *p = xasprintf("%s/history.tsv", sub);
	struct stat st;
	cr_assert_eq(stat(p, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0600);
	cr_assert_eq(stat(sub, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0700);
	char *text = read_file(p, 4096, NULL, &why);
	cr_assert(text[0] == '#');
	cr_assert(strstr(text, "\tx\tstopped\t0\t-\t-\n"));
	free(text);
	free(p);
	free(sub);
}

Test(history, tabs_and_newlines_in_an_id_cannot_break_a_record)
{
	struct history_record rec = {.when = 1764075787, .routine = "a\tb\nc", .outcome = OUTCOME_COMPLETED,
		.pain_before = -1, .pain_after = -1};
	char *line = history_format(&rec);
	cr_assert(strstr(line, "\ta?b?c\t"));
	free(line);
}

Test(history, damaged_truncated_and_foreign_lines_are_skipped_with_their_line)
{
	write_text("# unknot history\n"
		   "2026-11-20T08:00:00+01:00\tdesk-reset\tcompleted\t135\t-\t-\n"
		   "this is not a record\n"
		   "2026-11-21T08:00:00+01:00\tdesk-reset\texploded\t135\t-\t-\n"
		   "2026-11-22T08:00:00+01:00\tdesk-reset\tcompleted\t135\t11\t-\n"
		   "2026-13-22T08:00:00+01:00\tdesk-reset\tcompleted\t135\t1\t-\n"
		   "\n"
		   "2026-11-23T08:00:00-05:30\tlower-back\tstopped\t60\t3\t2\n"
		   "2026-11-24T08:00:00+01:00\tlower-b");
	struct got g = {0};
	struct diags d = {0};
	off_t end;
	cr_assert_eq(history_read(path, 0, collect, &g, &d, &end), 0);
	cr_assert_eq(g.n, 2, "every good record is kept");
	cr_assert_eq(g.v[1].utc_offset, -(5 * 3600 + 30 * 60));
	char *want[] = {":3: warning: skipped a damaged line: expected 6 tab-separated fields",
		":4: warning: skipped a damaged line: unknown outcome",
		":5: warning: skipped a damaged line: pain must be 0 to 10",
		":6: warning: skipped a damaged line: the time is not",
		":9: warning: skipped an unfinished last line"};
	for (size_t i = 0; i < ARRAY_LEN(want); i++)
		cr_expect(diags_have(&d, want[i]), "missing: %s", want[i]);
	cr_assert_eq(d.n, 5);
	diags_free(&d);
}

Test(history, an_unfinished_last_line_is_read_once_it_is_finished)
{
	write_text("2026-11-20T08:00:00+01:00\tdesk-reset\tcompleted\t135\t-\t-\n2026-11-21T08:00");
	struct got g = {0};
	struct diags d = {0};
	off_t end;
	history_read(path, 0, collect, &g, &d, &end);
	cr_assert_eq(g.n, 1);
	FILE *fp = fopen(path, "a");
	fputs(":00+01:00\tdesk-reset\tcompleted\t135\t-\t-\n", fp);
	fclose(fp);
	struct got g2 = {0};
	history_read(path, end, collect, &g2, &d, &end);
	cr_assert_eq(g2.n, 1, "reading on from where it stopped finds the finished record");
	cr_assert_eq(g2.v[0].seconds, 135);
	diags_free(&d);
}

Test(history, a_missing_file_is_an_empty_history)
{
	struct got g = {0};
	struct diags d = {0};
	off_t end;
	cr_assert_eq(history_read("/nonexistent/history.tsv", 0, collect, &g, &d, &end), 0);
	cr_assert_eq(g.n, 0);
	cr_assert_eq(d.n, 0);
}

Test(history, a_read_only_folder_is_an_error_not_a_crash)
{
	if (geteuid() == 0)
		cr_skip_test("root can write anywhere");
	chmod(dir, 0500);
	struct history_record rec = {.when = 1, .routine = "x", .outcome = OUTCOME_COMPLETED,
		.pain_before = -1, .pain_after = -1};
	const char *why = NULL;
	cr_assert_eq(history_append_to(dir, &rec, &why), -1);
	cr_assert_not_null(why);
}

Test(history, a_folder_that_is_a_file_is_an_error_not_a_crash)
{
	char *file = xasprintf("%s/plain", dir);
	FILE *fp = fopen(file, "w");
	fclose(fp);
	struct history_record rec = {.when = 1, .routine = "x", .outcome = OUTCOME_COMPLETED,
		.pain_before = -1, .pain_after = -1};
	const char *why = NULL;
	char *sub = xasprintf("%s/unknot", file);
	cr_assert_eq(history_append_to(sub, &rec, &why), -1);
	cr_assert_not_null(why);
	free(sub);
	free(file);
}

/* ---- trust: full disks, hostile files, strict parsing (issue 11) ---- */

static const struct history_record good = {.when = 1764075787, .routine = "desk-reset",
	.outcome = OUTCOME_COMPLETED, .seconds = 135, .pain_before = -1, .pain_after = -1};

/* Read the whole file back into g and d; returns history_read's result. */
static int
read_back(struct got *g, struct diags *d)
{
	off_t end;
	return history_read(path, 0, collect, g, d, &end);
}

/* Append a record for id and read the file back: one record, no warning. */
static void
round_trip_id(const char *id, struct got *g)
{
	struct history_record rec = good;
	rec.routine = id;
	const char *why;
	cr_assert_eq(history_append_to(dir, &rec, &why), 0);
	struct diags d = {0};
	cr_assert_eq(read_back(g, &d), 0);
	cr_assert_eq(d.n, 0);
	cr_assert_eq(g->n, 1, "what is written can be read");
	diags_free(&d);
}

static off_t
file_size(const char *p)
{
	struct stat st;
	cr_assert_eq(stat(p, &st), 0);
	return st.st_size;
}

Test(history, a_failed_append_is_undone_and_no_later_record_is_lost)
{
	const char *why = NULL;
	cr_assert_eq(history_append_to(dir, &good, &why), 0);
	off_t before = file_size(path);
	/* a disk that fills up in the middle of the record: the kernel
	 * writes what fits under the file-size limit, then refuses */
	signal(SIGXFSZ, SIG_IGN);
	struct rlimit old, rl;
	getrlimit(RLIMIT_FSIZE, &old);
	rl = old;
	rl.rlim_cur = (rlim_t)before + 20;
	cr_assert_eq(setrlimit(RLIMIT_FSIZE, &rl), 0);
	cr_assert_eq(history_append_to(dir, &good, &why), -1, "a short write is a failure");
	cr_assert_not_null(why);
	cr_assert(strstr(why, "history.tsv"), "the reason names the file: %s", why);
	cr_assert_eq(setrlimit(RLIMIT_FSIZE, &old), 0);
	cr_assert_eq(file_size(path), before, "the partial record was taken back");
	cr_assert_eq(history_append_to(dir, &good, &why), 0);
	struct got g = {0};
	struct diags d = {0};
	cr_assert_eq(read_back(&g, &d), 0);
	cr_assert_eq(d.n, 0, "no damaged line");
	cr_assert_eq(g.n, 2, "the record after the failure is kept");
	diags_free(&d);
}

Test(history, an_append_after_a_cut_record_starts_on_a_fresh_line)
{
	write_text("# unknot history\n2026-11-20T08:00:00+01:00\tdesk-reset\tcomp");
	const char *why;
	cr_assert_eq(history_append_to(dir, &good, &why), 0);
	struct got g = {0};
	struct diags d = {0};
	cr_assert_eq(read_back(&g, &d), 0);
	cr_assert_eq(g.n, 1, "the new record is not glued to the cut one");
	cr_assert(diags_have(&d, ":2: warning: skipped a damaged line"));
	diags_free(&d);
}

Test(history, the_longest_id_a_file_name_allows_is_read_back)
{
	char id[256];
	memset(id, 'a', 247); /* NAME_MAX minus ".routine" */
	id[247] = '\0';
	struct got g = {0};
	round_trip_id(id, &g);
	cr_assert_str_eq(g.v[0].routine, id);
}

Test(history, an_id_longer_than_history_keeps_is_written_cut_and_read_back)
{
	char id[600];
	memset(id, 'b', sizeof id - 1);
	id[sizeof id - 1] = '\0';
	struct got g = {0};
	round_trip_id(id, &g);
	cr_assert_eq(strlen(g.v[0].routine), HISTORY_ID_MAX);
}

Test(history, impossible_dates_negative_pain_and_year_zero_are_damaged_lines)
{
	write_text("2026-02-31T08:00:00+01:00\tdesk-reset\tcompleted\t135\t-\t-\n"
		   "2025-02-29T08:00:00+01:00\tdesk-reset\tcompleted\t135\t-\t-\n"
		   "2026-04-31T08:00:00+01:00\tdesk-reset\tcompleted\t135\t-\t-\n"
		   "0000-01-01T08:00:00+01:00\tdesk-reset\tcompleted\t135\t-\t-\n"
		   "2026-01-01T08:00:00+01:00\tdesk-reset\tcompleted\t135\t-5\t-\n"
		   "2026-01-01T08:00:00+01:00\tdesk-reset\tcompleted\t135\t3\t-1\n"
		   "2026-01-01T08:00:00+01:00\tdesk-reset\tcompleted\t-13\t3\t1\n"
		   "2024-02-29T08:00:00+01:00\tdesk-reset\tcompleted\t135\t-\t-\n");
	struct got g = {0};
	struct diags d = {0};
	cr_assert_eq(read_back(&g, &d), 0);
	cr_assert_eq(g.n, 1, "only the leap day of a leap year is a date");
	cr_assert_eq(d.n, 7);
	for (int line = 1; line <= 7; line++) {
		char want[64];
		snprintf(want, sizeof want, ":%d: warning: skipped a damaged line", line);
		cr_expect(diags_have(&d, want), "line %d", line);
	}
	cr_assert(diags_have(&d, ":1: warning: skipped a damaged line: the date does not exist"));
	diags_free(&d);
}

Test(history, a_very_long_line_is_skipped_in_bounded_memory)
{
	/* 32 MiB of one line, then a good record; reading must neither keep
	 * the line in memory nor lose the record after it */
	FILE *fp = fopen(path, "w");
	cr_assert_not_null(fp);
	static char chunk[1 << 16];
	memset(chunk, 'x', sizeof chunk);
	for (int i = 0; i < 512; i++)
		fwrite(chunk, 1, sizeof chunk, fp);
	fputs("\n2026-11-20T08:00:00+01:00\tdesk-reset\tcompleted\t135\t-\t-\n", fp);
	fclose(fp);
	struct rlimit rl = {.rlim_cur = 16u << 20, .rlim_max = RLIM_INFINITY};
	FILE *st = fopen("/proc/self/status", "r");
	char l[128];
	long kb = 0;
	while (st && fgets(l, sizeof l, st))
		if (sscanf(l, "VmData: %ld", &kb) == 1)
			break;
	if (st)
		fclose(st);
	rl.rlim_cur = (rlim_t)kb * 1024 + (8u << 20); /* 8 MiB more than now */
	cr_assert_eq(setrlimit(RLIMIT_DATA, &rl), 0);
	struct got g = {0};
	struct diags d = {0};
	cr_assert_eq(read_back(&g, &d), 0);
	cr_assert_eq(g.n, 1, "the record after the long line is kept");
	cr_assert(diags_have(&d, ":1: warning: skipped a damaged line: longer than"));
	diags_free(&d);
}

Test(history, a_fifo_is_refused_without_blocking, .timeout = 5)
{
	cr_assert_eq(mkfifo(path, 0600), 0);
	struct got g = {0};
	struct diags d = {0};
	cr_assert_eq(read_back(&g, &d), -1);
	cr_assert(diags_have(&d, "not a regular file"));
	const char *why;
	cr_assert_eq(history_append_to(dir, &good, &why), -1);
	cr_assert(strstr(why, "not a regular file") || strstr(why, "No such device"), "%s", why);
	diags_free(&d);
}

Test(history, a_planted_symlink_is_never_written_through)
{
	char *victim = xasprintf("%s/bashrc", dir);
	write_text("");
	unlink(path);
	FILE *fp = fopen(victim, "w");
	fputs("echo hello\n", fp);
	fclose(fp);
	cr_assert_eq(symlink(victim, path), 0);
	const char *why;
	cr_assert_eq(history_append_to(dir, &good, &why), -1);
	cr_assert(strstr(why, "symbolic link"), "%s", why);
	char *text = read_file(victim, 4096, NULL, &why);
	cr_assert_str_eq(text, "echo hello\n", "the link's target is untouched");
	free(text);
	struct got g = {0};
	struct diags d = {0};
	cr_assert_eq(read_back(&g, &d), -1, "nor read through");
	diags_free(&d);
	free(victim);
}

Test(history, a_state_folder_others_can_write_is_refused)
{
	char *shared = xasprintf("%s/shared", dir);
	cr_assert_eq(mkdir(shared, 0777), 0);
	cr_assert_eq(chmod(shared, 01777), 0);
	const char *why;
	cr_assert_eq(history_append_to(shared, &good, &why), -1);
	cr_assert(strstr(why, "other users"), "%s", why);
	free(shared);
}

Test(history, a_state_folder_of_another_user_is_refused)
{
	if (geteuid() != 0)
		cr_skip_test("needs root to give a folder away");
	char *theirs = xasprintf("%s/theirs", dir);
	cr_assert_eq(mkdir(theirs, 0755), 0);
	cr_assert_eq(chown(theirs, 65534, 65534), 0);
	const char *why;
	cr_assert_eq(history_append_to(theirs, &good, &why), -1);
	cr_assert(strstr(why, "another user"), "%s", why);
	free(theirs);
}

Test(history, without_a_home_folder_nothing_is_written_to_a_shared_one)
{
	const char *why;
	cr_assert_eq(history_append_to(NULL, &good, &why), -1);
	cr_assert(strstr(why, "HOME"), "%s", why);
}

Test(history, records_are_read_back_in_the_order_they_began)
{
	/* a routine begun at 09:37 and ended at 09:50 is written after a
	 * reminder snoozed at 09:41 */
	write_text("# unknot history\n"
		   "2026-11-20T09:41:00+01:00\tdesk-reset\treminder-snoozed\t0\t-\t-\n"
		   "2026-11-20T09:37:00+01:00\tlower-back\tcompleted\t780\t-\t-\n"
		   "2026-11-20T09:41:00+01:00\tdesk-reset\treminder-skipped\t0\t-\t-\n"
		   "2026-11-19T18:00:00+01:00\ttimer\tpartial\t20\t3\t2\n");
	struct got g = {0};
	struct diags d = {0};
	cr_assert_eq(history_read_by_time(path, collect, &g, &d), 0);
	cr_assert_eq(g.n, 4);
	cr_assert_str_eq(g.v[0].routine, "timer");
	cr_assert_eq(g.v[0].outcome, OUTCOME_PARTIAL);
	cr_assert_eq(g.v[0].pain_before, 3);
	cr_assert_str_eq(g.v[1].routine, "lower-back");
	cr_assert_eq(g.v[1].seconds, 780);
	cr_assert_eq(g.v[2].outcome, OUTCOME_REMINDER_SNOOZED, "equal times keep their file order");
	cr_assert_eq(g.v[3].outcome, OUTCOME_REMINDER_SKIPPED);
	cr_assert_eq(g.v[3].utc_offset, 3600);
	diags_free(&d);
}

/* history_read_by_time keeps each name once while it recurs among the
 * last few seen; names that come back later, or many names in turn, must
 * still come out as they were written. */
static void
check_names(const struct history_entry *e, void *arg)
{
	int *n = arg;
	char want[32];
	/* record i began at minute i and is named after i % 20 (or "late") */
	int i = (int)((e->when - 1795132800) / 60);
	snprintf(want, sizeof want, i >= 40 ? "late" : "routine-%02d", i % 20);
	cr_assert_str_eq(e->routine, want, "record %d", i);
	cr_assert_eq(e->seconds, i, "record %d", i);
	cr_assert_eq(*n, i, "in the order they began");
	(*n)++;
}

Test(history, names_are_read_back_whole_however_often_they_recur)
{
	/* written from the last to begin to the first: 40 records naming
	 * twenty routines in turn (more than are kept at hand), then "late"
	 * once more at the file's start */
	FILE *fp = fopen(path, "w");
	cr_assert_not_null(fp);
	fputs("# unknot history\n", fp);
	fprintf(fp, "2026-11-20T00:40:00+00:00\tlate\tcompleted\t40\t-\t-\n");
	for (int i = 39; i >= 0; i--)
		fprintf(fp, "2026-11-20T00:%02d:00+00:00\troutine-%02d\tcompleted\t%d\t-\t-\n", i, i % 20, i);
	fclose(fp);
	int n = 0;
	struct diags d = {0};
	cr_assert_eq(history_read_by_time(path, check_names, &n, &d), 0);
	cr_assert_eq(n, 41);
	cr_assert_eq(d.n, 0);
	diags_free(&d);
}
