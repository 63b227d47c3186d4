/* The chart's nodes and edges: an actor's box (label, tooltip, classes,
 * look of its kind) and a link's line (label, tooltip, id, title, look of
 * its status and kind). No state beyond the build's. */
#include "build_int.h"

#include "check.h"
#include "phrase.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- actors ---- */

typedef struct node_syms {
    Agsym_t *label, *shape, *style, *fill, *color, *fontcolor, *tooltip;
} node_syms;

static void actor_label(rg_bld *b, const rg_actor *a)
{
    rg_buf *t = &b->tmp;
    rg_buf__reset(t);
    rg_build__name_text(t, a->name, 24);
    rg_build__cite_marker(b, t, &a->source);
    if (a->note != NULL && *a->note) {
        /* the node's font colour, which contrasts with its fill */
        rg_buf__puts(t, "<BR/><FONT POINT-SIZE=\"8.5\">");
        rg_build__wrapped(t, a->note, 32);
        rg_buf__puts(t, "</FONT>");
    }
}

static void actor_tooltip(rg_bld *b, const rg_actor *a)
{
    rg_buf *t = &b->tmp;
    rg_buf__reset(t);
    rg_build__tooltip_text(t, a->name);
    if (a->aliases.n > 0) {
        rg_buf__puts(t, " (also ");
        for (size_t i = 0; i < a->aliases.n; i++) {
            if (i)
                rg_buf__puts(t, ", ");
            rg_build__tooltip_text(t, a->aliases.v[i]);
        }
        rg_buf__puts(t, ")");
    }
    if (a->note != NULL && *a->note) {
        rg_buf__puts(t, ": ");
        rg_build__tooltip_text(t, a->note);
    }
}

/* A URL for the object, when it is one a chart may link to: checked at
 * load; checked again, as a chart must never link to a script whatever
 * the model holds. Set for each format by rg_build__set_urls(). */
static void add_url(rg_bld *b, void *obj, int kind, const char *url)
{
    if (url == NULL || !rg_check__url(url))
        return;
    Agsym_t **sym = kind == AGNODE ? &b->out->url_node : &b->out->url_edge;
    if (*sym == NULL)
        *sym = rg_build__decl(b, kind, "URL", "");
    rg_build_url *u = &b->out->urls[b->out->n_urls++];
    u->obj = obj;
    u->url = url;
}

/* Ids come from the actor's id, so they stay put when the document
 * changes elsewhere; classes let a report's stylesheet select by kind and
 * group. */
static void actor_id(rg_bld *b, Agnode_t *n, const rg_actor *a,
                     Agsym_t *id_sym, Agsym_t *class_sym)
{
    rg_buf__reset(&b->tmp);
    rg_buf__printf(&b->tmp, "actor-%s", a->id);
    rg_build__set(n, id_sym, rg_buf__str(&b->tmp));
    rg_build__title(b, rg_buf__str(&b->tmp), a->name);
    rg_buf__reset(&b->tmp);
    rg_buf__puts(&b->tmp, "actor");
    rg_build__class_token(&b->tmp, "", a->kind);
    if (a->group_index >= 0)
        rg_build__class_token(&b->tmp, "group-",
                              b->doc->groups[a->group_index].id);
    rg_build__set(n, class_sym, rg_buf__str(&b->tmp));
}

static void actor_look(rg_bld *b, Agnode_t *n, const rg_actor *a,
                       const node_syms *s)
{
    rg_kind_look look;
    rg_style__kind(b->doc, a->kind, b->opts->theme, &look);
    actor_label(b, a);
    rg_build__set_html(b, n, s->label, rg_buf__str(&b->tmp));
    rg_build__set(n, s->shape, look.shape);
    rg_build__set(n, s->style, look.style);
    rg_build__set(n, s->fill, look.fill);
    rg_build__set(n, s->color, look.color);
    rg_build__set(n, s->fontcolor, look.fontcolor);
    actor_tooltip(b, a);
    rg_build__set(n, s->tooltip, rg_buf__str(&b->tmp));
    add_url(b, n, AGNODE, a->url);
    if (look.attrs != NULL)
        rg_build__raw_attrs(b, n, AGNODE, look.attrs);
    rg_build__raw_attrs(b, n, AGNODE, &a->attrs);
}

void rg_build__actors(rg_bld *b)
{
    Agsym_t *id_sym = rg_build__decl(b, AGNODE, "id", "");
    Agsym_t *class_sym = rg_build__decl(b, AGNODE, "class", "");
    node_syms s = {
        rg_build__decl(b, AGNODE, "label", "\\N"),
        rg_build__decl(b, AGNODE, "shape", "box"),
        rg_build__decl(b, AGNODE, "style", "filled"),
        rg_build__decl(b, AGNODE, "fillcolor", "#F7F7F7"),
        rg_build__decl(b, AGNODE, "color", "#666666"),
        rg_build__decl(b, AGNODE, "fontcolor", b->pal->ink),
        rg_build__decl(b, AGNODE, "tooltip", ""),
    };
    for (size_t i = 0; i < b->doc->n_actors && !b->oom; i++) {
        const rg_actor *a = &b->doc->actors[i];
        Agraph_t *sg = rg_build__cluster(b, a->group_index, 0);
        Agnode_t *n = agnode(sg, (char *)a->id, 1);
        if (n == NULL) {
            b->oom = 1;
            return;
        }
        actor_id(b, n, a, id_sym, class_sym);
        actor_look(b, n, a, &s);
    }
}

