/* Model -> cgraph. The only file that builds Graphviz graphs. */
#ifndef RG_BUILD_H
#define RG_BUILD_H

#include "model.h"
#include "svg.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

/* What the builder needs to know besides the document. */
typedef struct rg_build_opts {
    const char *engine;     /* resolved: never NULL */
    const char *direction;  /* resolved: never NULL */
    int legend;             /* 0 or 1 */
    int citations;          /* footnote markers and the Sources block */
    rg_theme theme;
    int link_labels;        /* 0: link labels only in titles and tooltips */
    const char *overlap;    /* sfdp and neato's overlap; NULL: "prism" */
    int groups;             /* 1: groups drawn as boxes (the engine keeps
                             * non-members out of them); 0: no boxes */
    int title;              /* the title and description above the chart */
    int sources;            /* the Sources block (with citations on) */
    int claims;             /* lines from claimants and disputants */
    int aliases;            /* aliases under actors' names */
    int dates;              /* dates on links and actors */
    int timeline;           /* the timeline chart (build_timeline.c) */
} rg_build_opts;

/* A link target in the graph, whose text must be XML-escaped for SVG
 * but not for the other formats (Graphviz writes it as it is). */
typedef struct rg_build_url {
    void *obj;          /* Agnode_t, Agedge_t */
    const char *url;    /* borrowed from the document */
} rg_build_url;

typedef struct rg_built {
    Agraph_t *g;
    /* Titles for the SVG's elements, by id, sorted (see svg.h); the
     * strings live in `title_strs`. */
    rg_svg_title *titles;
    size_t n_titles;
    char **title_strs;
    size_t n_title_strs;
    rg_build_url *urls;
    size_t n_urls;
    /* The root's label holds the Sources block (the title and legend
     * are the label of a cluster holding everything) */
    int sources_at_foot;
    Agsym_t *url_node;  /* the URL attribute symbols, or NULL */
    Agsym_t *url_edge;
} rg_built;

/* Builds the graph of a checked document. Returns 0, or -1 when out of
 * memory. Free with rg_build__free(). */
int rg_build__graph(rg_built *out, const rg_doc *doc,
                    const rg_build_opts *opts);

/* Sets every URL for the format about to be rendered: escaped for XML
 * (xml != 0: SVG, the HTML report, and DOT, which dot -Tsvg turns into
 * SVG), as written otherwise (PDF links). */
void rg_build__set_urls(rg_built *b, int xml);

void rg_build__free(rg_built *b);

/* After a layout: the texts (names, labels, group labels) that some line
 * runs through, by the laid-out splines (build_cross.c); 0 for charts of
 * over 5,000 nodes, which are not counted. */
int rg_build__crossed_texts(Agraph_t *g);

/* Sets minlen on every claim line (before a layout): "0" lets dot put
 * it within one rank, "1" is Graphviz's default. */
void rg_build__claims_minlen(Agraph_t *g, const char *minlen);

/* After dot laid g out: detours (rg_build__laid_around), then, when
 * lines still cross texts and `claims` (claim lines drawn), a second
 * layout with the claim lines at minlen 0, kept when it crosses fewer,
 * else the first again (dot is deterministic); graphs of over 300 nodes
 * keep the first. Returns the texts the kept layout's lines cross, -1
 * with no layout, or -2 when out of memory (the layout kept). */
int rg_build__settle_dot(GVC_t *gvc, Agraph_t *g, int claims);

/* After any layout: each piece of a line that runs through a box it does
 * not end at (an actor, a link's label, a group's title) is laid again
 * around it, as straight segments along the shortest free way. Returns
 * how many pieces were, or -1 when out of memory. */
int rg_build__detour(Agraph_t *g);

/* After any layout: a tee (a bar across a line's end) that meets its
 * node's outline at a slant, half the bar inside the node, is bent to
 * meet it square. Returns how many were. */
int rg_build__square_tees(Agraph_t *g);

/* Tees squared, detours, then the texts lines still cross
 * (rg_build__crossed_texts); -2 when out of memory (as
 * rg_build__settle_dot). */
int rg_build__laid_around(Agraph_t *g);

#endif
