/* The Markdown report: the table of every relation as GitHub-flavoured
 * Markdown, then the sources as a numbered list. No state beyond the
 * report's. */
#include "report_int.h"

#include "check.h"
#include "escape.h"
#include "tlp.h"

static void md_relation(rg_buf *b, const rg_link *k)
{
    const char *mark = k->directed ? RG_REPORT_ARROW : RG_REPORT_EM_DASH;
    if (k->label != NULL && *k->label) {
        if (!k->directed)
            rg_buf__puts(b, RG_REPORT_EM_DASH " ");
        rg_escape__md_cell(b, k->label);
        rg_buf__putc(b, ' ');
    }
    rg_buf__puts(b, mark);
}

static void md_status(rg_rep *r, const rg_link *k)
{
    rg_buf *b = r->out;
    rg_buf__puts(b, rg_status_name(k->status));
    if (k->claimed_by.n > 0) {
        rg_buf__puts(b, "; claimed by ");
        rg_phrase__names(b, rg_escape__md_cell, r->doc, k->claimed_by_index, k->claimed_by.n);
    }
    if (k->disputed_by.n > 0) {
        rg_buf__printf(b, "; %s by ", rg_phrase__dispute_word(k));
        rg_phrase__names(b, rg_escape__md_cell, r->doc, k->disputed_by_index, k->disputed_by.n);
    }
}

/* "[1] Title<br>*“the quote”*" */
static void md_cites(rg_rep *r, const rg_link *k)
{
    rg_buf *b = r->out;
    for (size_t j = 0; j < k->source.n; j++) {
        long i = rg_cite__find(&r->cite, r->doc, k->source.v[j]);
        if (j > 0)
            rg_buf__puts(b, "<br>");
        if (i >= 0) {
            rg_buf__printf(b, "[%zu] ", r->cite.number[i]);
            rg_escape__md_cell(b, rg_report__source_title(&r->doc->sources[i]));
        } else {
            rg_escape__md_cell(b, k->source.v[j]);
        }
    }
    if (k->quote != NULL && *k->quote) {
        if (k->source.n > 0)
            rg_buf__puts(b, "<br>");
        rg_buf__puts(b, "*\xe2\x80\x9c");  /* *“the quote”* */
        rg_escape__md_cell(b, k->quote);
        rg_buf__puts(b, "\xe2\x80\x9d*");
    }
}

static const rg_report_row md_row = {
    rg_escape__md_cell,
    {"| ", " | ", " | ", " | ", " | ", " | ", " |\n"},
    md_relation, md_status, md_cites, " | ", "",
};

static void md_table(rg_rep *r)
{
    rg_buf *b = r->out;
    const rg_doc *d = r->doc;
    if (d->n_links == 0) {
        rg_buf__puts(b, "The document has no links.\n");
        return;
    }
    if (r->graded)
        rg_buf__puts(b, "| From | Relation | To | Status | Reliability | "
                        "Credibility | Date | Sources |\n"
                        "| --- | --- | --- | --- | --- | --- | --- | --- |\n");
    else
        rg_buf__puts(b, "| From | Relation | To | Status | Date | Sources |\n"
                        "| --- | --- | --- | --- | --- | --- |\n");
    for (size_t i = 0; i < d->n_links; i++)
        rg_report__row(r, &md_row, &d->links[i]);
}

/* A link whose text is the URL, escaped as Markdown text, and whose
 * destination is the URL, escaped so that a CommonMark reader's href is
 * the URL itself (no autolink: cmark decodes entities in those). */
static void md_url(rg_buf *b, const char *url)
{
    if (!rg_check__url(url)) {
        rg_escape__md_text(b, url);
        return;
    }
    rg_buf__putc(b, '[');
    rg_escape__md_text(b, url);
    rg_buf__puts(b, "](<");
    rg_escape__md_dest(b, url);
    rg_buf__puts(b, ">)");
}

static void md_source(rg_buf *b, const rg_source *s)
{
    rg_escape__md_text(b, rg_report__source_title(s));
    rg_report__source_rest(b, rg_escape__md_text, md_url, s);
    rg_buf__putc(b, '\n');
}

static void md_sources(rg_rep *r)
{
    rg_buf *b = r->out;
    const rg_doc *d = r->doc;
    rg_buf__puts(b, "\n## Sources\n\n");
    if (d->n_sources == 0) {
        rg_buf__puts(b, "The document lists no sources.\n");
        return;
    }
    for (size_t n = 0; n < d->n_sources; n++) {
        /* "[n]" and not "n.": the numbers may have gaps, which an
         * ordered list would renumber. The paragraph between keeps the
         * two lists apart. */
        if (n == r->cite.n_cited)
            rg_buf__printf(b, "%s%s:\n\n", n > 0 ? "\n" : "",
                           rg_report__uncited_heading(d));
        if (n < r->cite.n_cited)
            rg_buf__printf(b, "- [%zu] ",
                           r->cite.number[r->cite.order[n]]);
        else
            rg_buf__puts(b, "- ");
        md_source(b, &d->sources[r->cite.order[n]]);
    }
}

int rg_report__markdown(rg_buf *out, const rg_doc *doc)
{
    rg_rep r;
    if (rg_report__begin(&r, out, doc) != 0)
        return rg_report__end(&r, -1);
    rg_buf__puts(out, "# ");
    rg_report__tlp_prefix(out, doc);
    rg_escape__md_text(out, rg_report__doc_title(doc));
    rg_buf__puts(out, "\n\n");
    if (doc->view_note != NULL) {
        rg_escape__md_text(out, doc->view_note);
        rg_buf__puts(out, "\n\n");
    }
    if (rg_tlp__note(doc) != NULL)
        rg_buf__printf(out, "%s\n\n", rg_tlp__note(doc));
    md_table(&r);
    md_sources(&r);
    if (rg_tlp__mark(doc) != NULL)
        rg_buf__printf(out, "\n%s\n", rg_tlp__label(rg_tlp__mark(doc)));
    return rg_report__end(&r, 0);
}
