/* The catalogue and the screening decision. */
#include <criterion/criterion.h>
#include <unistd.h>

#include "helpers.h"
#include "util.h"

static struct safety cat;
static void setup(void) { load_catalogue(&cat); }
static void teardown(void) { safety_free(&cat); }
TestSuite(safety, .init = setup, .fini = teardown);

Test(safety, bundled_catalogue_has_the_required_ids)
{
	const char *ids[] = {"dvt", "anticoagulants", "osteoporosis", "fracture", "recent-surgery",
		"wound-infection", "inflammation", "pregnancy", "cancer", "varicose-veins", "neuropathy"};
	for (size_t i = 0; i < ARRAY_LEN(ids); i++) {
		const struct condition *c = safety_find(&cat, ids[i]);
		cr_assert_not_null(c, "missing %s", ids[i]);
		cr_assert_gt(strlen(c->title), 0);
		cr_assert_gt(strlen(c->advice), 40, "%s needs concrete advice", ids[i]);
	}
	cr_assert_eq(safety_find(&cat, "dvt")->level, SAFETY_STOP);
	cr_assert_eq(safety_find(&cat, "pregnancy")->level, SAFETY_CAUTION);
}

Test(safety, bundled_catalogue_has_both_red_flag_lists)
{
	cr_assert_geq(strv_len(cat.emergency), 4);
	cr_assert_geq(strv_len(cat.urgent), 4);
}

Test(safety, suggests_the_closest_id)
{
	cr_assert_str_eq(safety_closest(&cat, "osteoporsis"), "osteoporosis");
	cr_assert_null(safety_closest(&cat, "completely-different"));
}

static struct routine *
routine_with(const char *contra, const char *step_contra)
{
	char *text = xasprintf("version = 1;\ntitle = \"x\";\ncontraindications = [%s];\n"
			       "steps = ({ type = \"hold\"; title = \"Hold\"; duration = 5; "
			       "contraindications = [%s]; });\n", contra, step_contra);
	struct diags d = {0};
	struct routine *r = routine_parse("s.routine", text, strlen(text), &cat, &d);
	cr_assert_not_null(r);
	diags_free(&d);
	free(text);
	return r;
}

Test(safety, screening_lists_routine_and_step_conditions_once)
{
	struct routine *r = routine_with("\"pregnancy\", \"dvt\"", "\"dvt\", \"neuropathy\"");
	struct screening s;
	safety_screen(&cat, r, NULL, &s);
	cr_assert_eq(s.n, 3);
	cr_assert_null(s.refuse);
	cr_assert_str_eq(s.items[0].cond->id, "dvt", "stop conditions come first");
	int step_named = 0;
	for (size_t i = 0; i < s.n; i++)
		if (strcmp(s.items[i].cond->id, "neuropathy") == 0)
			step_named = s.items[i].step && strcmp(s.items[i].step, "Hold") == 0;
	cr_assert(step_named);
	screening_free(&s);
	routine_free(r);
}

Test(safety, refuses_a_declared_stop_condition)
{
	struct routine *r = routine_with("\"dvt\"", "");
	char *declared[] = {"dvt", NULL};
	struct screening s;
	safety_screen(&cat, r, declared, &s);
	cr_assert_not_null(s.refuse);
	cr_assert_str_eq(s.refuse->id, "dvt");
	cr_assert(s.items[0].declared);
	screening_free(&s);
	routine_free(r);
}

Test(safety, refuses_a_stop_condition_named_only_by_a_step)
{
	struct routine *r = routine_with("", "\"fracture\"");
	char *declared[] = {"pregnancy", "fracture", NULL};
	struct screening s;
	safety_screen(&cat, r, declared, &s);
	cr_assert_not_null(s.refuse);
	cr_assert_str_eq(s.refuse->id, "fracture");
	screening_free(&s);
	routine_free(r);
}

Test(safety, only_highlights_a_declared_caution_condition)
{
	struct routine *r = routine_with("\"pregnancy\", \"dvt\"", "");
	char *declared[] = {"pregnancy", NULL};
	struct screening s;
	safety_screen(&cat, r, declared, &s);
	cr_assert_null(s.refuse);
	cr_assert_str_eq(s.items[0].cond->id, "pregnancy", "declared conditions come first");
	cr_assert(s.items[0].declared);
	screening_free(&s);
	routine_free(r);
}

Test(safety, a_user_file_replaces_and_adds_entries)
{
	char path[] = "/tmp/unknot-safety-XXXXXX";
	int fd = mkstemp(path);
	cr_assert_geq(fd, 0);
	const char *text = "version = 1;\nconditions = (\n"
			   "{ id = \"pregnancy\"; title = \"Pregnant\"; level = \"stop\"; advice = \"Ask first.\"; },\n"
			   "{ id = \"hernia\"; title = \"Hernia\"; level = \"caution\"; advice = \"Go gently.\"; }\n);\n";
	cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	size_t before = cat.n;
	struct diags d = {0};
	cr_assert_eq(safety_load(&cat, path, &d), 0);
	cr_assert_eq(cat.n, before + 1);
	cr_assert_eq(safety_find(&cat, "pregnancy")->level, SAFETY_STOP);
	cr_assert_str_eq(safety_find(&cat, "hernia")->title, "Hernia");
	unlink(path);
	diags_free(&d);
}

Test(safety, reports_a_bad_catalogue_entry_with_its_line)
{
	char path[] = "/tmp/unknot-safety-XXXXXX";
	int fd = mkstemp(path);
	const char *text = "version = 1;\nconditions = (\n"
			   "{ id = \"Bad Id\"; title = \"x\"; level = \"stop\"; advice = \"a\"; },\n"
			   "{ id = \"ok\"; title = \"x\"; level = \"maybe\"; advice = \"a\"; }\n);\n";
	cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	struct diags d = {0};
	size_t before = cat.n;
	cr_assert_eq(safety_load(&cat, path, &d), -1);
	cr_assert_eq(cat.n, before, "a bad file adds nothing");
	char *want1 = xasprintf("%s:3: error: condition 1: id 'Bad Id' must be lower-case", path);
	char *want2 = xasprintf("%s:4: error: condition 2: 'level' must be one of caution, stop", path);
	cr_assert(diags_have(&d, want1));
	cr_assert(diags_have(&d, want2));
	free(want1);
	free(want2);
	unlink(path);
	diags_free(&d);
}
