/* Charts on a printed page (--page a4|letter, --landscape): the page's
 * size, the scale that fits a laid-out chart inside the margins, and the
 * settings that make Graphviz render PNG and PDF at exactly that size.
 *
 * Graphviz 2.43 scales a drawing at render time when the graph's size
 * (read at layout into GD_drawing) is smaller than the bounding box plus
 * the pad on both sides, by min(size.x / (bb.x + 2 pad.x), size.y / ...),
 * and reads the pad again at each render. So after layout, with the
 * scale s known, a size of the whole page and a pad of (page / s - bb) / 2
 * make the scaled drawing fill the page exactly, centred, in every
 * bitmap and PDF. No state: the graph's pad is saved in the rg_page_fit. */
#include "page.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct page_size {
    const char *name, *shown;
    double w, h; /* points, portrait */
} page_size;

static const page_size pages[RG_PAGE_COUNT] = {
    {"", "", 0, 0},
    {"a4", "A4", 595.2756, 841.8898}, /* 210 x 297 mm */
    {"letter", "Letter", 612, 792},
};

const char *rg_page__name(rg_page page)
{
    return (unsigned)page < RG_PAGE_COUNT ? pages[page].name : "";
}

/* x rounded to the nearest whole number (no libm). */
static double round_whole(double x)
{
    return (double)(long long)(x + 0.5);
}

void rg_page__fit(rg_page_fit *out, graph_t *g, rg_page page, int landscape,
                  double dpi)
{
    const page_size *p = &pages[(unsigned)page < RG_PAGE_COUNT ? page : 0];
    memset(out, 0, sizeof(*out));
    /* Graphviz makes the output a whole number of pixels (points for
     * PDF): the page is that, so the background covers the last row and
     * column too, not 89 % of them. */
    out->w = round_whole((landscape ? p->h : p->w) * dpi / 72) * 72 / dpi;
    out->h = round_whole((landscape ? p->w : p->h) * dpi / 72) * 72 / dpi;
    boxf bb = GD_bb(g);
    double bw = bb.UR.x - bb.LL.x, bh = bb.UR.y - bb.LL.y;
    double room_w = out->w - 2 * RG_PAGE_MARGIN;
    double room_h = out->h - 2 * RG_PAGE_MARGIN;
    /* Scaled down to fit, never up: text larger than the chart's own
     * sizes would look unlike every other chart of the report. */
    double s = 1;
    if (bw > room_w)
        s = room_w / bw;
    if (bh > room_h && room_h / bh < s)
        s = room_h / bh;
    out->scale = s;
    out->pad_x = (out->w / s - bw) / 2 / 72;
    out->pad_y = (out->h / s - bh) / 2 / 72;
}

/* Sets the root's attribute `name` to `value`, its old value saved
 * (malloc'd) in *saved. Returns -1 when out of memory. */
static int set_saved(graph_t *g, const char *name, const char *value,
                     char **saved)
{
    Agsym_t *sym = agattr(g, AGRAPH, (char *)name, NULL);
    if (sym == NULL)
        sym = agattr(g, AGRAPH, (char *)name, "");
    free(*saved);
    *saved = sym != NULL ? strdup(agxget(g, sym)) : NULL;
    if (*saved == NULL)
        return -1;
    agxset(g, sym, (char *)value);
    return 0;
}

static void put_back(graph_t *g, const char *name, char **saved)
{
    Agsym_t *sym = agattr(g, AGRAPH, (char *)name, NULL);
    if (sym != NULL && *saved != NULL)
        agxset(g, sym, *saved);
    free(*saved);
    *saved = NULL;
}

int rg_page__apply(rg_page_fit *f, graph_t *g)
{
    char pad[96];
    snprintf(pad, sizeof(pad), "%.6f,%.6f", f->pad_x, f->pad_y);
    /* The pad fills the page: no device margin (cairo's PDF has 36 pt)
     * around it. */
    if (set_saved(g, "pad", pad, &f->saved_pad) != 0 ||
        set_saved(g, "margin", "0", &f->saved_margin) != 0) {
        rg_page__restore(f, g);
        return -1;
    }
    /* In points, as Graphviz keeps it after reading "size". */
    GD_drawing(g)->size.x = f->w;
    GD_drawing(g)->size.y = f->h;
    GD_drawing(g)->filled = 0;
    return 0;
}

void rg_page__restore(rg_page_fit *f, graph_t *g)
{
    put_back(g, "pad", &f->saved_pad);
    put_back(g, "margin", &f->saved_margin);
    GD_drawing(g)->size.x = 0;
    GD_drawing(g)->size.y = 0;
}

/* ---- how small the text prints ---- */

/* The smallest of *min and the sizes an object's labels are drawn in:
 * its fontsize, and every POINT-SIZE of its HTML-like labels (the
 * builder escapes the document's text, so the attribute's quotes cannot
 * come from a value). Objects without a label draw no text. */
static void label_sizes(void *obj, double *min)
{
    static const char *const names[] = {"label", "xlabel"};
    for (size_t k = 0; k < 2; k++) {
        char *label = agget(obj, (char *)names[k]);
        if (label == NULL || *label == '\0')
            continue;
        char *fs = agget(obj, "fontsize");
        double v = fs != NULL && *fs ? atof(fs) : 14; /* Graphviz's default */
        if (v > 0 && (*min == 0 || v < *min))
            *min = v;
        static const char key[] = "POINT-SIZE=\"";
        for (const char *p = strstr(label, key); p; p = strstr(p + 1, key)) {
            v = atof(p + sizeof(key) - 1);
            if (v > 0 && (*min == 0 || v < *min))
                *min = v;
        }
    }
}

static void graph_sizes(graph_t *g, double *min)
{
    label_sizes(g, min);
    for (graph_t *sub = agfstsubg(g); sub; sub = agnxtsubg(sub))
        graph_sizes(sub, min);
}

double rg_page__smallest_text(graph_t *g)
{
    double min = 0;
    graph_sizes(g, &min);
    for (node_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
        label_sizes(n, &min);
        for (edge_t *e = agfstout(g, n); e; e = agnxtout(g, e))
            label_sizes(e, &min);
    }
    return min;
}

void rg_page__warn_small_text(rg_buf *out, const rg_page_fit *f, graph_t *g,
                              rg_page page, int landscape, int is_view)
{
    double text = rg_page__smallest_text(g), smallest = text * f->scale;
    if (smallest <= 0 || smallest >= RG_PAGE_MIN_TEXT)
        return;
    const page_size *p = &pages[(unsigned)page < RG_PAGE_COUNT ? page : 0];
    /* The page turned helps a chart whose shape is the other way. */
    rg_page_fit turned;
    rg_page__fit(&turned, g, page, !landscape, 72);
    char other[96] = "";
    if (turned.scale > f->scale * 1.05)
        snprintf(other, sizeof(other), " or %s (%.1f pt)",
                 landscape ? "a portrait page (no --landscape)"
                           : "--landscape", text * turned.scale);
    rg_buf__printf(out, "the smallest text prints at %.1f pt on %s%s (the "
                        "chart at %.0f%% of its size; under %.0f pt is hard "
                        "to read); %s (--focus ACTOR)%s reads better\n",
                   smallest, p->shown, landscape ? " landscape" : "",
                   f->scale * 100, RG_PAGE_MIN_TEXT,
                   is_view ? "a view of fewer actors" : "a focused view",
                   other);
}
