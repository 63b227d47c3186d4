/* rg_diff: the library's contract. Actors match by id, then by name for
 * a renamed id (never through a name two actors share); links by ends,
 * label and kind, several with one key in document order; the union
 * holds NEW at its own indexes, then what only OLD holds, each item with
 * its mark and every index in range. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "relgraph.h"
#include "load_doc.h"

#include <stdlib.h>

/* The diagnostics of every call (none expected: nothing runs out of
 * memory here). */
static rg_diags *diags_all;

static const char *OLD =
    "{\"actors\": [{\"id\": \"a\", \"name\": \"Alpha\"},"
    " {\"id\": \"b\", \"name\": \"Beta\"}, {\"id\": \"c\", \"name\": \"Gamma\"}],"
    " \"links\": [{\"from\": \"a\", \"to\": \"b\", \"label\": \"x\"},"
    " {\"from\": \"c\", \"to\": \"a\", \"label\": \"y\", \"claimed_by\": [\"b\"]}]}";
static const char *NEW =
    "{\"actors\": [{\"id\": \"a2\", \"name\": \"Alpha\"},"
    " {\"id\": \"b\", \"name\": \"Beta\"}, {\"id\": \"d\", \"name\": \"Delta\"}],"
    " \"links\": [{\"from\": \"a2\", \"to\": \"b\", \"label\": \"x\","
    " \"status\": \"alleged\"}]}";

static char *report(rg_diff *d, rg_diff_format f)
{
    char *out = NULL;
    size_t len = 0;
    rg_diags *diags = rg_diags_new();
    assert_int_equal(rg_diff_write(&out, &len, d, f, diags), 0);
    assert_int_equal(strlen(out), len);
    rg_diags_free(diags);
    return out;
}

static void equal_documents_give_empty_reports(void **state)
{
    (void)state;
    rg_doc *a = load(OLD);
    rg_diff *d = NULL;
    assert_int_equal(rg_diff_new(&d, a, a, diags_all), 0);
    assert_true(rg_diff_equal(d));
    char *t = report(d, RG_DIFF_TEXT), *m = report(d, RG_DIFF_MD);
    char *j = report(d, RG_DIFF_JSON);
    assert_string_equal(t, "");
    assert_string_equal(m, "");
    assert_non_null(strstr(j, "\"equal\": true"));
    free(t);
    free(m);
    free(j);
    rg_diff_free(d);
    rg_doc_free(a);
}

static void renamed_id_keeps_its_links(void **state)
{
    (void)state;
    rg_doc *a = load(OLD), *b = load(NEW);
    rg_diff *d = NULL;
    assert_int_equal(rg_diff_new(&d, a, b, diags_all), 0);
    assert_false(rg_diff_equal(d));
    char *t = report(d, RG_DIFF_TEXT);
    assert_non_null(strstr(t, "~ actor \"a2\" \"Alpha\": id: \"a\" \xe2\x86\x92 "
                              "\"a2\" (renamed)\n"));
    assert_non_null(strstr(t, "~ link \"Alpha\" \xe2\x86\x92 \"Beta\" \"x\": "
                              "status: \"reported\" \xe2\x86\x92 \"alleged\"\n"));
    assert_non_null(strstr(t, "- actor \"c\" \"Gamma\"\n"));
    assert_non_null(strstr(t, "+ actor \"d\" \"Delta\"\n"));
    assert_non_null(strstr(t, "- link \"Gamma\" \xe2\x86\x92 \"Alpha\" \"y\"\n"));
    free(t);
    rg_diff_free(d);
    rg_doc_free(a);
    rg_doc_free(b);
}

static void union_marks_and_indexes(void **state)
{
    (void)state;
    rg_doc *a = load(OLD), *b = load(NEW);
    rg_diff *d = NULL;
    assert_int_equal(rg_diff_new(&d, a, b, diags_all), 0);
    const rg_doc *u = rg_diff_union(d, diags_all);
    assert_non_null(u);
    assert_ptr_equal(rg_diff_union(d, diags_all), u); /* made once */
    assert_int_equal(rg_doc_actor_count(u), 4);
    assert_int_equal(rg_doc_link_count(u), 2);
    assert_int_equal(rg_doc_actor(u, 0)->mark, RG_MARK_CHANGED); /* a2 */
    assert_int_equal(rg_doc_actor(u, 1)->mark, RG_MARK_NONE);    /* b */
    assert_int_equal(rg_doc_actor(u, 2)->mark, RG_MARK_ADDED);   /* d */
    assert_int_equal(rg_doc_actor(u, 3)->mark, RG_MARK_REMOVED); /* c */
    assert_string_equal(rg_doc_actor(u, 3)->id, "c");
    const rg_link *k = rg_doc_link(u, 1);
    assert_int_equal(k->mark, RG_MARK_REMOVED);
    /* c -> a: a is a2 in the union, at index 0; claimed by b, index 1 */
    assert_int_equal(k->from_index, 3);
    assert_int_equal(k->to_index, 0);
    assert_int_equal(k->claimed_by_index[0], 1);
    assert_int_equal(rg_doc_link(u, 0)->mark, RG_MARK_CHANGED);
    assert_int_equal(rg_doc_find_actor(u, "c"), 3);
    rg_diff_free(d);
    rg_doc_free(a);
    rg_doc_free(b);
}

static void shared_name_is_no_rename(void **state)
{
    (void)state;
    rg_doc *a = load("{\"actors\": [{\"id\": \"x\", \"name\": \"Twin\"}]}");
    rg_doc *b = load("{\"actors\": [{\"id\": \"y\", \"name\": \"Twin\"},"
                     " {\"id\": \"z\", \"aliases\": [\"Twin\"]}]}");
    rg_diff *d = NULL;
    assert_int_equal(rg_diff_new(&d, a, b, diags_all), 0);
    char *t = report(d, RG_DIFF_TEXT);
    assert_null(strstr(t, "renamed"));
    assert_non_null(strstr(t, "- actor \"x\" \"Twin\"\n"));
    free(t);
    rg_diff_free(d);
    rg_doc_free(a);
    rg_doc_free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(equal_documents_give_empty_reports),
        cmocka_unit_test(renamed_id_keeps_its_links),
        cmocka_unit_test(union_marks_and_indexes),
        cmocka_unit_test(shared_name_is_no_rename),
    };
    diags_all = rg_diags_new();
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    if (rg_diags_count(diags_all) != 0)
        failed = 1;
    rg_diags_free(diags_all);
    return failed;
}
