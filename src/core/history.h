/*
 * history.h - the history file, $XDG_STATE_HOME/unknot/history.tsv.
 *
 * A header line starting with '#', then one tab-separated record per
 * event: local time (ISO 8601 with offset), routine id, outcome, seconds
 * done, pain before, pain after ('-' when not given).  Each record is one
 * write() on an O_APPEND descriptor under a lock, then fsync(), so a crash
 * can never change an earlier record, and a record cut short (a full
 * disk) is taken back.  The file is 0600 in a 0700 folder that must be
 * the user's (file.h); it is never opened through a symbolic link.
 */
#ifndef UNKNOT_HISTORY_H
#define UNKNOT_HISTORY_H

#include <sys/types.h>
#include <time.h>

#include "diag.h"

/* completed: the end reached with most of the step time done; partial:
 * the end reached with steps skipped (see flow_outcome); stopped: ended
 * before the end.  The reminder's: a break offered (it came due), and the
 * answers to one (taken, snoozed, skipped). */
enum outcome {
	OUTCOME_COMPLETED, OUTCOME_STOPPED, OUTCOME_PARTIAL, OUTCOME_REMINDER_TAKEN,
	OUTCOME_REMINDER_SNOOZED, OUTCOME_REMINDER_SKIPPED, OUTCOME_REMINDER_OFFERED, OUTCOME_COUNT
};

/* The longest routine id a record holds (a file name is at most 255
 * bytes); history_format() cuts a longer one, so what is written reads back. */
#define HISTORY_ID_MAX 255
/* A line longer than this is damaged: it is skipped, and never read whole
 * into memory. */
#define HISTORY_LINE_MAX 1024

struct history_record {
	time_t when;
	const char *routine;
	enum outcome outcome;
	long seconds;
	int pain_before, pain_after; /* -1: not given */
};

const char *outcome_name(enum outcome outcome);
/* The record as one line, with its newline; the caller frees it. */
char *history_format(const struct history_record *rec);
/* Append to the file in dir (created 0700 with the file 0600 when
 * missing; NULL: there is no home folder).  Returns 0, or -1 with *why set
 * to a static reason that names the file. */
int history_append_to(const char *dir, const struct history_record *rec, const char **why);
/* The same in the user's state folder. */
int history_append(const struct history_record *rec, const char **why);

/* A record read back. */
struct history_entry {
	time_t when;
	int utc_offset;       /* seconds east of UTC, as written */
	char routine[HISTORY_ID_MAX + 1];
	enum outcome outcome;
	long seconds;
	int pain_before, pain_after;
};

/* Called for each good record, in file order. */
typedef void history_fn(const struct history_entry *e, void *arg);

/* $XDG_STATE_HOME/unknot/history.tsv (NULL without a home folder: read
 * as an empty history); the caller frees it. */
char *history_path(void);
/* Parse one record line (without its newline).  Returns 0, or -1 with *why. */
int history_parse(const char *line, struct history_entry *e, const char **why);
/*
 * Stream the records of path from byte offset `from` (a line start) to fn,
 * one line at a time, in constant memory.  A missing file is empty.  A
 * damaged or foreign line is skipped with a FILE:LINE warning (line numbers
 * count from `from`, so pass 0 for a whole file); a last line without its
 * newline (a write cut short) is reported and left for next time.  *end
 * gets the offset after the last whole line.  Returns 0, or -1 when the
 * file cannot be read (an error in d).
 */
int history_read(const char *path, off_t from, history_fn *fn, void *arg, struct diags *d, off_t *end);
/*
 * The same for a whole file, in the order the records began: a record is
 * written when it ends but carries its start (a reminder snoozed at 09:41
 * is written before a routine begun at 09:37 and ended at 09:50, and is
 * listed after it).  Equal times keep their file order.  Holds the
 * records in memory, about 40 bytes and the id each.
 */
int history_read_by_time(const char *path, history_fn *fn, void *arg, struct diags *d);

#endif
