/* The catalogue and the screening decision. */
#include <criterion/criterion.h>
#include <unistd.h>

#include "helpers.h"
#include "screening.h"
#include "util.h"

static struct safety cat;
static void setup(void) { load_catalogue(&cat); }
static void teardown(void) { safety_free(&cat); }
TestSuite(safety, .init = setup, .fini = teardown);

/* A catalogue file with text in /tmp; the caller unlinks and frees path. */
static char *
temp_catalogue(const char *text)
{
	char *path = xstrdup("/tmp/unknot-safety-XXXXXX");
	int fd = mkstemp(path);
	cr_assert_geq(fd, 0);
	cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return path;
}

/* Load text as a user catalogue: it must fail, add nothing, and report
 * each of want (NULL-terminated) as "PATH:" + want. */
static void
expect_refused(const char *text, const char *const *want)
{
	char *path = temp_catalogue(text);
	struct diags d = {0};
	size_t n = cat.n, nflags = cat.nflags;
	cr_assert_eq(safety_load(&cat, path, &d), -1);
	cr_assert(cat.n == n && cat.nflags == nflags, "a bad file adds nothing");
	for (; *want; want++) {
		char *full = xasprintf("%s:%s", path, *want);
		cr_assert(diags_have(&d, full), "want %s, got:\n%s", full, diags_text(&d));
		free(full);
	}
	unlink(path);
	free(path);
	diags_free(&d);
}

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

Test(safety, bundled_catalogue_has_red_flags_in_three_tiers)
{
	size_t per[RED_FLAG_TIER_COUNT] = {0};
	for (size_t i = 0; i < cat.nflags; i++) {
		cr_assert_lt((unsigned)cat.flags[i].tier, RED_FLAG_TIER_COUNT);
		cr_assert_not_null(cat.flags[i].summary);
		per[cat.flags[i].tier] += strv_len(cat.flags[i].flags);
	}
	cr_assert_geq(per[RED_FLAG_EMERGENCY], 6);
	cr_assert_geq(per[RED_FLAG_URGENT], 6);
	cr_assert_geq(per[RED_FLAG_ROUTINE], 1);
	cr_assert(strstr(red_flag_tier_heading(RED_FLAG_EMERGENCY), "999, 112 or 911"));
	cr_assert(strstr(red_flag_tier_heading(RED_FLAG_URGENT), "same day"));
	cr_assert(strstr(red_flag_tier_heading(RED_FLAG_ROUTINE), "doctor or physiotherapist"));
}

static bool
flag_listed(const char *words)
{
	for (size_t i = 0; i < cat.nflags; i++)
		for (char **f = cat.flags[i].flags; f && *f; f++)
			if (strstr(*f, words))
				return true;
	return false;
}

Test(safety, red_flags_say_what_the_issue_asks)
{
	cr_assert(flag_listed("cough, sneeze or strain"));
	cr_assert(flag_listed("between the shoulder blades that is there all the time"));
	cr_assert(flag_listed("double vision"));
	cr_assert(flag_listed("drop attack"));
	cr_assert(flag_listed("Clumsy hands"));
	cr_assert(flag_listed("4 to 6 weeks"));
}

static struct routine *
routine_areas(const char *areas)
{
	char *text = xasprintf("version = 1;\ntitle = \"x\";\nareas = [%s];\n"
			       "steps = ({ type = \"rest\"; title = \"r\"; duration = 5; });\n", areas);
	struct diags d = {0};
	struct routine *r = routine_parse("a.routine", text, strlen(text), &cat, &d);
	cr_assert_not_null(r);
	diags_free(&d);
	free(text);
	return r;
}

Test(safety, neck_red_flags_come_only_with_neck_routines)
{
	struct routine *neck = routine_areas("\"eyes\", \"Neck\"");
	struct routine *back = routine_areas("\"lower back\"");
	char *a = screening_red_flag_summary(&cat, neck), *b = screening_red_flag_summary(&cat, back);
	cr_assert(strstr(a, "double vision"), "%s", a);
	cr_assert_null(strstr(b, "double vision"), "%s", b);
	/* one paragraph, tier by tier, each tier saying what to do */
	char *e = strstr(b, "Call 999, 112 or 911 now"), *u = strstr(b, "Get seen the same day");
	char *r = strstr(b, "See a doctor or physiotherapist");
	cr_assert(e && u && r && e < u && u < r, "%s", b);
	cr_assert(strstr(b, "`unknot safety`"));
	free(a);
	free(b);
	routine_free(neck);
	routine_free(back);
}

Test(safety, a_caution_concerns_the_step_types_it_names)
{
	const struct condition *anti = safety_find(&cat, "anticoagulants");
	cr_assert(condition_concerns(anti, STEP_HOLD));
	cr_assert(condition_concerns(anti, STEP_ROLL));
	cr_assert_not(condition_concerns(anti, STEP_POSTURE));
	const struct condition *nerve = safety_find(&cat, "nerve-symptoms");
	for (int t = 0; t < STEP_TYPE_COUNT; t++)
		cr_assert(condition_concerns(nerve, t), "no concerns: every step");
}

