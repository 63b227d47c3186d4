/* A job: one document laid out once and rendered to every format asked
 * for, in this process (whichever process that is: see isolate.c and
 * worker.c), and what relgraph adds to Graphviz's bytes (the SVG
 * rewritten, the report page, the PDF's dates, bounds on sizes), with
 * the engine engine.c picks. No state of its own: the Graphviz context is
 * gvctx.c's. */
#include "job.h"

#include "diag.h"
#include "engine.h"
#include "export.h"
#include "files.h"
#include "fonts.h"
#include "format.h"
#include "gvctx.h"
#include "gvsame.h"
#include "page.h"
#include "pdfmeta.h"
#include "tlp.h"
#include "phrase.h"
#include "report.h"
#include "svg.h"

#include <stdint.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int rg_source_date_epoch(long long *out)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    long long v = 0;
    *out = 0;
    if (sde == NULL || *sde == '\0')
        return 0;
    /* Digits only, as `date +%s` writes them (strtoll would take a sign,
     * spaces, and saturate on overflow); up to the end of year 9999, the
     * last that a PDF date's four digits hold. */
    for (const char *p = sde; *p; p++) {
        if (*p < '0' || *p > '9' || p - sde >= 12)
            return -1;
        v = v * 10 + (*p - '0');
    }
    if (v > 253402300799LL || (time_t)v != v)
        return -1;
    *out = v;
    return 0;
}

/* cairo writes the time of rendering into the PDF (and ignores
 * SOURCE_DATE_EPOCH), so the same chart would differ at every run.
 * Overwrite the date's digits in place, keeping every byte offset:
 * SOURCE_DATE_EPOCH when set and valid (see rg_source_date_epoch; the
 * CLI refuses an invalid one), else the epoch itself. */
static void fix_pdf_dates(char *data, size_t len)
{
    long long v;
    time_t t = rg_source_date_epoch(&v) == 0 ? (time_t)v : 0;
    struct tm tm;
    char digits[32];
    if (gmtime_r(&t, &tm) == NULL ||
        strftime(digits, sizeof(digits), "%Y%m%d%H%M%S", &tm) != 14)
        return;
    static const char *const keys[] = {"/CreationDate (D:", "/ModDate (D:"};
    for (size_t k = 0; k < 2; k++) {
        size_t kl = strlen(keys[k]);
        for (size_t i = 0; i + kl + 14 <= len; i++) {
            if (memcmp(data + i, keys[k], kl) != 0)
                continue;
            char *d = data + i + kl;
            size_t n = 0;
            while (n < 14 && d[n] >= '0' && d[n] <= '9')
                n++;
            if (n == 14)
                memcpy(d, digits, 14);
        }
    }
}

/* Graphviz's SVG made fit for reports (see svg.h). */
static int finish_svg(const rg_job *j, const rg_built *b, char **data,
                      size_t *len, int in_html)
{
    rg_buf desc = {0}, out = {0}, title = {0};
    rg_phrase__summary(&desc, j->doc, RG_SUMMARY_DESC);
    rg_tlp__titled(&title, j->doc, j->doc->title);
    /* In a report page the chart is inline and fits the page's width. */
    rg_svg_opts o = {j->id_prefix, in_html || j->opts->svg_inline,
                     in_html || j->opts->svg_responsive,
                     title.len > 0 ? rg_buf__str(&title) : NULL,
                     rg_buf__str(&desc), b->titles, b->n_titles,
                     b->sources_at_foot ? "sources" : "legend"};
    /* The rewrite adds prefixes, classes, the title and the description,
     * and leaves out Graphviz's comments: room for all at once. */
    rg_buf__reserve(&out, *len + *len / 4 + desc.len + 4096);
    int rc = rg_svg__rewrite(&out, *data, *len, &o);
    rg_buf__free(&desc);
    rc |= -title.oom;
    rg_buf__free(&title);
    if (rc != 0 || out.oom) {
        rg_buf__free(&out);
        return -1;
    }
    free(*data);
    *data = out.data;
    *len = out.len;
    return 0;
}

