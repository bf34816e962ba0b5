/*
 * cmd.h - the commands main.c dispatches to.  Each takes the arguments
 * after its own name and returns the exit status: 0 success, 1 failure,
 * 2 wrong usage (EXIT_USAGE, cli.h).  Commands print their own errors as
 * "unknot: ..." with cli_warn(); main.c answers `--help` for all of them.
 */
#ifndef UNKNOT_CMD_H
#define UNKNOT_CMD_H

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

#endif
