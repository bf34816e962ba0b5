/* The door to libconfig (lcfg.c): what it refuses before libconfig could
 * take long over it, and what it still reads. */
#include <criterion/criterion.h>
#include <limits.h>
#include <stddef.h>
#include <string.h>

#include "helpers.h"
#include "lcfg.h"
#include "util.h"

/* Parse text as name; returns lcfg_parse's result, diagnostics in d. */
static int
parse(const char *text, struct diags *d)
{
	char *copy = xstrdup(text);
	config_t cfg;
	int rc = lcfg_parse(&cfg, "t.cfg", copy, strlen(copy), NULL, d);
	if (rc == 0)
		config_destroy(&cfg);
	free(copy);
	return rc;
}

/* n settings "kI = 1;" inside a group, one a line after the first. */
static char *
group_of(int n)
{
	struct buf b = {0};
	buf_addf(&b, "g = {\n");
	for (int i = 0; i < n; i++)
		buf_addf(&b, "k%d = 1;\n", i);
	buf_addf(&b, "};\n");
	return b.s;
}

Test(lcfg, a_group_of_more_settings_than_any_file_needs_is_refused_at_its_line)
{
	/* libconfig's duplicate check is quadratic: 170,000 keys took minutes */
	struct diags d = {0};
	char *ok = group_of(LCFG_MAX_GROUP), *big = group_of(LCFG_MAX_GROUP + 1);
	cr_assert_eq(parse(ok, &d), 0);
	cr_assert_eq(d.n, 0);
	cr_assert_eq(parse(big, &d), -1);
	char want[80];
	snprintf(want, sizeof want, "t.cfg:%d: error: too many settings in one group", LCFG_MAX_GROUP + 2);
	cr_assert(diags_have(&d, want), "%s", diags_text(&d));
	free(ok);
	free(big);
	diags_free(&d);
}

Test(lcfg, more_values_than_any_file_needs_are_refused)
{
	struct buf b = {0};
	buf_addf(&b, "a = [");
	for (int i = 0; i < LCFG_MAX_VALUES + 1; i++)
		buf_addf(&b, "%s1", i ? "," : "");
	buf_addf(&b, "];\n");
	struct diags d = {0};
	cr_assert_eq(parse(b.s, &d), -1);
	cr_assert(diags_have(&d, "too many settings and list items"));
	buf_free(&b);
	diags_free(&d);
}

Test(lcfg, nesting_deeper_than_any_file_needs_is_refused)
{
	struct buf b = {0};
	buf_addf(&b, "a = ");
	for (int i = 0; i < LCFG_MAX_DEPTH + 1; i++)
		buf_addf(&b, "(");
	for (int i = 0; i < LCFG_MAX_DEPTH + 1; i++)
		buf_addf(&b, ")");
	buf_addf(&b, ";\n");
	struct diags d = {0};
	cr_assert_eq(parse(b.s, &d), -1);
	cr_assert(diags_have(&d, "nested too deeply"));
	buf_free(&b);
	diags_free(&d);
}

Test(lcfg, closing_brackets_that_do_not_match_never_lead_the_count_astray)
{
	/* found by fuzz_config: '}' and ')' out of turn once let the group
	 * depth pass its array (UBSan: index 17 out of bounds) */
	struct diags d = {0};
	parse("audi}en{{{{{{{{{{remind = ) { `{{{{{ e=very = 3;convt\"; };own = 0;\n", &d);
	parse(") } ] { ) { ) { ) { ) { ) { ) { ) { ) { ) { ) { ) { ) { ) { ) { ) { ) { ) { ) { a = 1; }", &d);
	diags_free(&d);
}

Test(lcfg, signs_in_strings_and_comments_are_not_settings)
{
	struct buf b = {0};
	buf_addf(&b, "# a = b, c = d, = = = : : :\n/* = = = , , , */\n// : : :\ns = \"");
	for (int i = 0; i < LCFG_MAX_GROUP * 2; i++)
		buf_addf(&b, "x = y, \\\" : ");
	buf_addf(&b, "\";\n");
	struct diags d = {0};
	cr_assert_eq(parse(b.s, &d), 0, "%s", diags_text(&d));
	buf_free(&b);
	diags_free(&d);
}

Test(lcfg, a_thousand_problems_are_kept_and_the_rest_counted)
{
	/* 32 groups of 32 unknown keys: 1,024 warnings */
	struct buf b = {0};
	for (int g = 0; g < 32; g++) {
		buf_addf(&b, "g%d = {", g);
		for (int i = 0; i < 32; i++)
			buf_addf(&b, " k%d = 1;", i);
		buf_addf(&b, " };\n");
	}
	char *text = b.s;
	config_t cfg;
	struct diags d = {0};
	cr_assert_eq(lcfg_parse(&cfg, "t.cfg", text, b.len, NULL, &d), 0);
	const config_setting_t *root = config_root_setting(&cfg);
	for (int g = 0; g < config_setting_length(root); g++)
		lcfg_walk(config_setting_get_elem(root, (unsigned)g), NULL, 0, NULL, "t.cfg", "", &d);
	config_destroy(&cfg);
	cr_assert_eq(d.warnings, 1024, "every one counted (%zu, %zu errors)", d.warnings, d.errors);
	cr_assert_eq(d.n, DIAGS_MAX, "a thousand kept");
	cr_assert_eq(d.dropped, 24);
	char *out = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&out, &len);
	diags_print(&d, fp);
	fclose(fp);
	cr_assert(strstr(out, "t.cfg: 24 more problems not shown\n"), "the count is said");
	free(out);
	buf_free(&b);
	diags_free(&d);
}

