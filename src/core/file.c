/* file.c - opening files that may be hostile: see file.h. */
#include "file.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h> /* renameat */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

#include "paths.h"

#define READ_FLAGS (O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)

/* Why an open failed, in words, for the errors people meet. */
static const char *
open_why(int err, unsigned check)
{
	if (err == ELOOP && (check & FILE_NOFOLLOW))
		return "is a symbolic link (refused: the file is read or written only where it is)";
	if (err == ENXIO)
		return "is not a regular file";
	return strerror(err);
}

/* True when gid is the user's own group: named after the user, and with
 * nobody else in its member list (Debian's user private groups, with
 * which umask 002 makes folders group-writable). */
static bool
private_group(gid_t gid)
{
	struct passwd *pw = getpwuid(geteuid());
	if (pw == NULL || pw->pw_gid != gid)
		return false;
	char name[256];
	size_t n = strlen(pw->pw_name);
	if (n >= sizeof name)
		return false;
	memcpy(name, pw->pw_name, n + 1);
	struct group *gr = getgrgid(gid);
	if (gr == NULL || strcmp(gr->gr_name, name) != 0)
		return false;
	for (char **m = gr->gr_mem; m && *m; m++)
		if (strcmp(*m, name) != 0)
			return false;
	return true;
}

static const char *
not_mine(const struct stat *st)
{
	if (st->st_uid != geteuid() && st->st_uid != 0)
		return "belongs to another user";
	if (st->st_mode & S_IWOTH)
		return "can be written by other users (chmod o-w it)";
	if ((st->st_mode & S_IWGRP) && !private_group(st->st_gid))
		return "can be written by its group (chmod g-w it)";
	return NULL;
}

const char *
file_not_mine(int fd)
{
	struct stat st;
	if (fstat(fd, &st) < 0)
		return strerror(errno);
	return not_mine(&st);
}

/* Check what fd is; close it and return -1 with *why when refused. */
static int
checked(int fd, unsigned check, const char **why)
{
	struct stat st;
	const char *bad = NULL;
	if (fstat(fd, &st) < 0)
		bad = strerror(errno);
	else if (S_ISDIR(st.st_mode))
		bad = "is a directory, not a file";
	else if (!S_ISREG(st.st_mode))
		bad = "is not a regular file";
	else if (check & FILE_MINE)
		bad = not_mine(&st);
	if (bad == NULL)
		return fd;
	close(fd);
	*why = bad;
	errno = EINVAL;
	return -1;
}

int
file_open_read(const char *path, unsigned check, const char **why)
{
	return file_openat_read(AT_FDCWD, path, check, why);
}

int
file_openat_read(int dirfd, const char *name, unsigned check, const char **why)
{
	int flags = READ_FLAGS | ((check & FILE_NOFOLLOW) ? O_NOFOLLOW : 0);
	int fd = openat(dirfd, name, flags);
	if (fd < 0) {
		*why = open_why(errno, check);
		return -1;
	}
	return checked(fd, check, why);
}

int
file_open_dir(const char *dir, bool create, const char **why)
{
	if (create && paths_mkdirs(dir, 0700) < 0) {
		*why = strerror(errno);
		return -1;
	}
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		*why = errno == ENOTDIR ? "is not a folder" : strerror(errno);
		return -1;
	}
	struct stat st;
	const char *bad = fstat(fd, &st) < 0 ? strerror(errno) : not_mine(&st);
	if (bad) {
		close(fd);
		*why = bad;
		errno = EPERM;
		return -1;
	}
	return fd;
}

int
file_openat_write(int dirfd, const char *name, int flags, mode_t mode, const char **why)
{
	/* O_NONBLOCK: a FIFO planted under the name fails (ENXIO) or is refused
	 * below instead of blocking until someone reads it */
	int fd = openat(dirfd, name, flags | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, mode);
	if (fd < 0) {
		*why = open_why(errno, FILE_NOFOLLOW);
		return -1;
	}
	fd = checked(fd, FILE_ANY, why);
	if (fd >= 0) {
		/* back to blocking writes: a full pipe is not possible on a
		 * regular file, but a short write must not look like EAGAIN */
		int fl = fcntl(fd, F_GETFL);
		if (fl >= 0)
			fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
	}
	return fd;
}

