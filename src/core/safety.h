/*
 * safety.h - the contraindication catalogue and the red flags.
 *
 * The catalogue is read from the bundled safety.cfg and then from the
 * user's, an entry with the same id replacing the earlier one and red
 * flags adding to the list.  A struct safety owns all its strings.  What
 * the catalogue means for one routine and one person (refuse, replace,
 * leave out, caution) is decided in plan.h.
 */
#ifndef UNKNOT_SAFETY_H
#define UNKNOT_SAFETY_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

struct routine;

enum safety_level { SAFETY_CAUTION, SAFETY_STOP, SAFETY_LEVEL_COUNT };

struct condition {
	char *id, *title, *advice;
	char *brief;  /* a few words for lists, as "a blood clot (DVT)"; NULL: the title */
	enum safety_level level;
	/* The step types its advice concerns when a routine names it (as
	 * "hold", "roll"); NULL: every step. */
	char **concerns;
	unsigned concerns_mask; /* bit 1u << type for each; 0: every step */
};

/* The longest bout of a step type and the most reps that the evidence
 * behind the bundled routines supports; 0 when not set.  check warns
 * beyond them. */
struct dose_ceilings {
	int hold, roll, stretch; /* seconds per bout */
	int reps;
};

/* Red flags come in three tiers, each with what to do. */
enum red_flag_tier { RED_FLAG_EMERGENCY, RED_FLAG_URGENT, RED_FLAG_ROUTINE, RED_FLAG_TIER_COUNT };

struct red_flags {
	enum red_flag_tier tier;
	char *title;     /* e.g. "With neck pain"; NULL for the general list */
	char **areas;    /* the routine areas it is for; NULL: every routine */
	char *summary;   /* a few words for the screening's one-line summary */
	char **flags;    /* the signs, one sentence each */
};

struct safety {
	struct condition *v;
	size_t n;
	struct red_flags *flags; /* in file order */
	size_t nflags;
	struct dose_ceilings ceilings;
};

/* Add path's entries to cat.  Returns 0, or -1 after adding diagnostics
 * (cat keeps what it had). */
int safety_load(struct safety *cat, const char *path, struct diags *d);
void safety_free(struct safety *cat);
const struct condition *safety_find(const struct safety *cat, const char *id);
/* The known id closest to a misspelt one, or NULL. */
const char *safety_closest(const struct safety *cat, const char *id);
const char *safety_level_name(enum safety_level level);
/* The condition in a few words: its brief, else its title. */
const char *condition_brief(const struct condition *c);
/* "With a hip or knee replacement: ": the label of its advice on a step, in
 * the brief's words (never the id).  The caller frees it. */
char *condition_label(const struct condition *c);
/* True when the condition's advice concerns a step of this type. */
bool condition_concerns(const struct condition *c, int step_type);

const char *red_flag_tier_name(enum red_flag_tier tier);
/* What to do, as a heading over the tier's list: "Emergency: call 999, ..." */
const char *red_flag_tier_heading(enum red_flag_tier tier);
/* What to do, in a few words: "Call 999, 112 or 911 now". */
const char *red_flag_tier_lead(enum red_flag_tier tier);

#endif
