/* The chart's links. A link is one edge when nothing is drawn on it. A
 * link whose label is drawn becomes two half-edges and a node between
 * them that holds the label: every engine then keeps the label clear of
 * other nodes and labels and routes lines around it, where Graphviz's
 * edge labels are placed after the layout and print over each other and
 * under lines. A link that someone claims or disputes gets such a node
 * too (a small point when it has no label), and a thin line runs from
 * each claimant and disputant to it. The label node takes the link's id,
 * title, tooltip and URL; the halves and the claim lines ids of their own
 * made from it. No state beyond the build's. */
#include "build_int.h"

#include "phrase.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct link_syms {
    /* edges */
    Agsym_t *label, *style, *color, *fontcolor, *penwidth, *arrowhead, *dir,
        *tooltip, *id, *class, *weight, *arrowsize;
    /* label and point nodes */
    Agsym_t *n_label, *n_shape, *n_style, *n_fill, *n_color, *n_fontcolor,
        *n_tooltip, *n_id, *n_class, *n_fontsize, *n_margin, *n_width,
        *n_height, *n_penwidth;
} link_syms;

/* One link being built: what its parts share. */
typedef struct link_parts {
    const rg_link *k;
    size_t i;                /* its index */
    const char *id;          /* "link-a--b", owned by link_ids */
    const rg_status_look *st;
    const char *color;       /* its line's colour and its text's */
    const char *fontcolor;
    char cb[8], fb[8];       /* colours made for the theme */
} link_parts;

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
    rg_build__grade_marker(b, t, &k->source, k->credibility);
    if (b->opts->dates && (k->date != NULL || k->until != NULL) &&
        t->len > 0) {
        rg_buf__puts(t, "<BR/><FONT POINT-SIZE=\"8\">");
        rg_build__dates(t, k->date, k->until);
        rg_buf__puts(t, "</FONT>");
    }
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
    /* By actor: the last claim line drawn from it, as 2 * link + 1 for a
     * claim, + 2 for a dispute; so that an actor named many times in one
     * list gets one line, in linear time. */
    size_t *drawn;
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
    free(ids->drawn);
}

/* An id for a part of a link, `base` or, when some other link already
 * has that id ("link-a--b-from" is also the id of a link from "a" to
 * "b-from"), base-2, base-3...; NULL once `base` was given to this link
 * already (an actor who claims it twice gets one line) or when out of
 * memory (*oom set). Owned by `ids`. */
static const char *part_id(link_ids *ids, const char *base, size_t link,
                           int *oom)
{
    rg_buf *idb = &ids->idb;
    size_t prev;
    for (size_t n = 1;; n++) {
        rg_buf__reset(idb);
        rg_buf__puts(idb, base);
        if (n > 1)
            rg_buf__printf(idb, "-%zu", n);
        if (!rg_map__get(&ids->seen, rg_buf__str(idb), &prev))
            break;
        if (prev == link && n == 1)
            return NULL;
    }
    char *id = strdup(rg_buf__str(idb));
    if (id == NULL || rg_map__put(&ids->seen, id, link, NULL) < 0) {
        free(id);
        *oom = 1;
        return NULL;
    }
    return id;
}

/* An attribute's symbol: the one declared already (by the actors, whose
 * defaults must stay), else declared now with Graphviz's own default. */
static Agsym_t *sym(rg_bld *b, int kind, const char *name, const char *dflt)
{
    Agsym_t *s = agattr(b->g, kind, (char *)name, NULL);
    return s != NULL ? s : rg_build__decl(b, kind, name, dflt);
}

