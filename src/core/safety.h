/*
 * safety.h - the contraindication catalogue, the red flags, and the
 * screening decision made before every start.
 *
 * The catalogue is read from the bundled safety.cfg and then from the
 * user's, an entry with the same id replacing the earlier one.  The
 * screening decision is pure: given a catalogue, a routine and the
 * conditions the user declared, it lists what to show and whether the
 * start must be refused.  A struct safety owns all its strings.
 */
#ifndef UNKNOT_SAFETY_H
#define UNKNOT_SAFETY_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

struct routine;

enum safety_level { SAFETY_CAUTION, SAFETY_STOP };

struct condition {
	char *id, *title, *advice;
	int level; /* enum safety_level */
};

/* The longest bout of a step type and the most reps that the evidence
 * behind the bundled routines supports; 0 when not set.  check warns
 * beyond them. */
struct dose_ceilings {
	int hold, roll, stretch; /* seconds per bout */
	int reps;
};

struct safety {
	struct condition *v;
	size_t n;
	char **emergency; /* red flags: go to emergency care now */
	char **urgent;    /* red flags: see a clinician soon */
	struct dose_ceilings ceilings;
};

/* Add path's entries to cat.  Returns 0, or -1 after adding diagnostics
 * (cat keeps what it had). */
int safety_load(struct safety *cat, const char *path, struct diags *d);
void safety_free(struct safety *cat);
const struct condition *safety_find(const struct safety *cat, const char *id);
/* The known id closest to a misspelt one, or NULL. */
const char *safety_closest(const struct safety *cat, const char *id);
const char *safety_level_name(int level);

/* One line of the screening screen. */
struct screen_item {
	const struct condition *cond;
	const char *step;  /* title of the step that names it, NULL for the routine */
	bool declared;     /* the user said they have it (config health.conditions) */
};

struct screening {
	struct screen_item *items; /* each condition once, stop before caution */
	size_t n;
	const struct condition *refuse; /* a declared stop condition, or NULL */
};

void safety_screen(const struct safety *cat, const struct routine *r, char *const *declared,
    struct screening *out);
void screening_free(struct screening *s);

#endif
