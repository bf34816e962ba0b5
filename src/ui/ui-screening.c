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

struct screening_ctx {
	const struct routine *r;
	struct screening sc;
	struct ui_page page;
	int scroll;
};

static void
layout(struct screening_ctx *c)
{
	struct ui_page *pg = &c->page;
	ui_page_clear(pg);
	char buf[512];
	if (c->sc.refuse) {
		snprintf(buf, sizeof buf, "Not starting: you told unknot you have \"%s\", and this "
		    "routine must not be done then.", c->sc.refuse->title);
		ui_page_add(pg, 0, "", buf, ROLE_STOP);
		ui_page_add(pg, 0, "", "", ROLE_NORMAL);
	}
	if (c->sc.n == 0)
		ui_page_add(pg, 0, "", "This routine names no contraindications.", ROLE_NORMAL);
	for (size_t i = 0; i < c->sc.n; i++) {
		const struct screen_item *it = &c->sc.items[i];
		int role = it->cond->level == SAFETY_STOP ? ROLE_STOP : ROLE_CAUTION;
		snprintf(buf, sizeof buf, "%s %s%s%s%s", it->cond->level == SAFETY_STOP ? "Not with:" : "Care with:",
		    it->cond->title, it->step ? " (step \"" : "", it->step ? it->step : "",
		    it->step ? "\")" : "");
		ui_page_add(pg, 0, "", buf, it->declared || it->cond->level == SAFETY_STOP ? role : ROLE_TITLE);
		if (it->declared)
			ui_page_add(pg, 2, "", "You told unknot you have this: read the advice.", role);
		ui_page_add(pg, 2, "", it->cond->advice, ROLE_NORMAL);
	}
	for (char **w = c->r->warnings; w && *w; w++)
		ui_page_add(pg, 0, "Warning: ", *w, ROLE_CAUTION);
	ui_page_add(pg, 0, "", "", ROLE_NORMAL);
	ui_page_add(pg, 0, "", "Red flags: numbness between the legs, new bladder or bowel trouble, "
	    "weakness in both legs, or fever or unexplained weight loss with back pain mean "
	    "stop and get medical help now. `unknot safety` lists them all.", ROLE_NORMAL);
}

static void
screening_draw(void *ctx)
{
	struct screening_ctx *c = ctx;
	layout(c);
	char *title = xasprintf("Before you start: %s", c->r->title);
	ui_text(0, 0, COLS, title, ROLE_TITLE);
	free(title);
	ui_page_draw(&c->page, &c->scroll);
	if (c->sc.refuse) {
		const char *keys[] = {"q", "back", NULL};
		ui_keys(LINES - 1, keys);
	} else {
		const char *keys[] = {"y", "I have read this: start", "q", "back", "Up/Down", "scroll", NULL};
		ui_keys(LINES - 1, keys);
	}
}

static int
screening_key(void *ctx, int key, bool is_char, long long now)
{
	struct screening_ctx *c = ctx;
	(void)now;
	if (is_char && (key == 'q' || key == 'Q' || key == 27))
		return UI_BACK;
	if (is_char && (key == 'y' || key == 'Y') && !c->sc.refuse)
		return UI_OK;
	ui_page_key(key, is_char, &c->scroll);
	return UI_CONTINUE;
}

int
ui_screening(const struct routine *r, const struct safety *cat, char *const *declared)
{
	struct screening_ctx c = {.r = r};
	safety_screen(cat, r, declared, &c.sc);
	struct ui_screen scr = {.draw = screening_draw, .key = screening_key, .ctx = &c};
	int rc = ui_run(&scr);
	ui_page_clear(&c.page);
	free(c.page.v);
	screening_free(&c.sc);
	return rc;
}
