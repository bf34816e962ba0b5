/*
 * cue.c - the cue policy: see cue.h.
 *
 * Priorities: what a person must act on first.  The routine's end covers
 * the last step's end; a start (the next step begins now, as with
 * prepare = 0) covers the step end it coincides with; a step end covers
 * the first get-ready tick it coincides with (prepare = 3).
 */
#include "cue.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "duration.h"
#include "routine.h"
#include "session.h"
#include "util.h"

const struct cue_info cue_table[CUE_COUNT] = {
	[CUE_TICK] = {"tick", "tick.wav", NULL, 1, ALERT_NONE},
	[CUE_START] = {"start", "start.wav", NULL, 6, ALERT_BELL},
	[CUE_LEFT] = {"left", "start.wav", "left-voice.wav", 7, ALERT_BELL},
	[CUE_HALFWAY] = {"halfway", "halfway.wav", NULL, 2, ALERT_NONE},
	[CUE_SWITCH] = {"switch", "switch.wav", "switch-voice.wav", 8, ALERT_FLASH},
	[CUE_TEN_LEFT] = {"ten-left", "ten-left.wav", "ten-left-voice.wav", 3, ALERT_NONE},
	[CUE_REST] = {"rest", "rest.wav", "rest-voice.wav", 4, ALERT_BELL},
	[CUE_STEP_END] = {"step-end", "step-end.wav", NULL, 5, ALERT_BELL},
	[CUE_COMPLETE] = {"complete", "complete.wav", "complete-voice.wav", 9, ALERT_BELL},
	[CUE_REMINDER] = {"reminder", "reminder.wav", "reminder-voice.wav", 10, ALERT_BELL},
};
_Static_assert(ARRAY_LEN(cue_table) == CUE_COUNT, "one cue_table row per enum cue");

const char *const speak_mode_names[SPEAK_COUNT + 1] = {
	[SPEAK_OFF] = "off",
	[SPEAK_TITLES] = "titles",
	[SPEAK_ALL] = "all",
	[SPEAK_COUNT] = NULL,
};
_Static_assert(ARRAY_LEN(speak_mode_names) == SPEAK_COUNT + 1, "one name per enum speak_mode");

const char *
cue_name(enum cue c)
{
	return c >= 0 && c < CUE_COUNT ? cue_table[c].name : "none";
}

const char *
speak_mode_name(enum speak_mode m)
{
	return m >= 0 && m < SPEAK_COUNT ? speak_mode_names[m] : "?";
}

bool
speak_mode_parse(const char *s, enum speak_mode *out)
{
	for (int m = 0; m < SPEAK_COUNT; m++)
		if (strcmp(s, speak_mode_names[m]) == 0) {
			*out = (enum speak_mode)m;
			return true;
		}
	return false;
}

enum cue
cue_for_event(const struct routine *r, const struct session_event *e)
{
	switch ((enum session_event_kind)e->kind) {
	case EV_STEP_START: return CUE_NONE;
	case EV_COUNTDOWN: return CUE_TICK;
	case EV_GO: return e->step < r->nsteps && r->steps[e->step].sides ? CUE_LEFT : CUE_START;
	case EV_REP_START: return CUE_START;
	case EV_SIDE_SWITCH: return CUE_SWITCH;
	case EV_HALFWAY: return CUE_HALFWAY;
	case EV_TEN_LEFT: return CUE_TEN_LEFT;
	case EV_REST_START: return CUE_REST;
	case EV_STEP_END: return CUE_STEP_END;
	case EV_DONE: return CUE_COMPLETE;
	}
	return CUE_NONE;
}

static void
decide(const struct routine *r, enum speak_mode m, const struct session_event *ev, size_t n,
    struct cue_moment *out)
{
	*out = (struct cue_moment){.at = ev[0].at, .step = ev[0].step, .cue = CUE_NONE};
	bool go_own = false, start = false, sw = false;
	for (size_t i = 0; i < n; i++) {
		enum cue c = cue_for_event(r, &ev[i]);
		if (ev[i].kind == EV_STEP_START) {
			start = true;
			out->step = ev[i].step;
		}
		sw |= ev[i].kind == EV_SIDE_SWITCH;
		if (c == CUE_NONE || (out->cue != CUE_NONE && cue_table[c].priority <= cue_table[out->cue].priority))
			continue;
		out->cue = c;
		out->step = ev[i].step;
		go_own = ev[i].kind == EV_GO && ev[i].step < r->nsteps && r->steps[ev[i].step].sound;
	}
	out->own = go_own;
	if (start && m >= SPEAK_TITLES) {
		out->phrase = PHRASE_STEP;
	} else if (sw && out->cue == CUE_SWITCH && m == SPEAK_ALL) {
		out->phrase = PHRASE_SWITCH;
		out->tone_only = true; /* the phrase says the side: no second voice over it */
	}
}

