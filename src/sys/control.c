/*
 * control.c - the reminder's control socket: see control.h.
 */
#define _GNU_SOURCE /* accept4, struct ucred */
#include "control.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "clock.h"
#include "config.h"
#include "paths.h"
#include "util.h"

static const char *const verb_names[] = {
	[CONTROL_STATUS] = "status",
	[CONTROL_SNOOZE] = "snooze",
	[CONTROL_SKIP] = "skip",
	[CONTROL_PAUSE] = "pause",
	[CONTROL_RESUME] = "resume",
	[CONTROL_STOP] = "stop",
};
_Static_assert(ARRAY_LEN(verb_names) == CONTROL_VERB_COUNT, "a word for every verb");

const char *
control_verb_name(enum control_verb v)
{
	return (unsigned)v < CONTROL_VERB_COUNT ? verb_names[v] : "?";
}

/* ---- the parser ---------------------------------------------------------- */

int
control_parse(const char *line, size_t len, struct control_request *req, char *why, size_t n)
{
	if (len > CONTROL_LINE_MAX || memchr(line, '\0', len)) {
		snprintf(why, n, "not a request");
		return -1;
	}
	const char *sp = memchr(line, ' ', len);
	size_t wlen = sp ? (size_t)(sp - line) : len;
	for (int v = 0; v < CONTROL_VERB_COUNT; v++) {
		if (strlen(verb_names[v]) != wlen || memcmp(line, verb_names[v], wlen) != 0)
			continue;
		*req = (struct control_request){.verb = (enum control_verb)v};
		if (sp == NULL)
			return 0;
		if (v != CONTROL_SNOOZE && v != CONTROL_PAUSE) {
			snprintf(why, n, "%s takes no argument", verb_names[v]);
			return -1;
		}
		char arg[CONTROL_LINE_MAX + 1];
		size_t alen = len - wlen - 1;
		memcpy(arg, sp + 1, alen);
		arg[alen] = '\0';
		if (alen == 0 || strchr(arg, ' ')) {
			snprintf(why, n, "%s takes one duration, such as 10m", verb_names[v]);
			return -1;
		}
		char msg[160];
		if (config_duration("remind", verb_names[v], arg, &req->secs, msg, sizeof msg) < 0) {
			snprintf(why, n, "%s %s", verb_names[v], msg);
			return -1;
		}
		return 0;
	}
	snprintf(why, n, "unknown request (status, snooze [D], skip, pause [D], resume, stop)");
	return -1;
}

/* ---- the folder ---------------------------------------------------------- */

int
control_private_dir(const char *dir, bool create, char *why, size_t n)
{
	if (create && paths_mkdirs(dir, 0700) < 0) {
		snprintf(why, n, "cannot create %s: %s", dir, strerror(errno));
		return -1;
	}
	struct stat st;
	if (lstat(dir, &st) < 0) {
		snprintf(why, n, "%s: %s", dir, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode) || st.st_uid != getuid()) {
		snprintf(why, n, "%s is not a folder of yours: remove it and try again", dir);
		return -1;
	}
	/* Open to others: refused on both sides, never quietly closed (it was
	 * open for a reason we cannot know, and anyone may have a socket or a
	 * lock waiting in it). */
	if (st.st_mode & 077) {
		snprintf(why, n, "%s is open to other users (mode %03o): it must be 0700 (if it is yours alone: "
		    "chmod 700 %s)", dir, (unsigned)(st.st_mode & 0777), dir);
		return -1;
	}
	return 0;
}

static bool
peer_is_me(int fd)
{
	struct ucred cred;
	socklen_t len = sizeof cred;
	return getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) == 0 && cred.uid == getuid();
}

static int
unix_address(const char *path, struct sockaddr_un *sa)
{
	*sa = (struct sockaddr_un){.sun_family = AF_UNIX};
	if (strlen(path) >= sizeof sa->sun_path)
		return -1;
	strcpy(sa->sun_path, path);
	return 0;
}

/* ---- the server ---------------------------------------------------------- */

