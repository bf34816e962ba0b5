/*
 * fuzz_control.c - libFuzzer harness for the reminder socket's request
 * parser (control_parse), the one place a request from the socket is
 * read.  Any byte string is a line; a request it accepts must be exactly
 * one of the documented forms, and its duration in the config's range.
 * Built by `make fuzz-control` with clang, ASan and UBSan.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "control.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct control_request req;
	char why[200];
	if (control_parse((const char *)data, size, &req, why, sizeof why) < 0) {
		if (strlen(why) == 0)
			abort(); /* a refusal always says why */
		return 0;
	}
	const char *word = control_verb_name(req.verb);
	size_t wlen = strlen(word);
	/* accepted: the word, alone or with one argument for snooze and pause */
	if (size < wlen || memcmp(data, word, wlen) != 0)
		abort();
	if (size == wlen) {
		if (req.secs != 0)
			abort();
		return 0;
	}
	if (data[wlen] != ' ' || (req.verb != CONTROL_SNOOZE && req.verb != CONTROL_PAUSE))
		abort();
	long max = req.verb == CONTROL_SNOOZE ? 4 * 3600 : 12 * 3600;
	if (req.secs < 60 || req.secs > max)
		abort();
	return 0;
}
