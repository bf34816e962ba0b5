/* flow.c - following one routine from start to end: see flow.h. */
#include "flow.h"

#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "file.h"
#include "pain.h"
#include "paths.h"
#include "routine.h"
#include "util.h"

static const char *const nav_names[] = {
	[NAV_OK] = "ok",
	[NAV_BACK] = "back",
	[NAV_QUIT] = "quit",
	[NAV_SIGNAL] = "signal",
	[NAV_START] = "start",
	[NAV_PROGRESS] = "progress",
	[NAV_PROFILE] = "profile",
};
_Static_assert(ARRAY_LEN(nav_names) == NAV_COUNT, "a navigation without a name");

const char *
nav_name(enum nav n)
{
	return n == NAV_STAY ? "stay" : (unsigned)n < NAV_COUNT ? nav_names[n] : "?";
}

enum outcome
flow_outcome(long long step_ms, long long total_ms, bool reached_end)
{
	if (!reached_end)
		return OUTCOME_STOPPED;
	if (step_ms * 100 >= total_ms * FLOW_COMPLETE_PERCENT)
		return OUTCOME_COMPLETED;
	return OUTCOME_PARTIAL;
}

const char *
flow_outcome_text(enum outcome o)
{
	return o == OUTCOME_COMPLETED ? "Routine complete" : o == OUTCOME_PARTIAL ? "Routine ended early" :
	    "Routine stopped";
}

bool
flow_parse_pain(const char *s, int *value)
{
	while (*s == ' ' || *s == '\t')
		s++;
	int v = -1, digits = 0;
	for (; *s >= '0' && *s <= '9' && digits < 3; s++, digits++)
		v = (v < 0 ? 0 : v * 10) + (*s - '0');
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	if (*s != '\0' || v > 10)
		return false;
	*value = v;
	return true;
}


size_t
flow_screening_lines(const struct flow *f, struct flow_line **out)
{
	const struct screening *sc = &f->screening;
	struct flow_lines l = {0};
	for (size_t i = 0; i < sc->warnings.n; i++)
		flow_lines_add(&l, sc->warnings.v[i].indent, sc->warnings.v[i].label, sc->warnings.v[i].emph,
		    sc->warnings.v[i].text);
	flow_lines_add(&l, 0, "", EMPH_NORMAL, "");
	for (size_t i = 0; i < sc->body.n; i++)
		flow_lines_add(&l, sc->body.v[i].indent, sc->body.v[i].label, sc->body.v[i].emph, sc->body.v[i].text);
	flow_lines_add(&l, 0, "", EMPH_NORMAL, "");
	flow_lines_add(&l, 0, "", EMPH_DIM, sc->red_flags);
	*out = l.v;
	return l.n;
}
size_t
flow_red_flag_lines(const struct safety *cat, const struct routine *r, struct flow_line **vout)
{
	struct flow_lines l = {0}, *out = &l;
	for (int t = 0; t < RED_FLAG_TIER_COUNT; t++) {
		bool any = false;
		for (size_t i = 0; i < cat->nflags; i++) {
			const struct red_flags *g = &cat->flags[i];
			if (g->tier != (enum red_flag_tier)t || !screening_red_flags_apply(g, r))
				continue;
			if (!any)
				flow_lines_add(out, 0, "", t == RED_FLAG_EMERGENCY ? EMPH_STOP : EMPH_CAUTION,
				    red_flag_tier_heading((enum red_flag_tier)t));
			any = true;
			if (g->title) {
				char *head = xasprintf("%s:", g->title);
				flow_lines_add(out, 2, "", EMPH_TITLE, head);
				free(head);
			}
			for (char **f = g->flags; f && *f; f++)
				flow_lines_add(out, g->title ? 4 : 2, "- ", EMPH_NORMAL, *f);
		}
		if (any)
			flow_lines_add(out, 0, "", EMPH_NORMAL, "");
	}
	flow_lines_add(out, 0, "", EMPH_DIM, "unknot is a comfort aid that goes with staying active; it "
	    "cannot tell what causes your pain, and this is general information, not medical advice.");
	*vout = l.v;
	return l.n;
}

bool
flow_red_flags_read(void)
{
	char *dir = paths_state_dir(); /* NULL: no home folder, so ask every time */
	const char *why;
	int dfd = dir ? file_open_dir(dir, false, &why) : -1;
	bool read = dfd >= 0 && faccessat(dfd, "red-flags-read", F_OK, AT_SYMLINK_NOFOLLOW) == 0;
	if (dfd >= 0)
		close(dfd);
	free(dir);
	return read;
}

void
flow_red_flags_mark_read(void)
{
	char *dir = paths_state_dir();
	const char *why;
	int dfd = dir ? file_open_dir(dir, true, &why) : -1;
	/* never through a link: a planted one could create any file */
	int fd = dfd >= 0 ? file_openat_write(dfd, "red-flags-read", O_WRONLY | O_CREAT, 0600, &why) : -1;
	if (fd >= 0)
		close(fd);
	if (dfd >= 0)
		close(dfd);
	free(dir);
}

static void
record(struct flow *f, const struct flow_opts *o)
{
	if (f->preview)
		return;
	struct history_record rec = {
		.when = f->play.started,
		.routine = f->r->id,
		.outcome = f->outcome,
		.seconds = (long)(f->play.step_ms / 1000),
		.pain_before = f->pain_before,
		.pain_after = f->pain_after,
	};
	const char *why = NULL;
	int rc = o->history_dir ? history_append_to(o->history_dir, &rec, &why) : history_append(&rec, &why);
	if (rc < 0)
		snprintf(f->note, sizeof f->note, "History not saved: %s", why ? why : "unknown error");
	else
		f->recorded = true;
}

