/*
 * screening.h - what the short screening before every start says, as lines
 * any front end can show: the curses screen and the plain line mode print
 * the same words.
 *
 * It reads the plan (plan.h), so it says exactly what the player will do:
 *   - the routine's own warnings, first (a front end keeps them in view);
 *   - with a health profile: why the start is refused, or one line per
 *     adaptation (a step left out or replaced, a caution's advice that goes
 *     with some steps), and `y` starts;
 *   - without one: "Does any of these apply to you?" and the conditions the
 *     routine names, one line each, leading to the profile (`h`);
 *   - the red flags in one paragraph, tier by tier.
 * A struct screening owns its strings; it borrows nothing after
 * screening_make() returns.
 */
#ifndef UNKNOT_SCREENING_H
#define UNKNOT_SCREENING_H

#include <stdbool.h>
#include <stddef.h>

#include "plan.h"

/*
 * What a front end shows as text, in lines with an emphasis, so that the
 * curses screens and the plain mode say the same words.  A line is its
 * label, then its text; a struct flow_lines owns its texts
 * (flow_lines_free).
 */
enum flow_emph { EMPH_NORMAL, EMPH_TITLE, EMPH_CAUTION, EMPH_STOP, EMPH_DIM, EMPH_COUNT };
struct flow_line {
	const char *label;     /* "Warning: ", "- " or "": a static string */
	char *text;            /* "" for a blank line */
	enum flow_emph emph;
	int indent;            /* columns before the label */
};
struct flow_lines {
	struct flow_line *v;
	size_t n;
};
void flow_lines_add(struct flow_lines *l, int indent, const char *label, enum flow_emph emph,
    const char *text);
void flow_lines_free(struct flow_line *v, size_t n);

/* The keys of the screening, so that both front ends offer the same ones. */
enum screening_key { SCREEN_KEY_START, SCREEN_KEY_PROFILE, SCREEN_KEY_BACK, SCREEN_KEY_COUNT };

struct screening {
	char *title;               /* "Before you start: TITLE" */
	struct flow_lines warnings; /* the routine's own warnings */
	struct flow_lines body;    /* adaptations, or the question */
	char *red_flags;           /* one paragraph */
	bool can_start;            /* false when the plan refuses the start */
	bool asks;                 /* no profile yet: the body is the question */
	/* What each key does here ("start", "none apply: start", ...); NULL
	 * when the key does nothing on this screening. */
	const char *keys[SCREEN_KEY_COUNT];
};

/* answered: the person has a health profile (health_answered()). */
void screening_make(struct screening *s, const struct plan *p, const struct safety *cat,
    bool answered);
void screening_free(struct screening *s);

/* The letter for each key: y, h, q. */
char screening_key_letter(enum screening_key k);


/* True when a red-flag group is for this routine (r NULL: for every
 * listing). */
bool screening_red_flags_apply(const struct red_flags *g, const struct routine *r);
/* The red flags in one paragraph, tier by tier, from the groups' summaries
 * for routine r (NULL: the general ones): what the screening shows.
 * The caller frees it. */
char *screening_red_flag_summary(const struct safety *cat, const struct routine *r);

#endif
