/* Durations as people write them. */
#include <criterion/criterion.h>

#include "duration.h"

static long
parse_ok(const char *s)
{
	long v = -1;
	const char *why = NULL;
	cr_assert_eq(duration_parse(s, &v, &why), 0, "'%s' should parse (%s)", s, why ? why : "");
	return v;
}

static const char *
parse_fail(const char *s)
{
	long v = -1;
	const char *why = NULL;
	cr_assert_eq(duration_parse(s, &v, &why), -1, "'%s' should be refused", s);
	cr_assert_not_null(why);
	return why;
}

Test(duration, reads_a_plain_number_as_seconds) { cr_assert_eq(parse_ok("90"), 90); }
Test(duration, reads_seconds_minutes_and_hours) {
	cr_assert_eq(parse_ok("45s"), 45);
	cr_assert_eq(parse_ok("2m"), 120);
	cr_assert_eq(parse_ok("2h"), 7200);
}
Test(duration, combines_units_in_order) {
	cr_assert_eq(parse_ok("1m30s"), 90);
	cr_assert_eq(parse_ok("1h15m"), 4500);
	cr_assert_eq(parse_ok("1h2m3s"), 3723);
}
Test(duration, accepts_upper_case_units_and_surrounding_blanks) {
	cr_assert_eq(parse_ok(" 1M30S "), 90);
}
Test(duration, reads_zero) { cr_assert_eq(parse_ok("0"), 0); }
Test(duration, refuses_empty_text) { cr_assert_str_eq(parse_fail(""), "empty duration"); }
Test(duration, refuses_negative_values) { cr_assert_str_eq(parse_fail("-5"), "a duration cannot be negative"); }
Test(duration, refuses_unknown_units) { cr_assert(strstr(parse_fail("5d"), "unknown unit")); }
Test(duration, refuses_units_out_of_order) { cr_assert(strstr(parse_fail("30s1m"), "order")); }
Test(duration, refuses_a_repeated_unit) { cr_assert(strstr(parse_fail("1m1m"), "order")); }
Test(duration, refuses_a_bare_number_after_a_unit) { cr_assert(strstr(parse_fail("1m30"), "own unit")); }
Test(duration, refuses_decimals) { parse_fail("1.5m"); }
Test(duration, refuses_trailing_text) { cr_assert(strstr(parse_fail("30s please"), "unexpected")); }
Test(duration, refuses_huge_values_without_overflow) {
	cr_assert(strstr(parse_fail("99999999999999999999"), "too long"));
	cr_assert(strstr(parse_fail("999999h"), "too long"));
}

Test(duration, prints_minutes_and_seconds) {
	char b[16];
	cr_assert_str_eq(duration_clock(0, b, sizeof b), "0:00");
	cr_assert_str_eq(duration_clock(5, b, sizeof b), "0:05");
	cr_assert_str_eq(duration_clock(630, b, sizeof b), "10:30");
	cr_assert_str_eq(duration_clock(3599, b, sizeof b), "59:59");
}
Test(duration, prints_hours_from_an_hour_up) {
	char b[16];
	cr_assert_str_eq(duration_clock(3600, b, sizeof b), "1:00:00");
	cr_assert_str_eq(duration_clock(4 * 3600 + 61, b, sizeof b), "4:01:01");
}
Test(duration, prints_negative_as_zero) {
	char b[16];
	cr_assert_str_eq(duration_clock(-3, b, sizeof b), "0:00");
}
Test(duration, words_read_back_to_the_same_value) {
	char b[32];
	long values[] = {0, 1, 59, 60, 90, 3600, 3661, 7200, 14400};
	for (size_t i = 0; i < sizeof values / sizeof *values; i++)
		cr_assert_eq(parse_ok(duration_words(values[i], b, sizeof b)), values[i], "%s", b);
	cr_assert_str_eq(duration_words(90, b, sizeof b), "1m30s");
}
