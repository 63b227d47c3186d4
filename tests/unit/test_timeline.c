/* Unit tests of the timeline's plan (src/timeline.c, cmocka): dates of
 * every precision to days, ticks fitted to the span, x growing with date,
 * links of one month spread across it, undated links in the band, the
 * theme lines chosen and ordered, and labels in lanes that no leader
 * crosses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "relgraph.h"
#include "timeline.h"

#include "load_doc.h"

#include <stdio.h>

static double width_of(void *ctx, size_t link)
{
    (void)ctx, (void)link;
    return 60;
}

static const char doc_text[] =
    "{\"actors\": ["
    "{\"id\": \"a\"}, {\"id\": \"b\"}, {\"id\": \"c\"}, {\"id\": \"lone\"},"
    "{\"id\": \"e\", \"kind\": \"event\", \"date\": \"2015-06\"},"
    "{\"id\": \"u\", \"kind\": \"event\"}],"
    "\"links\": ["
    "{\"from\": \"b\", \"to\": \"c\", \"date\": \"2016-03-01\", \"label\": \"x\"},"
    "{\"from\": \"a\", \"to\": \"b\", \"date\": \"2014-02-10\", \"label\": \"x\"},"
    "{\"from\": \"a\", \"to\": \"e\", \"label\": \"x\"},"
    "{\"from\": \"c\", \"to\": \"e\", \"label\": \"x\"},"
    "{\"from\": \"a\", \"to\": \"c\", \"label\": \"undated\"},"
    "{\"from\": \"u\", \"to\": \"a\", \"label\": \"undated\"}]}";

static const rg_tl_item *item(const rg_tl_plan *p, int event, size_t index)
{
    for (size_t i = 0; i < p->n_items; i++)
        if (p->items[i].is_event == event && p->items[i].index == index)
            return &p->items[i];
    fail_msg("no item %d %zu", event, index);
    return NULL;
}

static void the_plan_follows_the_dates(void **state)
{
    (void)state;
    rg_doc *doc = load(doc_text);
    rg_tl_plan p;
    assert_int_equal(rg_timeline__plan(&p, doc, width_of, NULL), 0);
    /* a, b, c, e and the undated event u; not "lone" */
    assert_int_equal(p.n_rows, 5);
    assert_int_equal(p.row_of[3], SIZE_MAX);
    assert_int_equal(p.rows[0], 0);    /* a, first seen in 2014 */
    assert_int_equal(p.rows[4], 5);    /* u, undated, last */
    /* Jan 2014 to Apr 2016 in quarters: 9 intervals */
    assert_int_equal(p.n_ticks, 10);
    assert_string_equal(p.ticks[0].text, "Jan 2014");
    assert_string_equal(p.ticks[9].text, "Apr 2016");
    for (size_t i = 1; i < p.n_ticks; i++)
        assert_true(p.ticks[i].x > p.ticks[i - 1].x);
    const rg_tl_item *ab = item(&p, 0, 1), *bc = item(&p, 0, 0);
    const rg_tl_item *ae = item(&p, 0, 2), *ce = item(&p, 0, 3);
    const rg_tl_item *e = item(&p, 1, 4);
    assert_true(ab->x < e->x && e->x < bc->x);
    /* the event's bar over June; its links spread across it */
    assert_true(e->x_end > e->x);
    assert_true(ae->x > e->x && ae->x < e->x_end);
    assert_true(ce->x > e->x && ce->x < e->x_end && ce->x != ae->x);
    /* undated: right of the axis */
    assert_true(item(&p, 0, 4)->undated && item(&p, 0, 4)->x > p.x1);
    assert_true(item(&p, 1, 5)->undated);
    /* a leader crosses no label (the labels it passes are above it), and
     * labels of one lane do not overlap (a text runs from x + 9 to
     * x + 9 + width) */
    for (size_t i = 0; i < p.n_items; i++)
        for (size_t j = 0; j < p.n_items; j++) {
            const rg_tl_item *x = &p.items[i], *y = &p.items[j];
            if (i == j || x->label_w == 0 || y->label_w == 0)
                continue;
            if (y->x >= x->x + 9 && y->x <= x->x + 9 + x->label_w)
                assert_true(y->lane < x->lane);
            if (x->lane == y->lane)
                assert_true(x->x + 9 + x->label_w < y->x + 9 ||
                            y->x + 9 + y->label_w < x->x + 9);
        }
    rg_timeline__free(&p);
    rg_doc_free(doc);
}

static void a_long_span_keeps_a_dozen_ticks(void **state)
{
    (void)state;
    rg_doc *doc = load("{\"actors\": [{\"id\": \"a\"}, {\"id\": \"b\"}],"
                       "\"links\": ["
                       "{\"from\": \"a\", \"to\": \"b\", \"date\": \"1900-01-01\"},"
                       "{\"from\": \"b\", \"to\": \"a\", \"date\": \"2100-12-31\"}]}");
    rg_tl_plan p;
    assert_int_equal(rg_timeline__plan(&p, doc, width_of, NULL), 0);
    assert_true(p.n_ticks >= 4 && p.n_ticks <= 12);
    assert_string_equal(p.ticks[0].text, "1900");
    rg_timeline__free(&p);
    rg_doc_free(doc);
    doc = load("{\"actors\": [{\"id\": \"a\"}, {\"id\": \"b\"}],"
               "\"links\": ["
               "{\"from\": \"a\", \"to\": \"b\", \"date\": \"2015-06-04\"},"
               "{\"from\": \"b\", \"to\": \"a\", \"date\": \"2015-06-12\"}]}");
    assert_int_equal(rg_timeline__plan(&p, doc, width_of, NULL), 0);
    assert_true(p.n_ticks >= 4 && p.n_ticks <= 12);
    assert_string_equal(p.ticks[0].text, "4 Jun 2015");
    rg_timeline__free(&p);
    rg_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_plan_follows_the_dates),
        cmocka_unit_test(a_long_span_keeps_a_dozen_ticks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
