/* Measuring and wrapping text in columns. */
#include <criterion/criterion.h>
#include <locale.h>

#include "text.h"
#include "util.h"

static void setup(void) { setlocale(LC_ALL, "C.UTF-8"); }
TestSuite(text, .init = setup);

Test(text, counts_columns_not_bytes)
{
	cr_assert_eq(text_width("abc"), 3);
	cr_assert_eq(text_width("é"), 1);
	cr_assert_eq(text_width("日本"), 4);
}

Test(text, wraps_at_spaces_within_the_width)
{
	char **l = text_wrap("the quick brown fox jumps", 10);
	cr_assert_str_eq(l[0], "the quick");
	cr_assert_str_eq(l[1], "brown fox");
	cr_assert_str_eq(l[2], "jumps");
	cr_assert_null(l[3]);
	strv_free(l);
}

Test(text, cuts_a_word_longer_than_the_line)
{
	char **l = text_wrap("abcdefghij", 4);
	cr_assert_str_eq(l[0], "abcd");
	cr_assert_str_eq(l[1], "efgh");
	cr_assert_str_eq(l[2], "ij");
	strv_free(l);
}

Test(text, never_splits_a_multibyte_character)
{
	char **l = text_wrap("ééééé", 2);
	cr_assert_str_eq(l[0], "éé");
	cr_assert_str_eq(l[2], "é");
	strv_free(l);
}

Test(text, survives_a_width_of_zero_and_empty_text)
{
	char **l = text_wrap("ab", 0);
	cr_assert_str_eq(l[0], "a");
	strv_free(l);
	l = text_wrap("", 10);
	cr_assert_null(l[0]);
	strv_free(l);
}
