/* The reminder's control socket: the one request parser, and a server
 * served by the event loop, talked to by the real client. */
#include <criterion/criterion.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "clock.h"
#include "control.h"
#include "loop.h"

static int
parse(const char *line, struct control_request *req)
{
	char why[200];
	return control_parse(line, strlen(line), req, why, sizeof why);
}

Test(control, reads_each_request)
{
	struct control_request r;
	cr_assert_eq(parse("status", &r), 0);
	cr_assert_eq(r.verb, CONTROL_STATUS);
	cr_assert_eq(parse("snooze", &r), 0);
	cr_assert_eq(r.verb, CONTROL_SNOOZE);
	cr_assert_eq(r.secs, 0, "none given: the setting");
	cr_assert_eq(parse("snooze 20m", &r), 0);
	cr_assert_eq(r.secs, 1200);
	cr_assert_eq(parse("pause", &r), 0);
	cr_assert_eq(parse("pause 2h", &r), 0);
	cr_assert_eq(r.secs, 7200);
	cr_assert_eq(parse("resume", &r), 0);
	cr_assert_eq(parse("skip", &r), 0);
	cr_assert_eq(parse("stop", &r), 0);
	cr_assert_eq(r.verb, CONTROL_STOP);
}

Test(control, refuses_anything_else)
{
	struct control_request r;
	const char *bad[] = {"snoozeXYZ", "statusx", "stat", "", " status", "status ", "STATUS",
	    "skip 10m", "snooze ", "snooze 10m 5m", "snooze  10m", "snooze lots", "snooze 1000h",
	    "snooze 5h", "snooze 0", "pause 13h", "stop\r", NULL};
	for (int i = 0; bad[i]; i++)
		cr_assert_eq(parse(bad[i], &r), -1, "'%s' was taken", bad[i]);
	char why[200];
	cr_assert_eq(control_parse("status\0x", 8, &r, why, sizeof why), -1, "a NUL inside");
}

Test(control, a_private_folder_must_be_ours_and_closed)
{
	char dir[] = "/tmp/unknot-control-XXXXXX", why[300];
	cr_assert_not_null(mkdtemp(dir));
	chmod(dir, 0755);
	cr_assert_eq(control_private_dir(dir, false, why, sizeof why), -1, "0755 refused");
	cr_assert(strstr(why, "0700"), "%s", why);
	/* trial-b #10: the server side refuses it too, and changes nothing */
	cr_assert_eq(control_private_dir(dir, true, why, sizeof why), -1, "0755 refused when creating too");
	cr_assert(strstr(why, "chmod 700"), "says what to do: %s", why);
	struct stat st;
	stat(dir, &st);
	cr_assert_eq(st.st_mode & 0777, 0755, "left as it was");
	char made[80];
	snprintf(made, sizeof made, "%s/new", dir);
	cr_assert_eq(control_private_dir(made, true, why, sizeof why), 0, "a missing one is made");
	stat(made, &st);
	cr_assert_eq(st.st_mode & 0777, 0700);
	rmdir(made);
	char link[64];
	snprintf(link, sizeof link, "%s.link", dir);
	cr_assert_eq(symlink(dir, link), 0);
	cr_assert_eq(control_private_dir(link, false, why, sizeof why), -1, "a symlink refused");
	unlink(link);
	rmdir(dir);
}

/* A server in this process, its clients in a child: the loop serves it. */
static int handled;

static void
echo(void *ctx, const struct control_request *req, char *reply, size_t n)
{
	handled++;
	snprintf(reply, n, "%s %d\n", control_verb_name(req->verb), req->secs);
}

static void
stop_soon(struct loop_source *src, short revents, long long now)
{
	loop_break(0);
}

