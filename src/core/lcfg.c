/* lcfg.c - reading libconfig files safely and walking keys: see lcfg.h. */
#include "lcfg.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "duration.h"
#include "file.h"
#include "text.h"
#include "util.h"

/*
 * libconfig's scanner treats a line whose first token is @include as an
 * instruction to open another file.  Blank every such line (keeping the
 * newline, so line numbers stay true) and report it.
 */
static void
refuse_includes(char *text, size_t len, const char *name, struct diags *d)
{
	int line = 1;
	for (size_t i = 0; i < len; line++) {
		size_t start = i, j = i;
		while (j < len && (text[j] == ' ' || text[j] == '\t'))
			j++;
		if (len - j >= 8 && memcmp(text + j, "@include", 8) == 0) {
			diags_add(d, name, line, DIAG_ERROR,
			    "@include is not allowed: a routine must be a single file");
			for (size_t k = start; k < len && text[k] != '\n'; k++)
				text[k] = ' ';
		}
		while (i < len && text[i] != '\n')
			i++;
		i++;
	}
}

/* The start of line n (1-based) of text, or NULL when it has fewer. */
static const char *
line_at(const char *text, int n)
{
	const char *p = text;
	for (int i = 1; i < n && p; i++) {
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return p;
}

/* True when word (n bytes) is a value libconfig reads: a number (decimal,
 * hex, with an L suffix, a float) or true/false in any case. */
static bool
scalar_word(const char *word, size_t n)
{
	char buf[64];
	if (n >= sizeof buf)
		return false;
	memcpy(buf, word, n);
	buf[n] = '\0';
	if (strcasecmp(buf, "true") == 0 || strcasecmp(buf, "false") == 0)
		return true;
	char *end;
	(void)strtoll(buf, &end, 0);
	while (end > buf && (*end == 'L' || *end == 'l'))
		end++;
	if (end > buf && *end == '\0')
		return true;
	(void)strtod(buf, &end);
	return end > buf && *end == '\0';
}

static const char *closest(const char *word, const char *const *names, size_t n);

/* An enum's choices in words: "a", "b" or "c". */
static void
choices_words(struct buf *b, const char *const *choices)
{
	for (size_t i = 0; choices[i]; i++)
		buf_addf(b, "%s\"%s\"", i == 0 ? "" : choices[i + 1] ? ", " : " or ", choices[i]);
}

/* The key called name (n bytes) in any of tables, or NULL. */
static const struct lcfg_key *
table_key(const struct lcfg_table *tables, const char *name, size_t n)
{
	for (; tables && tables->keys; tables++)
		for (size_t i = 0; i < tables->n; i++)
			if (strlen(tables->keys[i].name) == n && strncmp(tables->keys[i].name, name, n) == 0)
				return &tables->keys[i];
	return NULL;
}

/*
 * What to write for the bare word(s) val (n words' worth: `some` is "is a
 * bare word" or "are bare words") given to key k (NULL when not known):
 * a fix that the key's kind takes, or what it takes when no fix is sure.
 */
static void
bare_fix(char *msg, size_t size, const struct lcfg_key *k, const char *key, const char *val,
    const char *some, bool one)
{
	static const char *const yes[] = {"yes", "on", "y"}, *const no[] = {"no", "off", "n"};
	enum lcfg_kind kind = k ? k->kind : LK_TEXT;
	for (int i = 0; i < 3 && one && (k == NULL || kind == LK_BOOL); i++) {
		if (strcasecmp(val, yes[i]) == 0 || strcasecmp(val, no[i]) == 0) {
			snprintf(msg, size, "%s %s: write true or false, %s = %s;", val, some, key,
			    strcasecmp(val, yes[i]) == 0 ? "true" : "false");
			return;
		}
	}
	const char *quoted = val; /* the text to suggest in quotes */
	char fixed[80];
	const char *how = "";     /* what the fix does beyond quoting */
	const char *near = NULL;
	long secs;
	const char *why;
	switch (kind) {
	case LK_TEXTS:
		snprintf(msg, size, "%s %s: a list is strings in brackets, %s = [\"%s\"];", val, some, key, val);
		return;
	case LK_BOOL:
		snprintf(msg, size, "%s %s: '%s' is true or false, without quotes", val, some, key);
		return;
	case LK_INT:
		snprintf(msg, size, "%s %s: '%s' is a whole number from %ld to %ld, without quotes", val,
		    some, key, k->min, k->max);
		return;
	case LK_DURATION: {
		if (duration_parse(val, &secs, &why) == 0)
			break;
		/* 1m30 is 1m30s, 1h30 is 1h30m: the unit after the last one */
		size_t n = strlen(val);
		char last = n ? (char)tolower((unsigned char)val[n - 1]) : 0;
		const char *unit = NULL;
		for (size_t i = n; i > 0 && unit == NULL; i--)
			if (isalpha((unsigned char)val[i - 1]))
				unit = tolower((unsigned char)val[i - 1]) == 'h' ? "m" : "s";
		if (unit && isdigit((unsigned char)last)) {
			snprintf(fixed, sizeof fixed, "%s%s", val, unit);
			if (duration_parse(fixed, &secs, &why) == 0) {
				quoted = fixed;
				how = ", with a unit after each number";
				break;
			}
		}
		snprintf(msg, size, "%s %s: a duration is whole seconds (45) or text in double quotes "
		    "with the units h, m and s (\"1m30s\")", val, some);
		return;
	}
	case LK_ENUM: {
		size_t n = 0;
		while (k->choices[n])
			n++;
		for (size_t i = 0; i < n; i++)
			if (strcmp(k->choices[i], val) == 0)
				n = 0; /* one of them: quote it */
		if (n == 0)
			break;
		if ((near = closest(val, k->choices, n))) {
			quoted = near;
			break;
		}
		struct buf all = {0};
		choices_words(&all, k->choices);
		snprintf(msg, size, "%s %s: '%s' is one of %s, in double quotes", val, some, key, all.s);
		buf_free(&all);
		return;
	}
	default:
		break;
	}
	snprintf(msg, size, "%s %s: put %s in double quotes%s, %s = \"%s\";", val, some,
	    one ? "it" : "them", how, key, quoted);
	if (near)
		snprintf(msg + strlen(msg), size - strlen(msg), " (did you mean \"%s\"?)", near);
}

/*
 * libconfig says only "syntax error" for a value written without quotes
 * (duration = 30s; sides = yes;).  Look on the error's line for a
 * "key = value" whose value starts with a bare word, and say what to
 * write instead: what the key takes, by its row in tables.  Returns the
 * message (static), or NULL when there is no such value.
 */
static const char *
bare_word_hint(const char *text, int line, const struct lcfg_table *tables)
{
	static char msg[512];
	const char *p = line_at(text, line);
	bool in_string = false;
	for (; p && *p && *p != '\n'; p++) {
		if (in_string) {
			if (*p == '\\' && p[1])
				p++;
			else if (*p == '"')
				in_string = false;
			continue;
		}
		if (*p == '"')
			in_string = true;
		if (*p == '#' || (p[0] == '/' && (p[1] == '/' || p[1] == '*')))
			return NULL;
		if (*p != '=' && *p != ':')
			continue;
		/* the key before it */
		const char *k = p;
		while (k > text && (k[-1] == ' ' || k[-1] == '\t'))
			k--;
		const char *kend = k;
		while (k > text && (isalnum((unsigned char)k[-1]) || strchr("_-*", k[-1])))
			k--;
		/* the value after it, up to what ends a value */
		const char *v = p + 1;
		while (*v == ' ' || *v == '\t')
			v++;
		size_t word = strcspn(v, " \t;,)]}#\r\n");
		if (kend == k || word == 0 || strchr("\"[({", *v) || scalar_word(v, word))
			continue;
		size_t all = strcspn(v, ";,)]}#\r\n");
		while (all > word && (v[all - 1] == ' ' || v[all - 1] == '\t'))
			all--;
		char key[41], val[61];
		snprintf(key, sizeof key, "%.*s", (int)(kend - k), k);
		snprintf(val, sizeof val, "%.*s", (int)all, v);
		bare_fix(msg, sizeof msg, table_key(tables, k, (size_t)(kend - k)), key, val,
		    all == word ? "is a bare word" : "are bare words", all == word);
		return msg;
	}
	return NULL;
}

/*
 * libconfig checks each new setting's name against every other in its
 * group, so n settings in one group cost n squared: 170,000 keys in a
 * 1 MiB file took minutes, and each value costs an allocation.  Before it
 * sees the text, count the settings (each '=' or ':' outside strings and
 * comments) in each group, the values (settings and list items: each
 * ',' too) in all, and the nesting, and refuse what no routine, catalogue
 * or config comes near; then anything under the size limit is parsed in
 * a few milliseconds.  Returns the line where a limit is passed, or 0.
 */
static int
too_big(const char *text, size_t len, const char **why)
{
	/* the brackets open, innermost last, and the settings in each ([0]:
	 * the root group); a closing bracket closes the innermost, whatever
	 * it is (libconfig reports the mismatch) */
	char open[LCFG_MAX_DEPTH];
	int counts[LCFG_MAX_DEPTH + 1] = {0};
	int top = 0, line = 1;
	long total = 0;
	for (size_t i = 0; i < len; i++) {
		char c = text[i];
		if (c == '\n') {
			line++;
		} else if (c == '"') {
			for (i++; i < len && text[i] != '"'; i++) {
				if (text[i] == '\\' && i + 1 < len)
					i++;
				else if (text[i] == '\n')
					line++;
			}
		} else if (c == '#' || (c == '/' && i + 1 < len && text[i + 1] == '/')) {
			while (i + 1 < len && text[i + 1] != '\n')
				i++;
		} else if (c == '/' && i + 1 < len && text[i + 1] == '*') {
			for (i += 2; i + 1 < len && !(text[i] == '*' && text[i + 1] == '/'); i++)
				line += text[i] == '\n';
			i++;
		} else if (c == '{' || c == '(' || c == '[') {
			if (top == LCFG_MAX_DEPTH) {
				*why = "nested too deeply (groups and lists within each other)";
				return line;
			}
			open[top++] = c;
			counts[top] = 0;
		} else if (c == '}' || c == ')' || c == ']') {
			top -= top > 0;
		} else if (c == '=' || c == ':' || c == ',') {
			int g = top;
			while (g > 0 && open[g - 1] != '{')
				g--; /* the innermost group holds the setting */
			if (c != ',' && ++counts[g] > LCFG_MAX_GROUP) {
				*why = "too many settings in one group";
				return line;
			}
			if (++total > LCFG_MAX_VALUES) {
				*why = "too many settings and list items";
				return line;
			}
		}
	}
	return 0;
}

/*
 * Whole numbers too large for libconfig.  libconfig 1.5 reads a number
 * written without L with atoi-like code that keeps its low 32 bits
 * (4294967297 reads as 1, 2147483648 as -2147483648), and one with L past
 * 64 bits as the end it went past: a wrong value that may even be in
 * range.  So before it parses, the text's whole numbers are found as its
 * scanner finds them (names, strings, comments and decimals passed over)
 * and those that do not fit are noted.  After a good parse, the whole
 * numbers of the tree in file order are the same numbers in the same
 * order; each one noted gets its full value and its text as its hook, which
 * lcfg_whole() reads (and config_destroy frees).
 */
struct big_number {
	size_t ordinal;         /* among the text's whole numbers, from 0 */
	int line;
	long long value;        /* LLONG_MIN or LLONG_MAX past a long long */
	char text[LCFG_NUMBER_TEXT];
};
struct big_numbers {
	struct big_number *v;
	size_t n, cap;
	size_t wholes;          /* whole numbers in the text */
};

static size_t
span(const char *t, size_t len, size_t i, const char *set)
{
	size_t j = i;
	while (j < len && t[j] && strchr(set, t[j]))
		j++;
	return j - i;
}

#define DIGITS "0123456789"
#define HEXDIGITS "0123456789abcdefABCDEF"

/* An exponent [eE][-+]?[0-9]+ at t + i: its length, or 0. */
static size_t
exponent(const char *t, size_t len, size_t i)
{
	if (i >= len || (t[i] != 'e' && t[i] != 'E'))
		return 0;
	size_t j = i + 1;
	if (j < len && (t[j] == '-' || t[j] == '+'))
		j++;
	size_t n = span(t, len, j, DIGITS);
	return n ? j + n - i : 0;
}

/*
 * The number at t + i as libconfig's scanner takes it (the longest of its
 * integer, integer64, hex, hex64 and float patterns): its length, or 0 when
 * none starts there; *whole tells a whole number from a decimal.
 */
static size_t
number_at(const char *t, size_t len, size_t i, bool *whole)
{
	size_t s = i + (t[i] == '-' || t[i] == '+');
	size_t d = span(t, len, s, DIGITS), flt = 0, num = 0;
	if (s + d < len && t[s + d] == '.') {
		size_t f = s + d + 1;
		f += span(t, len, f, DIGITS);
		flt = f + exponent(t, len, f) - i;
	} else if (d && exponent(t, len, s + d)) {
		flt = s + d + exponent(t, len, s + d) - i;
	}
	if (t[i] == '0' && i + 2 < len && (t[i + 1] == 'x' || t[i + 1] == 'X') &&
	    span(t, len, i + 2, HEXDIGITS))
		num = 2 + span(t, len, i + 2, HEXDIGITS);
	else if (d)
		num = s + d - i;
	if (num && i + num < len && t[i + num] == 'L') /* integer64, hex64: L or LL */
		num += 1 + (i + num + 1 < len && t[i + num + 1] == 'L');
	*whole = num > flt;
	return num > flt ? num : flt;
}

/* Note the whole number t[i..i+n) when libconfig cannot hold it. */
static void
note_number(struct big_numbers *b, const char *t, size_t i, size_t n, int line)
{
	bool wide = t[i + n - 1] == 'L', hex = n > 2 && (t[i + 1] == 'x' || t[i + 1] == 'X');
	char digits[LCFG_NUMBER_TEXT];
	long long v;
	bool big;
	size_t nd = n - wide - (wide && t[i + n - 2] == 'L');
	if (nd >= sizeof digits) {
		big = true; /* longer than any number that fits */
		v = t[i] == '-' ? LLONG_MIN : LLONG_MAX;
	} else {
		memcpy(digits, t + i, nd);
		digits[nd] = '\0';
		errno = 0;
		if (hex) {
			unsigned long long u = strtoull(digits, NULL, 16);
			big = errno == ERANGE || u > (wide ? (unsigned long long)LLONG_MAX : INT_MAX);
			v = u > LLONG_MAX ? LLONG_MAX : (long long)u;
		} else {
			v = strtoll(digits, NULL, 10);
			big = errno == ERANGE || (!wide && (v < INT_MIN || v > INT_MAX));
		}
	}
	if (big) {
		if (b->n == b->cap)
			b->v = xrealloc(b->v, (b->cap = b->cap ? 2 * b->cap : 4) * sizeof *b->v);
		struct big_number *x = &b->v[b->n++];
		x->ordinal = b->wholes;
		x->line = line;
		x->value = v;
		if (n < sizeof x->text)
			snprintf(x->text, sizeof x->text, "%.*s", (int)n, t + i);
		else
			snprintf(x->text, sizeof x->text, "%.*s...", (int)sizeof x->text - 4, t + i);
	}
	b->wholes++;
}

/* Every whole number of text that libconfig cannot hold, into b. */
static void
find_big_numbers(const char *t, size_t len, struct big_numbers *b)
{
	int line = 1;
	for (size_t i = 0; i < len;) {
		char c = t[i];
		bool whole;
		size_t n;
		if (c == '\n') {
			line++;
			i++;
		} else if (c == '"') {
			for (i++; i < len && t[i] != '"'; i++) {
				if (t[i] == '\\' && i + 1 < len)
					i++;
				if (t[i] == '\n')
					line++;
			}
			i++;
		} else if (c == '#' || (c == '/' && i + 1 < len && t[i + 1] == '/')) {
			while (i < len && t[i] != '\n')
				i++;
		} else if (c == '/' && i + 1 < len && t[i + 1] == '*') {
			for (i += 2; i < len && !(t[i] == '*' && i + 1 < len && t[i + 1] == '/'); i++)
				line += t[i] == '\n';
			i += 2;
		} else if (isalpha((unsigned char)c) || c == '*') { /* a name, true or false */
			i += 1 + span(t, len, i + 1, "-_*" DIGITS "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
		} else if ((n = number_at(t, len, i, &whole))) {
			if (whole)
				note_number(b, t, i, n, line);
			i += n;
		} else {
			i++;
		}
	}
}

/* Count (hooks NULL) or mark the tree's whole numbers below s in file
 * order; *ordinal counts them. */
static void
mark_big_numbers(config_setting_t *s, const struct big_numbers *b, size_t *ordinal, size_t *next,
    bool mark)
{
	if (config_setting_is_aggregate(s)) {
		int n = config_setting_length(s);
		for (int i = 0; i < n; i++)
			mark_big_numbers(config_setting_get_elem(s, (unsigned)i), b, ordinal, next, mark);
		return;
	}
	int t = config_setting_type(s);
	if (t != CONFIG_TYPE_INT && t != CONFIG_TYPE_INT64)
		return;
	if (mark && *next < b->n && b->v[*next].ordinal == *ordinal) {
		struct big_number *hook = xmalloc(sizeof *hook);
		*hook = b->v[(*next)++];
		config_setting_set_hook(s, hook);
	}
	(*ordinal)++;
}

/* After a good parse: give the big numbers to their settings, or, should
 * the tree not hold the numbers the text was seen to hold, refuse them. */
static void
attach_big_numbers(config_t *cfg, const struct big_numbers *b, const char *name, struct diags *d)
{
	size_t count = 0, next = 0;
	mark_big_numbers(config_root_setting(cfg), b, &count, &next, false);
	if (count == b->wholes) {
		count = 0;
		mark_big_numbers(config_root_setting(cfg), b, &count, &next, true);
		return;
	}
	for (size_t i = 0; i < b->n; i++)
		diags_add(d, name, b->v[i].line, DIAG_ERROR, "%s is too large a number", b->v[i].text);
}

/* Where each line starts, kept with the tree (the root setting's hook,
 * freed by config_destroy) for lcfg_line(): text and index in one block. */
struct lines {
	const char *text;
	size_t n;           /* lines */
	size_t start[];     /* start[k]: offset of line k + 1 */
};

static struct lines *
index_lines(const char *text, size_t len)
{
	size_t n = 1;
	for (size_t i = 0; i < len; i++)
		n += text[i] == '\n';
	struct lines *l = xmalloc(sizeof *l + n * sizeof l->start[0] + len + 1);
	char *copy = (char *)&l->start[n];
	memcpy(copy, text, len);
	copy[len] = '\0';
	l->text = copy;
	l->n = 0;
	l->start[l->n++] = 0;
	for (size_t i = 0; i < len; i++)
		if (text[i] == '\n')
			l->start[l->n++] = i + 1;
	return l;
}

int
lcfg_parse(config_t *cfg, const char *name, char *text, size_t len, const struct lcfg_table *keys,
    struct diags *d)
{
	const char *nul = memchr(text, '\0', len);
	if (nul) {
		int line = 1;
		for (const char *p = text; p < nul; p++)
			line += *p == '\n';
		diags_add(d, name, line, DIAG_ERROR, "the file contains a NUL byte: it is not a text file");
		return -1;
	}
	const char *why;
	int at = too_big(text, len, &why);
	if (at) {
		diags_add(d, name, at, DIAG_ERROR, "%s: a file holds at most %d settings in a group, "
		    "%d settings and list items in all, nested at most %d deep", why, LCFG_MAX_GROUP,
		    LCFG_MAX_VALUES, LCFG_MAX_DEPTH);
		return -1;
	}
	refuse_includes(text, len, name, d);
	config_init(cfg);
	/* Keep the text with the tree (freed by config_destroy), so that
	 * lcfg_line() can correct libconfig's line for list items. */
	config_set_destructor(cfg, free);
	struct big_numbers big = {0};
	find_big_numbers(text, len, &big);
	if (config_read_string(cfg, text) == CONFIG_TRUE) {
		config_setting_set_hook(config_root_setting(cfg), index_lines(text, len));
		if (big.n)
			attach_big_numbers(cfg, &big, name, d);
	} else {
		const char *msg = config_error_text(cfg);
		int line = config_error_line(cfg);
		if (msg == NULL || strcmp(msg, "syntax error") == 0) {
			msg = "syntax error: look here and on the line before for a missing ';', "
			      "quote, comma or bracket";
			/* a value without its quotes, on that line or the one before */
			const char *hint = bare_word_hint(text, line, keys);
			if (hint == NULL && line > 1 && (hint = bare_word_hint(text, line - 1, keys)))
				line--;
			if (hint)
				msg = hint;
		}
		diags_add(d, name, line, DIAG_ERROR, "%s", msg);
		config_destroy(cfg);
		free(big.v);
		return -1;
	}
	free(big.v);
	return 0; /* refused @include lines were reported; the rest is worth checking */
}

int
lcfg_open(config_t *cfg, const char *path, const struct lcfg_table *keys, struct diags *d)
{
	const char *why;
	size_t len;
	char *text = read_file(path, LCFG_FILE_LIMIT, &len, &why);
	if (text == NULL) {
		diags_add(d, path, 0, DIAG_ERROR, "cannot read: %s", why);
		return -1;
	}
	int rc = lcfg_parse(cfg, path, text, len, keys, d);
	free(text);
	return rc;
}

/* True when line n (1-based) has something besides closing brackets,
 * commas, blanks and comments. */
static bool
line_has_value(const struct lines *l, int n)
{
	if (n < 1 || (size_t)n > l->n)
		return true;
	for (const char *p = l->text + l->start[n - 1]; *p && *p != '\n'; p++) {
		if (*p == '#' || (p[0] == '/' && p[1] == '/'))
			return false;
		if (!strchr(" \t\r,;])", *p))
			return true;
	}
	return false;
}

int
lcfg_line(const config_setting_t *s)
{
	/*
	 * libconfig stamps a list item with the line of the token after it,
	 * which is the closing bracket's line for the last item.  Step back
	 * over lines that hold only brackets, commas and comments.
	 */
	const config_setting_t *parent = s ? config_setting_parent(s) : NULL;
	if (parent && !config_setting_is_aggregate(s) && config_setting_source_line(s) > 0 &&
	    (config_setting_type(parent) == CONFIG_TYPE_ARRAY ||
	     config_setting_type(parent) == CONFIG_TYPE_LIST)) {
		const config_setting_t *root = parent;
		while (config_setting_parent(root))
			root = config_setting_parent(root);
		const struct lines *text = config_setting_get_hook(root);
		int line = (int)config_setting_source_line(s);
		int floor = (int)config_setting_source_line(parent);
		while (text && line > floor && !line_has_value(text, line))
			line--;
		return line;
	}
	for (; s; s = config_setting_parent(s)) {
		int line = (int)config_setting_source_line(s);
		if (line > 0)
			return line;
	}
	return 1; /* the root group: point at the top of the file */
}

const char *
lcfg_type_name(int type)
{
	switch (type) {
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_INT64: return "an integer";
	case CONFIG_TYPE_FLOAT: return "a decimal number";
	case CONFIG_TYPE_STRING: return "a string";
	case CONFIG_TYPE_BOOL: return "true or false";
	case CONFIG_TYPE_ARRAY: return "an array [...]";
	case CONFIG_TYPE_LIST: return "a list (...)";
	case CONFIG_TYPE_GROUP: return "a group {...}";
	default: return "nothing";
	}
}

const char *
lcfg_text_problem(const char *s)
{
	size_t len = strlen(s);
	if (len > LCFG_TEXT_LIMIT)
		return "text is longer than 2000 bytes";
	/* what loads is shown unchanged by the sanitiser (text.h) */
	while (*s) {
		uint32_t c;
		size_t n = text_utf8_decode(s, &c);
		if (n == 0)
			return "text is not valid UTF-8";
		if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
			return "text contains a control character (tabs, newlines and escapes are not allowed)";
		if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e ||
		    c == 0x200f || c == 0x61c)
			return "text contains a bidirectional override character";
		if (!text_char_safe(c))
			return "text contains an invisible character (a zero-width space, a line separator, "
			       "a byte order mark or a tag)";
		s += n;
	}
	return NULL;
}

static const struct lcfg_key *
find_key(const struct lcfg_key *keys, size_t nkeys, const char *name)
{
	for (size_t i = 0; i < nkeys; i++)
		if (strcmp(keys[i].name, name) == 0)
			return &keys[i];
	return NULL;
}

/* The closest of names to word, or NULL when nothing is close. */
static const char *
closest(const char *word, const char *const *names, size_t n)
{
	const char *best = NULL;
	size_t bestd = strlen(word) < 4 ? 1 : 2;
	for (size_t i = 0; i < n; i++) {
		size_t dist = edit_distance(word, names[i], bestd);
		if (dist <= bestd && (best == NULL || dist < bestd)) {
			best = names[i];
			bestd = dist;
		}
	}
	return best;
}

static void
unknown_key(const struct lcfg_key *keys, size_t nkeys, const char *name, int line,
    const char *file, const char *where, struct diags *d)
{
	if (DIAGS_FULL(d)) { /* counted only: no need to look for a near name */
		diags_add(d, file, line, DIAG_WARNING, "unknown key");
		return;
	}
	const char *names[64];
	size_t n = 0;
	for (size_t i = 0; i < nkeys && n < ARRAY_LEN(names); i++)
		names[n++] = keys[i].name;
	const char *near = closest(name, names, n);
	if (near)
		diags_add(d, file, line, DIAG_WARNING, "%sunknown key '%s' (did you mean '%s'?)",
		    where, name, near);
	else
		diags_add(d, file, line, DIAG_WARNING, "%sunknown key '%s' (ignored)", where, name);
}

static char *
choices_list(const char *const *choices)
{
	struct buf b = {0};
	for (size_t i = 0; choices[i]; i++)
		buf_addf(&b, "%s%s", i ? ", " : "", choices[i]);
	return b.s;
}

bool
lcfg_whole(const config_setting_t *s, long long *v, char *as_written, size_t n)
{
	int t = config_setting_type(s);
	if (t != CONFIG_TYPE_INT && t != CONFIG_TYPE_INT64)
		return false;
	/* a number's only hook is a big one's (the root's is a group's) */
	const struct big_number *big = config_setting_get_hook(s);
	if (big) {
		*v = big->value;
		snprintf(as_written, n, "%s", big->text);
		return true;
	}
	*v = t == CONFIG_TYPE_INT ? config_setting_get_int(s) : config_setting_get_int64(s);
	snprintf(as_written, n, "%lld", *v);
	return true;
}

static void
walk_one(const config_setting_t *s, const struct lcfg_key *k, void *base, const char *file,
    const char *where, struct diags *d)
{
	int line = lcfg_line(s), type = config_setting_type(s);
	char *slot = (char *)base + k->offset;
	long long v;
	char written[LCFG_NUMBER_TEXT];
	const char *why;

	switch (k->kind) {
	case LK_INT:
		if (!lcfg_whole(s, &v, written, sizeof written)) {
			diags_add(d, file, line, DIAG_ERROR, "%s'%s' must be a whole number, not %s",
			    where, k->name, lcfg_type_name(type));
			return;
		}
		if (v < k->min || v > k->max) {
			diags_add(d, file, line, DIAG_ERROR, "%s'%s' must be from %ld to %ld, not %s",
			    where, k->name, k->min, k->max, written);
			return;
		}
		*(int *)slot = (int)v;
		return;
	case LK_DURATION: {
		long secs;
		if (type == CONFIG_TYPE_STRING) {
			if (duration_parse(config_setting_get_string(s), &secs, &why) < 0) {
				diags_add(d, file, line, DIAG_ERROR, "%s'%s': \"%s\": %s", where, k->name,
				    config_setting_get_string(s), why);
				return;
			}
			v = secs;
		} else if (!lcfg_whole(s, &v, written, sizeof written)) {
			diags_add(d, file, line, DIAG_ERROR,
			    "%s'%s' must be a duration in whole seconds (45) or a string (\"1m30s\"), not %s",
			    where, k->name, lcfg_type_name(type));
			return;
		}
		if (v < k->min || v > k->max) {
			/* a number in words (10800: "3h") while that reads well,
			 * else as the file wrote it; a string is bounded by
			 * duration_parse */
			char lo[32], hi[32], got[LCFG_NUMBER_TEXT];
			duration_words(k->min, lo, sizeof lo);
			duration_words(k->max, hi, sizeof hi);
			if (type != CONFIG_TYPE_STRING && (v < 0 || v > 100000000))
				snprintf(got, sizeof got, "%s", written);
			else
				duration_words((long)v, got, sizeof got);
			diags_add(d, file, line, DIAG_ERROR, "%s'%s' must be from %s to %s, not %s",
			    where, k->name, lo, hi, got);
			return;
		}
		*(int *)slot = (int)v;
		return;
	}
	case LK_BOOL:
		if (type != CONFIG_TYPE_BOOL) {
			diags_add(d, file, line, DIAG_ERROR, "%s'%s' must be true or false, not %s",
			    where, k->name, lcfg_type_name(type));
			return;
		}
		*(bool *)slot = config_setting_get_bool(s);
		return;
	case LK_TEXT:
	case LK_TITLE: {
		if (type != CONFIG_TYPE_STRING) {
			diags_add(d, file, line, DIAG_ERROR, "%s'%s' must be a string in double quotes, not %s",
			    where, k->name, lcfg_type_name(type));
			return;
		}
		const char *str = config_setting_get_string(s);
		if ((why = lcfg_text_problem(str))) {
			diags_add(d, file, line, DIAG_ERROR, "%s'%s': %s", where, k->name, why);
			return;
		}
		uint32_t hidden = k->kind == LK_TITLE ? text_hidden_char(str) : 0;
		if (hidden) {
			diags_add(d, file, line, DIAG_ERROR,
			    "%s'%s' contains U+%04" PRIX32 ", a character that does not show or that turns "
			    "text around: a name must look like what it is", where, k->name, hidden);
			return;
		}
		if (k->required && *str == '\0') {
			diags_add(d, file, line, DIAG_ERROR, "%s'%s' must not be empty", where, k->name);
			return;
		}
		free(*(char **)slot);
		*(char **)slot = xstrdup(str);
		return;
	}
	case LK_ENUM: {
		const char *str = type == CONFIG_TYPE_STRING ? config_setting_get_string(s) : NULL;
		char *all = choices_list(k->choices);
		if (str == NULL) {
			diags_add(d, file, line, DIAG_ERROR, "%s'%s' must be one of \"%s\" (a string), not %s",
			    where, k->name, all, lcfg_type_name(type));
			free(all);
			return;
		}
		for (int i = 0; k->choices[i]; i++) {
			if (strcmp(k->choices[i], str) == 0) {
				*(int *)slot = i;
				free(all);
				return;
			}
		}
		size_t n = 0;
		while (k->choices[n])
			n++;
		const char *near = lcfg_text_problem(str) ? NULL : closest(str, k->choices, n);
		if (near)
			diags_add(d, file, line, DIAG_ERROR,
			    "%s'%s' must be one of %s, not \"%s\" (did you mean \"%s\"?)", where, k->name,
			    all, str, near);
		else if (lcfg_text_problem(str))
			diags_add(d, file, line, DIAG_ERROR, "%s'%s' must be one of %s", where, k->name, all);
		else
			diags_add(d, file, line, DIAG_ERROR, "%s'%s' must be one of %s, not \"%s\"", where,
			    k->name, all, str);
		free(all);
		return;
	}
	case LK_CUSTOM:
		return;
	case LK_TEXTS: {
		if (type == CONFIG_TYPE_STRING) {
			diags_add(d, file, line, DIAG_ERROR,
			    "%s'%s' must be a list of strings in brackets, as [\"%s\"]", where, k->name,
			    lcfg_text_problem(config_setting_get_string(s)) ? "..." :
			    config_setting_get_string(s));
			return;
		}
		if (type != CONFIG_TYPE_ARRAY && type != CONFIG_TYPE_LIST) {
			diags_add(d, file, line, DIAG_ERROR, "%s'%s' must be a list of strings [\"...\"], not %s",
			    where, k->name, lcfg_type_name(type));
			return;
		}
		int n = config_setting_length(s);
		if (n < k->min) {
			diags_add(d, file, line, DIAG_ERROR, "%s'%s' is empty: name at least %ld", where,
			    k->name, k->min);
			return;
		}
		if (n > k->max) {
			diags_add(d, file, line, DIAG_ERROR, "%s'%s' has %d items; at most %ld are allowed",
			    where, k->name, n, k->max);
			return;
		}
		char **items = NULL;
		bool ok = true;
		for (int i = 0; i < n; i++) {
			const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
			int eline = lcfg_line(e);
			if (config_setting_type(e) != CONFIG_TYPE_STRING) {
				diags_add(d, file, eline, DIAG_ERROR, "%s'%s' item %d must be a string, not %s",
				    where, k->name, i + 1, lcfg_type_name(config_setting_type(e)));
				ok = false;
				continue;
			}
			const char *str = config_setting_get_string(e);
			if ((why = lcfg_text_problem(str))) {
				diags_add(d, file, eline, DIAG_ERROR, "%s'%s' item %d: %s", where, k->name, i + 1, why);
				ok = false;
			} else if (*str == '\0') {
				diags_add(d, file, eline, DIAG_ERROR, "%s'%s' item %d is empty", where, k->name, i + 1);
				ok = false;
			} else {
				items = strv_push(items, str);
			}
		}
		if (!ok) {
			strv_free(items);
			return;
		}
		strv_free(*(char ***)slot);
		*(char ***)slot = items ? items : xcalloc(1, sizeof(char *));
		return;
	}
	}
}

void
lcfg_walk(const config_setting_t *group, const struct lcfg_key *keys, size_t nkeys, void *base,
    const char *file, const char *where, struct diags *d)
{
	int n = config_setting_length(group);
	for (int i = 0; i < n; i++) {
		const config_setting_t *s = config_setting_get_elem(group, (unsigned)i);
		const char *name = config_setting_name(s);
		const struct lcfg_key *k = find_key(keys, nkeys, name);
		if (k == NULL)
			unknown_key(keys, nkeys, name, lcfg_line(s), file, where, d);
		else
			walk_one(s, k, base, file, where, d);
	}
	for (size_t i = 0; i < nkeys; i++) {
		if (keys[i].required && config_setting_get_member(group, keys[i].name) == NULL)
			diags_add(d, file, lcfg_line(group), DIAG_ERROR, "%smissing required key '%s'",
			    where, keys[i].name);
	}
}

int
lcfg_set_text(const struct lcfg_key *keys, size_t nkeys, const char *name, const char *text, void *base,
    char *why, size_t n)
{
	const struct lcfg_key *k = find_key(keys, nkeys, name);
	if (k == NULL) {
		snprintf(why, n, "unknown setting '%s'", name);
		return -1;
	}
	/* one setting in a tree of its own, walked like the file's */
	config_t cfg;
	config_init(&cfg);
	config_setting_t *s = config_setting_add(config_root_setting(&cfg), name, CONFIG_TYPE_STRING);
	struct diags d = {0};
	if (s == NULL || config_setting_set_string(s, text) != CONFIG_TRUE)
		diags_add(&d, "", 0, DIAG_ERROR, "'%s': cannot be set", name);
	else
		walk_one(s, k, base, "", "", &d);
	config_destroy(&cfg);
	int rc = d.errors ? -1 : 0;
	if (rc < 0)
		snprintf(why, n, "%s", d.v[0].msg);
	diags_free(&d);
	return rc;
}

void
lcfg_defaults(const struct lcfg_key *keys, size_t nkeys, void *base)
{
	for (size_t i = 0; i < nkeys; i++) {
		char *slot = (char *)base + keys[i].offset;
		switch (keys[i].kind) {
		case LK_INT:
		case LK_DURATION:
		case LK_ENUM: *(int *)slot = (int)keys[i].def; break;
		case LK_BOOL: *(bool *)slot = keys[i].def != 0; break;
		case LK_TEXT:
		case LK_TITLE: *(char **)slot = keys[i].choices ? xstrdup(keys[i].choices[0]) : NULL; break;
		case LK_TEXTS: *(char ***)slot = NULL; break;
		case LK_CUSTOM: break;
		}
	}
}

void
lcfg_free_keys(const struct lcfg_key *keys, size_t nkeys, void *base)
{
	for (size_t i = 0; i < nkeys; i++) {
		char *slot = (char *)base + keys[i].offset;
		if (keys[i].kind == LK_TEXT || keys[i].kind == LK_TITLE) {
			free(*(char **)slot);
			*(char **)slot = NULL;
		} else if (keys[i].kind == LK_TEXTS) {
			strv_free(*(char ***)slot);
			*(char ***)slot = NULL;
		}
	}
}

/* A string in double quotes, with libconfig's escapes for '"' and '\\'
 * (text values never hold control characters: lcfg_text_problem). */
static void
quote(struct buf *b, const char *s)
{
	buf_add(b, "\"", 1);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			buf_add(b, "\\", 1);
		buf_add(b, s, 1);
	}
	buf_add(b, "\"", 1);
}

