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
finish(int rc)
{
	ui_end();
	if (rc == UI_SIGNAL)
		return 128 + ui_last_signal();
	return 0;
}

static bool
parse_speed(const char *s, double *out)
{
	char *end;
	double v = strtod(s, &end);
	if (end == s || *end != '\0' || !(v >= 0.1 && v <= 1000))
		return false;
	*out = v;
	return true;
}

int
cmd_run(int argc, char **argv)
{
	double speed = 1.0;
	bool mute = false;
	const char *name = NULL;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--mute") == 0) {
			mute = true;
		} else if (strcmp(a, "--speed") == 0 || strncmp(a, "--speed=", 8) == 0) {
			const char *v = a[7] == '=' ? a + 8 : (i + 1 < argc ? argv[++i] : NULL);
			if (v == NULL)
				return cli_usage_error("--speed needs a number from 0.1 to 1000");
			if (!parse_speed(v, &speed))
				return cli_usage_error("--speed '%s': give a number from 0.1 to 1000", v);
		} else if (a[0] == '-' && a[1] != '\0') {
			return cli_usage_error("run: unknown option '%s'", a);
		} else if (name) {
			return cli_usage_error("run takes one ROUTINE");
		} else {
			name = a;
		}
	}
	if (name == NULL)
		return cli_usage_error("run needs a ROUTINE (`unknot list` shows them)");

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
	} else if (ui_init() == 0) {
		struct audio *audio = audio_new(cfg.audio_enabled && !mute, cfg.voice, cfg.volume);
		struct follow_opts o = {.speed = speed, .audio = audio};
		int rc = ui_red_flags_once(&cat);
		if (rc == UI_OK)
			rc = ui_follow(r, &cat, &cfg, &o);
		status = finish(rc);
		audio_free(audio);
	}
	screening_free(&sc);
	routine_free(r);
	config_free(&cfg);
	safety_free(&cat);
	return status;
}

int
cmd_home(int argc, char **argv)
{
	(void)argv;
	if (argc > 0)
		return cli_usage_error("unknown command");
	struct safety cat = {0};
	struct config cfg = {0};
	if (cli_load_settings(&cat, &cfg) < 0)
		return 1;
	int status = 1;
	if (ui_init() == 0) {
		struct audio *audio = audio_new(cfg.audio_enabled, cfg.voice, cfg.volume);
		int rc = ui_red_flags_once(&cat);
		if (rc == UI_OK)
			rc = ui_home(&cat, &cfg, audio);
		status = finish(rc == UI_QUIT ? UI_OK : rc);
		audio_free(audio);
	}
	config_free(&cfg);
	safety_free(&cat);
	return status;
}
