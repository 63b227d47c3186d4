/* How the chart draws the marks a view sets on actors and links
 * (rg_mark): one hook that the actor and link builders call on each node
 * and edge once its own look is set, and the legend's rows for the marks
 * drawn. No state beyond the build's.
 *
 * A diff's added, removed and changed items show by colour and also by
 * what survives grey print: a text marker before the name or label ("+",
 * "\u2212", "~"), removed lines dashed, added ones bold.
 *
 * Faded (--fade): lines and fills 60% of the way to the page's colour,
 * text 45% (still readable: 3.9:1 on the light page), an actor's outline
 * dashed, text in italics, and the class "faded"; the lightness and the
 * italics survive grayscale print. */
#include "build_int.h"

#include <string.h>

typedef struct mark_look {
    const char *marker;   /* before the name or label */
    const char *css;      /* class added to the object's classes */
    const char *words;    /* the legend's */
    const char *color[RG_THEME_COUNT];
    const char *penwidth;
    const char *line;     /* a line's style, or NULL to keep its own */
} mark_look;

static const mark_look looks[] = {
    [RG_MARK_ADDED] = {"+", "diff-added", "added",
                       {"#009E73", "#5CD6A8", NULL}, "2.5", "bold"},
    [RG_MARK_REMOVED] = {"\xe2\x88\x92", "diff-removed", "removed",
                         {"#B2182B", "#FF6B7A", NULL}, "1.5", "dashed"},
    [RG_MARK_CHANGED] = {"~", "diff-changed", "changed",
                         {"#7B3294", "#C9A0E8", NULL}, "2", NULL},
};

static const mark_look *look_of(rg_mark mark)
{
    if (mark < RG_MARK_ADDED || mark > RG_MARK_CHANGED)
        return NULL;
    return &looks[mark];
}

/* The mark's colour in the chart's theme: the ink in mono. */
static const char *color_of(const rg_bld *b, const mark_look *l)
{
    const char *c = l->color[b->opts->theme];
    return c != NULL ? c : b->pal->ink;
}

static void add_class(rg_bld *b, void *obj, int kind, const mark_look *l)
{
    Agsym_t *sym = rg_build__decl(b, kind, "class", "");
    rg_buf__reset(&b->tmp);
    rg_buf__printf(&b->tmp, "%s diff %s", agxget(obj, sym), l->css);
    rg_build__set(obj, sym, rg_buf__str(&b->tmp));
}

/* The marker, bold, before what the label says. */
static void add_marker(rg_bld *b, void *obj, const mark_look *l)
{
    Agsym_t *sym = rg_build__decl(b, AGNODE, "label", "\\N");
    const char *old = agxget(obj, sym);
    rg_buf__reset(&b->tmp);
    rg_buf__printf(&b->tmp, "<B>%s</B> ", l->marker);
    if (old != NULL && aghtmlstr((char *)old))
        rg_buf__puts(&b->tmp, old);
    rg_build__set_html(b, obj, sym, rg_buf__str(&b->tmp));
}

/* A diff's mark, by its look. */
static void diff_mark(rg_bld *b, void *obj, rg_mark mark)
{
    const mark_look *l = look_of(mark);
    if (l == NULL)
        return;
    int kind = agobjkind(obj);
    add_class(b, obj, kind, l);
    rg_build__set(obj, rg_build__decl(b, kind, "color", ""), color_of(b, l));
    if (kind == AGEDGE) {
        rg_build__set(obj, rg_build__decl(b, AGEDGE, "penwidth", "1"),
                      l->penwidth);
        if (l->line != NULL)
            rg_build__set(obj, rg_build__decl(b, AGEDGE, "style", ""),
                          l->line);
        return;
    }
    add_marker(b, obj, l);
    Agsym_t *shape = rg_build__decl(b, AGNODE, "shape", "box");
    if (strcmp(agxget(obj, shape), "plaintext") == 0)
        return; /* a link's label: the marker is enough */
    rg_build__set(obj, rg_build__decl(b, AGNODE, "penwidth", "1"),
                  l->penwidth);
    if (mark == RG_MARK_REMOVED) {
        Agsym_t *st = rg_build__decl(b, AGNODE, "style", "filled");
        rg_buf__reset(&b->tmp);
        rg_buf__printf(&b->tmp, "%s,dashed", agxget(obj, st));
        rg_build__set(obj, st, rg_buf__str(&b->tmp));
    }
}

/* Appends " token" to the object's value of attribute `name`. */
static void append_attr(rg_bld *b, void *obj, const char *name,
                        const char *sep, const char *token)
{
    const char *old = agget(obj, (char *)name);
    rg_buf__reset(&b->tmp);
    if (old != NULL && *old)
        rg_buf__printf(&b->tmp, "%s%s", old, sep);
    rg_buf__puts(&b->tmp, token);
    agsafeset(obj, (char *)name, (char *)rg_buf__str(&b->tmp), "");
}

#define FADE_LINE 60 /* per cent of the way to the page */
#define FADE_TEXT 45

