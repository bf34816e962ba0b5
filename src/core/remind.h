/*
 * remind.h - the posture-break reminder as a model: pure, with the wall
 * clock passed in, so that tests make the time up.
 *
 * It holds the settings (interval, working hours and days, snooze, pause,
 * micro-break and natural-break lengths), when the next break is due, and
 * the answers given today.  Whoever runs it (the daemon, the foreground
 * screen) asks remind_wake() when to look again, and at that time calls
 * remind_tick() with what it saw of the user (how long since their last
 * input, whether a routine plays), until it returns REMIND_NONE.  Idle
 * time is only asked for when remind_wants_probe() says something is
 * due, so looking for the user costs nothing between due times.
 *
 * The rules (unknot(1) says the same):
 *  - A break is due an interval after the last one, in working time
 *    (schedule_after()); a due time missed (suspend, a clock jump) is
 *    offered once, never as a burst; out of working hours, nothing fires.
 *  - Only time brings a break closer.  snooze D moves it to
 *    max(due, now) + D; skip to the one after (an interval after
 *    max(due, now)); a routine completed, a natural break and a pause can
 *    only move it later too.
 *  - Offered: a break that came due and was shown (on a screen, or in a
 *    notification).  One nobody could see is not offered
 *    (remind_unseen()).  taken, snoozed and skipped answer an offered
 *    break; a snooze or skip with nothing offered is a postponement and
 *    is not counted.
 *  - Taking: once the offered break's routine is started (remind_begin())
 *    it is being taken: a snooze or skip is refused (REMIND_TAKING), a
 *    pause leaves it alone, and it ends taken (remind_taken()).
 *  - Natural breaks: at a due time, a user away from the keyboard for at
 *    least the idle length is on a break already; nothing fires while
 *    they stay away (looked at again every `recheck`), and the interval
 *    restarts from their return.
 *  - A routine playing (in any terminal) defers a due break by `recheck`
 *    at a time; the routine, once completed, counts as the break.
 *  - pause D stops the clock: the time left to the next break is kept
 *    and resumes after D (or at resume).  Nothing fires while paused.
 *  - Micro-breaks (micro > 0): every `micro` of working time, a `look`
 *    seconds look-away that ends by itself; a posture break due within
 *    `absorb` seconds absorbs it.
 */
#ifndef UNKNOT_REMIND_H
#define UNKNOT_REMIND_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "schedule.h"

#define REMIND_NEVER ((time_t)0x7fffffffffffffffLL)
#define REMIND_MICRO_SECONDS 20   /* the 20-20-20 rule: 20 s looking 6 m away */
#define REMIND_MICRO_ABSORB 300   /* a posture break this close takes its place */
#define REMIND_RECHECK 60         /* away, or a routine playing: look again then */

struct remind_settings {
	struct schedule sch;
	int every;    /* seconds between posture breaks */
	int snooze;   /* default snooze */
	int micro;    /* seconds between micro-breaks; 0: none */
	int idle;     /* away this long is a natural break; 0: never */
	/* 0 for the defaults above (tests and the time scale set them) */
	int look;     /* a micro-break's length */
	int absorb;   /* a posture break this close absorbs a micro-break */
	int recheck;  /* away, or a routine playing: look again after this */
};

struct remind_counts {
	int offered, taken, snoozed, skipped;
};

enum remind_event {
	REMIND_NONE,
	REMIND_BREAK,      /* a posture break is due: offer it */
	REMIND_MICRO,      /* a micro-break starts (ends at micro_end) */
	REMIND_MICRO_END,  /* it is over */
	REMIND_AWAY,       /* due, but the user is away: a natural break */
	REMIND_BACK,       /* back from a natural break: the interval restarts */
	REMIND_RESUMED,    /* a pause ran out */
	REMIND_EVENT_COUNT
};

