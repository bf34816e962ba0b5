/*
 * cmd-remind.c - `unknot remind`: the options and the requests.
 *
 * The reminder itself is sys/reminder.c (the model in core/remind.c); the
 * foreground screen is ui/ui-remind.c.  This file reads the command line
 * into the config (config_set: the file's own checks), then runs the
 * reminder in the foreground, in the background (--daemon: a child that
 * says whether it started before the parent exits), or for a service
 * manager (--no-detach: logging to stderr); or sends a request to the
 * running one and prints its reply, cleaned.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "child.h"
#include "cli.h"
#include "cmd.h"
#include "config.h"
#include "control.h"
#include "duration.h"
#include "line.h"
#include "loop.h"
#include "notify.h"
#include "paths.h"
#include "reminder.h"
#include "routine.h"
#include "safety.h"
#include "text.h"
#include "ui-screens.h"
#include "ui.h"
#include "util.h"

/* ---- requests to the running reminder ------------------------------- */

/* A reply is text from another process: printed cleaned (text_put),
 * line by line. */
static void
put_reply(FILE *fp, char *s)
{
	for (char *line = strtok(s, "\n"); line; line = strtok(NULL, "\n")) {
		text_put(fp, line);
		fputc('\n', fp);
	}
}

static int
talk(const char *request)
{
	char *dir = paths_runtime_dir();
	char *lock = xasprintf("%s/remind.lock", dir);
	char reply[CONTROL_REPLY_MAX], why[300];
	int rc = reminder_ask(request, reply, sizeof reply, why, sizeof why);
	if (rc < 0) {
		cli_warn("%s", why);
		rc = 1;
	} else if (strncmp(reply, "error: ", 7) == 0) {
		reply[strcspn(reply, "\n")] = '\0';
		cli_warn("%s", reply + 7); /* cleaned there */
		rc = 1;
	} else {
		put_reply(stdout, reply);
		/* `stop` returns once the reminder has let go of its lock */
		for (int i = 0; strcmp(request, "stop") == 0 && i < 100 && access(lock, F_OK) == 0; i++)
			usleep(20000);
	}
	free(dir);
	free(lock);
	return rc;
}

static const struct cmd_entry remind_snooze_entry, remind_pause_entry;
static const char *const snooze_examples[] = {"5m", "10m", "30m", "1h", NULL};
static const char *const pause_examples[] = {"30m", "1h", "2h", "4h", NULL};

/* The requests, one subcommand each.  A duration is checked here as the
 * reminder will check it (the config's row), so that a bad one is a
 * usage error before anything is sent. */
static int
request_exec(const struct cmd_args *a)
{
	const char *name = a->cmd->name;
	if (a->argc == 0)
		return talk(name);
	int secs;
	char why[200];
	if (config_duration("remind", name, a->argv[0], &secs, why, sizeof why) < 0)
		return cli_usage_error("remind %s '%s': %s", name, a->argv[0], why);
	char *req = xasprintf("%s %s", name, a->argv[0]);
	int rc = talk(req);
	free(req);
	return rc;
}

/* ---- running one --------------------------------------------------------- */

static const struct {
	const char *option, *key;
} settable[] = {
	{"every", "every"}, {"micro", "micro"}, {"snooze", "snooze"}, {"hours", "hours"},
	{"days", "days"}, {"routine", "routine"},
};

/* The command line over the config, through the config's own checks. */
static int
read_options(const struct cmd_args *a, struct config *cfg)
{
	for (size_t i = 0; i < ARRAY_LEN(settable); i++) {
		const char *v = args_get(a, settable[i].option);
		char why[200];
		if (v && config_set(cfg, "remind", settable[i].key, v, why, sizeof why) < 0)
			return cli_usage_error("--%s '%s': %s", settable[i].option, v, why);
	}
	return 0;
}

static void
settings_from(const struct config *cfg, struct remind_settings *set)
{
	const char *why;
	*set = (struct remind_settings){
		.every = cfg->remind_every, .snooze = cfg->remind_snooze, .micro = cfg->remind_micro,
		.idle = cfg->remind_idle,
	};
	/* checked by the config already */
	schedule_parse_hours(cfg->remind_hours, &set->sch.start_min, &set->sch.end_min, &why);
	schedule_parse_days(cfg->remind_days, &set->sch.days, &why);
}

