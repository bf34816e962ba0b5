/*
 * cmd.c - dispatch, option parsing, usage and completion, all read from
 * the command table (see cmd.h).
 *
 * A command's options are parsed with getopt_long() (--opt value,
 * --opt=value, unique abbreviations, "--" ends the options, options may
 * follow the arguments), then each value is checked against its kind and
 * range here, once, so that every command says the same thing about a bad
 * number or duration.  The handler gets only what passed.
 */
#include "cmd.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "duration.h"
#include "library.h"
#include "safety.h"
#include "util.h"

#ifndef VERSION
#define VERSION "0.1.0"
#endif

const struct cmd_entry *const cmd_table[] = {
	&cmd_home_entry,
	&cmd_run_entry,
	&cmd_timer_entry,
	&cmd_list_entry,
	&cmd_show_entry,
	&cmd_check_entry,
	&cmd_new_entry,
	&cmd_edit_entry,
	&cmd_history_entry,
	&cmd_stats_entry,
	&cmd_safety_entry,
	&cmd_health_entry,
	&cmd_remind_entry,
	&cmd_config_entry,
	&cmd_doctor_entry,
	&cmd_help_entry,
	&cmd_complete_entry,
	&cmd_table_entry,
	NULL,
};

static const char about[] =
    "A terminal coach for self-massage, stretching and posture breaks.\n";
static const char footer[] =
    "ROUTINE is an id (the file name without .routine) or a path.\n"
    "Durations: 90, 45s, 1m30s, 2h.  `unknot help COMMAND` tells more.\n"
    "See unknot(1) and unknot-routine(5).\n";

static const struct cmd_entry *
find_command(const char *name)
{
	for (const struct cmd_entry *const *e = cmd_table; *e; e++)
		if ((*e)->name[0] && strcmp((*e)->name, name) == 0)
			return *e;
	return NULL;
}

static size_t
count_options(const struct cmd_entry *e)
{
	size_t n = 0;
	while (e->options && e->options[n].name)
		n++;
	return n;
}

static int
option_index(const struct cmd_entry *e, const char *name)
{
	for (size_t i = 0; e->options && e->options[i].name; i++)
		if (strcmp(e->options[i].name, name) == 0)
			return (int)i;
	/* a handler asking for an option its entry does not have is a bug */
	fprintf(stderr, "unknot: internal error: %s has no option --%s\n", e->name, name);
	abort();
}

bool
args_has(const struct cmd_args *a, const char *name)
{
	return a->value[option_index(a->cmd, name)] != NULL;
}

const char *
args_get(const struct cmd_args *a, const char *name)
{
	return a->value[option_index(a->cmd, name)];
}

double
args_number(const struct cmd_args *a, const char *name, double fallback)
{
	int i = option_index(a->cmd, name);
	return a->value[i] ? a->number[i] : fallback;
}

/* ---- usage ------------------------------------------------------------ */

/*
 * "unknot run ROUTINE [--speed X] [--mute]", wrapped at 79 columns under
 * its first word; parent is "remind" for its subcommands, else NULL.
 * Options come after the arguments, or before them when the arguments are
 * a list ("check [--strict] FILE...").
 */
static void
print_synopsis(FILE *fp, const char *lead, const char *parent, const struct cmd_entry *e)
{
	struct buf line = {0};
	buf_addf(&line, "%sunknot%s%s%s%s", lead, parent ? " " : "", parent ? parent : "",
	    e->name[0] ? " " : "", e->name);
	size_t indent = line.len, col = line.len;
	bool list = e->args && strstr(e->args, "...");
	char word[96];
	for (int pass = 0; pass < 2; pass++) {
		bool args_now = (pass == 0) != list;
		if (args_now) {
			if (e->args && e->args[0]) {
				buf_addf(&line, " %s", e->args);
				col += 1 + strlen(e->args);
			}
			continue;
		}
		for (size_t i = 0; e->options && e->options[i].name; i++) {
			const struct cmd_option *o = &e->options[i];
			if (o->arg == ARG_NONE)
				snprintf(word, sizeof word, "[--%s]", o->name);
			else
				snprintf(word, sizeof word, "[--%s %s]", o->name, o->metavar);
			if (col + 1 + strlen(word) > 79) {
				buf_addf(&line, "\n%*s", (int)indent, "");
				col = indent;
			}
			buf_addf(&line, " %s", word);
			col += 1 + strlen(word);
		}
	}
	fprintf(fp, "%s\n", line.s);
	buf_free(&line);
	if (e->more_usage && !(lead[0] == 'u' && e->subcommands))
		fprintf(fp, "%*sunknot %s %s\n", (int)strlen(lead), "", e->name, e->more_usage);
}

