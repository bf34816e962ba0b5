/*
 * cmd-health.c - `unknot health [add ID... | remove ID...]`: the conditions
 * that adapt every routine.
 *
 * Without arguments it lists what is declared, in the health profile and in
 * the config's health.conditions.  add and remove change the profile (never
 * the config, which is the person's own file): every id is checked first,
 * against the catalogue with a "did you mean", and nothing changes unless
 * all of them are good; the new profile is written atomically (health.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd.h"
#include "config.h"
#include "health.h"
#include "safety.h"
#include "util.h"

/* An id is lower-case letters, digits and '-': only such words are echoed
 * back, so that nothing typed can reach the terminal as a control. */
static bool
id_shape(const char *s)
{
	return *s && strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") == strlen(s) && strlen(s) <= 64;
}

static void
print_ids(const struct safety *cat, char *const *ids)
{
	for (char *const *p = ids; p && *p; p++) {
		const struct condition *c = safety_find(cat, *p);
		if (c)
			printf("  %s: %s\n", c->id, c->title);
		else if (id_shape(*p))
			printf("  %s: (not in the catalogue: `unknot safety` lists the ids)\n", *p);
		else
			printf("  (an id that is not one: fix the file)\n");
	}
}

static int
list(const struct safety *cat, const struct health *h)
{
	char *path = health_path();
	if (!health_answered(h)) {
		printf("No health profile yet: unknot runs every routine as written.\n"
		       "`unknot health add ID...` declares a condition (`unknot safety` lists them);\n"
		       "the routines then leave out or replace the steps that do not suit it.\n");
	} else if (h->declared == NULL) {
		printf("You have declared no conditions (%s).\n", path);
	} else {
		if (h->profile) {
			printf("Your health profile (%s):\n", path);
			print_ids(cat, h->profile);
		}
		if (h->config) {
			char *cp = config_path();
			printf("From your config (%s, health.conditions):\n", cp);
			print_ids(cat, h->config);
			free(cp);
		}
	}
	free(path);
	return 0;
}

/* An id the catalogue lacks, said with the nearest one; true when good. */
static bool
check_id(const struct safety *cat, const char *id)
{
	if (safety_find(cat, id))
		return true;
	if (!id_shape(id)) {
		cli_warn("not a condition id: ids are lower-case letters, digits and '-' "
		    "(`unknot safety` lists them)");
		return false;
	}
	const char *near = safety_closest(cat, id);
	if (near)
		cli_warn("unknown condition '%s' (did you mean '%s'?)", id, near);
	else
		cli_warn("unknown condition '%s' (`unknot safety` lists the ids)", id);
	return false;
}

static int
save(struct health *h, char **ids)
{
	char *path = health_path();
	const char *why;
	int rc = health_save_file(path, ids, &why);
	if (rc < 0)
		cli_warn("cannot write %s: %s (nothing changed)", path, why);
	free(path);
	if (rc < 0)
		return 1;
	strv_free(h->profile);
	h->profile = ids;
	h->saved = true;
	health_join(h);
	return 0;
}

static int
add(const struct safety *cat, struct health *h, int argc, char **argv)
{
	bool ok = true;
	for (int i = 0; i < argc; i++)
		ok &= check_id(cat, argv[i]);
	if (!ok)
		return 1;
	char **ids = NULL;
	for (char **p = h->profile; p && *p; p++)
		ids = strv_push(ids, *p);
	for (int i = 0; i < argc; i++) {
		if (strv_has(ids, argv[i]))
			continue;
		if (strv_has(h->config, argv[i]))
			printf("%s is already declared in your config (health.conditions)\n", argv[i]);
		else
			ids = strv_push(ids, argv[i]);
	}
	if (save(h, ids) != 0) {
		strv_free(ids);
		return 1;
	}
	for (int i = 0; i < argc; i++)
		printf("declared %s: %s\n", argv[i], safety_find(cat, argv[i])->title);
	printf("Every routine now adapts to it: `unknot show ROUTINE` shows how.\n");
	return 0;
}

static int
remove_ids(const struct safety *cat, struct health *h, int argc, char **argv)
{
	bool ok = true;
	char **was = NULL;
	for (char **p = h->profile; p && *p; p++)
		was = strv_push(was, *p);
	for (int i = 0; i < argc; i++) {
		if (strv_has(h->profile, argv[i]))
			continue;
		if (strv_has(h->config, argv[i])) {
			char *cp = config_path();
			cli_warn("%s is declared in %s (health.conditions): remove it there", argv[i], cp);
			free(cp);
			ok = false;
		} else if (!check_id(cat, argv[i])) {
			ok = false;
		}
	}
	if (!ok) {
		strv_free(was);
		return 1;
	}
	char **ids = NULL;
	for (char **p = h->profile; p && *p; p++) {
		bool drop = false;
		for (int i = 0; i < argc; i++)
			drop |= strcmp(*p, argv[i]) == 0;
		if (!drop)
			ids = strv_push(ids, *p);
	}
	if (save(h, ids) != 0) {
		strv_free(ids);
		strv_free(was);
		return 1;
	}
	/* each id was in the profile or the catalogue: safe to echo */
	for (int i = 0; i < argc; i++)
		printf(strv_has(was, argv[i]) ? "removed %s\n" : "%s was not declared\n", argv[i]);
	strv_free(was);
	return 0;
}

/* The catalogue and the settings (config and profile), for one request. */
static int
with_settings(const struct cmd_args *a, int (*fn)(const struct safety *, struct health *, int, char **))
{
	struct safety cat = {0};
	struct config cfg = {0};
	if (cli_load_settings(&cat, &cfg) < 0)
		return 1;
	int rc = fn(&cat, &cfg.health, a->argc, a->argv);
	config_free(&cfg);
	safety_free(&cat);
	return rc;
}

static int
list_ids(const struct safety *cat, struct health *h, int argc, char **argv)
{
	(void)argc, (void)argv;
	return list(cat, h);
}

static int health_exec(const struct cmd_args *a) { return with_settings(a, list_ids); }
static int add_exec(const struct cmd_args *a) { return with_settings(a, add); }
static int remove_exec(const struct cmd_args *a) { return with_settings(a, remove_ids); }

static const struct cmd_entry health_add_entry = {
	.name = "add",
	.args = "ID...",
	.summary = "declare conditions (ids from `unknot safety`)",
	.min_args = 1,
	.max_args = -1,
	.arg_kind = ARG_CONDITION,
	.exec = add_exec,
};
static const struct cmd_entry health_remove_entry = {
	.name = "remove",
	.args = "ID...",
	.summary = "take declared conditions back",
	.min_args = 1,
	.max_args = -1,
	.arg_kind = ARG_CONDITION,
	.exec = remove_exec,
};

const struct cmd_entry cmd_health_entry = {
	.name = "health",
	.summary = "the conditions you declared, which adapt every routine",
	.details = "Every routine adapts to what you declare: steps that do not suit a condition are\n"
		   "left out or replaced, routines it rules out are refused, and its advice goes\n"
		   "with the steps it concerns.  health.conditions in the config counts too.\n",
	.more_usage = "add ID... | remove ID...",
	.subcommands = (const struct cmd_entry *const[]){&health_add_entry, &health_remove_entry, NULL},
	.exec = health_exec,
};
