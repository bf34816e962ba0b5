/*
 * session.c - the routine clock: see session.h.
 *
 * The position is (step, phase, bout) plus the routine time at which the
 * phase began.  A phase's events are its entry events (step start, go,
 * side switch, rest), its marks at fixed offsets (countdown, halfway, ten
 * seconds left) and its end.  Because each phase starts exactly where the
 * previous one ended, in integer routine milliseconds, the schedule is
 * the routine's own arithmetic and never accumulates error.
 */
#include "session.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>

#include "routine.h"
#include "util.h"

struct mark {
	long long off;
	int kind, value;
};

struct session {
	const struct routine *r;
	double speed;
	long long real_base, rt_base; /* routine time (ms) rt_base was at real_base (us) */
	bool paused;

	size_t step;
	int phase, bout;
	long long phase_start, phase_len, step_start;
	bool entered;   /* this phase's entry events are out */
	int mark;       /* next mark of this phase */
	long long active;
	bool skipped;

	long long *step_offset; /* routine ms at which each step's work starts, without get-ready */
	struct session_event *ev;
	size_t nev, cap;
};

static long long
rt_of(const struct session *s, long long now)
{
	if (s->paused || now <= s->real_base)
		return s->rt_base;
	return s->rt_base + (long long)floor((double)(now - s->real_base) * s->speed / 1000.0);
}

/* The first monotonic time at which routine time reaches t. */
static long long
real_of(const struct session *s, long long t)
{
	if (t <= s->rt_base)
		return s->real_base;
	long long real = s->real_base + (long long)ceil((double)(t - s->rt_base) * 1000.0 / s->speed);
	while (rt_of(s, real) < t)
		real++;
	while (real - 1 > s->real_base && rt_of(s, real - 1) >= t)
		real--;
	return real;
}

static const struct step *
cur(const struct session *s)
{
	return &s->r->steps[s->step];
}

static void
emit(struct session *s, int kind, int value, long long at)
{
	if (s->nev == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->ev = xrealloc(s->ev, s->cap * sizeof *s->ev);
	}
	s->ev[s->nev++] = (struct session_event){
		.kind = kind, .step = s->step, .bout = s->bout, .value = value, .at = at,
	};
}

static int
marks(const struct session *s, struct mark m[3])
{
	int n = 0;
	long long len = s->phase_len;
	if (s->phase == PHASE_READY) {
		for (int v = 3; v >= 1; v--)
			if (len - v * 1000LL >= 0)
				m[n++] = (struct mark){len - v * 1000LL, EV_COUNTDOWN, v};
	} else if (s->phase == PHASE_BOUT) {
		if (len >= 20000)
			m[n++] = (struct mark){len / 2, EV_HALFWAY, 0};
		if (len >= 30000)
			m[n++] = (struct mark){len - 10000, EV_TEN_LEFT, 0};
	}
	return n;
}

static void
enter(struct session *s, size_t step, int phase, int bout, long long start)
{
	s->step = step;
	s->bout = bout;
	s->phase_start = start;
	s->entered = false;
	s->mark = 0;
	if (step >= s->r->nsteps) {
		s->step = s->r->nsteps - 1;
		s->phase = PHASE_DONE;
		s->phase_len = 0;
		return;
	}
	if (phase == PHASE_READY && step_prepare_seconds(s->r, step) == 0)
		phase = PHASE_BOUT;
	if (bout == 0 && phase != PHASE_REST)
		s->step_start = start;
	s->phase = phase;
	if (phase == PHASE_READY)
		s->phase_len = step_prepare_seconds(s->r, step) * 1000LL;
	else if (phase == PHASE_BOUT)
		s->phase_len = cur(s)->duration * 1000LL;
	else
		s->phase_len = cur(s)->rest * 1000LL;
}

static void
announce(struct session *s)
{
	long long at = s->phase_start;
	const struct step *st = cur(s);
	switch (s->phase) {
	case PHASE_READY:
		emit(s, EV_STEP_START, 0, at);
		break;
	case PHASE_BOUT:
		if (s->bout == 0) {
			if (step_prepare_seconds(s->r, s->step) == 0)
				emit(s, EV_STEP_START, 0, at);
			emit(s, EV_GO, 0, at);
		} else if (st->sides && s->bout == st->reps) {
			emit(s, EV_SIDE_SWITCH, 0, at);
		} else {
			emit(s, EV_REP_START, 0, at);
		}
		break;
	case PHASE_REST:
		emit(s, EV_REST_START, 0, at);
		break;
	case PHASE_DONE:
		emit(s, EV_DONE, 0, at);
		break;
	}
	s->entered = true;
}

/* The current phase is over at its end time: move on. */
static void
advance(struct session *s)
{
	long long end = s->phase_start + s->phase_len;
	const struct step *st = cur(s);
	switch (s->phase) {
	case PHASE_READY:
		enter(s, s->step, PHASE_BOUT, 0, end);
		break;
	case PHASE_BOUT:
		s->active += s->phase_len;
		if (s->bout + 1 < step_bouts(st)) {
			if (st->rest > 0)
				enter(s, s->step, PHASE_REST, s->bout, end);
			else
				enter(s, s->step, PHASE_BOUT, s->bout + 1, end);
		} else {
			emit(s, EV_STEP_END, 0, end);
			enter(s, s->step + 1, PHASE_READY, 0, end);
		}
		break;
	case PHASE_REST:
		s->active += s->phase_len;
		enter(s, s->step, PHASE_BOUT, s->bout + 1, end);
		break;
	}
}

