/* Model -> cgraph: clusters for groups, styles from kinds and statuses,
 * HTML-like labels, tooltips, URLs, and a graph label holding the title
 * and the legend.
 *
 * Graphviz 2.43 corrupts memory when dot lays out labelled edges in
 * clustered graphs with its old ranking; with newrank=true it does not
 * (see graphs/README.md, "Robustness", and tests/stress). Every graph is
 * therefore built with newrank=true, and never with constraint=false,
 * rank=same, lhead or ltail, the other features with known crashes. */
#include "build.h"

#include "buf.h"
#include "style.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- text ---- */

/* Appends s for an HTML-like label: markup characters as entities, so
 * that the text comes out literally; control characters as spaces. */
static void html_text(rg_buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '&': rg_buf__puts(b, "&amp;"); break;
        case '<': rg_buf__puts(b, "&lt;"); break;
        case '>': rg_buf__puts(b, "&gt;"); break;
        case '"': rg_buf__puts(b, "&quot;"); break;
        case '\'': rg_buf__puts(b, "&#39;"); break;
        /* Graphviz expands \N, \G, \L... even in HTML-like labels. */
        case '\\': rg_buf__puts(b, "\\\\"); break;
        default:
            rg_buf__putc(b, c < 0x20 || c == 0x7f ? ' ' : (char)c);
        }
    }
}

static size_t utf8_len(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

/* Appends s as HTML text broken into lines of about `width` characters
 * at spaces; newlines in s are kept as line breaks. */
static void html_wrapped(rg_buf *b, const char *s, size_t width)
{
    size_t col = 0;
    while (*s) {
        if (*s == '\n') {
            rg_buf__puts(b, "<BR/>");
            col = 0;
            s++;
            continue;
        }
        size_t sp = strspn(s, " ");
        const char *w = s + sp;
        size_t wl = strcspn(w, " \n");
        size_t wc = utf8_len(w, wl);
        if (col > 0 && col + 1 + wc > width) {
            rg_buf__puts(b, "<BR/>");
            col = 0;
        } else if (col > 0 && sp > 0) {
            rg_buf__putc(b, ' ');
            col++;
        }
        html_text(b, w, wl);
        col += wc;
        s = w + wl;
    }
}

/* Appends s for a tooltip (an escString): backslashes are Graphviz
 * escapes (\N, \G, \n), so double them; drop control characters. Graphviz
 * writes tooltips into SVG keeping anything that looks like a character
 * reference, so '&' is written as "&amp;": "&#27;" in a name stays text
 * instead of becoming a control character. */
static void esc_text(rg_buf *b, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '\\')
            rg_buf__puts(b, "\\\\");
        else if (c == '&')
            rg_buf__puts(b, "&amp;");
        else if (c == '\n')
            rg_buf__puts(b, "\\n");
        else if (c < 0x20 || c == 0x7f)
            rg_buf__putc(b, ' ');
        else
            rg_buf__putc(b, (char)c);
    }
}

/* Appends s as a CSS class name: characters other than letters, digits,
 * '-' and '_' become '-'. */
static void class_token(rg_buf *b, const char *prefix, const char *s)
{
    rg_buf__putc(b, ' ');
    rg_buf__puts(b, prefix);
    for (; *s; s++) {
        char c = *s;
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                 (c >= '0' && c <= '9') || c == '-' || c == '_';
        rg_buf__putc(b, ok ? c : '-');
    }
}

/* ---- attributes ---- */

typedef struct bld {
    size_t titles_cap;
    const rg_doc *doc;
    const rg_build_opts *opts;
    Agraph_t *g;
    Agraph_t **clusters;  /* by group index; NULL until made */
    rg_buf tmp;
    rg_built *out;
    int oom;
} bld;