/* ---- whole numbers are read on their full value ---------------------------- */

struct nums {
	int n, secs;
};
static const struct lcfg_key num_keys[] = {
	{"n", LK_INT, false, 1, 100, 1, NULL, offsetof(struct nums, n), "a count"},
	{"secs", LK_DURATION, false, 1, 7200, 1, NULL, offsetof(struct nums, secs), "a time"},
};

/* Walk text's root over num_keys; the diagnostics in d, the values in out. */
static void
walk_nums(const char *text, struct nums *out, struct diags *d)
{
	char *copy = xstrdup(text);
	config_t cfg;
	*out = (struct nums){0, 0};
	cr_assert_eq(lcfg_parse(&cfg, "t.cfg", copy, strlen(copy), NULL, d), 0, "%s: %s", text, diags_text(d));
	lcfg_walk(config_root_setting(&cfg), num_keys, ARRAY_LEN(num_keys), out, "t.cfg", "", d);
	config_destroy(&cfg);
	free(copy);
}

Test(lcfg, a_number_past_32_bits_is_out_of_range_and_quoted_as_written)
{
	/* libconfig 1.5 keeps the low 32 bits: 4294967297 read as 1 and passed */
	static const char *const big[][2] = { /* as written, as quoted */
		{"4294967297", NULL}, {"4294967296", NULL}, {"4294967396", NULL}, {"2147483648", NULL},
		{"-2147483649", NULL}, {"-4294967295", NULL}, {"9223372036854775807", NULL},
		{"99999999999999999999", NULL}, {"-99999999999999999999", NULL}, {"0x100000001", NULL},
		{"0xFFFFFFFF", NULL}, {"99999999999999999999L", NULL}, {"0x1FFFFFFFFFFFFFFFFL", NULL},
		{"4294967297L", "4294967297"}, /* libconfig holds it: as it reads it */
	};
	for (size_t i = 0; i < ARRAY_LEN(big); i++) {
		for (int key = 0; key < 2; key++) {
			char *text = xasprintf("%s = %s;\n", key ? "secs" : "n", big[i][0]);
			struct nums v;
			struct diags d = {0};
			walk_nums(text, &v, &d);
			char *want = xasprintf("t.cfg:1: error: '%s' must be from %s, not %s", key ? "secs" : "n",
			    key ? "1s to 2h" : "1 to 100", big[i][1] ? big[i][1] : big[i][0]);
			cr_expect(diags_have(&d, want), "%s: want \"%s\", got:\n%s", text, want, diags_text(&d));
			cr_expect_eq(d.errors, 1, "%s", text);
			free(want);
			free(text);
			diags_free(&d);
		}
	}
}

Test(lcfg, numbers_that_fit_read_as_before_among_others_that_do_not)
{
	/* the file's numbers are matched to the tree in order: names with
	 * digits, decimals, strings, comments and lists must not throw it off */
	struct nums v;
	struct diags d = {0};
	walk_nums("a1 = 4294967297; b = [1.5, 2e3, .5]; /* 4294967297 */ c = \"4294967297\";\n"
	          "# 4294967297\nd = ( 7, 4294967297L, { e-2 = 0x10; } ); n = 42; secs = 0x1F;\n",
	    &v, &d);
	cr_assert_eq(d.errors, 0, "%s", diags_text(&d));
	cr_assert_eq(v.n, 42);
	cr_assert_eq(v.secs, 31);
	walk_nums("x = 4294967297;\nsecs = 4294967296; n = 100L;\nz = [0x100000000, 2147483647];\n", &v, &d);
	cr_assert(diags_have(&d, "t.cfg:2: error: 'secs' must be from 1s to 2h, not 4294967296"), "%s",
	    diags_text(&d));
	cr_assert_eq(d.errors, 1, "%s", diags_text(&d));
	cr_assert_eq(v.n, 100);
	diags_free(&d);
}

Test(lcfg, whole_gives_the_value_as_written)
{
	char text[] = "a = 4294967297; b = -99999999999999999999; c = 12; d = \"x\";\n";
	config_t cfg;
	struct diags d = {0};
	cr_assert_eq(lcfg_parse(&cfg, "t.cfg", text, strlen(text), NULL, &d), 0);
	const config_setting_t *root = config_root_setting(&cfg);
	long long v;
	char as[32];
	cr_assert(lcfg_whole(config_setting_get_member(root, "a"), &v, as, sizeof as));
	cr_assert_eq(v, 4294967297LL);
	cr_assert_str_eq(as, "4294967297");
	cr_assert(lcfg_whole(config_setting_get_member(root, "b"), &v, as, sizeof as));
	cr_assert_eq(v, LLONG_MIN, "past a long long: the end it went past");
	cr_assert_str_eq(as, "-99999999999999999999");
	cr_assert(lcfg_whole(config_setting_get_member(root, "c"), &v, as, sizeof as));
	cr_assert_eq(v, 12);
	cr_assert_str_eq(as, "12");
	cr_assert_not(lcfg_whole(config_setting_get_member(root, "d"), &v, as, sizeof as));
	config_destroy(&cfg);
}

