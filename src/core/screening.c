/* screening.c - the words of the screening before every start: see screening.h. */
#include "screening.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

void
flow_lines_add(struct flow_lines *l, int indent, const char *label, enum flow_emph emph,
    const char *text)
{
	l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
	l->v[l->n++] = (struct flow_line){.label = label ? label : "", .text = xstrdup(text ? text : ""),
		.emph = emph, .indent = indent};
}

void
flow_lines_free(struct flow_line *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].text);
	free(v);
}

static const char key_letters[SCREEN_KEY_COUNT] = {
	[SCREEN_KEY_START] = 'y',
	[SCREEN_KEY_PROFILE] = 'h',
	[SCREEN_KEY_BACK] = 'q',
};

char
screening_key_letter(enum screening_key k)
{
	return (unsigned)k < SCREEN_KEY_COUNT ? key_letters[k] : '?';
}

/* With a profile: what the plan does, one line each. */
static void
adaptations(struct screening *s, const struct plan *p)
{
	struct flow_lines *b = &s->body;
	if (plan_refused(p)) {
		char *why = plan_refusal_text(p);
		flow_lines_add(b, 0, "", EMPH_STOP, why);
		free(why);
		return;
	}
	if (!p->declared_any) {
		flow_lines_add(b, 0, "", EMPH_NORMAL,
		    "Nothing in your health profile concerns this routine: it runs as written.");
		return;
	}
	flow_lines_add(b, 0, "", EMPH_TITLE, "Adapted to your health profile:");
	for (size_t i = 0; i < p->nchanges; i++) {
		char *line = plan_change_text(&p->changes[i]);
		flow_lines_add(b, 2, "", EMPH_CAUTION, line);
		free(line);
	}
	for (size_t i = 0; i < p->nconds; i++) {
		const struct plan_condition *pc = &p->conds[i];
		if (pc->cautioned > 0) { /* PLAN_CAUTIONS, or PLAN_ADAPTS with advice */
			char *line = xasprintf("Care: %s. Its advice is shown with %zu step%s.",
			    pc->cond->title, pc->cautioned, pc->cautioned == 1 ? "" : "s");
			flow_lines_add(b, 2, "", EMPH_CAUTION, line);
			free(line);
		} else if (pc->effect == PLAN_ADVISES) {
			char *line = xasprintf("Care: %s.", pc->cond->title);
			flow_lines_add(b, 2, "", EMPH_CAUTION, line);
			free(line);
			flow_lines_add(b, 4, "", EMPH_NORMAL, pc->cond->advice);
		}
	}
}

/* Without a profile: the question, and the conditions the routine and its
 * steps name, in a few words each: the ones that refuse it, then the ones
 * that adapt it or bring advice. */
static void
question(struct screening *s, const struct plan *p)
{
	struct flow_lines *b = &s->body;
	if (p->nconds == 0) {
		flow_lines_add(b, 0, "", EMPH_NORMAL, "This routine names no conditions to check.");
		return;
	}
	flow_lines_add(b, 0, "", EMPH_TITLE, "Does any of these apply to you?");
	/* the groups and words of the home screen (plan.h): refused, advice
	 * with the steps, steps replaced or left out */
	for (int g = 0; g < PLAN_GROUP_COUNT; g++) {
		char *list = plan_undeclared_briefs(p, (enum plan_group)g);
		if (list)
			flow_lines_add(b, 2, plan_group_label((enum plan_group)g),
			    g == PLAN_NOT_WITH ? EMPH_STOP : EMPH_NORMAL, list);
		free(list);
	}
	flow_lines_add(b, 0, "", EMPH_DIM,
	    "If some do, tell unknot in your health profile (h): it then leaves out or replaces the "
	    "steps that do not suit you, in this routine and every other, and refuses what must not "
	    "be done.");
}

void
screening_make(struct screening *s, const struct plan *p, const struct safety *cat, bool answered)
{
	memset(s, 0, sizeof *s);
	s->title = xasprintf("Before you start: %s", p->written->title);
	for (char **w = p->written->warnings; w && *w; w++)
		flow_lines_add(&s->warnings, 0, "Warning: ", EMPH_CAUTION, *w);
	/* A declared condition refuses even before a profile was saved
	 * (health.conditions in the config). */
	s->asks = !answered && !plan_refused(p);
	if (s->asks)
		question(s, p);
	else
		adaptations(s, p);
	s->red_flags = screening_red_flag_summary(cat, p->written);
	s->can_start = !plan_refused(p);
	/* short: the key line fits 40 columns */
	s->keys[SCREEN_KEY_START] = !s->can_start ? NULL : s->asks ? "none apply: start" : "start";
	s->keys[SCREEN_KEY_PROFILE] = s->asks ? "some do" : "health profile";
	s->keys[SCREEN_KEY_BACK] = "back";
}

void
screening_free(struct screening *s)
{
	free(s->title);
	flow_lines_free(s->warnings.v, s->warnings.n);
	flow_lines_free(s->body.v, s->body.n);
	free(s->red_flags);
	memset(s, 0, sizeof *s);
}

bool
screening_red_flags_apply(const struct red_flags *g, const struct routine *r)
{
	if (r == NULL || g->areas == NULL)
		return true;
	for (char **a = g->areas; *a; a++)
		for (char **ra = r->areas; ra && *ra; ra++)
			if (strcasecmp(*a, *ra) == 0)
				return true;
	return false;
}

char *
screening_red_flag_summary(const struct safety *cat, const struct routine *r)
{
	struct buf b = {0};
	for (int t = 0; t < RED_FLAG_TIER_COUNT; t++) {
		bool first = true;
		for (size_t i = 0; i < cat->nflags; i++) {
			const struct red_flags *g = &cat->flags[i];
			if (g->tier != (enum red_flag_tier)t || !screening_red_flags_apply(g, r))
				continue;
			if (first)
				buf_addf(&b, "%s%s if you have: ", b.len ? " " : "", red_flag_tier_lead((enum red_flag_tier)t));
			else
				buf_addf(&b, "; ");
			buf_addf(&b, "%s", g->summary);
			first = false;
		}
		if (!first)
			buf_addf(&b, ".");
	}
	buf_addf(&b, "%s`unknot safety` lists every red flag.", b.len ? " " : "");
	return b.s;
}
