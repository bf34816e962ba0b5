/* Loading routines: the good files, the arithmetic, and every bad file. */
#define _GNU_SOURCE /* strcasestr */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <dirent.h>
#include <stdio.h>
#include <strings.h>

#include "file.h"
#include "helpers.h"
#include "util.h"

static struct safety cat;
static void setup(void) { load_catalogue(&cat); }
static void teardown(void) { safety_free(&cat); }
TestSuite(routine, .init = setup, .fini = teardown);

static struct routine *
load_good(const char *path)
{
	struct diags d = {0};
	struct routine *r = routine_load(path, &cat, &d);
	char *text = diags_text(&d);
	cr_assert_not_null(r, "%s should load:\n%s", path, text);
	cr_assert_eq(d.n, 0, "%s should be clean:\n%s", path, text);
	free(text);
	diags_free(&d);
	return r;
}

Test(routine, fills_defaults_for_a_minimal_file)
{
	struct routine *r = load_good("data/good/minimal.routine");
	cr_assert_str_eq(r->id, "minimal");
	cr_assert_str_eq(r->title, "Minimal");
	cr_assert_null(r->summary);
	cr_assert_eq(r->level, LEVEL_GENTLE);
	cr_assert_eq(r->prepare, 5);
	cr_assert_eq(r->nsteps, 1);
	const struct step *s = &r->steps[0];
	cr_assert_eq(s->type, STEP_REST);
	cr_assert_eq(s->reps, 1);
	cr_assert_eq(s->rest, 0);
	cr_assert_eq(s->sides, false);
	cr_assert_null(s->how);
	cr_assert_eq(routine_seconds(r), 10);
	routine_free(r);
}

Test(routine, reads_every_key)
{
	struct routine *r = load_good("data/good/full.routine");
	cr_assert_str_eq(r->summary, "Uses every key.");
	cr_assert_eq(r->level, LEVEL_FIRM);
	cr_assert_eq(r->prepare, 10);
	cr_assert_eq(strv_len(r->equipment), 2);
	cr_assert_str_eq(r->areas[1], "glutes");
	cr_assert_str_eq(r->contraindications[0], "dvt");
	cr_assert_str_eq(r->warnings[1], "Second warning.");
	cr_assert_eq(r->nsteps, 7);
	cr_assert_str_eq(r->steps[0].pressure, "at most 5 of 10");
	cr_assert_str_eq(r->steps[0].caution, "Stop if it tingles.");
	cr_assert_eq(r->steps[1].duration, 30);
	cr_assert_str_eq(r->steps[1].contraindications[0], "osteoporosis");
	cr_assert_eq(r->steps[1].ninstead, 1);
	cr_assert_str_eq(r->steps[1].instead[0].title, "Side-lying knee hug");
	cr_assert_str_eq(r->steps[1].instead[0].for_ids[0], "pregnancy");
	cr_assert_eq(r->steps[1].instead[0].sides, true);
	cr_assert_eq(r->steps[1].instead[0].reps, 1, "defaults as for a step");
	cr_assert_null(r->steps[1].instead[0].contraindications);
	cr_assert_eq(r->steps[3].duration, 90);
	cr_assert_eq(r->steps[4].duration, 120);
	cr_assert_str_eq(r->steps[5].sound, "start.wav");
	cr_assert_eq(r->steps[0].line, 13);
	routine_free(r);
}

Test(routine, does_the_bout_arithmetic_of_the_contract)
{
	struct routine *r = load_good("data/good/full.routine");
	/* sides, 1 rep, 45 s, 10 s rest: 2 bouts, 2*45 + 1*10 */
	cr_assert_eq(step_bouts(&r->steps[0]), 2);
	cr_assert_eq(step_seconds(&r->steps[0]), 100);
	/* sides, 2 reps, 30 s, 5 s rest: 4 bouts, 4*30 + 3*5 */
	cr_assert_eq(step_bouts(&r->steps[1]), 4);
	cr_assert_eq(step_seconds(&r->steps[1]), 135);
	/* 10 reps of 5 s, 2 s rest: 10*5 + 9*2 */
	cr_assert_eq(step_seconds(&r->steps[2]), 68);
	/* no rest counted after a single bout */
	cr_assert_eq(step_seconds(&r->steps[3]), 90);
	cr_assert_eq(routine_seconds(r), 100 + 135 + 68 + 90 + 120 + 60 + 1);
	/* prepare 10 before each of 7 steps, and 20 before the first: a mat */
	cr_assert_eq(routine_prepare_seconds(r), 80);
	routine_free(r);
}

