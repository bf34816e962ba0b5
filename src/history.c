/* history.c - appending records to the history file: see history.h. */
#include "history.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"
#include "util.h"

#define HEADER "# unknot history: time\troutine\toutcome\tseconds\tpain_before\tpain_after\n"

const char *
outcome_name(int outcome)
{
	static const char *const names[] = {
		"completed", "stopped", "reminder-taken", "reminder-snoozed", "reminder-skipped",
	};
	return outcome >= 0 && outcome < (int)ARRAY_LEN(names) ? names[outcome] : "?";
}

/* "2026-11-25T14:03:07+01:00" */
static void
iso_time(time_t t, char *out, size_t n)
{
	struct tm tm;
	localtime_r(&t, &tm);
	char z[8];
	strftime(out, n, "%Y-%m-%dT%H:%M:%S", &tm);
	strftime(z, sizeof z, "%z", &tm);
	size_t len = strlen(out);
	snprintf(out + len, n - len, "%.3s:%.2s", z, z + 3);
}

static void
pain(struct buf *b, int v)
{
	if (v >= 0 && v <= 10)
		buf_addf(b, "\t%d", v);
	else
		buf_add(b, "\t-", 2);
}

char *
history_format(const struct history_record *rec)
{
	char when[40];
	iso_time(rec->when, when, sizeof when);
	struct buf b = {0};
	buf_addf(&b, "%s\t", when);
	/* an id is a file name: keep tabs and newlines out of the record */
	for (const char *p = rec->routine; *p; p++) {
		char c = (unsigned char)*p < 0x20 || *p == 0x7f ? '?' : *p;
		buf_add(&b, &c, 1);
	}
	buf_addf(&b, "\t%s\t%ld", outcome_name(rec->outcome), rec->seconds < 0 ? 0 : rec->seconds);
	pain(&b, rec->pain_before);
	pain(&b, rec->pain_after);
	buf_add(&b, "\n", 1);
	return b.s;
}

static int
write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

int
history_append_to(const char *dir, const struct history_record *rec, const char **why)
{
	if (paths_mkdirs(dir, 0700) < 0) {
		*why = strerror(errno);
		return -1;
	}
	char *path = xasprintf("%s/history.tsv", dir);
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	free(path);
	if (fd < 0) {
		*why = strerror(errno);
		return -1;
	}
	struct stat st;
	int rc = 0;
	char *line = history_format(rec);
	/* The header goes in only when the file is empty; a record is always
	 * a single write, so it is never interleaved or split. */
	if (fstat(fd, &st) == 0 && st.st_size == 0 && write_all(fd, HEADER, strlen(HEADER)) < 0)
		rc = -1;
	if (rc == 0 && write_all(fd, line, strlen(line)) < 0)
		rc = -1;
	if (rc == 0 && fsync(fd) < 0)
		rc = -1;
	if (rc < 0)
		*why = strerror(errno);
	free(line);
	if (close(fd) < 0 && rc == 0) {
		*why = strerror(errno);
		rc = -1;
	}
	return rc;
}

int
history_append(const struct history_record *rec, const char **why)
{
	char *dir = paths_state_dir();
	int rc = history_append_to(dir, rec, why);
	free(dir);
	return rc;
}

char *
history_path(void)
{
	char *dir = paths_state_dir();
	char *p = xasprintf("%s/history.tsv", dir);
	free(dir);
	return p;
}

static int
parse_pain(const char *s, int *v)
{
	if (strcmp(s, "-") == 0) {
		*v = -1;
		return 0;
	}
	char *end;
	long n = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || n < 0 || n > 10)
		return -1;
	*v = (int)n;
	return 0;
}

