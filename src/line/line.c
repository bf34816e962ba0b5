/*
 * line.c - the plain line mode: see line.h.
 *
 * Standard input is one source of the process's loop for the whole
 * session; what it reads waits in a buffer until a question takes a line
 * or the player takes a key.  When standard input is a terminal the
 * player puts it in non-canonical mode (keys without Enter, no echo) and
 * gives it back as it was; questions read whole lines in the terminal's
 * own mode.  Every line printed is complete, text from files goes through
 * the sanitiser, and stdout is flushed after each, so that a pipe or a
 * screen reader gets each event as it happens.
 */
#include "line.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "audio.h"
#include "clock.h"
#include "config.h"
#include "duration.h"
#include "loop.h"
#include "player.h"
#include "reminder.h"
#include "reminder.h"
#include "routine.h"
#include "schedule.h"
#include "termguard.h"
#include "text.h"
#include "util.h"

bool
line_wanted(bool asked)
{
	const char *term = getenv("TERM");
	return asked || (term && strcmp(term, "dumb") == 0) || !isatty(STDOUT_FILENO);
}

/* ---- output ------------------------------------------------------------ */

/* Standard output went away (a pipe's reader ended): the session ends as
 * if by a signal, recorded as stopped, rather than run on unseen. */
static bool out_broken;

/* One line: the format's own text as it is, %s arguments cleaned by the
 * caller (line_text); a newline and a flush. */
static void
say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void
say(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = xvasprintf(fmt, ap);
	va_end(ap);
	text_put(stdout, s); /* every byte, the routine's text included, cleaned */
	fputc('\n', stdout);
	if (fflush(stdout) == EOF)
		out_broken = true;
	free(s);
}

/* ---- input ------------------------------------------------------------- */

static struct {
	struct loop_source src;
	char buf[1024];
	size_t len;
	bool eof, raw;
	bool is_tty;
	struct termios saved;
	/* who takes what was read: a question (a line) or the player (keys) */
	void (*take)(void *ctx);
	void *ctx;
} in;

static void
on_input(struct loop_source *src, short revents, long long now)
{
	(void)revents, (void)now;
	if (in.len == sizeof in.buf)
		in.len = 0; /* a line longer than the buffer: not an answer anyone typed */
	ssize_t n = read(src->fd, in.buf + in.len, sizeof in.buf - in.len);
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return;
	if (n <= 0) {
		in.eof = true;
		src->events = 0; /* nothing more will come */
	} else {
		in.len += (size_t)n;
	}
	if (in.take)
		in.take(in.ctx);
}

/* Take one line from the buffer into out (without its newline): true, or
 * false when no whole line is there (at EOF, what is left is the line). */
static bool
take_line(char *out, size_t n)
{
	char *nl = memchr(in.buf, '\n', in.len);
	size_t len = nl ? (size_t)(nl - in.buf) : in.eof ? in.len : SIZE_MAX;
	if (len == SIZE_MAX)
		return false;
	size_t keep = len < n - 1 ? len : n - 1;
	memcpy(out, in.buf, keep);
	out[keep] = '\0';
	if (keep && out[keep - 1] == '\r')
		out[keep - 1] = '\0';
	size_t used = nl ? len + 1 : len;
	memmove(in.buf, in.buf + used, in.len - used);
	in.len -= used;
	return true;
}

/* Standard output watched for its reader going away (POLLERR on a pipe
 * whose reader closed, POLLHUP on a terminal hung up): a quiet stretch of
 * a routine would otherwise run on unseen until its next line. */
static struct loop_source out_src;

static void
on_output_gone(struct loop_source *src, short revents, long long now)
{
	(void)now;
	if (!(revents & (POLLERR | POLLHUP | POLLNVAL)))
		return;
	out_broken = true;
	src->events = 0;
	loop_break(NAV_SIGNAL);
}

static int input_users; /* line_remind holds the input around line_flow's */

static void
input_start(void)
{
	if (input_users++ > 0)
		return;
	in.src = (struct loop_source){.fd = STDIN_FILENO, .events = POLLIN, .deadline = LOOP_NEVER,
	    .ready = on_input};
	in.is_tty = isatty(STDIN_FILENO);
	loop_add(&in.src);
	/* POLLERR is always reported; asking for it only makes the loop poll */
	out_src = (struct loop_source){.fd = STDOUT_FILENO, .events = POLLERR, .deadline = LOOP_NEVER,
	    .ready = on_output_gone};
	loop_add(&out_src);
}

