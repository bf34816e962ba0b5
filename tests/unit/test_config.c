/* The user's settings: defaults, the system-wide files of XDG_CONFIG_DIRS
 * and the user's own file, each later one winning key by key. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "config.h"
#include "helpers.h"
#include "util.h"

static char root[] = "/tmp/unknot-cfg-XXXXXX";

static void
put(const char *dir, const char *text)
{
	char *cmd = xasprintf("mkdir -p '%s/%s/unknot'", root, dir);
	cr_assert_eq(system(cmd), 0);
	free(cmd);
	char *p = xasprintf("%s/%s/unknot/config", root, dir);
	FILE *fp = fopen(p, "w");
	cr_assert_not_null(fp);
	fputs(text, fp);
	fclose(fp);
	free(p);
}

static void
setup(void)
{
	cr_assert_not_null(mkdtemp(root));
	char *sys = xasprintf("%s/first:relative:%s/second", root, root);
	char *home = xasprintf("%s/home", root);
	setenv("XDG_CONFIG_DIRS", sys, 1);
	setenv("XDG_CONFIG_HOME", home, 1);
	free(sys);
	free(home);
}

static void
teardown(void)
{
	char *cmd = xasprintf("rm -rf '%s'", root);
	cr_assert_eq(system(cmd), 0);
	free(cmd);
	unsetenv("XDG_CONFIG_DIRS");
	unsetenv("XDG_CONFIG_HOME");
}

TestSuite(config, .init = setup, .fini = teardown);

Test(config, reads_xdg_config_dirs_then_the_users_file_key_by_key)
{
	put("second", "audio = { volume = 10; };\nremind = { snooze = \"20m\"; routine = \"from-second\"; };\n");
	put("first", "audio = { volume = 20; };\nremind = { routine = \"from-first\"; };\n");
	put("home", "audio = { volume = 30; };\n");
	struct config c;
	struct diags d = {0};
	cr_assert_eq(config_load(&c, NULL, &d), 0);
	cr_assert_eq(d.n, 0);
	cr_assert_eq(c.volume, 30, "the user's file wins");
	cr_assert_str_eq(c.remind_routine, "from-first", "the first of XDG_CONFIG_DIRS wins over the next");
	cr_assert_eq(c.remind_snooze, 20 * 60, "a key only the last names still counts");
	cr_assert_eq(c.remind_every, 45 * 60, "a key nobody names keeps its default");
	config_free(&c);

	char **files = config_files();
	cr_assert_eq(strv_len(files), 3, "the relative entry is ignored");
	char *want = xasprintf("%s/second/unknot/config", root);
	cr_assert_str_eq(files[0], want, "the least important is read first");
	free(want);
	want = xasprintf("%s/home/unknot/config", root);
	cr_assert_str_eq(files[2], want);
	free(want);
	strv_free(files);
}

Test(config, names_the_system_file_that_has_errors)
{
	put("second", "audio = { volume = 200; };\n");
	struct config c;
	struct diags d = {0};
	cr_assert_eq(config_load(&c, NULL, &d), -1);
	char *want = xasprintf("%s/second/unknot/config:1: error:", root);
	cr_assert(diags_have(&d, want), "%s", diags_text(&d));
	free(want);
	cr_assert_eq(c.volume, 80, "the default stays");
	config_free(&c);
	diags_free(&d);
}

Test(config, warns_about_conditions_only_in_the_file_that_names_them)
{
	struct safety cat = {0};
	load_catalogue(&cat);
	put("second", "health = { conditions = [\"no-such-thing\"]; };\n");
	put("home", "audio = { volume = 30; };\n");
	struct config c;
	struct diags d = {0};
	cr_assert_eq(config_load(&c, &cat, &d), 0);
	cr_assert_eq(d.n, 1, "%s", diags_text(&d));
	char *want = xasprintf("%s/second/unknot/config:1: warning: health: unknown condition", root);
	cr_assert(diags_have(&d, want), "%s", diags_text(&d));
	free(want);
	config_free(&c);
	diags_free(&d);
	safety_free(&cat);
}
