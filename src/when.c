/* Dates as the days they cover (see when.h), in the proleptic Gregorian
 * calendar, counted from 1 January 1970. */
#include "when.h"

#include <stdio.h>
#include <string.h>

static bool leap(long year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int month_days(long year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return days[month - 1] + (month == 2 && leap(year));
}

/* a / b rounded down (b > 0), for years before year 1. */
static long floor_div(long a, long b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/* Days from 1 January 1970 to 1 January of `year`. */
static rg_day year_start(long year)
{
    long y = year - 1; /* whole years since 1 January of year 1 */
    long before = 365 * y + floor_div(y, 4) - floor_div(y, 100) +
                  floor_div(y, 400);
    return before - 719162; /* the same count to 1 Jan 1970 */
}

/* Reads `n` digits of s into *out; false on anything else. */
static bool digits(const char *s, int n, long *out)
{
    long v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

rg_day rg_when__from_civil(long year, int month, int mday)
{
    rg_day d = year_start(year);
    for (int m = 1; m < month; m++)
        d += month_days(year, m);
    return d + mday - 1;
}

bool rg_when__day(const char *date, int end, rg_day *out)
{
    size_t n = date != NULL ? strlen(date) : 0;
    long year, month = end ? 12 : 1, mday = 1;
    if ((n != 4 && n != 7 && n != 10) || !digits(date, 4, &year))
        return false;
    if (n >= 7 && (date[4] != '-' || !digits(date + 5, 2, &month) ||
                   month < 1 || month > 12))
        return false;
    if (n == 10 && (date[7] != '-' || !digits(date + 8, 2, &mday) ||
                    mday < 1 || mday > month_days(year, (int)month)))
        return false;
    if (n < 10 && end)
        mday = month_days(year, (int)month);
    *out = rg_when__from_civil(year, (int)month, (int)mday);
    return true;
}

bool rg_when__span(const char *date, const char *until, rg_span *out)
{
    rg_span s = {RG_DAY_MIN, RG_DAY_MAX};
    if (date != NULL && !rg_when__day(date, 0, &s.first))
        return false;
    if (until != NULL && !rg_when__day(until, 1, &s.last))
        return false;
    *out = s;
    return true;
}

void rg_when__civil(rg_day day, int *year, int *month, int *mday)
{
    long y = 1970 + (long)(day / 366);
    while (year_start(y + 1) <= day)
        y++;
    while (year_start(y) > day)
        y--;
    rg_day left = day - year_start(y);
    int m = 1;
    while (left >= month_days(y, m)) {
        left -= month_days(y, m);
        m++;
    }
    *year = (int)y;
    *month = m;
    *mday = (int)left + 1;
}

void rg_when__format(rg_day day, char out[11])
{
    int y, m, d;
    char tmp[40];
    rg_when__civil(day, &y, &m, &d);
    snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", y, m, d);
    memcpy(out, tmp, 10);
    out[10] = '\0';
}

bool rg_when__meet(rg_span a, rg_span b)
{
    return a.first <= b.last && b.first <= a.last;
}
