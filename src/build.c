/* Model -> cgraph: the graph, its attributes and defaults, clusters for
 * groups, the titles and URLs handed to the renderer. The actors and
 * links are built in build_items.c, the title, legend and sources in
 * build_legend.c, their text in build_text.c, the object ids in
 * build_ids.c; build_int.h holds the state of one build (rg_bld), which
 * rg_build__graph() owns.
 *
 * Graphviz 2.43 corrupts memory when dot lays out labelled edges in
 * clustered graphs with its old ranking; with newrank=true it does not
 * (see graphs/README.md, "Robustness", and tests/stress). Every graph is
 * therefore built with newrank=true, and never with constraint=false,
 * rank=same, lhead or ltail, the other features with known crashes. */
#include "build_int.h"

#include "escape.h"

#include <stdlib.h>
#include <string.h>

/* ---- attributes ---- */

/* Records the title an element with this id gets in SVG. */
void rg_build__title(rg_bld *b, const char *id, const char *title)
{
    rg_built *o = b->out;
    if (o->n_titles == b->titles_cap) {
        size_t cap = b->titles_cap ? b->titles_cap * 2 : 64;
        rg_svg_title *t = realloc(o->titles, cap * sizeof(*t));
        char **strs = realloc(o->title_strs, 2 * cap * sizeof(*strs));
        if (t != NULL)
            o->titles = t;
        if (strs != NULL)
            o->title_strs = strs;
        if (t == NULL || strs == NULL) {
            b->oom = 1;
            return;
        }
        b->titles_cap = cap;
    }
    char *cut;
    title = rg_build__clipped(&b->tmp, title, RG_TOOLTIP_TEXT_MAX, &cut);
    char *i = strdup(id), *tt = cut ? cut : strdup(title);
    if (i == NULL || tt == NULL) {
        free(i);
        free(tt);
        b->oom = 1;
        return;
    }
    o->title_strs[o->n_title_strs++] = i;
    o->title_strs[o->n_title_strs++] = tt;
    o->titles[o->n_titles].id = i;
    o->titles[o->n_titles].title = tt;
    o->n_titles++;
}

static int cmp_titles(const void *a, const void *b)
{
    return strcmp(((const rg_svg_title *)a)->id, ((const rg_svg_title *)b)->id);
}

void rg_build__set(void *obj, Agsym_t *sym, const char *value)
{
    if (sym != NULL && value != NULL)
        agxset(obj, sym, (char *)value);
}

void rg_build__set_html(rg_bld *b, void *obj, Agsym_t *sym, const char *html)
{
    char *h = agstrdup_html(b->g, (char *)html);
    if (h == NULL) {
        b->oom = 1;
        return;
    }
    agxset(obj, sym, h);
    agstrfree(b->g, h);
}

/* Applies the document's raw attributes. Declares an attribute of the
 * graph when this is its first use. */
void rg_build__raw_attrs(rg_bld *b, void *obj, int kind, const rg_attrs *a)
{
    if (a == NULL)
        return;
    for (size_t i = 0; i < a->n; i++) {
        Agsym_t *sym = agattr(b->g, kind, (char *)a->v[i].name, NULL);
        if (sym == NULL)
            sym = agattr(b->g, kind, (char *)a->v[i].name, "");
        if (sym != NULL)
            agxset(obj, sym, (char *)a->v[i].value);
    }
}

Agsym_t *rg_build__decl(rg_bld *b, int kind, const char *name, const char *dflt)
{
    return agattr(b->g, kind, (char *)name, (char *)dflt);
}

/* ---- clusters ---- */

Agraph_t *rg_build__cluster(rg_bld *b, long gi, int depth)
{
    /* An engine that would draw a group's box over other actors draws
     * none (see rg_engine__pick). */
    if (gi < 0 || depth > RG_MAX_GROUP_DEPTH || !b->opts->groups)
        return b->chart ? b->chart : b->g;
    if (b->clusters[gi] != NULL)
        return b->clusters[gi];
    const rg_group *grp = &b->doc->groups[gi];
    Agraph_t *parent = rg_build__cluster(b, grp->parent_index, depth + 1);
    rg_buf__reset(&b->tmp);
    rg_buf__printf(&b->tmp, "cluster_%s", grp->id);
    Agraph_t *sg = agsubg(parent, (char *)rg_buf__str(&b->tmp), 1);
    if (sg == NULL) {
        b->oom = 1;
        return b->chart ? b->chart : b->g;
    }
    b->clusters[gi] = sg;
    return sg;
}

