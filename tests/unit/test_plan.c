/* The adaptation decision: what runs for a person who declared conditions. */
#include <criterion/criterion.h>

#include "helpers.h"
#include "plan.h"
#include "screening.h"
#include "util.h"

static struct safety cat;
static struct routine *r; /* routine_text, made afresh for every test */
static struct plan p;

static struct routine *
parse(const char *text)
{
	char *copy = xstrdup(text);
	struct diags d = {0};
	struct routine *got = routine_parse("p.routine", copy, strlen(copy), &cat, &d);
	char *why = diags_text(&d);
	cr_assert_not_null(got, "%s", why);
	cr_assert_eq(d.n, 0, "%s", why);
	free(why);
	free(copy);
	diags_free(&d);
	return got;
}

/* Four steps: a roll for osteoporosis with a wall version, a stretch out
 * for pregnancy and osteoporosis with one version for pregnancy only and
 * one for both, a hold, and a back bend left out for stenosis. */
static const char routine_text[] =
    "version = 1;\ntitle = \"Plan\";\n"
    "contraindications = [\"dvt\", \"anticoagulants\", \"pregnancy\"];\n"
    "steps = (\n"
    "  { type = \"roll\"; title = \"Mid-back roll\"; duration = 45;\n"
    "    contraindications = [\"osteoporosis\"];\n"
    "    instead = ( { for = [\"osteoporosis\"]; type = \"hold\"; title = \"Ball on a wall\"; duration = 40; } ); },\n"
    "  { type = \"stretch\"; title = \"Knee to chest\"; duration = 30; sides = true;\n"
    "    contraindications = [\"pregnancy\", \"osteoporosis\"];\n"
    "    instead = ( { for = [\"pregnancy\"]; type = \"stretch\"; title = \"Side-lying knee hug\"; duration = 30; sides = true; },\n"
    "                { for = [\"pregnancy\", \"osteoporosis\"]; type = \"move\"; title = \"Seated march\"; duration = 30; } ); },\n"
    "  { type = \"hold\"; title = \"Glute ball\"; duration = 45; sides = true; rest = 10; },\n"
    "  { type = \"posture\"; title = \"Back bend\"; duration = 3; reps = 5; rest = 2;\n"
    "    contraindications = [\"spinal-stenosis\", \"fracture\"]; }\n"
    ");\n";

static void
setup(void)
{
	load_catalogue(&cat);
	r = parse(routine_text);
}
static void
teardown(void)
{
	plan_free(&p);
	routine_free(r);
	safety_free(&cat);
}
TestSuite(plan, .init = setup, .fini = teardown);

static const char *
title_at(const struct plan *pl, size_t i)
{
	cr_assert_lt(i, pl->run.nsteps);
	cr_assert_str_eq(pl->steps[i].step->title, pl->run.steps[i].title, "steps and run agree");
	return pl->run.steps[i].title;
}

Test(plan, runs_the_routine_as_written_when_nothing_is_declared)
{
	plan_make(&p, &cat, r, NULL);
	cr_assert_eq(p.run.nsteps, 4);
	cr_assert_eq(p.nchanges, 0);
	cr_assert_not(plan_refused(&p));
	cr_assert_not(p.declared_any);
	cr_assert_eq(routine_seconds(&p.run), routine_seconds(r));
	cr_assert_str_eq(title_at(&p, 1), "Knee to chest");
	/* every condition named, once, stop first */
	cr_assert_eq(p.nconds, 6);
	cr_assert_eq(p.conds[0].cond->level, SAFETY_STOP);
	for (size_t i = 0; i < p.nconds; i++)
		cr_assert_eq(p.conds[i].effect, PLAN_NOT_DECLARED);
}

Test(plan, replaces_a_step_by_the_first_entry_made_for_the_condition)
{
	char *declared[] = {"pregnancy", NULL};
	plan_make(&p, &cat, r, declared);
	cr_assert_eq(p.run.nsteps, 4);
	cr_assert_str_eq(title_at(&p, 0), "Mid-back roll");
	cr_assert_str_eq(title_at(&p, 1), "Side-lying knee hug", "the first entry for pregnancy");
	cr_assert_eq(p.nchanges, 1);
	cr_assert_eq(p.changes[0].kind, PLAN_REPLACED);
	cr_assert_eq(p.changes[0].index, 1);
	cr_assert_str_eq(p.changes[0].why[0], "pregnancy");
	cr_assert_null(p.changes[0].why[1]);
	cr_assert_eq(p.steps[1].change, &p.changes[0]);
	cr_assert_eq(p.steps[1].index, 1);
}

