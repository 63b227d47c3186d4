/* libFuzzer target: load a document from memory and, when it loads, build
 * its graph, lay it out and render it to SVG, DOT, the HTML report and the
 * Markdown table, all in this process (opts.isolate = false), so that
 * AddressSanitizer sees a memory error in relgraph or in Graphviz instead
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
 * are well-formed XML, as the report promises (src/report.c).
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
    opts.isolate = false;
    opts.layout_timeout = 10;
    opts.svg_inline = h & 1;
    opts.svg_responsive = (h >> 1) & 1;
    opts.id_prefix = prefixes[(h >> 2) & 3];
    static const int legends[] = {-1, 0, 1, -1};
    opts.legend = legends[(h >> 4) & 3];
    opts.direction = directions[(h >> 6) & 7];
    opts.no_citations = (h >> 9) & 1;
    opts.theme = (rg_theme)(((h >> 10) & 3) % RG_THEME_COUNT);
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