struct flow_opts
flow_opts_for(struct config *cfg, double speed)
{
	return (struct flow_opts){.speed = speed, .ask_pain = cfg->ask_pain, .health = &cfg->health};
}

/* The screening, again after the profile step changed what is declared. */
static enum nav
screen(const struct flow_frontend *fe, struct flow *f, const struct safety *cat, const struct flow_opts *o)
{
	for (;;) {
		plan_make(&f->plan, cat, f->r, o->health ? o->health->declared : NULL);
		screening_make(&f->screening, &f->plan, cat, o->health && health_answered(o->health));
		f->total_ms = routine_seconds(&f->plan.run) * 1000LL;
		enum nav rc = o->skip_screening && !plan_refused(&f->plan) ? NAV_OK : fe->screening(fe->ctx, f);
		if (rc != NAV_PROFILE)
			return plan_refused(&f->plan) && rc == NAV_OK ? NAV_BACK : rc;
		plan_free(&f->plan);
		screening_free(&f->screening);
		if (fe->profile == NULL || o->health == NULL)
			return NAV_BACK;
		if ((rc = fe->profile(fe->ctx, cat, o->health)) == NAV_SIGNAL)
			return rc;
	}
}

/* Ask; NAV_OK when the answer is `go` (other answers go back). */
static enum nav
ask(const struct flow_frontend *fe, const struct flow *f, const char *text, enum flow_emph emph,
    const char *const *answers, char go)
{
	char answer = 0;
	enum nav rc = fe->ask(fe->ctx, f, text, emph, answers, &answer);
	if (rc != NAV_OK)
		return rc;
	return answer == go ? NAV_OK : NAV_BACK;
}

/* After a session that raised pain: did it settle?  (pain.h) */
static enum nav
follow_up(const struct flow_frontend *fe, const struct flow *f, const struct flow_opts *o)
{
	if (fe->ask == NULL || o->now == 0)
		return NAV_OK;
	char *path = o->history_dir ? xasprintf("%s/history.tsv", o->history_dir) : history_path();
	struct pain_last last = {0};
	struct diags d = {0};
	if (path)
		pain_last_sessions(path, f->r->id, &last, &d);
	diags_free(&d);
	free(path);
	static const char *const go_back[] = {"y", "go on, lighter", "q", "back", NULL};
	static const char *const settled[] = {"y", "yes, it settled", "n", "no", "q", "back", NULL};
	/* what the end screen said was "do not repeat it": no easy way on */
	static const char *const anyway_back[] = {"y", "start anyway", "q", "back", NULL};
	switch (pain_followup_due(&last, o->now)) {
	case FOLLOWUP_NONE:
		return NAV_OK;
	case FOLLOWUP_WAIT:
		return ask(fe, f, pain_followup_wait, EMPH_STOP, anyway_back, 'y');
	case FOLLOWUP_SAME_DAY:
		return ask(fe, f, pain_followup_same_day, EMPH_CAUTION, go_back, 'y');
	case FOLLOWUP_NEXT_DAY: {
		char answer = 0;
		enum nav rc = fe->ask(fe->ctx, f, pain_followup_question, EMPH_NORMAL, settled, &answer);
		if (rc != NAV_OK || answer == 'y')
			return rc;
		if (answer != 'n')
			return NAV_BACK;
		if (pain_here_said_stop(&last, o->now))
			return ask(fe, f, pain_followup_not_settled_wait, EMPH_STOP, anyway_back, 'y');
		return ask(fe, f, pain_followup_not_settled, EMPH_CAUTION, go_back, 'y');
	}
	}
	return NAV_OK;
}

enum nav
flow_run(const struct flow_frontend *fe, const struct routine *r, const struct safety *cat,
    const struct flow_opts *o)
{
	struct flow f = {
		.r = r, .speed = o->speed, .preview = o->speed != 1.0,
		.pain_before = -1, .pain_after = -1,
	};
	/* never started when the plan refuses, whatever a front end says */
	enum nav rc = screen(fe, &f, cat, o);
	if (rc == NAV_OK)
		rc = follow_up(fe, &f, o);
	if (rc == NAV_OK && o->ask_pain)
		rc = fe->pain(fe->ctx, &f, PAIN_BEFORE, &f.pain_before);
	const char *too_high = rc == NAV_OK ? pain_before_advice(f.pain_before) : NULL;
	if (too_high && fe->ask) {
		static const char *const start_back[] = {"y", "start anyway", "q", "back", NULL};
		rc = ask(fe, &f, too_high, EMPH_STOP, start_back, 'y');
	}
	if (rc != NAV_OK) {
		plan_free(&f.plan);
		screening_free(&f.screening);
		return rc == NAV_SIGNAL ? NAV_SIGNAL : NAV_BACK;
	}

	rc = fe->play(fe->ctx, &f, &f.play);
	f.outcome = flow_outcome(f.play.step_ms, f.total_ms, rc == NAV_OK && f.play.reached_end);
	f.percent_done = f.total_ms > 0 ? (int)(f.play.step_ms * 100 / f.total_ms) : 100;
	if (f.percent_done > 100)
		f.percent_done = 100;
	/* pain after the end or a stop alike: a stop is often because of it */
	if (rc != NAV_SIGNAL && o->ask_pain && fe->pain(fe->ctx, &f, PAIN_AFTER, &f.pain_after) == NAV_SIGNAL)
		rc = NAV_SIGNAL;
	f.verdict = pain_after_verdict(f.pain_before, f.pain_after);
	f.advice = pain_verdict_advice(f.verdict);
	record(&f, o);
	if (rc != NAV_SIGNAL)
		rc = fe->end(fe->ctx, &f) == NAV_SIGNAL ? NAV_SIGNAL : NAV_OK;
	plan_free(&f.plan);
	screening_free(&f.screening);
	return rc;
}
