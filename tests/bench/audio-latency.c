/*
 * audio-latency.c - the delay from asking for a cue to its first
 * non-silent sample, through the real module and SDL's disk driver.
 * For `make bench`.
 *
 *   audio-latency MODULE CUE_DIR OUT.raw [cold]
 *
 * Opens the device, waits 300 ms, plays the start cue, and finds the
 * cue's first non-silent sample in what the disk driver wrote.  Repeats
 * five times and prints the worst and the median.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "../tools/timing.h"

#include "audio.h"



int
main(int argc, char **argv)
{
	if (argc != 4 && !(argc == 5 && strcmp(argv[4], "cold") == 0))
		return 2;
	bool cold = argc == 5;
	void *mod = dlopen(argv[1], RTLD_NOW);
	const struct audio_backend *be = mod ? dlsym(mod, "unknot_audio_backend") : NULL;
	if (be == NULL) {
		fprintf(stderr, "cannot load %s\n", argv[1]);
		return 1;
	}
	setenv("SDL_AUDIODRIVER", "disk", 1);
	setenv("SDL_DISKAUDIOFILE", argv[3], 1);
	double delays[5];
	char start[4096];
	snprintf(start, sizeof start, "%s/%s", argv[2], cue_table[CUE_START].tone_file);
	for (int trial = 0; trial < 5; trial++) {
		char why[128] = "";
		void *st = be->create(why, sizeof why);
		FILE *wf = fopen(start, "rb");
		static char wav[1 << 20];
		size_t wlen = wf ? fread(wav, 1, sizeof wav, wf) : 0;
		if (wf)
			fclose(wf);
		int cue = st ? be->load(st, wav, wlen) : -1;
		double t0 = ms_now();
		if (cue < 0 || !be->open(st, why, sizeof why)) {
			fprintf(stderr, "open: %s\n", why);
			return 1;
		}
		/* warm: the device opened 300 ms before the cue, as the player
		 * does; cold: asked for as the device is opened, so the delay
		 * counts the opening (the file starts when it is open) */
		double opening = ms_now() - t0;
		if (!cold)
			usleep(300000);
		double asked = cold ? -opening : ms_now() - t0;
		be->play(st, cue);
		usleep(500000);
		be->destroy(st, 0);
		FILE *fp = fopen(argv[3], "rb");
		int16_t fr[2];
		long i = 0;
		while (fread(fr, sizeof fr, 1, fp) == 1 && abs(fr[0]) <= 64 && abs(fr[1]) <= 64)
			i++;
		fclose(fp);
		delays[trial] = i * 1000.0 / 48000 - asked;
	}
	qsort(delays, 5, sizeof *delays, cmp_double);
	printf("median %.1f ms, worst %.1f ms (5 trials)\n", delays[2], delays[4]);
	return 0;
}
