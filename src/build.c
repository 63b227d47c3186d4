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
#include "check.h"
#include "escape.h"
#include "report.h"
#include "style.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- text ---- */

/* Appends s for an HTML-like label: markup characters as entities, so
 * that the text comes out literally; control characters as spaces. */
/* Text drawn in the chart is cut, so that a document of long notes
 * still gives a chart of boxes one can read (and an SVG of reasonable
 * size): names, link labels, group labels, legend labels and the title at
 * DRAWN_NAME_MAX characters, notes and the description at
 * DRAWN_TEXT_MAX, each with an ellipsis. A tooltip or an SVG title keeps
 * more of each text, TOOLTIP_TEXT_MAX characters (1,000 actors with
 * 100 KB notes gave a 600 MB SVG); the HTML report and the Markdown
 * table keep every text whole. */
#define DRAWN_NAME_MAX 200
#define DRAWN_TEXT_MAX 300
#define TOOLTIP_TEXT_MAX 2000

/* s cut to its first `max` characters (UTF-8) followed by "\u2026", or s
 * itself when it is not longer. A copy, when cut, is left in *tmp for the
 * caller to free; out of memory gives "" and sets oom->oom. */
static const char *clipped(rg_buf *oom, const char *s, size_t max,
                           char **tmp)
{
    size_t i = 0, k = 0;
    *tmp = NULL;
    for (; s[i]; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80 && k++ == max)
            break;
    if (s[i] == '\0')
        return s;
    char *c = malloc(i + 4);
    if (c == NULL) {
        oom->oom = 1;
        return "";
    }
    memcpy(c, s, i);
    memcpy(c + i, "\xe2\x80\xa6", 4);
    *tmp = c;
    return c;
}

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

/* Appends s as the value of an attribute of an HTML-like label that
 * Graphviz decodes once and does not write out (BGCOLOR, COLOR): markup
 * characters as entities, control characters dropped, so that no value
 * can end the attribute or open another element (HREF, IMG). */
static void html_attr(rg_buf *b, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        switch (c) {
        case '&': rg_buf__puts(b, "&amp;"); break;
        case '<': rg_buf__puts(b, "&lt;"); break;
        case '>': rg_buf__puts(b, "&gt;"); break;
        case '"': rg_buf__puts(b, "&quot;"); break;
        case '\'': rg_buf__puts(b, "&#39;"); break;
        default:
            if (c >= 0x20 && c != 0x7f)
                rg_buf__putc(b, (char)c);
        }
    }
}

/* Appends s as HTML text on one line, cut at DRAWN_NAME_MAX characters
 * (the legend's labels). */
static void html_line(rg_buf *b, const char *s)
{
    char *tmp;
    s = clipped(b, s, DRAWN_NAME_MAX, &tmp);
    html_text(b, s, strlen(s));
    free(tmp);
}