/* Records the title an element with this id gets in SVG. */
static void add_title(bld *b, const char *id, const char *title)
{
    rg_built *o = b->out;
    if (o->n_titles == b->titles_cap) {
        size_t cap = b->titles_cap ? b->titles_cap * 2 : 64;
        rg_svg_title *t = realloc(o->titles, cap * sizeof(*t));
        char **strs = realloc(o->title_strs, 2 * cap * sizeof(*strs));
        if (t != NULL)
            o->titles = t;
        if (strs != NULL)
            o->title_strs = strs;
        if (t == NULL || strs == NULL) {
            b->oom = 1;
            return;
        }
        b->titles_cap = cap;
    }
    char *i = strdup(id), *tt = strdup(title);
    if (i == NULL || tt == NULL) {
        free(i);
        free(tt);
        b->oom = 1;
        return;
    }
    o->title_strs[o->n_title_strs++] = i;
    o->title_strs[o->n_title_strs++] = tt;
    o->titles[o->n_titles].id = i;
    o->titles[o->n_titles].title = tt;
    o->n_titles++;
}

static int cmp_titles(const void *a, const void *b)
{
    return strcmp(((const rg_svg_title *)a)->id, ((const rg_svg_title *)b)->id);
}

static void set(void *obj, Agsym_t *sym, const char *value)
{
    if (sym != NULL && value != NULL)
        agxset(obj, sym, (char *)value);
}

static void set_html(bld *b, void *obj, Agsym_t *sym, const char *html)
{
    char *h = agstrdup_html(b->g, (char *)html);
    if (h == NULL) {
        b->oom = 1;
        return;
    }
    agxset(obj, sym, h);
    agstrfree(b->g, h);
}

/* Applies the document's raw attributes. Declares an attribute of the
 * graph when this is its first use. */
static void raw_attrs(bld *b, void *obj, int kind, const rg_attrs *a)
{
    if (a == NULL)
        return;
    for (size_t i = 0; i < a->n; i++) {
        Agsym_t *sym = agattr(b->g, kind, (char *)a->v[i].name, NULL);
        if (sym == NULL)
            sym = agattr(b->g, kind, (char *)a->v[i].name, "");
        if (sym != NULL)
            agxset(obj, sym, (char *)a->v[i].value);
    }
}

static Agsym_t *decl(bld *b, int kind, const char *name, const char *dflt)
{
    return agattr(b->g, kind, (char *)name, (char *)dflt);
}

/* ---- clusters ---- */

static Agraph_t *cluster(bld *b, long gi, int depth)
{
    if (gi < 0 || depth > 64)
        return b->g;
    if (b->clusters[gi] != NULL)
        return b->clusters[gi];
    const rg_group *grp = &b->doc->groups[gi];
    Agraph_t *parent = cluster(b, grp->parent_index, depth + 1);
    rg_buf__reset(&b->tmp);
    rg_buf__printf(&b->tmp, "cluster_%s", grp->id);
    Agraph_t *sg = agsubg(parent, (char *)rg_buf__str(&b->tmp), 1);
    if (sg == NULL) {
        b->oom = 1;
        return b->g;
    }
    b->clusters[gi] = sg;
    return sg;
}

/* Nesting depth of a group, for shading nested clusters. */
static int depth_of(const rg_doc *doc, long gi)
{
    int d = 0;
    while (gi >= 0 && d < 64) {
        gi = doc->groups[gi].parent_index;
        d++;
    }
    return d;
}

