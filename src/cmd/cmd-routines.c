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
#include "file.h"
#include "flow.h"
#include "json.h"
#include "library.h"
#include "plan.h"
#include "routine.h"
#include "safety.h"
#include "screening.h"
#include "text.h"
#include "util.h"

/* The keys a routine has in list --json and show --json alike. */
/* What the plan does for this person, in the words list uses; NULL when
 * the routine runs as written. */
static const char *
for_you(const struct plan *p)
{
	return plan_refused(p) ? "not for you" : p->nchanges ? "adapted for you" :
	    p->declared_any ? "advice for you" : NULL;
}

static void
json_routine_head(struct json *j, const struct routine *r, enum source source, const char *overrides,
    const struct plan *p)
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
	/* the times as it runs for this person: the plan's */
	json_key_int(j, "seconds", routine_seconds(plan_shown(p)));
	json_key_int(j, "prepare_seconds", routine_prepare_seconds(plan_shown(p)));
	json_key_string(j, "for_you", for_you(p));
}

static void
json_list_item(struct json *j, const struct entry *e, const struct routine *r, const struct plan *p)
{
	json_begin_object(j);
	json_routine_head(j, r, e->source, e->overrides, p);
	json_key_int(j, "minutes", duration_minutes(routine_seconds(plan_shown(p))));
	json_key_int(j, "steps", (long long)plan_shown(p)->nsteps);
	json_end_object(j);
}

static int
list_exec(const struct cmd_args *a)
{
	bool as_json = args_has(a, "json");
	struct safety cat = {0};
	struct config cfg = {0};
	if (cli_load_settings(&cat, &cfg) < 0)
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
		config_free(&cfg);
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
		/* minutes and steps as they will run for this person (plan.h) */
		struct plan p;
		plan_make(&p, &cat, r, cfg.health.declared);
		if (as_json) {
			json_list_item(&j, e, r, &p);
		} else {
			text_pad(stdout, e->id, idw);
			printf("  ");
			text_pad(stdout, r->title, 32);
			const char *why = for_you(&p);
			printf("  %5ld  %5zu  %s%s%s%s\n", duration_minutes(routine_seconds(plan_shown(&p))), plan_shown(&p)->nsteps,
			    source_name(e->source), why ? "  (" : "", why ? why : "", why ? ")" : "");
		}
		plan_free(&p);
		routine_free(r);
	}
	if (as_json) {
		json_end_array(&j);
		json_finish(&j);
	}
	library_free(&lib);
	config_free(&cfg);
	safety_free(&cat);
	return broken ? 1 : 0;
}

