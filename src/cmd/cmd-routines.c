/*
 * cmd-routines.c - the commands that read routine files without a
 * terminal UI: list, show, check and safety.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cmd.h"
#include "config.h"
#include "duration.h"
#include "json.h"
#include "library.h"
#include "routine.h"
#include "safety.h"
#include "text.h"
#include "util.h"

/* A whole number of minutes, at least 1: what list shows. */
static long
minutes(long secs)
{
	return secs < 60 ? 1 : (secs + 30) / 60;
}

/* The keys a routine has in list --json and show --json alike. */
static void
json_routine_head(struct json *j, const struct routine *r, enum source source, const char *overrides)
{
	json_key_string(j, "id", r->id);
	json_key_string(j, "title", r->title);
	json_key_string(j, "summary", r->summary);
	json_key_string(j, "level", routine_level_name(r->level));
	json_key_string(j, "source", source_name(source));
	json_key_string(j, "path", r->path);
	json_key_string(j, "overrides", overrides);
	json_key_strings(j, "areas", r->areas);
	json_key_strings(j, "equipment", r->equipment);
	json_key_strings(j, "contraindications", r->contraindications);
	json_key_int(j, "seconds", routine_seconds(r));
	json_key_int(j, "prepare_seconds", routine_prepare_seconds(r));
}

static void
json_list_item(struct json *j, const struct entry *e, const struct routine *r)
{
	json_begin_object(j);
	json_routine_head(j, r, e->source, e->overrides);
	json_key_int(j, "minutes", minutes(routine_seconds(r)));
	json_key_int(j, "steps", (long long)r->nsteps);
	json_end_object(j);
}

static int
list_exec(const struct cmd_args *a)
{
	bool as_json = args_has(a, "json");
	struct safety cat = {0};
	if (cli_load_safety(&cat) < 0)
		return 1;
	struct library lib;
	library_scan(&lib);
	diags_print(&lib.problems, stderr);
	if (lib.n == 0) {
		struct buf where = {0};
		for (size_t i = 0; i < lib.ndirs; i++)
			buf_addf(&where, "%s%s", i == 0 ? "" : i + 1 == lib.ndirs ? " or " : ", ",
			    lib.dirs[i].path);
		cli_warn("no routines found in %s", where.s ? where.s : "any folder");
		buf_free(&where);
		library_free(&lib);
		safety_free(&cat);
		return 1;
	}
	int broken = 0;
	int idw = 2;
	for (size_t i = 0; i < lib.n; i++) {
		int w = text_width(lib.v[i].id);
		if (w > idw)
			idw = w;
	}
	if (idw > 24)
		idw = 24;
	struct json j;
	if (as_json) {
		json_init(&j, stdout);
		json_begin_array(&j);
	} else {
		text_pad(stdout, "ID", idw);
		printf("  ");
		text_pad(stdout, "TITLE", 32);
		printf("  %5s  %5s  %s\n", "MIN", "STEPS", "FROM");
	}
	for (size_t i = 0; i < lib.n; i++) {
		const struct entry *e = &lib.v[i];
		struct diags d = {0};
		struct routine *r = routine_load(e->path, &cat, &d);
		diags_free(&d);
		if (r == NULL) {
			cli_warn("%s has errors: run `unknot check %s`", e->path, e->path);
			broken++;
			continue;
		}
		if (as_json) {
			json_list_item(&j, e, r);
		} else {
			text_pad(stdout, e->id, idw);
			printf("  ");
			text_pad(stdout, r->title, 32);
			printf("  %5ld  %5zu  %s\n", minutes(routine_seconds(r)), r->nsteps,
			    source_name(e->source));
		}
		routine_free(r);
	}
	if (as_json) {
		json_end_array(&j);
		json_finish(&j);
	}
	library_free(&lib);
	safety_free(&cat);
	return broken ? 1 : 0;
}

/* label + text wrapped to width, continuation lines hanging under the text. */
static void
print_wrapped(const char *label, const char *text, int indent, int width)
{
	int lw = text_width(label);
	char **lines = text_wrap(text, width - indent - lw);
	for (char **l = lines; *l; l++)
		printf("%*s%s%s\n", l == lines ? indent : indent + lw, "", l == lines ? label : "", *l);
	strv_free(lines);
}

/* "Left 0:30 · rest 0:05 · Right 0:30" (" - " without UTF-8): every bout
 * of a step, in order. */
static void
print_bouts(const struct step *s)
{
	char d[16], rest[16];
	duration_clock(s->duration, d, sizeof d);
	duration_clock(s->rest, rest, sizeof rest);
	int n = step_bouts(s);
	struct buf b = {0};
	if (n == 1)
		return; /* the step's own line says it all */
	if (n > 8) {
		if (s->sides)
			buf_addf(&b, "%d reps of %s on the left side, then %d on the right", s->reps, d, s->reps);
		else
			buf_addf(&b, "%d reps of %s", s->reps, d);
		if (s->rest)
			buf_addf(&b, ", %s rest between", rest);
	}
	const char *sep = text_glyph(GLYPH_SEP);
	for (int i = 0; n <= 8 && i < n; i++) {
		if (i > 0 && s->rest)
			buf_addf(&b, "%srest %s%s", sep, rest, sep);
		else if (i > 0)
			buf_addf(&b, "%s", sep);
		if (s->sides)
			buf_addf(&b, "%s%s", i < s->reps ? "Left" : "Right", s->reps > 1 ? " " : "");
		if (s->reps > 1)
			buf_addf(&b, "%s%d/%d", s->sides ? "rep " : "Rep ", i % s->reps + 1, s->reps);
		buf_addf(&b, " %s", d);
	}
	print_wrapped("", b.s, 5, 78);
	buf_free(&b);
}