/* What a key's value may be, in words: "1 to 100", "1s to 2h", "true or
 * false"; "" when the kind says it all. */
static void
range_text(struct buf *b, const struct lcfg_key *k)
{
	char lo[32], hi[32];
	if (k->kind == LK_DURATION)
		buf_addf(b, "%s to %s", duration_words(k->min, lo, sizeof lo), duration_words(k->max, hi, sizeof hi));
	else if (k->kind == LK_INT)
		buf_addf(b, "%ld to %ld", k->min, k->max);
	else if (k->kind == LK_BOOL)
		buf_addf(b, "true or false");
}

/* What range_text says in a comment, and an enum's choices. */
static void
comment_range_text(struct buf *b, const struct lcfg_key *k)
{
	if (k->kind == LK_ENUM) {
		buf_addf(b, "one of ");
		choices_words(b, k->choices);
	} else {
		range_text(b, k);
	}
}

/* A key's default in words: "80", "5s", "false", "\"gentle\""; "" when it
 * has none to show (a text without one, a list, a required key). */
static void
default_text(struct buf *b, const struct lcfg_key *k)
{
	char def[32];
	switch (k->kind) {
	case LK_DURATION: buf_addf(b, "%s", duration_words(k->def, def, sizeof def)); break;
	case LK_INT: buf_addf(b, "%ld", k->def); break;
	case LK_BOOL: buf_addf(b, "%s", k->def ? "true" : "false"); break;
	case LK_ENUM: buf_addf(b, "\"%s\"", k->choices[k->def]); break;
	case LK_TEXT:
	case LK_TITLE:
		if (k->choices)
			buf_addf(b, "\"%s\"", k->choices[0]);
		break;
	default: break;
	}
}

