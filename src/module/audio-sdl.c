/*
 * audio-sdl.c - the SDL2_mixer back end, built as unknot-audio.so and
 * loaded by audio.c with dlopen() the first time a sound must play.
 *
 * Sounds are decoded once (SDL_LoadWAV) and converted to the device's
 * format, 48000 Hz, signed 16-bit, stereo, without the device: it is
 * opened with exactly that format (SDL converts if the hardware differs),
 * so the buffers stay valid however often it is opened and closed.  The
 * device (and SDL's audio subsystem with its thread) exists only between
 * open and close: closed, the back end costs nothing.
 *
 * Headroom: every sound is scaled at load so that it peaks at -3 dBFS at
 * most, and before a sound starts the volumes of everything playing are
 * set so that the peaks add up to under LIMIT of full scale: sounds that
 * overlap (a cue over a spoken step) are quieter, never clipped.
 */
#include <SDL.h>
#include <SDL_mixer.h>
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audio.h"

#define RATE 48000
#define CHANNELS 8
#define PEAK_MAX 0.7079 /* -3 dBFS */
#define LIMIT 0.95      /* of full scale, for everything at once */

struct sound {
	Mix_Chunk *chunk;  /* NULL: a free slot */
	double peak;       /* 0..1 of full scale, after scaling */
};

struct sdl_state {
	struct sound *sounds;
	int nsounds;
	int on[CHANNELS];  /* the sound each channel was last given */
	int volume;        /* 0..100 */
	bool open;
	void *alsa;        /* libasound, held while its errors are silenced */
};

/* SDL's own messages (the disk driver announces itself on every open)
 * would land on the player's screen. */
static void
quiet(void *data, int category, SDL_LogPriority priority, const char *message)
{
	(void)data, (void)category, (void)priority, (void)message;
}

/* libasound prints its own errors to stderr (eight "ALSA lib ..." lines
 * on a machine without a sound card, every time the device is tried):
 * they would land in the plain mode's lines and the reminder daemon's
 * log.  SDL's reason ("ALSA: Couldn't open audio device: ...") says the
 * same in one line, and that is what the player and doctor show. */
static void
alsa_quiet(const char *file, int line, const char *function, int err, const char *fmt, ...)
{
	(void)file, (void)line, (void)function, (void)err, (void)fmt;
}

/* Where libasound is installed, its error handler is set to alsa_quiet.
 * The library is opened here, not linked: it is the very copy SDL opens
 * later (one per process), and this reference keeps it, and the
 * handler, loaded for the module's life. */
static void *
alsa_silence(void)
{
	void *lib = dlopen("libasound.so.2", RTLD_NOW | RTLD_LOCAL);
	if (lib == NULL)
		return NULL;
	typedef void (*handler)(const char *, int, const char *, int, const char *, ...);
	int (*set)(handler) = NULL;
	*(void **)&set = dlsym(lib, "snd_lib_error_set_handler");
	if (set)
		set(alsa_quiet);
	return lib;
}

static void *
sdl_create(char *why, int whylen)
{
	SDL_LogSetOutputFunction(quiet, NULL);
	struct sdl_state *st = calloc(1, sizeof *st);
	if (st == NULL) {
		snprintf(why, (size_t)whylen, "out of memory");
		return NULL;
	}
	st->volume = 80;
	st->alsa = alsa_silence();
	for (int i = 0; i < CHANNELS; i++)
		st->on[i] = -1;
	return st;
}

/* Convert a decoded WAV to the device format, limit its peak, keep it. */
static int
keep(struct sdl_state *st, SDL_AudioSpec *spec, Uint8 *buf, Uint32 len)
{
	SDL_AudioCVT cvt;
	if (SDL_BuildAudioCVT(&cvt, spec->format, spec->channels, spec->freq, AUDIO_S16SYS, 2, RATE) < 0) {
		SDL_FreeWAV(buf);
		return -1;
	}
	cvt.len = (int)len;
	cvt.buf = SDL_malloc((size_t)len * (size_t)(cvt.len_mult > 0 ? cvt.len_mult : 1));
	if (cvt.buf == NULL) {
		SDL_FreeWAV(buf);
		return -1;
	}
	memcpy(cvt.buf, buf, len);
	SDL_FreeWAV(buf);
	if (cvt.needed && SDL_ConvertAudio(&cvt) < 0) {
		SDL_free(cvt.buf);
		return -1;
	}
	int bytes = cvt.needed ? cvt.len_cvt : cvt.len;
	Sint16 *s = (Sint16 *)cvt.buf;
	size_t n = (size_t)bytes / sizeof *s;
	int peak = 0;
	for (size_t i = 0; i < n; i++) {
		int v = s[i] < 0 ? -s[i] : s[i];
		if (v > peak)
			peak = v;
	}
	double p = peak / 32768.0;
	if (p > PEAK_MAX) {
		double g = PEAK_MAX / p;
		for (size_t i = 0; i < n; i++)
			s[i] = (Sint16)(s[i] * g);
		p = PEAK_MAX;
	}
	Mix_Chunk *c = SDL_malloc(sizeof *c);
	if (c == NULL) {
		SDL_free(cvt.buf);
		return -1;
	}
	*c = (Mix_Chunk){.allocated = 1, .abuf = cvt.buf, .alen = (Uint32)bytes, .volume = MIX_MAX_VOLUME};
	int id = 0;
	while (id < st->nsounds && st->sounds[id].chunk)
		id++;
	if (id == st->nsounds) {
		struct sound *more = realloc(st->sounds, (size_t)(st->nsounds + 1) * sizeof *more);
		if (more == NULL) {
			Mix_FreeChunk(c);
			return -1;
		}
		st->sounds = more;
		st->nsounds++;
	}
	st->sounds[id] = (struct sound){c, p};
	return id;
}

