/* Unit tests of the suggestions (src/suggest.c, cmocka): a misspelling
 * finds its word, a word never finds its opposite, a list is cut to its
 * room, and the legend text of a kind finds the kind. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "suggest.h"

#include <string.h>

static const char *const statuses[] = {"confirmed", "reported", "alleged",
                                       "disputed", "denied"};

static void misspellings_find_their_word(void **state)
{
    (void)state;
    assert_string_equal(rg_suggest__best("confirmd", statuses, 5),
                        "confirmed");
    assert_string_equal(rg_suggest__best("Alleged", statuses, 5),
                        "alleged");
    assert_null(rg_suggest__best("xyz", statuses, 5));
}

static void opposites_are_refused(void **state)
{
    (void)state;
    const char *const words[] = {"unconfirmed", "undisputed", "unreported",
                                 "not confirmed", "non-denied", "Not-Alleged",
                                 "nondisputed"};
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
        assert_null(rg_suggest__best(words[i], statuses, 5));
    assert_true(rg_suggest__opposite("confirmed", "unconfirmed"));
    assert_true(rg_suggest__opposite("UNconfirmed", "confirmed"));
    assert_false(rg_suggest__opposite("confirmed", "confirmd"));
    assert_false(rg_suggest__opposite("un", ""));
    /* A candidate that is the word negated is refused too. */
    const char *const negated[] = {"unknown"};
    assert_null(rg_suggest__best("known", negated, 1));
}

static void lists_are_cut_to_their_room(void **state)
{
    (void)state;
    char buf[40];
    rg_suggest__join(buf, sizeof(buf), statuses, 2);
    assert_string_equal(buf, "confirmed, reported");
    rg_suggest__join(buf, sizeof(buf), statuses, 5);
    assert_string_equal(buf, "confirmed and 4 more");
    const char *const holes[] = {NULL, "a", NULL, "b"};
    rg_suggest__join(buf, sizeof(buf), holes, 4);
    assert_string_equal(buf, "a, b");
    rg_suggest__join(buf, 8, statuses, 5);
    assert_true(strlen(buf) < 8);
}

static void legend_text_finds_the_kind(void **state)
{
    (void)state;
    const char *const names[] = {"person", "group", "agency"};
    const char *const labels[] = {"person", "hacker group",
                                  "government agency"};
    const char *via = NULL;
    assert_string_equal(
        rg_suggest__labelled("Hacker Group", names, labels, 3, &via), "group");
    assert_string_equal(via, "hacker group");
    assert_string_equal(
        rg_suggest__labelled("goverment agency", names, labels, 3, &via),
        "agency");
    assert_string_equal(rg_suggest__labelled("persn", names, labels, 3, &via),
                        "person");
    assert_null(via);
    assert_null(rg_suggest__labelled("ministry", names, labels, 3, &via));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(misspellings_find_their_word),
        cmocka_unit_test(opposites_are_refused),
        cmocka_unit_test(lists_are_cut_to_their_room),
        cmocka_unit_test(legend_text_finds_the_kind),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
