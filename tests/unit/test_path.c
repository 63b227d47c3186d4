/* Unit tests of the chains between two actors (src/chain.c) and of the
 * --path view (src/view_path.c): shortest first, the K bound, loopless
 * (every simple path of a complete graph, no more), links either way,
 * group membership as a step, no chain, the work bound, and the note and
 * links of the view (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "chain.h"
#include "view_path.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load_doc.h"

/* a b c d e x y z: a-b, c->b (backwards), b-c again, c-e, a-d, d-e;
 * x and y share group g; y-z. */
static const char doc_json[] =
    "{ \"relgraph\": 1, \"groups\": [ { \"id\": \"g\" } ],\n"
    "  \"actors\": [ { \"id\": \"a\" }, { \"id\": \"b\" }, { \"id\": \"c\" },\n"
    "    { \"id\": \"d\" }, { \"id\": \"e\" }, { \"id\": \"x\", \"group\": \"g\" },\n"
    "    { \"id\": \"y\", \"group\": \"g\" }, { \"id\": \"z\" } ],\n"
    "  \"links\": [\n"
    "    { \"from\": \"a\", \"to\": \"b\" },\n"
    "    { \"from\": \"c\", \"to\": \"b\" },\n"
    "    { \"from\": \"b\", \"to\": \"c\" },\n"
    "    { \"from\": \"c\", \"to\": \"e\" },\n"
    "    { \"from\": \"a\", \"to\": \"d\" },\n"
    "    { \"from\": \"d\", \"to\": \"e\" },\n"
    "    { \"from\": \"e\", \"to\": \"x\" },\n"
    "    { \"from\": \"y\", \"to\": \"z\" } ] }\n";

enum { A, B, C, D, E, X, Y, Z, G = 8 };

static size_t len_of(const rg_chains *c, size_t i)
{
    return c->start[i + 1] - c->start[i];
}

static void shortest_first_either_way(void **state)
{
    (void)state;
    rg_doc *d = load(doc_json);
    rg_chains c;
    assert_int_equal(rg_chain__find(&c, d, A, E, 3, false, 0), 0);
    assert_int_equal(c.n, 2);  /* a-d-e, a-b-c-e; b-c twice is one step */
    assert_true(c.exhausted);
    assert_false(c.cut);
    const size_t want[] = {A, D, E, A, B, C, E};
    assert_int_equal(c.start[2], 7);
    for (size_t i = 0; i < 7; i++)
        assert_int_equal(c.nodes[i], want[i]);
    rg_chain__free(&c);
    /* From the other end, c -> b taken backwards. */
    assert_int_equal(rg_chain__find(&c, d, E, B, 3, false, 0), 0);
    assert_int_equal(c.n, 2);
    assert_int_equal(len_of(&c, 0), 3);  /* e c b */
    assert_int_equal(c.nodes[1], C);
    rg_chain__free(&c);
    rg_doc_free(d);
}

static void k_bounds_the_count(void **state)
{
    (void)state;
    rg_doc *d = load(doc_json);
    rg_chains c;
    assert_int_equal(rg_chain__find(&c, d, A, E, 1, false, 0), 0);
    assert_int_equal(c.n, 1);
    assert_false(c.exhausted);
    assert_int_equal(len_of(&c, 0), 3);
    rg_chain__free(&c);
    rg_doc_free(d);
}

static void groups_are_steps_when_asked(void **state)
{
    (void)state;
    rg_doc *d = load(doc_json);
    rg_chains c;
    assert_int_equal(rg_chain__find(&c, d, A, Z, 3, false, 0), 0);
    assert_int_equal(c.n, 0);
    assert_true(c.exhausted);
    rg_chain__free(&c);
    assert_int_equal(rg_chain__find(&c, d, X, Y, 3, true, 0), 0);
    assert_int_equal(c.n, 1);
    assert_int_equal(len_of(&c, 0), 3);
    assert_int_equal(c.nodes[1], G);  /* x, group g, y */
    rg_chain__free(&c);
    assert_int_equal(rg_chain__find(&c, d, A, Z, 3, true, 0), 0);
    assert_int_equal(c.n, 2);
    assert_int_equal(len_of(&c, 0), 7);  /* a d e x g y z */
    rg_chain__free(&c);
    size_t *r, n;
    assert_int_equal(rg_chain__reach(d, Z, false, &r, &n), 0);
    assert_int_equal(n, 1);
    assert_int_equal(r[0], Y);
    free(r);
    assert_int_equal(rg_chain__reach(d, Z, true, &r, &n), 0);
    assert_int_equal(n, 7);  /* every other actor */
    free(r);
    rg_doc_free(d);
}