static void link_syms_init(rg_bld *b, link_syms *s)
{
    *s = (link_syms){
        sym(b, AGEDGE, "label", ""),      sym(b, AGEDGE, "style", "solid"),
        sym(b, AGEDGE, "color", "#555555"),
        sym(b, AGEDGE, "fontcolor", b->pal->link_ink),
        sym(b, AGEDGE, "penwidth", "1"),  sym(b, AGEDGE, "arrowhead", "normal"),
        sym(b, AGEDGE, "dir", "forward"), sym(b, AGEDGE, "tooltip", ""),
        sym(b, AGEDGE, "id", ""),         sym(b, AGEDGE, "class", ""),
        sym(b, AGEDGE, "weight", "1"),    sym(b, AGEDGE, "arrowsize", "0.75"),
        sym(b, AGNODE, "label", "\\N"),   sym(b, AGNODE, "shape", "box"),
        sym(b, AGNODE, "style", "filled"),
        sym(b, AGNODE, "fillcolor", "#F7F7F7"),
        sym(b, AGNODE, "color", "#666666"),
        sym(b, AGNODE, "fontcolor", b->pal->ink),
        sym(b, AGNODE, "tooltip", ""),    sym(b, AGNODE, "id", ""),
        sym(b, AGNODE, "class", ""),      sym(b, AGNODE, "fontsize", "11"),
        sym(b, AGNODE, "margin", "0.12,0.05"),
        sym(b, AGNODE, "width", "0.75"),  sym(b, AGNODE, "height", "0.4"),
        sym(b, AGNODE, "penwidth", "1.2"),
    };
}

/* The innermost group holding both ends of the link: its label node goes
 * there, so that a group's box holds the labels of the links inside it
 * and no others. */
static Agraph_t *common_cluster(rg_bld *b, const rg_link *k)
{
    const rg_doc *d = b->doc;
    long x = d->actors[k->from_index].group_index;
    for (int i = 0; x >= 0 && i <= RG_MAX_GROUP_DEPTH; i++) {
        long y = d->actors[k->to_index].group_index;
        for (int j = 0; y >= 0 && j <= RG_MAX_GROUP_DEPTH; j++) {
            if (x == y)
                return rg_build__cluster(b, x, 0);
            y = d->groups[y].parent_index;
        }
        x = d->groups[x].parent_index;
    }
    return rg_build__cluster(b, -1, 0);
}

/* The classes of a link's parts: "<what> <status> <kind>". */
static const char *link_class(rg_bld *b, const link_parts *p, const char *what)
{
    rg_buf__reset(&b->tmp);
    rg_buf__printf(&b->tmp, "%s %s", what, rg_status_name(p->k->status));
    if (p->k->kind != NULL)
        rg_build__class_token(&b->tmp, "", p->k->kind);
    return rg_buf__str(&b->tmp);
}

/* The id, title (the link as a sentence: the
 * tooltip's first line), classes, tooltip and URL of one part. */
static void part_names(rg_bld *b, void *obj, const link_parts *p,
                       const char *id, const char *what, const link_syms *s)
{
    int node = agobjkind(obj) == AGNODE;
    rg_build__set(obj, node ? s->n_id : s->id, id);
    rg_buf t1 = {0};
    rg_phrase__link_status(&t1, rg_buf__puts, b->doc, p->k);
    rg_build__title(b, id, rg_buf__str(&t1));
    b->oom |= t1.oom;
    rg_buf__free(&t1);
    rg_build__set(obj, node ? s->n_class : s->class, link_class(b, p, what));
    link_tooltip(b, p->k);
    rg_build__set(obj, node ? s->n_tooltip : s->tooltip, rg_buf__str(&b->tmp));
    rg_build__url(b, obj, node ? AGNODE : AGEDGE, p->k->url);
}

/* The look of a link's line, or of one of its halves: `head` 0 leaves
 * the arrowhead off (the half that ends at the label). */
