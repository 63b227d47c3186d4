/* Importer of d3's nodes and links, and the helpers the importers of
 * JSON graph formats share (import_graph.h). Nodes become actors, links
 * links; d3's simulation state (index, x, y, vx, vy, fx, fy) is dropped;
 * a node's "group" becomes a relgraph group when the nodes fall into a
 * few groups, else a tag; a link's "value" sets its line's width. What
 * else the format says is kept under "x-" keys, which relgraph ignores
 * and `fmt` keeps. No state. */
#include "import_graph.h"
#include "style.h"

#include <stdio.h>
#include <string.h>

/* More distinct d3 "group" values than this are tags, not boxes. */
#define D3_MAX_GROUPS 12

const char *rg_import__id_text(const json_t *v, char *buf, size_t cap)
{
    if (json_is_string(v))
        return json_string_value(v);
    if (json_is_integer(v)) {
        snprintf(buf, cap, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        return buf;
    }
    return NULL;
}

int rg_import__keep_rest(json_t *rec, const json_t *from,
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

json_t *rg_import__new_doc(void)
{
    return json_pack("{s:i,s:[],s:[]}", "relgraph", 1, "actors", "links");
}

int rg_import__add(json_t *doc, const char *section, json_t *rec,
                   const rg_path *p)
{
    json_t *arr = json_object_get(doc, section);
    if (rec == NULL)
        return -1;
    if (arr == NULL && json_object_set_new(doc, section, json_array()) == 0)
        arr = json_object_get(doc, section);
    if (arr == NULL || rg_import__from_path(rec, p) != 0) {
        json_decref(rec);
        return -1;
    }
    return json_array_append_new(arr, rec);
}

int rg_import__set_str(json_t *rec, const char *key, const char *s)
{
    return s == NULL ? 0 : json_object_set_new(rec, key, json_string(s));
}

int rg_import__oom(rg_import_ctx *ctx)
{
    rg_diags_add(ctx->diags, RG_ERROR, ctx->file, "out of memory importing");
    return -1;
}

void rg_import__left_out(rg_import_ctx *ctx, size_t n, size_t of,
                         const char *what, const char *why)
{
    if (n > 0)
        rg_diags_add(ctx->diags, RG_NOTE, ctx->file,
                     "%zu of %zu %s were left out: %s", n, of, what, why);
}

const char *rg_import__end(rg_import_ctx *ctx, const json_t *ids,
                           const json_t *rec, const char *key,
                           const rg_path *p, const char *where)
{
    char buf[32];
    const char *t = rg_import__id_text(json_object_get(rec, key), buf,
                                       sizeof(buf));
    const json_t *a = t ? json_object_get(ids, t) : NULL;
    if (a == NULL) {
        rg_path q = rg_path__key(p, key);
        rg_diag__at(ctx->diags, RG_WARNING, ctx->file, &q, RG_AT_VALUE,
                    NULL, NULL, "names no node%s; the edge is left out",
                    where);
    }
    return json_string_value(a);
}

/* The input path a record's "@from" holds. */
static rg_path from_path(const json_t *rec)
{
    return rg_import__path_of(json_object_get(rec, RG_IMPORT_FROM));
}

/* The ids of the elements of doc[section] and where they are, for
 * add_named(): the array (made when missing) and the set of its ids, the
 * strings of the records (which outlive the set). */
typedef struct named {
    json_t *doc;
    const char *section;
    json_t *arr;
    rg_map ids;
} named;

static int named_open(named *n, json_t *doc, const char *section)
{
    n->doc = doc;
    n->section = section;
    n->arr = json_object_get(doc, section);
    if (rg_map__reserve(&n->ids, json_array_size(n->arr)) != 0)
        return -1;
    json_t *v;
    size_t j;
    json_array_foreach(n->arr, j, v) {
        const char *id = json_string_value(json_object_get(v, "id"));
        if (id != NULL && rg_map__put(&n->ids, id, 0, NULL) < 0)
            return -1;
    }
    return 0;
}

/* Adds {"id": ID} to n's array unless an element has that id, "@from"
 * that of the record `by` naming it. */
static int add_named(named *n, const char *id, const json_t *by)
{
    if (rg_map__get(&n->ids, id, NULL))
        return 0;
    if (n->arr == NULL &&
        (json_object_set_new(n->doc, n->section, json_array()) != 0 ||
         (n->arr = json_object_get(n->doc, n->section)) == NULL))
        return -1;
    json_t *rec = json_pack("{s:s,s:O*}", "id", id, RG_IMPORT_FROM,
                            json_object_get(by, RG_IMPORT_FROM));
    /* The key is the new record's own copy of the id. */
    if (rec == NULL || json_array_append_new(n->arr, rec) != 0 ||
        rg_map__put(&n->ids,
                    json_string_value(json_object_get(rec, "id")), 0,
                    NULL) < 0)
        return -1;
    return 0;
}

/* Declares `kind` under doc[section] unless built in (`builtins`) or
 * declared, with relgraph's default look. */
static int declare_kind(json_t *doc, const char *section, const char *kind,
                        int builtins)
{
    json_t *kinds = json_object_get(doc, section);
    if (kind == NULL || json_object_get(kinds, kind) != NULL)
        return 0;
    for (size_t i = 0; builtins && i < rg_style__builtin_count(); i++)
        if (strcmp(rg_style__builtin_name(i), kind) == 0)
            return 0;
    if (kinds == NULL && (json_object_set_new(doc, section, json_object()) ||
                          (kinds = json_object_get(doc, section)) == NULL))
        return -1;
    return json_object_set_new(kinds, kind, json_object());
}

int rg_import__declare_named(json_t *doc)
{
    const char *secs[] = {"actors", "links"};
    named groups = {0}, sources = {0};
    json_t *r, *v;
    size_t j, k;
    int rc = -1;
    if (named_open(&groups, doc, "groups") || named_open(&sources, doc,
                                                         "sources"))
        goto out;
    for (size_t s = 0; s < 2; s++)
        json_array_foreach(json_object_get(doc, secs[s]), j, r) {
            const char *g = json_string_value(json_object_get(r, "group"));
            const char *kind = json_string_value(json_object_get(r, "kind"));
            if ((s == 0 && g != NULL && add_named(&groups, g, r)) ||
                declare_kind(doc, s == 0 ? "kinds" : "link_kinds", kind,
                             s == 0))
                goto out;
            json_t *src = json_object_get(r, "source");
            if (json_is_string(src) &&
                add_named(&sources, json_string_value(src), r))
                goto out;
            json_array_foreach(src, k, v)
                if (json_is_string(v) &&
                    add_named(&sources, json_string_value(v), r))
                    goto out;
        }
    rc = 0;
out:
    rg_map__free(&groups.ids);
    rg_map__free(&sources.ids);
    return rc;
}

/* The repeats warned of one by one; the note counts them all, so that
 * a file of a million repeated edges costs no million positions. */
#define TWINS_SHOWN 20

int rg_import__merge_twins(rg_import_ctx *ctx, json_t *doc)
{
    json_t *links = json_object_get(doc, "links"), *seen = json_object();
    json_t *kept = json_array();
    size_t merged = 0, n = json_array_size(links);
    char key[1024];
    int rc = -1;
    if (seen == NULL || kept == NULL)
        goto out;
    for (size_t i = 0; i < n; i++) {
        json_t *l = json_array_get(links, i);
        /* what the checker calls the same link ("drawn twice") */
        const char *f[] = {"label", "kind", "status", "date", "until"};
        int at = snprintf(key, sizeof(key), "%s\n%s\n%d",
                          json_string_value(json_object_get(l, "from")),
                          json_string_value(json_object_get(l, "to")),
                          !json_is_false(json_object_get(l, "directed")));
        for (size_t k = 0; k < 5 && at > 0 && (size_t)at < sizeof(key); k++) {
            const char *v = json_string_value(json_object_get(l, f[k]));
            at += snprintf(key + at, sizeof(key) - (size_t)at, "\n%s",
                           v ? v : "");
        }
        /* A key cut short could match another link's: kept as it is. */
        int whole = at > 0 && (size_t)at < sizeof(key);
        json_t *first = whole ? json_object_get(seen, key) : NULL;
        if (first == NULL) {
            if ((whole && json_object_set(seen, key, l) != 0) ||
                json_array_append(kept, l) != 0)
                goto out;
            continue;
        }
        if (merged++ < TWINS_SHOWN) {
            rg_path p = from_path(l), q = from_path(first);
            rg_diag__at(ctx->diags, RG_WARNING, ctx->file, &p, RG_AT_VALUE,
                        &q, NULL, "the same edge as an earlier one (same "
                        "ends, label and direction); merged into one link");
        }
    }
    if (merged > 0) {
        if (json_object_set(doc, "links", kept) != 0)
            goto out;
        rg_diags_add(ctx->diags, RG_NOTE, ctx->file,
                     "%zu of %zu edges repeated an earlier one and were "
                     "merged into it%s", merged, n,
                     merged > TWINS_SHOWN ? " (the first "
                                            RG_STR(TWINS_SHOWN) " are shown)"
                                          : "");
    }
    rc = 0;
out:
    json_decref(seen);
    json_decref(kept);
    return rc;
}

int rg_import__finish(json_t **out, json_t *doc, int rc, rg_import_ctx *ctx,
                      size_t dropped, size_t of, const char *why)
{
    if (rc == 0) {
        rg_import__left_out(ctx, dropped, of, "edges", why);
        rc = rg_import__merge_twins(ctx, doc);
    }
    if (rc != 0) {
        json_decref(doc);
        return rg_import__oom(ctx);
    }
    *out = doc;
    return 0;
}

/* ---- d3 ---- */

static const char *const d3_node_keys[] = {
    "id", "name", "label", "group", "index", "x", "y", "vx", "vy", "fx",
    "fy", NULL};
static const char *const d3_link_keys[] = {"source", "target", "index",
                                           NULL};

typedef struct d3 {
    rg_import_ctx *ctx;
    json_t *doc;
    json_t *by_key;   /* node id (or index) text -> actor id */
    json_t *groups;   /* "group" value text -> group id, or NULL: tags */
    double max_value; /* the biggest link "value" */
} d3;

/* The relgraph groups made of the nodes' "group" values, when there are
 * at most D3_MAX_GROUPS of them; else d->groups stays NULL. */
static int d3_groups(d3 *d, const json_t *nodes)
{
    json_t *seen = json_object(), *n;
    size_t i;
    char buf[32], want[48];
    if (seen == NULL)
        return -1;
    json_array_foreach(nodes, i, n) {
        const char *g = rg_import__id_text(json_object_get(n, "group"), buf,
                                           sizeof(buf));
        if (g != NULL && json_object_set_new(seen, g, json_null()) != 0)
            goto fail;
    }
    if (json_object_size(seen) == 0 || json_object_size(seen) > D3_MAX_GROUPS) {
        json_decref(seen);
        return 0;
    }
    const char *key;
    json_object_foreach(seen, key, n) {
        snprintf(want, sizeof(want), "group-%.30s", key);
        const char *id = rg_import__id(d->ctx, want);
        rg_path p = {.n = 0};
        json_t *g = id ? json_pack("{s:s,s:s}", "id", id, "label", want)
                       : NULL;
        if (g == NULL || json_object_set_new(seen, key, json_string(id)) ||
            rg_import__add(d->doc, "groups", g, &p) != 0)
            goto fail;
    }
    d->groups = seen;
    return 0;
fail:
    json_decref(seen);
    return -1;
}

/* Puts node n's "group" on actor a: as its relgraph group, or a tag. */
static int d3_group_of(d3 *d, json_t *a, const json_t *n)
{
    char buf[32], tag[48];
    const char *g = rg_import__id_text(json_object_get(n, "group"), buf,
                                       sizeof(buf));
    if (g == NULL)
        return 0;
    if (d->groups != NULL)
        return json_object_set(a, "group", json_object_get(d->groups, g));
    snprintf(tag, sizeof(tag), "group-%.30s", g);
    return json_object_set_new(a, "tags", json_pack("[s]", tag));
}

/* Actor i of d3's nodes. */
static json_t *d3_actor(d3 *d, const json_t *n, size_t i)
{
    char buf[32], ibuf[32];
    const char *raw = rg_import__id_text(json_object_get(n, "id"), buf,
                                         sizeof(buf));
    const char *name = json_string_value(json_object_get(n, "name"));
    if (name == NULL)
        name = json_string_value(json_object_get(n, "label"));
    snprintf(ibuf, sizeof(ibuf), "%zu", i);
    const char *id = rg_import__id(d->ctx, raw ? raw : name ? name : ibuf);
    json_t *a = id ? json_pack("{s:s}", "id", id) : NULL;
    if (a == NULL || rg_import__set_str(a, "name", name) != 0 ||
        d3_group_of(d, a, n) != 0 ||
        rg_import__keep_rest(a, n, d3_node_keys) != 0 ||
        json_object_set_new(d->by_key, raw ? raw : ibuf,
                            json_string(id)) != 0 ||
        (snprintf(ibuf, sizeof(ibuf), "#%zu", i) > 0 &&
         json_object_set_new(d->by_key, ibuf, json_string(id)) != 0)) {
        json_decref(a);
        return NULL;
    }
    return a;
}

/* The actor id a link's end names: a node's id, its index, or the node
 * itself as d3 leaves it after a simulation ({"id": ...}). */
static const char *d3_end(const json_t *v, const json_t *by_key)
{
    char buf[32];
    if (json_is_object(v))
        v = json_object_get(v, json_object_get(v, "id") ? "id" : "index");
    const char *k = rg_import__id_text(v, buf, sizeof(buf));
    const json_t *id = k ? json_object_get(by_key, k) : NULL;
    if (id == NULL && json_is_integer(v)) {
        snprintf(buf, sizeof(buf), "#%" JSON_INTEGER_FORMAT,
                 json_integer_value(v));
        id = json_object_get(by_key, buf);
    }
    return json_string_value(id);
}

/* A link's "value" as the width of its line: 1 to 4 points, the biggest
 * value 4; the value itself kept as "x-value". */
static int d3_width(d3 *d, json_t *l, const json_t *v)
{
    double x = json_number_value(json_object_get(v, "value"));
    char w[16];
    if (!(x > 0) || !(d->max_value > 0))
        return 0;
    snprintf(w, sizeof(w), "%.1f", 1.0 + 3.0 * x / d->max_value);
    return json_object_set_new(l, "attrs", json_pack("{s:s}", "penwidth", w));
}

static int d3_links(d3 *d, const json_t *links)
{
    rg_path top = {.n = 0};
    size_t i, dropped = 0;
    json_t *v;
    json_array_foreach(links, i, v) {
        double x = json_number_value(json_object_get(v, "value"));
        if (x > d->max_value)
            d->max_value = x;
    }
    json_array_foreach(links, i, v) {
        rg_path p = rg_path__key(&top, "links");
        p = rg_path__index(&p, i);
        const char *from = d3_end(json_object_get(v, "source"), d->by_key);
        const char *to = d3_end(json_object_get(v, "target"), d->by_key);
        if (from == NULL || to == NULL) {
            rg_path q = rg_path__key(&p, from ? "target" : "source");
            rg_diag__at(d->ctx->diags, RG_WARNING, d->ctx->file, &q,
                        RG_AT_VALUE, NULL, NULL,
                        "names no node (neither an index of \"nodes\" nor "
                        "a node's id); the link is left out");
            dropped++;
            continue;
        }
        json_t *l = json_pack("{s:s,s:s,s:b}", "from", from, "to", to,
                              "directed", 0);
        if (l == NULL || d3_width(d, l, v) != 0 ||
            rg_import__keep_rest(l, v, d3_link_keys) != 0) {
            json_decref(l);
            return -1;
        }
        if (rg_import__add(d->doc, "links", l, &p) != 0)
            return -1;
    }
    rg_import__left_out(d->ctx, dropped, json_array_size(links), "links",
                        "their ends name no node");
    return 0;
}

int rg_import__d3(json_t **out, const json_t *in, rg_import_ctx *ctx)
{
    const json_t *nodes = json_object_get(in, "nodes");
    d3 d = {ctx, rg_import__new_doc(), json_object(), NULL, 0};
    rg_path top = {.n = 0};
    size_t i;
    json_t *v;
    *out = NULL;
    if (d.doc == NULL || d.by_key == NULL || d3_groups(&d, nodes) != 0)
        goto oom;
    json_array_foreach(nodes, i, v) {
        rg_path p = rg_path__key(&top, "nodes");
        p = rg_path__index(&p, i);
        if (!json_is_object(v)) {
            rg_diag__at(ctx->diags, RG_ERROR, ctx->file, &p, RG_AT_VALUE,
                        NULL, NULL, "expected a node object");
            continue;
        }
        if (rg_import__add(d.doc, "actors", d3_actor(&d, v, i), &p) != 0)
            goto oom;
    }
    if (d3_links(&d, json_object_get(in, "links")) != 0 ||
        rg_import__merge_twins(ctx, d.doc) != 0)
        goto oom;
    json_decref(d.by_key);
    json_decref(d.groups);
    *out = d.doc;
    return 0;
oom:
    json_decref(d.by_key);
    json_decref(d.groups);
    json_decref(d.doc);
    return rg_import__oom(ctx);
}
