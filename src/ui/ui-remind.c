/*
 * ui-remind.c - the foreground reminder: when the next break is due, the
 * settings and today's breaks; when one is due, a prompt to start the
 * routine, snooze or skip; a micro-break's 20-second countdown; pause.
 *
 * The reminder (sys/reminder.c) runs on its own in the event loop, in
 * every screen (the player's too); it tells this screen what happened
 * through its hooks, and this screen answers through its functions.
 */
#include <limits.h>
#include <stdio.h>
#include <time.h>

#include "audio.h"
#include "duration.h"
#include "loop.h"
#include "reminder.h"
#include "ui-screens.h"
#include "ui.h"
#include "util.h"

struct remind_ctx {
	struct reminder *r;
	bool playing;     /* the routine runs: do not end its screen */
	bool stopped;     /* `remind stop` came */
	char msg[200];    /* what the last key did */
	time_t msg_until; /* it says "(in N min)": true until then */
};

static void
screen_draw(void *ctx)
{
	struct remind_ctx *c = ctx;
	struct reminder *r = c->r;
	time_t now = time(NULL);
	char buf[300], a[32], b[32], h[16], d[40];
	ui_text(0, 0, COLS, "unknot: posture breaks", ROLE_TITLE);
	/* big digits need room: a compact layout below 20 rows */
	bool big = LINES >= 20;
	int y = big ? LINES / 2 - 6 : 2, below = y + (big ? 8 : 5);
	const char *keys_due[] = {"s", "start", "z", "snooze", "k", "skip", "p", "pause", "q", "quit", NULL};
	const char *keys_wait[] = {"s", "break now", "z", "snooze", "k", "skip", "p", "pause", "q", "quit", NULL};
	const char *keys_paused[] = {"p", "resume", "q", "quit", NULL};
	const char *const *keys = keys_wait;
	if (r->m.micro_end > now) {
		ui_center(y, 0, COLS, "Look away: at something 6 metres (20 feet) away", ROLE_CAUTION);
		char clock[16];
		duration_clock((long)(r->m.micro_end - now), clock, sizeof clock);
		if (big && ui_big_width(clock) < COLS)
			ui_big(y + 2, (COLS - ui_big_width(clock)) / 2, clock, ROLE_TITLE);
		else
			ui_center(y + 2, 0, COLS, clock, ROLE_TITLE);
		ui_center(big ? y + 7 : y + 3, 0, COLS, "(it ends by itself)", ROLE_DIM);
	} else if (r->m.offered) {
		ui_center(y, 0, COLS, "Time for a posture break", ROLE_CAUTION);
		duration_words(r->o.routine_secs, a, sizeof a);
		snprintf(buf, sizeof buf, "%s (%s)", r->o.routine_title, a);
		ui_center(y + 2, 0, COLS, buf, ROLE_TITLE);
		duration_words(r->m.set.snooze, b, sizeof b);
		snprintf(buf, sizeof buf, "s: start it now   z: snooze %s   k: skip", b);
		ui_center(y + 3, 0, COLS, buf, ROLE_NORMAL);
		keys = keys_due;
	} else {
		reminder_next_text(r, now, buf, sizeof buf);
		ui_center(y, 0, COLS, buf, ROLE_TITLE);
		if (reminder_waiting_for_routine(r))
			ui_center(y + 1, 0, COLS, "a routine is playing: no break before it ends", ROLE_DIM);
		if (remind_paused(&r->m))
			keys = keys_paused;
	}
	duration_words(r->m.set.every, a, sizeof a);
	int n = snprintf(buf, sizeof buf, "Every %s, %s, %s; routine %s", a,
	    schedule_hours_text(&r->m.set.sch, h, sizeof h), schedule_days_text(r->m.set.sch.days, d, sizeof d),
	    r->o.routine_id);
	if (r->m.set.micro > 0 && n > 0 && (size_t)n < sizeof buf)
		snprintf(buf + n, sizeof buf - (size_t)n, "; look away every %s",
		    duration_words(r->m.set.micro, b, sizeof b));
	ui_center(below, 0, COLS, buf, ROLE_DIM);
	struct remind_counts t = remind_today(&r->m, now);
	snprintf(buf, sizeof buf, "Today: %d offered, %d taken, %d snoozed, %d skipped", t.offered, t.taken,
	    t.snoozed, t.skipped);
	ui_center(below + 1, 0, COLS, buf, ROLE_NORMAL);
	if (c->msg[0])
		ui_center(below + 2, 0, COLS, c->msg, ROLE_DIM);
	ui_keys(LINES - 1, keys);
}

