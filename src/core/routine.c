/*
 * routine.c - loading and validating .routine files.
 *
 * The two tables below are the format: every key, its type, range and
 * default.  lcfg_walk() applies them; this file adds what a table cannot
 * say (the version, the steps list, the routine's length and the safety
 * catalogue's ids).
 */
#include "routine.h"

#include <ctype.h>
#include <libconfig.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "duration.h"
#include "lcfg.h"
#include "paths.h"
#include "safety.h"
#include "util.h"

/* Indexed by the enum; the NULL after the last name ends the list for
 * LK_ENUM.  The key tables' help and the man page's lists come from here
 * (and from step_type_names, steptype.c). */
static const char *const levels[LEVEL_COUNT + 1] = {
	[LEVEL_GENTLE] = "gentle",
	[LEVEL_MODERATE] = "moderate",
	[LEVEL_FIRM] = "firm",
	[LEVEL_COUNT] = NULL,
};
_Static_assert(ARRAY_LEN(levels) == LEVEL_COUNT + 1, "a name for every level");
/* lcfg stores LK_ENUM values through an int. */
_Static_assert(sizeof(enum routine_level) == sizeof(int), "enum routine_level is stored as an int");

#define R(f) offsetof(struct routine, f)
#define S(f) offsetof(struct step, f)

const struct lcfg_key routine_keys[] = {
	{"version", LK_CUSTOM, true, 1, 1, 1, NULL, R(version), "format version; must be 1"},
	{"title", LK_TITLE, true, 0, 0, 0, NULL, R(title), "name shown in lists and the player"},
	{"summary", LK_TEXT, false, 0, 0, 0, NULL, R(summary), "one or two sentences on what it is for"},
	{"level", LK_ENUM, false, 0, 0, LEVEL_GENTLE, levels, R(level), "how demanding it is"},
	{"equipment", LK_TEXTS, false, 0, 32, 0, NULL, R(equipment), "what to have at hand"},
	{"areas", LK_TEXTS, false, 0, 32, 0, NULL, R(areas), "body areas it works on"},
	{"contraindications", LK_TEXTS, false, 0, 64, 0, NULL, R(contraindications),
	    "ids from the safety catalogue"},
	{"warnings", LK_TEXTS, false, 0, 32, 0, NULL, R(warnings), "shown on the screening screen"},
	{"prepare", LK_DURATION, false, 0, 60, 5, NULL, R(prepare), "get-ready time before each step"},
	{"steps", LK_CUSTOM, true, 0, 0, 0, NULL, 0, "the list of steps ( {...}, {...} )"},
};
const size_t routine_nkeys = ARRAY_LEN(routine_keys);

/* The keys every step has, in a step and in an `instead` entry alike. */
#define STEP_COMMON_KEYS \
	{"type", LK_ENUM, true, 0, 0, 0, step_type_names, S(type), "what kind of step"}, \
	{"title", LK_TITLE, true, 0, 0, 0, NULL, S(title), "what the step is called"}, \
	{"how", LK_TEXT, false, 0, 0, 0, NULL, S(how), "how to do it"}, \
	{"pressure", LK_TEXT, false, 0, 0, 0, NULL, S(pressure), "how hard to press"}, \
	{"caution", LK_TEXT, false, 0, 0, 0, NULL, S(caution), "shown while the step runs"}, \
	{"sound", LK_TEXT, false, 0, 0, 0, NULL, S(sound), "a cue file to play at the start"}, \
	{"duration", LK_DURATION, true, 1, 7200, 0, NULL, S(duration), "length of one bout"}, \
	{"sides", LK_BOOL, false, 0, 0, 0, NULL, S(sides), "do it on the left, then the right"}, \
	{"reps", LK_INT, false, 1, 100, 1, NULL, S(reps), "repetitions (per side)"}, \
	{"rest", LK_DURATION, false, 0, 600, 0, NULL, S(rest), "rest between bouts"}, \
	{"floor", LK_BOOL, false, 0, 0, 0, NULL, S(floor), "done on the floor (lying, kneeling, sitting on it)"}

const struct lcfg_key step_keys[] = {
	STEP_COMMON_KEYS,
	{"contraindications", LK_TEXTS, false, 0, 64, 0, NULL, S(contraindications),
	    "catalogue ids of conditions for which this step is not done"},
	{"instead", LK_CUSTOM, false, 0, ROUTINE_MAX_INSTEAD, 0, NULL, 0,
	    "replacement steps ( { for = [ids]; ... }, ... ), tried in order"},
};
const size_t step_nkeys = ARRAY_LEN(step_keys);

