/*
 * library.h - where routines come from and which file an id means.
 *
 * Folders are read in order: the bundled routines, then each
 * $XDG_DATA_DIRS folder's unknot/routines from the last named to the first
 * (the spec's most important comes last, so that it wins), then
 * $XDG_DATA_HOME/unknot/routines, then $XDG_CONFIG_HOME/unknot/routines;
 * a later file with the same id replaces an earlier one (and remembers the
 * path it overrides).  A folder named twice (the installed bundled folder
 * is often in XDG_DATA_DIRS too) is read the first time only.  The user's
 * folders are read only when nobody else can write in them.  The library
 * only knows file names: loading a file is routine_load()'s job.  A struct
 * library owns its strings.
 */
#ifndef UNKNOT_LIBRARY_H
#define UNKNOT_LIBRARY_H

#include <stddef.h>

#include "diag.h"
#include "safety.h"

/* Where a routine comes from (`list` prints the names). */
enum source { SOURCE_BUNDLED, SOURCE_SYSTEM, SOURCE_DATA, SOURCE_USER, SOURCE_PATH, SOURCE_COUNT };

struct entry {
	char *id, *path;
	enum source source;
	char *overrides;   /* the path this one replaces, or NULL */
};

/* A folder of routines and what its files count as. */
struct library_dir {
	char *path;
	enum source source;
};

struct library {
	struct entry *v;   /* sorted by id */
	size_t n;
	struct library_dir *dirs; /* the folders, in the order read */
	size_t ndirs;
	/* Folders not read, and why (warnings): a user's or data folder that
	 * someone else could write in (file.h). */
	struct diags problems;
};

/* Scan the folders (missing folders are fine). */
void library_scan(struct library *lib);
/* Scan the given folders instead, in order, for tests; a NULL path is
 * skipped. */
void library_scan_dirs(struct library *lib, const struct library_dir *dirs, size_t n);
void library_free(struct library *lib);
const struct entry *library_find(const struct library *lib, const char *id);
const char *source_name(enum source source);

/* True when ROUTINE names a file (has a '/' or ends in .routine). */
int routine_arg_is_path(const char *arg);

/* The bundled catalogue plus the user's safety.cfg, if any. */
int library_safety(struct safety *cat, struct diags *d);

#endif