static void style_clusters(bld *b)
{
    static const char *const fills[] = {"#F4F6F8", "#E9EDF1", "#DEE4EA"};
    Agsym_t *label = decl(b, AGRAPH, "label", "");
    Agsym_t *style = decl(b, AGRAPH, "style", "");
    Agsym_t *fill = decl(b, AGRAPH, "fillcolor", "");
    Agsym_t *color = decl(b, AGRAPH, "color", "");
    Agsym_t *fontsize = decl(b, AGRAPH, "fontsize", "");
    Agsym_t *fontcolor = decl(b, AGRAPH, "fontcolor", "");
    Agsym_t *labeljust = decl(b, AGRAPH, "labeljust", "");
    Agsym_t *margin = decl(b, AGRAPH, "margin", "");
    Agsym_t *penwidth = decl(b, AGRAPH, "penwidth", "");
    Agsym_t *id_sym = decl(b, AGRAPH, "id", "");
    Agsym_t *class_sym = decl(b, AGRAPH, "class", "");
    for (size_t i = 0; i < b->doc->n_groups; i++) {
        Agraph_t *sg = b->clusters[i];
        if (sg == NULL)
            continue;
        const rg_group *grp = &b->doc->groups[i];
        rg_buf__reset(&b->tmp);
        rg_buf__printf(&b->tmp, "group-%s", grp->id);
        set(sg, id_sym, rg_buf__str(&b->tmp));
        add_title(b, rg_buf__str(&b->tmp),
                  grp->label && *grp->label ? grp->label : grp->id);
        rg_buf__reset(&b->tmp);
        rg_buf__puts(&b->tmp, "group");
        class_token(&b->tmp, "group-", grp->id);
        set(sg, class_sym, rg_buf__str(&b->tmp));
        int d = depth_of(b->doc, (long)i) - 1;
        rg_buf__reset(&b->tmp);
        rg_buf__puts(&b->tmp, "<B>");
        html_wrapped(&b->tmp, grp->label && *grp->label ? grp->label : grp->id, 40);
        rg_buf__puts(&b->tmp, "</B>");
        set_html(b, sg, label, rg_buf__str(&b->tmp));
        set(sg, style, "rounded,filled");
        set(sg, fill, fills[d < 3 ? d : 2]);
        set(sg, color, "#8A96A3");
        set(sg, penwidth, "1.2");
        set(sg, fontsize, d == 0 ? "13" : "11");
        set(sg, fontcolor, "#33404D");
        set(sg, labeljust, "l");
        set(sg, margin, "14");
        raw_attrs(b, sg, AGRAPH, &grp->attrs);
    }
}

/* ---- actors ---- */

typedef struct node_syms {
    Agsym_t *label, *shape, *style, *fill, *color, *fontcolor, *tooltip,
        *url;
} node_syms;

static void actor_label(bld *b, const rg_actor *a)
{
    rg_buf *t = &b->tmp;
    rg_buf__reset(t);
    html_wrapped(t, a->name, 24);
    if (a->note != NULL && *a->note) {
        rg_buf__puts(t, "<BR/><FONT POINT-SIZE=\"8.5\" COLOR=\"" RG_MUTED
                        "\">");
        html_wrapped(t, a->note, 32);
        rg_buf__puts(t, "</FONT>");
    }
}

static void actor_tooltip(bld *b, const rg_actor *a)
{
    rg_buf *t = &b->tmp;
    rg_buf__reset(t);
    esc_text(t, a->name);
    if (a->aliases.n > 0) {
        rg_buf__puts(t, " (also ");
        for (size_t i = 0; i < a->aliases.n; i++) {
            if (i)
                rg_buf__puts(t, ", ");
            esc_text(t, a->aliases.v[i]);
        }
        rg_buf__puts(t, ")");
    }
    if (a->note != NULL && *a->note) {
        rg_buf__puts(t, ": ");
        esc_text(t, a->note);
    }
}

static void add_actors(bld *b)
{
    Agsym_t *id_sym = decl(b, AGNODE, "id", "");
    Agsym_t *class_sym = decl(b, AGNODE, "class", "");
    node_syms s = {
        decl(b, AGNODE, "label", "\\N"),
        decl(b, AGNODE, "shape", "box"),
        decl(b, AGNODE, "style", "filled"),
        decl(b, AGNODE, "fillcolor", "#F7F7F7"),
        decl(b, AGNODE, "color", "#666666"),
        decl(b, AGNODE, "fontcolor", RG_INK),
        decl(b, AGNODE, "tooltip", ""),
        NULL,
    };
    for (size_t i = 0; i < b->doc->n_actors && !b->oom; i++) {
        const rg_actor *a = &b->doc->actors[i];
        Agraph_t *sg = cluster(b, a->group_index, 0);
        Agnode_t *n = agnode(sg, (char *)a->id, 1);
        if (n == NULL) {
            b->oom = 1;
            return;
        }
        /* Ids come from the actor's id, so they stay put when the
         * document changes elsewhere; classes let a report's stylesheet
         * select by kind and group. */
        rg_buf__reset(&b->tmp);
        rg_buf__printf(&b->tmp, "actor-%s", a->id);
        set(n, id_sym, rg_buf__str(&b->tmp));
        add_title(b, rg_buf__str(&b->tmp), a->name);
        rg_buf__reset(&b->tmp);
        rg_buf__puts(&b->tmp, "actor");
        class_token(&b->tmp, "", a->kind);
        if (a->group_index >= 0)
            class_token(&b->tmp, "group-", b->doc->groups[a->group_index].id);
        set(n, class_sym, rg_buf__str(&b->tmp));
        rg_kind_look look;
        rg_style__kind(b->doc, a->kind, &look);
        actor_label(b, a);
        set_html(b, n, s.label, rg_buf__str(&b->tmp));
        set(n, s.shape, look.shape);
        set(n, s.style, look.style);
        set(n, s.fill, look.fill);
        set(n, s.color, look.color);
        set(n, s.fontcolor, look.fontcolor);
        actor_tooltip(b, a);
        set(n, s.tooltip, rg_buf__str(&b->tmp));
        if (a->url != NULL) {
            if (s.url == NULL)
                s.url = b->out->url_node = decl(b, AGNODE, "URL", "");
            rg_build_url *u = &b->out->urls[b->out->n_urls++];
            u->obj = n;
            u->url = a->url;
        }
        if (look.attrs != NULL)
            raw_attrs(b, n, AGNODE, look.attrs);
        raw_attrs(b, n, AGNODE, &a->attrs);
    }
}