Test(plan, a_replacement_must_be_made_for_every_declared_condition_that_rules_the_step_out)
{
	char *declared[] = {"osteoporosis", "pregnancy", NULL};
	plan_make(&p, &cat, r, declared);
	cr_assert_str_eq(title_at(&p, 0), "Ball on a wall");
	cr_assert_str_eq(title_at(&p, 1), "Seated march", "the side-lying one is for pregnancy only");
	cr_assert_eq(p.changes[1].why[0], r->steps[1].contraindications[0]);
	cr_assert_str_eq(p.changes[1].why[1], "osteoporosis");
}

Test(plan, leaves_out_a_step_without_a_replacement_and_recounts_the_time)
{
	char *declared[] = {"spinal-stenosis", NULL};
	plan_make(&p, &cat, r, declared);
	cr_assert_eq(p.run.nsteps, 3);
	cr_assert_eq(p.nchanges, 1);
	cr_assert_eq(p.changes[0].kind, PLAN_LEFT_OUT);
	cr_assert_null(p.changes[0].to);
	cr_assert_eq(routine_seconds(&p.run), routine_seconds(r) - step_seconds(&r->steps[3]));
	cr_assert_eq(routine_prepare_seconds(&p.run), routine_prepare_seconds(r) - step_prepare_seconds(r, 3));
	char *line = plan_change_text(&p.changes[0]);
	cr_assert_str_eq(line, "Left out: Back bend (spinal-stenosis)");
	free(line);
}

Test(plan, a_stop_condition_of_a_step_leaves_the_step_out_and_does_not_refuse)
{
	char *declared[] = {"fracture", NULL};
	plan_make(&p, &cat, r, declared);
	cr_assert_not(plan_refused(&p));
	cr_assert_eq(p.run.nsteps, 3);
	cr_assert_eq(p.conds[0].effect, PLAN_ADAPTS);
	cr_assert_str_eq(p.conds[0].cond->id, "fracture");
}

Test(plan, a_stop_condition_of_the_routine_refuses_the_start)
{
	char *declared[] = {"pregnancy", "dvt", NULL};
	plan_make(&p, &cat, r, declared);
	cr_assert(plan_refused(&p));
	cr_assert_str_eq(p.refuse->id, "dvt");
	cr_assert_str_eq(p.conds[0].cond->id, "dvt", "declared, stop first");
	cr_assert_eq(p.conds[0].effect, PLAN_REFUSES);
	char *why = plan_refusal_text(&p);
	cr_assert(strstr(why, "Not starting") && strstr(why, "Deep vein thrombosis"), "%s", why);
	free(why);
}

Test(plan, refuses_when_every_step_is_left_out)
{
	routine_free(r);
	r = parse("version = 1;\ntitle = \"x\";\nsteps = (\n"
				  "{ type = \"stretch\"; title = \"a\"; duration = 5; contraindications = [\"pregnancy\"]; },\n"
				  "{ type = \"stretch\"; title = \"b\"; duration = 5; contraindications = [\"pregnancy\"]; });\n");
	char *declared[] = {"pregnancy", NULL};
	plan_make(&p, &cat, r, declared);
	cr_assert(p.nothing_left);
	cr_assert(plan_refused(&p));
	cr_assert_null(p.refuse);
	char *why = plan_refusal_text(&p);
	cr_assert(strstr(why, "every step") && strstr(why, "pregnancy"), "%s", why);
	free(why);
}

Test(plan, a_declared_caution_goes_with_the_step_types_it_concerns)
{
	char *declared[] = {"anticoagulants", NULL};
	plan_make(&p, &cat, r, declared);
	/* anticoagulants concerns holds and rolls: the roll and the hold */
	cr_assert_eq(p.steps[0].ncautions, 1);
	cr_assert_str_eq(p.steps[0].cautions[0]->id, "anticoagulants");
	cr_assert_eq(p.steps[1].ncautions, 0);
	cr_assert_eq(p.steps[2].ncautions, 1);
	cr_assert_eq(p.steps[3].ncautions, 0);
	cr_assert_eq(p.conds[0].effect, PLAN_CAUTIONS);
	cr_assert_eq(p.conds[0].cautioned, 2);
	cr_assert(p.declared_any);
}

Test(plan, a_replacement_made_for_a_caution_does_not_carry_its_advice)
{
	/* pregnancy: a routine caution (holds, rolls) and the stretch's reason */
	char *declared[] = {"pregnancy", NULL};
	plan_make(&p, &cat, r, declared);
	cr_assert_eq(p.steps[0].ncautions, 1, "the roll gets the pregnancy advice");
	cr_assert_eq(p.steps[1].ncautions, 0, "the side-lying version is made for it");
	cr_assert_eq(p.steps[2].ncautions, 1);
	const struct plan_condition *pc = &p.conds[0];
	cr_assert_str_eq(pc->cond->id, "pregnancy");
	cr_assert_eq(pc->effect, PLAN_ADAPTS);
	cr_assert_eq(pc->changed, 1);
	cr_assert_eq(pc->cautioned, 2);
}

