/* Importer of Cytoscape.js elements: the array form, and "elements" as
 * {"nodes": [...], "edges": [...]} or as an array. Nodes become actors,
 * edges links; a node that is another's "parent" (a compound node)
 * becomes a relgraph group holding its children, and an actor in that
 * group as well when an edge touches it. Members of "data" relgraph has
 * no key for are kept as "x-KEY"; positions and Cytoscape's interface
 * state are dropped. In relgraph's own export (top-level "data" holds
 * "relgraph": 1) the members of "data" named as relgraph's fields are
 * those fields. State: one cyto per import. */
#include "import_graph.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef struct cyto {
    rg_import_ctx *ctx;
    json_t *doc;
    json_t *first;    /* node id -> the element that holds it (pointer) */
    json_t *parents;  /* node id -> true: named as some node's parent */
    json_t *touched;  /* node id -> true: an end of some edge */
    json_t *actor;    /* node id -> actor id */
    json_t *group;    /* node id -> group id */
    size_t n_edges, dropped_edges;
    int own;          /* relgraph's own export: its fields in "data" */
} cyto;

/* The fields relgraph's .cyjs export writes in "data" (an edge's own
 * sources as "sources"; its "from" and "to" repeat source and target). */
static const char *const actor_fields[] = {
    "kind", "aliases", "group", "note", "date", "until", "url", "source",
    "tags", "confidence", "credibility", "tlp", "stix_id", NULL};
static const char *const link_fields[] = {
    "kind", "status", "directed", "date", "until", "sources", "quote",
    "claimed_by", "disputed_by", "url", "confidence", "credibility", "tlp",
    "stix_id",
    "from", "to", NULL};

/* In relgraph's own export, sets rec's fields from data d (not those rec
 * has) and adds their names to mapped[*n...] (room for them and a NULL).
 * Returns 0, or -1 when out of memory. */
static int own_fields(const cyto *c, json_t *rec, const json_t *d, int edge,
                      const char **mapped, size_t *n)
{
    if (!c->own)
        return 0;
    for (const char *const *f = edge ? link_fields : actor_fields; *f; f++) {
        const char *key = strcmp(*f, "sources") == 0 ? "source" : *f;
        json_t *v = json_object_get(d, *f);
        mapped[(*n)++] = *f;
        mapped[*n] = NULL;
        if (v == NULL || strcmp(*f, "from") == 0 || strcmp(*f, "to") == 0 ||
            json_object_get(rec, key) != NULL)
            continue;
        if (json_object_set(rec, key, v) != 0)
            return -1;
    }
    return 0;
}

/* The passes over the elements, in order. */
enum pass { SCAN_NODES, SCAN_EDGES, GIVE_IDS, MAKE_NODES, MAKE_EDGES };

static const json_t *data_of(const json_t *el)
{
    const json_t *d = json_object_get(el, "data");
    return json_is_object(d) ? d : NULL;
}

/* Whether element el is an edge: its "group", else the list it is in
 * (`implied`), else whether its data has both ends. */
static int is_edge(const json_t *el, const char *implied)
{
    const char *g = json_string_value(json_object_get(el, "group"));
    if (g == NULL)
        g = implied;
    if (g != NULL)
        return strcmp(g, "edges") == 0;
    const json_t *d = data_of(el);
    return json_object_get(d, "source") && json_object_get(d, "target");
}

/* The key of node el in the maps: its id's text (in buf when a number),
 * or, when it has none, a key no edge can name (made from its address). */
static const char *node_id(const json_t *el, char *buf, size_t cap)
{
    const char *id = rg_import__id_text(json_object_get(data_of(el), "id"),
                                        buf, cap);
    if (id == NULL)
        snprintf(buf, cap, "\x01%p", (const void *)el);
    return id ? id : buf;
}

/* Whether el is the node that holds its id (the first one given it). */
static int holds_id(const cyto *c, const json_t *el, const char *id)
{
    const json_t *f = json_object_get(c->first, id);
    return f != NULL && json_integer_value(f) == (json_int_t)(intptr_t)el;
}

static int mark(json_t *set, const json_t *v)
{
    char buf[32];
    const char *k = rg_import__id_text(v, buf, sizeof(buf));
    return k == NULL ? 0 : json_object_set_new(set, k, json_true());
}

