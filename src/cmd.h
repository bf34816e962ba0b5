/*
 * cmd.h - the commands main.c dispatches to.  Each takes the arguments
 * after its own name and returns the exit status: 0 success, 1 failure,
 * 2 wrong usage.  Commands print their own errors as "unknot: ...";
 * main.c answers `--help` for all of them.
 */
#ifndef UNKNOT_CMD_H
#define UNKNOT_CMD_H

#define EXIT_USAGE 2

int cmd_list(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_safety(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_home(int argc, char **argv);
int cmd_remind(int argc, char **argv);
int cmd_history(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_new(int argc, char **argv);
int cmd_edit(int argc, char **argv);

/* Shared by the commands: "unknot: " + message on stderr. */
void warnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "unknot: MESSAGE" and a pointer to --help on stderr; returns EXIT_USAGE. */
int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

struct routine;
struct safety;
struct config;

/* The safety catalogue (bundled and the user's), its problems printed.
 * Returns 0, or -1 with cat already freed. */
int load_safety(struct safety *cat);
/* The catalogue and the user's config, their problems printed (warnings
 * too).  Returns 0, or -1 with both already freed. */
int load_settings(struct safety *cat, struct config *cfg);
/*
 * Find and load ROUTINE (an id, or a path when it has a '/' or ends in
 * .routine) with the catalogue loaded into cat.  On failure prints why
 * and returns NULL.  *source_out (may be NULL) gets the enum source.
 */
struct routine *load_routine_arg(const char *arg, struct safety *cat, int *source_out,
    char **overrides_out);

#endif
