/*
 * idle.h - how long the user has been away from the keyboard, for the
 * reminder's natural breaks.  Asked only when a break is due, so it may
 * cost a few milliseconds: nothing polls it.
 *
 * Two witnesses, as `w` and the desktop's screen saver know it:
 *  - the user's terminals: the last access time of each tty this user is
 *    logged in on (utmp's USER_PROCESS entries), which the kernel moves
 *    when the terminal is read, that is when someone types;
 *  - systemd-logind, when it is there (`loginctl`): the user's IdleHint
 *    and IdleSinceHint, and LockedHint of their graphical session (a
 *    locked screen is away).  It is asked only when the terminals alone
 *    say the user is away, since a desktop user may not type in any.
 */
#ifndef UNKNOT_IDLE_H
#define UNKNOT_IDLE_H

#include <time.h>

/* Seconds since the last input on any of the user's ttys listed in the
 * utmp file utmp_path (NULL: the system's); -1 when there are none. */
long idle_ttys(const char *utmp_path, time_t now);

/* What logind says (from `loginctl` output, for tests): the seconds idle,
 * 0 when the user is active, -1 when it does not know. */
long idle_logind_parse(const char *user_props, const char *session_props, time_t now);

/*
 * Seconds since the user last used the machine; -1 when nobody can tell.
 * threshold: the natural-break length; logind is only asked when the
 * terminals say at least that much (or nothing).
 */
long idle_seconds(time_t now, long threshold);

#endif