/* Nesting depth of a group, for shading nested clusters. */
static int depth_of(const rg_doc *doc, long gi)
{
    int d = 0;
    while (gi >= 0 && d < RG_MAX_GROUP_DEPTH) {
        gi = doc->groups[gi].parent_index;
        d++;
    }
    return d;
}

/* The overlap removal of the engines other than dot. */
static const char *overlap_of(const rg_bld *b)
{
    return b->opts->overlap ? b->opts->overlap : "prism";
}

static void style_clusters(rg_bld *b)
{
    /* fdp lays out each cluster with the cluster's own overlap and sep:
     * with both empty, the d3 Les Miserables sample in 11 groups came out
     * at random with 80 overlapping actors or 50 times its area. */
    int force = strcmp(b->opts->engine, "dot") != 0;
    Agsym_t *overlap = force ? rg_build__decl(b, AGRAPH, "overlap", "") : NULL;
    Agsym_t *sep = force ? rg_build__decl(b, AGRAPH, "sep", "") : NULL;
    Agsym_t *label = rg_build__decl(b, AGRAPH, "label", "");
    Agsym_t *style = rg_build__decl(b, AGRAPH, "style", "");
    Agsym_t *fill = rg_build__decl(b, AGRAPH, "fillcolor", "");
    Agsym_t *color = rg_build__decl(b, AGRAPH, "color", "");
    Agsym_t *fontsize = rg_build__decl(b, AGRAPH, "fontsize", "");
    Agsym_t *fontcolor = rg_build__decl(b, AGRAPH, "fontcolor", "");
    Agsym_t *labeljust = rg_build__decl(b, AGRAPH, "labeljust", "");
    Agsym_t *margin = rg_build__decl(b, AGRAPH, "margin", "");
    Agsym_t *penwidth = rg_build__decl(b, AGRAPH, "penwidth", "");
    Agsym_t *id_sym = rg_build__decl(b, AGRAPH, "id", "");
    Agsym_t *class_sym = rg_build__decl(b, AGRAPH, "class", "");
    for (size_t i = 0; i < b->doc->n_groups; i++) {
        Agraph_t *sg = b->clusters[i];
        if (sg == NULL)
            continue;
        const rg_group *grp = &b->doc->groups[i];
        rg_buf__reset(&b->tmp);
        rg_buf__printf(&b->tmp, "group-%s", grp->id);
        rg_build__set(sg, id_sym, rg_buf__str(&b->tmp));
        rg_build__title(b, rg_buf__str(&b->tmp),
                  grp->label && *grp->label ? grp->label : grp->id);
        rg_buf__reset(&b->tmp);
        rg_buf__puts(&b->tmp, "group");
        rg_build__class_token(&b->tmp, "group-", grp->id);
        rg_build__set(sg, class_sym, rg_buf__str(&b->tmp));
        int d = depth_of(b->doc, (long)i) - 1;
        rg_buf__reset(&b->tmp);
        rg_buf__puts(&b->tmp, "<B>");
        rg_build__name_text(&b->tmp, grp->label && *grp->label ? grp->label : grp->id, 40);
        rg_buf__puts(&b->tmp, "</B>");
        rg_build__set_html(b, sg, label, rg_buf__str(&b->tmp));
        rg_build__set(sg, style, "rounded,filled");
        rg_build__set(sg, fill, b->pal->cluster_fill[d < 3 ? d : 2]);
        rg_build__set(sg, color, b->pal->cluster_line);
        rg_build__set(sg, penwidth, "1.2");
        rg_build__set(sg, fontsize, d == 0 ? "13" : "11");
        rg_build__set(sg, fontcolor, b->pal->cluster_ink);
        rg_build__set(sg, labeljust, "l");
        rg_build__set(sg, margin, "14");
        rg_build__set(sg, overlap, overlap_of(b));
        rg_build__set(sg, sep, "+6");
        rg_build__raw_attrs(b, sg, AGRAPH, &grp->attrs);
    }
}

/* ---- the graph ---- */

/* Engines other than dot route lines around nodes (splines=true), so
 * that no line runs through an actor's name or a link's label. Graphviz
 * 2.43 aborted in that router (multispline.c findMap) when two edges
 * joined the same two nodes; the builder never makes two such edges
 * (see part_edge in build_links.c). The routing time grows with the
 * cube of the nodes (actors and labels): 1 s for 86 nodes, 3.5 s for
 * 135, 15 s for 242 (sfdp, stress documents): past about 200 actors and
 * links, lines are straight, as osage's always are, unless the document
 * asks for splines itself. */
#define RG_ROUTED_MAX 200

