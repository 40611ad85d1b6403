/* clock.h - the current time as the registry records it.
 *
 * DIMING_NOW (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS, local time) overrides the
 * system clock so tests can check deadlines; otherwise local time.
 */
#ifndef DIMING_CLOCK_H
#define DIMING_CLOCK_H

#include <time.h>

#include "common/err.h"

/* The current local time as "YYYY-MM-DDTHH:MM:SS" in out (20 bytes). */
int clock_now(char out[20], struct err *e);

/* Today as "YYYY-MM-DD" in out (11 bytes). */
int clock_today(char out[11], struct err *e);

/* Parse "YYYY-MM-DD" (a real calendar date) into a day number (days since
 * 1970-01-01).  Returns -1 with ERR_INPUT for anything else. */
int clock_parse_date(const char *s, long *days, struct err *e);

/* Format a day number back as "YYYY-MM-DD" into out (11 bytes). */
void clock_format_date(long days, char out[11]);

#endif
