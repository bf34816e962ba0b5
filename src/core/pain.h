/*
 * pain.h - the pain rules: what a 0-10 pain score before, during and after
 * a routine means, and what to say about it.
 *
 * They follow the pain-monitoring model (Silbernagel 2007, SOURCES.md):
 * during a move up to 3 of 10 is fine, 4 to 5 acceptable, above 5 means
 * stop or ease off; whatever a session stirs up should settle by the next
 * morning.  Before a start, pain of 8 or more advises against starting.
 * After a session, a rise of 3 or more, or pain of 7 or more, says to stop
 * this routine and what to do; a smaller rise says it should settle by the
 * morning.  The next start after a session that raised pain asks whether it
 * settled; the same routine again after one that said to stop it is
 * advised against (that day, or later while the pain has not settled), as
 * the end screen said.
 *
 * Every screen and the plain line mode take their words from here, so they
 * say the same thing.  Scores are 0..10, or -1 when not given.  Pure.
 */
#ifndef UNKNOT_PAIN_H
#define UNKNOT_PAIN_H

#include <stdbool.h>
#include <time.h>

#include "diag.h"

#include "history.h"

#define PAIN_FINE_MAX 3        /* during a move: up to this is fine */
#define PAIN_ACCEPTABLE_MAX 5  /* up to this is acceptable; above, stop */
#define PAIN_TOO_HIGH_TO_START 8
#define PAIN_HIGH_AFTER 7
#define PAIN_RISE_STOP 3

/* The rules as short lines, for the player's help and the end screen
 * (NULL-terminated). */
extern const char *const pain_rules[];

/* Before a start: advice against starting, or NULL. */
const char *pain_before_advice(int before);

enum pain_verdict {
	PAIN_NOTHING,  /* nothing to say */
	PAIN_SETTLE,   /* it went up a little: it should settle by the morning */
	PAIN_STOP,     /* up by 3 or more, or 7 or more: stop this routine */
	PAIN_VERDICT_COUNT
};
enum pain_verdict pain_after_verdict(int before, int after);
/* The advice for a verdict (NULL for PAIN_NOTHING). */
const char *pain_verdict_advice(enum pain_verdict v);

/* True when a session with these scores raised pain, so that the next
 * start asks whether it settled. */
bool pain_raised(int before, int after);
/* After a session that raised pain, what the next start does: ask, the
 * next day or later, whether it settled by the morning; the same day, say
 * to go lighter; the same routine the same day after it raised pain enough
 * to stop it (PAIN_STOP), say not to repeat it yet (FOLLOWUP_WAIT). */
enum pain_followup { FOLLOWUP_NONE, FOLLOWUP_SAME_DAY, FOLLOWUP_NEXT_DAY, FOLLOWUP_WAIT };
/* The sessions a start looks back at. */
struct pain_last {
	struct history_entry any;   /* the latest completed or stopped session */
	struct history_entry here;  /* the latest of the routine being started */
	bool has_any, has_here;
};
/* now: the time of the start; days are local days (TZ). */
enum pain_followup pain_followup_due(const struct pain_last *l, time_t now);
/* True when the latest session of the routine being started said to stop
 * it (PAIN_STOP) and was within the last week: a "no, it has not settled"
 * then means not this routine yet. */
bool pain_here_said_stop(const struct pain_last *l, time_t now);
/* The latest completed or stopped session in the history file at path, and
 * the latest of routine `id`, in one pass.  Returns 1 when there is one, 0
 * when there is none (damaged lines are warnings in d). */
int pain_last_sessions(const char *path, const char *id, struct pain_last *out, struct diags *d);
extern const char pain_followup_question[];
extern const char pain_followup_settled[];
extern const char pain_followup_not_settled[];
extern const char pain_followup_same_day[];
extern const char pain_followup_wait[];
extern const char pain_followup_not_settled_wait[];

#endif
