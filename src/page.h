/* Charts on a printed page (--page): the page's size, the scale that
 * fits a laid-out chart inside its margins, the Graphviz settings that
 * make PNG and PDF exactly that page, and how small the text prints. */
#ifndef RG_PAGE_H
#define RG_PAGE_H

#include "buf.h"
#include "relgraph.h"

#include <graphviz/gvc.h>

/* The margin kept free on every side of a page, in points (0.5 in). */
#define RG_PAGE_MARGIN 36.0
/* Text printed smaller than this many points is hard to read. */
#define RG_PAGE_MIN_TEXT 6.0

/* A page and how a laid-out chart goes on it. */
typedef struct rg_page_fit {
    double w, h;         /* the page, in points */
    double scale;        /* the chart's scale, at most 1 */
    double pad_x, pad_y; /* Graphviz's pad that fills the page, inches */
    char *saved_pad;     /* the graph's pad and margin while the */
    char *saved_margin;  /* page's are set */
} rg_page_fit;

/* The page's name ("a4", "letter"), or "" for RG_PAGE_NONE. */
const char *rg_page__name(rg_page page);
/* Fits the laid-out graph g on `page` (not RG_PAGE_NONE), rendered at
 * `dpi` (72 for PDF). */
void rg_page__fit(rg_page_fit *out, graph_t *g, rg_page page, int landscape,
                  double dpi);
/* Sets g up to render the page (size and pad), or back as it was.
 * Returns -1 when out of memory. */
int rg_page__apply(rg_page_fit *f, graph_t *g);
void rg_page__restore(rg_page_fit *f, graph_t *g);
/* The smallest font size drawn in g, in points before any scaling, or 0
 * when g draws no text. */
double rg_page__smallest_text(graph_t *g);
/* Appends to `out` a warning line when text prints under
 * RG_PAGE_MIN_TEXT points on the page; nothing otherwise. `is_view`: the
 * chart is already a focused view. */
void rg_page__warn_small_text(rg_buf *out, const rg_page_fit *f, graph_t *g,
                              rg_page page, int landscape, int is_view);

#endif
