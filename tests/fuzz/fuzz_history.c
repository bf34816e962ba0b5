/*
 * fuzz_history.c - libFuzzer harness for the history file's reader and
 * parser (history_read, history_parse), as `unknot history`, `stats` and
 * the reminder read the file.
 *
 * Any byte string is written as a history file and read back.  Every
 * record handed on must be one that history_format() writes and
 * history_parse() reads back to the same values (what is read can be
 * written, what is written can be read; the writer shows an id's control
 * characters as '?'), and reading on from where the
 * reader stopped must find nothing more.  Built by `make fuzz
 * FUZZER=history` with clang, ASan and UBSan.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "history.h"
#include "util.h"

#include "scratch.h"


static void
check(const struct history_entry *e, void *arg)
{
	int *n = arg;
	(*n)++;
	size_t len = strlen(e->routine);
	if (len == 0 || len > HISTORY_ID_MAX || strpbrk(e->routine, "\t\n"))
		abort();
	if (e->outcome < 0 || e->outcome >= OUTCOME_COUNT || e->seconds < 0 || e->seconds > 86400 ||
	    e->pain_before < -1 || e->pain_before > 10 || e->pain_after < -1 || e->pain_after > 10)
		abort();
	/* written again (in UTC, see main) and read back: the same record */
	struct history_record rec = {.when = e->when, .routine = e->routine, .outcome = e->outcome,
		.seconds = e->seconds, .pain_before = e->pain_before, .pain_after = e->pain_after};
	char *line = history_format(&rec);
	line[strlen(line) - 1] = '\0';
	struct history_entry back;
	const char *why;
	if (e->when >= 0 && e->when < 253402300800LL) { /* years 1970-9999 print as four digits */
		if (history_parse(line, &back, &why) < 0)
			abort();
		/* the writer shows a control character of an id as '?' (a foreign
		 * line may hold one: it is read, and cleaned when shown) */
		char id[HISTORY_ID_MAX + 1];
		snprintf(id, sizeof id, "%s", e->routine);
		for (char *c = id; *c; c++)
			if ((unsigned char)*c < 0x20 || *c == 0x7f)
				*c = '?';
		if (back.when != e->when || strcmp(back.routine, id) != 0 || back.outcome != e->outcome ||
		    back.seconds != e->seconds || back.pain_before != e->pain_before ||
		    back.pain_after != e->pain_after)
			abort();
	}
	free(line);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	setenv("TZ", "UTC", 1);
	tzset();
	const char *path = scratch_write("history.tsv", data, size);
	struct diags d = {0};
	int n = 0;
	off_t end;
	if (history_read(path, 0, check, &n, &d, &end) < 0)
		abort(); /* a regular file of the user's is always readable */
	for (size_t i = 0; i < d.n; i++)
		free(diag_format(&d.v[i]));
	if (end < 0 || (size_t)end > size)
		abort();
	/* on from where it stopped: nothing new (an unfinished line may be
	 * warned about again, but never read as a record) */
	int again = 0;
	if (history_read(path, end, check, &again, &d, &end) < 0 || again != 0)
		abort();
	diags_free(&d);
	unlink(path);
	return 0;
}
