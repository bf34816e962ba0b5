/*
 * safety.c - the catalogue loader and the screening decision.
 *
 * The catalogue file:
 *   version = 1;
 *   conditions = ( { id = "dvt"; title = "..."; level = "stop"; advice = "...";
 *                    concerns = ["hold", "roll"]; }, ... );
 *   red_flags = ( { tier = "emergency"; summary = "..."; flags = [ "...", ... ]; },
 *                 { tier = "urgent"; title = "With neck pain"; areas = ["neck"]; ... }, ... );
 *   dose_ceilings = { hold = "1m30s"; roll = "2m"; stretch = "1m"; reps = 20; };
 */
#include "safety.h"

#include <ctype.h>
#include <libconfig.h>
#include <stdlib.h>
#include <string.h>

#include "lcfg.h"
#include "steptype.h"
#include "util.h"

static const char *const level_names[SAFETY_LEVEL_COUNT + 1] = {
	[SAFETY_CAUTION] = "caution",
	[SAFETY_STOP] = "stop",
	[SAFETY_LEVEL_COUNT] = NULL,
};
_Static_assert(ARRAY_LEN(level_names) == SAFETY_LEVEL_COUNT + 1, "a name for every level");
_Static_assert(sizeof(enum safety_level) == sizeof(int), "stored as an int by lcfg");

/* The tiers: their names in the file, and what to do, in the words every
 * listing uses (unknot safety, the first-run screen, the screening). */
static const char *const tier_names[RED_FLAG_TIER_COUNT + 1] = {
	[RED_FLAG_EMERGENCY] = "emergency",
	[RED_FLAG_URGENT] = "urgent",
	[RED_FLAG_ROUTINE] = "routine",
	[RED_FLAG_TIER_COUNT] = NULL,
};
static const struct {
	const char *heading, *lead;
} tiers[RED_FLAG_TIER_COUNT] = {
	[RED_FLAG_EMERGENCY] = {
	    "Emergency: call 999, 112 or 911 (your emergency number), or go to the emergency "
	    "department now, if you have:",
	    "Call 999, 112 or 911 now"},
	[RED_FLAG_URGENT] = {
	    "Urgent: get seen the same day (your doctor, or an urgent-care line such as NHS 111) if you "
	    "have:",
	    "Get seen the same day"},
	[RED_FLAG_ROUTINE] = {
	    "See a doctor or physiotherapist (an ordinary appointment) if you have:",
	    "See a doctor or physiotherapist"},
};
_Static_assert(ARRAY_LEN(tiers) == RED_FLAG_TIER_COUNT, "words for every tier");
_Static_assert(ARRAY_LEN(tier_names) == RED_FLAG_TIER_COUNT + 1, "a name for every tier");
_Static_assert(sizeof(enum red_flag_tier) == sizeof(int), "stored as an int by lcfg");

#define C(f) offsetof(struct condition, f)
static const struct lcfg_key condition_keys[] = {
	{"id", LK_TEXT, true, 0, 0, 0, NULL, C(id), "lower-case name used in routine files"},
	{"title", LK_TITLE, true, 0, 0, 0, NULL, C(title), "what the condition is"},
	{"level", LK_ENUM, true, 0, 0, SAFETY_CAUTION, level_names, C(level), "stop or caution"},
	{"advice", LK_TEXT, true, 0, 0, 0, NULL, C(advice), "what to do instead"},
	{"brief", LK_TEXT, false, 0, 0, 0, NULL, C(brief), "a few words for lists; default: the title"},
	{"concerns", LK_TEXTS, false, 0, 16, 0, NULL, C(concerns),
	    "step types its advice goes with; default: every step"},
};

#define F(f) offsetof(struct red_flags, f)
static const struct lcfg_key flag_keys[] = {
	{"tier", LK_ENUM, true, 0, 0, 0, tier_names, F(tier), "emergency, urgent or routine"},
	{"title", LK_TEXT, false, 0, 0, 0, NULL, F(title), "what the list is for, as \"With neck pain\""},
	{"areas", LK_TEXTS, false, 0, 16, 0, NULL, F(areas), "routine areas it is for; default: all"},
	{"summary", LK_TEXT, true, 0, 0, 0, NULL, F(summary), "a few words for the screening"},
	{"flags", LK_TEXTS, true, 1, 64, 0, NULL, F(flags), "the signs, one sentence each"},
};

#define D(f) offsetof(struct dose_ceilings, f)
static const struct lcfg_key ceiling_keys[] = {
	{"hold", LK_DURATION, false, 1, 7200, 0, NULL, D(hold), "longest hold per bout"},
	{"roll", LK_DURATION, false, 1, 7200, 0, NULL, D(roll), "longest roll per bout"},
	{"stretch", LK_DURATION, false, 1, 7200, 0, NULL, D(stretch), "longest stretch per bout"},
	{"reps", LK_INT, false, 1, 100, 0, NULL, D(reps), "most reps of a step"},
};

