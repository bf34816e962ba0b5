/*
 * notify.c - desktop notifications through notify-send: see notify.h.
 */
#define _GNU_SOURCE /* pipe2 */
#include "notify.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "child.h"
#include "loop.h"
#include "util.h"

struct notify {
	struct loop_source src;
	pid_t pid;
	char out[128];
	size_t len;
	const char *const *actions;
	void (*done)(void *, int);
	void *ctx;
};

bool
notify_available(void)
{
	return child_on_path("notify-send");
}

bool
notify_has_actions(void)
{
	static int known = -1;
	if (known < 0) {
		char help[4096];
		char *argv[] = {"notify-send", "--help", NULL};
		known = notify_available() && child_capture(argv, help, sizeof help, 1000) == 0 &&
		    strstr(help, "--action") != NULL;
	}
	return known == 1;
}

/* Markup a notification server might read: & < > as entities. */
static char *
plain(const char *s)
{
	struct buf b = {0};
	buf_add(&b, "", 0);
	for (; *s; s++) {
		if (*s == '&')
			buf_add(&b, "&amp;", 5);
		else if (*s == '<')
			buf_add(&b, "&lt;", 4);
		else if (*s == '>')
			buf_add(&b, "&gt;", 4);
		else
			buf_add(&b, s, 1);
	}
	return b.s;
}

static void
finish(struct notify *n, bool call)
{
	loop_remove(&n->src);
	close(n->src.fd);
	kill(n->pid, SIGTERM); /* closed already, or no longer wanted */
	while (waitpid(n->pid, NULL, 0) < 0 && errno == EINTR)
		;
	if (call) {
		int chosen = -1;
		n->out[n->len] = '\0';
		n->out[strcspn(n->out, "\n")] = '\0';
		for (int i = 0; n->actions && n->actions[2 * i]; i++)
			if (strcmp(n->out, n->actions[2 * i]) == 0)
				chosen = i;
		n->done(n->ctx, chosen);
	}
	free(n);
}

static void
on_output(struct loop_source *src, short revents, long long now)
{
	struct notify *n = src->ctx;
	ssize_t r = read(src->fd, n->out + n->len, sizeof n->out - 1 - n->len);
	if (r < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (r > 0 && (n->len += (size_t)r) < sizeof n->out - 1)
		return;
	finish(n, true); /* its end: the choice, or closed without one */
}

struct notify *
notify_send(const char *title, const char *body, int expire_ms, const char *const *actions,
    void (*done)(void *ctx, int action), void *ctx)
{
	if (!notify_available())
		return NULL;
	bool wait = actions && done && notify_has_actions();
	char *t = plain(title), *b = plain(body);
	char expire[32];
	snprintf(expire, sizeof expire, "--expire-time=%d", expire_ms);
	const char *argv[32] = {"notify-send", "--app-name=unknot"};
	int n = 2;
	if (expire_ms > 0)
		argv[n++] = expire;
	char *labels[8] = {0};
	for (int i = 0; wait && actions[2 * i] && i < 8; i++)
		argv[n++] = labels[i] = xasprintf("--action=%s=%s", actions[2 * i], actions[2 * i + 1]);
	argv[n++] = "--";
	argv[n++] = t;
	argv[n++] = b;
	argv[n] = NULL;
	struct notify *note = NULL;
	if (!wait) {
		child_detached((char *const *)argv);
	} else {
		int p[2];
		if (pipe2(p, O_CLOEXEC | O_NONBLOCK) == 0) {
			pid_t pid = child_spawn((char *const *)argv, -1, p[1]);
			close(p[1]);
			if (pid < 0) {
				close(p[0]);
			} else {
				note = xcalloc(1, sizeof *note);
				*note = (struct notify){.pid = pid, .actions = actions, .done = done, .ctx = ctx};
				note->src = (struct loop_source){.fd = p[0], .events = POLLIN, .deadline = LOOP_NEVER,
				    .ready = on_output, .ctx = note};
				loop_add(&note->src);
			}
		}
	}
	for (int i = 0; i < 8; i++)
		free(labels[i]);
	free(t);
	free(b);
	return note;
}

void
notify_cancel(struct notify *n)
{
	if (n)
		finish(n, false);
}
