/* Where routines come from, and which one an id means. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "library.h"
#include "paths.h"
#include "util.h"

static char root[] = "/tmp/unknot-lib-XXXXXX";
static char *dirs[3];

static void
touch(const char *dir, const char *name)
{
	char *p = xasprintf("%s/%s", dir, name);
	FILE *fp = fopen(p, "w");
	cr_assert_not_null(fp);
	fclose(fp);
	free(p);
}

static void
setup(void)
{
	cr_assert_not_null(mkdtemp(root));
	const char *names[] = {"bundled", "data", "config"};
	for (int i = 0; i < 3; i++) {
		dirs[i] = xasprintf("%s/%s", root, names[i]);
		mkdir(dirs[i], 0700);
	}
	touch(dirs[0], "b.routine");
	touch(dirs[0], "a.routine");
	touch(dirs[0], "safety.cfg");
	touch(dirs[0], ".hidden.routine");
	touch(dirs[0], "notes.txt");
	touch(dirs[1], "a.routine");
	touch(dirs[2], "a.routine");
	touch(dirs[2], "c.routine");
}

static void
teardown(void)
{
	char *cmd = xasprintf("rm -rf '%s'", root);
	cr_assert_eq(system(cmd), 0);
	free(cmd);
	for (int i = 0; i < 3; i++)
		free(dirs[i]);
}

TestSuite(library, .init = setup, .fini = teardown);

/* The three test folders as the bundled, data and user folders. */
static const struct library_dir *
three(void)
{
	static struct library_dir ld[3];
	ld[0] = (struct library_dir){dirs[0], SOURCE_BUNDLED};
	ld[1] = (struct library_dir){dirs[1], SOURCE_DATA};
	ld[2] = (struct library_dir){dirs[2], SOURCE_USER};
	return ld;
}

Test(library, reads_only_routine_files_sorted_by_id)
{
	struct library lib;
	library_scan_dirs(&lib, three(), 3);
	cr_assert_eq(lib.n, 3);
	cr_assert_str_eq(lib.v[0].id, "a");
	cr_assert_str_eq(lib.v[1].id, "b");
	cr_assert_str_eq(lib.v[2].id, "c");
	library_free(&lib);
}

Test(library, later_folders_override_earlier_ones)
{
	struct library lib;
	library_scan_dirs(&lib, three(), 3);
	const struct entry *a = library_find(&lib, "a");
	cr_assert_not_null(a);
	cr_assert_eq(a->source, SOURCE_USER);
	char *want = xasprintf("%s/a.routine", dirs[2]);
	char *over = xasprintf("%s/a.routine", dirs[1]);
	cr_assert_str_eq(a->path, want);
	cr_assert_str_eq(a->overrides, over, "remembers the file it replaces");
	cr_assert_eq(library_find(&lib, "b")->source, SOURCE_BUNDLED);
	cr_assert_null(library_find(&lib, "b")->overrides);
	cr_assert_null(library_find(&lib, "zzz"));
	free(want);
	free(over);
	library_free(&lib);
}

Test(library, missing_folders_are_fine)
{
	const struct library_dir none[] = {
		{"/nonexistent/a", SOURCE_BUNDLED}, {NULL, SOURCE_DATA}, {"/nonexistent/b", SOURCE_USER},
	};
	struct library lib;
	library_scan_dirs(&lib, none, ARRAY_LEN(none));
	cr_assert_eq(lib.n, 0);
	library_free(&lib);
}

Test(library, an_empty_folder_is_an_empty_library)
{
	/* once qsort(NULL, 0) (undefined; UBSan's nonnull check in make check) */
	char *empty = xasprintf("%s/empty", root);
	cr_assert_eq(mkdir(empty, 0700), 0);
	const struct library_dir one[] = {{empty, SOURCE_BUNDLED}};
	struct library lib;
	library_scan_dirs(&lib, one, 1);
	cr_assert_eq(lib.n, 0);
	library_free(&lib);
	free(empty);
}

Test(library, a_user_folder_others_can_write_is_not_read_and_says_why)
{
	chmod(dirs[2], 0777);
	struct library lib;
	library_scan_dirs(&lib, three(), 3);
	cr_assert_eq(library_find(&lib, "c"), NULL, "the planted routine is not listed");
	cr_assert_eq(library_find(&lib, "a")->source, SOURCE_DATA);
	cr_assert_eq(lib.problems.n, 1);
	cr_assert(strstr(lib.problems.v[0].msg, "can be written by other users"), "%s", lib.problems.v[0].msg);
	library_free(&lib);
}