/* What an answer was: one to an offered break (counted), or a postponement. */
enum remind_answer { REMIND_POSTPONED, REMIND_ANSWERED, REMIND_TAKING /* refused: being taken */ };

struct remind {
	struct remind_settings set;
	time_t due;            /* the next posture break */
	time_t micro_due;      /* the next micro-break; REMIND_NEVER: none */
	time_t micro_end;      /* a micro-break shows until then; 0: none */
	time_t paused_at, paused_until; /* 0: not paused */
	time_t away_at;        /* a natural break seen at a due time; 0: none */
	bool offered;          /* a break came due and waits for an answer */
	bool taking;           /* ... and its routine was started: it is being taken */
	struct remind_counts today;
	int day;               /* the local date those count (yyyymmdd) */
};

/* What the caller saw at a due time. */
struct remind_probe {
	long idle;      /* seconds since the user's last input; -1: unknown */
	bool playing;   /* a routine plays somewhere */
};

/* Start: the first break an interval from now. */
void remind_start(struct remind *r, const struct remind_settings *set, time_t now);
/* When to call remind_tick() next (REMIND_NEVER: only after an answer). */
time_t remind_wake(const struct remind *r, time_t now);
/* True when a tick at now would need a probe (something is due). */
bool remind_pending(const struct remind *r, time_t now);
/* True when a tick at now must know about the user (a break or a
 * micro-break is due, or it is time to look for their return). */
bool remind_wants_probe(const struct remind *r, time_t now);
/* Advance to now: one event at a time; call again until REMIND_NONE.
 * p may be NULL when remind_wants_probe() was false (else NULL is a user
 * who is here and no routine playing). */
enum remind_event remind_tick(struct remind *r, time_t now, const struct remind_probe *p);

/* The answers and requests.  Each keeps "never closer". */
/* The offered break's routine starts (s): it is being taken.  Returns
 * false when no break was offered (a break started early). */
bool remind_begin(struct remind *r, time_t now);
/* Back before the routine started (at the screening): still due. */
void remind_unbegin(struct remind *r);
void remind_taken(struct remind *r, time_t now);   /* the routine is over: the offered break was taken */
enum remind_answer remind_snooze(struct remind *r, time_t now, long secs); /* secs <= 0: the setting */
enum remind_answer remind_skip(struct remind *r, time_t now);
void remind_pause(struct remind *r, time_t now, long secs);
/* The offer went unanswered (a notification closed without an answer):
 * the interval restarts from now; nothing is counted but the offer. */
void remind_unanswered(struct remind *r, time_t now);
/* The break offered at now reached nobody (nothing could show it): it is
 * not counted as offered, and the interval restarts from now. */
void remind_unseen(struct remind *r, time_t now);
/* Returns false when not paused. */
bool remind_resume(struct remind *r, time_t now);
/* A routine completed at `end` (from the history): the break it was.
 * Returns true when it answered an offered break (a break taken). */
bool remind_completed(struct remind *r, time_t end);
/* A reminder answer read back from today's history (a restart keeps
 * today's counts): counts it when `when` is today. */
enum remind_outcome { REMIND_OFFERED, REMIND_TAKEN, REMIND_SNOOZED, REMIND_SKIPPED };
void remind_count(struct remind *r, enum remind_outcome o, time_t when, time_t now);

/* A time as the reminder says it at now: "14:45 (in 12 min)", "Thu 09:45
 * (in 16h30m)", "14:45 (in less than a minute)". */
void remind_when_text(time_t t, time_t now, char *out, size_t n);
/* The first time after now at which remind_when_text(t, ...) reads
 * differently (a screen redraws then, and not before); REMIND_NEVER when
 * it never will (t is a minute away or less: it reads the same until t). */
time_t remind_when_changes(time_t t, time_t now);

/* The counts for the day of now (zero after midnight). */
struct remind_counts remind_today(const struct remind *r, time_t now);
bool remind_paused(const struct remind *r);
const char *remind_event_name(enum remind_event e);

#endif
