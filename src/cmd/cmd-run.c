/*
 * cmd-run.c - the commands with a terminal UI: `unknot run ROUTINE` and
 * `unknot` alone (the home screen).
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "audio.h"
#include "cli.h"
#include "clock.h"
#include "cmd.h"
#include "config.h"
#include "duration.h"
#include "line.h"
#include "loop.h"
#include "library.h"
#include "plan.h"
#include "routine.h"
#include "safety.h"
#include "timer.h"
#include "ui-screens.h"
#include "ui.h"
#include "util.h"

/* The exit status for the way a session ended. */
static int
status_of(enum nav rc)
{
	if (rc != NAV_SIGNAL)
		return 0;
	int sig = loop_signal() ? loop_signal() : ui_last_signal();
	return sig ? 128 + sig : 1; /* no signal: standard output went away */
}

/* The curses UI's end: give the terminal back first. */
static int
finish(enum nav rc)
{
	ui_term_close();
	return status_of(rc);
}

/*
 * Follow r, full-screen or in plain lines (asked for, TERM=dumb, or
 * stdout not a terminal), with the red flags the first time.  A routine
 * the plan refuses for what the person declared is refused before anything
 * else, saying why (exit status 1).
 */
static int
follow(struct routine *r, struct safety *cat, struct config *cfg, const struct cmd_args *a, bool timer)
{
	double speed = args_number(a, "speed", 1.0);
	struct plan plan;
	plan_make(&plan, cat, r, cfg->health.declared);
	char *why = plan_refusal_text(&plan);
	plan_free(&plan);
	if (why) {
		cli_warn("%s: %s", r->id, why);
		free(why);
		return 1;
	}
	struct flow_opts o = flow_opts_for(cfg, speed);
	o.skip_screening = timer;
	o.now = now_wall();
	struct audio *audio = audio_new(cfg->audio_enabled && !args_has(a, "mute"), cfg->voice, cfg->volume);
	/* --speak: the config's level, or titles where it says off */
	audio_set_speak(audio, args_has(a, "speak") && cfg->speak == SPEAK_OFF ? SPEAK_TITLES : cfg->speak);
	int status = 1;
	/* plain lines also where the full screen could not be seen (stdin a
	 * pipe, a terminal type that cannot place the cursor) */
	if (line_wanted(args_has(a, "plain")) || ui_term_unusable()) {
		status = status_of(line_flow(r, cat, &o, audio));
	} else if (ui_term_open() == 0) {
		enum nav rc = ui_red_flags_once(cat);
		if (rc == NAV_OK)
			rc = ui_flow(r, cat, &o, audio);
		status = finish(rc);
	}
	audio_free(audio);
	return status;
}

static int
run_exec(const struct cmd_args *a)
{
	struct safety cat = {0};
	struct config cfg = {0};
	if (cli_load_settings(&cat, &cfg) < 0)
		return 1;
	int status = 1;
	struct routine *r = cli_load_routine(a->argv[0], &cat, NULL, NULL);
	if (r)
		status = follow(r, &cat, &cfg, a, false);
	routine_free(r);
	config_free(&cfg);
	safety_free(&cat);
	return status;
}

static int
timer_exec(const struct cmd_args *a)
{
	long secs;
	const char *why;
	if (duration_parse(a->argv[0], &secs, &why) < 0)
		return cli_usage_error("timer '%s': %s", a->argv[0], why);
	struct timer_spec t = {.duration = secs, .sides = args_has(a, "sides"),
	    .reps = (long)args_number(a, "reps", 1), .rest = (long)args_number(a, "rest", 0),
	    .title = args_get(a, "title")};
	struct diags d = {0};
	struct routine *r = timer_routine(&t, &d);
	if (r == NULL) {
		cli_usage_error("timer: %s", d.n ? d.v[0].msg : "invalid");
		diags_free(&d);
		return EXIT_USAGE;
	}
	diags_free(&d);
	struct safety cat = {0};
	struct config cfg = {0};
	int status = 1;
	if (cli_load_settings(&cat, &cfg) == 0) {
		status = follow(r, &cat, &cfg, a, true);
		config_free(&cfg);
		safety_free(&cat);
	}
	routine_free(r);
	return status;
}

