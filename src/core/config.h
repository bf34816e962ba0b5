/*
 * config.h - the user's settings (libconfig, groups audio, health and
 * remind): the defaults, then each $XDG_CONFIG_DIRS folder's unknot/config
 * from the last named to the first (a system-wide /etc/xdg/unknot/config
 * by default), then $XDG_CONFIG_HOME/unknot/config; a later file wins key
 * by key.  A missing file means the defaults.  Problems are diagnostics, as for routine files; the
 * caller decides whether to go on.  config_free() releases the strings.
 */
#ifndef UNKNOT_CONFIG_H
#define UNKNOT_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "cue.h"
#include "diag.h"
#include "health.h"
#include "lcfg.h"

struct safety;

struct config {
	/* audio */
	bool audio_enabled;
	int volume;        /* 0..100 */
	bool voice;        /* spoken cues where there are some */
	enum speak_mode speak; /* spoken steps */
	/* health */
	char **conditions; /* catalogue ids from health.conditions */
	bool ask_pain;
	/* the health profile joined with `conditions`: what adapts routines */
	struct health health;
	/* remind */
	int remind_every, remind_snooze, remind_pause, remind_micro, remind_idle; /* seconds */
	char *remind_hours, *remind_days, *remind_routine;
};

/* Defaults, then every file of config_files() that exists, then the
 * health profile (health.h).  Returns 0, or -1 on errors (the defaults stay
 * in place for what could not be read).  cat may be NULL; otherwise
 * unknown condition ids are warned about. */
int config_load(struct config *c, const struct safety *cat, struct diags *d);
/* The files config_load() reads, in that order (the user's last), whether
 * or not they exist; strv_free(). */
char **config_files(void);
/* Defaults, then one file (for tests): c->health holds its
 * health.conditions only. */
int config_load_file(struct config *c, const char *path, const struct safety *cat, struct diags *d);
void config_defaults(struct config *c);
/* c as a config file that loads back to the same values: each group with
 * every key, each key after a comment with its meaning, range and default
 * (from the key tables, so that it cannot drift).  The caller frees it. */
char *config_format(const struct config *c);
/* Set GROUP.KEY ("remind", "every") from text, with the checks the file
 * gets (type, range, syntax): for the command line.  Returns 0, or -1
 * with the reason in why. */
int config_set(struct config *c, const char *group, const char *key, const char *text, char *why, size_t n);
/* Check text as a duration for GROUP.KEY without keeping it (the socket's
 * `snooze D`).  Returns 0 with *secs, or -1 with the reason. */
int config_duration(const char *group, const char *key, const char *text, int *secs, char *why, size_t n);
void config_free(struct config *c);
/* The user's own file, $XDG_CONFIG_HOME/unknot/config; NULL without a
 * home folder. */
char *config_path(void);

#endif
