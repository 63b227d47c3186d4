/* Importer of the JSON Graph Format: {"graph": {...}} and {"graphs":
 * [...]}, nodes as an object keyed by id (JGF 2) or an array (JGF 1).
 * Nodes become actors, edges links (relation or label as the label,
 * directed from the edge, else the graph, else true). Several graphs are
 * read into one document, each graph a relgraph group and its nodes
 * actors of their own. Hyperedges join more than two nodes: each is a
 * warning at its place, and left out. No state beyond one call. */
#include "import_graph.h"

#include <stdio.h>
#include <string.h>

typedef struct jgf {
    rg_import_ctx *ctx;
    json_t *doc;
    json_t *local;      /* this graph's node ids -> actor ids */
    const char *group;  /* this graph's group id, or NULL (one graph) */
    int directed;       /* this graph's default */
    size_t n_edges, dropped_edges, n_hyper;
} jgf;

static const char *const node_keys[] = {"id", "label", NULL};

static int jgf_node(jgf *j, const char *key, const json_t *n,
                    const rg_path *p)
{
    if (!json_is_object(n)) {
        rg_diag__at(j->ctx->diags, RG_WARNING, j->ctx->file, p, RG_AT_VALUE,
                    NULL, NULL, "expected a node object; left out");
        return 0;
    }
    if (json_object_get(j->local, key) != NULL) {
        rg_diag__at(j->ctx->diags, RG_WARNING, j->ctx->file, p, RG_AT_VALUE,
                    NULL, NULL, "a second node with id \"%s\"; left out",
                    key);
        return 0;
    }
    const char *id = rg_import__id(j->ctx, key);
    const char *name = json_string_value(json_object_get(n, "label"));
    json_t *a = id ? json_pack("{s:s,s:s}", "id", id, "name",
                               name ? name : key) : NULL;
    if (a == NULL || rg_import__set_str(a, "group", j->group) != 0 ||
        rg_import__keep_rest(a, n, node_keys) != 0 ||
        json_object_set_new(j->local, key, json_string(id)) != 0) {
        json_decref(a);
        return -1;
    }
    return rg_import__add(j->doc, "actors", a, p);
}

static int jgf_nodes(jgf *j, const json_t *nodes, const rg_path *gp)
{
    rg_path p = rg_path__key(gp, "nodes");
    const char *key;
    json_t *n;
    size_t i;
    char buf[32];
    if (json_is_object(nodes)) {
        json_object_foreach((json_t *)nodes, key, n) {
            rg_path q = rg_path__key(&p, key);
            if (jgf_node(j, key, n, &q) != 0)
                return -1;
        }
        return 0;
    }
    json_array_foreach(nodes, i, n) {
        rg_path q = rg_path__index(&p, i);
        key = rg_import__id_text(json_object_get(n, "id"), buf, sizeof(buf));
        if (key == NULL) {
            rg_diag__at(j->ctx->diags, RG_WARNING, j->ctx->file, &q,
                        RG_AT_VALUE, NULL, NULL,
                        "a node without an \"id\"; left out");
            continue;
        }
        if (jgf_node(j, key, n, &q) != 0)
            return -1;
    }
    return 0;
}

static int jgf_edge(jgf *j, const json_t *e, const rg_path *p)
{
    j->n_edges++;
    const char *from = rg_import__end(j->ctx, j->local, e, "source", p,
                                      " of this graph");
    const char *to = from ? rg_import__end(j->ctx, j->local, e, "target", p,
                                           " of this graph") : NULL;
    if (from == NULL || to == NULL) {
        j->dropped_edges++;
        return 0;
    }
    const char *lk = json_is_string(json_object_get(e, "label")) ? "label"
                     : json_is_string(json_object_get(e, "relation"))
                         ? "relation" : NULL;
    const json_t *dir = json_object_get(e, "directed");
    int directed = json_is_boolean(dir) ? json_is_true(dir) : j->directed;
    const char *const mapped[] = {"source", "target", "directed", lk, NULL};
    json_t *l = json_pack("{s:s,s:s,s:b}", "from", from, "to", to,
                          "directed", directed);
    if (l == NULL || (lk && json_object_set(l, "label",
                                            json_object_get(e, lk)) != 0) ||
        rg_import__keep_rest(l, e, mapped) != 0) {
        json_decref(l);
        return -1;
    }
    return rg_import__add(j->doc, "links", l, p);
}