static size_t utf8_len(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

/* Appends s, cut at `max` characters, as HTML text broken into lines of
 * about `width` characters at spaces; newlines in s are kept as line
 * breaks. */
static void html_wrapped_max(rg_buf *b, const char *s, size_t width,
                             size_t max)
{
    char *tmp;
    s = clipped(b, s, max, &tmp);
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
    free(tmp);
}

static void html_wrapped(rg_buf *b, const char *s, size_t width)
{
    html_wrapped_max(b, s, width, DRAWN_TEXT_MAX);
}

static void html_name(rg_buf *b, const char *s, size_t width)
{
    html_wrapped_max(b, s, width, DRAWN_NAME_MAX);
}

/* Appends s for a tooltip (an escString): backslashes are Graphviz
 * escapes (\N, \G, \n), so double them; drop control characters. Graphviz
 * writes tooltips into SVG keeping anything that looks like a character
 * reference, so '&' is written as "&amp;": "&#27;" in a name stays text
 * instead of becoming a control character. */
static void esc_text(rg_buf *b, const char *s)
{
    char *tmp;
    s = clipped(b, s, TOOLTIP_TEXT_MAX, &tmp);
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
    free(tmp);
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
    /* With clusters drawn and sources to list, everything sits in one
     * borderless cluster whose label holds the title and legend, so that
     * the root's label can hold the Sources block at the foot. */
    Agraph_t *chart;
    const rg_palette *pal;
    size_t *src_num;      /* footnote number of each source; 0: none */
    size_t n_cited;
    rg_map src_idx;       /* source id -> index, with or without citations */
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
    char *cut;
    title = clipped(&b->tmp, title, TOOLTIP_TEXT_MAX, &cut);
    char *i = strdup(id), *tt = cut ? cut : strdup(title);
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
    if (gi < 0 || depth > RG_MAX_GROUP_DEPTH)
        return b->chart ? b->chart : b->g;
    if (b->clusters[gi] != NULL)
        return b->clusters[gi];
    const rg_group *grp = &b->doc->groups[gi];
    Agraph_t *parent = cluster(b, grp->parent_index, depth + 1);
    rg_buf__reset(&b->tmp);
    rg_buf__printf(&b->tmp, "cluster_%s", grp->id);
    Agraph_t *sg = agsubg(parent, (char *)rg_buf__str(&b->tmp), 1);
    if (sg == NULL) {
        b->oom = 1;
        return b->chart ? b->chart : b->g;
    }
    b->clusters[gi] = sg;
    return sg;
}

/* Nesting depth of a group, for shading nested clusters. */
static int depth_of(const rg_doc *doc, long gi)
{
    int d = 0;
    while (gi >= 0 && d < RG_MAX_GROUP_DEPTH) {
        gi = doc->groups[gi].parent_index;
        d++;
    }
    return d;
}

static void style_clusters(bld *b)
{
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
        html_name(&b->tmp, grp->label && *grp->label ? grp->label : grp->id, 40);
        rg_buf__puts(&b->tmp, "</B>");
        set_html(b, sg, label, rg_buf__str(&b->tmp));
        set(sg, style, "rounded,filled");
        set(sg, fill, b->pal->cluster_fill[d < 3 ? d : 2]);
        set(sg, color, b->pal->cluster_line);
        set(sg, penwidth, "1.2");
        set(sg, fontsize, d == 0 ? "13" : "11");
        set(sg, fontcolor, b->pal->cluster_ink);
        set(sg, labeljust, "l");
        set(sg, margin, "14");
        raw_attrs(b, sg, AGRAPH, &grp->attrs);
    }
}

/* ---- citations ---- */

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

/* Appends a footnote marker in a smaller, muted font: " [1,3]", the
 * numbers of the sources cited, ascending, each once. Nothing when
 * citations are off or none of them is numbered. */
static void cite_marker(bld *b, rg_buf *t, const rg_strv *src)
{
    if (b->src_num == NULL || src->n == 0)
        return;
    size_t local[16];
    size_t *nums = src->n <= 16 ? local : malloc(src->n * sizeof(*nums));
    if (nums == NULL) {
        b->oom = 1;
        return;
    }
    size_t n = 0;
    for (size_t i = 0; i < src->n; i++) {
        size_t si;
        if (rg_map__get(&b->src_idx, src->v[i], &si) && b->src_num[si] > 0)
            nums[n++] = b->src_num[si];
    }
    qsort(nums, n, sizeof(*nums), cmp_size);
    for (size_t i = 0; i < n; i++) {
        if (i == 0)
            rg_buf__printf(t, "%s<FONT POINT-SIZE=\"8\" COLOR=\"%s\">[",
                           t->len > 0 ? " " : "", b->pal->muted);
        else if (nums[i] == nums[i - 1])
            continue;
        else
            rg_buf__putc(t, ',');
        rg_buf__printf(t, "%zu", nums[i]);
    }
    if (n > 0)
        rg_buf__puts(t, "]</FONT>");
    if (nums != local)
        free(nums);
}

/* Indexes the sources by id (for markers and tooltips) and, with
 * citations, numbers them by first use, as the reports do. */
