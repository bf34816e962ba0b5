/*
 * cmd-doctor.c - `unknot doctor`: what this unknot uses and why, and what
 * is wrong with it, in one report.
 *
 * Each section asks the module that owns a thing the same question the
 * program asks when it runs (paths_folder() for the folders and the rule
 * that chose them, the library and the loaders for routines and
 * settings, the audio module loader for sound, terminfo for the terminal),
 * so that the report cannot say something the program does not do.  A
 * problem is something that stops a part of unknot from working as the
 * user set it up; each is said where it is found and listed again at the
 * end, and the exit status is then 1.  What is merely off (sound disabled
 * in the config, no notify-send, no reminder running) is said, not
 * counted.
 */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>
#include <term.h>

#include "audio.h"
#include "speech.h"
#include "cli.h"
#include "cmd.h"
#include "config.h"
#include "control.h"
#include "file.h"
#include "health.h"
#include "history.h"
#include "library.h"
#include "notify.h"
#include "paths.h"
#include "reminder.h"
#include "routine.h"
#include "safety.h"
#include "text.h"
#include "util.h"

#ifndef VERSION
#define VERSION "0.1.0"
#endif

struct doctor {
	char **problems;
};

static void
section(const char *title)
{
	printf("\n%s\n", title);
}

/* "  label         text": the label ours, the text printed as given
 * (callers pass what came from outside through clean()). */