/* ---- links ---- */

static void link_label(bld *b, const rg_link *k, const rg_status_look *st)
{
    rg_buf *t = &b->tmp;
    rg_buf__reset(t);
    if (k->label != NULL && *k->label)
        html_wrapped(t, k->label, 22);
    if (st->marker != NULL) {
        rg_buf__printf(t, "%s<FONT POINT-SIZE=\"8\"><I>%s</I></FONT>",
                       t->len ? "<BR/>" : "", st->marker);
    }
}

static void actor_names(bld *b, const char *what, const size_t *idx,
                        size_t n)
{
    rg_buf *t = &b->tmp;
    rg_buf__printf(t, "\\n%s ", what);
    for (size_t i = 0; i < n; i++) {
        if (i)
            rg_buf__puts(t, ", ");
        esc_text(t, b->doc->actors[idx[i]].name);
    }
}

/* What a reader hovering over a link wants: who, what, whom, how sure,
 * who says so and who says not, and the source's own words. */
static void link_tooltip(bld *b, const rg_link *k)
{
    const rg_doc *d = b->doc;
    rg_buf *t = &b->tmp;
    const char *arrow = k->directed ? " \xe2\x86\x92 " : " \xe2\x80\x94 ";
    rg_buf__reset(t);
    esc_text(t, d->actors[k->from_index].name);
    rg_buf__puts(t, arrow);
    if (k->label != NULL && *k->label) {
        esc_text(t, k->label);
        rg_buf__puts(t, arrow);
    }
    esc_text(t, d->actors[k->to_index].name);
    rg_buf__printf(t, " (%s)", rg_status_name(k->status));
    if (k->date != NULL) {
        rg_buf__puts(t, "\\ndate: ");
        esc_text(t, k->date);
        if (k->until != NULL) {
            rg_buf__puts(t, " to ");
            esc_text(t, k->until);
        }
    }
    if (k->claimed_by.n > 0)
        actor_names(b, "claimed by", k->claimed_by_index, k->claimed_by.n);
    if (k->disputed_by.n > 0)
        actor_names(b, "disputed by", k->disputed_by_index,
                    k->disputed_by.n);
    for (size_t i = 0; i < k->source.n; i++) {
        const rg_source *s = NULL;
        for (size_t j = 0; j < d->n_sources && s == NULL; j++)
            if (d->sources[j].id && strcmp(d->sources[j].id, k->source.v[i]) == 0)
                s = &d->sources[j];
        rg_buf__puts(t, "\\nsource: ");
        esc_text(t, s && s->title ? s->title : k->source.v[i]);
        if (s && s->publisher) {
            rg_buf__puts(t, ", ");
            esc_text(t, s->publisher);
        }
        if (s && s->date) {
            rg_buf__puts(t, ", ");
            esc_text(t, s->date);
        }
    }
    if (k->quote != NULL && *k->quote) {
        rg_buf__puts(t, "\\n\xe2\x80\x9c");
        esc_text(t, k->quote);
        rg_buf__puts(t, "\xe2\x80\x9d");
    }
}

