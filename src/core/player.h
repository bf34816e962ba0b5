/*
 * player.h - the player's decisions, the same for every front end (the
 * curses player, the plain line mode): the routine clock (session.h), the
 * reasons it is paused, the questions asked before a stop or a skip past
 * the last step, and the keys.
 *
 * The clock runs only while no reason holds it: the user's pause, the
 * help being open, a window too small to show the player, an open
 * question, the process being suspended.  Each reason is set and cleared
 * on its own, so that closing the help does not resume a routine the user
 * had paused.  Like the session, the player reads no clock: every call
 * takes `now` (monotonic microseconds).  Sound, drawing and printing are
 * the front end's; a front end maps its keys with player_command() and
 * hands the commands that move the clock to player_do().
 */
#ifndef UNKNOT_PLAYER_H
#define UNKNOT_PLAYER_H

#include <stdbool.h>
#include <stddef.h>

#include "flow.h"
#include "session.h"

enum player_pause {
	PAUSE_USER = 1 << 0,     /* space */
	PAUSE_HELP = 1 << 1,     /* the ? help is open */
	PAUSE_SMALL = 1 << 2,    /* the window is too small to show the player */
	PAUSE_ASK = 1 << 3,      /* a question is open */
	PAUSE_SUSPEND = 1 << 4,  /* stopped with Ctrl-Z */
};

enum player_ask {
	ASK_NONE,
	ASK_STOP,    /* q: stop the routine? */
	ASK_FINISH,  /* n on the last step: finish now? */
};

enum player_cmd {
	CMD_NONE, CMD_PAUSE, CMD_NEXT, CMD_PREV, CMD_MUTE, CMD_LOUDER, CMD_QUIETER, CMD_HELP, CMD_STOP,
	CMD_COUNT
};

/* The keys, one row per command: the key as typed, how the help names
 * it, and what it does.  player_keys[CMD_NONE] is empty. */
struct player_key {
	char key, alt;          /* typed characters (alt 0: none) */
	const char *name;       /* "space", "n, Right" */
	const char *help;       /* "pause or resume" */
};
extern const struct player_key player_keys[CMD_COUNT];
/* The command for a typed character, or CMD_NONE. */
enum player_cmd player_command(int ch);

struct player {
	const struct routine *r;
	struct session *s;
	unsigned pauses;         /* enum player_pause bits */
	enum player_ask ask;
	bool stopped;            /* the user said yes to ASK_STOP */
};

void player_init(struct player *p, const struct routine *r, double speed, long long now);
void player_free(struct player *p);

/* Set or clear one reason to hold the clock. */
void player_hold(struct player *p, enum player_pause why, bool on, long long now);
bool player_held(const struct player *p, enum player_pause why);
bool player_paused(const struct player *p);

/* Pause, next, previous and stop; the other commands are the front end's
 * (sound, help) and do nothing here.  Next on the last step and stop open
 * a question instead of acting. */
void player_do(struct player *p, enum player_cmd c, long long now);
/* The open question in words ("Stop the routine? y: stop, any other key:
 * go on"), or NULL. */
const char *player_question(const struct player *p);
/* Answer the open question: yes does it, anything else goes on. */
void player_answer(struct player *p, bool yes, long long now);

/* The clock's events up to now (see session_tick). */
size_t player_tick(struct player *p, long long now, const struct session_event **events);
/* The routine reached its end, or was stopped. */
bool player_over(const struct player *p);
/* What the flow records: the step time done and whether the end was
 * reached (started is the front end's: it reads the wall clock). */
void player_result(const struct player *p, long long now, struct flow_play *out);

#endif
