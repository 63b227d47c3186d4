/* Unit tests of the reports: the HTML page and the Markdown table
 * (cmocka). Run from the top of the repository. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "cite.h"
#include "view.h"
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "load_doc.h"

/* Markup in every kind of string, to prove that none of it gets through;
 * sources declared in another order than they are first cited; an
 * undirected link, a date range, an open-ended date, a contested link, a
 * source only an actor cites and one nobody cites. */
static const char doc_json[] =
    "{\n"
    "  \"relgraph\": 1,\n"
    "  \"title\": \"Title <b>&amp;\\\"'\",\n"
    "  \"description\": \"Line one\\nline <b>two</b>\",\n"
    "  \"sources\": [\n"
    "    { \"id\": \"first\", \"title\": \"First <b>source</b>\",\n"
    "      \"publisher\": \"Pub & Co\", \"date\": \"2015-12-02\",\n"
    "      \"url\": \"https://example.test/a?x=1&y=2\" },\n"
    "    { \"id\": \"second\", \"title\": \"- Second | source\",\n"
    "      \"url\": \"https://example.test/b\" },\n"
    "    { \"id\": \"actor-only\", \"title\": \"Actor only\" },\n"
    "    { \"id\": \"unused\", \"title\": \"Unused *source*\",\n"
    "      \"url\": \"notes/unused.html\" }\n"
    "  ],\n"
    "  \"kinds\": { \"vendor\": { \"label\": \"software vendor\" } },\n"
    "  \"actors\": [\n"
    "    { \"id\": \"a\", \"name\": \"Alice <b>&\\\"'\",\n"
    "      \"kind\": \"person\",\n"
    "      \"note\": \"the <i>first</i>\" },\n"
    "    { \"id\": \"b\", \"name\": \"Bob|Pipe\", \"kind\": \"person\" },\n"
    "    { \"id\": \"c\", \"name\": \"Corp *star*\", \"kind\": \"vendor\",\n"
    "      \"source\": \"actor-only\" },\n"
    "    { \"id\": \"d\", \"name\": \"Dana\", \"kind\": \"state\" }\n"
    "  ],\n"
    "  \"links\": [\n"
    "    { \"from\": \"a\", \"to\": \"b\", \"label\": \"met <b>with</b>\",\n"
    "      \"directed\": false, \"status\": \"confirmed\",\n"
    "      \"date\": \"2014\", \"until\": \"2015\" },\n"
    "    { \"from\": \"b\", \"to\": \"c\", \"label\": \"paid | owes\",\n"
    "      \"status\": \"alleged\", \"until\": \"2016\",\n"
    "      \"source\": \"second\",\n"
    "      \"quote\": \"He said <b>\\\"yes\\\"</b> & left\\n"
    "then came back\" },\n"
    "    { \"from\": \"c\", \"to\": \"d\", \"label\": \"sold to\",\n"
    "      \"status\": \"disputed\", \"date\": \"2015-06\",\n"
    "      \"source\": [\"first\", \"second\"], \"claimed_by\": [\"a\"],\n"
    "      \"disputed_by\": [\"d\", \"c\"], \"quote\": \"q3\" },\n"
    "    { \"from\": \"d\", \"to\": \"a\", \"status\": \"alleged\" }\n"
    "  ]\n"
    "}\n";

/* The report of doc_json (or of `text`) in a malloc'd string. */
static char *html_of(const char *text, const char *svg)
{
    rg_doc *doc = load(text);
    rg_buf b = {0};
    assert_int_equal(
        rg_report__html(&b, doc, svg, svg ? strlen(svg) : 0), 0);
    rg_doc_free(doc);
    return b.data;
}

static char *markdown_of(const char *text)
{
    rg_doc *doc = load(text);
    rg_buf b = {0};
    assert_int_equal(rg_report__markdown(&b, doc), 0);
    rg_doc_free(doc);
    return b.data;
}

static void has(const char *text, const char *part)
{
    if (strstr(text, part) == NULL) {
        print_error("missing: %s\n", part);
        fail();
    }
}