static long long
screen_tick(void *ctx, long long now_mono, enum nav *result)
{
	struct remind_ctx *c = ctx;
	if (c->stopped) {
		*result = NAV_QUIT;
		return LLONG_MAX;
	}
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	time_t now = ts.tv_sec;
	reminder_refresh(c->r, now); /* a routine completed elsewhere, the day's counts */
	if (c->msg[0] && now >= c->msg_until)
		c->msg[0] = '\0'; /* its "(in N min)" would be out of date: the line above says it */
	/* Redraw each second of a micro-break, else when "(in N min)" would
	 * read differently (at the second it does, so that it agrees with
	 * `remind status`), and at least once a minute to see a routine
	 * completed elsewhere; the reminder wakes itself when due. */
	long long secs = 60;
	if (c->r->m.micro_end > now) {
		secs = 1;
	} else {
		time_t change = reminder_next_text_changes(c->r, now);
		if (change != REMIND_NEVER && change - now < secs)
			secs = change - now;
	}
	/* from the wall clock's second, not the monotonic now: 10 ms past it */
	return now_mono + secs * 1000000 - ts.tv_nsec / 1000 + 10000;
}

static void
start_routine(struct remind_ctx *c)
{
	loop_break(NAV_START);
}

static enum nav
screen_key(void *ctx, int key, bool is_char, long long now_mono)
{
	struct remind_ctx *c = ctx;
	struct reminder *r = c->r;
	if (!is_char)
		return NAV_STAY;
	time_t now = time(NULL);
	switch (key) {
	case 's':
		if (remind_paused(&r->m))
			break;
		return NAV_START;
	case 'z':
		if (!remind_paused(&r->m))
			reminder_snooze(r, now, 0, c->msg, sizeof c->msg);
		break;
	case 'k':
		if (!remind_paused(&r->m))
			reminder_skip(r, now, c->msg, sizeof c->msg);
		break;
	case 'p':
		if (remind_paused(&r->m))
			reminder_resume(r, now, c->msg, sizeof c->msg);
		else
			reminder_pause(r, now, 0, c->msg, sizeof c->msg);
		break;
	case 'q':
	case 'Q':
		return NAV_QUIT;
	}
	c->msg_until = reminder_next_text_changes(r, now);
	return NAV_STAY;
}

/* ---- the reminder's hooks ------------------------------------------------- */

static void
on_event(void *ctx, enum remind_event e)
{
	struct remind_ctx *c = ctx;
	if (c->playing)
		return;
	if (e == REMIND_BREAK) {
		c->msg[0] = '\0';
		ui_alert(true); /* the bell and a flash, beside the cue */
	} else if (e == REMIND_MICRO) {
		ui_alert(false);
	}
	ui_dirty();
}

static void
on_changed(void *ctx)
{
	ui_dirty();
}

static void
on_start(void *ctx)
{
	struct remind_ctx *c = ctx;
	if (!c->playing)
		start_routine(c);
}

static void
on_stop(void *ctx)
{
	struct remind_ctx *c = ctx;
	c->stopped = true;
	if (!c->playing)
		loop_break(NAV_QUIT); /* else when the routine is over */
}

enum nav
ui_remind(struct reminder *r, const struct routine *routine, const struct safety *cat,
    struct config *cfg)
{
	struct remind_ctx c = {.r = r};
	r->h = (struct reminder_hooks){.event = on_event, .changed = on_changed, .start = on_start,
	    .stop = on_stop, .ctx = &c};
	struct ui_screen scr = {.draw = screen_draw, .key = screen_key, .tick = screen_tick, .ctx = &c};
	enum nav rc = ui_red_flags_once(cat);
	while (rc == NAV_OK && !c.stopped) {
		rc = ui_run(&scr);
		if (rc != NAV_START)
			break;
		/* the full player, screening first; audio only while it runs;
		 * the socket is served throughout */
		bool offered = reminder_begin(r, time(NULL)); /* being taken: no snooze from outside */
		struct audio *audio = audio_new(cfg->audio_enabled, cfg->voice, cfg->volume);
		audio_set_speak(audio, cfg->speak);
		struct flow_opts o = flow_opts_for(cfg, 1.0);
		c.playing = true;
		reminder_playing(r, true);
		rc = ui_flow(routine, cat, &o, audio);
		reminder_playing(r, false);
		c.playing = false;
		audio_free(audio);
		c.msg[0] = '\0';
		if (rc == NAV_BACK) {
			rc = NAV_OK; /* went back at the screening: the break is still due */
			reminder_unbegin(r, time(NULL));
			continue;
		}
		if (offered)
			reminder_taken(r, time(NULL));
		if (rc != NAV_SIGNAL)
			rc = NAV_OK;
	}
	r->h = (struct reminder_hooks){0};
	return rc == NAV_QUIT ? NAV_OK : rc;
}
