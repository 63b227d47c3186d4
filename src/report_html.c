/* The HTML report: a self-contained page (inline CSS, no JavaScript) with
 * the chart, the chart in words (report_words.c), the table of every
 * relation and the list of sources. No state beyond the report's. */
#include "report_int.h"

#include "check.h"
#include "escape.h"
#include "style.h"
#include "tlp.h"

void rg_report__html_link(rg_buf *b, const char *url, const char *text)
{
    if (url == NULL || !rg_check__url(url)) {
        rg_escape__html(b, text);
        return;
    }
    rg_buf__puts(b, "<a href=\"");
    rg_escape__html(b, url);
    rg_buf__puts(b, "\">");
    rg_escape__html(b, text);
    rg_buf__puts(b, "</a>");
}

/* Serif text for reading, the chart's sans-serif for headings and the
 * table; no character here that XML would need escaped. */
static const char css[] =
    "body{margin:0 auto;max-width:60em;padding:1em 1.5em 3em;"
    "font-family:Georgia,\"Times New Roman\",serif;line-height:1.5;"
    "color:#1a1a1a;background:#fff}\n"
    "h1,h2,figcaption,table{font-family:Helvetica,Arial,sans-serif}\n"
    "h1{font-size:1.8em;line-height:1.2;margin:.8em 0 .3em}\n"
    "h2{font-size:1.3em;margin:1.8em 0 .5em;padding-bottom:.2em;"
    "border-bottom:1px solid #ddd}\n"
    ".description{font-size:1.05em;color:#333}\n"
    "a{color:#005A8C}\n"
    "figure{margin:1.5em 0}\n"
    "figure svg{display:block;max-width:100%;height:auto}\n"
    "figcaption{margin-top:.5em;font-size:.9em;color:#555}\n"
    ".table-wrap{overflow-x:auto}\n"
    "table{border-collapse:collapse;width:100%;font-size:.9em;"
    "line-height:1.4}\n"
    "caption{text-align:left;color:#555;padding-bottom:.4em}\n"
    "th,td{border:1px solid #bbb;padding:.4em .55em;text-align:left;"
    "vertical-align:top}\n"
    "thead th{background:#e6e6e6}\n"
    "tbody tr:nth-child(even){background:#f5f5f5}\n"
    "td.status{font-weight:bold}\n"
    ".who{font-weight:normal;color:#333}\n"
    "blockquote{margin:.4em 0 0;padding-left:.6em;border-left:3px solid #ccc;"
    "font-family:Georgia,\"Times New Roman\",serif;font-style:italic;"
    "color:#333}\n"
    "ol.sources{list-style:none;padding-left:0}\n"
    ".sources li{margin:.3em 0}\n";

/* Status colours come from the chart's own table, so that page and chart
 * always agree: the line colour and style as the cell's left border, the
 * darker label colour (readable on white) for the text. */
static void html_status_css(rg_buf *b)
{
    for (int s = 0; s < RG_STATUS_COUNT; s++) {
        const rg_status_look *st = rg_style__status((rg_status)s, RG_THEME_LIGHT);
        rg_buf__printf(b, "td.status-%s{border-left:4px %s %s;color:%s}\n",
                       rg_status_name((rg_status)s), st->style, st->color,
                       st->fontcolor);
    }
}

static void html_head(rg_rep *r)
{
    rg_buf *b = r->out;
    rg_buf__puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                    "<meta charset=\"utf-8\" />\n"
                    "<meta name=\"viewport\" "
                    "content=\"width=device-width, initial-scale=1\" />\n"
                    "<meta name=\"generator\" content=\"relgraph " RG_VERSION
                    "\" />\n<title>");
    rg_report__tlp_prefix(b, r->doc);
    rg_escape__html(b, rg_report__doc_title(r->doc));
    rg_buf__puts(b, "</title>\n<style>\n");
    rg_buf__puts(b, css);
    html_status_css(b);
    const char *mark = rg_tlp__mark(r->doc);
    if (mark != NULL)
        rg_buf__printf(b, "p.tlp{text-align:right}p.tlp span{"
                          "background:#000;color:%s;padding:2px 6px;"
                          "font-weight:bold}\n",
                       rg_tlp__colour(mark));
    rg_buf__puts(b, "</style>\n</head>\n");
}

