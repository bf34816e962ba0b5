/*
 * ui-redflags.c - the first time the terminal UI opens: the red flags that
 * mean "stop and get medical help", read once and acknowledged with a
 * key.  The flow keeps the acknowledgement (flow_red_flags_read); when it
 * cannot be written the screen simply comes again next time.
 */
#include "ui-screens.h"
#include "ui.h"

static void
flags_fill(void *ctx, struct ui_page *pg)
{
	struct flow_line *v;
	size_t n = flow_red_flag_lines(ctx, NULL, &v);
	ui_page_add_lines(pg, v, n);
	flow_lines_free(v, n);
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
	enum nav rc = NAV_OK;
	if (!flow_red_flags_read()) {
		static const char *const keys[] = {"Enter", "I have read them", "Up/Down", "scroll", NULL};
		struct ui_page_screen ps = {.title = "Before your first routine: the red flags",
		    .fill = flags_fill, .key = flags_key, .keys = keys, .ctx = (void *)cat};
		rc = ui_page_run(&ps);
		if (rc == NAV_OK)
			flow_red_flags_mark_read();
	}
	return rc;
}
