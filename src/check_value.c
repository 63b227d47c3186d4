/* The rules on one value of a document, whatever holds it: dates and
 * URLs (check.h). Pure functions; no state. */
#include "check.h"

#include "when.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* ---- values ---- */

int rg_check__date(const char *s)
{
    rg_day day;
    return rg_when__day(s, 0, &day);
}

static int casecmp_n(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int x = a[i] >= 'A' && a[i] <= 'Z' ? a[i] + 32 : a[i];
        int y = b[i] >= 'A' && b[i] <= 'Z' ? b[i] + 32 : b[i];
        if (x != y)
            return x - y;
    }
    return 0;
}

/* ---- URLs ----
 *
 * A URL is judged as the programs that read relgraph's outputs will see
 * it: browsers decode HTML character references in attributes, cmark
 * decodes them in link destinations, Graphviz pastes a URL into SVG as it
 * is (so the XML parser decodes it), and a server or a script may
 * percent-decode it. So the value is decoded, and the rule applies to
 * every form: the value as written, its form with character references
 * decoded (repeatedly, so "&amp;#58;" counts as ':'), and that form with
 * percent-encoding decoded (repeatedly too). Whitespace and control
 * characters are refused anywhere in the first two forms, which leaves
 * nothing for a browser to strip or remove (leading C0 controls and
 * spaces, tab, newline and CR anywhere). */

/* Passes of decoding before a value is taken as hostile: nobody encodes a
 * URL four times over. */
#define URL_PASSES 4

/* The HTML named character references whose value holds an ASCII
 * character (all of them, from the HTML standard's table); the others
 * give characters that can neither end a scheme nor make one. */
static const struct {
    const char *name, *value;
} url_entities[] = {
    {"Tab", "\t"},     {"NewLine", "\n"},  {"excl", "!"},
    {"QUOT", "\""},    {"quot", "\""},     {"num", "#"},
    {"dollar", "$"},   {"percnt", "%"},    {"AMP", "&"},
    {"amp", "&"},      {"apos", "'"},      {"lpar", "("},
    {"rpar", ")"},     {"ast", "*"},       {"midast", "*"},
    {"plus", "+"},     {"comma", ","},     {"period", "."},
    {"sol", "/"},      {"colon", ":"},     {"semi", ";"},
    {"LT", "<"},       {"lt", "<"},        {"nvlt", "<\xe2\x83\x92"},
    {"equals", "="},   {"bne", "=\xe2\x83\xa5"},
    {"GT", ">"},       {"gt", ">"},        {"nvgt", ">\xe2\x83\x92"},
    {"quest", "?"},    {"commat", "@"},    {"lbrack", "["},
    {"lsqb", "["},     {"bsol", "\\"},     {"rbrack", "]"},
    {"rsqb", "]"},     {"Hat", "^"},       {"UnderBar", "_"},
    {"lowbar", "_"},   {"DiacriticalGrave", "`"},
    {"grave", "`"},    {"fjlig", "fj"},    {"lbrace", "{"},
    {"lcub", "{"},     {"VerticalLine", "|"},
    {"verbar", "|"},   {"vert", "|"},      {"rbrace", "}"},
    {"rcub", "}"},
};

static int is_alnum(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
}

/* The character reference at `s` (which is at a '&'), decoded into `o`:
 * numeric ("&#58;", "&#x3A;", any number of leading zeros, with or without
 * the ';', as browsers read them) or named from the table (with or without
 * the ';', which is stricter than browsers; "&colon", "&Tab" and
 * "&NewLine" even when letters follow). Stores the bytes written in
 * `*n_out` and returns the characters read, or 0 when `s` starts none. */
