/* How the chart draws an item a view marked (rg_mark): one hook that the
 * actor and link builders call on each node and edge once its own look
 * is set, and the legend's row for the marks drawn. Faded (--fade):
 * lines and fills 60% of the way to the page's colour, text 45% (still
 * readable: 3.9:1 on the light page), an actor's outline dashed, text in
 * italics, and the class "faded"; the lightness and the italics survive
 * grayscale print. No state beyond the build's. */
#include "build_int.h"

#include <string.h>

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
    if (obj == NULL || b->oom)
        return;
    switch (mark) {
    case RG_MARK_FADED:
        fade(b, obj);
        break;
    default:
        break;
    }
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

void rg_build__mark_legend(rg_bld *b, rg_buf *t)
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
