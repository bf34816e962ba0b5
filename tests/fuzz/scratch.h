/*
 * scratch.h - the one file a harness writes its input into, shared by the
 * file harnesses (config, history).  The loaders read state and settings
 * only from a folder of the user's own (file.h), so the file lives in a
 * private folder made on first use and removed at exit.
 */
#ifndef UNKNOT_FUZZ_SCRATCH_H
#define UNKNOT_FUZZ_SCRATCH_H

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char scratch_dir[] = "/dev/shm/unknot-fuzz-XXXXXX", scratch_path[64];

static void
scratch_remove(void)
{
	unlink(scratch_path);
	rmdir(scratch_dir);
}

/* Writes data as the file NAME in the private folder; returns its path. */
static const char *
scratch_write(const char *name, const void *data, size_t size)
{
	if (scratch_path[0] == '\0') {
		if (mkdtemp(scratch_dir) == NULL)
			abort();
		atexit(scratch_remove);
		snprintf(scratch_path, sizeof scratch_path, "%s/%s", scratch_dir, name);
	}
	int fd = open(scratch_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0 || write(fd, data, size) != (ssize_t)size)
		abort();
	close(fd);
	return scratch_path;
}

#endif
