/* SVG post-processing. Graphviz 2.43 writes its SVG one element to a
 * line (an opening <svg> tag, the DOCTYPE and comments may take two), in
 * a fixed order: prologue, comments, <svg>, the root group with its
 * <title> and background, the graph label (our title and legend), then
 * clusters, edges and nodes, each a <g> with a <title>. The rewrite
 * walks those lines once. */
#include "svg.h"

#include "escape.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int starts(const char *line, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    return n >= k && memcmp(line, prefix, k) == 0;
}

static const char *find(const char *s, size_t n, const char *what)
{
    size_t k = strlen(what);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(s + i, what, k) == 0)
            return s + i;
    return NULL;
}

/* Whether s[i] stands inside a tag (after a '<' with no '>' since) rather
 * than in text, which is the document's: a name "url(#x)" is drawn as
 * written. A line that shows neither is taken for the inside of a tag. */
static int in_tag(const char *s, size_t i)
{
    while (i-- > 0)
        if (s[i] == '<' || s[i] == '>')
            return s[i] == '<';
    return 1;
}

/* Whether the '(' at s[i] opens a paint that names a gradient or a clip
 * path, fill="url(#l_1)" or clip-path="url(#...)": never a tooltip whose
 * text begins so (xlink:title="url(#x)"). */
static int paint_ref(const char *s, size_t i)
{
    static const char *const names[] = {" fill", " stroke", " clip-path"};
    if (i < 5 || memcmp(s + i - 5, "=\"url", 5) != 0)
        return 0;
    for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
        size_t len = strlen(names[k]);
        if (i >= 5 + len && memcmp(s + i - 5 - len, names[k], len) == 0)
            return 1;
    }
    return 0;
}

/* Copies one line, prefixing ids and references to ids, and replacing
 * "transparent" (not an SVG 1.1 colour) with "none". Every place to
 * change holds a '=' (id="", ="transparent") or a '(' (="url(#), so the
 * text between them is copied in one piece. Only tags are changed, never
 * the text between them. A link's href="#..." is left alone: in the
 * chart it is always a document's own url (a fragment of the page the
 * chart is shown in), never one of the chart's ids. */
static void copy_line(rg_buf *out, const char *s, size_t n, const char *p)
{
    static const char transparent[] = "=\"transparent\"";
    size_t k = sizeof(transparent) - 1;
    size_t i = 0, from = 0;
    const char *eq = NULL, *par = NULL; /* the next '=' and '(' from i */
    while (i < n) {
        if (eq == NULL || eq < s + i)
            eq = memchr(s + i, '=', n - i);
        if (par != s + n && (par == NULL || par < s + i)) {
            par = memchr(s + i, '(', n - i);
            if (par == NULL)
                par = s + n; /* none left in the line */
        }
        const char *next = eq != NULL && eq < par ? eq : par;
        if (next == s + n)
            break;
        i = (size_t)(next - s);
        const char *ref = NULL; /* the end of a reference's opening */
        if (!in_tag(s, i)) {
            i++;
            continue;
        }
        if (s[i] == '=' && i + 1 < n && s[i + 1] == '"') {
            if (i >= 3 && memcmp(s + i - 3, " id", 3) == 0)
                ref = s + i + 2;
            else if (i + k <= n && memcmp(s + i, transparent, k) == 0) {
                rg_buf__putn(out, s + from, i - from);
                rg_buf__puts(out, "=\"none\"");
                i = from = i + k;
                continue;
            }
        } else if (s[i] == '(' && i + 1 < n && s[i + 1] == '#' &&
                   paint_ref(s, i)) {
            ref = s + i + 2;
        }
        if (ref == NULL) {
            i++;
            continue;
        }
        size_t end = (size_t)(ref - s);
        rg_buf__putn(out, s + from, end - from);
        rg_buf__puts(out, p);
        i = from = end;
    }
    rg_buf__putn(out, s + from, n - from);
}

