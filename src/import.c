/* Reading other formats: which format a text is (from its content, never
 * its name), the importer that turns it into a relgraph document's tree,
 * and where that tree's records came from, so that whatever the loader
 * finds wrong in a record is reported at the record's place in the input.
 * State: one rg_import_ctx per import. */
#include "import.h"
#include "jsonmem.h"
#include "jsonread.h"
#include "load.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

static const struct {
    const char *name;
    rg_import_json_fn json;
    rg_import_text_fn text;
} importers[RG_IMPORT_KIND_COUNT] = {
    [RG_IMPORT_RELGRAPH] = {"relgraph", NULL, NULL},
    [RG_IMPORT_STIX] = {"STIX bundle", rg_import__stix, NULL},
    [RG_IMPORT_CYTOSCAPE] = {"Cytoscape.js elements", rg_import__cytoscape,
                             NULL},
    [RG_IMPORT_JGF] = {"JSON Graph Format", rg_import__jgf, NULL},
    [RG_IMPORT_D3] = {"d3 nodes and links", rg_import__d3, NULL},
    [RG_IMPORT_CSV] = {"CSV table", NULL, rg_import__csv},
};

const char *rg_import__kind_name(rg_import_kind kind)
{
    return (unsigned)kind < RG_IMPORT_KIND_COUNT ? importers[kind].name
                                                 : "?";
}

void rg_load_opts_init(rg_load_opts *out)
{
    memset(out, 0, sizeof(*out));
}

const char *rg_doc_source_format(const rg_doc *doc)
{
    return doc->source_format ? doc->source_format : "relgraph";
}

/* ---- which format ---- */

/* True when every element of array `a` that is an object has key `k`,
 * and at least one does. */
static int objects_have(const json_t *a, const char *k)
{
    size_t i, seen = 0;
    json_t *e;
    json_array_foreach(a, i, e) {
        if (!json_is_object(e))
            continue;
        if (json_object_get(e, k) == NULL)
            return 0;
        seen++;
    }
    return seen > 0;
}

rg_import_kind rg_import__detect_json(const json_t *root)
{
    if (json_is_array(root))
        return objects_have(root, "data") ? RG_IMPORT_CYTOSCAPE
                                          : RG_IMPORT_RELGRAPH;
    if (!json_is_object(root) || json_object_get(root, "actors") != NULL)
        return RG_IMPORT_RELGRAPH;
    const char *type = json_string_value(json_object_get(root, "type"));
    /* A bundle without objects has no "objects" (STIX 2.1 says so), and
     * then its id tells it from a document with a stray "type". */
    const json_t *objs = json_object_get(root, "objects");
    const char *id = json_string_value(json_object_get(root, "id"));
    if (type != NULL && strcmp(type, "bundle") == 0 &&
        (json_is_array(objs) ||
         (objs == NULL && id != NULL && strncmp(id, "bundle--", 8) == 0)))
        return RG_IMPORT_STIX;
    const json_t *els = json_object_get(root, "elements");
    if (json_is_object(els) ||
        (json_is_array(els) && objects_have(els, "data")))
        return RG_IMPORT_CYTOSCAPE;
    if (json_is_object(json_object_get(root, "graph")) ||
        json_is_array(json_object_get(root, "graphs")))
        return RG_IMPORT_JGF;
    const json_t *nodes = json_object_get(root, "nodes");
    const json_t *links = json_object_get(root, "links");
    /* relgraph's links have "from" and "to": a document that calls its
     * actors "nodes" is a relgraph document with a mistake. */
    if (json_is_array(nodes) && json_is_array(links) &&
        (json_array_size(links) == 0 || objects_have(links, "source")))
        return RG_IMPORT_D3;
    return RG_IMPORT_RELGRAPH;
}

int rg_import__looks_csv(const char *text, size_t len)
{
    size_t i = 0;
    while (i < len && isspace((unsigned char)text[i]))
        i++;
    if (i == len || strchr("{[\"", text[i]) != NULL)
        return 0;
    for (; i < len && text[i] != '\n' && text[i] != '\r'; i++)
        if (text[i] == ',' || text[i] == '\t' || text[i] == ';')
            return memchr(text, '\0', len) == NULL;
    return 0;
}

/* ---- ids ---- */

