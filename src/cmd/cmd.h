/*
 * cmd.h - the command table.
 *
 * Every command is one `struct cmd_entry`, defined in the file that holds
 * its handler (cmd-run.c defines cmd_run_entry, ...), and one row of
 * cmd_table[] in cmd.c.  The entry is the only place a command is
 * described: cmd.c parses its options with getopt_long(), checks its
 * values and its number of arguments, prints its usage (`unknot help CMD`,
 * `unknot CMD --help`) and the global usage, and answers the shells'
 * completion (`unknot _complete`) and the man-page check (`unknot _table`)
 * from it.  A handler gets the parsed arguments and returns the exit
 * status: 0 success, 1 failure, EXIT_USAGE (2) wrong usage.
 */
#ifndef UNKNOT_CMD_H
#define UNKNOT_CMD_H

#include <stdbool.h>

/* What a value is: how it is checked, and what the shells complete. */
enum arg_kind {
	ARG_NONE,      /* an option without a value */
	ARG_TEXT,      /* anything */
	ARG_NAME,      /* a new routine's name */
	ARG_ROUTINE,   /* a routine id or a path to a .routine file */
	ARG_FILE,      /* a file name ("-" for standard input where allowed) */
	ARG_NUMBER,    /* a decimal number in min..max */
	ARG_INT,       /* a whole number in min..max */
	ARG_DURATION,  /* "90", "45s", "1m30s", "2h": seconds in min..max */
	ARG_DATE,      /* YYYY-MM-DD */
	ARG_CONDITION, /* a condition id of the safety catalogue */
	ARG_WORD,      /* one of the entry's words (remind's requests) */
};

struct cmd_option {
	const char *name;       /* the long name, without "--" */
	enum arg_kind arg;      /* ARG_NONE: a flag */
	const char *metavar;    /* what the usage calls its value: "X", "D" */
	const char *help;       /* one line */
	double min, max;        /* ARG_NUMBER, ARG_INT, ARG_DURATION; both 0: any */
	const char *const *examples; /* values the shells offer, NULL-terminated */
};

#define CMD_MAX_OPTIONS 16

/* The parsed command line a handler gets. */
struct cmd_args {
	const struct cmd_entry *cmd;
	int argc;               /* the arguments left after the options */
	char **argv;
	const char *value[CMD_MAX_OPTIONS];  /* per option: its last value, "" for a flag, NULL */
	double number[CMD_MAX_OPTIONS];      /* its value as a number (seconds for durations) */
};

struct cmd_entry {
	const char *name;
	const char *args;       /* the arguments in the usage: "ROUTINE", "FILE..." */
	const char *summary;    /* one line for `unknot help` */
	const char *details;    /* more for `unknot help CMD`, or NULL */
	const struct cmd_option *options; /* ends with {0} */
	int min_args, max_args; /* max_args -1: no limit */
	enum arg_kind arg_kind; /* what the arguments are, for completion */
	const char *const *words; /* ARG_WORD: the words, NULL-terminated */
	const char *const *examples; /* arguments the shells offer, NULL-terminated */
	const char *more_usage; /* another usage line after the name, or NULL */
	/* Subcommands (`remind snooze`): when the first argument names one,
	 * it runs instead, with its own arguments and options.  NULL-ended. */
	const struct cmd_entry *const *subcommands;
	bool hidden;            /* not in the usage (the shells' helpers) */
	bool raw;               /* no option parsing: every word is an argument */
	int (*exec)(const struct cmd_args *a);
};

/* Every command, in the order `unknot --help` lists them; NULL-ended. */
extern const struct cmd_entry *const cmd_table[];

/* The whole program: dispatch argv (main's) to its command. */
int cmd_main(int argc, char **argv);

/* Was option NAME given?  Its value (NULL when not given), as a number. */
bool args_has(const struct cmd_args *a, const char *name);
const char *args_get(const struct cmd_args *a, const char *name);
double args_number(const struct cmd_args *a, const char *name, double fallback);

/* The entries, each defined beside its handler. */
extern const struct cmd_entry cmd_home_entry, cmd_run_entry, cmd_timer_entry, cmd_list_entry, cmd_show_entry,
    cmd_check_entry, cmd_new_entry, cmd_edit_entry, cmd_remind_entry, cmd_history_entry,
    cmd_stats_entry, cmd_safety_entry, cmd_health_entry, cmd_config_entry, cmd_doctor_entry, cmd_help_entry, cmd_complete_entry, cmd_table_entry;

#endif
