/* The timeline chart (--view timeline): the plan of timeline.c made into
 * nodes and edges at pinned positions (pos "x,y!", in points, laid out by
 * Graphviz's nop2, which is neato -n2: nothing moves, straight lines).
 * From the top: the lanes of the links' labels, each label joined to its
 * link by a dotted leader; a theme line for each actor, its box (the
 * chart's own, with its id, classes, tooltip and footnote marker) at the
 * left; links as vertical connectors between the theme lines of their
 * ends, events as a mark or a bar on their own; the time axis with its
 * ticks; right of it, the undated band. The title, legend and Sources
 * block are the chart's own (build.c). No text in the rows but the
 * actors' boxes, so that no line can cross a text. No state beyond the
 * build's. */
#include "build_int.h"

#include "timeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LANE_H 15.0     /* a lane of labels */
#define ROW_MIN 30.0    /* a theme line, at least */
#define LINE_H 14.0     /* a line of an actor's name */
#define CHAR_W 6.6      /* an estimate of a character's width at 11 pt */
#define LABEL_CHAR_W 5.9 /* at 9 pt */
#define NAME_GAP 18.0   /* between the boxes and the theme lines */

typedef struct tl {
    rg_bld *b;
    rg_tl_plan p;
    char **ids;         /* the links' ids */
    double *row_y;      /* by row, y downwards */
    double lanes_y;     /* the bottom of the lanes */
    double axis_y;
    double box_x, line_x0, line_x1;
    size_t n_points;
    Agsym_t *label, *shape, *style, *width, *height, *pos, *fixed, *color,
        *fill, *fontsize, *fontcolor, *class, *id, *margin, *tooltip,
        *e_color, *e_style, *e_pen, *e_arrow, *e_dir, *e_class, *e_id,
        *e_tooltip;
} tl;

/* The visible characters of HTML text (tags left out, an entity one). */
static size_t html_chars(const char *s, size_t *lines)
{
    size_t n = 0, best = 0;
    *lines = 1;
    for (; *s; s++) {
        if (*s == '<') {
            if (strncmp(s, "<BR", 3) == 0) {
                best = n > best ? n : best;
                n = 0;
                ++*lines;
            }
            while (*s && *s != '>')
                s++;
            if (!*s)
                break;
        } else if (*s == '&') {
            n++;
            while (*s && *s != ';')
                s++;
            if (!*s)
                break;
        } else if (((unsigned char)*s & 0xC0) != 0x80) {
            n++;
        }
    }
    return n > best ? n : best;
}

static double label_width(void *ctx, size_t link)
{
    tl *t = ctx;
    rg_build__link_text(t->b, link);
    size_t lines;
    size_t n = html_chars(rg_buf__str(&t->b->tmp), &lines);
    return n ? (double)n * LABEL_CHAR_W + 6 : 0;
}

static void tl_pos(tl *t, void *n, double x, double y)
{
    char buf[64];
    snprintf(buf, sizeof(buf), "%.2f,%.2f!", x, -y);
    rg_build__set(n, t->pos, buf);
}

/* An invisible point at (x, y), or a dot of this colour. */
static Agnode_t *tl_point(tl *t, double x, double y, const char *dot)
{
    char name[48];
    snprintf(name, sizeof(name), "tl point %zu", t->n_points++);
    Agnode_t *n = agnode(t->b->g, name, 1);
    if (n == NULL) {
        t->b->oom = 1;
        return NULL;
    }
    rg_build__set(n, t->label, "");
    rg_build__set(n, t->shape, "point");
    rg_build__set(n, t->style, dot ? "filled" : "invis");
    rg_build__set(n, t->width, dot ? "0.07" : "0.01");
    rg_build__set(n, t->height, dot ? "0.07" : "0.01");
    rg_build__set(n, t->class, "timeline-point");
    if (dot != NULL) {
        rg_build__set(n, t->color, dot);
        rg_build__set(n, t->fill, dot);
    }
    tl_pos(t, n, x, y);
    return n;
}

/* A plain line from (x0, y0) to (x1, y1). */
static Agedge_t *tl_line(tl *t, double x0, double y0, double x1, double y1,
                      const char *cls, const char *color, const char *style)
{
    Agnode_t *a = tl_point(t, x0, y0, NULL), *z = tl_point(t, x1, y1, NULL);
    Agedge_t *e = a && z ? agedge(t->b->g, a, z, NULL, 1) : NULL;
    if (e == NULL) {
        t->b->oom = 1;
        return NULL;
    }
    rg_build__set(e, t->e_class, cls);
    rg_build__set(e, t->e_color, color);
    rg_build__set(e, t->e_style, style);
    rg_build__set(e, t->e_arrow, "none");
    rg_build__set(e, t->e_dir, "none");
    rg_build__set(e, t->e_pen, "0.8");
    return e;
}

