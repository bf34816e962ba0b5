/*
 * fuzz_routine.c - libFuzzer harness for the routine loader.
 *
 * Any byte string goes through routine_parse() with the bundled catalogue,
 * as `unknot check` would read a file; a routine that loads must then give
 * consistent arithmetic.  Built by `make fuzz` with clang and ASan/UBSan.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "routine.h"
#include "safety.h"
#include "util.h"

static struct safety cat;
static int have_cat;

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
	}
	routine_free(r);
	diags_free(&d);
	free(text);
	return 0;
}
