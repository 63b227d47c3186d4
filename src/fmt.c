/* relgraph fmt: the canonical layout of a document.
 *
 * The document is first loaded and checked as usual; only a document
 * without errors is formatted. The formatter then works on the text
 * itself, not on jansson's tree, so that every value is kept exactly as
 * written: strings with their escapes, numbers with their digits, keys of
 * the user's own (x-) and unknown keys included. Only the order of the
 * format's keys (docfmt.def's) and the white space change. */
#include "buf.h"
#include "diag.h"
#include "docfmt.h"
#include "jsonpos.h"
#include "model.h"

#include <stdlib.h>
#include <string.h>

/* A JSON value as a span of the text; objects and arrays have members. */
typedef struct node node;
struct node {
    char type;          /* '{', '[', or 's' for any scalar */
    size_t start, end;  /* the value's text */
    size_t key_start, key_end;  /* for object members: the key's text */
    node *kids;
    size_t n_kids;
};

typedef struct parser {
    const char *t;
    size_t len, p;
    int oom;
} parser;

static int blank(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

static void ws(parser *ps)
{
    while (ps->p < ps->len && blank(ps->t[ps->p]))
        ps->p++;
}

/* p at the opening quote; the offset past the closing one. */
static size_t string_end(const parser *ps, size_t p)
{
    return rg_jsonpos__string_end(ps->t, ps->len, p);
}

static void free_node(node *n)
{
    for (size_t i = 0; i < n->n_kids; i++)
        free_node(&n->kids[i]);
    free(n->kids);
}

/* Parses text already accepted by jansson (so well formed and at most
 * 2048 levels deep). */
static void parse(parser *ps, node *n, int depth)
{
    memset(n, 0, sizeof(*n));
    ws(ps);
    n->start = ps->p;
    if (ps->p >= ps->len || depth > 4096)
        return;
    char c = ps->t[ps->p];
    if (c != '{' && c != '[') {
        n->type = 's';
        if (c == '"')
            ps->p = string_end(ps, ps->p);
        else
            while (ps->p < ps->len && ps->t[ps->p] != ',' &&
                   ps->t[ps->p] != ']' && ps->t[ps->p] != '}' &&
                   !blank(ps->t[ps->p]))
                ps->p++;
        n->end = ps->p;
        return;
    }
    n->type = c;
    ps->p++;
    size_t cap = 0;
    for (;;) {
        ws(ps);
        if (ps->p >= ps->len || ps->t[ps->p] == '}' || ps->t[ps->p] == ']')
            break;
        if (n->n_kids == cap) {
            cap = cap ? cap * 2 : 8;
            node *k = realloc(n->kids, cap * sizeof(*k));
            if (k == NULL) {
                ps->oom = 1;
                return;
            }
            n->kids = k;
        }
        node *kid = &n->kids[n->n_kids++];
        size_t ks = 0, ke = 0;
        if (c == '{') {
            ks = ps->p;
            ke = string_end(ps, ks);
            ps->p = ke;
            ws(ps);
            ps->p++; /* ':' */
        }
        parse(ps, kid, depth + 1);
        kid->key_start = ks;
        kid->key_end = ke;
        if (ps->oom)
            return;
        ws(ps);
        if (ps->p < ps->len && ps->t[ps->p] == ',')
            ps->p++;
    }
    ps->p++;
    n->end = ps->p;
}

/* ---- key order ----
 *
 * The context of a value says which object of the format it is, and so
 * how its keys are ordered: an object of docfmt.def (RG_FMT_doc,
 * RG_FMT_actor, ...), a map of styles by name (kinds, link_kinds), or
 * anything else (attrs, the user's own values), whose keys keep their
 * order. */

typedef int ctx;
enum { C_ANY = RG_FMT_OBJ_COUNT, C_STYLES };

static int key_is(const parser *ps, const node *kid, const char *name)
{
    const char *k = ps->t + kid->key_start + 1;
    if (k[0] != name[0])
        return 0;
    size_t n = strlen(name);
    return kid->key_end - kid->key_start == n + 2 && memcmp(k, name, n) == 0;
}

/* The context of a member's value, from its parent's context and key. */
static ctx child_ctx(const parser *ps, ctx parent, const node *kid)
{
    if (parent == C_STYLES)
        return RG_FMT_style;
    if (parent == C_ANY)
        return C_ANY;
    size_t n;
    const rg_docfmt__key *k = rg_docfmt__keys((rg_docfmt__obj)parent, &n);
    for (size_t i = 0; i < n; i++) {
        if (!key_is(ps, kid, k[i].name))
            continue;
        if (k[i].type == RG_FMT_T_ARRAY || k[i].type == RG_FMT_T_OBJECT)
            return k[i].arg;
        if (k[i].type == RG_FMT_T_KINDS || k[i].type == RG_FMT_T_STYLES)
            return C_STYLES;
        return C_ANY;
    }
    return C_ANY;
}

/* The context of an array's elements: the records of "actors",
 * "links", "groups" and "sources" (the ARRAY keys) keep theirs. */
static ctx elem_ctx(ctx c)
{
    size_t n;
    const rg_docfmt__key *k = rg_docfmt__keys(RG_FMT_doc, &n);
    for (size_t i = 0; i < n; i++)
        if (k[i].type == RG_FMT_T_ARRAY && k[i].arg == c)
            return c;
    return C_ANY;
}

/* Members in canonical order: the format's keys in the documented order,
 * then every other key in the order written. */
static size_t *member_order(const parser *ps, const node *n, ctx c)
{
    size_t *idx = malloc((n->n_kids ? n->n_kids : 1) * sizeof(*idx));
    if (idx == NULL)
        return NULL;
    size_t k = 0, n_order = 0;
    const rg_docfmt__key *order =
        c < RG_FMT_OBJ_COUNT ? rg_docfmt__keys((rg_docfmt__obj)c, &n_order)
                             : NULL;
    char *used = calloc(n->n_kids ? n->n_kids : 1, 1);
    if (used == NULL) {
        free(idx);
        return NULL;
    }
    for (size_t o = 0; o < n_order; o++)
        for (size_t i = 0; i < n->n_kids; i++)
            if (!used[i] && key_is(ps, &n->kids[i], order[o].name)) {
                idx[k++] = i;
                used[i] = 1;
            }
    for (size_t i = 0; i < n->n_kids; i++)
        if (!used[i])
            idx[k++] = i;
    free(used);
    return idx;
}

/* ---- output ---- */

enum { WIDTH = 80 };

typedef struct out {
    const parser *ps;
    rg_buf b;
    int oom;
} out;

static void emit(out *o, const node *n, ctx c, int indent);

/* The one-line form of a value, or -1 when it has none that fits. */
static long flat(out *o, const node *n, ctx c, rg_buf *b, long room)
{
    const parser *ps = o->ps;
    if (n->type == 's') {
        rg_buf__putn(b, ps->t + n->start, n->end - n->start);
        return (long)b->len <= room ? (long)b->len : -1;
    }
    if (n->n_kids == 0) {
        rg_buf__puts(b, n->type == '{' ? "{}" : "[]");
        return (long)b->len;
    }
    size_t *idx = n->type == '{' ? member_order(ps, n, c) : NULL;
    if (n->type == '{' && idx == NULL) {
        o->oom = 1;
        return -1;
    }
    rg_buf__puts(b, n->type == '{' ? "{ " : "[");
    for (size_t i = 0; i < n->n_kids; i++) {
        const node *kid = &n->kids[idx ? idx[i] : i];
        if (i)
            rg_buf__puts(b, ", ");
        ctx kc = n->type == '{' ? child_ctx(ps, c, kid) : elem_ctx(c);
        if (n->type == '{') {
            rg_buf__putn(b, ps->t + kid->key_start,
                         kid->key_end - kid->key_start);
            rg_buf__puts(b, ": ");
        }
        if (flat(o, kid, kc, b, room) < 0 || (long)b->len > room) {
            free(idx);
            return -1;
        }
    }
    rg_buf__puts(b, n->type == '{' ? " }" : "]");
    free(idx);
    return (long)b->len <= room ? (long)b->len : -1;
}

static void spaces(rg_buf *b, int n)
{
    for (int i = 0; i < n; i++)
        rg_buf__putc(b, ' ');
}

/* Emits a value whose first line starts at column `col` (after a key),
 * with nested lines at `indent`; `tail` is what follows it (",", ""). */
static void emit_value(out *o, const node *n, ctx c, int indent, int col,
                       int tail)
{
    rg_buf f = {0};
    long room = WIDTH - col - tail;
    /* The top level and the arrays of records are always broken up. */
    int force = c == RG_FMT_doc || (n->type == '[' && c != C_ANY &&
                               c != RG_FMT_style);
    if (!force && flat(o, n, c, &f, room) >= 0) {
        rg_buf__puts(&o->b, rg_buf__str(&f));
    } else if (n->type == 's' || n->n_kids == 0) {
        rg_buf__reset(&f);
        flat(o, n, c, &f, 1L << 40);
        rg_buf__puts(&o->b, rg_buf__str(&f));
    } else {
        emit(o, n, c, indent);
    }
    o->oom |= f.oom;
    rg_buf__free(&f);
}

static void emit(out *o, const node *n, ctx c, int indent)
{
    const parser *ps = o->ps;
    size_t *idx = n->type == '{' ? member_order(ps, n, c) : NULL;
    if (n->type == '{' && idx == NULL) {
        o->oom = 1;
        return;
    }
    rg_buf__putc(&o->b, n->type);
    rg_buf__putc(&o->b, '\n');
    for (size_t i = 0; i < n->n_kids; i++) {
        const node *kid = &n->kids[idx ? idx[i] : i];
        int last = i + 1 == n->n_kids;
        spaces(&o->b, indent + 2);
        int col = indent + 2;
        ctx kc;
        if (n->type == '{') {
            size_t kl = kid->key_end - kid->key_start;
            rg_buf__putn(&o->b, ps->t + kid->key_start, kl);
            rg_buf__puts(&o->b, ": ");
            col += (int)kl + 2;
            kc = child_ctx(ps, c, kid);
        } else {
            kc = elem_ctx(c);
        }
        emit_value(o, kid, kc, indent + 2, col, last ? 0 : 1);
        rg_buf__puts(&o->b, last ? "\n" : ",\n");
    }
    spaces(&o->b, indent);
    rg_buf__putc(&o->b, n->type == '{' ? '}' : ']');
    free(idx);
}

int rg_doc_format_buffer(char **out_text, size_t *out_len, const char *text,
                         size_t len, const char *name, rg_diags *diags)
{
    *out_text = NULL;
    *out_len = 0;
    /* Only a document without errors is formatted: formatting never
     * guesses what a broken file meant. */
    rg_doc *doc = NULL;
    if (rg_doc_load_buffer(&doc, text, len, name, diags) != 0)
        return -1;
    rg_doc_free(doc);
    return rg_fmt__checked(out_text, out_len, text, len, name, diags);
}

int rg_fmt__checked(char **out_text, size_t *out_len, const char *text,
                    size_t len, const char *name, rg_diags *diags)
{
    *out_text = NULL;
    *out_len = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
    }
    parser ps = {text, len, 0, 0};
    node root;
    parse(&ps, &root, 0);
    out o = {&ps, {0}, ps.oom};
    if (!o.oom) {
        emit(&o, &root, RG_FMT_doc, 0);
        rg_buf__putc(&o.b, '\n');
    }
    free_node(&root);
    if (o.oom || o.b.oom) {
        rg_buf__free(&o.b);
        rg_diags_add(diags, RG_ERROR, name, "out of memory formatting");
        return -1;
    }
    *out_text = o.b.data;
    *out_len = o.b.len;
    return 0;
}
