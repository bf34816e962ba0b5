/*
 * remind.c - the reminder's lock, socket, history and alerts, the
 * daemon's loop, and the `unknot remind` command.
 */
#define _GNU_SOURCE /* accept4, struct ucred */
#include "remind.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "audio.h"
#include "cli.h"
#include "cmd.h"
#include "duration.h"
#include "history.h"
#include "library.h"
#include "loop.h"
#include "paths.h"
#include "routine.h"
#include "safety.h"
#include "ui-screens.h"
#include "ui.h"
#include "util.h"

/* ---- lock and socket ------------------------------------------------- */

/* The runtime folder must be ours and private: refuse anything else. */
static int
private_dir(const char *dir)
{
	if (paths_mkdirs(dir, 0700) < 0) {
		cli_warn("cannot create %s: %s", dir, strerror(errno));
		return -1;
	}
	struct stat st;
	if (lstat(dir, &st) < 0 || !S_ISDIR(st.st_mode) || st.st_uid != getuid()) {
		cli_warn("%s is not a folder of yours: remove it and try again", dir);
		return -1;
	}
	if ((st.st_mode & 077) && chmod(dir, 0700) < 0) {
		cli_warn("%s is open to others and cannot be made private", dir);
		return -1;
	}
	return 0;
}

/* A file of the reminder's in $XDG_RUNTIME_DIR/unknot/. */
static char *
runtime_file(const char *name)
{
	char *dir = paths_runtime_dir();
	char *p = xasprintf("%s/%s", dir, name);
	free(dir);
	return p;
}

static void
on_listen(struct loop_source *src, short revents, long long now)
{
	reminder_serve(src->ctx);
}