static void
print_global_usage(FILE *fp)
{
	const char *lead = "usage: ";
	for (const struct cmd_entry *const *e = cmd_table; *e; e++) {
		if ((*e)->hidden)
			continue;
		print_synopsis(fp, lead, NULL, *e);
		lead = "       ";
	}
	fprintf(fp, "%sunknot help [COMMAND] | --help | --version\n\n%s\n", lead, about);
	for (const struct cmd_entry *const *e = cmd_table; *e; e++) {
		if ((*e)->hidden)
			continue;
		fprintf(fp, "  %-12s %s\n", (*e)->name[0] ? (*e)->name : "(no command)", (*e)->summary);
	}
	fprintf(fp, "  %-12s %s\n\n%s", "help", "this text, or a command's usage", footer);
}

static void
print_command_usage(FILE *fp, const char *parent, const struct cmd_entry *e)
{
	print_synopsis(fp, "usage: ", parent, e);
	for (const struct cmd_entry *const *sub = e->subcommands; sub && *sub; sub++)
		print_synopsis(fp, "       ", e->name, *sub);
	fprintf(fp, "\n%s\n", e->summary);
	if (e->details)
		fprintf(fp, "\n%s", e->details);
	if (e->subcommands) {
		fputs("\nSubcommands:\n", fp);
		for (const struct cmd_entry *const *sub = e->subcommands; *sub; sub++) {
			char head[48];
			snprintf(head, sizeof head, "%s%s%s", (*sub)->name, (*sub)->args ? " " : "",
			    (*sub)->args ? (*sub)->args : "");
			fprintf(fp, "  %-16s %s\n", head, (*sub)->summary);
		}
	}
	fputs("\nOptions:\n", fp);
	for (size_t i = 0; e->options && e->options[i].name; i++) {
		const struct cmd_option *o = &e->options[i];
		char head[48];
		if (o->arg == ARG_NONE)
			snprintf(head, sizeof head, "--%s", o->name);
		else
			snprintf(head, sizeof head, "--%s %s", o->name, o->metavar);
		if (strlen(head) > 16)
			fprintf(fp, "  %s\n  %-16s %s\n", head, "", o->help);
		else
			fprintf(fp, "  %-16s %s\n", head, o->help);
	}
	fputs("  --help           this text\n", fp);
}

/* ---- parsing ---------------------------------------------------------- */

/* "1m" or "4h" for a duration bound, "0.1" for a number. */
static void
bound_text(enum arg_kind kind, double v, char *out, size_t n)
{
	if (kind == ARG_DURATION)
		duration_words((long)v, out, n);
	else
		snprintf(out, n, "%g", v);
}

/* Check one value against its option's kind and range; 0 or EXIT_USAGE. */
static int
check_value(const struct cmd_entry *e, const struct cmd_option *o, const char *v, double *num)
{
	char lo[32], hi[32];
	bool ranged = o->min != 0 || o->max != 0;
	bound_text(o->arg, o->min, lo, sizeof lo);
	bound_text(o->arg, o->max, hi, sizeof hi);
	char *end;
	switch (o->arg) {
	case ARG_NUMBER:
	case ARG_INT:
		*num = strtod(v, &end);
		if (end == v || *end != '\0' || !isfinite(*num) || (o->arg == ARG_INT && *num != floor(*num)) ||
		    (ranged && (*num < o->min || *num > o->max))) {
			if (ranged)
				return cli_usage_error("--%s '%s': give a %s from %s to %s", o->name, v,
				    o->arg == ARG_INT ? "whole number" : "number", lo, hi);
			return cli_usage_error("--%s '%s': give a number", o->name, v);
		}
		return 0;
	case ARG_DURATION: {
		long secs;
		const char *why;
		if (duration_parse(v, &secs, &why) < 0)
			return cli_usage_error("--%s '%s': %s (a duration such as 90, 45s, 1m30s, 2h)", o->name,
			    v, why);
		if (ranged && (secs < o->min || secs > o->max))
			return cli_usage_error("--%s '%s': give a duration from %s to %s", o->name, v, lo, hi);
		*num = (double)secs;
		return 0;
	}
	default:
		(void)e;
		return 0;
	}
}

