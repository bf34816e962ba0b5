/*
 * ui-screening.c - the short screening before every start, the flow's
 * first step.  The words come from the core (screening.h) and say what the
 * plan will do; this screen lays them out on the page runner: the routine's
 * own warnings kept in view under the title, the rest scrolling, and the
 * key line (start, health profile, back) always shown.
 */
#include <stdio.h>

#include "ui-screens.h"
#include "ui.h"
#include "util.h"

static void
screening_head(void *ctx, struct ui_page *pg)
{
	const struct flow *f = ctx;
	ui_page_add_lines(pg, f->screening.warnings.v, f->screening.warnings.n);
}

static void
screening_fill(void *ctx, struct ui_page *pg)
{
	const struct flow *f = ctx;
	ui_page_add(pg, 0, "", "", ROLE_NORMAL);
	ui_page_add_lines(pg, f->screening.body.v, f->screening.body.n);
	ui_page_add(pg, 0, "", "", ROLE_NORMAL);
	ui_page_add(pg, 0, "", f->screening.red_flags, ROLE_DIM);
}

static enum nav
screening_key(void *ctx, int key, bool is_char)
{
	const struct flow *f = ctx;
	static const enum nav to[SCREEN_KEY_COUNT] = {
		[SCREEN_KEY_START] = NAV_OK,
		[SCREEN_KEY_PROFILE] = NAV_PROFILE,
		[SCREEN_KEY_BACK] = NAV_BACK,
	};
	if (is_char && key == 27)
		return NAV_BACK;
	for (int k = 0; is_char && k < SCREEN_KEY_COUNT; k++) {
		char letter = screening_key_letter((enum screening_key)k);
		if (f->screening.keys[k] && (key == letter || key == letter - 'a' + 'A'))
			return to[k];
	}
	return NAV_STAY;
}

enum nav
ui_screening(const struct flow *f)
{
	/* the key line: the screening's keys, then scrolling */
	const char *keys[2 * SCREEN_KEY_COUNT + 3];
	char letters[SCREEN_KEY_COUNT][2];
	int n = 0;
	for (int k = 0; k < SCREEN_KEY_COUNT; k++) {
		if (f->screening.keys[k] == NULL)
			continue;
		snprintf(letters[k], sizeof letters[k], "%c", screening_key_letter((enum screening_key)k));
		keys[n++] = letters[k];
		keys[n++] = f->screening.keys[k];
	}
	keys[n++] = "Up/Down";
	keys[n++] = "scroll";
	keys[n] = NULL;
	struct ui_page_screen ps = {.title = f->screening.title, .head = screening_head,
	    .fill = screening_fill, .key = screening_key, .keys = keys, .ctx = (void *)f};
	return ui_page_run(&ps);
}