/* label + text wrapped to width, continuation lines hanging under the text. */
static void
print_wrapped(const char *label, const char *text, int indent, int width)
{
	if (*text == '\0') {
		putchar('\n');
		return;
	}
	int lw = text_width(label);
	char **lines = text_wrap(text, width - indent - lw);
	for (char **l = lines; *l; l++) {
		printf("%*s", l == lines ? indent : indent + lw, "");
		if (l == lines)
			text_put(stdout, label); /* a condition's words may come from the user's catalogue */
		printf("%s\n", *l);
	}
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
show_json(const struct routine *r, enum source source, const char *overrides, const struct plan *p)
{
	struct json j;
	json_init(&j, stdout);
	json_begin_object(&j);
	json_routine_head(&j, r, source, overrides, p);
	json_key_strings(&j, "warnings", r->warnings);
	json_key_int(&j, "prepare", r->prepare);
	/* what the plan changes, as the screening says it */
	json_key(&j, "adaptations");
	json_begin_array(&j);
	for (size_t i = 0; i < p->nchanges; i++) {
		char *line = plan_change_text(&p->changes[i]);
		json_string(&j, line);
		free(line);
	}
	json_end_array(&j);
	/* the steps as they run (as written when the plan refuses them all) */
	const struct routine *shown = plan_shown(p);
	json_key(&j, "steps");
	json_begin_array(&j);
	for (size_t i = 0; i < shown->nsteps; i++) {
		const struct step *s = &shown->steps[i];
		const struct plan_step *ps = shown == &p->run ? &p->steps[i] : NULL;
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
		json_key_string(&j, "instead_of", ps && ps->change ? ps->change->from->title : NULL);
		json_key(&j, "advice");
		json_begin_array(&j);
		for (size_t k = 0; ps && k < ps->ncautions; k++)
			json_string(&j, ps->cautions[k]->id);
		json_end_array(&j);
		json_end_object(&j);
	}
	json_end_array(&j);
	json_end_object(&j);
	json_finish(&j);
}

/* What a step names for authors: its conditions and replacements. */
static void
print_step_conditions(const struct step *s)
{
	print_list("     Not with: ", s->contraindications);
	for (size_t k = 0; k < s->ninstead; k++) {
		struct buf b = {0};
		for (char **id = s->instead[k].for_ids; id && *id; id++)
			buf_addf(&b, "%s%s", b.len ? ", " : "", *id);
		char *label = xasprintf("     Instead, for %s: ", b.s ? b.s : "");
		print_wrapped(label, s->instead[k].title, 0, 78);
		free(label);
		buf_free(&b);
	}
}

static int
show_exec(const struct cmd_args *a)
{
	struct safety cat = {0};
	struct config cfg = {0};
	if (cli_load_settings(&cat, &cfg) < 0)
		return 1;
	enum source source;
	char *overrides = NULL;
	struct routine *r = cli_load_routine(a->argv[0], &cat, &source, &overrides);
	if (r == NULL) {
		config_free(&cfg);
		safety_free(&cat);
		return 1;
	}
	/* ids and paths are file names: cleaned like every text from outside */
	struct plan plan;
	plan_make(&plan, &cat, r, cfg.health.declared);
	if (args_has(a, "json")) {
		show_json(r, source, overrides, &plan);
		plan_free(&plan);
		free(overrides);
		routine_free(r);
		config_free(&cfg);
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
	for (int g = 0; g < PLAN_GROUP_COUNT; g++) {
		char *ids = plan_undeclared_ids(&plan, (enum plan_group)g);
		if (ids)
			print_wrapped(plan_group_label((enum plan_group)g), ids, 0, 78);
		free(ids);
	}
	for (char **w = r->warnings; w && *w; w++)
		print_wrapped("Warning: ", *w, 0, 78);
	/* what the screening says with a profile: the same words (screening.h) */
	if (plan.declared_any || plan_refused(&plan)) {
		struct screening sc;
		screening_make(&sc, &plan, &cat, true);
		printf("\n");
		for (size_t i = 0; i < sc.body.n; i++)
			print_wrapped(sc.body.v[i].label, sc.body.v[i].text, sc.body.v[i].indent, 78);
		screening_free(&sc);
	}
	printf("\n");
	/* refused: the steps as written, since none will run */
	const struct routine *shown = plan_shown(&plan);
	for (size_t i = 0; i < shown->nsteps; i++) {
		const struct step *s = &shown->steps[i];
		const struct plan_step *ps = shown == &plan.run ? &plan.steps[i] : NULL;
		duration_clock(step_seconds(s), t, sizeof t);
		printf("%2zu. ", i + 1);
		text_put(stdout, s->title);
		printf(" (%s) %s\n", step_type_name(s->type), t);
		print_bouts(s);
		if (ps && ps->change) {
			char *why = plan_why_text(ps->change->why);
			char *line = xasprintf("\"%s\", for %s", ps->change->from->title, why);
			print_wrapped("     Instead of ", line, 0, 78);
			free(line);
			free(why);
		}
		const char *move = step_move_text(step_move(shown, i)); /* as the player says it first */
		if (move)
			print_wrapped("", move, 5, 78);
		if (s->how)
			print_wrapped("How: ", s->how, 5, 78);
		if (s->pressure)
			print_wrapped("Pressure: ", s->pressure, 5, 78);
		if (s->caution)
			print_wrapped("Caution: ", s->caution, 5, 78);
		for (size_t k = 0; ps && k < ps->ncautions; k++) {
			char *label = condition_label(ps->cautions[k]);
			print_wrapped(label, ps->cautions[k]->advice, 5, 78);
			free(label);
		}
		if (ps == NULL || ps->change == NULL)
			print_step_conditions(s);
	}
	duration_clock(routine_seconds(shown), t, sizeof t);
	duration_clock(routine_prepare_seconds(shown), p, sizeof p);
	printf("\nTotal %s in %zu step%s", t, shown->nsteps, shown->nsteps == 1 ? "" : "s");
	if (routine_prepare_seconds(shown))
		printf(", plus %s to get ready", p);
	printf("\n");
	plan_free(&plan);
	free(overrides);
	routine_free(r);
	config_free(&cfg);
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
	struct flow_line *flags;
	size_t nflags = flow_red_flag_lines(&cat, NULL, &flags);
	for (size_t i = 0; i < nflags; i++)
		print_wrapped(flags[i].label, flags[i].text, flags[i].indent, 78);
	flow_lines_free(flags, nflags);
	printf("\nCONTRAINDICATIONS: ids routine files use\n");
	for (int level = SAFETY_STOP; level >= SAFETY_CAUTION; level--) {
		printf("\n%s\n", level == SAFETY_STOP ? "Stop: if you have one of these, do not start a routine that lists it" :
		    "Caution: take the advice before you start");
		for (size_t i = 0; i < cat.n; i++) {
			const struct condition *c = &cat.v[i];
			if ((int)c->level != level)
				continue;
			char *label = xasprintf("  %s: ", c->id);
			printf("\n");
			print_wrapped(label, c->title, 0, 78);
			free(label);
			print_wrapped("", c->advice, 4, 78);
		}
	}
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
