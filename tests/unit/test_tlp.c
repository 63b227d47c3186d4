/* Unit tests of TLP markings (src/tlp.c): the order of the levels, the
 * marking a chart carries, and the view of what may be shared at a level
 * (actors, links with either end withheld, citations of withheld
 * sources, claims of withheld actors, the document's own text) (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "tlp.h"

#include <stdlib.h>
#include <string.h>

#include "load_doc.h"

static const char doc_json[] =
    "{ \"relgraph\": 1, \"title\": \"T\", \"tlp\": \"green\",\n"
    "  \"groups\": [ { \"id\": \"g\", \"label\": \"G\" } ],\n"
    "  \"sources\": [ { \"id\": \"s1\" }, { \"id\": \"s2\", \"tlp\": \"red\" } ],\n"
    "  \"actors\": [\n"
    "    { \"id\": \"a\", \"source\": [\"s1\", \"s2\"], \"group\": \"g\" },\n"
    "    { \"id\": \"b\", \"tlp\": \"amber+strict\" },\n"
    "    { \"id\": \"c\", \"tlp\": \"amber\" } ],\n"
    "  \"links\": [\n"
    "    { \"from\": \"a\", \"to\": \"b\" },\n"
    "    { \"from\": \"a\", \"to\": \"c\", \"source\": \"s2\",\n"
    "      \"claimed_by\": [\"b\", \"c\"] },\n"
    "    { \"from\": \"c\", \"to\": \"a\", \"tlp\": \"red\" } ] }\n";

static void levels_in_order(void **state)
{
    (void)state;
    const char *w[] = {"clear", "green", "amber", "amber+strict", "red"};
    for (int i = 0; i < 5; i++) {
        assert_int_equal(rg_tlp__rank(w[i]), i);
        assert_string_equal(rg_tlp__word(i), w[i]);
    }
    assert_int_equal(rg_tlp__rank(NULL), -1);
    assert_int_equal(rg_tlp__rank("AMBER"), -1);
    assert_int_equal(rg_tlp__rank("white"), -1);
    assert_string_equal(rg_tlp__label("amber+strict"), "TLP:AMBER+STRICT");
    assert_string_equal(rg_tlp__colour("red"), "#FF2B2B");
}

static void highest_marking(void **state)
{
    (void)state;
    rg_doc *d = load(doc_json);
    assert_string_equal(rg_tlp__mark(d), "red");
    assert_null(rg_tlp__note(d));
    rg_doc_free(d);
    d = load("{ \"relgraph\": 1, \"actors\": [ { \"id\": \"a\" } ] }");
    assert_null(rg_tlp__mark(d));
    rg_buf b = {0};
    rg_tlp__titled(&b, d, "T");
    assert_string_equal(rg_buf__str(&b), "T");
    rg_buf__free(&b);
    rg_doc_free(d);
}

static void amber_view(void **state)
{
    (void)state;
    rg_doc *d = load(doc_json);
    rg_tlp_view v;
    assert_int_equal(rg_tlp__view(&v, d, "amber"), 0);
    const rg_doc *s = &v.doc;
    assert_int_equal(s->n_actors, 2); /* a, c */
    assert_string_equal(s->actors[1].id, "c");
    assert_int_equal(v.map[1], SIZE_MAX);
    assert_int_equal(s->n_sources, 1);
    assert_int_equal(s->actors[0].source.n, 1); /* s2 withheld */
    assert_string_equal(s->actors[0].source.v[0], "s1");
    assert_int_equal(s->actors[0].group_index, 0); /* green document */
    assert_int_equal(s->n_links, 1); /* a-b: b withheld; c-a: red */
    assert_int_equal(s->links[0].to_index, 1);
    assert_int_equal(s->links[0].source.n, 0);
    assert_int_equal(s->links[0].claimed_by.n, 1);
    assert_string_equal(s->links[0].claimed_by.v[0], "c");
    assert_int_equal(s->links[0].claimed_by_index[0], 1);
    assert_string_equal(rg_tlp__mark(s), "amber");
    /* The same words whatever is withheld: no names, no counts. */
    assert_string_equal(rg_tlp__note(s), "Shared at TLP:AMBER: what is "
                                         "marked above it is withheld.");
    rg_buf b = {0};
    rg_tlp__titled(&b, s, s->title);
    assert_string_equal(rg_buf__str(&b), "TLP:AMBER \xe2\x80\x93 T");
    rg_buf__free(&b);
    assert_true(rg_doc_actor_shared(d, 2, "amber"));
    assert_false(rg_doc_actor_shared(d, 1, "amber"));
    assert_false(rg_doc_actor_shared(d, 0, "orange"));
    rg_tlp__view_free(&v);
    rg_doc_free(d);
}

static void document_text_withheld(void **state)
{
    (void)state;
    rg_doc *d = load(doc_json);
    rg_tlp_view v;
    /* At clear, the green document's title, groups and unmarked actors
     * go; nothing is marked clear. */
    assert_int_equal(rg_tlp__view(&v, d, "clear"), 0);
    assert_null(v.doc.title);
    assert_int_equal(v.doc.n_groups, 0);
    assert_int_equal(v.doc.n_actors, 0);
    assert_int_equal(v.doc.n_links, 0);
    assert_true(v.doc.tlp_withheld);
    rg_tlp__view_free(&v);
    /* At red, everything, and nothing is said withheld. */
    assert_int_equal(rg_tlp__view(&v, d, "red"), 0);
    assert_int_equal(v.doc.n_actors, 3);
    assert_int_equal(v.doc.n_links, 3);
    assert_false(v.doc.tlp_withheld);
    assert_null(rg_tlp__note(&v.doc));
    rg_tlp__view_free(&v);
    rg_doc_free(d);
}

static void unmarked_document_counts_as_red(void **state)
{
    (void)state;
    rg_doc *d = load("{ \"relgraph\": 1, \"actors\": [ { \"id\": \"a\" },\n"
                     "  { \"id\": \"b\", \"tlp\": \"amber\" } ] }");
    rg_tlp_view v;
    assert_int_equal(rg_tlp__view(&v, d, "amber+strict"), 0);
    assert_int_equal(v.doc.n_actors, 1);
    assert_string_equal(v.doc.actors[0].id, "b");
    rg_tlp__view_free(&v);
    rg_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(levels_in_order),
        cmocka_unit_test(highest_marking),
        cmocka_unit_test(amber_view),
        cmocka_unit_test(document_text_withheld),
        cmocka_unit_test(unmarked_document_counts_as_red),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