struct client {
	struct loop_source src;
	struct control_server *srv;
	struct client *next;
	char in[CONTROL_LINE_MAX + 2];
	size_t inlen;
	char out[CONTROL_REPLY_MAX];
	size_t outlen, sent;
};

struct control_server {
	struct loop_source listen;
	char *path;
	control_handler *handle;
	void *ctx;
	struct client *clients;
	int nclients;
};

static void
drop(struct client *c)
{
	struct control_server *s = c->srv;
	loop_remove(&c->src);
	close(c->src.fd);
	for (struct client **p = &s->clients; *p; p = &(*p)->next)
		if (*p == c) {
			*p = c->next;
			break;
		}
	free(c);
	s->nclients--;
	s->listen.events = POLLIN; /* room again */
}

/* Send what the socket takes now.  True when all is sent. */
static bool
flush(struct client *c)
{
	while (c->sent < c->outlen) {
		ssize_t w = send(c->src.fd, c->out + c->sent, c->outlen - c->sent, MSG_NOSIGNAL | MSG_DONTWAIT);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		c->sent += (size_t)w;
	}
	return true;
}

static void
answer(struct client *c, const char *line, size_t len)
{
	struct control_request req;
	char why[200];
	if (control_parse(line, len, &req, why, sizeof why) < 0) {
		snprintf(c->out, sizeof c->out, "error: %s\n", why);
	} else {
		c->out[0] = '\0';
		c->srv->handle(c->srv->ctx, &req, c->out, sizeof c->out);
	}
	c->outlen = strlen(c->out);
	c->sent = 0;
	c->src.events = POLLOUT;
}

