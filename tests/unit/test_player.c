/* The player's decisions: what holds the clock, the questions, the keys. */
#include <criterion/criterion.h>
#include <string.h>

#include "helpers.h"
#include "player.h"
#include "util.h"

static struct routine *r;
static struct player p;
#define S 1000000LL /* one second of monotonic us */

static void
setup(void)
{
	/* prepare 0: the first bout starts at once; 2 steps of 10 s */
	char text[] = "version = 1; title = \"T\"; prepare = 0;\n"
		      "steps = ({ type = \"posture\"; title = \"A\"; duration = 10; },\n"
		      "         { type = \"posture\"; title = \"B\"; duration = 10; });\n";
	r = routine_from(text, NULL);
	player_init(&p, r, 1.0, 0);
	const struct session_event *ev;
	player_tick(&p, 0, &ev);
}

static void
teardown(void)
{
	player_free(&p);
	routine_free(r);
}

TestSuite(player, .init = setup, .fini = teardown);

static long long
done_ms(long long now)
{
	struct flow_play out;
	player_result(&p, now, &out);
	return out.step_ms;
}

Test(player, the_help_holds_the_clock_while_it_is_open)
{
	const struct session_event *ev;
	player_tick(&p, 2 * S, &ev);
	player_hold(&p, PAUSE_HELP, true, 2 * S);
	player_tick(&p, 30 * S, &ev);
	cr_assert_eq(done_ms(30 * S), 2000, "28 s with the help open did not count");
	player_hold(&p, PAUSE_HELP, false, 30 * S);
	cr_assert_eq(done_ms(31 * S), 3000);
}

Test(player, closing_the_help_does_not_resume_a_routine_the_user_paused)
{
	player_do(&p, CMD_PAUSE, 1 * S);
	player_hold(&p, PAUSE_HELP, true, 2 * S);
	player_hold(&p, PAUSE_HELP, false, 3 * S);
	cr_assert(player_paused(&p));
	cr_assert_eq(done_ms(10 * S), 1000);
	player_do(&p, CMD_PAUSE, 10 * S);
	cr_assert_not(player_paused(&p));
}

Test(player, a_window_too_small_holds_the_clock)
{
	player_hold(&p, PAUSE_SMALL, true, 1 * S);
	cr_assert_eq(done_ms(20 * S), 1000);
	player_hold(&p, PAUSE_SMALL, false, 20 * S);
	cr_assert_eq(done_ms(21 * S), 2000);
}

Test(player, next_on_the_last_step_asks_first)
{
	const struct session_event *ev;
	player_do(&p, CMD_NEXT, 1 * S); /* to step 2: no question */
	cr_assert_null(player_question(&p));
	player_tick(&p, 1 * S, &ev);
	player_do(&p, CMD_NEXT, 2 * S);
	cr_assert_not_null(player_question(&p));
	cr_assert(strstr(player_question(&p), "Finish the routine now?"));
	cr_assert(player_paused(&p), "the clock waits for the answer");
	player_answer(&p, false, 5 * S);
	cr_assert_null(player_question(&p));
	cr_assert_not(player_over(&p), "any other answer goes on");
	player_do(&p, CMD_NEXT, 6 * S);
	player_answer(&p, true, 6 * S);
	player_tick(&p, 6 * S, &ev);
	cr_assert(player_over(&p));
	struct flow_play out;
	player_result(&p, 6 * S, &out);
	cr_assert(out.reached_end);
	/* 1 s of step 1, 1 s of step 2 before the question, 1 s after it; the
	 * 3 s the question was open do not count */
	cr_assert_eq(out.step_ms, 3000, "only the time spent in steps counts: %lld", out.step_ms);
	cr_assert_eq(flow_outcome(out.step_ms, 20000, out.reached_end), OUTCOME_PARTIAL);
}

Test(player, q_asks_and_yes_stops)
{
	player_do(&p, CMD_STOP, 3 * S);
	cr_assert(strstr(player_question(&p), "Stop the routine?"));
	player_do(&p, CMD_NEXT, 4 * S);
	cr_assert(strstr(player_question(&p), "Stop the routine?"), "an open question takes the next key");
	player_answer(&p, true, 4 * S);
	cr_assert(player_over(&p));
	struct flow_play out;
	player_result(&p, 9 * S, &out);
	cr_assert_not(out.reached_end);
	cr_assert_eq(out.step_ms, 3000);
}

Test(player, every_key_maps_to_its_command)
{
	cr_assert_eq(player_command(' '), CMD_PAUSE);
	cr_assert_eq(player_command('n'), CMD_NEXT);
	cr_assert_eq(player_command('p'), CMD_PREV);
	cr_assert_eq(player_command('q'), CMD_STOP);
	cr_assert_eq(player_command('?'), CMD_HELP);
	cr_assert_eq(player_command('='), CMD_LOUDER);
	cr_assert_eq(player_command('x'), CMD_NONE);
	for (int c = CMD_NONE + 1; c < CMD_COUNT; c++)
		cr_assert(player_keys[c].key && player_keys[c].help && player_keys[c].help[0], "command %d", c);
}
