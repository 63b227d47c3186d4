/* Built-in kinds and status styles.
 *
 * Fills come from Paul Tol's "light" scheme, which stays distinguishable
 * for the common forms of colour blindness and keeps black text readable;
 * every kind also has its own shape, so nothing depends on colour alone.
 * Statuses differ by line style, weight and arrowhead, and carry a text
 * marker, so they survive grayscale print. */
#include "style.h"

#include <string.h>

typedef struct builtin {
    const char *name, *label, *shape, *style, *fill, *color;
} builtin;

static const builtin builtins[] = {
    {"person", "person", "ellipse", "filled", "#77AADD", "#33608C"},
    {"organization", "organization", "box", "filled,rounded", "#99DDFF",
     "#3A7C96"},
    {"company", "company", "component", "filled", "#44BB99", "#1F6E58"},
    {"agency", "government agency", "box3d", "filled", "#EEDD88",
     "#8C7A26"},
    {"state", "state", "doubleoctagon", "filled", "#FFAABB", "#A34D5E"},
    {"group", "hacker group", "hexagon", "filled", "#EE8866", "#A14B2B"},
    {"event", "event", "octagon", "filled", "#BBCC33", "#66701A"},
    {"document", "document", "note", "filled", "#F4F4EC", "#777766"},
    {"system", "system or data", "cylinder", "filled", "#DDDDDD", "#666666"},
    {"location", "location", "house", "filled", "#FFFFFF", "#666666"},
    {"other", "other", "parallelogram", "filled,dashed", "#F7F7F7",
     "#888888"},
};

#define N_BUILTINS (sizeof(builtins) / sizeof(builtins[0]))

size_t rg_style__builtin_count(void)
{
    return N_BUILTINS;
}

const char *rg_style__builtin_name(size_t i)
{
    return builtins[i].name;
}

bool rg_kind_is_builtin(const char *kind)
{
    for (size_t i = 0; i < N_BUILTINS; i++)
        if (strcmp(builtins[i].name, kind) == 0)
            return true;
    return false;
}

void rg_style__kind(const rg_doc *doc, const char *kind, rg_kind_look *out)
{
    const builtin *b = &builtins[N_BUILTINS - 1]; /* other */
    for (size_t i = 0; i < N_BUILTINS; i++)
        if (strcmp(builtins[i].name, kind) == 0)
            b = &builtins[i];
    *out = (rg_kind_look){kind, b->label, b->shape, b->style, b->fill,
                          b->color, NULL, NULL};
    if (!rg_kind_is_builtin(kind))
        out->label = kind;
    for (size_t i = 0; i < doc->n_kinds; i++) {
        const rg_style *s = &doc->kinds[i];
        if (strcmp(s->name, kind) != 0)
            continue;
        if (s->label) out->label = s->label;
        if (s->shape) out->shape = s->shape;
        if (s->style) out->style = s->style;
        if (s->fill) out->fill = s->fill;
        if (s->color) out->color = s->color;
        if (s->fontcolor) out->fontcolor = s->fontcolor;
        out->attrs = &s->attrs;
    }
}

static const rg_status_look statuses[RG_STATUS_COUNT] = {
    /* confirmed: established; the heaviest line */
    {"solid", "#1a1a1a", "2.4", "normal", "#1a1a1a", NULL,
     "confirmed"},
    /* reported: what a named source reports */
    {"solid", "#555555", "1.2", "normal", "#333333", NULL, "reported"},
    /* alleged: claimed, not established */
    {"dashed", "#0072B2", "1.6", "empty", "#005A8C", "alleged",
     "alleged"},
    /* disputed: one side claims, another contests; the warning colour */
    {"dashed", "#D55E00", "2.6", "normal", "#A34400", "disputed",
     "disputed"},
    /* denied: a party denies it */
    {"dotted", "#777777", "2.0", "tee", "#555555", "denied", "denied"},
};

const rg_status_look *rg_style__status(rg_status status)
{
    return &statuses[(unsigned)status < RG_STATUS_COUNT ? status
                                                        : RG_STATUS_REPORTED];
}

const rg_style *rg_style__link_kind(const rg_doc *doc, const char *kind)
{
    if (kind == NULL)
        return NULL;
    for (size_t i = 0; i < doc->n_link_kinds; i++)
        if (strcmp(doc->link_kinds[i].name, kind) == 0)
            return &doc->link_kinds[i];
    return NULL;
}