const char *rg_import__id(rg_import_ctx *ctx, const char *want)
{
    char base[65], id[80];
    size_t n = 0;
    int dash = 0;
    for (const char *s = want ? want : ""; *s && n < 64; s++) {
        unsigned char c = (unsigned char)*s;
        if (isalnum(c) || c == '_' || c == '.') {
            if (dash && n > 0)
                base[n++] = '-';
            dash = 0;
            if (n < 64)
                base[n++] = (char)tolower(c);
        } else {
            dash = 1;  /* '-' itself, spaces, and every other byte */
        }
    }
    if (n == 0)
        base[n++] = 'x';
    base[n] = '\0';
    snprintf(id, sizeof(id), "%s", base);
    /* An id's value in the map is the suffix to try first when it is
     * wanted again, so that many actors of one name cost no more than
     * as many of different names. */
    size_t k = 2;
    if (rg_map__get(&ctx->ids, base, &k)) {
        do
            snprintf(id, sizeof(id), "%s-%zu", base, k++);
        while (rg_map__get(&ctx->ids, id, NULL));
        rg_map__set(&ctx->ids, base, k);
    }
    char *kept = rg_arena__strdup(&ctx->arena, id);
    if (kept == NULL || rg_map__put(&ctx->ids, kept, 2, NULL) < 0)
        return NULL;
    return kept;
}

/* An input path is kept as one string (one allocation, not an array of
 * steps): per step 'k' and the key, or 'i' and the index in decimal,
 * each step ended by a NUL byte, so that a decoded key is a C string
 * inside it. */
int rg_import__from_path(json_t *rec, const rg_path *p)
{
    size_t n = 0;
    for (int i = 0; i < p->n; i++)
        n += p->seg[i].key ? strlen(p->seg[i].key) + 2 : 22;
    char small[256], *buf = n <= sizeof(small) ? small : malloc(n);
    size_t at = 0;
    for (int i = 0; buf != NULL && i < p->n; i++) {
        if (p->seg[i].key)
            at += (size_t)sprintf(buf + at, "k%s", p->seg[i].key) + 1;
        else
            at += (size_t)sprintf(buf + at, "i%zu", p->seg[i].index) + 1;
    }
    json_t *f = buf ? json_stringn_nocheck(buf, at) : NULL;
    if (buf != small)
        free(buf);
    return f != NULL && json_object_set_new(rec, RG_IMPORT_FROM, f) == 0 ? 0 : -1;
}

rg_path rg_import__path_of(const json_t *from)
{
    rg_path p = {.n = 0};
    const char *s = json_string_value(from);
    const char *end = s + json_string_length(from);
    for (; s != NULL && s < end; s += strlen(s) + 1)
        p = *s == 'k' ? rg_path__key(&p, s + 1)
                      : rg_path__index(&p, strtoul(s + 1, NULL, 10));
    return p;
}

int rg_import__from_pos(json_t *rec, int line, int column)
{
    json_t *o = json_pack("{s:i,s:i}", "line", line, "column", column);
    return o != NULL && json_object_set_new(rec, RG_IMPORT_FROM, o) == 0 ? 0 : -1;
}

/* ---- where records came from ---- */

/* The sections whose records carry "@from", in rg_load_origins' order. */
static const char *const sections[RG_LOAD_SECTIONS] = {
    [RG_LOAD_ACTORS] = "actors", [RG_LOAD_LINKS] = "links",
    [RG_LOAD_SOURCES] = "sources", [RG_LOAD_GROUPS] = "groups"};

/* Points diagnostic i, about the imported tree, at the input: at the path
 * or position its record came from, the tree's path said in the message;
 * at no position when its record came from nowhere known. */
static void point_at_input(rg_diags *diags, size_t i,
                           const rg_load_origins *o)
{
    rg_diag_pending p;
    if (!rg_diags__pending(diags, i, &p))
        return;
    const json_t *f = NULL;
    for (int s = 0; s < RG_LOAD_SECTIONS && p.n >= 2; s++)
        if (p.segs[0].key && strcmp(p.segs[0].key, sections[s]) == 0 &&
            p.segs[1].key == NULL && p.segs[1].index < o->n[s])
            f = o->from[s][p.segs[1].index];
    if (json_is_string(f)) {
        rg_path to = rg_import__path_of(f);
        rg_diags__repath(diags, i, &to);
        return;
    }
    /* A text format's record: at the cell of the key when the record
     * says where its cells are, else at the record; in the file it
     * names, when it came from another one (a CSV side table). */
    const json_t *cell = p.n >= 3 && p.segs[2].key
                             ? json_object_get(json_object_get(f, "cells"),
                                               p.segs[2].key)
                             : NULL;
    int line = (int)json_integer_value(json_object_get(f, "line"));
    int col = (int)json_integer_value(json_object_get(f, "column"));
    if (json_array_size(cell) == 2) {
        line = (int)json_integer_value(json_array_get(cell, 0));
        col = (int)json_integer_value(json_array_get(cell, 1));
    }
    if (json_is_string(json_object_get(f, "file")))
        rg_diags__refile(diags, i,
                         json_string_value(json_object_get(f, "file")));
    rg_diags__locate(diags, i, line, col, col, NULL, 0, 0, 0);
}