static const struct cmd_entry *
find_subcommand(const struct cmd_entry *e, const char *name)
{
	for (const struct cmd_entry *const *sub = e->subcommands; sub && *sub; sub++)
		if (strcmp((*sub)->name, name) == 0)
			return *sub;
	return NULL;
}

/* "run: " before an option's error; nothing for the home, whose name
 * "unknot: " already says. */
static const char *
option_who(void)
{
	static char who[72];
	bool home = strcmp(cli_command(), "unknot") == 0;
	snprintf(who, sizeof who, "%s%s", home ? "" : cli_command(), home ? "" : ": ");
	return who;
}

/*
 * What getopt_long() refused (it says '?' for all of these, opterr off):
 * an option it does not know (optopt: a short one, or 0), an abbreviation
 * of more than one (0: counted here), or a value for a long option that
 * takes none (optopt: that option's val).  arg is the word refused.
 * Returns EXIT_USAGE.
 */
static int
option_error(const struct cmd_entry *e, const struct option *lo, const char *arg, int opt)
{
	const char *who = option_who();
	if (strncmp(arg, "--", 2) != 0 || arg[2] == '\0') {
		char s[3] = {'-', (char)opt, '\0'};
		return cli_usage_error("%sunknown option '%s'", who, opt > 0 && opt < 128 ? s : arg);
	}
	if (opt != 0) {
		const char *name = opt == 'h' ? "help" : opt >= 256 ? e->options[opt - 256].name : "?";
		return cli_usage_error("%soption '--%s' takes no value ('%s')", who, name, arg);
	}
	size_t len = strcspn(arg + 2, "=");
	struct buf b = {0};
	size_t n = 0;
	for (size_t i = 0; lo[i].name; i++)
		if (strncmp(lo[i].name, arg + 2, len) == 0)
			n++;
	for (size_t i = 0, k = 0; n > 1 && lo[i].name; i++)
		if (strncmp(lo[i].name, arg + 2, len) == 0)
			buf_addf(&b, "%s--%s", k++ == 0 ? "" : k == n ? " or " : ", ", lo[i].name);
	int rc = n > 1 ? cli_usage_error("%soption '--%.*s' is ambiguous: %s?", who, (int)len, arg + 2, b.s)
	               : cli_usage_error("%sunknown option '--%.*s'", who, (int)len, arg + 2);
	buf_free(&b);
	return rc;
}

/*
 * Parse argv (argv[0] is the command's name) into a.  Returns 0, 1 when
 * the usage was printed for --help, or EXIT_USAGE after saying what is
 * wrong.
 */
