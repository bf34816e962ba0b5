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

/* Rows for the page: below the title and a gap (or the head lines),
 * above "(more...)" and the key line; one at least. */
static int
page_rows(int top)
{
	return LINES - 2 - top > 1 ? LINES - 2 - top : 1;
}

static void
page_draw(const struct ui_page *pg, int top, int *scroll)
{
	int rows = page_rows(top);
	if (*scroll > pg->n - rows)
		*scroll = pg->n - rows;
	if (*scroll < 0)
		*scroll = 0;
	for (int i = 0; i < rows && *scroll + i < pg->n; i++) {
		const struct ui_line *l = &pg->v[*scroll + i];
		ui_text(top + i, l->indent, COLS - l->indent, l->text, l->role);
	}
	if (*scroll + rows < pg->n)
		ui_text(LINES - 2, COLS - 10, 10, "(more...)", ROLE_DIM);
}

static bool
page_key(int key, bool is_char, int *scroll, int top)
{
	if ((!is_char && key == KEY_DOWN) || (is_char && key == 'j'))
		(*scroll)++;
	else if ((!is_char && key == KEY_UP) || (is_char && key == 'k'))
		(*scroll)--;
	else if (!is_char && key == KEY_NPAGE)
		*scroll += page_rows(top);
	else if (!is_char && key == KEY_PPAGE)
		*scroll -= page_rows(top);
	else
		return false;
	if (*scroll < 0)
		*scroll = 0; /* the upper bound is the page's: page_draw clamps it */
	return true;
}

int
ui_emph_role(enum flow_emph e)
{
	static const int role[EMPH_COUNT] = {
		[EMPH_NORMAL] = ROLE_NORMAL, [EMPH_TITLE] = ROLE_TITLE, [EMPH_CAUTION] = ROLE_CAUTION,
		[EMPH_STOP] = ROLE_STOP, [EMPH_DIM] = ROLE_DIM,
	};
	_Static_assert(ARRAY_LEN(role) == EMPH_COUNT, "a curses role for every emphasis");
	return (unsigned)e < EMPH_COUNT ? role[e] : ROLE_NORMAL;
}

void
ui_page_add_lines(struct ui_page *pg, const struct flow_line *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		ui_page_add(pg, v[i].indent, v[i].label, v[i].text, ui_emph_role(v[i].emph));
}

struct runner {
	const struct ui_page_screen *ps;
	struct ui_page head, page;
	int scroll, top;
};

static void
runner_draw(void *ctx)
{
	struct runner *u = ctx;
	ui_text(0, 0, COLS, u->ps->title, ROLE_TITLE);
	u->top = 2;
	if (u->ps->head) {
		/* in view whatever the size: the head takes what it needs, up to
		 * all but the page's one row */
		page_clear(&u->head);
		u->ps->head(u->ps->ctx, &u->head);
		int i = 0;
		for (; i < u->head.n && 1 + i < LINES - 3; i++) {
			const struct ui_line *l = &u->head.v[i];
			ui_text(1 + i, l->indent, COLS - l->indent, l->text, l->role);
		}
		u->top = 1 + i;
	}
	page_clear(&u->page);
	u->ps->fill(u->ps->ctx, &u->page);
	page_draw(&u->page, u->top, &u->scroll);
	ui_keys(LINES - 1, u->ps->keys);
}

static enum nav
runner_key(void *ctx, int key, bool is_char, long long now)
{
	struct runner *u = ctx;
	(void)now;
	if (page_key(key, is_char, &u->scroll, u->top))
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
	page_clear(&u.head);
	free(u.head.v);
	return rc;
}
