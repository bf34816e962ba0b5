/*
 * ui-redflags.c - the first time the terminal UI opens: the red flags that
 * mean "stop and get medical help", read once and acknowledged with a
 * key.  The acknowledgement is a file in the state folder; when it cannot
 * be written the screen simply comes again next time.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "file.h"
#include "paths.h"
#include "ui-screens.h"
#include "ui.h"
#include "util.h"

static void
add_list(struct ui_page *pg, const char *head, char **items)
{
	ui_page_add(pg, 0, "", head, ROLE_STOP);
	for (char **it = items; it && *it; it++)
		ui_page_add(pg, 0, "- ", *it, ROLE_NORMAL);
	ui_page_add(pg, 0, "", "", ROLE_NORMAL);
}

static void
flags_fill(void *ctx, struct ui_page *pg)
{
	const struct safety *cat = ctx;
	add_list(pg, "Go to emergency care now if back pain comes with:", cat->emergency);
	add_list(pg, "See a doctor or physiotherapist soon if:", cat->urgent);
	ui_page_add(pg, 0, "", "unknot is a comfort aid that goes with staying active; it cannot tell "
	    "what causes your pain. `unknot safety` shows this list again.", ROLE_DIM);
}

static enum nav
flags_key(void *ctx, int key, bool is_char)
{
	(void)ctx;
	if ((is_char && (key == '\r' || key == '\n')) || (!is_char && key == KEY_ENTER))
		return NAV_OK;
	if (is_char && (key == 'q' || key == 27))
		return NAV_QUIT;
	return NAV_STAY;
}

enum nav
ui_red_flags_once(const struct safety *cat)
{
	char *dir = paths_state_dir(); /* NULL: no home folder, so ask every time */
	const char *why;
	int dfd = dir ? file_open_dir(dir, false, &why) : -1;
	enum nav rc = NAV_OK;
	if (dfd < 0 || faccessat(dfd, "red-flags-read", F_OK, AT_SYMLINK_NOFOLLOW) != 0) {
		static const char *const keys[] = {"Enter", "I have read them", "Up/Down", "scroll", NULL};
		struct ui_page_screen ps = {.title = "Before your first routine: the red flags",
		    .fill = flags_fill, .key = flags_key, .keys = keys, .ctx = (void *)cat};
		rc = ui_page_run(&ps);
		if (dfd < 0 && rc == NAV_OK && dir)
			dfd = file_open_dir(dir, true, &why);
		/* never through a link: a planted one could create any file */
		int fd = rc == NAV_OK && dfd >= 0 ?
		    file_openat_write(dfd, "red-flags-read", O_WRONLY | O_CREAT, 0600, &why) : -1;
		if (fd >= 0)
			close(fd);
	}
	if (dfd >= 0)
		close(dfd);
	free(dir);
	return rc;
}
