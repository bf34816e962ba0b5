/* The cue policy: which cue each moment plays, what is said, and when the
 * sound device is open.  Routines from text, the clock driven by hand. */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdlib.h>

#include "cue.h"
#include "duration.h"
#include "helpers.h"
#include "session.h"
#include "util.h"

/* Every moment of a whole routine, in order (the clock run to the end in
 * one tick: moments are still told apart by their time). */
static size_t
all_moments(const struct routine *r, enum speak_mode m, struct cue_moment **out)
{
	struct session *s = session_new(r, 1.0, 0);
	const struct session_event *ev;
	size_t n = session_tick(s, 10LL * 3600 * 1000000, &ev);
	*out = xcalloc(n, sizeof **out);
	size_t k = cue_moments(r, m, ev, n, *out);
	session_free(s);
	return k;
}

static int
count(const struct cue_moment *m, size_t k, enum cue c)
{
	int n = 0;
	for (size_t i = 0; i < k; i++)
		n += m[i].cue == c;
	return n;
}

Test(cue, every_cue_has_a_name_a_tone_and_a_stand_in_rule)
{
	for (int c = 0; c < CUE_COUNT; c++) {
		cr_assert_not_null(cue_table[c].name);
		cr_assert_not_null(cue_table[c].tone_file, "%s has a tone", cue_table[c].name);
		for (int d = 0; d < c; d++)
			cr_assert_neq(cue_table[c].priority, cue_table[d].priority, "priorities are distinct");
	}
	cr_assert_str_eq(cue_name(CUE_SWITCH), "switch");
	cr_assert_str_eq(cue_name(CUE_NONE), "none");
	cr_assert_eq(cue_table[CUE_SWITCH].alert, ALERT_FLASH, "a side switch flashes without sound");
}

Test(cue, each_event_picks_its_cue)
{
	struct routine *r = routine_of_steps("{ type = \"posture\"; title = \"A\"; duration = 40; sides = true; },"
				 "{ type = \"posture\"; title = \"B\"; duration = 40; }", 5);
	struct session_event e = {.step = 0};
	int want[][2] = {
		{EV_STEP_START, CUE_NONE}, {EV_COUNTDOWN, CUE_TICK}, {EV_GO, CUE_LEFT},
		{EV_REP_START, CUE_START}, {EV_SIDE_SWITCH, CUE_SWITCH}, {EV_HALFWAY, CUE_HALFWAY},
		{EV_TEN_LEFT, CUE_TEN_LEFT}, {EV_REST_START, CUE_REST}, {EV_STEP_END, CUE_STEP_END},
		{EV_DONE, CUE_COMPLETE},
	};
	for (size_t i = 0; i < ARRAY_LEN(want); i++) {
		e.kind = want[i][0];
		cr_assert_eq(cue_for_event(r, &e), want[i][1], "%s", session_event_name(want[i][0]));
	}
	e.kind = EV_GO;
	e.step = 1;
	cr_assert_eq(cue_for_event(r, &e), CUE_START, "a one-sided step starts with the start cue");
	routine_free(r);
}

Test(cue, a_whole_routine_sounds_the_cues_a_person_needs)
{
	struct routine *r = routine_of_steps("{ type = \"posture\"; title = \"A\"; duration = 40; sides = true; reps = 2; rest = 5; },"
				 "{ type = \"posture\"; title = \"B\"; duration = 5; reps = 3; rest = 2; }", 5);
	struct cue_moment *m;
	size_t k = all_moments(r, SPEAK_OFF, &m);
	cr_assert_eq(count(m, k, CUE_TICK), 6, "3-2-1 before each of the two steps");
	cr_assert_eq(count(m, k, CUE_LEFT), 1, "the first bout of the two-sided step says left");
	cr_assert_eq(count(m, k, CUE_START), 1 + 1 + 3, "later reps on one side, and each bout of B");
	cr_assert_eq(count(m, k, CUE_SWITCH), 1);
	cr_assert_eq(count(m, k, CUE_HALFWAY), 4, "bouts of 20 s or more");
	cr_assert_eq(count(m, k, CUE_TEN_LEFT), 4, "bouts of 30 s or more");
	cr_assert_eq(count(m, k, CUE_REST), 3 + 2);
	cr_assert_eq(count(m, k, CUE_STEP_END), 1, "the last step's end is the routine's");
	cr_assert_eq(count(m, k, CUE_COMPLETE), 1);
	for (size_t i = 1; i < k; i++)
		cr_assert_gt(m[i].at, m[i - 1].at, "one cue per moment");
	free(m);
	routine_free(r);
}

