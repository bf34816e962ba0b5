/*
 * safety.c - the catalogue loader and the screening decision.
 *
 * The catalogue file:
 *   version = 1;
 *   conditions = ( { id = "dvt"; title = "..."; level = "stop"; advice = "..."; }, ... );
 *   red_flags = { emergency = [ "...", ... ]; urgent = [ "...", ... ]; };
 *   dose_ceilings = { hold = "1m30s"; roll = "2m"; stretch = "1m"; reps = 20; };
 */
#include "safety.h"

#include <ctype.h>
#include <libconfig.h>
#include <stdlib.h>
#include <string.h>

#include "lcfg.h"
#include "routine.h"
#include "util.h"

static const char *const level_names[] = {"caution", "stop", NULL};

#define C(f) offsetof(struct condition, f)
static const struct lcfg_key condition_keys[] = {
	{"id", LK_TEXT, true, 0, 0, 0, NULL, C(id), "lower-case name used in routine files"},
	{"title", LK_TITLE, true, 0, 0, 0, NULL, C(title), "what the condition is"},
	{"level", LK_ENUM, true, 0, 0, SAFETY_CAUTION, level_names, C(level), "stop or caution"},
	{"advice", LK_TEXT, true, 0, 0, 0, NULL, C(advice), "what to do instead"},
};

#define F(f) offsetof(struct safety, f)
static const struct lcfg_key flag_keys[] = {
	{"emergency", LK_TEXTS, false, 0, 64, 0, NULL, F(emergency), "go to emergency care now"},
	{"urgent", LK_TEXTS, false, 0, 64, 0, NULL, F(urgent), "see a clinician soon"},
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
	{"red_flags", LK_CUSTOM, false, 0, 0, 0, NULL, 0, "emergency and urgent lists"},
	{"dose_ceilings", LK_CUSTOM, false, 0, 0, 0, NULL, 0, "longest bouts, most reps"},
};

