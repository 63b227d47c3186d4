/* GraphML for yEd, networkx and Gephi: every field of actors and links
 * as a <data> key declared with attr.name and attr.type (lists joined
 * with ';'), and yEd's own graphics (a y:ShapeNode with the layout's
 * geometry, fill, border, shape and name; a y:PolyLineEdge with the
 * status's line style and colour, arrows, label), which yEd needs to
 * show anything. Every value XML-escaped. No state. */
#include "export.h"

#include "escape.h"
#include "style.h"

#include <string.h>

/* The key ids: "a<field>" for actors, "l<field>" for links. */
static void keys(rg_buf *b, rg_xtable t, const char *prefix, const char *for_)
{
    size_t nf;
    const rg_xfield *fields = rg_export__fields(t, &nf);
    static const char *const types[] = {"string", "string", "int",
                                        "boolean"};
    for (size_t f = 0; f < nf; f++)
        rg_buf__printf(b, "  <key id=\"%s%zu\" for=\"%s\" attr.name=\"%s\" "
                          "attr.type=\"%s\"/>\n",
                       prefix, f, for_, fields[f].name,
                       types[fields[f].type]);
}

static void shape_node(rg_buf *b, const rg_actor *a, const rg_xnode *x)
{
    char fill[8], border[8], ink[8];
    const char *yed, *gexf;
    rg_export__shape(x, &yed, &gexf);
    rg_buf__printf(b, "      <data key=\"ng\"><y:ShapeNode>"
                      "<y:Geometry x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" "
                      "height=\"%.2f\"/>",
                   x->x - x->w / 2, x->y - x->h / 2, x->w, x->h);
    rg_buf__printf(b, "<y:Fill color=\"%s\" transparent=\"false\"/>"
                      "<y:BorderStyle color=\"%s\" type=\"line\" "
                      "width=\"1.0\"/><y:NodeLabel textColor=\"%s\">",
                   rg_export__rgb(fill, x->fill, "#ffffff"),
                   rg_export__rgb(border, x->color, "#000000"),
                   rg_export__rgb(ink, x->fontcolor, "#000000"));
    rg_escape__xml(b, a->name);
    rg_buf__printf(b, "</y:NodeLabel><y:Shape type=\"%s\"/>"
                      "</y:ShapeNode></data>\n", yed);
}

static void polyline_edge(rg_buf *b, const rg_link *k)
{
    const rg_status_look *look = rg_style__status(k->status,
                                                  RG_THEME_LIGHT);
    const char *line = strcmp(look->style, "solid") == 0 ? "line"
                                                         : look->style;
    rg_buf__printf(b, "      <data key=\"eg\"><y:PolyLineEdge>"
                      "<y:LineStyle color=\"%s\" type=\"%s\" "
                      "width=\"%s\"/><y:Arrows source=\"none\" "
                      "target=\"%s\"/>",
                   look->color, line, look->penwidth,
                   k->directed ? "standard" : "none");
    if (k->label != NULL && *k->label) {
        rg_buf__puts(b, "<y:EdgeLabel>");
        rg_escape__xml(b, k->label);
        rg_buf__puts(b, "</y:EdgeLabel>");
    }
    rg_buf__puts(b, "</y:PolyLineEdge></data>\n");
}

static void head(rg_buf *b, const rg_doc *d)
{
    rg_buf__puts(b,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        "xmlns:y=\"http://www.yworks.com/xml/graphml\" "
        "xmlns:yed=\"http://www.yworks.com/xml/yed/3\" "
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
        "http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd\">\n");
    if (d->title != NULL) {
        rg_buf__puts(b, "  <desc>");
        rg_escape__xml(b, d->title);
        rg_buf__puts(b, "</desc>\n");
    }
    rg_buf__puts(b, "  <key id=\"ng\" for=\"node\" "
                    "yfiles.type=\"nodegraphics\"/>\n"
                    "  <key id=\"eg\" for=\"edge\" "
                    "yfiles.type=\"edgegraphics\"/>\n");
    keys(b, RG_XT_ACTORS, "a", "node");
    keys(b, RG_XT_LINKS, "l", "edge");
    rg_buf__puts(b, "  <graph id=\"G\" edgedefault=\"directed\">\n");
}

void rg_export__graphml(rg_buf *b, const rg_doc *d, const rg_xlayout *lay)
{
    rg_buf tmp = {0};
    head(b, d);
    for (size_t i = 0; i < d->n_actors && !b->oom; i++) {
        rg_buf__puts(b, "    <node id=\"");
        rg_escape__xml(b, d->actors[i].id);
        rg_buf__puts(b, "\">\n");
        rg_export__xml_fields(b, &tmp, d, RG_XT_ACTORS, i,
                              "      <data key=\"a", "\">", "</data>\n");
        if (lay->nodes[i].placed)
            shape_node(b, &d->actors[i], &lay->nodes[i]);
        rg_buf__puts(b, "    </node>\n");
    }
    for (size_t i = 0; i < d->n_links && !b->oom; i++) {
        const rg_link *k = &d->links[i];
        rg_buf__printf(b, "    <edge id=\"e%zu\" source=\"", i);
        rg_escape__xml(b, d->actors[k->from_index].id);
        rg_buf__puts(b, "\" target=\"");
        rg_escape__xml(b, d->actors[k->to_index].id);
        rg_buf__puts(b, "\">\n");
        rg_export__xml_fields(b, &tmp, d, RG_XT_LINKS, i,
                              "      <data key=\"l", "\">", "</data>\n");
        polyline_edge(b, k);
        rg_buf__puts(b, "    </edge>\n");
    }
    rg_buf__puts(b, "  </graph>\n</graphml>\n");
    if (tmp.oom)
        b->oom = 1;
    rg_buf__free(&tmp);
}