int
history_parse(const char *line, struct history_entry *e, const char **why)
{
	char *copy = xstrdup(line), *f[7], *save = NULL;
	int n = 0;
	for (char *t = strtok_r(copy, "\t", &save); t && n < 7; t = strtok_r(NULL, "\t", &save))
		f[n++] = t;
	int rc = -1;
	*why = "expected 6 tab-separated fields";
	if (n != 6)
		goto out;
	struct tm tm = {0};
	int y, mo, d, h, mi, sec, oh, om, used = 0;
	char sign;
	if (sscanf(f[0], "%4d-%2d-%2dT%2d:%2d:%2d%c%2d:%2d%n", &y, &mo, &d, &h, &mi, &sec, &sign, &oh, &om,
		&used) != 9 || f[0][used] != '\0' || (sign != '+' && sign != '-') || mo < 1 || mo > 12 ||
	    d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60 || oh > 14 || om > 59) {
		*why = "the time is not YYYY-MM-DDTHH:MM:SS+HH:MM";
		goto out;
	}
	tm.tm_year = y - 1900, tm.tm_mon = mo - 1, tm.tm_mday = d;
	tm.tm_hour = h, tm.tm_min = mi, tm.tm_sec = sec;
	e->utc_offset = (sign == '-' ? -1 : 1) * (oh * 3600 + om * 60);
	e->when = timegm(&tm) - e->utc_offset;
	if (strlen(f[1]) >= sizeof e->routine || f[1][0] == '\0') {
		*why = "the routine id is empty or too long";
		goto out;
	}
	strcpy(e->routine, f[1]);
	e->outcome = -1;
	for (int o = OUTCOME_COMPLETED; o <= OUTCOME_REMINDER_SKIPPED; o++)
		if (strcmp(f[2], outcome_name(o)) == 0)
			e->outcome = o;
	if (e->outcome < 0) {
		*why = "unknown outcome";
		goto out;
	}
	char *end;
	e->seconds = strtol(f[3], &end, 10);
	if (*f[3] == '\0' || *end != '\0' || e->seconds < 0 || e->seconds > 86400) {
		*why = "seconds must be a whole number from 0 to 86400";
		goto out;
	}
	if (parse_pain(f[4], &e->pain_before) < 0 || parse_pain(f[5], &e->pain_after) < 0) {
		*why = "pain must be 0 to 10, or -";
		goto out;
	}
	rc = 0;
out:
	free(copy);
	return rc;
}

int
history_read(const char *path, off_t from, history_fn *fn, void *arg, struct diags *d, off_t *end)
{
	*end = from;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			return 0;
		diags_add(d, path, 0, DIAG_ERROR, "cannot read: %s", strerror(errno));
		return -1;
	}
	struct stat st;
	FILE *fp = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? fdopen(fd, "r") : NULL;
	if (fp == NULL) {
		diags_add(d, path, 0, DIAG_ERROR, "cannot read: not a regular file");
		close(fd);
		return -1;
	}
	if (from > st.st_size)
		from = 0; /* replaced by a shorter file: read it all */
	if (from > 0 && fseeko(fp, from, SEEK_SET) < 0)
		from = 0;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int lineno = 0;
	off_t pos = from;
	while ((n = getline(&line, &cap, fp)) > 0) {
		lineno++;
		if (line[n - 1] != '\n') {
			/* a record cut short by a crash or a full disk: flag it, and
			 * leave it for a later read in case it is still being written */
			diags_add(d, path, lineno, DIAG_WARNING, "skipped an unfinished last line");
			break;
		}
		pos += n;
		line[--n] = '\0';
		if (n == 0 || line[0] == '#')
			continue;
		struct history_entry e;
		const char *why;
		if (strlen(line) != (size_t)n)
			diags_add(d, path, lineno, DIAG_WARNING, "skipped a damaged line: it holds a NUL byte");
		else if (history_parse(line, &e, &why) < 0)
			diags_add(d, path, lineno, DIAG_WARNING, "skipped a damaged line: %s", why);
		else
			fn(&e, arg);
	}
	free(line);
	fclose(fp);
	*end = pos;
	return 0;
}
