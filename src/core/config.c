/* config.c - the user's settings: see config.h. */
#include "config.h"

#include <errno.h>
#include <libconfig.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "file.h"
#include "paths.h"
#include "safety.h"
#include "schedule.h"
#include "util.h"

/* LK_ENUM stores an int: the enum fields it fills must be int-sized. */
_Static_assert(sizeof(enum speak_mode) == sizeof(int), "audio.speak is stored as an int");

#define A(f) offsetof(struct config, f)
#define DEFAULT_HOURS "09:00-17:30"
#define DEFAULT_DAYS "mon-fri"
static const struct lcfg_key audio_keys[] = {
	{"enabled", LK_BOOL, false, 0, 0, 1, NULL, A(audio_enabled), "play sound cues"},
	{"volume", LK_INT, false, 0, 100, 80, NULL, A(volume), "cue volume in percent"},
	{"voice", LK_BOOL, false, 0, 0, 1, NULL, A(voice), "spoken cues where there are some"},
	{"speak", LK_ENUM, false, 0, 0, SPEAK_TITLES, speak_mode_names, A(speak),
	    "spoken steps"},
};
static const struct lcfg_key health_keys[] = {
	{"conditions", LK_TEXTS, false, 0, 64, 0, NULL, A(conditions), "catalogue ids you have"},
	{"ask_pain", LK_BOOL, false, 0, 0, 1, NULL, A(ask_pain), "ask for pain before and after"},
};
/* The one place the reminder's settings are checked: the file, the
 * command line (config_set) and the socket (config_duration) all come
 * through these rows, and the texts through check_text(). */
static const struct lcfg_key remind_keys[] = {
	{"every", LK_DURATION, false, 60, 8 * 3600, 45 * 60, NULL, A(remind_every), "interval between breaks"},
	{"hours", LK_TEXT, false, 0, 0, 0, LCFG_TEXT_DEFAULT(DEFAULT_HOURS), A(remind_hours),
	    "working hours, HH:MM-HH:MM (22:00-06:00 overnight)"},
	{"days", LK_TEXT, false, 0, 0, 0, LCFG_TEXT_DEFAULT(DEFAULT_DAYS), A(remind_days), "working days, as mon-fri"},
	{"routine", LK_TEXT, false, 0, 0, 0, LCFG_TEXT_DEFAULT("desk-reset"), A(remind_routine),
	    "routine the break starts"},
	{"snooze", LK_DURATION, false, 60, 4 * 3600, 10 * 60, NULL, A(remind_snooze), "snooze length"},
	{"pause", LK_DURATION, false, 60, 12 * 3600, 3600, NULL, A(remind_pause), "how long a pause lasts"},
	{"micro", LK_DURATION, false, 0, 2 * 3600, 0, NULL, A(remind_micro),
	    "a 20-second look-away this often (0: none)"},
	{"idle", LK_DURATION, false, 0, 3600, 5 * 60, NULL, A(remind_idle),
	    "away from the keyboard this long is a break (0: never)"},
};
static const struct lcfg_key top_keys[] = {
	{"audio", LK_CUSTOM, false, 0, 0, 0, NULL, 0, "sound settings"},
	{"health", LK_CUSTOM, false, 0, 0, 0, NULL, 0, "your conditions, pain check-ins"},
	{"remind", LK_CUSTOM, false, 0, 0, 0, NULL, 0, "posture-break reminders"},
};

static const struct {
	const char *name;
	const struct lcfg_key *keys;
	size_t n;
} groups[] = {
	{"audio", audio_keys, ARRAY_LEN(audio_keys)},
	{"health", health_keys, ARRAY_LEN(health_keys)},
	{"remind", remind_keys, ARRAY_LEN(remind_keys)},
};

/* Every group's keys, for the hint a bare word gets. */
static const struct lcfg_table config_tables[] = {
	{top_keys, ARRAY_LEN(top_keys)},
	{audio_keys, ARRAY_LEN(audio_keys)},
	{health_keys, ARRAY_LEN(health_keys)},
	{remind_keys, ARRAY_LEN(remind_keys)},
	{NULL, 0},
};

