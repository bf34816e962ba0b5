/*
 * ui-player.c - the player: one routine, followed from across the room.
 *
 * Draws what the session says (step, side, rep, the time left in large
 * digits, the step's texts, two progress bars, what comes next), turns the
 * clock's events into cues, and maps keys to the clock.  The clock stops
 * while the process is suspended.
 */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audio.h"
#include "clock.h"
#include "duration.h"
#include "session.h"
#include "text.h"
#include "ui-screens.h"
#include "ui.h"
#include "util.h"

struct player {
	const struct routine *r;
	struct session *s;
	struct audio *audio;
	long long now;
	struct ui_help help;
	bool confirm, paused_before_confirm, paused_before_suspend, completed;
	char msg[96];
	long long msg_until;
};

static const char *const help_lines[] = {
	"space    pause or resume",
	"n, Right next step",
	"p, Left  previous step (twice: the one before)",
	"m        mute or unmute sound",
	"+  -     louder, quieter",
	"?        this help",
	"q        stop the routine (asks first)",
	"",
	"Press any key to close.",
	NULL,
};

static void
say(struct player *p, const char *msg)
{
	snprintf(p->msg, sizeof p->msg, "%s", msg);
	p->msg_until = p->now + 2500000;
}

static const char *
type_upper(int type, char *buf, size_t n)
{
	snprintf(buf, n, "%s", step_type_name(type));
	for (char *c = buf; *c; c++)
		*c = (char)toupper((unsigned char)*c);
	return buf;
}

/* "0:12 / 1:40" after a label, and a bar filling the rest of the line. */
static void
progress(int y, const char *label, long long done, long long len)
{
	char a[16], b[16], right[48];
	duration_clock(done / 1000, a, sizeof a);
	duration_clock(len / 1000, b, sizeof b);
	snprintf(right, sizeof right, " %s / %s", a, b);
	int lw = ui_text(y, 0, COLS, label, ROLE_DIM) + 1;
	int rw = text_width(right);
	ui_bar(y, lw, COLS - lw - rw, len > 0 ? (double)done / (double)len : 1.0);
	ui_text(y, COLS - rw, rw, right, ROLE_NORMAL);
}

static void
draw_phase_line(struct player *p, const struct session_view *v, int y)
{
	const struct step *st = &p->r->steps[v->step];
	char line[96] = "";
	if (v->phase == PHASE_READY)
		snprintf(line, sizeof line, "Get ready%s", st->sides ? ": left side first" : "");
	else if (v->phase == PHASE_REST)
		snprintf(line, sizeof line, "Rest%s", (st->sides && v->bout + 1 == st->reps) ?
		    ", then the right side" : "");
	else {
		size_t n = 0;
		if (v->side)
			n += (size_t)snprintf(line + n, sizeof line - n, "%s side", v->side == 1 ? "Left" : "Right");
		if (v->reps > 1)
			snprintf(line + n, sizeof line - n, "%sRep %d/%d", n ? (ui_utf8 ? " · " : " - ") : "",
			    v->rep, v->reps);
	}
	int x = ui_text(y, 0, COLS, line, ROLE_CAUTION);
	if (v->paused)
		ui_text(y, x ? x + 2 : 0, COLS, "PAUSED", ROLE_STOP);
}

static void
player_draw(void *ctx)
{
	struct player *p = ctx;
	struct session_view v;
	session_view(p->s, p->now, &v);
	const struct step *st = &p->r->steps[v.step];
	char buf[64], t[16];

	/* header: routine title, Step i/N */
	snprintf(buf, sizeof buf, "Step %zu/%zu", v.step + 1, v.nsteps);
	int sw = text_width(buf);
	ui_text(0, 0, COLS - sw - 1, p->r->title, ROLE_TITLE);
	ui_text(0, COLS - sw, sw, buf, ROLE_NORMAL);
	/* the step */
	int x = ui_text(1, 0, COLS, type_upper(st->type, buf, sizeof buf), ROLE_DIM);
	ui_text(1, x + 2, COLS - x - 2, st->title, ROLE_TITLE);
	draw_phase_line(p, &v, 2);

	/* the time left in this phase, large when there is room */
	duration_clock((v.phase_left + 999) / 1000, t, sizeof t);
	int y = 3;
	int bw = ui_big_width(t);
	if (LINES >= 22 && COLS >= bw + 2) {
		ui_big(y + 1, (COLS - bw) / 2, t, v.paused ? ROLE_DIM : ROLE_TITLE);
		y += UI_BIG_ROWS + 2;
	} else {
		ui_center(y, 0, COLS, t, v.paused ? ROLE_DIM : ROLE_TITLE);
		y += 1;
	}
	progress(y++, "Step ", v.step_done, v.step_len);
	progress(y++, "Total", v.total_done, v.total_len);

	/* texts, caution first: what is safety-relevant never falls off */
	int bottom = LINES - 2;
	y += LINES >= 16;
	if (st->caution && y < bottom)
		y += ui_wrap(y, 0, COLS, bottom - y, "Caution: ", st->caution, ROLE_CAUTION);
	if (st->how && y < bottom)
		y += ui_wrap(y, 0, COLS, bottom - y, "", st->how, ROLE_NORMAL);
	if (st->pressure && y < bottom)
		y += ui_wrap(y, 0, COLS, bottom - y, "Pressure: ", st->pressure, ROLE_DIM);

	/* what comes next */
	if (v.step + 1 < v.nsteps) {
		const struct step *nx = &p->r->steps[v.step + 1];
		duration_clock(step_seconds(nx), t, sizeof t);
		char *next = xasprintf("Next: %s (%s, %s)", nx->title, step_type_name(nx->type), t);
		ui_text(LINES - 2, 0, COLS, next, ROLE_DIM);
		free(next);
	} else {
		ui_text(LINES - 2, 0, COLS, "Next: the end", ROLE_DIM);
	}

	/* the key line, or a question, or a passing message */
	if (p->confirm) {
		ui_text(LINES - 1, 0, COLS, "Stop the routine? y: stop, any other key: go on", ROLE_STOP);
	} else if (p->msg_until > p->now) {
		ui_text(LINES - 1, 0, COLS, p->msg, ROLE_CAUTION);
	} else {
		const char *keys[] = {"space", v.paused ? "resume" : "pause", "n", "next", "p", "prev",
			"m", audio_muted(p->audio) ? "unmute" : "mute", "?", "help", "q", "stop", NULL};
		ui_keys(LINES - 1, keys);
	}
	ui_help_draw(&p->help);
}

