/* Which cue each event picks, and the silent path (no module loaded). */
#include <criterion/criterion.h>
#include <stdlib.h>

#include "audio.h"
#include "helpers.h"
#include "session.h"
#include "util.h"

Test(audio, each_event_picks_its_cue)
{
	cr_assert_eq(audio_cue_for_event(EV_COUNTDOWN, 3), CUE_TICK);
	cr_assert_eq(audio_cue_for_event(EV_GO, 0), CUE_START);
	cr_assert_eq(audio_cue_for_event(EV_REP_START, 0), CUE_START);
	cr_assert_eq(audio_cue_for_event(EV_SIDE_SWITCH, 0), CUE_SWITCH);
	cr_assert_eq(audio_cue_for_event(EV_HALFWAY, 0), CUE_HALFWAY);
	cr_assert_eq(audio_cue_for_event(EV_TEN_LEFT, 0), CUE_TEN_LEFT);
	cr_assert_eq(audio_cue_for_event(EV_REST_START, 0), CUE_REST);
	cr_assert_eq(audio_cue_for_event(EV_STEP_END, 0), CUE_STEP_END);
	cr_assert_eq(audio_cue_for_event(EV_DONE, 0), CUE_COMPLETE);
	cr_assert_eq(audio_cue_for_event(EV_STEP_START, 0), -1, "a step start is silent: ticks follow");
}

Test(audio, a_whole_routine_asks_for_the_cues_a_person_needs)
{
	char text[] = "version = 1;\ntitle = \"t\";\nprepare = 5;\nsteps = (\n"
		      "{ type = \"hold\"; title = \"A\"; duration = 40; sides = true; reps = 2; rest = 5; },\n"
		      "{ type = \"posture\"; title = \"B\"; duration = 5; reps = 3; rest = 2; });\n";
	struct diags d = {0};
	struct routine *r = routine_parse("a.routine", text, strlen(text), NULL, &d);
	cr_assert_not_null(r);
	struct audio *a = audio_new(false, true, 80); /* silent: only counts */
	struct session *s = session_new(r, 1.0, 0);
	const struct session_event *ev;
	size_t n = session_tick(s, 10LL * 3600 * 1000000, &ev);
	for (size_t i = 0; i < n; i++)
		cr_assert(!audio_play(a, audio_cue_for_event(ev[i].kind, ev[i].value)) ||
		    audio_cue_for_event(ev[i].kind, ev[i].value) < 0, "a silent audio never sounds");
	cr_assert_eq(audio_count(a, CUE_TICK), 6, "3-2-1 before each of the two steps");
	cr_assert_eq(audio_count(a, CUE_START), 3 + 3, "the first bout of each step and every later rep on one side");
	cr_assert_eq(audio_count(a, CUE_SWITCH), 1);
	cr_assert_eq(audio_count(a, CUE_HALFWAY), 4, "bouts of 20 s or more");
	cr_assert_eq(audio_count(a, CUE_TEN_LEFT), 4, "bouts of 30 s or more");
	cr_assert_eq(audio_count(a, CUE_REST), 3 + 2);
	cr_assert_eq(audio_count(a, CUE_STEP_END), 2);
	cr_assert_eq(audio_count(a, CUE_COMPLETE), 1);
	session_free(s);
	audio_free(a);
	routine_free(r);
	diags_free(&d);
}

Test(audio, disabled_audio_says_why_and_loads_nothing)
{
	struct audio *a = audio_new(false, true, 80);
	cr_assert(audio_muted(a));
	cr_assert_not_null(audio_status(a));
	cr_assert(strstr(audio_status(a), "sound off"));
	audio_prepare(a);
	cr_assert(!audio_play(a, CUE_START));
	cr_assert(!audio_play_named(a, "start.wav"));
	audio_free(a);
}

Test(audio, a_missing_module_is_no_sound)
{
	setenv("UNKNOT_MODULE_DIR", "/nonexistent", 1);
	struct audio *a = audio_new(true, true, 80);
	cr_assert_null(audio_status(a), "nothing is known before the first try");
	cr_assert(!audio_play(a, CUE_TICK));
	cr_assert(strstr(audio_status(a), "cannot load /nonexistent/unknot-audio.so"));
	cr_assert_eq(audio_count(a, CUE_TICK), 1);
	audio_free(a);
}

Test(audio, volume_stays_between_0_and_100)
{
	struct audio *a = audio_new(false, false, 95);
	cr_assert_eq(audio_change_volume(a, 10), 100);
	cr_assert_eq(audio_change_volume(a, -150), 0);
	audio_free(a);
	a = audio_new(false, false, 250);
	cr_assert_eq(audio_volume(a), 100);
	audio_free(a);
}

Test(audio, muting_silences_and_unmuting_restores)
{
	setenv("UNKNOT_MODULE_DIR", "/nonexistent", 1);
	struct audio *a = audio_new(true, false, 50);
	audio_set_muted(a, true);
	cr_assert(audio_muted(a));
	cr_assert(!audio_play(a, CUE_START));
	cr_assert_null(audio_status(a), "muted: the module was not even tried");
	audio_set_muted(a, false);
	cr_assert(!audio_muted(a));
	audio_free(a);
}