static void add_links(bld *b)
{
    Agsym_t *label = decl(b, AGEDGE, "label", "");
    Agsym_t *style = decl(b, AGEDGE, "style", "solid");
    Agsym_t *color = decl(b, AGEDGE, "color", "#555555");
    Agsym_t *fontcolor = decl(b, AGEDGE, "fontcolor", "#333333");
    Agsym_t *penwidth = decl(b, AGEDGE, "penwidth", "1");
    Agsym_t *arrowhead = decl(b, AGEDGE, "arrowhead", "normal");
    Agsym_t *dir = decl(b, AGEDGE, "dir", "forward");
    Agsym_t *tooltip = decl(b, AGEDGE, "tooltip", "");
    Agsym_t *id_sym = decl(b, AGEDGE, "id", "");
    Agsym_t *class_sym = decl(b, AGEDGE, "class", "");
    Agsym_t *url = NULL;
    rg_map seen = {0};
    rg_buf idb = {0};
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
        if (e == NULL) {
            b->oom = 1;
            return;
        }
        /* A link's id comes from its ends, numbered only among links
         * between the same two actors. */
        const char *fid = d->actors[k->from_index].id;
        const char *tid = d->actors[k->to_index].id;
        rg_buf__reset(&idb);
        rg_buf__printf(&idb, "link-%s--%s", fid, tid);
        size_t len = idb.len;
        for (int dup = 2; rg_map__get(&seen, rg_buf__str(&idb), &(size_t){0});
             dup++) {
            idb.len = len;
            rg_buf__printf(&idb, "-%d", dup);
        }
        char *idcopy = strdup(rg_buf__str(&idb));
        if (idcopy == NULL || rg_map__put(&seen, idcopy, i, NULL) < 0) {
            free(idcopy);
            b->oom = 1;
            break;
        }
        set(e, id_sym, idcopy);
        /* The title reads as a sentence: the tooltip's first line. */
        {
            rg_buf t1 = {0};
            const char *arrow = k->directed ? " \xe2\x86\x92 " : " \xe2\x80\x94 ";
            rg_buf__puts(&t1, d->actors[k->from_index].name);
            rg_buf__puts(&t1, arrow);
            if (k->label != NULL && *k->label) {
                rg_buf__puts(&t1, k->label);
                rg_buf__puts(&t1, arrow);
            }
            rg_buf__puts(&t1, d->actors[k->to_index].name);
            rg_buf__printf(&t1, " (%s)", rg_status_name(k->status));
            add_title(b, idcopy, rg_buf__str(&t1));
            b->oom |= t1.oom;
            rg_buf__free(&t1);
        }
        rg_buf__reset(&b->tmp);
        rg_buf__printf(&b->tmp, "link %s", rg_status_name(k->status));
        if (k->kind != NULL)
            class_token(&b->tmp, "", k->kind);
        set(e, class_sym, rg_buf__str(&b->tmp));
        const rg_status_look *st = rg_style__status(k->status);
        link_label(b, k, st);
        if (b->tmp.len > 0 && b->opts->link_labels)
            set_html(b, e, label, rg_buf__str(&b->tmp));
        set(e, style, st->style);
        set(e, color, st->color);
        set(e, fontcolor, st->fontcolor);
        set(e, penwidth, st->penwidth);
        set(e, arrowhead, st->arrowhead);
        if (!k->directed)
            set(e, dir, "none");
        link_tooltip(b, k);
        set(e, tooltip, rg_buf__str(&b->tmp));
        if (k->url != NULL) {
            if (url == NULL)
                url = b->out->url_edge = decl(b, AGEDGE, "URL", "");
            rg_build_url *u = &b->out->urls[b->out->n_urls++];
            u->obj = e;
            u->url = k->url;
        }
        const rg_style *ls = rg_style__link_kind(d, k->kind);
        if (ls != NULL) {
            /* A link kind's colour and style replace the status's only
             * where the document asks for them. */
            set(e, color, ls->color);
            set(e, fontcolor, ls->fontcolor);
            set(e, style, ls->style);
            raw_attrs(b, e, AGEDGE, &ls->attrs);
        }
        raw_attrs(b, e, AGEDGE, &k->attrs);
    }
    for (size_t i = 0; i < seen.cap; i++)
        free((char *)seen.keys[i]);
    rg_map__free(&seen);
    rg_buf__free(&idb);
}

