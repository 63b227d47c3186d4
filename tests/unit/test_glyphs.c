/* Unit tests of the glyph check (src/glyphs.c): which code points count
 * as drawable, against fontconfig's own list of fonts, and which outputs
 * want the check (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "glyphs.h"

#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <string.h>

/* Whether some installed font has c: what the check should agree with. */
static int some_font_has(unsigned long c)
{
    FcPattern *p = FcPatternCreate();
    FcCharSet *cs = FcCharSetCreate();
    FcCharSetAddChar(cs, (FcChar32)c);
    FcPatternAddCharSet(p, FC_CHARSET, cs);
    FcObjectSet *os = FcObjectSetBuild(FC_FAMILY, (char *)NULL);
    FcFontSet *fs = FcFontList(NULL, p, os);
    int has = fs != NULL && fs->nfont > 0;
    if (fs != NULL)
        FcFontSetDestroy(fs);
    FcObjectSetDestroy(os);
    FcCharSetDestroy(cs);
    FcPatternDestroy(p);
    return has;
}

static void ascii_and_invisible_are_drawable(void **state)
{
    (void)state;
    if (!some_font_has('A')) {
        print_message("skip: no font is installed\n");
        skip();
    }
    assert_true(rg_glyphs__drawable('A'));
    assert_true(rg_glyphs__drawable(' '));
    /* joiners, bidirectional marks, variation selectors: never a box */
    assert_true(rg_glyphs__drawable(0x200D));
    assert_true(rg_glyphs__drawable(0x202E));
    assert_true(rg_glyphs__drawable(0xFE0F));
    assert_true(rg_glyphs__drawable(0xE0041));
}

static void unassigned_and_private_use_are_not(void **state)
{
    (void)state;
    if (some_font_has(0x0378) || some_font_has(0xE000) ||
        some_font_has(0x10FFFD)) {
        print_message("skip: an installed font draws U+0378, U+E000 or "
                      "U+10FFFD\n");
        skip();
    }
    assert_false(rg_glyphs__drawable(0x0378));
    assert_false(rg_glyphs__drawable(0xE000));
    assert_false(rg_glyphs__drawable(0x10FFFD));
}

/* Both sides of the plane's bitmap agree with fontconfig. */
static void agrees_with_fontconfig(void **state)
{
    (void)state;
    static const unsigned long cps[] = {0x56FD, 0x0440, 0x0631, 0x05D0,
                                        0x0928, 0x0E01, 0x1F600, 0x20000};
    for (size_t i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
        if (rg_glyphs__drawable(cps[i]) != some_font_has(cps[i]))
            fail_msg("U+%04lX: the check says %d, fontconfig's list %d",
                     cps[i], rg_glyphs__drawable(cps[i]),
                     some_font_has(cps[i]));
    }
}

static void only_text_drawing_formats_want_it(void **state)
{
    (void)state;
    rg_format dot_md[] = {RG_FORMAT_DOT, RG_FORMAT_MD};
    rg_format with_png[] = {RG_FORMAT_MD, RG_FORMAT_PNG};
    assert_false(rg_glyphs__wanted(dot_md, 2));
    assert_true(rg_glyphs__wanted(with_png, 2));
    assert_false(rg_glyphs__wanted(NULL, 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ascii_and_invisible_are_drawable),
        cmocka_unit_test(unassigned_and_private_use_are_not),
        cmocka_unit_test(agrees_with_fontconfig),
        cmocka_unit_test(only_text_drawing_formats_want_it),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
