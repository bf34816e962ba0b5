/*
 * session.h - the routine clock: where a person is in a routine, given
 * the time.
 *
 * A session walks a loaded routine through its phases: get ready (the
 * routine's `prepare` seconds before each step), bouts (left side first,
 * then right, reps on each), rests between bouts, and done.  It never
 * reads a clock: every call takes `now`, a monotonic time,
 * and the session maps it to routine time (scaled by the speed, stopped
 * while paused).  All boundaries are computed from the routine's start and
 * the time spent paused, in whole routine milliseconds, so nothing drifts
 * however irregular the ticks are.
 *
 * session_tick() returns the events that happened since the last tick, in
 * order; session_next_deadline() says when the next one is due.  The
 * session borrows the routine, which must outlive it.
 *
 * Units: `now`, `start` and the deadlines are monotonic microseconds;
 * routine time (event times, lengths, the view) is in milliseconds.
 */
#ifndef UNKNOT_SESSION_H
#define UNKNOT_SESSION_H

#include <stdbool.h>
#include <stddef.h>

struct routine;

enum phase { PHASE_READY, PHASE_BOUT, PHASE_REST, PHASE_DONE };

enum session_event_kind {
	EV_STEP_START,   /* a step begins (with its get-ready time, if any) */
	EV_COUNTDOWN,    /* 3, 2, 1 seconds before the first bout (value) */
	EV_GO,           /* the first bout of a step starts */
	EV_SIDE_SWITCH,  /* a bout starts on the right side */
	EV_REP_START,    /* a later bout on the same side starts */
	EV_HALFWAY,      /* half of a bout of 20 s or more is done */
	EV_TEN_LEFT,     /* ten seconds left in a bout of 30 s or more */
	EV_REST_START,   /* a rest between bouts starts */
	EV_STEP_END,     /* the step's last bout is over */
	EV_DONE,         /* the routine is over */
};

struct session_event {
	int kind;        /* enum session_event_kind */
	size_t step;     /* index into routine->steps */
	int bout;        /* 0-based bout within the step */
	int value;       /* EV_COUNTDOWN: seconds left */
	long long at;    /* routine time of the event, ms */
};

/* What a screen needs to draw. */
struct session_view {
	size_t step, nsteps;
	int phase;               /* enum phase */
	int bout, bouts;
	int side;                /* 0 no sides, 1 left, 2 right */
	int rep, reps;
	long long phase_len, phase_left;   /* ms */
	long long step_len, step_done;     /* ms, without get-ready */
	long long total_len, total_done;   /* ms, without get-ready */
	bool paused;
};

struct session;

/* speed: 0.1 to 1000, routine time per real time.  start: now. */
struct session *session_new(const struct routine *r, double speed, long long start);
void session_free(struct session *s);

/* Process time up to now.  Returns the number of events; *events points to
 * them until the next call. */
size_t session_tick(struct session *s, long long now, const struct session_event **events);
/* The monotonic time at which the next event is due; LLONG_MAX when
 * paused or done. */
long long session_next_deadline(const struct session *s);
/* When the whole seconds shown as remaining time next change (for a
 * redraw), never sooner than min_gap ms from now; LLONG_MAX when paused. */
long long session_next_redraw(const struct session *s, long long now, long long min_gap);

void session_pause(struct session *s, long long now);
void session_resume(struct session *s, long long now);
bool session_paused(const struct session *s);
/* Skip to the next step (or to the end after the last). */
void session_next_step(struct session *s, long long now);
/* Back to the start of this step, or to the previous step when this one
 * began less than 3 s (routine time) ago. */
void session_prev_step(struct session *s, long long now);

bool session_done(const struct session *s);
/* Routine time spent in bouts and rests, ms (what history records). */
long long session_active_ms(const struct session *s, long long now);
/* Routine time since the start, ms, get-ready included. */
long long session_routine_ms(const struct session *s, long long now);
/* True when a step was skipped with next. */
bool session_skipped(const struct session *s);
void session_view(const struct session *s, long long now, struct session_view *v);

const char *session_event_name(int kind);

#endif