static void
input_stop(void)
{
	if (--input_users > 0)
		return;
	loop_remove(&out_src);
	loop_remove(&in.src);
}

/* Keys without Enter while the player runs, when stdin is a terminal. */
static void
raw_on(void)
{
	if (!in.is_tty || in.raw || tcgetattr(STDIN_FILENO, &in.saved) < 0)
		return;
	struct termios t = in.saved;
	t.c_lflag &= (tcflag_t) ~(ICANON | ECHO);
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	/* a crash while the keys are raw puts the modes back (termguard.h) */
	termguard_arm(STDIN_FILENO, &in.saved, "", 0, -1);
	if (tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0)
		in.raw = true;
	else
		termguard_disarm();
}

static void
raw_off(void)
{
	if (in.raw) {
		tcsetattr(STDIN_FILENO, TCSANOW, &in.saved);
		termguard_disarm();
	}
	in.raw = false;
}

struct ask {
	char *out;
	size_t n;
};

static void
ask_take(void *ctx)
{
	struct ask *a = ctx;
	if (take_line(a->out, a->n))
		loop_break(NAV_OK);
}

static long long
ask_turn(void *ctx, long long now)
{
	(void)ctx, (void)now;
	return LOOP_NEVER;
}

/* Print the question and read one line: NAV_OK (out holds it, "" at the
 * end of the input) or NAV_SIGNAL. */
static enum nav
ask(const char *question, char *out, size_t n)
{
	say("%s", question);
	if (out_broken)
		return NAV_SIGNAL;
	struct ask a = {out, n};
	if (take_line(out, n))
		return NAV_OK;
	if (in.eof) {
		out[0] = '\0';
		return NAV_OK;
	}
	in.take = ask_take;
	in.ctx = &a;
	int rc = loop_run(ask_turn, NULL);
	in.take = NULL;
	/* a signal, or stdout gone (on_output_gone); Ctrl-C at a terminal
	 * left "^C" after what was typed: the next line starts on its own */
	if (rc == LOOP_SIGNAL && in.is_tty && !out_broken) {
		fputc('\n', stdout);
		fflush(stdout);
	}
	return rc == LOOP_SIGNAL || rc == NAV_SIGNAL ? NAV_SIGNAL : NAV_OK;
}

/* ---- the flow's steps ------------------------------------------------------ */

struct line_flow {
	const struct safety *cat;
	double speed;
	struct audio *audio;
	bool red_flags;    /* the red flags are printed before the screening (first run) */
	bool played;       /* the player began: a stop is recorded (not for a preview) */
	bool preview;
};

static void
print_lines(const struct flow_line *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].text[0] || v[i].label[0])
			say("%*s%s%s", v[i].indent, "", v[i].label, v[i].text);
}

static long long
said_turn(void *ctx, long long now)
{
	struct audio *a = ctx;
	if (!audio_saying(a, now)) {
		loop_break(NAV_OK);
		return LOOP_NEVER;
	}
	return now + 20000;
}

/* Where steps are spoken, the screening's warnings are said too: without
 * a screen, a person may not be reading them.  The routine starts once
 * they have been heard (or after a minute, whatever the engine does). */
static void
say_warnings(struct audio *a, const struct flow *f)
{
	struct buf b = {0};
	for (size_t i = 0; i < f->screening.warnings.n; i++) {
		const struct flow_line *w = &f->screening.warnings.v[i];
		if (!w->text[0])
			continue;
		if (b.len)
			buf_add(&b, " ", 1);
		buf_add(&b, w->label, strlen(w->label));
		buf_add(&b, w->text, strlen(w->text));
	}
	if (b.s)
		audio_say(a, b.s, now_us());
	free(b.s);
}

static void
wait_said(struct audio *a)
{
	long long until = now_us() + 60 * 1000000LL;
	while (audio_saying(a, now_us()) && now_us() < until && !out_broken)
		if (loop_run(said_turn, a) == LOOP_SIGNAL)
			break;
}

