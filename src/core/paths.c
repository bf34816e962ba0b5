/* paths.c - the data folder and the XDG folders: see paths.h. */
#include "paths.h"

#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

#ifndef DATADIR
#define DATADIR "/usr/local/share/unknot"
#endif
#ifndef MODULEDIR
#define MODULEDIR "/usr/local/lib/unknot"
#endif

/* The folder of the running executable, or NULL. */
static char *
exe_dir(void)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	char *slash = strrchr(buf, '/');
	if (slash == NULL)
		return NULL;
	*slash = '\0';
	return xstrdup(buf);
}

/* The checkout this binary was built in (its parent folder), or NULL. */
static char *
checkout_dir(void)
{
	char *dir = exe_dir();
	if (dir == NULL)
		return NULL;
	char *probe = xasprintf("%s/../routines/safety.cfg", dir);
	bool found = access(probe, R_OK) == 0;
	free(probe);
	if (!found) {
		free(dir);
		return NULL;
	}
	char *top = xasprintf("%s/..", dir);
	free(dir);
	char real[PATH_MAX];
	if (realpath(top, real)) {
		free(top);
		return xstrdup(real);
	}
	return top;
}

/*
 * Each folder is found by one function that also says why, in why (n
 * bytes; why may be NULL): the public functions and paths_folder() share
 * the rule.
 */
static void
say(char *why, size_t n, const char *fmt, const char *var)
{
	if (why)
		snprintf(why, n, fmt, var);
}

static char *
data_dir(char *why, size_t n)
{
	const char *env = getenv("UNKNOT_DATA_DIR");
	if (env && *env) {
		say(why, n, "from %s", "UNKNOT_DATA_DIR");
		return xstrdup(env);
	}
	char *top = checkout_dir();
	say(why, n, top ? "the checkout %s was built in" : "built in (%s not set)",
	    top ? "build/unknot" : "UNKNOT_DATA_DIR");
	return top ? top : xstrdup(DATADIR);
}

static char *
module_dir(char *why, size_t n)
{
	const char *env = getenv("UNKNOT_MODULE_DIR");
	if (env && *env) {
		say(why, n, "from %s", "UNKNOT_MODULE_DIR");
		return xstrdup(env);
	}
	char *top = checkout_dir();
	say(why, n, top ? "beside %s, in its checkout" : "built in (%s not set)",
	    top ? "build/unknot" : "UNKNOT_MODULE_DIR");
	if (top) {
		free(top);
		return exe_dir();
	}
	return xstrdup(MODULEDIR);
}

char *paths_data_dir(void) { return data_dir(NULL, 0); }
char *paths_module_dir(void) { return module_dir(NULL, 0); }

char *
paths_home(void)
{
	const char *home = getenv("HOME");
	if (home && home[0] == '/')
		return xstrdup(home);
	/* never a shared folder such as /tmp: another user could fill it */
	struct passwd *pw = getpwuid(getuid());
	if (pw && pw->pw_dir && pw->pw_dir[0] == '/')
		return xstrdup(pw->pw_dir);
	return NULL;
}

static char *
xdg_why(const char *var, const char *fallback, char *why, size_t n)
{
	const char *v = getenv(var);
	if (v && v[0] == '/') {
		say(why, n, "from %s", var);
		return xasprintf("%s/unknot", v);
	}
	say(why, n, v && *v ? "the default: %s is not an absolute path, so it is ignored" :
	    "the default: %s is not set", var);
	char *home = paths_home();
	if (home == NULL) {
		say(why, n, "none: %s is not set and there is no home folder (set HOME)", var);
		return NULL;
	}
	char *dir = xasprintf("%s/%s/unknot", home, fallback);
	free(home);
	return dir;
}

char *paths_config_dir(void) { return xdg_why("XDG_CONFIG_HOME", ".config", NULL, 0); }
char *paths_user_data_dir(void) { return xdg_why("XDG_DATA_HOME", ".local/share", NULL, 0); }
char *paths_state_dir(void) { return xdg_why("XDG_STATE_HOME", ".local/state", NULL, 0); }

char *
paths_config_file(const char *name)
{
	char *dir = paths_config_dir();
	if (dir == NULL)
		return NULL;
	char *p = xasprintf("%s/%s", dir, name);
	free(dir);
	return p;
}

