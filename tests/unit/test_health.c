/* The health profile file and the config's health.conditions together. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "health.h"
#include "helpers.h"
#include "util.h"

static struct safety cat;
static char dir[64];
static void
setup(void)
{
	load_catalogue(&cat);
	strcpy(dir, "/tmp/unknot-health-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
}
static void
teardown(void)
{
	safety_free(&cat);
	char *cmd = xasprintf("rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
	free(cmd);
}
TestSuite(health, .init = setup, .fini = teardown);

static char *
profile_path(void)
{
	return xasprintf("%s/unknot/health", dir);
}

Test(health, no_file_is_no_profile)
{
	char *path = profile_path();
	struct health h;
	struct diags d = {0};
	cr_assert_eq(health_load_file(&h, path, NULL, &cat, &d), 0);
	cr_assert_not(h.saved);
	cr_assert_not(health_answered(&h));
	cr_assert_null(h.declared);
	health_free(&h);
	free(path);
}

Test(health, saves_atomically_and_reads_back_creating_the_folder)
{
	char *path = profile_path();
	char *ids[] = {"osteoporosis", "pregnancy", NULL};
	const char *why;
	cr_assert_eq(health_save_file(path, ids, &why), 0, "%s", why);
	struct stat st;
	cr_assert_eq(stat(path, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0600, "a health profile is private");
	struct health h;
	struct diags d = {0};
	cr_assert_eq(health_load_file(&h, path, NULL, &cat, &d), 0);
	cr_assert_eq(d.n, 0);
	cr_assert(h.saved);
	cr_assert_eq(strv_len(h.profile), 2);
	cr_assert(health_declares(&h, "pregnancy"));
	/* no temporary file is left beside it */
	char *cmd = xasprintf("test $(ls -A '%s/unknot' | wc -l) = 1", dir);
	cr_assert_eq(system(cmd), 0);
	free(cmd);
	health_free(&h);
	free(path);
}

Test(health, an_empty_saved_profile_counts_as_answered)
{
	char *path = profile_path();
	const char *why;
	cr_assert_eq(health_save_file(path, NULL, &why), 0);
	struct health h;
	struct diags d = {0};
	cr_assert_eq(health_load_file(&h, path, NULL, &cat, &d), 0);
	cr_assert(health_answered(&h));
	cr_assert_null(h.declared);
	health_free(&h);
	free(path);
}

Test(health, the_config_conditions_count_too_each_id_once)
{
	char *path = profile_path();
	char *ids[] = {"osteoporosis", NULL};
	char *config[] = {"dvt", "osteoporosis", NULL};
	const char *why;
	cr_assert_eq(health_save_file(path, ids, &why), 0);
	struct health h;
	struct diags d = {0};
	cr_assert_eq(health_load_file(&h, path, config, &cat, &d), 0);
	cr_assert_eq(strv_len(h.declared), 2);
	cr_assert_str_eq(h.declared[0], "osteoporosis");
	cr_assert_str_eq(h.declared[1], "dvt");
	health_free(&h);
	/* without a profile file, config ids alone make an answer */
	unlink(path);
	cr_assert_eq(health_load_file(&h, path, config, &cat, &d), 0);
	cr_assert(health_answered(&h));
	cr_assert_not(h.saved);
	health_free(&h);
	free(path);
}

Test(health, warns_about_an_unknown_id_with_a_suggestion)
{
	char *path = profile_path();
	char *dirpath = xasprintf("%s/unknot", dir);
	mkdir(dirpath, 0700);
	FILE *fp = fopen(path, "w");
	fputs("version = 1;\nconditions = [\"pregnancy\",\n  \"osteoporsis\"];\n", fp);
	fclose(fp);
	struct health h;
	struct diags d = {0};
	cr_assert_eq(health_load_file(&h, path, NULL, &cat, &d), 0);
	char *want = xasprintf("%s:3: warning: unknown condition 'osteoporsis' (did you mean 'osteoporosis'?)", path);
	cr_assert(diags_have(&d, want), "%s", diags_text(&d));
	free(want);
	health_free(&h);
	diags_free(&d);
	free(dirpath);
	free(path);
}

Test(health, a_damaged_profile_is_an_error_with_its_line_and_declares_nothing_from_it)
{
	char *path = profile_path();
	char *dirpath = xasprintf("%s/unknot", dir);
	mkdir(dirpath, 0700);
	FILE *fp = fopen(path, "w");
	fputs("version = 1;\nconditions = \"pregnancy\";\n", fp);
	fclose(fp);
	char *config[] = {"dvt", NULL};
	struct health h;
	struct diags d = {0};
	cr_assert_eq(health_load_file(&h, path, config, &cat, &d), -1);
	cr_assert(diags_have(&d, ":2: error: 'conditions' must be a list"), "%s", diags_text(&d));
	cr_assert_eq(strv_len(h.declared), 1, "the config still counts");
	health_free(&h);
	diags_free(&d);
	free(dirpath);
	free(path);
}

Test(health, refuses_to_save_what_is_not_an_id)
{
	char *path = profile_path();
	char *ids[] = {"ok", "bad\"; x = [", NULL};
	const char *why;
	cr_assert_eq(health_save_file(path, ids, &why), -1);
	cr_assert_neq(access(path, F_OK), 0, "nothing written");
	free(path);
}

Test(health, a_profile_others_can_write_is_not_read)
{
	char *path = profile_path();
	char *ids[] = {"pregnancy", NULL};
	const char *why;
	cr_assert_eq(health_save_file(path, ids, &why), 0);
	cr_assert_eq(chmod(path, 0666), 0);
	struct health h;
	struct diags d = {0};
	cr_assert_eq(health_load_file(&h, path, NULL, &cat, &d), -1);
	cr_assert(diags_have(&d, "error: not read: it "), "%s", diags_text(&d));
	cr_assert_null(h.declared, "nothing declared from it");
	health_free(&h);
	diags_free(&d);
	free(path);
}
