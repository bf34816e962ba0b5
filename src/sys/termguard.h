/*
 * termguard.h - the terminal given back on a fatal signal.
 *
 * A crash (SEGV, BUS, ABRT, FPE, ILL; a damaged sound module) must not
 * leave the shell's terminal raw or without echo.  Whoever changes the
 * terminal's modes (the curses screens, the plain mode's keys) arms the
 * guard with what to put back while it is safe to prepare it: the modes to
 * restore on a descriptor, bytes to write first (curses: terminfo's strings
 * that leave the alternate screen, show the cursor and reset the colours),
 * and a descriptor to make stderr again (the screens send stderr to
 * /dev/null).  The handler only calls async-signal-safe functions (write,
 * tcsetattr, dup2, sigaction, raise), says the program crashed, then dies
 * of the same signal.  One guard at a time: arming again replaces it.
 */
#ifndef UNKNOT_TERMGUARD_H
#define UNKNOT_TERMGUARD_H

#include <stddef.h>
#include <termios.h>

/* fd: where the modes go back (and the reset bytes are written); modes
 * NULL: none to restore; stderr_fd -1: leave stderr alone.  The reset
 * bytes are copied (at most 255). */
void termguard_arm(int fd, const struct termios *modes, const char *reset, size_t n, int stderr_fd);
/* The terminal is given back: a crash from now on needs nothing done. */
void termguard_disarm(void);

#endif