static char *
runtime_dir(char *why, size_t n)
{
	const char *v = getenv("XDG_RUNTIME_DIR");
	if (v && v[0] == '/') {
		say(why, n, "from %s", "XDG_RUNTIME_DIR");
		return xasprintf("%s/unknot", v);
	}
	say(why, n, v && *v ? "%s is not an absolute path: a folder in /tmp" :
	    "%s is not set: a folder in /tmp", "XDG_RUNTIME_DIR");
	return xasprintf("/tmp/unknot-%ld", (long)getuid());
}

char *paths_runtime_dir(void) { return runtime_dir(NULL, 0); }

/* The text of an XDG list variable, or its default when unset or empty. */
static const char *
xdg_list_text(const char *var, const char *fallback, char *why, size_t n)
{
	const char *v = getenv(var);
	say(why, n, v && *v ? "from %s" : "the default: %s is not set", var);
	return v && *v ? v : fallback;
}

static char **
xdg_list(const char *var, const char *fallback)
{
	const char *v = xdg_list_text(var, fallback, NULL, 0);
	char **out = xcalloc(1, sizeof *out);
	while (*v) {
		size_t n = strcspn(v, ":");
		size_t keep = n;
		while (keep > 1 && v[keep - 1] == '/')
			keep--;
		if (v[0] == '/') {
			char *dir = xasprintf("%.*s/unknot", keep == 1 ? 0 : (int)keep, v);
			out = strv_push(out, dir);
			free(dir);
		}
		v += n;
		if (*v == ':')
			v++;
	}
	return out;
}

#define DATA_DIRS_DEFAULT "/usr/local/share/:/usr/share/"
#define CONFIG_DIRS_DEFAULT "/etc/xdg"
char **paths_system_data_dirs(void) { return xdg_list("XDG_DATA_DIRS", DATA_DIRS_DEFAULT); }
char **paths_system_config_dirs(void) { return xdg_list("XDG_CONFIG_DIRS", CONFIG_DIRS_DEFAULT); }

static const char *const folder_names[] = {
	[PATHS_DATA] = "data",
	[PATHS_MODULE] = "module",
	[PATHS_CONFIG] = "config",
	[PATHS_USER_DATA] = "your data",
	[PATHS_STATE] = "state",
	[PATHS_RUNTIME] = "runtime",
	[PATHS_SYSTEM_DATA] = "system data",
	[PATHS_SYSTEM_CONFIG] = "system config",
};
_Static_assert(ARRAY_LEN(folder_names) == PATHS_FOLDER_COUNT, "a name for every folder");

const char *
paths_folder_name(enum paths_folder f)
{
	return f < PATHS_FOLDER_COUNT ? folder_names[f] : "?";
}

char *
paths_folder(enum paths_folder f, char *why, size_t n)
{
	switch (f) {
	case PATHS_DATA: return data_dir(why, n);
	case PATHS_MODULE: return module_dir(why, n);
	case PATHS_CONFIG: return xdg_why("XDG_CONFIG_HOME", ".config", why, n);
	case PATHS_USER_DATA: return xdg_why("XDG_DATA_HOME", ".local/share", why, n);
	case PATHS_STATE: return xdg_why("XDG_STATE_HOME", ".local/state", why, n);
	case PATHS_RUNTIME: return runtime_dir(why, n);
	case PATHS_SYSTEM_DATA: return xstrdup(xdg_list_text("XDG_DATA_DIRS", DATA_DIRS_DEFAULT, why, n));
	case PATHS_SYSTEM_CONFIG: return xstrdup(xdg_list_text("XDG_CONFIG_DIRS", CONFIG_DIRS_DEFAULT, why, n));
	case PATHS_FOLDER_COUNT: break;
	}
	say(why, n, "%s", "?");
	return NULL;
}

int
paths_mkdirs(const char *dir, int mode)
{
	char *p = xstrdup(dir);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0700) < 0 && errno != EEXIST) {
			int e = errno;
			free(p);
			errno = e;
			return -1;
		}
		*s = '/';
	}
	int rc = mkdir(p, (mode_t)mode);
	int e = errno;
	free(p);
	if (rc < 0 && e != EEXIST) {
		errno = e;
		return -1;
	}
	return 0;
}

char *
paths_find_sound(const char *name)
{
	if (strchr(name, '/') || name[0] == '.' || name[0] == '\0')
		return NULL;
	char *dirs[2] = {paths_user_data_dir(), paths_data_dir()};
	char *found = NULL;
	for (int i = 0; i < 2; i++) {
		if (dirs[i] == NULL)
			continue;
		char *p = xasprintf("%s/audio/%s", dirs[i], name);
		if (found == NULL && access(p, R_OK) == 0)
			found = p;
		else
			free(p);
		free(dirs[i]);
	}
	return found;
}
