/* The silent paths of the sound (no module loaded): the policy itself is
 * tested in test_cue.c. */
#include <criterion/criterion.h>
#include <stdlib.h>

#include "audio.h"
#include "clock.h"
#include "helpers.h"
#include "loop.h"
#include "session.h"
#include "util.h"

Test(audio, disabled_audio_says_why_and_loads_nothing)
{
	struct audio *a = audio_new(false, true, 80);
	cr_assert(audio_muted(a));
	cr_assert_not_null(audio_status(a));
	cr_assert(strstr(audio_status(a), "sound off"));
	audio_prepare(a, NULL);
	cr_assert(!audio_play(a, CUE_START));
	cr_assert(!audio_working(a));
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
	cr_assert(!audio_working(a), "unmuted, but no module: sound does not play");
	cr_assert(strstr(audio_status(a), "cannot load"), "... and that is why");
	audio_free(a);
}

/* ---- with a back end that counts (build/tests/audio-fixture) ---------------- */

static struct routine *
one_step(void)
{
	return routine_of_steps("{ type = \"posture\"; title = \"A\"; duration = 1; }", 0);
}

static struct audio *
counting_audio(void)
{
	setenv("UNKNOT_MODULE_DIR", "../build/tests/audio-fixture", 1);
	return audio_new(true, true, 80);
}

Test(audio, only_the_cues_a_routine_plays_are_decoded)
{
	struct audio *a = counting_audio();
	struct routine *r = one_step();
	audio_prepare(a, r);
	cr_assert_null(audio_status(a), "%s", audio_status(a));
	cr_assert(audio_working(a));
	/* the tick (the check that cue files decode), then the routine's
	 * start and its end (spoken) -- not the sixteen files */
	cr_assert_eq(audio_decoded(a), 3);
	cr_assert(audio_play(a, CUE_REMINDER), "another cue is decoded when it must play");
	cr_assert_eq(audio_decoded(a), 4);
	routine_free(r);
	audio_free(a);
}

static long long stop_at;

static long long
until_stop(void *ctx, long long now)
{
	(void)ctx;
	if (now >= stop_at) {
		loop_break(0);
		return LOOP_NEVER;
	}
	return stop_at;
}

Test(audio, the_device_closes_once_the_last_cue_has_played)
{
	struct audio *a = counting_audio();
	struct routine *r = one_step();
	audio_prepare(a, r);
	/* the routine's end: the complete cue plays, and no player turn
	 * follows (the end screen does not tick the sound) */
	struct session_event done = {.kind = EV_DONE, .step = 0, .at = 1000};
	long long now = now_us();
	cr_assert_eq(audio_events(a, r, &done, 1, now), ALERT_NONE, "it sounded");
	cr_assert(audio_device_open(a));
	stop_at = now + 400000; /* the cue lasts 100 ms */
	loop_run(until_stop, NULL);
	cr_assert(!audio_device_open(a), "closed by the loop's timer once it has played");
	routine_free(r);
	audio_free(a);
}

/* A one-step routine started at t0 with the counting back end, which
 * says a sound is still being mixed when `mixing` is "1": the start cue
 * (100 ms) plays, the next cue is 1 s away. */
struct cued {
	struct audio *a;
	struct routine *r;
	struct session *s;
};

static struct cued
cued_start(const char *mixing, long long t0)
{
	setenv("UNKNOT_FIXTURE_MIXING", mixing, 1);
	struct cued c = {counting_audio(), one_step(), NULL};
	audio_prepare(c.a, c.r);
	c.s = session_new(c.r, 1.0, t0);
	const struct session_event *ev;
	size_t n = session_tick(c.s, t0, &ev);
	cr_assert_eq(audio_events(c.a, c.r, ev, n, t0), ALERT_NONE, "the start cue sounded");
	cr_assert(audio_device_open(c.a));
	return c;
}

static void
cued_end(struct cued *c)
{
	session_free(c->s);
	routine_free(c->r);
	audio_free(c->a);
}

/* The device closes as soon as the back end has mixed a sound's last
 * sample (SDL plays out what it holds as it closes), not a fixed time
 * later; and stays open while the back end is still mixing. */
Test(audio, the_device_closes_once_the_cue_is_mixed)
{
	struct cued c = cued_start("0", 0);
	audio_wake(c.a, c.s, 50000);
	cr_assert(audio_device_open(c.a), "open while the cue (100 ms) plays");
	audio_wake(c.a, c.s, 120000);
	cr_assert(!audio_device_open(c.a), "closed 20 ms after its end: it is all mixed, the next cue is 1 s away");
	cued_end(&c);
}

Test(audio, the_device_stays_open_while_the_back_end_still_mixes)
{
	struct cued c = cued_start("1", 0);
	audio_wake(c.a, c.s, 200000);
	cr_assert(audio_device_open(c.a), "the device runs late: the cue is not all mixed 100 ms after its end");
	setenv("UNKNOT_FIXTURE_MIXING", "0", 1);
	audio_wake(c.a, c.s, 210000);
	cr_assert(!audio_device_open(c.a), "closed once it is");
	cued_end(&c);
}

/* The device's openings and closings are not the screen's business: a
 * turn of the player at a time it asked for redraws the whole screen, so
 * the sound keeps its own time on the event loop. */
Test(audio, the_sound_keeps_its_own_time_and_the_player_is_not_woken_for_it)
{
	long long t0 = now_us();
	struct cued c = cued_start("0", t0);
	cr_assert_eq(audio_wake(c.a, c.s, t0), LLONG_MAX, "the player need not wake for the sound");
	cr_assert(audio_device_open(c.a));
	stop_at = t0 + 300000; /* the cue lasts 100 ms, the next is 1 s away */
	loop_run(until_stop, NULL);
	cr_assert(!audio_device_open(c.a), "closed by the sound's own timer once the cue has played");
	cued_end(&c);
}
