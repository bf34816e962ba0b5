/*
 * clients.c - load on the reminder's socket for `make bench`: N clients
 * at once, each asking `status` and reading the reply, again and again,
 * from one process (non-blocking, so that the N are truly concurrent);
 * beside them a slow client that sends half a request and waits, and one
 * that hangs up before its reply.  Prints how many replies came, and how
 * many connections found the listen queue full (they try again: the
 * reminder serves a few dozen at a time, the rest wait or retry).
 *
 *   clients SOCKET N SECONDS
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "../tools/timing.h"

static struct sockaddr_un sa = {.sun_family = AF_UNIX};

static long full;

static int
dial(void)
{
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
	if (fd >= 0 && connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
		if (errno == EAGAIN)
			full++;
		close(fd);
		return -1;
	}
	return fd;
}

int
main(int argc, char **argv)
{
	if (argc != 4)
		return 2;
	snprintf(sa.sun_path, sizeof sa.sun_path, "%s", argv[1]);
	int n = atoi(argv[2]);
	double until = ms_now() + atof(argv[3]) * 1000;
	struct pollfd *p = calloc((size_t)n, sizeof *p);
	int *sent = calloc((size_t)n, sizeof *sent), *got = calloc((size_t)n, sizeof *got);
	long replies = 0, failed = 0;
	for (int i = 0; i < n; i++)
		p[i] = (struct pollfd){.fd = dial(), .events = POLLOUT};
	int slow = dial();
	if (slow >= 0 && send(slow, "sta", 3, MSG_NOSIGNAL) < 0)
		failed++;
	while (ms_now() < until) {
		int hang = dial(); /* asks and leaves */
		if (hang >= 0) {
			if (send(hang, "status\n", 7, MSG_NOSIGNAL) < 0)
				failed++;
			close(hang);
		}
		for (int i = 0; i < n; i++)
			if (p[i].fd < 0) /* the queue was full: try again */
				p[i] = (struct pollfd){.fd = dial(), .events = POLLOUT};
		if (poll(p, (nfds_t)n, 20) <= 0)
			continue;
		for (int i = 0; i < n; i++) {
			if (p[i].revents == 0)
				continue;
			if (!sent[i] && (p[i].revents & POLLOUT)) {
				sent[i] = send(p[i].fd, "status\n", 7, MSG_NOSIGNAL) == 7;
				p[i].events = POLLIN;
				continue;
			}
			char buf[1024];
			ssize_t r = recv(p[i].fd, buf, sizeof buf, 0);
			if (r > 0) {
				got[i] = 1;
				continue; /* the rest, or the end, comes next */
			}
			if (r == 0 && got[i])
				replies++;
			else
				failed++;
			close(p[i].fd);
			p[i] = (struct pollfd){.fd = dial(), .events = POLLOUT};
			sent[i] = got[i] = 0;
		}
	}
	printf("%ld replies, %ld refused (queue full, retried), %ld failed\n", replies, full, failed);
	return 0;
}