Test(safety, the_catalogue_has_the_ids_issue_13_adds)
{
	const char *ids[] = {"joint-replacement", "acute-injury", "fever", "fragile-skin",
		"inflammatory-arthritis", "clotting-disorder", "arm-nerve-symptoms", "spinal-stenosis",
		"disc-problems"};
	for (size_t i = 0; i < ARRAY_LEN(ids); i++) {
		const struct condition *c = safety_find(&cat, ids[i]);
		cr_assert_not_null(c, "missing %s", ids[i]);
		cr_assert_gt(strlen(c->advice), 40, "%s needs concrete advice", ids[i]);
	}
	for (size_t i = 0; i < cat.n; i++)
		cr_expect(cat.v[i].brief && strlen(cat.v[i].brief) <= 32, "%s: a brief of a few words for the "
		    "screening's list", cat.v[i].id);
	cr_assert(strstr(safety_find(&cat, "disc-problems")->title, "forward"),
	    "disc-problems is the forward-bending-sensitive case");
	cr_assert(strstr(safety_find(&cat, "spinal-stenosis")->advice, "backward"));
}

Test(safety, refuses_a_concerns_entry_that_is_not_a_step_type)
{
	const char *want[] = {"4: error: condition 1: 'concerns' names 'massage', which is not a step type", NULL};
	expect_refused("version = 1;\nconditions = (\n"
		       "{ id = \"x\"; title = \"x\"; level = \"caution\"; advice = \"a\";\n"
		       "  concerns = [\"hold\", \"massage\"]; }\n);\n", want);
}

Test(safety, a_user_file_adds_red_flags_and_checks_their_tier)
{
	const char *want[] = {"4: error: red_flags 2: 'tier' must be one of emergency, urgent, routine", NULL};
	expect_refused("version = 1;\nred_flags = (\n"
		       "{ tier = \"urgent\"; summary = \"s\"; flags = [\"Mine.\"]; },\n"
		       "{ tier = \"soon\"; summary = \"s\"; flags = [\"Bad.\"]; }\n);\n", want);
	size_t before = cat.nflags;
	char *path = temp_catalogue("version = 1;\nred_flags = ( { tier = \"urgent\"; summary = \"s\"; flags = [\"Mine.\"]; } );\n");
	struct diags d = {0};
	cr_assert_eq(safety_load(&cat, path, &d), 0);
	cr_assert_eq(cat.nflags, before + 1, "a good one adds");
	unlink(path);
	free(path);
	diags_free(&d);
}

Test(safety, a_user_file_replaces_and_adds_entries)
{
	const char *text = "version = 1;\nconditions = (\n"
			   "{ id = \"pregnancy\"; title = \"Pregnant\"; level = \"stop\"; advice = \"Ask first.\"; },\n"
			   "{ id = \"hernia\"; title = \"Hernia\"; level = \"caution\"; advice = \"Go gently.\"; }\n);\n";
	char *path = temp_catalogue(text);
	size_t before = cat.n;
	struct diags d = {0};
	cr_assert_eq(safety_load(&cat, path, &d), 0);
	cr_assert_eq(cat.n, before + 1);
	cr_assert_eq(safety_find(&cat, "pregnancy")->level, SAFETY_STOP);
	cr_assert_str_eq(safety_find(&cat, "hernia")->title, "Hernia");
	unlink(path);
	free(path);
	diags_free(&d);
}

Test(safety, reports_a_bad_catalogue_entry_with_its_line)
{
	const char *want[] = {"3: error: condition 1: id 'Bad Id' must be lower-case",
		"4: error: condition 2: 'level' must be one of caution, stop", NULL};
	expect_refused("version = 1;\nconditions = (\n"
		       "{ id = \"Bad Id\"; title = \"x\"; level = \"stop\"; advice = \"a\"; },\n"
		       "{ id = \"ok\"; title = \"x\"; level = \"maybe\"; advice = \"a\"; }\n);\n", want);
}

/* trial-a #4: the advice on a step is labelled with the condition in a few
 * words, not its id ("Your recent-surgery:"). */
Test(safety, advice_is_labelled_with_the_condition_in_words)
{
	char *s = condition_label(safety_find(&cat, "joint-replacement"));
	cr_assert_str_eq(s, "With a hip or knee replacement: ");
	free(s);
	s = condition_label(safety_find(&cat, "recent-surgery"));
	cr_assert_str_eq(s, "With surgery in the last six weeks: ");
	free(s);
}

Test(safety, an_unknown_id_is_matched_by_a_typo_or_a_word_it_shares)
{
	cr_assert_str_eq(safety_closest(&cat, "osteoporsis"), "osteoporosis");
	/* trial C: the id a person guesses names the same thing in other words */
	cr_assert_str_eq(safety_closest(&cat, "hip-replacement"), "joint-replacement");
	cr_assert_str_eq(safety_closest(&cat, "lumbar-stenosis"), "spinal-stenosis");
	cr_assert_null(safety_closest(&cat, "broken-arm"), "no id shares a word of five letters or more");
}
