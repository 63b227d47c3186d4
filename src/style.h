/* How meaning becomes appearance: the built-in kinds, the status line
 * styles, the palette and the fonts. Plain data; no Graphviz here. */
#ifndef RG_STYLE_H
#define RG_STYLE_H

#include "model.h"

/* The look of an actor kind (built-in, possibly overridden by the
 * document's "kinds"). Any field may be NULL: Graphviz's default. */
typedef struct rg_kind_look {
    const char *name;
    const char *label;     /* legend text */
    const char *shape;
    const char *style;     /* Graphviz style list, e.g. "filled,rounded" */
    const char *fill;
    const char *color;     /* border */
    const char *fontcolor;
    const rg_attrs *attrs; /* the document's raw attributes, or NULL */
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

/* The look of an actor kind in a document: the built-in look with the
 * document's overrides applied. */
void rg_style__kind(const rg_doc *doc, const char *kind, rg_kind_look *out);

const rg_status_look *rg_style__status(rg_status status);

/* The document's style of a link kind, or NULL. */
const rg_style *rg_style__link_kind(const rg_doc *doc, const char *kind);

/* Fonts: a CSS-style family list; pango measures with the first family
 * fontconfig has (Liberation Sans stands in for Helvetica and Arial with
 * the same metrics), and browsers draw the SVG with the same list. */
#define RG_FONT "Helvetica,Arial,sans-serif"
#define RG_INK "#1a1a1a"
#define RG_MUTED "#555555"

#endif
