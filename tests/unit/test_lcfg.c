/* The door to libconfig (lcfg.c): what it refuses before libconfig could
 * take long over it, and what it still reads. */
#include <criterion/criterion.h>
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
	int rc = lcfg_parse(&cfg, "t.cfg", copy, strlen(copy), d);
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
	cr_assert_eq(lcfg_parse(&cfg, "t.cfg", text, b.len, &d), 0);
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