Test(routine, get_ready_time_fits_the_step_type_with_prepare_as_a_minimum)
{
	struct routine *r = routine_from("version = 1; title = \"T\"; prepare = 3; equipment = [\"chair\"];\n"
	    "steps = ({ type = \"posture\"; title = \"a\"; duration = 5; },\n"
	    "         { type = \"hold\"; title = \"b\"; duration = 5; },\n"
	    "         { type = \"stretch\"; title = \"c\"; duration = 5; });\n", NULL);
	cr_assert_not(routine_on_floor(r));
	cr_assert_eq(step_prepare_seconds(r, 0), 3, "posture needs nothing: the routine's prepare");
	cr_assert_eq(step_prepare_seconds(r, 1), 10, "a ball to place");
	cr_assert_eq(step_prepare_seconds(r, 2), 5);
	cr_assert_eq(routine_prepare_seconds(r), 18);
	routine_free(r);
}

Test(routine, the_first_step_of_a_floor_routine_gives_time_to_lie_down)
{
	struct routine *r = routine_from("version = 1; title = \"T\"; prepare = 0; equipment = [\"yoga mat\"];\n"
	    "steps = ({ type = \"move\"; title = \"a\"; duration = 5; },\n"
	    "         { type = \"move\"; title = \"b\"; duration = 5; });\n", NULL);
	cr_assert(routine_on_floor(r));
	cr_assert_eq(step_prepare_seconds(r, 0), ROUTINE_FLOOR_READY);
	cr_assert_eq(step_prepare_seconds(r, 1), 0);
	routine_free(r);
	r = routine_from("version = 1; title = \"T\"; equipment = [\"format guide\", \"matches\"];\n"
	    "steps = ({ type = \"move\"; title = \"a\"; duration = 5; });\n", NULL);
	cr_assert_not(routine_on_floor(r), "\"mat\" inside another word is not a mat");
	routine_free(r);
}

/* trial-a #2: floor, chair, floor again: the second floor step gets the time
 * to get down too, the chair the time to get up, and each says so. */
Test(routine, every_step_that_gets_down_to_the_floor_or_up_from_it_gives_time_and_says_so)
{
	struct routine *r = routine_from("version = 1; title = \"T\"; prepare = 5; equipment = [\"mat\"];\n"
	    "steps = ({ type = \"hold\"; title = \"a\"; duration = 5; floor = true; },\n"
	    "         { type = \"move\"; title = \"b\"; duration = 5; floor = true; },\n"
	    "         { type = \"hold\"; title = \"chair\"; duration = 5; },\n"
	    "         { type = \"stretch\"; title = \"floor again\"; duration = 5; floor = true; },\n"
	    "         { type = \"move\"; title = \"stand\"; duration = 5; });\n", NULL);
	cr_assert(r->floor_marked);
	enum step_move want[] = {MOVE_DOWN, MOVE_NONE, MOVE_UP, MOVE_DOWN, MOVE_UP};
	long ready[] = {20, 5, 20, 20, 20};
	for (size_t i = 0; i < ARRAY_LEN(want); i++) {
		cr_assert_eq(step_move(r, i), want[i], "step %zu", i + 1);
		cr_assert_eq(step_prepare_seconds(r, i), ready[i], "step %zu", i + 1);
	}
	cr_assert(strstr(step_move_text(MOVE_DOWN), "get down onto the floor"));
	cr_assert(strstr(step_move_text(MOVE_UP), "get up from the floor"));
	cr_assert_null(step_move_text(MOVE_NONE));
	routine_free(r);
	/* a routine that marks no step: the old rule, and nothing said */
	r = routine_from("version = 1; title = \"T\"; prepare = 0; equipment = [\"mat\"];\n"
	    "steps = ({ type = \"move\"; title = \"a\"; duration = 5; });\n", NULL);
	cr_assert_not(r->floor_marked);
	cr_assert_eq(step_move(r, 0), MOVE_NONE);
	cr_assert_eq(step_prepare_seconds(r, 0), ROUTINE_FLOOR_READY);
	routine_free(r);
}

Test(routine, reads_utf8_text)
{
	struct routine *r = load_good("data/good/unicode.routine");
	cr_assert_str_eq(r->title, "Étirements du matin ☀");
	routine_free(r);
}

Test(routine, loads_every_bundled_routine_cleanly)
{
	DIR *dp = opendir("../routines");
	cr_assert_not_null(dp);
	struct dirent *de;
	int n = 0;
	while ((de = readdir(dp))) {
		if (!str_ends_with(de->d_name, ".routine"))
			continue;
		char *path = xasprintf("../routines/%s", de->d_name);
		routine_free(load_good(path));
		free(path);
		n++;
	}
	closedir(dp);
	cr_assert_geq(n, 8);
}

Test(routine, derives_the_id_from_the_file_name)
{
	char *id = routine_id_from_path("/a/b/lower-back.routine");
	cr_assert_str_eq(id, "lower-back");
	free(id);
	id = routine_id_from_path("plain");
	cr_assert_str_eq(id, "plain");
	free(id);
}

