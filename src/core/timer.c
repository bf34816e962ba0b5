/* timer.c - a one-step routine without a file: see timer.h. */
#include "timer.h"

#include <string.h>

#include "duration.h"
#include "routine.h"
#include "util.h"

/* The step key's range, from the one table (routine.c) that files obey. */
static bool
in_range(const char *key, long v, struct diags *d)
{
	for (size_t i = 0; i < step_nkeys; i++) {
		const struct lcfg_key *k = &step_keys[i];
		if (strcmp(k->name, key) != 0)
			continue;
		if (v >= k->min && v <= k->max)
			return true;
		if (k->kind == LK_DURATION) {
			/* as the person wrote it: "from 1s to 2h, not 3h", not seconds */
			char lo[32], hi[32], got[32];
			diags_add(d, "timer", 0, DIAG_ERROR, "%s must be from %s to %s, not %s", key,
			    duration_words(k->min, lo, sizeof lo), duration_words(k->max, hi, sizeof hi),
			    duration_words(v, got, sizeof got));
		} else {
			diags_add(d, "timer", 0, DIAG_ERROR, "%s must be from %ld to %ld, not %ld", key, k->min, k->max, v);
		}
		return false;
	}
	return true;
}

struct routine *
timer_routine(const struct timer_spec *t, struct diags *d)
{
	long reps = t->reps ? t->reps : 1;
	if (!in_range("duration", t->duration, d) | !in_range("reps", reps, d) | !in_range("rest", t->rest, d))
		return NULL;
	struct routine *r = xcalloc(1, sizeof *r);
	r->id = xstrdup(TIMER_ID);
	r->path = xstrdup("");
	r->version = ROUTINE_VERSION;
	r->title = xstrdup(t->title && t->title[0] ? t->title : "Timer");
	r->level = LEVEL_GENTLE;
	r->prepare = 5; /* as a routine file's default */
	r->nsteps = 1;
	r->steps = xcalloc(1, sizeof *r->steps);
	struct step *s = &r->steps[0];
	s->type = STEP_STRETCH;
	s->title = xstrdup(r->title);
	s->duration = (int)t->duration;
	s->sides = t->sides;
	s->reps = (int)reps;
	s->rest = (int)t->rest;
	if (routine_seconds(r) > ROUTINE_MAX_SECONDS) {
		diags_add(d, "timer", 0, DIAG_ERROR, "a timer may last at most 4 hours");
		routine_free(r);
		return NULL;
	}
	return r;
}