static const struct lcfg_key top_keys[] = {
	{"version", LK_INT, true, 1, 1, 1, NULL, 0, "must be 1"},
	{"conditions", LK_CUSTOM, false, 0, 0, 0, NULL, 0, "the catalogue"},
	{"red_flags", LK_CUSTOM, false, 0, 0, 0, NULL, 0, "the red flags, in tiers"},
	{"dose_ceilings", LK_CUSTOM, false, 0, 0, 0, NULL, 0, "longest bouts, most reps"},
};

const char *
safety_level_name(enum safety_level level)
{
	return (unsigned)level < SAFETY_LEVEL_COUNT ? level_names[level] : "?";
}

const char *
condition_brief(const struct condition *c)
{
	return c->brief ? c->brief : c->title;
}

char *
condition_label(const struct condition *c)
{
	return xasprintf("With %s: ", condition_brief(c));
}

bool
condition_concerns(const struct condition *c, int step_type)
{
	return c->concerns_mask == 0 || (step_type >= 0 && step_type < STEP_TYPE_COUNT &&
	    (c->concerns_mask & (1u << step_type)));
}

const char *
red_flag_tier_name(enum red_flag_tier tier)
{
	return (unsigned)tier < RED_FLAG_TIER_COUNT ? tier_names[tier] : "?";
}

const char *
red_flag_tier_heading(enum red_flag_tier tier)
{
	return (unsigned)tier < RED_FLAG_TIER_COUNT ? tiers[tier].heading : "?";
}

const char *
red_flag_tier_lead(enum red_flag_tier tier)
{
	return (unsigned)tier < RED_FLAG_TIER_COUNT ? tiers[tier].lead : "?";
}

static bool
valid_id(const char *id)
{
	if (!*id)
		return false;
	for (const char *p = id; *p; p++)
		if (!islower((unsigned char)*p) && !isdigit((unsigned char)*p) && *p != '-')
			return false;
	return true;
}

static void
condition_free(struct condition *c)
{
	lcfg_free_keys(condition_keys, ARRAY_LEN(condition_keys), c);
}

static void
put_condition(struct safety *cat, struct condition *c)
{
	for (size_t i = 0; i < cat->n; i++) {
		if (strcmp(cat->v[i].id, c->id) == 0) {
			condition_free(&cat->v[i]);
			cat->v[i] = *c;
			return;
		}
	}
	cat->v = xrealloc(cat->v, (cat->n + 1) * sizeof *cat->v);
	cat->v[cat->n++] = *c;
}

/* What one file gives, kept apart until the whole file is known good. */
struct loaded {
	struct diags *d;
	const char *path;
	struct condition *conds;
	size_t nconds;
	struct red_flags *flags;
	size_t nflags;
};

typedef void group_fn(const config_setting_t *g, const char *where, struct loaded *got);

/* Each member of the list `name` (absent: none) to fn, as "LABEL i: ";
 * a list that is not one, or a member that is not a group, is an error. */
static void
each_group(const config_setting_t *root, const char *name, const char *label, const char *shape,
    const char *path, struct diags *d, group_fn *fn, struct loaded *got)
{
	const config_setting_t *list = config_setting_get_member(root, name);
	if (list == NULL)
		return;
	if (config_setting_type(list) != CONFIG_TYPE_LIST) {
		diags_add(d, path, lcfg_line(list), DIAG_ERROR, "'%s' must be a list ( %s, ... )", name, shape);
		return;
	}
	int n = config_setting_length(list);
	for (int i = 0; i < n; i++) {
		const config_setting_t *g = config_setting_get_elem(list, (unsigned)i);
		char where[40];
		snprintf(where, sizeof where, "%s %d: ", label, i + 1);
		if (config_setting_type(g) != CONFIG_TYPE_GROUP)
			diags_add(d, path, lcfg_line(g), DIAG_ERROR, "%smust be a group %s", where, shape);
		else
			fn(g, where, got);
	}
}

static void
load_condition(const config_setting_t *g, const char *where, struct loaded *got)
{
	struct diags *d = got->d;
	struct condition c;
	size_t before = d->errors;
	lcfg_defaults(condition_keys, ARRAY_LEN(condition_keys), &c);
	lcfg_walk(g, condition_keys, ARRAY_LEN(condition_keys), &c, got->path, where, d);
	if (d->errors == before && !valid_id(c.id))
		diags_add(d, got->path, lcfg_line(g), DIAG_ERROR,
		    "%sid '%s' must be lower-case letters, digits and '-'", where, c.id);
	c.concerns_mask = 0;
	for (char **t = c.concerns; d->errors == before && t && *t; t++) {
		enum step_type st = step_type_from_name(*t);
		if (st == STEP_TYPE_COUNT)
			diags_add(d, got->path, lcfg_line(config_setting_get_member(g, "concerns")), DIAG_ERROR,
			    "%s'concerns' names '%s', which is not a step type", where, *t);
		else
			c.concerns_mask |= 1u << st;
	}
	for (size_t j = 0; d->errors == before && j < got->nconds; j++)
		if (strcmp(got->conds[j].id, c.id) == 0)
			diags_add(d, got->path, lcfg_line(g), DIAG_ERROR, "%sid '%s' appears twice", where, c.id);
	if (d->errors != before) {
		condition_free(&c);
		return;
	}
	got->conds = xrealloc(got->conds, (got->nconds + 1) * sizeof *got->conds);
	got->conds[got->nconds++] = c;
}

