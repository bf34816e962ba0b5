/*
 * timer.h - `unknot timer`: a one-step routine made from the command
 * line, without a file, followed by the same player with the same cues
 * and recorded in history under the id "timer".
 */
#ifndef UNKNOT_TIMER_H
#define UNKNOT_TIMER_H

#include <stdbool.h>

#include "diag.h"

struct routine;

#define TIMER_ID "timer"

struct timer_spec {
	long duration;       /* seconds per bout */
	bool sides;
	long reps;           /* per side; 0: 1 */
	long rest;           /* seconds between bouts */
	const char *title;   /* NULL: "Timer" */
};

/* The routine, or NULL after adding why to d (a value outside the range
 * a routine file allows, with the same words as `unknot check`).  The
 * caller frees it with routine_free(). */
struct routine *timer_routine(const struct timer_spec *t, struct diags *d);

#endif
