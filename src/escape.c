/* Escapers, one per output context (see escape.h). Each context is a rule
 * that says, for one byte, what to write instead of it; one loop applies
 * a rule and copies the runs of bytes it keeps. No state. */
#include "escape.h"

#include <string.h>

/* What a rule returns: NULL keeps the byte, a string replaces it ("" drops
 * it), BACKSLASHED writes a backslash and then the byte. */
static const char BACKSLASHED[] = "\\";

typedef const char *(*rule_fn)(const char *p, const char *start);

static void apply(rg_buf *b, const char *s, size_t n, rule_fn rule)
{
    const char *run = s, *end = s + n;
    for (const char *p = s; p < end; p++) {
        const char *r = rule(p, s);
        if (r == NULL)
            continue;
        rg_buf__putn(b, run, (size_t)(p - run));
        if (r == BACKSLASHED) {
            rg_buf__putc(b, '\\');
            rg_buf__putc(b, *p);
        } else {
            rg_buf__puts(b, r);
        }
        run = p + 1;
    }
    rg_buf__putn(b, run, (size_t)(end - run));
}

/* XML's (and HTML's) five special characters. */
static const char *xml_entity(unsigned char c)
{
    switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    default: return NULL;
    }
}

static int is_control(unsigned char c)
{
    return c < 0x20 || c == 0x7f;
}

/* ---- Graphviz ---- */

/* Markup as entities and '\\' doubled, for Graphviz's text and URLs;
 * control characters as `control`. */
static const char *gv_markup(const char *p, const char *control)
{
    unsigned char c = (unsigned char)*p;
    const char *e = xml_entity(c);
    if (e != NULL)
        return e;
    if (c == '\\')
        return "\\\\";
    return is_control(c) ? control : NULL;
}

static const char *gv_html_text_rule(const char *p, const char *start)
{
    (void)start;
    return gv_markup(p, " ");
}

void rg_escape__gv_html_text(rg_buf *b, const char *s, size_t n)
{
    apply(b, s, n, gv_html_text_rule);
}

static const char *gv_html_attr_rule(const char *p, const char *start)
{
    (void)start;
    unsigned char c = (unsigned char)*p;
    const char *e = xml_entity(c);
    return e != NULL ? e : is_control(c) ? "" : NULL;
}

void rg_escape__gv_html_attr(rg_buf *b, const char *s)
{
    apply(b, s, strlen(s), gv_html_attr_rule);
}

static const char *gv_html_attr_twice_rule(const char *p, const char *start)
{
    (void)start;
    switch (*p) {
    case '&': return "&amp;amp;";
    case '"': return "&amp;quot;";
    case '<': return "&amp;lt;";
    case '>': return "&amp;gt;";
    default: return (unsigned char)*p < 0x20 ? "" : NULL;
    }
}

void rg_escape__gv_html_attr_twice(rg_buf *b, const char *s)
{
    apply(b, s, strlen(s), gv_html_attr_twice_rule);
}

static const char *gv_string_rule(const char *p, const char *start)
{
    (void)start;
    unsigned char c = (unsigned char)*p;
    switch (c) {
    case '\\': return "\\\\";
    case '&': return "&amp;";
    case '\n': return "\\n";
    default: return is_control(c) ? " " : NULL;
    }
}

void rg_escape__gv_string(rg_buf *b, const char *s)
{
    apply(b, s, strlen(s), gv_string_rule);
}

static const char *gv_url_rule(const char *p, const char *start)
{
    (void)start;
    return gv_markup(p, "");
}

void rg_escape__gv_url(rg_buf *b, const char *url)
{
    apply(b, url, strlen(url), gv_url_rule);
}

static const char *gv_url_pdf_rule(const char *p, const char *start)
{
    (void)start;
    return *p == '\\' ? "\\\\" : NULL;
}

void rg_escape__gv_url_pdf(rg_buf *b, const char *url)
{
    apply(b, url, strlen(url), gv_url_pdf_rule);
}

/* ---- XML, HTML ---- */

static const char *xml_rule(const char *p, const char *start)
{
    (void)start;
    unsigned char c = (unsigned char)*p;
    const char *e = xml_entity(c);
    if (e != NULL || c == '\t' || c == '\n' || c == '\r')
        return e;
    return c < 0x20 ? " " : NULL;
}

