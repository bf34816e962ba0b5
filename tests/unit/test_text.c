/* Measuring and wrapping text in columns. */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

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

/* The sanitiser: nothing from outside reaches a terminal as a control. */

Test(text, clean_keeps_plain_and_printable_utf8_text)
{
	char *s = text_clean("Lower back · relief é 日本");
	cr_assert_str_eq(s, "Lower back · relief é 日本");
	free(s);
	cr_assert(text_is_clean("Lower back"));
}

Test(text, clean_shows_escape_sequences_as_hex)
{
	/* OSC 52 sets the clipboard; CSI clears the screen */
	char *s = text_clean("a\x1b]52;c;aGk=\x07" "b\x1b[2J");
	cr_assert_str_eq(s, "a\\x1b]52;c;aGk=\\x07b\\x1b[2J");
	cr_assert_not(text_is_clean("a\x1b[2J"));
	free(s);
}

Test(text, clean_shows_tabs_newlines_and_del_as_hex)
{
	char *s = text_clean("x\ty\nz\rw\x7f");
	cr_assert_str_eq(s, "x\\x09y\\x0az\\x0dw\\x7f");
	free(s);
}

Test(text, clean_shows_c1_controls_and_malformed_utf8_as_hex)
{
	/* U+009B is CSI on an 8-bit terminal; 0xff is never UTF-8; a lone
	 * continuation byte and a cut sequence are malformed too */
	char *s = text_clean("a\xc2\x9b" "b\xff" "c\x80" "d\xe2\x80");
	cr_assert_str_eq(s, "a\\xc2\\x9bb\\xffc\\x80d\\xe2\\x80");
	free(s);
	s = text_clean("\xc0\xaf"); /* overlong '/' */
	cr_assert_str_eq(s, "\\xc0\\xaf");
	free(s);
}

Test(text, clean_shows_reordering_and_hidden_characters_as_hex)
{
	/* RLO turns "exe.txt" around; a zero-width space and a BOM hide */
	char *s = text_clean("a\u202Eb\u200Bc\uFEFFd\u2066e");
	cr_assert_str_eq(s, "a\\xe2\\x80\\xaeb\\xe2\\x80\\x8bc\\xef\\xbb\\xbfd\\xe2\\x81\\xa6e");
	free(s);
	s = text_clean("x\U000E0041y"); /* a tag character */
	cr_assert_str_eq(s, "x\\xf3\\xa0\\x81\\x81y");
	free(s);
}

Test(text, clean_in_a_non_utf8_locale_shows_non_ascii_characters_as_question_marks)
{
	setlocale(LC_ALL, "C");
	char *s = text_clean("caf\xc3\xa9 \xff!");
	cr_assert_str_eq(s, "caf? \\xff!");
	free(s);
}

/* What text_pad (cols > 0) or text_put (cols 0) prints for s. */
static char *
printed(const char *s, int cols)
{
	char *out = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&out, &len);
	if (cols > 0)
		text_pad(fp, s, cols);
	else
		text_put(fp, s);
	fclose(fp);
	return out;
}

Test(text, put_writes_the_clean_text)
{
	char *out = printed("id\x1b[31m", 0);
	cr_assert_str_eq(out, "id\\x1b[31m");
	free(out);
}

Test(text, pad_and_wrap_clean_what_they_are_given)
{
	char *out = printed("a\x1b" "b", 8);
	cr_assert_str_eq(out, "a\\x1bb  ");
	free(out);
	char **l = text_wrap("one\x07 two", 20);
	cr_assert_str_eq(l[0], "one\\x07 two");
	strv_free(l);
}

Test(text, names_the_first_hidden_character_of_a_title)
{
	cr_assert_eq(text_hidden_char("Lower back relief"), 0);
	cr_assert_eq(text_hidden_char("Épaule ❤️"), 0);
	cr_assert_eq(text_hidden_char("x\u202Ey"), 0x202E);
	const char *const bad[] = {
		"a\u200Bb", "a\u200Cb", "a\u200Db", "a\u200Eb", "a\u200Fb", "a\u202Ab", "a\u202Eb",
		"a\u2066b", "a\u2069b", "a\u061Cb", "\uFEFFab", "a\U000E0001b", "a\U000E007Fb",
		"a\u2060b", "a\u00ADb",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		cr_assert_neq(text_hidden_char(bad[i]), 0, "case %zu", i);
}

/* One place decides the characters drawn besides words: ASCII unless the
 * locale is UTF-8. */
Test(text, glyphs_are_ascii_outside_utf8)
{
	cr_assert_not_null(setlocale(LC_ALL, "C"));
	for (int g = 0; g < GLYPH_COUNT; g++)
		for (const char *p = text_glyph(g); *p; p++)
			cr_assert((unsigned char)*p < 0x80, "glyph %d is ASCII in the C locale", g);
	cr_assert_str_eq(text_glyph(GLYPH_SEP), " - ");
	if (setlocale(LC_ALL, "C.UTF-8")) {
		cr_assert_str_eq(text_glyph(GLYPH_SEP), " · ");
		cr_assert_str_eq(text_glyph(GLYPH_ARROW), " → ");
	}
	setlocale(LC_ALL, "C");
}
