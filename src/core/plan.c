/* plan.c - adapting a routine to the declared conditions: see plan.h. */
#include "plan.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

/* The step's contraindications that the person declared (NULL when none). */
static const char **
ruled_out_by(const struct step *s, char *const *declared)
{
	const char **why = NULL;
	size_t n = 0;
	for (char **c = s->contraindications; c && *c; c++) {
		if (!strv_has(declared, *c))
			continue;
		why = xrealloc(why, (n + 2) * sizeof *why);
		why[n++] = *c;
		why[n] = NULL;
	}
	return why;
}

/* The first replacement made for every one of why. */
static const struct step *
replacement(const struct step *s, const char *const *why)
{
	for (size_t k = 0; k < s->ninstead; k++) {
		const struct step *alt = &s->instead[k];
		bool all = true;
		for (const char *const *w = why; *w && all; w++)
			all = strv_has(alt->for_ids, *w);
		if (all)
			return alt;
	}
	return NULL;
}

static struct plan_condition *
cond_slot(struct plan *p, const struct condition *c)
{
	for (size_t i = 0; i < p->nconds; i++)
		if (p->conds[i].cond == c)
			return &p->conds[i];
	p->conds = xrealloc(p->conds, (p->nconds + 1) * sizeof *p->conds);
	struct plan_condition *pc = &p->conds[p->nconds++];
	memset(pc, 0, sizeof *pc);
	pc->cond = c;
	return pc;
}

static int
cond_order(const void *a, const void *b)
{
	const struct plan_condition *x = a, *y = b;
	bool dx = x->effect != PLAN_NOT_DECLARED, dy = y->effect != PLAN_NOT_DECLARED;
	if (dx != dy)
		return dx ? -1 : 1;
	if (x->cond->level != y->cond->level)
		return x->cond->level == SAFETY_STOP ? -1 : 1;
	return strcmp(x->cond->id, y->cond->id);
}

void
plan_make(struct plan *p, const struct safety *cat, const struct routine *r, char *const *declared)
{
	memset(p, 0, sizeof *p);
	p->written = r;
	p->run = *r;
	p->run.steps = xcalloc(r->nsteps + 1, sizeof *p->run.steps);
	p->run.nsteps = 0;
	p->steps = xcalloc(r->nsteps + 1, sizeof *p->steps);
	p->changes = xcalloc(r->nsteps + 1, sizeof *p->changes);

	/* Every condition named, once; ids the catalogue lacks are left to check. */
	for (char **c = r->contraindications; c && *c; c++) {
		const struct condition *cond = cat ? safety_find(cat, *c) : NULL;
		if (cond)
			cond_slot(p, cond)->of_routine = true;
	}
	for (size_t i = 0; i < r->nsteps; i++)
		for (char **c = r->steps[i].contraindications; c && *c; c++) {
			const struct condition *cond = cat ? safety_find(cat, *c) : NULL;
			if (cond)
				cond_slot(p, cond);
		}

	/* Which step runs. */
	for (size_t i = 0; i < r->nsteps; i++) {
		const struct step *s = &r->steps[i];
		const char **why = ruled_out_by(s, declared);
		const struct step *runs = s;
		const struct plan_change *change = NULL;
		if (why) {
			struct plan_change *c = &p->changes[p->nchanges++];
			c->index = i;
			c->from = s;
			c->to = replacement(s, why);
			c->kind = c->to ? PLAN_REPLACED : PLAN_LEFT_OUT;
			c->why = why;
			runs = c->to;
			change = c;
			for (const char **w = why; *w; w++) {
				const struct condition *cond = cat ? safety_find(cat, *w) : NULL;
				if (cond)
					cond_slot(p, cond)->changed++;
			}
		}
		if (runs == NULL)
			continue;
		struct plan_step *ps = &p->steps[p->run.nsteps];
		ps->step = runs;
		ps->index = i;
		ps->change = change;
		p->run.steps[p->run.nsteps++] = *runs;
	}
	p->nothing_left = p->run.nsteps == 0;

	/* What each declared condition of the routine does. */
	for (size_t i = 0; i < p->nconds; i++) {
		struct plan_condition *pc = &p->conds[i];
		const struct condition *c = pc->cond;
		if (!strv_has(declared, c->id)) {
			pc->effect = PLAN_NOT_DECLARED;
			continue;
		}
		p->declared_any = true;
		if (pc->of_routine && c->level == SAFETY_STOP) {
			pc->effect = PLAN_REFUSES;
			if (p->refuse == NULL)
				p->refuse = c;
			continue;
		}
		/* a caution's advice goes with the steps it concerns, whether the
		 * routine names it or only some steps do (a new hip: "keep
		 * pressure off the scar" on the steps that still run) */
		if (c->level == SAFETY_CAUTION) {
			for (size_t k = 0; k < p->run.nsteps; k++) {
				struct plan_step *ps = &p->steps[k];
				if (!condition_concerns(c, (int)ps->step->type))
					continue;
				if (ps->change && strv_has(ps->step->for_ids, c->id))
					continue; /* made for it: its own texts say how */
				ps->cautions = xrealloc(ps->cautions, (ps->ncautions + 1) * sizeof *ps->cautions);
				ps->cautions[ps->ncautions++] = c;
				pc->cautioned++;
			}
		}
		pc->effect = pc->changed ? PLAN_ADAPTS : pc->cautioned ? PLAN_CAUTIONS : PLAN_ADVISES;
	}
	if (p->nconds > 1)
		qsort(p->conds, p->nconds, sizeof *p->conds, cond_order);
}

