/* history.c - appending records to the history file: see history.h. */
#include "history.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"
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
	[OUTCOME_REMINDER_OFFERED] = "reminder-offered",
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
	/* an id is a file name: keep tabs and newlines out of the record, and
	 * keep it within what history_parse() reads back, cut on a character
	 * boundary */
	size_t n = strlen(rec->routine);
	if (n > HISTORY_ID_MAX) {
		n = HISTORY_ID_MAX;
		while (n > 0 && ((unsigned char)rec->routine[n] & 0xc0) == 0x80)
			n--;
	}
	if (n == 0)
		buf_add(&b, "?", 1);
	for (const char *p = rec->routine; p < rec->routine + n; p++) {
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
		if (w <= 0) {
			if (w == 0)
				errno = ENOSPC;
			return -1;
		}
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

/* The reason for a failure, then the file it concerns (the reason first:
 * a screen may cut the line). */
static const char *
failed(const char *dir, const char *file, const char *reason)
{
	static char why[512];
	snprintf(why, sizeof why, "%s (%s%s%s)", reason, dir, file ? "/" : "", file ? file : "");
	return why;
}

/*
 * Appending is one write() of the whole record under an exclusive lock
 * (every unknot process appends this way), so that:
 *  - the header goes in with the first record, never alone;
 *  - a record cut short (a full disk, a file-size limit, an I/O error) is
 *    taken back with ftruncate() to the size before it; if even that
 *    fails, the next append sees a last line without its newline and
 *    starts on a fresh line, so a cut record never swallows a good one;
 *  - nobody else's record can be taken back with ours.
 */
int
history_append_to(const char *dir, const struct history_record *rec, const char **why)
{
	if (dir == NULL) {
		*why = "no home folder to keep it in: set HOME (or XDG_STATE_HOME)";
		return -1;
	}
	const char *reason;
	int dfd = file_open_dir(dir, true, &reason);
	if (dfd < 0) {
		*why = failed(dir, NULL, reason);
		return -1;
	}
	/* O_RDWR: the last byte is read back (pread) */
	int fd = file_openat_write(dfd, "history.tsv", O_RDWR | O_APPEND | O_CREAT, 0600, &reason);
	close(dfd);
	if (fd < 0) {
		*why = failed(dir, "history.tsv", reason);
		return -1;
	}
	int rc = -1;
	struct stat st;
	struct buf b = {0};
	char *line = history_format(rec);
	char last = '\n';
	if (flock(fd, LOCK_EX) < 0 || fstat(fd, &st) < 0) {
		reason = strerror(errno);
		goto out;
	}
	if (st.st_size == 0)
		buf_add(&b, HEADER, strlen(HEADER));
	else if (pread(fd, &last, 1, st.st_size - 1) == 1 && last != '\n')
		buf_add(&b, "\n", 1); /* the last record was cut short: leave it on its line */
	buf_add(&b, line, strlen(line));
	if (write_all(fd, b.s, b.len) < 0) {
		reason = strerror(errno);
		if (ftruncate(fd, st.st_size) < 0) {
			/* the next append starts on a fresh line (above) */
		}
		goto out;
	}
	if (fsync(fd) < 0) {
		reason = strerror(errno);
		goto out;
	}
	rc = 0;
out:
	if (rc < 0)
		*why = failed(dir, "history.tsv", reason);
	if (close(fd) < 0 && rc == 0) { /* closing unlocks */
		*why = failed(dir, "history.tsv", strerror(errno));
		rc = -1;
	}
	free(line);
	buf_free(&b);
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
	if (dir == NULL)
		return NULL;
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
	if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60 ||
	    oh < 0 || oh > 14 || om < 0 || om > 59)
		return -1;
	if (!civil_date_valid(y, mo, d))
		return -2;
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
	int t = parse_time(f[0], len[0], e);
	if (t == -2) {
		*why = "the date does not exist";
		return -1;
	}
	if (t < 0) {
		*why = "the time is not YYYY-MM-DDTHH:MM:SS+HH:MM";
		return -1;
	}
	if (len[1] == 0 || len[1] > HISTORY_ID_MAX) {
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
		if (l == 1 && v[0] == '-')
			pain[i] = -1; /* not given */
		else if (l >= 1 && l <= 2)
			pain[i] = digits(v, (int)l); /* -1 when not digits ("-5") */
		else
			pain[i] = -2;
		if (pain[i] > 10 || (pain[i] < 0 && !(l == 1 && v[0] == '-'))) {
			*why = "pain must be 0 to 10, or -";
			return -1;
		}
	}
	e->pain_before = pain[0];
	e->pain_after = pain[1];
	return 0;
}

