/* Unit tests of dates as days (src/when.c): partial dates cover their
 * whole year or month, leap years, days round-trip to text, and spans
 * meet when they share a day (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "when.h"

static rg_day day(const char *d, int end)
{
    rg_day out = 12345;
    assert_true(rg_when__day(d, end, &out));
    return out;
}

static void days_from_text(void **state)
{
    (void)state;
    assert_int_equal(day("1970-01-01", 0), 0);
    assert_int_equal(day("1970", 0), 0);
    assert_int_equal(day("1969-12-31", 0), -1);
    assert_int_equal(day("2000-03-01", 0) - day("2000-02-28", 0), 2);
    assert_int_equal(day("1900-03-01", 0) - day("1900-02-28", 0), 1);
    assert_int_equal(day("2015", 1), day("2015-12-31", 0));
    assert_int_equal(day("2016-02", 1), day("2016-02-29", 0));
    assert_int_equal(day("2015-06", 0), day("2015-06-01", 1));
    assert_int_equal(day("2015-06-04", 0), 16590);
    rg_day d = 7;
    assert_false(rg_when__day("2015-02-29", 0, &d));
    assert_false(rg_when__day("2015-13", 0, &d));
    assert_false(rg_when__day("15", 0, &d));
    assert_false(rg_when__day("2015-06-31", 0, &d));
    assert_false(rg_when__day("2015-06-04T00", 0, &d));
    assert_false(rg_when__day("2015-6-1", 0, &d));
    assert_false(rg_when__day(NULL, 0, &d));
    assert_int_equal(d, 7);
}

static void days_to_text(void **state)
{
    (void)state;
    const char *dates[] = {"0001-01-01", "1600-02-29", "1969-12-31",
                           "1970-01-01", "2000-12-31", "2015-06-04",
                           "9999-12-31"};
    for (size_t i = 0; i < sizeof(dates) / sizeof(dates[0]); i++) {
        char out[11];
        rg_when__format(day(dates[i], 0), out);
        assert_string_equal(out, dates[i]);
    }
}

static void days_of_any_year(void **state)
{
    (void)state;
    assert_int_equal(rg_when__from_civil(1970, 1, 1), 0);
    assert_int_equal(rg_when__from_civil(2015, 6, 4), day("2015-06-04", 0));
    /* the axis of a long span may start before year 1 */
    assert_int_equal(rg_when__from_civil(1, 1, 1) -
                         rg_when__from_civil(0, 1, 1), 366); /* 0 leaps */
    assert_int_equal(rg_when__from_civil(0, 1, 1) -
                         rg_when__from_civil(-1, 1, 1), 365);
    int y, m, d;
    rg_when__civil(rg_when__from_civil(-1, 12, 31), &y, &m, &d);
    assert_int_equal(y, -1);
    assert_int_equal(m, 12);
    assert_int_equal(d, 31);
}

static void spans_meet(void **state)
{
    (void)state;
    rg_span a, b, at;
    assert_true(rg_when__span("2017", "2020", &a));
    assert_true(rg_when__span("2017-07-01", "2017-07-01", &at));
    assert_true(rg_when__meet(a, at)); /* not only its start counts */
    assert_true(rg_when__span("2015-06-04", NULL, &b));
    assert_int_equal(b.last, RG_DAY_MAX);
    assert_true(rg_when__meet(a, b));
    assert_true(rg_when__span(NULL, "2014", &b));
    assert_int_equal(b.first, RG_DAY_MIN);
    assert_false(rg_when__meet(a, b));
    assert_false(rg_when__span("2014-00", NULL, &b));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(days_from_text),
        cmocka_unit_test(days_to_text),
        cmocka_unit_test(days_of_any_year),
        cmocka_unit_test(spans_meet),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
