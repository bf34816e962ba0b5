/* The session flow: the order of its steps, the outcome, the record. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flow.h"
#include "file.h"
#include "helpers.h"
#include "history.h"
#include "pain.h"
#include "util.h"

/* A front end that plays a script and writes down what it was asked. */
struct fake {
	char calls[256];
	enum nav screening, pain_before, pain_after, play, end;
	enum nav screening_first;  /* when set, the first screening returns it */
	const char *declare;       /* the profile step declares it */
	char answers[8];           /* the ask step's answers, in turn */
	int asked;
	const char *question;      /* the last text asked */
	int before, after;
	struct flow_play result;
	const struct flow *seen; /* at the end step */
	struct flow copy;
};

static void
called(struct fake *k, const char *what)
{
	strcat(k->calls, what);
	strcat(k->calls, " ");
}

static enum nav
f_screening(void *ctx, const struct flow *f)
{
	struct fake *k = ctx;
	(void)f;
	called(k, "screening");
	if (k->screening_first) {
		enum nav first = k->screening_first;
		k->screening_first = 0;
		return first;
	}
	return k->screening;
}

static char *profile_ids[4];

static enum nav
f_profile(void *ctx, const struct safety *c, struct health *h)
{
	struct fake *k = ctx;
	(void)c;
	called(k, "profile");
	profile_ids[0] = (char *)k->declare;
	h->declared = profile_ids;
	h->saved = true;
	return NAV_OK;
}

static enum nav
f_ask(void *ctx, const struct flow *f, const char *text, enum flow_emph role,
    const char *const *answers, char *answer)
{
	struct fake *k = ctx;
	(void)f, (void)role, (void)answers;
	called(k, "ask");
	k->question = text;
	*answer = k->answers[k->asked++];
	return NAV_OK;
}

static enum nav
f_pain(void *ctx, const struct flow *f, enum pain_when when, int *value)
{
	struct fake *k = ctx;
	(void)f;
	called(k, when == PAIN_BEFORE ? "before" : "after");
	*value = when == PAIN_BEFORE ? k->before : k->after;
	return when == PAIN_BEFORE ? k->pain_before : k->pain_after;
}

static enum nav
f_play(void *ctx, const struct flow *f, struct flow_play *out)
{
	struct fake *k = ctx;
	(void)f;
	called(k, "play");
	*out = k->result;
	return k->play;
}

static enum nav
f_end(void *ctx, const struct flow *f)
{
	struct fake *k = ctx;
	called(k, "end");
	k->copy = *f;
	k->seen = &k->copy;
	return k->end;
}

static char dir[] = "/tmp/unknot-flow-XXXXXX";
static struct safety cat;
static struct routine *r;

static void
setup(void)
{
	setenv("TZ", "UTC", 1);
	cr_assert_not_null(mkdtemp(dir));
	load_catalogue(&cat);
	/* 2 steps, 100 s of step time: 60 + 40 */
	char text[] = "version = 1; title = \"T\"; contraindications = [\"dvt\"];\n"
		      "steps = ({ type = \"hold\"; title = \"A\"; duration = 60; },\n"
		      "         { type = \"stretch\"; title = \"B\"; duration = 20; sides = true; });\n";
	struct diags d = {0};
	r = routine_parse("flowtest.routine", text, strlen(text), &cat, &d);
	cr_assert_not_null(r);
	diags_free(&d);
}

