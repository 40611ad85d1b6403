/* clock.c - the registry's clock, overridable through DIMING_NOW. */
#include "common/clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"

/* Days from civil date (Howard Hinnant's algorithm), proleptic Gregorian. */
static long days_from_civil(long y, unsigned m, unsigned d)
{
	long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

static void civil_from_days(long z, long *y, unsigned *m, unsigned *d)
{
	long era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	*y = (long)yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y += *m <= 2;
}

int clock_parse_date(const char *s, long *days, struct err *e)
{
	int y, m, d, n = 0;
	long yy;
	unsigned mm, dd;

	if (!s || strlen(s) != 10 ||
	    sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 ||
	    m < 1 || m > 12 || d < 1 || d > 31)
		return err_set(e, ERR_INPUT, _("not a date (YYYY-MM-DD): '%s'"),
			       s ? s : "");
	*days = days_from_civil(y, (unsigned)m, (unsigned)d);
	civil_from_days(*days, &yy, &mm, &dd);
	if (yy != y || mm != (unsigned)m || dd != (unsigned)d)
		return err_set(e, ERR_INPUT, _("not a date (YYYY-MM-DD): '%s'"), s);
	return 0;
}

void clock_format_date(long days, char out[11])
{
	long y;
	unsigned m, d;
	char tmp[32];

	civil_from_days(days, &y, &m, &d);
	snprintf(tmp, sizeof(tmp), "%04ld-%02u-%02u", y % 10000, m % 100, d % 100);
	memcpy(out, tmp, 10);
	out[10] = '\0';
}

int clock_now(char out[20], struct err *e)
{
	const char *env = getenv("DIMING_NOW");
	struct tm tm;
	time_t t;

	if (env && *env) {
		long days;
		char date[11];
		int hh = 0, mi = 0, ss = 0, n = 0;

		if (strlen(env) < 10)
			return err_set(e, ERR_USAGE, _("DIMING_NOW: not a date or time: '%s'"), env);
		memcpy(date, env, 10);
		date[10] = '\0';
		if (clock_parse_date(date, &days, NULL) < 0)
			return err_set(e, ERR_USAGE, _("DIMING_NOW: not a date or time: '%s'"), env);
		if (env[10] != '\0' &&
		    (sscanf(env + 10, "T%2d:%2d:%2d%n", &hh, &mi, &ss, &n) != 3 ||
		     env[10 + n] != '\0' || hh > 23 || mi > 59 || ss > 60))
			return err_set(e, ERR_USAGE, _("DIMING_NOW: not a date or time: '%s'"), env);
		char tmp[64];

		snprintf(tmp, sizeof(tmp), "%sT%02d:%02d:%02d", date, hh % 100, mi % 100, ss % 100);
		memcpy(out, tmp, 19);
		out[19] = '\0';
		return 0;
	}
	t = time(NULL);
	if (!localtime_r(&t, &tm))
		return err_set(e, ERR_IO, _("cannot read the system clock"));
	strftime(out, 20, "%Y-%m-%dT%H:%M:%S", &tm);
	return 0;
}

int clock_today(char out[11], struct err *e)
{
	char now[20];

	if (clock_now(now, e) < 0)
		return -1;
	memcpy(out, now, 10);
	out[10] = '\0';
	return 0;
}
