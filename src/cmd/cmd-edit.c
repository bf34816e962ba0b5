/*
 * cmd-edit.c - `unknot new` and `unknot edit`: writing routine files of
 * your own.  Like `crontab -e`, edit works on a temporary copy and only a
 * file that passes check replaces the old one, atomically (write, fsync,
 * rename), so no mistake made in the editor ever breaks a working routine.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"
#include "cmd.h"
#include "config.h"
#include "duration.h"
#include "file.h"
#include "library.h"
#include "paths.h"
#include "routine.h"
#include "safety.h"
#include "text.h"
#include "util.h"

/* A name people can type and share: lower-case letters, digits, - and _. */
static const char *
name_problem(const char *name)
{
	size_t n = strlen(name);
	if (n == 0 || n > 64)
		return "a name has 1 to 64 characters";
	if (!islower((unsigned char)name[0]) && !isdigit((unsigned char)name[0]))
		return "a name starts with a lower-case letter or a digit";
	for (const char *p = name; *p; p++)
		if (!islower((unsigned char)*p) && !isdigit((unsigned char)*p) && *p != '-' && *p != '_')
			return "a name has only lower-case letters, digits, '-' and '_'";
	return NULL;
}

/* The user's routine folder, or NULL (said) when there is no home folder. */
static char *
user_dir(void)
{
	char *conf = paths_config_dir();
	if (conf == NULL) {
		cli_warn("cannot find your home folder: set HOME (or XDG_CONFIG_HOME)");
		return NULL;
	}
	char *dir = xasprintf("%s/routines", conf);
	free(conf);
	return dir;
}

/* The template: every key with its meaning and default, from the tables
 * that check uses, so the two never disagree. */
static char *
template(const char *name)
{
	struct buf b = {0};
	buf_addf(&b, "# %s.routine: a routine of your own for unknot (see `man unknot-routine`).\n"
		     "# Check it with `unknot check`, preview it with `unknot run --speed 10 %s`.\n"
		     "#\n# Routine keys:\n", name, name);
	for (size_t i = 0; i < routine_nkeys; i++)
		lcfg_key_comment(&b, "", &routine_keys[i], true);
	buf_addf(&b, "#\n# Step keys:\n");
	for (size_t i = 0; i < step_nkeys; i++)
		lcfg_key_comment(&b, "", &step_keys[i], true);
	buf_addf(&b, "#\n# A replacement step in 'instead' has the step keys (but not\n"
		     "# contraindications and instead) and:\n");
	lcfg_key_comment(&b, "", &instead_keys[0], true);
	buf_addf(&b, "#\n# A step takes n = reps x (sides ? 2 : 1) bouts of duration, with rest between:\n"
		     "# n x duration + (n - 1) x rest.\n\n"
		     "version = 1;\n"
		     "title = \"My routine\";\n"
		     "summary = \"What it is for, in a sentence.\";\n"
		     "level = \"gentle\";\n"
		     "equipment = [\"mat\"];\n"
		     "areas = [\"lower back\"];\n"
		     "contraindications = [];            # ids from `unknot safety`\n"
		     "warnings = [];\n"
		     "prepare = 5;\n\n"
		     "steps = (\n"
		     "  { type = \"stretch\"; title = \"Knee to chest\";\n"
		     "    how = \"On your back, hug one knee gently toward your chest.\";\n"
		     "    duration = \"30s\"; sides = true; reps = 2; rest = 5; floor = true; },\n"
		     "  { type = \"posture\"; title = \"Pelvic tilts\";\n"
		     "    how = \"Flatten the lower back into the floor, then let it arch gently.\";\n"
		     "    duration = 45; floor = true; }\n"
		     ");\n");
	return b.s;
}

/*
 * Would a routine of the user's called name hide another (bundled, system
 * or data)?  Then say which, what the reminder has to do with it, and the
 * ways on, and return true.
 */
static bool
would_shadow(const char *name)
{
	struct library lib;
	library_scan(&lib);
	const struct entry *e = library_find(&lib, name);
	bool shadow = e && e->source != SOURCE_USER;
	if (shadow) {
		/* the reminder starts its routine by id: a new file would change
		 * every break (read quietly: the config's problems are not new's) */
		struct config cfg;
		struct diags d = {0};
		config_load(&cfg, NULL, &d);
		diags_free(&d);
		bool reminder = cfg.remind_routine && strcmp(cfg.remind_routine, name) == 0;
		config_free(&cfg);
		char *path = text_clean(e->path);
		cli_warn("a routine of your own called '%s' would hide the %s routine '%s' (%s)%s", name,
		    source_name(e->source), name, path,
		    reminder ? ", the one the reminder starts at every break" : "");
		fprintf(stderr, "  `unknot edit %s` changes a copy of it; `unknot new NAME --from %s` starts\n"
		    "  from it under another name; `unknot new %s --force` writes a new one anyway\n",
		    name, name, name);
		free(path);
	}
	library_free(&lib);
	return shadow;
}

