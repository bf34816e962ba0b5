/*
 * main.c - unknot's entry point.  The commands, their options and their
 * usage are all in the command table (cmd.h, cmd.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>

#include "cli.h"
#include "cmd.h"

int
main(int argc, char **argv)
{
	/* Started with 0, 1 or 2 closed, the next file opened would take
	 * that number (a lock file, then lost to a dup2 onto it, or a
	 * history file that printf then writes into): fill them first, with
	 * /dev/null read-only, so that a write there still fails (EBADF) as
	 * on a closed descriptor and is reported as a write error. */
	for (int fd = 0; fd <= 2; fd++)
		if (fcntl(fd, F_GETFD) < 0 && errno == EBADF && open("/dev/null", O_RDONLY) != fd)
			return 1;
	setlocale(LC_ALL, "");
	/* a file-size limit fails the write (EFBIG, said and undone) rather
	 * than killing the process with a core */
	signal(SIGXFSZ, SIG_IGN);
	atexit(cli_close_stdout); /* output lost to a full disk is a failure, said */
	return cmd_main(argc, argv);
}