/* Renders g to memory: *data is malloc'd and NUL-terminated. Graphviz's
 * own gvRenderData grows its buffer 4 KiB at a time, copying it each
 * time, and its bytes would then be copied again to be ours; a memory
 * stream grows by doubling and hands its buffer over. */
static int render_bytes(GVC_t *gvc, graph_t *g, const char *format,
                        char **data, size_t *len)
{
    *data = NULL;
    *len = 0;
    FILE *f = open_memstream(data, len);
    if (f == NULL)
        return -1;
    /* Only this thread writes to it: no lock per write (Graphviz writes
     * an SVG a few bytes at a time). */
    __fsetlocking(f, FSETLOCKING_BYCALLER);
    int rc = gvRender(gvc, g, format, f);
    if (fclose(f) != 0)
        rc = -1;
    if (*data == NULL)
        rc = -1;
    return rc;
}

/* Bounds on what a render writes: a PNG's pixels are memory (4 bytes
 * each while cairo draws: 400 MB at the bound) and an SVG or PDF this
 * big is no use in a browser or a viewer. With text cut (build.c), the
 * biggest charts measured stay far below: 100,000 links between two
 * actors give a 46 MB SVG, 5,000 actors in 5,000 groups a 5 MB SVG and
 * a 10 MB PNG at 150 dpi. */
#define RG_MAX_PNG_PIXELS 100e6

char *rg_job__too_big(rg_format f)
{
    return rg__asprintf("the %s output would be more than the %d MiB "
                        "allowed; draw a part of the document (--focus "
                        "ACTOR)", rg_format_name(f), RG_MAX_CHART_BYTES >> 20);
}

/* NULL, or a message (malloc'd) when the laid-out chart at this
 * resolution (on this page, when not NULL) has more pixels than allowed. */
static char *png_too_big(const rg_built *b, double dpi,
                         const rg_page_fit *page)
{
    boxf bb = GD_bb(b->g);
    /* Graphviz adds its pad around the box: relgraph's 0.3 in, or what
     * the document's layout.attrs.pad says (inches, "x" or "x,y"). */
    double px = 0.3, py;
    const char *pad = agget(b->g, "pad");
    int got = pad != NULL ? sscanf(pad, "%lf,%lf", &px, &py) : 0;
    if (got < 2)
        py = px;
    double w = ((bb.UR.x - bb.LL.x) / 72.0 + 2 * px) * dpi;
    double h = ((bb.UR.y - bb.LL.y) / 72.0 + 2 * py) * dpi;
    if (page != NULL) {
        w = page->w / 72.0 * dpi;
        h = page->h / 72.0 * dpi;
    }
    /* Graphviz scales a bitmap down to at most 32,767 pixels a side. */
    double side = w > h ? w : h;
    if (side > 32767) {
        w *= 32767 / side;
        h *= 32767 / side;
        dpi *= 32767 / side;
    }
    if (w * h <= RG_MAX_PNG_PIXELS)
        return NULL;
    /* The resolution that fits, in whole dots per inch (no libm). */
    double fit = (double)(int)dpi;
    while (fit >= 18 && w * h * (fit / dpi) * (fit / dpi) > RG_MAX_PNG_PIXELS)
        fit -= 1;
    if (fit >= 18)
        return rg__asprintf("the PNG would be %.0f x %.0f pixels (%.0f "
                            "million), more than the %.0f million allowed; "
                            "lower --dpi (%d fits)%s", w, h, w * h / 1e6,
                            RG_MAX_PNG_PIXELS / 1e6, (int)fit,
                            page != NULL ? " for this page"
                                         : " or draw a part of the document "
                                           "(--focus ACTOR)");
    return rg__asprintf("the PNG would be %.0f x %.0f pixels (%.0f million), "
                        "more than the %.0f million allowed even at the "
                        "lowest --dpi; write SVG or PDF, or draw a part of "
                        "the document (--focus ACTOR)", w, h, w * h / 1e6,
                        RG_MAX_PNG_PIXELS / 1e6);
}

/* A copy of an output already rendered: a format asked for twice is
 * rendered once. */