/* Where part is in text; fails when it is not. */
static size_t at(const char *text, const char *part)
{
    has(text, part);
    return (size_t)(strstr(text, part) - text);
}

static void numbers_sources_by_place(void **state)
{
    (void)state;
    rg_doc *doc = load(doc_json);
    rg_cite c;
    /* "second" is cited first (by link 2) but is second in the list:
     * number 2; "unused" is cited by nothing: no number. */
    assert_int_equal(rg_cite__init(&c, doc), 0);
    assert_int_equal(c.n_cited, 3);
    assert_int_equal(c.number[0], 1);
    assert_int_equal(c.number[1], 2);
    assert_int_equal(c.number[2], 3);
    assert_int_equal(c.number[3], 0);
    /* by number, then the uncited */
    assert_int_equal(c.order[0], 0);
    assert_int_equal(c.order[1], 1);
    assert_int_equal(c.order[2], 2);
    assert_int_equal(c.order[3], 3);
    assert_int_equal(rg_cite__find(&c, doc, "first"), 0);
    assert_int_equal(rg_cite__find(&c, doc, "nope"), -1);
    rg_cite__free(&c);
    rg_doc_free(doc);
}

/* Sources cited in another order than they are listed: s3 before s2. */
static const char views_json[] =
    "{\"sources\": [{\"id\": \"s1\"}, {\"id\": \"s2\"}, {\"id\": \"s3\"}],"
    " \"actors\": [{\"id\": \"a\"}, {\"id\": \"b\"}, {\"id\": \"c\"},"
    " {\"id\": \"d\"}],"
    " \"links\": [{\"from\": \"a\", \"to\": \"b\", \"source\": \"s1\"},"
    " {\"from\": \"c\", \"to\": \"d\", \"source\": \"s3\"},"
    " {\"from\": \"b\", \"to\": \"c\", \"source\": \"s2\"}]}";

/* A focused view (c and its neighbours: links c-d and b-c) gives each
 * source it cites the number the whole document gives it, and lists only
 * those: s3 stays [3] though the view cites it first. */
static void a_view_numbers_sources_as_the_document(void **state)
{
    (void)state;
    rg_doc *doc = load(views_json);
    size_t focus = (size_t)rg_doc_find_actor(doc, "c");
    rg_view v;
    rg_cite whole, part;
    assert_int_equal(rg_view__make(&v, doc, &focus, 1, 1), 0);
    assert_int_equal(rg_cite__init(&whole, doc), 0);
    assert_int_equal(rg_cite__init(&part, &v.doc), 0);
    assert_int_equal(whole.n_cited, 3);
    assert_int_equal(part.n_cited, 2);
    assert_int_equal(part.number[0], 0);
    for (size_t i = 1; i < 3; i++)
        assert_int_equal(part.number[i], whole.number[i]);
    assert_int_equal(part.number[2], 3);
    assert_int_equal(part.order[0], 1);
    assert_int_equal(part.order[1], 2);
    rg_cite__free(&whole);
    rg_cite__free(&part);
    rg_view__free(&v);
    rg_doc_free(doc);
}

static void html_escapes_every_document_string(void **state)
{
    (void)state;
    char *h = html_of(doc_json, NULL);
    assert_null(strstr(h, "<b>"));
    assert_null(strstr(h, "<i>"));
    assert_null(strstr(h, "&\""));
    has(h, "<title>Title &lt;b&gt;&amp;amp;&quot;&#39;</title>");
    has(h, "<h1>Title &lt;b&gt;&amp;amp;&quot;&#39;</h1>");
    has(h, "<p class=\"description\">Line one<br />line "
           "&lt;b&gt;two&lt;/b&gt;</p>");
    has(h, "<blockquote>He said &lt;b&gt;&quot;yes&quot;&lt;/b&gt; &amp; "
           "left<br />then came back</blockquote>");
    has(h, "<a href=\"https://example.test/a?x=1&amp;y=2\">"
           "https://example.test/a?x=1&amp;y=2</a>");
    free(h);
}