static void
teardown(void)
{
	routine_free(r);
	safety_free(&cat);
	char *cmd = xasprintf("rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
	free(cmd);
}

TestSuite(flow, .init = setup, .fini = teardown);

static const struct flow_frontend *
frontend(struct fake *k)
{
	static struct flow_frontend fe;
	fe = (struct flow_frontend){.ctx = k, .screening = f_screening, .profile = f_profile, .ask = f_ask,
		.pain = f_pain, .play = f_play, .end = f_end};
	return &fe;
}

static struct fake
script(void)
{
	return (struct fake){.before = 4, .after = 2,
		.result = {.started = 1764075787, .step_ms = 100000, .reached_end = true}};
}

static char *
history_text(void)
{
	char *p = xasprintf("%s/history.tsv", dir);
	const char *why;
	char *text = read_file(p, 1 << 16, NULL, &why);
	free(p);
	return text;
}

Test(flow, a_whole_session_runs_every_step_in_order_and_is_recorded)
{
	struct fake k = script();
	struct flow_opts o = {.speed = 1, .ask_pain = true, .history_dir = dir};
	cr_assert_eq(flow_run(frontend(&k), r, &cat, &o), NAV_OK);
	cr_assert_str_eq(k.calls, "screening before play after end ");
	cr_assert_eq(k.seen->outcome, OUTCOME_COMPLETED);
	cr_assert(k.seen->recorded);
	char *text = history_text();
	cr_assert_not_null(text);
	cr_assert(strstr(text, "2025-11-25T13:03:07+00:00\tflowtest\tcompleted\t100\t4\t2\n"), "%s", text);
	free(text);
}

Test(flow, without_pain_check_ins_none_is_asked)
{
	struct fake k = script();
	struct flow_opts o = {.speed = 1, .history_dir = dir};
	cr_assert_eq(flow_run(frontend(&k), r, &cat, &o), NAV_OK);
	cr_assert_str_eq(k.calls, "screening play end ");
	char *text = history_text();
	cr_assert(strstr(text, "\tcompleted\t100\t-\t-\n"));
	free(text);
}

Test(flow, going_back_from_the_screening_starts_nothing_and_records_nothing)
{
	struct fake k = script();
	k.screening = NAV_BACK;
	struct flow_opts o = {.speed = 1, .ask_pain = true, .history_dir = dir};
	cr_assert_eq(flow_run(frontend(&k), r, &cat, &o), NAV_BACK);
	cr_assert_str_eq(k.calls, "screening ");
	cr_assert_null(history_text());
}

Test(flow, going_back_from_the_pain_check_in_before_starts_nothing)
{
	struct fake k = script();
	k.pain_before = NAV_BACK;
	struct flow_opts o = {.speed = 1, .ask_pain = true, .history_dir = dir};
	cr_assert_eq(flow_run(frontend(&k), r, &cat, &o), NAV_BACK);
	cr_assert_str_eq(k.calls, "screening before ");
	cr_assert_null(history_text());
}

Test(flow, a_declared_stop_condition_never_starts_whatever_the_front_end_says)
{
	struct fake k = script();
	char *declared[] = {"dvt", NULL};
	struct health h = {.declared = declared, .saved = true};
	struct flow_opts o = {.speed = 1, .ask_pain = true, .health = &h, .history_dir = dir};
	cr_assert_eq(flow_run(frontend(&k), r, &cat, &o), NAV_BACK);
	cr_assert_str_eq(k.calls, "screening ");
}

Test(flow, skipping_most_steps_to_the_end_is_partial_not_completed)
{
	struct fake k = script();
	k.result.step_ms = 79999; /* under 80% of 100 s */
	struct flow_opts o = {.speed = 1, .history_dir = dir};
	flow_run(frontend(&k), r, &cat, &o);
	cr_assert_eq(k.seen->outcome, OUTCOME_PARTIAL);
	cr_assert_eq(k.seen->percent_done, 79);
	char *text = history_text();
	cr_assert(strstr(text, "\tpartial\t79\t"), "%s", text);
	free(text);
}

Test(flow, a_stop_is_stopped_and_still_asks_pain_after)
{
	struct fake k = script();
	k.play = NAV_QUIT;
	k.result.reached_end = false;
	k.result.step_ms = 95000;
	struct flow_opts o = {.speed = 1, .ask_pain = true, .history_dir = dir};
	cr_assert_eq(flow_run(frontend(&k), r, &cat, &o), NAV_OK);
	cr_assert_str_eq(k.calls, "screening before play after end ");
	cr_assert_eq(k.seen->outcome, OUTCOME_STOPPED);
}

Test(flow, a_signal_in_the_player_records_the_stop_and_shows_no_more)
{
	struct fake k = script();
	k.play = NAV_SIGNAL;
	k.result.reached_end = false;
	k.result.step_ms = 30000;
	struct flow_opts o = {.speed = 1, .ask_pain = true, .history_dir = dir};
	cr_assert_eq(flow_run(frontend(&k), r, &cat, &o), NAV_SIGNAL);
	cr_assert_str_eq(k.calls, "screening before play ");
	char *text = history_text();
	cr_assert(strstr(text, "\tstopped\t30\t4\t-\n"), "%s", text);
	free(text);
}

Test(flow, a_preview_is_shown_as_one_and_never_recorded)
{
	struct fake k = script();
	struct flow_opts o = {.speed = 10, .history_dir = dir};
	cr_assert_eq(flow_run(frontend(&k), r, &cat, &o), NAV_OK);
	cr_assert(k.seen->preview);
	cr_assert_not(k.seen->recorded);
	cr_assert_null(history_text());
}

Test(flow, a_history_that_cannot_be_written_is_said_at_the_end)
{
	struct fake k = script();
	char *file = xasprintf("%s/file", dir);
	FILE *fp = fopen(file, "w");
	fclose(fp);
	struct flow_opts o = {.speed = 1, .history_dir = file};
	flow_run(frontend(&k), r, &cat, &o);
	cr_assert(strstr(k.seen->note, "History not saved: "), "%s", k.seen->note);
	free(file);
}

Test(flow, the_outcome_rule_is_eighty_percent_of_the_step_time)
{
	cr_assert_eq(flow_outcome(80000, 100000, true), OUTCOME_COMPLETED);
	cr_assert_eq(flow_outcome(79999, 100000, true), OUTCOME_PARTIAL);
	cr_assert_eq(flow_outcome(0, 100000, true), OUTCOME_PARTIAL);
	cr_assert_eq(flow_outcome(100000, 100000, false), OUTCOME_STOPPED);
}

Test(flow, a_pain_answer_is_0_to_10_or_nothing)
{
	int v = 99;
	cr_assert(flow_parse_pain("", &v) && v == -1);
	cr_assert(flow_parse_pain("  \n", &v) && v == -1);
	cr_assert(flow_parse_pain("0", &v) && v == 0);
	cr_assert(flow_parse_pain(" 7\n", &v) && v == 7);
	cr_assert(flow_parse_pain("10", &v) && v == 10);
	v = 99;
	cr_assert_not(flow_parse_pain("11", &v));
	cr_assert_not(flow_parse_pain("100", &v));
	cr_assert_not(flow_parse_pain("-1", &v));
	cr_assert_not(flow_parse_pain("5x", &v));
	cr_assert_not(flow_parse_pain("0000000000007", &v));
	cr_assert_eq(v, 99, "a refused answer leaves the value alone");
}

Test(flow, every_navigation_has_a_name)
{
	for (int n = NAV_OK; n < NAV_COUNT; n++)
		cr_assert_str_neq(nav_name((enum nav)n), "?");
	cr_assert_str_eq(nav_name(NAV_STAY), "stay");
}

Test(flow, the_profile_step_changes_what_runs_and_the_screening_comes_again)
{
	struct fake k = script();
	k.screening_first = NAV_PROFILE;
	k.screening = NAV_OK;
	k.declare = "pregnancy";
	routine_free(r);
	char text[] = "version = 1; title = \"T\";\n"
		      "steps = ({ type = \"hold\"; title = \"A\"; duration = 60; },\n"
		      "         { type = \"stretch\"; title = \"B\"; duration = 20; sides = true;\n"
		      "           contraindications = [\"pregnancy\"]; });\n";
	struct diags d = {0};
	r = routine_parse("flowtest.routine", text, strlen(text), &cat, &d);
	cr_assert_not_null(r);
	diags_free(&d);
	struct health h = {0};
	struct flow_opts o = {.speed = 1, .health = &h, .history_dir = dir};
	cr_assert_eq(flow_run(frontend(&k), r, &cat, &o), NAV_OK);
	cr_assert_str_eq(k.calls, "screening profile screening play end ");
	cr_assert_eq(k.seen->total_ms, 60000, "the step left out for pregnancy no longer counts");
	cr_assert_eq(k.seen->outcome, OUTCOME_COMPLETED);
}

Test(flow, pain_of_eight_or_more_before_the_start_asks_and_q_goes_back)
{
	struct fake k = script();
	k.before = 8;
	k.answers[0] = 'q';
	struct flow_opts o = {.speed = 1, .ask_pain = true, .history_dir = dir};
	cr_assert_eq(flow_run(frontend(&k), r, &cat, &o), NAV_BACK);
	cr_assert_str_eq(k.calls, "screening before ask ");
	cr_assert_eq(k.question, pain_before_advice(8));
	cr_assert_null(history_text(), "nothing started, nothing recorded");
	k = script();
	k.before = 9;
	k.answers[0] = 'y';
	cr_assert_eq(flow_run(frontend(&k), r, &cat, &o), NAV_OK);
	cr_assert_str_eq(k.calls, "screening before ask play after end ", "y starts anyway");
}

Test(flow, the_pain_after_says_what_to_do)
{
	struct fake k = script();
	k.before = 2;
	k.after = 9;
	struct flow_opts o = {.speed = 1, .ask_pain = true, .history_dir = dir};
	flow_run(frontend(&k), r, &cat, &o);
	cr_assert_eq(k.seen->verdict, PAIN_STOP);
	cr_assert_eq(k.seen->advice, pain_verdict_advice(PAIN_STOP));
}

Test(flow, after_a_session_that_raised_pain_the_next_start_asks_whether_it_settled)
{
	struct fake k = script();
	k.before = 2;
	k.after = 4; /* a small rise: it should settle */
	struct flow_opts o = {.speed = 1, .ask_pain = true, .history_dir = dir, .now = 1764075787};
	flow_run(frontend(&k), r, &cat, &o);
	cr_assert_str_eq(k.calls, "screening before play after end ", "no earlier session: nothing asked");
	/* the next day: did it settle?  no: then take it easier, and q goes back */
	k = script();
	k.answers[0] = 'n';
	k.answers[1] = 'q';
	o.now = 1764075787 + 20 * 3600;
	cr_assert_eq(flow_run(frontend(&k), r, &cat, &o), NAV_BACK);
	cr_assert_str_eq(k.calls, "screening ask ask ");
	cr_assert_eq(k.question, pain_followup_not_settled);
	/* it settled: the start goes on */
	k = script();
	k.answers[0] = 'y';
	cr_assert_eq(flow_run(frontend(&k), r, &cat, &o), NAV_OK);
	cr_assert_str_eq(k.calls, "screening ask before play after end ");
}

/* trial-a #5: the end screen said "do not repeat it until the pain has
 * settled"; starting the same routine later that day says the same, even
 * with another routine done in between, and does not offer to go on
 * lighter.  Another routine that day may go on, lighter. */
Test(flow, after_pain_rose_enough_to_stop_the_same_routine_that_day_is_advised_against)
{
	struct fake k = script();
	k.before = 4;
	k.after = 7;
	struct flow_opts o = {.speed = 1, .ask_pain = true, .history_dir = dir, .now = 1764075787};
	flow_run(frontend(&k), r, &cat, &o);
	cr_assert_eq(k.seen->verdict, PAIN_STOP);
	struct history_record other = {.when = 1764075787 + 1200, .routine = "desk-reset",
		.outcome = OUTCOME_COMPLETED, .seconds = 120, .pain_before = -1, .pain_after = -1};
	const char *why;
	cr_assert_eq(history_append_to(dir, &other, &why), 0);
	k = script();
	k.answers[0] = 'q';
	o.now = 1764075787 + 2 * 3600;
	cr_assert_eq(flow_run(frontend(&k), r, &cat, &o), NAV_BACK);
	cr_assert_str_eq(k.calls, "screening ask ");
	cr_assert(strstr(k.question, "do not repeat it until the pain has settled"), "%s", k.question);
	cr_assert_null(strstr(k.question, "go lighter"), "%s", k.question);
	/* the next day, not settled: still not this routine */
	k = script();
	k.answers[0] = 'n';
	k.answers[1] = 'q';
	o.now = 1764075787 + 20 * 3600;
	cr_assert_eq(flow_run(frontend(&k), r, &cat, &o), NAV_BACK);
	cr_assert(strstr(k.question, "do not repeat"), "%s", k.question);
}

Test(flow, a_routine_with_every_step_left_out_never_starts)
{
	struct fake k = script();
	k.screening = NAV_OK;
	routine_free(r);
	char text[] = "version = 1; title = \"T\";\n"
		      "steps = ({ type = \"hold\"; title = \"A\"; duration = 6; contraindications = [\"pregnancy\"]; });\n";
	struct diags d = {0};
	r = routine_parse("flowtest.routine", text, strlen(text), &cat, &d);
	diags_free(&d);
	char *declared[] = {"pregnancy", NULL};
	struct health h = {.declared = declared, .saved = true};
	struct flow_opts o = {.speed = 1, .ask_pain = true, .health = &h, .history_dir = dir};
	cr_assert_eq(flow_run(frontend(&k), r, &cat, &o), NAV_BACK);
	cr_assert_str_eq(k.calls, "screening ");
}
