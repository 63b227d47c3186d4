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

/* A function of (buffer, text) for the escapers that take a length. */
static void gv_html_text(rg_buf *b, const char *s)
{
    rg_escape__gv_html_text(b, s, strlen(s));
}

static void gv_html_text_is_literal_in_a_label(void **state)
{
    (void)state;
    expect_escaped(gv_html_text, "a\"b<c>d'e&f", "a&quot;b&lt;c&gt;d&#39;e&amp;f");
    /* Graphviz expands \N even in HTML-like labels */
    expect_escaped(gv_html_text, "a\\Nb", "a\\\\Nb");
    expect_escaped(gv_html_text, "a\nb\x01" "c\x7f", "a b c ");
    expect_escaped(gv_html_text, "]]><BR/>", "]]&gt;&lt;BR/&gt;");
    expect_escaped(gv_html_text, "caf\xc3\xa9 \xff", "caf\xc3\xa9 \xff");
    /* only the first n bytes */
    rg_buf b = {0};
    rg_escape__gv_html_text(&b, "a<b<c", 2);
    assert_string_equal(rg_buf__str(&b), "a&lt;");
    rg_buf__free(&b);
}

static void gv_html_attr_cannot_end_the_attribute(void **state)
{
    (void)state;
    expect_escaped(rg_escape__gv_html_attr, "#fff\" HREF=\"javascript:x",
                   "#fff&quot; HREF=&quot;javascript:x");
    expect_escaped(rg_escape__gv_html_attr, "<IMG SRC='x'/>&",
                   "&lt;IMG SRC=&#39;x&#39;/&gt;&amp;");
    expect_escaped(rg_escape__gv_html_attr, "a\nb\x1b\x7f" "c\\", "abc\\");
}

static void gv_html_attr_twice_survives_two_decodings(void **state)
{
    (void)state;
    expect_escaped(rg_escape__gv_html_attr_twice, "https://a.b/?x=1&y=2",
                   "https://a.b/?x=1&amp;amp;y=2");
    expect_escaped(rg_escape__gv_html_attr_twice, "\"<a>\"",
                   "&amp;quot;&amp;lt;a&amp;gt;&amp;quot;");
    expect_escaped(rg_escape__gv_html_attr_twice, "javascript&#58;x",
                   "javascript&amp;amp;#58;x");
    expect_escaped(rg_escape__gv_html_attr_twice, "a\nb\x01" "c'd\\",
                   "abc'd\\");
}

static void gv_string_keeps_graphviz_escapes_out(void **state)
{
    (void)state;
    expect_escaped(rg_escape__gv_string, "a\\Nb\\Gc", "a\\\\Nb\\\\Gc");
    expect_escaped(rg_escape__gv_string, "x&#27;y", "x&amp;#27;y");
    expect_escaped(rg_escape__gv_string, "a\nb\tc\x7f", "a\\nb c ");
    expect_escaped(rg_escape__gv_string, "\"<'>", "\"<'>");
}

static void gv_url_pdf_doubles_backslashes_only(void **state)
{
    (void)state;
    expect_escaped(rg_escape__gv_url_pdf, "https://a.b/?x=1&y=\"2\"\\N",
                   "https://a.b/?x=1&y=\"2\"\\\\N");
}

static void xml_escapes_the_five_and_controls(void **state)
{
    (void)state;
    expect_escaped(rg_escape__xml, "a\"b<c>d'e&f", "a&quot;b&lt;c&gt;d&#39;e&amp;f");
    expect_escaped(rg_escape__xml, "]]>", "]]&gt;");
    expect_escaped(rg_escape__xml, "a\tb\nc\rd\x01" "e\x1f", "a\tb\nc\rd e ");
    expect_escaped(rg_escape__xml, "a\\b", "a\\b");
    expect_escaped(rg_escape__xml, "&#x1b;", "&amp;#x1b;");
}

static void html_escapes_and_breaks_lines(void **state)
{
    (void)state;
    expect_escaped(rg_escape__html, "<script>alert('x')</script>",
                   "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    expect_escaped(rg_escape__html, "a\"b&c", "a&quot;b&amp;c");
    expect_escaped(rg_escape__html, "a\nb\r\nc\rd\x01" "e\x7f", "a b c d e ");
    expect_escaped(rg_escape__html_br, "a\nb\r\nc\rd\x01", "a<br />b<br />c<br />d ");
    expect_escaped(rg_escape__html_br, "]]>\\", "]]&gt;\\");
    expect_escaped(rg_escape__html, "javascript&#58;x", "javascript&amp;#58;x");
}