Test(routine, refuses_a_missing_file_with_one_error)
{
	struct diags d = {0};
	cr_assert_null(routine_load("data/good/does-not-exist.routine", &cat, &d));
	cr_assert_eq(d.n, 1);
	cr_assert(diags_have(&d, "does-not-exist.routine: error: cannot read: No such file"));
	diags_free(&d);
}

Test(routine, refuses_a_directory)
{
	struct diags d = {0};
	cr_assert_null(routine_load("data/good", &cat, &d));
	cr_assert(diags_have(&d, "is a directory"));
	diags_free(&d);
}

Test(routine, reports_every_problem_not_just_the_first)
{
	char text[] = "version = 1;\ntitle = \"x\";\nlevl = 1;\nsteps = (\n"
		      "{ type = \"hold\"; title = \"a\"; duration = 0; },\n"
		      "{ type = \"nap\"; title = \"b\"; duration = 5; reps = 0; }\n);\n";
	struct diags d = {0};
	cr_assert_null(routine_parse("multi.routine", text, strlen(text), &cat, &d));
	cr_assert_eq(d.errors, 3);
	cr_assert_eq(d.warnings, 1);
	cr_assert(diags_have(&d, "multi.routine:3: warning: unknown key 'levl'"));
	cr_assert(diags_have(&d, "multi.routine:5: error: step 1: 'duration'"));
	cr_assert(diags_have(&d, "multi.routine:6: error: step 2: 'type'"));
	cr_assert(diags_have(&d, "multi.routine:6: error: step 2: 'reps'"));
	/* sorted top to bottom */
	for (size_t i = 1; i < d.n; i++)
		cr_assert_leq(d.v[i - 1].line, d.v[i].line);
	diags_free(&d);
}

Test(routine, keeps_a_routine_with_only_warnings)
{
	char text[] = "version = 1;\ntitle = \"x\";\ncolour = 1;\n"
		      "steps = ({ type = \"rest\"; title = \"r\"; duration = 5; });\n";
	struct diags d = {0};
	struct routine *r = routine_parse("warn.routine", text, strlen(text), &cat, &d);
	cr_assert_not_null(r);
	cr_assert_eq(d.errors, 0);
	cr_assert_eq(d.warnings, 1);
	routine_free(r);
	diags_free(&d);
}

Test(routine, checks_ids_only_when_given_a_catalogue)
{
	char text[] = "version = 1;\ntitle = \"x\";\ncontraindications = [\"nope\"];\n"
		      "steps = ({ type = \"rest\"; title = \"r\"; duration = 5; });\n";
	struct diags d = {0};
	struct routine *r = routine_parse("ids.routine", text, strlen(text), NULL, &d);
	cr_assert_not_null(r);
	routine_free(r);
	diags_free(&d);
}

Test(routine, accepts_a_routine_of_exactly_four_hours)
{
	char text[] = "version = 1;\ntitle = \"x\";\nsteps = (\n"
		      "{ type = \"rest\"; title = \"a\"; duration = \"2h\"; },\n"
		      "{ type = \"rest\"; title = \"b\"; duration = \"2h\"; });\n";
	struct diags d = {0};
	struct routine *r = routine_parse("four.routine", text, strlen(text), &cat, &d);
	cr_assert_not_null(r);
	cr_assert_eq(routine_seconds(r), 4 * 3600);
	routine_free(r);
	diags_free(&d);
}

/* ---- every file in data/bad: each "# expect:" line must be reported ---- */

#define MAX_BAD 128

/* Parameters cross into Criterion's worker processes: cr_malloc them. */
static char *
cr_strdup(const char *s)
{
	char *d = cr_malloc(strlen(s) + 1);
	strcpy(d, s);
	return d;
}

static char **
bad_files(size_t *n)
{
	static char *names[MAX_BAD];
	*n = 0;
	DIR *dp = opendir("data/bad");
	cr_assert_not_null(dp);
	struct dirent *de;
	while ((de = readdir(dp)) && *n < MAX_BAD)
		if (str_ends_with(de->d_name, ".routine"))
			names[(*n)++] = cr_strdup(de->d_name);
	closedir(dp);
	return names;
}

ParameterizedTestParameters(routine, reports_each_bad_file_with_its_line_and_message)
{
	size_t n;
	char **names = bad_files(&n);
	char **params = cr_malloc(n * sizeof *params);
	memcpy(params, names, n * sizeof *params);
	return cr_make_param_array(char *, params, n);
}

