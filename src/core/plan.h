/*
 * plan.h - the routine as it will be run for one person: the one decision
 * that adapts a routine to the conditions a person declared.
 *
 * plan_make() takes a routine as written, the safety catalogue and the
 * declared condition ids (the health profile and the config's
 * health.conditions together) and says, for every step, what runs:
 *
 *   - A step whose `contraindications` name a declared condition is not done
 *     as written.  It is replaced by the first of its `instead` entries whose
 *     `for` names every declared condition that rules the step out, or, when
 *     no entry does, left out.  Each change keeps the ids that caused it.
 *   - A declared `stop` condition named by the routine itself refuses the
 *     start; so does a plan left with no step at all.
 *   - A declared `caution` condition named by the routine or by any of its
 *     steps puts its advice on every running step whose type it concerns
 *     (the catalogue's `concerns`), except on a replacement made for that
 *     very condition.
 *
 * `show`, `list`, the home screen, the screening and the player all read the
 * same plan, so they cannot disagree.  The plan borrows the routine, the
 * catalogue and the declared ids, which must outlive it; plan_free()
 * releases what it allocated.  Pure: no I/O, no clock.
 */
#ifndef UNKNOT_PLAN_H
#define UNKNOT_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "routine.h"
#include "safety.h"

enum plan_change_kind { PLAN_REPLACED, PLAN_LEFT_OUT };

/* A step not run as written. */
struct plan_change {
	enum plan_change_kind kind;
	size_t index;             /* of the step in the routine as written */
	const struct step *from;  /* the step as written */
	const struct step *to;    /* the replacement; NULL when left out */
	const char **why;         /* the declared ids that rule `from` out (NULL-terminated) */
};

/* A step as it will run. */
struct plan_step {
	const struct step *step;      /* the step as written, or its replacement */
	size_t index;                 /* of the step in the routine as written */
	const struct plan_change *change; /* set when this is a replacement */
	/* Declared caution conditions whose advice goes with this step. */
	const struct condition **cautions;
	size_t ncautions;
};

/* What the plan does about one condition the routine or its steps name. */
enum plan_effect {
	PLAN_NOT_DECLARED,  /* the person did not declare it */
	PLAN_REFUSES,       /* declared stop condition of the routine */
	PLAN_ADAPTS,        /* declared: some steps replaced or left out */
	PLAN_CAUTIONS,      /* declared caution: its advice goes with some steps */
	PLAN_ADVISES        /* declared caution that concerns no running step: advice only */
};

struct plan_condition {
	const struct condition *cond;
	enum plan_effect effect;
	bool of_routine;        /* the routine names it (else only some steps) */
	size_t changed, cautioned; /* steps replaced or left out; steps given its advice */
};

struct plan {
	const struct routine *written;
	/* The routine as it will run: `written`'s fields with the chosen steps
	 * (copies sharing the written strings).  For the clock, the player and
	 * every total; never routine_free() it. */
	struct routine run;
	struct plan_step *steps;      /* run.nsteps of them, in order */
	struct plan_change *changes;  /* in step order */
	size_t nchanges;
	/* Every condition the routine and its steps name, once: declared ones
	 * first, then stop before caution, then by id. */
	struct plan_condition *conds;
	size_t nconds;
	bool declared_any;            /* a declared condition concerns this routine */
	const struct condition *refuse; /* a declared stop condition of the routine */
	bool nothing_left;            /* every step was left out */
};

void plan_make(struct plan *p, const struct safety *cat, const struct routine *r,
    char *const *declared);
void plan_free(struct plan *p);

/* True when the start must be refused (refuse or nothing_left). */
bool plan_refused(const struct plan *p);
/* What listings show: the routine as it runs, or as written when the plan
 * refuses it (there is nothing to run, and its length still tells). */
const struct routine *plan_shown(const struct plan *p);
/* Why the start is refused, as a sentence with the advice; NULL when it is
 * not.  The caller frees it. */
char *plan_refusal_text(const struct plan *p);
/* One line for a change: "Left out: Mid-back roll (osteoporosis)",
 * "Replaced: Knee to chest → Side-lying knee hug (pregnancy)" (the arrow is
 * text_glyph's: "->" where the locale is not UTF-8).  The caller frees it. */
char *plan_change_text(const struct plan_change *c);
/* The ids of why, joined with ", " (owned by the caller). */
char *plan_why_text(const char *const *why);
/* The conditions the person did not declare, in the three groups `show`
 * and the home screen list: the routine's stop conditions ("Not with"), its
 * caution ones ("Care with"), and those only steps name, for which steps
 * are replaced or left out ("Adapts to").  Declared ones are said by the
 * adaptations. */
enum plan_group { PLAN_NOT_WITH, PLAN_CARE_WITH, PLAN_ADAPTS_TO, PLAN_GROUP_COUNT };
/* "Not with: ", "Care with: ", "Adapts to: " */
const char *plan_group_label(enum plan_group g);
/* The ids of the group joined with ", " (for authors: `show`); NULL when
 * none.  Owned by the caller. */
char *plan_undeclared_ids(const struct plan *p, enum plan_group g);
/* The same in a few words each (condition_brief), joined with "; ": what
 * the home screen and the screening's question say.  NULL when none. */
char *plan_undeclared_briefs(const struct plan *p, enum plan_group g);

#endif