int rg_build__routed(const rg_bld *b)
{
    const rg_attrs *a = &b->doc->layout.attrs;
    for (size_t i = 0; i < a->n; i++)
        if (strcmp(a->v[i].name, "splines") == 0)
            return strcmp(b->opts->engine, "dot") != 0;
    return strcmp(b->opts->engine, "dot") != 0 &&
           strcmp(b->opts->engine, "osage") != 0 &&
           b->doc->n_actors + b->doc->n_links <= RG_ROUTED_MAX;
}

/* dot's curved splines bulge through names and labels where an edge
 * crosses ranks against the others or leaves its cluster; its polylines
 * follow the same corridors between nodes more tightly: in the 33 dot
 * charts of stress seeds 0-39, 396 crossed texts became 329, and 7 in
 * the OPM example 4 (tests/overlap). (Orthogonal lines crossed only 36,
 * but Graphviz 2.43's ortho router asserts in maze.c chkSgraph on some
 * of the stress documents and takes 47 s for 209 actors and links.) */
static const char *splines_of(const rg_bld *b)
{
    if (b->opts->timeline)
        return "line"; /* pinned: straight, no routing */
    if (rg_build__routed(b))
        return "true";
    const rg_attrs *a = &b->doc->layout.attrs;
    for (size_t i = 0; i < a->n; i++)
        if (strcmp(a->v[i].name, "splines") == 0)
            return NULL;
    return strcmp(b->opts->engine, "dot") == 0 ? "polyline" : NULL;
}

/* Title and legend on the chart cluster, which draws no box; the
 * Sources block on the root, at the foot. */
static void chart_label(rg_bld *b, rg_buf *t)
{
    Agraph_t *g = b->g;
    Agsym_t *label = agattr(g, AGRAPH, "label", NULL);
    rg_build__label(b, t, 0);
    rg_build__set_html(b, b->chart, label, t->len > 0 ? rg_buf__str(t) : "");
    static const struct { const char *name, *value; } look[] = {
        {"id", "legend"},   {"class", "legend"},   {"margin", "0"},
        {"labelloc", "t"},  {"labeljust", "l"},    {"fontsize", "10"},
        {"style", "solid"},
    };
    rg_build__set(b->chart, agattr(g, AGRAPH, "color", NULL), b->pal->bg);
    for (size_t i = 0; i < sizeof(look) / sizeof(look[0]); i++)
        rg_build__set(b->chart, agattr(g, AGRAPH, (char *)look[i].name, NULL),
                      look[i].value);
    rg_build__set(b->chart, agattr(g, AGRAPH, "fontcolor", NULL), b->pal->ink);
    rg_build__title(b, "legend", b->doc->title && *b->doc->title
                                     ? b->doc->title : "legend");
    rg_buf__reset(t);
    rg_build__foot(b, t);
    rg_build__set_html(b, g, label, rg_buf__str(t));
    rg_build__set(g, agattr(g, AGRAPH, "labelloc", NULL), "b");
    b->out->sources_at_foot = 1;
}

static void graph_attrs(rg_bld *b)
{
    Agraph_t *g = b->g;
    int dot = strcmp(b->opts->engine, "dot") == 0;
    int mid = b->n_middles > 0;
    /* Declared with empty defaults so that clusters do not inherit the
     * root's values; the root's values are set after the clusters. */
    struct { const char *name, *value; } root[] = {
        {"newrank", "true"},
        {"rankdir", b->opts->direction},
        {"fontsize", "10"},
        {"bgcolor", b->pal->bg},
        {"pad", "0.3"},
        /* A link's label is a rank of its own between its ends, as
         * dot's own edge labels were (which halve ranksep): the spacing
         * is set so that the OPM chart keeps its area (see README.md). */
        {"nodesep", !dot ? NULL : mid ? "0.15" : "0.3"},
        {"ranksep", !dot ? NULL : mid ? "0.15" : "0.45"},

        {"outputorder", "edgesfirst"},
        {"labelloc", "t"},
        {"labeljust", "l"},
        {"overlap", dot || b->opts->timeline ? NULL : overlap_of(b)},
        {"sep", dot || b->opts->timeline ? NULL : "+6"},
        {"splines", splines_of(b)},
    };
    for (size_t i = 0; i < sizeof(root) / sizeof(root[0]); i++) {
        if (root[i].value == NULL)
            continue;
        Agsym_t *sym = agattr(g, AGRAPH, (char *)root[i].name, NULL);
        if (sym == NULL)
            sym = rg_build__decl(b, AGRAPH, root[i].name, "");
        rg_build__set(g, sym, root[i].value);
    }
    rg_buf t = {0};
    if (b->chart != NULL) {
        chart_label(b, &t);
    } else {
        rg_build__label(b, &t, b->src_num != NULL && b->opts->sources);
        if (t.len > 0)
            rg_build__set_html(b, g, agattr(g, AGRAPH, "label", NULL),
                               rg_buf__str(&t));
    }
    b->oom |= t.oom;
    rg_buf__free(&t);
    rg_build__raw_attrs(b, g, AGRAPH, &b->doc->layout.attrs);
}

