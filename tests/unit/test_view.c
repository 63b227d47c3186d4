/* Unit tests of views (src/view.c): a subset of a document keeps its
 * actors and links in order, drops a link with either end, keeps the
 * actors a kept link names only as claiming or disputing it (after the
 * drawn ones), and a view of a view still names them (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "view.h"

#include <stdlib.h>
#include <string.h>

#include "load_doc.h"

static const char doc_json[] =
    "{ \"relgraph\": 1,\n"
    "  \"actors\": [ { \"id\": \"a\" }, { \"id\": \"b\" }, { \"id\": \"c\" },\n"
    "    { \"id\": \"d\" }, { \"id\": \"e\" } ],\n"
    "  \"links\": [\n"
    "    { \"from\": \"a\", \"to\": \"b\", \"claimed_by\": [\"d\"] },\n"
    "    { \"from\": \"b\", \"to\": \"c\", \"disputed_by\": [\"e\"] },\n"
    "    { \"from\": \"c\", \"to\": \"d\" },\n"
    "    { \"from\": \"a\", \"to\": \"c\" } ] }\n";

static void subset_keeps_order_and_claimants(void **state)
{
    (void)state;
    rg_doc *d = load(doc_json);
    const unsigned char actors[] = {1, 1, 1, 0, 0};
    const unsigned char links[] = {1, 1, 1, 0};
    rg_view v;
    assert_int_equal(rg_view__subset(&v, d, actors, links), 0);
    assert_int_equal(v.doc.n_actors, 3);
    assert_int_equal(v.doc.n_links, 2); /* c -> d goes with d; a -> c unkept */
    assert_string_equal(v.doc.links[0].from, "a");
    assert_string_equal(v.doc.links[1].from, "b");
    /* d and e are named, not drawn: after the three drawn actors. */
    assert_int_equal(v.doc.n_named_only, 2);
    assert_string_equal(v.doc.actors[v.doc.links[0].claimed_by_index[0]].id,
                        "d");
    assert_string_equal(v.doc.actors[v.doc.links[1].disputed_by_index[0]].id,
                        "e");
    assert_int_equal(v.map[3], 3);
    assert_int_equal(v.map[4], 4);
    assert_null(v.doc.view_note);
    rg_view__free(&v);
    rg_doc_free(d);
}

static void view_of_a_view(void **state)
{
    (void)state;
    rg_doc *d = load(doc_json);
    const unsigned char actors[] = {1, 1, 1, 0, 0};
    rg_view v, w;
    assert_int_equal(rg_view__subset(&v, d, actors, NULL), 0);
    assert_int_equal(rg_view__note(&v, d, "First %d.", 1), 0);
    size_t focus = 0; /* a, within one link: a, b, c */
    assert_int_equal(rg_view__make(&w, &v.doc, &focus, 1, 1), 0);
    assert_int_equal(w.doc.n_actors, 3);
    assert_int_equal(w.doc.n_links, 3);
    assert_int_equal(w.doc.n_named_only, 2);
    assert_string_equal(w.doc.actors[w.doc.links[1].disputed_by_index[0]].id,
                        "e");
    assert_string_equal(w.doc.view_note,
                        "First 1. Showing 3 of 3 actors and 3 of 3 links: "
                        "those within 1 link of a.");
    rg_view__free(&w);
    rg_view__free(&v);
    rg_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(subset_keeps_order_and_claimants),
        cmocka_unit_test(view_of_a_view),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