void
lcfg_key_comment(struct buf *b, const char *indent, const struct lcfg_key *k, bool with_name)
{
	struct buf range = {0}, def = {0};
	comment_range_text(&range, k);
	default_text(&def, k);
	buf_addf(b, "%s# %s%s%s", indent, with_name ? k->name : "", with_name ? ": " : "", k->help);
	if (range.len)
		buf_addf(b, "; %s", range.s);
	if (k->required)
		buf_addf(b, " (required)");
	else if (def.len)
		buf_addf(b, "%s default %s", range.len && k->kind != LK_ENUM ? "," : ";", def.s);
	buf_add(b, "\n", 1);
	buf_free(&range);
	buf_free(&def);
}

void
lcfg_format_value(struct buf *b, const struct lcfg_key *k, const void *base)
{
	const char *slot = (const char *)base + k->offset;
	char words[32];
	switch (k->kind) {
	case LK_INT: buf_addf(b, "%d", *(const int *)slot); break;
	case LK_DURATION:
		buf_addf(b, "\"%s\"", duration_words(*(const int *)slot, words, sizeof words));
		break;
	case LK_BOOL: buf_addf(b, "%s", *(const bool *)slot ? "true" : "false"); break;
	case LK_ENUM: quote(b, k->choices[*(const int *)slot]); break;
	case LK_TEXT:
	case LK_TITLE: quote(b, *(char *const *)slot ? *(char *const *)slot : ""); break;
	case LK_TEXTS: {
		char *const *v = *(char **const *)slot;
		buf_add(b, "[", 1);
		for (size_t i = 0; v && v[i]; i++) {
			if (i)
				buf_add(b, ", ", 2);
			quote(b, v[i]);
		}
		buf_add(b, "]", 1);
		break;
	}
	case LK_CUSTOM: break;
	}
}