/* ---- title and legend ---- */

static void legend_kinds(bld *b, rg_buf *t)
{
    const rg_doc *d = b->doc;
    size_t nb = rg_style__builtin_count();
    size_t n = nb + d->n_kinds;
    const char **names = malloc(n * sizeof(*names));
    if (names == NULL) {
        b->oom = 1;
        return;
    }
    for (size_t i = 0; i < nb; i++)
        names[i] = rg_style__builtin_name(i);
    for (size_t i = 0; i < d->n_kinds; i++)
        names[nb + i] = d->kinds[i].name;
    size_t shown = 0;
    for (size_t i = 0; i < n; i++) {
        int used = 0, seen = 0;
        for (size_t j = 0; j < i && !seen; j++)
            seen = strcmp(names[j], names[i]) == 0;
        for (size_t a = 0; a < d->n_actors && !used && !seen; a++)
            used = strcmp(d->actors[a].kind, names[i]) == 0;
        if (!used)
            continue;
        rg_kind_look look;
        rg_style__kind(d, names[i], &look);
        if (shown > 0 && shown % 6 == 0)
            rg_buf__puts(t, "</TR><TR><TD></TD>");
        rg_buf__printf(t,
                       "<TD BGCOLOR=\"%s\" COLOR=\"%s\" BORDER=\"1\" "
                       "WIDTH=\"16\" HEIGHT=\"10\" FIXEDSIZE=\"TRUE\"%s>"
                       "</TD><TD ALIGN=\"LEFT\">",
                       look.fill ? look.fill : "#FFFFFF",
                       look.color ? look.color : "#666666",
                       look.style && strstr(look.style, "rounded")
                           ? " STYLE=\"rounded\"" : "");
        html_text(t, look.label, strlen(look.label));
        rg_buf__puts(t, "  </TD>");
        shown++;
    }
    free(names);
}

static void legend_statuses(bld *b, rg_buf *t)
{
    int used[RG_STATUS_COUNT] = {0};
    for (size_t i = 0; i < b->doc->n_links; i++)
        used[b->doc->links[i].status] = 1;
    for (int s = 0; s < RG_STATUS_COUNT; s++) {
        if (!used[s])
            continue;
        const rg_status_look *st = rg_style__status((rg_status)s);
        double pw = atof(st->penwidth);
        rg_buf__printf(t,
                       "<TD SIDES=\"B\" BORDER=\"%d\" COLOR=\"%s\"%s "
                       "WIDTH=\"30\" HEIGHT=\"8\" FIXEDSIZE=\"TRUE\"></TD>"
                       "<TD ALIGN=\"LEFT\">%s  </TD>",
                       pw >= 2 ? 2 : 1, st->color,
                       strcmp(st->style, "solid") == 0
                           ? ""
                           : strcmp(st->style, "dashed") == 0
                                 ? " STYLE=\"dashed\""
                                 : " STYLE=\"dotted\"",
                       st->legend);
    }
}

/* Link kinds that change how a link is drawn (colour or line style);
 * kinds that only classify links have nothing to show. */
static int legend_link_kinds(bld *b, rg_buf *t)
{
    const rg_doc *d = b->doc;
    int shown = 0;
    for (size_t i = 0; i < d->n_link_kinds; i++) {
        const rg_style *ls = &d->link_kinds[i];
        int used = 0;
        for (size_t k = 0; k < d->n_links && !used; k++)
            used = d->links[k].kind && strcmp(d->links[k].kind, ls->name) == 0;
        if (!used || (ls->color == NULL && ls->style == NULL))
            continue;
        const char *style = ls->style ? ls->style : "solid";
        rg_buf__printf(t,
                       "<TD SIDES=\"B\" BORDER=\"2\" COLOR=\"%s\"%s "
                       "WIDTH=\"30\" HEIGHT=\"8\" FIXEDSIZE=\"TRUE\"></TD>"
                       "<TD ALIGN=\"LEFT\">",
                       ls->color ? ls->color : "#555555",
                       strstr(style, "dashed") ? " STYLE=\"dashed\""
                       : strstr(style, "dotted") ? " STYLE=\"dotted\"" : "");
        const char *label = ls->label ? ls->label : ls->name;
        html_text(t, label, strlen(label));
        rg_buf__puts(t, "  </TD>");
        shown++;
    }
    return shown;
}