static int scan_node(cyto *c, const json_t *el, const rg_path *p)
{
    char buf[32];
    const char *id = node_id(el, buf, sizeof(buf));
    if (json_object_get(c->first, id) != NULL) {
        rg_path q = rg_path__key(p, "data");
        q = rg_path__key(&q, "id");
        rg_diag__at(c->ctx->diags, RG_WARNING, c->ctx->file, &q,
                    RG_AT_VALUE, NULL, NULL,
                    "a second node with id \"%s\"; this one is left out", id);
        return 0;
    }
    if (json_object_set_new(c->first, id,
                                          json_integer((json_int_t)(intptr_t)el)))
        return -1;
    return mark(c->parents, json_object_get(data_of(el), "parent"));
}

/* The actor and group ids of node el (by its index i when it has no id). */
static int give_ids(cyto *c, const json_t *el, size_t i)
{
    char buf[32], want[32];
    const char *id = node_id(el, buf, sizeof(buf));
    if (!holds_id(c, el, id))
        return 0;
    snprintf(want, sizeof(want), "node-%zu", i);
    const char *base = id[0] == '\x01' ? want : id;
    int parent = json_object_get(c->parents, id) != NULL;
    const char *a = NULL, *g = NULL;
    if (!parent || json_object_get(c->touched, id))
        if ((a = rg_import__id(c->ctx, base)) == NULL ||
            json_object_set_new(c->actor, id, json_string(a)) != 0)
            return -1;
    if (parent && ((g = rg_import__id(c->ctx, base)) == NULL ||
                   json_object_set_new(c->group, id, json_string(g)) != 0))
        return -1;
    return 0;
}

/* Its name: data.name, else data.label, else its id. */
static const char *name_key(const json_t *d)
{
    return json_is_string(json_object_get(d, "name"))    ? "name"
           : json_is_string(json_object_get(d, "label")) ? "label"
                                                         : NULL;
}

/* Its "classes" (a string of words, or an array) as tags. */
static int set_tags(json_t *rec, const json_t *classes)
{
    json_t *tags = json_array();
    if (json_is_array(classes)) {
        json_decref(tags);
        return json_array_size(classes) ? json_object_set(rec, "tags",
                                                          (json_t *)classes)
                                        : 0;
    }
    const char *s = json_string_value(classes);
    while (tags != NULL && s != NULL && *s) {
        size_t n = strcspn(s, " \t\n");
        if (n > 0 && json_array_append_new(tags, json_stringn(s, n)) != 0)
            break;
        s += n;
        s += strspn(s, " \t\n");
    }
    if (tags == NULL || (s != NULL && *s))
        return json_decref(tags), -1;
    return json_array_size(tags) ? json_object_set_new(rec, "tags", tags)
                                 : (json_decref(tags), 0);
}

/* The group a node's parent became, as its "group" or "parent" key. */
static int set_parent(cyto *c, json_t *rec, const json_t *d, const char *key)
{
    char buf[32];
    const char *p = rg_import__id_text(json_object_get(d, "parent"), buf,
                                       sizeof(buf));
    json_t *g = p ? json_object_get(c->group, p) : NULL;
    return g == NULL ? 0 : json_object_set(rec, key, g);
}

static int make_node(cyto *c, const json_t *el, const rg_path *p)
{
    char buf[32];
    const json_t *d = data_of(el);
    const char *id = node_id(el, buf, sizeof(buf));
    if (!holds_id(c, el, id))
        return 0;
    const char *nk = name_key(d);
    const json_t *g = json_object_get(c->group, id);
    const json_t *a = json_object_get(c->actor, id);
    const char *name = nk ? json_string_value(json_object_get(d, nk))
                       : id[0] != '\x01' ? id : json_string_value(a);
    const char *mapped[24] = {"id", "parent", nk, NULL};
    size_t n = 2;
    if (g != NULL) {
        json_t *rec = json_pack("{s:O,s:s}", "id", g, "label", name);
        if (rec == NULL || set_parent(c, rec, d, "parent") != 0 ||
            (a == NULL && rg_import__keep_rest(rec, d, mapped) != 0) ||
            rg_import__add(c->doc, "groups", rec, p) != 0)
            return -1;
    }
    if (a == NULL)
        return 0;
    json_t *rec = json_pack("{s:O,s:s}", "id", a, "name", name);
    if (rec == NULL ||
        set_parent(c, rec, d, "group") != 0 ||
        (g != NULL && json_object_set(rec, "group", (json_t *)g) != 0) ||
        set_tags(rec, json_object_get(el, "classes")) != 0 ||
        own_fields(c, rec, d, 0, mapped, &n) != 0 ||
        (mapped[n] = nk, rg_import__keep_rest(rec, d, mapped)) != 0) {
        json_decref(rec);
        return -1;
    }
    return rg_import__add(c->doc, "actors", rec, p);
}

