/* The OPM example must stay faithful to its source: every quote copied
 * verbatim from the article, the relations the example exists to show
 * present, and the attribution of the breach drawn as disputed, with who
 * claims it and who disputes it. Run from the top of the checkout; the
 * article is in ../shared (skipped, with a message, when absent). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "relgraph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DOC "graphs/opm-2015.json"
#define ARTICLE "../shared/seed/opm-2015-article.txt"

static rg_doc *doc;

static int setup(void **state)
{
    (void)state;
    rg_diags *diags = rg_diags_new();
    int rc = rg_doc_load_file(&doc, DOC, diags);
    for (size_t i = 0; i < rg_diags_count(diags); i++)
        fprintf(stderr, "%s\n", rg_diags_get(diags, i)->message);
    rg_diags_free(diags);
    return rc;
}

static int teardown(void **state)
{
    (void)state;
    rg_doc_free(doc);
    return 0;
}

static long actor(const char *ref)
{
    long i = rg_doc_find_actor(doc, ref);
    if (i < 0)
        fail_msg("no actor \"%s\" in %s", ref, DOC);
    return i;
}

/* The first link between two actors, either way round, or NULL. */
static const rg_link *between(const char *a, const char *b)
{
    size_t x = (size_t)actor(a), y = (size_t)actor(b);
    for (size_t i = 0; i < rg_doc_link_count(doc); i++) {
        const rg_link *l = rg_doc_link(doc, i);
        if ((l->from_index == x && l->to_index == y) ||
            (l->from_index == y && l->to_index == x))
            return l;
    }
    return NULL;
}

static void quotes_are_verbatim(void **state)
{
    (void)state;
    FILE *f = fopen(ARTICLE, "rb");
    if (f == NULL) {
        print_message("skip: %s is absent (the shared folder is not "
                      "beside this checkout)\n", ARTICLE);
        skip();
    }
    static char text[1 << 16];
    size_t n = fread(text, 1, sizeof(text) - 1, f);
    fclose(f);
    text[n] = '\0';
    size_t quotes = 0;
    for (size_t i = 0; i < rg_doc_link_count(doc); i++) {
        const rg_link *l = rg_doc_link(doc, i);
        assert_non_null(l->quote);
        if (strstr(text, l->quote) == NULL)
            fail_msg("links[%zu].quote is not in the article: %s", i,
                     l->quote);
        quotes++;
    }
    assert_true(quotes >= 40);
}

static void cites_the_article_everywhere(void **state)
{
    (void)state;
    assert_int_equal(rg_doc_source_count(doc), 1);
    const rg_source *s = rg_doc_source(doc, 0);
    assert_string_equal(s->date, "2015-12-02");
    for (size_t i = 0; i < rg_doc_link_count(doc); i++)
        assert_int_equal(rg_doc_link(doc, i)->source.n, 1);
    for (size_t i = 0; i < rg_doc_actor_count(doc); i++)
        assert_int_equal(rg_doc_actor(doc, i)->source.n, 1);
}

static void holds_the_relations_it_exists_to_show(void **state)
{
    (void)state;
    /* Chalco is Chinalco's alias, and a link uses it. */
    assert_int_equal(actor("Chalco"), actor("chinalco"));
    const rg_link *guo = between("guo", "chinalco");
    assert_non_null(guo);
    assert_int_equal(guo->status, RG_STATUS_CONFIRMED);
    int alias_used = 0;
    for (size_t i = 0; i < rg_doc_link_count(doc); i++) {
        const rg_link *l = rg_doc_link(doc, i);
        alias_used |= strcmp(l->from, "Chalco") == 0 ||
                      strcmp(l->to, "Chalco") == 0;
    }
    assert_true(alias_used);
    assert_non_null(between("3pla", "indictment-2014"));
    const rg_link *dp = between("deep-panda", "opm-breach");
    assert_non_null(dp);
    assert_true(dp->status == RG_STATUS_ALLEGED ||
                dp->status == RG_STATUS_DISPUTED);
}

static void attribution_is_disputed_with_both_sides(void **state)
{
    (void)state;
    size_t breach = (size_t)actor("opm-breach");
    int found = 0;
    for (size_t i = 0; i < rg_doc_link_count(doc); i++) {
        const rg_link *l = rg_doc_link(doc, i);
        if (l->to_index != breach || l->status != RG_STATUS_DISPUTED)
            continue;
        assert_true(l->claimed_by.n > 0);
        assert_true(l->disputed_by.n > 0);
        int china_disputes = 0;
        for (size_t k = 0; k < l->disputed_by.n; k++)
            china_disputes |= l->disputed_by_index[k] ==
                              (size_t)actor("china");
        assert_true(china_disputes);
        found = 1;
    }
    assert_true(found);
}

static void names_every_kind_of_actor(void **state)
{
    (void)state;
    static const char *const kinds[] = {"person", "agency", "company",
                                        "state", "group", "event",
                                        "document", "system",
                                        "organization"};
    for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
        int seen = 0;
        for (size_t i = 0; i < rg_doc_actor_count(doc); i++)
            seen |= strcmp(rg_doc_actor(doc, i)->kind, kinds[k]) == 0;
        if (!seen)
            fail_msg("no actor of kind %s", kinds[k]);
    }
    assert_true(rg_doc_actor_count(doc) >= 35);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(quotes_are_verbatim),
        cmocka_unit_test(cites_the_article_everywhere),
        cmocka_unit_test(holds_the_relations_it_exists_to_show),
        cmocka_unit_test(attribution_is_disputed_with_both_sides),
        cmocka_unit_test(names_every_kind_of_actor),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