static void
client_ready(struct loop_source *src, short revents, long long now)
{
	struct client *c = src->ctx;
	if (revents == 0) { /* its deadline: too slow */
		drop(c);
		return;
	}
	if (c->src.events == POLLOUT) {
		if (revents & (POLLERR | POLLNVAL) || flush(c) || errno != EAGAIN)
			drop(c); /* done, or it hung up */
		return;
	}
	ssize_t r = recv(c->src.fd, c->in + c->inlen, sizeof c->in - c->inlen, MSG_DONTWAIT);
	if (r < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (r < 0) {
		drop(c);
		return;
	}
	c->inlen += (size_t)r;
	char *nl = memchr(c->in, '\n', c->inlen);
	if (nl)
		answer(c, c->in, (size_t)(nl - c->in));
	else if (r == 0 && c->inlen > 0)
		answer(c, c->in, c->inlen); /* the request ends where the client stopped writing */
	else if (r == 0) {
		drop(c);                    /* nothing asked: c is gone */
		return;
	} else if (c->inlen == sizeof c->in)
		answer(c, c->in, c->inlen); /* too long: refused by the parser */
	if (c->src.events == POLLOUT && flush(c))
		drop(c);
}

static void
accept_ready(struct loop_source *src, short revents, long long now)
{
	struct control_server *s = src->ctx;
	while (s->nclients < CONTROL_MAX_CLIENTS) {
		int fd = accept4(s->listen.fd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
		if (fd < 0)
			return; /* EAGAIN: no more for now; anything else: try next turn */
		if (!peer_is_me(fd)) {
			close(fd); /* only this user may talk to it */
			continue;
		}
		struct client *c = xcalloc(1, sizeof *c);
		c->srv = s;
		c->src = (struct loop_source){.fd = fd, .events = POLLIN, .deadline = now + CONTROL_DEADLINE_US,
		    .ready = client_ready, .ctx = c};
		c->next = s->clients;
		s->clients = c;
		s->nclients++;
		loop_add(&c->src);
	}
	s->listen.events = 0; /* full: the rest wait in the queue until one leaves */
}

struct control_server *
control_listen(const char *path, control_handler *handle, void *ctx, char *why, size_t n)
{
	struct sockaddr_un sa;
	if (unix_address(path, &sa) < 0) {
		snprintf(why, n, "%s: the path is too long for a socket", path);
		return NULL;
	}
	unlink(path);
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	mode_t old = umask(077);
	int rc = fd < 0 ? -1 : bind(fd, (struct sockaddr *)&sa, sizeof sa);
	umask(old);
	if (rc < 0 || chmod(path, 0600) < 0 || listen(fd, 128) < 0) {
		snprintf(why, n, "cannot listen on %s: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	struct control_server *s = xcalloc(1, sizeof *s);
	s->path = xstrdup(path);
	s->handle = handle;
	s->ctx = ctx;
	s->listen = (struct loop_source){.fd = fd, .events = POLLIN, .deadline = LOOP_NEVER,
	    .ready = accept_ready, .ctx = s};
	loop_add(&s->listen);
	return s;
}

int
control_clients(const struct control_server *s)
{
	return s ? s->nclients : 0;
}

void
control_close(struct control_server *s)
{
	if (s == NULL)
		return;
	while (s->clients) {
		struct client *c = s->clients;
		if (c->src.events == POLLOUT)
			flush(c); /* the reply to `stop`, above all */
		drop(c);
	}
	loop_remove(&s->listen);
	close(s->listen.fd);
	unlink(s->path);
	free(s->path);
	free(s);
}

/* ---- the client ---------------------------------------------------------- */

int
control_ask(const char *dir, const char *sock_path, const char *request, char *reply, size_t n, char *why,
    size_t wn)
{
	reply[0] = '\0';
	struct stat st;
	if (lstat(dir, &st) < 0 && errno == ENOENT) {
		snprintf(why, wn, "no reminder is running (start one with `unknot remind`)");
		return CONTROL_NONE;
	}
	if (control_private_dir(dir, false, why, wn) < 0)
		return CONTROL_FOREIGN;
	struct sockaddr_un sa;
	if (unix_address(sock_path, &sa) < 0) {
		snprintf(why, wn, "%s: the path is too long for a socket", sock_path);
		return CONTROL_NONE;
	}
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	/* a full listen queue makes connect() wait: SO_SNDTIMEO bounds it */
	struct timeval tv = {.tv_sec = CONTROL_CLIENT_TIMEOUT_MS / 1000,
	    .tv_usec = (CONTROL_CLIENT_TIMEOUT_MS % 1000) * 1000};
	if (fd >= 0) {
		setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
		setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	}
	if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
		int e = errno;
		if (fd >= 0)
			close(fd);
		if (e == EAGAIN || e == EINPROGRESS || e == ETIMEDOUT) {
			snprintf(why, wn, "the reminder did not answer in time: try again");
			return CONTROL_TIMEOUT;
		}
		snprintf(why, wn, "no reminder is running (start one with `unknot remind`)");
		return CONTROL_NONE;
	}
	if (!peer_is_me(fd)) {
		close(fd);
		snprintf(why, wn, "%s is served by another user: not talking to it", sock_path);
		return CONTROL_FOREIGN;
	}
	char line[CONTROL_LINE_MAX + 2];
	int len = snprintf(line, sizeof line, "%s\n", request);
	long long until = now_us() + CONTROL_CLIENT_TIMEOUT_MS * 1000LL;
	bool ok = len > 0 && (size_t)len < sizeof line &&
	    send(fd, line, (size_t)len, MSG_NOSIGNAL) == (ssize_t)len;
	shutdown(fd, SHUT_WR);
	size_t got = 0;
	while (ok) {
		long long left = until - now_us();
		struct pollfd p = {fd, POLLIN, 0};
		if (left <= 0 || poll(&p, 1, (int)(left / 1000) + 1) <= 0) {
			ok = false;
			break;
		}
		ssize_t r = recv(fd, reply + got, n - 1 - got, 0);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
		if (got == n - 1)
			break;
	}
	close(fd);
	reply[got] = '\0';
	if (!ok || got == 0) {
		snprintf(why, wn, "the reminder did not answer in time: try again");
		return CONTROL_TIMEOUT;
	}
	return 0;
}