static void jgf_hyperedges(jgf *j, const json_t *hyper, const rg_path *gp)
{
    rg_path p = rg_path__key(gp, "hyperedges");
    size_t i;
    json_t *h;
    json_array_foreach(hyper, i, h) {
        rg_path q = rg_path__index(&p, i);
        rg_diag__at(j->ctx->diags, RG_WARNING, j->ctx->file, &q,
                    RG_AT_VALUE, NULL, NULL,
                    "a hyperedge: a relgraph link joins two actors, not a "
                    "set of them; left out");
        j->n_hyper++;
    }
}

/* The group of graph g when the document has several. */
static int jgf_group(jgf *j, const json_t *g, size_t i, const rg_path *p)
{
    char buf[32], want[32];
    const char *gid = rg_import__id_text(json_object_get(g, "id"), buf,
                                         sizeof(buf));
    const char *label = json_string_value(json_object_get(g, "label"));
    snprintf(want, sizeof(want), "graph-%zu", i + 1);
    j->group = rg_import__id(j->ctx, gid ? gid : label ? label : want);
    json_t *rec = j->group ? json_pack("{s:s,s:s}", "id", j->group, "label",
                                       label ? label : gid ? gid : want)
                           : NULL;
    return rg_import__add(j->doc, "groups", rec, p);
}

static int jgf_graph(jgf *j, const json_t *g, size_t i, int several,
                     const rg_path *p)
{
    size_t k;
    json_t *e;
    if (!json_is_object(g)) {
        rg_diag__at(j->ctx->diags, RG_WARNING, j->ctx->file, p, RG_AT_VALUE,
                    NULL, NULL, "expected a graph object; left out");
        return 0;
    }
    const json_t *dir = json_object_get(g, "directed");
    j->directed = json_is_boolean(dir) ? json_is_true(dir) : 1;
    json_object_clear(j->local);
    if (several ? jgf_group(j, g, i, p) != 0
                : rg_import__set_str(j->doc, "title", json_string_value(
                      json_object_get(g, "label"))) != 0)
        return -1;
    if (jgf_nodes(j, json_object_get(g, "nodes"), p) != 0)
        return -1;
    rg_path ep = rg_path__key(p, "edges");
    json_array_foreach(json_object_get(g, "edges"), k, e) {
        rg_path q = rg_path__index(&ep, k);
        if (jgf_edge(j, e, &q) != 0)
            return -1;
    }
    jgf_hyperedges(j, json_object_get(g, "hyperedges"), p);
    return 0;
}

int rg_import__jgf(json_t **out, const json_t *in, rg_import_ctx *ctx)
{
    jgf j = {ctx, rg_import__new_doc(), json_object(), NULL, 1, 0, 0, 0};
    rg_path top = {.n = 0};
    const json_t *one = json_object_get(in, "graph");
    const json_t *many = json_object_get(in, "graphs");
    int rc = j.doc && j.local ? 0 : -1;
    size_t i;
    json_t *g;
    *out = NULL;
    if (rc == 0 && json_is_object(one)) {
        rg_path p = rg_path__key(&top, "graph");
        rc = jgf_graph(&j, one, 0, 0, &p);
    } else if (rc == 0) {
        rg_path p = rg_path__key(&top, "graphs");
        json_array_foreach(many, i, g) {
            rg_path q = rg_path__index(&p, i);
            if ((rc = jgf_graph(&j, g, i, json_array_size(many) > 1, &q)))
                break;
        }
    }
    json_decref(j.local);
    if (rc == 0 && j.n_hyper > 0)
        rg_diags_add(ctx->diags, RG_NOTE, ctx->file,
                     "%zu hyperedge%s left out: relgraph has no links "
                     "between more than two actors", j.n_hyper,
                     j.n_hyper == 1 ? " was" : "s were");
    return rg_import__finish(out, j.doc, rc, ctx, j.dropped_edges, j.n_edges,
                             "their ends name no node of their graph");
}