/* ---- links ---- */

typedef struct edge_syms {
    Agsym_t *label, *style, *color, *fontcolor, *penwidth, *arrowhead, *dir,
        *tooltip, *id, *class;
} edge_syms;

static void link_label(rg_bld *b, const rg_link *k, const rg_status_look *st)
{
    rg_buf *t = &b->tmp;
    rg_buf__reset(t);
    if (k->label != NULL && *k->label)
        rg_build__name_text(t, k->label, 22);
    if (st->marker != NULL)
        rg_buf__printf(t, "%s<FONT POINT-SIZE=\"8\"><I>%s</I></FONT>",
                       t->len ? "<BR/>" : "", st->marker);
    rg_build__cite_marker(b, t, &k->source);
}

static void actor_names(rg_bld *b, const char *what, const size_t *idx,
                        size_t n)
{
    rg_buf__printf(&b->tmp, "\\n%s ", what);
    rg_phrase__names(&b->tmp, rg_build__tooltip_text, b->doc, idx, n);
}

/* "\nsource: title, publisher, date" for each source of the link. */
static void tooltip_sources(rg_bld *b, const rg_link *k)
{
    const rg_doc *d = b->doc;
    rg_buf *t = &b->tmp;
    for (size_t i = 0; i < k->source.n; i++) {
        long si = rg_cite__find(&b->cite, d, k->source.v[i]);
        const rg_source *s = si >= 0 ? &d->sources[si] : NULL;
        rg_buf__puts(t, "\\nsource: ");
        rg_build__tooltip_text(t, s && s->title ? s->title : k->source.v[i]);
        if (s && s->publisher) {
            rg_buf__puts(t, ", ");
            rg_build__tooltip_text(t, s->publisher);
        }
        if (s && s->date) {
            rg_buf__puts(t, ", ");
            rg_build__tooltip_text(t, s->date);
        }
    }
}

/* What a reader hovering over a link wants: who, what, whom, how sure,
 * who says so and who says not, and the source's own words. */
static void link_tooltip(rg_bld *b, const rg_link *k)
{
    rg_buf *t = &b->tmp;
    rg_buf__reset(t);
    rg_phrase__link_status(t, rg_build__tooltip_text, b->doc, k);
    if (k->date != NULL) {
        rg_buf__puts(t, "\\ndate: ");
        rg_build__tooltip_text(t, k->date);
        if (k->until != NULL) {
            rg_buf__puts(t, " to ");
            rg_build__tooltip_text(t, k->until);
        }
    }
    if (k->claimed_by.n > 0)
        actor_names(b, "claimed by", k->claimed_by_index, k->claimed_by.n);
    if (k->disputed_by.n > 0)
        actor_names(b, "disputed by", k->disputed_by_index,
                    k->disputed_by.n);
    tooltip_sources(b, k);
    if (k->quote != NULL && *k->quote) {
        rg_buf__puts(t, "\\n\xe2\x80\x9c");
        rg_build__tooltip_text(t, k->quote);
        rg_buf__puts(t, "\xe2\x80\x9d");
    }
}

/* The ids given so far: each id (owned copies), and for each pair of
 * ends the next number to try. */
typedef struct link_ids {
    rg_map seen, next_dup;
    rg_buf idb;
} link_ids;

/* A link's id comes from its ends, numbered only among links between the
 * same two actors. Numbering goes on from the last number this pair took,
 * so that many links between two actors are numbered in linear time; an
 * id taken by other actors' link ("a--b-2" for "a" and "b-2") is still
 * skipped. Returns the id (owned by `ids`), or NULL when out of memory. */
static const char *link_id(link_ids *ids, const rg_doc *d, const rg_link *k,
                           size_t i)
{
    rg_buf *idb = &ids->idb;
    rg_buf__reset(idb);
    rg_buf__printf(idb, "link-%s--%s", d->actors[k->from_index].id,
                   d->actors[k->to_index].id);
    size_t len = idb->len;
    size_t dup = 1; /* 1: the bare id, then -2, -3... */
    if (!rg_map__get(&ids->next_dup, rg_buf__str(idb), &dup)) {
        char *base = strdup(rg_buf__str(idb));
        if (base == NULL || rg_map__put(&ids->next_dup, base, 1, NULL) < 0) {
            free(base);
            return NULL;
        }
    }
    for (;; dup++) {
        idb->len = len;
        idb->data[len] = '\0';
        if (dup > 1)
            rg_buf__printf(idb, "-%zu", dup);
        if (!rg_map__get(&ids->seen, rg_buf__str(idb), &(size_t){0}))
            break;
    }
    char save = idb->data[len];
    idb->data[len] = '\0';
    rg_map__set(&ids->next_dup, idb->data, dup + 1);
    idb->data[len] = save;
    char *idcopy = strdup(rg_buf__str(idb));
    if (idcopy == NULL || rg_map__put(&ids->seen, idcopy, i, NULL) < 0) {
        free(idcopy);
        return NULL;
    }
    return idcopy;
}

