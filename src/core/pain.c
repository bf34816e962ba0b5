/* pain.c - the pain rules and their words: see pain.h and SOURCES.md. */
#include "pain.h"

#include <stddef.h>
#include <string.h>

#include "history.h"
#include "util.h"

const char *const pain_rules[] = {
	"Pain during a move: 0-3 of 10 is fine, 4-5 is acceptable,",
	"above 5 stop or ease off (less pressure, a smaller range).",
	"What a session stirs up should settle by the next morning.",
	"Sharp, shooting or tingling pain: stop that move at once.",
	NULL,
};

const char *
pain_before_advice(int before)
{
	if (before < PAIN_TOO_HIGH_TO_START)
		return NULL;
	return "Pain of 8 or more: better not to start a routine now. Rest in the position that "
	       "eases it and keep moving gently as you can. If the pain is new and severe, or "
	       "comes with any red flag (numbness between the legs, bladder or bowel trouble, "
	       "weakness in the legs, fever), get medical help now: `unknot safety` lists them.";
}

enum pain_verdict
pain_after_verdict(int before, int after)
{
	if (after < 0)
		return PAIN_NOTHING;
	if (after >= PAIN_HIGH_AFTER || (before >= 0 && after - before >= PAIN_RISE_STOP))
		return PAIN_STOP;
	if (before >= 0 && after > before)
		return PAIN_SETTLE;
	return PAIN_NOTHING;
}

static const char *const verdict_advice[PAIN_VERDICT_COUNT] = {
	[PAIN_NOTHING] = NULL,
	[PAIN_SETTLE] = "A small rise is common after pressure and stretching, and it should settle "
	    "by tomorrow morning. If it has not, go lighter next time: less pressure, shorter holds.",
	[PAIN_STOP] = "Stop this routine for now: do not repeat it until the pain has settled. Rest "
	    "in a comfortable position and keep moving gently as you can; a short walk is fine. If "
	    "it has not settled by tomorrow, or it happens every time, see a doctor or "
	    "physiotherapist. With any red flag (`unknot safety`), get help now.",
};
_Static_assert(ARRAY_LEN(verdict_advice) == PAIN_VERDICT_COUNT, "advice for every verdict");

const char *
pain_verdict_advice(enum pain_verdict v)
{
	return (unsigned)v < PAIN_VERDICT_COUNT ? verdict_advice[v] : NULL;
}

bool
pain_raised(int before, int after)
{
	return pain_after_verdict(before, after) != PAIN_NOTHING;
}

const char pain_followup_question[] =
    "Last time your pain went up after the routine. Had it settled by the next morning?";
const char pain_followup_settled[] =
    "Good: the same routine at the same pressure is fine.";
const char pain_followup_not_settled[] =
    "Then take it easier today: a lighter routine, less pressure and shorter holds, or a rest "
    "day with gentle walking. If pain keeps building from one day to the next, see a doctor or "
    "physiotherapist.";
const char pain_followup_same_day[] =
    "Your pain went up after your last session, earlier today. Give it until tomorrow morning "
    "to settle; if you go on now, go lighter: less pressure, shorter holds, smaller movements.";

const char pain_followup_wait[] =
    "Earlier today this routine raised your pain enough to stop it: do not repeat it until the "
    "pain has settled. Rest in a comfortable position and keep moving gently; a short walk is "
    "fine. If it has not settled by tomorrow, see a doctor or physiotherapist.";
const char pain_followup_not_settled_wait[] =
    "Then do not repeat this routine yet: last time it raised your pain enough to stop it, and "
    "the pain has not settled. Rest, keep moving gently, and see a doctor or physiotherapist "
    "about it.";

static bool
same_day(time_t a, time_t b)
{
	struct tm at, bt;
	localtime_r(&a, &at);
	localtime_r(&b, &bt);
	return at.tm_year == bt.tm_year && at.tm_yday == bt.tm_yday;
}

/* a week on, "did it settle by the morning?" means nothing any more */
static bool
within_a_week(time_t then, time_t now)
{
	return now >= then && now - then < 7 * 24 * 3600;
}

bool
pain_here_said_stop(const struct pain_last *l, time_t now)
{
	return l->has_here && pain_after_verdict(l->here.pain_before, l->here.pain_after) == PAIN_STOP &&
	    within_a_week(l->here.when, now);
}

enum pain_followup
pain_followup_due(const struct pain_last *l, time_t now)
{
	/* this routine said to stop it: not again today, and asked about later */
	if (l && pain_here_said_stop(l, now))
		return same_day(l->here.when, now) ? FOLLOWUP_WAIT : FOLLOWUP_NEXT_DAY;
	if (l == NULL || !l->has_any || !pain_raised(l->any.pain_before, l->any.pain_after))
		return FOLLOWUP_NONE;
	if (same_day(l->any.when, now))
		return FOLLOWUP_SAME_DAY;
	return within_a_week(l->any.when, now) ? FOLLOWUP_NEXT_DAY : FOLLOWUP_NONE;
}

struct last_ctx {
	struct pain_last *l;
	const char *id;
};

/* records are written at the end: keep the latest start */
static void
keep_latest(struct history_entry *keep, bool *has, const struct history_entry *e)
{
	if (*has && e->when < keep->when)
		return;
	*keep = *e;
	*has = true;
}

static void
keep_last(const struct history_entry *e, void *arg)
{
	struct last_ctx *c = arg;
	if (e->outcome != OUTCOME_COMPLETED && e->outcome != OUTCOME_STOPPED)
		return;
	keep_latest(&c->l->any, &c->l->has_any, e);
	if (c->id && strcmp(e->routine, c->id) == 0)
		keep_latest(&c->l->here, &c->l->has_here, e);
}

int
pain_last_sessions(const char *path, const char *id, struct pain_last *out, struct diags *d)
{
	memset(out, 0, sizeof *out);
	struct last_ctx c = {.l = out, .id = id};
	off_t end;
	if (history_read(path, 0, keep_last, &c, d, &end) < 0)
		memset(out, 0, sizeof *out);
	return out->has_any;
}
