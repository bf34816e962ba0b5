/*
 * audio.c - carrying out the cue policy through a back end: see audio.h.
 * The SDL2_mixer back end is loaded from unknot-audio.so on first use;
 * the decisions (which cue, when the device is open, what is said) are
 * the core's (cue.c); the speech engines are child processes (speech.c).
 */
#include "audio.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "file.h"
#include "loop.h"
#include "module.h"
#include "paths.h"
#include "routine.h"
#include "session.h"
#include "speech.h"
#include "util.h"

/* A sound is over, for the device, once the back end has handed its
 * last sample over (be->playing): closing plays out what the device
 * holds.  That is about its length after it starts (later by up to one
 * buffer when the device was already open): the device is asked then,
 * and again every MIXED_POLL_US until it is, for at most MIXED_LATE_US
 * (a device that has stalled is closed all the same).  Was a fixed 70 ms
 * after the length: 3 more of SDL's wake-ups per cue at ~30 us each. */
#define MIXED_SLACK_US 2000LL
#define MIXED_POLL_US 5000LL
#define MIXED_LATE_US 300000LL
/* A device that opens faster than this is opened as the cue plays (no
 * lead, no wake-up of its own); a slower one this many times its slowest
 * opening before the cue (cue.h caps the lead). */
#define LEAD_AT_ONCE_US 2000LL
#define LEAD_TIMES 2
/* How often to look for a phrase being rendered, and how long to wait. */
#define SPEECH_POLL_US 15000LL
#define SPEECH_GIVE_UP_US 3000000LL
#define PHRASES 4
/* A step's own sound file may be this big (a cue is under 200 KB). */
#define SOUND_FILE_LIMIT (16 * 1024 * 1024)

enum variant { TONE, VOICE, VARIANTS };
/* A cue's sound not decoded yet (they are decoded when first needed), and
 * one that cannot be (missing or bad: not tried again). */
#define UNDECODED (-1)
#define UNDECODABLE (-2)

/* A phrase rendered by espeak-ng, kept for when it is said. */
struct phrase {
	char *text;
	struct speech_render *job;
	int sound;          /* in the back end, once loaded; -1 before */
	long long used;     /* for eviction: the oldest goes */
};

/* A step's own sound, loaded on first use. */
struct named {
	char *name;
	int sound;
};

struct audio {
	bool enabled, voice, muted, tried, open, device_failed;
	int volume;
	enum speak_mode speak;
	enum speech_engine engine;
	bool engine_known;
	const struct audio_backend *be;
	void *st, *module;
	char *cue_dir;              /* the data folder's audio/ */
	long long slowest_open;     /* us: the longest the device took to open */
	long long next_cue;         /* the session's, as of the last audio_wake (LLONG_MAX: none) */
	bool paused;
	/* Decides again when no player turn does: after the routine's last
	 * cue (the end screen does not tick the sound), and for speech said
	 * before the routine starts. */
	struct loop_source timer;
	int sound[CUE_COUNT][VARIANTS];
	struct named *named;
	size_t nnamed;
	long long sounding_until;   /* monotonic us */
	struct phrase phrase[PHRASES];
	struct phrase *pending;     /* to be said as soon as it is rendered */
	long long pending_since;
	int speaking;               /* the sound of the phrase being said, or -1 */
	long long uses;
	char status[200];
	int counts[CUE_COUNT];
};

static void on_timer(struct loop_source *src, short revents, long long now);

struct audio *
audio_new(bool enabled, bool voice, int volume)
{
	struct audio *a = xcalloc(1, sizeof *a);
	a->enabled = enabled;
	a->voice = voice;
	a->volume = volume < 0 ? 0 : volume > 100 ? 100 : volume;
	a->speaking = -1;
	a->next_cue = LLONG_MAX;
	a->timer = (struct loop_source){.fd = -1, .deadline = LOOP_NEVER, .ready = on_timer, .ctx = a};
	for (int c = 0; c < CUE_COUNT; c++)
		a->sound[c][TONE] = a->sound[c][VOICE] = UNDECODED;
	for (int i = 0; i < PHRASES; i++)
		a->phrase[i].sound = -1;
	if (!enabled)
		snprintf(a->status, sizeof a->status, "sound off (--mute or audio.enabled = false)");
	return a;
}