static void graph_label(bld *b, rg_buf *t)
{
    const rg_doc *d = b->doc;
    int rows = 0;
    rg_buf__puts(t, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
                    "CELLPADDING=\"2\">");
    if (d->title != NULL && *d->title) {
        rg_buf__puts(t, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"18\"><B>");
        html_wrapped(t, d->title, 80);
        rg_buf__puts(t, "</B></FONT></TD></TR>");
        rows++;
    }
    if (d->description != NULL && *d->description) {
        rg_buf__puts(t, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\" "
                        "COLOR=\"" RG_MUTED "\">");
        html_wrapped(t, d->description, 110);
        rg_buf__puts(t, "</FONT></TD></TR>");
        rows++;
    }
    if (b->opts->legend && (d->n_actors > 0 || d->n_links > 0)) {
        rg_buf__puts(t, "<TR><TD ALIGN=\"LEFT\" CELLPADDING=\"6\">"
                        "<TABLE BORDER=\"0\" CELLBORDER=\"0\" "
                        "CELLSPACING=\"3\" CELLPADDING=\"1\">");
        if (d->n_actors > 0) {
            rg_buf__puts(t, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\" "
                            "COLOR=\"" RG_MUTED "\">ACTORS</FONT></TD>");
            legend_kinds(b, t);
            rg_buf__puts(t, "</TR>");
        }
        if (d->n_links > 0) {
            rg_buf__puts(t, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\" "
                            "COLOR=\"" RG_MUTED "\">LINKS</FONT></TD>");
            legend_statuses(b, t);
            rg_buf__puts(t, "</TR>");
            size_t mark = t->len;
            rg_buf__puts(t, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\" "
                            "COLOR=\"" RG_MUTED "\">LINK KINDS</FONT></TD>");
            if (legend_link_kinds(b, t) > 0) {
                rg_buf__puts(t, "</TR>");
            } else {
                t->len = mark;
                t->data[mark] = '\0';
            }
        }
        rg_buf__puts(t, "</TABLE></TD></TR>");
        rows++;
    }
    rg_buf__puts(t, "</TABLE>");
    if (rows == 0)
        rg_buf__reset(t);
}

/* ---- the graph ---- */

static void graph_attrs(bld *b)
{
    Agraph_t *g = b->g;
    int dot = strcmp(b->opts->engine, "dot") == 0;
    /* Declared with empty defaults so that clusters do not inherit the
     * root's values; the root's values are set after the clusters. */
    struct { const char *name, *value; } root[] = {
        {"newrank", "true"},
        {"rankdir", b->opts->direction},
        {"fontsize", "10"},
        {"bgcolor", "white"},
        {"pad", "0.3"},
        {"nodesep", dot ? "0.3" : NULL},
        {"ranksep", dot ? "0.45" : NULL},
        {"outputorder", "edgesfirst"},
        {"labelloc", "t"},
        {"labeljust", "l"},
        {"overlap", dot ? NULL : b->opts->overlap ? b->opts->overlap : "prism"},
        {"sep", dot ? NULL : "+6"},
    };
    for (size_t i = 0; i < sizeof(root) / sizeof(root[0]); i++) {
        if (root[i].value == NULL)
            continue;
        Agsym_t *sym = agattr(g, AGRAPH, (char *)root[i].name, NULL);
        if (sym == NULL)
            sym = decl(b, AGRAPH, root[i].name, "");
        set(g, sym, root[i].value);
    }
    rg_buf t = {0};
    graph_label(b, &t);
    if (t.len > 0) {
        char *h = agstrdup_html(g, (char *)rg_buf__str(&t));
        if (h != NULL) {
            agxset(g, agattr(g, AGRAPH, "label", NULL), h);
            agstrfree(g, h);
        }
    }
    b->oom |= t.oom;
    rg_buf__free(&t);
    raw_attrs(b, g, AGRAPH, &b->doc->layout.attrs);
}