/* The moments at routine time `at`. */
static const struct cue_moment *
at_time(const struct cue_moment *m, size_t k, long long at)
{
	for (size_t i = 0; i < k; i++)
		if (m[i].at == at)
			return &m[i];
	return NULL;
}

Test(cue, a_step_end_covers_the_first_tick_it_falls_on)
{
	/* prepare = 3: the next step's first tick is at the step's end */
	struct routine *r = routine_of_steps("{ type = \"posture\"; title = \"A\"; duration = 5; },"
				 "{ type = \"posture\"; title = \"B\"; duration = 5; }", 3);
	struct cue_moment *m;
	size_t k = all_moments(r, SPEAK_OFF, &m);
	const struct cue_moment *end = at_time(m, k, 3000 + 5000);
	cr_assert_not_null(end);
	cr_assert_eq(end->cue, CUE_STEP_END);
	cr_assert_eq(count(m, k, CUE_TICK), 3 + 2, "the other ticks stay");
	free(m);
	routine_free(r);
}

Test(cue, a_start_covers_the_step_end_it_falls_on)
{
	struct routine *r = routine_of_steps("{ type = \"posture\"; title = \"A\"; duration = 5; },"
				 "{ type = \"move\"; title = \"B\"; duration = 5; sides = true; }", 0);
	struct cue_moment *m;
	size_t k = all_moments(r, SPEAK_OFF, &m);
	const struct cue_moment *at5 = at_time(m, k, 5000);
	cr_assert_not_null(at5);
	cr_assert_eq(at5->cue, CUE_LEFT, "prepare = 0: the next step starts at once");
	cr_assert_eq(at5->step, 1);
	cr_assert_eq(at_time(m, k, 15000)->cue, CUE_COMPLETE, "the end covers the last step's end");
	cr_assert_eq(count(m, k, CUE_STEP_END), 0);
	free(m);
	routine_free(r);
}

Test(cue, a_steps_own_sound_replaces_its_start)
{
	struct routine *r = routine_of_steps("{ type = \"posture\"; title = \"A\"; duration = 5; sound = \"gong.wav\"; }", 0);
	struct cue_moment *m;
	size_t k = all_moments(r, SPEAK_OFF, &m);
	cr_assert_eq(m[0].cue, CUE_START, "the start cue stands behind it, if it cannot play");
	cr_assert(m[0].own);
	cr_assert(!m[k - 1].own);
	free(m);
	routine_free(r);
}

Test(cue, spoken_steps_are_said_at_each_step_start)
{
	struct routine *r = routine_of_steps("{ type = \"posture\"; title = \"A\"; duration = 30; sides = true; },"
				 "{ type = \"posture\"; title = \"B\"; duration = 30; }", 5);
	struct cue_moment *m;
	size_t k = all_moments(r, SPEAK_OFF, &m);
	for (size_t i = 0; i < k; i++)
		cr_assert_eq(m[i].phrase, PHRASE_NONE, "nothing is said with speech off");
	free(m);
	k = all_moments(r, SPEAK_TITLES, &m);
	int steps = 0, switches = 0;
	for (size_t i = 0; i < k; i++) {
		steps += m[i].phrase == PHRASE_STEP;
		switches += m[i].phrase == PHRASE_SWITCH;
		cr_assert(!m[i].tone_only);
	}
	cr_assert_eq(steps, 2);
	cr_assert_eq(switches, 0, "titles: the switch cue says the side");
	cr_assert_eq(m[0].phrase, PHRASE_STEP);
	cr_assert_eq(m[0].at, 0, "said as the step's get-ready begins");
	cr_assert_eq(m[0].cue, CUE_NONE);
	free(m);
	k = all_moments(r, SPEAK_ALL, &m);
	const struct cue_moment *sw = at_time(m, k, 5000 + 30000);
	cr_assert_not_null(sw);
	cr_assert_eq(sw->cue, CUE_SWITCH);
	cr_assert_eq(sw->phrase, PHRASE_SWITCH, "all: the switch is said");
	cr_assert(sw->tone_only, "... over the tone, not a second voice");
	free(m);
	routine_free(r);
}

