/* Reports: the chart in an HTML page with what it shows in words and in a
 * table, and the same table as Markdown.
 *
 * A chart alone shuts out readers who cannot see it, and a reader who
 * wants to check a claim needs the source's own words. So the page says
 * in text what the chart draws (kinds, boxes, contested claims), then
 * lists every link with its status, dates, sources and quote. A status
 * is always written out, never shown by colour alone.
 *
 * The output depends on the document only, in document order, so the
 * same input gives the same bytes. The HTML is also well-formed XML (void
 * elements closed, only XML's five entities), so XML tools can check it
 * when the pasted chart is XML too, as Graphviz's SVG is. */
#include "report_int.h"
#include "grade.h"
#include "tlp.h"

#include <stdlib.h>

/* This file: what both reports share. report_html.c writes the page,
 * report_words.c the chart in words, report_md.c the Markdown table.
 * State: an rg_rep per report, owned by its caller. */

/* The reliability letters of the sources link k cites, as bits (A: 1). */
static unsigned cited_letters(const rg_rep *r, const rg_link *k)
{
    unsigned bits = 0;
    for (size_t j = 0; j < k->source.n; j++) {
        long i = rg_cite__find(&r->cite, r->doc, k->source.v[j]);
        const char *g = i >= 0 ? r->doc->sources[i].reliability : NULL;
        if (g != NULL && g[0] >= 'A' && g[0] <= 'F')
            bits |= 1u << (g[0] - 'A');
    }
    return bits;
}

static void grade_cells(rg_rep *r, const rg_report_row *f, const rg_link *k)
{
    rg_buf *b = r->out;
    unsigned bits = cited_letters(r, k);
    rg_buf__puts(b, f->grade_open);
    for (int l = 0, n = 0; l < 6; l++)
        if (bits & (1u << l))
            rg_buf__printf(b, "%s%c", n++ ? ", " : "", 'A' + l);
    rg_buf__puts(b, f->grade_close);
    rg_buf__puts(b, f->grade_open);
    if (rg_grade__credibility_words(k->credibility) != NULL)
        rg_buf__printf(b, "%d %s", k->credibility,
                       rg_grade__credibility_words(k->credibility));
    rg_buf__puts(b, f->grade_close);
}

int rg_report__begin(rg_rep *r, rg_buf *out, const rg_doc *doc)
{
    r->out = out;
    r->doc = doc;
    if (rg_cite__init(&r->cite, doc) != 0)
        return -1;
    r->graded = 0;
    for (size_t i = 0; i < doc->n_links && !r->graded; i++)
        r->graded = doc->links[i].credibility > 0 ||
                    cited_letters(r, &doc->links[i]) != 0;
    return 0;
}

int rg_report__end(rg_rep *r, int rc)
{
    rg_cite__free(&r->cite);
    return rc == 0 && !r->out->oom ? 0 : -1;
}

const char *rg_report__doc_title(const rg_doc *d)
{
    return d->title != NULL && *d->title ? d->title : "relgraph chart";
}

void rg_report__tlp_prefix(rg_buf *b, const rg_doc *d)
{
    const char *label = rg_tlp__label(rg_tlp__mark(d));
    if (label != NULL)
        rg_buf__printf(b, "%s \xe2\x80\x93 ", label);
}

const char *rg_report__source_title(const rg_source *s)
{
    return s->title != NULL && *s->title ? s->title : s->id;
}

const char *rg_report__uncited_heading(const rg_doc *d)
{
    return d->view_note != NULL ? "Not cited by what this view shows"
                                : "Listed but not cited";
}

const char *rg_report__group_label(const rg_group *g)
{
    return g->label != NULL && *g->label ? g->label : g->id;
}

void rg_report__dates(rg_buf *b, rg_phrase_esc esc, const char *date,
                      const char *until)
{
    if (date != NULL)
        esc(b, date);
    if (until != NULL) {
        rg_buf__puts(b, date != NULL ? " \xe2\x80\x93 " : "until ");
        esc(b, until);
    }
}

void rg_report__row(rg_rep *r, const rg_report_row *f, const rg_link *k)
{
    rg_buf *b = r->out;
    const rg_doc *d = r->doc;
    rg_buf__puts(b, f->between[0]);
    f->esc(b, d->actors[k->from_index].name);
    rg_buf__puts(b, f->between[1]);
    f->relation(b, k);
    rg_buf__puts(b, f->between[2]);
    f->esc(b, d->actors[k->to_index].name);
    rg_buf__puts(b, f->between[3]);
    f->status(r, k);
    if (r->graded)
        grade_cells(r, f, k);
    rg_buf__puts(b, f->between[4]);
    rg_report__dates(b, f->esc, k->date, k->until);
    rg_buf__puts(b, f->between[5]);
    f->cites(r, k);
    rg_buf__puts(b, f->between[6]);
}

void rg_report__source_rest(rg_buf *b, rg_phrase_esc esc, rg_phrase_esc url,
                            const rg_source *s)
{
    if (s->publisher != NULL && *s->publisher) {
        rg_buf__puts(b, ", ");
        esc(b, s->publisher);
    }
    if (s->date != NULL && *s->date) {
        rg_buf__puts(b, ", ");
        esc(b, s->date);
    }
    if (s->url != NULL && *s->url) {
        rg_buf__puts(b, ", ");
        url(b, s->url);
    }
    if (rg_grade__reliability(s->reliability) != NULL)
        rg_buf__printf(b, " (reliability %s: %s)", s->reliability,
                       rg_grade__reliability_words(s->reliability[0]));
}
