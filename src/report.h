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

#endif