static int
parse(const char *parent, const struct cmd_entry *e, int argc, char **argv, struct cmd_args *a)
{
	size_t n = count_options(e);
	if (n > CMD_MAX_OPTIONS) {
		fprintf(stderr, "unknot: internal error: %s has too many options\n", e->name);
		abort();
	}
	struct option *lo = xcalloc(n + 2, sizeof *lo);
	for (size_t i = 0; i < n; i++)
		lo[i] = (struct option){e->options[i].name,
		    e->options[i].arg == ARG_NONE ? no_argument : required_argument, NULL, 256 + (int)i};
	lo[n] = (struct option){"help", no_argument, NULL, 'h'};
	memset(a, 0, sizeof *a);
	a->cmd = e;
	optind = 0; /* glibc: start afresh */
	opterr = 0;
	int c, rc = 0;
	while (rc == 0 && (c = getopt_long(argc, argv, ":h", lo, NULL)) != -1) {
		const char *arg = argv[optind - 1];
		if (c == 'h') {
			print_command_usage(stdout, parent, e);
			rc = 1;
		} else if (c == ':') {
			/* optopt: the option's val, so an abbreviation is named in full */
			rc = cli_usage_error("%s--%s needs a value", option_who(),
			    optopt >= 256 ? e->options[optopt - 256].name : arg + strspn(arg, "-"));
		} else if (c == '?') {
			rc = option_error(e, lo, arg, optopt);
		} else {
			int i = c - 256;
			const struct cmd_option *o = &e->options[i];
			const char *v = o->arg == ARG_NONE ? "" : optarg;
			rc = check_value(e, o, v, &a->number[i]);
			a->value[i] = v;
		}
	}
	free(lo);
	if (rc)
		return rc;
	a->argc = argc - optind;
	a->argv = argv + optind;
	if (e->subcommands && a->argc > 0) {
		/* a subcommand is the first word (run_entry): this is none */
		struct buf b = {0};
		for (const struct cmd_entry *const *sub = e->subcommands; *sub; sub++)
			buf_addf(&b, "%s%s", sub == e->subcommands ? "" : ", ", (*sub)->name);
		if (find_subcommand(e, a->argv[0]))
			rc = cli_usage_error("%s: a subcommand comes first: unknot %s %s ...", cli_command(),
			    cli_command(), a->argv[0]);
		else
			rc = cli_usage_error("%s: unknown subcommand '%s' (%s)", cli_command(), a->argv[0], b.s);
		buf_free(&b);
		return rc;
	}
	const char *what = e->args && e->args[0] ? e->args : "arguments";
	if (a->argc < e->min_args)
		return cli_usage_error("%s needs %s", cli_command(), what);
	if (e->max_args >= 0 && a->argc > e->max_args) {
		if (e->max_args == 0)
			return cli_usage_error("%s takes no arguments ('%s' is one too many)", cli_command(),
			    a->argv[0]);
		return cli_usage_error("%s takes %s%s ('%s' is one too many)", cli_command(),
		    e->min_args == e->max_args ? "" : "at most ", what, a->argv[e->max_args]);
	}
	return 0;
}

/* Run the entry on argv (argv[0] its name); parent names the command of
 * a subcommand. */
static int
run_entry(const char *parent, const struct cmd_entry *e, int argc, char **argv)
{
	const struct cmd_entry *sub = argc > 1 ? find_subcommand(e, argv[1]) : NULL;
	if (sub)
		return run_entry(e->name, sub, argc - 1, argv + 1);
	char name[64];
	snprintf(name, sizeof name, "%s%s%s", parent ? parent : "", parent ? " " : "",
	    e->name[0] ? e->name : "unknot");
	cli_set_command(name);
	struct cmd_args a;
	int rc;
	if (e->raw) {
		memset(&a, 0, sizeof a);
		a.cmd = e;
		a.argc = argc - 1;
		a.argv = argv + 1;
		rc = 0;
	} else {
		rc = parse(parent, e, argc, argv, &a);
	}
	if (rc == 1)
		return 0; /* --help */
	if (rc)
		return rc;
	return e->exec(&a);
}

int
cmd_main(int argc, char **argv)
{
	if (argc < 2)
		return run_entry(NULL, &cmd_home_entry, 1, argv);
	const char *name = argv[1];
	if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
		print_global_usage(stdout);
		return 0;
	}
	if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
		printf("unknot %s\nCopyright (c) 2026 the unknot authors.\n"
		    "MIT licence: free to use, change and share; no warranty.  See LICENSE.\n", VERSION);
		return 0;
	}
	const struct cmd_entry *e = find_command(name);
	if (e)
		return run_entry(NULL, e, argc - 1, argv + 1);
	if (name[0] == '-')
		return run_entry(NULL, &cmd_home_entry, argc, argv); /* `unknot --bogus`: the home's options */
	return cli_usage_error("unknown command '%s'", name);
}

