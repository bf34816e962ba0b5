/* Where routines come from, and which one an id means. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "library.h"
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

Test(library, reads_only_routine_files_sorted_by_id)
{
	struct library lib;
	library_scan_dirs(&lib, (const char *const *)dirs);
	cr_assert_eq(lib.n, 3);
	cr_assert_str_eq(lib.v[0].id, "a");
	cr_assert_str_eq(lib.v[1].id, "b");
	cr_assert_str_eq(lib.v[2].id, "c");
	library_free(&lib);
}

Test(library, later_folders_override_earlier_ones)
{
	struct library lib;
	library_scan_dirs(&lib, (const char *const *)dirs);
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
	const char *none[3] = {"/nonexistent/a", NULL, "/nonexistent/b"};
	struct library lib;
	library_scan_dirs(&lib, none);
	cr_assert_eq(lib.n, 0);
	library_free(&lib);
}

Test(library, tells_ids_from_paths)
{
	cr_assert(routine_arg_is_path("./x"));
	cr_assert(routine_arg_is_path("x.routine"));
	cr_assert(!routine_arg_is_path("lower-back"));
}
