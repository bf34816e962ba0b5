/*
 * main.c - unknot's entry point.  The commands, their options and their
 * usage are all in the command table (cmd.h, cmd.c).
 */
#include <locale.h>
#include <signal.h>
#include <stdlib.h>

#include "cli.h"
#include "cmd.h"

int
main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	/* a file-size limit fails the write (EFBIG, said and undone) rather
	 * than killing the process with a core */
	signal(SIGXFSZ, SIG_IGN);
	atexit(cli_close_stdout); /* output lost to a full disk is a failure, said */
	return cmd_main(argc, argv);
}
