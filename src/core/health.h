/*
 * health.h - the health profile: the conditions a person declared, which
 * adapt every routine (plan.h).
 *
 * The profile is a file of the program's own, $XDG_CONFIG_HOME/unknot/health
 * (libconfig: `version = 1; conditions = ["id", ...];`), written by
 * `unknot health` and the profile screen, always atomically.  The config's
 * health.conditions still count: what a person has declared is both lists
 * together.  The profile file existing, even empty, means the person has
 * answered "which of these apply to you?"; so does a non-empty
 * health.conditions.  A struct health owns its strings.
 */
#ifndef UNKNOT_HEALTH_H
#define UNKNOT_HEALTH_H

#include <stdbool.h>

#include "diag.h"

struct safety;

struct health {
	char **profile;  /* ids in the profile file; NULL-terminated or NULL */
	char **config;   /* ids from the config's health.conditions */
	char **declared; /* both, each id once, profile first */
	bool saved;      /* the profile file exists */
};

/* $XDG_CONFIG_HOME/unknot/health; the caller frees it.  NULL when there
 * is no home folder (no profile then; saving says to set HOME). */
char *health_path(void);
/* Read the profile at path (a missing file, or NULL, is no profile) and join
 * config_ids (may be NULL).  Unknown ids are warnings (with "did you
 * mean") when cat is given.  Returns 0, or -1 on errors (h then holds
 * config_ids only). */
int health_load_file(struct health *h, const char *path, char *const *config_ids,
    const struct safety *cat, struct diags *d);
/* Replace the profile at path with ids, atomically, creating the folder. 
 * Returns 0, or -1 with *why set to a static reason. */
int health_save_file(const char *path, char *const *ids, const char **why);
void health_free(struct health *h);

/* True when the person has answered: a saved profile or config ids. */
bool health_answered(const struct health *h);
bool health_declares(const struct health *h, const char *id);
/* Recompute declared after profile or config changed. */
void health_join(struct health *h);

#endif