/* The value of attribute `name` in a tag, or NULL; its length in *len. */
static const char *attr(const char *s, size_t n, const char *name,
                        size_t *len)
{
    char pat[32];
    snprintf(pat, sizeof(pat), " %s=\"", name);
    const char *a = find(s, n, pat);
    if (a == NULL)
        return NULL;
    a += strlen(pat);
    const char *e = memchr(a, '"', (size_t)(s + n - a));
    if (e == NULL)
        return NULL;
    *len = (size_t)(e - a);
    return a;
}

static int cmp_title(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const rg_svg_title *)elem)->id);
}

static const char *title_of(const rg_svg_opts *o, const char *id, size_t n)
{
    char key[512];
    size_t k = 0;
    if (n >= sizeof(key) || o->titles == NULL)
        return NULL;
    /* Graphviz writes '-' in ids as "&#45;". */
    for (size_t i = 0; i < n; i++) {
        if (i + 5 <= n && memcmp(id + i, "&#45;", 5) == 0) {
            key[k++] = '-';
            i += 4;
        } else {
            key[k++] = id[i];
        }
    }
    key[k] = '\0';
    const rg_svg_title *t = bsearch(key, o->titles, o->n_titles,
                                    sizeof(*t), cmp_title);
    return t ? t->title : NULL;
}

/* The root <svg> tag (s, n: the whole tag, possibly two lines). */
static void root_tag(rg_buf *out, const char *s, size_t n,
                     const rg_svg_opts *o)
{
    const char *end = s + n;
    while (end > s && end[-1] != '>')
        end--;
    if (end > s)
        end--; /* at the '>' */
    size_t i = 0, body = (size_t)(end - s);
    while (i < body) {
        if (o->responsive &&
            (starts(s + i, body - i, " width=\"") ||
             starts(s + i, body - i, " height=\"") ||
             starts(s + i, body - i, "\n width=\"") ||
             starts(s + i, body - i, "\n height=\""))) {
            const char *q = memchr(s + i, '"', body - i);
            q = q ? memchr(q + 1, '"', (size_t)(end - q - 1)) : NULL;
            if (q != NULL) {
                i = (size_t)(q - s) + 1;
                continue;
            }
        }
        rg_buf__putc(out, s[i] == '\n' ? ' ' : s[i]);
        i++;
    }
    rg_buf__puts(out, " class=\"relgraph\" role=\"img\"");
    if (o->title || o->desc) {
        rg_buf__puts(out, " aria-labelledby=\"");
        if (o->title)
            rg_buf__printf(out, "%stitle", o->id_prefix);
        if (o->desc)
            rg_buf__printf(out, "%s%sdesc", o->title ? " " : "", o->id_prefix);
        rg_buf__putc(out, '"');
    }
    rg_buf__puts(out, ">\n");
    if (o->title) {
        rg_buf__printf(out, "<title id=\"%stitle\">", o->id_prefix);
        rg_escape__xml(out, o->title);
        rg_buf__puts(out, "</title>\n");
    }
    if (o->desc) {
        rg_buf__printf(out, "<desc id=\"%sdesc\">", o->id_prefix);
        rg_escape__xml(out, o->desc);
        rg_buf__puts(out, "</desc>\n");
    }
}

typedef enum phase {
    BEFORE_ROOT,  /* prologue and comments */
    ROOT_GROUP,   /* the root <g>, its title and background */
    LABEL,        /* the graph label: our title and legend */
    BODY
} phase;

/* The rewrite's walk through the lines. */
typedef struct rewrite {
    rg_buf *out;
    rg_svg_opts o;           /* with id_prefix never NULL */
    phase ph;
    const char *pending_title; /* for the <title> after a <g> */
    int has_pending, in_legend;
    int anchors;             /* links open in the label: <g id="a_..."><a> */
} rewrite;

/* The offset after the construct that ends at e (k bytes long) and the
 * newline after it; the end of the text when e is NULL. */
static size_t past(const char *svg, size_t len, const char *e, size_t k)
{
    size_t next = e ? (size_t)(e - svg) + k : len;
    if (next < len && svg[next] == '\n')
        next++;
    return next;
}

/* In the graph label: wraps it in a group of its own, in which a linked
 * line (a source with a url) stays a group of its own; the label ends
 * where the first cluster, edge or node begins. */
