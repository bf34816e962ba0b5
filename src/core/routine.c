/*
 * routine.c - loading and validating .routine files.
 *
 * The two tables below are the format: every key, its type, range and
 * default.  lcfg_walk() applies them; this file adds what a table cannot
 * say (the version, the steps list, the routine's length and the safety
 * catalogue's ids).
 */
#include "routine.h"

#include <libconfig.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "duration.h"
#include "lcfg.h"
#include "paths.h"
#include "safety.h"
#include "util.h"

static const char *const step_types[] = {
	"stretch", "roll", "hold", "posture", "breathe", "move", "rest", NULL,
};
static const char *const levels[] = {"gentle", "moderate", "firm", NULL};

#define R(f) offsetof(struct routine, f)
#define S(f) offsetof(struct step, f)

const struct lcfg_key routine_keys[] = {
	{"version", LK_CUSTOM, true, 1, 1, 1, NULL, R(version), "format version; must be 1"},
	{"title", LK_TITLE, true, 0, 0, 0, NULL, R(title), "name shown in lists and the player"},
	{"summary", LK_TEXT, false, 0, 0, 0, NULL, R(summary), "one or two sentences on what it is for"},
	{"level", LK_ENUM, false, 0, 0, LEVEL_GENTLE, levels, R(level), "gentle, moderate or firm"},
	{"equipment", LK_TEXTS, false, 0, 32, 0, NULL, R(equipment), "what to have at hand"},
	{"areas", LK_TEXTS, false, 0, 32, 0, NULL, R(areas), "body areas it works on"},
	{"contraindications", LK_TEXTS, false, 0, 64, 0, NULL, R(contraindications),
	    "ids from the safety catalogue"},
	{"warnings", LK_TEXTS, false, 0, 32, 0, NULL, R(warnings), "shown on the screening screen"},
	{"prepare", LK_DURATION, false, 0, 60, 5, NULL, R(prepare), "get-ready time before each step"},
	{"steps", LK_CUSTOM, true, 0, 0, 0, NULL, 0, "the list of steps ( {...}, {...} )"},
};
const size_t routine_nkeys = ARRAY_LEN(routine_keys);

const struct lcfg_key step_keys[] = {
	{"type", LK_ENUM, true, 0, 0, 0, step_types, S(type),
	    "stretch, roll, hold, posture, breathe, move or rest"},
	{"title", LK_TITLE, true, 0, 0, 0, NULL, S(title), "what the step is called"},
	{"how", LK_TEXT, false, 0, 0, 0, NULL, S(how), "how to do it"},
	{"pressure", LK_TEXT, false, 0, 0, 0, NULL, S(pressure), "how hard to press"},
	{"caution", LK_TEXT, false, 0, 0, 0, NULL, S(caution), "shown while the step runs"},
	{"sound", LK_TEXT, false, 0, 0, 0, NULL, S(sound), "a cue file to play at the start"},
	{"duration", LK_DURATION, true, 1, 7200, 0, NULL, S(duration), "length of one bout"},
	{"sides", LK_BOOL, false, 0, 0, 0, NULL, S(sides), "do it on the left, then the right"},
	{"reps", LK_INT, false, 1, 100, 1, NULL, S(reps), "repetitions (per side)"},
	{"rest", LK_DURATION, false, 0, 600, 0, NULL, S(rest), "rest between bouts"},
	{"contraindications", LK_TEXTS, false, 0, 64, 0, NULL, S(contraindications),
	    "ids from the safety catalogue for this step"},
};
const size_t step_nkeys = ARRAY_LEN(step_keys);

const char *
step_type_name(int type)
{
	return type >= 0 && type < (int)ARRAY_LEN(step_types) - 1 ? step_types[type] : "?";
}