static void line_look(rg_bld *b, Agedge_t *e, const link_parts *p, int head,
                      const link_syms *s)
{
    rg_build__set(e, s->style, p->st->style);
    rg_build__set(e, s->color, p->color);
    rg_build__set(e, s->fontcolor, p->fontcolor);
    rg_build__set(e, s->penwidth, p->st->penwidth);
    rg_build__set(e, s->arrowhead, head ? p->st->arrowhead : "none");
    if (!p->k->directed)
        rg_build__set(e, s->dir, "none");
    const rg_style *ls = rg_style__link_kind(b->doc, p->k->kind);
    if (ls != NULL) {
        rg_build__set(e, s->style, ls->style);
        rg_build__raw_attrs(b, e, AGEDGE, &ls->attrs);
    }
    rg_build__raw_attrs(b, e, AGEDGE, &p->k->attrs);
    rg_build__mark(b, e, p->k->mark);
}

/* Whether an edge joins these two nodes already, either way. */
static int joined(Agraph_t *g, Agnode_t *t, Agnode_t *h)
{
    for (Agedge_t *e = agfstedge(g, t); e != NULL; e = agnxtedge(g, e, t))
        if (agtail(e) == h || aghead(e) == h)
            return 1;
    return 0;
}

/* An edge from t to h for a part of the link. The engines other than dot
 * route lines around nodes (splines=true) with a router that Graphviz
 * 2.43 aborts on (multispline.c findMap) when two edges join the same
 * two nodes: a link's halves when it goes from an actor to itself, an
 * actor's claim on its own link, a claim and a dispute by one actor,
 * parallel links without labels. There the edge goes through a point of
 * its own: *bend is set to the edge from t to that point, which
 * bend_finish() gives the look of the returned edge. */
static Agedge_t *part_edge(rg_bld *b, Agnode_t *t, Agnode_t *h,
                           const link_parts *p, const char *key_suffix,
                           Agedge_t **bend)
{
    char key[48];
    snprintf(key, sizeof(key), "link%zu%s", p->i, key_suffix);
    *bend = NULL;
    if (t != h && rg_build__routed(b) && joined(b->g, t, h)) {
        rg_buf__reset(&b->tmp);
        rg_buf__printf(&b->tmp, "%s bend", key);
        Agnode_t *q = agnode(common_cluster(b, p->k),
                             (char *)rg_buf__str(&b->tmp), 1);
        char bkey[56];
        snprintf(bkey, sizeof(bkey), "%s-start", key);
        *bend = q ? agedge(b->g, t, q, bkey, 1) : NULL;
        if (*bend == NULL) {
            b->oom = 1;
            return NULL;
        }
        t = q;
    }
    Agedge_t *e = agedge(b->g, t, h, key, 1);
    b->oom |= e == NULL;
    return e;
}

/* The title given to `id` last. */
static const char *title_of(const rg_bld *b, const char *id)
{
    for (size_t i = b->out->n_titles; i-- > 0;)
        if (strcmp(b->out->titles[i].id, id) == 0)
            return b->out->titles[i].title;
    return "";
}

/* Gives the first piece of a bent edge (see part_edge) the look, tooltip
 * and title of the edge `e` with id `id` that it leads to, no arrowhead,
 * and the id "ID-start"; the point between them, hidden, "ID-bend". */
static void bend_finish(rg_bld *b, link_ids *ids, const link_parts *p,
                        Agedge_t *bend, Agedge_t *e, const char *id,
                        const link_syms *s)
{
    if (bend == NULL || e == NULL || id == NULL || b->oom)
        return;
    Agnode_t *q = aghead(bend);
    agcopyattr(e, bend);
    rg_build__set(bend, s->arrowhead, "none");
    const char *parts[2] = {"start", "bend"};
    for (int i = 0; i < 2 && !b->oom; i++) {
        rg_buf__reset(&b->tmp);
        rg_buf__printf(&b->tmp, "%s-%s", id, parts[i]);
        const char *pid = part_id(ids, rg_buf__str(&b->tmp), p->i, &b->oom);
        if (pid == NULL)
            return;
        rg_build__set(i ? (void *)q : (void *)bend, i ? s->n_id : s->id, pid);
        rg_build__title(b, pid, title_of(b, id));
    }
    rg_build__set(q, s->n_label, "");
    rg_build__set(q, s->n_shape, "point");
    rg_build__set(q, s->n_style, "invis");
    rg_build__set(q, s->n_class, "link-bend");
    rg_build__set(q, s->n_width, "0.05");
    rg_build__set(q, s->n_height, "0.05");
}