static int
home_exec(const struct cmd_args *a)
{
	(void)a;
	/* Never draw on a terminal that cannot show it (TERM=dumb in Emacs'
	 * shell, a pipe): keys typed blind would start a routine unseen. */
	const char *why = ui_term_unusable();
	if (why) {
		cli_warn("the home screen needs a full-screen terminal, and %s.", why);
		cli_warn("instead, `unknot list` lists the routines and `unknot run ROUTINE` follows one in plain lines.");
		return 1;
	}
	struct safety cat = {0};
	struct config cfg = {0};
	if (cli_load_settings(&cat, &cfg) < 0)
		return 1;
	int status = 1;
	if (ui_term_open() == 0) {
		struct audio *audio = audio_new(cfg.audio_enabled, cfg.voice, cfg.volume);
		audio_set_speak(audio, cfg.speak);
		enum nav rc = ui_red_flags_once(&cat);
		if (rc == NAV_OK)
			rc = ui_home(&cat, &cfg, audio);
		status = finish(rc == NAV_QUIT ? NAV_OK : rc);
		audio_free(audio);
	}
	config_free(&cfg);
	safety_free(&cat);
	return status;
}

/* The player's options: run and timer take the same ones. */
#define PLAYER_OPTIONS \
	{"speed", ARG_NUMBER, "X", "run the clock X times faster (0.1 to 1000): a preview, not kept in history", \
	    0.1, 1000, (const char *const[]){"0.5", "2", "10", "100", NULL}}, \
	{"mute", ARG_NONE, NULL, "no sound; the terminal bell stands in", 0, 0, NULL}, \
	{"speak", ARG_NONE, NULL, "say each step, its side and time (audio.speak, or titles when that is off)", \
	    0, 0, NULL}, \
	{"plain", ARG_NONE, NULL, \
	    "plain lines, no full screen (also when TERM=dumb, or stdin or stdout is not a terminal)", 0, 0, NULL}

static const struct cmd_option run_options[] = {
	PLAYER_OPTIONS,
	{0},
};

static const struct cmd_option timer_options[] = {
	{"sides", ARG_NONE, NULL, "the left side, then the right", 0, 0, NULL},
	{"reps", ARG_INT, "N", "repetitions (per side), 1 to 100", 1, 100, (const char *const[]){"2", "3", NULL}},
	{"rest", ARG_DURATION, "D", "rest between bouts, up to 10 minutes", 0, 600,
	    (const char *const[]){"5s", "10s", "30s", NULL}},
	{"title", ARG_TEXT, "TEXT", "what the player calls it (default: Timer)", 0, 0, NULL},
	PLAYER_OPTIONS,
	{0},
};

const struct cmd_entry cmd_run_entry = {
	.name = "run",
	.args = "ROUTINE",
	.summary = "follow a routine, step by step",
	.details = "A screening comes first, then the pain check-in, the player, and the end screen.\n"
	    "Keys: space pause, n/p next/previous step, m mute, +/- volume, ? help, q stop.\n",
	.options = run_options,
	.min_args = 1,
	.max_args = 1,
	.arg_kind = ARG_ROUTINE,
	.exec = run_exec,
};

const struct cmd_entry cmd_timer_entry = {
	.name = "timer",
	.args = "DURATION",
	.summary = "a one-step routine without a file: the same player and cues",
	.details = "Get ready, then DURATION (90, 45s, 1m30s), on each side with --sides, --reps times,\n"
	    "with --rest between. No screening (there is no routine to screen); recorded in\n"
	    "history as 'timer'. Example: unknot timer 45s --sides --reps 2 --rest 10s\n",
	.options = timer_options,
	.min_args = 1,
	.max_args = 1,
	.arg_kind = ARG_DURATION,
	.examples = (const char *const[]){"30s", "45s", "1m", "2m", NULL},
	.exec = timer_exec,
};

const struct cmd_entry cmd_home_entry = {
	.name = "",
	.summary = "the home screen: browse routines and start one",
	.exec = home_exec,
};