/* The daemon's hooks: a log (stderr, or nothing once detached), and the
 * notification's Start opens a terminal. */
struct daemon {
	struct reminder *r;
	bool logging;
};

static void
daemon_log(void *ctx, const char *msg)
{
	struct daemon *d = ctx;
	if (!d->logging)
		return;
	char when[16];
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(when, sizeof when, "%H:%M:%S", &tm);
	fprintf(stderr, "unknot: %s %s\n", when, msg);
}

static void
daemon_start(void *ctx)
{
	struct daemon *d = ctx;
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return;
	exe[n] = '\0';
	const char *term = getenv("TERMINAL");
	char *argv[] = {(char *)(term && *term ? term : "x-terminal-emulator"), "-e", exe, "run",
	    (char *)d->r->o.routine_arg, NULL};
	if (child_detached(argv) < 0)
		daemon_log(d, "cannot open a terminal for the routine");
}

static void
daemon_stop(void *ctx)
{
	loop_break(0);
}

static int
run_daemon(struct reminder *r, const struct reminder_opts *o, bool logging)
{
	struct daemon d = {r, logging};
	struct reminder_hooks h = {.start = daemon_start, .stop = daemon_stop, .log = daemon_log, .ctx = &d};
	char why[300];
	if (reminder_start(r, o, &h, time(NULL), why, sizeof why) < 0) {
		cli_warn("%s", why);
		return 1;
	}
	char next[160];
	reminder_next_text(r, time(NULL), next, sizeof next);
	daemon_log(&d, next);
	int rc = loop_run(NULL, NULL);
	if (rc == LOOP_SIGNAL) {
		char msg[64];
		snprintf(msg, sizeof msg, "stopped by signal %d", loop_signal());
		daemon_log(&d, msg);
	}
	return 0;
}

/*
 * --daemon: a child takes the lock and the socket, then tells the parent
 * through a pipe ("ok" or why not) before the parent exits, so that the
 * exit status and the message are the daemon's own, and the pid in the
 * lock is the daemon's from the start.
 */
static int
detach(struct reminder *r, const struct reminder_opts *o)
{
	int p[2];
	if (pipe(p) < 0) {
		cli_warn("cannot start in the background: %s", strerror(errno));
		return 1;
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		cli_warn("cannot start in the background: %s", strerror(errno));
		return 1;
	}
	if (pid > 0) {
		close(p[1]);
		char msg[400] = "";
		size_t got = 0;
		ssize_t n;
		while (got < sizeof msg - 1 && (n = read(p[0], msg + got, sizeof msg - 1 - got)) != 0) {
			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0)
				break;
			got += (size_t)n;
		}
		msg[got] = '\0';
		close(p[0]);
		if (strncmp(msg, "ok ", 3) != 0) {
			cli_warn("%s", got ? msg : "the reminder did not start");
			return 1;
		}
		printf("unknot: reminding in the background (pid %ld): %s; `unknot remind stop` ends it\n",
		    (long)pid, msg + 3);
		return 0;
	}
	close(p[0]);
	setsid();
	/* signals wait for the loop from now on: a SIGTERM right after the
	 * parent said "started" still cleans up */
	loop_init();
	char why[300];
	struct daemon d = {r, false};
	struct reminder_hooks h = {.start = daemon_start, .stop = daemon_stop, .log = daemon_log, .ctx = &d};
	if (chdir("/") < 0 || reminder_lock(r, "in the background", why, sizeof why) < 0 ||
	    reminder_start(r, o, &h, time(NULL), why, sizeof why) < 0) {
		if (write(p[1], why, strlen(why)) < 0)
			_exit(1);
		_exit(1);
	}
	char ok[200];
	int n = snprintf(ok, sizeof ok, "ok ");
	reminder_next_text(r, time(NULL), ok + n, sizeof ok - (size_t)n);
	int null = open("/dev/null", O_RDWR | O_CLOEXEC);
	if (null >= 0) { /* the standard fds are valid (main made sure): no lock is dropped */
		dup2(null, 0), dup2(null, 1), dup2(null, 2);
		close(null);
	}
	if (write(p[1], ok, strlen(ok)) < 0)
		_exit(1);
	close(p[1]);
	loop_run(NULL, NULL);
	reminder_close(r);
	_exit(0);
}

