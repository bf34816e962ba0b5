/* health.c - the health profile file: see health.h. */
#include "health.h"

#include <errno.h>
#include <libconfig.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "file.h"
#include "lcfg.h"
#include "paths.h"
#include "safety.h"
#include "util.h"

struct profile_file {
	int version;
	char **conditions;
};

#define P(f) offsetof(struct profile_file, f)
static const struct lcfg_key profile_keys[] = {
	{"version", LK_INT, true, 1, 1, 1, NULL, P(version), "format version; must be 1"},
	{"conditions", LK_TEXTS, false, 0, 64, 0, NULL, P(conditions), "catalogue ids you have"},
};

char *
health_path(void)
{
	return paths_config_file("health");
}

void
health_join(struct health *h)
{
	strv_free(h->declared);
	h->declared = NULL;
	for (char **p = h->profile; p && *p; p++)
		if (!strv_has(h->declared, *p))
			h->declared = strv_push(h->declared, *p);
	for (char **p = h->config; p && *p; p++)
		if (!strv_has(h->declared, *p))
			h->declared = strv_push(h->declared, *p);
}

int
health_load_file(struct health *h, const char *path, char *const *config_ids,
    const struct safety *cat, struct diags *d)
{
	memset(h, 0, sizeof *h);
	for (char *const *p = config_ids; p && *p; p++)
		h->config = strv_push(h->config, *p);
	int rc = 0;
	const char *why;
	if (path && file_check_mine(path, &why) < 0 && errno != ENOENT) {
		/* a profile another user could write is not the person's answer */
		diags_add(d, path, 0, DIAG_ERROR, "not read: it %s", why);
		rc = -1;
	} else if (path && access(path, F_OK) == 0) {
		size_t errors = d->errors;
		config_t cfg;
		const struct lcfg_table tables[] = {{profile_keys, ARRAY_LEN(profile_keys)}, {NULL, 0}};
		if (lcfg_open(&cfg, path, tables, d) < 0) {
			rc = -1;
		} else {
			struct profile_file pf;
			lcfg_defaults(profile_keys, ARRAY_LEN(profile_keys), &pf);
			lcfg_walk(config_root_setting(&cfg), profile_keys, ARRAY_LEN(profile_keys), &pf, path, "", d);
			const config_setting_t *list = config_lookup(&cfg, "conditions");
			for (size_t i = 0; cat && pf.conditions && pf.conditions[i]; i++) {
				if (safety_find(cat, pf.conditions[i]))
					continue;
				const char *near = safety_closest(cat, pf.conditions[i]);
				const config_setting_t *e = list ? config_setting_get_elem(list, (unsigned)i) : NULL;
				diags_add(d, path, e ? lcfg_line(e) : 1, DIAG_WARNING,
				    "unknown condition '%s'%s%s%s (see `unknot safety`)", pf.conditions[i],
				    near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
			}
			config_destroy(&cfg);
			if (d->errors == errors) {
				h->profile = pf.conditions;
				h->saved = true;
			} else {
				strv_free(pf.conditions);
				rc = -1;
			}
		}
	}
	health_join(h);
	return rc;
}

int
health_save_file(const char *path, char *const *ids, const char **why)
{
	if (path == NULL) {
		*why = "there is no home folder to keep it in: set HOME";
		return -1;
	}
	for (size_t i = 0; ids && ids[i]; i++)
		if (ids[i][0] == '\0' || strspn(ids[i], "abcdefghijklmnopqrstuvwxyz0123456789-") != strlen(ids[i])) {
			*why = "a condition id has only lower-case letters, digits and '-'";
			return -1;
		}
	struct buf b = {0};
	buf_addf(&b, "# unknot's health profile: the conditions that adapt every routine.\n"
		     "# Written by `unknot health` and the profile screen; the ids are those\n"
		     "# of `unknot safety`.  health.conditions in the config counts too.\n"
		     "version = 1;\nconditions = [");
	for (size_t i = 0; ids && ids[i]; i++)
		buf_addf(&b, "%s\"%s\"", i ? ", " : "", ids[i]);
	buf_addf(&b, "];\n");
	int rc = file_write_atomic(path, b.s, 0600, true, why);
	buf_free(&b);
	return rc;
}

void
health_free(struct health *h)
{
	strv_free(h->profile);
	strv_free(h->config);
	strv_free(h->declared);
	memset(h, 0, sizeof *h);
}

bool
health_answered(const struct health *h)
{
	return h->saved || (h->config && h->config[0]);
}

bool
health_declares(const struct health *h, const char *id)
{
	return strv_has(h->declared, id);
}
