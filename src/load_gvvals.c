/* Values a document hands to Graphviz as they are (raw attrs, style
 * fields), recorded after a load with where each stands, so that a
 * Graphviz message about one can point at it. Owns no state of its own:
 * the records live in the document (rg_doc.gvvals, strings in its
 * arena). */
#include "buf.h"
#include "load.h"

#include <stdlib.h>
#include <string.h>

typedef struct gvcollect {
    rg_doc *doc;
    rg_jsonpos *loc;
    int eager;  /* locate now: the text will be gone */
    size_t cap;
    int oom;
} gvcollect;

/* Where v stands in the text of loc. */
static void locate_gvval(rg_doc *d, rg_gvval *v, rg_jsonpos *loc)
{
    const rg_path *p = &v->at;
    v->located = 1;
    v->line = v->column = 0;
    v->source_line = NULL;
    rg_jsonpos__lookup(loc, p, RG_AT_VALUE, &v->line, &v->column);
    v->end_column = v->column;
    const char *lt;
    size_t ll;
    if (rg_jsonpos__line_text(loc, v->line, &lt, &ll) == 0 && ll <= 1024) {
        v->source_line = rg_arena__strndup(&d->arena, lt, ll);
        /* The value is a JSON string or number: its end is where its
         * text ends on the line. */
        size_t k = 0, col = 1;
        while (k < ll && (int)col < v->column)
            col += ((unsigned char)lt[k++] & 0xC0) != 0x80;
        size_t e = k;
        if (e < ll && lt[e] == '"') {
            e++;
            while (e < ll && lt[e] != '"')
                e += lt[e] == '\\' ? 2 : 1;
            e++;
        } else {
            while (e < ll && !strchr(",}] \t", lt[e]))
                e++;
        }
        for (; k < e && k < ll; k++)
            col += ((unsigned char)lt[k] & 0xC0) != 0x80;
        v->end_column = (int)col;
    }
}

void rg_doc__locate_gvval(const rg_doc *doc, const rg_gvval *cv)
{
    rg_gvval *v = (rg_gvval *)cv;
    if (!v->located && doc->loc != NULL)
        locate_gvval((rg_doc *)doc, v, doc->loc);
}

static void gv_add(gvcollect *g, const rg_path *p, const char *value)
{
    rg_doc *d = g->doc;
    if (value == NULL || g->oom)
        return;
    if (d->n_gvvals == g->cap) {
        g->cap = g->cap ? g->cap * 2 : 16;
        rg_gvval *v = realloc(d->gvvals, g->cap * sizeof(*v));
        if (v == NULL) {
            g->oom = 1;
            return;
        }
        d->gvvals = v;
    }
    rg_gvval *v = &d->gvvals[d->n_gvvals++];
    v->value = value;
    v->at = *p;
    v->located = 0;
    v->line = v->column = v->end_column = 0;
    v->source_line = NULL;
    if (g->eager)
        locate_gvval(d, v, g->loc);
    rg_buf b = {0};
    for (int i = 0; i < p->n; i++) {
        if (p->seg[i].key)
            rg_buf__printf(&b, "%s%s", i ? "." : "", p->seg[i].key);
        else
            rg_buf__printf(&b, "[%zu]", p->seg[i].index);
    }
    v->path = rg_arena__strdup(&d->arena, rg_buf__str(&b));
    g->oom |= b.oom || v->path == NULL;
    rg_buf__free(&b);
}

static void gv_attrs(gvcollect *g, const rg_path *p, const rg_attrs *a)
{
    rg_path q = rg_path__key(p, "attrs");
    for (size_t i = 0; i < a->n; i++) {
        rg_path r = rg_path__key(&q, a->v[i].name);
        gv_add(g, &r, a->v[i].value);
    }
}

static void gv_styles(gvcollect *g, const char *key, const rg_style *st,
                      size_t n)
{
    rg_path top = {.n = 0};
    top = rg_path__key(&top, key);
    for (size_t i = 0; i < n; i++) {
        rg_path p = rg_path__key(&top, st[i].name);
        const char *names[] = {"shape", "color", "fill", "fontcolor", "style"};
        const char *vals[] = {st[i].shape, st[i].color, st[i].fill,
                              st[i].fontcolor, st[i].style};
        for (size_t k = 0; k < 5; k++) {
            rg_path q = rg_path__key(&p, names[k]);
            gv_add(g, &q, vals[k]);
        }
        gv_attrs(g, &p, &st[i].attrs);
    }
}

/* Records each value the document hands to Graphviz, so that Graphviz's
 * complaints can point at it: where it stands is found now (eager) while
 * the text is still here, or for a file, only when a complaint is about
 * it (rg_doc__locate_gvval). Only documents that use raw values pay. */
int rg_load__gv_values(rg_doc *d, rg_jsonpos *loc, int eager)
{
    gvcollect g = {d, loc, eager, 0, 0};
    rg_path root = {.n = 0};
    rg_path actors = rg_path__key(&root, "actors");
    rg_path links = rg_path__key(&root, "links");
    rg_path groups = rg_path__key(&root, "groups");
    for (size_t i = 0; i < d->n_actors; i++) {
        rg_path p = rg_path__index(&actors, i);
        gv_attrs(&g, &p, &d->actors[i].attrs);
    }
    for (size_t i = 0; i < d->n_links; i++) {
        rg_path p = rg_path__index(&links, i);
        gv_attrs(&g, &p, &d->links[i].attrs);
    }
    for (size_t i = 0; i < d->n_groups; i++) {
        rg_path p = rg_path__index(&groups, i);
        gv_attrs(&g, &p, &d->groups[i].attrs);
    }
    rg_path layout = rg_path__key(&root, "layout");
    gv_attrs(&g, &layout, &d->layout.attrs);
    gv_styles(&g, "kinds", d->kinds, d->n_kinds);
    gv_styles(&g, "link_kinds", d->link_kinds, d->n_link_kinds);
    return g.oom ? -1 : 0;
}