/* An `instead` entry is a step for some conditions: it cannot have
 * replacements or conditions of its own (both are reported by name). */
const struct lcfg_key instead_keys[] = {
	{"for", LK_TEXTS, true, 1, 16, 0, NULL, S(for_ids),
	    "the step's contraindications this replacement is for"},
	STEP_COMMON_KEYS,
	{"contraindications", LK_CUSTOM, false, 0, 0, 0, NULL, 0, "not allowed in a replacement"},
	{"instead", LK_CUSTOM, false, 0, 0, 0, NULL, 0, "not allowed in a replacement"},
};
const size_t instead_nkeys = ARRAY_LEN(instead_keys);

const char *
routine_level_name(enum routine_level level)
{
	return (unsigned)level < LEVEL_COUNT ? levels[level] : "?";
}

int
step_bouts(const struct step *s)
{
	return s->reps * (s->sides ? 2 : 1);
}

long
step_seconds(const struct step *s)
{
	long n = step_bouts(s);
	return n * s->duration + (n - 1) * s->rest;
}

long
routine_seconds(const struct routine *r)
{
	long t = 0;
	for (size_t i = 0; i < r->nsteps; i++)
		t += step_seconds(&r->steps[i]);
	return t;
}

/* What each step type needs to get into position, in seconds. */
static const int type_ready[] = {
	[STEP_STRETCH] = 5, [STEP_ROLL] = 10, [STEP_HOLD] = 10, [STEP_POSTURE] = 0,
	[STEP_BREATHE] = 0, [STEP_MOVE] = 0, [STEP_REST] = 0,
};
_Static_assert(ARRAY_LEN(type_ready) == STEP_TYPE_COUNT, "a step type without a get-ready time");

/* "mat", "yoga mat", "foam roller": the word mat, or a roller. */
static bool
floor_equipment(const char *e)
{
	if (strstr(e, "roller"))
		return true;
	for (const char *p = e; (p = strstr(p, "mat")) != NULL; p += 3) {
		bool start = p == e || p[-1] == ' ', end = p[3] == '\0' || p[3] == ' ' || p[3] == ',';
		if (start && end)
			return true;
	}
	return false;
}

bool
routine_on_floor(const struct routine *r)
{
	for (char **e = r->equipment; e && *e; e++)
		if (floor_equipment(*e))
			return true;
	for (size_t i = 0; i < r->nsteps; i++)
		if (r->steps[i].type == STEP_ROLL)
			return true;
	return false;
}

enum step_move
step_move(const struct routine *r, size_t i)
{
	if (!r->floor_marked || i >= r->nsteps)
		return MOVE_NONE;
	bool was = i > 0 && r->steps[i - 1].floor, is = r->steps[i].floor;
	return is == was ? MOVE_NONE : is ? MOVE_DOWN : MOVE_UP;
}

const char *
step_move_text(enum step_move m)
{
	switch (m) {
	case MOVE_DOWN:
		return "Now get down onto the floor, slowly, a hand on a chair if you need one.";
	case MOVE_UP:
		return "Now get up from the floor: roll onto your side first, push up with your hands to "
		       "kneeling, then come up slowly, a hand on a chair.";
	case MOVE_NONE:
		break;
	}
	return NULL;
}

long
step_prepare_seconds(const struct routine *r, size_t i)
{
	long t = r->prepare;
	int type = r->steps[i].type;
	if (type >= 0 && type < (int)ARRAY_LEN(type_ready) && type_ready[type] > t)
		t = type_ready[type];
	bool moves = r->floor_marked ? step_move(r, i) != MOVE_NONE : i == 0 && routine_on_floor(r);
	if (moves && t < ROUTINE_FLOOR_READY)
		t = ROUTINE_FLOOR_READY;
	return t;
}

long
routine_prepare_seconds(const struct routine *r)
{
	long t = 0;
	for (size_t i = 0; i < r->nsteps; i++)
		t += step_prepare_seconds(r, i);
	return t;
}

/* "left" <-> "right", keeping a capital; everything else as it is. */
static char *
mirror_sides(const char *s)
{
	struct buf b = {0};
	while (*s) {
		if (strncasecmp(s, "left", 4) == 0) {
			buf_addf(&b, "%s", isupper((unsigned char)*s) ? "Right" : "right");
			s += 4;
		} else if (strncasecmp(s, "right", 5) == 0) {
			buf_addf(&b, "%s", isupper((unsigned char)*s) ? "Left" : "left");
			s += 5;
		} else {
			buf_add(&b, s++, 1);
		}
	}
	return b.s ? b.s : xstrdup("");
}

