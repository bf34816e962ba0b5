/*
 * diskrec.c - record what SDL's disk driver writes when the device is
 * opened and closed many times (the player opens it only around cues).
 *
 *   diskrec FIFO OUT.raw SEGMENTS
 *
 * Makes FIFO (give it to the player as SDL_DISKAUDIOFILE), then takes
 * every opening of the device as a segment: it is placed in OUT.raw at the
 * time it began (counted from diskrec's start), with silence written for
 * the time the device was closed, so that OUT.raw is one timeline (raw
 * signed 16-bit stereo at 48000 Hz, as the driver writes) that
 * tests/tools/onsets reads.  One line per segment goes to SEGMENTS when
 * it ends: "START_MS END_MS BYTES".  Runs until SIGTERM or SIGINT; a
 * segment in progress then is written out first.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "timing.h"

#define FRAME 4
#define RATE 48000

static volatile sig_atomic_t stop;

static void
on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static void
put(int fd, const void *buf, size_t n)
{
	const char *p = buf;
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			perror("diskrec: write");
			exit(1);
		}
		p += w;
		n -= (size_t)w;
	}
}

int
main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: diskrec FIFO OUT.raw SEGMENTS\n");
		return 2;
	}
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal; /* no SA_RESTART: a blocked open or read returns */
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	unlink(argv[1]);
	if (mkfifo(argv[1], 0600) < 0) {
		perror(argv[1]);
		return 1;
	}
	int out = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC, 0644);
	FILE *seg = fopen(argv[3], "w");
	if (out < 0 || seg == NULL) {
		perror("diskrec");
		return 1;
	}
	double t0 = ms_now();
	long long written = 0; /* bytes in OUT */
	static char buf[65536], zero[65536];
	while (!stop) {
		int in = open(argv[1], O_RDONLY);
		if (in < 0) {
			if (errno == EINTR)
				continue;
			perror(argv[1]);
			return 1;
		}
		double start = ms_now() - t0;
		long long at = (long long)(start * RATE / 1000) * FRAME;
		while (written < at) { /* the device was closed: silence */
			size_t n = at - written < (long long)sizeof zero ? (size_t)(at - written) : sizeof zero;
			put(out, zero, n);
			written += (long long)n;
		}
		long long bytes = 0;
		for (;;) {
			ssize_t r = read(in, buf, sizeof buf);
			if (r < 0 && errno == EINTR) {
				if (stop)
					break;
				continue;
			}
			if (r <= 0)
				break;
			put(out, buf, (size_t)r);
			written += r;
			bytes += r;
		}
		close(in);
		fprintf(seg, "%.1f %.1f %lld\n", start, ms_now() - t0, bytes);
		fflush(seg);
	}
	unlink(argv[1]);
	return 0;
}
