/* Importers of plain graph formats: d3's nodes and links, Cytoscape.js
 * elements and the JSON Graph Format. Nodes become actors, edges links;
 * what the format says that relgraph has no key for is kept under "x-"
 * keys, which relgraph ignores and `fmt` keeps. No state. */
#include "import.h"

#include <stdio.h>
#include <string.h>

/* The text of an id-like value: a string as it is, a number as written. */
static const char *id_text(const json_t *v, char *buf, size_t cap)
{
    if (json_is_string(v))
        return json_string_value(v);
    if (json_is_integer(v)) {
        snprintf(buf, cap, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        return buf;
    }
    return NULL;
}

/* Copies the members of `from` that the importer did not map, as
 * "x-KEY", into `rec`. `mapped` is NULL-terminated. */
static int keep_rest(json_t *rec, const json_t *from,
                     const char *const *mapped)
{
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)from, key, v) {
        int m = 0;
        for (size_t i = 0; mapped[i] && !m; i++)
            m = strcmp(mapped[i], key) == 0;
        char x[256];
        if (m || snprintf(x, sizeof(x), "x-%s", key) >= (int)sizeof(x))
            continue;
        if (json_object_set(rec, x, v) != 0)
            return -1;
    }
    return 0;
}

/* ---- d3 ---- */

static const char *const d3_node_keys[] = {"id", "name", "label", NULL};
static const char *const d3_link_keys[] = {"source", "target", NULL};

/* Actor i of d3's nodes. */
static json_t *d3_actor(const json_t *n, size_t i, rg_import_ctx *ctx,
                        json_t *by_key)
{
    char buf[32], ibuf[32];
    const char *raw = id_text(json_object_get(n, "id"), buf, sizeof(buf));
    const char *name = json_string_value(json_object_get(n, "name"));
    if (name == NULL)
        name = json_string_value(json_object_get(n, "label"));
    snprintf(ibuf, sizeof(ibuf), "%zu", i);
    const char *id = rg_import__id(ctx, raw ? raw : name ? name : ibuf);
    json_t *a = id ? json_pack("{s:s}", "id", id) : NULL;
    if (a == NULL || (name && json_object_set_new(a, "name",
                                                  json_string(name)) != 0) ||
        keep_rest(a, n, d3_node_keys) != 0 ||
        json_object_set_new(by_key, raw ? raw : ibuf, json_string(id)) != 0) {
        json_decref(a);
        return NULL;
    }
    return a;
}

/* The actor id a link's end names: a node's index, its id, or the node
 * itself as d3 leaves it after a simulation ({"id": ...}). */
static const char *d3_end(const json_t *v, const json_t *nodes,
                          const json_t *by_key)
{
    char buf[32];
    if (json_is_object(v))
        v = json_object_get(v, "id");
    if (json_is_integer(v) && json_integer_value(v) >= 0 &&
        (size_t)json_integer_value(v) < json_array_size(nodes)) {
        /* By index, unless the nodes have ids that are numbers. */
        const char *k = id_text(v, buf, sizeof(buf));
        const json_t *id = json_object_get(by_key, k);
        if (id != NULL)
            return json_string_value(id);
    }
    const char *k = id_text(v, buf, sizeof(buf));
    return k ? json_string_value(json_object_get(by_key, k)) : NULL;
}

int rg_import__d3(json_t **out, const json_t *in, rg_import_ctx *ctx)
{
    const json_t *nodes = json_object_get(in, "nodes");
    const json_t *links = json_object_get(in, "links");
    json_t *doc = json_pack("{s:i,s:[],s:[]}", "relgraph", 1, "actors",
                            "links");
    json_t *by_key = json_object();
    json_t *actors = json_object_get(doc, "actors");
    json_t *ls = json_object_get(doc, "links");
    rg_path top = {.n = 0};
    size_t i, dropped = 0;
    json_t *v;
    *out = NULL;
    if (doc == NULL || by_key == NULL)
        goto oom;
    json_array_foreach(nodes, i, v) {
        rg_path p = rg_path__key(&top, "nodes");
        p = rg_path__index(&p, i);
        if (!json_is_object(v)) {
            rg_diag__at(ctx->diags, RG_ERROR, ctx->file, &p, RG_AT_VALUE,
                        NULL, NULL, "expected a node object");
            continue;
        }
        json_t *a = d3_actor(v, i, ctx, by_key);
        if (a == NULL || rg_import__from_path(a, &p) != 0 ||
            json_array_append_new(actors, a) != 0)
            goto oom;
    }
    json_array_foreach(links, i, v) {
        rg_path p = rg_path__key(&top, "links");
        p = rg_path__index(&p, i);
        const char *from = d3_end(json_object_get(v, "source"), nodes, by_key);
        const char *to = d3_end(json_object_get(v, "target"), nodes, by_key);
        if (from == NULL || to == NULL) {
            rg_path q = rg_path__key(&p, from ? "target" : "source");
            rg_diag__at(ctx->diags, RG_WARNING, ctx->file, &q, RG_AT_VALUE,
                        NULL, NULL,
                        "names no node (neither an index of \"nodes\" nor "
                        "a node's id); the link is left out");
            dropped++;
            continue;
        }
        json_t *l = json_pack("{s:s,s:s,s:b}", "from", from, "to", to,
                              "directed", 0);
        if (l == NULL || keep_rest(l, v, d3_link_keys) != 0 ||
            rg_import__from_path(l, &p) != 0 ||
            json_array_append_new(ls, l) != 0) {
            json_decref(l);
            goto oom;
        }
    }
    if (dropped > 0)
        rg_diags_add(ctx->diags, RG_NOTE, ctx->file,
                     "%zu of %zu links were left out: their ends name no "
                     "node", dropped, json_array_size(links));
    json_decref(by_key);
    *out = doc;
    return 0;
oom:
    json_decref(by_key);
    json_decref(doc);
    rg_diags_add(ctx->diags, RG_ERROR, ctx->file, "out of memory importing");
    return -1;
}

/* ---- Cytoscape.js and JGF: not yet read ---- */

int rg_import__cytoscape(json_t **out, const json_t *in, rg_import_ctx *ctx)
{
    (void)in;
    *out = NULL;
    rg_diags_add(ctx->diags, RG_ERROR, ctx->file,
                 "Cytoscape.js elements cannot be read yet");
    return -1;
}

int rg_import__jgf(json_t **out, const json_t *in, rg_import_ctx *ctx)
{
    (void)in;
    *out = NULL;
    rg_diags_add(ctx->diags, RG_ERROR, ctx->file,
                 "JSON Graph Format cannot be read yet");
    return -1;
}
