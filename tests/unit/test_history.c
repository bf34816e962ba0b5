/* The history file: records round-trip, damage is skipped, nothing is lost. */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

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