static int
remind_exec(const struct cmd_args *a)
{
	bool daemon = args_has(a, "daemon"), no_detach = args_has(a, "no-detach");
	if (no_detach && !daemon)
		return cli_usage_error("--no-detach goes with --daemon");
	struct safety cat = {0};
	struct config cfg = {0};
	if (cli_load_settings(&cat, &cfg) < 0)
		return 1;
	int rc = read_options(a, &cfg);
	struct routine *rt = NULL;
	/* the routine must exist now, not at the first break */
	if (rc == 0 && (rt = cli_load_routine(cfg.remind_routine, &cat, NULL, NULL)) == NULL)
		rc = 1;
	if (rc) {
		config_free(&cfg);
		safety_free(&cat);
		return rc;
	}
	struct reminder_opts o = {
		.pause = cfg.remind_pause, .routine_id = rt->id, .routine_arg = cfg.remind_routine,
		.routine_title = rt->title, .routine_secs = routine_seconds(rt),
		.sound = cfg.audio_enabled, .voice = cfg.voice, .volume = cfg.volume, .prompt = !daemon,
	};
	settings_from(&cfg, &o.set);
	if (schedule_window_minutes(&o.set.sch) * 60 < o.set.every) {
		/* no break could come due inside one window */
		char hours[16], len[32], every[32];
		schedule_hours_text(&o.set.sch, hours, sizeof hours);
		duration_words(schedule_window_minutes(&o.set.sch) * 60L, len, sizeof len);
		duration_words(o.set.every, every, sizeof every);
		routine_free(rt);
		config_free(&cfg);
		safety_free(&cat);
		return cli_usage_error("working hours %s are %s long, shorter than the interval (%s): no break "
		    "could come due in them; give longer --hours or a shorter --every", hours, len, every);
	}
	if (daemon && !notify_available())
		cli_warn("%s", REMINDER_UNSEEN_WARNING); /* it runs: the user may be about to install it */
	struct reminder r = {.lock_fd = -1, .tfd = -1};
	char why[300];
	if (daemon && !no_detach) {
		rc = detach(&r, &o);
	} else if (daemon) {
		if (reminder_lock(&r, "in the foreground for a service manager", why, sizeof why) < 0) {
			cli_warn("%s", why);
			rc = 1;
		} else if (loop_init() < 0) {
			cli_warn("cannot set up signals: %s", strerror(errno));
			rc = 1;
		} else {
			rc = run_daemon(&r, &o, true);
		}
		reminder_close(&r);
	} else if (line_wanted(args_has(a, "plain")) || (isatty(STDIN_FILENO) && ui_term_unusable())) {
		/* in plain lines (--plain, TERM=dumb, stdout not a terminal, a
		 * terminal type that cannot place the cursor) */
		if (reminder_lock(&r, "in the foreground, in plain lines", why, sizeof why) < 0) {
			cli_warn("%s", why);
			rc = 1;
		} else if (loop_init() < 0) {
			cli_warn("cannot set up signals: %s", strerror(errno));
			rc = 1;
		} else if (reminder_start(&r, &o, &(struct reminder_hooks){0}, time(NULL), why, sizeof why) < 0) {
			cli_warn("%s", why);
			rc = 1;
		} else {
			enum nav nrc = line_remind(&r, rt, &cat, &cfg);
			rc = nrc == NAV_SIGNAL ? (loop_signal() ? 128 + loop_signal() : 1) : 0;
		}
		reminder_close(&r);
	} else if (!isatty(STDIN_FILENO)) {
		cli_warn("the foreground reminder needs a terminal: use `unknot remind --daemon`, or --plain");
		rc = 1;
	} else {
		char *mode = xasprintf("in the foreground on %s", ttyname(STDIN_FILENO) ? ttyname(STDIN_FILENO) :
		    "a terminal");
		if (reminder_lock(&r, mode, why, sizeof why) < 0) {
			cli_warn("%s", why);
			rc = 1;
		} else if (ui_term_open() < 0) {
			rc = 1;
		} else if (reminder_start(&r, &o, &(struct reminder_hooks){0}, time(NULL), why, sizeof why) < 0) {
			ui_term_close();
			cli_warn("%s", why);
			rc = 1;
		} else {
			enum nav nrc = ui_remind(&r, rt, &cat, &cfg);
			ui_term_close();
			rc = nrc == NAV_SIGNAL ? 128 + ui_last_signal() : 0;
		}
		reminder_close(&r);
		free(mode);
	}
	routine_free(rt);
	config_free(&cfg);
	safety_free(&cat);
	return rc;
}