static void link_ids_free(link_ids *ids)
{
    for (size_t i = 0; i < ids->seen.cap; i++)
        free((char *)ids->seen.keys[i]);
    rg_map__free(&ids->seen);
    for (size_t i = 0; i < ids->next_dup.cap; i++)
        free((char *)ids->next_dup.keys[i]);
    rg_map__free(&ids->next_dup);
    rg_buf__free(&ids->idb);
}

/* The id, the title (the link as a sentence: the tooltip's first line)
 * and the classes of a link's line. */
static void link_names(rg_bld *b, Agedge_t *e, const rg_link *k,
                       const char *id, const edge_syms *s)
{
    rg_build__set(e, s->id, id);
    rg_buf t1 = {0};
    rg_phrase__link_status(&t1, rg_buf__puts, b->doc, k);
    rg_build__title(b, id, rg_buf__str(&t1));
    b->oom |= t1.oom;
    rg_buf__free(&t1);
    rg_buf__reset(&b->tmp);
    rg_buf__printf(&b->tmp, "link %s", rg_status_name(k->status));
    if (k->kind != NULL)
        rg_build__class_token(&b->tmp, "", k->kind);
    rg_build__set(e, s->class, rg_buf__str(&b->tmp));
}

static void link_look(rg_bld *b, Agedge_t *e, const rg_link *k,
                      const edge_syms *s)
{
    const rg_status_look *st = rg_style__status(k->status, b->opts->theme);
    link_label(b, k, st);
    if (b->tmp.len > 0 && b->opts->link_labels)
        rg_build__set_html(b, e, s->label, rg_buf__str(&b->tmp));
    rg_build__set(e, s->style, st->style);
    rg_build__set(e, s->color, st->color);
    rg_build__set(e, s->fontcolor, st->fontcolor);
    rg_build__set(e, s->penwidth, st->penwidth);
    rg_build__set(e, s->arrowhead, st->arrowhead);
    if (!k->directed)
        rg_build__set(e, s->dir, "none");
    link_tooltip(b, k);
    rg_build__set(e, s->tooltip, rg_buf__str(&b->tmp));
    add_url(b, e, AGEDGE, k->url);
    const rg_style *ls = rg_style__link_kind(b->doc, k->kind);
    if (ls != NULL) {
        /* A link kind's colour and style replace the status's only
         * where the document asks for them. */
        char cb[8], fb[8];
        rg_build__set(e, s->color,
                      rg_style__color(ls->color, b->opts->theme, cb));
        rg_build__set(e, s->fontcolor,
                      rg_style__color(ls->fontcolor, b->opts->theme, fb));
        rg_build__set(e, s->style, ls->style);
        rg_build__raw_attrs(b, e, AGEDGE, &ls->attrs);
    }
    rg_build__raw_attrs(b, e, AGEDGE, &k->attrs);
}

void rg_build__links(rg_bld *b)
{
    edge_syms s = {
        rg_build__decl(b, AGEDGE, "label", ""),
        rg_build__decl(b, AGEDGE, "style", "solid"),
        rg_build__decl(b, AGEDGE, "color", "#555555"),
        rg_build__decl(b, AGEDGE, "fontcolor", b->pal->link_ink),
        rg_build__decl(b, AGEDGE, "penwidth", "1"),
        rg_build__decl(b, AGEDGE, "arrowhead", "normal"),
        rg_build__decl(b, AGEDGE, "dir", "forward"),
        rg_build__decl(b, AGEDGE, "tooltip", ""),
        rg_build__decl(b, AGEDGE, "id", ""),
        rg_build__decl(b, AGEDGE, "class", ""),
    };
    link_ids ids = {0};
    const rg_doc *d = b->doc;
    char key[32];
    for (size_t i = 0; i < d->n_links && !b->oom; i++) {
        const rg_link *k = &d->links[i];
        Agnode_t *t = agnode(b->g, (char *)d->actors[k->from_index].id, 0);
        Agnode_t *h = agnode(b->g, (char *)d->actors[k->to_index].id, 0);
        if (t == NULL || h == NULL)
            continue;
        snprintf(key, sizeof(key), "link%zu", i);
        Agedge_t *e = agedge(b->g, t, h, key, 1);
        const char *id = e != NULL ? link_id(&ids, d, k, i) : NULL;
        if (id == NULL) {
            b->oom = 1;
            break;
        }
        link_names(b, e, k, id, &s);
        link_look(b, e, k, &s);
    }
    link_ids_free(&ids);
}