static void md_text_reads_literally(void **state)
{
    (void)state;
    expect_escaped(rg_escape__md_text, "a|b`c`*d*_e_[f](g)<h>~i\\",
                   "a\\|b\\`c\\`\\*d\\*\\_e\\_\\[f\\](g)\\<h\\>\\~i\\\\");
    expect_escaped(rg_escape__md_text, "- item", "\\- item");
    expect_escaped(rg_escape__md_text, "  12. x", "12\\. x");
    expect_escaped(rg_escape__md_text, "# a #b c#d", "\\# a \\#b c#d");
    expect_escaped(rg_escape__md_text, "&amp; & &#39; &x", "\\&amp; & \\&#39; &x");
    expect_escaped(rg_escape__md_text, "a\nb\r\nc\x01", "a b c ");
    expect_escaped(rg_escape__md_text, "\"quote\" 'x'", "\"quote\" 'x'");
}

static void md_cell_is_one_line(void **state)
{
    (void)state;
    expect_escaped(rg_escape__md_cell, "a|b", "a\\|b");
    expect_escaped(rg_escape__md_cell, "a\nb\r\nc\rd", "a<br>b<br>c<br>d");
    expect_escaped(rg_escape__md_cell, "+ x", "\\+ x");
}

static void class_keeps_a_token(void **state)
{
    (void)state;
    expect_escaped(rg_escape__class, "state-actor_1", "state-actor_1");
    expect_escaped(rg_escape__class, "a b\"c<d>&\xc3\xa9", "a-b-c-d----");
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

/* What a terminal would obey (C1 and bidirectional controls) is shown
 * as \uXXXX; other characters beyond ASCII stay as they are. */
static void json_shown_escapes_what_a_terminal_obeys(void **state)
{
    (void)state;
    expect_escaped(rg_escape__json_shown, "a\xe2\x80\xae" "b",
                   "\"a\\u202eb\"");
    expect_escaped(rg_escape__json_shown, "\xc2\x85\xc2\x9b[2J",
                   "\"\\u0085\\u009b[2J\"");
    expect_escaped(rg_escape__json_shown,
                   "\xe2\x80\x8e\xe2\x80\x8f\xe2\x80\xaa\xe2\x81\xa6\xe2\x81\xa9",
                   "\"\\u200e\\u200f\\u202a\\u2066\\u2069\"");
    expect_escaped(rg_escape__json_shown, "\xe2\x80\x94 \xc3\xa9\x1b<",
                   "\"\xe2\x80\x94 \xc3\xa9\\u001b\\u003c\"");
}

static void csv_quotes_what_needs_it(void **state)
{
    (void)state;
    expect_escaped(rg_escape__csv_cell, "plain", "plain");
    expect_escaped(rg_escape__csv_cell, "", "");
    expect_escaped(rg_escape__csv_cell, "a,b", "\"a,b\"");
    expect_escaped(rg_escape__csv_cell, "say \"hi\"", "\"say \"\"hi\"\"\"");
    expect_escaped(rg_escape__csv_cell, "a\r\nb", "\"a\r\nb\"");
    /* a semicolon or a tab separates cells in some locales' spreadsheets */
    expect_escaped(rg_escape__csv_cell, "a;=1+1", "\"a;=1+1\"");
    expect_escaped(rg_escape__csv_cell, "a\tb", "\"a\tb\"");
}

static void csv_guards_formulas_not_numbers(void **state)
{
    (void)state;
    expect_escaped(rg_escape__csv_cell, "=1+2", "'=1+2");
    expect_escaped(rg_escape__csv_cell, "+cmd|' /C calc'!A0",
                   "'+cmd|' /C calc'!A0");
    expect_escaped(rg_escape__csv_cell, "-2+3", "'-2+3");
    expect_escaped(rg_escape__csv_cell, "@SUM(A1)", "'@SUM(A1)");
    expect_escaped(rg_escape__csv_cell, "\tx", "\"'\tx\"");
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(gv_url_gets_xml_escapes),
        cmocka_unit_test(md_dest_escapes_what_ends_or_decodes),
        cmocka_unit_test(gv_html_text_is_literal_in_a_label),
        cmocka_unit_test(gv_html_attr_cannot_end_the_attribute),
        cmocka_unit_test(gv_html_attr_twice_survives_two_decodings),
        cmocka_unit_test(gv_string_keeps_graphviz_escapes_out),
        cmocka_unit_test(gv_url_pdf_doubles_backslashes_only),
        cmocka_unit_test(xml_escapes_the_five_and_controls),
        cmocka_unit_test(html_escapes_and_breaks_lines),
        cmocka_unit_test(md_text_reads_literally),
        cmocka_unit_test(md_cell_is_one_line),
        cmocka_unit_test(class_keeps_a_token),
        cmocka_unit_test(json_escapes_quotes_controls_and_markup),
        cmocka_unit_test(json_shown_escapes_what_a_terminal_obeys),
        cmocka_unit_test(csv_quotes_what_needs_it),
        cmocka_unit_test(csv_guards_formulas_not_numbers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