/* The node between the halves: the label, or a point when the link has
 * no label drawn but has claims to meet. */
static Agnode_t *middle_node(rg_bld *b, const link_parts *p, int label,
                             const link_syms *s)
{
    rg_buf__reset(&b->tmp);
    rg_buf__printf(&b->tmp, "%s %s", p->id, label ? "label" : "point");
    Agnode_t *n = agnode(common_cluster(b, p->k), (char *)rg_buf__str(&b->tmp), 1);
    if (n == NULL) {
        b->oom = 1;
        return NULL;
    }
    part_names(b, n, p, p->id, label ? "link-label" : "link-point", s);
    if (label) {
        link_label(b, p->k, p->st);
        rg_build__set_html(b, n, s->n_label, rg_buf__str(&b->tmp));
    } else {
        rg_build__set(n, s->n_label, "");
    }
    b->n_middles++;
    rg_build__set(n, s->n_shape, label ? "plaintext" : "point");
    /* a label has no box: it sits on the page or on its group's fill */
    rg_build__set(n, s->n_style, label ? "solid" : "filled");
    rg_build__set(n, s->n_fill, p->color);
    rg_build__set(n, s->n_color, p->color);
    rg_build__set(n, s->n_penwidth, label ? "0" : "1");
    rg_build__set(n, s->n_fontcolor, p->fontcolor);
    rg_build__set(n, s->n_fontsize, "9");
    /* room between the text and where lines end */
    rg_build__set(n, s->n_margin, "0.1,0.08");
    rg_build__set(n, s->n_width, label ? "0" : "0.06");
    rg_build__set(n, s->n_height, label ? "0" : "0.06");
    /* a diff's marker goes before a label's text, not on a bare point */
    if (label || p->k->mark == RG_MARK_FADED)
        rg_build__mark(b, n, p->k->mark);
    return n;
}

/* A thin line from each actor who claims (or disputes) the link to its
 * middle node, ending in a dot (a tee for a dispute): "says so", "says
 * not". Weight 0, so that in dot the lines bend rather than pull the
 * actors about. An actor named twice gets one line. */
static void claim_lines(rg_bld *b, link_ids *ids, Agnode_t *mid,
                        const link_parts *p, int disputes, const link_syms *s)
{
    const rg_doc *d = b->doc;
    const rg_strv *who = disputes ? &p->k->disputed_by : &p->k->claimed_by;
    const size_t *idx = disputes ? p->k->disputed_by_index
                                 : p->k->claimed_by_index;
    const char *color = disputes
        ? rg_style__status(RG_STATUS_DISPUTED, b->opts->theme)->color
        : b->pal->muted;
    size_t mark = 2 * p->i + 1 + (size_t)disputes;
    for (size_t c = 0; c < who->n && !b->oom; c++) {
        if (ids->drawn[idx[c]] == mark)
            continue; /* named twice: one line */
        ids->drawn[idx[c]] = mark;
        const rg_actor *a = &d->actors[idx[c]];
        rg_buf__reset(&b->tmp);
        rg_buf__printf(&b->tmp, "%s-%s-%s", p->id,
                       disputes ? "disputed-by" : "claimed-by", a->id);
        const char *id = part_id(ids, rg_buf__str(&b->tmp), p->i, &b->oom);
        if (id == NULL)
            continue;
        Agnode_t *t = agnode(b->g, (char *)a->id, 0);
        char key[24];
        snprintf(key, sizeof(key), "-%c%zu", disputes ? 'd' : 'c', c);
        Agedge_t *bend;
        Agedge_t *e = t != NULL ? part_edge(b, t, mid, p, key, &bend) : NULL;
        if (e == NULL)
            continue;
        rg_build__set(e, s->id, id);
        rg_buf t1 = {0};
        rg_phrase__claim(&t1, rg_buf__puts, d, p->k, idx[c], disputes);
        rg_build__title(b, id, rg_buf__str(&t1));
        rg_buf__reset(&t1);
        rg_phrase__claim(&t1, rg_build__tooltip_text, d, p->k, idx[c], disputes);
        rg_build__set(e, s->tooltip, rg_buf__str(&t1));
        b->oom |= t1.oom;
        rg_buf__free(&t1);
        rg_build__set(e, s->class, disputes ? "claim disputes" : "claim claims");
        rg_build__set(e, s->style, disputes ? "dashed" : "solid");
        rg_build__set(e, s->color, color);
        rg_build__set(e, s->penwidth, "0.8");
        rg_build__set(e, s->arrowhead, disputes ? "tee" : "dot");
        rg_build__set(e, s->arrowsize, "0.5");
        if (strcmp(b->opts->engine, "dot") == 0)
            rg_build__set(e, s->weight, "0"); /* twopi drops such edges */
        /* faded with its link; a diff marks the link, not who says so */
        if (p->k->mark == RG_MARK_FADED)
            rg_build__mark(b, e, p->k->mark);
        bend_finish(b, ids, p, bend, e, id, s);
    }
}

