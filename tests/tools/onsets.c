/*
 * onsets.c - find the sounds in SDL's disk-driver output (raw signed
 * 16-bit stereo at 48000 Hz): prints one line per sound, "START_MS
 * LENGTH_MS", where a sound is a run of non-silent samples and silence
 * shorter than 60 ms inside it does not split it.  On standard error:
 * the length of the audio and its peak (32767 or more is full scale).
 *
 *   onsets FILE
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define RATE 48000
#define GAP (RATE * 60 / 1000)
#define FLOOR 64 /* |sample| above this is sound */

int
main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: onsets FILE\n");
		return 2;
	}
	FILE *fp = fopen(argv[1], "rb");
	if (fp == NULL) {
		perror(argv[1]);
		return 1;
	}
	int16_t frame[2];
	long i = 0, start = -1, last = -1;
	int peak = 0;
	while (fread(frame, sizeof frame, 1, fp) == 1) {
		int loud = abs(frame[0]) > FLOOR || abs(frame[1]) > FLOOR;
		for (int c = 0; c < 2; c++)
			if (abs(frame[c]) > peak)
				peak = abs(frame[c]);
		if (loud) {
			if (start < 0)
				start = i;
			last = i;
		} else if (start >= 0 && i - last > GAP) {
			printf("%.1f %.1f\n", start * 1000.0 / RATE, (last - start + 1) * 1000.0 / RATE);
			start = -1;
		}
		i++;
	}
	if (start >= 0)
		printf("%.1f %.1f\n", start * 1000.0 / RATE, (last - start + 1) * 1000.0 / RATE);
	fprintf(stderr, "%.1f ms of audio, peak %d\n", i * 1000.0 / RATE, peak);
	fclose(fp);
	return 0;
}