/* Serve until the child (which runs fn) is done, at most 5 s. */
static void
serve_while(const char *dir, void (*fn)(const char *path))
{
	char path[128], why[200];
	snprintf(path, sizeof path, "%s/s", dir);
	struct control_server *s = control_listen(path, echo, NULL, why, sizeof why);
	cr_assert_not_null(s, "%s", why);
	int p[2];
	cr_assert_eq(pipe(p), 0);
	pid_t pid = fork();
	if (pid == 0) {
		close(p[0]);
		fn(path);
		_exit(0);
	}
	close(p[1]);
	/* the child's end of the pipe closes when it exits */
	struct loop_source done = {.fd = p[0], .events = POLLIN, .deadline = now_us() + 5000000,
	    .ready = stop_soon};
	loop_add(&done);
	loop_run(NULL, NULL);
	loop_remove(&done);
	close(p[0]);
	control_close(s);
}

static void
ask_split(const char *path)
{
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	strcpy(sa.sun_path, path);
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);
	if (connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0)
		_exit(1);
	if (write(fd, "snoo", 4) != 4)
		_exit(1);
	usleep(100000);
	if (write(fd, "ze 5m\n", 6) != 6)
		_exit(1);
	char buf[64] = "";
	ssize_t n = read(fd, buf, sizeof buf - 1);
	_exit(n > 0 && strcmp(buf, "snooze 300\n") == 0 ? 0 : 2);
}

static void
run_split(const char *path)
{
	pid_t pid = fork();
	if (pid == 0)
		ask_split(path);
	int st;
	waitpid(pid, &st, 0);
	char out[160];
	snprintf(out, sizeof out, "%s.out", path);
	FILE *f = fopen(out, "w");
	fprintf(f, "%d\n", WIFEXITED(st) ? WEXITSTATUS(st) : 99);
	fclose(f);
}

Test(control, a_request_in_two_writes_is_one_request)
{
	char dir[] = "/tmp/unknot-control-XXXXXX";
	cr_assert_not_null(mkdtemp(dir));
	serve_while(dir, run_split);
	char out[160];
	snprintf(out, sizeof out, "%s/s.out", dir);
	FILE *f = fopen(out, "r");
	int rc = -1;
	cr_assert_eq(fscanf(f, "%d", &rc), 1);
	fclose(f);
	unlink(out);
	cr_assert_eq(rc, 0, "the reply to a split request was wrong (%d)", rc);
	rmdir(dir);
}

static void
hang_up_and_ask(const char *path)
{
	/* many clients that hang up at once, one that stays silent, then a
	 * proper request through the real client */
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	strcpy(sa.sun_path, path);
	for (int i = 0; i < 50; i++) {
		int fd = socket(AF_UNIX, SOCK_STREAM, 0);
		if (connect(fd, (struct sockaddr *)&sa, sizeof sa) == 0 && write(fd, "status\n", 7) < 0)
			_exit(1);
		close(fd);
	}
	int silent = socket(AF_UNIX, SOCK_STREAM, 0);
	if (connect(silent, (struct sockaddr *)&sa, sizeof sa) < 0)
		_exit(1);
	char dir[128], reply[256], why[200];
	snprintf(dir, sizeof dir, "%s", path);
	*strrchr(dir, '/') = '\0';
	int rc = control_ask(dir, path, "skip", reply, sizeof reply, why, sizeof why);
	char out[160];
	snprintf(out, sizeof out, "%s.out", path);
	FILE *f = fopen(out, "w");
	fprintf(f, "%d %s", rc, rc == 0 ? reply : why);
	fclose(f);
	close(silent);
}

Test(control, hang_ups_and_a_silent_client_cost_nothing)
{
	char dir[] = "/tmp/unknot-control-XXXXXX";
	cr_assert_not_null(mkdtemp(dir));
	chmod(dir, 0700);
	cr_assert_eq(loop_init(), 0); /* SIGPIPE ignored */
	serve_while(dir, hang_up_and_ask);
	char buf[256] = "", out[160];
	snprintf(out, sizeof out, "%s/s.out", dir);
	FILE *f = fopen(out, "r");
	cr_assert_not_null(fgets(buf, sizeof buf, f));
	fclose(f);
	unlink(out);
	cr_assert_str_eq(buf, "0 skip 0\n");
	rmdir(dir);
}
