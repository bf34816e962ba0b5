/*
 * cmd-run.c - the commands with a terminal UI: `unknot run ROUTINE` and
 * `unknot` alone (the home screen).
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "audio.h"
#include "cli.h"
#include "cmd.h"
#include "config.h"
#include "library.h"
#include "routine.h"
#include "safety.h"
#include "ui-screens.h"
#include "ui.h"
#include "util.h"

/* The exit status for the way a TUI ended. */
static int
finish(enum nav rc)
{
	ui_term_close();
	if (rc == NAV_SIGNAL)
		return 128 + ui_last_signal();
	return 0;
}

static int
run_exec(const struct cmd_args *a)
{
	double speed = args_number(a, "speed", 1.0);
	bool mute = args_has(a, "mute");
	const char *name = a->argv[0];

	struct safety cat = {0};
	struct config cfg = {0};
	if (cli_load_settings(&cat, &cfg) < 0)
		return 1;
	struct routine *r = cli_load_routine(name, &cat, NULL, NULL);
	if (r == NULL) {
		config_free(&cfg);
		safety_free(&cat);
		return 1;
	}
	/* A declared stop condition: refuse before taking the terminal. */
	struct screening sc;
	safety_screen(&cat, r, cfg.conditions, &sc);
	int status = 1;
	if (sc.refuse) {
		cli_warn("not starting '%s': you declared '%s' (%s) in your config, and this routine "
		    "must not be done then. %s", r->id, sc.refuse->id, sc.refuse->title, sc.refuse->advice);
	} else if (ui_term_open() == 0) {
		struct audio *audio = audio_new(cfg.audio_enabled && !mute, cfg.voice, cfg.volume);
		enum nav rc = ui_red_flags_once(&cat);
		if (rc == NAV_OK)
			rc = ui_flow(r, &cat, &cfg, speed, audio);
		status = finish(rc);
		audio_free(audio);
	}
	screening_free(&sc);
	routine_free(r);
	config_free(&cfg);
	safety_free(&cat);
	return status;
}

static int
home_exec(const struct cmd_args *a)
{
	(void)a;
	struct safety cat = {0};
	struct config cfg = {0};
	if (cli_load_settings(&cat, &cfg) < 0)
		return 1;
	int status = 1;
	if (ui_term_open() == 0) {
		struct audio *audio = audio_new(cfg.audio_enabled, cfg.voice, cfg.volume);
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

static const struct cmd_option run_options[] = {
	{"speed", ARG_NUMBER, "X", "run the clock X times faster (0.1 to 1000): a preview, not kept in history",
	    0.1, 1000, (const char *const[]){"0.5", "2", "10", "100", NULL}},
	{"mute", ARG_NONE, NULL, "no sound; the terminal bell stands in", 0, 0, NULL},
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

const struct cmd_entry cmd_home_entry = {
	.name = "",
	.summary = "the home screen: browse routines and start one",
	.exec = home_exec,
};
