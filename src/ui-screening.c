/*
 * ui-screening.c - the screening screen before every start: the routine's
 * and its steps' contraindications with their advice, its warnings, and
 * the red flags.  A declared stop condition refuses the start.
 */
#include <stdio.h>
#include <stdlib.h>

#include "text.h"
#include "ui-screens.h"
#include "ui.h"
#include "util.h"

struct line {
	char *text;
	int role, indent;
};

struct screening_ctx {
	const struct routine *r;
	struct screening sc;
	struct line *lines;
	int n, cap, scroll;
};

/* Add text, wrapped to the window, as display lines. */
static void
add(struct screening_ctx *c, int indent, const char *label, const char *text, int role)
{
	char *full = xasprintf("%s%s", label, text);
	char **w = text_wrap(full, COLS - indent > 10 ? COLS - indent : 10);
	if (w[0] == NULL)
		w = strv_push(w, "");
	for (char **l = w; *l; l++) {
		if (c->n == c->cap) {
			c->cap = c->cap ? c->cap * 2 : 32;
			c->lines = xrealloc(c->lines, (size_t)c->cap * sizeof *c->lines);
		}
		c->lines[c->n++] = (struct line){xstrdup(*l), role, indent};
	}
	strv_free(w);
	free(full);
}

static void
clear_lines(struct screening_ctx *c)
{
	for (int i = 0; i < c->n; i++)
		free(c->lines[i].text);
	c->n = 0;
}

static void
layout(struct screening_ctx *c)
{
	clear_lines(c);
	char buf[512];
	if (c->sc.refuse) {
		snprintf(buf, sizeof buf, "Not starting: you told unknot you have \"%s\", and this "
		    "routine must not be done then.", c->sc.refuse->title);
		add(c, 0, "", buf, ROLE_STOP);
		add(c, 0, "", "", ROLE_NORMAL);
	}
	if (c->sc.n == 0)
		add(c, 0, "", "This routine names no contraindications.", ROLE_NORMAL);
	for (size_t i = 0; i < c->sc.n; i++) {
		const struct screen_item *it = &c->sc.items[i];
		int role = it->cond->level == SAFETY_STOP ? ROLE_STOP : ROLE_CAUTION;
		snprintf(buf, sizeof buf, "%s %s%s%s%s", it->cond->level == SAFETY_STOP ? "Not with:" : "Care with:",
		    it->cond->title, it->step ? " (step \"" : "", it->step ? it->step : "",
		    it->step ? "\")" : "");
		add(c, 0, "", buf, it->declared || it->cond->level == SAFETY_STOP ? role : ROLE_TITLE);
		if (it->declared)
			add(c, 2, "", "You told unknot you have this: read the advice.", role);
		add(c, 2, "", it->cond->advice, ROLE_NORMAL);
	}
	for (char **w = c->r->warnings; w && *w; w++)
		add(c, 0, "Warning: ", *w, ROLE_CAUTION);
	add(c, 0, "", "", ROLE_NORMAL);
	add(c, 0, "", "Red flags: numbness between the legs, new bladder or bowel trouble, "
	    "weakness in both legs, or fever or unexplained weight loss with back pain mean "
	    "stop and get medical help now. `unknot safety` lists them all.", ROLE_NORMAL);
}

/* Content rows: below the title and a gap, above the "(more...)" row and
 * the key line. */
static int
visible(void)
{
	return LINES - 4;
}

static void
screening_draw(void *ctx)
{
	struct screening_ctx *c = ctx;
	layout(c);
	if (c->scroll > c->n - visible())
		c->scroll = c->n - visible();
	if (c->scroll < 0)
		c->scroll = 0;
	char *title = xasprintf("Before you start: %s", c->r->title);
	ui_text(0, 0, COLS, title, ROLE_TITLE);
	free(title);
	for (int i = 0; i < visible() && c->scroll + i < c->n; i++) {
		const struct line *l = &c->lines[c->scroll + i];
		ui_text(2 + i, l->indent, COLS - l->indent, l->text, l->role);
	}
	if (c->scroll + visible() < c->n)
		ui_text(LINES - 2, COLS - 10, 10, "(more...)", ROLE_DIM);
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
	if ((!is_char && key == KEY_DOWN) || (is_char && key == 'j'))
		c->scroll++;
	else if ((!is_char && key == KEY_UP) || (is_char && key == 'k'))
		c->scroll--;
	else if (!is_char && key == KEY_NPAGE)
		c->scroll += visible();
	else if (!is_char && key == KEY_PPAGE)
		c->scroll -= visible();
	return UI_CONTINUE;
}

int
ui_screening(const struct routine *r, const struct safety *cat, char *const *declared)
{
	struct screening_ctx c = {.r = r};
	safety_screen(cat, r, declared, &c.sc);
	struct ui_screen scr = {.draw = screening_draw, .key = screening_key, .ctx = &c};
	int rc = ui_run(&scr);
	clear_lines(&c);
	free(c.lines);
	screening_free(&c.sc);
	return rc;
}
