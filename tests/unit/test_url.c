/* Unit tests of the one URL rule, rg_check__url (src/check.c): every way
 * of hiding a scheme behind an encoding a browser, cmark or a server
 * decodes, and the legitimate URLs that must stay allowed (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const hostile[] = {
    /* schemes, in any case */
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<b>x</b>",
    "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "FILE:///etc/passwd",
    "blob:https://example.org/uuid",
    "ftp://example.org/",
    /* character references: numeric, hex, named, no ';', leading zeros */
    "javascript&#58;alert(1)#x",
    "javascript&#58alert(1)#x",
    "javascript&#x3A;alert(1)",
    "javascript&#X3a;alert(1)",
    "javascript&#0000058;alert(1)",
    "javascript&#x00003a;alert(1)",
    "javascript&colon;alert(1)",
    "javascript&colonalert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript&#x3A;alert(1)",
    "java&#x09;script:alert(1)",
    "java&#9;script:alert(1)",
    "java&Tab;script:alert(1)",
    "java&NewLine;script:alert(1)",
    "javascript&amp;#58;alert(1)",
    "javascript&amp;amp;colon;alert(1)",
    "&#1;javascript:alert(1)",
    /* percent-encoding in the scheme */
    "jav%61script:alert(1)",
    "javascript%3Aalert(1)",
    "javascript%3aalert(1)",
    "javascript%253Aalert(1)",
    "%6Aavascript%3Aalert(1)",
    "java%09script%3Aalert(1)",
    /* whitespace and control characters, anywhere */
    " javascript:alert(1)",
    "javascript:alert(1) ",
    "\x01javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java\rscript:alert(1)",
    "\x7fjavascript:alert(1)",
    "https://example.org/\xc2\x85x",
    "https://example.org/a b",
    /* characters that end an attribute or a Markdown link */
    "https://example.org/\"onmouseover=\"x",
    "https://example.org/?a=<b>",
    "https://example.org/`x`",
    "https://example.org/&quot;x",
    "https://example.org/&#34;x",
    "https://example.org/&lt;script&gt;",
    "https://example.org/&bsol;x",
    /* other hosts */
    "//evil.example",
    "//evil.example/path",
    "&sol;&sol;evil.example",
    "&#47;/evil.example",
    "/%2Fevil.example",
    "\\\\evil",
    "/\\evil",
    "\\/evil",
    /* a colon before the first '/', '?' or '#': a scheme */
    "x:y",
    "a%3Ab.html",
    /* encoded over and over */
    "javascript&amp;amp;amp;amp;amp;#58;alert(1)",
};

static const char *const allowed[] = {
    "https://example.org/a?b=1&c=2#x",
    "http://example.org/",
    "HTTPS://EXAMPLE.ORG/",
    "mailto:a@b.c",
    "mailto:desk@example.org?subject=Hello%20there",
    "report.html#sec-2",
    "../x/y.html",
    "?q=1",
    "#top",
    "/abs/path.html",
    "notes/guo.html",
    "https://example.org/a%20b",
    "https://example.org/a%3Ab",
    "https://example.org/wiki/A_(b)",
    "https://example.org/it's",
    "https://example.org/?a=1&amp;b=2",
    "https://example.org/?x=&#58;",
    "https://example.org/caf\xc3\xa9",
    "a/b:c",
    "javascript",
};

static void hostile_urls_are_refused(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(hostile) / sizeof(*hostile); i++)
        if (rg_check__url(hostile[i]))
            fail_msg("allowed: \"%s\"", hostile[i]);
}

static void legitimate_urls_are_allowed(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(allowed) / sizeof(*allowed); i++)
        if (!rg_check__url(allowed[i]))
            fail_msg("refused: \"%s\"", allowed[i]);
}

/* A reference to a code point beyond Unicode or to NUL decodes to U+FFFD,
 * and a huge run of digits neither overflows nor hides a colon. */
static void odd_references_are_safe(void **state)
{
    (void)state;
    assert_false(rg_check__url("javascript&#99999999999999999999;x:"));
    assert_true(rg_check__url("a&#99999999999999999999;b"));
    assert_true(rg_check__url("a&#0;b"));
    assert_true(rg_check__url("a&#xD800;b"));
    assert_true(rg_check__url("a&unknown;b"));
    assert_false(rg_check__url("java&unknown;script:x"));
}

/* A long value is judged in linear time, and one that keeps decoding is
 * refused. */
static void long_values(void **state)
{
    (void)state;
    size_t n = 1000000;
    char *s = malloc(n + 1);
    assert_non_null(s);
    memset(s, 'a', n);
    s[n] = '\0';
    assert_true(rg_check__url(s));
    for (size_t i = 0; i + 5 <= n; i += 5)
        memcpy(s + i, "&#58;", 5);
    assert_false(rg_check__url(s));
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hostile_urls_are_refused),
        cmocka_unit_test(legitimate_urls_are_allowed),
        cmocka_unit_test(odd_references_are_safe),
        cmocka_unit_test(long_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
