/* Unit tests of what the data exports promise (cmocka): the rule a CSV
 * reader follows to undo the spreadsheet-formula guard, and the formats
 * that file names ending in ".stix.json" or "-actors.csv" choose. (The
 * JSON and CSV escapers' own tests are in test_escape.c.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "escape.h"
#include "relgraph.h"

#include <string.h>

/* The reader's rule (graphs/README.md): a cell that starts with an
 * apostrophe and is guarded without it had one added. */
static void csv_guard_is_undone_by_the_readers_rule(void **state)
{
    (void)state;
    const char *values[] = {"=x", "'=x", "''@y", "-a", "'plain", "-1", "'"};
    for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
        rg_buf b = {0};
        rg_escape__csv_cell(&b, values[i]);
        const char *cell = rg_buf__str(&b);
        if (cell[0] == '\'' && rg_escape__csv_guarded(cell + 1))
            cell++;
        assert_string_equal(cell, values[i]);
        rg_buf__free(&b);
    }
}

static void file_names_choose_the_data_formats(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        rg_format f;
    } ok[] = {
        {"story.stix.json", RG_FORMAT_STIX},
        {"out/Story.STIX.JSON", RG_FORMAT_STIX},
        {"stix", RG_FORMAT_STIX},
        {"a.graphml", RG_FORMAT_GRAPHML},
        {"a.gexf", RG_FORMAT_GEXF},
        {"a.cyjs", RG_FORMAT_CYJS},
        {"story-links.csv", RG_FORMAT_CSV},
        {"story-actors.csv", RG_FORMAT_CSV_ACTORS},
        {"story-sources.csv", RG_FORMAT_CSV_SOURCES},
        {"dir/story-groups.csv", RG_FORMAT_CSV_GROUPS},
        {"csv-actors", RG_FORMAT_CSV_ACTORS},
        /* a name that is nothing but the suffix: the last extension */
        {"-actors.csv", RG_FORMAT_CSV},
    };
    for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
        rg_format f = RG_FORMAT_SVG;
        assert_int_equal(rg_format_parse(&f, ok[i].name), 0);
        assert_int_equal(f, ok[i].f);
    }
    rg_format f;
    assert_int_equal(rg_format_parse(&f, "story.json"), -1);
    assert_int_equal(rg_format_parse(&f, "a.stix.json/x"), -1);
    assert_string_equal(rg_format_suffix(RG_FORMAT_STIX), ".stix.json");
    assert_string_equal(rg_format_suffix(RG_FORMAT_CSV_GROUPS),
                        "-groups.csv");
    for (int i = 0; i < RG_FORMAT_COUNT; i++) {
        /* every suffix reads back as its format */
        char name[64] = "x";
        strcat(name, rg_format_suffix((rg_format)i));
        assert_int_equal(rg_format_parse(&f, name), 0);
        assert_int_equal(f, i);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(csv_guard_is_undone_by_the_readers_rule),
        cmocka_unit_test(file_names_choose_the_data_formats),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
