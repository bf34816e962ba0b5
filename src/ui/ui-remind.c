/*
 * ui-remind.c - the foreground reminder: the next break and a countdown
 * (in minutes, so that waiting wakes once a minute), today's breaks, and
 * when one is due a prompt to start the routine, snooze or skip.
 */
#include <limits.h>
#include <stdio.h>
#include <time.h>

#include "audio.h"
#include "duration.h"
#include "remind.h"
#include "ui-screens.h"
#include "ui.h"
#include "util.h"

struct remind_ctx {
	struct reminder *r;
	bool due;
};

static void
remind_draw(void *ctx)
{
	struct remind_ctx *c = ctx;
	struct reminder *r = c->r;
	time_t now = time(NULL);
	char buf[160], every[32];
	ui_text(0, 0, COLS, "unknot: posture breaks", ROLE_TITLE);
	int y = LINES / 2 - 3;
	if (y < 2)
		y = 2;
	if (c->due) {
		ui_center(y, 0, COLS, "Time for a posture break", ROLE_CAUTION);
		snprintf(buf, sizeof buf, "s: start %s now   z: snooze %s   k: skip", r->routine,
		    duration_words(r->sch.snooze, every, sizeof every));
		ui_center(y + 2, 0, COLS, buf, ROLE_NORMAL);
	} else {
		ui_center(y, 0, COLS, reminder_next_text(r, now), ROLE_TITLE);
	}
	snprintf(buf, sizeof buf, "Every %s, %02d:%02d-%02d:%02d, %s; routine %s",
	    duration_words(r->sch.every, every, sizeof every), r->sch.start_min / 60, r->sch.start_min % 60,
	    r->sch.end_min / 60, r->sch.end_min % 60, schedule_days_text(r->sch.days), r->routine);
	ui_center(y + 4, 0, COLS, buf, ROLE_DIM);
	snprintf(buf, sizeof buf, "Today: %d taken, %d snoozed, %d skipped", r->taken, r->snoozed, r->skipped);
	ui_center(y + 5, 0, COLS, buf, ROLE_NORMAL);
	const char *keys[] = {"s", "break now", "z", "snooze", "k", "skip", "q", "quit", NULL};
	ui_keys(LINES - 1, keys);
}

static long long
remind_tick(void *ctx, long long now_mono, enum nav *result)
{
	struct remind_ctx *c = ctx;
	struct reminder *r = c->r;
	if (r->quit) {
		*result = NAV_QUIT;
		return LLONG_MAX;
	}
	time_t now = time(NULL);
	reminder_refresh(r, now);
	time_t due = reminder_due(r, now);
	if (due <= now && !c->due) {
		c->due = true;
		reminder_alert(r);
		ui_alert(true);
		ui_dirty();
	} else if (due > now) {
		c->due = false;
	}
	/* wake when due, or at the next minute to redraw the countdown and
	 * notice a clock that jumped; no sooner */
	long long secs = due > now ? (long long)(due - now) : 60;
	long long to_minute = 60 - now % 60;
	if (to_minute < secs)
		secs = to_minute;
	return now_mono + secs * 1000000;
}

static enum nav
remind_key(void *ctx, int key, bool is_char, long long now_mono)
{
	struct remind_ctx *c = ctx;
	(void)now_mono;
	if (!is_char)
		return NAV_STAY;
	time_t now = time(NULL);
	switch (key) {
	case 's':
		reminder_taken(c->r, now);
		c->due = false;
		return NAV_START;
	case 'z':
		reminder_snooze(c->r, now, 0);
		c->due = false;
		break;
	case 'k':
		reminder_skip(c->r, now);
		c->due = false;
		break;
	case 'q':
	case 'Q':
		return NAV_QUIT;
	}
	return NAV_STAY;
}

enum nav
ui_remind(struct reminder *r, const struct routine *routine, const struct safety *cat,
    struct config *cfg)
{
	struct remind_ctx c = {.r = r};
	struct ui_screen scr = {.draw = remind_draw, .key = remind_key, .tick = remind_tick,
	    .ctx = &c};
	enum nav rc = ui_red_flags_once(cat);
	while (rc == NAV_OK) {
		rc = ui_run(&scr);
		if (rc != NAV_START)
			break;
		/* the full player, screening first; audio only while it runs */
		struct audio *audio = audio_new(cfg->audio_enabled, cfg->voice, cfg->volume);
		struct flow_opts o = flow_opts_for(cfg, 1.0);
		rc = ui_flow(routine, cat, &o, audio);
		audio_free(audio);
		schedule_break_taken(&r->sch, time(NULL));
		if (rc == NAV_BACK)
			rc = NAV_OK;
	}
	return rc == NAV_QUIT ? NAV_OK : rc;
}
