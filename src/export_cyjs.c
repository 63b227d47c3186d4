/* Cytoscape.js JSON: {"data": {"relgraph": 1}, "elements": {"nodes":
 * [...], "edges": [...]}} (the graph's data says who wrote it, so that
 * relgraph's import reads its fields back),
 * each node with every actor field in "data" and the layout's centre as
 * "position" (points, y down); each edge with every link field, its ends
 * as Cytoscape's "source" and "target" (so the link's own sources go as
 * "sources"). No state. */
#include "export.h"

#include "escape.h"

#include <string.h>

/* Writes the fields of record i of table t as JSON members; `first`
 * says whether one was written before. Cytoscape's own "source" is the
 * edge's end: the link's sources are written as "sources". */
static void data_fields(rg_buf *b, const rg_doc *d, rg_xtable t, size_t i,
                        int first)
{
    size_t nf;
    const rg_xfield *fields = rg_export__fields(t, &nf);
    for (size_t f = 0; f < nf; f++) {
        rg_xval v;
        rg_export__value(&v, d, t, i, f);
        if (!v.present)
            continue;
        const char *name = fields[f].name;
        if (t == RG_XT_LINKS && strcmp(name, "source") == 0)
            name = "sources";
        rg_buf__puts(b, first ? "" : ", ");
        first = 0;
        rg_escape__json(b, name);
        rg_buf__puts(b, ": ");
        if (v.list != NULL) {
            rg_buf__putc(b, '[');
            for (size_t k = 0; k < v.list->n; k++) {
                rg_buf__puts(b, k > 0 ? ", " : "");
                rg_escape__json(b, v.list->v[k]);
            }
            rg_buf__putc(b, ']');
        } else if (v.s != NULL)
            rg_escape__json(b, v.s);
        else
            rg_export__text(b, &v);
    }
}

/* An edge id that no actor has: "link-N", with '-' added until free.
 * `ids` holds the actors' ids: a view (--focus, --tlp) has no id map of
 * its own, and only ids can clash. */
static void edge_id(rg_buf *b, const rg_map *ids, size_t i)
{
    rg_buf id = {0};
    size_t taken;
    rg_buf__printf(&id, "link-%zu", i);
    while (!id.oom && rg_map__get(ids, rg_buf__str(&id), &taken))
        rg_buf__putc(&id, '-');
    rg_escape__json(b, rg_buf__str(&id));
    if (id.oom)
        b->oom = 1;
    rg_buf__free(&id);
}

void rg_export__cyjs(rg_buf *b, const rg_doc *d, const rg_xlayout *lay)
{
    rg_buf__puts(b, "{\"data\": {\"relgraph\": 1}, \"elements\": {\"nodes\": [");
    int first = 1;
    for (size_t i = 0; i < d->n_actors && !b->oom; i++) {
        const rg_xnode *x = &lay->nodes[i];
        rg_buf__puts(b, first ? "\n  {\"data\": {" : ",\n  {\"data\": {");
        first = 0;
        data_fields(b, d, RG_XT_ACTORS, i, 1);
        rg_buf__putc(b, '}');
        if (x->placed)
            rg_buf__printf(b, ", \"position\": {\"x\": %.2f, \"y\": %.2f}",
                           x->x, x->y);
        rg_buf__putc(b, '}');
    }
    rg_buf__puts(b, "\n], \"edges\": [");
    rg_map ids = {0};
    for (size_t i = 0; i < d->n_actors; i++)
        if (rg_map__put(&ids, d->actors[i].id, i, NULL) < 0)
            b->oom = 1;
    for (size_t i = 0; i < d->n_links && !b->oom; i++) {
        const rg_link *k = &d->links[i];
        rg_buf__puts(b, i == 0 ? "\n  {\"data\": {\"id\": "
                               : ",\n  {\"data\": {\"id\": ");
        edge_id(b, &ids, i);
        rg_buf__puts(b, ", \"source\": ");
        rg_escape__json(b, d->actors[k->from_index].id);
        rg_buf__puts(b, ", \"target\": ");
        rg_escape__json(b, d->actors[k->to_index].id);
        data_fields(b, d, RG_XT_LINKS, i, 0);
        rg_buf__puts(b, "}}");
    }
    rg_map__free(&ids);
    rg_buf__puts(b, "\n]}}\n");
}
