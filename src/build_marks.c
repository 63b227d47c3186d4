/* How the chart draws the marks a view sets on actors and links
 * (rg_mark: a diff's added, removed and changed items): one call per
 * graph object, made by the builders of actors and links after they have
 * given it its own look, and the legend's rows for the marks that occur.
 * A mark shows by colour and also by what survives grey print: a text
 * marker before the name or label ("+", "\u2212", "~"), removed lines
 * dashed, added ones bold. No state beyond the build's. */
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

void rg_build__mark(rg_bld *b, void *obj, rg_mark mark)
{
    const mark_look *l = look_of(mark);
    if (l == NULL || obj == NULL)
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

/* "CHANGES": a row for each mark that occurs, its line and marker. */
void rg_build__legend_marks(rg_bld *b, rg_buf *t)
{
    int seen[RG_MARK_CHANGED + 1] = {0}, any = 0;
    for (size_t i = 0; i < b->doc->n_actors; i++)
        seen[b->doc->actors[i].mark <= RG_MARK_CHANGED
                 ? b->doc->actors[i].mark : 0] = 1;
    for (size_t i = 0; i < b->doc->n_links; i++)
        seen[b->doc->links[i].mark <= RG_MARK_CHANGED
                 ? b->doc->links[i].mark : 0] = 1;
    for (int m = RG_MARK_ADDED; m <= RG_MARK_CHANGED; m++)
        any |= seen[m];
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