static void number_sources(bld *b)
{
    const rg_doc *d = b->doc;
    for (size_t i = 0; i < d->n_sources; i++) {
        if (d->sources[i].id != NULL &&
            rg_map__put(&b->src_idx, d->sources[i].id, i, NULL) < 0) {
            b->oom = 1;
            return;
        }
    }
    if (!b->opts->citations || d->n_sources == 0)
        return;
    b->src_num = calloc(d->n_sources, sizeof(*b->src_num));
    if (b->src_num == NULL) {
        b->oom = 1;
        return;
    }
    b->n_cited = rg_report__number_sources(d, b->src_num);
    if (b->n_cited == 0) {
        free(b->src_num);
        b->src_num = NULL;
    }
}

/* An attribute value inside an HTML-like label that Graphviz writes into
 * SVG as it is after decoding entities: escaped twice, so that the SVG
 * gets "&amp;" where the URL has '&'. */
static void html_attr_twice(rg_buf *t, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': rg_buf__puts(t, "&amp;amp;"); break;
        case '"': rg_buf__puts(t, "&amp;quot;"); break;
        case '<': rg_buf__puts(t, "&amp;lt;"); break;
        case '>': rg_buf__puts(t, "&amp;gt;"); break;
        default:
            if ((unsigned char)*s >= 0x20)
                rg_buf__putc(t, *s);
        }
    }
}

/* The "Sources" block: "[n] title, publisher, date, url" for each cited
 * source in the order of its number; in SVG the line links to the url. */
