/* The allow-list of raw Graphviz attributes (gvattrs.def) and the checks
 * of their values. A value that passes is plain: a colour, a number, a
 * word of a list, a font family of letters and a few punctuation marks;
 * nothing that Graphviz would read as a file, a URL or markup, and
 * nothing that any output language needs to escape. */
#include "gvattrs.h"

#include "diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef enum gvtype {
    COLOR, COLORLIST, NUMBER, INT, POINT, BOOL, ENUM, STYLE, FONT
} gvtype;

enum { N = RG_GV_NODE, E = RG_GV_EDGE, C = RG_GV_CLUSTER, G = RG_GV_GRAPH };

static const char *const none[] = {NULL};
static const char *const arrows[] = {
    "normal", "inv", "dot", "invdot", "odot", "invodot", "none", "tee",
    "empty", "invempty", "diamond", "odiamond", "ediamond", "crow", "box",
    "obox", "open", "halfopen", "vee", NULL};
static const char *const dirs[] = {"forward", "back", "both", "none", NULL};
static const char *const justs[] = {"l", "r", "c", NULL};
static const char *const locs[] = {"t", "c", "b", NULL};
static const char *const orders[] = {"breadthfirst", "nodesfirst",
                                     "edgesfirst", NULL};
static const char *const overlaps[] = {"true", "false", "scale", "prism",
                                       "compress", "vpsc", NULL};
/* Not "ortho" (asserts in Graphviz 2.43) nor "none" (no links drawn). */
static const char *const splines[] = {"true", "false", "line", "polyline",
                                      "curved", "spline", NULL};
/* Every polygon shape: not record and Mrecord (their labels are a
 * language of their own), nor epsf and custom (they read files). */
static const char *const shapes[] = {
    "box", "polygon", "ellipse", "oval", "circle", "point", "egg",
    "triangle", "plaintext", "plain", "diamond", "trapezium",
    "parallelogram", "house", "pentagon", "hexagon", "septagon", "octagon",
    "doublecircle", "doubleoctagon", "tripleoctagon", "invtriangle",
    "invtrapezium", "invhouse", "Mdiamond", "Msquare", "Mcircle", "rect",
    "rectangle", "square", "star", "none", "underline", "cylinder", "note",
    "tab", "folder", "box3d", "component", "promoter", "cds", "terminator",
    "utr", "primersite", "restrictionsite", "fivepoverhang",
    "threepoverhang", "noverhang", "assembly", "signature", "insulator",
    "ribosite", "rnastab", "proteasesite", "proteinstab", "rpromoter",
    "rarrow", "larrow", "lpromoter", NULL};
/* Not setlinewidth(N), the old spelling of penwidth, unbounded. */
static const char *const styles[] = {
    "solid", "dashed", "dotted", "bold", "rounded", "diagonals", "filled",
    "striped", "wedged", "invis", "radial", "tapered", NULL};

/* Graphviz's X11 names that are also CSS's, plus a few of its own; all
 * known to Graphviz 2.43. Also gray0..gray100 and grey0..grey100. */
