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

static const char *const outcome_names[] = {
	[OUTCOME_COMPLETED] = "completed",
	[OUTCOME_STOPPED] = "stopped",
	[OUTCOME_PARTIAL] = "partial",
	[OUTCOME_REMINDER_TAKEN] = "reminder-taken",
	[OUTCOME_REMINDER_SNOOZED] = "reminder-snoozed",
	[OUTCOME_REMINDER_SKIPPED] = "reminder-skipped",
};
_Static_assert(ARRAY_LEN(outcome_names) == OUTCOME_COUNT, "an outcome without a name");

const char *
outcome_name(enum outcome outcome)
{
	return (unsigned)outcome < OUTCOME_COUNT ? outcome_names[outcome] : "?";
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

/* n decimal digits at p, or -1. */
static int
digits(const char *p, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return -1;
		v = v * 10 + (p[i] - '0');
	}
	return v;
}

/* "2026-11-25T14:03:07+01:00", exactly. */
static int
parse_time(const char *s, size_t len, struct history_entry *e)
{
	if (len != 25 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' ||
	    (s[19] != '+' && s[19] != '-') || s[22] != ':')
		return -1;
	int y = digits(s, 4), mo = digits(s + 5, 2), d = digits(s + 8, 2), h = digits(s + 11, 2),
	    mi = digits(s + 14, 2), sec = digits(s + 17, 2), oh = digits(s + 20, 2), om = digits(s + 23, 2);
	if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 ||
	    sec < 0 || sec > 60 || oh < 0 || oh > 14 || om < 0 || om > 59)
		return -1;
	e->utc_offset = (s[19] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
	e->when = (time_t)civil_days(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - e->utc_offset;
	return 0;
}

int
history_parse(const char *line, struct history_entry *e, const char **why)
{
	/* split in place on a copy-free walk: six fields, five tabs */
	const char *f[6];
	size_t len[6];
	const char *p = line;
	int n = 0;
	while (n < 6) {
		const char *tab = strchr(p, '\t');
		f[n] = p;
		len[n] = tab ? (size_t)(tab - p) : strlen(p);
		n++;
		if (tab == NULL)
			break;
		p = tab + 1;
	}
	if (n != 6 || strchr(f[5], '\t')) {
		*why = "expected 6 tab-separated fields";
		return -1;
	}
	if (parse_time(f[0], len[0], e) < 0) {
		*why = "the time is not YYYY-MM-DDTHH:MM:SS+HH:MM";
		return -1;
	}
	if (len[1] == 0 || len[1] >= sizeof e->routine) {
		*why = "the routine id is empty or too long";
		return -1;
	}
	memcpy(e->routine, f[1], len[1]);
	e->routine[len[1]] = '\0';
	e->outcome = OUTCOME_COUNT;
	for (int o = 0; o < OUTCOME_COUNT; o++) {
		const char *name = outcome_names[o];
		if (strlen(name) == len[2] && memcmp(name, f[2], len[2]) == 0)
			e->outcome = (enum outcome)o;
	}
	if (e->outcome == OUTCOME_COUNT) {
		*why = "unknown outcome";
		return -1;
	}
	int secs = len[3] >= 1 && len[3] <= 5 ? digits(f[3], (int)len[3]) : -1;
	if (secs < 0 || secs > 86400) {
		*why = "seconds must be a whole number from 0 to 86400";
		return -1;
	}
	e->seconds = secs;
	int pain[2];
	for (int i = 0; i < 2; i++) {
		const char *v = f[4 + i];
		size_t l = len[4 + i];
		pain[i] = (l == 1 && v[0] == '-') ? -1 : (l >= 1 && l <= 2) ? digits(v, (int)l) : -2;
		if (pain[i] < -1 || pain[i] > 10 || (pain[i] == -1 && v[0] != '-')) {
			*why = "pain must be 0 to 10, or -";
			return -1;
		}
	}
	e->pain_before = pain[0];
	e->pain_after = pain[1];
	return 0;
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
