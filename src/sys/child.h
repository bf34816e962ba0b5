/*
 * child.h - other programs as child processes (notify-send, loginctl, a
 * terminal): found on PATH, started with the signal handling a new
 * program expects (the default dispositions, an empty mask: not the
 * loop's), in a process group of their own (Ctrl-C at the terminal is
 * ours), with their standard streams where the caller says.
 */
#ifndef UNKNOT_CHILD_H
#define UNKNOT_CHILD_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* An executable of that name on $PATH. */
bool child_on_path(const char *name);
/* Start argv with standard input from `in` and output to `out` (-1:
 * /dev/null), errors to /dev/null.  Returns the pid (the caller reaps
 * it), or -1. */
pid_t child_spawn(char *const argv[], int in, int out);
/* Start argv and forget it: nobody waits for it, it leaves no zombie.
 * Returns 0, or -1. */
int child_detached(char *const argv[]);
/* Run fn(arg) in a child process and forget it, as child_detached(). */
int child_detached_fn(void (*fn)(void *), void *arg);
/* Run argv to its end, at most timeout_ms (then it is killed), its output
 * in out (NUL-terminated).  Returns 0 when it wrote something, else -1. */
int child_capture(char *const argv[], char *out, size_t n, int timeout_ms);

#endif