static size_t decode_entity(const char *s, char *o, size_t *n_out)
{
    size_t k = 1;
    if (s[1] == '#') {
        int hex = s[2] == 'x' || s[2] == 'X';
        unsigned long cp = 0;
        k = hex ? 3 : 2;
        size_t start = k;
        for (;; k++) {
            int d = hex ? rg_jsonpos__hex_digit((unsigned char)s[k])
                        : (s[k] >= '0' && s[k] <= '9' ? s[k] - '0' : -1);
            if (d < 0)
                break;
            cp = cp * (hex ? 16 : 10) + (unsigned long)d;
            if (cp > 0x10ffff)
                cp = 0x110000; /* saturate: U+FFFD, as out of range */
        }
        if (k == start)
            return 0;
        *n_out = rg_jsonpos__put_utf8(o, cp);
        return k + (s[k] == ';');
    }
    while (is_alnum((unsigned char)s[k]))
        k++;
    for (size_t i = 0; i < sizeof(url_entities) / sizeof(*url_entities); i++) {
        size_t n = strlen(url_entities[i].name);
        if (n == k - 1 && memcmp(s + 1, url_entities[i].name, n) == 0) {
            *n_out = strlen(url_entities[i].value);
            memcpy(o, url_entities[i].value, *n_out);
            return k + (s[k] == ';');
        }
    }
    /* "&colonalert(1)": no browser decodes it, but the rule does not hang
     * on which names need a ';'. Only the characters that hide a scheme. */
    static const char *const prefixed[][2] = {
        {"colon", ":"}, {"Tab", "\t"}, {"NewLine", "\n"}};
    for (size_t i = 0; i < 3; i++) {
        size_t n = strlen(prefixed[i][0]);
        if (n < k - 1 && memcmp(s + 1, prefixed[i][0], n) == 0) {
            *o = prefixed[i][1][0];
            *n_out = 1;
            return n + 1;
        }
    }
    return 0;
}

/* One pass of decoding, character references (`percent` 0) or
 * percent-encoding (1), from `s` into `o`, which has room for strlen(s)
 * + 1 bytes: no reference is shorter than what it decodes to. A NUL from
 * "%00" becomes 0x01, a control character like it. Returns whether
 * anything was decoded. */
static int decode_pass(const char *s, char *o, int percent)
{
    int changed = 0;
    while (*s) {
        size_t used = 0, n = 0;
        int hi = rg_jsonpos__hex_digit((unsigned char)s[1]);
        int lo = hi < 0 ? -1 : rg_jsonpos__hex_digit((unsigned char)s[2]);
        if (percent && *s == '%' && hi >= 0 && lo >= 0) {
            int c = hi * 16 + lo;
            *o++ = (char)(c == 0 ? 1 : c);
            used = 3;
        } else if (!percent && *s == '&' && (used = decode_entity(s, o, &n))) {
            o += n;
        }
        if (used > 0) {
            s += used;
            changed = 1;
        } else {
            *o++ = *s++;
        }
    }
    *o = '\0';
    return changed;
}

/* Decodes `s` into `o` (room for strlen(s) + 1) until nothing changes.
 * Returns 0 when it still changes after URL_PASSES passes. `tmp` has the
 * same room. */
static int decode_all(const char *s, char *o, char *tmp, int percent)
{
    strcpy(o, s);
    for (int pass = 0; pass < URL_PASSES; pass++) {
        if (!decode_pass(o, tmp, percent))
            return 1;
        strcpy(o, tmp);
    }
    return 0;
}

/* No whitespace, control character (C0, DEL, C1), quote, angle bracket,
 * backtick or backslash: they end an attribute or a Markdown link, or a
 * browser strips or removes them before it reads the scheme. */
static int url_chars_ok(const char *s)
{
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        if (*c <= ' ' || *c == 0x7f || *c == '"' || *c == '<' ||
            *c == '>' || *c == '`' || *c == '\\')
            return 0;
        if (c[0] == 0xc2 && c[1] >= 0x80 && c[1] <= 0x9f)
            return 0;
    }
    return 1;
}

/* The scheme rule on one form: http, https or mailto in any case, or a
 * relative reference, with no ':' before the first '/', '?' or '#' and
 * not starting with two slashes (of either kind): a protocol-relative
 * reference names another host, and in a chart opened from disk it is a
 * file:// URL, on Windows a network share. */
