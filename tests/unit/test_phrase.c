/* Unit tests of the sentences about a document (src/phrase.c): the link
 * sentence, the contested-link sentence and both wordings of the chart
 * summary, each escaped by the escaper it is given (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "escape.h"
#include "phrase.h"

#include <stdlib.h>
#include <string.h>

#include "load_doc.h"

static const char doc_json[] =
    "{\n"
    "  \"relgraph\": 1,\n"
    "  \"title\": \"T\",\n"
    "  \"description\": \"About <us>.\",\n"
    "  \"actors\": [\n"
    "    { \"id\": \"a\", \"name\": \"A & co\", \"kind\": \"person\" },\n"
    "    { \"id\": \"b\", \"name\": \"B|b\", \"kind\": \"person\" },\n"
    "    { \"id\": \"c\", \"name\": \"C\", \"kind\": \"state\" }\n"
    "  ],\n"
    "  \"links\": [\n"
    "    { \"from\": \"a\", \"to\": \"b\", \"label\": \"paid <x>\",\n"
    "      \"status\": \"confirmed\" },\n"
    "    { \"from\": \"b\", \"to\": \"c\", \"directed\": false,\n"
    "      \"status\": \"alleged\" },\n"
    "    { \"from\": \"c\", \"to\": \"a\", \"label\": \"hit?\",\n"
    "      \"status\": \"denied\", \"claimed_by\": [\"a\", \"b\"],\n"
    "      \"disputed_by\": [\"c\"] },\n"
    "    { \"from\": \"a\", \"to\": \"c\", \"status\": \"disputed\" }\n"
    "  ]\n"
    "}\n";

static int setup(void **state)
{
    *state = load(doc_json);
    return 0;
}

static int teardown(void **state)
{
    rg_doc_free(*state);
    return 0;
}

/* The text a phrase writer gives, checked and freed. */
#define EXPECT(want, call)                                                  \
    do {                                                                    \
        rg_buf b = {0};                                                     \
        call;                                                               \
        assert_false(b.oom);                                                \
        assert_string_equal(rg_buf__str(&b), want);                         \
        rg_buf__free(&b);                                                   \
    } while (0)

static void link_sentence(void **state)
{
    const rg_doc *d = *state;
    EXPECT("A & co \xe2\x86\x92 paid <x> \xe2\x86\x92 B|b",
           rg_phrase__link(&b, rg_buf__puts, d, &d->links[0]));
    EXPECT("A &amp; co \xe2\x86\x92 paid &lt;x&gt; \xe2\x86\x92 B|b",
           rg_phrase__link(&b, rg_escape__html, d, &d->links[0]));
    /* undirected, no label */
    EXPECT("B\\|b \xe2\x80\x94 C (alleged)",
           rg_phrase__link_status(&b, rg_escape__md_cell, d, &d->links[1]));
}

static void contested_sentence(void **state)
{
    const rg_doc *d = *state;
    EXPECT("Claimed by A & co, B|b; denied by C: C \xe2\x86\x92 hit? "
           "\xe2\x86\x92 A & co.",
           rg_phrase__contested(&b, rg_buf__puts, d, &d->links[2]));
    EXPECT("Disputed: A & co \xe2\x86\x92 C.",
           rg_phrase__contested(&b, rg_buf__puts, d, &d->links[3]));
    assert_string_equal(rg_phrase__dispute_word(&d->links[2]), "denied");
    assert_string_equal(rg_phrase__dispute_word(&d->links[3]), "disputed");
}

static void summary_in_both_wordings(void **state)
{
    const rg_doc *d = *state;
    EXPECT("3 actors, 4 links: 1 confirmed, 1 alleged, 1 disputed, "
           "1 denied.",
           rg_phrase__summary(&b, d, RG_SUMMARY_COUNTS));
    /* The SVG's description: the document's text unescaped (the SVG
     * writer escapes the whole), only the uncertain statuses. */
    EXPECT("About <us>. 3 actors, 4 links, 1 alleged, 1 disputed, 1 denied.",
           rg_phrase__summary(&b, d, RG_SUMMARY_DESC));
}

static void summary_of_one_actor(void **state)
{
    (void)state;
    rg_doc *d = load("{\"relgraph\": 1, \"actors\": [{\"id\": \"a\", "
                     "\"name\": \"A\", \"kind\": \"person\"}]}");
    EXPECT("1 actor, 0 links.", rg_phrase__summary(&b, d, RG_SUMMARY_COUNTS));
    EXPECT("1 actor, 0 links.", rg_phrase__summary(&b, d, RG_SUMMARY_DESC));
    rg_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(link_sentence, setup, teardown),
        cmocka_unit_test_setup_teardown(contested_sentence, setup, teardown),
        cmocka_unit_test_setup_teardown(summary_in_both_wordings, setup,
                                        teardown),
        cmocka_unit_test(summary_of_one_actor),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
