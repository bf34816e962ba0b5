/* How long the user has been away: their ttys in a made-up utmp file
 * (a real pseudo-terminal with a made-up access time), and what logind
 * says, from loginctl's output. */
#define _GNU_SOURCE /* posix_openpt, ptsname, utmpxname */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utmpx.h>

#include "idle.h"

/* A utmp file with one login of ours on a fresh pty, whose last input
 * was `ago` seconds before now. */
static char *
utmp_with_pty(time_t now, long ago, int *master)
{
	*master = posix_openpt(O_RDWR | O_NOCTTY);
	cr_assert_geq(*master, 0);
	cr_assert_eq(grantpt(*master), 0);
	cr_assert_eq(unlockpt(*master), 0);
	const char *pts = ptsname(*master);
	cr_assert_not_null(pts);
	struct timespec ts[2] = {{.tv_sec = now - ago}, {.tv_nsec = UTIME_OMIT}};
	cr_assert_eq(utimensat(AT_FDCWD, pts, ts, 0), 0);

	char *path = strdup("/tmp/unknot-utmp-XXXXXX");
	int fd = mkstemp(path);
	cr_assert_geq(fd, 0);
	close(fd);
	cr_assert_eq(utmpxname(path), 0);
	setutxent();
	struct utmpx u = {.ut_type = USER_PROCESS, .ut_pid = getpid()};
	snprintf(u.ut_line, sizeof u.ut_line, "%s", pts + 5); /* "pts/N" */
	snprintf(u.ut_user, sizeof u.ut_user, "%s", getpwuid(getuid())->pw_name);
	cr_assert_not_null(pututxline(&u));
	/* another user's login is not ours */
	struct utmpx v = u;
	snprintf(v.ut_user, sizeof v.ut_user, "someone-else");
	snprintf(v.ut_line, sizeof v.ut_line, "tty9");
	pututxline(&v);
	endutxent();
	return path;
}

Test(idle, the_last_input_on_the_users_ttys)
{
	time_t now = time(NULL);
	int master;
	char *path = utmp_with_pty(now, 600, &master);
	cr_assert_eq(idle_ttys(path, now), 600);
	unlink(path);
	free(path);
	close(master);
}

Test(idle, no_tty_of_ours_is_unknown)
{
	char path[] = "/tmp/unknot-utmp-XXXXXX";
	close(mkstemp(path));
	cr_assert_eq(idle_ttys(path, time(NULL)), -1);
	unlink(path);
}

Test(idle, logind_idle_since)
{
	time_t now = 1800000000;
	char user[128];
	snprintf(user, sizeof user, "IdleHint=yes\nIdleSinceHint=%lld\nDisplay=\n", (long long)(now - 420) * 1000000);
	cr_assert_eq(idle_logind_parse(user, NULL, now), 420);
	cr_assert_eq(idle_logind_parse("IdleHint=no\nIdleSinceHint=0\n", NULL, now), 0, "active");
	cr_assert_eq(idle_logind_parse("Display=\n", NULL, now), -1, "nothing known");
	cr_assert_eq(idle_logind_parse("", NULL, now), -1);
}

Test(idle, a_locked_screen_is_away)
{
	time_t now = 1800000000;
	cr_assert_geq(idle_logind_parse("IdleHint=no\n", "LockedHint=yes\nIdleHint=no\n", now), 3600);
	cr_assert_eq(idle_logind_parse("IdleHint=no\n", "LockedHint=no\nIdleHint=no\n", now), 0);
}
