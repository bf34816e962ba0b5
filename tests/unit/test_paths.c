/* Why each folder is where it is (for `unknot doctor`): the same rules
 * that find the folder say which variable or default gave it. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "paths.h"
#include "util.h"

static char *
origin(enum paths_folder f, char *why, size_t n)
{
	char *p = paths_folder(f, why, n);
	cr_assert_not_null(p);
	return p;
}

/* Folder f is path, and why says so. */
static void
expect_folder(enum paths_folder f, const char *path, const char *said)
{
	char why[128];
	char *p = origin(f, why, sizeof why);
	cr_assert_str_eq(p, path);
	cr_assert_str_eq(why, said);
	free(p);
}

Test(paths_origin, an_xdg_variable_names_itself_and_a_missing_one_says_default)
{
	setenv("HOME", "/home/someone", 1);
	setenv("XDG_CONFIG_HOME", "/cfg", 1);
	expect_folder(PATHS_CONFIG, "/cfg/unknot", "from XDG_CONFIG_HOME");
	char *same = paths_config_dir();
	cr_assert_str_eq(same, "/cfg/unknot", "the same rule as paths_config_dir()");
	free(same);

	unsetenv("XDG_STATE_HOME");
	expect_folder(PATHS_STATE, "/home/someone/.local/state/unknot",
	    "the default: XDG_STATE_HOME is not set");

	setenv("XDG_DATA_HOME", "relative/data", 1);
	expect_folder(PATHS_USER_DATA, "/home/someone/.local/share/unknot",
	    "the default: XDG_DATA_HOME is not an absolute path, so it is ignored");
}

Test(paths_origin, the_runtime_and_data_folders_say_where_they_come_from)
{
	char why[128];
	unsetenv("XDG_RUNTIME_DIR");
	char *p = origin(PATHS_RUNTIME, why, sizeof why);
	cr_assert(strncmp(p, "/tmp/unknot-", 12) == 0, "%s", p);
	cr_assert_str_eq(why, "XDG_RUNTIME_DIR is not set: a folder in /tmp");
	free(p);
	setenv("UNKNOT_DATA_DIR", "/somewhere/data", 1);
	expect_folder(PATHS_DATA, "/somewhere/data", "from UNKNOT_DATA_DIR");
	unsetenv("UNKNOT_DATA_DIR");
	p = origin(PATHS_DATA, why, sizeof why);
	cr_assert(strstr(why, "built in") || strstr(why, "checkout"), "%s", why);
	free(p);
	setenv("XDG_CONFIG_DIRS", "/etc/site:/etc/xdg", 1);
	expect_folder(PATHS_SYSTEM_CONFIG, "/etc/site:/etc/xdg", "from XDG_CONFIG_DIRS");
	unsetenv("XDG_DATA_DIRS");
	expect_folder(PATHS_SYSTEM_DATA, "/usr/local/share/:/usr/share/",
	    "the default: XDG_DATA_DIRS is not set");
}

Test(paths_origin, every_folder_has_a_name)
{
	for (int f = 0; f < PATHS_FOLDER_COUNT; f++)
		cr_assert(paths_folder_name(f)[0] != '?', "folder %d", f);
}
