/*
 * measure.c - run a command N times and print its median wall time, CPU
 * time and peak RSS (from wait4), for `make bench`.
 *
 *   measure RUNS LABEL COMMAND [ARGS...]
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../tools/timing.h"


int
main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: measure RUNS LABEL COMMAND [ARGS...]\n");
		return 2;
	}
	int runs = atoi(argv[1]);
	if (runs < 1)
		runs = 1;
	double *wall = calloc((size_t)runs, sizeof *wall), cpu = 0;
	long rss = 0;
	for (int i = 0; i < runs; i++) {
		struct timespec a, b;
		clock_gettime(CLOCK_MONOTONIC, &a);
		pid_t pid = fork();
		if (pid == 0) {
			int fd = open("/dev/null", O_RDWR);
			dup2(fd, 0);
			dup2(fd, 1);
			dup2(fd, 2);
			execvp(argv[3], argv + 3);
			_exit(127);
		}
		int st;
		struct rusage ru;
		wait4(pid, &st, 0, &ru);
		clock_gettime(CLOCK_MONOTONIC, &b);
		if (WIFEXITED(st) && WEXITSTATUS(st) == 127) {
			fprintf(stderr, "measure: cannot run %s\n", argv[3]);
			return 1;
		}
		wall[i] = (b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6;
		cpu += ru.ru_utime.tv_sec * 1e3 + ru.ru_utime.tv_usec / 1e3 + ru.ru_stime.tv_sec * 1e3 +
		    ru.ru_stime.tv_usec / 1e3;
		if (ru.ru_maxrss > rss)
			rss = ru.ru_maxrss;
	}
	qsort(wall, (size_t)runs, sizeof *wall, cmp_double);
	printf("%-44s median %8.2f ms   cpu %7.2f ms   peak RSS %6.2f MB   (%d runs)\n", argv[2],
	    wall[runs / 2], cpu / runs, rss / 1024.0, runs);
	free(wall);
	return 0;
}
