/* Unit tests of what the data exports share (cmocka): the escapers of
 * JSON strings and CSV cells with the spreadsheet-formula guard and the
 * rule a reader follows to undo it, and the formats that file names
 * ending in ".stix.json" or "-actors.csv" choose. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "escape.h"
#include "relgraph.h"

#include <string.h>

static void expect_escaped(void (*esc)(rg_buf *, const char *),
                           const char *in, const char *want)
{
    rg_buf b = {0};
    esc(&b, in);
    assert_false(b.oom);
    assert_string_equal(rg_buf__str(&b), want);
    rg_buf__free(&b);
}

static void json_escapes_quotes_controls_and_markup(void **state)
{
    (void)state;
    expect_escaped(rg_escape__json, "plain", "\"plain\"");
    expect_escaped(rg_escape__json, "a\"b\\c", "\"a\\\"b\\\\c\"");
    expect_escaped(rg_escape__json, "a\nb\tc\x01\x7f",
                   "\"a\\nb\\tc\\u0001\\u007f\"");
    expect_escaped(rg_escape__json, "</script>", "\"\\u003c/script\\u003e\"");
    expect_escaped(rg_escape__json, "\xc3\xa9", "\"\xc3\xa9\"");
}

static void csv_quotes_what_needs_it(void **state)
{
    (void)state;
    expect_escaped(rg_escape__csv_cell, "plain", "plain");
    expect_escaped(rg_escape__csv_cell, "", "");
    expect_escaped(rg_escape__csv_cell, "a,b", "\"a,b\"");
    expect_escaped(rg_escape__csv_cell, "say \"hi\"", "\"say \"\"hi\"\"\"");
    expect_escaped(rg_escape__csv_cell, "a\r\nb", "\"a\r\nb\"");
}

static void csv_guards_formulas_not_numbers(void **state)
{
    (void)state;
    expect_escaped(rg_escape__csv_cell, "=1+2", "'=1+2");
    expect_escaped(rg_escape__csv_cell, "+cmd|' /C calc'!A0",
                   "'+cmd|' /C calc'!A0");
    expect_escaped(rg_escape__csv_cell, "-2+3", "'-2+3");
    expect_escaped(rg_escape__csv_cell, "@SUM(A1)", "'@SUM(A1)");
    expect_escaped(rg_escape__csv_cell, "\tx", "'\tx");
    expect_escaped(rg_escape__csv_cell, "=a,b", "\"'=a,b\"");
    /* an apostrophe already there gets one more, so that a reader that
     * drops one gives the value back */
    expect_escaped(rg_escape__csv_cell, "'=x", "''=x");
    /* numbers and apostrophes before other text are left alone */
    expect_escaped(rg_escape__csv_cell, "-12", "-12");
    expect_escaped(rg_escape__csv_cell, "+3.5", "+3.5");
    expect_escaped(rg_escape__csv_cell, "'quoted'", "'quoted'");
    expect_escaped(rg_escape__csv_cell, "2014-05-19", "2014-05-19");
}

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
        cmocka_unit_test(json_escapes_quotes_controls_and_markup),
        cmocka_unit_test(csv_quotes_what_needs_it),
        cmocka_unit_test(csv_guards_formulas_not_numbers),
        cmocka_unit_test(csv_guard_is_undone_by_the_readers_rule),
        cmocka_unit_test(file_names_choose_the_data_formats),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