/*
 * Lines from a descriptor in constant memory: a line longer than
 * HISTORY_LINE_MAX is skipped to its newline without being kept.
 */
struct lines {
	int fd;
	size_t start, end;
	bool eof;
	char buf[65536];
};

enum line_kind { LINE_NONE, LINE_WHOLE, LINE_UNFINISHED, LINE_TOO_LONG, LINE_ERROR };

/* The next line (without its newline) in *line, *len; *used gets the
 * bytes it took in the file, newline included. */
static enum line_kind
next_line(struct lines *r, char **line, size_t *len, size_t *used)
{
	size_t skipped = 0; /* bytes of an over-long line already dropped */
	for (;;) {
		char *nl = memchr(r->buf + r->start, '\n', r->end - r->start);
		if (nl) {
			*line = r->buf + r->start;
			*len = (size_t)(nl - *line);
			*used = skipped + *len + 1;
			r->start += *len + 1;
			return skipped ? LINE_TOO_LONG : LINE_WHOLE;
		}
		if (r->end - r->start > HISTORY_LINE_MAX) {
			skipped += r->end - r->start; /* too long: drop what is here */
			r->start = r->end;
		}
		if (r->eof) {
			*line = r->buf + r->start;
			*len = r->end - r->start;
			*used = 0; /* left for a later read */
			r->start = r->end;
			return skipped ? LINE_TOO_LONG : *len ? LINE_UNFINISHED : LINE_NONE;
		}
		memmove(r->buf, r->buf + r->start, r->end - r->start);
		r->end -= r->start;
		r->start = 0;
		ssize_t n = read(r->fd, r->buf + r->end, sizeof r->buf - r->end);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return LINE_ERROR;
		if (n == 0)
			r->eof = true;
		r->end += (size_t)n;
	}
}

int
history_read(const char *path, off_t from, history_fn *fn, void *arg, struct diags *d, off_t *end)
{
	*end = from;
	if (path == NULL)
		return 0; /* no home folder: no history either */
	const char *why;
	/* a state file: never through a link, never another user's, never
	 * a FIFO that would block */
	int fd = file_open_read(path, FILE_NOFOLLOW | FILE_MINE, &why);
	if (fd < 0) {
		if (errno == ENOENT)
			return 0;
		diags_add(d, path, 0, DIAG_ERROR, "cannot read: %s", why);
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) < 0)
		st.st_size = 0;
	if (from > st.st_size)
		from = 0; /* replaced by a shorter file: read it all */
	if (from > 0 && lseek(fd, from, SEEK_SET) < 0)
		from = 0;
	struct lines *r = xmalloc(sizeof *r);
	r->fd = fd;
	r->start = r->end = 0;
	r->eof = false;
	int lineno = 0, rc = 0;
	off_t pos = from;
	char *line;
	size_t n, used;
	enum line_kind k;
	while ((k = next_line(r, &line, &n, &used)) != LINE_NONE) {
		if (k == LINE_ERROR) {
			diags_add(d, path, lineno + 1, DIAG_ERROR, "cannot read: %s", strerror(errno));
			rc = -1;
			break;
		}
		lineno++;
		if (k == LINE_UNFINISHED) {
			/* a record cut short by a crash or a full disk: flag it, and
			 * leave it for a later read in case it is still being written */
			diags_add(d, path, lineno, DIAG_WARNING, "skipped an unfinished last line");
			break;
		}
		pos += (off_t)used;
		if (k == LINE_TOO_LONG) {
			diags_add(d, path, lineno, DIAG_WARNING,
			    "skipped a damaged line: longer than %d bytes", HISTORY_LINE_MAX);
			continue;
		}
		line[n] = '\0';
		if (n == 0 || line[0] == '#')
			continue;
		struct history_entry e;
		if (strlen(line) != n)
			diags_add(d, path, lineno, DIAG_WARNING, "skipped a damaged line: it holds a NUL byte");
		else if (history_parse(line, &e, &why) < 0)
			diags_add(d, path, lineno, DIAG_WARNING, "skipped a damaged line: %s", why);
		else
			fn(&e, arg);
	}
	free(r);
	close(fd);
	*end = pos;
	return rc;
}

