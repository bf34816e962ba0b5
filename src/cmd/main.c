/*
 * main.c - unknot's entry point: global options and a table of commands.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd.h"
#include "util.h"

#ifndef VERSION
#define VERSION "0.1.0"
#endif

/* Keep in step with the SYNOPSIS of man/unknot.1: `make check` compares them. */
static const char usage[] =
    "usage: unknot\n"
    "       unknot run ROUTINE [--speed X] [--mute]\n"
    "       unknot list\n"
    "       unknot show ROUTINE\n"
    "       unknot check [--strict] FILE...\n"
    "       unknot new NAME [--from ROUTINE]\n"
    "       unknot edit ROUTINE\n"
    "       unknot history [--since DATE] [--csv]\n"
    "       unknot stats\n"
    "       unknot safety\n"
    "       unknot remind [--every D] [--routine ID] [--hours HH:MM-HH:MM] [--days mon-fri]\n"
    "                     [--snooze D] [--daemon]\n"
    "       unknot remind status | snooze [D] | skip | stop\n"
    "       unknot --help | --version\n"
    "\n"
    "A terminal coach for self-massage, stretching and posture breaks.\n"
    "\n"
    "  (no command)     the home screen: browse routines and start one\n"
    "  run ROUTINE      follow a routine: --speed X runs the clock X times faster\n"
    "                   (0.1 to 1000, a preview not kept in history); --mute\n"
    "  list             one line per routine: id, title, minutes, steps, origin\n"
    "  show ROUTINE     the plan as text: every step, side, rep, rest, the total\n"
    "  check FILE...    validate routine files; --strict fails on warnings too\n"
    "  new NAME         start a routine of your own (a template, or a copy)\n"
    "  edit ROUTINE     edit it in $VISUAL/$EDITOR; saved only once it checks\n"
    "  history          past sessions and reminders; --csv for spreadsheets\n"
    "  stats            streaks, minutes per week, pain before and after\n"
    "  safety           red flags and the contraindication catalogue\n"
    "  remind           posture-break reminders, in the foreground or as a daemon;\n"
    "                   status, snooze, skip and stop talk to the running one\n"
    "\n"
    "ROUTINE is an id (the file name without .routine) or a path.\n"
    "Durations: 90, 45s, 1m30s, 2h.  See unknot(1) and unknot-routine(5).\n";

static const struct command {
	const char *name;
	int (*run)(int, char **);
} commands[] = {
	{"run", cmd_run},
	{"list", cmd_list},
	{"show", cmd_show},
	{"check", cmd_check},
	{"new", cmd_new},
	{"edit", cmd_edit},
	{"history", cmd_history},
	{"stats", cmd_stats},
	{"safety", cmd_safety},
	{"remind", cmd_remind},
};

int
main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	if (argc < 2)
		return cmd_home(0, NULL);
	const char *name = argv[1];
	if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "help") == 0) {
		fputs(usage, stdout);
		return 0;
	}
	if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
		printf("unknot %s\n", VERSION);
		return 0;
	}
	for (size_t i = 0; i < ARRAY_LEN(commands); i++) {
		if (strcmp(commands[i].name, name) != 0)
			continue;
		/* `unknot CMD ... --help`: the one usage says it all, for every command */
		for (int a = 2; a < argc && strcmp(argv[a], "--") != 0; a++)
			if (strcmp(argv[a], "--help") == 0 || strcmp(argv[a], "-h") == 0) {
				fputs(usage, stdout);
				return 0;
			}
		return commands[i].run(argc - 2, argv + 2);
	}
	if (name[0] == '-')
		return cli_usage_error("unknown option '%s'", name);
	return cli_usage_error("unknown command '%s'", name);
}
