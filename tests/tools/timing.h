/* timing.h - what the bench and test tools share: a precise monotonic
 * clock in milliseconds and a comparison for sorting timings. */
#ifndef UNKNOT_TIMING_H
#define UNKNOT_TIMING_H

#include <time.h>

static inline double
ms_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static inline int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

#endif
