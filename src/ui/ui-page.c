/*
 * ui-page.c - the page runner: a title, a page of wrapped lines that
 * scrolls, a key line; each page screen only fills the page and answers
 * its own keys (see ui-screens.h).
 */
#include <stdlib.h>

#include "text.h"
#include "ui-screens.h"
#include "ui.h"
#include "util.h"

void
ui_page_add(struct ui_page *pg, int indent, const char *label, const char *text, int role)
{
	int lw = text_width(label);
	int w = COLS - indent - lw;
	char **lines = text_wrap(text, w > 10 ? w : 10);
	if (lines[0] == NULL)
		lines = strv_push(lines, "");
	for (char **l = lines; *l; l++) {
		if (pg->n == pg->cap) {
			pg->cap = pg->cap ? pg->cap * 2 : 32;
			pg->v = xrealloc(pg->v, (size_t)pg->cap * sizeof *pg->v);
		}
		bool first = l == lines;
		pg->v[pg->n++] = (struct ui_line){
			.text = first ? xasprintf("%s%s", label, *l) : xstrdup(*l),
			.role = role,
			.indent = first ? indent : indent + lw,
		};
	}
	strv_free(lines);
}

static void
page_clear(struct ui_page *pg)
{
	for (int i = 0; i < pg->n; i++)
		free(pg->v[i].text);
	pg->n = 0;
}

/* Rows for the page: below the title and a gap, above "(more...)" and the
 * key line. */
static int
page_rows(void)
{
	return LINES - 4;
}

static void
page_draw(const struct ui_page *pg, int *scroll)
{
	if (*scroll > pg->n - page_rows())
		*scroll = pg->n - page_rows();
	if (*scroll < 0)
		*scroll = 0;
	for (int i = 0; i < page_rows() && *scroll + i < pg->n; i++) {
		const struct ui_line *l = &pg->v[*scroll + i];
		ui_text(2 + i, l->indent, COLS - l->indent, l->text, l->role);
	}
	if (*scroll + page_rows() < pg->n)
		ui_text(LINES - 2, COLS - 10, 10, "(more...)", ROLE_DIM);
}

static bool
page_key(int key, bool is_char, int *scroll)
{
	if ((!is_char && key == KEY_DOWN) || (is_char && key == 'j'))
		(*scroll)++;
	else if ((!is_char && key == KEY_UP) || (is_char && key == 'k'))
		(*scroll)--;
	else if (!is_char && key == KEY_NPAGE)
		*scroll += page_rows();
	else if (!is_char && key == KEY_PPAGE)
		*scroll -= page_rows();
	else
		return false;
	if (*scroll < 0)
		*scroll = 0; /* the upper bound is the page's: page_draw clamps it */
	return true;
}

void
ui_page_add_lines(struct ui_page *pg, const struct flow_line *v, size_t n)
{
	static const int role[] = {
		[EMPH_NORMAL] = ROLE_NORMAL, [EMPH_TITLE] = ROLE_TITLE, [EMPH_CAUTION] = ROLE_CAUTION,
		[EMPH_STOP] = ROLE_STOP, [EMPH_DIM] = ROLE_DIM,
	};
	for (size_t i = 0; i < n; i++)
		ui_page_add(pg, v[i].indent, v[i].label, v[i].text, role[v[i].emph]);
}

struct runner {
	const struct ui_page_screen *ps;
	struct ui_page page;
	int scroll;
};

static void
runner_draw(void *ctx)
{
	struct runner *u = ctx;
	page_clear(&u->page);
	u->ps->fill(u->ps->ctx, &u->page);
	ui_text(0, 0, COLS, u->ps->title, ROLE_TITLE);
	page_draw(&u->page, &u->scroll);
	ui_keys(LINES - 1, u->ps->keys);
}

static enum nav
runner_key(void *ctx, int key, bool is_char, long long now)
{
	struct runner *u = ctx;
	(void)now;
	if (page_key(key, is_char, &u->scroll))
		return NAV_STAY;
	if (u->ps->key)
		return u->ps->key(u->ps->ctx, key, is_char);
	return is_char && (key == 'q' || key == 'Q' || key == 27) ? NAV_BACK : NAV_STAY;
}

enum nav
ui_page_run(const struct ui_page_screen *ps)
{
	struct runner u = {.ps = ps};
	struct ui_screen scr = {.draw = runner_draw, .key = runner_key, .ctx = &u};
	enum nav rc = ui_run(&scr);
	page_clear(&u.page);
	free(u.page.v);
	return rc;
}
