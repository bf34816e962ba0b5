/* Opening files that may be hostile (file.h) and finding the home folder
 * (paths.h): FIFOs, links, other users' files, a missing HOME. */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"
#include "paths.h"
#include "util.h"

static char dir[] = "/tmp/unknot-file-XXXXXX";

static void
setup(void)
{
	cr_assert_not_null(mkdtemp(dir));
}

static void
teardown(void)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
	free(cmd);
}

TestSuite(file, .init = setup, .fini = teardown);

static char *
make_file(const char *name, const char *text, mode_t mode)
{
	char *p = xasprintf("%s/%s", dir, name);
	FILE *fp = fopen(p, "w");
	cr_assert_not_null(fp);
	fputs(text, fp);
	fclose(fp);
	chmod(p, mode);
	return p;
}

Test(file, a_regular_file_opens_for_reading)
{
	char *p = make_file("a", "hello", 0644);
	const char *why;
	int fd = file_open_read(p, FILE_NOFOLLOW | FILE_MINE, &why);
	cr_assert_geq(fd, 0, "%s", fd < 0 ? why : "");
	cr_assert(fcntl(fd, F_GETFD) & FD_CLOEXEC);
	close(fd);
	free(p);
}

Test(file, a_fifo_is_refused_without_blocking, .timeout = 5)
{
	char *p = xasprintf("%s/fifo", dir);
	cr_assert_eq(mkfifo(p, 0600), 0);
	const char *why;
	cr_assert_eq(file_open_read(p, FILE_ANY, &why), -1);
	cr_assert_str_eq(why, "is not a regular file");
	size_t len;
	cr_assert_null(read_file(p, 1024, &len, &why));
	int dfd = file_open_dir(dir, false, &why);
	cr_assert_geq(dfd, 0);
	cr_assert_eq(file_openat_write(dfd, "fifo", O_WRONLY | O_APPEND | O_CREAT, 0600, &why), -1);
	close(dfd);
	free(p);
}

Test(file, a_directory_is_not_a_file)
{
	const char *why;
	cr_assert_eq(file_open_read(dir, FILE_ANY, &why), -1);
	cr_assert_str_eq(why, "is a directory, not a file");
}

Test(file, a_symbolic_link_is_refused_where_asked_and_for_every_write)
{
	char *target = make_file("target", "x", 0644);
	char *link = xasprintf("%s/link", dir);
	cr_assert_eq(symlink(target, link), 0);
	const char *why;
	int fd = file_open_read(link, FILE_ANY, &why);
	cr_assert_geq(fd, 0, "a routine may be a link the user made");
	close(fd);
	cr_assert_eq(file_open_read(link, FILE_NOFOLLOW, &why), -1);
	cr_assert(strstr(why, "symbolic link"), "%s", why);
	int dfd = file_open_dir(dir, false, &why);
	cr_assert_eq(file_openat_write(dfd, "link", O_WRONLY | O_CREAT | O_TRUNC, 0600, &why), -1);
	cr_assert(strstr(why, "symbolic link"), "%s", why);
	close(dfd);
	char *text = read_file(target, 64, NULL, &why);
	cr_assert_str_eq(text, "x", "the target is untouched");
	free(text);
	free(target);
	free(link);
}

Test(file, a_file_others_can_write_is_not_mine)
{
	char *p = make_file("open", "x", 0666);
	chmod(p, 0666);
	const char *why;
	cr_assert_eq(file_open_read(p, FILE_MINE, &why), -1);
	cr_assert(strstr(why, "other users"), "%s", why);
	cr_assert_geq(file_open_read(p, FILE_ANY, &why), 0);
	free(p);
}

Test(file, another_users_file_and_folder_are_not_mine)
{
	if (geteuid() != 0)
		cr_skip_test("needs root to give a file away");
	char *p = make_file("theirs", "x", 0644);
	cr_assert_eq(chown(p, 65534, 65534), 0);
	const char *why;
	cr_assert_eq(file_open_read(p, FILE_MINE, &why), -1);
	cr_assert_str_eq(why, "belongs to another user");
	char *sub = xasprintf("%s/sub", dir);
	cr_assert_eq(mkdir(sub, 0755), 0);
	cr_assert_eq(chown(sub, 65534, 65534), 0);
	cr_assert_eq(file_open_dir(sub, false, &why), -1);
	cr_assert_str_eq(why, "belongs to another user");
	free(sub);
	free(p);
}

Test(file, a_missing_folder_is_created_private)
{
	char *sub = xasprintf("%s/a/b/unknot", dir);
	const char *why;
	int fd = file_open_dir(sub, true, &why);
	cr_assert_geq(fd, 0, "%s", fd < 0 ? why : "");
	struct stat st;
	cr_assert_eq(fstat(fd, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0700);
	close(fd);
	free(sub);
}

/* ---- the home folder ---- */

static char *
pw_home(void)
{
	struct passwd *pw = getpwuid(getuid());
	cr_assert_not_null(pw);
	return xstrdup(pw->pw_dir);
}

Test(paths, without_home_the_folders_come_from_the_password_database_not_tmp)
{
	unsetenv("HOME");
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("XDG_STATE_HOME");
	unsetenv("XDG_DATA_HOME");
	char *home = pw_home(), *want = xasprintf("%s/.config/unknot", home);
	char *conf = paths_config_dir(), *state = paths_state_dir(), *data = paths_user_data_dir();
	cr_assert_str_eq(conf, want);
	cr_assert(strncmp(state, home, strlen(home)) == 0, "%s", state);
	cr_assert(strncmp(data, home, strlen(home)) == 0, "%s", data);
	cr_assert(strncmp(conf, "/tmp", 4) != 0);
	free(conf), free(state), free(data), free(want), free(home);
}

Test(paths, a_relative_home_is_not_used)
{
	setenv("HOME", "relative/home", 1);
	unsetenv("XDG_CONFIG_HOME");
	char *home = pw_home(), *want = xasprintf("%s/.config/unknot", home);
	char *conf = paths_config_dir();
	cr_assert_str_eq(conf, want);
	free(conf), free(want), free(home);
}

Test(paths, an_absolute_xdg_variable_wins_and_a_relative_one_is_ignored)
{
	setenv("HOME", "/home/someone", 1);
	setenv("XDG_CONFIG_HOME", "/elsewhere", 1);
	char *conf = paths_config_dir();
	cr_assert_str_eq(conf, "/elsewhere/unknot");
	free(conf);
	setenv("XDG_CONFIG_HOME", "rel", 1);
	conf = paths_config_dir();
	cr_assert_str_eq(conf, "/home/someone/.config/unknot");
	free(conf);
}
