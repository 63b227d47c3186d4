/* Unit tests of the count of texts that lines run through after a
 * layout (src/build_cross.c, cmocka): a straight line through a label
 * counts, one beside it or ending at it does not; a group's label counts
 * too; only claim lines get the minlen given; a detour takes a line
 * around what it ran through, keeps its ends, and leaves a line that
 * ran through nothing as it was; a tee that meets its node's outline at
 * a slant is bent to meet it square. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "build.h"

#include <graphviz/gvc.h>
#include <math.h>
#include <string.h>

/* One Graphviz context for every test, as in relgraph: a second
 * context reads text sizes the pango plugin cached with the first, which
 * gvFreeContext freed (AddressSanitizer: heap-use-after-free). */
static GVC_t *gvc;

/* Reads `dot` and lays it out with `engine`. */
static Agraph_t *laid_out(const char *dot, const char *engine)
{
    if (gvc == NULL)
        gvc = gvContext();
    assert_non_null(gvc);
    Agraph_t *g = agmemread(dot);
    assert_non_null(g);
    assert_int_equal(gvLayout(gvc, g, engine), 0);
    return g;
}

static void unlaid(Agraph_t *g)
{
    gvFreeLayout(gvc, g);
    agclose(g);
}

/* Lays out `dot` with neato at its pinned positions (straight lines),
 * counts, frees. */
static int count(const char *dot)
{
    Agraph_t *g = laid_out(dot, "neato");
    int c = rg_build__crossed_texts(g);
    unlaid(g);
    return c;
}

static void line_through_label_counts(void **state)
{
    (void)state;
    assert_int_equal(count("digraph { node [shape=box]; "
                           "a [pos=\"0,0!\"]; b [pos=\"4,0!\"]; "
                           "c [label=\"in the way\" pos=\"2,0!\"]; "
                           "a -> b; }"), 1);
}

static void line_beside_label_does_not(void **state)
{
    (void)state;
    assert_int_equal(count("digraph { node [shape=box]; "
                           "a [pos=\"0,0!\"]; b [pos=\"4,0!\"]; "
                           "c [label=\"out of the way\" pos=\"2,2!\"]; "
                           "a -> b; a -> c; }"), 0);
}

static void empty_label_does_not(void **state)
{
    (void)state;
    assert_int_equal(count("digraph { node [shape=box]; "
                           "a [pos=\"0,0!\"]; b [pos=\"4,0!\"]; "
                           "c [label=\"\" shape=point pos=\"2,0!\"]; "
                           "a -> b; }"), 0);
}

static void group_label_counts(void **state)
{
    (void)state;
    /* dot: the long edge from a to d runs past the group of b and c;
     * with the group's label put over the line's way, it is crossed. */
    Agraph_t *g = laid_out("digraph { newrank=true; a -> b -> c; "
                           "subgraph cluster_x { label=\"Group\"; b; c; } "
                           "a -> c; }",
                           "dot");
    Agraph_t *sg = GD_clust(g)[1];
    textlabel_t *l = GD_label(sg);
    assert_non_null(l);
    /* move the label onto the middle of the edge from a to c */
    Agedge_t *e = agedge(g, agnode(g, "a", 0), agnode(g, "c", 0), NULL, 0);
    bezier *bz = &ED_spl(e)->list[0];
    l->pos = bz->list[bz->size / 2];
    int c = rg_build__crossed_texts(g);
    assert_true(c >= 1);
    unlaid(g);
}

/* Whether every piece of the edge's line is straight: the two control
 * points of each cubic piece on the segment between its ends. */