void
audio_set_speak(struct audio *a, enum speak_mode m)
{
	a->speak = m;
}

static void
device_close(struct audio *a)
{
	if (a->open)
		a->be->close(a->st);
	a->open = false;
	a->speaking = -1;
	a->sounding_until = 0;
}

static bool
device_open(struct audio *a)
{
	if (a->open)
		return true;
	char why[128] = "";
	long long t0 = now_us();
	if (!a->be->open(a->st, why, sizeof why)) {
		snprintf(a->status, sizeof a->status, "sound off: %s", why[0] ? why : "no audio device");
		a->device_failed = true;
		return false;
	}
	long long took = now_us() - t0;
	if (took > a->slowest_open)
		a->slowest_open = took;
	a->open = true;
	a->device_failed = false;
	return true;
}

/* Decode a sound file into the back end: its number, or -1.  The file is
 * read here, the safe way (never blocking on a FIFO), not by SDL. */
static int
load_file(const struct audio_backend *be, void *st, const char *path)
{
	size_t len;
	const char *why;
	char *bytes = read_file(path, SOUND_FILE_LIMIT, &len, &why);
	int s = bytes ? be->load(st, bytes, len) : -1;
	free(bytes);
	return s;
}

/* A cue's sound, decoded the first time it is needed: its number, or -1. */
static int
cue_sound(struct audio *a, enum cue c, enum variant v)
{
	int *s = &a->sound[c][v];
	if (*s == UNDECODED) {
		const char *file = v == VOICE ? (a->voice ? cue_table[c].voice_file : NULL) : cue_table[c].tone_file;
		char *p = file ? xasprintf("%s/%s", a->cue_dir, file) : NULL;
		*s = p ? load_file(a->be, a->st, p) : -1;
		if (*s < 0)
			*s = UNDECODABLE;
		free(p);
	}
	return *s >= 0 ? *s : -1;
}

/* Load the module, check that cue files decode, and try the device once
 * (which also tells how long it takes to open). */
static void
load(struct audio *a)
{
	a->tried = true;
	char *dir = paths_module_dir();
	char *path = xasprintf("%s/unknot-audio.so", dir);
	free(dir);
	char why[128] = "";
	const struct audio_backend *be = module_load(path, "unknot_audio_backend", AUDIO_BACKEND_ABI,
	    sizeof *be, &a->module, why, sizeof why);
	if (be == NULL) {
		snprintf(a->status, sizeof a->status, "sound off: cannot load %s: %s", path, why);
		free(path);
		return;
	}
	free(path);
	void *st = be->create(why, sizeof why);
	if (st == NULL) {
		snprintf(a->status, sizeof a->status, "sound off: %s", why);
		return;
	}
	a->be = be;
	a->st = st;
	char *data = paths_data_dir();
	a->cue_dir = xasprintf("%s/audio", data);
	free(data);
	/* the cue files are there and decode: the first that does (the tick,
	 * unless it is broken) is kept; the others wait until they are needed */
	bool any = false;
	for (int c = 0; c < CUE_COUNT && !any; c++)
		any = cue_sound(a, (enum cue)c, TONE) >= 0;
	if (!any) {
		snprintf(a->status, sizeof a->status, "sound off: no cue files in %s", a->cue_dir);
		be->destroy(st, 0);
		a->be = NULL;
		a->st = NULL;
		return;
	}
	be->set_volume(st, a->volume);
	if (!device_open(a)) {
		be->destroy(st, 0);
		a->be = NULL;
		a->st = NULL;
	}
}

/* Sound is wanted and the module is there (loading it the first time). */
static bool
ready(struct audio *a)
{
	if (!a->enabled || a->muted)
		return false;
	if (!a->tried)
		load(a);
	return a->be != NULL;
}

static bool
play_sound(struct audio *a, int sound, long long now)
{
	if (sound < 0 || !device_open(a) || !a->be->play(a->st, sound))
		return false;
	long long end = now + a->be->length(a->st, sound) * 1000LL + MIXED_SLACK_US;
	if (end > a->sounding_until)
		a->sounding_until = end;
	return true;
}