/* n as text alone (HTML), at 9 pt, its box no bigger than the text. */
static void plain(tl *t, Agnode_t *n, const char *html)
{
    Agsym_t *sym[] = {t->shape, t->style, t->fontsize, t->margin, t->width,
                      t->height};
    static const char *const value[] = {"plaintext", "solid", "9",
                                        "0.02,0.01", "0", "0"};
    rg_build__set_html(t->b, n, t->label, html);
    for (size_t i = 0; i < sizeof(value) / sizeof(value[0]); i++)
        rg_build__set(n, sym[i], value[i]);
}

/* Text at (x, y) in the muted colour: ticks, the band's heading. */
static void tl_text(tl *t, double x, double y, const char *s, const char *cls,
                 const char *id)
{
    char name[48];
    snprintf(name, sizeof(name), "tl text %zu", t->n_points++);
    Agnode_t *n = agnode(t->b->g, name, 1);
    if (n == NULL) {
        t->b->oom = 1;
        return;
    }
    rg_buf__reset(&t->b->tmp);
    rg_build__line_text(&t->b->tmp, s);
    plain(t, n, rg_buf__str(&t->b->tmp));
    rg_build__set(n, t->fontcolor, t->b->pal->muted);
    rg_build__set(n, t->class, cls);
    rg_build__set(n, t->id, id);
    tl_pos(t, n, x, y);
}

static void syms(tl *t)
{
    rg_bld *b = t->b;
    rg_build__decl(b, AGRAPH, "label", ""); /* the title's, in build.c */
    t->label = rg_build__decl(b, AGNODE, "label", "\\N");
    t->shape = rg_build__decl(b, AGNODE, "shape", "box");
    t->style = rg_build__decl(b, AGNODE, "style", "filled");
    t->width = rg_build__decl(b, AGNODE, "width", "0.75");
    t->height = rg_build__decl(b, AGNODE, "height", "0.4");
    t->pos = rg_build__decl(b, AGNODE, "pos", "");
    t->color = rg_build__decl(b, AGNODE, "color", "#666666");
    t->fill = rg_build__decl(b, AGNODE, "fillcolor", "#F7F7F7");
    t->fontsize = rg_build__decl(b, AGNODE, "fontsize", "11");
    t->fontcolor = rg_build__decl(b, AGNODE, "fontcolor", b->pal->ink);
    t->class = rg_build__decl(b, AGNODE, "class", "");
    t->id = rg_build__decl(b, AGNODE, "id", "");
    t->margin = rg_build__decl(b, AGNODE, "margin", "0.12,0.05");
    t->tooltip = rg_build__decl(b, AGNODE, "tooltip", "");
    t->e_color = rg_build__decl(b, AGEDGE, "color", "#555555");
    t->e_style = rg_build__decl(b, AGEDGE, "style", "solid");
    t->e_pen = rg_build__decl(b, AGEDGE, "penwidth", "1");
    t->e_arrow = rg_build__decl(b, AGEDGE, "arrowhead", "normal");
    t->e_dir = rg_build__decl(b, AGEDGE, "dir", "forward");
    t->e_class = rg_build__decl(b, AGEDGE, "class", "");
    t->e_id = rg_build__decl(b, AGEDGE, "id", "");
    t->e_tooltip = rg_build__decl(b, AGEDGE, "tooltip", "");
}

/* ---- theme lines ---- */

/* Each actor's box: the chart's own, labelled as in a timeline (name,
 * footnote marker, grade), right-aligned to the theme lines; the rows'
 * heights from the names' lines. Returns the width of the widest box. */
static double boxes(tl *t)
{
    rg_bld *b = t->b;
    double widest = 60, y = t->lanes_y + 14;
    for (size_t r = 0; r < t->p.n_rows && !b->oom; r++) {
        rg_build__actor_label(b, &b->doc->actors[t->p.rows[r]]);
        size_t lines, chars = html_chars(rg_buf__str(&b->tmp), &lines);
        double w = (double)chars * CHAR_W + 24, h = (double)lines * LINE_H + 12;
        widest = w > widest ? w : widest;
        double row = h + 10 > ROW_MIN ? h + 10 : ROW_MIN;
        t->row_y[r] = y + row / 2;
        y += row;
    }
    t->axis_y = y + 8;
    return widest;
}