static void link_colors(rg_bld *b, link_parts *p)
{
    p->st = rg_style__status(p->k->status, b->opts->theme);
    p->color = p->st->color;
    p->fontcolor = p->st->fontcolor;
    const rg_style *ls = rg_style__link_kind(b->doc, p->k->kind);
    /* A link kind's colour replaces the status's only where the
     * document asks for it. */
    if (ls != NULL && ls->color != NULL)
        p->color = rg_style__color(ls->color, b->opts->theme, p->cb);
    if (ls != NULL && ls->fontcolor != NULL)
        p->fontcolor = rg_style__color(ls->fontcolor, b->opts->theme, p->fb);
}

static void one_link(rg_bld *b, link_ids *ids, link_parts *p,
                     const link_syms *s)
{
    const rg_doc *d = b->doc;
    const rg_link *k = p->k;
    Agnode_t *t = agnode(b->g, (char *)d->actors[k->from_index].id, 0);
    Agnode_t *h = agnode(b->g, (char *)d->actors[k->to_index].id, 0);
    if (t == NULL || h == NULL)
        return;
    link_colors(b, p);
    link_label(b, k, p->st);
    int label = b->tmp.len > 0 && b->opts->link_labels;
    int claims = b->opts->claims && k->claimed_by.n + k->disputed_by.n > 0;
    if (!label && !claims) {
        Agedge_t *bend;
        Agedge_t *e = part_edge(b, t, h, p, "", &bend);
        if (e != NULL) {
            part_names(b, e, p, p->id, "link", s);
            line_look(b, e, p, 1, s);
            bend_finish(b, ids, p, bend, e, p->id, s);
        }
        return;
    }
    Agnode_t *mid = middle_node(b, p, label, s);
    Agedge_t *bend[2] = {NULL, NULL};
    Agedge_t *e1 = mid ? part_edge(b, t, mid, p, "-from", &bend[0]) : NULL;
    Agedge_t *e2 = mid ? part_edge(b, mid, h, p, "-to", &bend[1]) : NULL;
    if (e1 == NULL || e2 == NULL)
        return;
    for (int half = 0; half < 2 && !b->oom; half++) {
        rg_buf__reset(&b->tmp);
        rg_buf__printf(&b->tmp, "%s-%s", p->id, half ? "to" : "from");
        const char *id = part_id(ids, rg_buf__str(&b->tmp), p->i, &b->oom);
        if (id == NULL)
            return;
        part_names(b, half ? e2 : e1, p, id, "link", s);
        line_look(b, half ? e2 : e1, p, half, s);
        bend_finish(b, ids, p, bend[half], half ? e2 : e1, id, s);
    }
    if (claims) {
        claim_lines(b, ids, mid, p, 0, s);
        claim_lines(b, ids, mid, p, 1, s);
    }
}

