/*
 * cmd-config.c - `unknot config`: the effective settings, every key with
 * its meaning and default, printed as a config file that loads back as it
 * is (an example to start from, and a way to see what the files add up
 * to).  The text comes from the key tables (config_format), so it cannot
 * drift from what the loader accepts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"
#include "cmd.h"
#include "config.h"
#include "safety.h"
#include "text.h"
#include "util.h"

static int
config_exec(const struct cmd_args *a)
{
	(void)a;
	struct safety cat = {0};
	struct config cfg;
	if (cli_load_settings(&cat, &cfg) < 0)
		return 1;
	char **files = config_files();
	printf("# unknot settings: what is in effect, every key with its default.\n"
	       "# Read in this order, a later file winning key by key:\n");
	for (char **f = files; *f; f++) {
		/* cleaned: a newline in a path would end the comment */
		fputs("#   ", stdout);
		text_put(stdout, *f);
		printf("%s\n", access(*f, F_OK) == 0 ? "" : " (none)");
	}
	printf("# Save this as the last one to start from it; see unknot(1).\n\n");
	char *text = config_format(&cfg);
	fputs(text, stdout);
	free(text);
	strv_free(files);
	config_free(&cfg);
	safety_free(&cat);
	return 0;
}

const struct cmd_entry cmd_config_entry = {
	.name = "config",
	.summary = "the settings in effect, every default, as a valid config file",
	.details = "Save the output as ~/.config/unknot/config to start a config of your own.\n",
	.exec = config_exec,
};