static void theme_lines(tl *t)
{
    rg_bld *b = t->b;
    double widest = boxes(t);
    t->line_x0 = t->p.x0 - 10;
    t->box_x = t->line_x0 - NAME_GAP - widest / 2;
    t->line_x1 = (t->p.band_x1 > t->p.x1 ? t->p.band_x1 : t->p.x1) + 10;
    for (size_t r = 0; r < t->p.n_rows && !b->oom; r++) {
        size_t ai = t->p.rows[r];
        const rg_actor *a = &b->doc->actors[ai];
        Agnode_t *n = rg_build__actor(b, b->g, ai); /* labelled, marked */
        if (n != NULL)
            tl_pos(t, n, t->box_x, t->row_y[r]);
        Agedge_t *e = tl_line(t, t->line_x0, t->row_y[r],
                           t->line_x1, t->row_y[r], "theme-line",
                           b->pal->muted, "solid");
        if (e == NULL)
            continue;
        rg_buf__reset(&b->tmp);
        rg_buf__printf(&b->tmp, "theme-line-%s", a->id);
        rg_build__set(e, t->e_id, rg_buf__str(&b->tmp));
        rg_build__title(b, rg_buf__str(&b->tmp), a->name);
        rg_buf__reset(&b->tmp);
        rg_build__tooltip_text(&b->tmp, a->name);
        rg_build__set(e, t->e_tooltip, rg_buf__str(&b->tmp));
    }
}

/* ---- the axis and the undated band ---- */

static void tl_axis(tl *t)
{
    rg_bld *b = t->b;
    double top = t->lanes_y + 6, y = t->axis_y;
    if (t->p.n_dated > 0) {
        tl_line(t, t->p.x0, y, t->p.x1, y, "timeline-axis", b->pal->ink,
             "solid");
    }
    for (size_t i = 0; i < t->p.n_ticks && t->p.n_dated > 0 && !b->oom;
         i++) {
        const rg_tl_tick *k = &t->p.ticks[i];
        tl_line(t, k->x, top, k->x, y, "timeline-grid", b->pal->cluster_line,
             "dotted");
        Agedge_t *e = tl_line(t, k->x, y, k->x, y + 5, "timeline-tick",
                              b->pal->ink, "solid");
        char id[40];
        snprintf(id, sizeof(id), "tick-%zu", i);
        rg_build__set(e, t->e_id, id);
        rg_build__title(b, id, k->text);
        strcat(id, "-label");
        tl_text(t, k->x, y + 14, k->text, "timeline-tick-label", id);
    }
    if (t->p.band_x1 > t->p.x1 && !b->oom) {
        tl_line(t, t->p.band_x0, top, t->p.band_x0, y, "timeline-undated",
             b->pal->muted, "dashed");
        tl_text(t, (t->p.band_x0 + t->p.band_x1) / 2, y + 13, "Undated",
             "timeline-undated-label", "timeline-undated");
    }
}

/* ---- events and links ---- */

/* An event's mark on its theme line: a bar over its span, or a diamond
 * at its day, in its kind's colours. */
static void event_mark(tl *t, const rg_tl_item *it)
{
    rg_bld *b = t->b;
    const rg_actor *a = &b->doc->actors[it->index];
    rg_kind_look look;
    rg_style__kind(b->doc, a->kind, b->opts->theme, &look);
    const char *color = look.fill ? look.fill : b->pal->ink;
    double y = t->row_y[it->row_a];
    rg_buf__reset(&b->tmp);
    rg_buf__printf(&b->tmp, "event-mark-%s", a->id);
    rg_buf id = {0};
    rg_buf__puts(&id, rg_buf__str(&b->tmp));
    rg_build__title(b, rg_buf__str(&id), a->name);
    rg_buf__reset(&b->tmp);
    rg_build__tooltip_text(&b->tmp, a->name);
    if (a->date != NULL) {
        rg_buf__puts(&b->tmp, "\\ndate: ");
        rg_build__tooltip_text(&b->tmp, a->date);
        if (a->until != NULL) {
            rg_buf__puts(&b->tmp, " to ");
            rg_build__tooltip_text(&b->tmp, a->until);
        }
    }
    if (it->x_end > it->x) {
        Agedge_t *e = tl_line(t, it->x, y, it->x_end, y, "event-bar",
                           look.color ? look.color : color, "solid");
        if (e != NULL) {
            rg_build__set(e, t->e_pen, "7");
            rg_build__set(e, t->e_id, rg_buf__str(&id));
            rg_build__set(e, t->e_tooltip, rg_buf__str(&b->tmp));
        }
    } else {
        Agnode_t *n = tl_point(t, it->x, y, color);
        if (n != NULL) {
            rg_build__set(n, t->shape, "diamond");
            rg_build__set(n, t->width, "0.18");
            rg_build__set(n, t->height, "0.18");
            rg_build__set(n, t->color, look.color ? look.color : color);
            rg_build__set(n, t->class, "event-mark");
            rg_build__set(n, t->id, rg_buf__str(&id));
            rg_build__set(n, t->tooltip, rg_buf__str(&b->tmp));
        }
    }
    b->oom |= id.oom;
    rg_buf__free(&id);
}