static enum nav
l_screening(void *ctx, const struct flow *f)
{
	struct line_flow *c = ctx;
	struct flow_line *v;
	size_t n;
	if (c->red_flags) {
		n = flow_red_flag_lines(c->cat, NULL, &v);
		say("Before your first routine: the red flags.");
		print_lines(v, n);
		flow_lines_free(v, n);
	}
	say("Before you start: %s.", f->r->title);
	n = flow_screening_lines(f, &v);
	print_lines(v, n);
	flow_lines_free(v, n);
	say_warnings(c->audio, f);
	if (!f->screening.can_start)
		return NAV_BACK;
	if (f->screening.asks)
		say("If some of these apply, declare them first with `unknot health add ID...` "
		    "(`unknot safety` lists the ids): the routine then adapts to them.");
	char answer[64];
	enum nav rc = ask(c->red_flags ? "Type y and Enter to start: that also says you have read the red flags. "
	    "Anything else goes back." : "Type y and Enter to start; anything else goes back.", answer,
	    sizeof answer);
	if (rc != NAV_OK)
		return rc;
	if (strcmp(answer, "y") != 0 && strcmp(answer, "Y") != 0 && strcmp(answer, "yes") != 0)
		return NAV_BACK; /* line_flow says "Not started." */
	if (c->red_flags)
		flow_red_flags_mark_read();
	wait_said(c->audio);
	return NAV_OK;
}

/* A question of the flow: its text, then the answers; an empty line or
 * anything else is the last answer, the way back. */
static enum nav
l_ask(void *ctx, const struct flow *f, const char *text, enum flow_emph emph,
    const char *const *answers, char *answer)
{
	(void)ctx, (void)f, (void)emph;
	say("%s", text);
	struct buf q = {0};
	size_t n = 0;
	for (; answers[n] && answers[n + 1]; n += 2)
		buf_addf(&q, "%s%s: %s", n ? ", " : "Type ", answers[n], answers[n + 1]);
	buf_addf(&q, ".");
	char line[64];
	enum nav rc = ask(q.s, line, sizeof line);
	buf_free(&q);
	if (rc != NAV_OK)
		return rc;
	*answer = n ? answers[n - 2][0] : 0;
	for (size_t i = 0; i < n; i += 2)
		if (line[0] && (line[0] == answers[i][0] || line[0] == answers[i][0] - 'a' + 'A') &&
		    (line[1] == '\0' || line[1] == '\n'))
			*answer = answers[i][0];
	return NAV_OK;
}

static enum nav
l_pain(void *ctx, const struct flow *f, enum pain_when when, int *value)
{
	(void)ctx, (void)f;
	char answer[64];
	for (;;) {
		enum nav rc = ask(when == PAIN_BEFORE ? "Pain right now (0-10, Enter to skip)?" :
		    "How is it now? Pain right now (0-10, Enter to skip)?", answer, sizeof answer);
		if (rc != NAV_OK)
			return rc;
		if (flow_parse_pain(answer, value))
			return NAV_OK;
		if (in.eof) {
			*value = -1;
			return NAV_OK;
		}
		say("\"%s\" is not a number from 0 to 10: type one, or just Enter to skip.", answer);
	}
}

/* ---- the player in lines ------------------------------------------------ */

struct lp {
	struct line_flow *c;
	const struct plan *plan;
	const struct routine *r;  /* the plan's routine, as it runs */
	struct player p;
	bool keys; /* stdin is a terminal: keys without Enter */
};

static void
step_line(struct lp *l, size_t i)
{
	const struct step *st = &l->r->steps[i];
	char d[48], rest[48];
	/* getting down to the floor or up from it: said first, as speech says
	 * it before the title (eyes closed, the position comes before the rest) */
	const char *move = step_move_text(step_move(l->r, i));
	if (move)
		say("%s", move);
	struct buf b = {0};
	buf_addf(&b, "Step %zu of %zu: %s", i + 1, l->r->nsteps, st->title);
	if (st->sides)
		buf_addf(&b, ", left side");
	buf_addf(&b, ", %s", duration_spoken(st->duration, d, sizeof d));
	if (st->reps > 1)
		buf_addf(&b, ", %d times%s", st->reps, st->sides ? " each side" : "");
	if (st->rest && step_bouts(st) > 1)
		buf_addf(&b, ", rest %s between", duration_spoken(st->rest, rest, sizeof rest));
	buf_addf(&b, ".");
	if (st->how)
		buf_addf(&b, " %s", st->how);
	say("%s", b.s);
	buf_free(&b);
	if (st->pressure)
		say("Pressure: %s", st->pressure);
	if (st->caution)
		say("Caution: %s", st->caution);
	/* the advice of what the person declared, on the steps it concerns */
	const struct plan_step *ps = &l->plan->steps[i];
	for (size_t k = 0; k < ps->ncautions; k++) {
		char *label = condition_label(ps->cautions[k]);
		say("%s%s", label, ps->cautions[k]->advice);
		free(label);
	}
	long ready = step_prepare_seconds(l->r, i);
	if (ready > 0)
		say("Get ready: %s.", duration_spoken(ready, d, sizeof d));
}

