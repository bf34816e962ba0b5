/*
 * fuzz_routine.c - libFuzzer harness for the routine loader.
 *
 * Any byte string goes through routine_parse() with the bundled catalogue,
 * as `unknot check` would read a file; a routine that loads must then give
 * consistent arithmetic, and its plan (plan.h) for a few sets of declared
 * conditions must run only its own steps or their replacements, within the
 * 4 hours.  Built by `make fuzz` with clang and ASan/UBSan.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "plan.h"
#include "routine.h"
#include "safety.h"
#include "util.h"

static struct safety cat;
static int have_cat;

/* Every step of the plan is a step of r or one of its replacements, in
 * order, and the plan lasts no longer than the 4 hours the loader allows. */
static void
check_plan(const struct routine *r, char *const *declared)
{
	struct plan p;
	plan_make(&p, &cat, r, declared);
	if (p.run.nsteps > r->nsteps || routine_seconds(&p.run) > ROUTINE_MAX_SECONDS)
		abort();
	if (p.run.nsteps == 0 && !plan_refused(&p))
		abort();
	size_t last = 0;
	for (size_t i = 0; i < p.run.nsteps; i++) {
		const struct plan_step *ps = &p.steps[i];
		const struct step *s = &r->steps[ps->index];
		if (ps->index < last || (i && ps->index == last))
			abort();
		last = ps->index;
		if (ps->step != s && (ps->step < s->instead || ps->step >= s->instead + s->ninstead))
			abort();
	}
	plan_free(&p);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!have_cat) {
		struct diags d = {0};
		safety_load(&cat, "routines/safety.cfg", &d);
		diags_free(&d);
		have_cat = 1;
	}
	char *text = xmalloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	struct diags d = {0};
	struct routine *r = routine_parse("fuzz.routine", text, size, &cat, &d);
	for (size_t i = 0; i < d.n; i++)
		free(diag_format(&d.v[i]));
	if (r) {
		if (d.errors)
			abort(); /* a routine is returned only without errors */
		long total = routine_seconds(r);
		if (r->nsteps < 1 || r->nsteps > ROUTINE_MAX_STEPS || total < 1 || total > ROUTINE_MAX_SECONDS)
			abort();
		for (size_t i = 0; i < r->nsteps; i++)
			if (step_seconds(&r->steps[i]) < r->steps[i].duration)
				abort();
		char *none[] = {NULL};
		char *some[] = {"pregnancy", "osteoporosis", NULL};
		char *stop[] = {"dvt", "spinal-stenosis", "joint-replacement", NULL};
		check_plan(r, none);
		check_plan(r, some);
		check_plan(r, stop);
	}
	routine_free(r);
	diags_free(&d);
	free(text);
	return 0;
}
