/* flow.c - following one routine from start to end: see flow.h. */
#include "flow.h"

#include <stdio.h>
#include <string.h>

#include "routine.h"
#include "util.h"

static const char *const nav_names[] = {
	[NAV_OK] = "ok",
	[NAV_BACK] = "back",
	[NAV_QUIT] = "quit",
	[NAV_SIGNAL] = "signal",
	[NAV_START] = "start",
	[NAV_PROGRESS] = "progress",
};
_Static_assert(ARRAY_LEN(nav_names) == NAV_COUNT, "a navigation without a name");

const char *
nav_name(enum nav n)
{
	return n == NAV_STAY ? "stay" : (unsigned)n < NAV_COUNT ? nav_names[n] : "?";
}

enum outcome
flow_outcome(long long step_ms, long long total_ms, bool reached_end)
{
	if (!reached_end)
		return OUTCOME_STOPPED;
	if (step_ms * 100 >= total_ms * FLOW_COMPLETE_PERCENT)
		return OUTCOME_COMPLETED;
	return OUTCOME_PARTIAL;
}

const char *
flow_outcome_text(enum outcome o)
{
	return o == OUTCOME_COMPLETED ? "Routine complete" : o == OUTCOME_PARTIAL ? "Routine ended early" :
	    "Routine stopped";
}

bool
flow_parse_pain(const char *s, int *value)
{
	while (*s == ' ' || *s == '\t')
		s++;
	int v = -1, digits = 0;
	for (; *s >= '0' && *s <= '9' && digits < 3; s++, digits++)
		v = (v < 0 ? 0 : v * 10) + (*s - '0');
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	if (*s != '\0' || v > 10)
		return false;
	*value = v;
	return true;
}

const char *
flow_pain_advice(int before, int after)
{
	if (before < 0 || after < 0)
		return NULL;
	if (after - before >= 2 || after >= 7)
		return "Pain went up or is high: ease off next time, with lighter pressure and "
		    "shorter holds. If it keeps happening, see a doctor or physiotherapist.";
	return NULL;
}

static void
record(struct flow *f, const struct flow_opts *o)
{
	if (f->preview)
		return;
	struct history_record rec = {
		.when = f->play.started,
		.routine = f->r->id,
		.outcome = f->outcome,
		.seconds = (long)(f->play.step_ms / 1000),
		.pain_before = f->pain_before,
		.pain_after = f->pain_after,
	};
	const char *why = NULL;
	int rc = o->history_dir ? history_append_to(o->history_dir, &rec, &why) : history_append(&rec, &why);
	if (rc < 0)
		snprintf(f->note, sizeof f->note, "History not saved: %s", why ? why : "unknown error");
	else
		f->recorded = true;
}

enum nav
flow_run(const struct flow_frontend *fe, const struct routine *r, const struct safety *cat,
    const struct flow_opts *o)
{
	struct flow f = {
		.r = r, .speed = o->speed, .preview = o->speed != 1.0,
		.pain_before = -1, .pain_after = -1,
		.total_ms = routine_seconds(r) * 1000LL,
	};
	safety_screen(cat, r, o->declared, &f.screening);
	enum nav rc = fe->screening(fe->ctx, &f);
	if (f.screening.refuse && rc == NAV_OK)
		rc = NAV_BACK; /* never started, whatever a front end says */
	if (rc == NAV_OK && o->ask_pain)
		rc = fe->pain(fe->ctx, &f, PAIN_BEFORE, &f.pain_before);
	if (rc != NAV_OK) {
		screening_free(&f.screening);
		return rc == NAV_SIGNAL ? NAV_SIGNAL : NAV_BACK;
	}

	rc = fe->play(fe->ctx, &f, &f.play);
	f.outcome = flow_outcome(f.play.step_ms, f.total_ms, rc == NAV_OK && f.play.reached_end);
	f.percent_done = f.total_ms > 0 ? (int)(f.play.step_ms * 100 / f.total_ms) : 100;
	if (f.percent_done > 100)
		f.percent_done = 100;
	/* pain after the end or a stop alike: a stop is often because of it */
	if (rc != NAV_SIGNAL && o->ask_pain && fe->pain(fe->ctx, &f, PAIN_AFTER, &f.pain_after) == NAV_SIGNAL)
		rc = NAV_SIGNAL;
	f.advice = flow_pain_advice(f.pain_before, f.pain_after);
	record(&f, o);
	if (rc != NAV_SIGNAL)
		rc = fe->end(fe->ctx, &f) == NAV_SIGNAL ? NAV_SIGNAL : NAV_OK;
	screening_free(&f.screening);
	return rc;
}
