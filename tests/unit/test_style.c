/* Unit tests of the themes (src/style.c): WCAG AA contrast (4.5:1) of
 * every text colour a palette or a kind gives against what it is drawn
 * on, in every theme, and a shape character per built-in kind for the
 * legend (cmocka). tests/contrast/ measures the same in rendered SVG. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "style.h"

#include <stdlib.h>
#include <string.h>

#include "load_doc.h"

/* v to the power 2.4, as v^2 times the fifth root of v^2, by Newton's
 * method: the tests link no libm. v is in (0.04, 1]. */
static double pow24(double v)
{
    double a = v * v, r = 1.0;
    for (int i = 0; i < 50; i++)
        r -= (r * r * r * r * r - a) / (5 * r * r * r * r);
    return a * r;
}

/* WCAG relative luminance of "#RRGGBB" or "white". */
static double luminance(const char *c)
{
    if (strcmp(c, "white") == 0)
        c = "#FFFFFF";
    assert_int_equal(strlen(c), 7);
    double l[3];
    for (int i = 0; i < 3; i++) {
        char h[3] = {c[1 + 2 * i], c[2 + 2 * i], '\0'};
        double v = strtol(h, NULL, 16) / 255.0;
        l[i] = v <= 0.04045 ? v / 12.92 : pow24((v + 0.055) / 1.055);
    }
    return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
}

static double contrast(const char *a, const char *b)
{
    double x = luminance(a), y = luminance(b);
    return x > y ? (x + 0.05) / (y + 0.05) : (y + 0.05) / (x + 0.05);
}

static void legible(const char *what, const char *fg, const char *bg)
{
    double r = contrast(fg, bg);
    if (r < 4.5) {
        print_error("%s: %s on %s is %.2f:1, under 4.5:1\n", what, fg, bg, r);
        fail();
    }
}

/* The page's ink and muted text on the page and on every cluster fill;
 * group labels on every cluster fill. */
static void palettes_are_legible(void **state)
{
    (void)state;
    /* the measure itself: #777777 on white is WCAG's classic 4.48:1 */
    double known = contrast("#777777", "white");
    assert_true(known > 4.47 && known < 4.49);
    for (int t = 0; t < RG_THEME_COUNT; t++) {
        const rg_palette *p = rg_style__palette((rg_theme)t);
        const char *grounds[] = {p->bg, p->cluster_fill[0],
                                 p->cluster_fill[1], p->cluster_fill[2]};
        for (size_t g = 0; g < 4; g++) {
            legible("ink", p->ink, grounds[g]);
            legible("muted", p->muted, grounds[g]);
            legible("link ink", p->link_ink, grounds[g]);
            if (g > 0)
                legible("group label", p->cluster_ink, grounds[g]);
            for (int s = 0; s < RG_STATUS_COUNT; s++)
                legible(rg_status_name((rg_status)s),
                        rg_style__status((rg_status)s, (rg_theme)t)->fontcolor,
                        grounds[g]);
        }
    }
}

/* A built-in kind's text on its own fill, in every theme. */
static void kinds_are_legible(void **state)
{
    (void)state;
    rg_doc *doc = load("{\"actors\": []}");
    for (int t = 0; t < RG_THEME_COUNT; t++) {
        for (size_t i = 0; i < rg_style__builtin_count(); i++) {
            rg_kind_look look;
            rg_style__kind(doc, rg_style__builtin_name(i), (rg_theme)t,
                           &look);
            legible(look.name, look.fontcolor, look.fill);
        }
    }
    rg_doc_free(doc);
}

/* Each built-in kind's swatch holds a character of its own. */
static void each_kind_has_its_shape_character(void **state)
{
    (void)state;
    rg_doc *doc = load("{\"actors\": []}");
    const char *seen[32];
    size_t n = 0;
    for (size_t i = 0; i < rg_style__builtin_count(); i++) {
        rg_kind_look look;
        rg_style__kind(doc, rg_style__builtin_name(i), RG_THEME_MONO, &look);
        const char *g = rg_style__shape_glyph(
            look.shape, look.style && strstr(look.style, "rounded"));
        assert_non_null(g);
        for (size_t j = 0; j < n; j++)
            assert_string_not_equal(seen[j], g);
        assert_true(n < 32);
        seen[n++] = g;
    }
    assert_int_equal(n, rg_style__builtin_count());
    assert_null(rg_style__shape_glyph("no-such-shape", 0));
    rg_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(palettes_are_legible),
        cmocka_unit_test(kinds_are_legible),
        cmocka_unit_test(each_kind_has_its_shape_character),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
