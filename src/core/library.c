/* library.c - scanning the routine folders: see library.h. */
#include "library.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"
#include "paths.h"
#include "routine.h"
#include "util.h"

static const char *const source_names[] = {
	[SOURCE_BUNDLED] = "bundled",
	[SOURCE_SYSTEM] = "system",
	[SOURCE_DATA] = "data",
	[SOURCE_USER] = "user",
	[SOURCE_PATH] = "file",
};
_Static_assert(ARRAY_LEN(source_names) == SOURCE_COUNT, "a name for every source");

const char *
source_name(enum source source)
{
	return source < SOURCE_COUNT ? source_names[source] : "?";
}

int
routine_arg_is_path(const char *arg)
{
	return strchr(arg, '/') != NULL || str_ends_with(arg, ".routine");
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
by_id(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->id, ((const struct entry *)b)->id);
}

/*
 * Add the routines of one folder.  lib->v is kept sorted by id between
 * folders, so that each file finds the id it overrides by binary search:
 * a library of n files costs n log n, not n squared.  The user's own
 * folders (and the data folders) are read only when nobody else can write
 * in them (file.h); otherwise the folder is skipped and said why.
 */
static void
scan_dir(struct library *lib, const char *dir, enum source source)
{
	DIR *dp;
	if (source == SOURCE_DATA || source == SOURCE_USER) {
		const char *why;
		int fd = file_open_dir(dir, false, &why);
		if (fd < 0) {
			if (errno != ENOENT)
				diags_add(&lib->problems, dir, 0, DIAG_WARNING,
				    "its routines are not read: it %s", why);
			return;
		}
		dp = fdopendir(fd);
		if (dp == NULL)
			close(fd);
	} else {
		dp = opendir(dir);
	}
	if (dp == NULL)
		return;
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.' || !str_ends_with(de->d_name, ".routine") ||
		    strlen(de->d_name) == strlen(".routine"))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			names = xrealloc(names, cap * sizeof *names);
		}
		names[n++] = xstrdup(de->d_name);
	}
	closedir(dp);
	/* readdir order is arbitrary: sort so that the result never depends on it */
	if (n > 1)
		qsort(names, n, sizeof *names, by_name);
	size_t before = lib->n;
	if (n > 0)
		lib->v = xrealloc(lib->v, (lib->n + n) * sizeof *lib->v);
	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]);
		char *id = routine_id_from_path(names[i]);
		free(names[i]);
		struct entry key = {.id = id};
		struct entry *e = before ? bsearch(&key, lib->v, before, sizeof *lib->v, by_id) : NULL;
		if (e) {
			free(e->overrides);
			e->overrides = e->path;
			e->path = path;
			e->source = source;
			free(id);
			continue;
		}
		lib->v[lib->n++] = (struct entry){.id = id, .path = path, .source = source};
	}
	free(names);
	if (lib->n > 1 && lib->n > before)
		qsort(lib->v, lib->n, sizeof *lib->v, by_id);
}

void
library_scan_dirs(struct library *lib, const struct library_dir *dirs, size_t n)
{
	memset(lib, 0, sizeof *lib);
	lib->dirs = xcalloc(n ? n : 1, sizeof *lib->dirs);
	struct stat seen[n ? n : 1];
	size_t nseen = 0;
	for (size_t i = 0; i < n; i++) {
		if (dirs[i].path == NULL)
			continue;
		struct stat st;
		if (stat(dirs[i].path, &st) == 0) {
			bool again = false;
			for (size_t k = 0; k < nseen; k++)
				again |= seen[k].st_dev == st.st_dev && seen[k].st_ino == st.st_ino;
			if (again)
				continue;
			seen[nseen++] = st;
		}
		lib->dirs[lib->ndirs++] = (struct library_dir){xstrdup(dirs[i].path), dirs[i].source};
		scan_dir(lib, dirs[i].path, dirs[i].source);
	}
}

void
library_scan(struct library *lib)
{
	char *data = paths_data_dir(), *udata = paths_user_data_dir(), *conf = paths_config_dir();
	char **sys = paths_system_data_dirs();
	size_t nsys = strv_len(sys), n = 0;
	struct library_dir *dirs = xcalloc(nsys + 3, sizeof *dirs);
	dirs[n++] = (struct library_dir){xasprintf("%s/routines", data), SOURCE_BUNDLED};
	for (size_t i = nsys; i-- > 0;)
		dirs[n++] = (struct library_dir){xasprintf("%s/routines", sys[i]), SOURCE_SYSTEM};
	/* NULL (no home folder): no user folders */
	dirs[n++] = (struct library_dir){udata ? xasprintf("%s/routines", udata) : NULL, SOURCE_DATA};
	dirs[n++] = (struct library_dir){conf ? xasprintf("%s/routines", conf) : NULL, SOURCE_USER};
	library_scan_dirs(lib, dirs, n);
	for (size_t i = 0; i < n; i++)
		free(dirs[i].path);
	free(dirs);
	strv_free(sys);
	free(data);
	free(udata);
	free(conf);
}

void
library_free(struct library *lib)
{
	for (size_t i = 0; i < lib->n; i++) {
		free(lib->v[i].id);
		free(lib->v[i].path);
		free(lib->v[i].overrides);
	}
	free(lib->v);
	for (size_t i = 0; i < lib->ndirs; i++)
		free(lib->dirs[i].path);
	free(lib->dirs);
	diags_free(&lib->problems);
	memset(lib, 0, sizeof *lib);
}

const struct entry *
library_find(const struct library *lib, const char *id)
{
	struct entry key = {.id = (char *)id};
	return lib->n ? bsearch(&key, lib->v, lib->n, sizeof *lib->v, by_id) : NULL;
}

int
library_safety(struct safety *cat, struct diags *d)
{
	char *data = paths_data_dir(), *conf = paths_config_dir();
	char *bundled = xasprintf("%s/routines/safety.cfg", data);
	char *user = conf ? xasprintf("%s/safety.cfg", conf) : NULL;
	int rc = safety_load(cat, bundled, d);
	const char *why;
	if (user && file_check_mine(user, &why) < 0 && errno != ENOENT) {
		/* another user's advice must not pass for the user's own */
		diags_add(d, user, 0, DIAG_ERROR, "not read: it %s", why);
		rc = -1;
	} else if (user && access(user, F_OK) == 0 && safety_load(cat, user, d) < 0)
		rc = -1;
	free(bundled);
	free(user);
	free(data);
	free(conf);
	return rc;
}
