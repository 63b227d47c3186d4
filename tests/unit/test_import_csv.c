/* Unit tests of the CSV reader (src/import_csv.c, cmocka): each field's
 * text and the line and column where it starts, through quoted fields
 * with separators, quotes and line ends, CRLF rows, a byte order mark,
 * characters of several bytes, and the separator found from the header;
 * the errors at their positions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "import_csv.h"

#include <stdio.h>
#include <string.h>

/* What the reader handed on: "row:TEXT@LINE:COL|..." */
typedef struct seen {
    char buf[1024];
    size_t n;
} seen;

static int collect(void *arg, size_t row, const rg_csv_cell *cells, size_t n)
{
    seen *s = arg;
    for (size_t i = 0; i < n; i++)
        s->n += (size_t)snprintf(s->buf + s->n, sizeof(s->buf) - s->n,
                                 "%zu:%s@%d:%d|", row, cells[i].text,
                                 cells[i].line, cells[i].column);
    return 0;
}

/* Reads `text`; returns what was seen, and the diagnostics in d. */
static const char *read_csv(const char *text, size_t len, seen *s,
                            rg_diags *d)
{
    memset(s, 0, sizeof(*s));
    rg_csv__read(text, len, "t.csv", d, collect, s);
    return s->buf;
}

static void quoted_fields_keep_their_positions(void **state)
{
    (void)state;
    seen s;
    rg_diags *d = rg_diags_new();
    const char t[] = "from,to,label\n"
                     "a,\"b, c\",\"say \"\"hi\"\"\nagain\"\n"
                     "d,e,f\n";
    assert_string_equal(read_csv(t, sizeof(t) - 1, &s, d),
                        "0:from@1:1|0:to@1:6|0:label@1:9|"
                        "1:a@2:1|1:b, c@2:3|1:say \"hi\"\nagain@2:10|"
                        "2:d@4:1|2:e@4:3|2:f@4:5|");
    assert_int_equal(rg_diags_count(d), 0);
    rg_diags_free(d);
}

static void crlf_bom_and_wide_characters(void **state)
{
    (void)state;
    seen s;
    rg_diags *d = rg_diags_new();
    const char t[] = "\xEF\xBB\xBF" "from,to\r\n"
                     "\xD0\x9F\xD0\xB5\xD0\xBA\xD0\xB8\xD0\xBD,\"x\r\ny\"\r\n"
                     "\xE5\x8C\x97,z\r\n";
    assert_string_equal(read_csv(t, sizeof(t) - 1, &s, d),
                        "0:from@1:1|0:to@1:6|"
                        "1:\xD0\x9F\xD0\xB5\xD0\xBA\xD0\xB8\xD0\xBD@2:1|"
                        "1:x\ny@2:7|2:\xE5\x8C\x97@4:1|2:z@4:3|");
    assert_int_equal(rg_diags_count(d), 0);
    rg_diags_free(d);
}

static void separator_from_the_header(void **state)
{
    (void)state;
    seen s;
    rg_diags *d = rg_diags_new();
    const char semi[] = "from;to;label\na;b;\"x, y\"\n";
    assert_string_equal(read_csv(semi, sizeof(semi) - 1, &s, d),
                        "0:from@1:1|0:to@1:6|0:label@1:9|"
                        "1:a@2:1|1:b@2:3|1:x, y@2:5|");
    const char tab[] = "from\tto\na,b\tc;d\n";
    assert_string_equal(read_csv(tab, sizeof(tab) - 1, &s, d),
                        "0:from@1:1|0:to@1:6|1:a,b@2:1|1:c;d@2:5|");
    assert_int_equal(rg_diags_count(d), 0);
    rg_diags_free(d);
}

/* The one diagnostic's line, column and the start of its message. */
static void assert_error(const char *text, int line, int col,
                         const char *starts)
{
    seen s;
    rg_diags *d = rg_diags_new();
    read_csv(text, strlen(text), &s, d);
    assert_int_equal(rg_diags_count(d), 1);
    const rg_diag *g = rg_diags_get(d, 0);
    assert_int_equal(g->severity, RG_ERROR);
    assert_int_equal(g->line, line);
    assert_int_equal(g->column, col);
    assert_memory_equal(g->message, starts, strlen(starts));
    rg_diags_free(d);
}

static void errors_at_their_positions(void **state)
{
    (void)state;
    assert_error("from,to\na,\"open\nstill\n", 2, 3,
                 "CSV: a quoted field is not closed");
    assert_error("from,to\na,b\"c\n", 2, 4, "CSV: a quote inside");
    assert_error("from,to\na,\xC3\x28\n", 2, 3, "CSV: bytes that are not");
    assert_error("", 1, 1, "CSV: an empty table");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(quoted_fields_keep_their_positions),
        cmocka_unit_test(crlf_bom_and_wide_characters),
        cmocka_unit_test(separator_from_the_header),
        cmocka_unit_test(errors_at_their_positions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