static const struct cmd_entry remind_status_entry = {
	.name = "status",
	.summary = "when the next break is due, the settings, and today's breaks",
	.exec = request_exec,
};
static const struct cmd_entry remind_snooze_entry = {
	.name = "snooze",
	.args = "[D]",
	.summary = "answer a due break: again in D (default the snooze length, 1m to 4h)",
	.details = "With no break due, the next one moves D later (a postponement, not counted).\n"
	           "Never brings a break closer: the next one moves to max(due, now) + D.\n"
	           "Refused while a break is being taken (its routine was started).",
	.max_args = 1,
	.arg_kind = ARG_DURATION,
	.examples = snooze_examples,
	.exec = request_exec,
};
static const struct cmd_entry remind_skip_entry = {
	.name = "skip",
	.summary = "skip the due break (or, with none due, the next one); not one being taken",
	.exec = request_exec,
};
static const struct cmd_entry remind_pause_entry = {
	.name = "pause",
	.args = "[D]",
	.summary = "no breaks for D (default 1h, up to 12h); the time left waits",
	.max_args = 1,
	.arg_kind = ARG_DURATION,
	.examples = pause_examples,
	.exec = request_exec,
};
static const struct cmd_entry remind_resume_entry = {
	.name = "resume",
	.summary = "end a pause now",
	.exec = request_exec,
};
static const struct cmd_entry remind_stop_entry = {
	.name = "stop",
	.summary = "end the running reminder",
	.exec = request_exec,
};

/* Ranges are the config's (config_set checks them): 0, 0 here. */
static const struct cmd_option remind_options[] = {
	{"every", ARG_DURATION, "D", "a break every D of working time, 1m to 8h (default 45m)", 0, 0,
	    (const char *const[]){"20m", "30m", "45m", "1h", NULL}},
	{"micro", ARG_DURATION, "D", "a 20-second look-away every D, up to 2h (default 0: none)", 0, 0,
	    (const char *const[]){"10m", "20m", "30m", NULL}},
	{"routine", ARG_ROUTINE, "ID", "the routine a break starts (default desk-reset)", 0, 0, NULL},
	{"hours", ARG_TEXT, "HH:MM-HH:MM", "working hours; 22:00-06:00 runs overnight (default 09:00-17:30)", 0,
	    0, (const char *const[]){"09:00-17:30", "08:00-18:00", "22:00-06:00", NULL}},
	{"days", ARG_TEXT, "mon-fri", "working days (default mon-fri)", 0, 0,
	    (const char *const[]){"mon-fri", "daily", "sat,sun", NULL}},
	{"snooze", ARG_DURATION, "D", "how long z or snooze postpones a break, 1m to 4h (default 10m)", 0, 0,
	    snooze_examples},
	{"daemon", ARG_NONE, NULL, "run in the background and only notify (through notify-send)", 0, 0, NULL},
	{"no-detach", ARG_NONE, NULL, "with --daemon: stay in the foreground, log to stderr (for systemd)", 0, 0,
	    NULL},
	{"plain", ARG_NONE, NULL, "plain lines, no full screen (also when TERM=dumb or stdout is not a terminal)",
	    0, 0, NULL},
	{0},
};

const struct cmd_entry cmd_remind_entry = {
	.name = "remind",
	.summary = "posture-break reminders, in the foreground or as a daemon",
	.options = remind_options,
	.more_usage = "status | snooze [D] | skip | pause [D] | resume | stop",
	.subcommands = (const struct cmd_entry *const[]){&remind_status_entry, &remind_snooze_entry,
	    &remind_skip_entry, &remind_pause_entry, &remind_resume_entry, &remind_stop_entry, NULL},
	.exec = remind_exec,
};
