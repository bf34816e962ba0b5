/*
 * ui-health.c - the health profile screen: "Which of these apply to you?",
 * every condition of the catalogue with a box to tick.  Saving writes the
 * profile (health.h) at once, atomically; the conditions the config
 * declares are shown ticked and are changed in the config.  Reached from
 * the home screen and from the screening.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui-screens.h"
#include "ui.h"
#include "util.h"

struct health_ctx {
	const struct safety *cat;
	struct health *h;
	bool *ticked;       /* one per catalogue entry */
	size_t sel, top;
	char msg[160];
	bool saved;
};

static bool
from_config(const struct health_ctx *c, size_t i)
{
	return strv_has(c->h->config, c->cat->v[i].id);
}

enum { BOX_COLS = 6, ENTRY_ROWS = 3 }; /* "> [x] " before each title */

static char *
entry_text(const struct health_ctx *c, size_t k)
{
	return xasprintf("%s%s", c->cat->v[k].title, from_config(c, k) ? " (in your config)" : "");
}

/* The rows entry k takes at w columns. */
static int
entry_rows(const struct health_ctx *c, size_t k, int w)
{
	char *text = entry_text(c, k);
	int n = ui_wrap(0, 0, w, 0, "", text, ROLE_NORMAL);
	free(text);
	return n < 1 ? 1 : n > ENTRY_ROWS ? ENTRY_ROWS : n;
}

static void
health_draw(void *ctx)
{
	struct health_ctx *c = ctx;
	ui_text(0, 0, COLS, "Which of these apply to you?", ROLE_TITLE);
	int y = 1;
	y += ui_wrap(y, 0, COLS, 2, "", "Your answers adapt every routine: steps that do not suit you are "
	    "left out or replaced. They stay in a file on this computer.", ROLE_DIM);
	y++;
	/* the selected entry's advice, below the list when there is room */
	int advice_rows = LINES >= 18 ? 4 : 0;
	int rows = LINES - 1 - y - advice_rows - (advice_rows ? 1 : 0);
	if (rows < 1)
		rows = 1;
	/* Each question is whole: its title wraps beside the box (at most
	 * ENTRY_ROWS lines, then ~), and the list scrolls by entries. */
	int w = COLS - BOX_COLS;
	if (c->sel < c->top)
		c->top = c->sel;
	for (;;) {
		int used = 0;
		for (size_t k = c->top; k <= c->sel && k < c->cat->n; k++)
			used += entry_rows(c, k, w);
		if (used <= rows || c->top >= c->sel)
			break;
		c->top++;
	}
	int yy = y;
	for (size_t k = c->top; k < c->cat->n && yy < y + rows; k++) {
		const struct condition *cond = &c->cat->v[k];
		bool cur = k == c->sel;
		int h = entry_rows(c, k, w);
		if (yy + h > y + rows)
			h = y + rows - yy;
		int role = cur ? ROLE_KEY : cond->level == SAFETY_STOP ? ROLE_STOP : ROLE_NORMAL;
		/* the cursor is a mark as well as a colour: it shows without colours */
		if (cur)
			for (int r = 0; r < h; r++) {
				move(yy + r, 0);
				for (int x = 0; x < COLS; x++)
					addch(' ' | ui_attr(ROLE_KEY));
			}
		char box[BOX_COLS + 1];
		snprintf(box, sizeof box, "%c [%c] ", cur ? '>' : ' ', c->ticked[k] ? 'x' : ' ');
		ui_text(yy, 0, BOX_COLS, box, role);
		char *text = entry_text(c, k);
		ui_wrap(yy, BOX_COLS, w, h, "", text, role);
		free(text);
		yy += h;
	}
	if (advice_rows && c->sel < c->cat->n)
		ui_wrap(LINES - 1 - advice_rows, 0, COLS, advice_rows, "", c->cat->v[c->sel].advice, ROLE_DIM);
	if (c->msg[0]) {
		ui_text(LINES - 1, 0, COLS, c->msg, ROLE_CAUTION);
	} else {
		const char *keys[] = {"space", "tick", "s", "save", "q", "cancel", "Up/Down", "choose", NULL};
		ui_keys(LINES - 1, keys);
	}
}

static int
save(struct health_ctx *c)
{
	char **ids = NULL;
	for (size_t i = 0; i < c->cat->n; i++)
		if (c->ticked[i] && !from_config(c, i))
			ids = strv_push(ids, c->cat->v[i].id);
	char *path = health_path();
	const char *why;
	int rc = health_save_file(path, ids, &why);
	if (rc < 0) {
		snprintf(c->msg, sizeof c->msg, "Not saved: %s", why);
		strv_free(ids);
	} else {
		strv_free(c->h->profile);
		c->h->profile = ids;
		c->h->saved = true;
		health_join(c->h);
		c->saved = true;
	}
	free(path);
	return rc;
}

static enum nav
health_key(void *ctx, int key, bool is_char, long long now)
{
	struct health_ctx *c = ctx;
	(void)now;
	c->msg[0] = '\0';
	if (!is_char) {
		if (key == KEY_UP && c->sel)
			c->sel--;
		else if (key == KEY_DOWN && c->sel + 1 < c->cat->n)
			c->sel++;
		else if (key == KEY_HOME)
			c->sel = 0;
		else if (key == KEY_END && c->cat->n)
			c->sel = c->cat->n - 1;
		else if (key == KEY_PPAGE)
			c->sel = c->sel > 10 ? c->sel - 10 : 0;
		else if (key == KEY_NPAGE && c->cat->n)
			c->sel = c->sel + 10 < c->cat->n ? c->sel + 10 : c->cat->n - 1;
		return NAV_STAY;
	}
	switch (key) {
	case 'k': if (c->sel) c->sel--; break;
	case 'j': if (c->sel + 1 < c->cat->n) c->sel++; break;
	case ' ':
	case 'x':
	case '\r':
	case '\n':
		if (c->sel >= c->cat->n)
			break;
		if (from_config(c, c->sel))
			snprintf(c->msg, sizeof c->msg, "That one is in your config (health.conditions): change it there.");
		else
			c->ticked[c->sel] = !c->ticked[c->sel];
		break;
	case 's':
	case 'S':
		if (save(c) == 0)
			return NAV_OK;
		break;
	case 'q':
	case 'Q':
	case 27:
		return NAV_BACK;
	}
	return NAV_STAY;
}

enum nav
ui_health(const struct safety *cat, struct health *h)
{
	struct health_ctx c = {.cat = cat, .h = h};
	c.ticked = xcalloc(cat->n + 1, sizeof *c.ticked);
	for (size_t i = 0; i < cat->n; i++)
		c.ticked[i] = health_declares(h, cat->v[i].id);
	struct ui_screen scr = {.draw = health_draw, .key = health_key, .ctx = &c};
	enum nav rc = ui_run(&scr);
	free(c.ticked);
	return rc == NAV_BACK ? NAV_OK : rc;
}
