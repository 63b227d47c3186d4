/* The chart's actors: an actor's box (label, tooltip, classes, look of
 * its kind), and the URLs of nodes and edges. The links are built in
 * build_links.c. No state beyond the build's. */
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

/* "aka X, Y" under the name, cut at RG_DRAWN_ALIASES_MAX characters. */
static void actor_aliases(rg_bld *b, rg_buf *t, const rg_actor *a)
{
    rg_buf all = {0};
    rg_buf__puts(&all, "aka ");
    for (size_t i = 0; i < a->aliases.n && all.len < 4 * RG_DRAWN_ALIASES_MAX;
         i++)
        rg_buf__printf(&all, "%s%s", i ? ", " : "", a->aliases.v[i]);
    char *cut;
    const char *s = rg_build__clipped(t, rg_buf__str(&all),
                                      RG_DRAWN_ALIASES_MAX, &cut);
    rg_buf__printf(t, "<BR/><FONT POINT-SIZE=\"8.5\" COLOR=\"%s\"><I>",
                   b->pal->muted);
    rg_build__wrapped(t, s, 32);
    rg_buf__puts(t, "</I></FONT>");
    free(cut);
    b->oom |= all.oom;
    rg_buf__free(&all);
}

void rg_build__actor_label(rg_bld *b, const rg_actor *a)
{
    rg_buf *t = &b->tmp;
    rg_buf__reset(t);
    rg_build__name_text(t, a->name, 24);
    rg_build__cite_marker(b, t, &a->source);
    rg_build__grade_actor(b, t, a);
    if (b->opts->timeline)
        return; /* a theme line's box: the name alone */
    if (b->opts->aliases && a->aliases.n > 0)
        actor_aliases(b, t, a);
    if (b->opts->dates && (a->date != NULL || a->until != NULL)) {
        rg_buf__printf(t, "<BR/><FONT POINT-SIZE=\"8.5\" COLOR=\"%s\">",
                       b->pal->muted);
        rg_build__dates(t, a->date, a->until);
        rg_buf__puts(t, "</FONT>");
    }
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
    if (!b->opts->groups && a->group_index >= 0) {
        const rg_group *g = &b->doc->groups[a->group_index];
        rg_buf__puts(t, "\\ngroup: ");
        rg_build__tooltip_text(t, g->label && *g->label ? g->label : g->id);
    }
}

/* A URL for the object, when it is one a chart may link to: checked at
 * load; checked again, as a chart must never link to a script whatever
 * the model holds. Set for each format by rg_build__set_urls(). */
void rg_build__url(rg_bld *b, void *obj, int kind, const char *url)
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
    rg_build__actor_label(b, a);
    rg_build__set_html(b, n, s->label, rg_buf__str(&b->tmp));
    rg_build__set(n, s->shape, look.shape);
    rg_build__set(n, s->style, look.style);
    rg_build__set(n, s->fill, look.fill);
    rg_build__set(n, s->color, look.color);
    rg_build__set(n, s->fontcolor, look.fontcolor);
    actor_tooltip(b, a);
    rg_build__set(n, s->tooltip, rg_buf__str(&b->tmp));
    rg_build__url(b, n, AGNODE, a->url);
    if (look.attrs != NULL)
        rg_build__raw_attrs(b, n, AGNODE, look.attrs);
    rg_build__raw_attrs(b, n, AGNODE, &a->attrs);
    rg_build__mark(b, n, a->mark);
}

/* Actor i's node in sg, with its id, classes, label, tooltip and look;
 * NULL when out of memory. */
Agnode_t *rg_build__actor(rg_bld *b, Agraph_t *sg, size_t i)
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
    const rg_actor *a = &b->doc->actors[i];
    Agnode_t *n = agnode(sg, (char *)a->id, 1);
    if (n == NULL) {
        b->oom = 1;
        return NULL;
    }
    actor_id(b, n, a, id_sym, class_sym);
    actor_look(b, n, a, &s);
    return n;
}

void rg_build__actors(rg_bld *b)
{
    for (size_t i = 0; i < b->doc->n_actors && !b->oom; i++)
        rg_build__actor(b, rg_build__cluster(b, b->doc->actors[i].group_index,
                                             0), i);
}