/* ---- running an importer ---- */

static int run(json_t **out, rg_import_kind kind, const json_t *root,
               const char *text, size_t len, const char *name,
               const rg_load_opts *opts, rg_diags *diags)
{
    rg_load_opts none;
    if (opts == NULL) {
        /* rg_doc_load_buffer() reads other formats with the defaults. */
        rg_load_opts_init(&none);
        opts = &none;
    }
    rg_import_ctx ctx = {name, diags, opts, {0}, {0}};
    *out = NULL;
    int rc = -1;
    if (importers[kind].json != NULL && root != NULL)
        rc = importers[kind].json(out, root, &ctx);
    else if (importers[kind].text != NULL && text != NULL)
        rc = importers[kind].text(out, text, len, &ctx);
    else
        rg_diags_add(diags, RG_ERROR, name, "cannot read a %s here",
                     importers[kind].name);
    if (rc == 0 && *out == NULL) {
        rg_diags_add(diags, RG_ERROR, name, "out of memory importing");
        rc = -1;
    }
    rg_map__free(&ctx.ids);
    rg_arena__free(&ctx.arena);
    return rc;
}

/* Positions for the input's own diagnostics from index `start` on. */
static void locate_input(rg_diags *diags, size_t start, const char *text,
                         size_t len, const char *path)
{
    if (rg_diags_count(diags) == start)
        return;
    rg_jsonpos *loc = text ? rg_jsonpos__new(text, len)
                           : rg_jsonpos__new_file(path, len);
    if (loc != NULL)
        rg_jsonpos__resolve(loc, diags, start);
    rg_jsonpos__free(loc);
    rg_diags__sort_from(diags, start);
    rg_diags__notes_last(diags, start);
}

static int has_error(const rg_diags *diags, size_t start)
{
    for (size_t i = start; i < rg_diags_count(diags); i++)
        if (rg_diags_get(diags, i)->severity == RG_ERROR)
            return 1;
    return 0;
}

/* ---- the input's positions, found beside the load ----
 *
 * Finding where an importer's warnings stand means reading the input
 * again and walking it (a tenth of the time a 44 MB bundle takes to
 * check). It is done on a thread of its own while the imported tree is
 * loaded and checked. The thread reads only a copy of each pending
 * diagnostic's path: the path's steps stay where they are until the
 * diagnostic is located, after the thread has ended, and the load only
 * adds diagnostics of its own. */

typedef struct locating {
    const char *text, *path;
    size_t len;
    size_t start, n;            /* the diagnostics [start, start + n) */
    rg_diag_pending *pending;
    char *found;                /* 1 when pending[i] is to be located */
    rg_jsonpos_spot *spots;     /* their sources copied (owned) */
    pthread_t thread;
    int threaded;
} locating;

/* The input's text (the whole file, read again) is freed as soon as the
 * spots are found, the few source lines shown under carets copied: it
 * is not kept beside the document being loaded. */
static void *find_spots(void *arg)
{
    locating *l = arg;
    rg_jsonpos *loc = l->text ? rg_jsonpos__new(l->text, l->len)
                              : rg_jsonpos__new_file(l->path, l->len);
    for (size_t i = 0; i < l->n; i++) {
        rg_jsonpos_spot *at = &l->spots[i];
        if (!l->found[i])
            continue;
        if (loc == NULL || rg_jsonpos__spot(loc, &l->pending[i], at) != 0) {
            memset(l->found + i, 0, l->n - i);
            break;
        }
        if (at->source != NULL &&
            (at->source = strndup(at->source, at->source_len)) == NULL)
            at->source_len = 0;
    }
    rg_jsonpos__free(loc);
    return NULL;
}

/* Starts finding the positions of diagnostics [start, count): on a
 * thread, or here when one cannot be started; done and put in place by
 * locate_end(). Out of memory, they are left without positions. */
