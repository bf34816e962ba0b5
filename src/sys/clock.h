/*
 * clock.h - the one place that reads the clocks.  The core never does:
 * its modules take the time as an argument, so that tests can make it up.
 */
#ifndef UNKNOT_CLOCK_H
#define UNKNOT_CLOCK_H

#include <time.h>

/* The monotonic clock in microseconds: fine enough that a routine run
 * at --speed 100 keeps time to a fraction of a routine millisecond. */
long long now_us(void);
/* The wall clock, for what is shown and recorded (time(NULL)). */
time_t now_wall(void);

#endif
