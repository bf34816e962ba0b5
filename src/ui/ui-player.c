/*
 * ui-player.c - the player in curses: one routine, followed from across
 * the room.
 *
 * The decisions are the core player's (src/core/player.c: the clock, what
 * pauses it, the questions, the keys); this file draws what it says (step,
 * side, rep, the time left in large digits, the step's texts, two progress
 * bars, what comes next), hands the clock's events to the sound
 * (audio_events: the cue policy is the core's), rings the bell where
 * nothing sounded, and maps curses keys to the player's commands.  The clock stops while the help is
 * open, while the window is too small to show the player, while a
 * question is open, and while the process is suspended.  The cursor sits
 * on the line that changed last (the step title when a step starts), for
 * screen readers.
 */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audio.h"
#include "clock.h"
#include "duration.h"
#include "pain.h"
#include "player.h"
#include "text.h"
#include "ui-screens.h"
#include "ui.h"
#include "util.h"

/* Where the cursor goes: the line that changed last. */
enum cursor_at { AT_TITLE, AT_PHASE, AT_BOTTOM };

struct view {
	const struct plan *plan;
	const struct routine *r;  /* the plan's routine, as it runs */
	struct player p;
	struct audio *audio;
	double speed;
	long long now;
	struct ui_help help;
	char *help_lines[CMD_COUNT + 8]; /* the keys, the pain rules, how to close */
	char msg[96];
	long long msg_until;
	enum cursor_at cursor;
};

