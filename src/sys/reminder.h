/*
 * reminder.h - the running reminder: the model (core/remind.h) with its
 * edges to the system.  It owns the lock that makes it one per user, the
 * control socket (control.h), a timer on the wall clock, the history
 * (offers and answers written, routines completed elsewhere read back),
 * the idle probe, and the alerts (the cue, played by a short-lived child,
 * and the desktop notification).  It registers with the event loop and
 * needs nothing else to run: the foreground screen (ui-remind.c) and the
 * daemon (cmd-remind.c) each start one and are told what happens through
 * their hooks; neither calls into the other.
 *
 * Time: the model's times are the wall clock (time()).  The timer is a
 * timerfd on CLOCK_REALTIME, so that a suspend or a clock change wakes it
 * (it sleeps until the next due time: nothing is polled).
 *
 * UNKNOT_REMIND_SCALE=N (for tests) makes every duration of the reminder
 * N times shorter after it has been checked: `--every 1m` then comes due
 * every 60/N seconds.
 */
#ifndef UNKNOT_REMINDER_H
#define UNKNOT_REMINDER_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <time.h>

#include "loop.h"
#include "remind.h"

struct control_server;
struct notify;

struct reminder_opts {
	struct remind_settings set;  /* as given; the scale is applied here */
	int pause;                   /* a pause without D */
	const char *routine_id;      /* the routine a break starts (its id, for the history) */
	const char *routine_arg;     /* how to name it to `unknot run` (an id or a path) */
	const char *routine_title;   /* its title, for the notification */
	long routine_secs;           /* its length */
	bool sound, voice;           /* the cue */
	int volume;
	bool prompt;                 /* a terminal asks s/z/k (else a notification
	                              * with actions, or nothing, answers) */
};

struct reminder_hooks {
	/* After the reminder did its part (alert, history) for an event. */
	void (*event)(void *ctx, enum remind_event e);
	/* Something changed (an answer, a request): what is shown is stale. */
	void (*changed)(void *ctx);
	/* The notification's Start: run the routine. */
	void (*start)(void *ctx);
	/* `remind stop` came: the lock and the socket are gone already. */
	void (*stop)(void *ctx);
	/* What happened, in a sentence (the daemon's log). */
	void (*log)(void *ctx, const char *msg);
	void *ctx;
};

struct reminder {
	struct remind m;
	struct reminder_opts o;      /* strings owned */
	struct reminder_hooks h;
	int scale;
	char *dir, *sock_path, *lock_path, *hist_path;
	int lock_fd;
	off_t hist_off;
	time_t started_at;           /* the notification's Start: a session after it is the break */
	struct control_server *srv;
	int tfd;                     /* timerfd, or -1 (then a loop deadline) */
	struct loop_source timer, closer;
	struct notify *note;
	bool playing_here;           /* this process plays a routine */
};

/* Take the user's reminder lock, noting "pid N, mode" in it.  Returns 0,
 * or -1 with why (another reminder runs: its pid and mode, and how to
 * stop it). */
int reminder_lock(struct reminder *r, const char *mode, char *why, size_t n);
/* Say who holds the lock (after a fork: the child's pid). */
void reminder_note(struct reminder *r, const char *mode);
/* Start: the model from now, today's counts from the history, the socket
 * and the timer registered with the loop.  Returns 0, or -1 with why. */
int reminder_start(struct reminder *r, const struct reminder_opts *o, const struct reminder_hooks *h,
    time_t now, char *why, size_t n);
/* Let go of everything (safe twice; the lock last). */
void reminder_close(struct reminder *r);

/* The answers, from the screen's keys (the socket and the notification
 * come the same way).  Each writes what it did in a sentence into msg
 * ("error: ..." when refused).
 * begin: the routine starts (s); true when it answers an offered break,
 * which is then being taken: a snooze or skip is refused until
 * reminder_taken() (the routine is over) or reminder_unbegin() (back at
 * the screening: the break is still due). */
bool reminder_begin(struct reminder *r, time_t now);
void reminder_unbegin(struct reminder *r, time_t now);
void reminder_taken(struct reminder *r, time_t now);
void reminder_snooze(struct reminder *r, time_t now, long secs, char *msg, size_t n);
void reminder_skip(struct reminder *r, time_t now, char *msg, size_t n);
void reminder_pause(struct reminder *r, time_t now, long secs, char *msg, size_t n);
void reminder_resume(struct reminder *r, time_t now, char *msg, size_t n);
/* This process plays a routine (the foreground's own player). */
void reminder_playing(struct reminder *r, bool playing);

/* Catch up with the history and the clock now (a screen's tick). */
void reminder_refresh(struct reminder *r, time_t now);
/* "next break at 14:45 (in 12 min)", "paused until 11:00", ... */
void reminder_next_text(const struct reminder *r, time_t now, char *out, size_t n);
/* Said at the start of a daemon, and in its status, when nothing can show
 * a break (no terminal, no notify-send). */
#define REMINDER_UNSEEN_WARNING "warning: notify-send not found: breaks cannot be shown, " \
	"so none is offered or counted (install notify-send, or run `unknot remind` in a terminal)"
/* When reminder_next_text() would first read differently, unless
 * something happens (REMIND_NEVER: only then). */
time_t reminder_next_text_changes(const struct reminder *r, time_t now);
/* The full status line `remind status` prints. */
void reminder_status_text(const struct reminder *r, time_t now, char *out, size_t n);

/* True while a routine plays here or in another terminal with no break
 * due or paused: the next break waits for its end (a minute at a time). */
bool reminder_waiting_for_routine(const struct reminder *r);

/* A client's one request to this user's running reminder (control_ask on
 * its socket): 0 with the reply (raw: clean it before printing), or
 * CONTROL_NONE (none runs), CONTROL_FOREIGN or CONTROL_TIMEOUT with why. */
int reminder_ask(const char *request, char *reply, size_t n, char *why, size_t wn);

/*
 * Any unknot playing a routine holds a shared lock on the runtime
 * folder's `playing` file, so that a reminder does not offer a break in
 * the middle of it.  Returns a descriptor to pass to
 * reminder_playing_end(), or -1 (then nothing is held: no harm).
 */
int reminder_playing_begin(void);
void reminder_playing_end(int fd);

#endif
