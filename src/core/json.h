/*
 * json.h - the one JSON writer, for the --json output of list, show,
 * history and stats.
 *
 * It writes as it goes, to a FILE, and places the commas, the colons and
 * a two-space indentation itself: the caller only says what comes next.
 * What it writes is always valid JSON, and ASCII only, in any locale:
 *  - strings: '"' and '\' escaped; every control character and every
 *    character beyond ASCII as \uXXXX (a surrogate pair above U+FFFF);
 *    each byte that is not part of well-formed UTF-8 becomes U+FFFD, the
 *    replacement character (so bad bytes from a file name or a damaged
 *    file are visible, never passed on as broken JSON);
 *  - numbers: integers as they are; other numbers with up to 15
 *    significant digits and a '.' whatever LC_NUMERIC says; a NaN or an
 *    infinity as null.
 * A NULL string is written as null.  Nesting is limited to JSON_DEPTH.
 */
#ifndef UNKNOT_JSON_H
#define UNKNOT_JSON_H

#include <stdbool.h>
#include <stdio.h>

#define JSON_DEPTH 16

struct json {
	FILE *fp;
	int depth;
	bool empty[JSON_DEPTH];  /* per level: nothing written in it yet */
	bool after_key;          /* a key was written: its value comes next */
};

void json_init(struct json *j, FILE *fp);
/* End the document with a newline. */
void json_finish(struct json *j);

void json_begin_object(struct json *j);
void json_end_object(struct json *j);
void json_begin_array(struct json *j);
void json_end_array(struct json *j);
/* The key of the next member of an object. */
void json_key(struct json *j, const char *key);

void json_string(struct json *j, const char *s);
void json_int(struct json *j, long long v);
void json_number(struct json *j, double v);
void json_bool(struct json *j, bool v);
void json_null(struct json *j);
/* An array of strings from a NULL-terminated vector (NULL: []). */
void json_strings(struct json *j, char *const *v);
/* A key and its value at once. */
void json_key_string(struct json *j, const char *key, const char *s);
void json_key_int(struct json *j, const char *key, long long v);
void json_key_bool(struct json *j, const char *key, bool v);
void json_key_strings(struct json *j, const char *key, char *const *v);

#endif
