/*
 * ptyrun.c - drive a program in a pseudo-terminal for `make bench`, and
 * report when things appeared on its screen and what it cost.
 *
 *   ptyrun STEP... -- COMMAND [ARGS...]
 *
 * Steps, in order: wait=TEXT (until TEXT has been printed, at most 120 s
 * or what limit= said; prints the ms since start), limit=SECONDS (for the
 * waits that follow), send=KEYS, sleep=SECONDS, mark (prints the ms since
 * start), kill=SIGNAL (sends it to the program).
 * At the end it waits for the program and prints its CPU time and peak RSS.
 */
#define _GNU_SOURCE
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "timing.h"


static char seen[1 << 20];
static size_t nseen;

/* Read what the program printed for up to `limit` ms, or until want appears. */
static int
pump(int fd, const char *want, double limit)
{
	double end = ms_now() + limit;
	size_t from = nseen > 256 ? nseen - 256 : 0;
	for (;;) {
		if (want && memmem(seen + from, nseen - from, want, strlen(want)))
			return 0;
		double left = end - ms_now();
		if (left <= 0)
			return -1;
		struct pollfd p = {fd, POLLIN, 0};
		if (poll(&p, 1, (int)left + 1) <= 0)
			continue;
		char buf[4096];
		ssize_t n = read(fd, buf, sizeof buf);
		if (n <= 0)
			return -1;
		if (nseen + (size_t)n > sizeof seen) {
			memmove(seen, seen + nseen / 2, nseen - nseen / 2);
			nseen -= nseen / 2;
			from = 0;
		}
		memcpy(seen + nseen, buf, (size_t)n);
		nseen += (size_t)n;
	}
}

int
main(int argc, char **argv)
{
	int sep = 1;
	while (sep < argc && strcmp(argv[sep], "--") != 0)
		sep++;
	if (sep >= argc - 1) {
		fprintf(stderr, "usage: ptyrun STEP... -- COMMAND [ARGS...]\n");
		return 2;
	}
	struct winsize ws = {.ws_row = 24, .ws_col = 80};
	int fd;
	double t0 = ms_now();
	pid_t pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		execvp(argv[sep + 1], argv + sep + 1);
		_exit(127);
	}
	int rc = 0;
	double limit = 120000; /* ms */
	for (int i = 1; i < sep; i++) {
		const char *s = argv[i];
		if (strncmp(s, "wait=", 5) == 0) {
			if (pump(fd, s + 5, limit) < 0) {
				fprintf(stderr, "ptyrun: never saw \"%s\"\n", s + 5);
				rc = 1;
				break;
			}
			printf("seen %s: %.2f ms\n", s + 5, ms_now() - t0);
		} else if (strncmp(s, "limit=", 6) == 0) {
			limit = atof(s + 6) * 1000;
		} else if (strncmp(s, "send=", 5) == 0) {
			if (write(fd, s + 5, strlen(s + 5)) < 0)
				rc = 1;
		} else if (strncmp(s, "sleep=", 6) == 0) {
			pump(fd, NULL, atof(s + 6) * 1000);
		} else if (strncmp(s, "kill=", 5) == 0) {
			kill(pid, atoi(s + 5));
		} else if (strcmp(s, "mark") == 0) {
			printf("mark: %.2f ms\n", ms_now() - t0);
		}
	}
	int st;
	struct rusage ru;
	double end = ms_now() + 5000;
	while (waitpid(pid, &st, WNOHANG) == 0) {
		pump(fd, NULL, 50);
		if (ms_now() > end) {
			kill(pid, SIGTERM);
			rc = 1;
		}
	}
	getrusage(RUSAGE_CHILDREN, &ru);
	printf("cpu: %.2f ms\nrss: %.2f MB\n",
	    ru.ru_utime.tv_sec * 1e3 + ru.ru_utime.tv_usec / 1e3 + ru.ru_stime.tv_sec * 1e3 +
	    ru.ru_stime.tv_usec / 1e3, ru.ru_maxrss / 1024.0);
	return rc;
}