/* ---- a bare word's hint is what the key takes ------------------------------ */

struct every_kind {
	int n, secs, e;
	bool b;
	char *t;
	char **l;
};
static const char *const choices[] = {"stretch", "roll", "hold", NULL};
#define K(f) offsetof(struct every_kind, f)
static const struct lcfg_key kind_keys[] = {
	{"n", LK_INT, false, 1, 100, 1, NULL, K(n), "a count"},
	{"secs", LK_DURATION, false, 1, 7200, 1, NULL, K(secs), "a time"},
	{"b", LK_BOOL, false, 0, 0, 0, NULL, K(b), "yes or no"},
	{"t", LK_TEXT, false, 0, 0, 0, NULL, K(t), "a text"},
	{"e", LK_ENUM, false, 0, 0, 0, choices, K(e), "a choice"},
	{"l", LK_TEXTS, false, 0, 8, 0, NULL, K(l), "a list"},
};
static const struct lcfg_table kind_tables[] = {{kind_keys, ARRAY_LEN(kind_keys)}, {NULL, 0}};

/* The hint libconfig's syntax error gets for text (which must fail). */
static char *
hint_for(const char *text)
{
	char *copy = xstrdup(text);
	config_t cfg;
	struct diags d = {0};
	cr_assert_eq(lcfg_parse(&cfg, "t.cfg", copy, strlen(copy), kind_tables, &d), -1, "%s", text);
	cr_assert_eq(d.n, 1, "%s", text);
	char *msg = xstrdup(d.v[0].msg);
	diags_free(&d);
	free(copy);
	return msg;
}

Test(lcfg, a_bare_words_hint_suggests_what_the_key_takes)
{
	static const char *const cases[][2] = {
		{"l = ball;", "ball is a bare word: a list is strings in brackets, l = [\"ball\"];"},
		{"l = foam roller;", "foam roller are bare words: a list is strings in brackets, "
		                     "l = [\"foam roller\"];"},
		{"secs = 30s;", "30s is a bare word: put it in double quotes, secs = \"30s\";"},
		{"secs = 1m30;", "1m30 is a bare word: put it in double quotes, with a unit after each "
		                 "number, secs = \"1m30s\";"},
		{"secs = 1h30;", "1h30 is a bare word: put it in double quotes, with a unit after each "
		                 "number, secs = \"1h30m\";"},
		{"secs = 2min;", "2min is a bare word: a duration is whole seconds (45) or text in double "
		                 "quotes with the units h, m and s (\"1m30s\")"},
		{"e = roll;", "roll is a bare word: put it in double quotes, e = \"roll\";"},
		{"e = strech;", "strech is a bare word: put it in double quotes, e = \"stretch\"; "
		                "(did you mean \"stretch\"?)"},
		{"e = walk;", "walk is a bare word: 'e' is one of \"stretch\", \"roll\" or \"hold\", in double quotes"},
		{"b = yes;", "yes is a bare word: write true or false, b = true;"},
		{"b = maybe;", "maybe is a bare word: 'b' is true or false, without quotes"},
		{"n = two;", "two is a bare word: 'n' is a whole number from 1 to 100, without quotes"},
		{"t = My back;", "My back are bare words: put them in double quotes, t = \"My back\";"},
		{"unknown = x;", "x is a bare word: put it in double quotes, unknown = \"x\";"},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		char *got = hint_for(cases[i][0]);
		cr_expect_str_eq(got, cases[i][1], "%s: got %s", cases[i][0], got);
		/* a suggestion, as the hint writes it, is taken without an error */
		const char *key = cases[i][0], *eq = strchr(key, '=');
		char *prefix = xasprintf("%.*s= ", (int)(eq - key), key);
		const char *fix = strstr(got, prefix);
		if (fix) {
			char *line = xstrndup(fix, (size_t)(strchr(fix, ';') - fix + 1));
			struct every_kind v = {0};
			struct diags d = {0};
			char *copy = xstrdup(line);
			config_t cfg;
			cr_assert_eq(lcfg_parse(&cfg, "t.cfg", copy, strlen(copy), kind_tables, &d), 0, "%s", line);
			lcfg_walk(config_root_setting(&cfg), kind_keys, ARRAY_LEN(kind_keys), &v, "t.cfg", "", &d);
			cr_expect_eq(d.errors, 0, "%s, as the hint says: %s", line, diags_text(&d));
			lcfg_free_keys(kind_keys, ARRAY_LEN(kind_keys), &v);
			config_destroy(&cfg);
			diags_free(&d);
			free(copy);
			free(line);
		}
		free(prefix);
		free(got);
	}
}