static void html_is_a_whole_page(void **state)
{
    (void)state;
    char *h = html_of(doc_json, NULL);
    assert_int_equal(strncmp(h, "<!DOCTYPE html>\n<html lang=\"en\">", 31), 0);
    has(h, "<meta charset=\"utf-8\" />");
    has(h, "<meta name=\"viewport\"");
    has(h, "<style>");
    assert_null(strstr(h, "<script"));
    assert_null(strstr(h, "<link"));
    assert_null(strstr(h, "<figure"));  /* no chart given */
    has(h, "td.status-disputed{border-left:4px dashed #D55E00;");
    assert_string_equal(h + strlen(h) - 16, "</body>\n</html>\n");
    free(h);
}

static void html_pastes_the_chart_verbatim(void **state)
{
    (void)state;
    const char *svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                      "viewBox=\"0 0 1 1\"><title>a &amp; b</title></svg>";
    char *h = html_of(doc_json, svg);
    size_t fig = at(h, "<figure class=\"chart\">\n");
    size_t s = at(h, svg);
    size_t cap = at(h, "<figcaption>");
    size_t words = at(h, "<h2 id=\"rg-in-words\">");
    assert_true(at(h, "<h1>") < fig && fig < s && s < cap && cap < words);
    assert_true(words < at(h, "<h2 id=\"rg-relations\">"));
    free(h);
}

static void html_says_the_chart_in_words(void **state)
{
    (void)state;
    char *h = html_of(doc_json, NULL);
    has(h, "<p>4 actors, 4 links: 1 confirmed, 2 alleged, 1 disputed.</p>");
    has(h, "<li><strong>People:</strong> Alice &lt;b&gt;&amp;&quot;&#39; "
           "(the &lt;i&gt;first&lt;/i&gt;), Bob|Pipe</li>");
    /* a user kind under its label, as the legend names it */
    has(h, "<li><strong>Software vendor:</strong> Corp *star*</li>");
    has(h, "<li><strong>States:</strong> Dana</li>");
    has(h, "<li>Claimed by Alice &lt;b&gt;&amp;&quot;&#39;; disputed by "
           "Dana, Corp *star*: Corp *star* \xe2\x86\x92 sold to "
           "\xe2\x86\x92 Dana.</li>");
    free(h);
}

static void html_table_has_every_relation(void **state)
{
    (void)state;
    char *h = html_of(doc_json, NULL);
    /* undirected, with a date range and no sources */
    has(h, "<tr><td>Alice &lt;b&gt;&amp;&quot;&#39;</td>"
           "<td>\xe2\x80\x94 met &lt;b&gt;with&lt;/b&gt; \xe2\x80\x94</td>"
           "<td>Bob|Pipe</td>"
           "<td class=\"status status-confirmed\">confirmed</td>"
           "<td>2014 \xe2\x80\x93 2015</td><td></td></tr>");
    has(h, "<td>paid | owes \xe2\x86\x92</td>");
    has(h, "<td class=\"status status-alleged\">alleged</td>"
           "<td>until 2016</td>"
           "<td><a href=\"#rg-source-2\">[2]</a> - Second | source"
           "<blockquote>");
    has(h, "<td class=\"status status-disputed\">disputed<br />"
           "<span class=\"who\">claimed by Alice &lt;b&gt;&amp;&quot;&#39;"
           "</span><br /><span class=\"who\">disputed by Dana, Corp *star*"
           "</span></td><td>2015-06</td>"
           "<td><a href=\"#rg-source-1\">[1]</a> "
           "First &lt;b&gt;source&lt;/b&gt;"
           "<br /><a href=\"#rg-source-2\">[2]</a> - Second | source"
           "<blockquote>q3</blockquote></td></tr>");
    /* no label: the direction alone */
    has(h, "<tr><td>Dana</td><td>\xe2\x86\x92</td><td>Alice");
    free(h);
}

