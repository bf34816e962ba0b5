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

const char *
flow_pain_advice(int before, int after)
{
	if (before < 0 || after < 0)
		return NULL;
	if (after - before >= 2 || after >= 7)
		return "Pain went up or is high: ease off next time, with lighter pressure and "
		    "shorter holds. If it keeps happening, see a doctor or physiotherapist.";
	return NULL;
}

struct lines {
	struct flow_line *v;
	size_t n, cap;
};

static void
add(struct lines *l, int indent, const char *label, enum flow_emph emph, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void
add(struct lines *l, int indent, const char *label, enum flow_emph emph, const char *fmt, ...)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	va_list ap;
	va_start(ap, fmt);
	l->v[l->n++] = (struct flow_line){.label = label, .text = xvasprintf(fmt, ap), .emph = emph,
	    .indent = indent};
	va_end(ap);
}

void
flow_lines_free(struct flow_line *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].text);
	free(v);
}

size_t
flow_screening_lines(const struct flow *f, struct flow_line **out)
{
	const struct screening *sc = &f->screening;
	struct lines l = {0};
	if (sc->refuse) {
		add(&l, 0, "", EMPH_STOP, "Not starting: you told unknot you have \"%s\", and this routine must "
		    "not be done then.", sc->refuse->title);
		add(&l, 0, "", EMPH_NORMAL, "%s", "");
	}
	if (sc->n == 0)
		add(&l, 0, "", EMPH_NORMAL, "This routine names no contraindications.");
	for (size_t i = 0; i < sc->n; i++) {
		const struct screen_item *it = &sc->items[i];
		bool stop = it->cond->level == SAFETY_STOP;
		enum flow_emph e = stop ? EMPH_STOP : EMPH_CAUTION;
		add(&l, 0, "", it->declared || stop ? e : EMPH_TITLE, "%s %s%s%s%s", stop ? "Not with:" : "Care with:",
		    it->cond->title, it->step ? " (step \"" : "", it->step ? it->step : "", it->step ? "\")" : "");
		if (it->declared)
			add(&l, 2, "", e, "You told unknot you have this: read the advice.");
		add(&l, 2, "", EMPH_NORMAL, "%s", it->cond->advice);
	}
	for (char **w = f->r->warnings; w && *w; w++)
		add(&l, 0, "Warning: ", EMPH_CAUTION, "%s", *w);
	add(&l, 0, "", EMPH_NORMAL, "%s", "");
	add(&l, 0, "", EMPH_NORMAL, "Red flags: numbness between the legs, new bladder or bowel trouble, "
	    "weakness in both legs, or fever or unexplained weight loss with back pain mean stop and get "
	    "medical help now. `unknot safety` lists them all.");
	*out = l.v;
	return l.n;
}

static void
add_list(struct lines *l, const char *head, char **items)
{
	add(l, 0, "", EMPH_STOP, "%s", head);
	for (char **it = items; it && *it; it++)
		add(l, 0, "- ", EMPH_NORMAL, "%s", *it);
	add(l, 0, "", EMPH_NORMAL, "%s", "");
}

size_t
flow_red_flag_lines(const struct safety *cat, struct flow_line **out)
{
	struct lines l = {0};
	add_list(&l, "Go to emergency care now if back pain comes with:", cat->emergency);
	add_list(&l, "See a doctor or physiotherapist soon if:", cat->urgent);
	add(&l, 0, "", EMPH_DIM, "unknot is a comfort aid that goes with staying active; it cannot tell what "
	    "causes your pain. `unknot safety` shows this list again.");
	*out = l.v;
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
flow_opts_for(const struct config *cfg, double speed)
{
	return (struct flow_opts){.speed = speed, .ask_pain = cfg->ask_pain, .declared = cfg->conditions};
}

enum nav
flow_run(const struct flow_frontend *fe, const struct routine *r, const struct safety *cat,
    const struct flow_opts *o)
{
	struct flow f = {
		.r = r, .speed = o->speed, .preview = o->speed != 1.0,
		.pain_before = -1, .pain_after = -1,
		.total_ms = routine_seconds(r) * 1000LL,
	};
	safety_screen(cat, r, o->declared, &f.screening);
	enum nav rc = o->skip_screening && !f.screening.refuse ? NAV_OK : fe->screening(fe->ctx, &f);
	if (f.screening.refuse && rc == NAV_OK)
		rc = NAV_BACK; /* never started, whatever a front end says */
	if (rc == NAV_OK && o->ask_pain)
		rc = fe->pain(fe->ctx, &f, PAIN_BEFORE, &f.pain_before);
	if (rc != NAV_OK) {
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
	f.advice = flow_pain_advice(f.pain_before, f.pain_after);
	record(&f, o);
	if (rc != NAV_SIGNAL)
		rc = fe->end(fe->ctx, &f) == NAV_SIGNAL ? NAV_SIGNAL : NAV_OK;
	screening_free(&f.screening);
	return rc;
}