ParameterizedTest(char **name, routine, reports_each_bad_file_with_its_line_and_message)
{
	char *path = xasprintf("data/bad/%s", *name);
	const char *why;
	size_t len;
	char *raw = read_file(path, 1 << 20, &len, &why);
	cr_assert_not_null(raw, "%s: %s", path, why);

	struct diags d = {0};
	struct routine *r = routine_load(path, &cat, &d);
	char *got = diags_text(&d);
	int expectations = 0;
	for (char *line = raw; line && line < raw + len; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
		if (strncmp(line, "# expect: ", 10) != 0)
			continue;
		char *end = strchr(line, '\n');
		char *want = xstrndup(line + 10, end ? (size_t)(end - line - 10) : strlen(line + 10));
		char *full = xasprintf("%s:%s", path, want);
		/* "LINE: level: msg" must match with the file name in front; a
		 * bare "level: msg" may match anywhere */
		int ok = (want[0] >= '0' && want[0] <= '9') ? diags_have(&d, full) : diags_have(&d, want);
		cr_expect(ok, "%s: expected \"%s\", got:\n%s", path, want, got);
		free(full);
		free(want);
		expectations++;
	}
	cr_assert_gt(expectations, 0, "%s has no '# expect:' line", path);
	cr_assert(r == NULL || d.warnings > 0, "%s should fail `check --strict`", path);
	routine_free(r);
	free(got);
	free(raw);
	free(path);
	diags_free(&d);
}

Test(routine, has_at_least_forty_bad_files)
{
	size_t n = 0;
	DIR *dp = opendir("data/bad");
	cr_assert_not_null(dp);
	for (struct dirent *de; (de = readdir(dp));)
		n += str_ends_with(de->d_name, ".routine");
	closedir(dp);
	cr_assert_geq(n, 40);
}

/* The key tables are the format: the man page must describe every key,
 * with the kind, default and range the table gives (lcfg_key_synopsis),
 * and list an enum's every choice in its paragraph. */
static char *
man_escape(const char *s)
{
	struct buf b = {0};
	for (; *s; s++) {
		if (*s == '"')
			buf_addf(&b, "\\(dq");
		else if (*s == '-')
			buf_addf(&b, "\\-");
		else
			buf_add(&b, s, 1);
	}
	return b.s;
}

static void
expect_keys_documented(const char *man, const struct lcfg_key *keys, size_t n, const char *what)
{
	for (size_t i = 0; i < n; i++) {
		const struct lcfg_key *k = &keys[i];
		char *syn = lcfg_key_synopsis(k);
		char *esc = syn ? man_escape(syn) : NULL;
		char *want = syn ? xasprintf(".BR %s \" (%s)\"\n", k->name, esc) : xasprintf(".BR %s \" (", k->name);
		const char *at = strstr(man, want);
		cr_expect(at, "unknot-routine(5): %s key '%s' should be headed: %s", what, k->name, want);
		/* an enum's choices, each as .BR or .B, before the next heading */
		for (size_t c = 0; at && k->kind == LK_ENUM && k->choices[c]; c++) {
			const char *next = strstr(at + 1, ".TP");
			char *b1 = xasprintf(".BR %s ", k->choices[c]), *b2 = xasprintf(".B %s\n", k->choices[c]);
			const char *hit = strstr(at, b1), *hit2 = strstr(at, b2);
			if (hit == NULL || (hit2 && hit2 < hit))
				hit = hit2;
			cr_expect(hit && (next == NULL || hit < next), "unknot-routine(5): '%s' should list %s",
			    k->name, k->choices[c]);
			free(b1);
			free(b2);
		}
		free(want);
		free(esc);
		free(syn);
	}
}

Test(routine, man_page_documents_every_key_of_the_tables)
{
	const char *why;
	char *man = read_file("../man/unknot-routine.5", 1 << 20, NULL, &why);
	cr_assert_not_null(man, "%s", why);
	expect_keys_documented(man, routine_keys, routine_nkeys, "routine");
	expect_keys_documented(man, step_keys, step_nkeys, "step");
	expect_keys_documented(man, instead_keys, 1, "instead"); /* `for`; the rest are step keys */
	free(man);
}

Test(routine, the_key_synopsis_says_kind_default_and_range)
{
	char *s = lcfg_key_synopsis(&step_keys[8]);
	cr_assert_str_eq(step_keys[8].name, "reps");
	cr_assert_str_eq(s, "number, default: 1, range 1 to 100");
	free(s);
	for (size_t i = 0; i < step_nkeys; i++)
		if (strcmp(step_keys[i].name, "duration") == 0) {
			s = lcfg_key_synopsis(&step_keys[i]);
			cr_assert_str_eq(s, "duration, required, range 1s to 2h");
			free(s);
		}
	s = lcfg_key_synopsis(&routine_keys[3]);
	cr_assert_str_eq(s, "text, default: \"gentle\"");
	free(s);
}

/* ---- the bundled content: what issues 5 and 13 promise of every routine ---- */

static void
each_bundled(void (*fn)(const struct routine *))
{
	DIR *dp = opendir("../routines");
	cr_assert_not_null(dp);
	for (struct dirent *de; (de = readdir(dp));) {
		if (!str_ends_with(de->d_name, ".routine"))
			continue;
		char *path = xasprintf("../routines/%s", de->d_name);
		struct routine *r = load_good(path); /* clean: no dose ceiling exceeded */
		fn(r);
		routine_free(r);
		free(path);
	}
	closedir(dp);
}