int
reminder_open(struct reminder *r, const char *mode)
{
	r->listen_fd = r->lock_fd = -1;
	r->dir = paths_runtime_dir();
	r->sock_path = runtime_file("remind.sock");
	r->lock_path = runtime_file("remind.lock");
	r->hist_path = history_path();
	if (private_dir(r->dir) < 0)
		return -1;
	r->lock_fd = open(r->lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (r->lock_fd < 0) {
		cli_warn("cannot open %s: %s", r->lock_path, strerror(errno));
		return -1;
	}
	if (flock(r->lock_fd, LOCK_EX | LOCK_NB) < 0) {
		char who[128] = "";
		ssize_t n = pread(r->lock_fd, who, sizeof who - 1, 0);
		who[n > 0 ? n : 0] = '\0';
		who[strcspn(who, "\n")] = '\0';
		cli_warn("a reminder is already running (%s); `unknot remind stop` ends it",
		    who[0] ? who : "its pid is unknown");
		close(r->lock_fd);
		r->lock_fd = -1;
		return -1;
	}
	/* We hold the lock: a socket left here is from a reminder that died. */
	unlink(r->sock_path);
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	if (strlen(r->sock_path) >= sizeof sa.sun_path) {
		cli_warn("%s: the path is too long for a socket", r->sock_path);
		return -1;
	}
	strcpy(sa.sun_path, r->sock_path);
	r->listen_fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	mode_t old = umask(077);
	int rc = r->listen_fd < 0 ? -1 : bind(r->listen_fd, (struct sockaddr *)&sa, sizeof sa);
	umask(old);
	if (rc < 0 || chmod(r->sock_path, 0600) < 0 || listen(r->listen_fd, 4) < 0) {
		cli_warn("cannot listen on %s: %s", r->sock_path, strerror(errno));
		return -1;
	}
	r->listen_src = (struct loop_source){.fd = r->listen_fd, .events = POLLIN,
	    .deadline = LOOP_NEVER, .ready = on_listen, .ctx = r};
	loop_add(&r->listen_src);
	char who[128];
	int n = snprintf(who, sizeof who, "pid %ld, %s\n", (long)getpid(), mode);
	if (ftruncate(r->lock_fd, 0) < 0 || pwrite(r->lock_fd, who, (size_t)n, 0) < 0)
		return 0; /* the note is only for the refusal message */
	return 0;
}

void
reminder_close(struct reminder *r)
{
	loop_remove(&r->listen_src);
	if (r->listen_fd >= 0) {
		close(r->listen_fd);
		unlink(r->sock_path);
	}
	if (r->lock_fd >= 0) {
		unlink(r->lock_path);
		close(r->lock_fd);
	}
	r->listen_fd = r->lock_fd = -1;
	free(r->dir);
	free(r->sock_path);
	free(r->lock_path);
	free(r->hist_path);
	free(r->routine);
}

/* ---- history and the schedule --------------------------------------- */

static void
count(struct reminder *r, int outcome)
{
	if (outcome == OUTCOME_REMINDER_TAKEN)
		r->taken++;
	else if (outcome == OUTCOME_REMINDER_SNOOZED)
		r->snoozed++;
	else if (outcome == OUTCOME_REMINDER_SKIPPED)
		r->skipped++;
}

struct refresh {
	struct reminder *r;
	struct tm today;
};

static void
refresh_one(const struct history_entry *e, void *arg)
{
	struct refresh *f = arg;
	/* a routine finished since the last break was a break */
	if (e->outcome == OUTCOME_COMPLETED && e->when + e->seconds > f->r->sch.last_break)
		schedule_break_taken(&f->r->sch, e->when + e->seconds);
	struct tm et;
	localtime_r(&e->when, &et);
	if (et.tm_yday == f->today.tm_yday && et.tm_year == f->today.tm_year)
		count(f->r, e->outcome);
}

void
reminder_refresh(struct reminder *r, time_t now)
{
	struct tm tm;
	localtime_r(&now, &tm);
	if (tm.tm_yday != r->today) {
		r->today = tm.tm_yday;
		r->taken = r->snoozed = r->skipped = 0;
	}
	struct stat st;
	if (stat(r->hist_path, &st) < 0 || st.st_size == r->hist_off)
		return; /* nothing new: the usual case, one stat() */
	struct refresh f = {r, tm};
	struct diags d = {0};
	off_t end;
	history_read(r->hist_path, r->hist_off, refresh_one, &f, &d, &end);
	r->hist_off = end;
	diags_free(&d);
}

time_t
reminder_due(const struct reminder *r, time_t now)
{
	return schedule_next_due(&r->sch, now);
}

static void
record(struct reminder *r, int outcome, time_t now)
{
	struct history_record rec = {
		.when = now, .routine = r->routine, .outcome = outcome, .seconds = 0,
		.pain_before = -1, .pain_after = -1,
	};
	const char *why;
	history_append(&rec, &why); /* a reminder never stops for a full disk */
}

void
reminder_taken(struct reminder *r, time_t now)
{
	record(r, OUTCOME_REMINDER_TAKEN, now);
	schedule_break_taken(&r->sch, now);
}

void
reminder_snooze(struct reminder *r, time_t now, int seconds)
{
	record(r, OUTCOME_REMINDER_SNOOZED, now);
	schedule_snooze(&r->sch, now, seconds);
}

void
reminder_skip(struct reminder *r, time_t now)
{
	record(r, OUTCOME_REMINDER_SKIPPED, now);
	schedule_skip(&r->sch, now);
}

const char *
reminder_next_text(const struct reminder *r, time_t now)
{
	static char buf[96];
	time_t due = reminder_due(r, now);
	struct tm tm;
	localtime_r(&due, &tm);
	char when[32];
	strftime(when, sizeof when, due - now >= 86400 / 2 ? "%a %H:%M" : "%H:%M", &tm);
	long mins = (long)((due - now + 59) / 60);
	if (due <= now)
		snprintf(buf, sizeof buf, "a posture break is due now");
	else if (mins <= 1)
		snprintf(buf, sizeof buf, "next break at %s (in less than a minute)", when);
	else if (mins < 120)
		snprintf(buf, sizeof buf, "next break at %s (in %ld min)", when, mins);
	else
		snprintf(buf, sizeof buf, "next break at %s (in %ldh%02ldm)", when, mins / 60, mins % 60);
	return buf;
}

/* ---- alerts ----------------------------------------------------------- */

static bool
in_path(const char *prog)
{
	const char *path = getenv("PATH");
	if (path == NULL)
		return false;
	char *copy = xstrdup(path), *save = NULL;
	bool found = false;
	for (char *d = strtok_r(copy, ":", &save); d && !found; d = strtok_r(NULL, ":", &save)) {
		char *p = xasprintf("%s/%s", d, prog);
		found = access(p, X_OK) == 0;
		free(p);
	}
	free(copy);
	return found;
}

void
reminder_alert(struct reminder *r)
{
	/* The cue plays in a child that loads the audio module, plays, and
	 * exits: the waiting process never holds the audio libraries. */
	if (r->sound && fork() == 0) {
		struct audio *a = audio_new(true, r->voice, r->volume);
		audio_play(a, CUE_REMINDER);
		audio_free(a); /* waits for the cue to finish */
		_exit(0);
	}
	if (in_path("notify-send") && fork() == 0) {
		int null = open("/dev/null", O_RDWR);
		dup2(null, 0), dup2(null, 1), dup2(null, 2);
		char *body = xasprintf("Stand up and move: `unknot run %s` (two minutes)", r->routine);
		execlp("notify-send", "notify-send", "-a", "unknot", "Time for a posture break", body,
		    (char *)NULL);
		_exit(127);
	}
}

/* ---- the control socket ---------------------------------------------- */

static void
reply(int fd, const char *s)
{
	size_t n = strlen(s);
	while (n > 0) {
		ssize_t w = write(fd, s, n);
		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

void
reminder_serve(struct reminder *r)
{
	int fd = accept4(r->listen_fd, NULL, NULL, SOCK_CLOEXEC);
	if (fd < 0)
		return;
	struct ucred cred;
	socklen_t len = sizeof cred;
	if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) < 0 || cred.uid != getuid()) {
		close(fd); /* only this user may talk to it */
		return;
	}
	/* a command is one short line; do not wait long for it */
	struct pollfd p = {fd, POLLIN, 0};
	char line[128] = "";
	ssize_t n = poll(&p, 1, 1000) > 0 ? read(fd, line, sizeof line - 1) : 0;
	line[n > 0 ? n : 0] = '\0';
	line[strcspn(line, "\r\n")] = '\0';
	time_t now = time(NULL);
	char out[256];
	if (strcmp(line, "status") == 0) {
		snprintf(out, sizeof out, "%s; every %s, %02d:%02d-%02d:%02d, %s; routine %s; "
		    "today %d taken, %d snoozed, %d skipped; pid %ld\n",
		    reminder_next_text(r, now), duration_words(r->sch.every, (char[32]){0}, 32),
		    r->sch.start_min / 60, r->sch.start_min % 60, r->sch.end_min / 60, r->sch.end_min % 60,
		    schedule_days_text(r->sch.days), r->routine, r->taken, r->snoozed, r->skipped,
		    (long)getpid());
	} else if (strncmp(line, "snooze", 6) == 0) {
		long secs = 0;
		const char *why = NULL;
		if (line[6] == ' ' && duration_parse(line + 7, &secs, &why) < 0) {
			snprintf(out, sizeof out, "error: %s\n", why);
		} else {
			reminder_snooze(r, now, (int)secs);
			snprintf(out, sizeof out, "snoozed: %s\n", reminder_next_text(r, now));
		}
	} else if (strcmp(line, "skip") == 0) {
		reminder_skip(r, now);
		snprintf(out, sizeof out, "skipped: %s\n", reminder_next_text(r, now));
	} else if (strcmp(line, "stop") == 0) {
		r->quit = true;
		snprintf(out, sizeof out, "stopping (pid %ld)\n", (long)getpid());
	} else {
		snprintf(out, sizeof out, "error: unknown request\n");
	}
	reply(fd, out);
	close(fd);
	ui_dirty();
}

/* ---- the daemon -------------------------------------------------------- */

static long long
daemon_turn(void *ctx, long long now_mono)
{
	struct reminder *r = ctx;
	if (r->quit) {
		loop_break(0);
		return LOOP_NEVER;
	}
	time_t now = time(NULL);
	reminder_refresh(r, now);
	time_t due = reminder_due(r, now);
	if (due <= now) {
		reminder_alert(r);
		/* nobody answers a daemon: the notification was the break */
		schedule_break_taken(&r->sch, now);
		due = reminder_due(r, now);
	}
	/* sleep until due, but wake once a minute to notice clock jumps */
	long long wait = (long long)(due - now);
	if (wait > 60)
		wait = 60;
	return now_mono + wait * 1000000;
}

static int
daemon_loop(struct reminder *r)
{
	if (loop_init() < 0)
		return 1;
	loop_run(daemon_turn, r);
	return 0;
}

/* ---- the command ------------------------------------------------------- */

static int
talk(const char *request)
{
	char *path = runtime_file("remind.sock");
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	snprintf(sa.sun_path, sizeof sa.sun_path, "%s", path);
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
		cli_warn("no reminder is running (start one with `unknot remind`)");
		free(path);
		if (fd >= 0)
			close(fd);
		return 1;
	}
	free(path);
	char *line = xasprintf("%s\n", request);
	reply(fd, line);
	free(line);
	shutdown(fd, SHUT_WR);
	char buf[512];
	ssize_t n;
	int status = 0;
	struct pollfd p = {fd, POLLIN, 0};
	if (poll(&p, 1, 3000) <= 0) {
		cli_warn("the reminder did not answer (it may be showing a routine): try again later");
		close(fd);
		return 1;
	}
	while ((n = read(fd, buf, sizeof buf)) > 0) {
		if (n >= 6 && strncmp(buf, "error:", 6) == 0)
			status = 1;
		fwrite(buf, 1, (size_t)n, status ? stderr : stdout);
	}
	close(fd);
	/* `stop` returns once the reminder has let go of its socket */
	if (strcmp(request, "stop") == 0) {
		char *lock = runtime_file("remind.lock");
		for (int i = 0; i < 100 && access(lock, F_OK) == 0; i++)
			usleep(20000);
		free(lock);
	}
	return status;
}