static int copy_output(rg_output *to, const rg_output *from, char **err)
{
    to->format = from->format;
    to->size = from->size;
    to->data = malloc(to->size + 1);
    if (to->data == NULL) {
        *err = strdup("out of memory rendering");
        return -1;
    }
    memcpy(to->data, from->data, to->size + 1);
    return 0;
}

/* What relgraph adds to Graphviz's bytes: the PDF's fixed dates, the SVG
 * rewritten, the report page around it. */
static int finish_output(const rg_job *j, const rg_built *b, rg_output *o,
                         rg_buf *notes, char **err)
{
    rg_format f = o->format;
    if (f == RG_FORMAT_PDF) {
        fix_pdf_dates(o->data, o->size);
        rg_buf desc = {0}, title = {0};
        rg_phrase__summary(&desc, j->doc, RG_SUMMARY_DESC);
        rg_tlp__titled(&title, j->doc, j->doc->title);
        int rc = desc.oom || title.oom
                     ? -1
                     : rg_pdfmeta__add(&o->data, &o->size,
                                       title.len ? rg_buf__str(&title) : NULL,
                                       rg_buf__str(&desc));
        rg_buf__free(&desc);
        rg_buf__free(&title);
        if (rc == -1) {
            *err = strdup("out of memory adding the PDF's title");
            return -1;
        }
        if (rc == -2) /* the PDF is whole, without them */
            rg_buf__puts(notes, "the PDF has no Title and Subject: its "
                                "trailer is not one relgraph can read "
                                "(a cross-reference stream?)\n");
    }
    if ((f == RG_FORMAT_SVG || f == RG_FORMAT_HTML) &&
        finish_svg(j, b, &o->data, &o->size, f == RG_FORMAT_HTML) != 0) {
        *err = strdup("out of memory rewriting the SVG");
        return -1;
    }
    if (f == RG_FORMAT_HTML) {
        rg_buf page = {0};
        page.max = RG_MAX_CHART_BYTES;
        if (rg_report__html(&page, j->doc, o->data, o->size) != 0 ||
            page.oom) {
            *err = page.over ? rg_job__too_big(f)
                             : strdup("out of memory writing the report");
            rg_buf__free(&page);
            return -1;
        }
        free(o->data);
        o->data = page.data;
        o->size = page.len;
    }
    return 0;
}

/* A data format that carries the layout's positions (GraphML, GEXF,
 * Cytoscape.js), written from the laid-out graph in *o. */
static int export_output(const rg_job *j, rg_built *b, rg_format f,
                         rg_output *o, char **err)
{
    rg_xlayout lay;
    rg_buf out = {0};
    out.max = RG_MAX_CHART_BYTES;
    int rc = rg_export__layout(&lay, j->doc, b->g);
    if (rc == 0)
        rc = rg_export__write(&out, j->doc, f, &lay, NULL);
    rg_export__layout_free(&lay);
    if (rc != 0) {
        *err = out.over ? rg_job__too_big(f)
                        : rg__asprintf("out of memory writing %s",
                                       rg_format_name(f));
        rg_buf__free(&out);
        return -1;
    }
    o->format = f;
    o->data = out.data;
    o->size = out.len;
    return 0;
}

/* Renders the laid-out graph to format f in *o; PNG and PDF on the page
 * when there is one; warnings to `notes`. Returns 0, or -1 with a message
 * in *err (malloc'd). */
