/* What the data formats share: the fields of each table in one list
 * (the CSV columns, GraphML's keys, GEXF's attributes, Cytoscape.js's
 * data), their values, the laid-out actors' places read from the graph
 * after the layout, and the choice of a writer. No state. */
#include "export.h"

#include "escape.h"
#include "format.h"
#include "when.h"

#include <graphviz/gvc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const rg_xfield link_fields[] = {
    {"from", RG_XT_STRING}, {"to", RG_XT_STRING},
    {"label", RG_XT_STRING}, {"kind", RG_XT_STRING},
    {"status", RG_XT_STRING}, {"directed", RG_XT_BOOL},
    {"date", RG_XT_STRING}, {"until", RG_XT_STRING},
    {"source", RG_XT_LIST}, {"quote", RG_XT_STRING},
    {"claimed_by", RG_XT_LIST}, {"disputed_by", RG_XT_LIST},
    {"url", RG_XT_STRING}, {"confidence", RG_XT_INT},
    {"credibility", RG_XT_INT},
    {"tlp", RG_XT_STRING}, {"stix_id", RG_XT_STRING}};
static const rg_xfield actor_fields[] = {
    {"id", RG_XT_STRING}, {"name", RG_XT_STRING},
    {"kind", RG_XT_STRING}, {"aliases", RG_XT_LIST},
    {"group", RG_XT_STRING}, {"note", RG_XT_STRING},
    {"date", RG_XT_STRING}, {"until", RG_XT_STRING},
    {"url", RG_XT_STRING}, {"source", RG_XT_LIST},
    {"tags", RG_XT_LIST}, {"confidence", RG_XT_INT},
    {"credibility", RG_XT_INT},
    {"tlp", RG_XT_STRING}, {"stix_id", RG_XT_STRING}};
static const rg_xfield source_fields[] = {
    {"id", RG_XT_STRING}, {"title", RG_XT_STRING},
    {"publisher", RG_XT_STRING}, {"date", RG_XT_STRING},
    {"url", RG_XT_STRING}, {"reliability", RG_XT_STRING},
    {"tlp", RG_XT_STRING}, {"stix_id", RG_XT_STRING}};
static const rg_xfield group_fields[] = {
    {"id", RG_XT_STRING}, {"label", RG_XT_STRING},
    {"parent", RG_XT_STRING}};

#define N(a) (sizeof(a) / sizeof((a)[0]))

const rg_xfield *rg_export__fields(rg_xtable t, size_t *n)
{
    static const rg_xfield *const all[RG_XT_COUNT] = {
        link_fields, actor_fields, source_fields, group_fields};
    static const size_t counts[RG_XT_COUNT] = {
        N(link_fields), N(actor_fields), N(source_fields), N(group_fields)};
    *n = counts[t];
    return all[t];
}

size_t rg_export__count(const rg_doc *d, rg_xtable t)
{
    return t == RG_XT_LINKS    ? d->n_links
           : t == RG_XT_ACTORS ? d->n_actors
           : t == RG_XT_SOURCES ? d->n_sources
                                : d->n_groups;
}

static void link_value(rg_xval *v, const rg_doc *d, const rg_link *k,
                       size_t f)
{
    const char *s[] = {d->actors[k->from_index].id,
                       d->actors[k->to_index].id, k->label, k->kind,
                       rg_status_name(k->status), NULL, k->date, k->until,
                       NULL, k->quote, NULL, NULL, k->url, NULL, NULL,
                       k->tlp, k->stix_id};
    const rg_strv *l[] = {[8] = &k->source, [10] = &k->claimed_by,
                          [11] = &k->disputed_by, [16] = NULL};
    v->s = s[f];
    v->list = l[f];
    /* an ungraded claim's credibility (0) is absent, as -1 is */
    v->num = f == 5    ? k->directed
             : f == 14 ? (k->credibility > 0 ? k->credibility : -1)
                       : k->confidence;
}

static void actor_value(rg_xval *v, const rg_actor *a, size_t f)
{
    const char *s[] = {a->id, a->name, a->kind, NULL, a->group, a->note,
                       a->date, a->until, a->url, NULL, NULL, NULL,
                       NULL, a->tlp, a->stix_id};
    const rg_strv *l[] = {[3] = &a->aliases, [9] = &a->source,
                          [10] = &a->tags, [14] = NULL};
    v->s = s[f];
    v->list = l[f];
    v->num = f == 12 ? (a->credibility > 0 ? a->credibility : -1)
                     : a->confidence;
}

void rg_export__value(rg_xval *out, const rg_doc *d, rg_xtable t, size_t i,
                      size_t f)
{
    size_t n;
    rg_xtype type = rg_export__fields(t, &n)[f].type;
    memset(out, 0, sizeof(*out));
    if (t == RG_XT_LINKS)
        link_value(out, d, &d->links[i], f);
    else if (t == RG_XT_ACTORS)
        actor_value(out, &d->actors[i], f);
    else if (t == RG_XT_SOURCES) {
        const rg_source *s = &d->sources[i];
        const char *v[] = {s->id, s->title, s->publisher, s->date, s->url,
                           s->reliability, s->tlp, s->stix_id};
        out->s = v[f];
    } else {
        const rg_group *g = &d->groups[i];
        const char *v[] = {g->id, g->label, g->parent};
        out->s = v[f];
    }
    out->is_bool = type == RG_XT_BOOL;
    out->present = type == RG_XT_STRING ? out->s != NULL
                   : type == RG_XT_LIST ? out->list != NULL && out->list->n > 0
                   : type == RG_XT_INT  ? out->num >= 0
                                        : 1;
}