static void html_lists_sources_by_number(void **state)
{
    (void)state;
    char *h = html_of(doc_json, NULL);
    size_t s1 = at(h, "<li id=\"rg-source-1\" value=\"1\">[1] <cite>First "
                      "&lt;b&gt;source&lt;/b&gt;</cite>, Pub &amp; Co, "
                      "2015-12-02, ");
    size_t s2 = at(h, "<li id=\"rg-source-2\" value=\"2\">[2] <cite>- "
                      "Second | source</cite>, "
                      "<a href=\"https://example.test/b\">");
    size_t s3 = at(h, "<li id=\"rg-source-3\" value=\"3\">[3] <cite>Actor "
                      "only</cite>"
                      "</li>");
    size_t un = at(h, "<li><cite>Unused *source*</cite>, "
                      "<a href=\"notes/unused.html\">notes/unused.html</a>"
                      "</li>");
    assert_true(s1 < s2 && s2 < s3 && s3 < un);
    assert_true(at(h, "Listed but not cited") < un);
    free(h);
}

static void markdown_escapes_cells(void **state)
{
    (void)state;
    char *m = markdown_of(doc_json);
    has(m, "# Title \\<b\\>\\&amp;\"'\n\n"
           "| From | Relation | To | Status | Date | Sources |\n"
           "| --- | --- | --- | --- | --- | --- |\n");
    has(m, "| Alice \\<b\\>&\"' | \xe2\x80\x94 met \\<b\\>with\\</b\\> "
           "\xe2\x80\x94 | Bob\\|Pipe | confirmed | 2014 \xe2\x80\x93 2015 "
           "|  |\n");
    has(m, "| Bob\\|Pipe | paid \\| owes \xe2\x86\x92 | Corp \\*star\\* | "
           "alleged | until 2016 | [2] \\- Second \\| source<br>"
           "*\xe2\x80\x9cHe said \\<b\\>\"yes\"\\</b\\> & left<br>then came "
           "back\xe2\x80\x9d* |\n");
    has(m, "| disputed; claimed by Alice \\<b\\>&\"'; disputed by Dana, "
           "Corp \\*star\\* | 2015-06 | [1] First \\<b\\>source\\</b\\><br>"
           "[2] \\- Second \\| source<br>*\xe2\x80\x9cq3\xe2\x80\x9d* |\n");
    /* every row has exactly the table's seven unescaped pipes */
    for (const char *line = strstr(m, "| From"); line && *line == '|';) {
        int pipes = 0;
        const char *p = line;
        for (; *p && *p != '\n'; p++)
            pipes += *p == '|' && (p == line || p[-1] != '\\');
        assert_int_equal(pipes, 7);
        line = *p ? p + 1 : NULL;
    }
    free(m);
}

static void markdown_lists_sources(void **state)
{
    (void)state;
    char *m = markdown_of(doc_json);
    has(m, "\n## Sources\n\n"
           "- [1] First \\<b\\>source\\</b\\>, Pub & Co, 2015-12-02, "
           "[https://example.test/a?x=1&y=2]"
           "(<https://example.test/a?x=1&amp;y=2>)\n"
           "- [2] \\- Second \\| source, "
           "[https://example.test/b](<https://example.test/b>)\n"
           "- [3] Actor only\n"
           "\nListed but not cited:\n\n"
           "- Unused \\*source\\*, [notes/unused.html](<notes/unused.html>)\n");
    free(m);
}

static void markdown_escapes_block_starts(void **state)
{
    (void)state;
    char *m = markdown_of(
        "{\"title\": \"  #1 - not a heading #\", \"sources\": ["
        "{\"id\": \"s\", \"title\": \"2015. A year\"}],"
        "\"actors\": [{\"id\": \"a\", \"source\": \"s\"}]}");
    has(m, "# \\#1 - not a heading \\#\n");
    has(m, "- [1] 2015\\. A year\n");
    has(m, "The document has no links.\n");
    free(m);
}

static void empty_document_gives_a_valid_page(void **state)
{
    (void)state;
    char *h = html_of("{\"actors\": []}", NULL);
    has(h, "<title>relgraph chart</title>");
    has(h, "<p>0 actors, 0 links.</p>");
    has(h, "<p>The document has no links.</p>");
    has(h, "<p>The document lists no sources.</p>");
    free(h);
}

static void same_input_same_bytes(void **state)
{
    (void)state;
    char *a = html_of(doc_json, "<svg/>");
    char *b = html_of(doc_json, "<svg/>");
    assert_string_equal(a, b);
    free(a);
    free(b);
    a = markdown_of(doc_json);
    b = markdown_of(doc_json);
    assert_string_equal(a, b);
    free(a);
    free(b);
}

