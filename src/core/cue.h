/*
 * cue.h - the cue policy: what the routine clock's events sound like.
 *
 * Pure, beside the clock: events and times in, decisions out; no sound
 * card and no clock here (sys/audio.c carries the decisions out).  It
 * owns the table of cues (name, tone file, spoken file, priority, the
 * stand-in without sound), the choice of one cue per moment (events at
 * the same routine time play the one of highest priority, so that cues
 * never pile up), which sounds a routine can play at all (only those are
 * decoded), the phrases of spoken steps, and when the sound device must
 * be open (from its opening time before a cue until the cue has played;
 * closed while paused, and between two cues unless the next is so close
 * that closing and opening again would cost more).
 */
#ifndef UNKNOT_CUE_H
#define UNKNOT_CUE_H

#include <stdbool.h>
#include <stddef.h>

struct routine;
struct session_event;

enum cue {
	CUE_NONE = -1,
	CUE_TICK,       /* 3, 2, 1 before a step */
	CUE_START,      /* a bout starts */
	CUE_LEFT,       /* the first bout of a two-sided step: the left side */
	CUE_HALFWAY,
	CUE_SWITCH,     /* the right side starts */
	CUE_TEN_LEFT,
	CUE_REST,
	CUE_STEP_END,
	CUE_COMPLETE,
	CUE_REMINDER,
	CUE_COUNT
};

/* What a screen does in place of a cue when nothing sounded. */
enum cue_alert { ALERT_NONE, ALERT_BELL, ALERT_FLASH };

struct cue_info {
	const char *name;
	const char *tone_file;   /* in the audio folder */
	const char *voice_file;  /* the spoken version there, or NULL */
	int priority;            /* at one moment the highest one plays */
	enum cue_alert alert;    /* stand-in when nothing sounds */
};
extern const struct cue_info cue_table[CUE_COUNT];

const char *cue_name(enum cue c);

/* Spoken steps (audio.speak, --speak). */
enum speak_mode { SPEAK_OFF, SPEAK_TITLES, SPEAK_ALL, SPEAK_COUNT };
/* Indexed by the enum, NULL-terminated (the config's choices). */
extern const char *const speak_mode_names[SPEAK_COUNT + 1];
const char *speak_mode_name(enum speak_mode m);
/* "off", "titles", "all"; false for anything else. */
bool speak_mode_parse(const char *s, enum speak_mode *out);

enum cue_phrase { PHRASE_NONE, PHRASE_STEP, PHRASE_SWITCH };

/* What one moment of the clock sounds like. */
struct cue_moment {
	long long at;          /* routine time, ms */
	size_t step;
	enum cue cue;          /* CUE_NONE: no cue */
	bool tone_only;        /* the tone even where a voice exists: the phrase says it */
	bool own;              /* the step's own sound replaces the cue (if it plays) */
	enum cue_phrase phrase;
};

/* The cue of one event, on its own (CUE_NONE for a step start, which the
 * ticks or the start cue follow). */
enum cue cue_for_event(const struct routine *r, const struct session_event *e);

/* Group a tick's events by moment (equal routine time) and decide each
 * moment: one cue, the highest priority; a phrase where steps are spoken.
 * out has room for n; returns the number of moments. */
size_t cue_moments(const struct routine *r, enum speak_mode m, const struct session_event *ev,
    size_t n, struct cue_moment *out);

/* "Glute ball release. Left side. Forty-five seconds." for step i, after
 * the words for getting down to the floor or up from it where the step
 * needs it (step_move_text); with SPEAK_ALL the how text and the caution
 * follow.  Caller frees. */
char *cue_step_phrase(const struct routine *r, size_t i, enum speak_mode m);
/* What is said at the switch with SPEAK_ALL. */
const char *cue_switch_phrase(void);

/* The sounds a routine can play, per cue: CUE_USE_AS_IS (its voice where
 * there is one and voices are on, else its tone) and CUE_USE_TONE (the
 * tone even where a voice exists: a phrase says it), or both; 0 for a
 * cue the routine never plays.  A step's own sound counts its cue too
 * (it stands in when the sound cannot play). */
enum { CUE_USE_AS_IS = 1, CUE_USE_TONE = 2 };
void cue_routine_uses(const struct routine *r, enum speak_mode m, unsigned uses[CUE_COUNT]);

/*
 * The sound device.  Monotonic microseconds throughout.
 *
 * Open costs: the device, SDL's audio thread and its wake-ups (47 a
 * second with a 1024-frame buffer) cost far more than the player while
 * open; an opening and closing costs about what 0.2 s of being open does
 * (measured with SDL's dummy and disk drivers).  So the device opens
 * `lead` before a cue (the caller measures how long the device takes to
 * open; 0 when it opens at once: then it opens as the cue plays), stays
 * open while a sound plays, and closes once it has played unless the
 * next opening is under CUE_REOPEN_GAP_US away.  PRODUCT.md's "closed when
 * the next cue is 5 s or more away" is the ceiling this keeps well under.
 */
#define CUE_LEAD_MAX_US 400000LL    /* the longest lead, however slow the device */
#define CUE_REOPEN_GAP_US 500000LL  /* kept open across a gap shorter than this */
struct cue_device {
	bool open;         /* the device should be open now */
	long long next;    /* when to decide again (LLONG_MAX: not before something changes) */
};
/* next_cue: when the next cue is due (LLONG_MAX: none); sounding_until:
 * when what plays now has ended; lead: how long before a cue to open
 * (capped at CUE_LEAD_MAX_US).  Paused: closed at once. */
struct cue_device cue_device_plan(bool paused, bool is_open, long long now, long long next_cue,
    long long sounding_until, long long lead);

#endif
