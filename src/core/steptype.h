/*
 * steptype.h - the kinds of step a routine has (stretch, roll, hold, ...):
 * the one table of their names, shared by the routine loader, which reads
 * them, and the safety catalogue, whose conditions name the kinds of step
 * they concern.
 */
#ifndef UNKNOT_STEPTYPE_H
#define UNKNOT_STEPTYPE_H

enum step_type {
	STEP_STRETCH, STEP_ROLL, STEP_HOLD, STEP_POSTURE, STEP_BREATHE, STEP_MOVE, STEP_REST,
	STEP_TYPE_COUNT
};

/* Indexed by the enum, ended by NULL (an LK_ENUM's choices, lcfg.h). */
extern const char *const step_type_names[STEP_TYPE_COUNT + 1];

const char *step_type_name(enum step_type type);
/* STEP_TYPE_COUNT when name is not a step type. */
enum step_type step_type_from_name(const char *name);

#endif
