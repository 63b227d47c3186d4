/* Dates as views: what is valid at a date (--as-of) or some day of a
 * period (--between), the rest left out or, with --fade, drawn faded. */
#ifndef RG_VIEW_TIME_H
#define RG_VIEW_TIME_H

#include "view.h"
#include "when.h"

/* The period opts asks for, as days and in words. */
typedef struct rg_period {
    rg_span span;
    char words[96];    /* "As of 1 June 2015", "Between May 2014 and ..." */
    char outside[104]; /* for the legend: "not valid as of 1 June 2015" */
} rg_period;

/* Reads opts->as_of or opts->between into *out: 1, or 0 when opts asks
 * for neither (and no --fade), or -1 with a one-line message in `why`
 * (naming the option, what is wrong and how to write it). */
int rg_view__period(rg_period *out, const rg_render_opts *opts, char *why,
                    size_t size);

/* Makes the view of doc at the period: what is valid some day of it and
 * what is undated, a link with both ends; with `fade`, everything, the
 * rest marked RG_MARK_FADED. Its note says which view it is and counts
 * what it keeps. Returns 0, or -1 when out of memory; free with
 * rg_view__free() either way. */
int rg_view__time(rg_view *v, const rg_doc *doc, const rg_period *p,
                  bool fade);

#endif
