/*
 * control.h - the reminder's control socket: the protocol, its one
 * parser, the server (served by the event loop) and the client.
 *
 * The socket is a Unix stream socket in a folder of the user's own
 * (0700, owned by them: control_private_dir()); both sides check that,
 * and each checks the other's uid with SO_PEERCRED.
 *
 * The protocol: a client connects, sends one request line and reads the
 * reply until the server closes.  A request is one line, at most
 * CONTROL_LINE_MAX bytes before its newline; it may arrive in several
 * writes, and ends at its newline or where the client stops writing:
 *
 *     status | snooze [D] | skip | pause [D] | resume | stop
 *
 * exactly: a lower-case word, then for snooze and pause one space and a
 * duration that the config's own rows check (remind.snooze, remind.pause).
 * Anything else is refused.  The reply is lines of text; a reply that
 * begins "error: " is a refusal.
 *
 * The server never blocks: clients are non-blocking, each has a deadline
 * (CONTROL_DEADLINE_US from its connection to the end of its reply), and
 * at most CONTROL_MAX_CLIENTS are served at once (the others wait in the
 * listen queue).  A client that hangs up costs nothing (no SIGPIPE).
 */
#ifndef UNKNOT_CONTROL_H
#define UNKNOT_CONTROL_H

#include <stdbool.h>
#include <stddef.h>

#include "loop.h"

#define CONTROL_LINE_MAX 64
#define CONTROL_REPLY_MAX 1024
#define CONTROL_MAX_CLIENTS 32
#define CONTROL_DEADLINE_US 2000000LL
#define CONTROL_CLIENT_TIMEOUT_MS 3000

enum control_verb {
	CONTROL_STATUS, CONTROL_SNOOZE, CONTROL_SKIP, CONTROL_PAUSE, CONTROL_RESUME, CONTROL_STOP,
	CONTROL_VERB_COUNT
};

struct control_request {
	enum control_verb verb;
	int secs;     /* snooze and pause: the duration given; 0: none given */
};

/* The verb's word ("snooze"). */
const char *control_verb_name(enum control_verb v);
/* Parse one request line (len bytes, without the newline; it may hold
 * NULs).  Returns 0, or -1 with the reason in why. */
int control_parse(const char *line, size_t len, struct control_request *req, char *why, size_t n);

/* The folder must be a directory (not a link) owned by this user and
 * closed to others.  create: make it (0700) when it is not there; one
 * that is there and open is refused, not changed.  Returns 0, or -1 with
 * the reason in why (and what to do). */
int control_private_dir(const char *dir, bool create, char *why, size_t n);

/*
 * The server: listens on path (unlinked first: call it only while holding
 * the reminder's lock) and registers with the loop.  For each good
 * request, handle() writes the reply (at most n bytes, with its newline).
 * Returns NULL with the reason in why.
 */
typedef void control_handler(void *ctx, const struct control_request *req, char *reply, size_t n);
struct control_server *control_listen(const char *path, control_handler *handle, void *ctx, char *why,
    size_t n);
/* How many clients are being served now. */
int control_clients(const struct control_server *s);
/* Stop listening; replies already written are sent if the socket takes
 * them now; unlink the socket.  NULL is fine. */
void control_close(struct control_server *s);

/*
 * The client: one request, its reply (NUL-terminated, cut at n - 1 bytes).
 * Returns 0, or one of the failures below with the reason in why.  The
 * reply is raw bytes from another process: sanitise it before printing.
 */
enum {
	CONTROL_NONE = -1,    /* no reminder runs (no socket, nobody listening) */
	CONTROL_FOREIGN = -2, /* the folder or the server is not this user's */
	CONTROL_TIMEOUT = -3, /* no answer in time */
};
int control_ask(const char *dir, const char *sock_path, const char *request, char *reply, size_t n,
    char *why, size_t wn);

#endif