static const char *const colors[] = {
    "aliceblue", "antiquewhite", "aqua", "aquamarine", "azure", "beige",
    "bisque", "black", "blanchedalmond", "blue", "blueviolet", "brown",
    "burlywood", "cadetblue", "chartreuse", "chocolate", "coral",
    "cornflowerblue", "cornsilk", "crimson", "cyan", "darkblue", "darkcyan",
    "darkgoldenrod", "darkgray", "darkgreen", "darkgrey", "darkkhaki",
    "darkmagenta", "darkolivegreen", "darkorange", "darkorchid", "darkred",
    "darksalmon", "darkseagreen", "darkslateblue", "darkslategray",
    "darkslategrey", "darkturquoise", "darkviolet", "deeppink",
    "deepskyblue", "dimgray", "dimgrey", "dodgerblue", "firebrick",
    "floralwhite", "forestgreen", "fuchsia", "gainsboro", "ghostwhite",
    "gold", "goldenrod", "gray", "green", "greenyellow", "grey", "honeydew",
    "hotpink", "indianred", "indigo", "ivory", "khaki", "lavender",
    "lavenderblush", "lawngreen", "lemonchiffon", "lightblue", "lightcoral",
    "lightcyan", "lightgoldenrodyellow", "lightgray", "lightgreen",
    "lightgrey", "lightpink", "lightsalmon", "lightseagreen",
    "lightskyblue", "lightslategray", "lightslategrey", "lightsteelblue",
    "lightyellow", "lime", "limegreen", "linen", "magenta", "maroon",
    "mediumaquamarine", "mediumblue", "mediumorchid", "mediumpurple",
    "mediumseagreen", "mediumslateblue", "mediumspringgreen",
    "mediumturquoise", "mediumvioletred", "midnightblue", "mintcream",
    "mistyrose", "moccasin", "navajowhite", "navy", "navyblue", "none",
    "oldlace", "olive", "olivedrab", "orange", "orangered", "orchid",
    "palegoldenrod", "palegreen", "paleturquoise", "palevioletred",
    "papayawhip", "peachpuff", "peru", "pink", "plum", "powderblue",
    "purple", "rebeccapurple", "red", "rosybrown", "royalblue",
    "saddlebrown", "salmon", "sandybrown", "seagreen", "seashell", "sienna",
    "silver", "skyblue", "slateblue", "slategray", "slategrey", "snow",
    "springgreen", "steelblue", "tan", "teal", "thistle", "tomato",
    "transparent", "turquoise", "violet", "wheat", "white", "whitesmoke",
    "yellow", "yellowgreen", NULL};

typedef struct gvattr {
    const char *name;
    int where;  /* 0: refused */
    gvtype type;
    double lo, hi;
    const char *const *list;
    const char *reason;
} gvattr;

static const gvattr table[] = {
#define RG_GVATTR(name, where, type, lo, hi, list) \
    {#name, where, type, lo, hi, list, NULL},
#define RG_GVREFUSED(name, reason) {#name, 0, BOOL, 0, 0, none, reason},
#include "gvattrs.def"
};

#define N_TABLE (sizeof(table) / sizeof(table[0]))

/* The names a document may set somewhere, into names (N_TABLE long). */
static size_t allowed_names(const char **names)
{
    size_t count = 0;
    for (size_t i = 0; i < N_TABLE; i++)
        if (table[i].where != 0)
            names[count++] = table[i].name;
    return count;
}

/* s when it can be quoted in a message as it is: short printable ASCII
 * without quotes or backslashes; else NULL. */
static const char *quotable(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++)
        if (n >= 40 || s[n] < 0x20 || s[n] > 0x7e || s[n] == '"' ||
            s[n] == '\\')
            return NULL;
    return s;
}

static int in_list(const char *s, size_t len, const char *const *list)
{
    for (size_t i = 0; list[i] != NULL; i++)
        if (strlen(list[i]) == len && strncmp(list[i], s, len) == 0)
            return 1;
    return 0;
}

static int is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
           (c >= 'A' && c <= 'F');
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* One colour, s[0..len): #RGB, #RGBA, #RRGGBB, #RRGGBBAA, a name of the list (in any
 * case), or gray/grey followed by 0 to 100. */
static int color_ok(const char *s, size_t len)
{
    if (len > 0 && s[0] == '#') {
        if (len != 4 && len != 5 && len != 7 && len != 9)
            return 0;
        for (size_t i = 1; i < len; i++)
            if (!is_hex(s[i]))
                return 0;
        return 1;
    }
    if (len == 0 || len > 24)
        return 0;
    char low[25];
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        low[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
    }
    low[len] = '\0';
    if (in_list(low, len, colors))
        return 1;
    if (strncmp(low, "gray", 4) == 0 || strncmp(low, "grey", 4) == 0) {
        size_t d = len - 4;
        if (d == 0 || d > 3)
            return 0;
        for (size_t i = 4; i < len; i++)
            if (!is_digit(low[i]))
                return 0;
        return atoi(low + 4) <= 100 && (d == 1 || low[4] != '0');
    }
    return 0;
}