static bool
play_cue(struct audio *a, enum cue c, bool tone_only, long long now)
{
	int s = tone_only ? -1 : cue_sound(a, c, VOICE);
	if (s < 0)
		s = cue_sound(a, c, TONE);
	return play_sound(a, s, now);
}

/* A step's own sound (a file name, looked up in the data folder's and the
 * user's audio/). */
static bool
play_named(struct audio *a, const char *name, long long now)
{
	size_t i = 0;
	while (i < a->nnamed && strcmp(a->named[i].name, name) != 0)
		i++;
	if (i == a->nnamed) {
		char *path = paths_find_sound(name); /* a plain file name only */
		a->named = xrealloc(a->named, (a->nnamed + 1) * sizeof *a->named);
		a->named[i] = (struct named){xstrdup(name), path ? load_file(a->be, a->st, path) : -1};
		a->nnamed++; /* a failure is remembered too: no retry */
		free(path);
	}
	return play_sound(a, a->named[i].sound, now);
}

/* ---- speech ---------------------------------------------------------- */

/* Which engine speaks, found out once; says so when there is none. */
static enum speech_engine
engine(struct audio *a)
{
	if (!a->engine_known) {
		a->engine_known = true;
		a->engine = speech_engine();
		if (a->engine == SPEECH_NONE && a->status[0] == '\0')
			snprintf(a->status, sizeof a->status,
			    "no speech: neither speech-dispatcher nor espeak-ng is installed");
	}
	return a->engine;
}

static void
phrase_clear(struct audio *a, struct phrase *p)
{
	if (a->pending == p)
		a->pending = NULL;
	if (p->sound >= 0) {
		if (a->speaking == p->sound)
			a->speaking = -1;
		a->be->unload(a->st, p->sound);
	}
	speech_render_free(p->job);
	free(p->text);
	*p = (struct phrase){.sound = -1};
}

/* The phrase for text, rendering it if it is new (espeak-ng). */
static struct phrase *
phrase_get(struct audio *a, const char *text)
{
	struct phrase *p = NULL, *old = NULL;
	for (int i = 0; i < PHRASES && p == NULL; i++) {
		struct phrase *q = &a->phrase[i];
		if (q->text && strcmp(q->text, text) == 0)
			p = q;
		else if (q != a->pending && (q->sound < 0 || q->sound != a->speaking) &&
		    (old == NULL || q->used < old->used))
			old = q;
	}
	if (p == NULL) {
		if (old == NULL)
			return NULL;
		phrase_clear(a, old);
		p = old;
		p->text = xstrdup(text);
		p->job = speech_render_start(text);
	}
	p->used = ++a->uses;
	return p;
}

/* Say p if it is rendered: true when it is out of the way (said, or
 * failed). */
static bool
phrase_try(struct audio *a, struct phrase *p, bool wait, long long now)
{
	if (p->sound < 0) {
		int st = p->job ? speech_render_poll(p->job, wait) : -1;
		if (st == 0)
			return false;
		size_t len;
		const void *wav = st == 1 ? speech_render_wav(p->job, &len) : NULL;
		p->sound = wav ? a->be->load(a->st, wav, len) : -1;
		speech_render_free(p->job);
		p->job = NULL;
		if (p->sound < 0)
			return true;
	}
	if (a->speaking >= 0)
		a->be->halt(a->st, a->speaking); /* one voice at a time: the newest */
	if (play_sound(a, p->sound, now))
		a->speaking = p->sound;
	return true;
}

static void
speak(struct audio *a, const char *text, long long now)
{
	switch (engine(a)) {
	case SPEECH_DISPATCHER:
		speech_dispatch(text);
		break;
	case SPEECH_ESPEAK: {
		struct phrase *p = phrase_get(a, text);
		a->pending = NULL;
		if (p && !phrase_try(a, p, false, now)) {
			a->pending = p;
			a->pending_since = now;
		}
		break;
	}
	default:
		break;
	}
}