static const char *
side_sentence(const struct step *s)
{
	return s->sides && s->how ? strstr(s->how, "Left side:") : NULL;
}

char *
step_side_sentence(const struct step *s, bool right)
{
	const char *t = side_sentence(s);
	if (t == NULL)
		return NULL;
	return right ? mirror_sides(t) : xstrdup(t);
}

char *
step_how_for_side(const struct step *s, bool right)
{
	if (s->how == NULL)
		return NULL;
	const char *t = side_sentence(s);
	if (t == NULL || !right)
		return xstrdup(s->how);
	char *tail = mirror_sides(t);
	char *all = xasprintf("%.*s%s", (int)(t - s->how), s->how, tail);
	free(tail);
	return all;
}

char *
routine_id_from_path(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	if (str_ends_with(base, ".routine"))
		n -= strlen(".routine");
	return xstrndup(base, n);
}

static void
check_ids(char **ids, const struct safety *cat, const config_setting_t *where_set,
    const char *file, const char *where, struct diags *d)
{
	if (cat == NULL || ids == NULL)
		return;
	for (size_t i = 0; ids[i]; i++) {
		if (safety_find(cat, ids[i]))
			continue;
		const config_setting_t *e = config_setting_get_elem(where_set, (unsigned)i);
		const char *near = safety_closest(cat, ids[i]);
		if (near)
			diags_add(d, file, lcfg_line(e ? e : where_set), DIAG_ERROR,
			    "%sunknown contraindication '%s' (did you mean '%s'?)", where, ids[i], near);
		else
			diags_add(d, file, lcfg_line(e ? e : where_set), DIAG_ERROR,
			    "%sunknown contraindication '%s' (see `unknot safety` for the ids)", where, ids[i]);
	}
}

/* Beyond what the evidence supports: a warning, not an error. */
static void
check_dose(const struct step *s, const struct safety *cat, const char *file, const char *where,
    struct diags *d)
{
	if (cat == NULL)
		return;
	const struct dose_ceilings *c = &cat->ceilings;
	int limit = s->type == STEP_HOLD ? c->hold : s->type == STEP_ROLL ? c->roll :
	    s->type == STEP_STRETCH ? c->stretch : 0;
	char a[32], b[32];
	if (limit > 0 && s->duration > limit)
		diags_add(d, file, s->line, DIAG_WARNING,
		    "%sa %s of %s is longer than the %s the evidence supports: split it into reps",
		    where, step_type_name(s->type), duration_words(s->duration, a, sizeof a),
		    duration_words(limit, b, sizeof b));
	if (c->reps > 0 && s->reps > c->reps)
		diags_add(d, file, s->line, DIAG_WARNING, "%s%d reps is more than the %d the evidence supports",
		    where, s->reps, c->reps);
}

/* One step, or one `instead` entry (keys tell which), walked and checked. */
static void
load_one(const config_setting_t *g, const struct lcfg_key *keys, size_t nkeys, struct step *s,
    const struct safety *cat, const char *file, const char *where, struct diags *d)
{
	lcfg_defaults(keys, nkeys, s);
	s->line = lcfg_line(g);
	lcfg_walk(g, keys, nkeys, s, file, where, d);
	/* said whatever else is wrong with the file, so that an author hears
	 * of every problem at once */
	int sound_line = lcfg_line(config_setting_get_member(g, "sound"));
	char *found = s->sound ? paths_find_sound(s->sound) : NULL;
	if (s->sound && (strchr(s->sound, '/') || s->sound[0] == '.' || s->sound[0] == '\0'))
		diags_add(d, file, sound_line, DIAG_ERROR,
		    "%s'sound' must be the name of a file in an audio folder, not a path", where);
	else if (s->sound && found == NULL)
		diags_add(d, file, sound_line, DIAG_WARNING,
		    "%ssound '%s' not found in an audio folder (the start cue plays instead)", where, s->sound);
	free(found);
	check_ids(s->contraindications, cat, config_setting_get_member(g, "contraindications"), file,
	    where, d);
	check_ids(s->for_ids, cat, config_setting_get_member(g, "for"), file, where, d);
	check_dose(s, cat, file, where, d);
}

