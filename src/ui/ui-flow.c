/*
 * ui-flow.c - the curses front end of the session flow (src/core/flow.h):
 * the screening, pain, player and end screens as the flow's steps.  The
 * flow decides the order, the outcome and the history record.
 */
#include "reminder.h"
#include "ui-screens.h"
#include "ui.h"

struct ui_flow_ctx {
	double speed;
	struct audio *audio;
};

static enum nav
flow_screening(void *ctx, const struct flow *f)
{
	(void)ctx;
	return ui_screening(f);
}

static enum nav
flow_pain(void *ctx, const struct flow *f, enum pain_when when, int *value)
{
	(void)ctx;
	return ui_pain(f->r->title, when == PAIN_BEFORE ? "Before you start" :
	    f->play.reached_end ? "Routine complete: how is it now?" : "Routine stopped: how is it now?",
	    when == PAIN_BEFORE, value);
}

static enum nav
flow_play(void *ctx, const struct flow *f, struct flow_play *out)
{
	struct ui_flow_ctx *c = ctx;
	int playing = reminder_playing_begin(); /* no reminder offers a break meanwhile */
	enum nav rc = ui_player(&f->plan, c->speed, c->audio, out);
	reminder_playing_end(playing);
	return rc;
}

static enum nav
flow_profile(void *ctx, const struct safety *cat, struct health *h)
{
	(void)ctx;
	return ui_health(cat, h);
}

static enum nav
flow_ask(void *ctx, const struct flow *f, const char *text, enum flow_emph emph,
    const char *const *answers, char *answer)
{
	(void)ctx;
	return ui_ask(f->r->title, text, ui_emph_role(emph), answers, answer);
}

static enum nav
flow_end(void *ctx, const struct flow *f)
{
	(void)ctx;
	return ui_end_screen(f);
}

enum nav
ui_flow(const struct routine *r, const struct safety *cat, const struct flow_opts *o, struct audio *audio)
{
	struct ui_flow_ctx c = {.speed = o->speed, .audio = audio};
	struct flow_frontend fe = {.ctx = &c, .screening = flow_screening, .profile = flow_profile,
	    .ask = flow_ask, .pain = flow_pain, .play = flow_play, .end = flow_end};
	return flow_run(&fe, r, cat, o);
}