/* A link's label in its lane, and the dotted leader down to the top of
 * its connector. */
static void link_label(tl *t, const rg_tl_item *it, Agnode_t *top)
{
    rg_bld *b = t->b;
    const char *lid = t->ids[it->index];
    double y = t->lanes_y - LANE_H * ((double)it->lane + 0.5);
    char name[48];
    snprintf(name, sizeof(name), "tl label %zu", it->index);
    Agnode_t *n = agnode(b->g, name, 1);
    Agnode_t *up = tl_point(t, it->x, y, NULL);
    Agedge_t *e = n && up ? agedge(b->g, up, top, NULL, 1) : NULL;
    if (e == NULL) {
        b->oom = 1;
        return;
    }
    rg_buf__reset(&b->tmp);
    rg_buf__printf(&b->tmp, "%s-label", lid);
    rg_buf id = {0};
    rg_buf__puts(&id, rg_buf__str(&b->tmp));
    rg_build__link_part(b, n, it->index, rg_buf__str(&id), "link-label", 0);
    rg_build__link_text(b, it->index);
    plain(t, n, rg_buf__str(&b->tmp));
    tl_pos(t, n, it->x + 9 + it->label_w / 2, y);
    rg_buf__reset(&id);
    rg_buf__printf(&id, "%s-leader", lid);
    rg_build__link_part(b, e, it->index, rg_buf__str(&id), "link-leader", 0);
    rg_build__set(e, t->e_style, "dotted");
    rg_build__set(e, t->e_pen, "0.7");
    rg_build__set(e, t->e_dir, "none");
    b->oom |= id.oom;
    rg_buf__free(&id);
}

/* A link: a connector at its x from its from-end's theme line to its
 * to-end's (a dot when both are one), a bar on the from-end's theme line
 * for an interval, and its label. */
static void link_item(tl *t, const rg_tl_item *it)
{
    rg_bld *b = t->b;
    const rg_link *k = &b->doc->links[it->index];
    const rg_status_look *st = rg_style__status(k->status, b->opts->theme);
    double ya = t->row_y[it->row_a], yb = t->row_y[it->row_b];
    Agnode_t *from = tl_point(t, it->x, ya, st->color);
    Agnode_t *to = it->row_a == it->row_b ? from : tl_point(t, it->x, yb,
                                                         st->color);
    if (from == NULL || to == NULL)
        return;
    if (from != to) {
        Agedge_t *e = agedge(b->g, from, to, NULL, 1);
        if (e == NULL) {
            b->oom = 1;
            return;
        }
        rg_build__link_part(b, e, it->index, t->ids[it->index], "link", 1);
    } else {
        rg_build__link_part(b, from, it->index, t->ids[it->index],
                            "link-point", 0);
    }
    if (it->x_end > it->x) {
        Agedge_t *bar = tl_line(t, it->x, ya, it->x_end, ya, "link-bar",
                             st->color, "solid");
        if (bar != NULL) {
            rg_build__set(bar, t->e_pen, "4");
            rg_build__set(bar, t->e_tooltip, "");
        }
    }
    if (it->label_w > 0)
        link_label(t, it, ya < yb ? from : to);
}

void rg_build__timeline(rg_bld *b)
{
    tl t = {.b = b};
    syms(&t);
    t.ids = rg_build__link_ids(b);
    if (t.ids == NULL ||
        rg_timeline__plan(&t.p, b->doc, label_width, &t) != 0) {
        b->oom = 1;
        goto out;
    }
    t.row_y = malloc((t.p.n_rows ? t.p.n_rows : 1) * sizeof(*t.row_y));
    if (t.row_y == NULL) {
        b->oom = 1;
        goto out;
    }
    t.lanes_y = LANE_H * (double)t.p.n_lanes + 4;
    theme_lines(&t);
    tl_axis(&t);
    for (size_t i = 0; i < t.p.n_items && !b->oom; i++) {
        if (t.p.items[i].is_event)
            event_mark(&t, &t.p.items[i]);
        else
            link_item(&t, &t.p.items[i]);
    }
out:
    free(t.row_y);
    rg_build__link_ids_free(t.ids, b->doc->n_links);
    rg_timeline__free(&t.p);
}