void rg_escape__xml(rg_buf *b, const char *s)
{
    apply(b, s, strlen(s), xml_rule);
}

/* HTML text with line breaks written as `br`. */
static const char *html_rule(const char *p, const char *br)
{
    unsigned char c = (unsigned char)*p;
    const char *e = xml_entity(c);
    if (e != NULL)
        return e;
    if (c == '\r')
        return p[1] == '\n' ? "" : br;
    if (c == '\n')
        return br;
    return is_control(c) ? " " : NULL;
}

static const char *html_space_rule(const char *p, const char *start)
{
    (void)start;
    return html_rule(p, " ");
}

static const char *html_br_rule(const char *p, const char *start)
{
    (void)start;
    return html_rule(p, "<br />");
}

void rg_escape__html(rg_buf *b, const char *s)
{
    apply(b, s, strlen(s), html_space_rule);
}

void rg_escape__html_br(rg_buf *b, const char *s)
{
    apply(b, s, strlen(s), html_br_rule);
}

/* ---- Markdown ---- */

/* True at "&amp;", "&#39;": text that Markdown would read as an entity. */
static int entity_like(const char *p)
{
    size_t start = p[1] == '#' ? 2 : 1, k = start;
    while ((p[k] >= 'a' && p[k] <= 'z') || (p[k] >= 'A' && p[k] <= 'Z') ||
           (p[k] >= '0' && p[k] <= '9'))
        k++;
    return k > start && p[k] == ';';
}

/* Escapes what would start a block at the beginning of the text ("- ",
 * "+ ", "= ", "12. ", "3) "): in a list item or heading it would nest
 * one. Leading blanks go, lest they make code. Returns the rest. */
static const char *md_lead(rg_buf *b, const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    if (*s == '-' || *s == '+' || *s == '=') {
        rg_buf__putc(b, '\\');
        rg_buf__putc(b, *s);
        return s + 1;
    }
    size_t n = 0;
    while (n < 10 && s[n] >= '0' && s[n] <= '9')
        n++;
    if (n > 0 && (s[n] == '.' || s[n] == ')')) {
        rg_buf__putn(b, s, n);
        rg_buf__putc(b, '\\');
        rg_buf__putc(b, s[n]);
        return s + n + 1;
    }
    return s;
}

/* Markdown text with line breaks written as `br`. */
static const char *md_rule(const char *p, const char *start, const char *br)
{
    unsigned char c = (unsigned char)*p;
    if (c == '\r' && p[1] == '\n')
        return "";
    if (c == '\n' || c == '\r')
        return br;
    if (is_control(c))
        return " ";
    if (strchr("\\`*_[]<>|~", c) != NULL ||
        (c == '#' && (p == start || p[-1] == ' ')) ||
        (c == '&' && entity_like(p)))
        return BACKSLASHED;
    return NULL;
}

static const char *md_text_rule(const char *p, const char *start)
{
    return md_rule(p, start, " ");
}

static const char *md_cell_rule(const char *p, const char *start)
{
    return md_rule(p, start, "<br>");
}

void rg_escape__md_text(rg_buf *b, const char *s)
{
    s = md_lead(b, s);
    apply(b, s, strlen(s), md_text_rule);
}

void rg_escape__md_cell(rg_buf *b, const char *s)
{
    s = md_lead(b, s);
    apply(b, s, strlen(s), md_cell_rule);
}

static const char *md_dest_rule(const char *p, const char *start)
{
    (void)start;
    switch (*p) {
    case '&':
        /* CommonMark decodes references in a destination, and cmark
         * does so before it removes backslash escapes. */
        return "&amp;";
    case '<': case '>': case '\\': case '|':
        return BACKSLASHED;
    default:
        return is_control((unsigned char)*p) ? "" : NULL;
    }
}

void rg_escape__md_dest(rg_buf *b, const char *url)
{
    apply(b, url, strlen(url), md_dest_rule);
}

/* ---- CSS ---- */

static const char *class_rule(const char *p, const char *start)
{
    (void)start;
    char c = *p;
    int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
             (c >= '0' && c <= '9') || c == '-' || c == '_';
    return ok ? NULL : "-";
}

void rg_escape__class(rg_buf *b, const char *s)
{
    apply(b, s, strlen(s), class_rule);
}

/* ---- JSON ---- */