/* The page's TLP label, right-aligned at its top and foot as on a
 * printed page, in TLP's colour on black (html_head's style). Static
 * text: no escaping. */
static void html_tlp(rg_buf *b, const rg_doc *d)
{
    const char *mark = rg_tlp__mark(d);
    if (mark != NULL)
        rg_buf__printf(b, "<p class=\"tlp\"><span>%s</span></p>\n",
                       rg_tlp__label(mark));
}

static void html_intro(rg_rep *r, const char *svg, size_t svg_len)
{
    rg_buf *b = r->out;
    const rg_doc *d = r->doc;
    html_tlp(b, d);
    rg_buf__puts(b, "<h1>");
    rg_report__tlp_prefix(b, d);
    rg_escape__html(b, rg_report__doc_title(d));
    rg_buf__puts(b, "</h1>\n");
    if (d->description != NULL && *d->description) {
        rg_buf__puts(b, "<p class=\"description\">");
        rg_escape__html_br(b, d->description);
        rg_buf__puts(b, "</p>\n");
    }
    if (d->view_note != NULL) {
        rg_buf__puts(b, "<p class=\"view\">");
        rg_escape__html(b, d->view_note);
        rg_buf__puts(b, "</p>\n");
    }
    if (rg_tlp__note(d) != NULL)
        rg_buf__printf(b, "<p class=\"view\">%s</p>\n", rg_tlp__note(d));
    if (svg == NULL || svg_len == 0)
        return;
    rg_buf__puts(b, "<figure class=\"chart\">\n");
    rg_buf__putn(b, svg, svg_len);
    if (svg[svg_len - 1] != '\n')
        rg_buf__putc(b, '\n');
    rg_buf__puts(b, "<figcaption>The chart. Below: the chart "
                    "<a href=\"#rg-in-words\">in words</a>, "
                    "<a href=\"#rg-relations\">every relation</a> with its "
                    "sources, and <a href=\"#rg-sources\">the sources</a>."
                    "</figcaption>\n</figure>\n");
}

/* "headed →", or "— met —" when undirected; linked when the link has a
 * URL, as its line in the chart is. */
static void html_relation(rg_buf *b, const rg_link *k)
{
    const char *mark = k->directed ? RG_REPORT_ARROW : RG_REPORT_EM_DASH;
    int labelled = k->label != NULL && *k->label;
    if (!labelled && k->url == NULL) {
        rg_buf__puts(b, mark);
        return;
    }
    if (!k->directed)
        rg_buf__puts(b, RG_REPORT_EM_DASH " ");
    rg_report__html_link(b, k->url, labelled ? k->label : "link");
    rg_buf__putc(b, ' ');
    rg_buf__puts(b, mark);
}

static void html_status(rg_rep *r, const rg_link *k)
{
    rg_buf *b = r->out;
    const char *name = rg_status_name(k->status);
    rg_buf__printf(b, "<td class=\"status status-%s\">%s", name, name);
    if (k->claimed_by.n > 0) {
        rg_buf__puts(b, "<br /><span class=\"who\">claimed by ");
        rg_phrase__names(b, rg_escape__html, r->doc, k->claimed_by_index, k->claimed_by.n);
        rg_buf__puts(b, "</span>");
    }
    if (k->disputed_by.n > 0) {
        rg_buf__printf(b, "<br /><span class=\"who\">%s by ", rg_phrase__dispute_word(k));
        rg_phrase__names(b, rg_escape__html, r->doc, k->disputed_by_index, k->disputed_by.n);
        rg_buf__puts(b, "</span>");
    }
    rg_buf__puts(b, "</td>");
}

/* Each source as "[n] title", linked to the list, then the quote. */
static void html_cites(rg_rep *r, const rg_link *k)
{
    rg_buf *b = r->out;
    for (size_t j = 0; j < k->source.n; j++) {
        long i = rg_cite__find(&r->cite, r->doc, k->source.v[j]);
        if (j > 0)
            rg_buf__puts(b, "<br />");
        if (i < 0) {
            rg_escape__html(b, k->source.v[j]);
            continue;
        }
        size_t n = r->cite.number[i];
        rg_buf__printf(b, "<a href=\"#rg-source-%zu\">[%zu]</a> ", n, n);
        rg_escape__html(b, rg_report__source_title(&r->doc->sources[i]));
    }
    if (k->quote != NULL && *k->quote) {
        rg_buf__puts(b, "<blockquote>");
        rg_escape__html_br(b, k->quote);
        rg_buf__puts(b, "</blockquote>");
    }
}

