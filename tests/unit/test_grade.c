/* Unit tests of the Admiralty grades (src/grade.c, src/view_grade.c):
 * the words of each grade, credibility to STIX confidence and back as the
 * STIX 2.1 appendix's table has them, the letters the format accepts,
 * the advice for a grade written wrong, and which links the grade view
 * keeps (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "grade.h"
#include "view_grade.h"

static void words(void **state)
{
    (void)state;
    assert_string_equal(rg_grade__reliability_words('A'),
                        "completely reliable");
    assert_string_equal(rg_grade__reliability_words('F'),
                        "reliability cannot be judged");
    assert_null(rg_grade__reliability_words('G'));
    assert_null(rg_grade__reliability_words('b'));
    assert_string_equal(rg_grade__credibility_words(1),
                        "confirmed by other sources");
    assert_string_equal(rg_grade__credibility_words(6),
                        "truth cannot be judged");
    assert_null(rg_grade__credibility_words(0));
    assert_null(rg_grade__credibility_words(7));
}

static void confidence_table(void **state)
{
    (void)state;
    const int want[] = {-1, 90, 70, 50, 30, 10, -1, -1};
    for (int c = 0; c <= 7; c++)
        assert_int_equal(rg_grade__confidence(c), want[c]);
    /* back: each credibility's confidence maps to itself */
    for (int c = 1; c <= 5; c++)
        assert_int_equal(rg_grade__from_confidence(rg_grade__confidence(c)),
                         c);
    assert_int_equal(rg_grade__from_confidence(100), 1);
    assert_int_equal(rg_grade__from_confidence(80), 1);
    assert_int_equal(rg_grade__from_confidence(79), 2);
    assert_int_equal(rg_grade__from_confidence(40), 3);
    assert_int_equal(rg_grade__from_confidence(39), 4);
    assert_int_equal(rg_grade__from_confidence(0), 5);
    assert_int_equal(rg_grade__from_confidence(-1), 6);
}

static void letters(void **state)
{
    (void)state;
    assert_string_equal(rg_grade__reliability("B"), "B");
    assert_null(rg_grade__reliability("b"));
    assert_null(rg_grade__reliability("B2"));
    assert_null(rg_grade__reliability("G"));
    assert_null(rg_grade__reliability(""));
    assert_null(rg_grade__reliability(NULL));
}

static void advice(void **state)
{
    (void)state;
    char buf[400];
    assert_non_null(strstr(rg_grade__reliability_advice(buf, sizeof(buf),
                                                        "b"),
                           "did you mean \"B\""));
    assert_non_null(strstr(rg_grade__reliability_advice(buf, sizeof(buf),
                                                        "b2"),
                           "\"credibility\": 2"));
    assert_non_null(strstr(rg_grade__credibility_advice(buf, sizeof(buf),
                                                        "A1"),
                           "\"credibility\": 1 here and \"reliability\": "
                           "\"A\""));
    assert_non_null(strstr(rg_grade__credibility_advice(buf, sizeof(buf),
                                                        "3"),
                           "without quotes"));
    /* a tiny buffer is cut, never overrun */
    char tiny[8];
    rg_grade__credibility_advice(tiny, sizeof(tiny), "Z");
    assert_int_equal(strlen(tiny), 7);
}

static void keeps(void **state)
{
    (void)state;
    rg_link k;
    memset(&k, 0, sizeof(k));
    for (int c = 1; c <= 6; c++) {
        k.credibility = c;
        assert_int_equal(rg_view__grade_keeps(&k, 3, 0), c <= 3);
        assert_int_equal(rg_view__grade_keeps(&k, 3, 1), c <= 3);
        assert_true(rg_view__grade_keeps(&k, 0, 1));
    }
    k.credibility = 0;
    assert_true(rg_view__grade_keeps(&k, 1, 0));
    assert_false(rg_view__grade_keeps(&k, 1, 1));
    assert_false(rg_view__grade_keeps(&k, 0, 1));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(words),   cmocka_unit_test(confidence_table),
        cmocka_unit_test(letters), cmocka_unit_test(advice),
        cmocka_unit_test(keeps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
