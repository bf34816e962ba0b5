/*
 * config.h - the user's settings, from $XDG_CONFIG_HOME/unknot/config
 * (libconfig, groups audio, health and remind).  A missing file means
 * the defaults.  Problems are diagnostics, as for routine files; the
 * caller decides whether to go on.  config_free() releases the strings.
 */
#ifndef UNKNOT_CONFIG_H
#define UNKNOT_CONFIG_H

#include <stdbool.h>

#include "diag.h"
#include "lcfg.h"

struct safety;

struct config {
	/* audio */
	bool audio_enabled;
	int volume;        /* 0..100 */
	bool voice;        /* spoken cues where there are some */
	/* health */
	char **conditions; /* catalogue ids the user has */
	bool ask_pain;
	/* remind */
	int remind_every, remind_snooze; /* seconds */
	char *remind_hours, *remind_days, *remind_routine;
};

/* Defaults, then the file if it exists.  Returns 0, or -1 on errors (the
 * defaults stay in place for what could not be read).  cat may be NULL;
 * otherwise unknown condition ids are warned about. */
int config_load(struct config *c, const struct safety *cat, struct diags *d);
/* The same from a given path (for tests). */
int config_load_file(struct config *c, const char *path, const struct safety *cat, struct diags *d);
void config_defaults(struct config *c);
void config_free(struct config *c);
char *config_path(void);

#endif
