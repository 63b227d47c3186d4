/* libFuzzer target: load a document from memory and, when it loads, build
 * its graph, lay it out and render it to SVG and DOT, all in this process
 * (opts.isolate = false), so that AddressSanitizer sees a memory error in
 * relgraph or in Graphviz instead of the child process turning it into a
 * diagnostic. Everything is freed.
 *
 * Graphviz's layouts are slow and grow steeply with size, so documents
 * with more than MAX_ACTORS actors or MAX_LINKS links are skipped (they
 * still went through the loader); libFuzzer's -timeout catches layouts
 * that run away anyway (rg_render has no time limit in-process).
 *
 * Raw `attrs` (relgraph's escape hatch to Graphviz) can switch on the
 * features of Graphviz 2.43 that crash or hang (newrank=false,
 * constraint=false, splines with sfdp...; graphs/README.md,
 * "Robustness"). Production renders in a child process that turns those
 * into diagnostics. Such crashes are Graphviz's, not relgraph's, and they
 * drown everything else, so by default a document is skipped when any of
 * its raw attrs has a name outside a short list of cosmetic ones
 * (COSMETIC below). Set RG_FUZZ_RAW_ATTRS=1 in the environment to render
 * every document anyway (to hunt Graphviz crashes on purpose).
 *
 * Build and run: make fuzz (tests/fuzz/README.md). */
#include "relgraph.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ACTORS 60
#define MAX_LINKS 200

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static rg_renderer *renderer;
static int all_raw_attrs;
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
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    start();
    return 0;
}

/* Raw attributes that only change colours, fonts, pens and links of the
 * drawing, never the layout's algorithm. (fontsize and fontname change
 * the size of labels, which dot copes with.) */
static const char *const COSMETIC[] = {
    "color", "fillcolor", "fontcolor", "fontname", "fontsize", "pencolor",
    "penwidth", "bgcolor", "tooltip", "URL", "href", "target", "id",
    "class", "comment", "arrowhead", "arrowtail", "arrowsize",
    "labelfontcolor", "labelfontname", "labelfontsize", "gradientangle",
    "edgetooltip", "labeltooltip", "headtooltip", "tailtooltip",
    "edgeURL", "labelURL", "headURL", "tailURL", "edgehref", "labelhref",
    "headhref", "tailhref", NULL};

static int cosmetic(const rg_attrs *a)
{
    for (size_t i = 0; i < a->n; i++) {
        const char *name = a->v[i].name;
        if (strncmp(name, "x-", 2) == 0)
            continue;  /* never passed to Graphviz */
        size_t k = 0;
        while (COSMETIC[k] != NULL && strcmp(COSMETIC[k], name) != 0)
            k++;
        if (COSMETIC[k] == NULL)
            return 0;
    }
    return 1;
}

static int raw_attrs_cosmetic(const rg_doc *doc)
{
    for (size_t i = 0; i < rg_doc_actor_count(doc); i++)
        if (!cosmetic(&rg_doc_actor(doc, i)->attrs))
            return 0;
    for (size_t i = 0; i < rg_doc_link_count(doc); i++)
        if (!cosmetic(&rg_doc_link(doc, i)->attrs))
            return 0;
    for (size_t i = 0; i < rg_doc_group_count(doc); i++)
        if (!cosmetic(&rg_doc_group(doc, i)->attrs))
            return 0;
    for (size_t i = 0; i < rg_doc_kind_count(doc); i++)
        if (!cosmetic(&rg_doc_kind(doc, i)->attrs))
            return 0;
    for (size_t i = 0; i < rg_doc_link_kind_count(doc); i++)
        if (!cosmetic(&rg_doc_link_kind(doc, i)->attrs))
            return 0;
    return cosmetic(&rg_doc_layout(doc)->attrs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    start();
    rg_diags *diags = rg_diags_new();
    if (diags == NULL)
        return 0;
    rg_doc *doc = NULL;
    if (rg_doc_load_buffer(&doc, (const char *)data, size, "fuzz.json",
                           diags) != 0 ||
        rg_doc_actor_count(doc) > MAX_ACTORS ||
        rg_doc_link_count(doc) > MAX_LINKS ||
        (!all_raw_attrs && !raw_attrs_cosmetic(doc))) {
        rg_doc_free(doc);
        rg_diags_free(diags);
        return 0;
    }

    rg_render_opts opts;
    rg_render_opts_init(&opts);
    opts.isolate = false;
    opts.layout_timeout = 10;
    const rg_format formats[] = {RG_FORMAT_SVG, RG_FORMAT_DOT};
    rg_output *outs = NULL;
    int rc = rg_render(&outs, renderer, doc, &opts, formats, 2, diags);
    if (rc == 0) {
        if (outs == NULL)
            fail("render succeeded but stored NULL");
        for (size_t i = 0; i < 2; i++) {
            if (outs[i].format != formats[i] || outs[i].data == NULL ||
                outs[i].size == 0)
                fail("an empty or misplaced output");
            /* read every byte, so that ASan checks the whole buffer */
            for (size_t k = 0; k < outs[i].size; k++)
                sink += (unsigned char)outs[i].data[k];
        }
    } else if (outs != NULL) {
        fail("render failed but stored outputs");
    }
    for (size_t i = 0; i < rg_diags_count(diags); i++) {
        const rg_diag *g = rg_diags_get(diags, i);
        sink += strlen(g->message) + strlen(g->path) + strlen(g->file);
        if (g->source_line != NULL)
            sink += strlen(g->source_line);
    }
    rg_outputs_free(outs, 2);
    rg_doc_free(doc);
    rg_diags_free(diags);
    return 0;
}