static bool
lists(char **v, const char *id)
{
	for (; v && *v; v++)
		if (strcmp(*v, id) == 0)
			return true;
	return false;
}

static void
says_how_and_pressure(const struct routine *r, const struct step *s)
{
	cr_expect_not_null(s->how, "%s: step '%s' has no 'how'", r->id, s->title);
	if (s->type == STEP_HOLD || s->type == STEP_ROLL)
		cr_expect_not_null(s->pressure, "%s: step '%s' is a %s with no 'pressure'", r->id, s->title,
		    step_type_name(s->type));
}

/* fn for every step of r and every replacement of one */
static void
each_step(const struct routine *r, void (*fn)(const struct routine *, const struct step *))
{
	for (size_t i = 0; i < r->nsteps; i++) {
		fn(r, &r->steps[i]);
		for (size_t k = 0; k < r->steps[i].ninstead; k++)
			fn(r, &r->steps[i].instead[k]);
	}
}

static void
every_step_says_how_and_pressure(const struct routine *r)
{
	each_step(r, says_how_and_pressure);
}

/* Each roll or hold, as written or as a replacement, screens dvt,
 * anticoagulants and osteoporosis: the routine names them. */
static void
pressure_routines_list_the_pressure_conditions(const struct routine *r)
{
	bool pressure = false;
	for (size_t i = 0; i < r->nsteps; i++) {
		pressure |= r->steps[i].type == STEP_HOLD || r->steps[i].type == STEP_ROLL;
		for (size_t k = 0; k < r->steps[i].ninstead; k++)
			pressure |= r->steps[i].instead[k].type == STEP_HOLD || r->steps[i].instead[k].type == STEP_ROLL;
	}
	if (!pressure)
		return;
	cr_expect(lists(r->contraindications, "dvt"), "%s: rolls or holds, but no dvt", r->id);
	cr_expect(lists(r->contraindications, "anticoagulants"), "%s: no anticoagulants", r->id);
	cr_expect(lists(r->contraindications, "osteoporosis"), "%s: no osteoporosis", r->id);
}

static void
never_promises_a_cure(const struct routine *r)
{
	const char *words[] = {"cure", "heal", "fix your", "guarantee", "eliminate"};
	const char *texts[] = {r->title, r->summary};
	for (size_t t = 0; t < 2; t++)
		for (size_t w = 0; texts[t] && w < ARRAY_LEN(words); w++)
			cr_expect(!strcasestr(texts[t], words[w]), "%s promises '%s'", r->id, words[w]);
}

Test(routine, every_bundled_step_says_how_and_holds_and_rolls_say_how_hard)
{
	each_bundled(every_step_says_how_and_pressure);
}

Test(routine, bundled_routines_with_pressure_list_dvt_anticoagulants_osteoporosis)
{
	each_bundled(pressure_routines_list_the_pressure_conditions);
}

Test(routine, bundled_routines_never_promise_a_cure)
{
	each_bundled(never_promises_a_cure);
}

/*
 * What a step's words say it does, and the condition that rules it out
 * (health-facts section 3 and 5): lying on the back or face down is not for
 * pregnancy after 16-20 weeks, forward bends, end-range twists and pressure
 * along the spine not for osteoporosis, bending the hip past a right angle
 * or crossing the legs not for a new hip, bending backward not for spinal
 * stenosis.  A step whose text says so must name the condition, so that the
 * plan leaves it out or replaces it.
 */
static const struct {
	const char *words, *condition;
} rules[] = {
	{"on your back", "pregnancy"},
	{"face down", "pregnancy"},
	{"on your front", "pregnancy"},
	{"ankle over the other knee", "joint-replacement"},
	{"cross that ankle", "joint-replacement"},
	{"toward your chest", "osteoporosis"},
	{"toward your chest", "joint-replacement"},
	{"knees to chest", "osteoporosis"},
	{"toward your heels", "osteoporosis"},
	{"toward your heels", "joint-replacement"},
	{"round your back", "osteoporosis"},
	{"roll both knees", "osteoporosis"},
	{"roll both knees", "joint-replacement"},
	{"knees roll", "osteoporosis"},
	{"knees roll", "joint-replacement"},
	{"roll them slowly from side to side", "osteoporosis"},
	{"turn your upper body", "osteoporosis"},
	{"across your back", "osteoporosis"},
	{"lean forward slowly between your knees", "osteoporosis"},
	{"lean back", "spinal-stenosis"},
	{"let it sag", "spinal-stenosis"},
	{"straighten your arms slowly to lift your chest", "spinal-stenosis"},
	{"lower back sag", "spinal-stenosis"},
	/* pressure where a hip scar often is (trial-a #4) */
	{"under one buttock", "joint-replacement"},
	{"where the front pocket", "joint-replacement"},
};

