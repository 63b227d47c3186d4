/* Unit tests of the allow-list of raw Graphviz attributes (src/gvattrs.c,
 * cmocka): what it lets through is plain, and every character that is
 * hostile in some output (SVG attributes, HTML-like labels, DOT, URLs)
 * is refused wherever a document can put it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "gvattrs.h"

#include <stdio.h>
#include <string.h>

enum { N = RG_GV_NODE, E = RG_GV_EDGE, C = RG_GV_CLUSTER, G = RG_GV_GRAPH };

static char buf[512];

static const char *check(const char *name, const char *value, int where)
{
    return rg_gvattrs__check(name, value, where, buf, sizeof(buf), NULL);
}

static void allowed_values_pass(void **state)
{
    (void)state;
    assert_null(check("penwidth", "2.5", N));
    assert_null(check("penwidth", "0", E));
    assert_null(check("fontsize", "72", G));
    assert_null(check("color", "#1F6E58", N));
    assert_null(check("color", "red:#00FF0080:navy", E));
    assert_null(check("fillcolor", "LightYellow", C));
    assert_null(check("bgcolor", "gray100", G));
    assert_null(check("fontname", "Helvetica, Arial, sans-serif", N));
    assert_null(check("shape", "box3d", N));
    assert_null(check("style", "filled,rounded", N));
    assert_null(check("weight", "2", E));
    assert_null(check("margin", "0.1,0.2", N));
    assert_null(check("fixedsize", "true", N));
    assert_null(check("nodesep", "2e-1", G));
}

/* The characters that end an attribute, open markup or an entity, or
 * escape in DOT, in every typed value. */
static void hostile_characters_are_refused(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "\"", "<", ">", "&", "'", "\\", "\n", " onload=x", "&#34;",
        "javascript:alert(1)", "%22", "\x7f"};
    static const struct { const char *name; int where; } attrs[] = {
        {"color", N}, {"fillcolor", C}, {"bgcolor", G}, {"fontcolor", E},
        {"fontname", N}, {"fontname", G}, {"shape", N}, {"style", E},
        {"penwidth", N}, {"weight", E}, {"margin", C}, {"fixedsize", N},
        {"labelfontname", E}, {"arrowhead", E}};
    for (size_t a = 0; a < sizeof(attrs) / sizeof(attrs[0]); a++) {
        for (size_t b = 0; b < sizeof(bad) / sizeof(bad[0]); b++) {
            char v[64];
            snprintf(v, sizeof(v), "red%s", bad[b]);
            if (check(attrs[a].name, v, attrs[a].where) == NULL)
                fail_msg("%s accepted \"%s\"", attrs[a].name, v);
            if (check(attrs[a].name, bad[b], attrs[a].where) == NULL)
                fail_msg("%s accepted \"%s\"", attrs[a].name, bad[b]);
        }
    }
}

static void numbers_are_bounded_and_decimal(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "73", "1e3", "inf", "nan", "0x10", " 12", "12 ", "", "-1", "1,5",
        "99999999999999999999999", "1e-99999"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        if (check("fontsize", bad[i], N) == NULL)
            fail_msg("fontsize accepted \"%s\"", bad[i]);
    assert_non_null(check("weight", "2.5", E));
    assert_non_null(check("nslimit", "1e9", G));
}

static void refused_and_misplaced_names(void **state)
{
    (void)state;
    static const char *const refused[] = {
        "image", "shapefile", "imagepath", "fontpath", "stylesheet",
        "layers", "layer", "layerselect", "size", "ratio", "dpi",
        "resolution", "page", "viewport", "id", "class", "URL", "href",
        "labelURL", "edgeURL", "headURL", "tailURL", "label", "xlabel",
        "headlabel", "taillabel", "tooltip", "comment", "charset",
        "fontnames", "newrank", "constraint", "lhead", "ltail", "rank"};
    for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
        const char *m = check(refused[i], "x", G);
        assert_non_null(m);
        assert_non_null(strstr(m, "is not allowed: "));
    }
    assert_non_null(strstr(check("image", "x", N), "reads a file"));
    assert_non_null(strstr(check("nodesep", "1", N), "set it on the layout"));
    assert_int_equal(rg_gvattrs__allowed("nodesep", G), 1);
    assert_int_equal(rg_gvattrs__allowed("nodesep", N), 0);
    const char *best;
    rg_gvattrs__check("penwidht", "2", N, buf, sizeof(buf), &best);
    assert_string_equal(best, "penwidth");
    /* A hostile name is not quoted back. */
    rg_gvattrs__check("x\"<script>", "2", N, buf, sizeof(buf), &best);
    assert_null(strchr(buf, '<'));
}

static void style_fields(void **state)
{
    (void)state;
    assert_null(rg_gvattrs__check_color("#abc", buf, sizeof(buf)));
    assert_non_null(rg_gvattrs__check_color("red:blue", buf, sizeof(buf)));
    assert_non_null(rg_gvattrs__check_color(
        "red\" HREF=\"javascript:alert(1)", buf, sizeof(buf)));
    assert_non_null(strstr(rg_gvattrs__check_color("blurple", buf,
                                                   sizeof(buf)),
                           "did you mean \"purple\""));
    assert_non_null(rg_gvattrs__check_shape("epsf", buf, sizeof(buf)));
    assert_non_null(rg_gvattrs__check_shape("custom", buf, sizeof(buf)));
    assert_null(rg_gvattrs__check_shape("hexagon", buf, sizeof(buf)));
    assert_non_null(rg_gvattrs__check_style("setlinewidth(9)", buf,
                                            sizeof(buf)));
    assert_null(rg_gvattrs__check_style("filled,dashed", buf, sizeof(buf)));
    char out[64];
    assert_string_equal(rg_gvattrs__long_hex("#abc:red:#1234", out,
                                             sizeof(out)),
                        "#aabbcc:red:#11223344");
    const char *same = "#AABBCC";
    assert_ptr_equal(rg_gvattrs__long_hex(same, out, sizeof(out)), same);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(allowed_values_pass),
        cmocka_unit_test(hostile_characters_are_refused),
        cmocka_unit_test(numbers_are_bounded_and_decimal),
        cmocka_unit_test(refused_and_misplaced_names),
        cmocka_unit_test(style_fields),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