static const struct cmd_entry remind_snooze_entry;
static const char *const snooze_examples[] = {"5m", "10m", "30m", "1h", NULL};

/* The requests to the running reminder, one subcommand each. */
static int
request_exec(const struct cmd_args *a)
{
	if (a->cmd != &remind_snooze_entry || a->argc == 0)
		return talk(a->cmd->name);
	long secs;
	const char *why;
	if (duration_parse(a->argv[0], &secs, &why) < 0)
		return cli_usage_error("snooze '%s': %s", a->argv[0], why);
	char *req = xasprintf("snooze %s", a->argv[0]);
	int rc = talk(req);
	free(req);
	return rc;
}

static int
remind_exec(const struct cmd_args *a)
{
	if (a->argc > 0)
		return cli_usage_error("remind: unknown request '%s' (status, snooze, skip, stop)", a->argv[0]);
	struct safety cat = {0};
	struct config cfg = {0};
	if (cli_load_settings(&cat, &cfg) < 0)
		return 1;

	struct reminder r = {.today = -1};
	bool daemon = args_has(a, "daemon");
	const char *hours = args_get(a, "hours"), *days = args_get(a, "days"), *routine = args_get(a, "routine");
	if (hours == NULL)
		hours = cfg.remind_hours;
	if (days == NULL)
		days = cfg.remind_days;
	if (routine == NULL)
		routine = cfg.remind_routine;
	r.sch.every = (int)args_number(a, "every", cfg.remind_every);
	r.sch.snooze = (int)args_number(a, "snooze", cfg.remind_snooze);
	int rc = 0;
	const char *why;
	if (rc == 0 && schedule_parse_hours(hours, &r.sch.start_min, &r.sch.end_min, &why) < 0)
		rc = cli_usage_error("hours '%s': %s", hours, why);
	if (rc == 0 && schedule_parse_days(days, &r.sch.days, &why) < 0)
		rc = cli_usage_error("days '%s': %s", days, why);
	if (rc)
		goto out;
	/* the routine must exist now, not at the first break */
	struct routine *rt = cli_load_routine(routine, &cat, NULL, NULL);
	if (rt == NULL) {
		rc = 1;
		goto out;
	}
	r.routine = xstrdup(routine);
	r.sound = cfg.audio_enabled;
	r.voice = cfg.voice;
	r.volume = cfg.volume;
	r.sch.last_break = time(NULL);
	signal(SIGCHLD, SIG_IGN); /* cue and notification children reap themselves */

	if (daemon) {
		if (reminder_open(&r, "in the background") < 0) {
			rc = 1;
		} else {
			pid_t pid = fork();
			if (pid < 0) {
				cli_warn("cannot start in the background: %s", strerror(errno));
				rc = 1;
			} else if (pid > 0) {
				printf("unknot: reminding %s in the background (pid %ld); `unknot remind stop` ends it\n",
				    reminder_next_text(&r, time(NULL)), (long)pid);
				fflush(stdout);
				_exit(0); /* the child owns the lock and the socket now */
			} else {
				setsid();
				if (chdir("/") < 0)
					_exit(1);
				int null = open("/dev/null", O_RDWR);
				dup2(null, 0), dup2(null, 1), dup2(null, 2);
				if (null > 2)
					close(null);
				char who[64];
				int n = snprintf(who, sizeof who, "pid %ld, in the background\n", (long)getpid());
				if (ftruncate(r.lock_fd, 0) == 0 && pwrite(r.lock_fd, who, (size_t)n, 0) < 0)
					_exit(1);
				daemon_loop(&r);
			}
		}
	} else {
		char *mode = xasprintf("in the foreground on %s", ttyname(STDIN_FILENO) ? ttyname(STDIN_FILENO) :
		    "a terminal");
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			cli_warn("the foreground reminder needs a terminal: use `unknot remind --daemon`");
			rc = 1;
		} else if (reminder_open(&r, mode) < 0) {
			rc = 1;
		} else if (ui_term_open() == 0) {
			int urc = ui_remind(&r, rt, &cat, &cfg);
			ui_term_close();
			rc = urc == NAV_SIGNAL ? 128 + ui_last_signal() : 0;
		} else {
			rc = 1;
		}
		free(mode);
	}
	routine_free(rt);
	reminder_close(&r);