static bool
says(const struct step *s, const char *words)
{
	return (s->how && strcasestr(s->how, words)) || strcasestr(s->title, words);
}

static void
steps_name_what_rules_them_out(const struct routine *r)
{
	for (size_t i = 0; i < r->nsteps; i++) {
		const struct step *s = &r->steps[i];
		for (size_t k = 0; k < ARRAY_LEN(rules); k++)
			if (says(s, rules[k].words))
				cr_expect(lists(s->contraindications, rules[k].condition),
				    "%s: '%s' says \"%s\" but does not name %s", r->id, s->title, rules[k].words,
				    rules[k].condition);
		/* a replacement may do such a thing only when its step names the
		 * condition and it is not made for it: then it is never used
		 * for a person who declared it */
		for (size_t j = 0; j < s->ninstead; j++)
			for (size_t k = 0; k < ARRAY_LEN(rules); k++)
				if (says(&s->instead[j], rules[k].words))
					cr_expect(lists(s->contraindications, rules[k].condition) &&
					    !lists(s->instead[j].for_ids, rules[k].condition),
					    "%s: the replacement '%s' says \"%s\" but could run with %s", r->id,
					    s->instead[j].title, rules[k].words, rules[k].condition);
	}
}

Test(routine, bundled_steps_name_the_conditions_their_words_rule_out)
{
	each_bundled(steps_name_what_rules_them_out);
}

/*
 * Every step a declared pregnancy, osteoporosis, joint replacement or spinal
 * stenosis rules out has a replacement for it, or is left out on purpose:
 * these, each for its reason.
 */
static const struct {
	const char *routine, *step, *condition;
} left_out[] = {
	/* deep hip and spine flexion, kneeling: no upright version does the same */
	{"evening-wind-down", "Child's pose", "osteoporosis"},
	{"evening-wind-down", "Child's pose", "joint-replacement"},
	{"evening-wind-down", "Knee to chest", "osteoporosis"},
	{"evening-wind-down", "Knee to chest", "joint-replacement"},
	{"lower-back", "Knee to chest", "osteoporosis"},
	{"lower-back", "Knee to chest", "joint-replacement"},
	{"stenosis-flexion", "Knee to chest", "osteoporosis"},
	{"stenosis-flexion", "Knee to chest", "joint-replacement"},
	{"stenosis-flexion", "Both knees to chest", "pregnancy"},
	{"stenosis-flexion", "Both knees to chest", "osteoporosis"},
	{"stenosis-flexion", "Both knees to chest", "joint-replacement"},
	{"stenosis-flexion", "Seated forward lean", "osteoporosis"},
	{"morning-mobility", "Bottom to heels", "osteoporosis"},
	{"morning-mobility", "Bottom to heels", "joint-replacement"},
	/* crossing the legs, turning the hip out: every version crosses */
	{"evening-wind-down", "Figure-four stretch", "joint-replacement"},
	{"glutes-hips", "Figure-four stretch", "joint-replacement"},
	{"lower-back", "Figure-four stretch", "joint-replacement"},
	{"pregnancy-side", "Seated figure-four", "joint-replacement"},
	/* the hip flexor stretch extends the hip; kneeling on a new knee */
	{"glutes-hips", "Half-kneeling hip flexor stretch", "joint-replacement"},
	/* lying face down, pressure beside the hip and near a hip scar */
	{"glutes-hips", "Front of the hip (TFL) ball release", "pregnancy"},
	{"glutes-hips", "Front of the hip (TFL) ball release", "joint-replacement"},
	/* a ball under the buttock, where a hip scar often is (trial-a #4); the
	 * seated squeeze that replaces it elsewhere comes next in no-floor */
	{"lower-back", "Glute ball release on a chair", "joint-replacement"},
	{"no-floor", "Glute ball on the chair", "joint-replacement"},
	/* pressure on the muscles along the spine: the wall version too */
	{"lower-back", "Beside the spine with two balls", "osteoporosis"},
	/* bending backward is what stenosis does not want; the routine that
	 * suits it is stenosis-flexion */
	{"morning-mobility", "Standing back bend", "spinal-stenosis"},
	{"press-ups", "Lying face down", "spinal-stenosis"},
	{"press-ups", "Resting on your elbows", "spinal-stenosis"},
	{"press-ups", "Press-ups", "spinal-stenosis"},
	{"press-ups", "Standing back bend", "spinal-stenosis"},
	/* lying face down: not in pregnancy; the routine is about that position */
	{"press-ups", "Lying face down", "pregnancy"},
	{"press-ups", "Resting on your elbows", "pregnancy"},
	{"press-ups", "Press-ups", "pregnancy"},
};

static bool
replaced_for(const struct step *s, const char *condition)
{
	for (size_t k = 0; k < s->ninstead; k++)
		if (lists(s->instead[k].for_ids, condition))
			return true;
	return false;
}

