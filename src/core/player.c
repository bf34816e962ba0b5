/* player.c - the player's decisions: see player.h. */
#include "player.h"

#include "routine.h"
#include "util.h"

const struct player_key player_keys[CMD_COUNT] = {
	[CMD_NONE] = {0, 0, "", ""},
	[CMD_PAUSE] = {' ', 0, "space", "pause or resume"},
	[CMD_NEXT] = {'n', 0, "n, Right", "next step (on the last one, asks first)"},
	[CMD_PREV] = {'p', 0, "p, Left", "previous step (twice: the one before)"},
	[CMD_MUTE] = {'m', 0, "m", "mute or unmute sound"},
	[CMD_LOUDER] = {'+', '=', "+", "louder"},
	[CMD_QUIETER] = {'-', 0, "-", "quieter"},
	[CMD_HELP] = {'?', 'h', "?", "the keys"},
	[CMD_STOP] = {'q', 'Q', "q", "stop the routine (asks first)"},
};

enum player_cmd
player_command(int ch)
{
	if (ch <= 0)
		return CMD_NONE;
	for (int c = CMD_NONE + 1; c < CMD_COUNT; c++)
		if (player_keys[c].key == ch || player_keys[c].alt == ch)
			return (enum player_cmd)c;
	return CMD_NONE;
}

void
player_init(struct player *p, const struct routine *r, double speed, long long now)
{
	*p = (struct player){.r = r, .s = session_new(r, speed, now)};
}

void
player_free(struct player *p)
{
	session_free(p->s);
	p->s = NULL;
}

void
player_hold(struct player *p, enum player_pause why, bool on, long long now)
{
	if (on)
		p->pauses |= (unsigned)why;
	else
		p->pauses &= ~(unsigned)why;
	if (p->pauses)
		session_pause(p->s, now);
	else
		session_resume(p->s, now);
}

bool
player_held(const struct player *p, enum player_pause why)
{
	return (p->pauses & (unsigned)why) != 0;
}

bool
player_paused(const struct player *p)
{
	return p->pauses != 0;
}

static void
ask(struct player *p, enum player_ask a, long long now)
{
	p->ask = a;
	player_hold(p, PAUSE_ASK, true, now);
}

void
player_do(struct player *p, enum player_cmd c, long long now)
{
	if (player_over(p) || p->ask != ASK_NONE)
		return;
	struct session_view v;
	switch (c) {
	case CMD_PAUSE:
		player_hold(p, PAUSE_USER, !player_held(p, PAUSE_USER), now);
		break;
	case CMD_NEXT:
		session_view(p->s, now, &v);
		if (v.step + 1 >= v.nsteps)
			ask(p, ASK_FINISH, now);
		else
			session_next_step(p->s, now);
		break;
	case CMD_PREV:
		session_prev_step(p->s, now);
		break;
	case CMD_STOP:
		ask(p, ASK_STOP, now);
		break;
	default:
		break;
	}
}

const char *
player_question(const struct player *p)
{
	switch (p->ask) {
	case ASK_STOP: return "Stop the routine? y: stop, any other key: go on";
	case ASK_FINISH: return "This is the last step. Finish the routine now? y: finish, any other key: go on";
	default: return NULL;
	}
}

void
player_answer(struct player *p, bool yes, long long now)
{
	enum player_ask a = p->ask;
	if (a == ASK_NONE)
		return;
	p->ask = ASK_NONE;
	if (yes && a == ASK_STOP) {
		p->stopped = true; /* the clock stays held: nothing more counts */
		return;
	}
	if (yes && a == ASK_FINISH)
		session_next_step(p->s, now);
	player_hold(p, PAUSE_ASK, false, now);
}

size_t
player_tick(struct player *p, long long now, const struct session_event **events)
{
	return session_tick(p->s, now, events);
}

bool
player_over(const struct player *p)
{
	return p->stopped || session_done(p->s);
}

void
player_result(const struct player *p, long long now, struct flow_play *out)
{
	out->step_ms = session_active_ms(p->s, now);
	out->reached_end = !p->stopped && session_done(p->s);
}