static int render_output(const rg_job *j, GVC_t *gvc, rg_built *b,
                         rg_format f, rg_output *o, rg_buf *notes,
                         char **err)
{
    rg_page_fit fit, *page = NULL;
    if (rg_format__is_export(f))
        return export_output(j, b, f, o, err);
    if (j->opts->page != RG_PAGE_NONE &&
        (f == RG_FORMAT_PNG || f == RG_FORMAT_PDF)) {
        rg_page__fit(&fit, b->g, j->opts->page, j->opts->landscape,
                     f == RG_FORMAT_PNG ? j->dpi : 72);
        page = &fit;
    }
    /* The dpi attribute is read once, by gvLayout, and scales SVG and
     * PDF too; the resolution is for bitmaps only, so it is set on the
     * laid-out graph for each render (0: the device's default). */
    if (f == RG_FORMAT_PNG && (*err = png_too_big(b, j->dpi, page)) != NULL)
        return -1;
    GD_drawing(b->g)->dpi = f == RG_FORMAT_PNG ? j->dpi : 0;
    rg_build__set_urls(b, f == RG_FORMAT_SVG || f == RG_FORMAT_HTML ||
                              f == RG_FORMAT_DOT);
    rg_gvctx__png_reset();
    if (page != NULL && rg_page__apply(page, b->g) != 0) {
        *err = strdup("out of memory setting up the page");
        return -1;
    }
    int rc = render_bytes(gvc, b->g, rg_format__gv(f), &o->data, &o->size);
    if (page != NULL)
        rg_page__restore(page, b->g);
    if (rc != 0 || rg_gvctx__png_failed()) {
        free(o->data);
        o->data = NULL;
        *err = rg__asprintf("Graphviz could not render %s",
                            rg_format_name(f));
        return -1;
    }
    o->format = f;
    if (f != RG_FORMAT_PNG && o->size > RG_MAX_CHART_BYTES) {
        *err = rg_job__too_big(f);
        return -1;
    }
    return finish_output(j, b, o, notes, err);
}

/* A warning in `notes` when the text of the chart, put on the page
 * (--page) for PNG or PDF, would print too small. */
static void check_page(const rg_job *j, rg_built *b, rg_buf *notes)
{
    int print = 0;
    for (size_t i = 0; i < j->n; i++)
        print |= j->formats[i] == RG_FORMAT_PNG ||
                 j->formats[i] == RG_FORMAT_PDF;
    if (j->opts->page == RG_PAGE_NONE || !print)
        return;
    rg_page_fit fit;
    rg_page__fit(&fit, b->g, j->opts->page, j->opts->landscape, 72);
    rg_page__warn_small_text(notes, &fit, b->g, j->opts->page,
                             j->opts->landscape, j->doc->view_note != NULL);
}

/* A warning in `notes` when dot's lines still run through texts (see
 * build_cross.c), which the reader may not see at a glance. */
static void warn_crossings(int crossed, rg_buf *notes)
{
    if (crossed > 0)
        rg_buf__printf(notes, "lines run through %d text%s of the chart "
                              "(names, labels); a focused view (--focus "
                              "ACTOR) reads better\n",
                       crossed, crossed == 1 ? "" : "s");
}

/* The test suite's crash on purpose, now that relgraph builds no graph
 * on which Graphviz 2.43 is known to crash: when the environment's
 * RELGRAPH_TEST_CRASH names the document's title, the layout aborts here,
 * in whichever process lays out (the child, the guarded process, the
 * batch worker), so that the tests see each one turn a crash into an
 * error. A document alone cannot ask for it. */
static void crash_if_asked(const rg_doc *d)
{
    const char *title = getenv("RELGRAPH_TEST_CRASH");
    if (title != NULL && *title && d->title != NULL &&
        strcmp(d->title, title) == 0) {
        /* as a failed assertion would say it */
        fputs("relgraph: job.c: crash_if_asked: RELGRAPH_TEST_CRASH\n", stderr);
        abort();
    }
}

