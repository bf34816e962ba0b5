/*
 * main.c - unknot's entry point.  The commands, their options and their
 * usage are all in the command table (cmd.h, cmd.c).
 */
#include <locale.h>

#include "cmd.h"

int
main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	return cmd_main(argc, argv);
}