static void
cue(struct player *p, const struct session_event *e)
{
	int c = audio_cue_for_event(e->kind, e->value);
	if (c < 0)
		return;
	if (audio_play(p->audio, c))
		return;
	/* no sound: the bell for what a person must act on, a flash for a side switch */
	if (c == CUE_START || c == CUE_SWITCH || c == CUE_STEP_END || c == CUE_COMPLETE || c == CUE_REST)
		ui_alert(c == CUE_SWITCH);
}

/* Sound the events of one tick.  A step's own sound replaces its start
 * cue; the routine-complete cue covers the last step's end. */
static void
cues(struct player *p, const struct session_event *ev, size_t n)
{
	bool done = n && ev[n - 1].kind == EV_DONE;
	for (size_t i = 0; i < n; i++) {
		const struct session_event *e = &ev[i];
		const char *own = p->r->steps[e->step].sound;
		if (done && e->kind == EV_STEP_END)
			continue;
		if (e->kind == EV_GO && own && audio_play_named(p->audio, own))
			continue;
		cue(p, e);
	}
}

static long long
player_tick(void *ctx, long long now, enum nav *result)
{
	struct player *p = ctx;
	p->now = now;
	const struct session_event *ev;
	size_t n = session_tick(p->s, now, &ev);
	cues(p, ev, n);
	if (n)
		ui_dirty();
	if (session_done(p->s)) {
		p->completed = true;
		*result = NAV_OK;
		return LLONG_MAX;
	}
	long long wake = session_next_deadline(p->s);
	long long redraw = session_next_redraw(p->s, now, 40);
	if (redraw < wake)
		wake = redraw;
	if (p->msg_until > now && p->msg_until < wake)
		wake = p->msg_until;
	return wake;
}

static enum nav
player_key(void *ctx, int key, bool is_char, long long now)
{
	struct player *p = ctx;
	p->now = now;
	if (ui_help_key(&p->help))
		return NAV_STAY;
	if (p->confirm) {
		p->confirm = false;
		if (is_char && (key == 'y' || key == 'Y'))
			return NAV_QUIT;
		if (!p->paused_before_confirm)
			session_resume(p->s, now);
		return NAV_STAY;
	}
	if (!is_char) {
		if (key == KEY_RIGHT)
			session_next_step(p->s, now);
		else if (key == KEY_LEFT)
			session_prev_step(p->s, now);
		return NAV_STAY;
	}
	switch (key) {
	case ' ':
		if (session_paused(p->s))
			session_resume(p->s, now);
		else
			session_pause(p->s, now);
		break;
	case 'n': session_next_step(p->s, now); break;
	case 'p': session_prev_step(p->s, now); break;
	case 'm':
		audio_set_muted(p->audio, !audio_muted(p->audio));
		say(p, audio_muted(p->audio) ? (audio_status(p->audio) ? audio_status(p->audio) : "Sound muted") :
		    "Sound on");
		break;
	case '+':
	case '=':
	case '-': {
		char m[48];
		snprintf(m, sizeof m, "Volume %d%%", audio_change_volume(p->audio, key == '-' ? -10 : 10));
		say(p, m);
		break;
	}
	case '?': p->help.open = true; break;
	case 'q':
	case 'Q':
		p->confirm = true;
		p->paused_before_confirm = session_paused(p->s);
		session_pause(p->s, now);
		break;
	default: break;
	}
	return NAV_STAY;
}

static void
player_suspend(void *ctx, bool stopping, long long now)
{
	struct player *p = ctx;
	if (stopping) {
		p->paused_before_suspend = session_paused(p->s);
		session_pause(p->s, now);
	} else if (!p->paused_before_suspend) {
		session_resume(p->s, now);
	}
}

enum nav
ui_player(const struct routine *r, double speed, struct audio *audio, struct flow_play *out)
{
	audio_prepare(audio);
	struct player p = {.r = r, .audio = audio, .now = now_us(),
	    .help = {.title = "Player keys", .lines = help_lines}};
	out->started = now_wall();
	p.s = session_new(r, speed, p.now);
	if (audio_status(audio))
		say(&p, audio_status(audio));
	struct ui_screen scr = {.draw = player_draw, .key = player_key, .tick = player_tick,
	    .suspend = player_suspend, .ctx = &p};
	enum nav rc = ui_run(&scr);
	long long end = now_us();
	out->reached_end = p.completed;
	out->step_ms = session_active_ms(p.s, end);
	session_free(p.s);
	return rc;
}