static int url_form_ok(const char *s)
{
    size_t n = strcspn(s, ":/?#");
    if (s[n] != ':')
        return !((s[0] == '/' || s[0] == '\\') &&
                 (s[1] == '/' || s[1] == '\\'));
    static const char *const ok[] = {"http", "https", "mailto"};
    for (size_t i = 0; i < 3; i++)
        if (n == strlen(ok[i]) && casecmp_n(s, ok[i], n) == 0)
            return 1;
    return 0;
}

int rg_check__url(const char *s)
{
    /* Without '&' or '%' nothing decodes: the decoded forms are s. */
    if (strpbrk(s, "&%") == NULL)
        return url_chars_ok(s) && url_form_ok(s);
    int ok = 0;
    size_t len = strlen(s);
    char *refs = malloc(len + 1), *pct = malloc(len + 1),
         *tmp = malloc(len + 1);
    if (refs == NULL || pct == NULL || tmp == NULL)
        goto out; /* refused: a URL is never taken on trust */
    if (!url_chars_ok(s) || !url_form_ok(s))
        goto out;
    if (!decode_all(s, refs, tmp, 0) || !url_chars_ok(refs) ||
        !url_form_ok(refs))
        goto out;
    if (!decode_all(refs, pct, tmp, 1) || !url_form_ok(pct))
        goto out;
    ok = 1;
out:
    free(refs);
    free(pct);
    free(tmp);
    return ok;
}


/* ---- URLs that are host names ---- */

int rg_check__url_hostlike(const char *s)
{
    if (casecmp_n(s, "www.", 4) == 0)
        return 1;
    size_t seg = strcspn(s, "/?#"), dot = 0, ndots = 0;
    if (s[seg] != '\0' && s[seg] != '/')
        return 0;  /* "report.html#x", "page.php?id=1": a file */
    for (size_t i = 0; i < seg; i++) {
        if (s[i] == '.') {
            if (i == 0 || s[i - 1] == '.')
                return 0;  /* "./x", "../x", "a..b" */
            dot = i;
            ndots++;
        } else if (!is_alnum((unsigned char)s[i]) && s[i] != '-') {
            return 0;
        }
    }
    size_t tld = seg - dot - 1;
    if (ndots == 0 || tld < 2 || tld > 6)
        return 0;
    for (size_t i = dot + 1; i < seg; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
            return 0;
    /* A file name's extension is not a top-level domain. */
    static const char *const files[] = {
        "html", "htm", "xhtml", "pdf", "png", "jpg", "jpeg", "gif", "svg",
        "webp", "json", "md", "txt", "xml", "csv", "php", "asp", "aspx",
        "jsp", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "zip",
        "gz", "tar", "js", "css", "mp4", "mp3", "rtf", "epub"};
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
        if (strlen(files[i]) == tld && casecmp_n(s + dot + 1, files[i], tld) == 0)
            return 0;
    return 1;
}

static int hex_run(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (!isxdigit((unsigned char)s[i]))
            return 0;
    return 1;
}

int rg_check__stix_id(const char *s)
{
    const char *dash = strstr(s, "--");
    size_t t = dash ? (size_t)(dash - s) : 0;
    if (t < 3 || !islower((unsigned char)s[0]) || s[t - 1] == '-')
        return 0;
    for (size_t i = 0; i < t; i++)
        if (!islower((unsigned char)s[i]) && !isdigit((unsigned char)s[i]) &&
            s[i] != '-')
            return 0;
    const char *u = dash + 2;
    /* 8-4-4-4-12 */
    if (strlen(u) != 36 || !hex_run(u, 8) || u[8] != '-' ||
        !hex_run(u + 9, 4) || u[13] != '-' || !hex_run(u + 14, 4) ||
        u[18] != '-' || !hex_run(u + 19, 4) || u[23] != '-' ||
        !hex_run(u + 24, 12))
        return 0;
    return u[14] >= '1' && u[14] <= '5' && strchr("89abAB", u[19]) != NULL;
}
