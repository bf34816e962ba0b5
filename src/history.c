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