const char *
routine_level_name(int level)
{
	return level >= 0 && level < (int)ARRAY_LEN(levels) - 1 ? levels[level] : "?";
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
_Static_assert(ARRAY_LEN(type_ready) == ARRAY_LEN(step_types) - 1, "a step type without a get-ready time");

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

long
step_prepare_seconds(const struct routine *r, size_t i)
{
	long t = r->prepare;
	int type = r->steps[i].type;
	if (type >= 0 && type < (int)ARRAY_LEN(type_ready) && type_ready[type] > t)
		t = type_ready[type];
	if (i == 0 && t < ROUTINE_FLOOR_READY && routine_on_floor(r))
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
		lcfg_defaults(step_keys, step_nkeys, s);
		s->line = lcfg_line(g);
		if (config_setting_type(g) != CONFIG_TYPE_GROUP) {
			diags_add(d, file, s->line, DIAG_ERROR, "%sa step must be a group { type = ...; }, not %s",
			    where, lcfg_type_name(config_setting_type(g)));
			continue;
		}
		lcfg_walk(g, step_keys, step_nkeys, s, file, where, d);
		/* said whatever else is wrong with the file, so that an author
		 * hears of every problem at once */
		int sound_line = lcfg_line(config_setting_get_member(g, "sound"));
		char *found = s->sound ? paths_find_sound(s->sound) : NULL;
		if (s->sound && (strchr(s->sound, '/') || s->sound[0] == '.' || s->sound[0] == '\0'))
			diags_add(d, file, sound_line, DIAG_ERROR,
			    "%s'sound' must be the name of a file in an audio folder, not a path", where);
		else if (s->sound && found == NULL)
			diags_add(d, file, sound_line, DIAG_WARNING,
			    "%ssound '%s' not found in an audio folder (the start cue plays instead)", where,
			    s->sound);
		free(found);
		check_ids(s->contraindications, cat, config_setting_get_member(g, "contraindications"), file,
		    where, d);
		check_dose(s, cat, file, where, d);
	}
}

static void
check_version(const config_setting_t *v, const char *file, struct diags *d, int *out)
{
	if (v == NULL)
		return; /* reported as missing by the walk */
	int type = config_setting_type(v);
	if (type != CONFIG_TYPE_INT && type != CONFIG_TYPE_INT64) {
		diags_add(d, file, lcfg_line(v), DIAG_ERROR, "'version' must be the number %d, not %s",
		    ROUTINE_VERSION, lcfg_type_name(type));
		return;
	}
	long long ver = config_setting_get_int64(v);
	if (ver > ROUTINE_VERSION)
		diags_add(d, file, lcfg_line(v), DIAG_ERROR,
		    "version %lld is newer than this unknot reads (version %d): update unknot, "
		    "or write it for version %d", ver, ROUTINE_VERSION, ROUTINE_VERSION);
	else if (ver < ROUTINE_VERSION)
		diags_add(d, file, lcfg_line(v), DIAG_ERROR, "'version' must be %d, not %lld",
		    ROUTINE_VERSION, ver);
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
		long total = routine_seconds(r);
		if (total > ROUTINE_MAX_SECONDS)
			diags_add(d, file, lcfg_line(steps), DIAG_ERROR,
			    "the steps add up to %ldh%02ldm; a routine lasts at most 4 hours", total / 3600,
			    total / 60 % 60);
	}
	diags_sort(d);
	if (d->errors != errors) {
		routine_free(r);
		return NULL;
	}
	return r;
}

struct routine *
routine_parse(const char *name, char *text, size_t len, const struct safety *cat, struct diags *d)
{
	config_t cfg;
	size_t errors = d->errors;
	if (lcfg_parse(&cfg, name, text, len, d) < 0)
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
	if (lcfg_open(&cfg, path, d) < 0)
		return NULL;
	struct routine *r = routine_from_config(&cfg, path, cat, d, errors);
	config_destroy(&cfg);
	return r;
}

void
routine_free(struct routine *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->nsteps; i++)
		lcfg_free_keys(step_keys, step_nkeys, &r->steps[i]);
	free(r->steps);
	lcfg_free_keys(routine_keys, routine_nkeys, r);
	free(r->id);
	free(r->path);
	free(r);
}
