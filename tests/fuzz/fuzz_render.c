/* libFuzzer target: load a document from memory and, when it loads, build
 * its graph, lay it out and render it to SVG, DOT, the HTML report and the
 * Markdown table, all in this process (opts.isolation =
 * RG_ISOLATE_NONE), so that AddressSanitizer sees a memory error in relgraph or in Graphviz instead
 * of the child process turning it into a diagnostic. Everything is freed.
 *
 * The render options the CLI can set (svg_inline, svg_responsive,
 * id_prefix, legend, direction, no_citations, theme, focus and its
 * depth) are chosen from a hash of the input, so
 * that one input always renders the same way (a reproducer reproduces)
 * while the corpus covers every combination.
 *
 * Oracles besides the sanitizers: every output is non-empty text without
 * NUL bytes; the SVG starts as its mode says (<svg in inline mode) and
 * has no comments; and, when built with expat (RG_FUZZ_EXPAT, which
 * fuzz.mk sets when pkg-config finds expat), the SVG and the HTML report
 * are well-formed XML, as the report promises (src/report.c). And no
 * document may put script or an outside reference into the SVG or the
 * report (no_script below): no <script element, no attribute named on...,
 * no <?xml-stylesheet, no href or src whose scheme, once entities,
 * percent-encoding, controls and case are undone, is other than http,
 * https or mailto.
 *
 * Graphviz's layouts are slow and grow steeply with size, so documents
 * with more than MAX_ACTORS actors or MAX_LINKS links are skipped (they
 * still went through the loader); libFuzzer's -timeout catches layouts
 * that run away anyway (rg_render has no time limit in-process).
 *
 * Raw `attrs` are checked at load against relgraph's allow-list
 * (src/gvattrs.def), which leaves out the attributes of Graphviz 2.43's
 * known crashes and hangs (newrank, constraint, lhead, rank...;
 * graphs/README.md, "Robustness"), so every document that loads is
 * rendered, with one exception: `splines` in the layout, which the list
 * allows because dot draws it well, still makes sfdp assert
 * (multispline.c). Production renders in a child process that turns that
 * into a diagnostic; here a document that sets it is skipped, unless
 * RG_FUZZ_RAW_ATTRS=1 is in the environment (to hunt Graphviz crashes on
 * purpose).
 *
 * Build and run: make fuzz (tests/fuzz/README.md). */
#include "relgraph.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef RG_FUZZ_EXPAT
#include <expat.h>
#endif

#define MAX_ACTORS 60
#define MAX_LINKS 200

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static rg_renderer *renderer;
static int all_raw_attrs;
static int verbose;
static volatile size_t sink;

static void fail(const char *what)
{
    fprintf(stderr, "fuzz_render: %s\n", what);
    abort();
}

static void start(void)
{
    if (renderer != NULL)
        return;
    rg_diags *d = rg_diags_new();
    renderer = rg_renderer_new(d);
    if (renderer == NULL) {
        for (size_t i = 0; d && i < rg_diags_count(d); i++)
            fprintf(stderr, "%s\n", rg_diags_get(d, i)->message);
        fail("cannot start Graphviz");
    }
    rg_diags_free(d);
    const char *e = getenv("RG_FUZZ_RAW_ATTRS");
    all_raw_attrs = e != NULL && strcmp(e, "1") == 0;
    e = getenv("RG_FUZZ_VERBOSE");
    verbose = e != NULL && strcmp(e, "1") == 0;
}

/* RG_FUZZ_VERBOSE=1: one line per input on what became of it. */
static void say(const char *what)
{
    if (verbose)
        fprintf(stderr, "fuzz_render: %s\n", what);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    start();
    return 0;
}

/* True when the layout sets splines (see the top of this file). */
static int sets_splines(const rg_doc *doc)
{
    const rg_attrs *a = &rg_doc_layout(doc)->attrs;
    for (size_t i = 0; i < a->n; i++)
        if (strcmp(a->v[i].name, "splines") == 0)
            return 1;
    return 0;
}