static void label_line(rewrite *w, const char *line, size_t n)
{
    if (!w->in_legend && !starts(line, n, "<g ") && !starts(line, n, "</g>")) {
        const char *what = w->o.root_label ? w->o.root_label : "legend";
        rg_buf__printf(w->out, "<g id=\"%s%s\" class=\"%s\">\n",
                       w->o.id_prefix, what, what);
        w->in_legend = 1;
    }
    if (w->in_legend && starts(line, n, "<g id=\"a_"))
        w->anchors++;
    else if (w->anchors > 0 && starts(line, n, "</g>"))
        w->anchors--;
    else if (starts(line, n, "<g ") || starts(line, n, "</g>")) {
        if (w->in_legend)
            rg_buf__puts(w->out, "</g>\n");
        w->in_legend = 0;
        w->ph = BODY;
    }
}

/* A line after the root tag: ids prefixed, titles noted for the <title>
 * that follows a group. */
static void body_line(rewrite *w, const char *line, size_t n, int nl)
{
    if (w->ph == LABEL)
        label_line(w, line, n);
    if (starts(line, n, "<title>"))
        w->has_pending = 0;
    if (starts(line, n, "<g id=\"")) {
        size_t idl;
        const char *id = attr(line, n, "id", &idl);
        w->has_pending = 1;
        w->pending_title = id ? title_of(&w->o, id, idl) : NULL;
        if (w->ph == ROOT_GROUP && w->o.title)
            w->pending_title = w->o.title;
    }
    static const char legend_cluster[] =
        "<g id=\"legend\" class=\"cluster legend\">";
    if (n == sizeof(legend_cluster) - 1 && starts(line, n, legend_cluster))
        /* The cluster holding the title and legend is no group. */
        rg_buf__printf(w->out, "<g id=\"%slegend\" class=\"legend\">",
                       w->o.id_prefix);
    else
        copy_line(w->out, line, n, w->o.id_prefix);
    if (nl)
        rg_buf__putc(w->out, '\n');
    if (w->ph == ROOT_GROUP && starts(line, n, "<polygon"))
        w->ph = LABEL; /* the background: the label comes next */
}

/* One line (or construct) at svg + i; returns the offset of the next. */
static size_t rewrite_line(rewrite *w, const char *svg, size_t len, size_t i)
{
    const char *line = svg + i;
    const char *nl = memchr(line, '\n', len - i);
    size_t n = nl ? (size_t)(nl - line) : len - i;
    if (starts(line, n, "<!--")) {
        /* Comments: Graphviz's banner and the node names. */
        return past(svg, len, find(line, len - i, "-->"), 3);
    }
    if (w->ph == BEFORE_ROOT &&
        (starts(line, n, "<?xml") || starts(line, n, "<!DOCTYPE"))) {
        size_t next = past(svg, len, memchr(line, '>', len - i), 1);
        if (!w->o.inline_mode)
            rg_buf__putn(w->out, line, next - i);
        return next;
    }
    if (w->ph == BEFORE_ROOT && starts(line, n, "<svg")) {
        const char *e = memchr(line, '>', len - i);
        size_t end = e ? (size_t)(e - svg) + 1 : len;
        root_tag(w->out, line, end - i, &w->o);
        w->ph = ROOT_GROUP;
        return past(svg, len, e, 1);
    }
    if (starts(line, n, "<title>") && w->has_pending &&
        w->pending_title != NULL) {
        rg_buf__puts(w->out, "<title>");
        rg_escape__xml(w->out, w->pending_title);
        rg_buf__puts(w->out, "</title>\n");
        w->has_pending = 0;
    } else {
        body_line(w, line, n, nl != NULL);
    }
    return i + n + (nl != NULL);
}

int rg_svg__rewrite(rg_buf *out, const char *svg, size_t len,
                    const rg_svg_opts *o)
{
    rewrite w = {.out = out, .o = *o, .ph = BEFORE_ROOT};
    if (w.o.id_prefix == NULL)
        w.o.id_prefix = "";
    for (size_t i = 0; i < len;)
        i = rewrite_line(&w, svg, len, i);
    return out->oom ? -1 : 0;
}