static void node_edge_defaults(bld *b)
{
    /* Clusters take the root's font: declare it before they exist. */
    decl(b, AGRAPH, "fontname", RG_FONT);
    decl(b, AGRAPH, "fontcolor", RG_INK);
    decl(b, AGNODE, "fontname", RG_FONT);
    decl(b, AGNODE, "fontsize", "11");
    decl(b, AGNODE, "margin", "0.12,0.05");
    decl(b, AGNODE, "penwidth", "1.2");
    decl(b, AGNODE, "height", "0.4");
    decl(b, AGEDGE, "fontname", RG_FONT);
    decl(b, AGEDGE, "fontsize", "9");
    decl(b, AGEDGE, "arrowsize", "0.75");
}

/* cgraph's default ids for named objects are the addresses of their name
 * strings, and subgraphs are kept in id order: the order of the clusters,
 * so the layout and the SVG, followed where malloc happened to put their
 * names (it changed with the environment's size). Declining to map names
 * makes cgraph number every object in creation order and keep the names
 * in its own table. */
static long id_map(void *state, int objtype, char *str, IDTYPE *id,
                   int createflag)
{
    if (str != NULL)
        return 0;
    return AgIdDisc.map(state, objtype, NULL, id, createflag);
}

int rg_build__graph(rg_built *out, const rg_doc *doc,
                    const rg_build_opts *opts)
{
    static Agiddisc_t ids;
    static Agdisc_t disc;
    if (disc.id == NULL) {
        ids = AgIdDisc;
        ids.map = id_map;
        disc.id = &ids;
    }
    memset(out, 0, sizeof(*out));
    bld b = {0, doc, opts, NULL, NULL, {0}, out, 0};
    Agdesc_t desc = Agdirected;
    b.g = agopen("relgraph", desc, &disc);
    out->g = b.g;
    b.clusters = calloc(doc->n_groups ? doc->n_groups : 1,
                        sizeof(*b.clusters));
    out->urls = calloc(doc->n_actors + doc->n_links + 1, sizeof(*out->urls));
    if (b.g == NULL || b.clusters == NULL || out->urls == NULL) {
        b.oom = 1;
        goto out;
    }
    node_edge_defaults(&b);
    add_actors(&b);
    add_links(&b);
    style_clusters(&b);
    graph_attrs(&b);
    rg_build__set_urls(out, 0);
    if (out->n_titles > 0)
        qsort(out->titles, out->n_titles, sizeof(*out->titles), cmp_titles);
out:
    b.oom |= b.tmp.oom;
    rg_buf__free(&b.tmp);
    free(b.clusters);
    if (b.oom) {
        rg_build__free(out);
        return -1;
    }
    return 0;
}

/* Graphviz writes URLs into SVG as they are: escape them there. */
void rg_build__set_urls(rg_built *b, int xml)
{
    rg_buf t = {0};
    for (size_t i = 0; i < b->n_urls; i++) {
        const rg_build_url *u = &b->urls[i];
        rg_buf__reset(&t);
        for (const char *s = u->url; *s; s++) {
            if (xml && *s == '&')
                rg_buf__puts(&t, "&amp;");
            else if (*s == '\\')
                rg_buf__puts(&t, "\\\\");
            else
                rg_buf__putc(&t, *s);
        }
        int is_node = agobjkind(u->obj) == AGNODE;
        Agsym_t *sym = is_node ? b->url_node : b->url_edge;
        if (sym != NULL)
            agxset(u->obj, sym, (char *)rg_buf__str(&t));
    }
    rg_buf__free(&t);
}

void rg_build__free(rg_built *b)
{
    if (b->g != NULL)
        agclose(b->g);
    for (size_t i = 0; i < b->n_title_strs; i++)
        free(b->title_strs[i]);
    free(b->title_strs);
    free(b->titles);
    free(b->urls);
    memset(b, 0, sizeof(*b));
}
