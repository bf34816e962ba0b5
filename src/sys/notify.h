/*
 * notify.h - desktop notifications, through notify-send when it is there.
 *
 * Where notify-send takes actions (libnotify 0.8: --action), a
 * notification may offer buttons: notify-send then waits for the user,
 * the loop watches its output, and done() is called with the index of
 * the chosen action, or -1 when the notification closed without one.
 * Without actions (or without notify-send) done() is never called.
 * Texts are plain: markup characters are escaped.
 */
#ifndef UNKNOT_NOTIFY_H
#define UNKNOT_NOTIFY_H

#include <stdbool.h>

struct notify;

/* notify-send is on PATH; it takes --action (asked once). */
bool notify_available(void);
bool notify_has_actions(void);

/*
 * Show title and body for expire_ms (0: the server's default).  actions:
 * NULL, or "name", "Label" pairs ending with NULL (only used when
 * notify_has_actions()).  Returns the waiting notification (free with
 * notify_cancel(), or it frees itself after done()), or NULL when nothing
 * waits (sent without actions, or not sent at all).
 */
struct notify *notify_send(const char *title, const char *body, int expire_ms,
    const char *const *actions, void (*done)(void *ctx, int action), void *ctx);
/* Stop waiting: done() will not be called.  NULL is fine. */
void notify_cancel(struct notify *n);

#endif