/* ---- help -------------------------------------------------------------- */

static int
help_exec(const struct cmd_args *a)
{
	if (a->argc == 0) {
		print_global_usage(stdout);
		return 0;
	}
	const struct cmd_entry *e = find_command(a->argv[0]);
	if (e == NULL || e->hidden)
		return cli_usage_error("no command called '%s'", a->argv[0]);
	const struct cmd_entry *sub = a->argc > 1 ? find_subcommand(e, a->argv[1]) : NULL;
	if (a->argc > 1 && sub == NULL)
		return cli_usage_error("%s has no subcommand called '%s'", e->name, a->argv[1]);
	print_command_usage(stdout, sub ? e->name : NULL, sub ? sub : e);
	return 0;
}

const struct cmd_entry cmd_help_entry = {
	.name = "help",
	.args = "[COMMAND]",
	.summary = "the usage of every command, or of one",
	.max_args = 2,
	.arg_kind = ARG_WORD,
	.hidden = true, /* listed by hand at the end of the usage */
	.exec = help_exec,
};

/* ---- the shells' completion ------------------------------------------- */

/*
 * `unknot _complete CWORD WORD...`: the words of the command line being
 * completed (WORD 0 is "unknot") and the index of the one under the
 * cursor.  Prints the candidates that start with it, one per line; the
 * lines ":files" and ":routine-files" ask the shell to complete file names
 * itself (so that it quotes them and adds "/" to folders).
 */
static void
complete_word(const char *head, const char *cur, const char *word)
{
	if (strncmp(word, cur, strlen(cur)) == 0)
		printf("%s%s\n", head, word);
}

static void
complete_prefix(const char *cur, const char *word)
{
	complete_word("", cur, word);
}

/* The values of a kind (routine ids, condition ids, the option's
 * examples), each after head ("--opt=" or ""). */
static void
complete_kind(enum arg_kind kind, const char *cur, const struct cmd_option *o, const char *head)
{
	switch (kind) {
	case ARG_ROUTINE: {
		struct library lib;
		library_scan(&lib);
		for (size_t i = 0; i < lib.n; i++)
			complete_word(head, cur, lib.v[i].id);
		library_free(&lib);
		if (head[0] == '\0')
			puts(":routine-files");
		break;
	}
	case ARG_FILE:
		if (head[0] == '\0')
			puts(":routine-files");
		break;
	case ARG_CONDITION: {
		struct safety cat = {0};
		struct diags d = {0};
		if (library_safety(&cat, &d) == 0)
			for (size_t i = 0; i < cat.n; i++)
				complete_word(head, cur, cat.v[i].id);
		diags_free(&d);
		safety_free(&cat);
		break;
	}
	default:
		break;
	}
	if (o && o->examples)
		for (const char *const *x = o->examples; *x; x++)
			complete_word(head, cur, *x);
}

static const struct cmd_option *
find_option(const struct cmd_entry *e, const char *word)
{
	if (strncmp(word, "--", 2) != 0)
		return NULL;
	size_t len = strcspn(word + 2, "=");
	for (size_t i = 0; e->options && e->options[i].name; i++)
		if (strlen(e->options[i].name) == len && strncmp(e->options[i].name, word + 2, len) == 0)
			return &e->options[i];
	return NULL;
}