static int colorlist_ok(const char *s)
{
    int n = 0;
    for (;;) {
        size_t len = strcspn(s, ":");
        if (!color_ok(s, len) || ++n > 4)
            return 0;
        if (s[len] == '\0')
            return 1;
        s += len + 1;
    }
}

/* A decimal number, [+-]digits[.digits][e[+-]digits], in [lo, hi]; *end
 * is where it stops. */
static int number_at(const char *s, const char **end, double lo, double hi,
                     int integer)
{
    const char *p = s;
    if (*p == '+' || *p == '-')
        p++;
    int digits = 0;
    while (is_digit(*p))
        p++, digits++;
    if (!integer && *p == '.') {
        p++;
        while (is_digit(*p))
            p++, digits++;
    }
    if (digits == 0 || digits > 20)
        return 0;
    if (!integer && (*p == 'e' || *p == 'E')) {
        p++;
        if (*p == '+' || *p == '-')
            p++;
        int ed = 0;
        while (is_digit(*p))
            p++, ed++;
        if (ed == 0 || ed > 3)
            return 0;
    }
    char tmp[48];
    size_t n = (size_t)(p - s);
    if (n >= sizeof(tmp))
        return 0;
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    double v = strtod(tmp, NULL);
    *end = p;
    return v >= lo && v <= hi;
}

static int number_ok(const char *s, double lo, double hi, int integer)
{
    const char *end;
    return number_at(s, &end, lo, hi, integer) && *end == '\0';
}

static int point_ok(const char *s, double lo, double hi)
{
    const char *end;
    if (!number_at(s, &end, lo, hi, 0))
        return 0;
    if (*end == '\0')
        return 1;
    if (*end != ',')
        return 0;
    return number_ok(end + 1, lo, hi, 0);
}

static int words_ok(const char *s, const char *const *list)
{
    for (;;) {
        size_t len = strcspn(s, ",");
        if (!in_list(s, len, list))
            return 0;
        if (s[len] == '\0')
            return 1;
        s += len + 1;
    }
}

static int font_ok(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 64)
        return 0;
    for (; *s; s++) {
        char c = *s;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              is_digit(c) || c == ' ' || c == '-' || c == '_' || c == ',' ||
              c == '.'))
            return 0;
    }
    return 1;
}

/* Formats a number of the table for a message: "0.02", "72". */
static void num(char *b, size_t n, double v)
{
    snprintf(b, n, "%g", v);
}

/* The message for a word that is not in `list`, with the closest word. */
static const char *bad_word(const char *what, const char *value,
                            const char *const *list, char *buf, size_t n)
{
    size_t k = 0;
    while (list[k] != NULL)
        k++;
    const char *q = quotable(value);
    const char *best = q ? rg_suggest__best(value, list, k) : NULL;
    size_t used = (size_t)snprintf(buf, n, "unknown %s%s%s%s", what,
                                   q ? " \"" : "", q ? q : "", q ? "\"" : "");
    if (used >= n)
        return buf;
    if (best != NULL) {
        snprintf(buf + used, n - used, "; did you mean \"%s\"?", best);
    } else if (k <= 12) {
        used += (size_t)snprintf(buf + used, n - used, "; expected one of ");
        for (size_t i = 0; i < k && used < n; i++)
            used += (size_t)snprintf(buf + used, n - used, "%s%s",
                                     i ? ", " : "", list[i]);
    } else {
        snprintf(buf + used, n - used, "; see the list in graphs/README.md, "
                 "\"Raw Graphviz attributes\"");
    }
    return buf;
}

