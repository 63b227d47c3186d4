/* What the files of the graph builder share (build.c, build_text.c,
 * build_items.c, build_links.c, build_legend.c, build_ids.c): the state
 * of one build and the helpers each file offers the others. Not for other modules:
 * their interface is build.h. */
#ifndef RG_BUILD_INT_H
#define RG_BUILD_INT_H

#include "build.h"
#include "buf.h"
#include "cite.h"
#include "style.h"

/* Text drawn in the chart is cut, so that a document of long notes still
 * gives a chart of boxes one can read (and an SVG of reasonable size):
 * names, link labels, group labels, legend labels and the title at
 * RG_DRAWN_NAME_MAX
 * characters, notes and the description at RG_DRAWN_TEXT_MAX, each with
 * an ellipsis. A tooltip or an SVG title keeps more of each text,
 * RG_TOOLTIP_TEXT_MAX characters (1,000 actors with 100 KB notes gave a
 * 600 MB SVG); the HTML report and the Markdown table keep every text
 * whole. */
#define RG_DRAWN_NAME_MAX 200
#define RG_DRAWN_TEXT_MAX 300
#define RG_TOOLTIP_TEXT_MAX 2000
/* An actor's aliases under its name (--aliases): "aka X, Y", cut here. */
#define RG_DRAWN_ALIASES_MAX 48

/* One build: owned by rg_build__graph(), which frees what it holds. */
typedef struct rg_bld {
    size_t titles_cap;
    const rg_doc *doc;
    const rg_build_opts *opts;
    Agraph_t *g;
    Agraph_t **clusters;  /* by group index; NULL until made */
    /* With clusters drawn and sources to list, everything sits in one
     * borderless cluster whose label holds the title and legend, so that
     * the root's label can hold the Sources block at the foot. */
    Agraph_t *chart;
    const rg_palette *pal;
    rg_cite cite;         /* the sources, indexed and numbered */
    /* cite.number with citations on and any source cited, else NULL:
     * no markers and no Sources block */
    const size_t *src_num;
    rg_buf tmp;
    size_t n_middles;     /* links drawn through a label or point node */
    rg_built *out;
    int oom;
} rg_bld;

/* ---- text (build_text.c) ---- */

/* s cut to its first `max` characters (UTF-8) followed by "\u2026", or s
 * itself when it is not longer. A copy, when cut, is left in *tmp for the
 * caller to free; out of memory gives "" and sets oom->oom. */
const char *rg_build__clipped(rg_buf *oom, const char *s, size_t max,
                              char **tmp);
/* s as HTML-like label text, cut at RG_DRAWN_TEXT_MAX characters, broken
 * into lines of about `width` characters at spaces. */
void rg_build__wrapped(rg_buf *b, const char *s, size_t width);
/* The same for a name, cut at RG_DRAWN_NAME_MAX. */
void rg_build__name_text(rg_buf *b, const char *s, size_t width);
/* s as HTML text on one line, cut at RG_DRAWN_NAME_MAX (the legend's
 * labels). */
void rg_build__line_text(rg_buf *b, const char *s);
/* s for a tooltip, cut at RG_TOOLTIP_TEXT_MAX (rg_escape__gv_string). */
void rg_build__tooltip_text(rg_buf *b, const char *s);
/* A date or a span of dates as HTML text: "2014-05-19", "2014 \u2013
 * 2015", "until 2015" (--dates). Nothing when both are NULL. */
void rg_build__dates(rg_buf *b, const char *date, const char *until);
/* Appends a space, `prefix` and s as a CSS class name (rg_escape__class). */
void rg_build__class_token(rg_buf *b, const char *prefix, const char *s);

/* ---- attributes and clusters (build.c) ---- */

/* Records the title an element with this id gets in SVG. */
void rg_build__title(rg_bld *b, const char *id, const char *title);
void rg_build__set(void *obj, Agsym_t *sym, const char *value);
void rg_build__set_html(rg_bld *b, void *obj, Agsym_t *sym,
                        const char *html);
/* Applies the document's raw attributes. Declares an attribute of the
 * graph when this is its first use. */
void rg_build__raw_attrs(rg_bld *b, void *obj, int kind, const rg_attrs *a);
/* Whether lines are routed around nodes (splines=true): the engines
 * other than dot and osage, in charts small enough. */
int rg_build__routed(const rg_bld *b);
Agsym_t *rg_build__decl(rg_bld *b, int kind, const char *name,
                        const char *dflt);
/* The cluster of group gi, made with its parents on first use; the chart
 * cluster or the root for no group. */
Agraph_t *rg_build__cluster(rg_bld *b, long gi, int depth);