static void locate_begin(locating *l, rg_diags *diags, size_t start,
                         const char *text, size_t len, const char *path)
{
    memset(l, 0, sizeof(*l));
    l->text = text;
    l->len = len;
    l->path = path;
    l->start = start;
    l->n = rg_diags_count(diags) - start;
    if (l->n == 0)
        return;
    l->pending = calloc(l->n, sizeof(*l->pending));
    l->found = calloc(l->n, 1);
    l->spots = calloc(l->n, sizeof(*l->spots));
    if (l->pending == NULL || l->found == NULL || l->spots == NULL) {
        l->n = 0;
        return;
    }
    for (size_t i = 0; i < l->n; i++)
        l->found[i] =
            (char)rg_diags__pending(diags, start + i, &l->pending[i]);
    l->threaded = pthread_create(&l->thread, NULL, find_spots, l) == 0;
    if (!l->threaded)
        find_spots(l);
}

/* Puts the positions in place; with `sort`, sorts the diagnostics from
 * the first located on by position, notes last. */
static void locate_end(locating *l, rg_diags *diags, int sort)
{
    size_t start = l->start, n = l->n;
    if (l->threaded)
        pthread_join(l->thread, NULL);
    for (size_t i = 0; i < l->n; i++) {
        const rg_jsonpos_spot *at = &l->spots[i];
        if (l->found[i])
            rg_diags__locate(diags, l->start + i, at->line, at->column,
                             at->end_column, at->source, at->source_len,
                             at->rel_line, at->rel_column);
        free((char *)at->source);
    }
    free(l->pending);
    free(l->found);
    free(l->spots);
    memset(l, 0, sizeof(*l));
    if (sort && n > 0) {
        rg_diags__sort_from(diags, start);
        rg_diags__notes_last(diags, start);
    }
}

/* rg_import__tree(), the positions of the importer's diagnostics still
 * being found when it returns 0: locate_end(l) puts them in place. */
static int import_tree(json_t **out, rg_import_kind kind, json_t *root,
                       const char *text, size_t len, const char *path,
                       const char *name, const rg_load_opts *opts,
                       rg_diags *diags, locating *l)
{
    size_t start = rg_diags_count(diags);
    int rc = run(out, kind, root, text, len, name, opts, diags);
    json_decref(root);
#ifdef __GLIBC__
    /* The input's tree gives its pages back as it goes when it lies in
     * jsonmem's region. Without one (another thread holds it), the tree,
     * freed in small pieces, leaves malloc's heap as large as it was:
     * its pages are given back here, before the file is read again for
     * positions (below) and the document is loaded. */
    malloc_trim(0);
#endif
    memset(l, 0, sizeof(*l));
    /* A text format positions its diagnostics itself. */
    if (kind != RG_IMPORT_CSV)
        locate_begin(l, diags, start, text, len, path);
    if (rc == 0 && has_error(diags, start))
        rc = -1;
    if (rc != 0) {
        locate_end(l, diags, 1);
        json_decref(*out);
        *out = NULL;
    }
    return rc;
}

int rg_import__tree(json_t **out, rg_import_kind kind, json_t *root,
                    const char *text, size_t len, const char *path,
                    const char *name, const rg_load_opts *opts,
                    rg_diags *diags)
{
    locating l;
    int rc = import_tree(out, kind, root, text, len, path, name, opts,
                         diags, &l);
    if (rc == 0)
        locate_end(&l, diags, 1);
    return rc;
}

/* Loads the tree an importer made (released), its problems pointed at
 * the input; with `flat`, the tree is also written out there as compact
 * JSON as it is loaded, the text relgraph import lays out (whole when
 * the load succeeds). */
static int load_tree(rg_doc **out, rg_import_kind kind, json_t *tree,
                     const char *text, size_t len, const char *path,
                     const char *name, rg_buf *flat, rg_diags *diags,
                     size_t first, locating *l)
{
    /* The records' "@from" are taken by the load, and left out of the
     * text. Writing the text as the load reads each record, not in a
     * walk of its own, saves a tenth of a second on a 45 MB bundle: the
     * importer's records lie all over the heap, and reading them is
     * most of what either walk costs. */
    rg_load_origins o = {{0}, {0}};
    size_t start = rg_diags_count(diags);
    int rc = rg_load__tree_at(out, tree, name, diags, &o, flat);
    if (flat != NULL && rc == 0 && flat->oom) {
        rg_doc_free(*out);
        *out = NULL;
        rg_diags_add(diags, RG_ERROR, name, "out of memory importing");
        rc = -1;
    }
    for (size_t i = start; i < rg_diags_count(diags); i++)
        point_at_input(diags, i, &o);
    rg_load__origins_free(&o);
    /* The importer's diagnostics (before `start`), then the load's; all
     * sorted together below. */
    locate_end(l, diags, 0);
    if (kind != RG_IMPORT_CSV)
        locate_input(diags, start, text, len, path);
    rg_diags__sort_from(diags, first);
    rg_diags__notes_last(diags, first);
    if (*out != NULL)
        (*out)->source_format = importers[kind].name;
    return rc;
}