/* The object's colour attribute `name`, faded; left alone when unset. */
static void fade_color(rg_bld *b, void *obj, const char *name,
                       unsigned percent)
{
    const char *c = agget(obj, (char *)name);
    char buf[8];
    if (c != NULL && *c)
        agsafeset(obj, (char *)name,
                  (char *)rg_style__faded(c, b->opts->theme, percent, buf),
                  "");
}

/* An HTML-like label in italics (its text only: no tables in labels of
 * nodes). A plain or empty label stays as it is. */
static void italic_label(rg_bld *b, void *obj)
{
    Agsym_t *sym = agattr(b->g, agobjkind(obj), "label", NULL);
    char *l = sym != NULL ? agxget(obj, sym) : NULL;
    if (l == NULL || !aghtmlstr(l) || *l == '\0' || strstr(l, "<TABLE"))
        return;
    rg_buf t = {0};
    rg_buf__printf(&t, "<I>%s</I>", l);
    if (t.oom)
        b->oom = 1;
    else
        rg_build__set_html(b, obj, sym, rg_buf__str(&t));
    rg_buf__free(&t);
}

static void fade(rg_bld *b, void *obj)
{
    append_attr(b, obj, "class", " ", "faded");
    fade_color(b, obj, "color", FADE_LINE);
    fade_color(b, obj, "fontcolor", FADE_TEXT);
    if (agobjkind(obj) != AGNODE)
        return;
    fade_color(b, obj, "fillcolor", FADE_LINE);
    italic_label(b, obj);
    const char *style = agget(obj, "style");
    /* a label node ("solid", no outline) stays without one */
    if (style == NULL || strcmp(style, "solid") != 0)
        append_attr(b, obj, "style", ",", "dashed");
}

void rg_build__mark(rg_bld *b, void *obj, rg_mark mark)
{
    if (obj == NULL || b->oom || mark == RG_MARK_NONE)
        return;
    if (mark == RG_MARK_FADED)
        fade(b, obj);
    else
        diff_mark(b, obj, mark);
}

/* Whether anything drawn carries the mark. */
static int marked(const rg_doc *d, rg_mark mark)
{
    for (size_t i = 0; i < d->n_actors; i++)
        if (d->actors[i].mark == mark)
            return 1;
    for (size_t i = 0; i < d->n_links; i++)
        if (d->links[i].mark == mark)
            return 1;
    return 0;
}

/* "CHANGES": a row for each mark that occurs, its line and marker. */
static void legend_changes(rg_bld *b, rg_buf *t)
{
    int seen[RG_MARK_CHANGED + 1] = {0}, any = 0;
    for (int m = RG_MARK_ADDED; m <= RG_MARK_CHANGED; m++)
        any |= seen[m] = marked(b->doc, (rg_mark)m);
    if (!any)
        return;
    rg_buf__printf(t, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\" "
                      "COLOR=\"%s\">CHANGES</FONT></TD>", b->pal->muted);
    for (int m = RG_MARK_ADDED; m <= RG_MARK_CHANGED; m++) {
        const mark_look *l = &looks[m];
        if (!seen[m])
            continue;
        rg_buf__printf(t, "<TD SIDES=\"B\" BORDER=\"%s\" COLOR=\"%s\"%s "
                          "WIDTH=\"30\" HEIGHT=\"8\" FIXEDSIZE=\"TRUE\">"
                          "</TD><TD ALIGN=\"LEFT\"><B>%s</B> %s  </TD>",
                       m == RG_MARK_ADDED ? "3" : "1", color_of(b, l),
                       l->line && m == RG_MARK_REMOVED
                           ? " STYLE=\"dashed\"" : "",
                       l->marker, l->words);
    }
    rg_buf__puts(t, "</TR>");
}

/* "VIEW": the faded look, and what it stands for. */
static void legend_faded(rg_bld *b, rg_buf *t)
{
    const rg_doc *d = b->doc;
    if (d->fade_note == NULL || !marked(d, RG_MARK_FADED))
        return;
    char fill[8], line[8];
    rg_kind_look look;
    rg_style__kind(d, "other", b->opts->theme, &look);
    rg_buf__printf(t, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\" "
                      "COLOR=\"%s\">VIEW</FONT></TD>", b->pal->muted);
    rg_buf__printf(t, "<TD BORDER=\"1\" STYLE=\"dashed\" COLOR=\"%s\" "
                      "BGCOLOR=\"%s\" WIDTH=\"30\" HEIGHT=\"12\" "
                      "FIXEDSIZE=\"TRUE\"></TD>",
                   rg_style__faded(look.color, b->opts->theme, FADE_LINE,
                                   line),
                   rg_style__faded(look.fill, b->opts->theme, FADE_LINE,
                                   fill));
    rg_buf__printf(t, "<TD ALIGN=\"LEFT\"><FONT COLOR=\"%s\"><I>faded: ",
                   b->pal->muted);
    rg_build__line_text(t, d->fade_note);
    rg_buf__puts(t, "</I></FONT>  </TD></TR>");
}

void rg_build__mark_legend(rg_bld *b, rg_buf *t)
{
    legend_faded(b, t);
    legend_changes(b, t);
}