static void
load_instead(struct step *s, const config_setting_t *g, const struct safety *cat, const char *file,
    const char *where, struct diags *d)
{
	const config_setting_t *list = config_setting_get_member(g, "instead");
	if (list == NULL)
		return;
	int line = lcfg_line(list);
	if (config_setting_type(list) != CONFIG_TYPE_LIST) {
		diags_add(d, file, line, DIAG_ERROR,
		    "%s'instead' must be a list of steps: instead = ( { for = [\"id\"]; type = ...; } ); not %s",
		    where, lcfg_type_name(config_setting_type(list)));
		return;
	}
	int n = config_setting_length(list);
	if (n > ROUTINE_MAX_INSTEAD) {
		diags_add(d, file, line, DIAG_ERROR, "%s'instead' has %d steps; at most %d are allowed", where,
		    n, ROUTINE_MAX_INSTEAD);
		return;
	}
	if (n > 0 && s->contraindications == NULL)
		diags_add(d, file, line, DIAG_WARNING,
		    "%s'instead' is never used: the step names no 'contraindications' to replace it for", where);
	s->instead = xcalloc((size_t)n + 1, sizeof *s->instead);
	for (int i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(list, (unsigned)i);
		struct step *alt = &s->instead[s->ninstead++];
		char at[64];
		snprintf(at, sizeof at, "%sinstead %d: ", where, i + 1);
		if (config_setting_type(e) != CONFIG_TYPE_GROUP) {
			lcfg_defaults(instead_keys, instead_nkeys, alt);
			alt->line = lcfg_line(e);
			diags_add(d, file, alt->line, DIAG_ERROR, "%sa replacement must be a group { for = ...; }, not %s",
			    at, lcfg_type_name(config_setting_type(e)));
			continue;
		}
		const char *nested[] = {"contraindications", "instead"};
		for (size_t k = 0; k < ARRAY_LEN(nested); k++) {
			const config_setting_t *m = config_setting_get_member(e, nested[k]);
			if (m)
				diags_add(d, file, lcfg_line(m), DIAG_ERROR,
				    "%sa replacement cannot have its own '%s': its 'for' list says which "
				    "conditions it is safe for", at, nested[k]);
		}
		load_one(e, instead_keys, instead_nkeys, alt, cat, file, at, d);
		for (char **id = alt->for_ids; s->contraindications && id && *id; id++)
			if (!strv_has(s->contraindications, *id) && (cat == NULL || safety_find(cat, *id)))
				diags_add(d, file, alt->line, DIAG_WARNING,
				    "%s'for' names '%s', which the step's 'contraindications' do not: "
				    "this replacement is never used for it", at, *id);
	}
}

static void
load_steps(struct routine *r, const config_setting_t *list, const struct safety *cat,
    const char *file, struct diags *d)
{
	int type = config_setting_type(list);
	if (type != CONFIG_TYPE_LIST) {
		diags_add(d, file, lcfg_line(list), DIAG_ERROR,
		    "'steps' must be a list of groups: steps = ( { ... }, { ... } ); not %s",
		    lcfg_type_name(type));
		return;
	}
	int n = config_setting_length(list);
	if (n == 0) {
		diags_add(d, file, lcfg_line(list), DIAG_ERROR, "'steps' is empty: a routine needs at least one step");
		return;
	}
	if (n > ROUTINE_MAX_STEPS) {
		diags_add(d, file, lcfg_line(list), DIAG_ERROR, "%d steps: a routine has at most %d", n,
		    ROUTINE_MAX_STEPS);
		return;
	}
	r->steps = xcalloc((size_t)n, sizeof *r->steps);
	for (int i = 0; i < n; i++) {
		const config_setting_t *g = config_setting_get_elem(list, (unsigned)i);
		struct step *s = &r->steps[r->nsteps++];
		char where[32];
		snprintf(where, sizeof where, "step %d: ", i + 1);
		if (config_setting_type(g) != CONFIG_TYPE_GROUP) {
			lcfg_defaults(step_keys, step_nkeys, s);
			s->line = lcfg_line(g);
			diags_add(d, file, s->line, DIAG_ERROR, "%sa step must be a group { type = ...; }, not %s",
			    where, lcfg_type_name(config_setting_type(g)));
			continue;
		}
		load_one(g, step_keys, step_nkeys, s, cat, file, where, d);
		load_instead(s, g, cat, file, where, d);
		r->floor_marked |= s->floor;
		for (size_t k = 0; k < s->ninstead; k++)
			r->floor_marked |= s->instead[k].floor;
	}
}