Test(cue, a_step_is_said_with_its_side_and_time)
{
	struct routine *r = routine_of_steps("{ type = \"posture\"; title = \"Glute ball release\"; duration = 45; sides = true;"
				 " how = \"Sit on the ball\"; caution = \"Move off at once if it tingles.\"; },"
				 "{ type = \"move\"; title = \"Knee to chest\"; duration = 90; reps = 2; },"
				 "{ type = \"posture\"; title = \"chin tucks!\"; duration = 5; reps = 10; }", 5);
	char *t = cue_step_phrase(r, 0, SPEAK_TITLES);
	cr_assert_str_eq(t, "Glute ball release. Left side. 45 seconds.");
	free(t);
	t = cue_step_phrase(r, 0, SPEAK_ALL);
	cr_assert_str_eq(t, "Glute ball release. Left side. 45 seconds. Sit on the ball. "
			    "Caution: Move off at once if it tingles.");
	free(t);
	t = cue_step_phrase(r, 1, SPEAK_TITLES);
	cr_assert_str_eq(t, "Knee to chest. 1 minute 30 seconds, twice.");
	free(t);
	t = cue_step_phrase(r, 2, SPEAK_TITLES);
	cr_assert_str_eq(t, "Chin tucks! 5 seconds, 10 times.");
	free(t);
	t = cue_step_phrase(r, 3, SPEAK_TITLES);
	cr_assert_str_eq(t, "", "no step, nothing said");
	free(t);
	cr_assert_str_eq(cue_switch_phrase(), "Now the right side.");
	routine_free(r);
}

Test(cue, durations_are_said_in_units)
{
	char b[96];
	cr_assert_str_eq(duration_spoken(0, b, sizeof b), "0 seconds");
	cr_assert_str_eq(duration_spoken(1, b, sizeof b), "1 second");
	cr_assert_str_eq(duration_spoken(45, b, sizeof b), "45 seconds");
	cr_assert_str_eq(duration_spoken(60, b, sizeof b), "1 minute");
	cr_assert_str_eq(duration_spoken(345, b, sizeof b), "5 minutes 45 seconds");
	cr_assert_str_eq(duration_spoken(3600 + 13, b, sizeof b), "1 hour 13 seconds");
	cr_assert_str_eq(duration_spoken(4 * 3600, b, sizeof b), "4 hours");
}

Test(cue, speak_modes_parse_and_name)
{
	enum speak_mode m;
	cr_assert(speak_mode_parse("all", &m));
	cr_assert_eq(m, SPEAK_ALL);
	cr_assert(speak_mode_parse("off", &m));
	cr_assert_eq(m, SPEAK_OFF);
	cr_assert(!speak_mode_parse("loud", &m));
	cr_assert_str_eq(speak_mode_name(SPEAK_TITLES), "titles");
}

Test(cue, a_routine_uses_only_the_cues_its_moments_play)
{
	struct routine *r = routine_of_steps("{ type = \"posture\"; title = \"A\"; duration = 3; reps = 2; rest = 2; }", 3);
	unsigned uses[CUE_COUNT];
	cue_routine_uses(r, SPEAK_OFF, uses);
	enum cue want[] = {CUE_TICK, CUE_START, CUE_REST, CUE_COMPLETE};
	unsigned n = 0;
	for (int c = 0; c < CUE_COUNT; c++)
		n += uses[c] != 0;
	cr_assert_eq(n, ARRAY_LEN(want), "ticks, start, rest and the end: nothing else");
	for (size_t i = 0; i < ARRAY_LEN(want); i++)
		cr_assert_eq(uses[want[i]], CUE_USE_AS_IS, "%s", cue_name(want[i]));
	routine_free(r);
	r = routine_of_steps("{ type = \"stretch\"; title = \"B\"; duration = 40; sides = true; }", 0);
	cue_routine_uses(r, SPEAK_ALL, uses);
	cr_assert_eq(uses[CUE_LEFT], CUE_USE_AS_IS, "the side said");
	cr_assert_eq(uses[CUE_SWITCH], CUE_USE_TONE, "spoken steps say the switch over its tone");
	cr_assert(uses[CUE_HALFWAY] && uses[CUE_TEN_LEFT] && uses[CUE_COMPLETE]);
	cr_assert(!uses[CUE_STEP_END] && !uses[CUE_REST] && !uses[CUE_REMINDER]);
	routine_free(r);
}

#define S 1000000LL

