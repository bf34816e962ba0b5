/*
 * ui-term.c - whether this terminal can show a full screen at all (see
 * ui.h): apart from ui.c because terminfo's <term.h> defines macros
 * (hangup, lines, columns...) that clash with ordinary names there.
 */
#include "ui.h"

#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>

const char *
ui_term_unusable(void)
{
	if (!isatty(STDOUT_FILENO))
		return "standard output is not a terminal";
	if (!isatty(STDIN_FILENO))
		return "standard input is not a terminal";
	const char *name = getenv("TERM");
	if (name == NULL || *name == '\0')
		return "TERM is not set";
	if (strcmp(name, "dumb") == 0)
		return "TERM=dumb cannot show one";
	/* A type terminfo does not know is said by ui_term_open(), with its
	 * name; one that knows no cursor addressing is a dumb one by another
	 * name (a printing terminal, emacs' own). */
	int err = 0;
	if (setupterm((char *)name, STDOUT_FILENO, &err) != OK)
		return NULL;
	char *cup = tigetstr("cup");
	bool can = cup != NULL && cup != (char *)-1 && tigetflag("hc") <= 0;
	del_curterm(cur_term);
	return can ? NULL : "this terminal type cannot place the cursor";
}