size_t
cue_moments(const struct routine *r, enum speak_mode m, const struct session_event *ev, size_t n,
    struct cue_moment *out)
{
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && ev[j].at == ev[i].at)
			j++;
		decide(r, m, ev + i, j - i, &out[k]);
		if (out[k].cue != CUE_NONE || out[k].phrase != PHRASE_NONE)
			k++;
		i = j;
	}
	return k;
}

/* Append s as a sentence: capitalised, ending with a full stop. */
static void
sentence(struct buf *b, const char *s)
{
	while (*s == ' ')
		s++;
	size_t len = strlen(s);
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\n'))
		len--;
	if (len == 0)
		return;
	if (b->len)
		buf_add(b, " ", 1);
	char first = (char)toupper((unsigned char)s[0]);
	buf_add(b, &first, 1);
	buf_add(b, s + 1, len - 1);
	if (!strchr(".!?", s[len - 1]))
		buf_add(b, ".", 1);
}

char *
cue_step_phrase(const struct routine *r, size_t i, enum speak_mode m)
{
	struct buf b = {0};
	if (i >= r->nsteps)
		return xstrdup("");
	const struct step *st = &r->steps[i];
	/* a change of position first: with the eyes closed, it is the one
	 * thing to know before the title (routine.h, step_move) */
	const char *move = step_move_text(step_move(r, i));
	if (move)
		sentence(&b, move);
	sentence(&b, st->title);
	if (st->sides)
		sentence(&b, "left side");
	char t[96], words[160];
	duration_spoken(st->duration, t, sizeof t);
	if (st->reps == 2)
		snprintf(words, sizeof words, "%s, twice", t);
	else if (st->reps > 2)
		snprintf(words, sizeof words, "%s, %d times", t, st->reps);
	else
		snprintf(words, sizeof words, "%s", t);
	sentence(&b, words);
	if (m == SPEAK_ALL) {
		if (st->how)
			sentence(&b, st->how);
		if (st->caution) {
			char *c = xasprintf("Caution: %s", st->caution);
			sentence(&b, c);
			free(c);
		}
	}
	return b.s ? b.s : xstrdup("");
}

const char *
cue_switch_phrase(void)
{
	return "Now the right side.";
}

void
cue_routine_uses(const struct routine *r, enum speak_mode m, unsigned uses[CUE_COUNT])
{
	for (int c = 0; c < CUE_COUNT; c++)
		uses[c] = 0;
	/* the clock walked from event to event: the moments exactly as played */
	struct session *s = session_new(r, 1.0, 0);
	struct cue_moment *mo = NULL;
	size_t room = 0;
	for (long long t = 0; t != LLONG_MAX;) {
		const struct session_event *ev;
		size_t n = session_tick(s, t, &ev);
		if (n > room) {
			room = n;
			mo = xrealloc(mo, room * sizeof *mo);
		}
		size_t k = cue_moments(r, m, ev, n, mo);
		for (size_t i = 0; i < k; i++)
			if (mo[i].cue != CUE_NONE)
				uses[mo[i].cue] |= mo[i].tone_only ? CUE_USE_TONE : CUE_USE_AS_IS;
		long long next = session_next_deadline(s);
		t = next > t ? next : t + 1; /* never stands still */
	}
	free(mo);
	session_free(s);
}

struct cue_device
cue_device_plan(bool paused, bool is_open, long long now, long long next_cue, long long sounding_until,
    long long lead)
{
	if (paused)
		return (struct cue_device){false, LLONG_MAX};
	if (sounding_until > now)
		return (struct cue_device){true, sounding_until};
	if (next_cue == LLONG_MAX)
		return (struct cue_device){false, LLONG_MAX};
	if (lead < 0)
		lead = 0;
	if (lead > CUE_LEAD_MAX_US)
		lead = CUE_LEAD_MAX_US;
	long long opening = next_cue - lead;
	if (now >= opening || (is_open && opening - now < CUE_REOPEN_GAP_US))
		return (struct cue_device){true, next_cue};
	return (struct cue_device){false, opening};
}