static void
event_line(struct lp *l, const struct session_event *e)
{
	const struct step *st = &l->r->steps[e->step];
	char d[48];
	switch (e->kind) {
	case EV_STEP_START:
		step_line(l, e->step);
		break;
	case EV_GO:
		say("Go: %s%s.", st->sides ? "left side, " : "", duration_spoken(st->duration, d, sizeof d));
		break;
	case EV_SIDE_SWITCH: {
		/* what the right side is, mirrored from the step's "Left side: ..." */
		char *side = step_side_sentence(st, true);
		say("Right side, %s.%s%s", duration_spoken(st->duration, d, sizeof d), side ? " " : "",
		    side ? side : "");
		free(side);
		break;
	}
	case EV_REP_START:
		say("Rep %d of %d%s, %s.", e->bout % st->reps + 1, st->reps,
		    st->sides ? (e->bout < st->reps ? ", left side" : ", right side") : "",
		    duration_spoken(st->duration, d, sizeof d));
		break;
	case EV_HALFWAY:
		say("Halfway.");
		break;
	case EV_TEN_LEFT:
		say("10 seconds left.");
		break;
	case EV_REST_START:
		say("Rest %s%s.", duration_spoken(st->rest, d, sizeof d),
		    st->sides && e->bout + 1 == st->reps ? ", then the right side" : "");
		break;
	default:
		break;
	}
}

static void
keys_line(const struct lp *l)
{
	struct buf b = {0};
	buf_addf(&b, "Keys:");
	for (int c = CMD_NONE + 1; c < CMD_COUNT; c++)
		buf_addf(&b, "%s %s %s", c == CMD_NONE + 1 ? "" : ",",
		    player_keys[c].key == ' ' ? "space" : (char[]){player_keys[c].key, '\0'}, player_keys[c].help);
	buf_addf(&b, ".");
	say("%s", b.s);
	buf_free(&b);
}

static void say_sentences(const char *const *v);

/* One key (or the first character of a line) for the player. */
static void
player_key(struct lp *l, int ch, long long now)
{
	if (player_question(&l->p)) {
		bool yes = ch == 'y' || ch == 'Y';
		player_answer(&l->p, yes, now);
		if (!yes)
			say("Going on.");
		return;
	}
	enum player_cmd c = player_command(ch);
	char m[64];
	switch (c) {
	case CMD_MUTE: {
		/* "Sound on" only when it really plays; else why not */
		bool on = audio_muted(l->c->audio);
		audio_set_muted(l->c->audio, !on);
		say("%s", !on ? "Sound muted." : audio_working(l->c->audio) ? "Sound on." : audio_status(l->c->audio));
		break;
	}
	case CMD_LOUDER:
	case CMD_QUIETER:
		snprintf(m, sizeof m, "Volume %d%%.", audio_change_volume(l->c->audio, c == CMD_QUIETER ? -10 : 10));
		say("%s", m);
		break;
	case CMD_HELP: /* as the full screen's help: the keys, then the pain rules */
		keys_line(l);
		say_sentences(pain_rules);
		break;
	case CMD_PAUSE:
		player_do(&l->p, c, now);
		say("%s", player_held(&l->p, PAUSE_USER) ? "Paused: space resumes." : "Resumed.");
		break;
	default:
		player_do(&l->p, c, now);
		if (player_question(&l->p))
			say("%s", player_question(&l->p));
		break;
	}
}

