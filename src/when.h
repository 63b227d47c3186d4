/* Dates as the format writes them (YYYY, YYYY-MM or YYYY-MM-DD) taken as
 * the days they cover: "2015" is the whole year, "2015-06" the whole
 * month. Views and charts that place things in time count in these
 * days. */
#ifndef RG_WHEN_H
#define RG_WHEN_H

#include <stdbool.h>

/* Days from 1 January 1970 (negative before). */
typedef long rg_day;

/* The days an item is valid: first to last, both included; an open end
 * is RG_DAY_MIN or RG_DAY_MAX. */
typedef struct rg_span {
    rg_day first;
    rg_day last;
} rg_span;

#define RG_DAY_MIN (-2147483647L)
#define RG_DAY_MAX 2147483647L

/* The first (end 0) or last (end 1) day a date covers; false (and *out
 * untouched) when `date` is not YYYY, YYYY-MM or a real YYYY-MM-DD. */
bool rg_when__day(const char *date, int end, rg_day *out);

/* The span from the first day of `date` to the last of `until`, either
 * NULL being open at that end (a date alone: from then on, as an event
 * that happened stays so). False when either is not a date; an until
 * before date is the caller's to refuse (check does). */
bool rg_when__span(const char *date, const char *until, rg_span *out);

/* The day of a year (any, even before year 1: the calendar goes on),
 * month (1-12) and day of the month (1-31). */
rg_day rg_when__from_civil(long year, int month, int mday);

/* A day as YYYY-MM-DD, into out. */
void rg_when__format(rg_day day, char out[11]);

/* The year, month (1-12) and day (1-31) of a day. */
void rg_when__civil(rg_day day, int *year, int *month, int *mday);

/* Whether the spans share a day. */
bool rg_when__meet(rg_span a, rg_span b);

#endif
