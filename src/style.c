/* Built-in kinds and status styles.
 *
 * Fills come from Paul Tol's "light" scheme, which stays distinguishable
 * for the common forms of colour blindness and keeps black text readable;
 * every kind also has its own shape, so nothing depends on colour alone.
 * Statuses differ by line style, weight and arrowhead, and carry a text
 * marker, so they survive grayscale print. */
#include "style.h"

#include "docfmt.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct builtin {
    const char *name, *label, *shape, *style, *fill, *color;
} builtin;

/* The built-in kinds are the format's (docfmt.def), with their looks. */
#define RG_FMT_BUILTIN_KIND(name, label, shape, style, fill, color)       \
    {name, label, shape, style, fill, color},
static const builtin builtins[] = {
#include "docfmt.def"
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

/* ---- themes ---- */

const char *rg_theme_name(rg_theme theme)
{
    return (unsigned)theme < RG_THEME_COUNT ? rg_docfmt__themes[theme]
                                            : "light";
}

int rg_theme_parse(rg_theme *out, const char *name)
{
    for (int i = 0; i < RG_THEME_COUNT; i++) {
        if (strcmp(name, rg_docfmt__themes[i]) == 0) {
            *out = (rg_theme)i;
            return 0;
        }
    }
    return -1;
}

static const rg_palette palettes[RG_THEME_COUNT] = {
    {"white", "#1a1a1a", "#555555", {"#F4F6F8", "#E9EDF1", "#DEE4EA"},
     "#8A96A3", "#33404D", "#333333"},
    {"#15181C", "#ECEFF2", "#A9B3BD", {"#21262C", "#2A3037", "#333A42"},
     "#6E7B88", "#C9D2DB", "#D0D5DA"},
    {"white", "#000000", "#444444", {"#F6F6F6", "#ECECEC", "#E2E2E2"},
     "#7A7A7A", "#222222", "#222222"},
};

const rg_palette *rg_style__palette(rg_theme theme)
{
    return &palettes[(unsigned)theme < RG_THEME_COUNT ? theme : 0];
}

/* Parses "#RRGGBB" (or "#RRGGBBAA", alpha ignored). */
static int parse_hex(const char *c, unsigned rgb[3])
{
    size_t n = c ? strlen(c) : 0;
    if ((n != 7 && n != 9) || c[0] != '#')
        return -1;
    for (size_t i = 1; i < n; i++)
        if (!isxdigit((unsigned char)c[i]))
            return -1;
    for (int i = 0; i < 3; i++) {
        char h[3] = {c[1 + 2 * i], c[2 + 2 * i], '\0'};
        rgb[i] = (unsigned)strtoul(h, NULL, 16);
    }
    return 0;
}

/* Relative lightness, 0 to 255 (Rec. 709 weights on the sRGB values:
 * close enough to tell dark from light and to order greys). */
static unsigned lightness(const unsigned rgb[3])
{
    return (2126 * rgb[0] + 7152 * rgb[1] + 722 * rgb[2]) / 10000;
}

const char *rg_style__color(const char *color, rg_theme theme, char buf[8])
{
    unsigned rgb[3];
    if (theme != RG_THEME_MONO || parse_hex(color, rgb) != 0)
        return color;
    unsigned l = lightness(rgb) & 0xFFu;
    snprintf(buf, 8, "#%02X%02X%02X", l, l, l);
    return buf;
}

const char *rg_style__faded(const char *color, rg_theme theme,
                            unsigned percent, char buf[8])
{
    unsigned rgb[3], page[3];
    const rg_palette *pal = rg_style__palette(theme);
    if (parse_hex(color, rgb) != 0)
        return pal->muted;
    if (parse_hex(pal->bg, page) != 0)
        page[0] = page[1] = page[2] = 0xFF; /* "white" */
    unsigned c[3];
    for (int i = 0; i < 3; i++)
        c[i] = (rgb[i] * (100 - percent) + page[i] * percent) / 100 & 0xFFu;
    snprintf(buf, 8, "#%02X%02X%02X", c[0], c[1], c[2]);
    return buf;
}

/* A fill of the light palette as the theme shows it. Mono keeps light
 * fills light (black text stays readable) and their order of lightness;
 * dark keeps the hue at 42% of its value. */
static const char *theme_fill(const char *fill, rg_theme theme, char buf[8])
{
    unsigned rgb[3];
    if (theme == RG_THEME_LIGHT || parse_hex(fill, rgb) != 0)
        return fill;
    if (theme == RG_THEME_MONO) {
        unsigned l = (0xC4 + lightness(rgb) * (0xFF - 0xC4) / 255) & 0xFFu;
        snprintf(buf, 8, "#%02X%02X%02X", l, l, l);
    } else {
        snprintf(buf, 8, "#%02X%02X%02X", (rgb[0] * 42 / 100) & 0xFFu,
                 (rgb[1] * 42 / 100) & 0xFFu, (rgb[2] * 42 / 100) & 0xFFu);
    }
    return buf;
}

void rg_style__kind(const rg_doc *doc, const char *kind, rg_theme theme,
                    rg_kind_look *out)
{
    const builtin *b = NULL;
    for (size_t i = 0; i < N_BUILTINS && b == NULL; i++)
        if (strcmp(builtins[i].name, kind) == 0)
            b = &builtins[i];
    memset(out, 0, sizeof(*out));
    out->name = kind;
    /* A kind of the document's own looks like "other", under its name. */
    out->label = b != NULL ? b->label : kind;
    if (b == NULL)
        b = &builtins[N_BUILTINS - 1];
    out->shape = b->shape;
    out->style = b->style;
    /* The built-in colours, in the theme: in dark, the light fill draws
     * the border of a dark fill. */
    out->fill = theme_fill(b->fill, theme, out->buf[0]);
    out->color = theme == RG_THEME_DARK ? b->fill
                 : theme == RG_THEME_MONO ? "#333333" : b->color;
    const char *user_fill = NULL, *user_color = NULL, *user_font = NULL;
    for (size_t i = 0; i < doc->n_kinds; i++) {
        const rg_style *s = &doc->kinds[i];
        if (strcmp(s->name, kind) != 0)
            continue;
        if (s->label) out->label = s->label;
        if (s->shape) out->shape = s->shape;
        if (s->style) out->style = s->style;
        if (s->fill) user_fill = s->fill;
        if (s->color) user_color = s->color;
        if (s->fontcolor) user_font = s->fontcolor;
        out->attrs = &s->attrs;
    }
    /* The document's own colours are kept, but for mono's greys. */
    if (user_fill)
        out->fill = rg_style__color(user_fill, theme, out->buf[0]);
    if (user_color)
        out->color = rg_style__color(user_color, theme, out->buf[1]);
    unsigned rgb[3];
    if (user_font) {
        out->fontcolor = rg_style__color(user_font, theme, out->buf[2]);
    } else if (parse_hex(out->fill, rgb) == 0) {
        out->fontcolor = lightness(rgb) >= 128
                             ? rg_style__palette(RG_THEME_LIGHT)->ink
                             : rg_style__palette(RG_THEME_DARK)->ink;
    } else {
        out->fontcolor = rg_style__palette(theme)->ink;
    }
}

const char *rg_style__shape_glyph(const char *shape, int rounded)
{
    static const struct { const char *shape, *glyph; } glyphs[] = {
        {"box", "\xe2\x96\xad"},            /* U+25AD white rectangle */
        {"rect", "\xe2\x96\xad"},
        {"rectangle", "\xe2\x96\xad"},
        {"square", "\xe2\x96\xa1"},         /* U+25A1 white square */
        {"ellipse", "\xe2\xac\xad"},        /* U+2B2D white ellipse */
        {"oval", "\xe2\xac\xad"},
        {"circle", "\xe2\x97\xaf"},        /* U+25EF large circle */
        {"octagon", "\xe2\xaf\x83"},        /* U+2BC3 black octagon */
        {"component", "\xe2\x97\xab"},      /* U+25EB square, a bar */
        {"box3d", "\xe2\x9d\x92"},          /* U+2752 shadowed square */
        {"doubleoctagon", "\xe2\x97\x8e"},  /* U+25CE bullseye */
        {"doublecircle", "\xe2\x97\x8e"},
        {"hexagon", "\xe2\xac\xa1"},        /* U+2B21 white hexagon */
        {"note", "\xe2\x96\xa4"},           /* U+25A4 lined square */
        {"cylinder", "\xe2\x9b\x81"},       /* U+26C1 stacked discs */
        {"house", "\xe2\x8c\x82"},          /* U+2302 house */
        {"parallelogram", "\xe2\x96\xb1"},  /* U+25B1 parallelogram */
        {"diamond", "\xe2\x97\x87"},        /* U+25C7 white diamond */
        {"Mdiamond", "\xe2\x97\x88"},       /* U+25C8 diamond in diamond */
        {"trapezium", "\xe2\x8f\xa2"},      /* U+23E2 white trapezium */
        {"invtrapezium", "\xe2\x96\xbd"},   /* U+25BD white down triangle */
        {"pentagon", "\xe2\xac\xa0"},       /* U+2B20 white pentagon */
        {"cds", "\xe2\xad\x94"},            /* U+2B54 white right pentagon */
        {"tab", "\xf0\x9f\x97\x80"},        /* U+1F5C0 folder */
        {"egg", "\xe2\xac\xaf"},            /* U+2B2F white vertical ellipse */
    };
    if (shape == NULL)
        shape = "ellipse"; /* Graphviz's default */
    if (rounded && strcmp(shape, "box") == 0)
        return "\xe2\x96\xa2";                /* U+25A2 rounded square */
    for (size_t i = 0; i < sizeof(glyphs) / sizeof(glyphs[0]); i++)
        if (strcmp(glyphs[i].shape, shape) == 0)
            return glyphs[i].glyph;
    return NULL;
}

static const rg_status_look statuses[RG_THEME_COUNT][RG_STATUS_COUNT] = {
    {
        /* confirmed: established; the heaviest line */
        {"solid", "#1a1a1a", "2.4", "normal", "#1a1a1a", NULL, "confirmed"},
        /* reported: what a named source reports */
        {"solid", "#555555", "1.2", "normal", "#333333", NULL, "reported"},
        /* alleged: claimed, not established */
        {"dashed", "#0072B2", "1.6", "empty", "#005A8C", "alleged",
         "alleged"},
        /* disputed: one side claims, another contests; the warning
         * colour */
        {"dashed", "#D55E00", "2.6", "normal", "#A34400", "disputed",
         "disputed"},
        /* denied: a party denies it */
        {"dotted", "#777777", "2.0", "tee", "#555555", "denied", "denied"},
    },
    {
        /* dark: the same styles, in colours that stand out on black */
        {"solid", "#ECEFF2", "2.4", "normal", "#ECEFF2", NULL, "confirmed"},
        {"solid", "#9AA4AE", "1.2", "normal", "#C3CAD1", NULL, "reported"},
        {"dashed", "#56B4E9", "1.6", "empty", "#8ACDF2", "alleged",
         "alleged"},
        {"dashed", "#F0A040", "2.6", "normal", "#F5BB70", "disputed",
         "disputed"},
        {"dotted", "#9AA4AE", "2.0", "tee", "#B5BDC5", "denied", "denied"},
    },
    {
        /* mono: line style, weight, arrowhead and the marker carry it */
        {"solid", "#000000", "2.4", "normal", "#000000", NULL, "confirmed"},
        {"solid", "#555555", "1.2", "normal", "#333333", NULL, "reported"},
        {"dashed", "#333333", "1.4", "empty", "#222222", "alleged",
         "alleged"},
        {"dashed", "#000000", "2.8", "normal", "#000000", "disputed",
         "disputed"},
        {"dotted", "#555555", "2.0", "tee", "#333333", "denied", "denied"},
    },
};

const rg_status_look *rg_style__status(rg_status status, rg_theme theme)
{
    if ((unsigned)status >= RG_STATUS_COUNT)
        status = RG_STATUS_REPORTED;
    return &statuses[(unsigned)theme < RG_THEME_COUNT ? theme : 0][status];
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