/* The texts with a syntax of their own: NULL when good, else why not. */
static const char *
check_text(const char *key, const char *text)
{
	int a, b;
	unsigned m;
	const char *why = NULL;
	if (strcmp(key, "hours") == 0)
		schedule_parse_hours(text, &a, &b, &why);
	else if (strcmp(key, "days") == 0)
		schedule_parse_days(text, &m, &why);
	return why;
}

/* After the walk: a bad text is an error at its line, and the default
 * stays in place. */
static void
check_remind_texts(struct config *c, const config_setting_t *g, const char *path, struct diags *d)
{
	struct {
		const char *key, *def;
		char **val;
	} texts[] = {{"hours", DEFAULT_HOURS, &c->remind_hours}, {"days", DEFAULT_DAYS, &c->remind_days}};
	for (size_t i = 0; i < ARRAY_LEN(texts); i++) {
		const char *why = check_text(texts[i].key, *texts[i].val);
		const config_setting_t *s = config_setting_get_member(g, texts[i].key);
		if (why == NULL || s == NULL)
			continue;
		diags_add(d, path, lcfg_line(s), DIAG_ERROR, "remind: '%s': \"%s\": %s", texts[i].key,
		    *texts[i].val, why);
		free(*texts[i].val);
		*texts[i].val = xstrdup(texts[i].def);
	}
}

void
config_defaults(struct config *c)
{
	memset(&c->health, 0, sizeof c->health);
	for (size_t i = 0; i < ARRAY_LEN(groups); i++)
		lcfg_defaults(groups[i].keys, groups[i].n, c);
}

void
config_free(struct config *c)
{
	for (size_t i = 0; i < ARRAY_LEN(groups); i++)
		lcfg_free_keys(groups[i].keys, groups[i].n, c);
	health_free(&c->health);
}

char *
config_format(const struct config *c)
{
	struct buf b = {0};
	for (size_t i = 0; i < ARRAY_LEN(groups); i++) {
		const struct lcfg_key *top = NULL;
		for (size_t k = 0; k < ARRAY_LEN(top_keys); k++)
			if (strcmp(top_keys[k].name, groups[i].name) == 0)
				top = &top_keys[k];
		buf_addf(&b, "%s# %s\n%s = {\n", i ? "\n" : "", top ? top->help : groups[i].name,
		    groups[i].name);
		for (size_t k = 0; k < groups[i].n; k++) {
			const struct lcfg_key *key = &groups[i].keys[k];
			lcfg_key_comment(&b, "  ", key, false);
			buf_addf(&b, "  %s = ", key->name);
			lcfg_format_value(&b, key, c);
			buf_addf(&b, ";\n");
		}
		buf_addf(&b, "};\n");
	}
	return b.s;
}

char *
config_path(void)
{
	return paths_config_file("config");
}

