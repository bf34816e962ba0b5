/*
 * steptype.c - the names of the kinds of step: see steptype.h.
 */
#include "steptype.h"

#include <string.h>

#include "util.h"

const char *const step_type_names[STEP_TYPE_COUNT + 1] = {
	[STEP_STRETCH] = "stretch",
	[STEP_ROLL] = "roll",
	[STEP_HOLD] = "hold",
	[STEP_POSTURE] = "posture",
	[STEP_BREATHE] = "breathe",
	[STEP_MOVE] = "move",
	[STEP_REST] = "rest",
	[STEP_TYPE_COUNT] = NULL,
};
_Static_assert(ARRAY_LEN(step_type_names) == STEP_TYPE_COUNT + 1, "a name for every step type");
/* lcfg stores LK_ENUM values through an int. */
_Static_assert(sizeof(enum step_type) == sizeof(int), "enum step_type is stored as an int");

const char *
step_type_name(enum step_type type)
{
	return (unsigned)type < STEP_TYPE_COUNT ? step_type_names[type] : "?";
}

enum step_type
step_type_from_name(const char *name)
{
	for (unsigned i = 0; i < STEP_TYPE_COUNT; i++)
		if (strcmp(step_type_names[i], name) == 0)
			return (enum step_type)i;
	return STEP_TYPE_COUNT;
}