/* The document an importer makes of the input, loaded and checked as any
 * imported document (its problems said at the input) into *doc, or
 * written out as fmt lays it out into *out (*out_len bytes): either.
 * `root` is always released. Returns 0, or -1. */
static int import_doc(rg_doc **doc, char **out, size_t *out_len,
                      rg_import_kind kind, json_t *root, const char *text,
                      size_t len, const char *path, const char *name,
                      const rg_load_opts *opts, rg_diags *diags)
{
    json_t *tree = NULL;
    size_t first = rg_diags_count(diags);
    locating l;
    rg_doc *d = NULL;
    rg_buf flat = {0};
    if (import_tree(&tree, kind, root, text, len, path, name, opts, diags,
                    &l) != 0)
        return -1;
    int rc = load_tree(&d, kind, tree, text, len, path, name,
                       out ? &flat : NULL, diags, first, &l);
    if (doc != NULL) {
        *doc = d;
        return rc;
    }
    /* The document goes before fmt's nodes come. */
    rg_doc_free(d);
    if (rc == 0)
        rc = rg_fmt__checked(out, out_len, flat.data, flat.len, name, diags);
    rg_buf__free(&flat);
    return rc;
}

int rg_import__load(rg_doc **out, rg_import_kind kind, json_t *root,
                    const char *text, size_t len, const char *path,
                    const char *name, const rg_load_opts *opts,
                    rg_diags *diags)
{
    *out = NULL;
    return import_doc(out, NULL, NULL, kind, root, text, len, path, name,
                      opts, diags);
}

/* ---- relgraph import ---- */

int rg_import__text(char **out, size_t *out_len, rg_import_kind kind,
                    json_t *root, const char *text, size_t len,
                    const char *path, const char *name,
                    const rg_load_opts *opts, rg_diags *diags)
{
    *out = NULL;
    *out_len = 0;
    return import_doc(NULL, out, out_len, kind, root, text, len, path, name,
                      opts, diags);
}

/* Parses text read whole (standard input, or a file that is not JSON):
 * its tree, or NULL and the format a text format is in. */
static json_t *parse_text(const char *text, size_t len, rg_import_kind *kind)
{
    json_error_t err;
    json_t *root = rg_jsonread__loadb(text, len, &err);
    *kind = root ? rg_import__detect_json(root)
            : rg_import__looks_csv(text, len) ? RG_IMPORT_CSV
                                              : RG_IMPORT_RELGRAPH;
    return root;
}

int rg_doc_import_file(char **out, size_t *out_len, const char *path,
                       const rg_load_opts *opts, rg_diags *diags)
{
    char *text = NULL;
    size_t len = 0;
    json_t *root = NULL;
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    size_t max = opts ? opts->max_bytes : 0;
    rg_import_kind kind = RG_IMPORT_RELGRAPH;
    int rc = -1;
    *out = NULL;
    *out_len = 0;
    /* A big bundle is parsed as it is read: its text and its tree are
     * never in memory at once, nor its tree and the document's. Their
     * values lie in jsonmem's region, in the order they are made. */
    int session = rg_jsonmem__begin() == 0;
    if (rg_load__input(&root, &text, &len, path, max, diags) != 0) {
        if (session)
            rg_jsonmem__end();
        return -1;
    }
    size_t bom = text && len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0;
    const char *t = text ? text + 3 * bom : NULL;
    size_t tl = text ? len - 3 * bom : len;
    if (root != NULL)
        kind = rg_import__detect_json(root);
    else
        root = parse_text(t, tl, &kind);
    if (kind == RG_IMPORT_RELGRAPH) {
        /* Already relgraph: laid out as fmt would (and its mistakes
         * reported where they are). */
        json_decref(root);
        if (text != NULL || rg_doc_read_file(&text, &len, path, max,
                                             diags) == 0)
            rc = rg_doc_format_buffer(out, out_len, text, len, name, diags);
    } else {
        rc = rg_import__text(out, out_len, kind, root, t, tl, path, name,
                             opts, diags);
    }
    free(text);
    if (session)
        rg_jsonmem__end();
    return rc;
}
