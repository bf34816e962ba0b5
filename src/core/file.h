/*
 * file.h - the one way unknot opens a file: whatever sits at a path may
 * be a FIFO, a device, a symbolic link planted by someone else, or a file
 * another user can rewrite, and none of these may hang, mislead or be
 * written through.
 *
 * Reading: file_open_read() opens O_RDONLY|O_CLOEXEC|O_NOCTTY|O_NONBLOCK
 * (a FIFO with no writer never blocks the open, the read or the process)
 * and checks with fstat() that what was opened is a regular file.
 *
 * The user's own folders (config, data, state): file_open_dir() opens one
 * and checks the folder itself, as opened, is the user's (or root's) and
 * that nobody else can write in it, so that nobody else can put a file or
 * a symbolic link there.  Files in it are then opened relative to it
 * (file_openat_*), and a file that is written is never reached through a
 * symbolic link (O_NOFOLLOW).
 *
 * Every function returns a descriptor (close-on-exec) or -1 with errno
 * set and *why a static, human-readable reason ("No such file or
 * directory", "is not a regular file", "can be written by other users",
 * ...) that callers print after the path.
 */
#ifndef UNKNOT_FILE_H
#define UNKNOT_FILE_H

#include <stdbool.h>
#include <sys/types.h>

/* Options for the file_open*_read functions. */
enum file_check {
	FILE_ANY = 0,
	FILE_NOFOLLOW = 1 << 0, /* refuse a symbolic link as the last component */
	FILE_MINE = 1 << 1,     /* the file must be the user's (or root's), writable by nobody else */
};

/* Open path for reading (see above); a regular file only. */
int file_open_read(const char *path, unsigned check, const char **why);
/* The same for name in the folder dirfd. */
int file_openat_read(int dirfd, const char *name, unsigned check, const char **why);

/*
 * Open the folder dir, creating it 0700 (and missing parents 0700) first
 * when create is true, and check that it can hold the user's files: a
 * folder owned by the user or root that no other user can write in (a
 * group of the user's own, as Debian gives every user, does not count as
 * another user).  Returns an O_DIRECTORY descriptor.
 */
int file_open_dir(const char *dir, bool create, const char **why);

/*
 * Open name in the folder dirfd (from file_open_dir) for writing, with
 * flags (O_WRONLY, O_APPEND, O_CREAT, O_TRUNC, O_EXCL...) and mode for a
 * new file; never through a symbolic link, and only a regular file.
 */
int file_openat_write(int dirfd, const char *name, int flags, mode_t mode, const char **why);

/* The same checks on a descriptor already open (fstat): NULL when the file
 * may be trusted as the user's own, else why not. */
const char *file_not_mine(int fd);

/*
 * For a file read by path afterwards (the config, the user's catalogue):
 * 0 when path is a regular file that is the user's (or root's), in a
 * folder that is too, neither writable by anyone else, so that what is
 * read next is what was checked; else -1 with errno (ENOENT: there is no
 * such file) and *why.  A symbolic link is followed (dotfile managers
 * link the config): the file it leads to is what is checked.
 */
int file_check_mine(const char *path, const char **why);

/*
 * Replace (or, without replace, create: EEXIST when it appeared) the file
 * at path with text, atomically: written to a new dot file beside it in its
 * folder (opened with file_open_dir, created 0700 when missing), flushed,
 * then renamed (or linked) over it, never through a symbolic link.  Readers
 * see the old file or the new one, never half of one.  Returns 0, or -1
 * with *why.
 */
int file_write_atomic(const char *path, const char *text, mode_t mode, bool replace, const char **why);

/*
 * Read the regular file at path (opened with file_open_read())
 * into a NUL-terminated buffer of at most limit bytes.  On failure returns
 * NULL and sets *why to a human-readable reason ("No such file or
 * directory", "is a directory, not a file", "is too large (the limit is
 * 1 MiB)", ...).
 */
char *read_file(const char *path, size_t limit, size_t *len, const char **why);
/* The same from an open descriptor, to its end (standard input for
 * `check -`); the caller closes fd. */
char *read_fd(int fd, size_t limit, size_t *len, const char **why);

#endif