static void
say(struct view *v, const char *msg)
{
	snprintf(v->msg, sizeof v->msg, "%s", msg);
	v->msg_until = v->now + 2500000;
	v->cursor = AT_BOTTOM;
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
draw_phase_line(struct view *v, const struct session_view *sv, int y)
{
	const struct step *st = &v->r->steps[sv->step];
	char line[96] = "";
	if (sv->phase == PHASE_READY)
		snprintf(line, sizeof line, "Get ready%s", st->sides ? ": left side first" : "");
	else if (sv->phase == PHASE_REST)
		snprintf(line, sizeof line, "Rest%s", (st->sides && sv->bout + 1 == st->reps) ?
		    ", then the right side" : "");
	else {
		size_t n = 0;
		if (sv->side)
			n += (size_t)snprintf(line + n, sizeof line - n, "%s side", sv->side == 1 ? "Left" : "Right");
		if (sv->reps > 1)
			snprintf(line + n, sizeof line - n, "%sRep %d/%d", n ? text_glyph(GLYPH_SEP) : "",
			    sv->rep, sv->reps);
	}
	int x = ui_text(y, 0, COLS, line, ROLE_CAUTION);
	if (player_held(&v->p, PAUSE_USER))
		ui_text(y, x ? x + 2 : 0, COLS, "PAUSED", ROLE_STOP);
}

static void
view_draw(void *ctx)
{
	struct view *v = ctx;
	struct session_view sv;
	session_view(v->p.s, v->now, &sv);
	const struct step *st = &v->r->steps[sv.step];
	char buf[64], t[16];

	/* header: routine title, a preview's speed, Step i/N */
	int n = 0;
	if (v->speed != 1.0)
		n = snprintf(buf, sizeof buf, "PREVIEW %s%g  ", text_glyph(GLYPH_TIMES), v->speed);
	snprintf(buf + n, sizeof buf - (size_t)n, "Step %zu/%zu", sv.step + 1, sv.nsteps);
	int sw = text_width(buf);
	ui_text(0, 0, COLS - sw - 1, v->r->title, ROLE_TITLE);
	ui_text(0, COLS - sw, sw, buf, v->speed != 1.0 ? ROLE_CAUTION : ROLE_NORMAL);
	/* the step */
	int x = ui_text(1, 0, COLS, type_upper(st->type, buf, sizeof buf), ROLE_DIM);
	ui_text(1, x + 2, COLS - x - 2, st->title, ROLE_TITLE);
	int title_x = x + 2;
	draw_phase_line(v, &sv, 2);

	/* the time left in this phase, large when there is room */
	duration_clock((sv.phase_left + 999) / 1000, t, sizeof t);
	int y = 3;
	int bw = ui_big_width(t);
	bool dim = player_paused(&v->p);
	if (LINES >= 22 && COLS >= bw + 2) {
		ui_big(y + 1, (COLS - bw) / 2, t, dim ? ROLE_DIM : ROLE_TITLE);
		y += UI_BIG_ROWS + 2;
	} else {
		ui_center(y, 0, COLS, t, dim ? ROLE_DIM : ROLE_TITLE);
		y += 1;
	}
	progress(y++, "Step ", sv.step_done, sv.step_len);
	progress(y++, "Total", sv.total_done, sv.total_len);

	/* texts, caution first: what is safety-relevant never falls off; but
	 * where three lines or more are left, the last is kept for the start
	 * of the how, so that a small window still says what to do */
	int bottom = LINES - 2;
	y += LINES >= 16;
	/* getting down to the floor or up from it, while there is time for it */
	const char *move = sv.phase == PHASE_READY ? step_move_text(step_move(v->r, sv.step)) : NULL;
	if (move && y < bottom)
		y += ui_wrap(y, 0, COLS, bottom - y, "", move, ROLE_CAUTION);
	int keep = st->how && bottom - y >= 3;
	if (st->caution && y < bottom - keep)
		y += ui_wrap(y, 0, COLS, bottom - keep - y, "Caution: ", st->caution, ROLE_CAUTION);
	/* the advice of what the person declared, on the steps it concerns */
	const struct plan_step *ps = &v->plan->steps[sv.step];
	for (size_t i = 0; i < ps->ncautions && y < bottom - keep; i++) {
		char *label = condition_label(ps->cautions[i]);
		y += ui_wrap(y, 0, COLS, bottom - keep - y, label, ps->cautions[i]->advice, ROLE_CAUTION);
		free(label);
	}
	if (st->how && y < bottom) {
		/* on the right side its "Left side: ..." sentence is mirrored */
		char *how = step_how_for_side(st, sv.side == 2);
		y += ui_wrap(y, 0, COLS, bottom - y, "", how, ROLE_NORMAL);
		free(how);
	}
	if (st->pressure && y < bottom)
		y += ui_wrap(y, 0, COLS, bottom - y, "Pressure: ", st->pressure, ROLE_DIM);

	/* what comes next */
	if (sv.step + 1 < sv.nsteps) {
		const struct step *nx = &v->r->steps[sv.step + 1];
		duration_clock(step_seconds(nx), t, sizeof t);
		char *next = xasprintf("Next: %s (%s, %s)", nx->title, step_type_name(nx->type), t);
		ui_text(LINES - 2, 0, COLS, next, ROLE_DIM);
		free(next);
	} else {
		ui_text(LINES - 2, 0, COLS, "Next: the end", ROLE_DIM);
	}

	/* the key line, or a question, or a passing message */
	const char *q = player_question(&v->p);
	if (q) {
		ui_text(LINES - 1, 0, COLS, q, ROLE_STOP);
	} else if (v->msg_until > v->now) {
		ui_text(LINES - 1, 0, COLS, v->msg, ROLE_CAUTION);
	} else {
		const char *keys[] = {"space", player_held(&v->p, PAUSE_USER) ? "resume" : "pause", "n", "next",
			"p", "prev", "m", audio_muted(v->audio) ? "unmute" : "mute", "?", "help", "q", "stop", NULL};
		ui_keys(LINES - 1, keys);
	}
	ui_help_draw(&v->help);
	/* last: the cursor on the line that changed last */
	if (v->cursor == AT_TITLE)
		move(1, title_x < COLS ? title_x : 0);
	else if (v->cursor == AT_PHASE)
		move(2, 0);
	else
		move(LINES - 1, 0);
}

static long long
view_tick(void *ctx, long long now, enum nav *result)
{
	struct view *v = ctx;
	v->now = now;
	bool small = ui_small();
	if (small != player_held(&v->p, PAUSE_SMALL))
		player_hold(&v->p, PAUSE_SMALL, small, now);
	const struct session_event *ev;
	size_t n = player_tick(&v->p, now, &ev);
	enum cue_alert alert = audio_events(v->audio, v->r, ev, n, now);
	if (alert != ALERT_NONE) /* no sound: the bell, and a flash for a side switch */
		ui_alert(alert == ALERT_FLASH);
	for (size_t i = 0; i < n; i++) {
		if (ev[i].kind == EV_STEP_START)
			v->cursor = AT_TITLE;
		else if (ev[i].kind == EV_SIDE_SWITCH || ev[i].kind == EV_REST_START || ev[i].kind == EV_REP_START)
			v->cursor = AT_PHASE;
	}
	if (n)
		ui_dirty();
	if (player_over(&v->p)) {
		*result = v->p.stopped ? NAV_QUIT : NAV_OK;
		return LLONG_MAX;
	}
	long long wake = session_next_deadline(v->p.s);
	long long sound = audio_wake(v->audio, v->p.s, now);
	if (sound < wake)
		wake = sound;
	long long redraw = session_next_redraw(v->p.s, now, 40);
	if (redraw < wake)
		wake = redraw;
	if (v->msg_until > now && v->msg_until < wake)
		wake = v->msg_until;
	return wake;
}

static enum nav
view_key(void *ctx, int key, bool is_char, long long now)
{
	struct view *v = ctx;
	v->now = now;
	if (ui_help_key(&v->help)) {
		player_hold(&v->p, PAUSE_HELP, false, now);
		return NAV_STAY;
	}
	if (player_question(&v->p)) {
		player_answer(&v->p, is_char && (key == 'y' || key == 'Y'), now);
		return v->p.stopped ? NAV_QUIT : NAV_STAY;
	}
	enum player_cmd c = !is_char ? (key == KEY_RIGHT ? CMD_NEXT : key == KEY_LEFT ? CMD_PREV : CMD_NONE) :
	    player_command(key);
	char m[48];
	switch (c) {
	case CMD_MUTE: {
		/* "Sound on" only when it really plays; else why not */
		bool on = audio_muted(v->audio);
		audio_set_muted(v->audio, !on);
		say(v, !on ? "Sound muted" : audio_working(v->audio) ? "Sound on" : audio_status(v->audio));
		break;
	}
	case CMD_LOUDER:
	case CMD_QUIETER:
		snprintf(m, sizeof m, "Volume %d%%", audio_change_volume(v->audio, c == CMD_QUIETER ? -10 : 10));
		say(v, m);
		break;
	case CMD_HELP:
		v->help.open = true;
		player_hold(&v->p, PAUSE_HELP, true, now);
		break;
	default:
		player_do(&v->p, c, now);
		if (player_question(&v->p))
			v->cursor = AT_BOTTOM;
		break;
	}
	return NAV_STAY;
}

static void
view_suspend(void *ctx, bool stopping, long long now)
{
	struct view *v = ctx;
	player_hold(&v->p, PAUSE_SUSPEND, stopping, now);
}

enum nav
ui_player(const struct plan *plan, double speed, struct audio *audio, struct flow_play *out)
{
	const struct routine *r = &plan->run;
	audio_prepare(audio, r);
	struct view v = {.plan = plan, .r = r, .audio = audio, .speed = speed, .now = now_us(),
	    .cursor = AT_TITLE};
	/* the help box from the player's key table */
	size_t nl = 0;
	for (int c = CMD_NONE + 1; c < CMD_COUNT; c++)
		v.help_lines[nl++] = xasprintf("%-9s %s", player_keys[c].name, player_keys[c].help);
	v.help_lines[nl++] = xstrdup("");
	for (size_t i = 0; pain_rules[i] && nl < ARRAY_LEN(v.help_lines) - 3; i++)
		v.help_lines[nl++] = xstrdup(pain_rules[i]);
	v.help_lines[nl++] = xstrdup("");
	v.help_lines[nl++] = xstrdup("The routine is paused while this is open. Any key closes it.");
	v.help_lines[nl] = NULL;
	v.help = (struct ui_help){.title = "Player keys", .lines = (const char *const *)v.help_lines};
	out->started = now_wall();
	player_init(&v.p, r, speed, v.now);
	if (audio_status(audio))
		say(&v, audio_status(audio));
	struct ui_screen scr = {.draw = view_draw, .key = view_key, .tick = view_tick,
	    .suspend = view_suspend, .ctx = &v};
	enum nav rc = ui_run(&scr);
	player_result(&v.p, now_us(), out);
	player_free(&v.p);
	for (size_t i = 0; i < nl; i++)
		free(v.help_lines[i]);
	return rc;
}
