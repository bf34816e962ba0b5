/* The event loop: descriptors, deadlines, removal from a callback, nesting
 * and signals, with pipes and deadlines already passed (nothing here
 * depends on how fast the machine is). */
#include <criterion/criterion.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include "clock.h"
#include "loop.h"

struct probe {
	struct loop_source src;
	int calls;
	short last;
	int p[2];
	struct loop_source *victim; /* removed by this one's callback */
	int breaks;                 /* loop_break(breaks) when > 0 */
};

static void
probe_ready(struct loop_source *src, short revents, long long now)
{
	struct probe *p = src->ctx;
	p->calls++;
	p->last = revents;
	if (revents & POLLIN) {
		char c;
		cr_assert_eq(read(src->fd, &c, 1), 1);
	}
	if (p->victim)
		loop_remove(p->victim);
	if (p->breaks > 0)
		loop_break(p->breaks);
}

static void
probe_pipe(struct probe *p)
{
	*p = (struct probe){0};
	cr_assert_eq(pipe(p->p), 0);
	p->src = (struct loop_source){.fd = p->p[0], .events = POLLIN, .deadline = LOOP_NEVER,
	    .ready = probe_ready, .ctx = p};
}

static void
probe_timer(struct probe *p, long long deadline)
{
	*p = (struct probe){0};
	p->src = (struct loop_source){.fd = -1, .deadline = deadline, .ready = probe_ready, .ctx = p};
}

Test(loop, calls_a_readable_descriptor_and_returns_what_it_breaks_with)
{
	struct probe a;
	probe_pipe(&a);
	a.breaks = 7;
	loop_add(&a.src);
	cr_assert_eq(write(a.p[1], "x", 1), 1);
	cr_assert_eq(loop_run(NULL, NULL), 7);
	cr_assert_eq(a.calls, 1);
	cr_assert(a.last & POLLIN);
	loop_remove(&a.src);
}

Test(loop, a_passed_deadline_calls_once_with_no_events_and_is_cleared)
{
	struct probe t;
	probe_timer(&t, now_us() - 1);
	t.breaks = 3;
	loop_add(&t.src);
	cr_assert_eq(loop_run(NULL, NULL), 3);
	cr_assert_eq(t.calls, 1);
	cr_assert_eq(t.last, 0);
	cr_assert_eq(t.src.deadline, LOOP_NEVER);
	loop_remove(&t.src);
}

Test(loop, a_source_removed_by_another_callback_is_not_called)
{
	struct probe a, b, stop;
	probe_pipe(&a);
	probe_pipe(&b);
	a.victim = &b.src;
	b.victim = &a.src;
	probe_timer(&stop, LOOP_NEVER);
	loop_add(&a.src);
	loop_add(&b.src);
	cr_assert_eq(write(a.p[1], "x", 1), 1);
	cr_assert_eq(write(b.p[1], "x", 1), 1);
	/* both are ready in the same turn; whichever runs first removes the
	 * other, which must then not be called */
	stop.src.deadline = now_us() + 1000;
	stop.breaks = 1;
	loop_add(&stop.src);
	cr_assert_eq(loop_run(NULL, NULL), 1);
	cr_assert_eq(a.calls + b.calls, 1);
	loop_remove(&stop.src);
}

Test(loop, a_paused_watch_is_not_called)
{
	struct probe a, stop;
	probe_pipe(&a);
	a.src.events = 0;
	cr_assert_eq(write(a.p[1], "x", 1), 1);
	loop_add(&a.src);
	probe_timer(&stop, now_us() + 20000);
	stop.breaks = 1;
	loop_add(&stop.src);
	cr_assert_eq(loop_run(NULL, NULL), 1);
	cr_assert_eq(a.calls, 0);
}

struct nest {
	struct probe outer_fd;
	int inner_result;
};

static long long
nested_turn(void *ctx, long long now)
{
	int *turns = ctx;
	(*turns)++;
	return LOOP_NEVER;
}

static void
open_inner(struct loop_source *src, short revents, long long now)
{
	struct nest *n = src->ctx;
	/* the inner run serves the outer's sources too */
	struct probe inner;
	probe_pipe(&inner);
	inner.breaks = 9;
	loop_add(&inner.src);
	cr_assert_eq(write(n->outer_fd.p[1], "y", 1), 1);
	cr_assert_eq(write(inner.p[1], "x", 1), 1);
	int turns = 0;
	n->inner_result = loop_run(nested_turn, &turns);
	cr_assert_gt(turns, 0);
	loop_remove(&inner.src);
	loop_break(4);
}

Test(loop, a_nested_run_serves_every_source_and_breaks_only_itself)
{
	struct nest n;
	probe_pipe(&n.outer_fd);
	loop_add(&n.outer_fd.src);
	struct loop_source opener = {.fd = -1, .deadline = now_us(), .ready = open_inner, .ctx = &n};
	loop_add(&opener);
	cr_assert_eq(loop_run(NULL, NULL), 4);
	cr_assert_eq(n.inner_result, 9);
	cr_assert_eq(n.outer_fd.calls, 1, "the outer source was served during the inner run");
}

static long long
raise_term(void *ctx, long long now)
{
	int *turns = ctx;
	if ((*turns)++ == 0)
		raise(SIGTERM); /* blocked: delivered inside ppoll */
	return LOOP_NEVER;
}

Test(loop, sigterm_ends_every_run_from_then_on)
{
	int turns = 0;
	cr_assert_eq(loop_init(), 0);
	cr_assert_eq(loop_run(raise_term, &turns), LOOP_SIGNAL);
	cr_assert_eq(loop_signal(), SIGTERM);
	cr_assert_eq(loop_run(NULL, NULL), LOOP_SIGNAL, "a later run ends at once");
}

Test(loop, sigpipe_is_ignored_once_set_up)
{
	cr_assert_eq(loop_init(), 0);
	int p[2];
	cr_assert_eq(pipe(p), 0);
	close(p[0]);
	cr_assert_eq(write(p[1], "x", 1), -1); /* EPIPE, not death */
}