/* The characters a JSON string cannot hold as they are; '<' and '>' as
 * escapes too, so that no "</script>" appears in a file a page may
 * embed; U+2028 and U+2029 stay (JSON allows them). */
static const char *json_rule(const char *p, const char *start)
{
    static const char *const control[32] = {
        "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005",
        "\\u0006", "\\u0007", "\\u0008", "\\u0009", "\\u000a", "\\u000b",
        "\\u000c", "\\u000d", "\\u000e", "\\u000f", "\\u0010", "\\u0011",
        "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
        "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c", "\\u001d",
        "\\u001e", "\\u001f",
    };
    (void)start;
    unsigned char c = (unsigned char)*p;
    switch (c) {
    case '"': return "\\\"";
    case '\\': return "\\\\";
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\t': return "\\t";
    case '<': return "\\u003c";
    case '>': return "\\u003e";
    case 0x7f: return "\\u007f";
    default: return c < 0x20 ? control[c] : NULL;
    }
}

void rg_escape__json(rg_buf *b, const char *s)
{
    rg_buf__putc(b, '"');
    apply(b, s, strlen(s), json_rule);
    rg_buf__putc(b, '"');
}

int rg_escape__utf8(const char *s, unsigned *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    int n = u[0] < 0x80 ? 1 : u[0] >= 0xC2 && u[0] <= 0xDF ? 2
            : u[0] >= 0xE0 && u[0] <= 0xEF ? 3 : u[0] >= 0xF0 && u[0] <= 0xF4
            ? 4 : 0;
    unsigned v = n == 1 ? u[0] : n == 2 ? u[0] & 0x1Fu
                 : n == 3 ? u[0] & 0x0Fu : u[0] & 0x07u;
    for (int i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80)
            return 0;
        v = v << 6 | (u[i] & 0x3Fu);
    }
    if (n == 0 || (n == 3 && (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))) ||
        (n == 4 && (v < 0x10000 || v > 0x10FFFF)))
        return 0;
    *cp = v;
    return n;
}

int rg_escape__obeyed(unsigned cp)
{
    return (cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp <= 0x9F) ||
           cp == 0x061C || cp == 0x200E || cp == 0x200F ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

void rg_escape__json_shown(rg_buf *b, const char *s)
{
    rg_buf__putc(b, '"');
    while (s != NULL && *s != '\0') {
        unsigned cp = 0;
        int n = rg_escape__utf8(s, &cp);
        if (n == 0) {
            rg_buf__puts(b, "\\ufffd");
            s++;
            continue;
        }
        if (cp == '"' || cp == '\\') {
            rg_buf__putc(b, '\\');
            rg_buf__putc(b, (char)cp);
        } else if (cp == '\t' || cp == '<' || cp == '>' ||
                   rg_escape__obeyed(cp)) {
            rg_buf__printf(b, "\\u%04x", cp);
        } else {
            rg_buf__putn(b, s, (size_t)n);
        }
        s += n;
    }
    rg_buf__putc(b, '"');
}

/* ---- CSV ---- */

/* True when s is a number as a spreadsheet reads one: a sign, digits,
 * a fraction. */
static int csv_number(const char *s)
{
    if (*s == '-' || *s == '+')
        s++;
    if (*s < '0' || *s > '9')
        return 0;
    while (*s >= '0' && *s <= '9')
        s++;
    if (*s == '.')
        for (s++; *s >= '0' && *s <= '9';)
            s++;
    return *s == '\0';
}

int rg_escape__csv_guarded(const char *s)
{
    const char *p = s;
    while (*p == '\'')
        p++;
    return *p != '\0' && strchr("=+-@\t\r", *p) != NULL && !csv_number(s);
}

static const char *csv_rule(const char *p, const char *start)
{
    (void)start;
    return *p == '"' ? "\"\"" : NULL;
}

void rg_escape__csv_cell(rg_buf *b, const char *s)
{
    /* ";" and tab too: a spreadsheet in a locale that separates with
     * them splits there. */
    int quoted = s[strcspn(s, ",;\t\"\r\n")] != '\0';
    if (quoted)
        rg_buf__putc(b, '"');
    if (rg_escape__csv_guarded(s))
        rg_buf__putc(b, '\'');
    apply(b, s, strlen(s), csv_rule);
    if (quoted)
        rg_buf__putc(b, '"');
}