static int
complete_exec(const struct cmd_args *a)
{
	if (a->argc < 2)
		return 0;
	int cword = atoi(a->argv[0]);
	char **words = a->argv + 1;
	int nwords = a->argc - 1;
	const char *cur = cword < nwords ? words[cword] : "";
	if (cword <= 1) {
		for (const struct cmd_entry *const *e = cmd_table; *e; e++)
			if ((*e)->name[0] && (!(*e)->hidden || *e == &cmd_help_entry))
				complete_prefix(cur, (*e)->name);
		if (cur[0] == '-') {
			complete_prefix(cur, "--help");
			complete_prefix(cur, "--version");
		}
		return 0;
	}
	const struct cmd_entry *e = find_command(words[1]);
	if (e == NULL)
		return 0;
	int first = 2; /* the first word after the command's name */
	const struct cmd_entry *sub = cword > 2 ? find_subcommand(e, words[2]) : NULL;
	if (sub) {
		e = sub;
		first = 3;
	} else if (cword == 2 && e->subcommands && cur[0] != '-') {
		for (const struct cmd_entry *const *s = e->subcommands; *s; s++)
			complete_prefix(cur, (*s)->name);
		return 0;
	}
	if (e == &cmd_help_entry) {
		if (cword == 2)
			for (const struct cmd_entry *const *x = cmd_table; *x; x++)
				if ((*x)->name[0] && !(*x)->hidden)
					complete_prefix(cur, (*x)->name);
		return 0;
	}
	/* what the words before the cursor were: options, values, arguments */
	int npos = 0;
	bool dashdash = false;
	const struct cmd_option *want = NULL; /* the option whose value is under the cursor */
	for (int i = first; i < cword; i++) {
		const char *w = words[i];
		if (want) {
			/* bash splits "--opt=value" at the "=": the value is the next word */
			if (strcmp(w, "=") != 0)
				want = NULL;
			continue;
		}
		if (!dashdash && strcmp(w, "--") == 0) {
			dashdash = true;
			continue;
		}
		const struct cmd_option *o = dashdash ? NULL : find_option(e, w);
		if (o) {
			if (o->arg != ARG_NONE && strchr(w, '=') == NULL)
				want = o;
			continue;
		}
		if (!dashdash && w[0] == '-' && w[1] != '\0')
			continue; /* an unknown option: ignore it */
		npos++;
	}
	if (want) {
		complete_kind(want->arg, strcmp(cur, "=") == 0 ? "" : cur, want, "");
		return 0;
	}
	/* "--opt=value" as one word (zsh; bash splits it): the candidates keep
	 * the "--opt=" in front */
	const struct cmd_option *eq = !dashdash && strchr(cur, '=') ? find_option(e, cur) : NULL;
	if (eq && eq->arg != ARG_NONE) {
		size_t skip = (size_t)(strchr(cur, '=') - cur) + 1;
		char head[64];
		snprintf(head, sizeof head, "%.*s", (int)skip, cur);
		complete_kind(eq->arg, cur + skip, eq, head);
		return 0;
	}
	if (!dashdash && cur[0] == '-') {
		for (size_t i = 0; e->options && e->options[i].name; i++) {
			char opt[64];
			snprintf(opt, sizeof opt, "--%s", e->options[i].name);
			complete_prefix(cur, opt);
		}
		complete_prefix(cur, "--help");
		return 0;
	}
	if (e->max_args >= 0 && npos >= e->max_args)
		return 0;
	if (e->arg_kind == ARG_WORD && e->words && npos == 0) {
		for (const char *const *w = e->words; *w; w++)
			complete_prefix(cur, *w);
		return 0;
	}
	complete_kind(e->arg_kind, cur, NULL, "");
	for (const char *const *x = e->examples; x && *x; x++)
		complete_prefix(cur, *x);
	return 0;
}

const struct cmd_entry cmd_complete_entry = {
	.name = "_complete",
	.args = "CWORD WORD...",
	.summary = "what the shells complete (for the completion scripts)",
	.min_args = 1,
	.max_args = -1,
	.hidden = true,
	.raw = true,
	.exec = complete_exec,
};

/* `unknot _table`: every command and option, one a line, for the man-page
 * check: "COMMAND", then "COMMAND\t--OPTION" for each of its options. */
static int
table_exec(const struct cmd_args *a)
{
	(void)a;
	for (const struct cmd_entry *const *e = cmd_table; *e; e++) {
		if ((*e)->hidden)
			continue;
		const char *name = (*e)->name[0] ? (*e)->name : "(home)";
		puts(name);
		for (size_t i = 0; (*e)->options && (*e)->options[i].name; i++)
			printf("%s\t--%s\n", name, (*e)->options[i].name);
	}
	return 0;
}

const struct cmd_entry cmd_table_entry = {
	.name = "_table",
	.summary = "every command and option (for the man-page check)",
	.hidden = true,
	.exec = table_exec,
};