static int run(const rg_job *j, rg_output *outs, char **err, rg_buf *notes)
{
    rg_built b = {0};
    int rc = -1, laid_out = 0;
    *err = NULL;
    if (j->n == 0)
        return 0;
    GVC_t *gvc = rg_gvctx__get(err);
    if (gvc == NULL)
        return -1;
    if (rg_build__graph(&b, j->doc, &j->bopts) != 0) {
        *err = strdup("out of memory building the graph");
        return -1;
    }
    rg_fonts__wait(); /* text is measured from here on */
    crash_if_asked(j->doc);
    if (rg_gvsame__layout(gvc, b.g, j->bopts.engine) != 0) {
        *err = rg__asprintf("Graphviz's %s layout failed", j->bopts.engine);
        goto out;
    }
    laid_out = 1;
    /* Lines laid around the texts they run through (a timeline's run
     * through its marks by design), and those still crossed counted. */
    int crossed = strcmp(j->bopts.engine, "dot") == 0
                      ? rg_build__settle_dot(gvc, b.g, j->bopts.claims)
                  : j->bopts.timeline ? rg_build__crossed_texts(b.g)
                                      : rg_build__laid_around(b.g);
    if (crossed == -1) { /* only dot lays out again */
        laid_out = 0;
        *err = strdup("Graphviz's dot layout failed");
        goto out;
    }
    if (crossed < 0) {
        *err = strdup("out of memory laying lines around texts");
        goto out;
    }
    check_page(j, &b, notes);
    warn_crossings(crossed, notes);
    for (size_t i = 0; i < j->n; i++) {
        size_t same = 0;
        while (same < i && j->formats[same] != j->formats[i])
            same++;
        if (same < i ? copy_output(&outs[i], &outs[same], err) != 0
                     : render_output(j, gvc, &b, j->formats[i], &outs[i],
                                     notes, err) != 0)
            goto out;
    }
    rc = 0;
out:
    if (laid_out)
        gvFreeLayout(gvc, b.g);
    rg_build__free(&b);
    return rc;
}

int rg_job__run_captured(const rg_job *j, rg_output *outs, char **err,
                         rg_buf *msgs)
{
    rg_buf notes = {0};
    rg_gvctx__capture_begin(msgs);
    int rc = run(j, outs, err, &notes);
    rg_gvctx__capture_end();
    rg_gvctx__job_notes(msgs, notes.data, notes.len);
    rg_buf__free(&notes);
    return rc;
}

/* The id of the view's actor that `ref` names (by id, else by a name or
 * alias, as --focus resolved it), or ref itself. */
static const char *focus_id(const rg_doc *doc, const char *ref)
{
    for (size_t i = 0; i < doc->n_actors; i++)
        if (strcmp(doc->actors[i].id, ref) == 0)
            return ref;
    for (size_t i = 0; i < doc->n_actors; i++) {
        const rg_actor *a = &doc->actors[i];
        int hit = strcmp(a->name, ref) == 0;
        for (size_t k = 0; k < a->aliases.n && !hit; k++)
            hit = strcmp(a->aliases.v[k], ref) == 0;
        if (hit)
            return a->id;
    }
    return ref;
}

/* What a view adds to the prefix, so that the full chart and views of
 * one document can share a page: "f-" and the focus actors' ids, each
 * once, then "d2-" for a depth other than 1 ("f-deep-panda-",
 * "f-china-opm-d2-"); when an id holds a character other than letters,
 * digits, '-' and '_' (a '.', which ids may hold, or anything a ref that
 * named no actor holds) or the part would pass 40 bytes, "f" and a hash
 * of the ids and depth ("f1a2b3c4d-"). */