/* Keys typed while the player runs (stdin a terminal only: from a pipe,
 * every line is an answer to a question, kept for the pain check-in). */
static void
lp_take(void *ctx)
{
	struct lp *l = ctx;
	long long now = now_us();
	for (size_t i = 0; i < in.len; i++)
		player_key(l, (unsigned char)in.buf[i], now);
	in.len = 0;
	if (player_over(&l->p))
		loop_break(l->p.stopped ? NAV_QUIT : NAV_OK);
}

static long long
lp_turn(void *ctx, long long now)
{
	struct lp *l = ctx;
	const struct session_event *ev;
	size_t n = player_tick(&l->p, now, &ev);
	for (size_t i = 0; i < n; i++)
		event_line(l, &ev[i]);
	if (out_broken) {
		loop_break(NAV_SIGNAL);
		return LOOP_NEVER;
	}
	audio_events(l->c->audio, l->r, ev, n, now); /* no bell here: nothing but lines on stdout */
	if (player_over(&l->p)) {
		loop_break(l->p.stopped ? NAV_QUIT : NAV_OK);
		return LOOP_NEVER;
	}
	long long wake = session_next_deadline(l->p.s);
	long long sound = audio_wake(l->c->audio, l->p.s, now); /* the device only around cues */
	return sound < wake ? sound : wake;
}

static void
lp_tstp(int sig, void *ctx)
{
	struct lp *l = ctx;
	(void)sig;
	player_hold(&l->p, PAUSE_SUSPEND, true, now_us());
	bool was_raw = in.raw;
	raw_off();
	loop_suspend();
	if (was_raw)
		raw_on();
	player_hold(&l->p, PAUSE_SUSPEND, false, now_us());
}

static enum nav
l_play(void *ctx, const struct flow *f, struct flow_play *out)
{
	struct line_flow *c = ctx;
	c->played = true;
	c->preview = f->preview;
	struct lp l = {.c = c, .plan = &f->plan, .r = &f->plan.run, .keys = in.is_tty && !in.eof};
	char t[48], p[48];
	say("%s: %zu step%s, %s, plus %s to get ready.", l.r->title, l.r->nsteps, l.r->nsteps == 1 ? "" : "s",
	    duration_spoken(routine_seconds(l.r), t, sizeof t),
	    duration_spoken(routine_prepare_seconds(l.r), p, sizeof p));
	if (f->preview)
		say("PREVIEW at %g times the speed: not kept in your history.", f->speed);
	if (l.keys)
		keys_line(&l);
	audio_prepare(c->audio, l.r);
	if (audio_status(c->audio))
		say("%s", audio_status(c->audio));
	out->started = now_wall();
	player_init(&l.p, l.r, c->speed, now_us());
	if (l.keys) {
		raw_on();
		in.take = lp_take;
		in.ctx = &l;
	}
	loop_on_signal(SIGTSTP, lp_tstp, &l);
	int playing = reminder_playing_begin(); /* no reminder offers a break meanwhile */
	int rc = loop_run(lp_turn, &l);
	reminder_playing_end(playing);
	loop_on_signal(SIGTSTP, NULL, NULL);
	in.take = NULL;
	raw_off();
	player_result(&l.p, now_us(), out);
	player_free(&l.p);
	return rc == LOOP_SIGNAL ? NAV_SIGNAL : (enum nav)rc;
}

/* Lines broken to fit a screen, said as whole sentences: a line is
 * complete on its own for a screen reader (PLAIN MODE). */
static void
say_sentences(const char *const *v)
{
	struct buf b = {0};
	for (size_t i = 0; v[i]; i++) {
		if (b.len)
			buf_add(&b, " ", 1);
		buf_add(&b, v[i], strlen(v[i]));
		size_t n = strlen(v[i]);
		if (!v[i + 1] || (n && strchr(".!?:", v[i][n - 1]))) {
			say("%s", b.s);
			b.len = 0;
		}
	}
	buf_free(&b);
}

