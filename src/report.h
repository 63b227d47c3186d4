/* Reports: a chart in a self-contained HTML page with a text alternative
 * and the table of every relation, and the same table as Markdown. Plain
 * text work on the model; no Graphviz here (the caller renders the chart
 * and hands its <svg> over). */
#ifndef RG_REPORT_H
#define RG_REPORT_H

#include "buf.h"
#include "model.h"

/* A self-contained HTML page (UTF-8, no external resources, inline CSS,
 * no JavaScript) for a report: the document's title as <h1>, its
 * description, the chart (`svg`, `svg_len` bytes: an inline <svg>
 * element, pasted as is, may be NULL), then a text alternative of the
 * chart, a table of every relation and the list of sources. Appends to
 * `out`. Returns 0, or -1 when out of memory. */
int rg_report__html(rg_buf *out, const rg_doc *doc, const char *svg,
                    size_t svg_len);

/* The table of every relation as GitHub-flavoured Markdown (a heading
 * with the title, then the table, then the sources as a numbered list).
 * Appends to `out`. Returns 0 or -1. */
int rg_report__markdown(rg_buf *out, const rg_doc *doc);

/* Source numbers by first use, as the chart's footnote markers [n] will
 * use them: walking links in document order, then actors in document
 * order, each link's/actor's `source` ids in order; the first time a
 * source id is cited it gets the next number starting at 1. Stores in
 * `numbers` (array of doc->n_sources, caller-allocated) the number of
 * each source or 0 if never cited. Returns the count of cited sources. */
size_t rg_report__number_sources(const rg_doc *doc, size_t *numbers);

#endif