/* One file's keys over what c holds. */
static int
apply_file(struct config *c, const char *path, const struct safety *cat, struct diags *d)
{
	const char *why;
	if (file_check_mine(path, &why) < 0) {
		if (errno == ENOENT)
			return 0;
		/* settings another user could write are not the user's */
		diags_add(d, path, 0, DIAG_ERROR, "not read: it %s", why);
		return -1;
	}
	size_t errors = d->errors;
	config_t cfg;
	if (lcfg_open(&cfg, path, config_tables, d) < 0)
		return -1;
	const config_setting_t *root = config_root_setting(&cfg);
	lcfg_walk(root, top_keys, ARRAY_LEN(top_keys), c, path, "", d);
	for (size_t i = 0; i < ARRAY_LEN(groups); i++) {
		const config_setting_t *g = config_setting_get_member(root, groups[i].name);
		if (g == NULL)
			continue;
		if (config_setting_type(g) != CONFIG_TYPE_GROUP) {
			diags_add(d, path, lcfg_line(g), DIAG_ERROR, "'%s' must be a group: %s = { ... };",
			    groups[i].name, groups[i].name);
			continue;
		}
		char where[16];
		snprintf(where, sizeof where, "%s: ", groups[i].name);
		lcfg_walk(g, groups[i].keys, groups[i].n, c, path, where, d);
		if (groups[i].keys == remind_keys)
			check_remind_texts(c, g, path, d);
	}
	const config_setting_t *list = config_lookup(&cfg, "health.conditions");
	if (cat && list) { /* this file's list, not an earlier file's */
		for (size_t i = 0; c->conditions && c->conditions[i]; i++) {
			if (safety_find(cat, c->conditions[i]))
				continue;
			const char *near = safety_closest(cat, c->conditions[i]);
			const config_setting_t *e = list ? config_setting_get_elem(list, (unsigned)i) : NULL;
			diags_add(d, path, e ? lcfg_line(e) : 1, DIAG_WARNING,
			    "health: unknown condition '%s'%s%s%s (see `unknot safety`)", c->conditions[i],
			    near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
		}
	}
	config_destroy(&cfg);
	diags_sort(d); /* the groups were walked in the table's order */
	return d->errors == errors ? 0 : -1;
}

static size_t
group_index(const char *group)
{
	for (size_t i = 0; i < ARRAY_LEN(groups); i++)
		if (strcmp(groups[i].name, group) == 0)
			return i;
	return ARRAY_LEN(groups);
}

int
config_set(struct config *c, const char *group, const char *key, const char *text, char *why, size_t n)
{
	size_t g = group_index(group);
	if (g == ARRAY_LEN(groups)) {
		snprintf(why, n, "unknown group '%s'", group);
		return -1;
	}
	const char *bad = check_text(key, text);
	if (strcmp(group, "remind") == 0 && bad) {
		snprintf(why, n, "%s", bad);
		return -1;
	}
	return lcfg_set_text(groups[g].keys, groups[g].n, key, text, c, why, n);
}

int
config_duration(const char *group, const char *key, const char *text, int *secs, char *why, size_t n)
{
	struct config tmp;
	config_defaults(&tmp);
	int rc = config_set(&tmp, group, key, text, why, n);
	if (rc == 0) {
		size_t g = group_index(group);
		for (size_t i = 0; i < groups[g].n; i++)
			if (strcmp(groups[g].keys[i].name, key) == 0)
				*secs = *(int *)((char *)&tmp + groups[g].keys[i].offset);
	}
	config_free(&tmp);
	return rc;
}

int
config_load_file(struct config *c, const char *path, const struct safety *cat, struct diags *d)
{
	config_defaults(c);
	int rc = apply_file(c, path, cat, d);
	for (char **p = c->conditions; p && *p; p++)
		c->health.config = strv_push(c->health.config, *p);
	health_join(&c->health);
	return rc;
}

char **
config_files(void)
{
	char **sys = paths_system_config_dirs();
	char **files = xcalloc(1, sizeof *files);
	for (size_t i = strv_len(sys); i-- > 0;) {
		char *p = xasprintf("%s/config", sys[i]);
		files = strv_push(files, p);
		free(p);
	}
	strv_free(sys);
	char *user = config_path(); /* NULL: no home folder */
	if (user)
		files = strv_push(files, user);
	free(user);
	return files;
}

int
config_load(struct config *c, const struct safety *cat, struct diags *d)
{
	config_defaults(c);
	char **files = config_files();
	int rc = 0;
	for (char **f = files; *f; f++)
		if (apply_file(c, *f, cat, d) < 0)
			rc = -1;
	strv_free(files);
	char *hp = health_path(); /* NULL: no home folder, no profile */
	if (health_load_file(&c->health, hp, c->conditions, cat, d) < 0)
		rc = -1;
	free(hp);
	return rc;
}