void rg_export__text(rg_buf *b, const rg_xval *v)
{
    if (!v->present)
        return;
    if (v->list != NULL)
        for (size_t i = 0; i < v->list->n; i++) {
            if (i > 0)
                rg_buf__putc(b, ';');
            rg_buf__puts(b, v->list->v[i]);
        }
    else if (v->s != NULL)
        rg_buf__puts(b, v->s);
    else if (v->is_bool)
        rg_buf__puts(b, v->num ? "true" : "false");
    else
        rg_buf__printf(b, "%ld", v->num);
}

void rg_export__xml_fields(rg_buf *b, rg_buf *tmp, const rg_doc *d,
                           rg_xtable t, size_t i, const char *open,
                           const char *mid, const char *close)
{
    size_t nf;
    rg_export__fields(t, &nf);
    for (size_t f = 0; f < nf; f++) {
        rg_xval v;
        rg_export__value(&v, d, t, i, f);
        if (!v.present)
            continue;
        rg_buf__reset(tmp);
        rg_export__text(tmp, &v);
        rg_buf__printf(b, "%s%zu%s", open, f, mid);
        rg_escape__xml(b, rg_buf__str(tmp));
        rg_buf__puts(b, close);
    }
    if (tmp->oom)
        b->oom = 1;
}

const char *rg_export__day(char out[11], const char *date, int end)
{
    rg_day day;
    if (rg_when__day(date, end, &day))
        rg_when__format(day, out);
    else
        snprintf(out, 11, "%s", date); /* checked: never so */
    return out;
}

const char *rg_export__rgb(char out[8], const char *gv, const char *dflt)
{
    static const char hex[] = "0123456789abcdefABCDEF";
    int ok = gv != NULL && gv[0] == '#' && strspn(gv + 1, hex) >= 6;
    memcpy(out, ok ? gv : dflt, 7);
    out[7] = '\0';
    for (int i = 1; i < 7; i++)
        out[i] = (char)(out[i] | (out[i] >= 'A' ? 0x20 : 0));
    return out;
}

/* Graphviz's shapes that relgraph's kinds use, and the nearest of yEd's
 * and GEXF's; any other is a rectangle and a square. */
static const struct {
    const char *gv, *yed, *gexf;
} shapes[] = {
    {"ellipse", "ellipse", "disc"},       {"oval", "ellipse", "disc"},
    {"circle", "ellipse", "disc"},        {"egg", "ellipse", "disc"},
    {"doublecircle", "ellipse", "disc"},  {"box3d", "rectangle3d", "square"},
    {"hexagon", "hexagon", "disc"},       {"octagon", "octagon", "disc"},
    {"doubleoctagon", "octagon", "disc"}, {"diamond", "diamond", "diamond"},
    {"Mdiamond", "diamond", "diamond"},   {"trapezium", "trapezoid", "square"},
    {"invtrapezium", "trapezoid2", "square"},
    {"parallelogram", "parallelogram", "square"},
    {"triangle", "triangle", "triangle"}, {"house", "trapezoid", "triangle"},
    {"pentagon", "hexagon", "disc"},      {"cds", "fatarrow", "square"},
};

void rg_export__shape(const rg_xnode *x, const char **yed, const char **gexf)
{
    *yed = "rectangle";
    *gexf = "square";
    if (x->shape == NULL)
        return;
    for (size_t i = 0; i < N(shapes); i++)
        if (strcmp(shapes[i].gv, x->shape) == 0) {
            *yed = shapes[i].yed;
            *gexf = shapes[i].gexf;
            return;
        }
    if (x->style != NULL && strstr(x->style, "rounded") != NULL)
        *yed = "roundrectangle";
}

int rg_export__layout(rg_xlayout *out, const rg_doc *d, Agraph_t *g)
{
    boxf bb = GD_bb(g);
    memset(out, 0, sizeof(*out));
    out->nodes = calloc(d->n_actors ? d->n_actors : 1, sizeof(rg_xnode));
    if (out->nodes == NULL)
        return -1;
    out->width = bb.UR.x - bb.LL.x;
    out->height = bb.UR.y - bb.LL.y;
    for (size_t i = 0; i < d->n_actors; i++) {
        Agnode_t *n = agnode(g, (char *)d->actors[i].id, 0);
        rg_xnode *x = &out->nodes[i];
        if (n == NULL)
            continue;
        x->placed = 1;
        x->x = ND_coord(n).x - bb.LL.x;
        x->y = bb.UR.y - ND_coord(n).y; /* Graphviz's y goes up */
        x->w = ND_width(n) * 72;
        x->h = ND_height(n) * 72;
        x->shape = agget(n, "shape");
        x->fill = agget(n, "fillcolor");
        x->color = agget(n, "color");
        x->fontcolor = agget(n, "fontcolor");
        x->style = agget(n, "style");
    }
    return 0;
}

void rg_export__layout_free(rg_xlayout *l)
{
    free(l->nodes);
    l->nodes = NULL;
}

int rg_export__write(rg_buf *b, const rg_doc *d, rg_format f,
                     const rg_xlayout *lay, rg_buf *notes)
{
    if (f == RG_FORMAT_STIX)
        rg_export__stix(b, d, notes);
    else if (rg_format__is_csv(f))
        rg_export__csv(b, d, (rg_xtable)(f - RG_FORMAT_CSV));
    else if (f == RG_FORMAT_GRAPHML)
        rg_export__graphml(b, d, lay);
    else if (f == RG_FORMAT_GEXF)
        rg_export__gexf(b, d, lay);
    else
        rg_export__cyjs(b, d, lay);
    if (b->data == NULL && !b->oom)
        rg_buf__puts(b, "");
    return b->oom ? -1 : 0;
}
