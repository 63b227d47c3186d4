/* Unit tests of the time views (src/view_time.c): a period read from
 * --as-of or --between as whole days, its ends checked; an item kept
 * when its span meets the period (a relation of 2017 until 2020 as of
 * mid-2017), a link going with its end, the undated kept and counted;
 * --fade keeping everything with the rest marked (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "view_time.h"

#include <stdlib.h>
#include <string.h>

#include "load_doc.h"

static const char doc_json[] =
    "{ \"relgraph\": 1,\n"
    "  \"actors\": [ { \"id\": \"a\" },\n"
    "    { \"id\": \"b\", \"date\": \"2014\" },\n"
    "    { \"id\": \"c\", \"until\": \"2013-06\" } ],\n"
    "  \"links\": [\n"
    "    { \"from\": \"a\", \"to\": \"b\", \"date\": \"2017\",\n"
    "      \"until\": \"2020\" },\n"
    "    { \"from\": \"a\", \"to\": \"c\" },\n"
    "    { \"from\": \"b\", \"to\": \"a\" } ] }\n";

static int period(rg_period *p, const char *as_of, const char *between,
                  bool fade, char *why)
{
    rg_render_opts o;
    rg_render_opts_init(&o);
    o.as_of = as_of;
    o.between = between;
    o.fade = fade;
    return rg_view__period(p, &o, why, 256);
}

static void periods_are_whole_days(void **state)
{
    (void)state;
    rg_period p, q;
    char why[256];
    assert_int_equal(period(&p, "2015", NULL, false, why), 1);
    assert_int_equal(period(&q, NULL, "2015-01-01..2015-12-31", false, why),
                     1);
    assert_true(p.span.first == q.span.first && p.span.last == q.span.last);
    assert_string_equal(p.words, "As of 2015");
    assert_int_equal(period(&p, "2015-06-01", NULL, false, why), 1);
    assert_string_equal(p.words, "As of 1 June 2015");
    assert_int_equal(period(&p, NULL, "2014-05..2015-09", false, why), 1);
    assert_string_equal(p.words, "Between May 2014 and September 2015");
    assert_int_equal(period(&p, NULL, "..2015-02", false, why), 1);
    assert_true(p.span.first == RG_DAY_MIN);
    assert_string_equal(p.words, "Up to February 2015");
    assert_int_equal(period(&p, NULL, NULL, false, why), 0);
}

static void bad_periods_say_why(void **state)
{
    (void)state;
    rg_period p;
    char why[256];
    assert_int_equal(period(&p, "2015-13", NULL, false, why), -1);
    assert_non_null(strstr(why, "--as-of 2015-13: not a date"));
    assert_int_equal(period(&p, NULL, "2016..2014", false, why), -1);
    assert_non_null(strstr(why, "write the earlier date first: "
                                "--between 2014..2016"));
    assert_int_equal(period(&p, NULL, "2014", false, why), -1);
    assert_int_equal(period(&p, NULL, "..", false, why), -1);
    assert_int_equal(period(&p, "2015", "2014..2016", false, why), -1);
    assert_int_equal(period(&p, NULL, NULL, true, why), -1);
    assert_non_null(strstr(why, "--fade needs"));
}

/* The time view of d as of `as_of`, into v. */
static void view_as_of(rg_view *v, const rg_doc *d, const char *as_of,
                       bool fade)
{
    rg_period p;
    char why[256];
    assert_int_equal(period(&p, as_of, NULL, fade, why), 1);
    assert_int_equal(rg_view__time(v, d, &p, fade), 0);
}

static void view_keeps_what_meets(void **state)
{
    (void)state;
    rg_doc *d = load(doc_json);
    rg_view v;
    view_as_of(&v, d, "2017-07-01", false);
    assert_int_equal(v.doc.n_actors, 2); /* c ended in 2013 */
    assert_int_equal(v.doc.n_links, 2);  /* a -> c goes with c */
    assert_string_equal(v.doc.links[0].until, "2020");
    assert_string_equal(v.note, "As of 1 July 2017: 2 of 3 actors, 2 of 3 "
                                "links (2 undated kept).");
    assert_null(v.doc.fade_note);
    rg_view__free(&v);
    rg_doc_free(d);
}

static void fade_marks_the_rest(void **state)
{
    (void)state;
    rg_doc *d = load(doc_json);
    rg_view v;
    view_as_of(&v, d, "2021", true);
    assert_int_equal(v.doc.n_actors, 3);
    assert_int_equal(v.doc.n_links, 3);
    assert_int_equal(v.doc.actors[0].mark, RG_MARK_NONE);
    assert_int_equal(v.doc.actors[2].mark, RG_MARK_FADED);
    assert_int_equal(v.doc.links[0].mark, RG_MARK_FADED); /* over in 2020 */
    assert_int_equal(v.doc.links[1].mark, RG_MARK_FADED); /* with c */
    assert_int_equal(v.doc.links[2].mark, RG_MARK_NONE);
    assert_string_equal(v.doc.fade_note, "not valid as of 2021");
    assert_non_null(strstr(v.note, "; faded: 1 actor, 2 links."));
    rg_view__free(&v);
    rg_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(periods_are_whole_days),
        cmocka_unit_test(bad_periods_say_why),
        cmocka_unit_test(view_keeps_what_meets),
        cmocka_unit_test(fade_marks_the_rest),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