Test(cue, the_device_opens_its_lead_before_a_cue)
{
	long long lead = 30000; /* what the device took to open, and a margin */
	struct cue_device d = cue_device_plan(false, false, 0, 10 * S, 0, lead);
	cr_assert(!d.open, "a cue 10 s away: closed");
	cr_assert_eq(d.next, 10 * S - lead, "decide again just before it");
	d = cue_device_plan(false, false, d.next, 10 * S, 0, lead);
	cr_assert(d.open);
	cr_assert_eq(d.next, 10 * S);
	d = cue_device_plan(false, false, 10 * S - lead - 1, 10 * S, 0, lead);
	cr_assert(!d.open, "closed until the lead, however close the cue");
}

Test(cue, a_device_that_opens_at_once_is_opened_at_the_cue)
{
	struct cue_device d = cue_device_plan(false, false, 0, 10 * S, 0, 0);
	cr_assert(!d.open);
	cr_assert_eq(d.next, 10 * S, "no wake-up of its own before the cue");
	d = cue_device_plan(false, false, 10 * S, 10 * S, 0, 0);
	cr_assert(d.open, "at the cue");
}

Test(cue, the_lead_is_capped)
{
	struct cue_device d = cue_device_plan(false, false, 0, 10 * S, 0, 5 * S);
	cr_assert_eq(d.next, 10 * S - CUE_LEAD_MAX_US, "a device that once took seconds to open");
}

Test(cue, the_device_closes_between_cues_a_second_apart)
{
	struct cue_device d = cue_device_plan(false, true, 0, 10 * S, S / 2, 0);
	cr_assert(d.open, "a sound still playing keeps it open");
	cr_assert_eq(d.next, S / 2);
	/* 3-2-1 ticks: each is 78 ms long, the next comes a second later */
	d = cue_device_plan(false, true, S / 2, S, 0, 0);
	cr_assert(!d.open, "half a second to the next cue: closed (reopening costs less)");
	cr_assert_eq(d.next, S);
	d = cue_device_plan(false, true, S / 2, S / 2 + CUE_REOPEN_GAP_US - 1, 0, 0);
	cr_assert(d.open, "the next cue closer than that: kept open");
	d = cue_device_plan(false, true, S / 2, S / 2 + CUE_REOPEN_GAP_US + 10000, 0, 20000);
	cr_assert(d.open, "the gap is counted to the next opening, lead included");
	d = cue_device_plan(false, true, S / 2, S / 2 + 5 * S, 0, 0);
	cr_assert(!d.open, "5 s or more to the next: closed (the product's ceiling)");
	d = cue_device_plan(false, true, 0, LLONG_MAX, 0, 0);
	cr_assert(!d.open, "no cue to come");
	cr_assert_eq(d.next, LLONG_MAX);
	_Static_assert(CUE_REOPEN_GAP_US < 5 * S, "closed at the latest when the next cue is 5 s away");
}

Test(cue, the_device_is_closed_while_paused)
{
	struct cue_device d = cue_device_plan(true, true, 0, S, 2 * S, 0);
	cr_assert(!d.open, "even with a sound playing and a cue close");
	cr_assert_eq(d.next, LLONG_MAX);
}

/* trial-a #2: eyes closed, with only titles spoken, the change of position
 * is heard before the title. */
Test(cue, a_step_that_gets_down_to_the_floor_or_up_says_so_first)
{
	struct routine *r = routine_of_steps("{ type = \"hold\"; title = \"Glute ball on a chair\"; duration = 45; },"
				 "{ type = \"move\"; title = \"Pelvic tilts\"; duration = 45; floor = true; },"
				 "{ type = \"move\"; title = \"A short walk\"; duration = 30; }", 5);
	char *t = cue_step_phrase(r, 0, SPEAK_TITLES);
	cr_assert_str_eq(t, "Glute ball on a chair. 45 seconds.");
	free(t);
	t = cue_step_phrase(r, 1, SPEAK_TITLES);
	cr_assert(strncmp(t, "Now get down onto the floor", 27) == 0 && strstr(t, "Pelvic tilts. 45 seconds."), "%s", t);
	free(t);
	t = cue_step_phrase(r, 2, SPEAK_TITLES);
	cr_assert(strncmp(t, "Now get up from the floor", 25) == 0 && strstr(t, "A short walk."), "%s", t);
	free(t);
	t = cue_step_phrase(r, 2, SPEAK_OFF);
	routine_free(r);
	free(t);
}
