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

enum pain_followup
pain_followup_due(const struct history_entry *last, time_t now)
{
	if (last == NULL || !pain_raised(last->pain_before, last->pain_after))
		return FOLLOWUP_NONE;
	struct tm then_tm, now_tm;
	time_t then = last->when;
	localtime_r(&then, &then_tm);
	localtime_r(&now, &now_tm);
	bool same = then_tm.tm_year == now_tm.tm_year && then_tm.tm_yday == now_tm.tm_yday;
	if (same)
		return FOLLOWUP_SAME_DAY;
	/* a week on, "did it settle by the morning?" means nothing any more */
	return now > then && now - then < 7 * 24 * 3600 ? FOLLOWUP_NEXT_DAY : FOLLOWUP_NONE;
}

struct last_ctx {
	struct history_entry e;
	bool found;
};

static void
keep_last(const struct history_entry *e, void *arg)
{
	struct last_ctx *c = arg;
	if (e->outcome != OUTCOME_COMPLETED && e->outcome != OUTCOME_STOPPED)
		return;
	if (c->found && e->when < c->e.when)
		return; /* records are written at the end: keep the latest start */
	c->e = *e;
	c->found = true;
}

int
pain_last_session(const char *path, struct history_entry *out, struct diags *d)
{
	struct last_ctx c = {.found = false};
	off_t end;
	if (history_read(path, 0, keep_last, &c, d, &end) < 0 || !c.found)
		return 0;
	*out = c.e;
	return 1;
}
