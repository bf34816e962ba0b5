/* The user's config: the reminder's settings are checked in one place,
 * for the file, the command line (config_set) and the socket
 * (config_duration) alike. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "config.h"
#include "helpers.h"

/* A config file in a private folder of its own (a file in /tmp itself
 * is refused: others can write there). */
static char *
write_config(const char *text)
{
	char dir[] = "/tmp/unknot-config-XXXXXX";
	cr_assert_not_null(mkdtemp(dir));
	char *path = malloc(strlen(dir) + 8);
	sprintf(path, "%s/config", dir);
	FILE *fp = fopen(path, "w");
	cr_assert_not_null(fp);
	fputs(text, fp);
	fclose(fp);
	return path;
}

static void
remove_config(char *path)
{
	unlink(path);
	*strrchr(path, '/') = '\0';
	rmdir(path);
	free(path);
}

Test(remind_config, bad_hours_and_days_are_errors_at_their_line)
{
	char *path = write_config("remind = {\n  every = \"30m\";\n  hours = \"17:00\";\n  days = \"someday\";\n};\n");
	struct config c;
	struct diags d = {0};
	cr_assert_eq(config_load_file(&c, path, NULL, &d), -1);
	char want[160];
	snprintf(want, sizeof want, "%s:3: error: remind: 'hours'", path);
	cr_assert(diags_have(&d, want), "%s", diags_text(&d));
	snprintf(want, sizeof want, "%s:4: error: remind: 'days'", path);
	cr_assert(diags_have(&d, want), "%s", diags_text(&d));
	cr_assert_str_eq(c.remind_hours, "09:00-17:30", "the default stays in place");
	config_free(&c);
	diags_free(&d);
	remove_config(path);
}

Test(remind_config, overnight_hours_are_good)
{
	char *path = write_config("remind = { hours = \"22:00-06:00\"; micro = \"20m\"; idle = 0; };\n");
	struct config c;
	struct diags d = {0};
	cr_assert_eq(config_load_file(&c, path, NULL, &d), 0, "%s", diags_text(&d));
	cr_assert_eq(c.remind_micro, 1200);
	cr_assert_eq(c.remind_idle, 0);
	config_free(&c);
	diags_free(&d);
	remove_config(path);
}

Test(remind_config, the_command_line_gets_the_files_checks)
{
	struct config c;
	char why[160];
	config_defaults(&c);
	cr_assert_eq(config_set(&c, "remind", "every", "30s", why, sizeof why), -1, "below 1m");
	cr_assert(strstr(why, "from 1m to 8h"), "%s", why);
	cr_assert_eq(config_set(&c, "remind", "every", "lots", why, sizeof why), -1);
	cr_assert_eq(config_set(&c, "remind", "every", "1h30m", why, sizeof why), 0, "%s", why);
	cr_assert_eq(c.remind_every, 5400);
	cr_assert_eq(config_set(&c, "remind", "hours", "18:00-09:00", why, sizeof why), 0, "%s", why);
	cr_assert_str_eq(c.remind_hours, "18:00-09:00");
	cr_assert_eq(config_set(&c, "remind", "hours", "9-5", why, sizeof why), -1);
	cr_assert_eq(config_set(&c, "remind", "days", "someday", why, sizeof why), -1);
	cr_assert_eq(config_set(&c, "remind", "pause", "13h", why, sizeof why), -1, "up to 12h");
	config_free(&c);
}

Test(remind_config, a_snooze_is_from_1m_to_4h_wherever_it_comes_from)
{
	int secs = -1;
	char why[160];
	cr_assert_eq(config_duration("remind", "snooze", "1000h", &secs, why, sizeof why), -1);
	cr_assert_eq(config_duration("remind", "snooze", "5h", &secs, why, sizeof why), -1);
	cr_assert_eq(config_duration("remind", "snooze", "0", &secs, why, sizeof why), -1, "not silently 10m");
	cr_assert_eq(config_duration("remind", "snooze", "4h", &secs, why, sizeof why), 0);
	cr_assert_eq(secs, 4 * 3600);
	cr_assert_eq(config_duration("remind", "pause", "12h", &secs, why, sizeof why), 0);
}
