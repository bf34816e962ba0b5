/*
 * audio-sdl.c - the SDL2_mixer back end, built as unknot-audio.so and
 * loaded by audio.c with dlopen() the first time a cue must play.
 *
 * The device is opened at 48000 Hz, signed 16-bit, stereo; every cue is
 * loaded once at open; playing a cue only hands a chunk to the mixer's
 * own thread, so it never blocks the screen.  Steps may name their own
 * sound file, loaded on first use and kept.
 */
#include <SDL.h>
#include <SDL_mixer.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audio.h"

struct named {
	char *path;
	Mix_Chunk *chunk;
};

struct sdl_state {
	Mix_Chunk *cue[CUE_COUNT];
	struct named *files;
	int nfiles;
};

static const char *const tone_files[CUE_COUNT] = {
	"tick.wav", "start.wav", "halfway.wav", "switch.wav", "ten-left.wav", "rest.wav",
	"step-end.wav", "complete.wav", "reminder.wav",
};
static const char *const voice_files[CUE_COUNT] = {
	NULL, NULL, NULL, "switch-voice.wav", "ten-left-voice.wav", "rest-voice.wav",
	NULL, "complete-voice.wav", "reminder-voice.wav",
};

static Mix_Chunk *
load(const char *dir, const char *name)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	return Mix_LoadWAV(path);
}

static void sdl_close(void *state);

static void *
sdl_open(const char *dir, bool voice, int volume, char *why, int whylen)
{
	if (SDL_InitSubSystem(SDL_INIT_AUDIO) < 0) {
		snprintf(why, (size_t)whylen, "no audio device (%s)", SDL_GetError());
		return NULL;
	}
	if (Mix_OpenAudio(48000, AUDIO_S16SYS, 2, 1024) < 0) {
		snprintf(why, (size_t)whylen, "no audio device (%s)", Mix_GetError());
		SDL_QuitSubSystem(SDL_INIT_AUDIO);
		return NULL;
	}
	Mix_AllocateChannels(8);
	struct sdl_state *st = calloc(1, sizeof *st);
	if (st == NULL) {
		Mix_CloseAudio();
		SDL_QuitSubSystem(SDL_INIT_AUDIO);
		snprintf(why, (size_t)whylen, "out of memory");
		return NULL;
	}
	int missing = 0;
	for (int c = 0; c < CUE_COUNT; c++) {
		if (voice && voice_files[c])
			st->cue[c] = load(dir, voice_files[c]);
		if (st->cue[c] == NULL)
			st->cue[c] = load(dir, tone_files[c]);
		missing += st->cue[c] == NULL;
	}
	if (missing == CUE_COUNT) {
		snprintf(why, (size_t)whylen, "no cue files in %s", dir);
		sdl_close(st);
		return NULL;
	}
	Mix_Volume(-1, volume * MIX_MAX_VOLUME / 100);
	return st;
}

static void
sdl_play(void *state, int cue)
{
	struct sdl_state *st = state;
	if (cue >= 0 && cue < CUE_COUNT && st->cue[cue])
		Mix_PlayChannel(-1, st->cue[cue], 0);
}

static bool
sdl_play_file(void *state, const char *path)
{
	struct sdl_state *st = state;
	for (int i = 0; i < st->nfiles; i++)
		if (strcmp(st->files[i].path, path) == 0)
			return st->files[i].chunk && Mix_PlayChannel(-1, st->files[i].chunk, 0) >= 0;
	struct named *more = realloc(st->files, (size_t)(st->nfiles + 1) * sizeof *more);
	if (more == NULL)
		return false;
	st->files = more;
	st->files[st->nfiles].path = strdup(path);
	st->files[st->nfiles].chunk = Mix_LoadWAV(path); /* NULL is remembered too: no retry */
	Mix_Chunk *c = st->files[st->nfiles++].chunk;
	return c && Mix_PlayChannel(-1, c, 0) >= 0;
}

static void
sdl_set_volume(void *state, int volume)
{
	(void)state;
	Mix_Volume(-1, volume * MIX_MAX_VOLUME / 100);
}

static void
sdl_close(void *state)
{
	struct sdl_state *st = state;
	/* let the last cue (routine complete) finish, up to 3 s */
	for (int waited = 0; Mix_Playing(-1) > 0 && waited < 3000; waited += 10)
		SDL_Delay(10);
	Mix_HaltChannel(-1);
	for (int c = 0; c < CUE_COUNT; c++)
		if (st->cue[c])
			Mix_FreeChunk(st->cue[c]);
	for (int i = 0; i < st->nfiles; i++) {
		if (st->files[i].chunk)
			Mix_FreeChunk(st->files[i].chunk);
		free(st->files[i].path);
	}
	free(st->files);
	free(st);
	Mix_CloseAudio();
	SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

const struct audio_backend unknot_audio_backend = {
	.name = "sdl2-mixer",
	.open = sdl_open,
	.play = sdl_play,
	.play_file = sdl_play_file,
	.set_volume = sdl_set_volume,
	.close = sdl_close,
};
