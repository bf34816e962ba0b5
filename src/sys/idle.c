/*
 * idle.c - how long the user has been away: see idle.h.
 */
#define _GNU_SOURCE /* utmpxname */
#include "idle.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utmpx.h>

#include "child.h"

long
idle_ttys(const char *utmp_path, time_t now)
{
	struct passwd *pw = getpwuid(getuid());
	if (pw == NULL)
		return -1;
	if (utmp_path && utmpxname(utmp_path) != 0)
		return -1;
	setutxent();
	time_t last = 0;
	bool any = false;
	struct utmpx *u;
	while ((u = getutxent()) != NULL) {
		if (u->ut_type != USER_PROCESS || strncmp(u->ut_user, pw->pw_name, sizeof u->ut_user) != 0)
			continue;
		char line[sizeof u->ut_line + 1];
		memcpy(line, u->ut_line, sizeof u->ut_line);
		line[sizeof u->ut_line] = '\0';
		if (line[0] == '\0' || line[0] == '/' || strstr(line, ".."))
			continue; /* ":0" and the like are no tty; nothing outside /dev */
		char dev[sizeof line + 8];
		snprintf(dev, sizeof dev, "/dev/%s", line);
		struct stat st;
		if (stat(dev, &st) < 0 || !S_ISCHR(st.st_mode) || st.st_uid != getuid())
			continue;
		any = true;
		if (st.st_atime > last)
			last = st.st_atime;
	}
	endutxent();
	if (utmp_path)
		utmpxname("/var/run/utmp"); /* back to the system's (glibc's _PATH_UTMP) */
	if (!any)
		return -1;
	return last >= now ? 0 : (long)(now - last);
}

/* "Key=value" lines: the value of key, or NULL. */
static const char *
prop(const char *props, const char *key, char *out, size_t n)
{
	size_t klen = strlen(key);
	for (const char *p = props; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
		if (strncmp(p, key, klen) == 0 && p[klen] == '=') {
			const char *v = p + klen + 1;
			size_t len = strcspn(v, "\n");
			if (len >= n)
				len = n - 1;
			memcpy(out, v, len);
			out[len] = '\0';
			return out;
		}
	}
	return NULL;
}

/* The seconds an IdleHint/IdleSinceHint pair says, 0 active, -1 unknown. */
static long
hint(const char *props, time_t now)
{
	char v[64], since[64];
	if (props == NULL || prop(props, "IdleHint", v, sizeof v) == NULL)
		return -1;
	if (strcmp(v, "no") == 0)
		return 0;
	if (strcmp(v, "yes") != 0)
		return -1;
	/* IdleSinceHint: microseconds of the wall clock */
	long long us = prop(props, "IdleSinceHint", since, sizeof since) ? atoll(since) : 0;
	if (us <= 0 || us / 1000000 > now)
		return -1;
	return (long)(now - us / 1000000);
}

long
idle_logind_parse(const char *user_props, const char *session_props, time_t now)
{
	char v[16];
	if (session_props && prop(session_props, "LockedHint", v, sizeof v) && strcmp(v, "yes") == 0) {
		long s = hint(session_props, now);
		return s > 0 ? s : 24 * 3600; /* a locked screen is away, however long */
	}
	long s = hint(session_props, now);
	long u = hint(user_props, now);
	if (s >= 0 && u >= 0)
		return s < u ? s : u;
	return s >= 0 ? s : u;
}

static long
idle_logind(time_t now)
{
	if (!child_on_path("loginctl"))
		return -1;
	char uid[32], user[1024], session[1024] = "", display[64];
	snprintf(uid, sizeof uid, "%ld", (long)getuid());
	char *uargv[] = {"loginctl", "show-user", uid, "--property=IdleHint", "--property=IdleSinceHint",
	    "--property=Display", NULL};
	if (child_capture(uargv, user, sizeof user, 500) < 0)
		return -1;
	if (prop(user, "Display", display, sizeof display) && display[0] &&
	    strspn(display, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") == strlen(display)) {
		char *sargv[] = {"loginctl", "show-session", display, "--property=LockedHint",
		    "--property=IdleHint", "--property=IdleSinceHint", NULL};
		if (child_capture(sargv, session, sizeof session, 500) < 0)
			session[0] = '\0';
	}
	return idle_logind_parse(user, session[0] ? session : NULL, now);
}

long
idle_seconds(time_t now, long threshold)
{
	long t = idle_ttys(NULL, now);
	if (t >= 0 && t < threshold)
		return t; /* typing: no need to ask further */
	long l = idle_logind(now);
	if (t >= 0 && l >= 0)
		return t < l ? t : l;
	return t >= 0 ? t : l;
}