static void
print_list(const char *label, char **v)
{
	if (v == NULL || v[0] == NULL)
		return;
	struct buf b = {0};
	for (size_t i = 0; v[i]; i++)
		buf_addf(&b, "%s%s", i ? ", " : "", v[i]);
	print_wrapped(label, b.s, 0, 78);
	buf_free(&b);
}

static void
show_json(const struct routine *r, enum source source, const char *overrides)
{
	struct json j;
	json_init(&j, stdout);
	json_begin_object(&j);
	json_routine_head(&j, r, source, overrides);
	json_key_strings(&j, "warnings", r->warnings);
	json_key_int(&j, "prepare", r->prepare);
	json_key(&j, "steps");
	json_begin_array(&j);
	for (size_t i = 0; i < r->nsteps; i++) {
		const struct step *s = &r->steps[i];
		json_begin_object(&j);
		json_key_int(&j, "number", (long long)i + 1);
		json_key_string(&j, "type", step_type_name(s->type));
		json_key_string(&j, "title", s->title);
		json_key_string(&j, "how", s->how);
		json_key_string(&j, "pressure", s->pressure);
		json_key_string(&j, "caution", s->caution);
		json_key_string(&j, "sound", s->sound);
		json_key_int(&j, "duration", s->duration);
		json_key_bool(&j, "sides", s->sides);
		json_key_int(&j, "reps", s->reps);
		json_key_int(&j, "rest", s->rest);
		json_key_int(&j, "seconds", step_seconds(s));
		json_key_strings(&j, "contraindications", s->contraindications);
		json_end_object(&j);
	}
	json_end_array(&j);
	json_end_object(&j);
	json_finish(&j);
}

static int
show_exec(const struct cmd_args *a)
{
	struct safety cat = {0};
	if (cli_load_safety(&cat) < 0)
		return 1;
	enum source source;
	char *overrides = NULL;
	struct routine *r = cli_load_routine(a->argv[0], &cat, &source, &overrides);
	if (r == NULL) {
		safety_free(&cat);
		return 1;
	}
	/* ids and paths are file names: cleaned like every text from outside */
	if (args_has(a, "json")) {
		show_json(r, source, overrides);
		free(overrides);
		routine_free(r);
		safety_free(&cat);
		return 0;
	}
	char t[16], p[16];
	text_put(stdout, r->title);
	putchar('\n');
	text_put(stdout, r->id);
	printf(" (%s: ", source_name(source));
	text_put(stdout, r->path);
	printf(")\n");
	if (overrides) {
		printf("overrides ");
		text_put(stdout, overrides);
		putchar('\n');
	}
	if (r->summary)
		print_wrapped("", r->summary, 0, 78);
	printf("Level: %s\n", routine_level_name(r->level));
	print_list("Areas: ", r->areas);
	print_list("Equipment: ", r->equipment);
	print_list("Contraindications: ", r->contraindications);
	for (char **w = r->warnings; w && *w; w++)
		print_wrapped("Warning: ", *w, 0, 78);
	printf("\n");
	for (size_t i = 0; i < r->nsteps; i++) {
		const struct step *s = &r->steps[i];
		duration_clock(step_seconds(s), t, sizeof t);
		printf("%2zu. ", i + 1);
		text_put(stdout, s->title);
		printf(" (%s) %s\n", step_type_name(s->type), t);
		print_bouts(s);
		if (s->how)
			print_wrapped("How: ", s->how, 5, 78);
		if (s->pressure)
			print_wrapped("Pressure: ", s->pressure, 5, 78);
		if (s->caution)
			print_wrapped("Caution: ", s->caution, 5, 78);
		print_list("     Contraindications: ", s->contraindications);
	}
	duration_clock(routine_seconds(r), t, sizeof t);
	duration_clock(routine_prepare_seconds(r), p, sizeof p);
	printf("\nTotal %s in %zu step%s", t, r->nsteps, r->nsteps == 1 ? "" : "s");
	if (routine_prepare_seconds(r))
		printf(", plus %s to get ready", p);
	printf("\n");
	free(overrides);
	routine_free(r);
	safety_free(&cat);
	return 0;
}

/*
 * What `check ARG` reads: "-" is standard input; an existing file, or
 * anything shaped like a path, is that file; otherwise a routine id, as
 * for run, show and edit.  Returns the text (NULL after adding why to d)
 * and the name diagnostics use.
 */
