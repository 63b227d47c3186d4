/* SVG post-processing: what Graphviz cannot be told to emit. */
#ifndef RG_SVG_H
#define RG_SVG_H

#include "buf.h"

#include <stdbool.h>
#include <stddef.h>

/* The title an element of the chart should carry, by its id (before the
 * prefix): an actor's name, a link's sentence. */
typedef struct rg_svg_title {
    const char *id;
    const char *title;
} rg_svg_title;

typedef struct rg_svg_opts {
    const char *id_prefix;  /* put before every id; "" for none */
    bool inline_mode;       /* only the <svg> element, for pasting in HTML */
    bool responsive;        /* no width and height: scale to the container */
    const char *title;      /* the chart's <title>; NULL: none */
    const char *desc;       /* the chart's <desc>; NULL: none */
    const rg_svg_title *titles;  /* sorted by id, for bsearch */
    size_t n_titles;
    /* What the root graph's label holds, the id and class of the group
     * it is wrapped in: "legend" (title and legend), or "sources" when
     * the title and legend are a cluster's label. */
    const char *root_label;
} rg_svg_opts;

/* Rewrites Graphviz's SVG: drops comments (the version banner among
 * them), prefixes every id and every reference to one, gives the root
 * role="img" with a <title> and <desc> it points at, gives nodes, edges
 * and clusters the titles asked for, wraps the root graph's label in a
 * group (see root_label), replaces the non-SVG-1.1 colour "transparent"
 * with "none", and in inline or responsive mode drops what those modes do
 * not want. Appends to `out`; returns 0, or -1 when out of memory. */
int rg_svg__rewrite(rg_buf *out, const char *svg, size_t len,
                    const rg_svg_opts *opts);

#endif