const char *
safety_level_name(int level)
{
	return level == SAFETY_STOP ? "stop" : "caution";
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

int
safety_load(struct safety *cat, const char *path, struct diags *d)
{
	config_t cfg;
	size_t errors = d->errors;
	if (lcfg_open(&cfg, path, d) < 0)
		return -1;
	const config_setting_t *root = config_root_setting(&cfg);
	struct {
		int version;
	} top;
	lcfg_walk(root, top_keys, ARRAY_LEN(top_keys), &top, path, "", d);

	const config_setting_t *list = config_setting_get_member(root, "conditions");
	struct condition *got = NULL;
	size_t ngot = 0;
	if (list && config_setting_type(list) != CONFIG_TYPE_LIST) {
		diags_add(d, path, lcfg_line(list), DIAG_ERROR, "'conditions' must be a list ( {...}, ... )");
	} else if (list) {
		int n = config_setting_length(list);
		got = xcalloc((size_t)n + 1, sizeof *got);
		for (int i = 0; i < n; i++) {
			const config_setting_t *g = config_setting_get_elem(list, (unsigned)i);
			char where[40];
			snprintf(where, sizeof where, "condition %d: ", i + 1);
			if (config_setting_type(g) != CONFIG_TYPE_GROUP) {
				diags_add(d, path, lcfg_line(g), DIAG_ERROR, "%smust be a group { id = ...; }", where);
				continue;
			}
			struct condition c;
			size_t before = d->errors;
			lcfg_defaults(condition_keys, ARRAY_LEN(condition_keys), &c);
			lcfg_walk(g, condition_keys, ARRAY_LEN(condition_keys), &c, path, where, d);
			if (d->errors == before && !valid_id(c.id))
				diags_add(d, path, lcfg_line(g), DIAG_ERROR,
				    "%sid '%s' must be lower-case letters, digits and '-'", where, c.id);
			for (size_t j = 0; d->errors == before && j < ngot; j++)
				if (strcmp(got[j].id, c.id) == 0)
					diags_add(d, path, lcfg_line(g), DIAG_ERROR, "%sid '%s' appears twice", where, c.id);
			if (d->errors == before)
				got[ngot++] = c;
			else
				condition_free(&c);
		}
	}

	struct safety flags = {0};
	const config_setting_t *rf = config_setting_get_member(root, "red_flags");
	if (rf && config_setting_type(rf) != CONFIG_TYPE_GROUP)
		diags_add(d, path, lcfg_line(rf), DIAG_ERROR,
		    "'red_flags' must be a group { emergency = [...]; urgent = [...]; }");
	else if (rf)
		lcfg_walk(rf, flag_keys, ARRAY_LEN(flag_keys), &flags, path, "red_flags: ", d);
	struct dose_ceilings ceil = cat->ceilings;
	const config_setting_t *dc = config_setting_get_member(root, "dose_ceilings");
	if (dc && config_setting_type(dc) != CONFIG_TYPE_GROUP)
		diags_add(d, path, lcfg_line(dc), DIAG_ERROR, "'dose_ceilings' must be a group { hold = ...; }");
	else if (dc)
		lcfg_walk(dc, ceiling_keys, ARRAY_LEN(ceiling_keys), &ceil, path, "dose_ceilings: ", d);
	config_destroy(&cfg);

	if (d->errors != errors) {
		for (size_t j = 0; j < ngot; j++)
			condition_free(&got[j]);
		free(got);
		lcfg_free_keys(flag_keys, ARRAY_LEN(flag_keys), &flags);
		return -1;
	}
	for (size_t j = 0; j < ngot; j++)
		put_condition(cat, &got[j]);
	free(got);
	cat->ceilings = ceil;
	for (char **p = flags.emergency; p && *p; p++)
		cat->emergency = strv_push(cat->emergency, *p);
	for (char **p = flags.urgent; p && *p; p++)
		cat->urgent = strv_push(cat->urgent, *p);
	lcfg_free_keys(flag_keys, ARRAY_LEN(flag_keys), &flags);
	return 0;
}

void
safety_free(struct safety *cat)
{
	for (size_t i = 0; i < cat->n; i++)
		condition_free(&cat->v[i]);
	free(cat->v);
	strv_free(cat->emergency);
	strv_free(cat->urgent);
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
	return best;
}

static bool
in_list(char *const *v, const char *s)
{
	for (; v && *v; v++)
		if (strcmp(*v, s) == 0)
			return true;
	return false;
}

static void
add_item(struct screening *out, const struct safety *cat, const char *id, const char *step,
    char *const *declared)
{
	const struct condition *c = safety_find(cat, id);
	if (c == NULL)
		return; /* check reports unknown ids; nothing to show here */
	for (size_t i = 0; i < out->n; i++)
		if (out->items[i].cond == c)
			return;
	out->items = xrealloc(out->items, (out->n + 1) * sizeof *out->items);
	struct screen_item *it = &out->items[out->n++];
	it->cond = c;
	it->step = step;
	it->declared = in_list(declared, id);
	if (it->declared && c->level == SAFETY_STOP && out->refuse == NULL)
		out->refuse = c;
}

static int
item_order(const void *a, const void *b)
{
	const struct screen_item *x = a, *y = b;
	if (x->declared != y->declared)
		return x->declared ? -1 : 1;
	if (x->cond->level != y->cond->level)
		return x->cond->level == SAFETY_STOP ? -1 : 1;
	return strcmp(x->cond->id, y->cond->id);
}

void
safety_screen(const struct safety *cat, const struct routine *r, char *const *declared,
    struct screening *out)
{
	memset(out, 0, sizeof *out);
	for (char **p = r->contraindications; p && *p; p++)
		add_item(out, cat, *p, NULL, declared);
	for (size_t i = 0; i < r->nsteps; i++)
		for (char **p = r->steps[i].contraindications; p && *p; p++)
			add_item(out, cat, *p, r->steps[i].title, declared);
	if (out->n > 1)
		qsort(out->items, out->n, sizeof *out->items, item_order);
}

void
screening_free(struct screening *s)
{
	free(s->items);
	memset(s, 0, sizeof *s);
}
