/*
 * ui-screening.c - the screening screen before every start: the routine's
 * and its steps' contraindications with their advice, its warnings, and
 * the red flags.  A declared stop condition refuses the start.
 */
#include <stdio.h>
#include <stdlib.h>

#include "ui-screens.h"
#include "ui.h"
#include "util.h"

static void
screening_fill(void *ctx, struct ui_page *pg)
{
	const struct flow *f = ctx;
	const struct screening *sc = &f->screening;
	char buf[512];
	if (sc->refuse) {
		snprintf(buf, sizeof buf, "Not starting: you told unknot you have \"%s\", and this "
		    "routine must not be done then.", sc->refuse->title);
		ui_page_add(pg, 0, "", buf, ROLE_STOP);
		ui_page_add(pg, 0, "", "", ROLE_NORMAL);
	}
	if (sc->n == 0)
		ui_page_add(pg, 0, "", "This routine names no contraindications.", ROLE_NORMAL);
	for (size_t i = 0; i < sc->n; i++) {
		const struct screen_item *it = &sc->items[i];
		int role = it->cond->level == SAFETY_STOP ? ROLE_STOP : ROLE_CAUTION;
		snprintf(buf, sizeof buf, "%s %s%s%s%s", it->cond->level == SAFETY_STOP ? "Not with:" : "Care with:",
		    it->cond->title, it->step ? " (step \"" : "", it->step ? it->step : "",
		    it->step ? "\")" : "");
		ui_page_add(pg, 0, "", buf, it->declared || it->cond->level == SAFETY_STOP ? role : ROLE_TITLE);
		if (it->declared)
			ui_page_add(pg, 2, "", "You told unknot you have this: read the advice.", role);
		ui_page_add(pg, 2, "", it->cond->advice, ROLE_NORMAL);
	}
	for (char **w = f->r->warnings; w && *w; w++)
		ui_page_add(pg, 0, "Warning: ", *w, ROLE_CAUTION);
	ui_page_add(pg, 0, "", "", ROLE_NORMAL);
	ui_page_add(pg, 0, "", "Red flags: numbness between the legs, new bladder or bowel trouble, "
	    "weakness in both legs, or fever or unexplained weight loss with back pain mean "
	    "stop and get medical help now. `unknot safety` lists them all.", ROLE_NORMAL);
}

static enum nav
screening_key(void *ctx, int key, bool is_char)
{
	const struct flow *f = ctx;
	if (is_char && (key == 'q' || key == 'Q' || key == 27))
		return NAV_BACK;
	if (is_char && (key == 'y' || key == 'Y') && !f->screening.refuse)
		return NAV_OK;
	return NAV_STAY;
}

enum nav
ui_screening(const struct flow *f)
{
	static const char *const keys_refuse[] = {"q", "back", NULL};
	static const char *const keys[] = {"y", "I have read this: start", "q", "back", "Up/Down", "scroll", NULL};
	char *title = xasprintf("Before you start: %s", f->r->title);
	struct ui_page_screen ps = {.title = title, .fill = screening_fill, .key = screening_key,
	    .keys = f->screening.refuse ? keys_refuse : keys, .ctx = (void *)f};
	enum nav rc = ui_page_run(&ps);
	free(title);
	return rc;
}