#ifdef RG_FUZZ_EXPAT
/* Aborts unless text is well-formed XML (expat: no DTD is read). */
static void well_formed(const char *what, const char *text, size_t len)
{
    XML_Parser p = XML_ParserCreate("UTF-8");
    if (p == NULL)
        return;
    if (XML_Parse(p, text, (int)len, 1) == XML_STATUS_ERROR) {
        unsigned long line = (unsigned long)XML_GetCurrentLineNumber(p);
        fprintf(stderr, "fuzz_render: %s is not well-formed XML: %s at "
                "line %lu, column %lu:\n", what,
                XML_ErrorString(XML_GetErrorCode(p)), line,
                (unsigned long)XML_GetCurrentColumnNumber(p));
        /* that line, cut to 400 bytes */
        const char *s = text, *end = text + len;
        for (unsigned long l = 1; l < line && s < end; l++) {
            const char *nl = memchr(s, '\n', (size_t)(end - s));
            s = nl ? nl + 1 : end;
        }
        const char *e = memchr(s, '\n', (size_t)(end - s));
        size_t n = (size_t)((e ? e : end) - s);
        fprintf(stderr, "%.*s%s\n", (int)(n > 400 ? 400 : n), s,
                n > 400 ? "..." : "");
        fail("output is not well-formed XML");
    }
    XML_ParserFree(p);
}
#endif

static int has(const char *s, size_t n, const char *what)
{
    size_t k = strlen(what);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(s + i, what, k) == 0)
            return 1;
    return 0;
}

/* Lower-case ASCII letter of c, else c. */
static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static int hexval(int c)
{
    c = lower(c);
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* The character at v[*i] of a URL attribute, decoded one round as a
 * browser would, or more: a character reference (&#58; &#x3a;, with or
 * without ';'; &colon; &tab; &newline; &amp; &sol; &num;) or a percent
 * escape. Advances *i past it. A non-ASCII code point becomes 'x'. */
static int decode_one(const char *v, size_t n, size_t *i)
{
    static const struct { const char *name; char c; } named[] = {
        {"&colon;", ':'}, {"&tab;", '\t'}, {"&newline;", '\n'},
        {"&amp;", '&'}, {"&sol;", '/'}, {"&num;", '#'}};
    size_t at = *i;
    int c = (unsigned char)v[at];
    if (c == '&' && at + 1 < n && v[at + 1] == '#') {
        size_t j = at + 2;
        int hex = j < n && lower(v[j]) == 'x';
        unsigned long code = 0;
        size_t digits = 0;
        for (j += (size_t)hex; j < n; j++, digits++) {
            int d = hex ? hexval(v[j]) : (v[j] >= '0' && v[j] <= '9' ? v[j] - '0' : -1);
            if (d < 0)
                break;
            if (code < 0x110000)
                code = code * (hex ? 16 : 10) + (unsigned long)d;
        }
        if (digits > 0) {
            *i = j < n && v[j] == ';' ? j + 1 : j;
            return code < 128 ? (int)code : 'x';
        }
    }
    if (c == '&') {
        for (size_t m = 0; m < sizeof named / sizeof named[0]; m++) {
            size_t len = strlen(named[m].name), q = 0;
            while (q < len && at + q < n && lower(v[at + q]) == named[m].name[q])
                q++;
            if (q == len) {
                *i = at + len;
                return named[m].c;
            }
        }
    }
    if (c == '%' && at + 2 < n && hexval(v[at + 1]) >= 0 && hexval(v[at + 2]) >= 0) {
        *i = at + 3;
        return hexval(v[at + 1]) * 16 + hexval(v[at + 2]);
    }
    *i = at + 1;
    return c;
}

/* v[0..n) decoded one round (decode_one) into out (at most cap bytes),
 * without controls and spaces, in lower case. Returns the length. */
static size_t decode_url(char *out, size_t cap, const char *v, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k < cap;) {
        int c = decode_one(v, n, &i);
        if (c > ' ' && c != 0x7f)
            out[k++] = (char)lower(c);
    }
    return k;
}

/* Whether a URL attribute's value has a scheme other than http, https or
 * mailto, decoding twice (an entity that spells a percent-escape). */
static int bad_scheme(const char *v, size_t n)
{
    char a[512], b[512];
    size_t la = decode_url(a, sizeof a, v, n > sizeof a ? sizeof a : n);
    size_t lb = decode_url(b, sizeof b, a, la);
    size_t i = 0;
    while (i < lb && ((b[i] >= 'a' && b[i] <= 'z') ||
                      (i > 0 && ((b[i] >= '0' && b[i] <= '9') || b[i] == '+' ||
                                 b[i] == '-' || b[i] == '.'))))
        i++;
    if (i == 0 || i >= lb || b[i] != ':')
        return 0;  /* no scheme: a relative reference */
    return !((i == 4 && memcmp(b, "http", 4) == 0) ||
             (i == 5 && memcmp(b, "https", 5) == 0) ||
             (i == 6 && memcmp(b, "mailto", 6) == 0));
}