out:
	config_free(&cfg);
	safety_free(&cat);
	return rc;
}

static const struct cmd_entry remind_status_entry = {
	.name = "status",
	.summary = "when the next break is due, and today's breaks",
	.exec = request_exec,
};
static const struct cmd_entry remind_snooze_entry = {
	.name = "snooze",
	.args = "[D]",
	.summary = "move the next break later (by the snooze length, or D)",
	.max_args = 1,
	.arg_kind = ARG_DURATION,
	.examples = snooze_examples,
	.exec = request_exec,
};
static const struct cmd_entry remind_skip_entry = {
	.name = "skip",
	.summary = "skip the next break",
	.exec = request_exec,
};
static const struct cmd_entry remind_stop_entry = {
	.name = "stop",
	.summary = "end the running reminder",
	.exec = request_exec,
};

static const struct cmd_option remind_options[] = {
	{"every", ARG_DURATION, "D", "a break every D of working time (default 45m)", 1, 24 * 3600,
	    (const char *const[]){"20m", "30m", "45m", "1h", NULL}},
	{"routine", ARG_ROUTINE, "ID", "the routine a break starts (default desk-reset)", 0, 0, NULL},
	{"hours", ARG_TEXT, "HH:MM-HH:MM", "working hours (default 09:00-17:30)", 0, 0,
	    (const char *const[]){"09:00-17:30", "08:00-18:00", NULL}},
	{"days", ARG_TEXT, "mon-fri", "working days (default mon-fri)", 0, 0,
	    (const char *const[]){"mon-fri", "daily", "sat,sun", NULL}},
	{"snooze", ARG_DURATION, "D", "how long z or snooze postpones a break (default 10m)", 1, 24 * 3600,
	    snooze_examples},
	{"daemon", ARG_NONE, NULL, "run in the background and only notify", 0, 0, NULL},
	{0},
};

const struct cmd_entry cmd_remind_entry = {
	.name = "remind",
	.summary = "posture-break reminders, in the foreground or as a daemon",
	.options = remind_options,
	.max_args = 1,
	.more_usage = "status | snooze [D] | skip | stop",
	.subcommands = (const struct cmd_entry *const[]){&remind_status_entry, &remind_snooze_entry,
	    &remind_skip_entry, &remind_stop_entry, NULL},
	.exec = remind_exec,
};