/* Render ahead what will be said (espeak-ng only: the others are quick). */
static void
prepare_text(struct audio *a, const char *text)
{
	if (engine(a) == SPEECH_ESPEAK)
		phrase_get(a, text);
}

static void
prepare_step(struct audio *a, const struct routine *r, size_t i)
{
	if (r == NULL || i >= r->nsteps)
		return;
	char *t = cue_step_phrase(r, i, a->speak);
	prepare_text(a, t);
	free(t);
}

/* ---- what the player calls -------------------------------------------- */

void
audio_prepare(struct audio *a, const struct routine *r)
{
	if (!ready(a))
		return;
	if (r) { /* the routine's cues, decoded now rather than as they first play */
		unsigned uses[CUE_COUNT];
		cue_routine_uses(r, a->speak, uses);
		for (int c = 0; c < CUE_COUNT; c++) {
			if ((uses[c] & CUE_USE_AS_IS) && cue_sound(a, (enum cue)c, VOICE) < 0)
				cue_sound(a, (enum cue)c, TONE);
			if (uses[c] & CUE_USE_TONE)
				cue_sound(a, (enum cue)c, TONE);
		}
	}
	if (a->speak == SPEAK_OFF)
		return;
	prepare_step(a, r, 0);
	if (a->speak == SPEAK_ALL)
		prepare_text(a, cue_switch_phrase());
}

/* Carry out the device plan for a->next_cue and say speech that has
 * become ready.  Returns when to decide again. */
static long long
decide(struct audio *a, long long now)
{
	if (a->pending && (a->paused || now - a->pending_since > SPEECH_GIVE_UP_US))
		a->pending = NULL; /* its moment has passed */
	if (a->pending && phrase_try(a, a->pending, false, now))
		a->pending = NULL;
	long long busy = a->sounding_until;
	if (a->open && busy > 0 && busy <= now && now - busy < MIXED_LATE_US && a->be->playing(a->st))
		busy = now + MIXED_POLL_US; /* not all handed over yet */
	if (a->pending && busy < now + SPEECH_POLL_US)
		busy = now + SPEECH_POLL_US;
	long long lead = a->slowest_open < LEAD_AT_ONCE_US ? 0 : LEAD_TIMES * a->slowest_open;
	struct cue_device d = cue_device_plan(a->paused, a->open, now, a->next_cue, busy, lead);
	if (d.open && !a->open)
		device_open(a);
	else if (!d.open && a->open)
		device_close(a);
	if (a->pending && now + SPEECH_POLL_US < d.next)
		d.next = now + SPEECH_POLL_US;
	return d.next;
}

/* The sound decides again on a timer of its own on the event loop, not
 * on the player's turns: a turn at a time the screen asked for redraws
 * the whole screen, and the device's openings and closings are not the
 * screen's business (they were one redraw per cue, ~0.2 ms each).  The
 * player's calls (audio_wake, after anything that moves the clock) keep
 * next_cue and paused current for it; with no session (before the
 * routine, after its end) the timer alone sees a sound through. */
static void
arm(struct audio *a, long long next)
{
	a->timer.deadline = next == LLONG_MAX ? LOOP_NEVER : next;
	if (next != LLONG_MAX)
		loop_add(&a->timer);
}

static void
on_timer(struct loop_source *src, short revents, long long now)
{
	struct audio *a = src->ctx;
	(void)revents;
	arm(a, a->be && a->enabled && !a->muted ? decide(a, now) : LLONG_MAX);
}