/* The complete graph on n actors, as JSON (malloc'd). */
static char *complete(size_t n)
{
    size_t cap = 64 + n * 32 + n * n * 40, len = 0;
    char *s = malloc(cap);
    len += (size_t)snprintf(s + len, cap - len,
                            "{\"relgraph\":1,\"actors\":[");
    for (size_t i = 0; i < n; i++)
        len += (size_t)snprintf(s + len, cap - len, "%s{\"id\":\"n%zu\"}",
                                i ? "," : "", i);
    len += (size_t)snprintf(s + len, cap - len, "],\"links\":[");
    for (size_t i = 0, k = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            len += (size_t)snprintf(s + len, cap - len,
                                    "%s{\"from\":\"n%zu\",\"to\":\"n%zu\"}",
                                    k++ ? "," : "", i, j);
    snprintf(s + len, cap - len, "]}");
    return s;
}

static void every_loopless_chain_once(void **state)
{
    (void)state;
    char *text = complete(5);
    rg_doc *d = load(text);
    rg_chains c;
    /* 0 to 1 through 0, 1, 2 or 3 of the other three: 1 + 3 + 6 + 6. */
    assert_int_equal(rg_chain__find(&c, d, 0, 1, 20, false, 0), 0);
    assert_int_equal(c.n, 16);
    assert_true(c.exhausted);
    for (size_t i = 0; i < c.n; i++) {
        unsigned seen = 0;
        for (size_t j = c.start[i]; j < c.start[i + 1]; j++) {
            assert_false(seen & (1u << c.nodes[j]));
            seen |= 1u << c.nodes[j];
        }
        if (i > 0)
            assert_true(len_of(&c, i - 1) <= len_of(&c, i));
    }
    rg_chain__free(&c);
    rg_doc_free(d);
    free(text);
}

static void work_is_bounded(void **state)
{
    (void)state;
    char *text = complete(60);
    rg_doc *d = load(text);
    rg_chains c;
    assert_int_equal(rg_chain__find(&c, d, 0, 1, 20, false, 500), 0);
    assert_true(c.cut);
    assert_false(c.exhausted);
    assert_true(c.n >= 1 && c.n < 20);
    assert_int_equal(len_of(&c, 0), 2);
    rg_chain__free(&c);
    rg_doc_free(d);
    free(text);
}

static void view_keeps_the_chains(void **state)
{
    (void)state;
    rg_doc *d = load(doc_json);
    rg_diags *diags = rg_diags_new();
    rg_view v;
    assert_int_equal(rg_view__path(&v, d, A, E, 3, false, "t", diags), 0);
    assert_int_equal(v.doc.n_actors, 5);
    assert_int_equal(v.doc.n_links, 6);  /* b-c both ways */
    assert_string_equal(v.doc.view_note,
                        "The only 2 chains (1 of 2 links, 1 of 3) between a "
                        "and e.");
    assert_int_equal(v.doc.actors[v.map[A]].attrs.n, 1);
    assert_string_equal(v.doc.actors[v.map[A]].attrs.v[0].name, "penwidth");
    assert_int_equal(v.doc.actors[v.map[B]].attrs.n, 0);
    rg_view__free(&v);
    assert_int_equal(rg_view__path(&v, d, A, E, 1, false, "t", diags), 0);
    assert_string_equal(v.doc.view_note, "The shortest chain, of 2 links, "
                                         "between a and e.");
    rg_view__free(&v);
    assert_int_equal(rg_diags_count(diags), 0);
    assert_int_equal(rg_view__path(&v, d, A, Z, 3, false, "t", diags), -1);
    rg_view__free(&v);
    assert_int_equal(rg_diags_count(diags), 1);
    const rg_diag *e = rg_diags_get(diags, 0);
    assert_string_equal(e->path, "--path");
    assert_string_equal(e->message,
                        "no chain joins a and z: a reaches 5 actors (b, d, "
                        "c, e, x) and z 1 (y); no link joins the two parts; "
                        "--through-groups would join them through group "
                        "membership");
    rg_diags_free(diags);
    rg_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shortest_first_either_way),
        cmocka_unit_test(k_bounds_the_count),
        cmocka_unit_test(groups_are_steps_when_asked),
        cmocka_unit_test(every_loopless_chain_once),
        cmocka_unit_test(work_is_bounded),
        cmocka_unit_test(view_keeps_the_chains),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