struct session *
session_new(const struct routine *r, double speed, long long start)
{
	struct session *s = xcalloc(1, sizeof *s);
	s->r = r;
	s->speed = speed < 0.1 ? 0.1 : speed > 1000 ? 1000 : speed;
	s->real_base = start;
	s->step_offset = xcalloc(r->nsteps + 1, sizeof *s->step_offset);
	for (size_t i = 0; i < r->nsteps; i++)
		s->step_offset[i + 1] = s->step_offset[i] + step_seconds(&r->steps[i]) * 1000LL;
	enter(s, 0, PHASE_READY, 0, 0);
	return s;
}

void
session_free(struct session *s)
{
	if (s == NULL)
		return;
	free(s->step_offset);
	free(s->ev);
	free(s);
}

size_t
session_tick(struct session *s, long long now, const struct session_event **events)
{
	long long rt = rt_of(s, now);
	s->nev = 0;
	for (;;) {
		if (!s->entered)
			announce(s);
		if (s->phase == PHASE_DONE)
			break;
		struct mark m[3];
		int n = marks(s, m);
		while (s->mark < n && s->phase_start + m[s->mark].off <= rt) {
			emit(s, m[s->mark].kind, m[s->mark].value, s->phase_start + m[s->mark].off);
			s->mark++;
		}
		if (s->phase_start + s->phase_len > rt)
			break;
		advance(s);
	}
	*events = s->ev;
	return s->nev;
}

long long
session_next_deadline(const struct session *s)
{
	if (s->paused || s->phase == PHASE_DONE)
		return LLONG_MAX;
	if (!s->entered)
		return real_of(s, s->phase_start);
	struct mark m[3];
	int n = marks(s, m);
	long long t = s->phase_start + (s->mark < n ? m[s->mark].off : s->phase_len);
	return real_of(s, t);
}

long long
session_next_redraw(const struct session *s, long long now, long long min_gap)
{
	if (s->paused || s->phase == PHASE_DONE)
		return LLONG_MAX;
	long long rt = rt_of(s, now);
	long long left = s->phase_start + s->phase_len - rt;
	long long when;
	if (left <= 0) {
		when = now;
	} else {
		long long below = (left - 1) / 1000 * 1000; /* the next whole second shown */
		when = real_of(s, s->phase_start + s->phase_len - below);
	}
	return when < now + min_gap * 1000 ? now + min_gap * 1000 : when;
}

void
session_pause(struct session *s, long long now)
{
	if (s->paused)
		return;
	s->rt_base = rt_of(s, now);
	s->real_base = now;
	s->paused = true;
}

void
session_resume(struct session *s, long long now)
{
	if (!s->paused)
		return;
	s->real_base = now;
	s->paused = false;
}

bool
session_paused(const struct session *s)
{
	return s->paused;
}

/* Count the part of the current phase already done, then jump. */
static void
jump(struct session *s, long long now, size_t step)
{
	long long rt = rt_of(s, now);
	if (s->phase == PHASE_BOUT || s->phase == PHASE_REST) {
		long long part = rt - s->phase_start;
		s->active += part < 0 ? 0 : part > s->phase_len ? s->phase_len : part;
	}
	enter(s, step, PHASE_READY, 0, rt);
}

void
session_next_step(struct session *s, long long now)
{
	if (s->phase == PHASE_DONE)
		return;
	s->skipped = true;
	jump(s, now, s->step + 1);
}

void
session_prev_step(struct session *s, long long now)
{
	if (s->phase == PHASE_DONE)
		return;
	long long into = rt_of(s, now) - s->step_start;
	size_t to = (into < 3000 && s->step > 0) ? s->step - 1 : s->step;
	jump(s, now, to);
}

bool
session_done(const struct session *s)
{
	return s->phase == PHASE_DONE;
}

bool
session_skipped(const struct session *s)
{
	return s->skipped;
}

long long
session_active_ms(const struct session *s, long long now)
{
	long long a = s->active;
	if (s->phase == PHASE_BOUT || s->phase == PHASE_REST) {
		long long part = rt_of(s, now) - s->phase_start;
		a += part < 0 ? 0 : part > s->phase_len ? s->phase_len : part;
	}
	return a;
}

long long
session_routine_ms(const struct session *s, long long now)
{
	return rt_of(s, now);
}

void
session_view(const struct session *s, long long now, struct session_view *v)
{
	const struct step *st = cur(s);
	long long rt = rt_of(s, now);
	long long in = rt - s->phase_start;
	if (in < 0)
		in = 0;
	if (in > s->phase_len)
		in = s->phase_len;
	v->step = s->step;
	v->nsteps = s->r->nsteps;
	v->phase = s->phase;
	v->bout = s->bout;
	v->bouts = step_bouts(st);
	v->reps = st->reps;
	v->rep = s->bout % st->reps + 1;
	v->side = st->sides ? (s->bout < st->reps ? 1 : 2) : 0;
	v->phase_len = s->phase_len;
	v->phase_left = s->phase_len - in;
	v->step_len = step_seconds(st) * 1000LL;
	long long per = (st->duration + st->rest) * 1000LL;
	switch (s->phase) {
	case PHASE_READY: v->step_done = 0; break;
	case PHASE_BOUT: v->step_done = s->bout * per + in; break;
	case PHASE_REST: v->step_done = s->bout * per + st->duration * 1000LL + in; break;
	default: v->step_done = v->step_len; break;
	}
	v->total_len = s->step_offset[s->r->nsteps];
	v->total_done = s->phase == PHASE_DONE ? v->total_len : s->step_offset[s->step] + v->step_done;
	v->paused = s->paused;
}

const char *
session_event_name(int kind)
{
	static const char *const names[] = {
		"step-start", "countdown", "go", "side-switch", "rep-start",
		"halfway", "ten-left", "rest-start", "step-end", "done",
	};
	return kind >= 0 && kind < (int)ARRAY_LEN(names) ? names[kind] : "?";
}
