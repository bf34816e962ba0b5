/*
 * lcfg.h - the one door through which unknot reads libconfig files
 * (routines, the safety catalogue, the user's config).
 *
 * It reads the file itself, with a size limit, so that a directory, a
 * FIFO or a huge file is refused with one clear message; it counts the
 * settings before libconfig parses them, so that no file under the limit
 * takes long; it refuses
 * "@include" lines before libconfig could open the named file; and it
 * turns libconfig's syntax error into a FILE:LINE diagnostic.  It also
 * holds the checks every text value gets and the table-driven key walk
 * shared by the loaders.
 */
#ifndef UNKNOT_LCFG_H
#define UNKNOT_LCFG_H

#include <libconfig.h>
#include <stdbool.h>

#include "diag.h"

#define LCFG_FILE_LIMIT (1024 * 1024)
/* What a file may hold, counted before libconfig parses it (its
 * duplicate-name check is quadratic in a group's size): far above any
 * routine (a step has a dozen keys; 500 steps), catalogue or config. */
#define LCFG_MAX_GROUP 32       /* settings in one group */
#define LCFG_MAX_VALUES 20000   /* settings and list items in all */
#define LCFG_MAX_DEPTH 16       /* groups and lists within each other */
#define LCFG_TEXT_LIMIT 2000

struct lcfg_key;
/* The keys a file may hold, in every group (the key tables below), ending
 * with {NULL, 0}: what a value written without quotes should have been. */
struct lcfg_table {
	const struct lcfg_key *keys;
	size_t n;
};

/* Read and parse path into cfg (initialised here).  Returns 0, or -1 with
 * diagnostics added and cfg already destroyed.  A refused @include is an
 * error in d but still returns 0, so that the rest of the file is checked.
 * keys (may be NULL) make the hint for a bare word what its key takes. */
int lcfg_open(config_t *cfg, const char *path, const struct lcfg_table *keys, struct diags *d);
/* The same for text already in memory (len bytes, may hold NULs);
 * name is used in diagnostics.  text is modified. */
int lcfg_parse(config_t *cfg, const char *name, char *text, size_t len, const struct lcfg_table *keys,
    struct diags *d);

/* The line a setting came from; the nearest parent's when it has none;
 * 1 for the root. */
int lcfg_line(const config_setting_t *s);
/*
 * A whole number's full value: libconfig 1.5 keeps only the low 32 bits
 * of a number written without L (4294967297 reads as 1), so lcfg_parse()
 * notes each number too large for that and this gives it back.  *v is the
 * value (LLONG_MIN or LLONG_MAX for one past a long long) and as_written
 * (n bytes) the number as the file wrote it, for messages.  false, with
 * nothing set, when s is not a whole number.
 */
#define LCFG_NUMBER_TEXT 48 /* as_written: a number longer than this is cut with "..." */
bool lcfg_whole(const config_setting_t *s, long long *v, char *as_written, size_t n);
/* "an integer", "a string", "a list", ...  */
const char *lcfg_type_name(int type);

/* NULL when s is an acceptable text value, else why not (static). */
const char *lcfg_text_problem(const char *s);

/*
 * Table-driven keys.  A loader describes each key it knows; lcfg_walk()
 * checks every member of a group against the table: the type, the range,
 * unknown keys (a warning, with "did you mean"), missing required keys.
 * Each good value is stored at base + offset.
 */
enum lcfg_kind {
	LK_INT,      /* int, min..max */
	LK_DURATION, /* int seconds or a "1m30s" string, min..max */
	LK_BOOL,     /* bool */
	LK_TEXT,     /* char *, checked with lcfg_text_problem */
	LK_TITLE,    /* LK_TEXT that names something: no hidden characters either
	              * (text_hidden_char), so that it cannot pose as another */
	LK_ENUM,     /* int index into choices */
	LK_TEXTS,    /* char ** (NULL-terminated) from an array of strings */
	LK_CUSTOM,   /* known and maybe required, but checked by the caller */
};

struct lcfg_key {
	const char *name;
	enum lcfg_kind kind;
	bool required;
	long min, max;          /* LK_INT, LK_DURATION; LK_TEXTS: number of items */
	long def;               /* default for numbers, bools and enums */
	/* LK_ENUM: the choices, NULL-terminated; LK_TEXT and LK_TITLE: NULL,
	 * or the default as LCFG_TEXT_DEFAULT("...") */
	const char *const *choices;
	size_t offset;
	const char *help;       /* one line, for --help-style listings */
};

#define LCFG_TEXT_DEFAULT(s) ((const char *const[]){(s), NULL})

void lcfg_walk(const config_setting_t *group, const struct lcfg_key *keys, size_t nkeys,
    void *base, const char *file, const char *where, struct diags *d);
/*
 * Set key `name` from text, as if the file had said name = "text": the
 * same type and range checks as lcfg_walk(), for the command line and
 * other places that take a setting as text.  Returns 0, or -1 with the
 * reason (the file's message, without FILE:LINE) in why.
 */
int lcfg_set_text(const struct lcfg_key *keys, size_t nkeys, const char *name, const char *text,
    void *base, char *why, size_t n);
/* Store every key's default at base + offset. */
void lcfg_defaults(const struct lcfg_key *keys, size_t nkeys, void *base);
/* Free the strings a walk stored. */
void lcfg_free_keys(const struct lcfg_key *keys, size_t nkeys, void *base);
/*
 * What a key takes, as the man page's key headings and `unknot new`'s
 * template say it: "number, default: 1, range 1 to 100", "duration,
 * required, range 1s to 2h", "list, default: empty, at most 32 items".
 * NULL for LK_CUSTOM keys (described in words); otherwise the caller frees.
 */
char *lcfg_key_synopsis(const struct lcfg_key *k);

/*
 * The tables written back out, for the files unknot writes for people to
 * read and edit (`unknot new`'s template, `unknot config`).
 */
struct buf;
/* "INDENT# HELP; RANGE, default DEFAULT\n" (name: first when with_name). */
void lcfg_key_comment(struct buf *b, const char *indent, const struct lcfg_key *k, bool with_name);
/* The value stored at base + offset in libconfig syntax: 80, true,
 * "1m30s", "text" (quoted and escaped), ["a", "b"]. */
void lcfg_format_value(struct buf *b, const struct lcfg_key *k, const void *base);

#endif
