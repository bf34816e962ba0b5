/*
 * audio.h - sound cues.
 *
 * The routine clock's events pick cues (audio_cue_for_event, pure).  A
 * struct audio plays them through a back end, a table of functions: the
 * SDL2_mixer one lives in unknot-audio.so, loaded with dlopen() the first
 * time a cue must play, so that nothing silent pays for SDL; the silent
 * one only counts.  When there is no sound (muted, disabled, no module, no
 * device) audio_play() returns false and the caller rings the bell.
 * audio_status() says once, in words, why sound is off.
 */
#ifndef UNKNOT_AUDIO_H
#define UNKNOT_AUDIO_H

#include <stdbool.h>
#include <stddef.h>

enum cue {
	CUE_TICK, CUE_START, CUE_HALFWAY, CUE_SWITCH, CUE_TEN_LEFT, CUE_REST,
	CUE_STEP_END, CUE_COMPLETE, CUE_REMINDER, CUE_COUNT
};

/* The table a back end fills in (the module exports one as unknot_audio_backend). */
struct audio_backend {
	const char *name;
	/* Open the device and load the cues from dir; on failure write why. */
	void *(*open)(const char *dir, bool voice, int volume, char *why, int whylen);
	void (*play)(void *state, int cue);
	/* Play a sound file (a step's own); false when it cannot. */
	bool (*play_file)(void *state, const char *path);
	void (*set_volume)(void *state, int volume); /* 0..100 */
	void (*close)(void *state);
};

struct audio;
struct config;

/* enabled false (config or --mute): never loads anything. */
struct audio *audio_new(bool enabled, bool voice, int volume);
void audio_free(struct audio *a);
/* Load the module and open the device now, if sound is on, so that the
 * first cue is not late (the player calls it as it starts). */
void audio_prepare(struct audio *a);
/* Play a cue; false when it could not sound (the caller stands in). */
bool audio_play(struct audio *a, int cue);
/* Play a step's own sound (a file name, looked up in the data folder's and
 * the user's audio/); false when it could not. */
bool audio_play_named(struct audio *a, const char *name);
void audio_set_muted(struct audio *a, bool muted);
bool audio_muted(const struct audio *a);
/* Change the volume by delta (clamped to 0..100); returns the new one. */
int audio_change_volume(struct audio *a, int delta);
int audio_volume(const struct audio *a);
/* Why sound is off, once it is known; NULL while it is fine or untried. */
const char *audio_status(const struct audio *a);
/* How many times each cue was asked for (tests). */
int audio_count(const struct audio *a, int cue);

/* What a screen does in place of a cue when nothing sounded. */
enum audio_alert { ALERT_NONE, ALERT_BELL, ALERT_FLASH };
struct routine;
struct session_event;
/* Sound one tick's events of routine r (a step's own sound replaces its
 * start cue; the routine-complete cue covers the last step's end).
 * Returns the stand-in the caller may show where something a person must
 * act on could not sound. */
enum audio_alert audio_events(struct audio *a, const struct routine *r, const struct session_event *ev,
    size_t n);

/* The cue for a routine-clock event, or -1 for none. */
int audio_cue_for_event(int event_kind, int value);
const char *cue_name(int cue);

#endif