static int
new_exec(const struct cmd_args *a)
{
	const char *name = a->argv[0], *from = args_get(a, "from");
	const char *why = name_problem(name);
	if (why)
		return cli_usage_error("'%s': %s", name, why);
	if (!args_has(a, "force") && would_shadow(name))
		return 1;

	char *text = NULL;
	if (from) {
		struct safety cat = {0};
		if (cli_load_safety(&cat) < 0)
			return 1;
		char *over = NULL;
		enum source source;
		struct routine *r = cli_load_routine(from, &cat, &source, &over);
		free(over);
		safety_free(&cat);
		if (r == NULL)
			return 1;
		size_t len;
		text = read_file(r->path, LCFG_FILE_LIMIT, &len, &why);
		routine_free(r);
		if (text == NULL) {
			cli_warn("cannot read %s: %s", from, why);
			return 1;
		}
	} else {
		text = template(name);
	}
	char *dir = user_dir();
	if (dir == NULL) {
		free(text);
		return 1;
	}
	char *path = xasprintf("%s/%s.routine", dir, name);
	int rc = 0;
	if (access(path, F_OK) == 0) {
		cli_warn("%s already exists: `unknot edit %s` changes it", path, name);
		rc = 1;
	} else if (paths_mkdirs(dir, 0755) < 0) {
		cli_warn("cannot create %s: %s", dir, strerror(errno));
		rc = 1;
	} else if (file_write_atomic(path, text, 0644, false, &why) < 0) {
		cli_warn("cannot write %s: %s", path, why);
		rc = 1;
	} else {
		text_put(stdout, path);
		putchar('\n');
	}
	free(text);
	free(path);
	free(dir);
	return rc;
}

/*
 * The signals that end a command (SIGINT, SIGTERM, SIGHUP) while the
 * temporary copy exists: blocked, so that none can end the process before
 * the copy is removed, and taken only where edit waits for a person: in
 * pselect() at the question, and after the editor.  (Not the event loop's
 * set-up: that one holds SIGTSTP too, and Ctrl-Z in the editor must stop
 * this process with it.)  The editor gets the signals as they were: exec
 * resets a handler, and its mask is set back before.
 */
static const int ending[] = {SIGINT, SIGTERM, SIGHUP};
static volatile sig_atomic_t end_signal;

static void
on_end_signal(int sig)
{
	end_signal = sig;
}

struct signals {
	sigset_t saved_mask, waiting; /* waiting: the mask inside pselect */
	struct sigaction saved[ARRAY_LEN(ending)];
};

static void
signals_hold(struct signals *g)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_end_signal;
	sigemptyset(&sa.sa_mask);
	sigset_t block;
	sigemptyset(&block);
	for (size_t i = 0; i < ARRAY_LEN(ending); i++) {
		sigaction(ending[i], &sa, &g->saved[i]);
		sigaddset(&block, ending[i]);
	}
	sigprocmask(SIG_BLOCK, &block, &g->saved_mask);
	g->waiting = g->saved_mask;
	for (size_t i = 0; i < ARRAY_LEN(ending); i++)
		sigdelset(&g->waiting, ending[i]);
	end_signal = 0;
}

/* Back as they were.  One that came since it was last looked for (the
 * copy is gone by now) then ends the process as it would have. */
static void
signals_release(const struct signals *g)
{
	for (size_t i = 0; i < ARRAY_LEN(ending); i++)
		sigaction(ending[i], &g->saved[i], NULL);
	sigprocmask(SIG_SETMASK, &g->saved_mask, NULL);
}

/* Take sig when it is pending; true when it was. */
static bool
take_pending(int sig)
{
	struct timespec zero = {0, 0};
	sigset_t one;
	sigemptyset(&one);
	sigaddset(&one, sig);
	return sigtimedwait(&one, NULL, &zero) == sig;
}

/*
 * After the editor: the signal that came meanwhile and ends the command,
 * or 0.  A Ctrl-C at the terminal reaches the editor and us alike; when the
 * editor lived through it (vi minds it itself), it was the editor's and is
 * dropped.  SIGTERM and SIGHUP were meant for us; so is any of the three
 * that ended the editor.
 */
