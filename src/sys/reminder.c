/*
 * reminder.c - the running reminder: see reminder.h.
 */
#include "reminder.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include "audio.h"
#include "child.h"
#include "clock.h"
#include "control.h"
#include "duration.h"
#include "history.h"
#include "idle.h"
#include "notify.h"
#include "paths.h"
#include "util.h"

static void say(struct reminder *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
say(struct reminder *r, const char *fmt, ...)
{
	if (r->h.log == NULL)
		return;
	char msg[300];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	r->h.log(r->h.ctx, msg);
}

static void
changed(struct reminder *r)
{
	if (r->h.changed)
		r->h.changed(r->h.ctx);
}

static char *
runtime_file(const char *name)
{
	char *dir = paths_runtime_dir();
	char *p = xasprintf("%s/%s", dir, name);
	free(dir);
	return p;
}

int
reminder_ask(const char *request, char *reply, size_t n, char *why, size_t wn)
{
	char *dir = paths_runtime_dir(), *sock = runtime_file("remind.sock");
	int rc = control_ask(dir, sock, request, reply, n, why, wn);
	free(dir);
	free(sock);
	return rc;
}

/* ---- the lock ---------------------------------------------------------- */

void
reminder_note(struct reminder *r, const char *mode)
{
	char who[160];
	int n = snprintf(who, sizeof who, "pid %ld, %s\n", (long)getpid(), mode);
	if (ftruncate(r->lock_fd, 0) == 0 && pwrite(r->lock_fd, who, (size_t)n, 0) < 0)
		return; /* the note is only for another reminder's refusal */
}

int
reminder_lock(struct reminder *r, const char *mode, char *why, size_t n)
{
	r->lock_fd = r->tfd = -1;
	r->dir = paths_runtime_dir();
	r->sock_path = runtime_file("remind.sock");
	r->lock_path = runtime_file("remind.lock");
	r->hist_path = history_path();
	if (control_private_dir(r->dir, true, why, n) < 0)
		return -1;
	r->lock_fd = open(r->lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (r->lock_fd < 0) {
		snprintf(why, n, "cannot open %s: %s", r->lock_path, strerror(errno));
		return -1;
	}
	if (flock(r->lock_fd, LOCK_EX | LOCK_NB) == 0) {
		reminder_note(r, mode); /* at once: a loser of a race reads the winner */
		return 0;
	}
	/* The winner writes its note right after taking the lock: wait for it
	 * a little rather than name nobody. */
	char who[128] = "";
	for (int i = 0; i < 50 && who[0] == '\0'; i++) {
		ssize_t got = pread(r->lock_fd, who, sizeof who - 1, 0);
		who[got > 0 ? got : 0] = '\0';
		if (who[0] == '\0' || who[strlen(who) - 1] != '\n') {
			who[0] = '\0';
			usleep(10000);
		}
	}
	who[strcspn(who, "\n")] = '\0';
	for (char *c = who; *c; c++)
		if ((unsigned char)*c < ' ' || *c == 0x7f)
			*c = '?'; /* written by a process of ours, but still a file */
	snprintf(why, n, "a reminder is already running (%s); `unknot remind stop` ends it",
	    who[0] ? who : "its pid is unknown");
	close(r->lock_fd);
	r->lock_fd = -1;
	return -1;
}

/* ---- the history -------------------------------------------------------- */

static void
record(struct reminder *r, enum outcome o, time_t now)
{
	struct history_record rec = {
		.when = now, .routine = r->o.routine_id, .outcome = o, .seconds = 0,
		.pain_before = -1, .pain_after = -1,
	};
	const char *why;
	if (history_append(&rec, &why) < 0)
		say(r, "history not written: %s", why); /* a reminder goes on without it */
}

struct replay {
	struct reminder *r;
	time_t now;
	bool first; /* the whole file, at the start: today's counts */
};

static void
replay_one(const struct history_entry *e, void *arg)
{
	struct replay *p = arg;
	struct reminder *r = p->r;
	static const enum remind_outcome counted[OUTCOME_COUNT] = {
		[OUTCOME_REMINDER_OFFERED] = REMIND_OFFERED, [OUTCOME_REMINDER_TAKEN] = REMIND_TAKEN,
		[OUTCOME_REMINDER_SNOOZED] = REMIND_SNOOZED, [OUTCOME_REMINDER_SKIPPED] = REMIND_SKIPPED,
	};
	switch (e->outcome) {
	case OUTCOME_COMPLETED:
	case OUTCOME_STOPPED:
		if (p->first)
			break;
		if (r->started_at && e->when >= r->started_at) {
			/* the session the notification's Start opened */
			r->started_at = 0;
			remind_count(&r->m, REMIND_TAKEN, p->now, p->now);
			record(r, OUTCOME_REMINDER_TAKEN, p->now);
		}
		if (e->outcome == OUTCOME_COMPLETED && remind_completed(&r->m, e->when + e->seconds)) {
			record(r, OUTCOME_REMINDER_TAKEN, p->now);
			say(r, "a routine was completed: the break was taken");
		}
		break;
	case OUTCOME_REMINDER_OFFERED:
	case OUTCOME_REMINDER_TAKEN:
	case OUTCOME_REMINDER_SNOOZED:
	case OUTCOME_REMINDER_SKIPPED:
		if (p->first) /* later ones are our own */
			remind_count(&r->m, counted[e->outcome], e->when, p->now);
		break;
	default:
		break;
	}
}

static void
read_history(struct reminder *r, time_t now, bool first)
{
	struct stat st;
	if (stat(r->hist_path, &st) < 0 || st.st_size == r->hist_off)
		return; /* nothing new: the usual case, one stat() */
	if (st.st_size < r->hist_off)
		r->hist_off = 0; /* replaced: read it again */
	struct replay p = {r, now, first};
	struct diags d = {0};
	off_t end = r->hist_off;
	history_read(r->hist_path, r->hist_off, replay_one, &p, &d, &end);
	r->hist_off = end;
	diags_free(&d);
}

/* ---- the alerts ---------------------------------------------------------- */

struct cue_args {
	bool voice;
	int volume;
};

static void
play_cue(void *arg)
{
	struct cue_args *c = arg;
	struct audio *a = audio_new(true, c->voice, c->volume);
	audio_play(a, CUE_REMINDER);
	audio_free(a); /* waits for the cue to finish */
}

static void arm(struct reminder *r, time_t now);

static const char *const actions[] = {"start", "Start", "snooze", "Snooze", "skip", "Skip", NULL};
enum { ACTION_START, ACTION_SNOOZE, ACTION_SKIP };

static void
on_action(void *ctx, int action)
{
	struct reminder *r = ctx;
	time_t now = time(NULL);
	char msg[200];
	r->note = NULL;
	read_history(r, now, false);
	if (!r->m.offered || r->m.taking)
		return; /* answered meanwhile (a key, the socket), or being taken */
	switch (action) {
	case ACTION_START:
		say(r, "notification: start");
		remind_unanswered(&r->m, now); /* the session it opens is the answer */
		r->started_at = now;
		if (r->h.start)
			r->h.start(r->h.ctx);
		break;
	case ACTION_SNOOZE:
		reminder_snooze(r, now, 0, msg, sizeof msg);
		say(r, "notification: %s", msg);
		break;
	case ACTION_SKIP:
		reminder_skip(r, now, msg, sizeof msg);
		say(r, "notification: %s", msg);
		break;
	default:
		if (!r->o.prompt) {
			remind_unanswered(&r->m, now);
			say(r, "the notification closed unanswered");
		}
		break;
	}
	arm(r, now);
	changed(r);
}

/* Something can show a break: a terminal of ours, or notify-send. */
static bool
can_show(const struct reminder *r)
{
	return r->o.prompt || notify_available();
}

static void
alert_break(struct reminder *r, time_t now)
{
	bool seen = can_show(r);
	if (seen)
		record(r, OUTCOME_REMINDER_OFFERED, now);
	if (r->o.sound) {
		struct cue_args c = {r->o.voice, r->o.volume};
		child_detached_fn(play_cue, &c);
	}
	char len[32], body[400];
	duration_words(r->o.routine_secs, len, sizeof len);
	snprintf(body, sizeof body, "%s, %s: stand up and follow it (unknot run %s)", r->o.routine_title, len,
	    r->o.routine_arg);
	notify_cancel(r->note);
	r->note = notify_send("Time for a posture break", body, 0, actions, on_action, r);
	if (!seen) {
		/* a sound alone names no routine and cannot be answered: not an
		 * offer (unknot(1) REMINDERS); the interval starts again */
		remind_unseen(&r->m, now);
		say(r, "break due, but nothing can show it (notify-send not found): not counted as offered");
		return;
	}
	say(r, "break offered (%s)", r->note ? "notification with Start, Snooze, Skip" :
	    r->o.prompt ? "on screen" : "notification");
	if (!r->o.prompt && r->note == NULL)
		remind_unanswered(&r->m, now); /* nobody can answer: it was the reminder */
}

static void
alert_micro(struct reminder *r)
{
	notify_send("Look away", "Look at something 6 metres (20 feet) away for 20 seconds.",
	    r->m.set.look * 1000, NULL, NULL, NULL);
	say(r, "micro-break");
}

/* ---- the timer ------------------------------------------------------------ */

static bool
someone_playing(const struct reminder *r)
{
	if (r->playing_here)
		return true;
	char *path = runtime_file("playing");
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	free(path);
	if (fd < 0)
		return false;
	bool busy = flock(fd, LOCK_EX | LOCK_NB) < 0 && errno == EWOULDBLOCK;
	close(fd); /* lets go of the lock if it was taken */
	return busy;
}

static void
tick(struct reminder *r, time_t now)
{
	/* a due time moved without an event (a routine playing elsewhere
	 * defers it, one completed elsewhere restarts it) is shown too */
	time_t due = r->m.due;
	read_history(r, now, false);
	struct remind_probe probe = {.idle = -1}, *p = NULL;
	for (;;) {
		if (p == NULL && remind_wants_probe(&r->m, now)) {
			/* something is due: only now look at the user */
			probe.idle = r->m.set.idle > 0 ? idle_seconds(now, r->m.set.idle) : -1;
			probe.playing = someone_playing(r);
			p = &probe;
		}
		enum remind_event e = remind_tick(&r->m, now, p);
		if (e == REMIND_NONE)
			break;
		switch (e) {
		case REMIND_BREAK: alert_break(r, now); break;
		case REMIND_MICRO: alert_micro(r); break;
		case REMIND_AWAY: say(r, "away from the keyboard: a natural break"); break;
		case REMIND_BACK: say(r, "back from a natural break: the interval starts again"); break;
		case REMIND_RESUMED: say(r, "the pause is over"); break;
		default: break;
		}
		if (r->h.event)
			r->h.event(r->h.ctx, e);
		changed(r);
		due = r->m.due;
	}
	if (r->m.due != due)
		changed(r);
	arm(r, now);
}

static void
arm(struct reminder *r, time_t now)
{
	time_t wake = remind_wake(&r->m, now);
	if (r->tfd >= 0) {
		struct itimerspec its = {0};
		if (wake != REMIND_NEVER)
			its.it_value.tv_sec = wake > now ? wake : now; /* 0 would disarm */
		timerfd_settime(r->tfd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &its, NULL);
	} else {
		/* no timerfd: the monotonic clock, looking again every minute for
		 * a clock that jumped */
		long long left = wake == REMIND_NEVER ? 60 : (long long)(wake > now ? wake - now : 0);
		r->timer.deadline = now_us() + (left < 60 ? left : 60) * 1000000;
	}
}

static void
on_timer(struct loop_source *src, short revents, long long now_us_)
{
	struct reminder *r = src->ctx;
	if (r->tfd >= 0) {
		unsigned long long expirations;
		/* ECANCELED: the clock was set; either way, look at it now */
		if (read(r->tfd, &expirations, sizeof expirations) < 0 && errno == EAGAIN)
			return;
	}
	tick(r, time(NULL));
}

void
reminder_refresh(struct reminder *r, time_t now)
{
	tick(r, now);
}

/* ---- requests and answers ---------------------------------------------- */

static long
scaled(const struct reminder *r, long secs)
{
	long s = secs / r->scale;
	return secs > 0 && s < 1 ? 1 : s;
}

bool
reminder_begin(struct reminder *r, time_t now)
{
	read_history(r, now, false);
	bool offered = remind_begin(&r->m, now);
	if (offered) {
		notify_cancel(r->note); /* its Snooze and Skip no longer apply */
		r->note = NULL;
	}
	arm(r, now);
	changed(r);
	return offered;
}

void
reminder_unbegin(struct reminder *r, time_t now)
{
	remind_unbegin(&r->m);
	arm(r, now);
	changed(r);
}

void
reminder_taken(struct reminder *r, time_t now)
{
	bool offered = r->m.offered;
	remind_taken(&r->m, now);
	if (offered)
		record(r, OUTCOME_REMINDER_TAKEN, now);
	notify_cancel(r->note);
	r->note = NULL;
	arm(r, now);
	changed(r);
}

/* "snoozed: ..." for an answer, "postponed: ..." when nothing was due. */
static void
answered(struct reminder *r, time_t now, enum remind_answer a, enum outcome o, const char *verb, char *msg,
    size_t n)
{
	char next[160];
	if (a == REMIND_TAKING) {
		/* the routine is on someone's screen: the record must say taken */
		snprintf(msg, n, "error: the posture break is being taken now: it cannot be %s", verb);
		return;
	}
	if (a == REMIND_ANSWERED) {
		record(r, o, now);
		notify_cancel(r->note);
		r->note = NULL;
	}
	reminder_next_text(r, now, next, sizeof next);
	snprintf(msg, n, "%s: %s", a == REMIND_ANSWERED ? verb : "postponed (nothing was due)", next);
	arm(r, now);
	changed(r);
}

void
reminder_snooze(struct reminder *r, time_t now, long secs, char *msg, size_t n)
{
	read_history(r, now, false);
	enum remind_answer a = remind_snooze(&r->m, now, secs > 0 ? scaled(r, secs) : 0);
	answered(r, now, a, OUTCOME_REMINDER_SNOOZED, "snoozed", msg, n);
}

void
reminder_skip(struct reminder *r, time_t now, char *msg, size_t n)
{
	read_history(r, now, false);
	enum remind_answer a = remind_skip(&r->m, now);
	answered(r, now, a, OUTCOME_REMINDER_SKIPPED, "skipped", msg, n);
}

void
reminder_pause(struct reminder *r, time_t now, long secs, char *msg, size_t n)
{
	remind_pause(&r->m, now, scaled(r, secs > 0 ? secs : r->o.pause));
	notify_cancel(r->note);
	r->note = NULL;
	char next[160];
	reminder_next_text(r, now, next, sizeof next);
	snprintf(msg, n, "%s", next);
	arm(r, now);
	changed(r);
}

void
reminder_resume(struct reminder *r, time_t now, char *msg, size_t n)
{
	bool was = remind_resume(&r->m, now);
	char next[160];
	reminder_next_text(r, now, next, sizeof next);
	snprintf(msg, n, "%s%s", was ? "resumed: " : "error: not paused; ", next);
	arm(r, now);
	changed(r);
}

void
reminder_playing(struct reminder *r, bool playing)
{
	r->playing_here = playing;
}

static void
close_soon(struct loop_source *src, short revents, long long now)
{
	struct reminder *r = src->ctx;
	control_close(r->srv); /* sends the reply to `stop` */
	r->srv = NULL;
	if (r->lock_fd >= 0) {
		unlink(r->lock_path);
		close(r->lock_fd);
		r->lock_fd = -1;
	}
	say(r, "stopped by `unknot remind stop`");
	if (r->h.stop)
		r->h.stop(r->h.ctx);
}

static void
handle(void *ctx, const struct control_request *req, char *reply, size_t n)
{
	struct reminder *r = ctx;
	time_t now = time(NULL);
	char msg[CONTROL_REPLY_MAX - 2];
	read_history(r, now, false);
	switch (req->verb) {
	case CONTROL_STATUS:
		reminder_status_text(r, now, msg, sizeof msg);
		break;
	case CONTROL_SNOOZE:
		reminder_snooze(r, now, req->secs, msg, sizeof msg);
		break;
	case CONTROL_SKIP:
		reminder_skip(r, now, msg, sizeof msg);
		break;
	case CONTROL_PAUSE:
		reminder_pause(r, now, req->secs, msg, sizeof msg);
		break;
	case CONTROL_RESUME:
		reminder_resume(r, now, msg, sizeof msg);
		break;
	case CONTROL_STOP:
		snprintf(msg, sizeof msg, "stopping (pid %ld)", (long)getpid());
		/* not from inside the server's own callback: next turn */
		r->closer.deadline = 0;
		break;
	default:
		snprintf(msg, sizeof msg, "error: unknown request");
		break;
	}
	snprintf(reply, n, "%s\n", msg);
	if (req->verb != CONTROL_STATUS)
		say(r, "%s: %s", control_verb_name(req->verb), msg);
}

/* ---- start and close -------------------------------------------------------- */

int
reminder_start(struct reminder *r, const struct reminder_opts *o, const struct reminder_hooks *h, time_t now,
    char *why, size_t n)
{
	r->o = *o;
	r->o.routine_id = xstrdup(o->routine_id);
	r->o.routine_arg = xstrdup(o->routine_arg ? o->routine_arg : o->routine_id);
	r->o.routine_title = xstrdup(o->routine_title ? o->routine_title : o->routine_id);
	r->h = *h;
	const char *sc = getenv("UNKNOT_REMIND_SCALE");
	r->scale = sc && atoi(sc) > 0 ? atoi(sc) : 1;
	struct remind_settings set = o->set;
	set.every = (int)scaled(r, set.every);
	set.snooze = (int)scaled(r, set.snooze);
	set.micro = (int)scaled(r, set.micro);
	set.idle = (int)scaled(r, set.idle);
	set.absorb = (int)scaled(r, REMIND_MICRO_ABSORB);
	set.recheck = (int)scaled(r, REMIND_RECHECK); /* the look-away stays 20 s */
	remind_start(&r->m, &set, now);
	r->hist_off = 0;
	read_history(r, now, true);

	r->srv = control_listen(r->sock_path, handle, r, why, n);
	if (r->srv == NULL)
		return -1;
	r->closer = (struct loop_source){.fd = -1, .deadline = LOOP_NEVER, .ready = close_soon, .ctx = r};
	loop_add(&r->closer);
	r->tfd = timerfd_create(CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
	r->timer = (struct loop_source){.fd = r->tfd, .events = r->tfd >= 0 ? POLLIN : 0,
	    .deadline = LOOP_NEVER, .ready = on_timer, .ctx = r};
	loop_add(&r->timer);
	arm(r, now);
	return 0;
}

void
reminder_close(struct reminder *r)
{
	notify_cancel(r->note);
	r->note = NULL;
	loop_remove(&r->timer);
	loop_remove(&r->closer);
	if (r->tfd >= 0)
		close(r->tfd);
	r->tfd = -1;
	control_close(r->srv);
	r->srv = NULL;
	if (r->lock_fd >= 0) {
		unlink(r->lock_path);
		close(r->lock_fd);
	}
	r->lock_fd = -1;
	free(r->dir);
	free(r->sock_path);
	free(r->lock_path);
	free(r->hist_path);
	free((char *)r->o.routine_id);
	free((char *)r->o.routine_title);
	free((char *)r->o.routine_arg);
	r->o.routine_arg = NULL;
	r->dir = r->sock_path = r->lock_path = r->hist_path = NULL;
	r->o.routine_id = r->o.routine_title = NULL;
}

/* ---- words ------------------------------------------------------------------ */

void
reminder_next_text(const struct reminder *r, time_t now, char *out, size_t n)
{
	char when[64];
	if (remind_paused(&r->m)) {
		remind_when_text(r->m.paused_until, now, when, sizeof when);
		snprintf(out, n, "paused until %s", when);
	} else if (r->m.taking) {
		snprintf(out, n, "a posture break is being taken now (%s)", r->o.routine_title);
	} else if (r->m.offered) {
		snprintf(out, n, "a posture break is due now");
	} else if (r->m.away_at) {
		snprintf(out, n, "away from the keyboard: a natural break (the interval starts again on your return)");
	} else {
		remind_when_text(r->m.due > now ? r->m.due : now, now, when, sizeof when);
		snprintf(out, n, "next break at %s", when);
	}
}

void
reminder_status_text(const struct reminder *r, time_t now, char *out, size_t n)
{
	char next[160], every[32], hours[16], days[40], micro[64] = "";
	reminder_next_text(r, now, next, sizeof next);
	duration_words(r->m.set.every, every, sizeof every);
	if (r->m.set.micro > 0) {
		char m[32];
		duration_words(r->m.set.micro, m, sizeof m);
		snprintf(micro, sizeof micro, "; micro-breaks every %s", m);
	}
	struct remind_counts c = remind_today(&r->m, now);
	/* a break started early, or Start's routine in another terminal: the
	 * next break waits for its end (deferred a minute at a time) */
	bool playing = reminder_waiting_for_routine(r);
	snprintf(out, n, "%s%s; every %s, %s, %s%s; routine %s; today %d offered, %d taken, %d snoozed, "
	    "%d skipped; %spid %ld", next, playing ? "; a routine is playing: no break before it ends" : "", every, schedule_hours_text(&r->m.set.sch, hours, sizeof hours),
	    schedule_days_text(r->m.set.sch.days, days, sizeof days), micro, r->o.routine_id, c.offered, c.taken,
	    c.snoozed, c.skipped, can_show(r) ? "" : REMINDER_UNSEEN_WARNING "; ", (long)getpid());
}

bool
reminder_waiting_for_routine(const struct reminder *r)
{
	return !r->m.offered && !remind_paused(&r->m) && someone_playing(r);
}

time_t
reminder_next_text_changes(const struct reminder *r, time_t now)
{
	if (remind_paused(&r->m))
		return remind_when_changes(r->m.paused_until, now);
	if (r->m.offered || r->m.away_at)
		return REMIND_NEVER; /* no time in it: events change it */
	return remind_when_changes(r->m.due, now);
}

/* ---- playing ---------------------------------------------------------------- */

int
reminder_playing_begin(void)
{
	char *dir = paths_runtime_dir(), why[200];
	int fd = -1;
	if (control_private_dir(dir, true, why, sizeof why) == 0) {
		char *path = runtime_file("playing");
		fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
		free(path);
		if (fd >= 0 && flock(fd, LOCK_SH | LOCK_NB) < 0) {
			close(fd);
			fd = -1;
		}
	}
	free(dir);
	return fd;
}

void
reminder_playing_end(int fd)
{
	if (fd >= 0)
		close(fd);
}
