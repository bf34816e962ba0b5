/* json.c - the JSON writer: see json.h. */
#include "json.h"

#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

void
json_init(struct json *j, FILE *fp)
{
	memset(j, 0, sizeof *j);
	j->fp = fp;
	j->empty[0] = true;
}

void
json_finish(struct json *j)
{
	fputc('\n', j->fp);
}

static void
indent(struct json *j)
{
	fputc('\n', j->fp);
	for (int i = 0; i < j->depth; i++)
		fputs("  ", j->fp);
}

/* Before any value: the comma after the previous one and the new line,
 * unless the value follows its key. */
static void
before_value(struct json *j)
{
	if (j->after_key) {
		j->after_key = false;
		return;
	}
	if (j->depth > 0) {
		if (!j->empty[j->depth])
			fputc(',', j->fp);
		indent(j);
	}
	j->empty[j->depth] = false;
}

static void
begin(struct json *j, char open)
{
	before_value(j);
	fputc(open, j->fp);
	if (j->depth + 1 < JSON_DEPTH)
		j->depth++;
	j->empty[j->depth] = true;
}

static void
end(struct json *j, char close)
{
	bool was_empty = j->empty[j->depth];
	if (j->depth > 0)
		j->depth--;
	if (!was_empty)
		indent(j);
	fputc(close, j->fp);
}

void json_begin_object(struct json *j) { begin(j, '{'); }
void json_end_object(struct json *j) { end(j, '}'); }
void json_begin_array(struct json *j) { begin(j, '['); }
void json_end_array(struct json *j) { end(j, ']'); }

static void
put_string(FILE *fp, const char *s)
{
	fputc('"', fp);
	while (*s) {
		unsigned char c = (unsigned char)*s;
		uint32_t cp;
		size_t n = 1;
		if (c < 0x80) {
			cp = c;
		} else if ((n = text_utf8_decode(s, &cp)) == 0) {
			cp = 0xfffd; /* a byte that is not well-formed UTF-8 */
			n = 1;
		}
		s += n;
		if (cp == '"' || cp == '\\')
			fprintf(fp, "\\%c", (char)cp);
		else if (cp == '\n')
			fputs("\\n", fp);
		else if (cp == '\t')
			fputs("\\t", fp);
		else if (cp == '\r')
			fputs("\\r", fp);
		else if (cp >= 0x20 && cp < 0x7f)
			fputc((char)cp, fp);
		else if (cp > 0xffff)
			fprintf(fp, "\\u%04x\\u%04x", 0xd800 + ((cp - 0x10000) >> 10),
			    0xdc00 + ((cp - 0x10000) & 0x3ff));
		else
			fprintf(fp, "\\u%04x", cp);
	}
	fputc('"', fp);
}

void
json_key(struct json *j, const char *key)
{
	before_value(j);
	put_string(j->fp, key);
	fputs(": ", j->fp);
	j->after_key = true;
}

void
json_string(struct json *j, const char *s)
{
	if (s == NULL) {
		json_null(j);
		return;
	}
	before_value(j);
	put_string(j->fp, s);
}

void
json_int(struct json *j, long long v)
{
	before_value(j);
	fprintf(j->fp, "%lld", v);
}

void
json_number(struct json *j, double v)
{
	if (!isfinite(v)) {
		json_null(j);
		return;
	}
	before_value(j);
	/* the C locale's '.', whatever LC_NUMERIC the program runs in */
	locale_t c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	locale_t old = c ? uselocale(c) : (locale_t)0;
	fprintf(j->fp, "%.15g", v);
	if (c) {
		uselocale(old);
		freelocale(c);
	}
}

void
json_bool(struct json *j, bool v)
{
	before_value(j);
	fputs(v ? "true" : "false", j->fp);
}

void
json_null(struct json *j)
{
	before_value(j);
	fputs("null", j->fp);
}

void
json_strings(struct json *j, char *const *v)
{
	json_begin_array(j);
	for (size_t i = 0; v && v[i]; i++)
		json_string(j, v[i]);
	json_end_array(j);
}

void
json_key_string(struct json *j, const char *key, const char *s)
{
	json_key(j, key);
	json_string(j, s);
}

void
json_key_int(struct json *j, const char *key, long long v)
{
	json_key(j, key);
	json_int(j, v);
}

void
json_key_bool(struct json *j, const char *key, bool v)
{
	json_key(j, key);
	json_bool(j, v);
}

void
json_key_strings(struct json *j, const char *key, char *const *v)
{
	json_key(j, key);
	json_strings(j, v);
}
