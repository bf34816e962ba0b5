/*
 * cli.c - messages, usage errors and loaders shared by the commands:
 * see cli.h.
 */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "library.h"
#include "routine.h"
#include "safety.h"
#include "text.h"
#include "util.h"

void
cli_vwarn(const char *fmt, va_list ap)
{
	/* messages quote paths, ids and values from outside: cleaned whole */
	char *msg = xvasprintf(fmt, ap);
	fputs("unknot: ", stderr);
	text_put(stderr, msg);
	fputc('\n', stderr);
	free(msg);
}

void
cli_warn(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	cli_vwarn(fmt, ap);
	va_end(ap);
}

static char command[64] = "unknot";

void
cli_set_command(const char *name)
{
	snprintf(command, sizeof command, "%s", name);
}

const char *
cli_command(void)
{
	return command;
}

void
cli_close_stdout(void)
{
	bool earlier = ferror(stdout) != 0;
	bool pending = __fpending(stdout) != 0;
	errno = 0;
	bool failed = fclose(stdout) != 0;
	int e = errno;
	/* a descriptor closed before anything was written is not an error */
	if (!earlier && (!failed || (e == EBADF && !pending)))
		return;
	if (failed && e != 0)
		cli_warn("write error: %s", strerror(e));
	else
		cli_warn("write error");
	_exit(1);
}

int
cli_usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	cli_vwarn(fmt, ap);
	va_end(ap);
	if (strcmp(command, "unknot") == 0)
		fputs("Try 'unknot --help' for more information.\n", stderr);
	else
		fprintf(stderr, "Try 'unknot help %s' for more information.\n", command);
	return EXIT_USAGE;
}

int
cli_load_safety(struct safety *cat)
{
	struct diags d = {0};
	int rc = library_safety(cat, &d);
	diags_print(&d, stderr);
	diags_free(&d);
	if (rc < 0) {
		cli_warn("the safety catalogue has errors (see above): fix it before going on");
		safety_free(cat);
	}
	return rc;
}

int
cli_load_settings(struct safety *cat, struct config *cfg)
{
	if (cli_load_safety(cat) < 0)
		return -1;
	struct diags d = {0};
	int rc = config_load(cfg, cat, &d);
	diags_print(&d, stderr); /* warnings too */
	diags_free(&d);
	if (rc < 0) {
		cli_warn("your settings have errors (see above): fix them, or move the file away to "
		    "use the defaults");
		config_free(cfg);
		safety_free(cat);
	}
	return rc;
}

/* The id a misspelt one most likely meant (as safety_closest does for
 * conditions): within two edits, or the only id that begins with it. */
static const char *
closest_id(const struct library *lib, const char *id)
{
	const char *best = NULL, *prefixed = NULL;
	size_t bestd = 3, nprefixed = 0, len = strlen(id);
	for (size_t i = 0; i < lib->n; i++) {
		size_t dist = edit_distance(id, lib->v[i].id, bestd);
		if (dist < bestd) {
			best = lib->v[i].id;
			bestd = dist;
		}
		if (len >= 3 && strncmp(lib->v[i].id, id, len) == 0) {
			prefixed = lib->v[i].id;
			nprefixed++;
		}
	}
	return best ? best : nprefixed == 1 ? prefixed : NULL;
}

struct routine *
cli_load_routine(const char *arg, struct safety *cat, enum source *source_out, char **overrides_out)
{
	struct library lib = {0};
	const char *path = arg;
	enum source source = SOURCE_PATH;
	char *overrides = NULL;
	if (!routine_arg_is_path(arg)) {
		library_scan(&lib);
		diags_print(&lib.problems, stderr); /* a folder not read says why */
		const struct entry *e = library_find(&lib, arg);
		if (e == NULL) {
			const char *near = closest_id(&lib, arg);
			if (near)
				cli_warn("no routine called '%s': did you mean %s? (`unknot list` shows them all)", arg, near);
			else
				cli_warn("no routine called '%s' (`unknot list` shows them all)", arg);
			library_free(&lib);
			return NULL;
		}
		path = e->path;
		source = e->source;
		overrides = e->overrides ? xstrdup(e->overrides) : NULL;
	}
	struct diags d = {0};
	struct routine *r = routine_load(path, cat, &d);
	diags_print(&d, stderr);
	if (r == NULL)
		cli_warn("%s has %zu error%s: fix %s and try again", path, d.errors, d.errors == 1 ? "" : "s",
		    d.errors == 1 ? "it" : "them");
	diags_free(&d);
	if (source_out)
		*source_out = source;
	if (overrides_out)
		*overrides_out = overrides;
	else
		free(overrides);
	library_free(&lib);
	return r;
}