/* ---- actors and links (build_items.c) ---- */

void rg_build__actors(rg_bld *b);
/* Links the node or edge to url, when it is one a chart may link to. */
void rg_build__url(rg_bld *b, void *obj, int kind, const char *url);
/* The links (build_links.c): a labelled link as two half-edges and a
 * node holding its label; the lines from who claims or disputes it. */
void rg_build__links(rg_bld *b);

/* Actor i's node in sg: its id, classes, label, tooltip and look (NULL
 * when out of memory). */
Agnode_t *rg_build__actor(rg_bld *b, Agraph_t *sg, size_t i);
/* The id of every link, by index, as a chart gives them ("link-a--b",
 * numbered among links between the same two actors); NULL when out of
 * memory. Free with rg_build__link_ids_free(ids, n_links). */
char **rg_build__link_ids(rg_bld *b);
void rg_build__link_ids_free(char **ids, size_t n);
/* Gives obj, a part of link i, the id, title, classes ("<what> <status>
 * <kind>"), tooltip and URL of the link; an edge the look of its line
 * (its arrowhead when `head`), a node its colours. */
void rg_build__link_part(rg_bld *b, void *obj, size_t i, const char *id,
                         const char *what, int head);
/* Link i's label on one line, in b->tmp: its label cut at 40 characters,
 * its status marker, its footnote marker, with --dates its dates. */
void rg_build__link_text(rg_bld *b, size_t i);
/* An actor's label into b->tmp: its name, footnote marker and grade,
 * then (not in a timeline) its aliases, dates and note as asked. */
void rg_build__actor_label(rg_bld *b, const rg_actor *a);
/* The timeline chart (build_timeline.c), in place of the actors, links
 * and groups. */
void rg_build__timeline(rg_bld *b);

/* ---- title, legend, sources (build_legend.c) ---- */

/* Appends a footnote marker in a smaller font, in the label's colour:
 * " [1,3]", the numbers of the sources cited, ascending, each once.
 * Nothing when citations are off or none of them is numbered. */
void rg_build__cite_marker(rg_bld *b, rg_buf *t, const rg_strv *src);
/* The Admiralty grade after it (build_grade.c): " B2", the letters of the
 * graded sources cited and the credibility (0: ungraded); the legend row
 * of the grades shown; "(B) " for a graded source in the Sources block. */
void rg_build__grade_marker(rg_bld *b, rg_buf *t, const rg_strv *src,
                            int credibility);
/* An actor's marker, as rg_build__grade_marker() makes it, when the actor
 * is graded: the letters of its sources alone would repeat, on every
 * name, what the Sources block says once. */
void rg_build__grade_actor(rg_bld *b, rg_buf *t, const rg_actor *a);
void rg_build__grade_legend(rg_bld *b, rg_buf *t);
void rg_build__grade_source(rg_buf *line, const rg_source *s);
/* The "Sources" block: "[n] title, publisher, date, url" for each cited
 * source in the order of its number; in SVG the line links to the url. */
void rg_build__sources(rg_bld *b, rg_buf *t);
/* The title, the description and the legend; with `sources`, the Sources
 * block after them. Leaves t empty when there is nothing to show. */
void rg_build__label(rg_bld *b, rg_buf *t, int sources);

/* ---- the TLP marking (build_tlp.c) ---- */

/* A row with the chart's TLP label at its right (table id "tlp-<where>"),
 * or nothing when the chart is unmarked. */
void rg_build__tlp_row(rg_bld *b, rg_buf *t, const char *where);
/* A row saying that a --tlp chart withholds things, or nothing. */
void rg_build__tlp_note(rg_bld *b, rg_buf *t);
/* The root's label at the foot: the Sources block, with the TLP label
 * under it when the chart is marked. */
void rg_build__foot(rg_bld *b, rg_buf *t);
/* Whether the chart has anything at its foot (sources or a marking). */
int rg_build__wants_foot(const rg_bld *b);

/* ---- object ids (build_ids.c) ---- */

/* cgraph's id discipline that numbers names in order of first use. */
extern Agiddisc_t rg_build__ids;

/* ---- marks set by views (build_marks.c) ---- */

/* Draws a node or edge as its item's mark says (faded, a diff's added,
 * removed or changed), once the builder has set its own look: an actor's
 * node, a link's edge or its label node. RG_MARK_NONE leaves it alone. */
void rg_build__mark(rg_bld *b, void *obj, rg_mark mark);
/* The legend's rows for the marks the chart draws, if any. */
void rg_build__mark_legend(rg_bld *b, rg_buf *t);

#endif