int
file_check_mine(const char *path, const char **why)
{
	int fd = file_open_read(path, FILE_MINE, why);
	if (fd < 0)
		return -1;
	close(fd);
	const char *slash = strrchr(path, '/');
	char dir[4096];
	if (slash == NULL)
		snprintf(dir, sizeof dir, ".");
	else if (slash == path)
		snprintf(dir, sizeof dir, "/");
	else
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
	const char *dwhy;
	int dfd = file_open_dir(dir, false, &dwhy);
	if (dfd < 0) {
		static char buf[160];
		snprintf(buf, sizeof buf, "is in a folder that %s", dwhy);
		*why = buf;
		errno = EPERM;
		return -1;
	}
	close(dfd);
	return 0;
}

int
file_write_atomic(const char *path, const char *text, mode_t mode, bool replace, const char **why)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
	const char *name = slash ? slash + 1 : path;
	int dfd = file_open_dir(dir, true, why);
	free(dir);
	if (dfd < 0)
		return -1;
	/* a dot file, so that no listing of the folder shows it */
	char *tmp = NULL;
	int fd = -1;
	for (unsigned n = 0; fd < 0 && n < 100; n++) {
		free(tmp);
		tmp = xasprintf(".%s.%ld.%u", name, (long)getpid(), n);
		fd = file_openat_write(dfd, tmp, O_WRONLY | O_CREAT | O_EXCL, mode, why);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	int rc = -1;
	if (fd >= 0) {
		size_t len = strlen(text), done = 0;
		while (done < len) {
			ssize_t w = write(fd, text + done, len - done);
			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0)
				break;
			done += (size_t)w;
		}
		if (done < len)
			*why = errno ? strerror(errno) : "short write";
		else if (fsync(fd) < 0 || fchmod(fd, mode) < 0)
			*why = strerror(errno);
		else if ((replace ? renameat(dfd, tmp, dfd, name) : linkat(dfd, tmp, dfd, name, 0)) < 0)
			*why = strerror(errno);
		else
			rc = 0;
		close(fd);
		if (rc < 0 || !replace)
			unlinkat(dfd, tmp, 0);
	}
	free(tmp);
	close(dfd);
	return rc;
}

/* The reason for a file over limit bytes (static: one per limit used). */
static const char *
too_large(size_t limit)
{
	static char why[64];
	if (limit % (1024 * 1024) == 0)
		snprintf(why, sizeof why, "is too large (the limit is %zu MiB)", limit / (1024 * 1024));
	else if (limit % 1024 == 0)
		snprintf(why, sizeof why, "is too large (the limit is %zu KiB)", limit / 1024);
	else
		snprintf(why, sizeof why, "is too large (the limit is %zu bytes)", limit);
	return why;
}

char *
read_file(const char *path, size_t limit, size_t *lenp, const char **why)
{
	int fd = file_open_read(path, FILE_ANY, why);
	if (fd < 0)
		return NULL;
	char *s = read_fd(fd, limit, lenp, why);
	close(fd);
	return s;
}

char *
read_fd(int fd, size_t limit, size_t *lenp, const char **why)
{
	struct stat st;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (unsigned long long)st.st_size > limit) {
		*why = too_large(limit);
		return NULL;
	}
	size_t cap = 4096, len = 0;
	char *s = xmalloc(cap);
	for (;;) {
		if (len > limit) {
			*why = too_large(limit);
			free(s);
			return NULL;
		}
		if (len + 1 >= cap) {
			cap *= 2;
			s = xrealloc(s, cap);
		}
		ssize_t n = read(fd, s + len, cap - 1 - len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			*why = strerror(errno);
			free(s);
			return NULL;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	s[len] = '\0';
	if (lenp)
		*lenp = len;
	return s;
}