/* A record kept for sorting, in 32 bytes (100,000 records in 3.2 MB):
 * the id is an offset into one arena of NUL-ended names, seq the file
 * order (qsort is not stable), and the other fields fit what a good line
 * can hold (seconds up to 86400, pain -1 to 10). */
struct kept {
	time_t when;
	uint32_t seq, id;
	int32_t seconds, utc_offset;
	unsigned char outcome;
	signed char pain_before, pain_after;
};
_Static_assert(sizeof(struct kept) <= 32, "a kept record stays small");

#define KEEP_RECENT 16

struct keeper {
	struct kept *v;
	size_t n, cap;
	struct buf ids;
	uint32_t recent[KEEP_RECENT]; /* offsets of the names last seen */
	size_t n_recent;
};

static void
keep(const struct history_entry *e, void *arg)
{
	struct keeper *k = arg;
	if (k->n >= UINT32_MAX || k->ids.len > UINT32_MAX - sizeof e->routine)
		return; /* past 4 GB of names: more than memory would hold anyway */
	if (k->n == k->cap) {
		k->cap = k->cap ? k->cap + k->cap / 2 : 256; /* by half: less left unused */
		k->v = xrealloc(k->v, k->cap * sizeof *k->v);
	}
	/* names repeat (a few routines, over and over): one of the last few
	 * names seen is kept once */
	uint32_t id = 0;
	size_t i = 0;
	while (i < KEEP_RECENT && i < k->n_recent && strcmp(k->ids.s + k->recent[i], e->routine) != 0)
		i++;
	if (i < KEEP_RECENT && i < k->n_recent) {
		id = k->recent[i];
	} else {
		id = (uint32_t)k->ids.len;
		buf_add(&k->ids, e->routine, strlen(e->routine) + 1);
		i = k->n_recent < KEEP_RECENT ? k->n_recent++ : KEEP_RECENT - 1;
	}
	memmove(k->recent + 1, k->recent, i * sizeof *k->recent); /* the newest first */
	k->recent[0] = id;
	k->v[k->n] = (struct kept){.when = e->when, .seq = (uint32_t)k->n, .id = id,
	    .seconds = (int32_t)e->seconds, .utc_offset = e->utc_offset, .outcome = (unsigned char)e->outcome,
	    .pain_before = (signed char)e->pain_before, .pain_after = (signed char)e->pain_after};
	k->n++;
}

static int
by_start(const void *a, const void *b)
{
	const struct kept *x = a, *y = b;
	if (x->when != y->when)
		return x->when < y->when ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

int
history_read_by_time(const char *path, history_fn *fn, void *arg, struct diags *d)
{
	struct keeper k = {0};
	off_t end;
	int rc = history_read(path, 0, keep, &k, d, &end);
	if (k.n > 1)
		qsort(k.v, k.n, sizeof *k.v, by_start);
	for (size_t i = 0; i < k.n; i++) {
		const struct kept *r = &k.v[i];
		struct history_entry e = {.when = r->when, .utc_offset = r->utc_offset, .outcome = (enum outcome)r->outcome,
		    .seconds = r->seconds, .pain_before = r->pain_before, .pain_after = r->pain_after};
		snprintf(e.routine, sizeof e.routine, "%s", k.ids.s + r->id);
		fn(&e, arg);
	}
	free(k.v);
	buf_free(&k.ids);
	return rc;
}