static int name_is(const char *s, size_t n, const char *what)
{
    if (strlen(what) != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (lower(s[i]) != what[i])
            return 0;
    return 1;
}

/* Aborts when the markup of an SVG or HTML output could run script or
 * fetch something the document named: a script element, an event-handler
 * attribute, an xml-stylesheet instruction or a URL attribute (href,
 * xlink:href, src) with a scheme other than http, https or mailto.
 * Walks the tags only: text between them is escaped and may say
 * anything. */
static void no_script(const char *what, const char *s, size_t n)
{
    char why[160];
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '<')
            continue;
        if (i + 4 <= n && memcmp(s + i, "<!--", 4) == 0) {
            const char *e = NULL;
            for (size_t j = i + 4; j + 3 <= n; j++)
                if (memcmp(s + j, "-->", 3) == 0) {
                    e = s + j;
                    break;
                }
            if (e == NULL)
                return;
            i = (size_t)(e - s) + 2;
            continue;
        }
        if (i + 1 < n && s[i + 1] == '?') {
            if (i + 16 <= n && name_is(s + i + 2, 14, "xml-stylesheet")) {
                snprintf(why, sizeof why, "%s has an xml-stylesheet "
                         "instruction", what);
                fail(why);
            }
            continue;
        }
        size_t j = i + 1;
        if (j < n && s[j] == '/')
            continue;
        size_t t = j;
        while (j < n && s[j] != '>' && s[j] != '/' && s[j] != ' ' &&
               s[j] != '\t' && s[j] != '\n' && s[j] != '\r')
            j++;
        /* the element's local name, after any prefix */
        size_t ln = t;
        for (size_t q = t; q < j; q++)
            if (s[q] == ':')
                ln = q + 1;
        if (name_is(s + ln, j - ln, "script")) {
            snprintf(why, sizeof why, "%s has a script element", what);
            fail(why);
        }
        /* attributes, up to the tag's '>' */
        while (j < n && s[j] != '>') {
            if (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r' ||
                s[j] == '/') {
                j++;
                continue;
            }
            size_t a = j;
            while (j < n && s[j] != '=' && s[j] != '>' && s[j] != ' ' &&
                   s[j] != '\t' && s[j] != '\n' && s[j] != '\r')
                j++;
            size_t alen = j - a;
            const char *val = NULL;
            size_t vlen = 0;
            if (j < n && s[j] == '=') {
                j++;
                char quote = j < n && (s[j] == '"' || s[j] == '\'') ? s[j++] : 0;
                val = s + j;
                while (j < n && (quote ? s[j] != quote
                                       : s[j] != ' ' && s[j] != '>'))
                    j++;
                vlen = (size_t)(s + j - val);
                if (quote && j < n)
                    j++;
            }
            if (alen >= 2 && lower(s[a]) == 'o' && lower(s[a + 1]) == 'n') {
                snprintf(why, sizeof why, "%s has an event-handler attribute %.*s",
                         what, (int)(alen > 40 ? 40 : alen), s + a);
                fail(why);
            }
            size_t an = a;
            for (size_t q = a; q < a + alen; q++)
                if (s[q] == ':')
                    an = q + 1;
            if (val != NULL && (name_is(s + an, a + alen - an, "href") ||
                                name_is(s + an, a + alen - an, "src")) &&
                bad_scheme(val, vlen)) {
                snprintf(why, sizeof why, "%s has a link with a scheme other "
                         "than http, https or mailto: %.*s", what,
                         (int)(vlen > 60 ? 60 : vlen), val);
                fail(why);
            }
        }
        i = j;
    }
}

