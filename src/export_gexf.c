/* GEXF 1.2 (the "1.2draft" namespace, which networkx 2.8 and Gephi
 * read): every field of actors and links as an attribute (lists joined
 * with ';'), the layout's place, colour, size and shape as viz:
 * elements, and dates as time intervals (start and end, whole days) on
 * a dynamic graph, so that Gephi's timeline shows when each actor and
 * link was. Every value XML-escaped. No state. */
#include "export.h"

#include "escape.h"
#include "style.h"

#include <stdlib.h>

static void attributes(rg_buf *b, rg_xtable t, const char *class_)
{
    size_t nf;
    const rg_xfield *fields = rg_export__fields(t, &nf);
    static const char *const types[] = {"string", "string", "integer",
                                        "boolean"};
    rg_buf__printf(b, "    <attributes class=\"%s\" mode=\"static\">\n",
                   class_);
    for (size_t f = 0; f < nf; f++)
        rg_buf__printf(b, "      <attribute id=\"%zu\" title=\"%s\" "
                          "type=\"%s\"/>\n",
                       f, fields[f].name, types[fields[f].type]);
    rg_buf__puts(b, "    </attributes>\n");
}

static void attvalues(rg_buf *b, const rg_doc *d, rg_xtable t, size_t i,
                      rg_buf *tmp)
{
    rg_buf__puts(b, "        <attvalues>\n");
    rg_export__xml_fields(b, tmp, d, t, i, "          <attvalue for=\"",
                          "\" value=\"", "\"/>\n");
    rg_buf__puts(b, "        </attvalues>\n");
}

/* ` start="..." end="..."` from a date and an until (either may be
 * NULL): an item with only a date lasts from then on. */
static void interval(rg_buf *b, const char *date, const char *until)
{
    char day[11];
    if (date != NULL)
        rg_buf__printf(b, " start=\"%s\"", rg_export__day(day, date, 0));
    if (until != NULL)
        rg_buf__printf(b, " end=\"%s\"", rg_export__day(day, until, 1));
}

static void color(rg_buf *b, const char *rgb)
{
    long v = strtol(rgb + 1, NULL, 16);
    rg_buf__printf(b, "        <viz:color r=\"%ld\" g=\"%ld\" b=\"%ld\"/>\n",
                   (v >> 16) & 255, (v >> 8) & 255, v & 255);
}

static void node(rg_buf *b, const rg_doc *d, size_t i, const rg_xnode *x,
                 rg_buf *tmp)
{
    const rg_actor *a = &d->actors[i];
    rg_buf__puts(b, "      <node id=\"");
    rg_escape__xml(b, a->id);
    rg_buf__puts(b, "\" label=\"");
    rg_escape__xml(b, a->name);
    rg_buf__putc(b, '"');
    interval(b, a->date, a->until);
    rg_buf__puts(b, ">\n");
    attvalues(b, d, RG_XT_ACTORS, i, tmp);
    if (x->placed) {
        char rgb[8];
        const char *yed, *shape;
        rg_export__shape(x, &yed, &shape);
        color(b, rg_export__rgb(rgb, x->fill, "#ffffff"));
        /* Gephi's y goes up, as Graphviz's does */
        rg_buf__printf(b, "        <viz:position x=\"%.2f\" y=\"%.2f\" "
                          "z=\"0.0\"/>\n"
                          "        <viz:size value=\"%.2f\"/>\n"
                          "        <viz:shape value=\"%s\"/>\n",
                       x->x, -x->y, (x->w > x->h ? x->w : x->h) / 2, shape);
    }
    rg_buf__puts(b, "      </node>\n");
}

static void edge(rg_buf *b, const rg_doc *d, size_t i, rg_buf *tmp)
{
    const rg_link *k = &d->links[i];
    rg_buf__printf(b, "      <edge id=\"e%zu\" source=\"", i);
    rg_escape__xml(b, d->actors[k->from_index].id);
    rg_buf__puts(b, "\" target=\"");
    rg_escape__xml(b, d->actors[k->to_index].id);
    rg_buf__putc(b, '"');
    if (k->label != NULL) {
        rg_buf__puts(b, " label=\"");
        rg_escape__xml(b, k->label);
        rg_buf__putc(b, '"');
    }
    interval(b, k->date, k->until);
    rg_buf__puts(b, ">\n");
    attvalues(b, d, RG_XT_LINKS, i, tmp);
    color(b, rg_style__status(k->status, RG_THEME_LIGHT)->color);
    rg_buf__puts(b, "      </edge>\n");
}

void rg_export__gexf(rg_buf *b, const rg_doc *d, const rg_xlayout *lay)
{
    rg_buf tmp = {0};
    rg_buf__puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<gexf xmlns=\"http://www.gexf.net/1.2draft\" "
                    "xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" "
                    "version=\"1.2\">\n");
    if (d->title != NULL) {
        rg_buf__puts(b, "  <meta>\n    <description>");
        rg_escape__xml(b, d->title);
        rg_buf__puts(b, "</description>\n  </meta>\n");
    }
    rg_buf__puts(b, "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" "
                    "timeformat=\"date\">\n");
    attributes(b, RG_XT_ACTORS, "node");
    attributes(b, RG_XT_LINKS, "edge");
    rg_buf__puts(b, "    <nodes>\n");
    for (size_t i = 0; i < d->n_actors && !b->oom; i++)
        node(b, d, i, &lay->nodes[i], &tmp);
    rg_buf__puts(b, "    </nodes>\n    <edges>\n");
    for (size_t i = 0; i < d->n_links && !b->oom; i++)
        edge(b, d, i, &tmp);
    rg_buf__puts(b, "    </edges>\n  </graph>\n</gexf>\n");
    if (tmp.oom)
        b->oom = 1;
    rg_buf__free(&tmp);
}