void
plan_free(struct plan *p)
{
	for (size_t i = 0; i < p->nchanges; i++)
		free(p->changes[i].why);
	for (size_t i = 0; i < p->run.nsteps; i++)
		free(p->steps[i].cautions);
	free(p->changes);
	free(p->steps);
	free(p->run.steps);
	free(p->conds);
	memset(p, 0, sizeof *p);
}

bool
plan_refused(const struct plan *p)
{
	return p->refuse != NULL || p->nothing_left;
}

const struct routine *
plan_shown(const struct plan *p)
{
	return plan_refused(p) ? p->written : &p->run;
}

char *
plan_why_text(const char *const *why)
{
	struct buf b = {0};
	for (size_t i = 0; why && why[i]; i++)
		buf_addf(&b, "%s%s", i ? ", " : "", why[i]);
	return b.s ? b.s : xstrdup("");
}

char *
plan_refusal_text(const struct plan *p)
{
	if (p->refuse)
		return xasprintf("Not starting: you declared \"%s\", and this routine must not be done "
		    "then. %s", p->refuse->title, p->refuse->advice);
	if (p->nothing_left) {
		struct buf ids = {0};
		for (size_t i = 0; i < p->nconds; i++)
			if (p->conds[i].effect == PLAN_ADAPTS)
				buf_addf(&ids, "%s%s", ids.len ? ", " : "", p->conds[i].cond->id);
		char *s = xasprintf("Not starting: with what you declared (%s), every step of this "
		    "routine is left out. Choose another routine.", ids.s ? ids.s : "");
		buf_free(&ids);
		return s;
	}
	return NULL;
}

char *
plan_change_text(const struct plan_change *c)
{
	char *why = plan_why_text(c->why);
	char *s = c->kind == PLAN_REPLACED ?
	    xasprintf("Replaced: %s%s%s (%s)", c->from->title, text_glyph(GLYPH_ARROW), c->to->title, why) :
	    xasprintf("Left out: %s (%s)", c->from->title, why);
	free(why);
	return s;
}

static const char *const group_labels[PLAN_GROUP_COUNT] = {
	[PLAN_NOT_WITH] = "Not with: ",
	[PLAN_CARE_WITH] = "Care with: ",
	[PLAN_ADAPTS_TO] = "Adapts to: ",
};
_Static_assert(ARRAY_LEN(group_labels) == PLAN_GROUP_COUNT, "a label for every group");

const char *
plan_group_label(enum plan_group g)
{
	return (unsigned)g < PLAN_GROUP_COUNT ? group_labels[g] : "";
}

static enum plan_group
group_of(const struct plan_condition *pc)
{
	if (!pc->of_routine)
		return PLAN_ADAPTS_TO;
	return pc->cond->level == SAFETY_STOP ? PLAN_NOT_WITH : PLAN_CARE_WITH;
}

static char *
undeclared(const struct plan *p, enum plan_group g, bool briefs)
{
	struct buf b = {0};
	for (size_t i = 0; i < p->nconds; i++) {
		const struct condition *c = p->conds[i].cond;
		if (p->conds[i].effect == PLAN_NOT_DECLARED && group_of(&p->conds[i]) == g)
			buf_addf(&b, "%s%s", b.len ? (briefs ? "; " : ", ") : "",
			    briefs ? condition_brief(c) : c->id);
	}
	return b.s;
}

char *
plan_undeclared_ids(const struct plan *p, enum plan_group g)
{
	return undeclared(p, g, false);
}

char *
plan_undeclared_briefs(const struct plan *p, enum plan_group g)
{
	return undeclared(p, g, true);
}