enum cue_alert
audio_events(struct audio *a, const struct routine *r, const struct session_event *ev, size_t n,
    long long now)
{
	if (n == 0)
		return ALERT_NONE;
	struct cue_moment *m = xcalloc(n, sizeof *m);
	size_t k = cue_moments(r, a->speak, ev, n, m);
	enum cue_alert alert = ALERT_NONE;
	bool on = ready(a);
	for (size_t i = 0; i < k; i++) {
		bool sounded = false;
		if (m[i].cue != CUE_NONE)
			a->counts[m[i].cue]++;
		if (on && m[i].own)
			sounded = play_named(a, r->steps[m[i].step].sound, now);
		if (on && !sounded && m[i].cue != CUE_NONE)
			sounded = play_cue(a, m[i].cue, m[i].tone_only, now);
		if (on && m[i].phrase == PHRASE_STEP) {
			char *t = cue_step_phrase(r, m[i].step, a->speak);
			speak(a, t, now);
			free(t);
			prepare_step(a, r, m[i].step + 1);
		} else if (on && m[i].phrase == PHRASE_SWITCH) {
			speak(a, cue_switch_phrase(), now);
		}
		if (!sounded && m[i].cue != CUE_NONE && cue_table[m[i].cue].alert > alert)
			alert = cue_table[m[i].cue].alert;
	}
	free(m);
	for (size_t i = 0; i < n; i++)
		if (ev[i].kind == EV_DONE && on) {
			/* the last cue: no player turn follows (the end screen
			 * does not tick the sound), so the timer closes the
			 * device once it has played */
			a->next_cue = LLONG_MAX;
			a->paused = false;
			arm(a, decide(a, now));
		}
	return alert;
}

long long
audio_wake(struct audio *a, const struct session *s, long long now)
{
	if (!a->enabled || a->muted || a->be == NULL) {
		if (a->be)
			device_close(a);
		return LLONG_MAX;
	}
	a->paused = session_paused(s);
	a->next_cue = session_next_deadline(s);
	arm(a, decide(a, now));
	return LLONG_MAX; /* the timer calls again, not the player */
}

bool
audio_play(struct audio *a, enum cue cue)
{
	if (cue < 0 || cue >= CUE_COUNT)
		return false;
	a->counts[cue]++;
	return ready(a) && play_cue(a, cue, false, now_us());
}

bool
audio_say(struct audio *a, const char *text, long long now)
{
	if (a->speak == SPEAK_OFF || !ready(a) || engine(a) == SPEECH_NONE)
		return false;
	speak(a, text, now);
	arm(a, decide(a, now)); /* said outside a routine: the timer sees it through */
	return true;
}

void
audio_free(struct audio *a)
{
	if (a == NULL)
		return;
	loop_remove(&a->timer);
	if (a->be) {
		for (int i = 0; i < PHRASES; i++)
			speech_render_free(a->phrase[i].job);
		a->be->destroy(a->st, a->open ? 3000 : 0); /* lets the last cue (routine complete) finish */
	}
	for (int i = 0; i < PHRASES; i++)
		free(a->phrase[i].text);
	for (size_t i = 0; i < a->nnamed; i++)
		free(a->named[i].name);
	free(a->named);
	free(a->cue_dir);
	if (a->module)
		dlclose(a->module);
	free(a);
}

void
audio_set_muted(struct audio *a, bool muted)
{
	a->muted = muted;
	if (muted && a->be) {
		a->pending = NULL;
		device_close(a);
	}
}

bool audio_muted(const struct audio *a) { return a->muted || !a->enabled; }
int audio_volume(const struct audio *a) { return a->volume; }
bool audio_device_open(const struct audio *a) { return a->open; }

bool
audio_saying(const struct audio *a, long long now)
{
	return a->pending || (a->speaking >= 0 && now < a->sounding_until);
}

int
audio_decoded(const struct audio *a)
{
	int n = 0;
	for (int c = 0; c < CUE_COUNT; c++)
		n += (a->sound[c][TONE] >= 0) + (a->sound[c][VOICE] >= 0);
	return n;
}

int
audio_count(const struct audio *a, enum cue cue)
{
	return cue >= 0 && cue < CUE_COUNT ? a->counts[cue] : 0;
}

bool
audio_working(struct audio *a)
{
	return ready(a) && !a->device_failed;
}

int
audio_change_volume(struct audio *a, int delta)
{
	a->volume += delta;
	if (a->volume < 0)
		a->volume = 0;
	if (a->volume > 100)
		a->volume = 100;
	if (a->be)
		a->be->set_volume(a->st, a->volume);
	return a->volume;
}

const char *
audio_status(const struct audio *a)
{
	return a->status[0] ? a->status : NULL;
}
