/* What the files of the reports share (report.c, report_html.c,
 * report_words.c, report_md.c): the state of one report and the helpers
 * both formats use. Not for other modules: their interface is report.h. */
#ifndef RG_REPORT_INT_H
#define RG_REPORT_INT_H

#include "cite.h"
#include "phrase.h"
#include "report.h"

#include <stdint.h>

#define RG_REPORT_ARROW "\xe2\x86\x92"    /* → */
#define RG_REPORT_EM_DASH "\xe2\x80\x94"  /* — */
#define RG_REPORT_NONE SIZE_MAX           /* the end of a chain of actors */

/* One report being written: owned by rg_report__html() or
 * rg_report__markdown(), between rg_report__begin() and rg_report__end(). */
typedef struct rg_rep {
    rg_buf *out;
    const rg_doc *doc;
    rg_cite cite;  /* the sources, numbered as the chart numbers them */
    int graded;    /* a link is graded or cites a graded source: the
                      tables have Reliability and Credibility columns */
} rg_rep;

/* Returns 0, or -1 when out of memory (rg_report__end() still applies). */
int rg_report__begin(rg_rep *r, rg_buf *out, const rg_doc *doc);
/* Frees what the report holds; returns 0 when rc is 0 and every append
 * succeeded, else -1. */
int rg_report__end(rg_rep *r, int rc);

/* The document's title, or "relgraph chart". */
const char *rg_report__doc_title(const rg_doc *d);
/* The chart's TLP label and a dash ("TLP:AMBER - "), before a title;
 * nothing for an unmarked document. Plain ASCII and UTF-8: no escaping. */
void rg_report__tlp_prefix(rg_buf *b, const rg_doc *d);
/* A source's title, or its id. */
const char *rg_report__source_title(const rg_source *s);
/* The heading of the sources nothing shown cites: "Listed but not cited",
 * or, in a view (--focus), "Not cited by what this view shows". */
const char *rg_report__uncited_heading(const rg_doc *d);
/* A group's label, or its id. */
const char *rg_report__group_label(const rg_group *g);
/* The text of a date cell: "2015", "2015 – 2016" or "until 2016". */
void rg_report__dates(rg_buf *b, rg_phrase_esc esc, const char *date,
                      const char *until);

/* How one format writes a row of the relations table: its escaper for
 * names and dates, what stands before each of the six cells (From,
 * Relation, To, Status, Date, Sources) and after the last, and the
 * writers of the three cells that differ. */
typedef struct rg_report_row {
    rg_phrase_esc esc;
    const char *between[7];
    void (*relation)(rg_buf *b, const rg_link *k);
    void (*status)(rg_rep *r, const rg_link *k);
    void (*cites)(rg_rep *r, const rg_link *k);
    const char *grade_open, *grade_close;  /* around each grade cell */
} rg_report_row;

/* Writes the table row of link k in the given format; when r->graded,
 * its Reliability and Credibility cells after the status ("B, D" the
 * letters of the graded sources it cites; "2 probably true"). */
void rg_report__row(rg_rep *r, const rg_report_row *f, const rg_link *k);

/* ", publisher, date, url": the parts of a source a list shows after its
 * title, those it has; the url written by `url`. */
void rg_report__source_rest(rg_buf *b, rg_phrase_esc esc, rg_phrase_esc url,
                            const rg_source *s);

/* Text that links to `url` when it is one relgraph allows (http, https,
 * mailto, relative), as HTML: the checker already refuses others, but a
 * page must never carry a javascript: link whatever the model holds. */
void rg_report__html_link(rg_buf *b, const char *url, const char *text);

/* The text alternative of the chart, as HTML (report_words.c): the
 * summary, the actors by kind, the boxes, the contested links. Returns 0,
 * or -1 when out of memory. */
int rg_report__words(rg_rep *r);

#endif
