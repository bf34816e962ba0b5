/*
 * ui-screening.c - the screening screen before every start: the flow's
 * screening lines (the routine's and its steps' contraindications with
 * their advice, its warnings, and the red flags) on a page.  A declared
 * stop condition refuses the start.
 */
#include <stdio.h>
#include <stdlib.h>

#include "ui-screens.h"
#include "ui.h"
#include "util.h"

static void
screening_fill(void *ctx, struct ui_page *pg)
{
	struct flow_line *v;
	size_t n = flow_screening_lines(ctx, &v);
	ui_page_add_lines(pg, v, n);
	flow_lines_free(v, n);
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