static char *
check_read(const char *arg, struct library *lib, const char **name, size_t *len, struct diags *d)
{
	const char *why;
	char *text;
	*name = arg;
	if (strcmp(arg, "-") == 0) {
		*name = "<stdin>";
		text = read_fd(STDIN_FILENO, LCFG_FILE_LIMIT, len, &why);
	} else {
		const char *path = arg;
		if (!routine_arg_is_path(arg) && access(arg, F_OK) != 0) {
			if (lib->dirs == NULL)
				library_scan(lib);
			const struct entry *e = library_find(lib, arg);
			if (e == NULL) {
				diags_add(d, arg, 0, DIAG_ERROR, "no such file, and no routine with that id "
				    "(`unknot list` shows them)");
				return NULL;
			}
			path = *name = e->path;
		}
		text = read_file(path, LCFG_FILE_LIMIT, len, &why);
	}
	if (text == NULL)
		diags_add(d, *name, 0, DIAG_ERROR, "cannot read: %s", why);
	return text;
}

static int
check_exec(const struct cmd_args *a)
{
	bool strict = args_has(a, "strict");
	struct safety cat = {0};
	if (cli_load_safety(&cat) < 0)
		return 1;
	struct library lib = {0};
	int failed = 0;
	for (int i = 0; i < a->argc; i++) {
		struct diags d = {0};
		const char *name;
		size_t len;
		char *text = check_read(a->argv[i], &lib, &name, &len, &d);
		struct routine *r = text ? routine_parse(name, text, len, &cat, &d) : NULL;
		free(text);
		diags_print(&d, stderr);
		if (r == NULL || (strict && d.warnings))
			failed++;
		else if (d.n == 0) {
			char t[16];
			text_put(stdout, name);
			printf(": ok, %zu step%s, %s\n", r->nsteps, r->nsteps == 1 ? "" : "s",
			    duration_clock(routine_seconds(r), t, sizeof t));
		}
		routine_free(r);
		diags_free(&d);
	}
	library_free(&lib);
	safety_free(&cat);
	return failed ? 1 : 0;
}

static int
safety_exec(const struct cmd_args *a)
{
	(void)a;
	struct safety cat = {0};
	if (cli_load_safety(&cat) < 0)
		return 1;
	printf("RED FLAGS: stop, and get medical help\n\n");
	printf("Go to emergency care now if back pain comes with:\n");
	for (char **p = cat.emergency; p && *p; p++)
		print_wrapped("  - ", *p, 0, 78);
	printf("\nSee a doctor or physiotherapist soon if:\n");
	for (char **p = cat.urgent; p && *p; p++)
		print_wrapped("  - ", *p, 0, 78);
	printf("\nCONTRAINDICATIONS: ids routine files use\n");
	for (int level = SAFETY_STOP; level >= SAFETY_CAUTION; level--) {
		printf("\n%s\n", level == SAFETY_STOP ? "Stop: if you have one of these, do not start a routine that lists it" :
		    "Caution: take the advice before you start");
		for (size_t i = 0; i < cat.n; i++) {
			const struct condition *c = &cat.v[i];
			if (c->level != level)
				continue;
			printf("\n  ");
			text_put(stdout, c->id);
			printf(": ");
			text_put(stdout, c->title);
			putchar('\n');
			print_wrapped("", c->advice, 4, 78);
		}
	}
	printf("\nThis is general information, not medical advice.\n");
	safety_free(&cat);
	return 0;
}

static const struct cmd_option list_options[] = {
	{"json", ARG_NONE, NULL, "a JSON array of routines, titles whole (keys in unknot(1))", 0, 0, NULL},
	{0},
};

const struct cmd_entry cmd_list_entry = {
	.name = "list",
	.summary = "one line per routine: id, title, minutes, steps, where it comes from",
	.options = list_options,
	.exec = list_exec,
};

static const struct cmd_option show_options[] = {
	{"json", ARG_NONE, NULL, "the routine and its steps as a JSON object (keys in unknot(1))", 0, 0, NULL},
	{0},
};

const struct cmd_entry cmd_show_entry = {
	.name = "show",
	.args = "ROUTINE",
	.options = show_options,
	.summary = "the plan as text: every step, side, rep, rest, and the total",
	.min_args = 1,
	.max_args = 1,
	.arg_kind = ARG_ROUTINE,
	.exec = show_exec,
};

static const struct cmd_option check_options[] = {
	{"strict", ARG_NONE, NULL, "fail on warnings too", 0, 0, NULL},
	{0},
};

const struct cmd_entry cmd_check_entry = {
	.name = "check",
	.args = "FILE...",
	.summary = "validate routine files, compiler-style",
	.details = "FILE is a routine file, a routine id (as for run), or - for standard input.\n"
	    "Problems are printed as FILE:LINE: error: MESSAGE; a clean file gets one line.\n",
	.options = check_options,
	.min_args = 1,
	.max_args = -1,
	.arg_kind = ARG_ROUTINE,
	.exec = check_exec,
};

const struct cmd_entry cmd_safety_entry = {
	.name = "safety",
	.summary = "red flags and the contraindication catalogue",
	.exec = safety_exec,
};
