/* Unit tests of the import framework (src/import.c, cmocka): which format
 * a text is taken for, from its content alone; the ids made for imported
 * records; and the STIX identifiers the format accepts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "check.h"
#include "import.h"

#include <string.h>

static rg_import_kind kind_of(const char *text)
{
    json_error_t err;
    json_t *root = json_loads(text, JSON_DECODE_ANY, &err);
    assert_non_null(root);
    rg_import_kind k = rg_import__detect_json(root);
    json_decref(root);
    return k;
}

static void formats_are_told_by_content(void **state)
{
    (void)state;
    assert_int_equal(kind_of("{\"type\": \"bundle\", \"id\": \"b\", "
                             "\"objects\": []}"), RG_IMPORT_STIX);
    assert_int_equal(kind_of("[{\"data\": {\"id\": \"a\"}}]"),
                     RG_IMPORT_CYTOSCAPE);
    assert_int_equal(kind_of("{\"elements\": {\"nodes\": []}}"),
                     RG_IMPORT_CYTOSCAPE);
    assert_int_equal(kind_of("{\"graph\": {\"nodes\": {}}}"), RG_IMPORT_JGF);
    assert_int_equal(kind_of("{\"graphs\": []}"), RG_IMPORT_JGF);
    assert_int_equal(kind_of("{\"nodes\": [{\"id\": 1}], \"links\": "
                             "[{\"source\": 0, \"target\": 0}]}"),
                     RG_IMPORT_D3);
}

static void relgraph_mistakes_stay_relgraph(void **state)
{
    (void)state;
    /* Its own format, whatever else it holds. */
    assert_int_equal(kind_of("{\"actors\": [], \"nodes\": [], \"links\": "
                             "[]}"), RG_IMPORT_RELGRAPH);
    /* Actors called "nodes", with relgraph's links: a relgraph document
     * with a mistake the loader explains, not a d3 graph. */
    assert_int_equal(kind_of("{\"nodes\": [{\"id\": \"a\"}], \"links\": "
                             "[{\"from\": \"a\", \"to\": \"a\"}]}"),
                     RG_IMPORT_RELGRAPH);
    /* A "bundle" without objects, an array of other things. */
    assert_int_equal(kind_of("{\"type\": \"bundle\"}"), RG_IMPORT_RELGRAPH);
    /* ...but a bundle's id makes it an empty bundle (STIX 2.1 leaves
     * "objects" out when there are none). */
    assert_int_equal(kind_of("{\"type\": \"bundle\", \"id\": "
                             "\"bundle--9624fd28-21be-57d6-85cf-a3e5875dfb96\"}"),
                     RG_IMPORT_STIX);
    assert_int_equal(kind_of("[1, 2]"), RG_IMPORT_RELGRAPH);
    assert_int_equal(kind_of("\"text\""), RG_IMPORT_RELGRAPH);
}

static void csv_is_told_from_broken_json(void **state)
{
    (void)state;
    const char *csv = "from,to,label\na,b,owns\n";
    assert_true(rg_import__looks_csv(csv, strlen(csv)));
    assert_true(rg_import__looks_csv("\n  from;to\n", 11));
    /* JSON with a syntax error is still JSON to report as such. */
    assert_false(rg_import__looks_csv("{\"actors\": [,]}", 15));
    assert_false(rg_import__looks_csv("[1,2", 4));
    assert_false(rg_import__looks_csv("actors", 6));
    assert_false(rg_import__looks_csv("a,b\0c", 5));
    assert_false(rg_import__looks_csv("", 0));
}

static void ids_are_clean_and_unique(void **state)
{
    (void)state;
    rg_import_ctx ctx = {"x", NULL, NULL, {0}, {0}};
    assert_string_equal(rg_import__id(&ctx, "Deep Panda"), "deep-panda");
    assert_string_equal(rg_import__id(&ctx, "deep-panda"), "deep-panda-2");
    assert_string_equal(rg_import__id(&ctx, "  Deep -- Panda!"),
                        "deep-panda-3");
    assert_string_equal(rg_import__id(&ctx, "\xe5\xbe\xb7"), "x");
    assert_string_equal(rg_import__id(&ctx, NULL), "x-2");
    assert_string_equal(rg_import__id(&ctx, "a.b_c"), "a.b_c");
    char long_name[300];
    memset(long_name, 'n', sizeof(long_name) - 1);
    long_name[sizeof(long_name) - 1] = '\0';
    assert_int_equal(strlen(rg_import__id(&ctx, long_name)), 64);
    assert_true(rg_check__stix_id(rg_import__id(&ctx, "x")) == 0);
    rg_map__free(&ctx.ids);
    rg_arena__free(&ctx.arena);
}

static void stix_ids_follow_the_schema(void **state)
{
    (void)state;
    assert_true(rg_check__stix_id(
        "intrusion-set--bef4c620-0787-42a8-a96d-b7eb6e85917c"));
    assert_true(rg_check__stix_id(
        "x-mitre-tactic--2558fd61-8c75-4730-94c4-11926db2a263"));
    /* Upper-case hex digits are allowed, a type is not. */
    assert_true(rg_check__stix_id(
        "malware--31B940D4-6F7F-459A-80EA-9C1F17B5891B"));
    assert_false(rg_check__stix_id(
        "Malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b"));
    /* Version 0 and variant 0: not RFC 4122. */
    assert_false(rg_check__stix_id(
        "malware--31b940d4-6f7f-059a-80ea-9c1f17b5891b"));
    assert_false(rg_check__stix_id(
        "malware--31b940d4-6f7f-459a-00ea-9c1f17b5891b"));
    assert_false(rg_check__stix_id("malware--"));
    assert_false(rg_check__stix_id("ab--31b940d4-6f7f-459a-80ea-9c1f17b5891b"));
    assert_false(rg_check__stix_id(
        "malware-31b940d4-6f7f-459a-80ea-9c1f17b5891b"));
    assert_false(rg_check__stix_id(
        "malware--31b940d4-6f7f-459a-80ea-9c1f17b5891bb"));
    assert_false(rg_check__stix_id(""));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(formats_are_told_by_content),
        cmocka_unit_test(relgraph_mistakes_stay_relgraph),
        cmocka_unit_test(csv_is_told_from_broken_json),
        cmocka_unit_test(ids_are_clean_and_unique),
        cmocka_unit_test(stix_ids_follow_the_schema),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