/* One past the highest actor index a claim names: a view keeps the
 * claimants it does not show after its n_actors. */
static size_t claimants_reach(const rg_doc *d)
{
    size_t reach = d->n_actors;
    for (size_t i = 0; i < d->n_links; i++) {
        const rg_link *k = &d->links[i];
        for (size_t c = 0; c < k->claimed_by.n; c++)
            if (k->claimed_by_index[c] >= reach)
                reach = k->claimed_by_index[c] + 1;
        for (size_t c = 0; c < k->disputed_by.n; c++)
            if (k->disputed_by_index[c] >= reach)
                reach = k->disputed_by_index[c] + 1;
    }
    return reach;
}

void rg_build__links(rg_bld *b)
{
    link_syms s;
    link_syms_init(b, &s);
    link_ids ids = {0};
    const rg_doc *d = b->doc;
    ids.drawn = calloc(claimants_reach(d) + 1, sizeof(*ids.drawn));
    if (ids.drawn == NULL)
        b->oom = 1;
    for (size_t i = 0; i < d->n_links && !b->oom; i++) {
        link_parts p = {.k = &d->links[i], .i = i};
        p.id = link_id(&ids, d, p.k, i);
        if (p.id == NULL) {
            b->oom = 1;
            break;
        }
        one_link(b, &ids, &p, &s);
    }
    link_ids_free(&ids);
}

/* ---- for other charts (build_timeline.c) ---- */

char **rg_build__link_ids(rg_bld *b)
{
    const rg_doc *d = b->doc;
    link_ids ids = {0};
    char **out = calloc(d->n_links + 1, sizeof(*out));
    for (size_t i = 0; out != NULL && i < d->n_links; i++) {
        const char *id = link_id(&ids, d, &d->links[i], i);
        out[i] = id ? strdup(id) : NULL;
        if (out[i] == NULL) {
            rg_build__link_ids_free(out, i);
            out = NULL;
        }
    }
    link_ids_free(&ids);
    b->oom |= out == NULL;
    return out;
}

void rg_build__link_ids_free(char **ids, size_t n)
{
    for (size_t i = 0; ids != NULL && i < n; i++)
        free(ids[i]);
    free(ids);
}

void rg_build__link_part(rg_bld *b, void *obj, size_t i, const char *id,
                         const char *what, int head)
{
    link_syms s;
    link_syms_init(b, &s);
    link_parts p = {.k = &b->doc->links[i], .i = i, .id = id};
    link_colors(b, &p);
    part_names(b, obj, &p, id, what, &s);
    if (agobjkind(obj) == AGEDGE) {
        line_look(b, obj, &p, head, &s);
        return;
    }
    rg_build__set(obj, s.n_fontcolor, p.fontcolor);
    rg_build__set(obj, s.n_fill, p.color);
    rg_build__set(obj, s.n_color, p.color);
}

void rg_build__link_text(rg_bld *b, size_t i)
{
    const rg_link *k = &b->doc->links[i];
    const rg_status_look *st = rg_style__status(k->status, b->opts->theme);
    rg_buf *t = &b->tmp;
    char *cut;
    rg_buf__reset(t);
    if (k->label != NULL && *k->label) {
        const char *s = rg_build__clipped(t, k->label, 40, &cut);
        rg_build__line_text(t, s);
        free(cut);
    }
    if (st->marker != NULL)
        rg_buf__printf(t, "%s<I>%s</I>", t->len ? " " : "", st->marker);
    rg_build__cite_marker(b, t, &k->source);
    rg_build__grade_marker(b, t, &k->source, k->credibility);
    if (b->opts->dates && k->date != NULL) {
        rg_buf__puts(t, " ");
        rg_build__dates(t, k->date, k->until);
    }
}