static const rg_report_row html_row = {
    rg_escape__html,
    {"<tr><td>", "</td><td>", "</td><td>", "</td>", "<td>", "</td><td>",
     "</td></tr>\n"},
    html_relation, html_status, html_cites, "<td class=\"grade\">", "</td>",
};

static void html_table(rg_rep *r)
{
    rg_buf *b = r->out;
    rg_buf__puts(b, "<h2 id=\"rg-relations\">Relations</h2>\n");
    if (r->doc->n_links == 0) {
        rg_buf__puts(b, "<p>The document has no links.</p>\n");
        return;
    }
    rg_buf__puts(b, "<div class=\"table-wrap\">\n<table>\n"
                    "<caption>Every link of the chart, in the order of the "
                    "document</caption>\n<thead>\n<tr>"
                    "<th scope=\"col\">From</th>"
                    "<th scope=\"col\">Relation</th>"
                    "<th scope=\"col\">To</th>"
                    "<th scope=\"col\">Status</th>");
    if (r->graded)
        rg_buf__puts(b, "<th scope=\"col\">Reliability</th>"
                        "<th scope=\"col\">Credibility</th>");
    rg_buf__puts(b, "<th scope=\"col\">Date</th>"
                    "<th scope=\"col\">Sources</th></tr>\n</thead>\n"
                    "<tbody>\n");
    for (size_t i = 0; i < r->doc->n_links; i++)
        rg_report__row(r, &html_row, &r->doc->links[i]);
    rg_buf__puts(b, "</tbody>\n</table>\n</div>\n");
}

/* A URL as a link to itself. */
static void html_url(rg_buf *b, const char *url)
{
    rg_report__html_link(b, url, url);
}

/* "Title, publisher, date, url". */
static void html_source(rg_buf *b, const rg_source *s)
{
    rg_buf__puts(b, "<cite>");
    rg_escape__html(b, rg_report__source_title(s));
    rg_buf__puts(b, "</cite>");
    rg_report__source_rest(b, rg_escape__html, html_url, s);
}

static void html_sources(rg_rep *r)
{
    rg_buf *b = r->out;
    const rg_doc *d = r->doc;
    rg_buf__puts(b, "<h2 id=\"rg-sources\">Sources</h2>\n");
    if (d->n_sources == 0) {
        rg_buf__puts(b, "<p>The document lists no sources.</p>\n");
        return;
    }
    if (r->cite.n_cited > 0)
        rg_buf__puts(b, "<ol class=\"sources\">\n");
    for (size_t n = 0; n < d->n_sources; n++) {
        size_t num = r->cite.number[r->cite.order[n]];
        if (n == r->cite.n_cited && n > 0)
            rg_buf__puts(b, "</ol>\n");
        if (n == r->cite.n_cited)
            rg_buf__printf(b, "<p>%s:</p>\n<ul class=\"sources\">\n",
                           rg_report__uncited_heading(d));
        if (n < r->cite.n_cited)
            rg_buf__printf(b, "<li id=\"rg-source-%zu\" value=\"%zu\">[%zu] ",
                           num, num, num);
        else
            rg_buf__puts(b, "<li>");
        html_source(b, &d->sources[r->cite.order[n]]);
        rg_buf__puts(b, "</li>\n");
    }
    rg_buf__puts(b, r->cite.n_cited < d->n_sources ? "</ul>\n" : "</ol>\n");
}

int rg_report__html(rg_buf *out, const rg_doc *doc, const char *svg,
                    size_t svg_len)
{
    rg_rep r;
    if (rg_report__begin(&r, out, doc) != 0)
        return rg_report__end(&r, -1);
    html_head(&r);
    rg_buf__puts(out, "<body>\n");
    html_intro(&r, svg, svg_len);
    int rc = rg_report__words(&r);
    html_table(&r);
    html_sources(&r);
    html_tlp(out, doc);
    rg_buf__puts(out, "</body>\n</html>\n");
    return rg_report__end(&r, rc);
}