static enum nav
l_end(void *ctx, const struct flow *f)
{
	(void)ctx;
	char t[48];
	say("%s: %s.", flow_outcome_text(f->outcome), duration_spoken(f->play.step_ms / 1000, t, sizeof t));
	if (f->outcome == OUTCOME_PARTIAL)
		say("%d%% of the routine's time done: kept as partial, not as complete.", f->percent_done);
	if (f->pain_before >= 0 && f->pain_after >= 0)
		say("Pain: %d before, %d after (%s%d).", f->pain_before, f->pain_after,
		    f->pain_after > f->pain_before ? "+" : "", f->pain_after - f->pain_before);
	else if (f->pain_before >= 0 || f->pain_after >= 0)
		say("Pain %s: %d.", f->pain_before >= 0 ? "before" : "after",
		    f->pain_before >= 0 ? f->pain_before : f->pain_after);
	if (f->advice)
		say("%s", f->advice);
	if (f->pain_before >= 0 || f->pain_after >= 0)
		say_sentences(pain_rules);
	if (f->preview)
		say("A preview at another speed: not saved in your history.");
	if (f->note[0])
		say("%s", f->note);
	return NAV_OK;
}

enum nav
line_flow(const struct routine *r, const struct safety *cat, const struct flow_opts *o, struct audio *audio)
{
	if (loop_init() < 0) {
		fprintf(stderr, "unknot: cannot set up signals: %s\n", strerror(errno));
		return NAV_SIGNAL;
	}
	struct line_flow c = {.cat = cat, .speed = o->speed, .audio = audio, .red_flags = !flow_red_flags_read()};
	struct flow_frontend fe = {.ctx = &c, .screening = l_screening, .ask = l_ask, .pain = l_pain,
	    .play = l_play, .end = l_end};
	/* the red flags are confirmed with the screening's y: the first time,
	 * even a timer has that screening */
	struct flow_opts opts = *o;
	if (c.red_flags)
		opts.skip_screening = false;
	input_start();
	enum nav rc = flow_run(&fe, r, cat, &opts);
	input_stop();
	/* Every way out says what became of the session: a question answered
	 * "back", and a signal, which ends the flow with nothing more shown. */
	if (out_broken) {
		/* nobody reads the lines any more */
	} else if (rc == NAV_BACK || (rc == NAV_SIGNAL && !c.played)) {
		say("Not started.");
	} else if (rc == NAV_SIGNAL) {
		say("Routine stopped by %s%s", loop_signal() == SIGINT ? "Ctrl-C" : "a signal",
		    c.preview ? ". A preview: not kept in your history." : ": kept in your history as stopped.");
	}
	return rc;
}

/* ---- the reminder in the foreground, in lines ------------------------------- */

struct lr {
	struct reminder *r;
	const struct routine *routine;
	const struct safety *cat;
	struct config *cfg;
	bool keys;        /* stdin is a terminal: keys without Enter */
	bool news;        /* the next break changed: say when it is */
	bool playing;
	bool stopped;
	bool start;       /* s, or the notification's Start */
};

static void
lr_next(struct lr *l)
{
	char buf[200];
	reminder_next_text(l->r, time(NULL), buf, sizeof buf);
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
	say("%s.", buf);
	l->news = false;
}

static void
lr_key(struct lr *l, int ch)
{
	struct reminder *r = l->r;
	time_t now = time(NULL);
	char msg[200] = "";
	switch (ch) {
	case 's':
		if (!remind_paused(&r->m))
			l->start = true;
		break;
	case 'z':
		if (!remind_paused(&r->m))
			reminder_snooze(r, now, 0, msg, sizeof msg);
		break;
	case 'k':
		if (!remind_paused(&r->m))
			reminder_skip(r, now, msg, sizeof msg);
		break;
	case 'p':
		if (remind_paused(&r->m))
			reminder_resume(r, now, msg, sizeof msg);
		else
			reminder_pause(r, now, 0, msg, sizeof msg);
		break;
	case 'q':
	case 'Q':
		l->stopped = true;
		break;
	default:
		return;
	}
	if (msg[0]) {
		/* the answer says when the next break is: not again after it */
		say("%s", msg);
		l->news = false;
		return;
	}
	l->news = true;
}

static void
lr_take(void *ctx)
{
	struct lr *l = ctx;
	if (l->keys) {
		for (size_t i = 0; i < in.len; i++)
			lr_key(l, (unsigned char)in.buf[i]);
		in.len = 0;
	} else {
		char line[128];
		while (take_line(line, sizeof line) && !(line[0] == '\0' && in.eof))
			lr_key(l, (unsigned char)line[0]);
	}
	if (l->start || l->stopped)
		loop_break(NAV_OK);
}

