/*
 * sockcat - a raw client for the reminder's socket, for the e2e tests.
 *
 *   sockcat [-d MS] [-c] PATH CHUNK...   write the chunks (\n in a chunk is a
 *                                        newline), MS apart; then print the
 *                                        reply (-c: hang up without reading)
 *   sockcat -q N SECONDS PATH            hold N silent connections that long
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static int
dial(const char *path)
{
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	snprintf(sa.sun_path, sizeof sa.sun_path, "%s", path);
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
		perror("sockcat: connect");
		exit(1);
	}
	return fd;
}

int
main(int argc, char **argv)
{
	int delay = 0, hangup = 0, opt;
	long quiet = 0;
	while ((opt = getopt(argc, argv, "d:cq:")) != -1) {
		if (opt == 'd')
			delay = atoi(optarg);
		else if (opt == 'c')
			hangup = 1;
		else if (opt == 'q')
			quiet = atol(optarg);
		else
			return 2;
	}
	if (quiet > 0) {
		if (argc - optind != 2)
			return 2;
		int secs = atoi(argv[optind]);
		for (long i = 0; i < quiet; i++)
			dial(argv[optind + 1]);
		sleep((unsigned)secs);
		return 0;
	}
	if (optind >= argc)
		return 2;
	int fd = dial(argv[optind]);
	for (int i = optind + 1; i < argc; i++) {
		char buf[512];
		size_t n = 0;
		for (const char *s = argv[i]; *s && n < sizeof buf; s++) {
			if (s[0] == '\\' && s[1] == 'n') {
				buf[n++] = '\n';
				s++;
			} else {
				buf[n++] = *s;
			}
		}
		if (write(fd, buf, n) != (ssize_t)n)
			return 1;
		if (delay && i + 1 < argc)
			usleep((useconds_t)delay * 1000);
	}
	if (hangup)
		return 0; /* close without reading the reply */
	shutdown(fd, SHUT_WR);
	char buf[1024];
	ssize_t r;
	while ((r = read(fd, buf, sizeof buf)) > 0)
		fwrite(buf, 1, (size_t)r, stdout);
	return 0;
}
