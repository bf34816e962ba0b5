/* The JSON writer behind --json: structure, escaping, numbers. */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"

/* What a function wrote through a json writer, as a string. */
static char *
written(void (*fn)(struct json *j))
{
	char *s = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&s, &n);
	cr_assert_not_null(fp);
	struct json j;
	json_init(&j, fp);
	fn(&j);
	json_finish(&j);
	fclose(fp);
	return s;
}

static void
nested(struct json *j)
{
	json_begin_object(j);
	json_key(j, "id");
	json_string(j, "desk-reset");
	json_key(j, "steps");
	json_int(j, 5);
	json_key(j, "sides");
	json_bool(j, true);
	json_key(j, "caution");
	json_string(j, NULL);
	json_key(j, "areas");
	json_begin_array(j);
	json_string(j, "neck");
	json_string(j, "back");
	json_end_array(j);
	json_key(j, "none");
	json_begin_array(j);
	json_end_array(j);
	json_key(j, "avg");
	json_number(j, 5.5);
	json_end_object(j);
}

Test(json, writes_nested_values_with_commas_in_place)
{
	char *s = written(nested);
	cr_assert_str_eq(s, "{\n"
	    "  \"id\": \"desk-reset\",\n"
	    "  \"steps\": 5,\n"
	    "  \"sides\": true,\n"
	    "  \"caution\": null,\n"
	    "  \"areas\": [\n"
	    "    \"neck\",\n"
	    "    \"back\"\n"
	    "  ],\n"
	    "  \"none\": [],\n"
	    "  \"avg\": 5.5\n"
	    "}\n");
	free(s);
}

static void
strings(struct json *j)
{
	json_begin_array(j);
	json_string(j, "quote \" backslash \\ slash /");
	json_string(j, "tab\tnewline\ncr\rbell\aesc\x1b" "del\x7f");
	json_string(j, "é 日本 😀");
	json_string(j, "bad \xff byte, cut \xe2\x80, overlong \xc0\xaf");
	json_string(j, "c1 \xc2\x9b line sep \xe2\x80\xa8");
	json_end_array(j);
}

Test(json, escapes_controls_and_writes_ascii_only)
{
	char *s = written(strings);
	cr_assert_str_eq(s, "[\n"
	    "  \"quote \\\" backslash \\\\ slash /\",\n"
	    "  \"tab\\tnewline\\ncr\\rbell\\u0007esc\\u001bdel\\u007f\",\n"
	    "  \"\\u00e9 \\u65e5\\u672c \\ud83d\\ude00\",\n"
	    "  \"bad \\ufffd byte, cut \\ufffd\\ufffd, overlong \\ufffd\\ufffd\",\n"
	    "  \"c1 \\u009b line sep \\u2028\"\n"
	    "]\n");
	for (const char *p = s; *p; p++)
		cr_assert((unsigned char)*p < 0x80, "ASCII only");
	free(s);
}

static void
numbers(struct json *j)
{
	json_begin_array(j);
	json_int(j, -3);
	json_int(j, 1LL << 40);
	json_number(j, 3.0);
	json_number(j, 1.0 / 3.0);
	json_number(j, 0.0 / 0.0);
	json_end_array(j);
}

Test(json, numbers_are_always_valid_json)
{
	char *s = written(numbers);
	cr_assert_str_eq(s, "[\n  -3,\n  1099511627776,\n  3,\n  0.333333333333333,\n  null\n]\n");
	free(s);
}

static void
scalar(struct json *j)
{
	json_string(j, "alone");
}

/* A decimal comma (de_DE) never reaches JSON: checked where such a locale
 * is installed. */
Test(json, numbers_ignore_the_locales_decimal_comma)
{
	const char *const commas[] = {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "nl_NL.UTF-8", NULL};
	const char *const *l = commas;
	while (*l && setlocale(LC_NUMERIC, *l) == NULL)
		l++;
	if (*l == NULL)
		cr_skip_test("no locale with a decimal comma is installed");
	char *s = written(numbers);
	setlocale(LC_NUMERIC, "C");
	cr_assert(strstr(s, "0.333333333333333"), "%s", s);
	free(s);
}

Test(json, a_lone_value_is_a_document)
{
	char *s = written(scalar);
	cr_assert_str_eq(s, "\"alone\"\n");
	free(s);
}
