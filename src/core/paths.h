/*
 * paths.h - where unknot's files are: the bundled data (from a checkout or
 * installed), and the user's XDG folders.
 *
 * Every function returns a string the caller owns.  The data folder holds
 * routines/ (with safety.cfg) and audio/.  When the program runs from a
 * checkout (build/unknot next to ../routines/safety.cfg) that checkout is
 * used, otherwise the folder fixed at build time (DATADIR).  UNKNOT_DATA_DIR
 * overrides both, for tests and for packagers.
 */
#ifndef UNKNOT_PATHS_H
#define UNKNOT_PATHS_H

#include <stddef.h>

char *paths_data_dir(void);
/* The folder holding unknot-audio.so: next to the binary in a checkout. */
char *paths_module_dir(void);
/* The user's home folder: $HOME when it is an absolute path, else the
 * password database's (getpwuid), never a shared folder; NULL when
 * neither has one. */
char *paths_home(void);
/* $XDG_CONFIG_HOME/unknot, $XDG_DATA_HOME/unknot, $XDG_STATE_HOME/unknot,
 * each with the XDG default under paths_home() when unset or relative;
 * NULL when that is needed and there is no home folder (callers go on
 * without the user's files, or say "set HOME" when they must write one).
 * $XDG_RUNTIME_DIR/unknot, else /tmp/unknot-UID. */
char *paths_config_dir(void);
/* A file of unknot's own in paths_config_dir(): "config", "health";
 * NULL when there is no home folder. */
char *paths_config_file(const char *name);
char *paths_user_data_dir(void);
char *paths_state_dir(void);
char *paths_runtime_dir(void);
/*
 * The system-wide folders of the XDG base directory spec, each + "/unknot",
 * most important first: $XDG_DATA_DIRS (default /usr/local/share/:/usr/share/)
 * and $XDG_CONFIG_DIRS (default /etc/xdg).  Relative entries are ignored.
 * A NULL-terminated vector (strv_free).
 */
char **paths_system_data_dirs(void);
char **paths_system_config_dirs(void);
/*
 * Every folder above, by name, with why it is where it is, for `unknot
 * doctor`: paths_folder() returns what the function above returns (the
 * system lists as the variable's text) and writes the reason to why
 * ("from XDG_CONFIG_HOME", "the default: XDG_STATE_HOME is not set",
 * "the checkout build/unknot was built in", ...), by the same rules.
 */
enum paths_folder {
	PATHS_DATA, PATHS_MODULE, PATHS_CONFIG, PATHS_USER_DATA, PATHS_STATE, PATHS_RUNTIME,
	PATHS_SYSTEM_DATA, PATHS_SYSTEM_CONFIG, PATHS_FOLDER_COUNT
};
char *paths_folder(enum paths_folder f, char *why, size_t n);
/* "data", "config", ...: a word for each, as doctor prints them. */
const char *paths_folder_name(enum paths_folder f);
/* A step's own sound file: $XDG_DATA_HOME/unknot/audio/NAME, else the
 * bundled audio/NAME; NULL when neither exists or NAME is not a plain
 * file name. */
char *paths_find_sound(const char *name);
/* mkdir -p with mode for the last component (and 0700 for new parents). */
int paths_mkdirs(const char *dir, int mode);

#endif
