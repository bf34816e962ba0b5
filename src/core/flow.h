/*
 * flow.h - following one routine from start to end, the same for every
 * front end: the screening, the pain check-in before, the player, the pain
 * check-in after, the end, and the history record.
 *
 * The flow decides; a front end (the curses screens, the plain line mode)
 * shows and asks.  What runs is the plan (plan.h): the routine adapted to
 * what the person declared; what the screening says comes from
 * screening.h, what is said about pain from pain.h.  A front end is a
 * table of functions, each returning an enum nav.  flow_run() calls them in order, decides the outcome from what
 * the player reports (flow_outcome), writes the history record unless the
 * session was a preview, and hands the summary to the end step.  It reads
 * no clock: the player step reports when the routine began.
 *
 * enum nav is the one navigation vocabulary of the program: every screen,
 * page and flow step returns one to its caller, who decides where to go.
 */
#ifndef UNKNOT_FLOW_H
#define UNKNOT_FLOW_H

#include <stdbool.h>
#include <time.h>

#include "health.h"
#include "history.h"
#include "pain.h"
#include "plan.h"
#include "safety.h"
#include "screening.h"

struct routine;

enum nav {
	NAV_STAY = -1,  /* not done yet: keep the screen (key handlers) */
	NAV_OK,         /* done, go on: start, answered, closed */
	NAV_BACK,       /* back to where it came from, nothing started */
	NAV_QUIT,       /* the user asked to stop or quit */
	NAV_SIGNAL,     /* SIGINT, SIGTERM, SIGHUP or a lost terminal */
	NAV_START,      /* start the chosen routine (home, reminder) */
	NAV_PROGRESS,   /* open the progress page (home) */
	NAV_PROFILE,    /* open the health profile (home, screening) */
	NAV_COUNT
};
const char *nav_name(enum nav n);

/* The fraction of a routine's step time that must be done for it to
 * count as completed, in percent. */
#define FLOW_COMPLETE_PERCENT 80

enum pain_when { PAIN_BEFORE, PAIN_AFTER };

/* What the player step reports. */
struct flow_play {
	time_t started;        /* wall clock when the routine began */
	long long step_ms;     /* routine time spent in steps (bouts and rests) */
	bool reached_end;      /* the clock ran out, rather than a stop */
};

/* The session so far: what each step sees. */
struct flow {
	const struct routine *r;          /* as written: its id and title */
	struct plan plan;                 /* as it runs: plan.run, with the cautions */
	struct screening screening;       /* what the screening says about the plan */
	double speed;          /* other than 1: a preview, never recorded */
	bool preview;
	/* filled in as the flow goes */
	int pain_before, pain_after;       /* -1: not given */
	struct flow_play play;
	enum outcome outcome;
	long long total_ms;                /* the routine's step time */
	int percent_done;                  /* of total_ms, 0..100 */
	enum pain_verdict verdict;         /* what the pain after says */
	const char *advice;                /* about pain, or NULL (pain.h) */
	bool recorded;
	char note[160];                    /* "History not saved: ..." or "" */
};

struct flow_frontend {
	void *ctx;
	/* The screening: NAV_OK starts, NAV_BACK goes back, NAV_PROFILE opens
	 * the health profile (the flow then screens again). */
	enum nav (*screening)(void *ctx, const struct flow *f);
	/* The health profile: NAV_OK when closed, saved or not (h holds what
	 * is declared now), NAV_SIGNAL.  NULL: none (NAV_PROFILE goes back). */
	enum nav (*profile)(void *ctx, const struct safety *cat, struct health *h);
	/* A question: text, and answers as pairs of a lower-case letter and
	 * what it means, NULL-ended, the last one the way back; *answer gets
	 * the letter.  NULL: nothing is asked (the start goes on). */
	enum nav (*ask)(void *ctx, const struct flow *f, const char *text, enum flow_emph emph,
	    const char *const *answers, char *answer);
	/* Pain now: *value gets 0..10 or -1 (skipped).  Before the start,
	 * NAV_BACK goes back without starting. */
	enum nav (*pain)(void *ctx, const struct flow *f, enum pain_when when, int *value);
	/* The player: NAV_OK at the end, NAV_QUIT when stopped. */
	enum nav (*play)(void *ctx, const struct flow *f, struct flow_play *out);
	/* The end: the outcome, the time, the pain, the note. */
	enum nav (*end)(void *ctx, const struct flow *f);
};

struct flow_opts {
	double speed;               /* 1: real time */
	bool skip_screening;        /* `unknot timer`: no routine to screen */
	bool ask_pain;
	/* What the person declared (NULL: nothing, no profile); the profile
	 * step may change it. */
	struct health *health;
	const char *history_dir;    /* NULL: the user's state folder */
	/* When the flow begins, for the question after a session that raised
	 * pain (pain.h); 0: not asked. */
	time_t now;
};

struct config;
/* The options from the user's config (pain check-ins, the conditions
 * declared, which the profile step may change).  The caller sets now. */
struct flow_opts flow_opts_for(struct config *cfg, double speed);

/*
 * Run the flow.  Returns NAV_OK after the end step, NAV_BACK when the user
 * went back before the start, NAV_SIGNAL when a signal ended it (the record
 * is written first).  A routine the plan refuses never starts, whatever the
 * screening step returns.  Before the start: the question after a session
 * that raised pain, and pain of 8 or more advises against starting (both
 * through the ask step).
 */
enum nav flow_run(const struct flow_frontend *fe, const struct routine *r, const struct safety *cat,
    const struct flow_opts *o);

/* The screening as one list of lines (screening.h, struct flow_line): the
 * routine's warnings, then the adaptations or the question, then the red
 * flags in one paragraph.  Freed with flow_lines_free(). */
size_t flow_screening_lines(const struct flow *f, struct flow_line **out);
/* The red flags in full, tier by tier under what to do, for the first run
 * and `unknot safety`; for routine r (NULL: every one of them). */
size_t flow_red_flag_lines(const struct safety *cat, const struct routine *r, struct flow_line **out);

/* The red flags are shown in full until the user has confirmed them once
 * (a mark file in the state folder; when it cannot be written, they come
 * again next time). */
bool flow_red_flags_read(void);
void flow_red_flags_mark_read(void);

/* completed: the end reached with at least FLOW_COMPLETE_PERCENT of the
 * step time done; partial: the end reached with less (steps skipped);
 * stopped: ended before the end. */
enum outcome flow_outcome(long long step_ms, long long total_ms, bool reached_end);

/* "Routine complete", "Routine ended early", "Routine stopped". */
const char *flow_outcome_text(enum outcome o);

/* A pain answer as typed: "0" to "10", or empty (or blanks) for none
 * (*value -1).  False for anything else ("11", "x"): ask again. */
bool flow_parse_pain(const char *s, int *value);


#endif
