/*
 * ui-redflags.c - the first time the terminal UI opens: the red flags that
 * mean "stop and get medical help", read once and acknowledged with a
 * key.  The acknowledgement is a file in the state folder; when it cannot
 * be written the screen simply comes again next time.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "paths.h"
#include "text.h"
#include "ui-screens.h"
#include "ui.h"
#include "util.h"

struct flags_ctx {
	const struct safety *cat;
	int scroll, total;
};

static int
draw_list(int y, int y1, int skip, const char *head, char **items, int *count)
{
	char **lines = text_wrap(head, COLS);
	for (char **l = lines; *l; l++, (*count)++)
		if (*count >= skip && y < y1)
			ui_text(y++, 0, COLS, *l, ROLE_STOP);
	strv_free(lines);
	for (char **it = items; it && *it; it++) {
		char *full = xasprintf("- %s", *it);
		lines = text_wrap(full, COLS - 2);
		for (char **l = lines; *l; l++, (*count)++)
			if (*count >= skip && y < y1)
				ui_text(y++, l == lines ? 0 : 2, COLS - 2, *l, ROLE_NORMAL);
		strv_free(lines);
		free(full);
	}
	(*count)++;
	if (*count > skip && y < y1)
		y++;
	return y;
}

static void
flags_draw(void *ctx)
{
	struct flags_ctx *c = ctx;
	ui_text(0, 0, COLS, "Before your first routine: the red flags", ROLE_TITLE);
	int y = 2, y1 = LINES - 2, count = 0;
	y = draw_list(y, y1, c->scroll, "Go to emergency care now if back pain comes with:", c->cat->emergency,
	    &count);
	y = draw_list(y, y1, c->scroll, "See a doctor or physiotherapist soon if:", c->cat->urgent, &count);
	char **lines = text_wrap("unknot is a comfort aid that goes with staying active; it cannot tell "
	    "what causes your pain. `unknot safety` shows this list again.", COLS);
	for (char **l = lines; *l; l++, count++)
		if (count >= c->scroll && y < y1)
			ui_text(y++, 0, COLS, *l, ROLE_DIM);
	strv_free(lines);
	c->total = count;
	if (c->scroll + (y1 - 2) < c->total)
		ui_text(LINES - 2, COLS - 10, 10, "(more...)", ROLE_DIM);
	const char *keys[] = {"Enter", "I have read them", "Up/Down", "scroll", NULL};
	ui_keys(LINES - 1, keys);
}

static int
flags_key(void *ctx, int key, bool is_char, long long now)
{
	struct flags_ctx *c = ctx;
	(void)now;
	if (is_char && (key == '\r' || key == '\n'))
		return UI_OK;
	if (!is_char && key == KEY_ENTER)
		return UI_OK;
	if (is_char && (key == 'q' || key == 27))
		return UI_QUIT;
	if ((!is_char && key == KEY_DOWN) || (is_char && key == 'j'))
		c->scroll++;
	if ((!is_char && key == KEY_UP) || (is_char && key == 'k'))
		c->scroll--;
	if (c->scroll > c->total - (LINES - 4))
		c->scroll = c->total - (LINES - 4);
	if (c->scroll < 0)
		c->scroll = 0;
	return UI_CONTINUE;
}

int
ui_red_flags_once(const struct safety *cat)
{
	char *dir = paths_state_dir();
	char *mark = xasprintf("%s/red-flags-read", dir);
	int rc = UI_OK;
	if (access(mark, F_OK) != 0) {
		struct flags_ctx c = {.cat = cat};
		struct ui_screen scr = {.draw = flags_draw, .key = flags_key, .ctx = &c};
		rc = ui_run(&scr);
		if (rc == UI_OK && paths_mkdirs(dir, 0700) == 0) {
			int fd = open(mark, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
			if (fd >= 0)
				close(fd);
		}
	}
	free(mark);
	free(dir);
	return rc;
}
