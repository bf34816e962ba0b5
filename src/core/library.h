/*
 * library.h - where routines come from and which file an id means.
 *
 * Folders are read in order: the bundled routines, then
 * $XDG_DATA_HOME/unknot/routines, then $XDG_CONFIG_HOME/unknot/routines;
 * a later file with the same id replaces an earlier one (and remembers the
 * path it overrides).  The library only knows file names: loading a file
 * is routine_load()'s job.  A struct library owns its strings.
 */
#ifndef UNKNOT_LIBRARY_H
#define UNKNOT_LIBRARY_H

#include <stddef.h>

#include "diag.h"
#include "safety.h"

enum source { SOURCE_BUNDLED, SOURCE_DATA, SOURCE_USER, SOURCE_PATH };

struct entry {
	char *id, *path;
	int source;        /* enum source */
	char *overrides;   /* the path this one replaces, or NULL */
};

struct library {
	struct entry *v;   /* sorted by id */
	size_t n;
	char *dirs[3];     /* the folders, in the order read */
};

/* Scan the three folders (missing folders are fine). */
void library_scan(struct library *lib);
/* Scan the given folders instead, for tests; dirs[i] may be NULL. */
void library_scan_dirs(struct library *lib, const char *const dirs[3]);
void library_free(struct library *lib);
const struct entry *library_find(const struct library *lib, const char *id);
const char *source_name(int source);

/* True when ROUTINE names a file (has a '/' or ends in .routine). */
int routine_arg_is_path(const char *arg);

/* The bundled catalogue plus the user's safety.cfg, if any. */
int library_safety(struct safety *cat, struct diags *d);

#endif