/* trial-a #4: a condition only steps name (a new hip, osteoporosis) still has
 * advice for the steps that run ("keep pressure off the scar"). */
Test(plan, a_declared_condition_only_steps_name_gives_its_advice_to_the_steps_that_run)
{
	char *declared[] = {"osteoporosis", NULL};
	plan_make(&p, &cat, r, declared);
	cr_assert_str_eq(title_at(&p, 0), "Ball on a wall");
	cr_assert_eq(p.steps[0].ncautions, 0, "the wall version is made for it");
	cr_assert_eq(p.steps[2].ncautions, 1, "the glute ball is a hold: osteoporosis concerns it");
	cr_assert_str_eq(p.steps[2].cautions[0]->id, "osteoporosis");
	const struct plan_condition *pc = &p.conds[0];
	cr_assert_str_eq(pc->cond->id, "osteoporosis");
	cr_assert_eq(pc->effect, PLAN_ADAPTS);
	cr_assert_eq(pc->cautioned, 1);
}

Test(plan, a_caution_that_concerns_no_running_step_only_advises)
{
	routine_free(r);
	r = parse("version = 1;\ntitle = \"x\";\ncontraindications = [\"anticoagulants\"];\n"
				  "steps = ({ type = \"posture\"; title = \"Chin tucks\"; duration = 5; });\n");
	char *declared[] = {"anticoagulants", NULL};
	plan_make(&p, &cat, r, declared);
	cr_assert_eq(p.conds[0].effect, PLAN_ADVISES);
	cr_assert_eq(p.steps[0].ncautions, 0);
}

Test(plan, a_declared_condition_the_routine_does_not_name_changes_nothing)
{
	char *declared[] = {"varicose-veins", "no-such-id", NULL};
	plan_make(&p, &cat, r, declared);
	cr_assert_not(p.declared_any);
	cr_assert_eq(p.nchanges, 0);
	cr_assert_eq(p.run.nsteps, r->nsteps);
}

Test(plan, says_a_replacement_in_one_line)
{
	char *declared[] = {"pregnancy", "osteoporosis", NULL};
	plan_make(&p, &cat, r, declared);
	char *line = plan_change_text(&p.changes[1]);
	cr_assert_str_eq(line, "Replaced: Knee to chest -> Seated march (pregnancy, osteoporosis)");
	free(line);
}

Test(plan, lists_the_undeclared_conditions_in_three_groups)
{
	char *declared[] = {"anticoagulants", NULL};
	plan_make(&p, &cat, r, declared);
	char *not_with = plan_undeclared_ids(&p, PLAN_NOT_WITH);
	char *care = plan_undeclared_ids(&p, PLAN_CARE_WITH);
	char *adapts = plan_undeclared_ids(&p, PLAN_ADAPTS_TO);
	cr_assert_str_eq(not_with, "dvt", "the routine's stop conditions");
	cr_assert_str_eq(care, "pregnancy", "its caution ones, the declared one said apart");
	cr_assert_str_eq(adapts, "fracture, osteoporosis, spinal-stenosis", "those only steps name");
	cr_assert_str_eq(plan_group_label(PLAN_ADAPTS_TO), "Adapts to: ");
	free(not_with);
	free(care);
	free(adapts);
}

/* trial-a #8: the screening's question groups the conditions as the home
 * screen and `show` do, under the same labels, in the same words. */
Test(plan, the_screening_and_the_home_screen_group_conditions_alike)
{
	plan_make(&p, &cat, r, NULL);
	struct screening sc;
	screening_make(&sc, &p, &cat, false);
	cr_assert(sc.asks);
	size_t found = 0;
	for (int g = 0; g < PLAN_GROUP_COUNT; g++) {
		char *want = plan_undeclared_briefs(&p, (enum plan_group)g);
		cr_assert_not_null(want);
		for (size_t i = 0; i < sc.body.n; i++)
			if (strcmp(sc.body.v[i].label, plan_group_label((enum plan_group)g)) == 0) {
				cr_assert_str_eq(sc.body.v[i].text, want);
				found++;
			}
		free(want);
	}
	cr_assert_eq(found, PLAN_GROUP_COUNT, "one line for each group");
	char *adapts = plan_undeclared_briefs(&p, PLAN_ADAPTS_TO);
	cr_assert_str_eq(adapts, "a broken bone; osteoporosis; spinal stenosis");
	free(adapts);
	screening_free(&sc);
}

Test(plan, a_refused_plan_shows_the_routine_as_written)
{
	cr_assert_eq(plan_shown(&p), &p.run, "nothing made yet: run is zeroed");
	char *declared[] = {"dvt", NULL};
	plan_make(&p, &cat, r, declared);
	cr_assert_eq(plan_shown(&p), r);
	plan_free(&p);
	plan_make(&p, &cat, r, NULL);
	cr_assert_eq(plan_shown(&p), &p.run);
}