static void sources_block(bld *b, rg_buf *t)
{
    const rg_doc *d = b->doc;
    size_t *order = calloc(b->n_cited, sizeof(*order));
    if (order == NULL) {
        b->oom = 1;
        return;
    }
    for (size_t i = 0; i < d->n_sources; i++)
        if (b->src_num[i] > 0 && b->src_num[i] <= b->n_cited)
            order[b->src_num[i] - 1] = i;
    rg_buf__printf(t, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" "
                      "CELLSPACING=\"0\" CELLPADDING=\"1\">"
                      "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\" "
                      "COLOR=\"%s\">SOURCES</FONT></TD></TR>",
                   b->pal->muted);
    rg_buf line = {0};
    for (size_t k = 0; k < b->n_cited; k++) {
        const rg_source *s = &d->sources[order[k]];
        rg_buf__reset(&line);
        rg_buf__printf(&line, "[%zu] ", k + 1);
        rg_buf__puts(&line, s->title && *s->title ? s->title : s->id);
        const char *more[] = {s->publisher, s->date, s->url};
        for (size_t m = 0; m < 3; m++)
            if (more[m] != NULL && *more[m])
                rg_buf__printf(&line, ", %s", more[m]);
        rg_buf__puts(t, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"");
        if (s->url != NULL && *s->url && rg_check__url(s->url)) {
            rg_buf__printf(t, " ID=\"source-%zu\"", k + 1);
            rg_buf__puts(t, " HREF=\"");
            html_attr_twice(t, s->url);
            rg_buf__puts(t, "\" TITLE=\"");
            char *cut;
            const char *title = clipped(t, s->title && *s->title ? s->title
                                                                 : s->url,
                                        TOOLTIP_TEXT_MAX, &cut);
            html_attr_twice(t, title);
            free(cut);
            rg_buf__puts(t, "\"");
        }
        rg_buf__puts(t, "><FONT POINT-SIZE=\"9\">");
        html_wrapped(t, rg_buf__str(&line), 120);
        rg_buf__puts(t, "</FONT></TD></TR>");
    }
    rg_buf__puts(t, "</TABLE>");
    b->oom |= line.oom;
    rg_buf__free(&line);
    free(order);
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
    html_name(t, a->name, 24);
    cite_marker(b, t, &a->source);
    if (a->note != NULL && *a->note) {
        rg_buf__printf(t, "<BR/><FONT POINT-SIZE=\"8.5\" COLOR=\"%s\">",
                       b->pal->muted);
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
        decl(b, AGNODE, "fontcolor", b->pal->ink),
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
        rg_style__kind(b->doc, a->kind, b->opts->theme, &look);
        actor_label(b, a);
        set_html(b, n, s.label, rg_buf__str(&b->tmp));
        set(n, s.shape, look.shape);
        set(n, s.style, look.style);
        set(n, s.fill, look.fill);
        set(n, s.color, look.color);
        set(n, s.fontcolor, look.fontcolor);
        actor_tooltip(b, a);
        set(n, s.tooltip, rg_buf__str(&b->tmp));
        /* Checked at load; checked again, as a chart must never link
         * to a script whatever the model holds. */
        if (a->url != NULL && rg_check__url(a->url)) {
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
        html_name(t, k->label, 22);
    if (st->marker == NULL) {
        cite_marker(b, t, &k->source);
        return;
    }
    rg_buf__printf(t, "%s<FONT POINT-SIZE=\"8\"><I>%s</I></FONT>",
                   t->len ? "<BR/>" : "", st->marker);
    cite_marker(b, t, &k->source);
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
        size_t si;
        const rg_source *s = rg_map__get(&b->src_idx, k->source.v[i], &si)
                                 ? &d->sources[si]
                                 : NULL;
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
    Agsym_t *fontcolor = decl(b, AGEDGE, "fontcolor", b->pal->link_ink);
    Agsym_t *penwidth = decl(b, AGEDGE, "penwidth", "1");
    Agsym_t *arrowhead = decl(b, AGEDGE, "arrowhead", "normal");
    Agsym_t *dir = decl(b, AGEDGE, "dir", "forward");
    Agsym_t *tooltip = decl(b, AGEDGE, "tooltip", "");
    Agsym_t *id_sym = decl(b, AGEDGE, "id", "");
    Agsym_t *class_sym = decl(b, AGEDGE, "class", "");
    Agsym_t *url = NULL;
    rg_map seen = {0}, next_dup = {0};
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
        /* Numbering goes on from the last number this pair took, so that
         * many links between two actors are numbered in linear time; an
         * id taken by other actors' link ("a--b-2" for "a" and "b-2") is
         * still skipped. */
        size_t dup = 1; /* 1: the bare id, then -2, -3... */
        if (!rg_map__get(&next_dup, rg_buf__str(&idb), &dup)) {
            char *base = strdup(rg_buf__str(&idb));
            if (base == NULL || rg_map__put(&next_dup, base, 1, NULL) < 0) {
                free(base);
                b->oom = 1;
                break;
            }
        }
        for (;; dup++) {
            idb.len = len;
            idb.data[len] = '\0';
            if (dup > 1)
                rg_buf__printf(&idb, "-%zu", dup);
            if (!rg_map__get(&seen, rg_buf__str(&idb), &(size_t){0}))
                break;
        }
        {
            char save = idb.data[len];
            idb.data[len] = '\0';
            rg_map__set(&next_dup, idb.data, dup + 1);
            idb.data[len] = save;
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
        const rg_status_look *st = rg_style__status(k->status, b->opts->theme);
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
        if (k->url != NULL && rg_check__url(k->url)) {
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
            char cb[8], fb[8];
            set(e, color, rg_style__color(ls->color, b->opts->theme, cb));
            set(e, fontcolor,
                rg_style__color(ls->fontcolor, b->opts->theme, fb));
            set(e, style, ls->style);
            raw_attrs(b, e, AGEDGE, &ls->attrs);
        }
        raw_attrs(b, e, AGEDGE, &k->attrs);
    }
    for (size_t i = 0; i < seen.cap; i++)
        free((char *)seen.keys[i]);
    rg_map__free(&seen);
    for (size_t i = 0; i < next_dup.cap; i++)
        free((char *)next_dup.keys[i]);
    rg_map__free(&next_dup);
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
        rg_style__kind(d, names[i], b->opts->theme, &look);
        if (shown > 0 && shown % 6 == 0)
            rg_buf__puts(t, "</TR><TR><TD></TD>");
        rg_buf__puts(t, "<TD BGCOLOR=\"");
        html_attr(t, look.fill ? look.fill : "#FFFFFF");
        rg_buf__puts(t, "\" COLOR=\"");
        html_attr(t, look.color ? look.color : "#666666");
        rg_buf__printf(t, "\" BORDER=\"1\" WIDTH=\"16\" HEIGHT=\"10\" "
                          "FIXEDSIZE=\"TRUE\"%s></TD><TD ALIGN=\"LEFT\">",
                       look.style && strstr(look.style, "rounded")
                           ? " STYLE=\"rounded\"" : "");
        html_line(t, look.label);
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
        const rg_status_look *st =
            rg_style__status((rg_status)s, b->opts->theme);
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
        char cb[8];
        const char *color = ls->color
                                ? rg_style__color(ls->color, b->opts->theme, cb)
                                : rg_style__status(RG_STATUS_REPORTED,
                                                   b->opts->theme)->color;
        rg_buf__puts(t, "<TD SIDES=\"B\" BORDER=\"2\" COLOR=\"");
        html_attr(t, color);
        rg_buf__printf(t, "\"%s WIDTH=\"30\" HEIGHT=\"8\" FIXEDSIZE=\"TRUE\">"
                          "</TD><TD ALIGN=\"LEFT\">",
                       strstr(style, "dashed") ? " STYLE=\"dashed\""
                       : strstr(style, "dotted") ? " STYLE=\"dotted\"" : "");
        html_line(t, ls->label ? ls->label : ls->name);
        rg_buf__puts(t, "  </TD>");
        shown++;
    }
    return shown;
}

static void legend_heading(bld *b, rg_buf *t, const char *text)
{
    rg_buf__printf(t, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\" "
                      "COLOR=\"%s\">%s</FONT></TD>", b->pal->muted, text);
}

/* The title, the description and the legend; with `sources`, the Sources
 * block after them. */
static void graph_label(bld *b, rg_buf *t, int sources)
{
    const rg_doc *d = b->doc;
    int rows = 0;
    rg_buf__puts(t, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
                    "CELLPADDING=\"2\">");
    if (d->title != NULL && *d->title) {
        rg_buf__puts(t, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"18\"><B>");
        html_name(t, d->title, 80);
        rg_buf__puts(t, "</B></FONT></TD></TR>");
        rows++;
    }
    if (d->description != NULL && *d->description) {
        rg_buf__printf(t, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT "
                          "POINT-SIZE=\"10\" COLOR=\"%s\">", b->pal->muted);
        html_wrapped(t, d->description, 110);
        rg_buf__puts(t, "</FONT></TD></TR>");
        rows++;
    }
    if (d->view_note != NULL) {
        rg_buf__printf(t, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT "
                          "POINT-SIZE=\"10\" COLOR=\"%s\"><I>", b->pal->muted);
        html_wrapped(t, d->view_note, 110);
        rg_buf__puts(t, "</I></FONT></TD></TR>");
        rows++;
    }
    if (b->opts->legend && (d->n_actors > 0 || d->n_links > 0)) {
        rg_buf__puts(t, "<TR><TD ALIGN=\"LEFT\" CELLPADDING=\"6\">"
                        "<TABLE BORDER=\"0\" CELLBORDER=\"0\" "
                        "CELLSPACING=\"3\" CELLPADDING=\"1\">");
        if (d->n_actors > 0) {
            legend_heading(b, t, "ACTORS");
            legend_kinds(b, t);
            rg_buf__puts(t, "</TR>");
        }
        if (d->n_links > 0) {
            legend_heading(b, t, "LINKS");
            legend_statuses(b, t);
            rg_buf__puts(t, "</TR>");
            size_t mark = t->len;
            legend_heading(b, t, "LINK KINDS");
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
    if (sources) {
        rg_buf__puts(t, "<TR><TD ALIGN=\"LEFT\" CELLPADDING=\"6\">");
        sources_block(b, t);
        rg_buf__puts(t, "</TD></TR>");
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
        {"bgcolor", b->pal->bg},
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
    Agsym_t *label = agattr(g, AGRAPH, "label", NULL);
    if (b->chart != NULL) {
        /* Title and legend on the chart cluster, sources on the root. */
        graph_label(b, &t, 0);
        set_html(b, b->chart, label, t.len > 0 ? rg_buf__str(&t) : "");
        Agsym_t *color = agattr(g, AGRAPH, "color", NULL);
        set(b->chart, color, b->pal->bg);
        set(b->chart, agattr(g, AGRAPH, "id", NULL), "legend");
        set(b->chart, agattr(g, AGRAPH, "class", NULL), "legend");
        set(b->chart, agattr(g, AGRAPH, "margin", NULL), "0");
        set(b->chart, agattr(g, AGRAPH, "labelloc", NULL), "t");
        set(b->chart, agattr(g, AGRAPH, "labeljust", NULL), "l");
        set(b->chart, agattr(g, AGRAPH, "fontsize", NULL), "10");
        set(b->chart, agattr(g, AGRAPH, "style", NULL), "solid");
        set(b->chart, agattr(g, AGRAPH, "fontcolor", NULL), b->pal->ink);
        add_title(b, "legend", b->doc->title && *b->doc->title
                                   ? b->doc->title : "legend");
        rg_buf__reset(&t);
        sources_block(b, &t);
        set_html(b, g, label, rg_buf__str(&t));
        set(g, agattr(g, AGRAPH, "labelloc", NULL), "b");
        b->out->sources_at_foot = 1;
    } else {
        graph_label(b, &t, b->src_num != NULL);
        if (t.len > 0)
            set_html(b, g, label, rg_buf__str(&t));
    }
    b->oom |= t.oom;
    rg_buf__free(&t);
    raw_attrs(b, g, AGRAPH, &b->doc->layout.attrs);
}

static void node_edge_defaults(bld *b)
{
    /* Clusters take the root's font: declare it before they exist. */
    decl(b, AGRAPH, "fontname", RG_FONT);
    decl(b, AGRAPH, "fontcolor", b->pal->ink);
    decl(b, AGNODE, "fontname", RG_FONT);
    decl(b, AGNODE, "fontsize", "11");
    decl(b, AGNODE, "margin", "0.12,0.05");
    decl(b, AGNODE, "penwidth", "1.2");
    decl(b, AGNODE, "height", "0.4");
    decl(b, AGEDGE, "fontname", RG_FONT);
    decl(b, AGEDGE, "fontsize", "9");
    decl(b, AGEDGE, "arrowsize", "0.75");
}

/* ---- object ids ---- */

/* cgraph's default ids for named objects are the addresses of their
 * interned names, and it keeps subgraphs in id order: the order of the
 * clusters, and so the layout, followed malloc, and the same document
 * could give different charts. Here a name's id is given when the name is
 * first used, counting up (even numbers; anonymous objects get odd ones),
 * so the order follows the document. The names live in the discipline's
 * own table: cgraph's map of local names is cleared by some layouts.
 * They are interned in the graph's string dictionary (agstrdup), as
 * cgraph's own names are: its DOT writer asks of every name whether it
 * is an HTML-like string by reading the header of that dictionary's
 * entry, and a name from malloc has none (a read out of bounds, which
 * made the DOT output write a name as <name> by chance). */
typedef struct seq_state {
    Agraph_t *g;     /* the graph whose dictionary holds the names */
    rg_map by_name;  /* name -> index in names */
    char **names;
    size_t n, cap;
    IDTYPE anon;     /* the next anonymous id (odd) */
} seq_state;

static void *seq_open(Agraph_t *g, Agdisc_t *disc)
{
    (void)disc;
    seq_state *st = calloc(1, sizeof(*st));
    if (st != NULL) {
        st->g = g;
        st->anon = 1;
    }
    return st;
}

static long seq_map(void *state, int objtype, char *str, IDTYPE *id,
                    int createflag)
{
    (void)objtype;
    seq_state *st = state;
    if (st == NULL)
        return 0;
    if (str == NULL) {
        if (!createflag)
            return 0;
        *id = st->anon;
        st->anon += 2;
        return 1;
    }
    size_t i;
    if (rg_map__get(&st->by_name, str, &i)) {
        *id = (IDTYPE)(i + 1) * 2;
        return 1;
    }
    if (!createflag)
        return 0;
    if (st->n == st->cap) {
        size_t cap = st->cap ? 2 * st->cap : 64;
        char **names = realloc(st->names, cap * sizeof(*names));
        if (names == NULL)
            return 0;
        st->names = names;
        st->cap = cap;
    }
    char *name = agstrdup(st->g, str);
    if (name == NULL || rg_map__put(&st->by_name, name, st->n, NULL) < 0) {
        agstrfree(st->g, name);
        return 0;
    }
    st->names[st->n] = name;
    *id = (IDTYPE)(st->n + 1) * 2;
    st->n++;
    return 1;
}

static long seq_alloc(void *state, int objtype, IDTYPE id)
{
    (void)state;
    (void)objtype;
    (void)id;
    return 0; /* no object may pick its own id */
}

static void seq_free(void *state, int objtype, IDTYPE id)
{
    /* Names stay until the graph closes: a name used again keeps its id. */
    (void)state;
    (void)objtype;
    (void)id;
}

static char *seq_print(void *state, int objtype, IDTYPE id)
{
    (void)objtype;
    seq_state *st = state;
    if (st == NULL || id == 0 || id % 2 != 0 || id / 2 > st->n)
        return NULL;
    return st->names[id / 2 - 1];
}

static void seq_close(void *state)
{
    seq_state *st = state;
    if (st == NULL)
        return;
    for (size_t i = 0; i < st->n; i++)
        agstrfree(st->g, st->names[i]);
    free(st->names);
    rg_map__free(&st->by_name);
    free(st);
}

static void seq_register(void *state, int objtype, void *obj)
{
    (void)state;
    (void)objtype;
    (void)obj;
}

static Agiddisc_t seq_ids = {seq_open,  seq_map,   seq_alloc,   seq_free,
                             seq_print, seq_close, seq_register};

int rg_build__graph(rg_built *out, const rg_doc *doc,
                    const rg_build_opts *opts)
{
    memset(out, 0, sizeof(*out));
    bld b = {.doc = doc, .opts = opts, .out = out,
             .pal = rg_style__palette(opts->theme)};
    Agdesc_t desc = Agdirected;
    Agdisc_t disc = {&AgMemDisc, &seq_ids, &AgIoDisc};
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
    number_sources(&b);
    if (b.src_num != NULL && (strcmp(opts->engine, "dot") == 0 ||
                              strcmp(opts->engine, "fdp") == 0)) {
        b.chart = agsubg(b.g, "cluster chart", 1);
        b.oom |= b.chart == NULL;
    }
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
    free(b.src_num);
    rg_map__free(&b.src_idx);
    if (b.oom) {
        rg_build__free(out);
        return -1;
    }
    return 0;
}

/* Graphviz writes URLs into SVG, image maps and PDF as they are: escape
 * them for XML where XML reads them (see rg_escape__gv_url), keep them as
 * written for PDF links. */
void rg_build__set_urls(rg_built *b, int xml)
{
    rg_buf t = {0};
    for (size_t i = 0; i < b->n_urls; i++) {
        const rg_build_url *u = &b->urls[i];
        rg_buf__reset(&t);
        if (xml) {
            rg_escape__gv_url(&t, u->url);
        } else {
            for (const char *s = u->url; *s; s++) {
                if (*s == '\\')
                    rg_buf__puts(&t, "\\\\");
                else
                    rg_buf__putc(&t, *s);
            }
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
