/*
 * clock.c - the monotonic and the wall clock: see clock.h.
 */
#include "clock.h"

long long
now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

time_t
now_wall(void)
{
	return time(NULL);
}
