/*
 * duration.h - durations as people write them: "90", "45s", "1m30s", "2h".
 *
 * A plain number is seconds.  Units h, m and s may each appear once, in
 * that order, and combine ("1h15m", "2m5s").  Values are whole seconds.
 */
#ifndef UNKNOT_DURATION_H
#define UNKNOT_DURATION_H

#include <stddef.h>

/* Parse s into *secs.  Returns 0, or -1 with *why set to a static reason. */
int duration_parse(const char *s, long *secs, const char **why);

/* "M:SS", or "H:MM:SS" from an hour up.  Negative values print as 0:00. */
char *duration_clock(long secs, char *out, size_t n);

/* A routine's length as lists show it: whole minutes, rounded, at least 1
 * (`list`'s MIN, the home screen's "20 min"). */
long duration_minutes(long secs);

/* "1m30s", "45s", "2h": the canonical form duration_parse() reads back. */
char *duration_words(long secs, char *out, size_t n);

/* As said, for lines and speech: "7 minutes 12 seconds", "45 seconds",
 * "1 hour 5 minutes" (a speech engine reads the numbers as words). */
char *duration_spoken(long secs, char *out, size_t n);

#endif
