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

Test(config, a_number_past_32_bits_is_an_error_not_a_wrapped_value)
{
	/* 4294967356 read as 60: a break every minute */
	put("home", "remind = { every = 4294967356; };\naudio = { volume = 4294967376; };\n");
	struct config c;
	struct diags d = {0};
	cr_assert_eq(config_load(&c, NULL, &d), -1);
	cr_assert(diags_have(&d, "config:1: error: remind: 'every' must be from 1m to 8h, not 4294967356"),
	    "%s", diags_text(&d));
	cr_assert(diags_have(&d, "config:2: error: audio: 'volume' must be from 0 to 100, not 4294967376"),
	    "%s", diags_text(&d));
	cr_assert_eq(c.remind_every, 45 * 60, "the default stays");
	cr_assert_eq(c.volume, 80);
	config_free(&c);
	diags_free(&d);
}

Test(config, a_files_problems_come_in_line_order_and_the_files_in_theirs)
{
	/* the groups are walked audio, health, remind: the problems came out
	 * as config:6, config:2, config:4, config:3 */
	put("second", "remind = { every = \"1x\"; };\naudio = { volume = 200; };\n");
	put("home", "\nremind = { snooze = \"1s\";\n  hours = \"x\"; };\nbogus = 1;\naudio = { voice = 3; };\n"
	            "health = { ask_pain = 2; };\n");
	struct config c;
	struct diags d = {0};
	cr_assert_eq(config_load(&c, NULL, &d), -1);
	char *second = xasprintf("%s/second/unknot/config", root);
	char *home = xasprintf("%s/home/unknot/config", root);
	static const int want[] = {1, 2, 2, 3, 4, 5, 6};
	cr_assert_eq(d.n, ARRAY_LEN(want), "%s", diags_text(&d));
	for (size_t i = 0; i < d.n; i++) {
		cr_expect_str_eq(d.v[i].file, i < 2 ? second : home, "the files in the order read:\n%s",
		    diags_text(&d));
		cr_expect_eq(d.v[i].line, want[i], "lines in order:\n%s", diags_text(&d));
	}
	free(second);
	free(home);
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

/* `unknot config`: the text config_format() writes is a config file that
 * loads back, without a warning, to the same values; every key is in it. */
static void
round_trip(const struct config *in, struct config *out)
{
	char *text = config_format(in);
	char *p = xasprintf("%s/round-trip", root);
	FILE *fp = fopen(p, "w");
	cr_assert_not_null(fp);
	fputs(text, fp);
	fclose(fp);
	struct diags d = {0};
	struct safety cat = {0};
	load_catalogue(&cat);
	cr_assert_eq(config_load_file(out, p, &cat, &d), 0, "%s", diags_text(&d));
	cr_assert_eq(d.n, 0, "no warnings: %s\n%s", diags_text(&d), text);
	diags_free(&d);
	safety_free(&cat);
	free(text);
	free(p);
}

Test(config, format_loads_back_to_the_defaults_with_every_key)
{
	struct config c, back;
	config_defaults(&c);
	char *text = config_format(&c);
	for (const char *key = "enabled\0volume\0voice\0conditions\0ask_pain\0every\0hours\0days\0routine\0snooze\0";
	     *key; key += strlen(key) + 1) {
		char *line = xasprintf("\n  %s = ", key);
		cr_assert(strstr(text, line), "'%s' is in\n%s", key, text);
		free(line);
	}
	cr_assert(strstr(text, "  # cue volume in percent; 0 to 100, default 80\n  volume = 80;\n"), "%s", text);
	cr_assert(strstr(text, "  hours = \"09:00-17:30\";\n"), "%s", text);
	cr_assert(strstr(text, "  every = \"45m\";\n"), "%s", text);
	cr_assert(strstr(text, "  conditions = [];\n"), "%s", text);
	free(text);
	round_trip(&c, &back);
	cr_assert_eq(back.volume, 80);
	cr_assert_str_eq(back.remind_hours, "09:00-17:30");
	cr_assert_str_eq(back.remind_routine, "desk-reset");
	config_free(&back);
	config_free(&c);
}

Test(config, format_shows_changed_values_and_quotes_strings)
{
	struct config c, back;
	config_defaults(&c);
	c.volume = 35;
	c.audio_enabled = false;
	c.remind_every = 3600 + 90;
	free(c.remind_routine);
	c.remind_routine = xstrdup("my \"quoted\" \\ routine");
	c.conditions = strv_push(strv_push(NULL, "pregnancy"), "osteoporosis");
	char *text = config_format(&c);
	cr_assert(strstr(text, "  volume = 35;\n"), "%s", text);
	cr_assert(strstr(text, "  enabled = false;\n"), "%s", text);
	cr_assert(strstr(text, "  every = \"1h1m30s\";\n"), "%s", text);
	cr_assert(strstr(text, "  conditions = [\"pregnancy\", \"osteoporosis\"];\n"), "%s", text);
	free(text);
	round_trip(&c, &back);
	cr_assert_eq(back.volume, 35);
	cr_assert_eq(back.audio_enabled, false);
	cr_assert_eq(back.remind_every, 3690);
	cr_assert_str_eq(back.remind_routine, "my \"quoted\" \\ routine");
	cr_assert_eq(strv_len(back.conditions), 2);
	cr_assert_str_eq(back.conditions[1], "osteoporosis");
	config_free(&back);
	config_free(&c);
}
