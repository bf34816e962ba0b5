/*
 * speech.c - the speech engines as child processes: see speech.h.  They
 * are started as every other program is (child.h: found on PATH, default
 * signal handling, a process group of their own, no terminal).
 */
#define _GNU_SOURCE /* memfd_create */
#include "speech.h"

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "child.h"
#include "util.h"

static const char *const engine_names[] = {
	[SPEECH_NONE] = "none",
	[SPEECH_DISPATCHER] = "speech-dispatcher",
	[SPEECH_ESPEAK] = "espeak-ng",
};
_Static_assert(ARRAY_LEN(engine_names) == SPEECH_ENGINE_COUNT, "one name per speech engine");

const char *
speech_engine_name(enum speech_engine e)
{
	return e >= 0 && e < SPEECH_ENGINE_COUNT ? engine_names[e] : "?";
}

enum speech_engine
speech_engine(void)
{
	const char *want = getenv("UNKNOT_SPEECH");
	if (want && *want) {
		for (int e = 0; e < SPEECH_ENGINE_COUNT; e++)
			if (strcmp(want, engine_names[e]) == 0)
				return e == SPEECH_NONE || child_on_path(e == SPEECH_DISPATCHER ? "spd-say" : "espeak-ng") ?
				    (enum speech_engine)e : SPEECH_NONE;
		return SPEECH_NONE;
	}
	if (child_on_path("spd-say"))
		return SPEECH_DISPATCHER;
	if (child_on_path("espeak-ng"))
		return SPEECH_ESPEAK;
	return SPEECH_NONE;
}

/* A memory file holding text, at offset 0: the child's standard input. */
static int
text_file(const char *text)
{
	int fd = memfd_create("unknot-text", MFD_CLOEXEC);
	if (fd < 0)
		return -1;
	size_t len = strlen(text);
	for (size_t off = 0; off < len;) {
		ssize_t w = write(fd, text + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			close(fd);
			return -1;
		}
		off += (size_t)w;
	}
	lseek(fd, 0, SEEK_SET);
	return fd;
}

struct speech_render {
	pid_t pid;        /* 0 once reaped */
	int out;          /* the memory file the child writes */
	int state;        /* 0 running, 1 done, -1 failed */
	unsigned char *wav;
	size_t len;
};

struct speech_render *
speech_render_start(const char *text)
{
	int in = text_file(text);
	if (in < 0)
		return NULL;
	int out = memfd_create("unknot-speech", MFD_CLOEXEC);
	if (out < 0) {
		close(in);
		return NULL;
	}
	char *argv[] = {"espeak-ng", "-v", "en-gb", "-s", "160", "--stdout", NULL};
	pid_t pid = child_spawn(argv, in, out);
	close(in);
	if (pid < 0) {
		close(out);
		return NULL;
	}
	struct speech_render *r = xcalloc(1, sizeof *r);
	r->pid = pid;
	r->out = out;
	return r;
}

static uint32_t
get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void
put32(unsigned char *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

/* Read what the child wrote.  espeak-ng writes the sizes of a stream it
 * cannot seek back into as "unknown" (0x7ffff000): set the real ones. */
static int
collect(struct speech_render *r)
{
	struct stat sb;
	if (fstat(r->out, &sb) < 0 || sb.st_size < 46 || sb.st_size > 64 * 1024 * 1024)
		return -1;
	r->len = (size_t)sb.st_size;
	r->wav = xmalloc(r->len);
	if (pread(r->out, r->wav, r->len, 0) != (ssize_t)r->len)
		return -1;
	unsigned char *w = r->wav;
	if (memcmp(w, "RIFF", 4) != 0 || memcmp(w + 8, "WAVEfmt ", 8) != 0)
		return -1;
	size_t data = 20 + get32(w + 16); /* after the fmt chunk */
	if (data + 8 > r->len || memcmp(w + data, "data", 4) != 0)
		return -1;
	put32(w + 4, (uint32_t)(r->len - 8));
	put32(w + data + 4, (uint32_t)(r->len - data - 8));
	return 1;
}

int
speech_render_poll(struct speech_render *r, bool wait)
{
	if (r->state != 0)
		return r->state;
	int status = 0;
	pid_t got;
	do
		got = waitpid(r->pid, &status, wait ? 0 : WNOHANG);
	while (got < 0 && errno == EINTR);
	if (got == 0)
		return 0;
	r->pid = 0;
	/* ECHILD: reaped by someone else (SIGCHLD ignored); judge by the output */
	if (got > 0 && !(WIFEXITED(status) && WEXITSTATUS(status) == 0))
		r->state = -1;
	else
		r->state = collect(r);
	close(r->out);
	r->out = -1;
	return r->state;
}

const void *
speech_render_wav(const struct speech_render *r, size_t *len)
{
	*len = r->state == 1 ? r->len : 0;
	return r->state == 1 ? r->wav : NULL;
}

void
speech_render_free(struct speech_render *r)
{
	if (r == NULL)
		return;
	if (r->pid > 0) {
		kill(r->pid, SIGKILL);
		while (waitpid(r->pid, NULL, 0) < 0 && errno == EINTR)
			;
	}
	if (r->out >= 0)
		close(r->out);
	free(r->wav);
	free(r);
}

/* spd-say children not yet reaped. */
static pid_t dispatched[8];

bool
speech_dispatch(const char *text)
{
	for (size_t i = 0; i < ARRAY_LEN(dispatched); i++)
		if (dispatched[i] > 0 && waitpid(dispatched[i], NULL, WNOHANG) != 0)
			dispatched[i] = 0;
	char *argv[] = {"spd-say", "--", (char *)text, NULL};
	pid_t pid = child_spawn(argv, -1, -1);
	if (pid < 0)
		return false;
	for (size_t i = 0; i < ARRAY_LEN(dispatched); i++)
		if (dispatched[i] <= 0) {
			dispatched[i] = pid;
			return true;
		}
	return true; /* more than 8 at once: that one is reaped by init after we exit */
}
