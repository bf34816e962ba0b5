/*
 * routine.h - the routine model: what a .routine file says, loaded and
 * validated.
 *
 * routine_load() reads one file, checks every key against the tables in
 * routine.c (type, range, unknown keys, the safety catalogue's ids) and
 * appends every problem it finds to a struct diags.  It returns NULL when
 * there was at least one error; warnings alone still give a routine.  The
 * caller owns the routine and frees it with routine_free().
 *
 * The arithmetic of the contract lives here too: a step is done in
 * n = reps * (sides ? 2 : 1) bouts of duration seconds with rest seconds
 * between bouts, so it lasts n * duration + (n - 1) * rest.
 *
 * A step may name conditions for which it is not done (its
 * contraindications) and carry replacement steps for some of them (its
 * `instead` list, each entry with the ids it is `for`).  Which step runs for
 * a person is decided in one place, plan.h, never here.
 */
#ifndef UNKNOT_ROUTINE_H
#define UNKNOT_ROUTINE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "lcfg.h"
#include "steptype.h"

struct safety;

#define ROUTINE_VERSION 1
#define ROUTINE_MAX_STEPS 500
#define ROUTINE_MAX_SECONDS (4 * 3600)

#define ROUTINE_MAX_INSTEAD 8

/* The names of both enums are tables indexed by them (routine.c), checked
 * against the counts at compile time. */
enum routine_level { LEVEL_GENTLE, LEVEL_MODERATE, LEVEL_FIRM, LEVEL_COUNT };

struct step {
	enum step_type type;
	char *title;
	char *how, *pressure, *caution, *sound; /* NULL when absent */
	int duration;  /* seconds per bout */
	bool sides;
	bool floor;    /* done on the floor: lying, kneeling, on hands and knees, sitting on it */
	int reps;
	int rest;      /* seconds between bouts */
	char **contraindications; /* conditions it is not done with; NULL-terminated or NULL */
	struct step *instead;     /* replacement steps (ninstead), tried in order */
	size_t ninstead;
	char **for_ids;           /* in a replacement: the conditions it is for */
	int line;      /* where the step starts in its file */
};

struct routine {
	char *id;      /* file name without .routine */
	char *path;
	int version;
	char *title, *summary;
	enum routine_level level;
	char **equipment, **areas, **contraindications, **warnings;
	int prepare;   /* get-ready seconds before each step */
	/* Some step or replacement says `floor = true`: then the steps say
	 * where the floor is (step_move); else the old rule of a floor
	 * routine's first step.  Set by the loader. */
	bool floor_marked;
	struct step *steps;
	size_t nsteps;
};

struct routine *routine_load(const char *path, const struct safety *cat, struct diags *d);
/* The same from memory: name is the file name diagnostics use; text is modified. */
struct routine *routine_parse(const char *name, char *text, size_t len, const struct safety *cat,
    struct diags *d);
void routine_free(struct routine *r);

int step_bouts(const struct step *s);
long step_seconds(const struct step *s);
long routine_seconds(const struct routine *r);
/*
 * Getting down to the floor or up from it before step i (of the routine as
 * it runs: a plan's run, so that a step left out or replaced counts as
 * what runs instead).  People start off the floor; a step with `floor`
 * after one without is MOVE_DOWN, one without after one with is MOVE_UP.
 * A routine that marks no step (floor_marked false) never says.
 */
enum step_move { MOVE_NONE, MOVE_DOWN, MOVE_UP };
enum step_move step_move(const struct routine *r, size_t i);
/* What the start of such a step says and speaks, before its title:
 * "Now get down onto the floor, ..."; NULL for MOVE_NONE. */
const char *step_move_text(enum step_move m);
/*
 * Get-ready time before step i: the routine's `prepare`, at least what the
 * step's type needs to get into position (a ball or a roller placed: 10 s;
 * a stretch: 5 s), and at least 20 s to get down to the floor or up from
 * it (step_move); in a routine that marks no floor step, 20 s before the
 * first step of a floor routine (a mat or a foam roller in its equipment,
 * or a roll step).  Shown apart from the total.
 */
#define ROUTINE_FLOOR_READY 20
long step_prepare_seconds(const struct routine *r, size_t i);
/* The get-ready time of all the steps. */
long routine_prepare_seconds(const struct routine *r);
/* A floor routine, by its equipment or its steps. */
bool routine_on_floor(const struct routine *r);

/*
 * A sided step's text says which limb the left side is in a last sentence,
 * "Left side: turn to your left." (the bundled routines all do).  For the
 * right side that sentence is mirrored, left and right swapped: "Right
 * side: turn to your right.", so that the text never contradicts the side
 * being done.  step_side_sentence: that sentence for a side (NULL when the
 * step has no sides or no such sentence); step_how_for_side: the whole how
 * for a side (as written for the left; NULL without a how).  Caller frees.
 */
char *step_side_sentence(const struct step *s, bool right);
char *step_how_for_side(const struct step *s, bool right);

const char *routine_level_name(enum routine_level level);
/* "lower-back" from "/some/dir/lower-back.routine"; owned by the caller. */
char *routine_id_from_path(const char *path);

/* The key tables, for the man page test and `unknot new`. */
extern const struct lcfg_key routine_keys[];
extern const size_t routine_nkeys;
extern const struct lcfg_key step_keys[];
extern const size_t step_nkeys;
/* The keys of an `instead` entry: `for` and the ordinary step keys. */
extern const struct lcfg_key instead_keys[];
extern const size_t instead_nkeys;

#endif