static long long
lr_turn(void *ctx, long long now)
{
	struct lr *l = ctx;
	(void)now;
	reminder_refresh(l->r, time(NULL)); /* a routine completed elsewhere, the day's counts */
	if (out_broken || l->stopped || l->start) {
		loop_break(out_broken ? NAV_SIGNAL : NAV_OK);
		return LOOP_NEVER;
	}
	if (l->news)
		lr_next(l);
	return LOOP_NEVER; /* the reminder has a timer of its own */
}

static void
lr_event(void *ctx, enum remind_event e)
{
	struct lr *l = ctx;
	struct reminder *r = l->r;
	if (l->playing)
		return;
	char a[32], b[32];
	switch (e) {
	case REMIND_BREAK:
		say("Time for a posture break: %s (%s). s: start it now, z: snooze %s, k: skip.", r->o.routine_title,
		    duration_words(r->o.routine_secs, a, sizeof a), duration_words(r->m.set.snooze, b, sizeof b));
		break;
	case REMIND_MICRO:
		say("Look away: at something 6 metres (20 feet) away, for %s.",
		    duration_words((long)(r->m.micro_end - time(NULL)), a, sizeof a));
		break;
	case REMIND_MICRO_END:
		say("The look-away is over.");
		l->news = true;
		break;
	default:
		l->news = true;
		break;
	}
}

static void
lr_changed(void *ctx)
{
	struct lr *l = ctx;
	l->news = true;
}

static void
lr_start(void *ctx)
{
	struct lr *l = ctx;
	if (!l->playing)
		l->start = true;
}

static void
lr_stop(void *ctx)
{
	struct lr *l = ctx;
	say("Stopped by `unknot remind stop`.");
	l->stopped = true;
}

enum nav
line_remind(struct reminder *r, const struct routine *routine, const struct safety *cat, struct config *cfg)
{
	struct lr l = {.r = r, .routine = routine, .cat = cat, .cfg = cfg, .news = true};
	r->h = (struct reminder_hooks){.event = lr_event, .changed = lr_changed, .start = lr_start,
	    .stop = lr_stop, .ctx = &l};
	input_start();
	l.keys = in.is_tty;
	char a[32], h[16], d[40];
	say("unknot: posture breaks every %s, %s, %s; routine %s.", duration_words(r->m.set.every, a, sizeof a),
	    schedule_hours_text(&r->m.set.sch, h, sizeof h), schedule_days_text(r->m.set.sch.days, d, sizeof d),
	    r->o.routine_id);
	say("%s", l.keys ? "Keys: s start the routine now, z snooze, k skip, p pause or resume, q quit." :
	    "Answers, one a line: s start the routine now, z snooze, k skip, p pause or resume, q quit.");
	enum nav rc = NAV_OK;
	while (rc == NAV_OK && !l.stopped) {
		l.start = false;
		if (l.keys)
			raw_on();
		in.take = lr_take;
		in.ctx = &l;
		int lrc = loop_run(lr_turn, &l);
		in.take = NULL;
		raw_off();
		if (lrc == LOOP_SIGNAL || lrc == NAV_SIGNAL) {
			rc = NAV_SIGNAL;
			break;
		}
		if (!l.start || l.stopped)
			break;
		/* the routine in lines, screening first; the socket is served throughout */
		bool offered = reminder_begin(r, time(NULL)); /* being taken: no snooze from outside */
		struct audio *audio = audio_new(cfg->audio_enabled, cfg->voice, cfg->volume);
		struct flow_opts o = flow_opts_for(cfg, 1.0);
		o.now = now_wall();
		l.playing = true;
		reminder_playing(r, true);
		enum nav frc = line_flow(routine, cat, &o, audio);
		reminder_playing(r, false);
		l.playing = false;
		audio_free(audio);
		if (frc == NAV_SIGNAL) {
			rc = NAV_SIGNAL;
			break;
		}
		if (frc == NAV_BACK)
			reminder_unbegin(r, time(NULL)); /* back at the screening: still due */
		else if (offered)
			reminder_taken(r, time(NULL));
		l.news = true;
	}
	input_stop();
	r->h = (struct reminder_hooks){0};
	return rc;
}
