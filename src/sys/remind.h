/*
 * remind.h - the posture-break reminder: one per user, holding a lock and
 * a control socket in $XDG_RUNTIME_DIR/unknot/, sleeping until the next
 * break is due.  The foreground screen (ui-remind.c) and the daemon
 * (remind.c) share this; `unknot remind status|snooze|skip|stop` talk to
 * either through the socket.
 */
#ifndef UNKNOT_REMIND_H
#define UNKNOT_REMIND_H

#include <stdbool.h>
#include <sys/types.h>
#include <time.h>

#include "config.h"
#include "loop.h"
#include "schedule.h"

struct reminder {
	struct schedule sch;
	char *routine;            /* id of the routine a break starts */
	bool voice, sound;
	int volume;
	int listen_fd, lock_fd;
	struct loop_source listen_src; /* served in every screen */
	char *dir, *sock_path, *lock_path, *hist_path;
	off_t hist_off;
	int taken, snoozed, skipped;  /* today */
	int today;                    /* day of year those count */
	bool quit;
};

/* Take the lock and open the socket.  Returns 0, or -1 after printing
 * why (another reminder runs: where and how to stop it). */
int reminder_open(struct reminder *r, const char *mode);
void reminder_close(struct reminder *r);

/* Catch up with the history file (a routine completed meanwhile counts as
 * the break) and the calendar day. */
void reminder_refresh(struct reminder *r, time_t now);
time_t reminder_due(const struct reminder *r, time_t now);
/* Ring: the cue in a short-lived child, a desktop notification. */
void reminder_alert(struct reminder *r);
/* Answer one client on the socket (call when listen_fd is readable). */
void reminder_serve(struct reminder *r);
/* What the user did; each is written to the history. */
void reminder_taken(struct reminder *r, time_t now);
void reminder_snooze(struct reminder *r, time_t now, int seconds);
void reminder_skip(struct reminder *r, time_t now);
/* "next break at 14:45 (in 12 min)": a static string. */
const char *reminder_next_text(const struct reminder *r, time_t now);

#endif