static int make_edge(cyto *c, const json_t *el, const rg_path *p)
{
    const json_t *d = data_of(el);
    c->n_edges++;
    rg_path dp = rg_path__key(p, "data");
    const char *from = rg_import__end(c->ctx, c->actor, d, "source", &dp, "");
    const char *to = from ? rg_import__end(c->ctx, c->actor, d, "target",
                                           &dp, "") : NULL;
    if (from == NULL || to == NULL) {
        c->dropped_edges++;
        return 0;
    }
    const char *lk = json_is_string(json_object_get(d, "label"))
                         ? "label"
                     : json_is_string(json_object_get(d, "interaction"))
                         ? "interaction"
                     : json_is_string(json_object_get(d, "name")) ? "name"
                                                                  : NULL;
    const char *mapped[24] = {"source", "target", lk, NULL};
    size_t n = 2;
    json_t *rec = json_pack("{s:s,s:s}", "from", from, "to", to);
    if (rec == NULL ||
        (lk && json_object_set(rec, "label", json_object_get(d, lk))) ||
        (json_object_get(el, "classes") &&
         json_object_set(rec, "x-classes", json_object_get(el, "classes"))) ||
        own_fields(c, rec, d, 1, mapped, &n) != 0 ||
        (mapped[n] = lk, rg_import__keep_rest(rec, d, mapped)) != 0) {
        json_decref(rec);
        return -1;
    }
    return rg_import__add(c->doc, "links", rec, p);
}

static int visit(cyto *c, enum pass pass, const json_t *el, size_t i,
                 const char *implied, const rg_path *p)
{
    if (data_of(el) == NULL) {
        if (pass == SCAN_NODES)
            rg_diag__at(c->ctx->diags, RG_WARNING, c->ctx->file, p,
                        RG_AT_VALUE, NULL, NULL,
                        "an element without a \"data\" object; left out");
        return 0;
    }
    int edge = is_edge(el, implied);
    const json_t *d = data_of(el);
    switch (pass) {
    case SCAN_NODES: return edge ? 0 : scan_node(c, el, p);
    case SCAN_EDGES:
        return !edge ? 0 : (mark(c->touched, json_object_get(d, "source")) ||
                            mark(c->touched, json_object_get(d, "target")));
    case GIVE_IDS: return edge ? 0 : give_ids(c, el, i);
    case MAKE_NODES: return edge ? 0 : make_node(c, el, p);
    case MAKE_EDGES: return edge ? make_edge(c, el, p) : 0;
    }
    return 0;
}

/* Runs a pass over the elements of one list, at path p. */
static int visit_list(cyto *c, enum pass pass, const json_t *list,
                      const char *implied, const rg_path *p)
{
    size_t i;
    json_t *el;
    json_array_foreach(list, i, el) {
        rg_path q = rg_path__index(p, i);
        if (visit(c, pass, el, i, implied, &q) != 0)
            return -1;
    }
    return 0;
}

static int visit_all(cyto *c, enum pass pass, const json_t *in)
{
    rg_path top = {.n = 0};
    if (json_is_array(in))
        return visit_list(c, pass, in, NULL, &top);
    const json_t *els = json_object_get(in, "elements");
    rg_path p = rg_path__key(&top, "elements");
    if (json_is_array(els))
        return visit_list(c, pass, els, NULL, &p);
    rg_path pn = rg_path__key(&p, "nodes"), pe = rg_path__key(&p, "edges");
    return visit_list(c, pass, json_object_get(els, "nodes"), "nodes", &pn) ||
           visit_list(c, pass, json_object_get(els, "edges"), "edges", &pe);
}

int rg_import__cytoscape(json_t **out, const json_t *in, rg_import_ctx *ctx)
{
    cyto c = {ctx, rg_import__new_doc(), json_object(), json_object(),
              json_object(), json_object(), json_object(), 0, 0, 0};
    int rc = -1;
    *out = NULL;
    if (c.doc && c.first && c.parents && c.touched && c.actor && c.group) {
        rc = 0;
        c.own = json_integer_value(json_object_get(
                    json_object_get(in, "data"), "relgraph")) == 1;
        for (int pass = SCAN_NODES; pass <= MAKE_EDGES && rc == 0; pass++)
            rc = visit_all(&c, (enum pass)pass, in);
        if (rc == 0 && c.own)
            rc = rg_import__declare_named(c.doc);
    }
    json_decref(c.first);
    json_decref(c.parents);
    json_decref(c.touched);
    json_decref(c.actor);
    json_decref(c.group);
    return rg_import__finish(out, c.doc, rc, ctx, c.dropped_edges, c.n_edges,
                             "their ends name no node");
}
