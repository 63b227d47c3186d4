/* Unit tests of the escapers (src/escape.c): the characters that are
 * hostile in each context (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "escape.h"

#include <stdlib.h>
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

static void gv_url_gets_xml_escapes(void **state)
{
    (void)state;
    expect_escaped(rg_escape__gv_url, "https://a.b/?x=1&y=2",
                   "https://a.b/?x=1&amp;y=2");
    expect_escaped(rg_escape__gv_url, "a\"b<c>d'e", "a&quot;b&lt;c&gt;d&#39;e");
    /* a reference stays text: "&#58;" must not become a ':' */
    expect_escaped(rg_escape__gv_url, "javascript&#58;x",
                   "javascript&amp;#58;x");
    expect_escaped(rg_escape__gv_url, "a\\Nb", "a\\\\Nb");
    expect_escaped(rg_escape__gv_url, "a\nb\x01" "c", "abc");
}

static void md_dest_escapes_what_ends_or_decodes(void **state)
{
    (void)state;
    expect_escaped(rg_escape__md_dest, "https://a.b/?x=1&y=2",
                   "https://a.b/?x=1&amp;y=2");
    expect_escaped(rg_escape__md_dest, "javascript&#58;x",
                   "javascript&amp;#58;x");
    expect_escaped(rg_escape__md_dest, "a<b>c\\d|e", "a\\<b\\>c\\\\d\\|e");
    expect_escaped(rg_escape__md_dest, "a(b)c 'd'", "a(b)c 'd'");
    expect_escaped(rg_escape__md_dest, "a\nb\r\x7f" "c", "abc");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(gv_url_gets_xml_escapes),
        cmocka_unit_test(md_dest_escapes_what_ends_or_decodes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