static const char *check_value(const gvattr *a, const char *v, char *buf,
                               size_t n)
{
    char lo[32], hi[32];
    num(lo, sizeof(lo), a->lo);
    num(hi, sizeof(hi), a->hi);
    switch (a->type) {
    case COLOR:
    case COLORLIST:
        if (a->type == COLOR ? color_ok(v, strlen(v)) : colorlist_ok(v))
            return NULL;
        if (a->type == COLOR && strchr(v, ':') != NULL) {
            snprintf(buf, n, "\"%s\" takes one colour, not a list", a->name);
            return buf;
        }
        if (a->type == COLORLIST && strchr(v, ':') != NULL) {
            snprintf(buf, n, "\"%s\" takes up to four colours joined by "
                     "':', each #RRGGBB, #RRGGBBAA or a name", a->name);
            return buf;
        }
        return rg_gvattrs__check_color(v, buf, n);
    case NUMBER:
        if (number_ok(v, a->lo, a->hi, 0))
            return NULL;
        snprintf(buf, n, "\"%s\" must be a number from %s to %s", a->name,
                 lo, hi);
        return buf;
    case INT:
        if (number_ok(v, a->lo, a->hi, 1))
            return NULL;
        snprintf(buf, n, "\"%s\" must be a whole number from %s to %s",
                 a->name, lo, hi);
        return buf;
    case POINT:
        if (point_ok(v, a->lo, a->hi))
            return NULL;
        snprintf(buf, n, "\"%s\" must be a number or two (\"x,y\"), each "
                 "from %s to %s", a->name, lo, hi);
        return buf;
    case BOOL:
        if (in_list(v, strlen(v), (const char *const[]){"true", "false",
                                                        "yes", "no", NULL}))
            return NULL;
        snprintf(buf, n, "\"%s\" must be true or false", a->name);
        return buf;
    case ENUM:
        if (in_list(v, strlen(v), a->list))
            return NULL;
        return bad_word(a->name, v, a->list, buf, n);
    case STYLE:
        return rg_gvattrs__check_style(v, buf, n);
    case FONT:
        if (font_ok(v))
            return NULL;
        snprintf(buf, n, "\"%s\" must be a font family list: letters, "
                 "digits, spaces and - _ , . (at most 64)", a->name);
        return buf;
    }
    return NULL;
}

static const char *where_name(int where)
{
    switch (where) {
    case RG_GV_NODE: return "actors and kinds";
    case RG_GV_EDGE: return "links and link kinds";
    case RG_GV_CLUSTER: return "groups";
    default: return "the layout";
    }
}

/* "groups and the layout": the places of a mask. */
static void places(char *b, size_t n, int mask)
{
    static const int bits[] = {RG_GV_NODE, RG_GV_EDGE, RG_GV_CLUSTER,
                               RG_GV_GRAPH};
    int total = 0, done = 0;
    for (int i = 0; i < 4; i++)
        total += (mask & bits[i]) != 0;
    b[0] = '\0';
    for (int i = 0; i < 4; i++) {
        if (!(mask & bits[i]))
            continue;
        size_t used = strlen(b);
        snprintf(b + used, n - used, "%s%s",
                 done == 0 ? "" : done == total - 1 ? " and " : ", ",
                 where_name(bits[i]));
        done++;
    }
}

static const gvattr *find(const char *name)
{
    for (size_t i = 0; i < N_TABLE; i++)
        if (strcmp(table[i].name, name) == 0)
            return &table[i];
    return NULL;
}

int rg_gvattrs__allowed(const char *name, int where)
{
    const gvattr *a = find(name);
    return a != NULL && (a->where & where) != 0;
}