static int straight(const bezier *bz)
{
    for (int j = 0; j + 3 < bz->size; j += 3) {
        pointf a = bz->list[j], b = bz->list[j + 3];
        for (int k = 1; k <= 2; k++) {
            pointf c = bz->list[j + k];
            double cross =
                (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
            if (cross > 1e-6 || cross < -1e-6)
                return 0;
        }
    }
    return 1;
}

/* Lays `dot` out with neato at its pinned positions, then detours:
 * stores the texts crossed before and after, and checks that the line
 * from a to b keeps its ends. Returns how many pieces were laid again. */
static int detoured(const char *dot, int *before, int *after)
{
    Agraph_t *g = laid_out(dot, "neato");
    Agedge_t *e = agedge(g, agnode(g, "a", 0), agnode(g, "b", 0), NULL, 0);
    assert_non_null(e);
    bezier *bz = &ED_spl(e)->list[0];
    pointf first = bz->list[0], last = bz->list[bz->size - 1];
    *before = rg_build__crossed_texts(g);
    int changed = rg_build__detour(g);
    *after = rg_build__crossed_texts(g);
    bz = &ED_spl(e)->list[0];
    assert_true(bz->list[0].x == first.x && bz->list[0].y == first.y);
    assert_true(bz->list[bz->size - 1].x == last.x &&
                bz->list[bz->size - 1].y == last.y);
    if (changed > 0)
        assert_true(straight(bz));
    unlaid(g);
    return changed;
}

static void detour_goes_around(void **state)
{
    (void)state;
    int before, after;
    assert_int_equal(detoured("digraph { node [shape=box]; "
                              "a [pos=\"0,0!\"]; b [pos=\"4,0!\"]; "
                              "c [label=\"in the way\" pos=\"2,0!\"]; "
                              "a -> b; }", &before, &after), 1);
    assert_int_equal(before, 1);
    assert_int_equal(after, 0);
}

static void detour_around_a_row(void **state)
{
    (void)state;
    /* three boxes touching each other across the way: the way goes
     * round all three, not between them */
    int before, after;
    assert_true(detoured("digraph { node [shape=box]; "
                         "a [pos=\"0,0!\"]; b [pos=\"6,0!\"]; "
                         "c [label=\"one\" pos=\"3,0!\"]; "
                         "d [label=\"two\" pos=\"3,0.5!\"]; "
                         "e [label=\"three\" pos=\"3,-0.5!\"]; "
                         "a -> b; }", &before, &after) >= 1);
    assert_true(before >= 1);
    assert_int_equal(after, 0);
}

static void detour_leaves_free_lines(void **state)
{
    (void)state;
    int before, after;
    assert_int_equal(detoured("digraph { node [shape=box]; "
                              "a [pos=\"0,0!\"]; b [pos=\"4,0!\"]; "
                              "c [label=\"out of the way\" pos=\"2,2!\"]; "
                              "a -> b; }", &before, &after), 0);
    assert_int_equal(before, 0);
    assert_int_equal(after, 0);
}

static void detour_ignores_hidden_points(void **state)
{
    (void)state;
    int before, after;
    assert_int_equal(detoured("digraph { node [shape=box]; "
                              "a [pos=\"0,0!\"]; b [pos=\"4,0!\"]; "
                              "c [label=\"\" shape=point style=invis "
                              "pos=\"2,0!\"]; a -> b; }",
                              &before, &after), 0);
    assert_int_equal(after, 0);
}

static void detour_round_the_text_when_ending_in_a_box(void **state)
{
    (void)state;
    /* b's left side, where the line ends, lies inside the box of the
     * wide ellipse c (in its empty corner, outside the ellipse's name):
     * no way avoids the box, so the line goes round the name */
    int before, after;
    assert_true(detoured("digraph { node [shape=box]; "
                         "a [pos=\"0,0!\"]; b [pos=\"3.3,0!\"]; "
                         "c [label=\"wide name\" shape=ellipse width=2 "
                         "height=0.5 fixedsize=true pos=\"2.2,0.05!\"]; "
                         "a -> b; }", &before, &after) >= 1);
    assert_int_equal(before, 1);
    assert_int_equal(after, 0);
}

static void detour_of_an_empty_chart(void **state)
{
    (void)state;
    /* no boxes at all (a document of no actors): nothing to sort */
    Agraph_t *g = laid_out("digraph { }", "dot");
    assert_int_equal(rg_build__detour(g), 0);
    assert_int_equal(rg_build__crossed_texts(g), 0);
    unlaid(g);
}

static void detour_keeps_its_margin_beside_an_end(void **state)
{
    (void)state;
    /* the line leaves a's top inside the margin of the box c just above
     * it: the way gives up the margin below c alone, and keeps off c's
     * sides and top by all of it (it ran along c's outline before, and a
     * browser's text, drawn a little higher, crossed it) */
    Agraph_t *g = laid_out("digraph { node [shape=box]; "
                           "a [width=0.5 height=0.3 pos=\"0,0!\"]; "
                           "b [pos=\"0.5,3!\"]; "
                           "c [label=\"title\" width=1 height=0.25 "
                           "fixedsize=true pos=\"0,0.2917!\"]; a -> b; }",
                           "neato");
    Agnode_t *c = agnode(g, "c", 0);
    pointf at = ND_coord(c);
    double x0 = at.x - ND_lw(c) + 1, x1 = at.x + ND_rw(c) - 1,
           y0 = at.y - ND_ht(c) / 2 + 1, y1 = at.y + ND_ht(c) / 2 - 1;
    Agedge_t *e = agedge(g, agnode(g, "a", 0), agnode(g, "b", 0), NULL, 0);
    pointf start = ED_spl(e)->list[0].list[0];
    assert_true(start.y > y0 - 4 && start.y < y0); /* in c's margin */
    assert_int_equal(rg_build__detour(g), 1);
    const bezier *bz = &ED_spl(e)->list[0];
    for (int j = 3; j + 3 < bz->size; j += 3) {
        pointf p = bz->list[j];
        assert_true(p.x <= x0 - 3.9 || p.x >= x1 + 3.9 || p.y >= y1 + 3.9 ||
                    p.y <= start.y);
    }
    assert_int_equal(rg_build__crossed_texts(g), 0);
    unlaid(g);
}

/* Lays `dot` out with neato at its pinned positions and squares the
 * tees; stores the line from a to b's last point and arrow tip, and b's
 * centre (neato moves the chart to start at its margin). */
static int tees_squared(const char *dot, pointf *last, pointf *tip,
                        pointf *centre)
{
    Agraph_t *g = laid_out(dot, "neato");
    Agedge_t *e = agedge(g, agnode(g, "a", 0), agnode(g, "b", 0), NULL, 0);
    const bezier *bz = &ED_spl(e)->list[0];
    pointf tip0 = bz->ep;
    *centre = ND_coord(aghead(e));
    int n = rg_build__square_tees(g);
    bz = &ED_spl(e)->list[0];
    *last = bz->list[bz->size - 1];
    *tip = bz->ep;
    assert_true(tip->x == tip0.x && tip->y == tip0.y); /* tip kept */
    unlaid(g);
    return n;
}

static void tee_meets_a_box_square(void **state)
{
    (void)state;
    /* the line meets b's left side at about 18 degrees: it is bent to
     * arrive level, the bar then upright along the side, all outside */
    pointf last, tip, centre;
    assert_int_equal(tees_squared("digraph { node [shape=box]; "
                                  "a [pos=\"0,0!\"]; b [pos=\"3,1!\"]; "
                                  "a -> b [arrowhead=tee]; }",
                                  &last, &tip, &centre), 1);
    assert_true(fabs(last.y - tip.y) < 1e-9);
    assert_true(last.x < tip.x);
}

static void tee_meets_an_ellipse_along_its_normal(void **state)
{
    (void)state;
    /* an ellipse's normal at the tip: (dx / a^2, dy / b^2) */
    pointf last, tip, centre;
    assert_int_equal(tees_squared("digraph { "
                                  "a [shape=box pos=\"0,0!\"]; "
                                  "b [shape=ellipse width=1.5 height=0.5 "
                                  "fixedsize=true pos=\"2,2!\"]; "
                                  "a -> b [arrowhead=tee]; }",
                                  &last, &tip, &centre), 1);
    double a = 54, b = 18, dx = tip.x - centre.x, dy = tip.y - centre.y;
    double nx = dx / (a * a), ny = dy / (b * b), l = hypot(nx, ny);
    double ux = last.x - tip.x, uy = last.y - tip.y, ul = hypot(ux, uy);
    assert_true(fabs(ux / ul - nx / l) < 1e-6 &&
                fabs(uy / ul - ny / l) < 1e-6);
    /* and the bent end lies outside the ellipse, where the bar is */
    double ex = (last.x - centre.x) / a, ey = (last.y - centre.y) / b;
    assert_true(ex * ex + ey * ey > 1);
}

static void other_arrows_and_square_tees_kept(void **state)
{
    (void)state;
    pointf last, tip, centre;
    /* an arrow that is not a tee */
    assert_int_equal(tees_squared("digraph { node [shape=box]; "
                                  "a [pos=\"0,0!\"]; b [pos=\"3,1!\"]; "
                                  "a -> b; }", &last, &tip, &centre), 0);
    /* a tee that meets the side square already */
    assert_int_equal(tees_squared("digraph { node [shape=box]; "
                                  "a [pos=\"0,0!\"]; b [pos=\"3,0!\"]; "
                                  "a -> b [arrowhead=tee]; }",
                                  &last, &tip, &centre), 0);
}

static void claims_minlen_only_on_claims(void **state)
{
    (void)state;
    Agraph_t *g = agmemread("digraph { a -> b [class=\"claim claims\"]; "
                            "b -> c [class=\"link confirmed\"]; "
                            "c -> a [class=\"claim disputes\"]; }");
    assert_non_null(g);
    rg_build__claims_minlen(g, "0");
    Agsym_t *ml = agattr(g, AGEDGE, "minlen", NULL);
    assert_non_null(ml);
    Agnode_t *a = agnode(g, "a", 0), *b = agnode(g, "b", 0),
             *c = agnode(g, "c", 0);
    assert_string_equal(agxget(agedge(g, a, b, NULL, 0), ml), "0");
    assert_string_equal(agxget(agedge(g, b, c, NULL, 0), ml), "1");
    assert_string_equal(agxget(agedge(g, c, a, NULL, 0), ml), "0");
    rg_build__claims_minlen(g, "1");
    assert_string_equal(agxget(agedge(g, a, b, NULL, 0), ml), "1");
    agclose(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(line_through_label_counts),
        cmocka_unit_test(line_beside_label_does_not),
        cmocka_unit_test(empty_label_does_not),
        cmocka_unit_test(group_label_counts),
        cmocka_unit_test(claims_minlen_only_on_claims),
        cmocka_unit_test(detour_goes_around),
        cmocka_unit_test(detour_around_a_row),
        cmocka_unit_test(detour_leaves_free_lines),
        cmocka_unit_test(detour_ignores_hidden_points),
        cmocka_unit_test(detour_round_the_text_when_ending_in_a_box),
        cmocka_unit_test(detour_of_an_empty_chart),
        cmocka_unit_test(detour_keeps_its_margin_beside_an_end),
        cmocka_unit_test(tee_meets_a_box_square),
        cmocka_unit_test(tee_meets_an_ellipse_along_its_normal),
        cmocka_unit_test(other_arrows_and_square_tees_kept),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    if (gvc != NULL)
        gvFreeContext(gvc);
    return rc;
}
