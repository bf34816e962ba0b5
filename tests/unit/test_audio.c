/* The silent paths of the sound (no module loaded): the policy itself is
 * tested in test_cue.c. */
#include <criterion/criterion.h>
#include <stdlib.h>

#include "audio.h"
#include "helpers.h"
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
