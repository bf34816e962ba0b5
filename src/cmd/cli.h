/*
 * cli.h - what every command shares: messages on stderr in one form
 * ("unknot: ..."), usage errors, and loading the catalogue, the config and
 * a routine named on the command line with their problems printed.
 *
 * Only commands (src/cmd/) print this way: the core returns diagnostics
 * as data and screens show them; a command decides and prints.
 */
#ifndef UNKNOT_CLI_H
#define UNKNOT_CLI_H

#include <stdarg.h>

#include "library.h"

#define EXIT_USAGE 2

/* "unknot: " + message on stderr, cleaned (text_clean): quote paths and
 * values from outside freely. */
void cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_vwarn(const char *fmt, va_list ap);
/* At exit (atexit, as coreutils' close_stdout): when what was printed on
 * stdout could not all be written (a full disk, a closed descriptor),
 * say so and exit 1. */
void cli_close_stdout(void);

/* "unknot: MESSAGE" and a pointer to the command's help on stderr;
 * returns EXIT_USAGE. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The command running ("run", "remind snooze"), set by the dispatcher. */
void cli_set_command(const char *name);
const char *cli_command(void);

struct routine;
struct safety;
struct config;

/* The safety catalogue (bundled and the user's), its problems printed.
 * Returns 0, or -1 with cat already freed. */
int cli_load_safety(struct safety *cat);
/* The catalogue and the user's config, their problems printed (warnings
 * too).  Returns 0, or -1 with both already freed. */
int cli_load_settings(struct safety *cat, struct config *cfg);
/*
 * Find and load ROUTINE (an id, or a path when it has a '/' or ends in
 * .routine) with the catalogue loaded into cat.  On failure prints why
 * and returns NULL.  *source_out (may be NULL) gets the enum source;
 * *overrides_out (may be NULL) the path it overrides, owned by the caller.
 */
struct routine *cli_load_routine(const char *arg, struct safety *cat, enum source *source_out,
    char **overrides_out);

#endif