static bool
on_purpose(const char *routine, const char *step, const char *condition)
{
	for (size_t i = 0; i < ARRAY_LEN(left_out); i++)
		if (strcmp(left_out[i].routine, routine) == 0 && strcmp(left_out[i].step, step) == 0 &&
		    strcmp(left_out[i].condition, condition) == 0)
			return true;
	return false;
}

static void
ruled_out_steps_are_replaced_or_left_out_on_purpose(const struct routine *r)
{
	const char *four[] = {"pregnancy", "osteoporosis", "joint-replacement", "spinal-stenosis"};
	for (size_t i = 0; i < r->nsteps; i++)
		for (size_t c = 0; c < ARRAY_LEN(four); c++) {
			const struct step *s = &r->steps[i];
			if (!lists(s->contraindications, four[c]))
				continue;
			bool replaced = replaced_for(s, four[c]), listed = on_purpose(r->id, s->title, four[c]);
			cr_expect(replaced || listed, "%s: '%s' is ruled out by %s with no replacement; "
			    "give it one or list it in left_out[]", r->id, s->title, four[c]);
			cr_expect(!(replaced && listed), "%s: '%s' has a replacement for %s: take it off left_out[]",
			    r->id, s->title, four[c]);
		}
}

Test(routine, bundled_steps_ruled_out_by_the_four_conditions_are_replaced_or_left_out_on_purpose)
{
	each_bundled(ruled_out_steps_are_replaced_or_left_out_on_purpose);
	/* and every entry of the list still names a step that names the condition */
	for (size_t i = 0; i < ARRAY_LEN(left_out); i++) {
		char *path = xasprintf("../routines/%s.routine", left_out[i].routine);
		struct routine *r = load_good(path);
		bool found = false;
		for (size_t k = 0; k < r->nsteps; k++)
			found |= strcmp(r->steps[k].title, left_out[i].step) == 0 &&
			    lists(r->steps[k].contraindications, left_out[i].condition);
		cr_expect(found, "left_out[%zu]: %s has no step '%s' naming %s", i, left_out[i].routine,
		    left_out[i].step, left_out[i].condition);
		routine_free(r);
		free(path);
	}
}

/* The issue's own examples of what the content must screen. */
Test(routine, bundled_routines_screen_what_issue_13_names)
{
	struct {
		const char *routine, *condition;
	} named[] = {
		{"hamstrings-calves", "nerve-symptoms"},
		{"desk-reset", "spinal-stenosis"},
		{"morning-mobility", "spinal-stenosis"},
		{"upper-back", "cancer"},
		{"lower-back", "cancer"},
		{"lower-back", "recent-surgery"},
		{"glutes-hips", "recent-surgery"},
	};
	for (size_t i = 0; i < ARRAY_LEN(named); i++) {
		char *path = xasprintf("../routines/%s.routine", named[i].routine);
		struct routine *r = load_good(path);
		bool found = lists(r->contraindications, named[i].condition);
		for (size_t k = 0; k < r->nsteps; k++)
			found |= lists(r->steps[k].contraindications, named[i].condition);
		cr_expect(found, "%s should screen %s", named[i].routine, named[i].condition);
		routine_free(r);
		free(path);
	}
}

/* Where a routine speaks of sides and the side is not obvious, it says
 * which limb "Left side" means. */
static void
sided_steps_say_what_left_means(const struct routine *r)
{
	for (size_t i = 0; i < r->nsteps; i++) {
		const struct step *s = &r->steps[i];
		if (s->sides)
			cr_expect(s->how && strstr(s->how, "Left side"), "%s: '%s' is done on both sides "
			    "but does not say what the left side is", r->id, s->title);
		for (size_t k = 0; k < s->ninstead; k++)
			if (s->instead[k].sides)
				cr_expect(s->instead[k].how && strstr(s->instead[k].how, "Left side"),
				    "%s: the replacement '%s' does not say what the left side is", r->id,
				    s->instead[k].title);
	}
}

/* trial-b #10: on the right side the text must not say "Left side: turn to
 * your left": its side sentence is mirrored, and nothing else in a sided
 * step names a side. */
static bool
names_a_side(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strncasecmp(s + i, "left", 4) == 0 ||
		    (strncasecmp(s + i, "right", 5) == 0 && strncasecmp(s + i, "right angle", 11) != 0))
			return true;
	return false;
}