/* The longest the routine can last: each step at its longest replacement. */
static long
longest_seconds(const struct routine *r)
{
	long t = 0;
	for (size_t i = 0; i < r->nsteps; i++) {
		long most = step_seconds(&r->steps[i]);
		for (size_t k = 0; k < r->steps[i].ninstead; k++)
			if (step_seconds(&r->steps[i].instead[k]) > most)
				most = step_seconds(&r->steps[i].instead[k]);
		t += most;
	}
	return t;
}

static void
check_version(const config_setting_t *v, const char *file, struct diags *d, int *out)
{
	if (v == NULL)
		return; /* reported as missing by the walk */
	long long ver;
	char written[LCFG_NUMBER_TEXT];
	if (!lcfg_whole(v, &ver, written, sizeof written)) {
		diags_add(d, file, lcfg_line(v), DIAG_ERROR, "'version' must be the number %d, not %s",
		    ROUTINE_VERSION, lcfg_type_name(config_setting_type(v)));
		return;
	}
	if (ver > ROUTINE_VERSION)
		diags_add(d, file, lcfg_line(v), DIAG_ERROR,
		    "version %s is newer than this unknot reads (version %d): update unknot, "
		    "or write it for version %d", written, ROUTINE_VERSION, ROUTINE_VERSION);
	else if (ver < ROUTINE_VERSION)
		diags_add(d, file, lcfg_line(v), DIAG_ERROR, "'version' must be %d, not %s",
		    ROUTINE_VERSION, written);
	else
		*out = (int)ver;
}

/* Returns NULL when d gained errors since it held `errors` of them. */
static struct routine *
routine_from_config(config_t *cfg, const char *file, const struct safety *cat, struct diags *d,
    size_t errors)
{
	const config_setting_t *root = config_root_setting(cfg);
	struct routine *r = xcalloc(1, sizeof *r);
	lcfg_defaults(routine_keys, routine_nkeys, r);
	r->version = 0;
	r->path = xstrdup(file);
	r->id = routine_id_from_path(file);

	check_version(config_setting_get_member(root, "version"), file, d, &r->version);
	lcfg_walk(root, routine_keys, routine_nkeys, r, file, "", d);
	check_ids(r->contraindications, cat, config_setting_get_member(root, "contraindications"), file,
	    "", d);
	const config_setting_t *steps = config_setting_get_member(root, "steps");
	if (steps)
		load_steps(r, steps, cat, file, d);

	if (d->errors == errors) {
		long total = longest_seconds(r);
		if (total > ROUTINE_MAX_SECONDS)
			diags_add(d, file, lcfg_line(steps), DIAG_ERROR,
			    "the steps add up to %ldh%02ldm%s; a routine lasts at most 4 hours", total / 3600,
			    total / 60 % 60, total > routine_seconds(r) ? " with their longest replacements" : "");
	}
	diags_sort(d);
	if (d->errors != errors) {
		routine_free(r);
		return NULL;
	}
	return r;
}

/* Every group's keys, for the hint a bare word gets. */
static const struct lcfg_table routine_tables[] = {
	{routine_keys, ARRAY_LEN(routine_keys)},
	{step_keys, ARRAY_LEN(step_keys)},
	{instead_keys, ARRAY_LEN(instead_keys)},
	{NULL, 0},
};

struct routine *
routine_parse(const char *name, char *text, size_t len, const struct safety *cat, struct diags *d)
{
	config_t cfg;
	size_t errors = d->errors;
	if (lcfg_parse(&cfg, name, text, len, routine_tables, d) < 0)
		return NULL;
	struct routine *r = routine_from_config(&cfg, name, cat, d, errors);
	config_destroy(&cfg);
	return r;
}

struct routine *
routine_load(const char *path, const struct safety *cat, struct diags *d)
{
	config_t cfg;
	size_t errors = d->errors;
	if (lcfg_open(&cfg, path, routine_tables, d) < 0)
		return NULL;
	struct routine *r = routine_from_config(&cfg, path, cat, d, errors);
	config_destroy(&cfg);
	return r;
}

static void
step_free(struct step *s)
{
	for (size_t k = 0; k < s->ninstead; k++)
		lcfg_free_keys(instead_keys, instead_nkeys, &s->instead[k]);
	free(s->instead);
	lcfg_free_keys(step_keys, step_nkeys, s);
}

void
routine_free(struct routine *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->nsteps; i++)
		step_free(&r->steps[i]);
	free(r->steps);
	lcfg_free_keys(routine_keys, routine_nkeys, r);
	free(r->id);
	free(r->path);
	free(r);
}
