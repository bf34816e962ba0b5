/*
 * line.h - the plain line mode: a session followed in lines of text, for
 * screen readers, braille displays, Emacs' shell (TERM=dumb) and pipes.
 *
 * No curses and no escape sequences: one complete line per event on
 * stdout ("Step 2 of 5: Glute ball release, left side, 45 seconds. ...",
 * "10 seconds left.", "Rest 10 seconds.", "Routine complete: 7 minutes 12
 * seconds."), answers read as lines from stdin (the screening's y, which
 * also confirms the red flags printed in full the first time; pain 0-10
 * or an empty line).  When stdin is a terminal the player's keys work
 * without Enter (space, n, p, q, m, +, -, ?); otherwise each line's first
 * character is one.  The same flow (flow.h), player (player.h), history
 * and sound as the full-screen player; all waiting is the process's one
 * loop (loop.h).
 */
#ifndef UNKNOT_LINE_H
#define UNKNOT_LINE_H

#include <stdbool.h>

#include "flow.h"

struct audio;
struct config;
struct routine;
struct safety;

/* The plain mode is for this run: asked for (--plain), TERM=dumb, or
 * stdout is not a terminal. */
bool line_wanted(bool asked);

/* Follow r in lines (see flow_run).  o: the flow's options (speed, the
 * config's pain check-ins and conditions, skip_screening). */
enum nav line_flow(const struct routine *r, const struct safety *cat, const struct flow_opts *o,
    struct audio *audio);

/*
 * The foreground reminder in lines (`unknot remind` with --plain, TERM=dumb
 * or stdout not a terminal): when the next break is due, a line when one
 * comes ("Time for a posture break: ..."), the answers as keys (stdin a
 * terminal) or lines (s start, z snooze, k skip, p pause or resume, q
 * quit), and the routine itself in lines (line_flow).  r is started
 * (reminder_start) and runs in the loop; its hooks are set here.
 */
struct reminder;
enum nav line_remind(struct reminder *r, const struct routine *routine, const struct safety *cat,
    struct config *cfg);

#endif