static void focus_part(rg_buf *p, const rg_doc *doc,
                       const rg_render_opts *opts)
{
    size_t mark = p->len;
    uint32_t h = 2166136261u; /* FNV-1a */
    int plain = 1;
    unsigned depth = opts->focus_depth ? opts->focus_depth : 1;
    rg_buf__puts(p, "f-");
    for (size_t i = 0; i < opts->n_focus; i++) {
        const char *id = focus_id(doc, opts->focus[i]);
        int dup = 0;
        for (size_t j = 0; j < i && !dup; j++)
            dup = strcmp(focus_id(doc, opts->focus[j]), id) == 0;
        if (dup)
            continue;
        for (const char *c = id;; c++) {
            h = (h ^ (unsigned char)*c) * 16777619u;
            if (*c == '\0')
                break;
            plain &= (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
                     (*c >= '0' && *c <= '9') || *c == '-' || *c == '_';
        }
        rg_buf__printf(p, "%s-", id);
    }
    if (depth != 1)
        rg_buf__printf(p, "d%u-", depth);
    h = (h ^ depth) * 16777619u;
    if (!plain || p->len - mark > 40) {
        p->len = mark;
        rg_buf__printf(p, "f%08x-", (unsigned)h);
    }
}

/* What a time view adds to the prefix: "asof-2015-06-", "between-2014-
 * to-2015-09-" (an open end left empty), then "fade-" with --fade. The
 * dates were checked; any other character is made '-' all the same. */
static void time_part(rg_buf *p, const rg_render_opts *opts)
{
    const char *d = opts->as_of != NULL ? opts->as_of : opts->between;
    rg_buf__puts(p, opts->as_of != NULL ? "asof-" : "between-");
    for (size_t i = 0; d[i] != '\0' && i < 24; i++) {
        if (d[i] == '.' && d[i + 1] == '.') {
            rg_buf__puts(p, "-to-");
            i++;
        } else {
            rg_buf__putc(p, (d[i] >= '0' && d[i] <= '9') ? d[i] : '-');
        }
    }
    rg_buf__puts(p, opts->fade ? "-fade-" : "-");
}

/* An id prefix from the document's file name: its stem, with characters
 * not allowed in ids made '-', starting with a letter, then for a view
 * what focus_part() adds. NULL when out of memory. */
static char *default_prefix(const rg_doc *doc, const rg_render_opts *opts)
{
    const char *base = rg_files__base(doc->file);
    if (strcmp(base, "<stdin>") == 0 || *base == '\0')
        base = "chart";
    size_t n = strcspn(base, ".");
    if (n == 0)
        n = strlen(base);
    rg_buf p = {0};
    if (!((base[0] >= 'a' && base[0] <= 'z') || (base[0] >= 'A' && base[0] <= 'Z')))
        rg_buf__puts(&p, "c-");
    for (size_t i = 0; i < n; i++) {
        char c = base[i];
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                 (c >= '0' && c <= '9') || c == '-' || c == '_';
        rg_buf__putc(&p, ok ? c : '-');
    }
    rg_buf__putc(&p, '-');
    if (opts->as_of != NULL || opts->between != NULL)
        time_part(&p, opts);
    if (opts->n_focus > 0)
        focus_part(&p, doc, opts);
    if (p.oom) {
        rg_buf__free(&p);
        return NULL;
    }
    return p.data;
}

char *rg_job__setup(rg_job *out, const rg_doc *doc, const rg_render_opts *opts,
                    const rg_format *formats, size_t n, rg_diags *diags)
{
    char *prefix = opts->id_prefix ? NULL : default_prefix(doc, opts);
    rg_job j = {doc, opts, opts->id_prefix ? opts->id_prefix
                           : prefix        ? prefix
                                           : "",
                {.legend = 1, .citations = !opts->no_citations,
                 .theme = opts->theme, .link_labels = 1, .title = 1,
                 .sources = 1, .claims = !opts->no_claims,
                 .aliases = opts->aliases, .dates = opts->dates},
                opts->dpi > 0 ? opts->dpi : 150, formats, n};
    /* Which engine lays out is news only when something is laid out; a
     * timeline places everything itself (nop2: neato -n2). */
    int timeline = opts->view == RG_VIEW_TIMELINE;
    rg_engine__pick(&j.bopts, doc, opts, n > 0 && !timeline ? diags : NULL);
    if (timeline) {
        j.bopts.engine = "nop2";
        j.bopts.groups = 0;
        j.bopts.link_labels = 1;
        j.bopts.overlap = NULL;
        j.bopts.timeline = 1;
    }
    j.bopts.direction = opts->direction ? opts->direction
                        : doc->layout.direction ? doc->layout.direction
                                                : "LR";
    j.bopts.legend = opts->legend >= 0 ? opts->legend
                     : doc->layout.legend >= 0 ? doc->layout.legend : 1;
    int print = 0;
    for (size_t i = 0; i < n; i++)
        print |= formats[i] == RG_FORMAT_PNG || formats[i] == RG_FORMAT_PDF;
    if (opts->page != RG_PAGE_NONE && n > 0 && !print)
        rg_diags_add(diags, RG_NOTE, doc->file,
                     "--page sizes only PNG and PDF outputs, and none is "
                     "asked for: SVG, DOT and HTML keep the chart's own "
                     "size");
    j.bopts.title = !opts->no_title;
    j.bopts.sources = !opts->no_sources;
    *out = j;
    return prefix;
}