static void out_of_memory_is_reported(void **state)
{
    (void)state;
    rg_doc *doc = load(doc_json);
    rg_buf b = {0};
    b.oom = 1;  /* as after a failed append */
    assert_int_equal(rg_report__html(&b, doc, NULL, 0), -1);
    assert_int_equal(rg_report__markdown(&b, doc), -1);
    rg_buf__free(&b);
    rg_doc_free(doc);
}

/* Runs xmllint on the text and returns what it printed (malloc'd), or
 * NULL when xmllint is not installed. */
static char *xmllint(const char *args, const char *text)
{
    if (system("command -v xmllint >/dev/null 2>&1") != 0)
        return NULL;
    char path[] = "/tmp/relgraph-report-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    size_t len = strlen(text);
    assert_int_equal(write(fd, text, len), (ssize_t)len);
    close(fd);
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "xmllint %s --noout %s 2>&1", args, path);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    rg_buf out = {0};
    char chunk[512];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), p)) > 0)
        rg_buf__putn(&out, chunk, n);
    pclose(p);
    unlink(path);
    rg_buf__putn(&out, "", 0);
    return out.data;
}

static void xmllint_finds_no_errors(void **state)
{
    (void)state;
    char *h = html_of(doc_json, NULL);
    char *said = xmllint("--html", h);
    if (said == NULL) {
        free(h);
        print_message("skip: xmllint is not installed (Debian package "
                      "libxml2-utils)\n");
        skip();
    }
    assert_string_equal(said, "");
    free(said);
    free(h);
    /* with a chart, the page is still well-formed XML */
    h = html_of(doc_json, "<svg xmlns=\"http://www.w3.org/2000/svg\">"
                          "<g><title>x</title></g></svg>");
    said = xmllint("", h);
    assert_string_equal(said, "");
    free(said);
    free(h);
}

static void opm_example_reads_in_words(void **state)
{
    (void)state;
    rg_diags *diags = rg_diags_new();
    rg_doc *doc = NULL;
    if (rg_doc_load_file(&doc, "graphs/opm-2015.json", diags) != 0) {
        rg_diags_free(diags);
        print_message("skip: graphs/opm-2015.json cannot be read (not run "
                      "from the top of the repository)\n");
        skip();
    }
    rg_buf b = {0};
    assert_int_equal(rg_report__html(&b, doc, NULL, 0), 0);
    has(b.data, "<li>Claimed by United States, James Clapper; disputed by "
                "China, Xinhua: China \xe2\x86\x92 blamed for \xe2\x86\x92 "
                "OPM breach.</li>");
    has(b.data, "<li><strong>People:</strong> ");
    char *said = xmllint("", b.data);
    rg_buf__free(&b);
    rg_doc_free(doc);
    rg_diags_free(diags);
    if (said == NULL) {
        print_message("skip: xmllint is not installed (Debian package "
                      "libxml2-utils): the page's well-formedness is not "
                      "checked\n");
        skip();
    }
    assert_string_equal(said, "");
    free(said);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(numbers_sources_by_place),
        cmocka_unit_test(a_view_numbers_sources_as_the_document),
        cmocka_unit_test(html_escapes_every_document_string),
        cmocka_unit_test(html_is_a_whole_page),
        cmocka_unit_test(html_pastes_the_chart_verbatim),
        cmocka_unit_test(html_says_the_chart_in_words),
        cmocka_unit_test(html_table_has_every_relation),
        cmocka_unit_test(html_lists_sources_by_number),
        cmocka_unit_test(markdown_escapes_cells),
        cmocka_unit_test(markdown_lists_sources),
        cmocka_unit_test(markdown_escapes_block_starts),
        cmocka_unit_test(empty_document_gives_a_valid_page),
        cmocka_unit_test(same_input_same_bytes),
        cmocka_unit_test(out_of_memory_is_reported),
        cmocka_unit_test(xmllint_finds_no_errors),
        cmocka_unit_test(opm_example_reads_in_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
