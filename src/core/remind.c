/* remind.c - the posture-break reminder as a model: see remind.h. */
#include "remind.h"

#include <stdio.h>

#include "util.h"

static const char *const event_names[] = {
	[REMIND_NONE] = "none",
	[REMIND_BREAK] = "break",
	[REMIND_MICRO] = "micro",
	[REMIND_MICRO_END] = "micro-end",
	[REMIND_AWAY] = "away",
	[REMIND_BACK] = "back",
	[REMIND_RESUMED] = "resumed",
};
_Static_assert(ARRAY_LEN(event_names) == REMIND_EVENT_COUNT, "a name for every event");

const char *
remind_event_name(enum remind_event e)
{
	return (unsigned)e < REMIND_EVENT_COUNT ? event_names[e] : "?";
}

static time_t
max_t(time_t a, time_t b)
{
	return a > b ? a : b;
}

static int
local_day(time_t t)
{
	struct tm tm;
	localtime_r(&t, &tm);
	return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

static void
roll_day(struct remind *r, time_t now)
{
	int d = local_day(now);
	if (d != r->day) {
		r->day = d;
		r->today = (struct remind_counts){0};
	}
}

/* The break an interval after `from`, in working time. */
static time_t
plan(const struct remind *r, time_t from)
{
	return schedule_after(&r->set.sch, from, r->set.every);
}

static time_t
plan_micro(const struct remind *r, time_t from)
{
	return r->set.micro > 0 ? schedule_after(&r->set.sch, from, r->set.micro) : REMIND_NEVER;
}

void
remind_start(struct remind *r, const struct remind_settings *set, time_t now)
{
	*r = (struct remind){.set = *set};
	if (r->set.look <= 0)
		r->set.look = REMIND_MICRO_SECONDS;
	if (r->set.absorb <= 0)
		r->set.absorb = REMIND_MICRO_ABSORB;
	if (r->set.recheck <= 0)
		r->set.recheck = REMIND_RECHECK;
	roll_day(r, now);
	r->due = plan(r, now);
	r->micro_due = plan_micro(r, now);
}

bool
remind_paused(const struct remind *r)
{
	return r->paused_until != 0;
}

time_t
remind_wake(const struct remind *r, time_t now)
{
	if (remind_paused(r))
		return r->paused_until;
	time_t t = REMIND_NEVER;
	if (r->micro_end && r->micro_end < t)
		t = r->micro_end;
	if (r->offered)
		return t; /* waiting for an answer: only the micro-break's end */
	if (r->away_at)
		return max_t(now, r->away_at + r->set.recheck) < t ? max_t(now, r->away_at + r->set.recheck) : t;
	if (r->due < t)
		t = r->due;
	if (r->micro_due < t)
		t = r->micro_due;
	return t;
}

bool
remind_pending(const struct remind *r, time_t now)
{
	return remind_wake(r, now) <= now;
}

bool
remind_wants_probe(const struct remind *r, time_t now)
{
	if (remind_paused(r) || r->offered)
		return false;
	if (r->away_at)
		return now >= r->away_at + r->set.recheck;
	return now >= r->due || now >= r->micro_due;
}

/* The user is away when idle for at least the natural-break length. */
static bool
away(const struct remind *r, const struct remind_probe *p)
{
	return p && r->set.idle > 0 && p->idle >= r->set.idle;
}

enum remind_event
remind_tick(struct remind *r, time_t now, const struct remind_probe *p)
{
	roll_day(r, now);
	if (remind_paused(r)) {
		if (now < r->paused_until)
			return REMIND_NONE;
		remind_resume(r, now);
		return REMIND_RESUMED;
	}
	if (r->micro_end && now >= r->micro_end) {
		r->micro_end = 0;
		return REMIND_MICRO_END;
	}
	if (r->offered)
		return REMIND_NONE;

	if (r->away_at) {
		if (now < r->away_at + r->set.recheck)
			return REMIND_NONE;
		if (away(r, p)) {
			r->away_at = now; /* still away: look again in a while */
			return REMIND_NONE;
		}
		/* back: they were surely back at their last input */
		time_t back = p && p->idle >= 0 ? now - p->idle : now;
		r->away_at = 0;
		r->due = max_t(r->due, plan(r, back));
		r->micro_due = max_t(r->micro_due == REMIND_NEVER ? 0 : r->micro_due, plan_micro(r, back));
		return REMIND_BACK;
	}

	if (now >= r->due) {
		if (!schedule_in_hours(&r->set.sch, now)) {
			/* woken (or the clock moved) out of hours: nothing fires */
			r->due = plan(r, now);
			return remind_tick(r, now, p);
		}
		if (p && p->playing) {
			r->due = now + r->set.recheck;
			return REMIND_NONE;
		}
		if (away(r, p)) {
			r->away_at = now;
			r->micro_end = 0;
			return REMIND_AWAY;
		}
		r->offered = true;
		r->today.offered++;
		r->micro_end = 0;
		return REMIND_BREAK;
	}

	if (now >= r->micro_due) {
		time_t next = plan_micro(r, now);
		if (!schedule_in_hours(&r->set.sch, now) || r->due - now <= r->set.absorb ||
		    away(r, p) || (p && p->playing)) {
			/* the posture break, a routine or being away take its place */
			r->micro_due = next;
			return remind_tick(r, now, p);
		}
		r->micro_end = now + r->set.look;
		r->micro_due = plan_micro(r, r->micro_end); /* the interval runs from its end */
		return REMIND_MICRO;
	}
	return REMIND_NONE;
}

/* A posture break is over (taken, skipped, a routine): micro-breaks
 * start their interval again too. */
static void
after_break(struct remind *r, time_t from)
{
	r->offered = false;
	r->taking = false;
	r->away_at = 0;
	r->micro_end = 0;
	if (r->set.micro > 0)
		r->micro_due = max_t(r->micro_due, plan_micro(r, from));
}

bool
remind_begin(struct remind *r, time_t now)
{
	roll_day(r, now);
	r->taking = r->offered;
	return r->taking;
}

void
remind_unbegin(struct remind *r)
{
	r->taking = false;
}

void
remind_taken(struct remind *r, time_t now)
{
	roll_day(r, now);
	if (r->offered)
		r->today.taken++;
	r->due = max_t(r->due, plan(r, now));
	after_break(r, now);
}

enum remind_answer
remind_snooze(struct remind *r, time_t now, long secs)
{
	roll_day(r, now);
	if (r->taking)
		return REMIND_TAKING;
	enum remind_answer a = r->offered ? REMIND_ANSWERED : REMIND_POSTPONED;
	if (a == REMIND_ANSWERED)
		r->today.snoozed++;
	time_t due = max_t(r->due, now) + (secs > 0 ? secs : r->set.snooze);
	if (!schedule_in_hours(&r->set.sch, due))
		due = plan(r, due); /* after hours: an interval into the next window */
	r->due = max_t(r->due, due);
	r->offered = false;
	r->away_at = 0;
	return a;
}

enum remind_answer
remind_skip(struct remind *r, time_t now)
{
	roll_day(r, now);
	if (r->taking)
		return REMIND_TAKING;
	enum remind_answer a = r->offered ? REMIND_ANSWERED : REMIND_POSTPONED;
	if (a == REMIND_ANSWERED)
		r->today.skipped++;
	time_t from = max_t(r->due, now);
	r->due = max_t(r->due, plan(r, from));
	after_break(r, from);
	return a;
}

void
remind_pause(struct remind *r, time_t now, long secs)
{
	if (!remind_paused(r))
		r->paused_at = now;
	r->paused_until = now + secs;
	if (!r->taking)
		r->offered = false; /* withdrawn, not answered: it comes back after */
	r->micro_end = 0;
	r->away_at = 0;
}

bool
remind_resume(struct remind *r, time_t now)
{
	if (!remind_paused(r))
		return false;
	/* the clock stood still: what was left is left */
	time_t at = r->paused_at;
	time_t left = r->due > at ? r->due - at : 0;
	time_t due = now + left;
	if (!schedule_in_hours(&r->set.sch, due))
		due = plan(r, due);
	r->due = max_t(r->due, due);
	if (r->micro_due != REMIND_NEVER) {
		time_t mleft = r->micro_due > at ? r->micro_due - at : 0;
		r->micro_due = max_t(r->micro_due, now + mleft);
	}
	r->paused_at = r->paused_until = 0;
	return true;
}

void
remind_unseen(struct remind *r, time_t now)
{
	if (!r->offered || r->taking)
		return;
	roll_day(r, now);
	if (r->today.offered > 0)
		r->today.offered--;
	r->due = max_t(r->due, plan(r, now));
	after_break(r, now);
}

void
remind_unanswered(struct remind *r, time_t now)
{
	if (!r->offered || r->taking)
		return;
	r->due = max_t(r->due, plan(r, now));
	after_break(r, now);
}

bool
remind_completed(struct remind *r, time_t end)
{
	bool answered = r->offered;
	roll_day(r, end);
	if (answered)
		r->today.taken++;
	r->due = max_t(r->due, plan(r, end));
	after_break(r, end);
	return answered;
}

void
remind_count(struct remind *r, enum remind_outcome o, time_t when, time_t now)
{
	roll_day(r, now);
	if (local_day(when) != r->day)
		return;
	switch (o) {
	case REMIND_OFFERED: r->today.offered++; break;
	case REMIND_TAKEN: r->today.taken++; break;
	case REMIND_SNOOZED: r->today.snoozed++; break;
	case REMIND_SKIPPED: r->today.skipped++; break;
	}
}

struct remind_counts
remind_today(const struct remind *r, time_t now)
{
	if (local_day(now) != r->day)
		return (struct remind_counts){0};
	return r->today;
}

/* A day ahead or more shows its weekday. */
#define WEEKDAY_FROM (12 * 3600)

void
remind_when_text(time_t t, time_t now, char *out, size_t n)
{
	struct tm tm;
	localtime_r(&t, &tm);
	char at[32];
	strftime(at, sizeof at, t - now >= WEEKDAY_FROM ? "%a %H:%M" : "%H:%M", &tm);
	long mins = (long)((t - now + 59) / 60);
	if (mins <= 1)
		snprintf(out, n, "%s (in less than a minute)", at);
	else if (mins < 120)
		snprintf(out, n, "%s (in %ld min)", at, mins);
	else
		snprintf(out, n, "%s (in %ldh%02ldm)", at, mins / 60, mins % 60);
}

time_t
remind_when_changes(time_t t, time_t now)
{
	time_t d = t - now;
	if (d <= 60)
		return REMIND_NEVER;
	/* the minutes are rounded up: m = ceil(d / 60) drops to m - 1 when
	 * d reaches 60 (m - 1), the first time after now that d is a whole
	 * number of minutes */
	time_t next = now + ((d - 1) % 60 + 1);
	if (d >= WEEKDAY_FROM && t - (WEEKDAY_FROM - 1) < next)
		next = t - (WEEKDAY_FROM - 1); /* the weekday goes */
	return next;
}