static void check_output(const rg_output *o, rg_format f,
                         const rg_render_opts *opts)
{
    if (o->format != f || o->data == NULL)
        fail("a missing or misplaced output");
    if (o->size == 0 && f != RG_FORMAT_MD)
        fail("an empty output");
    /* read every byte, so that ASan checks the whole buffer */
    for (size_t k = 0; k < o->size; k++)
        sink += (unsigned char)o->data[k];
    if (memchr(o->data, '\0', o->size) != NULL)
        fail("a NUL byte in a text output");
    if (f == RG_FORMAT_SVG) {
        const char *start = opts->svg_inline ? "<svg" : "<?xml";
        if (o->size < strlen(start) ||
            memcmp(o->data, start, strlen(start)) != 0)
            fail(opts->svg_inline ? "inline SVG does not start with <svg"
                                  : "SVG does not start with <?xml");
        if (has(o->data, o->size, "<!--"))
            fail("a comment left in the SVG");
#ifdef RG_FUZZ_EXPAT
        well_formed("the SVG", o->data, o->size);
#endif
    }
#ifdef RG_FUZZ_EXPAT
    if (f == RG_FORMAT_HTML)
        well_formed("the HTML report", o->data, o->size);
#endif
    if (f == RG_FORMAT_SVG)
        no_script("the SVG", o->data, o->size);
    if (f == RG_FORMAT_HTML)
        no_script("the HTML report", o->data, o->size);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    start();
    rg_diags *diags = rg_diags_new();
    if (diags == NULL)
        return 0;
    rg_doc *doc = NULL;
    const char *skip = NULL;
    if (rg_doc_load_buffer(&doc, (const char *)data, size, "fuzz.json",
                           diags) != 0)
        skip = "not loaded";
    else if (rg_doc_actor_count(doc) > MAX_ACTORS ||
             rg_doc_link_count(doc) > MAX_LINKS)
        skip = "skipped: too big";
    else if (!all_raw_attrs && sets_splines(doc))
        skip = "skipped: splines in the layout";
    if (skip != NULL) {
        say(skip);
        rg_doc_free(doc);
        rg_diags_free(diags);
        return 0;
    }

    /* The options, from a hash of the input (FNV-1a). */
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < size; i++)
        h = (h ^ data[i]) * 16777619u;
    static const char *const prefixes[] = {NULL, "", "p-", NULL};
    static const char *const directions[] = {NULL, NULL, NULL, NULL,
                                             "LR", "TB", "RL", "BT"};
    rg_render_opts opts;
    rg_render_opts_init(&opts);
    opts.isolation = RG_ISOLATE_NONE;
    opts.layout_timeout = 10;
    opts.svg_inline = h & 1;
    opts.svg_responsive = (h >> 1) & 1;
    opts.id_prefix = prefixes[(h >> 2) & 3];
    static const int legends[] = {-1, 0, 1, -1};
    opts.legend = legends[(h >> 4) & 3];
    opts.direction = directions[(h >> 6) & 7];
    opts.no_citations = (h >> 9) & 1;
    opts.theme = (rg_theme)(((h >> 10) & 3) % RG_THEME_COUNT);
    /* What the chart shows besides actors and links. */
    opts.aliases = (h >> 15) & 1;
    opts.dates = (h >> 16) & 1;
    opts.no_claims = (h >> 17) & 1;
    opts.no_title = (h >> 18) & 1;
    opts.no_sources = (h >> 19) & 1;
    /* A quarter of the inputs are drawn as a view around their first
     * actor, one or two links deep. */
    const char *focus[1];
    if (((h >> 12) & 3) == 0 && rg_doc_actor_count(doc) > 0) {
        focus[0] = rg_doc_actor(doc, 0)->id;
        opts.focus = focus;
        opts.n_focus = 1;
        opts.focus_depth = 1 + ((h >> 14) & 1);
    }

    const rg_format formats[] = {RG_FORMAT_SVG, RG_FORMAT_DOT,
                                 RG_FORMAT_HTML, RG_FORMAT_MD};
    enum { N = sizeof(formats) / sizeof(formats[0]) };
    rg_output *outs = NULL;
    int rc = rg_render(&outs, renderer, doc, &opts, formats, N, diags);
    if (rc == 0) {
        if (outs == NULL)
            fail("render succeeded but stored NULL");
        for (size_t i = 0; i < N; i++)
            check_output(&outs[i], formats[i], &opts);
        say("rendered");
    } else {
        if (outs != NULL)
            fail("render failed but stored outputs");
        say("render failed");
    }
    for (size_t i = 0; i < rg_diags_count(diags); i++) {
        const rg_diag *g = rg_diags_get(diags, i);
        sink += strlen(g->message) + strlen(g->path) + strlen(g->file);
        if (g->source_line != NULL)
            sink += strlen(g->source_line);
    }
    rg_outputs_free(outs, N);
    rg_doc_free(doc);
    rg_diags_free(diags);
    return 0;
}
