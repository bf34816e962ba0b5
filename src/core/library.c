/* library.c - scanning the routine folders: see library.h. */
#include "library.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

static struct entry *
find(struct library *lib, const char *id)
{
	for (size_t i = 0; i < lib->n; i++)
		if (strcmp(lib->v[i].id, id) == 0)
			return &lib->v[i];
	return NULL;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
scan_dir(struct library *lib, const char *dir, enum source source)
{
	DIR *dp = opendir(dir);
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
	qsort(names, n, sizeof *names, by_name);
	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]);
		char *id = routine_id_from_path(names[i]);
		free(names[i]);
		struct entry *e = find(lib, id);
		if (e) {
			free(e->overrides);
			e->overrides = e->path;
			e->path = path;
			e->source = source;
			free(id);
			continue;
		}
		lib->v = xrealloc(lib->v, (lib->n + 1) * sizeof *lib->v);
		lib->v[lib->n++] = (struct entry){.id = id, .path = path, .source = source};
	}
	free(names);
}

static int
by_id(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->id, ((const struct entry *)b)->id);
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
	if (lib->n > 1)
		qsort(lib->v, lib->n, sizeof *lib->v, by_id);
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
	memset(lib, 0, sizeof *lib);
}

const struct entry *
library_find(const struct library *lib, const char *id)
{
	return find((struct library *)lib, id);
}

int
library_safety(struct safety *cat, struct diags *d)
{
	char *data = paths_data_dir(), *conf = paths_config_dir();
	char *bundled = xasprintf("%s/routines/safety.cfg", data);
	char *user = conf ? xasprintf("%s/safety.cfg", conf) : NULL;
	int rc = safety_load(cat, bundled, d);
	if (user && access(user, F_OK) == 0 && safety_load(cat, user, d) < 0)
		rc = -1;
	free(bundled);
	free(user);
	free(data);
	free(conf);
	return rc;
}