static void
row(const char *label, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void
row(const char *label, const char *fmt, ...)
{
	printf("  %-13s ", label);
	va_list ap;
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

/* A problem: said where it is found, and kept for the summary. */
static void
problem(struct doctor *dr, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void
problem(struct doctor *dr, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = xvasprintf(fmt, ap);
	va_end(ap);
	printf("  %-13s %s\n", "PROBLEM", s);
	dr->problems = strv_push(dr->problems, s);
	free(s);
}

/* Text from outside (paths, the environment), safe to print; a ring of
 * buffers so that a row may hold a few. */
static const char *
clean(const char *s)
{
	static char *ring[4];
	static int next;
	free(ring[next]);
	ring[next] = text_clean(s ? s : "");
	const char *out = ring[next];
	next = (next + 1) % 4;
	return out;
}

/* ---- folders ----------------------------------------------------------- */

/* A folder of the user's that unknot reads or writes: missing is fine (it
 * is made when needed), one that others can write in is refused. */
static void
check_own_folder(struct doctor *dr, const char *dir)
{
	if (dir == NULL || access(dir, F_OK) != 0)
		return;
	const char *why;
	int fd = file_open_dir(dir, false, &why);
	if (fd < 0)
		problem(dr, "%s: %s", clean(dir), why);
	else
		close(fd);
}

static void
folders(struct doctor *dr)
{
	section("Folders (and why each is where it is)");
	for (int f = 0; f < PATHS_FOLDER_COUNT; f++) {
		char why[160];
		char *p = paths_folder(f, why, sizeof why);
		row(paths_folder_name(f), "%s", p ? clean(p) : "(none)");
		row("", "%s", why);
		if (f == PATHS_CONFIG || f == PATHS_USER_DATA || f == PATHS_STATE || f == PATHS_RUNTIME)
			check_own_folder(dr, p);
		if (f == PATHS_DATA) {
			char *cfg = xasprintf("%s/routines/safety.cfg", p);
			if (access(cfg, R_OK) != 0)
				problem(dr, "%s: no bundled routines there (%s)", clean(cfg), strerror(errno));
			free(cfg);
		}
		free(p);
	}
	char *home = paths_home();
	const char *h = getenv("HOME");
	row("home", "%s", home ? clean(home) : "(none)");
	row("", "%s", h && h[0] == '/' ? "from HOME" : "HOME is not an absolute path: the password database");
	free(home);
}

/* ---- routines and settings ------------------------------------------------ */

static void
routines(struct doctor *dr, const struct safety *cat)
{
	section("Routines");
	struct library lib;
	library_scan(&lib);
	for (size_t i = 0; i < lib.ndirs; i++) {
		size_t n = 0;
		for (size_t k = 0; k < lib.n; k++)
			n += strncmp(lib.v[k].path, lib.dirs[i].path, strlen(lib.dirs[i].path)) == 0 &&
			     lib.v[k].path[strlen(lib.dirs[i].path)] == '/';
		bool there = access(lib.dirs[i].path, F_OK) == 0;
		row(source_name(lib.dirs[i].source), "%s", clean(lib.dirs[i].path));
		if (there)
			printf("  %-13s %zu routine%s in use from here\n", "", n, n == 1 ? "" : "s");
		else
			printf("  %-13s no such folder\n", "");
	}
	size_t broken = 0;
	for (size_t k = 0; k < lib.n; k++) {
		struct diags d = {0};
		struct routine *r = routine_load(lib.v[k].path, cat, &d);
		if (r == NULL) {
			broken++;
			problem(dr, "%s has errors: `unknot check %s` shows them", clean(lib.v[k].path),
			    clean(lib.v[k].id));
		}
		routine_free(r);
		diags_free(&d);
	}
	row("in all", "%zu routine%s, %zu with errors", lib.n, lib.n == 1 ? "" : "s", broken);
	if (lib.n == 0)
		problem(dr, "no routines at all: is the data folder right?");
	library_free(&lib);
}

/* One file of settings: read, said, its problems listed under it. */
static void
settings_file(struct doctor *dr, const char *label, const char *path, const struct diags *d)
{
	size_t errors = 0, warnings = 0;
	for (size_t i = 0; i < d->n; i++) {
		if (strcmp(d->v[i].file, path) != 0)
			continue;
		if (d->v[i].level == DIAG_ERROR)
			errors++;
		else
			warnings++;
	}
	bool there = access(path, F_OK) == 0;
	row(label, "%s%s", clean(path), there ? "" : " (none)");
	if (there && errors + warnings == 0)
		printf("  %-13s read, no problems\n", "");
	else if (there)
		printf("  %-13s %zu error%s, %zu warning%s\n", "", errors, errors == 1 ? "" : "s", warnings,
		    warnings == 1 ? "" : "s");
	for (size_t i = 0; i < d->n; i++) {
		if (strcmp(d->v[i].file, path) != 0)
			continue;
		char *s = diag_format(&d->v[i]);
		printf("  %-13s %s\n", "", clean(s));
		free(s);
	}
	if (errors)
		problem(dr, "%s has errors: every command refuses it until they are fixed", clean(path));
}

static void
count_record(const struct history_entry *e, void *arg)
{
	(void)e;
	(*(long *)arg)++;
}

static void
settings(struct doctor *dr, struct safety *cat, struct config *cfg, bool *have_cfg)
{
	section("Settings");
	struct diags d = {0};
	int rc = library_safety(cat, &d);
	char *data = paths_data_dir(), *conf = paths_config_dir();
	char *bundled = xasprintf("%s/routines/safety.cfg", data);
	settings_file(dr, "catalogue", bundled, &d);
	if (conf) {
		char *user = xasprintf("%s/safety.cfg", conf);
		settings_file(dr, "", user, &d);
		free(user);
	}
	if (rc < 0 && d.errors == 0)
		problem(dr, "the safety catalogue cannot be read");
	row("", "%zu conditions in the catalogue", cat->n);
	diags_free(&d);
	free(bundled);
	free(data);
	free(conf);

	*have_cfg = config_load(cfg, cat, &d) == 0;
	char **files = config_files();
	for (char **f = files; *f; f++)
		settings_file(dr, f == files ? "config" : "", *f, &d);
	strv_free(files);
	char *profile = health_path();
	if (profile)
		settings_file(dr, "health", profile, &d);
	free(profile);
	diags_free(&d);
	if (!*have_cfg) {
		config_free(cfg);
		config_defaults(cfg);
		row("", "(below, the defaults stand in for the settings)");
	}

	char *hist = history_path();
	if (hist) {
		long records = 0;
		off_t end;
		int rc2 = history_read(hist, 0, count_record, &records, &d, &end);
		bool there = access(hist, F_OK) == 0;
		row("history", "%s%s", clean(hist), there ? "" : " (none yet)");
		if (rc2 < 0)
			problem(dr, "%s cannot be read", clean(hist));
		else if (there)
			printf("  %-13s %ld record%s, %zu damaged line%s (skipped)\n", "", records,
			    records == 1 ? "" : "s", d.warnings, d.warnings == 1 ? "" : "s");
		diags_free(&d);
		free(hist);
	}
}

/* ---- sound ---------------------------------------------------------------- */

static void
sound(struct doctor *dr, const struct config *cfg)
{
	section("Sound");
	const char *drv = getenv("SDL_AUDIODRIVER");
	row("driver", "%s", drv && *drv ? clean(drv) : "SDL's choice (SDL_AUDIODRIVER is not set)");
	if (!cfg->audio_enabled) {
		row("sound", "off: audio.enabled = false in the config (the bell stands in)");
		return;
	}
	row("settings", "volume %d, spoken cues %s", cfg->volume, cfg->voice ? "on" : "off");
	char *dir = paths_module_dir();
	char *mod = xasprintf("%s/unknot-audio.so", dir);
	row("module", "%s", clean(mod));
	free(dir);
	free(mod);
	/* load the module and open the device, as the player does; SDL and
	 * ALSA talk on stderr, and what matters comes back as the status */
	fflush(stderr);
	int saved = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
	int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (saved >= 0 && null >= 0)
		dup2(null, STDERR_FILENO);
	struct audio *a = audio_new(true, cfg->voice, cfg->volume);
	audio_prepare(a, NULL);
	if (saved >= 0) {
		dup2(saved, STDERR_FILENO);
		close(saved);
	}
	if (null >= 0)
		close(null);
	const char *status = audio_status(a);
	if (status == NULL)
		row("device", "the module loads and a device opens: cues will sound");
	else
		problem(dr, "%s", clean(status));
	audio_free(a);
	/* spoken steps: optional, so a missing engine is said, not a problem */
	enum speech_engine e = speech_engine();
	const char *want = getenv("UNKNOT_SPEECH");
	if (cfg->speak == SPEAK_OFF)
		row("speech", "off: audio.speak = \"off\" in the config (--speak turns it on)");
	else if (e == SPEECH_NONE)
		row("speech", "none: neither speech-dispatcher (spd-say) nor espeak-ng is installed%s",
		    want && *want ? " (or UNKNOT_SPEECH names neither)" : "");
	else
		row("speech", "%s, through %s%s", speak_mode_name(cfg->speak), speech_engine_name(e),
		    want && *want ? " (UNKNOT_SPEECH)" : "");
}

/* ---- the terminal ---------------------------------------------------------- */

static void
terminal(struct doctor *dr)
{
	section("Terminal");
	const char *term = getenv("TERM");
	bool tty = isatty(STDOUT_FILENO);
	if (term == NULL || *term == '\0') {
		row("TERM", "not set: run and timer print plain lines; the home screen needs a terminal type");
	} else if (strcmp(term, "dumb") == 0) {
		row("TERM", "dumb: run and timer print plain lines; the home screen needs another type");
	} else {
		int err = 0;
		if (setupterm((char *)term, STDOUT_FILENO, &err) != OK) {
			problem(dr, "TERM=%s is unknown to terminfo: the home screen and the player cannot start "
			    "(set TERM to one this system knows, such as xterm-256color)", clean(term));
		} else {
			int colours = tigetnum("colors");
			row("TERM", "%s: %d colours", clean(term), colours > 0 ? colours : 0);
			del_curterm(cur_term);
		}
	}
	const char *nc = getenv("NO_COLOR");
	row("colours", "%s", nc && *nc ? "none: NO_COLOR is set" : "used where the terminal has them");
	const char *loc = setlocale(LC_CTYPE, NULL);
	row("text", "%s (LC_CTYPE %s)", text_utf8() ? "UTF-8: blocks, lines and arrows" :
	    "not UTF-8: ASCII stand-ins", clean(loc));
	row("output", "%s", tty ? "a terminal" : "not a terminal (run and timer print plain lines)");
}

/* ---- reminders and health --------------------------------------------------- */

static void
reminders(struct doctor *dr, const struct config *cfg)
{
	section("Reminders");
	if (!notify_available())
		row("notify-send", "not found: breaks ring and show on screen only");
	else
		row("notify-send", "found: desktop notifications%s",
		    notify_has_actions() ? " with Start, Snooze and Skip buttons" : "");
	row("settings", "every %dm, %s, %s, routine %s", cfg->remind_every / 60, clean(cfg->remind_hours),
	    clean(cfg->remind_days), clean(cfg->remind_routine));
	/* the running one's own words, as `unknot remind status` prints them */
	char reply[CONTROL_REPLY_MAX], why[300];
	int rc = reminder_ask("status", reply, sizeof reply, why, sizeof why);
	if (rc == CONTROL_NONE) {
		row("reminder", "not running (`unknot remind` starts one)");
	} else if (rc < 0) {
		problem(dr, "the reminder: %s", clean(why));
	} else {
		reply[strcspn(reply, "\n")] = '\0';
		row("reminder", "running: %s", clean(reply));
	}
}

static void
health(const struct safety *cat, const struct config *cfg)
{
	section("Health");
	char *const *ids = cfg->health.declared;
	if (ids == NULL || ids[0] == NULL) {
		row("conditions", "none declared%s (`unknot health add ID`)",
		    health_answered(&cfg->health) ? ", you said none apply" : "");
		return;
	}
	for (char *const *c = ids; *c; c++) {
		const struct condition *k = safety_find(cat, *c);
		bool from_config = false;
		for (char **x = cfg->conditions; x && *x; x++)
			from_config |= strcmp(*x, *c) == 0;
		row(c == ids ? "conditions" : "", "%s: %s (%s)", clean(*c),
		    k ? safety_level_name(k->level) : "not in the catalogue, ignored",
		    from_config ? "health.conditions in the config" : "your health profile");
	}
}

static int
doctor_exec(const struct cmd_args *a)
{
	(void)a;
	struct doctor dr = {0};
	struct safety cat = {0};
	struct config cfg;
	bool have_cfg;
	printf("unknot %s\n", VERSION);
	folders(&dr);
	settings(&dr, &cat, &cfg, &have_cfg);
	routines(&dr, &cat);
	sound(&dr, &cfg);
	terminal(&dr);
	reminders(&dr, &cfg);
	health(&cat, &cfg);
	size_t n = strv_len(dr.problems);
	if (n == 0) {
		printf("\nNo problems found.\n");
	} else {
		printf("\n%zu problem%s:\n", n, n == 1 ? "" : "s");
		for (char **p = dr.problems; *p; p++)
			printf("  - %s\n", *p);
	}
	strv_free(dr.problems);
	config_free(&cfg);
	safety_free(&cat);
	return n ? 1 : 0;
}

const struct cmd_entry cmd_doctor_entry = {
	.name = "doctor",
	.summary = "which folders, sound, terminal and reminder are in use, why, and what is wrong",
	.details = "Exits 1 when something stops a part of unknot from working as set up.\n",
	.exec = doctor_exec,
};