static int
editor_signal(int editor_status)
{
	if (take_pending(SIGTERM))
		return SIGTERM;
	if (take_pending(SIGHUP))
		return SIGHUP;
	take_pending(SIGINT);
	for (size_t i = 0; i < ARRAY_LEN(ending); i++)
		if (WIFSIGNALED(editor_status) && WTERMSIG(editor_status) == ending[i])
			return ending[i];
	return 0;
}

/* Run the user's editor on path; true when it exited 0.  *status: how it ended. */
static bool
run_editor(const char *path, const struct signals *g, int *status)
{
	const char *ed = getenv("VISUAL");
	if (ed == NULL || *ed == '\0')
		ed = getenv("EDITOR");
	if (ed == NULL || *ed == '\0')
		ed = "vi";
	pid_t pid = fork();
	if (pid == 0) {
		sigprocmask(SIG_SETMASK, &g->saved_mask, NULL);
		/* through sh, as crontab does, so that EDITOR="code -w" works;
		 * the file name is an argument, never part of the command text.
		 * exec: the editor is our child, so that a Ctrl-C it lives
		 * through (vi) is not taken for one that ended it (dash, as sh,
		 * dies of it while it waits); env, so that EDITOR="VAR=x vi"
		 * still sets VAR as the shell would */
		char *cmd = xasprintf("exec env %s \"$1\"", ed);
		execl("/bin/sh", "sh", "-c", cmd, "sh", path, (char *)NULL);
		_exit(127);
	}
	int st = 0;
	*status = 0;
	if (pid < 0)
		return false;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return false;
	*status = st;
	if (WIFEXITED(st) && WEXITSTATUS(st) == 127)
		cli_warn("could not run the editor '%s': set VISUAL or EDITOR", ed);
	return WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

/* "Edit again?"  Yes unless the answer starts with n; no without a
 * terminal or at its end.  The ending signals are taken while it waits:
 * *sig is the one that came, and the answer is no. */
static bool
ask_again(const struct signals *g, int *sig)
{
	*sig = 0;
	if (!isatty(STDIN_FILENO))
		return false;
	fprintf(stderr, "Edit again? [Y/n] (n discards your changes) ");
	char first = '\0', c;
	for (size_t n = 0;; n++) {
		fd_set in;
		FD_ZERO(&in);
		FD_SET(STDIN_FILENO, &in);
		if (pselect(STDIN_FILENO + 1, &in, NULL, NULL, NULL, &g->waiting) < 0) {
			if (errno == EINTR && end_signal) {
				*sig = end_signal;
				fputc('\n', stderr);
				return false;
			}
			if (errno != EINTR)
				return false;
			continue;
		}
		ssize_t r = read(STDIN_FILENO, &c, 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return false;
		if (c == '\n')
			break;
		if (n == 0)
			first = c;
	}
	return first != 'n' && first != 'N';
}

static int
edit_exec(const struct cmd_args *a)
{
	char *const *argv = a->argv;
	struct safety cat = {0};
	if (cli_load_safety(&cat) < 0)
		return 1;

	/* what to edit: a path as it is; an id in the user's folder, where a
	 * bundled or data routine is first copied */
	char *target, *source, *dir = NULL;
	if (routine_arg_is_path(argv[0])) {
		target = xstrdup(argv[0]);
		source = xstrdup(argv[0]);
	} else {
		struct library lib;
		library_scan(&lib);
		const struct entry *e = library_find(&lib, argv[0]);
		dir = user_dir();
		if (dir == NULL) {
			library_free(&lib);
			safety_free(&cat);
			return 1;
		}
		target = xasprintf("%s/%s.routine", dir, argv[0]);
		source = e ? xstrdup(e->path) : NULL;
		library_free(&lib);
		if (source == NULL) {
			cli_warn("no routine called '%s': `unknot new %s` starts one", argv[0], argv[0]);
			free(dir);
			free(target);
			safety_free(&cat);
			return 1;
		}
	}
	/* a copy of a bundled or data routine is made only when there is
	 * something to save: an unchanged file changes nothing, so the id
	 * keeps following the bundled routine */
	bool copying = strcmp(source, target) != 0;
	const char *why;
	size_t len;
	char *old = read_file(source, LCFG_FILE_LIMIT, &len, &why);
	int rc = 1;
	struct signals sigs;
	bool sigs_held = false;
	if (old == NULL) {
		cli_warn("cannot read %s: %s", source, why);
		goto out;
	}
	signals_hold(&sigs);
	sigs_held = true;
	char *tmpl = xasprintf("%s/unknot-XXXXXX.routine", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	int fd = mkstemps(tmpl, 8);
	bool copied = fd >= 0 && write(fd, old, len) == (ssize_t)len;
	if (fd >= 0 && close(fd) < 0)
		copied = false;
	if (!copied) {
		cli_warn("cannot make a temporary copy in %s: %s", tmpl, strerror(errno));
		if (fd >= 0)
			unlink(tmpl);
		free(tmpl);
		goto out;
	}
	int sig = 0, status;
	for (;;) {
		bool edited_ok = run_editor(tmpl, &sigs, &status);
		if ((sig = editor_signal(status))) {
			cli_warn("stopped by a signal: nothing changed");
			break;
		}
		if (!edited_ok) {
			/* keep the copy only when it holds something of the user's */
			char *now = read_file(tmpl, LCFG_FILE_LIMIT, NULL, &why);
			bool edited = now && strcmp(now, old) != 0;
			free(now);
			if (edited) {
				cli_warn("the editor failed: nothing changed (your edit is kept in %s)", tmpl);
			} else {
				cli_warn("the editor failed: nothing changed");
				unlink(tmpl);
			}
			free(tmpl);
			goto out;
		}
		char *now = read_file(tmpl, LCFG_FILE_LIMIT, &len, &why);
		if (now == NULL) {
			cli_warn("cannot read back %s: %s", tmpl, why);
			break;
		}
		if (strcmp(now, old) == 0) {
			fprintf(stderr, "unknot: no changes\n");
			free(now);
			rc = 0;
			break;
		}
		/* check under the name the file will have */
		struct diags dd = {0};
		char *copy = xstrdup(now);
		struct routine *r = routine_parse(target, copy, len, &cat, &dd);
		free(copy);
		diags_print(&dd, stderr);
		if (r) {
			routine_free(r);
			if (copying && paths_mkdirs(dir, 0755) < 0) {
				cli_warn("cannot create %s: %s (your edit is kept in %s)", dir, strerror(errno), tmpl);
				free(now);
				diags_free(&dd);
				free(tmpl);
				goto out;
			}
			if (file_write_atomic(target, now, 0644, true, &why) < 0) {
				cli_warn("cannot save %s: %s (your edit is kept in %s)", target, why, tmpl);
				free(now);
				diags_free(&dd);
				free(tmpl);
				goto out;
			}
			text_put(stdout, target);
			putchar('\n');
			rc = 0;
			free(now);
			diags_free(&dd);
			break;
		}
		if (access(target, F_OK) == 0)
			cli_warn("%zu error%s: %s was not changed", dd.errors, dd.errors == 1 ? "" : "s", target);
		else
			cli_warn("%zu error%s: nothing was saved", dd.errors, dd.errors == 1 ? "" : "s");
		diags_free(&dd);
		free(now);
		if (!ask_again(&sigs, &sig)) {
			fprintf(stderr, "unknot: changes discarded\n");
			break;
		}
	}
	unlink(tmpl);
	free(tmpl);
	if (sig)
		rc = 128 + sig; /* as a shell says a command ended by it */
out:
	if (sigs_held)
		signals_release(&sigs);
	free(old);
	free(dir);
	free(target);
	free(source);
	safety_free(&cat);
	return rc;
}

static const struct cmd_option new_options[] = {
	{"from", ARG_ROUTINE, "ROUTINE", "start from a copy of that routine instead of the template", 0, 0, NULL},
	{"force", ARG_NONE, NULL, "write it even when it hides a bundled or installed routine", 0, 0, NULL},
	{0},
};

const struct cmd_entry cmd_new_entry = {
	.name = "new",
	.args = "NAME",
	.summary = "start a routine file of your own (a template, or a copy)",
	.details = "NAME is lower-case letters, digits, - and _, such as my-back.\n",
	.options = new_options,
	.min_args = 1,
	.max_args = 1,
	.arg_kind = ARG_NAME,
	.exec = new_exec,
};

const struct cmd_entry cmd_edit_entry = {
	.name = "edit",
	.args = "ROUTINE",
	.summary = "edit a routine in $VISUAL/$EDITOR; saved only once it checks",
	.min_args = 1,
	.max_args = 1,
	.arg_kind = ARG_ROUTINE,
	.exec = edit_exec,
};
