/*
 * speech.h - the speech engines, as child processes: nothing is linked.
 *
 * speech-dispatcher (spd-say) speaks through the desktop's speech service,
 * in the voice and rate its user chose; espeak-ng renders a phrase to WAV
 * bytes in the background (a child writing into an anonymous memory
 * file), which audio.c plays through the same mixer as the cues.  The
 * children get no terminal: their standard input is the text, their
 * output the memory file or /dev/null.
 */
#ifndef UNKNOT_SPEECH_H
#define UNKNOT_SPEECH_H

#include <stdbool.h>
#include <stddef.h>

enum speech_engine { SPEECH_NONE, SPEECH_DISPATCHER, SPEECH_ESPEAK, SPEECH_ENGINE_COUNT };

/* The engine of this machine: $UNKNOT_SPEECH when set ("speech-dispatcher",
 * "espeak-ng" or "none"), else spd-say if it is on PATH, else espeak-ng,
 * else none. */
enum speech_engine speech_engine(void);
const char *speech_engine_name(enum speech_engine e);

/* espeak-ng: start rendering text; NULL when the child cannot start. */
struct speech_render;
struct speech_render *speech_render_start(const char *text);
/* 1 done (the WAV is ready), 0 not yet (with wait false), -1 failed. */
int speech_render_poll(struct speech_render *r, bool wait);
/* The WAV bytes once done (owned by r). */
const void *speech_render_wav(const struct speech_render *r, size_t *len);
/* Stops the child if it still runs. */
void speech_render_free(struct speech_render *r);

/* speech-dispatcher: say text now, not waited for; false when spd-say
 * cannot start. */
bool speech_dispatch(const char *text);

#endif
