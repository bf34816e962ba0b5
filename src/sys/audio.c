/*
 * audio.c - picking cues and playing them through a back end: see audio.h.
 * The SDL2_mixer back end is loaded from unknot-audio.so on first use.
 */
#include "audio.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "paths.h"
#include "routine.h"
#include "session.h"
#include "util.h"

struct audio {
	bool enabled, voice, muted, tried;
	int volume;
	const struct audio_backend *be;
	void *state, *module;
	char status[160];
	int counts[CUE_COUNT];
};

const char *
cue_name(int cue)
{
	static const char *const names[] = {
		"tick", "start", "halfway", "switch", "ten-left", "rest", "step-end", "complete", "reminder",
	};
	return cue >= 0 && cue < CUE_COUNT ? names[cue] : "?";
}

int
audio_cue_for_event(int kind, int value)
{
	switch (kind) {
	case EV_COUNTDOWN: return CUE_TICK;
	case EV_GO: return CUE_START;
	case EV_REP_START: return CUE_START;
	case EV_SIDE_SWITCH: return CUE_SWITCH;
	case EV_HALFWAY: return CUE_HALFWAY;
	case EV_TEN_LEFT: return CUE_TEN_LEFT;
	case EV_REST_START: return CUE_REST;
	case EV_STEP_END: return CUE_STEP_END;
	case EV_DONE: return CUE_COMPLETE;
	default: (void)value; return -1;
	}
}

struct audio *
audio_new(bool enabled, bool voice, int volume)
{
	struct audio *a = xcalloc(1, sizeof *a);
	a->enabled = enabled;
	a->voice = voice;
	a->volume = volume < 0 ? 0 : volume > 100 ? 100 : volume;
	if (!enabled)
		snprintf(a->status, sizeof a->status, "sound off (--mute or audio.enabled = false)");
	return a;
}

static void
load(struct audio *a)
{
	a->tried = true;
	char *dir = paths_module_dir();
	char *path = xasprintf("%s/unknot-audio.so", dir);
	free(dir);
	a->module = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (a->module == NULL) {
		snprintf(a->status, sizeof a->status, "sound off: cannot load %s", path);
		free(path);
		return;
	}
	free(path);
	a->be = dlsym(a->module, "unknot_audio_backend");
	if (a->be == NULL) {
		snprintf(a->status, sizeof a->status, "sound off: the audio module is broken");
		return;
	}
	char *data = paths_data_dir();
	char *cues = xasprintf("%s/audio", data);
	free(data);
	char why[128] = "";
	a->state = a->be->open(cues, a->voice, a->volume, why, sizeof why);
	free(cues);
	if (a->state == NULL) {
		snprintf(a->status, sizeof a->status, "sound off: %s", why[0] ? why : "no audio device");
		a->be = NULL;
	}
}

void
audio_prepare(struct audio *a)
{
	if (a->enabled && !a->muted && !a->tried)
		load(a);
}

bool
audio_play(struct audio *a, int cue)
{
	if (cue < 0 || cue >= CUE_COUNT)
		return false;
	a->counts[cue]++;
	if (!a->enabled || a->muted)
		return false;
	if (!a->tried)
		load(a);
	if (a->be == NULL)
		return false;
	a->be->play(a->state, cue);
	return true;
}

bool
audio_play_named(struct audio *a, const char *name)
{
	if (!a->enabled || a->muted)
		return false; /* paths_find_sound() refuses anything but a plain file name */
	if (!a->tried)
		load(a);
	if (a->be == NULL || a->be->play_file == NULL)
		return false;
	char *path = paths_find_sound(name);
	bool ok = path && a->be->play_file(a->state, path);
	free(path);
	return ok;
}

void
audio_free(struct audio *a)
{
	if (a == NULL)
		return;
	if (a->be && a->state)
		a->be->close(a->state);
	if (a->module)
		dlclose(a->module);
	free(a);
}

void audio_set_muted(struct audio *a, bool muted) { a->muted = muted; }
bool audio_muted(const struct audio *a) { return a->muted || !a->enabled; }
int audio_volume(const struct audio *a) { return a->volume; }
int audio_count(const struct audio *a, int cue) { return cue >= 0 && cue < CUE_COUNT ? a->counts[cue] : 0; }

int
audio_change_volume(struct audio *a, int delta)
{
	a->volume += delta;
	if (a->volume < 0)
		a->volume = 0;
	if (a->volume > 100)
		a->volume = 100;
	if (a->be && a->state)
		a->be->set_volume(a->state, a->volume);
	return a->volume;
}

const char *
audio_status(const struct audio *a)
{
	return a->status[0] ? a->status : NULL;
}

enum audio_alert
audio_events(struct audio *a, const struct routine *r, const struct session_event *ev, size_t n)
{
	enum audio_alert alert = ALERT_NONE;
	bool done = n && ev[n - 1].kind == EV_DONE;
	for (size_t i = 0; i < n; i++) {
		const struct session_event *e = &ev[i];
		const char *own = r->steps[e->step].sound;
		if (done && e->kind == EV_STEP_END)
			continue;
		if (e->kind == EV_GO && own && audio_play_named(a, own))
			continue;
		int c = audio_cue_for_event(e->kind, e->value);
		if (c < 0 || audio_play(a, c))
			continue;
		/* no sound: the bell for what a person must act on, a flash for a side switch */
		if (c == CUE_SWITCH)
			alert = ALERT_FLASH;
		else if ((c == CUE_START || c == CUE_STEP_END || c == CUE_COMPLETE || c == CUE_REST) && alert == ALERT_NONE)
			alert = ALERT_BELL;
	}
	return alert;
}