char *
lcfg_key_synopsis(const struct lcfg_key *k)
{
	static const char *const kinds[] = {
		[LK_INT] = "number", [LK_DURATION] = "duration", [LK_BOOL] = "boolean", [LK_TEXT] = "text",
		[LK_TITLE] = "text", [LK_ENUM] = "text", [LK_TEXTS] = "list", [LK_CUSTOM] = NULL,
	};
	_Static_assert(ARRAY_LEN(kinds) == LK_CUSTOM + 1, "a name for every kind");
	if (k->kind == LK_CUSTOM)
		return NULL;
	struct buf b = {0}, range = {0}, def = {0};
	range_text(&range, k);
	default_text(&def, k);
	buf_addf(&b, "%s, ", kinds[k->kind]);
	if (k->kind == LK_TEXTS && k->min > 0)
		buf_addf(&b, "%s, %ld to %ld items", k->required ? "required" : "optional", k->min, k->max);
	else if (k->kind == LK_TEXTS)
		buf_addf(&b, "default: empty, at most %ld items", k->max);
	else if (k->required)
		buf_addf(&b, "required");
	else
		buf_addf(&b, "default: %s", def.len ? def.s : "none");
	if (range.len && k->kind != LK_BOOL)
		buf_addf(&b, ", range %s", range.s);
	buf_free(&range);
	buf_free(&def);
	return b.s;
}