static int
load_rw(struct sdl_state *st, SDL_RWops *rw)
{
	if (rw == NULL)
		return -1;
	SDL_AudioSpec spec;
	Uint8 *buf;
	Uint32 len;
	if (SDL_LoadWAV_RW(rw, 1, &spec, &buf, &len) == NULL)
		return -1;
	return keep(st, &spec, buf, len);
}

static int
sdl_load(void *state, const void *bytes, size_t len)
{
	if (len > 0x7fffffff)
		return -1;
	return load_rw(state, SDL_RWFromConstMem(bytes, (int)len));
}

static bool
valid(const struct sdl_state *st, int sound)
{
	return sound >= 0 && sound < st->nsounds && st->sounds[sound].chunk;
}

static void
sdl_unload(void *state, int sound)
{
	struct sdl_state *st = state;
	if (!valid(st, sound))
		return;
	Mix_FreeChunk(st->sounds[sound].chunk); /* halts the channels playing it, if open */
	st->sounds[sound].chunk = NULL;
	for (int i = 0; i < CHANNELS; i++)
		if (st->on[i] == sound)
			st->on[i] = -1;
}

static int
sdl_length(void *state, int sound)
{
	struct sdl_state *st = state;
	return valid(st, sound) ? (int)(st->sounds[sound].chunk->alen / 4 * 1000ULL / RATE) : 0;
}

static bool
sdl_open(void *state, char *why, int whylen)
{
	struct sdl_state *st = state;
	if (st->open)
		return true;
	if (SDL_InitSubSystem(SDL_INIT_AUDIO) < 0) {
		snprintf(why, (size_t)whylen, "no audio device (%s)", SDL_GetError());
		return false;
	}
	if (Mix_OpenAudioDevice(RATE, AUDIO_S16SYS, 2, 1024, NULL, 0) < 0) {
		snprintf(why, (size_t)whylen, "no audio device (%s)", Mix_GetError());
		SDL_QuitSubSystem(SDL_INIT_AUDIO);
		return false;
	}
	Mix_AllocateChannels(CHANNELS);
	for (int i = 0; i < CHANNELS; i++)
		st->on[i] = -1;
	st->open = true;
	return true;
}

static void
sdl_close(void *state)
{
	struct sdl_state *st = state;
	if (!st->open)
		return;
	Mix_HaltChannel(-1);
	Mix_CloseAudio();
	SDL_QuitSubSystem(SDL_INIT_AUDIO);
	st->open = false;
}

/* Set the channels' volumes so that the peaks of what plays (and of the
 * sound about to start on channel `starting`) add up to under LIMIT. */
static void
balance(struct sdl_state *st, int starting)
{
	double sum = 0;
	for (int i = 0; i < CHANNELS; i++)
		if (valid(st, st->on[i]) && (i == starting || Mix_Playing(i)))
			sum += st->sounds[st->on[i]].peak;
	double v = st->volume / 100.0;
	if (sum * v > LIMIT)
		v = LIMIT / sum;
	int mv = (int)(v * MIX_MAX_VOLUME); /* rounded down: the sum stays under LIMIT */
	for (int i = 0; i < CHANNELS; i++)
		Mix_Volume(i, mv);
}

static bool
sdl_play(void *state, int sound)
{
	struct sdl_state *st = state;
	if (!st->open || !valid(st, sound))
		return false;
	int ch = 0;
	while (ch < CHANNELS && Mix_Playing(ch))
		ch++;
	if (ch == CHANNELS)
		return false;
	st->on[ch] = sound;
	balance(st, ch);
	if (Mix_PlayChannel(ch, st->sounds[sound].chunk, 0) < 0) {
		st->on[ch] = -1;
		return false;
	}
	return true;
}

/* SDL_mixer counts a channel as playing until its last sample has been
 * mixed into a buffer for the device; SDL waits for the device to play
 * out what it holds (two buffers) as it closes. */
static bool
sdl_playing(void *state)
{
	struct sdl_state *st = state;
	return st->open && Mix_Playing(-1) > 0;
}

static void
sdl_halt(void *state, int sound)
{
	struct sdl_state *st = state;
	if (!st->open)
		return;
	for (int i = 0; i < CHANNELS; i++)
		if (sound < 0 || st->on[i] == sound) {
			Mix_HaltChannel(i);
			st->on[i] = -1;
		}
}

static void
sdl_set_volume(void *state, int volume)
{
	struct sdl_state *st = state;
	st->volume = volume < 0 ? 0 : volume > 100 ? 100 : volume;
	if (st->open)
		balance(st, -1);
}

static void
sdl_destroy(void *state, int max_ms)
{
	struct sdl_state *st = state;
	if (st == NULL)
		return;
	for (int waited = 0; st->open && Mix_Playing(-1) > 0 && waited < max_ms; waited += 10)
		SDL_Delay(10);
	sdl_close(st);
	for (int i = 0; i < st->nsounds; i++)
		if (st->sounds[i].chunk)
			Mix_FreeChunk(st->sounds[i].chunk);
	free(st->sounds);
	if (st->alsa)
		dlclose(st->alsa);
	free(st);
}

const struct audio_backend unknot_audio_backend = {
	.hdr = {.abi = AUDIO_BACKEND_ABI, .size = sizeof(struct audio_backend)},
	.name = "sdl2-mixer",
	.create = sdl_create,
	.load = sdl_load,
	.unload = sdl_unload,
	.length = sdl_length,
	.open = sdl_open,
	.close = sdl_close,
	.play = sdl_play,
	.playing = sdl_playing,
	.halt = sdl_halt,
	.set_volume = sdl_set_volume,
	.destroy = sdl_destroy,
};