Test(library, ten_thousand_files_in_each_folder_override_in_order)
{
	/* found by binary search, not a walk of the list per file */
	for (int i = 0; i < 3; i++)
		for (int k = 0; k < 10000; k++) {
			char name[32];
			snprintf(name, sizeof name, "r%05d.routine", (k * 7919) % 10000);
			touch(dirs[i], name);
		}
	struct library lib;
	library_scan_dirs(&lib, three(), 3);
	cr_assert_eq(lib.n, 10003);
	for (size_t i = 1; i < lib.n; i++)
		cr_assert(strcmp(lib.v[i - 1].id, lib.v[i].id) < 0, "sorted");
	const struct entry *e = library_find(&lib, "r04242");
	cr_assert_eq(e->source, SOURCE_USER);
	char *over = xasprintf("%s/r04242.routine", dirs[1]);
	cr_assert_str_eq(e->overrides, over);
	free(over);
	library_free(&lib);
}

Test(library, tells_ids_from_paths)
{
	cr_assert(routine_arg_is_path("./x"));
	cr_assert(routine_arg_is_path("x.routine"));
	cr_assert(!routine_arg_is_path("lower-back"));
}

/* XDG_DATA_DIRS: each folder's unknot/routines counts, the first named
 * being the most important; the user's folders still win; relative
 * entries are ignored, and a folder named twice (the bundled one, often)
 * is read once. */
Test(library, reads_xdg_data_dirs_in_the_specs_order)
{
	char *sys1 = xasprintf("%s/sys1", root), *sys2 = xasprintf("%s/sys2", root);
	char *r1 = xasprintf("%s/unknot/routines", sys1), *r2 = xasprintf("%s/unknot/routines", sys2);
	char *cmd = xasprintf("mkdir -p '%s' '%s'", r1, r2);
	cr_assert_eq(system(cmd), 0);
	touch(r1, "s.routine");
	touch(r2, "s.routine");
	touch(r2, "t.routine");
	touch(r1, "a.routine"); /* the user's a.routine still wins */
	char *list = xasprintf("relative/dir:%s:%s/:%s/../bundled/..", sys1, sys2, dirs[0]);
	setenv("XDG_DATA_DIRS", list, 1);
	char **sys = paths_system_data_dirs();
	cr_assert_eq(strv_len(sys), 3, "the relative entry is ignored");
	char *want = xasprintf("%s/unknot", sys1);
	cr_assert_str_eq(sys[0], want);
	free(want);
	want = xasprintf("%s/unknot", sys2);
	cr_assert_str_eq(sys[1], want, "a trailing slash is not doubled");
	free(want);
	strv_free(sys);

	struct library_dir ld[] = {
		{dirs[0], SOURCE_BUNDLED}, {r2, SOURCE_SYSTEM}, {r1, SOURCE_SYSTEM},
		{dirs[0], SOURCE_SYSTEM}, {dirs[1], SOURCE_DATA}, {dirs[2], SOURCE_USER},
	};
	struct library lib;
	library_scan_dirs(&lib, ld, ARRAY_LEN(ld));
	const struct entry *s = library_find(&lib, "s");
	cr_assert_not_null(s);
	char *p1 = xasprintf("%s/s.routine", r1);
	cr_assert_str_eq(s->path, p1, "the first folder of XDG_DATA_DIRS wins over the next");
	cr_assert_eq(s->source, SOURCE_SYSTEM);
	cr_assert_str_eq(source_name(s->source), "system");
	cr_assert_eq(library_find(&lib, "t")->source, SOURCE_SYSTEM);
	cr_assert_eq(library_find(&lib, "a")->source, SOURCE_USER);
	cr_assert_eq(library_find(&lib, "b")->source, SOURCE_BUNDLED, "a folder read twice keeps its first source");
	cr_assert_eq(lib.ndirs, 5, "the bundled folder named again is read once");
	library_free(&lib);
	unsetenv("XDG_DATA_DIRS");
	sys = paths_system_data_dirs();
	cr_assert_eq(strv_len(sys), 2);
	cr_assert_str_eq(sys[0], "/usr/local/share/unknot", "the spec's default when unset");
	cr_assert_str_eq(sys[1], "/usr/share/unknot");
	strv_free(sys);
	setenv("XDG_CONFIG_DIRS", "", 1);
	sys = paths_system_config_dirs();
	cr_assert_eq(strv_len(sys), 1);
	cr_assert_str_eq(sys[0], "/etc/xdg/unknot", "the spec's default when empty");
	strv_free(sys);
	unsetenv("XDG_CONFIG_DIRS");
	free(p1), free(list), free(cmd), free(r1), free(r2), free(sys1), free(sys2);
}
