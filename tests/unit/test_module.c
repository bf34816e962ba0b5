/* Loading a module without trusting it (sys/module.c): a truncated or
 * foreign file is refused before dlopen could fault; a table of another
 * shape is refused before anything calls through it. */
#define _GNU_SOURCE /* dladdr */
#include <criterion/criterion.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"
#include "module.h"
#include "util.h"

/* Built by the Makefile next to the unit tests, which run from tests/. */
#define FIXTURE "../build/tests/fixture-module.so"

struct fixture_table {
	struct module_header h;
	int (*answer)(void);
};

static char dir[] = "/tmp/unknot-module-XXXXXX";

static void setup(void) { cr_assert_not_null(mkdtemp(dir)); }
static void
teardown(void)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
	free(cmd);
}
TestSuite(module, .init = setup, .fini = teardown);

/* A copy of the fixture cut to keep bytes; its path, owned. */
static char *
cut_copy(double keep)
{
	size_t len;
	const char *why;
	char *bytes = read_file(FIXTURE, 1 << 24, &len, &why);
	cr_assert_not_null(bytes, "%s", why);
	char *p = xasprintf("%s/cut.so", dir);
	FILE *fp = fopen(p, "w");
	fwrite(bytes, 1, (size_t)(len * keep), fp);
	fclose(fp);
	free(bytes);
	return p;
}

static const void *
load(const char *path, const char *sym, void **h, char *why)
{
	return module_load(path, sym, 7, sizeof(struct fixture_table), h, why, 200);
}

Test(module, a_whole_module_with_the_right_table_loads)
{
	void *h;
	char why[200] = "";
	const struct fixture_table *t = load(FIXTURE, "fixture_good", &h, why);
	cr_assert_not_null(t, "%s", why);
	cr_assert_eq(t->answer(), 42);
	dlclose(h);
}

Test(module, a_truncated_module_is_refused_before_dlopen)
{
	for (int i = 1; i <= 9; i++) {
		char *p = cut_copy(i / 10.0);
		void *h;
		char why[200] = "";
		cr_assert_null(load(p, "fixture_good", &h, why), "cut to %d0%%", i);
		cr_assert(strstr(why, "damaged") || strstr(why, "ELF"), "cut to %d0%%: %s", i, why);
		free(p);
	}
}

Test(module, a_file_that_is_not_elf_is_refused)
{
	char *p = xasprintf("%s/text.so", dir);
	FILE *fp = fopen(p, "w");
	fputs("#!/bin/sh\necho not a module\n", fp);
	fclose(fp);
	void *h;
	char why[200];
	cr_assert_null(load(p, "fixture_good", &h, why));
	cr_assert(strstr(why, "not a shared object"), "%s", why);
	free(p);
}

Test(module, a_fifo_is_refused_without_blocking, .timeout = 5)
{
	char *p = xasprintf("%s/fifo.so", dir);
	cr_assert_eq(mkfifo(p, 0600), 0);
	void *h;
	char why[200];
	cr_assert_null(load(p, "fixture_good", &h, why));
	cr_assert(strstr(why, "not a regular file"), "%s", why);
	free(p);
}

Test(module, a_table_of_another_abi_or_size_is_refused)
{
	void *h;
	char why[200];
	cr_assert_null(load(FIXTURE, "fixture_old_abi", &h, why));
	cr_assert(strstr(why, "ABI 6"), "%s", why);
	cr_assert_null(load(FIXTURE, "fixture_lying_size", &h, why));
	cr_assert(strstr(why, "another version"), "%s", why);
	cr_assert_null(load(FIXTURE, "fixture_small", &h, why), "a symbol smaller than the table");
	cr_assert(strstr(why, "wrong size"), "%s", why);
	cr_assert_null(load(FIXTURE, "no_such_table", &h, why));
	cr_assert(strstr(why, "has no no_such_table"), "%s", why);
}

Test(module, a_whole_system_library_passes_the_elf_check)
{
	Dl_info info;
	cr_assert(dladdr((void *)cos, &info) && info.dli_fname);
	int fd = open(info.dli_fname, O_RDONLY);
	cr_assert_geq(fd, 0);
	cr_assert_null(module_elf_problem(fd));
	close(fd);
}
