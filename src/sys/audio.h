/*
 * audio.h - sound: cues and spoken steps, through a back end loaded on
 * first use.
 *
 * The policy (which cue, priority, phrases, when the device is open) is
 * the core's (cue.h); this carries it out.  A struct audio plays through a
 * back end, a table of functions: the SDL2_mixer one lives in
 * unknot-audio.so, loaded with dlopen() the first time a sound must play,
 * so that nothing silent pays for SDL.  The back end knows no cues: it
 * decodes sounds (files or WAV bytes) into numbered buffers, opens and
 * closes the device on request, and mixes with headroom (what plays at
 * once never sums to full scale).  Only the sounds a routine can play
 * are decoded (audio_prepare), others when first needed.  The device is
 * open only around cues: audio_wake() opens it as the next one is due
 * (earlier by what the device takes to open, when that is not nothing)
 * and closes it once the cue has played unless the next is under half a
 * second away, and while the routine is paused; after the routine's
 * last cue, and for speech said outside a routine, a timer of the event
 * loop (loop.h) closes it once the sound has played.
 *
 * Spoken steps come from speech-dispatcher where there is one, else from
 * espeak-ng rendered into the same output (speech.h); neither is linked.
 * When there is no sound (muted, disabled, no module, no device) nothing
 * sounds, the calls say so, and the caller stands in (bell, flash).
 * audio_status() says once, in words, why sound or speech is off.
 */
#ifndef UNKNOT_AUDIO_H
#define UNKNOT_AUDIO_H

#include <stdbool.h>
#include <stddef.h>

#include "cue.h"
#include "module.h"

/* The table a back end fills in (the module exports one as
 * unknot_audio_backend).  Sounds are numbered from 0; volume is 0..100.
 * The module opens no file: audio.c reads them (safely) and hands over
 * the bytes. */
#define AUDIO_BACKEND_ABI 2  /* bump on any change of the table */
struct audio_backend {
	struct module_header hdr; /* AUDIO_BACKEND_ABI and the size, checked by module_load() */
	const char *name;
	/* A player with nothing open; NULL with why on failure. */
	void *(*create)(char *why, int whylen);
	/* Decode WAV bytes into a sound kept until unload (the bytes are not
	 * kept): its number, or -1.  Works with the device closed. */
	int (*load)(void *st, const void *bytes, size_t len);
	void (*unload)(void *st, int sound);
	/* How long a sound lasts, ms. */
	int (*length)(void *st, int sound);
	/* The device: open (false with why), close (sounds stay loaded;
	 * whatever plays is cut). */
	bool (*open)(void *st, char *why, int whylen);
	void (*close)(void *st);
	/* Start a sound (the device must be open); false when it cannot. */
	bool (*play)(void *st, int sound);
	/* Whether a sound has samples not yet handed to the device.  Once
	 * none has, close loses nothing: the device plays out what it was
	 * given before close returns. */
	bool (*playing)(void *st);
	/* Cut a sound short (-1: everything). */
	void (*halt)(void *st, int sound);
	void (*set_volume)(void *st, int volume);
	/* Let what plays finish (up to max_ms), close, free. */
	void (*destroy)(void *st, int max_ms);
};

struct audio;
struct routine;
struct session;
struct session_event;

/* enabled false (config or --mute): never loads anything. */
struct audio *audio_new(bool enabled, bool voice, int volume);
void audio_free(struct audio *a);
/* Spoken steps: SPEAK_OFF (the default here) to SPEAK_ALL. */
void audio_set_speak(struct audio *a, enum speak_mode m);
/* Load the module, try the device and start preparing the first spoken
 * steps of r (may be NULL), if sound is on, so that the first cue is not
 * late (the player calls it as it starts). */
void audio_prepare(struct audio *a, const struct routine *r);

/* The player's one call per clock tick: sounds the tick's events (one
 * cue per moment, the spoken step) and returns what a screen stands in
 * with where nothing sounded. */
enum cue_alert audio_events(struct audio *a, const struct routine *r, const struct session_event *ev,
    size_t n, long long now);
/* After each tick and each key that moves or pauses the clock: opens the
 * device shortly before the session's next cue, closes it when the next
 * is far or the session is paused, plays speech that has become ready.
 * What follows (opening, closing, speech rendered later) is done by a
 * timer of the event loop, so that the screen is not woken for it: the
 * player need not call again before the clock changes (LLONG_MAX). */
long long audio_wake(struct audio *a, const struct session *s, long long now);

/* Play one cue now (the reminder); false when it could not sound. */
bool audio_play(struct audio *a, enum cue cue);
/* Say a text now, where steps are spoken (audio_set_speak) and speech
 * works; false when it is not said.  Outside a routine a timer of the
 * event loop sees it through: it is heard while a loop runs. */
bool audio_say(struct audio *a, const char *text, long long now);
/* What audio_say() rendered with espeak-ng is still to be heard (being
 * rendered or playing); speech-dispatcher keeps its own queue. */
bool audio_saying(const struct audio *a, long long now);

void audio_set_muted(struct audio *a, bool muted);
bool audio_muted(const struct audio *a);
/* Sound really plays: not muted, the module loaded and the device worked
 * when last tried (tries now if it never has). */
bool audio_working(struct audio *a);
/* Change the volume by delta (clamped to 0..100); returns the new one. */
int audio_change_volume(struct audio *a, int delta);
int audio_volume(const struct audio *a);
/* Why sound (or speech) is off, once it is known; NULL while it is fine
 * or untried. */
const char *audio_status(const struct audio *a);
/* How many times each cue was asked for, and phrases spoken (tests). */
int audio_count(const struct audio *a, enum cue cue);
/* How many cue sounds are decoded (tests: only what is needed). */
int audio_decoded(const struct audio *a);
/* Whether the device is open now (tests). */
bool audio_device_open(const struct audio *a);

#endif
