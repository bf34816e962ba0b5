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
#include "ui-screens.h"
#include "ui.h"
#include "util.h"

struct flags_ctx {
	const struct safety *cat;
	struct ui_page page;
	int scroll;
};

static void
add_list(struct ui_page *pg, const char *head, char **items)
{
	ui_page_add(pg, 0, "", head, ROLE_STOP);
	for (char **it = items; it && *it; it++)
		ui_page_add(pg, 0, "- ", *it, ROLE_NORMAL);
	ui_page_add(pg, 0, "", "", ROLE_NORMAL);
}

static void
flags_draw(void *ctx)
{
	struct flags_ctx *c = ctx;
	ui_page_clear(&c->page);
	add_list(&c->page, "Go to emergency care now if back pain comes with:", c->cat->emergency);
	add_list(&c->page, "See a doctor or physiotherapist soon if:", c->cat->urgent);
	ui_page_add(&c->page, 0, "", "unknot is a comfort aid that goes with staying active; it cannot tell "
	    "what causes your pain. `unknot safety` shows this list again.", ROLE_DIM);
	ui_text(0, 0, COLS, "Before your first routine: the red flags", ROLE_TITLE);
	ui_page_draw(&c->page, &c->scroll);
	const char *keys[] = {"Enter", "I have read them", "Up/Down", "scroll", NULL};
	ui_keys(LINES - 1, keys);
}

static int
flags_key(void *ctx, int key, bool is_char, long long now)
{
	struct flags_ctx *c = ctx;
	(void)now;
	if ((is_char && (key == '\r' || key == '\n')) || (!is_char && key == KEY_ENTER))
		return UI_OK;
	if (is_char && (key == 'q' || key == 27))
		return UI_QUIT;
	ui_page_key(key, is_char, &c->scroll);
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
		ui_page_clear(&c.page);
		free(c.page.v);
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
