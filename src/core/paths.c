/* paths.c - the data folder and the XDG folders: see paths.h. */
#include "paths.h"

#include <errno.h>
#include <limits.h>
#include <pwd.h>
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

char *
paths_data_dir(void)
{
	const char *env = getenv("UNKNOT_DATA_DIR");
	if (env && *env)
		return xstrdup(env);
	char *top = checkout_dir();
	return top ? top : xstrdup(DATADIR);
}

char *
paths_module_dir(void)
{
	const char *env = getenv("UNKNOT_MODULE_DIR");
	if (env && *env)
		return xstrdup(env);
	char *top = checkout_dir();
	if (top) {
		free(top);
		return exe_dir();
	}
	return xstrdup(MODULEDIR);
}

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
xdg(const char *var, const char *fallback)
{
	const char *v = getenv(var);
	if (v && v[0] == '/')
		return xasprintf("%s/unknot", v);
	char *home = paths_home();
	if (home == NULL)
		return NULL;
	char *dir = xasprintf("%s/%s/unknot", home, fallback);
	free(home);
	return dir;
}

char *paths_config_dir(void) { return xdg("XDG_CONFIG_HOME", ".config"); }
char *paths_user_data_dir(void) { return xdg("XDG_DATA_HOME", ".local/share"); }
char *paths_state_dir(void) { return xdg("XDG_STATE_HOME", ".local/state"); }

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

char *
paths_runtime_dir(void)
{
	const char *v = getenv("XDG_RUNTIME_DIR");
	if (v && v[0] == '/')
		return xasprintf("%s/unknot", v);
	return xasprintf("/tmp/unknot-%ld", (long)getuid());
}

static char **
xdg_list(const char *var, const char *fallback)
{
	const char *v = getenv(var);
	if (v == NULL || *v == '\0')
		v = fallback;
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

char **paths_system_data_dirs(void) { return xdg_list("XDG_DATA_DIRS", "/usr/local/share/:/usr/share/"); }
char **paths_system_config_dirs(void) { return xdg_list("XDG_CONFIG_DIRS", "/etc/xdg"); }

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
