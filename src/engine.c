/* The choice of a layout engine: the options' or the document's, else
 * one picked by the document's size, density and direction, with what
 * goes with it (link labels, the overlap removal, whether groups are
 * drawn as boxes). No state of its own. */
#include "engine.h"

#include "diag.h"

#include <stdio.h>
#include <string.h>

/* dot draws the best charts of relations but its cost grows steeply with
 * links: on generated documents (tests/bench) it took 3-4 s for 100
 * actors and 305 links, but 57 s for 120 and 362; at OPM's density (1.25
 * links an actor) 2.4 s for 500 actors and 616 links. Past these sizes
 * sfdp (under 1 s up to 500 actors) is used unless the user asks. */
#define DOT_MAX_ACTORS 500
#define DOT_MAX_LINKS 320

/* sfdp spends most of a big layout placing link labels and removing
 * overlaps: the generated 10,000-actor document (29,861 labelled links)
 * took 78-97 s with its labels, 56 s without, and 14 s when the overlap
 * removal (prism) stops after 20 rounds instead of 1,000 (no overlap left
 * that we could see; 5 rounds: 9 s). Past this many links, an sfdp layout
 * picked by relgraph draws no link labels (each stays in its link's title
 * and tooltip) and removes overlaps in at most 20 rounds. */
#define SFDP_MAX_LABELLED_LINKS 5000

/* A network whose links mostly have no direction and which has more
 * than this many links an actor (an average degree over 4) is a tangle
 * in dot, which lays links out in layers: the d3 Les Miserables sample
 * (77 actors, 254 undirected links, 3.3 an actor) drew at 1,953 square
 * inches in dot against 278 in fdp, which keeps groups as well
 * (graphs/README.md, "How the engine is chosen"). */
#define DENSE_LINKS_PER_ACTOR 2

/* The engines that draw each group as a box around exactly its members
 * (tests/groups/run.sh measures it). neato 2.43 draws some clusters as
 * the bounding box of their members after the layout, over other
 * actors; sfdp, circo and twopi draw none. */
static int draws_groups(const char *engine)
{
    return strcmp(engine, "dot") == 0 || strcmp(engine, "fdp") == 0 ||
           strcmp(engine, "osage") == 0;
}

static int any_grouped(const rg_doc *doc)
{
    for (size_t i = 0; i < doc->n_actors; i++)
        if (doc->actors[i].group_index >= 0)
            return 1;
    return 0;
}

static int dense_undirected(const rg_doc *doc)
{
    size_t undirected = 0;
    for (size_t i = 0; i < doc->n_links; i++)
        undirected += !doc->links[i].directed;
    return 2 * undirected > doc->n_links &&
           doc->n_links > DENSE_LINKS_PER_ACTOR * doc->n_actors;
}

/* Up to dot's limits: dot, unless the network is dense, mostly
 * undirected and asks for no direction; then fdp. */
static void pick_small(rg_build_opts *out, const rg_doc *doc,
                       const rg_render_opts *o, rg_diags *diags)
{
    out->engine = "dot";
    if (o->direction != NULL || doc->layout.direction != NULL ||
        !dense_undirected(doc))
        return;
    out->engine = "fdp";
    rg_diags_add(diags, RG_NOTE, doc->file,
                 "using the %s layout for %zu actors and %zu links, most "
                 "of them undirected (dot is used for sparser or directed "
                 "charts, or when a direction is given); choose one with "
                 "--engine or \"layout\": {\"engine\": ...}",
                 out->engine, doc->n_actors, doc->n_links);
}

static void pick_big(rg_build_opts *out, const rg_doc *doc, rg_diags *diags)
{
    if (doc->n_links == 0) {
        /* Without links there is nothing to lay out but boxes: sfdp and
         * neato took over 120 s for 5,000 actors alone (each is a
         * component of its own, placed one by one), dot over 120 s for
         * 5,000 groups; osage, which packs clusters, 0.3-0.7 s. */
        out->engine = "osage";
        rg_diags_add(diags, RG_NOTE, doc->file,
                     "using the osage layout (boxes packed in rows) for %zu "
                     "actors without links; choose another with --engine or "
                     "\"layout\": {\"engine\": ...}", doc->n_actors);
        return;
    }
    out->engine = "sfdp";
    out->link_labels = doc->n_links <= SFDP_MAX_LABELLED_LINKS;
    out->overlap = out->link_labels ? NULL : "prism20";
    rg_diags_add(diags, RG_NOTE, doc->file,
                 "using the sfdp layout for %zu actors and %zu links (dot "
                 "is used up to %d actors and %d links)%s; choose one with "
                 "--engine or \"layout\": {\"engine\": ...}",
                 doc->n_actors, doc->n_links, DOT_MAX_ACTORS, DOT_MAX_LINKS,
                 out->link_labels
                     ? ""
                     : ", without link labels (more than "
                       RG_STR(SFDP_MAX_LABELLED_LINKS) " links; each is "
                       "in its link's tooltip) and with a shorter overlap "
                       "removal");
}

void rg_engine__pick(rg_build_opts *out, const rg_doc *doc,
                         const rg_render_opts *o, rg_diags *diags)
{
    int grouped = any_grouped(doc);
    out->link_labels = 1;
    out->overlap = NULL;
    out->engine = o->engine ? o->engine : doc->layout.engine;
    if (out->engine == NULL) {
        if (doc->n_actors <= DOT_MAX_ACTORS && doc->n_links <= DOT_MAX_LINKS)
            pick_small(out, doc, o, diags);
        else
            pick_big(out, doc, diags);
    }
    out->groups = draws_groups(out->engine);
    if (grouped && !out->groups)
        rg_diags_add(diags, RG_WARNING, doc->file,
                     "the %s layout draws no group boxes (each actor's "
                     "group is in its tooltip); use --engine dot or fdp to "
                     "see groups", out->engine);
}