const char *rg_gvattrs__check(const char *name, const char *value, int where,
                              char *buf, size_t n, const char **suggestion)
{
    if (suggestion != NULL)
        *suggestion = NULL;
    const gvattr *a = find(name);
    const char *q = quotable(name);
    if (a == NULL) {
        const char *names[N_TABLE];
        size_t k = allowed_names(names);
        const char *best = q ? rg_suggest__best(name, names, k) : NULL;
        if (suggestion != NULL)
            *suggestion = best;
        if (best != NULL)
            snprintf(buf, n, "unknown Graphviz attribute \"%s\"; did you "
                     "mean \"%s\"?", q, best);
        else
            snprintf(buf, n, "unknown Graphviz attribute%s%s%s; relgraph "
                     "takes those listed in graphs/README.md, \"Raw "
                     "Graphviz attributes\"", q ? " \"" : "", q ? q : "",
                     q ? "\"" : "");
        return buf;
    }
    if (a->where == 0) {
        snprintf(buf, n, "attribute \"%s\" is not allowed: %s", a->name,
                 a->reason);
        return buf;
    }
    if (!(a->where & where)) {
        char p[96];
        places(p, sizeof(p), a->where);
        snprintf(buf, n, "attribute \"%s\" is not allowed on %s; set it on "
                 "%s", a->name, where_name(where), p);
        return buf;
    }
    return check_value(a, value, buf, n);
}

const char *rg_gvattrs__check_color(const char *value, char *buf, size_t n)
{
    if (color_ok(value, strlen(value)))
        return NULL;
    const char *q = quotable(value);
    const char *best = NULL;
    if (q != NULL && q[0] != '#') {
        size_t k = 0;
        while (colors[k] != NULL)
            k++;
        best = rg_suggest__best(q, colors, k);
    }
    if (best != NULL)
        snprintf(buf, n, "unknown colour \"%s\"; did you mean \"%s\"?", q,
                 best);
    else if (value[0] == '#')
        snprintf(buf, n, "not a colour; write #RRGGBB (or #RGB, #RRGGBBAA, "
                 "#RGBA) with hexadecimal digits");
    else
        snprintf(buf, n, "not a colour; write #RRGGBB (or #RGB, #RRGGBBAA, "
                 "#RGBA) or a colour name such as \"navy\"");
    return buf;
}

const char *rg_gvattrs__check_shape(const char *value, char *buf, size_t n)
{
    if (in_list(value, strlen(value), shapes))
        return NULL;
    return bad_word("shape", value, shapes, buf, n);
}

const char *rg_gvattrs__check_style(const char *value, char *buf, size_t n)
{
    if (words_ok(value, styles))
        return NULL;
    /* Name the first word that is wrong. */
    const char *s = value;
    for (;;) {
        size_t len = strcspn(s, ",");
        if (!in_list(s, len, styles)) {
            char word[48];
            if (len >= sizeof(word))
                len = sizeof(word) - 1;
            memcpy(word, s, len);
            word[len] = '\0';
            return bad_word("style", word, styles, buf, n);
        }
        if (s[len] == '\0')
            break;
        s += len + 1;
    }
    return bad_word("style", value, styles, buf, n);
}

const char *rg_gvattrs__long_hex(const char *value, char *buf, size_t n)
{
    /* Graphviz 2.43 knows only the long forms: "#abc" would be black. */
    size_t used = 0;
    int changed = 0;
    const char *s = value;
    for (;;) {
        size_t len = strcspn(s, ":");
        int shorthex = (len == 4 || len == 5) && s[0] == '#';
        for (size_t i = 1; shorthex && i < len; i++)
            shorthex = is_hex(s[i]);
        size_t need = shorthex ? 2 * len - 1 : len;
        if (used + need + 2 > n)
            return value;
        if (shorthex) {
            buf[used++] = '#';
            for (size_t i = 1; i < len; i++) {
                buf[used++] = s[i];
                buf[used++] = s[i];
            }
            changed = 1;
        } else {
            memcpy(buf + used, s, len);
            used += len;
        }
        if (s[len] == '\0')
            break;
        buf[used++] = ':';
        s += len + 1;
    }
    buf[used] = '\0';
    return changed ? buf : value;
}