static void node_edge_defaults(rg_bld *b)
{
    /* Clusters take the root's font: declare it before they exist. */
    rg_build__decl(b, AGRAPH, "fontname", RG_FONT);
    rg_build__decl(b, AGRAPH, "fontcolor", b->pal->ink);
    rg_build__decl(b, AGNODE, "fontname", RG_FONT);
    rg_build__decl(b, AGNODE, "fontsize", "11");
    rg_build__decl(b, AGNODE, "margin", "0.12,0.05");
    rg_build__decl(b, AGNODE, "penwidth", "1.2");
    rg_build__decl(b, AGNODE, "height", "0.4");
    rg_build__decl(b, AGEDGE, "fontname", RG_FONT);
    rg_build__decl(b, AGEDGE, "fontsize", "9");
    rg_build__decl(b, AGEDGE, "arrowsize", "0.75");
}

int rg_build__graph(rg_built *out, const rg_doc *doc,
                    const rg_build_opts *opts)
{
    memset(out, 0, sizeof(*out));
    rg_bld b = {.doc = doc, .opts = opts, .out = out,
                .pal = rg_style__palette(opts->theme)};
    Agdesc_t desc = Agdirected;
    Agdisc_t disc = {&AgMemDisc, &rg_build__ids, &AgIoDisc};
    b.g = agopen("relgraph", desc, &disc);
    out->g = b.g;
    b.clusters = calloc(doc->n_groups ? doc->n_groups : 1,
                        sizeof(*b.clusters));
    /* a URL for each actor, and for each link its label and two halves
     * (a timeline: its connector, label and leader) */
    out->urls = calloc(doc->n_actors + 3 * doc->n_links + 1,
                       sizeof(*out->urls));
    if (b.g == NULL || b.clusters == NULL || out->urls == NULL) {
        b.oom = 1;
        goto out;
    }
    node_edge_defaults(&b);
    if (rg_cite__init(&b.cite, doc) != 0) {
        b.oom = 1;
        goto out;
    }
    if (opts->citations && b.cite.n_cited > 0)
        b.src_num = b.cite.number;
    if (rg_build__wants_foot(&b) &&
        (strcmp(opts->engine, "dot") == 0 ||
         strcmp(opts->engine, "fdp") == 0)) {
        b.chart = agsubg(b.g, "cluster chart", 1);
        b.oom |= b.chart == NULL;
    }
    if (opts->timeline) {
        rg_build__timeline(&b);
    } else {
        rg_build__actors(&b);
        rg_build__links(&b);
        style_clusters(&b);
    }
    graph_attrs(&b);
    rg_build__set_urls(out, 0);
    if (out->n_titles > 0)
        qsort(out->titles, out->n_titles, sizeof(*out->titles), cmp_titles);
out:
    b.oom |= b.tmp.oom;
    rg_buf__free(&b.tmp);
    free(b.clusters);
    rg_cite__free(&b.cite);
    if (b.oom) {
        rg_build__free(out);
        return -1;
    }
    return 0;
}

/* Graphviz writes URLs into SVG, image maps and PDF as they are: escape
 * them for XML where XML reads them (see rg_escape__gv_url), keep them as
 * written for PDF links. */
void rg_build__set_urls(rg_built *b, int xml)
{
    rg_buf t = {0};
    for (size_t i = 0; i < b->n_urls; i++) {
        const rg_build_url *u = &b->urls[i];
        rg_buf__reset(&t);
        if (xml) {
            rg_escape__gv_url(&t, u->url);
        } else {
            rg_escape__gv_url_pdf(&t, u->url);
        }
        int is_node = agobjkind(u->obj) == AGNODE;
        Agsym_t *sym = is_node ? b->url_node : b->url_edge;
        if (sym != NULL)
            agxset(u->obj, sym, (char *)rg_buf__str(&t));
    }
    rg_buf__free(&t);
}

void rg_build__free(rg_built *b)
{
    if (b->g != NULL)
        agclose(b->g);
    for (size_t i = 0; i < b->n_title_strs; i++)
        free(b->title_strs[i]);
    free(b->title_strs);
    free(b->titles);
    free(b->urls);
    memset(b, 0, sizeof(*b));
}
