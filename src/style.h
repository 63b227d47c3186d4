/* How meaning becomes appearance: the built-in kinds, the status line
 * styles, the palette and the fonts. Plain data; no Graphviz here. */
#ifndef RG_STYLE_H
#define RG_STYLE_H

#include "model.h"

/* The colours of a theme that are not a kind's or a status's. */
typedef struct rg_palette {
    const char *bg;               /* the page */
    const char *ink;              /* text */
    const char *muted;            /* notes, legend headings, markers */
    const char *cluster_fill[3];  /* by nesting depth */
    const char *cluster_line;
    const char *cluster_ink;
    const char *link_ink;         /* link labels without a status colour */
} rg_palette;

const rg_palette *rg_style__palette(rg_theme theme);

/* The look of an actor kind (built-in, possibly overridden by the
 * document's "kinds"), in a theme. Any field may be NULL: Graphviz's
 * default. Colours the theme derives are kept in the struct itself. */
typedef struct rg_kind_look {
    const char *name;
    const char *label;     /* legend text */
    const char *shape;
    const char *style;     /* Graphviz style list, e.g. "filled,rounded" */
    const char *fill;
    const char *color;     /* border */
    const char *fontcolor;
    const rg_attrs *attrs; /* the document's raw attributes, or NULL */
    char buf[3][8];        /* "#RRGGBB" colours made for the theme */
} rg_kind_look;

/* The look of a link status. */
typedef struct rg_status_look {
    const char *style;     /* solid, dashed, dotted */
    const char *color;
    const char *penwidth;
    const char *arrowhead;
    const char *fontcolor;
    const char *marker;    /* shown under the label in italics, e.g. "alleged"; or NULL */
    const char *legend;    /* legend text */
} rg_status_look;

size_t rg_style__builtin_count(void);
const char *rg_style__builtin_name(size_t i);

/* The look of an actor kind in a document and theme: the built-in look
 * with the document's overrides applied. In the dark theme, fills are
 * darkened and borders take the light fill; in mono, "#RRGGBB" colours
 * become greys of the same lightness. Text gets the ink that contrasts
 * with the fill unless the document sets it. */
void rg_style__kind(const rg_doc *doc, const char *kind, rg_theme theme,
                    rg_kind_look *out);

const rg_status_look *rg_style__status(rg_status status, rg_theme theme);

/* The document's style of a link kind, or NULL. */
const rg_style *rg_style__link_kind(const rg_doc *doc, const char *kind);

/* A "#RRGGBB" colour as the theme shows it (a grey in mono), into buf;
 * other colours, and every colour of the other themes, as they are. */
const char *rg_style__color(const char *color, rg_theme theme, char buf[8]);

/* A "#RRGGBB" colour faded `percent` of the way towards the theme's
 * page, into buf: what a --fade view draws outside its dates. Other
 * colours give the theme's muted ink. */
const char *rg_style__faded(const char *color, rg_theme theme,
                            unsigned percent, char buf[8]);

/* A character that draws an actor's shape in the legend's swatch, as
 * UTF-8, or NULL for a shape no character of DejaVu Sans (which the setup
 * installs: fonts-dejavu-core) draws: box, rounded box, box3d, hexagon,
 * house, parallelogram and cylinder are drawn as they are, ellipse as a
 * circle, component as a square with a bar, note as a lined square and
 * doubleoctagon as a double ring; octagon has none. `rounded` is whether
 * the style list rounds the corners. */
const char *rg_style__shape_glyph(const char *shape, int rounded);

#define RG_GLYPH_FONT "DejaVu Sans"

/* Fonts: a CSS-style family list; pango measures with the first family
 * fontconfig has (Liberation Sans stands in for Helvetica and Arial with
 * the same metrics), and browsers draw the SVG with the same list. */
#define RG_FONT "Helvetica,Arial,sans-serif"

#endif