static void
load_flags(const config_setting_t *g, const char *where, struct loaded *got)
{
	got->flags = xrealloc(got->flags, (got->nflags + 1) * sizeof *got->flags);
	struct red_flags *f = &got->flags[got->nflags++];
	lcfg_defaults(flag_keys, ARRAY_LEN(flag_keys), f);
	lcfg_walk(g, flag_keys, ARRAY_LEN(flag_keys), f, got->path, where, got->d);
}

/* Every group's keys, for the hint a bare word gets. */
static const struct lcfg_table safety_tables[] = {
	{top_keys, ARRAY_LEN(top_keys)},
	{condition_keys, ARRAY_LEN(condition_keys)},
	{flag_keys, ARRAY_LEN(flag_keys)},
	{ceiling_keys, ARRAY_LEN(ceiling_keys)},
	{NULL, 0},
};

int
safety_load(struct safety *cat, const char *path, struct diags *d)
{
	config_t cfg;
	size_t errors = d->errors;
	if (lcfg_open(&cfg, path, safety_tables, d) < 0)
		return -1;
	const config_setting_t *root = config_root_setting(&cfg);
	struct {
		int version;
	} top;
	lcfg_walk(root, top_keys, ARRAY_LEN(top_keys), &top, path, "", d);

	struct loaded got = {.d = d, .path = path};
	each_group(root, "conditions", "condition", "{ id = ...; }", path, d, load_condition, &got);
	each_group(root, "red_flags", "red_flags", "{ tier = ...; }", path, d, load_flags, &got);
	struct dose_ceilings ceil = cat->ceilings;
	const config_setting_t *dc = config_setting_get_member(root, "dose_ceilings");
	if (dc && config_setting_type(dc) != CONFIG_TYPE_GROUP)
		diags_add(d, path, lcfg_line(dc), DIAG_ERROR, "'dose_ceilings' must be a group { hold = ...; }");
	else if (dc)
		lcfg_walk(dc, ceiling_keys, ARRAY_LEN(ceiling_keys), &ceil, path, "dose_ceilings: ", d);
	config_destroy(&cfg);

	if (d->errors != errors) {
		for (size_t j = 0; j < got.nconds; j++)
			condition_free(&got.conds[j]);
		free(got.conds);
		for (size_t j = 0; j < got.nflags; j++)
			lcfg_free_keys(flag_keys, ARRAY_LEN(flag_keys), &got.flags[j]);
		free(got.flags);
		return -1;
	}
	for (size_t j = 0; j < got.nconds; j++)
		put_condition(cat, &got.conds[j]);
	free(got.conds);
	cat->ceilings = ceil;
	if (got.nflags) {
		cat->flags = xrealloc(cat->flags, (cat->nflags + got.nflags) * sizeof *cat->flags);
		memcpy(cat->flags + cat->nflags, got.flags, got.nflags * sizeof *got.flags);
		cat->nflags += got.nflags;
	}
	free(got.flags);
	return 0;
}

void
safety_free(struct safety *cat)
{
	for (size_t i = 0; i < cat->n; i++)
		condition_free(&cat->v[i]);
	free(cat->v);
	for (size_t i = 0; i < cat->nflags; i++)
		lcfg_free_keys(flag_keys, ARRAY_LEN(flag_keys), &cat->flags[i]);
	free(cat->flags);
	memset(cat, 0, sizeof *cat);
}

const struct condition *
safety_find(const struct safety *cat, const char *id)
{
	for (size_t i = 0; i < cat->n; i++)
		if (strcmp(cat->v[i].id, id) == 0)
			return &cat->v[i];
	return NULL;
}

/* True when a and b, ids of words joined by '-', share a word of five
 * letters or more. */
static bool
shares_word(const char *a, const char *b)
{
	for (const char *w = a; *w;) {
		size_t n = strcspn(w, "-");
		if (n >= 5)
			for (const char *v = b; *v;) {
				size_t m = strcspn(v, "-");
				if (m == n && strncmp(w, v, n) == 0)
					return true;
				v += m + (v[m] == '-');
			}
		w += n + (w[n] == '-');
	}
	return false;
}

const char *
safety_closest(const struct safety *cat, const char *id)
{
	const char *best = NULL;
	size_t bestd = 3;
	for (size_t i = 0; i < cat->n; i++) {
		size_t dist = edit_distance(id, cat->v[i].id, bestd);
		if (dist < bestd) {
			best = cat->v[i].id;
			bestd = dist;
		}
	}
	if (best)
		return best;
	/* no typo away: the one id that shares a word of 5 letters or more
	 * ("hip-replacement" is joint-replacement) */
	for (size_t i = 0; i < cat->n; i++)
		if (shares_word(id, cat->v[i].id)) {
			if (best)
				return NULL; /* two of them: no guess */
			best = cat->v[i].id;
		}
	return best;
}