static void
right_side_text_agrees(const struct routine *r, const struct step *s)
{
	if (!s->sides || s->how == NULL)
		return;
	const char *tail = strstr(s->how, "Left side:");
	cr_assert_not_null(tail, "%s: '%s'", r->id, s->title);
	cr_expect(!names_a_side(s->how, (size_t)(tail - s->how)), "%s: '%s' names a side outside its "
	    "'Left side:' sentence, which the right side could not mirror", r->id, s->title);
	char *right = step_how_for_side(s, true);
	cr_expect(strstr(right, "Left side") == NULL && strstr(right, "Right side:"), "%s: '%s' on the "
	    "right side says: %s", r->id, s->title, right);
	free(right);
	char *left = step_how_for_side(s, false);
	cr_expect_str_eq(left, s->how, "the left side as written");
	free(left);
}

static void
right_sides_agree(const struct routine *r)
{
	each_step(r, right_side_text_agrees);
}

Test(routine, bundled_sided_steps_never_say_left_on_the_right_side)
{
	each_bundled(right_sides_agree);
}

Test(routine, the_right_side_mirrors_the_left_side_sentence)
{
	struct step s = {.sides = true, .how = "Sit tall and turn. No forcing. Left side: turn to your left."};
	char *t = step_how_for_side(&s, true);
	cr_assert_str_eq(t, "Sit tall and turn. No forcing. Right side: turn to your right.");
	free(t);
	s.how = "Lie down. Left side: lying on your right side, the Left arm opens.";
	t = step_how_for_side(&s, true);
	cr_assert_str_eq(t, "Lie down. Right side: lying on your left side, the Right arm opens.");
	free(t);
	t = step_side_sentence(&s, true);
	cr_assert_str_eq(t, "Right side: lying on your left side, the Right arm opens.");
	free(t);
	s.sides = false;
	cr_assert_null(step_side_sentence(&s, true), "a step without sides has no side sentence");
}

Test(routine, bundled_sided_steps_say_which_limb_left_means)
{
	each_bundled(sided_steps_say_what_left_means);
}

/*
 * trial-a #2 and #3: unknot says when to get down to the floor and up from
 * it, by the steps' `floor` (step_move): a step whose words put you on the
 * floor must say floor = true, and a step that is not on the floor never
 * tells you to get up from it (a replaced floor step would leave that
 * sentence for someone who was never down there).
 */
static const char *const floor_words[] = {
	"lie on", "lie partly", "on hands and knees", "kneel", "face down", "on your front",
	"sit with the roller", "sit with one leg straight",
};
static const char *const getting_up_words[] = {
	"get up", "getting up", "roll onto your side", "push yourself up", "push up with your hands",
};

static void
floor_step_says_floor(const struct routine *r, const struct step *s)
{
	for (size_t k = 0; k < ARRAY_LEN(floor_words); k++)
		if (says(s, floor_words[k]))
			cr_expect(s->floor, "%s: '%s' says \"%s\" but not floor = true", r->id, s->title,
			    floor_words[k]);
	for (size_t k = 0; !s->floor && k < ARRAY_LEN(getting_up_words); k++)
		cr_expect(!says(s, getting_up_words[k]), "%s: '%s' is not on the floor but says \"%s\": "
		    "mark the floor steps instead, unknot says how to get up", r->id, s->title,
		    getting_up_words[k]);
}

static void
steps_say_where_the_floor_is(const struct routine *r)
{
	each_step(r, floor_step_says_floor);
}

Test(routine, bundled_steps_say_floor_when_on_it_and_never_get_up_from_a_floor_they_are_not_on)
{
	each_bundled(steps_say_where_the_floor_is);
}

/* A step of n reps must leave each rep the time its words ask for: a move
 * that says "ten times" in one bout needs at least 3 s for each. */
static void
counted_moves_have_time_for_their_count(const struct routine *r)
{
	const struct {
		const char *words;
		int times;
	} counts[] = {{"ten times", 10}, {"ten to fifteen", 10}, {"eight to ten", 8}, {"about eight", 8}};
	for (size_t i = 0; i < r->nsteps; i++) {
		const struct step *s = &r->steps[i];
		for (size_t k = 0; s->how && s->reps == 1 && k < ARRAY_LEN(counts); k++)
			if (strcasestr(s->how, counts[k].words))
				cr_expect_geq(s->duration, counts[k].times * 4, "%s: '%s' asks for %s in %d s", r->id,
				    s->title, counts[k].words, s->duration);
	}
}

Test(routine, bundled_moves_have_time_for_the_count_they_ask)
{
	each_bundled(counted_moves_have_time_for_their_count);
}

Test(routine, all_fourteen_bundled_routines_load_cleanly)
{
	size_t n = 0;
	DIR *dp = opendir("../routines");
	cr_assert_not_null(dp);
	for (struct dirent *de; (de = readdir(dp));)
		n += str_ends_with(de->d_name, ".routine");
	closedir(dp);
	cr_assert_geq(n, 14);
}

Test(routine, the_desk_reset_the_reminder_starts_takes_about_two_minutes)
{
	struct routine *r = load_good("../routines/desk-reset.routine");
	cr_assert(routine_seconds(r) >= 90 && routine_seconds(r) <= 180);
	routine_free(r);
}
