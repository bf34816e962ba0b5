/*
 * fixture-audio.c - built as build/tests/audio-fixture/unknot-audio.so for
 * test_audio.c: a back end with no sound card that keeps count of what it
 * was asked (the silent implementation STYLE.md asks for), so that a test
 * can see what audio.c decodes and when it opens and closes the device.
 * Every sound lasts 100 ms; whether one is still being mixed is what
 * UNKNOT_FIXTURE_MIXING says at each call ("1": yes), so that a test
 * decides when the last sample has gone to the device.
 */
#include <stdlib.h>

#include "audio.h"

struct fixture_audio_counts {
	int loads, opens, closes, plays;
	int open; /* the device is open now */
};
static struct fixture_audio_counts fixture_counts;

static void *
f_create(char *why, int whylen)
{
	(void)why, (void)whylen;
	fixture_counts = (struct fixture_audio_counts){0};
	return &fixture_counts;
}

static int
f_load(void *st, const void *bytes, size_t len)
{
	(void)st;
	/* a WAV file starts with RIFF: anything else does not decode */
	if (len < 4 || ((const char *)bytes)[0] != 'R')
		return -1;
	return fixture_counts.loads++;
}

static void f_unload(void *st, int sound) { (void)st, (void)sound; }
static int f_length(void *st, int sound) { (void)st, (void)sound; return 100; }

static bool
f_open(void *st, char *why, int whylen)
{
	(void)st, (void)why, (void)whylen;
	fixture_counts.opens++;
	fixture_counts.open = 1;
	return true;
}

static void
f_close(void *st)
{
	(void)st;
	fixture_counts.closes++;
	fixture_counts.open = 0;
}

static bool
f_play(void *st, int sound)
{
	(void)st, (void)sound;
	fixture_counts.plays++;
	return fixture_counts.open;
}

static bool
f_playing(void *st)
{
	(void)st;
	const char *m = getenv("UNKNOT_FIXTURE_MIXING");
	return fixture_counts.open && m && m[0] == '1';
}

static void f_halt(void *st, int sound) { (void)st, (void)sound; }
static void f_set_volume(void *st, int volume) { (void)st, (void)volume; }

static void
f_destroy(void *st, int max_ms)
{
	(void)max_ms;
	if (fixture_counts.open)
		f_close(st);
}

const struct audio_backend unknot_audio_backend = {
	.hdr = {.abi = AUDIO_BACKEND_ABI, .size = sizeof(struct audio_backend)},
	.name = "fixture",
	.create = f_create,
	.load = f_load,
	.unload = f_unload,
	.length = f_length,
	.open = f_open,
	.close = f_close,
	.play = f_play,
	.playing = f_playing,
	.halt = f_halt,
	.set_volume = f_set_volume,
	.destroy = f_destroy,
};
