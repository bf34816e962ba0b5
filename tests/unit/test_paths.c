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

Test(paths_origin, an_xdg_variable_names_itself_and_a_missing_one_says_default)
{
	char why[128];
	setenv("HOME", "/home/someone", 1);
	setenv("XDG_CONFIG_HOME", "/cfg", 1);
	char *p = origin(PATHS_CONFIG, why, sizeof why);
	cr_assert_str_eq(p, "/cfg/unknot");
	cr_assert_str_eq(why, "from XDG_CONFIG_HOME");
	free(p);
	char *same = paths_config_dir();
	cr_assert_str_eq(same, "/cfg/unknot", "the same rule as paths_config_dir()");
	free(same);

	unsetenv("XDG_STATE_HOME");
	p = origin(PATHS_STATE, why, sizeof why);
	cr_assert_str_eq(p, "/home/someone/.local/state/unknot");
	cr_assert_str_eq(why, "the default: XDG_STATE_HOME is not set");
	free(p);

	setenv("XDG_DATA_HOME", "relative/data", 1);
	p = origin(PATHS_USER_DATA, why, sizeof why);
	cr_assert_str_eq(p, "/home/someone/.local/share/unknot");
	cr_assert_str_eq(why, "the default: XDG_DATA_HOME is not an absolute path, so it is ignored");
	free(p);
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
	p = origin(PATHS_DATA, why, sizeof why);
	cr_assert_str_eq(p, "/somewhere/data");
	cr_assert_str_eq(why, "from UNKNOT_DATA_DIR");
	free(p);
	unsetenv("UNKNOT_DATA_DIR");
	p = origin(PATHS_DATA, why, sizeof why);
	cr_assert(strstr(why, "built in") || strstr(why, "checkout"), "%s", why);
	free(p);
	setenv("XDG_CONFIG_DIRS", "/etc/site:/etc/xdg", 1);
	p = origin(PATHS_SYSTEM_CONFIG, why, sizeof why);
	cr_assert_str_eq(p, "/etc/site:/etc/xdg");
	cr_assert_str_eq(why, "from XDG_CONFIG_DIRS");
	free(p);
	unsetenv("XDG_DATA_DIRS");
	p = origin(PATHS_SYSTEM_DATA, why, sizeof why);
	cr_assert_str_eq(p, "/usr/local/share/:/usr/share/");
	cr_assert_str_eq(why, "the default: XDG_DATA_DIRS is not set");
	free(p);
}

Test(paths_origin, every_folder_has_a_name)
{
	for (int f = 0; f < PATHS_FOLDER_COUNT; f++)
		cr_assert(paths_folder_name(f)[0] != '?', "folder %d", f);
}
