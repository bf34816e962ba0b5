/*
 * fuzz_config.c - libFuzzer harness for the settings loader
 * (config_load_file), as every command that runs a routine or the
 * reminder reads $XDG_CONFIG_HOME/unknot/config.
 *
 * Any byte string is written as a config file and loaded with the
 * bundled catalogue.  Whatever loads must hold values within the key
 * tables' ranges, and the effective settings, printed as a file
 * (config_format, what `unknot config` prints), must load back to the
 * same text.  Built by `make fuzz FUZZER=config` with clang, ASan and UBSan.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "lcfg.h"
#include "safety.h"
#include "util.h"

#include "scratch.h"

static struct safety cat;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (cat.n == 0) {
		struct diags d = {0};
		safety_load(&cat, "routines/safety.cfg", &d);
		diags_free(&d);
	}
	const char *path = scratch_write("config", data, size);
	struct config c;
	struct diags d = {0};
	int rc = config_load_file(&c, path, &cat, &d);
	for (size_t i = 0; i < d.n; i++)
		free(diag_format(&d.v[i]));
	if (rc == 0 && d.errors)
		abort();
	/* whatever was read is within the tables' ranges, errors or not */
	if (c.volume < 0 || c.volume > 100 || c.remind_every < 60 || c.remind_every > 8 * 3600 ||
	    c.remind_snooze < 60 || c.remind_snooze > 4 * 3600)
		abort();
	for (char **p = c.conditions; p && *p; p++)
		if (lcfg_text_problem(*p) || **p == '\0')
			abort();
	/* the effective settings as a file load back to the same settings */
	char *text = config_format(&c);
	scratch_write("config", text, strlen(text));
	struct config again;
	struct diags d2 = {0};
	if (config_load_file(&again, path, &cat, &d2) < 0)
		abort();
	char *text2 = config_format(&again);
	if (strcmp(text, text2) != 0)
		abort();
	free(text);
	free(text2);
	config_free(&c);
	config_free(&again);
	diags_free(&d);
	diags_free(&d2);
	unlink(path);
	return 0;
}
