/* library.c - scanning the routine folders: see library.h. */
#include "library.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "paths.h"
#include "routine.h"
#include "util.h"

const char *
source_name(int source)
{
	static const char *const names[] = {"bundled", "data", "user", "file"};
	return source >= 0 && source < 4 ? names[source] : "?";
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
scan_dir(struct library *lib, const char *dir, int source)
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
library_scan_dirs(struct library *lib, const char *const dirs[3])
{
	memset(lib, 0, sizeof *lib);
	for (int i = 0; i < 3; i++) {
		if (dirs[i] == NULL)
			continue;
		lib->dirs[i] = xstrdup(dirs[i]);
		scan_dir(lib, dirs[i], i);
	}
	if (lib->n > 1)
		qsort(lib->v, lib->n, sizeof *lib->v, by_id);
}

void
library_scan(struct library *lib)
{
	char *data = paths_data_dir(), *udata = paths_user_data_dir(), *conf = paths_config_dir();
	char *dirs[3] = {
		xasprintf("%s/routines", data),
		xasprintf("%s/routines", udata),
		xasprintf("%s/routines", conf),
	};
	library_scan_dirs(lib, (const char *const *)dirs);
	for (int i = 0; i < 3; i++)
		free(dirs[i]);
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
	for (int i = 0; i < 3; i++)
		free(lib->dirs[i]);
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
	char *user = xasprintf("%s/safety.cfg", conf);
	int rc = safety_load(cat, bundled, d);
	if (access(user, F_OK) == 0 && safety_load(cat, user, d) < 0)
		rc = -1;
	free(bundled);
	free(user);
	free(data);
	free(conf);
	return rc;
}
