/*
 * child.c - child processes: see child.h.
 */
#define _GNU_SOURCE /* pipe2 */
#include "child.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "clock.h"
#include "loop.h"
#include "util.h"

extern char **environ;

bool
child_on_path(const char *name)
{
	const char *path = getenv("PATH");
	if (path == NULL || *path == '\0')
		path = "/usr/local/bin:/usr/bin:/bin";
	for (const char *p = path; *p;) {
		const char *end = strchr(p, ':');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		if (n > 0) {
			char *f = xasprintf("%.*s/%s", (int)n, p, name);
			bool ok = access(f, X_OK) == 0;
			free(f);
			if (ok)
				return true;
		}
		p += n + (end != NULL);
	}
	return false;
}

pid_t
child_spawn(char *const argv[], int in, int out)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	if (posix_spawn_file_actions_init(&fa) != 0)
		return -1;
	posix_spawnattr_init(&at);
	sigset_t none, all;
	sigemptyset(&none);
	sigfillset(&all);
	posix_spawnattr_setsigmask(&at, &none);
	posix_spawnattr_setsigdefault(&at, &all);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP);
	posix_spawnattr_setpgroup(&at, 0);
	if (in >= 0)
		posix_spawn_file_actions_adddup2(&fa, in, STDIN_FILENO);
	else
		posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
	if (out >= 0)
		posix_spawn_file_actions_adddup2(&fa, out, STDOUT_FILENO);
	else
		posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
	pid_t pid;
	int rc = posix_spawnp(&pid, argv[0], &fa, &at, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	return rc == 0 ? pid : -1;
}

static void
exec_it(void *argv)
{
	_exit(child_spawn(argv, -1, -1) < 0 ? 127 : 0);
}

int
child_detached(char *const argv[])
{
	return child_detached_fn(exec_it, (void *)argv);
}

int
child_detached_fn(void (*fn)(void *), void *arg)
{
	/* a middle child starts it and exits at once: init adopts it */
	pid_t mid = fork();
	if (mid < 0)
		return -1;
	if (mid == 0) {
		loop_forked();
		pid_t pid = fork();
		if (pid == 0) {
			fn(arg);
			_exit(0);
		}
		_exit(pid < 0 ? 127 : 0);
	}
	int st;
	while (waitpid(mid, &st, 0) < 0 && errno == EINTR)
		;
	return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -1;
}

int
child_capture(char *const argv[], char *out, size_t n, int timeout_ms)
{
	int p[2];
	out[0] = '\0';
	if (pipe2(p, O_CLOEXEC) < 0)
		return -1;
	pid_t pid = child_spawn(argv, -1, p[1]);
	close(p[1]);
	if (pid < 0) {
		close(p[0]);
		return -1;
	}
	size_t got = 0;
	long long until = now_us() + timeout_ms * 1000LL;
	for (;;) {
		long long left = until - now_us();
		struct pollfd pf = {p[0], POLLIN, 0};
		if (left <= 0 || poll(&pf, 1, (int)(left / 1000) + 1) <= 0)
			break;
		ssize_t r = read(p[0], out + got, n - 1 - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0 || (got += (size_t)r) == n - 1)
			break;
	}
	out[got] = '\0';
	close(p[0]);
	kill(pid, SIGKILL); /* finished or too slow: either way, gone */
	while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
		;
	return got > 0 ? 0 : -1;
}
