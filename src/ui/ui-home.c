/*
 * ui-home.c - the home screen: the routines with their details, a filter,
 * and Enter to follow one.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "duration.h"
#include "text.h"
#include "ui-screens.h"
#include "ui.h"
#include "util.h"

struct item {
	const struct entry *e;
	struct routine *r; /* NULL when the file has errors */
	struct plan plan;  /* r adapted to the health profile, when r is set */
	char *label;       /* its row: the title, with the id where titles repeat */
};

struct home {
	const struct safety *cat;
	struct config *cfg;
	struct audio *audio;
	struct library lib;
	struct item *items;
	size_t n;
	size_t *shown, nshown; /* indexes of items matching the filter */
	size_t sel, top;
	char filter[64];
	bool filtering;
	struct ui_help help;
	char msg[128];
};

static const char *const help_lines[] = {
	"Up/Down, j/k   choose a routine",
	"Enter          start it (after the safety screen)",
	"/              filter by title, id or body area",
	"s              progress: streaks, minutes, pain",
	"h              your health profile: what adapts routines",
	"Esc            clear the filter",
	"?              this help",
	"q              quit",
	"",
	"In the player: space pauses, n/p skip, q stops.",
	"Press any key to close.",
	NULL,
};

static bool
matches(const struct item *it, const char *f)
{
	if (!*f)
		return true;
	char *hay = xasprintf("%s %s", it->e->id, it->r ? it->r->title : "");
	for (char **a = it->r ? it->r->areas : NULL; a && *a; a++) {
		char *more = xasprintf("%s %s", hay, *a);
		free(hay);
		hay = more;
	}
	for (char *p = hay; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	char low[64];
	size_t i = 0;
	for (; f[i] && i < sizeof low - 1; i++)
		low[i] = (char)tolower((unsigned char)f[i]);
	low[i] = '\0';
	bool hit = strstr(hay, low) != NULL;
	free(hay);
	return hit;
}

static void
refilter(struct home *h)
{
	h->nshown = 0;
	for (size_t i = 0; i < h->n; i++)
		if (matches(&h->items[i], h->filter))
			h->shown[h->nshown++] = i;
	if (h->sel >= h->nshown)
		h->sel = h->nshown ? h->nshown - 1 : 0;
}

static const struct item *
selected(const struct home *h)
{
	return h->nshown ? &h->items[h->shown[h->sel]] : NULL;
}

static char *
join(char **v)
{
	struct buf b = {0};
	for (size_t i = 0; v && v[i]; i++)
		buf_addf(&b, "%s%s", i ? ", " : "", v[i]);
	if (b.s == NULL)
		buf_add(&b, "-", 1);
	return b.s;
}

/* What the plan does for this person, in a few words, or NULL. */
static char *
adapted_summary(const struct plan *p)
{
	size_t left = 0, replaced = 0, cautions = 0;
	for (size_t i = 0; i < p->nchanges; i++) {
		if (p->changes[i].kind == PLAN_LEFT_OUT)
			left++;
		else
			replaced++;
	}
	for (size_t i = 0; i < p->nconds; i++)
		cautions += p->conds[i].effect == PLAN_CAUTIONS || p->conds[i].effect == PLAN_ADVISES;
	if (!left && !replaced && !cautions)
		return NULL;
	struct buf b = {0};
	if (left)
		buf_addf(&b, "%zu step%s left out", left, left == 1 ? "" : "s");
	if (replaced)
		buf_addf(&b, "%s%zu replaced", b.len ? ", " : "", replaced);
	if (cautions)
		buf_addf(&b, "%sadvice for what you declared", b.len ? ", " : "");
	return b.s;
}

static void
details(const struct item *it, int y, int x, int w, int h)
{
	int y1 = y + h;
	if (it == NULL || w < 10)
		return;
	if (it->r == NULL) {
		ui_wrap(y, x, w, y1 - y, "", "This file has errors. Run `unknot check` on it to see them:",
		    ROLE_STOP);
		ui_wrap(y + 2, x, w, y1 - y - 2, "", it->e->path, ROLE_DIM);
		return;
	}
	const struct routine *r = it->r;
	const struct plan *p = &it->plan;
	const struct routine *runs = plan_shown(p);
	char line[96];
	y += ui_wrap(y, x, w, y1 - y, "", r->title, ROLE_TITLE);
	/* minutes, as list says them: "20:05" read as a time of day */
	snprintf(line, sizeof line, "%ld min, %zu step%s, %s", duration_minutes(routine_seconds(runs)),
	    runs->nsteps, runs->nsteps == 1 ? "" : "s", routine_level_name(r->level));
	if (y < y1)
		y += ui_wrap(y, x, w, 1, "", line, ROLE_NORMAL);
	if (r->summary && y + 1 < y1)
		y += 1 + ui_wrap(y + 1, x, w, y1 - y - 1, "", r->summary, ROLE_NORMAL);
	char *areas = join(r->areas), *eq = join(r->equipment);
	char *adapted = adapted_summary(p);
	if (y + 1 < y1)
		y += 1 + ui_wrap(y + 1, x, w, y1 - y - 1, "Areas: ", areas, ROLE_NORMAL);
	if (y < y1)
		y += ui_wrap(y, x, w, y1 - y, "Equipment: ", eq, ROLE_NORMAL);
	/* the same decision as the screening: plan.h */
	if (y < y1 && plan_refused(p))
		y += ui_wrap(y, x, w, y1 - y, "", p->refuse ? "Not for you: you declared a condition it must "
		    "not be done with." : "Not for you: every step is left out for what you declared.", ROLE_STOP);
	else if (y < y1 && adapted)
		y += ui_wrap(y, x, w, y1 - y, "Adapted for you: ", adapted, ROLE_CAUTION);
	for (int g = 0; g < PLAN_GROUP_COUNT && y < y1; g++) {
		char *ids = plan_undeclared_briefs(p, (enum plan_group)g); /* as the screening says them */
		if (ids)
			y += ui_wrap(y, x, w, y1 - y, plan_group_label((enum plan_group)g), ids,
			    g == PLAN_NOT_WITH ? ROLE_CAUTION : ROLE_NORMAL);
		free(ids);
	}
	if (y < y1 && it->e->source != SOURCE_BUNDLED)
		ui_wrap(y, x, w, y1 - y, "From: ", it->e->path, ROLE_DIM);
	free(areas);
	free(eq);
	free(adapted);
}

static void
home_draw(void *ctx)
{
	struct home *h = ctx;
	char buf[64];
	ui_text(0, 0, COLS, "unknot", ROLE_TITLE);
	snprintf(buf, sizeof buf, "%zu routine%s", h->nshown, h->nshown == 1 ? "" : "s");
	ui_text(0, COLS - text_width(buf), text_width(buf), buf, ROLE_DIM);
	int listy = 2;
	if (h->filtering || h->filter[0]) {
		char *f = xasprintf("/%s%s", h->filter, h->filtering ? "_" : "");
		ui_text(1, 0, COLS, f, ROLE_CAUTION);
		free(f);
	}
	bool side = COLS >= 80;
	/* the list as wide as its longest title needs, up to half the window */
	int widest = 10;
	for (size_t i = 0; i < h->nshown; i++) {
		const struct item *it = &h->items[h->shown[i]];
		int w = text_width(it->label);
		if (w > widest)
			widest = w;
	}
	int listw = side ? (widest + 12 < COLS / 2 ? widest + 12 : COLS / 2) : COLS;
	int listh = side ? LINES - listy - 1 : (LINES - listy - 1) / 2;
	if (listh < 3)
		listh = 3;
	if (h->sel < h->top)
		h->top = h->sel;
	if (h->sel >= h->top + (size_t)listh)
		h->top = h->sel - (size_t)listh + 1;
	if (h->nshown == 0)
		ui_text(listy, 0, listw, h->n ? "No routine matches." : "No routines found.", ROLE_DIM);
	for (int i = 0; i < listh && h->top + (size_t)i < h->nshown; i++) {
		const struct item *it = &h->items[h->shown[h->top + (size_t)i]];
		bool cur = h->top + (size_t)i == h->sel;
		char mins[32] = "  !";
		if (it->r)
			snprintf(mins, sizeof mins, "%3ld min", duration_minutes(routine_seconds(plan_shown(&it->plan))));
		int mw = text_width(mins);
		if (cur) {
			move(listy + i, 0);
			for (int x = 0; x < listw; x++)
				addch(' ' | ui_attr(ROLE_KEY));
		}
		int role = cur ? ROLE_KEY : it->r ? ROLE_NORMAL : ROLE_DIM;
		ui_text_cut(listy + i, 1, listw - mw - 3, it->label, role);
		ui_text(listy + i, listw - mw - 1, mw, mins, role);
	}
	const struct item *it = selected(h);
	if (side)
		details(it, listy, listw + 2, COLS - listw - 3, LINES - listy - 1);
	else
		details(it, listy + listh + 1, 0, COLS, LINES - listy - listh - 2);
	if (h->msg[0])
		ui_text(LINES - 1, 0, COLS, h->msg, ROLE_CAUTION);
	else if (h->filtering) {
		const char *keys[] = {"Enter", "keep filter", "Esc", "clear", NULL};
		ui_keys(LINES - 1, keys);
	} else {
		const char *keys[] = {"Enter", "start", "/", "filter", "h", "health", "s", "progress", "?", "help",
			"q", "quit", NULL};
		ui_keys(LINES - 1, keys);
	}
	ui_help_draw(&h->help);
	/* the cursor on the chosen routine (or the filter being typed), for
	 * screen readers */
	if (!h->help.open && h->filtering)
		move(1, 1 + (int)strlen(h->filter));
	else if (!h->help.open && h->nshown)
		move(listy + (int)(h->sel - h->top), 0);
}

static enum nav
home_key(void *ctx, int key, bool is_char, long long now)
{
	struct home *h = ctx;
	(void)now;
	h->msg[0] = '\0';
	if (ui_help_key(&h->help))
		return NAV_STAY;
	if (h->filtering) {
		size_t n = strlen(h->filter);
		if (is_char && (key == '\r' || key == '\n'))
			h->filtering = false;
		else if (is_char && key == 27) {
			h->filtering = false;
			h->filter[0] = '\0';
		} else if ((is_char && (key == 127 || key == 8)) || (!is_char && key == KEY_BACKSPACE)) {
			if (n)
				h->filter[n - 1] = '\0';
		} else if (is_char && key >= 0x20 && key < 0x7f && n + 1 < sizeof h->filter) {
			h->filter[n] = (char)key;
			h->filter[n + 1] = '\0';
		}
		refilter(h);
		return NAV_STAY;
	}
	if (!is_char) {
		switch (key) {
		case KEY_UP: if (h->sel) h->sel--; break;
		case KEY_DOWN: if (h->sel + 1 < h->nshown) h->sel++; break;
		case KEY_HOME: h->sel = 0; break;
		case KEY_END: h->sel = h->nshown ? h->nshown - 1 : 0; break;
		case KEY_PPAGE: h->sel = h->sel > 10 ? h->sel - 10 : 0; break;
		case KEY_NPAGE: h->sel = h->sel + 10 < h->nshown ? h->sel + 10 : (h->nshown ? h->nshown - 1 : 0); break;
		case KEY_ENTER: goto start;
		}
		return NAV_STAY;
	}
	switch (key) {
	case 'k': if (h->sel) h->sel--; break;
	case 'j': if (h->sel + 1 < h->nshown) h->sel++; break;
	case '/': h->filtering = true; break;
	case 's': return NAV_PROGRESS;
	case 'h': return NAV_PROFILE;
	case 27: h->filter[0] = '\0'; refilter(h); break;
	case '?': h->help.open = true; break;
	case 'q':
	case 'Q': return NAV_QUIT;
	case '\r':
	case '\n': goto start;
	}
	return NAV_STAY;
start:
	if (selected(h) == NULL)
		return NAV_STAY;
	if (selected(h)->r == NULL) {
		snprintf(h->msg, sizeof h->msg, "That file has errors: run `unknot check` on it.");
		return NAV_STAY;
	}
	return NAV_START;
}

/* Every routine's plan, for the conditions declared now. */
static void
replan(struct home *h)
{
	for (size_t i = 0; i < h->n; i++) {
		if (h->items[i].r == NULL)
			continue;
		plan_free(&h->items[i].plan);
		plan_make(&h->items[i].plan, h->cat, h->items[i].r, h->cfg->health.declared);
	}
}

/* Each row's label: the title, and where two routines share one (a copy
 * made with `unknot new ID --from`), the id too, so the rows differ. */
static void
label_items(struct home *h)
{
	for (size_t i = 0; i < h->n; i++) {
		struct item *it = &h->items[i];
		if (it->r == NULL) {
			it->label = xstrdup(it->e->id);
			continue;
		}
		bool twice = false;
		for (size_t k = 0; k < h->n && !twice; k++)
			twice = k != i && h->items[k].r && strcmp(h->items[k].r->title, it->r->title) == 0;
		it->label = twice ? xasprintf("%s (%s)", it->r->title, it->e->id) : xstrdup(it->r->title);
	}
}

enum nav
ui_home(const struct safety *cat, struct config *cfg, struct audio *audio)
{
	struct home h = {.cat = cat, .cfg = cfg, .audio = audio,
	    .help = {.title = "Home keys", .lines = help_lines}};
	library_scan(&h.lib);
	h.items = xcalloc(h.lib.n + 1, sizeof *h.items);
	h.shown = xcalloc(h.lib.n + 1, sizeof *h.shown);
	for (size_t i = 0; i < h.lib.n; i++) {
		struct diags d = {0};
		h.items[h.n].e = &h.lib.v[i];
		h.items[h.n].r = routine_load(h.lib.v[i].path, cat, &d);
		if (h.items[h.n].r)
			plan_make(&h.items[h.n].plan, cat, h.items[h.n].r, cfg->health.declared);
		h.n++;
		diags_free(&d);
	}
	label_items(&h);
	refilter(&h);
	struct ui_screen scr = {.draw = home_draw, .key = home_key, .ctx = &h};
	enum nav rc;
	for (;;) {
		rc = ui_run(&scr);
		if (rc == NAV_PROGRESS) {
			rc = ui_stats();
		} else if (rc == NAV_PROFILE) {
			rc = ui_health(cat, &cfg->health);
		} else if (rc == NAV_START) {
			struct flow_opts o = flow_opts_for(cfg, 1.0);
			o.now = now_wall();
			rc = ui_flow(selected(&h)->r, cat, &o, audio);
		} else {
			break;
		}
		if (rc == NAV_SIGNAL)
			break;
		replan(&h); /* the profile may have changed on the way */
	}
	for (size_t i = 0; i < h.n; i++) {
		if (h.items[i].r)
			plan_free(&h.items[i].plan);
		routine_free(h.items[i].r);
		free(h.items[i].label);
	}
	free(h.items);
	free(h.shown);
	library_free(&h.lib);
	return rc == NAV_QUIT ? NAV_OK : rc;
}
