/* Layout and rendering through gvc, in a child process with a time limit;
 * atomic file output. The only file that calls gvc.
 *
 * Why a child: Graphviz 2.43 has crashes and hangs we cannot fix from
 * outside (see graphs/README.md, "Robustness"). The builder avoids the
 * known ones; the child turns any that remain into a diagnostic and exit
 * status 3, and the time limit turns a runaway layout into one too. A fork
 * costs about a millisecond. */
#include "build.h"
#include "buf.h"
#include "diag.h"
#include "fonts.h"
#include "model.h"
#include "pngenc.h"
#include "report.h"
#include "svg.h"
#include "view.h"

#include <errno.h>
#include <fcntl.h>
#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>
#include <graphviz/gvplugin_device.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct pending;

struct rg_renderer {
    struct pending *pend; /* rg_render_begin()'s render; NULL: none yet */
    /* The batch worker (see "the batch worker" below); 0 when none. */
    pid_t worker;
    int req_fd, out_fd, err_fd;
    rg_buf frames; /* the worker's answer, its room kept from job to job */
};

static const char *const format_names[RG_FORMAT_COUNT] = {
    "svg", "png", "pdf", "dot", "html", "md"};
/* What gvRender is asked for: cairo for bitmaps and PDF (real fonts,
 * anti-aliasing), Graphviz's own writers for SVG and DOT. */
static const char *const gv_formats[RG_FORMAT_COUNT] = {
    "svg", "png:cairo:relgraph", "pdf:cairo", "dot", "svg", NULL};

const char *rg_format_name(rg_format format)
{
    return (unsigned)format < RG_FORMAT_COUNT ? format_names[format] : "?";
}

bool rg_format_is_binary(rg_format format)
{
    return format == RG_FORMAT_PNG || format == RG_FORMAT_PDF;
}

int rg_format_parse(rg_format *out, const char *name_or_path)
{
    const char *ext = strrchr(name_or_path, '.');
    const char *slash = strrchr(name_or_path, '/');
    ext = ext && (!slash || ext > slash) ? ext + 1 : name_or_path;
    for (int i = 0; i < RG_FORMAT_COUNT; i++) {
        const char *n = format_names[i];
        size_t k = 0;
        while (n[k] && ext[k] && (ext[k] | 0x20) == n[k])
            k++;
        if (n[k] == '\0' && ext[k] == '\0') {
            *out = (rg_format)i;
            return 0;
        }
    }
    return -1;
}

void rg_render_opts_init(rg_render_opts *out)
{
    memset(out, 0, sizeof(*out));
    out->legend = -1;
    out->dpi = 150;
    out->layout_timeout = 120;
    out->isolate = true;
}

/* ---- the Graphviz context ---- */

/* PNG: cairo draws, relgraph encodes. A device plugin of our own
 * ("png:cairo", as Graphviz's gd device is "png:cairo:gd") is
 * handed cairo's finished image surface and writes it with pngenc.c,
 * several times faster than cairo's own PNG writer (see there). */
size_t gvwrite(GVJ_t *job, const char *s, size_t len); /* libgvc's */

/* Set when the encoder failed: a device has no way to report it. */
static int png_failed;

static void png_format(GVJ_t *job)
{
    rg_buf png = {0};
    if (job->imagedata == NULL ||
        rg_png__encode(&png, (const uint32_t *)(void *)job->imagedata,
                       job->width, job->height, job->dpi.x) != 0 ||
        gvwrite(job, png.data, png.len) != png.len)
        png_failed = 1;
    rg_buf__free(&png);
}

static gvdevice_engine_t png_engine = {NULL, png_format, NULL};
static gvdevice_features_t png_features = {
    GVDEVICE_BINARY_FORMAT | GVDEVICE_NO_WRITER | GVDEVICE_DOES_TRUECOLOR,
    {0., 0.},   /* margin */
    {0., 0.},   /* page size */
    {96., 96.}, /* dpi unless the graph sets one */
};
static gvplugin_installed_t png_devices[] = {
    {0, "png:cairo", 1, &png_engine, &png_features},
    {0, NULL, 0, NULL, NULL}};
static gvplugin_api_t png_apis[] = {{API_device, png_devices},
                                    {(api_t)0, NULL}};
static gvplugin_library_t png_library = {"relgraph", png_apis};

static int count_plugins(GVC_t *gvc, const char *kind)
{
    int n = 0;
    char **list = gvPluginList(gvc, kind, &n, NULL);
    for (int i = 0; i < n; i++)
        free(list[i]);
    free(list);
    return n;
}

/* Starts Graphviz: a context with its plugins and relgraph's PNG device.
 * Returns NULL with a message in *err (malloc'd) when it cannot. */
static GVC_t *start_graphviz(char **err)
{
    GVC_t *gvc = gvContext();
    if (gvc == NULL || count_plugins(gvc, "layout") == 0 ||
        count_plugins(gvc, "render") == 0) {
        *err = strdup("Graphviz has no layout or render plugins; run "
                      "'dot -c' as root to register them, or reinstall "
                      "libgvc6");
        if (gvc != NULL)
            gvFreeContext(gvc);
        return NULL;
    }
    gvAddLibrary(gvc, &png_library);
    return gvc;
}

/* A renderer starts nothing: Graphviz starts in the process that lays out
 * (process_gvc below). A context made here before fork() would cost a
 * child more in page faults than starting one costs (OPM chart to SVG:
 * 81 ms with the parent's context, 76 ms without; dot alone: 65 ms). */
rg_renderer *rg_renderer_new(rg_diags *diags)
{
    rg_renderer *r = calloc(1, sizeof(*r));
    if (r == NULL)
        rg_diags_add(diags, RG_ERROR, "", "out of memory");
    return r;
}

static void worker_stop(rg_renderer *r, int kill_it);

static void pending_free(rg_renderer *r);
static int busy(const rg_renderer *r, const rg_doc *doc, rg_diags *diags);

void rg_renderer_free(rg_renderer *r)
{
    if (r == NULL)
        return;
    pending_free(r);
    worker_stop(r, 0);
    rg_buf__free(&r->frames);
    free(r);
}

/* ---- Graphviz's messages ---- */

/* agseterrf's callback has no context argument: the messages of the
 * current render go to this buffer (one render at a time per process). */
static rg_buf *gv_messages;

static int on_gv_message(char *msg)
{
    if (gv_messages != NULL)
        rg_buf__puts(gv_messages, msg);
    return 0;
}

/* Turns Graphviz's messages into diagnostics: one per message, with its
 * continuation lines (which start with a tab) folded in, repeats dropped,
 * and at most MAX_GV_MESSAGES of them, so that a confused layout cannot
 * bury the user's terminal. */
#define MAX_GV_MESSAGES 8
#define MAX_GV_MESSAGE_LEN 240

static int word_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '#';
}

/* The document value a Graphviz message complains about: the longest of
 * the raw values that appears in it as a whole word. */
static const rg_gvval *blame(const rg_doc *doc, const char *msg)
{
    const rg_gvval *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; doc && i < doc->n_gvvals; i++) {
        const char *v = doc->gvvals[i].value;
        size_t n = strlen(v);
        if (n < 2 || n <= best_len)
            continue;
        for (const char *p = strstr(msg, v); p; p = strstr(p + 1, v)) {
            if ((p == msg || !word_char(p[-1])) && !word_char(p[n])) {
                best = &doc->gvvals[i];
                best_len = n;
                break;
            }
        }
    }
    return best;
}

static void add_message(rg_diags *diags, const rg_doc *doc, const char *file,
                        rg_severity sev, const char *msg)
{
    const rg_gvval *v = blame(doc, msg);
    if (v != NULL)
        rg_doc__locate_gvval(doc, v);
    if (v != NULL)
        rg_diag__pos(diags, sev, file, v->line, v->column, v->end_column,
                     v->source_line,
                     v->source_line ? strlen(v->source_line) : 0, v->path,
                     "graphviz: %s", msg);
    else
        rg_diags_add(diags, sev, file, "graphviz: %s", msg);
}

static void add_messages(rg_diags *diags, const rg_doc *doc, const char *file,
                         const char *text, rg_severity sev)
{
    rg_buf cur = {0}, last = {0};
    size_t shown = 0, hidden = 0;
    for (;;) {
        size_t n = strcspn(text, "\n");
        int cont = n > 0 && (text[0] == '\t' || text[0] == ' ');
        if (!cont && cur.len > 0) {
            if (strcmp(rg_buf__str(&cur), rg_buf__str(&last)) != 0) {
                if (shown < MAX_GV_MESSAGES) {
                    add_message(diags, doc, file, sev, rg_buf__str(&cur));
                    shown++;
                } else {
                    hidden++;
                }
                rg_buf__reset(&last);
                rg_buf__puts(&last, rg_buf__str(&cur));
            }
            rg_buf__reset(&cur);
        }
        if (*text == '\0')
            break;
        const char *line = text;
        size_t skip = strspn(line, " \t");
        if (strncmp(line, "Warning: ", 9) == 0)
            skip = 9;
        else if (strncmp(line, "Error: ", 7) == 0)
            skip = 7;
        if (n > skip && cur.len < MAX_GV_MESSAGE_LEN) {
            if (cur.len > 0)
                rg_buf__putc(&cur, ' ');
            size_t room = MAX_GV_MESSAGE_LEN - cur.len;
            size_t take = n - skip < room ? n - skip : room;
            rg_buf__putn(&cur, line + skip, take);
        }
        text += n + (text[n] == '\n');
    }
    if (hidden > 0)
        rg_diags_add(diags, sev, file, "graphviz: %zu more message%s not shown",
                     hidden, hidden == 1 ? "" : "s");
    rg_buf__free(&cur);
    rg_buf__free(&last);
}

/* ---- one layout, many outputs ---- */

typedef struct job {
    const rg_doc *doc;
    const rg_render_opts *opts;
    const char *id_prefix;
    rg_build_opts bopts;
    double dpi;
    const rg_format *formats;
    size_t n;
} job;

/* "N actors, M links, K disputed": what a screen reader says after the
 * description. */
static void summary(rg_buf *b, const rg_doc *d)
{
    size_t by[RG_STATUS_COUNT] = {0};
    for (size_t i = 0; i < d->n_links; i++)
        by[d->links[i].status]++;
    if (d->description != NULL && *d->description)
        rg_buf__printf(b, "%s ", d->description);
    rg_buf__printf(b, "%zu actor%s, %zu link%s", d->n_actors,
                   d->n_actors == 1 ? "" : "s", d->n_links,
                   d->n_links == 1 ? "" : "s");
    for (int s = RG_STATUS_ALLEGED; s < RG_STATUS_COUNT; s++)
        if (by[s] > 0)
            rg_buf__printf(b, ", %zu %s", by[s], rg_status_name((rg_status)s));
    rg_buf__putc(b, '.');
    if (d->view_note != NULL)
        rg_buf__printf(b, " %s", d->view_note);
}

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
static int finish_svg(const job *j, const rg_built *b, char **data,
                      size_t *len, int in_html)
{
    rg_buf desc = {0}, out = {0};
    summary(&desc, j->doc);
    /* In a report page the chart is inline and fits the page's width. */
    rg_svg_opts o = {j->id_prefix, in_html || j->opts->svg_inline,
                     in_html || j->opts->svg_responsive, j->doc->title,
                     rg_buf__str(&desc), b->titles, b->n_titles,
                     b->sources_at_foot ? "sources" : "legend"};
    /* The rewrite adds prefixes, classes, the title and the description,
     * and leaves out Graphviz's comments: room for all at once. */
    rg_buf__reserve(&out, *len + *len / 4 + desc.len + 4096);
    int rc = rg_svg__rewrite(&out, *data, *len, &o);
    rg_buf__free(&desc);
    if (rc != 0 || out.oom) {
        rg_buf__free(&out);
        return -1;
    }
    free(*data);
    *data = out.data;
    *len = out.len;
    return 0;
}

/* The process's Graphviz context, started on first use and kept until the
 * process ends, whichever renderer asks. Never two in one process: the
 * pango plugin keeps a pointer to the last font name it measured, which
 * gvFreeContext() frees; a second context in the process, or in a child
 * forked after the first was freed, then reads freed memory (ASan found it
 * in the unit tests). */
static GVC_t *the_gvc;

/* rg_preload() starts Graphviz on this thread: loading its plugins (pango,
 * cairo and what they need) is most of a start-up. */
static pthread_t gv_thread;
static int gv_thread_on;

static void *start_in_thread(void *unused)
{
    (void)unused;
    char *err = NULL;
    the_gvc = start_graphviz(&err);
    free(err); /* started again, and reported, by the render that needs it */
    return NULL;
}

/* Waits for rg_preload()'s Graphviz thread: before Graphviz is used or its
 * error callback set. */
static void gv_wait(void)
{
    if (gv_thread_on) {
        pthread_join(gv_thread, NULL);
        gv_thread_on = 0;
    }
}

/* Waits for both of rg_preload()'s threads: before a fork, and at exit. */
static void preload_wait(void)
{
    gv_wait();
    rg_fonts__wait();
}

void rg_preload(void)
{
    static int registered;
    if (!registered) {
        /* A program that ends early (its document did not load) must not
         * unload libraries while a thread is still loading them. */
        atexit(preload_wait);
        registered = 1;
    }
    rg_fonts__start();
    if (!gv_thread_on && the_gvc == NULL &&
        pthread_create(&gv_thread, NULL, start_in_thread, NULL) == 0)
        gv_thread_on = 1;
}

static GVC_t *process_gvc(char **err)
{
    gv_wait(); /* the fonts may still load while the graph is built */
    if (the_gvc == NULL)
        the_gvc = start_graphviz(err);
    return the_gvc;
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
#define RG_MAX_CHART_BYTES (256 << 20)

/* The message (malloc'd) for an output of format f past
 * RG_MAX_CHART_BYTES. */
static char *too_big(rg_format f)
{
    return rg__asprintf("the %s output would be more than the %d MiB allowed; draw "
                        "a part of the document (--focus ACTOR)",
                        format_names[f], RG_MAX_CHART_BYTES >> 20);
}

/* NULL, or a message (malloc'd) when the laid-out chart at this
 * resolution has more pixels than allowed. */
static char *png_too_big(const rg_built *b, double dpi)
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
                            "lower --dpi (%d fits) or draw a part of the "
                            "document (--focus ACTOR)", w, h, w * h / 1e6,
                            RG_MAX_PNG_PIXELS / 1e6, (int)fit);
    return rg__asprintf("the PNG would be %.0f x %.0f pixels (%.0f million), "
                        "more than the %.0f million allowed even at the "
                        "lowest --dpi; write SVG or PDF, or draw a part of "
                        "the document (--focus ACTOR)", w, h, w * h / 1e6,
                        RG_MAX_PNG_PIXELS / 1e6);
}

/* Lays out and renders in this process. Stores n outputs or returns -1
 * with a message in *err (malloc'd). */
static int run_job(const job *j, rg_output *outs, char **err)
{
    rg_built b = {0};
    int rc = -1, laid_out = 0, built = 0;
    GVC_t *gvc = NULL;
    *err = NULL;
    /* Markdown is the document's table alone: no graph, no layout. */
    int chart = 0;
    for (size_t i = 0; i < j->n; i++)
        chart |= j->formats[i] != RG_FORMAT_MD;
    if (chart) {
        gvc = process_gvc(err);
        if (gvc == NULL)
            return -1;
        if (rg_build__graph(&b, j->doc, &j->bopts) != 0) {
            *err = strdup("out of memory building the graph");
            return -1;
        }
        built = 1;
        rg_fonts__wait(); /* text is measured from here on */
        if (gvLayout(gvc, b.g, j->bopts.engine) != 0) {
            *err = rg__asprintf("Graphviz's %s layout failed",
                                j->bopts.engine);
            goto out;
        }
        laid_out = 1;
    }
    for (size_t i = 0; i < j->n; i++) {
        rg_format f = j->formats[i];
        size_t same = 0; /* a format asked for twice is rendered once */
        while (same < i && j->formats[same] != f)
            same++;
        if (same < i) {
            outs[i].format = f;
            outs[i].size = outs[same].size;
            outs[i].data = malloc(outs[i].size + 1);
            if (outs[i].data == NULL) {
                *err = strdup("out of memory rendering");
                goto out;
            }
            memcpy(outs[i].data, outs[same].data, outs[i].size + 1);
            continue;
        }
        if (f == RG_FORMAT_MD) {
            rg_buf md = {0};
            md.max = RG_MAX_CHART_BYTES;
            if (rg_report__markdown(&md, j->doc) != 0 || md.oom) {
                *err = md.over ? too_big(f)
                               : strdup("out of memory writing Markdown");
                rg_buf__free(&md);
                goto out;
            }
            outs[i].format = f;
            outs[i].data = md.data ? md.data : strdup("");
            outs[i].size = md.len;
            continue;
        }
        /* The dpi attribute is read once, by gvLayout, and scales SVG and
         * PDF too; the resolution is for bitmaps only, so it is set on the
         * laid-out graph for each render (0: the device's default). */
        if (f == RG_FORMAT_PNG && (*err = png_too_big(&b, j->dpi)) != NULL)
            goto out;
        GD_drawing(b.g)->dpi = f == RG_FORMAT_PNG ? j->dpi : 0;
        rg_build__set_urls(&b, f == RG_FORMAT_SVG || f == RG_FORMAT_HTML ||
                               f == RG_FORMAT_DOT);
        png_failed = 0;
        if (render_bytes(gvc, b.g, gv_formats[f], &outs[i].data,
                         &outs[i].size) != 0 || png_failed) {
            free(outs[i].data);
            outs[i].data = NULL;
            *err = rg__asprintf("Graphviz could not render %s",
                                format_names[f]);
            goto out;
        }
        outs[i].format = f;
        if (f != RG_FORMAT_PNG && outs[i].size > RG_MAX_CHART_BYTES) {
            *err = too_big(f);
            goto out;
        }
        if (f == RG_FORMAT_PDF)
            fix_pdf_dates(outs[i].data, outs[i].size);
        if ((f == RG_FORMAT_SVG || f == RG_FORMAT_HTML) &&
            finish_svg(j, &b, &outs[i].data, &outs[i].size,
                       f == RG_FORMAT_HTML) != 0) {
            *err = strdup("out of memory rewriting the SVG");
            goto out;
        }
        if (f == RG_FORMAT_HTML) {
            rg_buf page = {0};
            page.max = RG_MAX_CHART_BYTES;
            if (rg_report__html(&page, j->doc, outs[i].data,
                                outs[i].size) != 0 || page.oom) {
                *err = page.over ? too_big(f)
                                 : strdup("out of memory writing the report");
                rg_buf__free(&page);
                goto out;
            }
            free(outs[i].data);
            outs[i].data = page.data;
            outs[i].size = page.len;
        }
    }
    rc = 0;
out:
    if (laid_out)
        gvFreeLayout(gvc, b.g);
    if (built)
        rg_build__free(&b);
    return rc;
}

/* ---- the child process ---- */

/* Frames on the pipe from the child: a header, then `len` bytes. */
enum { FR_OUTPUT = 1, FR_WARNINGS = 2, FR_ERROR = 3, FR_DONE = 4 };
typedef struct frame {
    uint32_t type;
    uint32_t format;
    uint64_t len;
} frame;

static int write_all(int fd, const void *p, size_t n)
{
    const char *c = p;
    while (n > 0) {
        ssize_t w = write(fd, c, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        c += w;
        n -= (size_t)w;
    }
    return 0;
}

static int send_frame(int fd, uint32_t type, uint32_t format,
                      const char *data, size_t len)
{
    frame f = {type, format, len};
    if (write_all(fd, &f, sizeof(f)) != 0)
        return -1;
    return len ? write_all(fd, data, len) : 0;
}

/* Runs a job in this (child) process and sends its frames: warnings,
 * then the outputs and FR_DONE, or FR_ERROR. Returns 0, or -1 after an
 * error. */
static int serve_job(const job *j, int out_fd)
{
    rg_output *outs = calloc(j->n ? j->n : 1, sizeof(*outs));
    char *err = NULL;
    rg_buf msgs = {0};
    gv_wait(); /* Graphviz may be starting, with its own messages */
    gv_messages = &msgs;
    agseterrf(on_gv_message);
    int rc = outs ? run_job(j, outs, &err) : -1;
    gv_messages = NULL;
    if (msgs.len > 0)
        send_frame(out_fd, FR_WARNINGS, 0, msgs.data, msgs.len);
    rg_buf__free(&msgs);
    if (rc != 0) {
        const char *m = err ? err : "out of memory";
        send_frame(out_fd, FR_ERROR, 0, m, strlen(m));
        return -1;
    }
    for (size_t i = 0; i < j->n; i++)
        if (send_frame(out_fd, FR_OUTPUT, outs[i].format, outs[i].data,
                       outs[i].size) != 0)
            return -1;
    send_frame(out_fd, FR_DONE, 0, NULL, 0);
    rg_outputs_free(outs, j->n);
    return 0;
}

/* What every child does first. */
static void child_setup(int err_fd)
{
    /* cairo writes the PDF's date in local time with its offset; in UTC
     * the offset is always "Z", so the date has one length everywhere. */
    setenv("TZ", "UTC", 1);
    tzset();
    /* What Graphviz prints behind its callback's back ("triangulation
     * failed", assertions) goes to the parent through stderr. */
    dup2(err_fd, STDERR_FILENO);
    close(err_fd);
}

static void child_main(const job *j, int out_fd, int err_fd)
{
    child_setup(err_fd);
    rg_preload(); /* while the graph is built */
    /* _exit: the parent owns stdio buffers and atexit handlers. */
    _exit(serve_job(j, out_fd) == 0 ? 0 : 1);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct reader {
    int fd;
    rg_buf data;
    int open;
} reader;

/* Reads the child's two pipes until both close or the deadline passes.
 * Returns 0, or -1 on timeout. */
static int read_child(reader *rd, size_t n, double deadline)
{
    char chunk[65536];
    for (;;) {
        struct pollfd p[2];
        int np = 0;
        for (size_t i = 0; i < n; i++) {
            if (rd[i].open) {
                p[np].fd = rd[i].fd;
                p[np].events = POLLIN;
                np++;
            }
        }
        if (np == 0)
            return 0;
        double left = deadline - now();
        if (left <= 0)
            return -1;
        int r = poll(p, (nfds_t)np, left > 1e6 ? 1000000000 : (int)(left * 1000) + 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return -1;
        for (int k = 0; k < np; k++) {
            if (!(p[k].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            reader *x = rd[0].fd == p[k].fd ? &rd[0] : &rd[1];
            ssize_t got = read(x->fd, chunk, sizeof(chunk));
            if (got > 0)
                rg_buf__putn(&x->data, chunk, (size_t)got);
            else if (got == 0 || errno != EINTR)
                x->open = 0;
        }
    }
}

/* Parses the child's frames into outputs and diagnostics. Returns 0 when
 * every output arrived, 1 when the child reported an error, -1 when its
 * frames stop short. */
static int parse_frames(const rg_buf *in, rg_output *outs, size_t n,
                        rg_diags *diags, const rg_doc *doc)
{
    const char *file = doc->file;
    size_t off = 0, got = 0;
    int done = 0, failed = 0;
    while (off + sizeof(frame) <= in->len) {
        frame f;
        memcpy(&f, in->data + off, sizeof(f));
        off += sizeof(f);
        if (f.len > in->len - off)
            break;
        const char *p = in->data + off;
        off += f.len;
        if (f.type == FR_OUTPUT && got < n) {
            outs[got].format = (rg_format)f.format;
            outs[got].data = malloc(f.len ? f.len : 1);
            if (outs[got].data == NULL)
                return -1;
            memcpy(outs[got].data, p, f.len);
            outs[got].size = f.len;
            got++;
        } else if (f.type == FR_WARNINGS || f.type == FR_ERROR) {
            char *s = strndup(p, f.len);
            if (s != NULL) {
                if (f.type == FR_WARNINGS)
                    add_messages(diags, doc, file, s, RG_WARNING);
                else
                    rg_diags_add(diags, RG_ERROR, file, "%s", s);
            }
            free(s);
            failed |= f.type == FR_ERROR;
        } else if (f.type == FR_DONE) {
            done = 1;
        }
    }
    if (failed)
        return 1;
    return done && got == n ? 0 : -1;
}

static int report_end(const job *j, double timeout, int timed_out,
                      int status, const rg_buf *frames, rg_output *outs,
                      rg_diags *diags);

static int run_isolated(const job *j, double timeout, rg_output *outs,
                        rg_diags *diags)
{
    const char *file = j->doc->file;
    int po[2], pe[2];
    if (pipe(po) != 0)
        goto fail_pipe;
    if (pipe(pe) != 0) {
        close(po[0]);
        close(po[1]);
        goto fail_pipe;
    }
    preload_wait(); /* no thread may be running at fork() */
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        close(po[0]); close(po[1]); close(pe[0]); close(pe[1]);
        rg_diags_add(diags, RG_ERROR, file, "cannot start the layout: %s",
                     strerror(errno));
        return -1;
    }
    if (pid == 0) {
        close(po[0]);
        close(pe[0]);
        child_main(j, po[1], pe[1]);
    }
    close(po[1]);
    close(pe[1]);
    reader rd[2] = {{po[0], {0}, 1}, {pe[0], {0}, 1}};
    int timed_out = read_child(rd, 2, now() + timeout) != 0;
    if (timed_out)
        kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    close(po[0]);
    close(pe[0]);
    int rc = report_end(j, timeout, timed_out, status, &rd[0].data, outs,
                        diags);
    if (rd[1].data.len > 0)
        add_messages(diags, j->doc, file, rg_buf__str(&rd[1].data),
                     rc == 0 ? RG_WARNING : RG_NOTE);
    rg_buf__free(&rd[0].data);
    rg_buf__free(&rd[1].data);
    return rc;
fail_pipe:
    rg_diags_add(diags, RG_ERROR, file, "cannot start the layout: %s",
                 strerror(errno));
    return -1;
}

static int has_attrs(const rg_doc *d)
{
    if (d->layout.attrs.n > 0)
        return 1;
    for (size_t i = 0; i < d->n_actors; i++)
        if (d->actors[i].attrs.n > 0)
            return 1;
    for (size_t i = 0; i < d->n_links; i++)
        if (d->links[i].attrs.n > 0)
            return 1;
    for (size_t i = 0; i < d->n_groups; i++)
        if (d->groups[i].attrs.n > 0)
            return 1;
    for (size_t i = 0; i < d->n_kinds; i++)
        if (d->kinds[i].attrs.n > 0)
            return 1;
    for (size_t i = 0; i < d->n_link_kinds; i++)
        if (d->link_kinds[i].attrs.n > 0)
            return 1;
    return 0;
}

const char *rg_render_timeout_advice(const rg_doc *doc,
                                     const rg_render_opts *opts)
{
    const char *engine = rg_render_engine(doc, opts);
    int fast = engine != NULL &&
               (strcmp(engine, "sfdp") == 0 || strcmp(engine, "osage") == 0);
    if (!fast)
        return "choose a faster engine (--engine sfdp), draw a part of it "
               "(--focus ACTOR) or";
    if (has_attrs(doc))
        return "leave out raw attrs that slow it down, draw a part of it "
               "(--focus ACTOR) or";
    return "draw a part of it (--focus ACTOR) or";
}

/* Turns how a child's job ended into outputs or diagnostics. Returns 0
 * when every output arrived. */
static int report_end(const job *j, double timeout, int timed_out,
                      int status, const rg_buf *frames, rg_output *outs,
                      rg_diags *diags)
{
    const char *file = j->doc->file;
    int rc = -1, parsed = -1;
    if (!timed_out && !WIFSIGNALED(status))
        parsed = parse_frames(frames, outs, j->n, diags, j->doc);
    if (timed_out) {
        rg_diags_add(diags, RG_ERROR, file,
                     "the %s layout did not finish within %g s; %s raise "
                     "--layout-timeout",
                     j->bopts.engine, timeout,
                     rg_render_timeout_advice(j->doc, j->opts));
    } else if (WIFSIGNALED(status)) {
        rg_diags_add(diags, RG_ERROR, file,
                     "Graphviz crashed (signal %d) in the %s layout; no "
                     "output was written; try another --engine, and please "
                     "report the document",
                     WTERMSIG(status), j->bopts.engine);
    } else if (parsed == 0 && WIFEXITED(status) &&
               WEXITSTATUS(status) == 0) {
        rc = 0;
    } else if (parsed != 1) {
        rg_diags_add(diags, RG_ERROR, file,
                     "Graphviz failed in the %s layout (exit status %d); "
                     "no output was written",
                     j->bopts.engine, WEXITSTATUS(status));
    }
    return rc;
}

/* An id prefix from the document's file name: its stem, with characters
 * not allowed in ids made '-', starting with a letter. */
static char *default_prefix(const char *file)
{
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    if (strcmp(base, "<stdin>") == 0 || *base == '\0')
        base = "chart";
    size_t n = strcspn(base, ".");
    if (n == 0)
        n = strlen(base);
    char *p = malloc(n + 4);
    if (p == NULL)
        return NULL;
    size_t k = 0;
    if (!((base[0] >= 'a' && base[0] <= 'z') || (base[0] >= 'A' && base[0] <= 'Z')))
        p[k++] = 'c', p[k++] = '-';
    for (size_t i = 0; i < n; i++) {
        char c = base[i];
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                 (c >= '0' && c <= '9') || c == '-' || c == '_';
        p[k++] = ok ? c : '-';
    }
    p[k++] = '-';
    p[k] = '\0';
    return p;
}

/* ---- choosing an engine ---- */

/* dot draws the best charts of relations but its cost grows steeply with
 * links: on generated documents (tests/bench) it took 3-4 s for 100
 * actors and 305 links, but 57 s for 120 and 362; at OPM's density (1.25
 * links an actor) 2.4 s for 500 actors and 616 links. Past these sizes
 * sfdp (under 1 s up to 500 actors) is used unless the user asks. */
#define DOT_MAX_ACTORS 500
#define DOT_MAX_LINKS 320

/* sfdp spends most of a big layout placing link labels and removing
 * overlaps: the generated 10,000-actor document (29,861 labelled links)
 * took 78-97 s with its labels, 56 s without, and 14 s when the overlap
 * removal (prism) stops after 20 rounds instead of 1,000 (no overlap left
 * that we could see; 5 rounds: 9 s). Past this many links, an sfdp layout
 * picked by relgraph draws no link labels (each stays in its link's title
 * and tooltip) and removes overlaps in at most 20 rounds. */
#define SFDP_MAX_LABELLED_LINKS 5000
#define RG_STR_(x) #x
#define RG_STR(x) RG_STR_(x)

static void pick_engine(rg_build_opts *out, const rg_doc *doc,
                        const rg_render_opts *o, rg_diags *diags)
{
    out->link_labels = 1;
    out->overlap = NULL;
    out->engine = o->engine ? o->engine : doc->layout.engine;
    if (out->engine != NULL)
        return;
    if (doc->n_actors <= DOT_MAX_ACTORS && doc->n_links <= DOT_MAX_LINKS) {
        out->engine = "dot";
        return;
    }
    if (doc->n_links == 0) {
        /* Without links there is nothing to lay out but boxes: sfdp and
         * neato took over 120 s for 5,000 actors alone (each is a
         * component of its own, placed one by one), dot over 120 s for
         * 5,000 groups; osage, which packs clusters, 0.3-0.7 s. */
        out->engine = "osage";
        rg_diags_add(diags, RG_NOTE, doc->file,
                     "using the osage layout (boxes packed in rows) for %zu "
                     "actors without links; choose another with --engine or "
                     "\"layout\": {\"engine\": ...}", doc->n_actors);
        return;
    }
    out->engine = "sfdp";
    out->link_labels = doc->n_links <= SFDP_MAX_LABELLED_LINKS;
    out->overlap = out->link_labels ? NULL : "prism20";
    rg_diags_add(diags, RG_NOTE, doc->file,
                 "using the sfdp layout for %zu actors and %zu links (dot "
                 "is used up to %d actors and %d links)%s; choose one with "
                 "--engine or \"layout\": {\"engine\": ...}",
                 doc->n_actors, doc->n_links, DOT_MAX_ACTORS, DOT_MAX_LINKS,
                 out->link_labels
                     ? ""
                     : ", without link labels (more than "
                       RG_STR(SFDP_MAX_LABELLED_LINKS) " links; each is "
                       "in its link's tooltip) and with a shorter overlap "
                       "removal");
}

/* Fills in the job of rendering doc; returns the id prefix it made (to
 * free after the job), or NULL. */
static char *setup_job(job *jp, const rg_doc *doc, const rg_render_opts *opts,
                       const rg_format *formats, size_t n, rg_diags *diags)
{
    char *prefix = opts->id_prefix ? NULL : default_prefix(doc->file);
    job j = {doc, opts, opts->id_prefix ? opts->id_prefix
                                                : prefix ? prefix : "",
             {NULL, NULL, 1, !opts->no_citations, opts->theme, 1, NULL},
             opts->dpi > 0 ? opts->dpi : 150, formats, n};
    int chart = 0;
    for (size_t i = 0; i < n; i++)
        chart |= formats[i] != RG_FORMAT_MD;
    /* Which engine lays out is news only when something is laid out. */
    pick_engine(&j.bopts, doc, opts, chart ? diags : NULL);
    j.bopts.direction = opts->direction ? opts->direction
                        : doc->layout.direction ? doc->layout.direction
                                                : "LR";
    j.bopts.legend = opts->legend >= 0 ? opts->legend
                     : doc->layout.legend >= 0 ? doc->layout.legend : 1;
    *jp = j;
    return prefix;
}

/* ---- the batch worker ----
 *
 * A child of its own for every document of a batch pays, each time, for
 * what the first render in a process loads (fontconfig's configuration,
 * pango, the fonts: about 45 ms of a 70 ms small chart) and for the page
 * faults of a fresh process (about 1,000 a child, which cost much more in
 * a VM than on bare metal). So the documents read from files go to one
 * long-lived child, the worker, which loads each one again from its file,
 * renders it and answers with the same frames as a one-off child. It keeps the guarantees of a child: a crash or a time
 * limit ends the worker, not relgraph; that document fails with exit
 * status 3 and the next one gets a new worker. After a failed job the
 * worker exits too, so that no document is rendered by a process that
 * Graphviz may have left in a bad state. A view (--focus) is rendered in
 * a child of its own: the worker knows documents only by their files. */
#define MAX_WORKER_FORMATS 32

typedef struct request {
    int32_t legend, svg_inline, svg_responsive, no_citations, theme;
    uint32_t n;
    double dpi, layout_timeout;
    uint32_t formats[MAX_WORKER_FORMATS];
    struct rg_file_id file_id; /* the file as relgraph read it */
    /* Lengths of the strings that follow, with their NUL; 0: none. The
     * file, the engine, the direction, the id prefix. */
    uint32_t len[4];
} request;

static int read_all(int fd, void *p, size_t n)
{
    char *c = p;
    while (n > 0) {
        ssize_t got = read(fd, c, n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return -1;
        c += got;
        n -= (size_t)got;
    }
    return 0;
}

static void worker_main(int req_fd, int out_fd, int err_fd)
{
    child_setup(err_fd);
    rg_preload(); /* while the first document is read */
    for (;;) {
        request q;
        char *str[4] = {NULL, NULL, NULL, NULL};
        if (read_all(req_fd, &q, sizeof(q)) != 0)
            _exit(0); /* the parent is done */
        for (int k = 0; k < 4; k++) {
            if (q.len[k] == 0)
                continue;
            if ((str[k] = malloc(q.len[k])) == NULL ||
                read_all(req_fd, str[k], q.len[k]) != 0)
                _exit(1);
            str[k][q.len[k] - 1] = '\0';
        }
        rg_diags *d = rg_diags_new();
        rg_doc *doc = NULL;
        /* Another file now, or the same one written since: what relgraph
         * checked is not what would be drawn. The identity is that of the
         * file opened and read (taken from its descriptor), and the read
         * stops at the size the parent accepted, so a file swapped in
         * between is neither drawn nor read past that bound. */
        int same = d != NULL && str[0] != NULL && q.file_id.size > 0 &&
                   rg_doc_load_file_max(&doc, str[0],
                                        (size_t)q.file_id.size, d) == 0;
        if (same)
            same = doc->from_file &&
                   rg_file_id__same(&doc->file_id, &q.file_id);
        if (!same) {
            static const char m[] = "the document changed while relgraph "
                                    "was rendering it";
            send_frame(out_fd, FR_ERROR, 0, m, sizeof(m) - 1);
            _exit(1);
        }
        rg_render_opts o;
        rg_render_opts_init(&o);
        o.engine = str[1];
        o.direction = str[2];
        o.id_prefix = str[3];
        o.legend = q.legend;
        o.svg_inline = q.svg_inline != 0;
        o.svg_responsive = q.svg_responsive != 0;
        o.no_citations = q.no_citations != 0;
        o.theme = (rg_theme)q.theme;
        o.dpi = q.dpi;
        rg_format f[MAX_WORKER_FORMATS];
        for (uint32_t i = 0; i < q.n && i < MAX_WORKER_FORMATS; i++)
            f[i] = (rg_format)q.formats[i];
        job j;
        char *prefix = setup_job(&j, doc, &o, f, q.n, d);
        if (serve_job(&j, out_fd) != 0)
            _exit(1);
        free(prefix);
        rg_doc_free(doc);
        rg_diags_free(d);
        for (int k = 0; k < 4; k++)
            free(str[k]);
    }
}

static void worker_stop(rg_renderer *r, int kill_it)
{
    if (r->worker <= 0)
        return;
    close(r->req_fd);
    if (kill_it)
        kill(r->worker, SIGKILL);
    while (waitpid(r->worker, NULL, 0) < 0 && errno == EINTR)
        ;
    close(r->out_fd);
    close(r->err_fd);
    r->worker = 0;
}

static int worker_start(rg_renderer *r)
{
    int rq[2], po[2];
    const char *dir = getenv("TMPDIR");
    char *tmpl = rg__asprintf("%s/relgraph-XXXXXX", dir && *dir ? dir : "/tmp");
    /* The worker's stderr: a file both share, appended to by the worker
     * and read by relgraph after each document (and after a crash). */
    int ef = tmpl ? mkstemp(tmpl) : -1;
    if (ef >= 0)
        unlink(tmpl);
    free(tmpl);
    if (ef < 0 || fcntl(ef, F_SETFL, O_APPEND) != 0) {
        if (ef >= 0)
            close(ef);
        return -1;
    }
    if (pipe(rq) != 0) {
        close(ef);
        return -1;
    }
    if (pipe(po) != 0) {
        close(rq[0]); close(rq[1]); close(ef);
        return -1;
    }
    preload_wait(); /* no thread may be running at fork() */
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        close(rq[1]);
        close(po[0]);
        worker_main(rq[0], po[1], dup(ef));
    }
    close(rq[0]);
    close(po[1]);
    if (pid < 0) {
        close(rq[1]); close(po[0]); close(ef);
        return -1;
    }
    r->worker = pid;
    r->req_fd = rq[1];
    r->out_fd = po[0];
    r->err_fd = ef;
    return 0;
}

/* How the frames so far end a job: 0 not yet, FR_DONE or FR_ERROR. */
static int job_end(const rg_buf *in)
{
    size_t off = 0;
    while (off + sizeof(frame) <= in->len) {
        frame f;
        memcpy(&f, in->data + off, sizeof(f));
        if (f.len > in->len - off - sizeof(f))
            return 0;
        if (f.type == FR_DONE || f.type == FR_ERROR)
            return (int)f.type;
        off += sizeof(f) + f.len;
    }
    return 0;
}

/* Reads the worker's frames until the job ends. Returns 0; 1 when the
 * worker closed its end (it died); -1 at the deadline; -2 when out of
 * memory. The worker writes nothing before its job is done, so once bytes
 * have come the deadline no longer applies: the rest is the transfer,
 * which waits for this process to read (a batch reads and writes other
 * documents meanwhile, and a program may end a render late). */
static int read_job(int fd, rg_buf *data, double deadline)
{
    char chunk[65536];
    while (job_end(data) == 0 && !data->oom) {
        double left = deadline - now();
        int done = data->len > 0;
        struct pollfd p = {fd, POLLIN, 0};
        int k = poll(&p, 1, done          ? 10000
                            : left <= 0  ? 0
                            : left > 1e6 ? 1000000000
                                         : (int)(left * 1000) + 1);
        if (k < 0 && errno != EINTR)
            return 1;
        if (k == 0 && (done || left <= 0))
            return -1;
        if (k <= 0)
            continue;
        ssize_t got = read(fd, chunk, sizeof(chunk));
        if (got > 0)
            rg_buf__putn(data, chunk, (size_t)got);
        else if (got == 0 || errno != EINTR)
            return 1;
    }
    return data->oom ? -2 : 0;
}

static int send_request(rg_renderer *r, const job *j,
                        const rg_render_opts *opts)
{
    request q;
    memset(&q, 0, sizeof(q));
    const char *str[4] = {j->doc->file, opts->engine, opts->direction,
                          opts->id_prefix};
    q.legend = opts->legend;
    q.svg_inline = opts->svg_inline;
    q.svg_responsive = opts->svg_responsive;
    q.no_citations = opts->no_citations;
    q.theme = (int32_t)opts->theme;
    q.dpi = opts->dpi;
    q.file_id = j->doc->file_id;
    q.n = (uint32_t)j->n;
    for (size_t i = 0; i < j->n; i++)
        q.formats[i] = (uint32_t)j->formats[i];
    for (int k = 0; k < 4; k++)
        q.len[k] = str[k] ? (uint32_t)strlen(str[k]) + 1 : 0;
    /* A worker that died makes write() raise SIGPIPE: ignore it here. */
    struct sigaction ign, old;
    memset(&ign, 0, sizeof(ign));
    ign.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &ign, &old);
    int rc = write_all(r->req_fd, &q, sizeof(q));
    for (int k = 0; k < 4 && rc == 0; k++)
        if (str[k] != NULL)
            rc = write_all(r->req_fd, str[k], q.len[k]);
    sigaction(SIGPIPE, &old, NULL);
    return rc;
}

/* Hands job j to the worker, started when there is none. Returns 0, or -1
 * when no worker can take it. */
static int worker_send(rg_renderer *r, const job *j,
                       const rg_render_opts *opts)
{
    if (r->worker == 0 && worker_start(r) != 0)
        return -1;
    if (send_request(r, j, opts) != 0) {
        /* It died since the last document: a new one. */
        worker_stop(r, 1);
        if (worker_start(r) != 0 || send_request(r, j, opts) != 0) {
            worker_stop(r, 1);
            return -1;
        }
    }
    return 0;
}

/* The worker's answer to job j, sent last, which had `timeout` seconds
 * from the time it was sent to end at `deadline`. */
static int worker_receive(rg_renderer *r, const job *j, double timeout,
                          double deadline, rg_output *outs, rg_diags *diags)
{
    rg_buf *data = &r->frames;
    rg_buf__reset(data);
    int got = read_job(r->out_fd, data, deadline);
    int timed_out = got == -1, oom = got == -2, status = 0;
    if (got != 0 || job_end(data) == FR_ERROR) {
        /* Timed out, crashed, or failed and exiting: it goes. */
        if (timed_out || oom)
            kill(r->worker, SIGKILL);
        while (waitpid(r->worker, &status, 0) < 0 && errno == EINTR)
            ;
        close(r->req_fd);
        close(r->out_fd);
        r->worker = -1; /* reaped; its stderr is read below */
    }
    int rc = -1;
    if (oom)
        rg_diags_add(diags, RG_ERROR, j->doc->file,
                     "out of memory reading the layout's results");
    else
        rc = report_end(j, timeout, timed_out, status, data, outs, diags);
    /* The room is kept for the next document, unless it failed or grew
     * past what a chart needs. */
    if (data->oom || data->cap > ((size_t)64 << 20))
        rg_buf__free(data);
    /* What it printed on stderr for this document. */
    struct stat st;
    if (fstat(r->err_fd, &st) == 0 && st.st_size > 0) {
        char *text = malloc((size_t)st.st_size + 1);
        ssize_t n = text ? pread(r->err_fd, text, (size_t)st.st_size, 0) : -1;
        if (n > 0) {
            text[n] = '\0';
            add_messages(diags, j->doc, j->doc->file, text,
                         rc == 0 ? RG_WARNING : RG_NOTE);
        }
        free(text);
        if (r->worker > 0 && ftruncate(r->err_fd, 0) != 0)
            worker_stop(r, 1);
    }
    if (r->worker < 0) {
        close(r->err_fd);
        r->worker = 0;
    }
    return rc;
}

/* A document read from a regular file goes to the worker, which stays for
 * the next ones; one from a buffer, a pipe or standard input, or a view,
 * to a child of its own. */
static int formats_valid(const rg_format *formats, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned)formats[i] >= RG_FORMAT_COUNT)
            return 0;
    return 1;
}

static int for_worker(const rg_doc *doc, const rg_render_opts *opts,
                      size_t n)
{
    return opts->isolate && doc->from_file && n <= MAX_WORKER_FORMATS &&
           opts->n_focus == 0;
}

static int render_doc(rg_output **out, const rg_doc *doc,
                      const rg_render_opts *opts, const rg_format *formats,
                      size_t n, rg_diags *diags);

/* The focus actors' indexes (malloc'd), or NULL with a diagnostic. */
static size_t *find_focus(const rg_doc *doc, const rg_render_opts *opts,
                          rg_diags *diags)
{
    size_t *focus = malloc(opts->n_focus * sizeof(*focus));
    if (focus == NULL) {
        rg_diags_add(diags, RG_ERROR, doc->file, "out of memory");
        return NULL;
    }
    for (size_t i = 0; i < opts->n_focus; i++) {
        long a = rg_doc_find_actor(doc, opts->focus[i]);
        if (a < 0) {
            rg_diags_add(diags, RG_ERROR, doc->file,
                         "focus: no actor is \"%s\" (by id, or by a name or "
                         "alias only one actor has)", opts->focus[i]);
            free(focus);
            return NULL;
        }
        focus[i] = (size_t)a;
    }
    return focus;
}

const char *rg_render_engine(const rg_doc *doc, const rg_render_opts *opts)
{
    rg_render_opts dflt;
    rg_render_opts_init(&dflt);
    if (opts == NULL)
        opts = &dflt;
    rg_diags *d = rg_diags_new();
    if (d == NULL)
        return NULL;
    rg_build_opts b;
    const char *engine = NULL;
    if (opts->n_focus == 0) {
        pick_engine(&b, doc, opts, d);
        engine = b.engine;
    } else {
        size_t *focus = find_focus(doc, opts, d);
        rg_view v;
        if (focus != NULL &&
            rg_view__make(&v, doc, focus, opts->n_focus,
                          opts->focus_depth ? opts->focus_depth : 1) == 0) {
            pick_engine(&b, &v.doc, opts, d);
            engine = b.engine; /* static, or the options' or document's */
            rg_view__free(&v);
        }
        free(focus);
    }
    rg_diags_free(d);
    return engine;
}

int rg_render(rg_output **out, rg_renderer *r, const rg_doc *doc,
              const rg_render_opts *opts, const rg_format *formats,
              size_t n, rg_diags *diags)
{
    rg_render_opts dflt;
    rg_render_opts_init(&dflt);
    if (opts == NULL)
        opts = &dflt;
    *out = NULL;
    if (busy(r, doc, diags))
        return -1;
    /* For the worker: begun and ended at once. */
    if (for_worker(doc, opts, n) && formats_valid(formats, n))
        return rg_render_begin(r, doc, opts, formats, n, diags) == 0
                   ? rg_render_end(out, r)
                   : -1;
    if (opts->n_focus == 0)
        return render_doc(out, doc, opts, formats, n, diags);
    size_t *focus = find_focus(doc, opts, diags);
    if (focus == NULL)
        return -1;
    rg_view v;
    int rc = -1;
    if (rg_view__make(&v, doc, focus, opts->n_focus,
                      opts->focus_depth ? opts->focus_depth : 1) != 0)
        rg_diags_add(diags, RG_ERROR, doc->file, "out of memory");
    else
        rc = render_doc(out, &v.doc, opts, formats, n, diags);
    rg_view__free(&v);
    free(focus);
    return rc;
}

static int render_doc(rg_output **out, const rg_doc *doc,
                      const rg_render_opts *opts, const rg_format *formats,
                      size_t n, rg_diags *diags)
{
    if (!formats_valid(formats, n)) {
        rg_diags_add(diags, RG_ERROR, doc->file, "unknown output format");
        return -1;
    }
    job j;
    char *prefix = setup_job(&j, doc, opts, formats, n, diags);
    rg_output *outs = calloc(n ? n : 1, sizeof(*outs));
    if (outs == NULL) {
        rg_diags_add(diags, RG_ERROR, doc->file, "out of memory");
        free(prefix);
        return -1;
    }
    int rc;
    if (opts->isolate) {
        double timeout = opts->layout_timeout > 0 ? opts->layout_timeout : 120;
        rc = run_isolated(&j, timeout, outs, diags);
    } else {
        char *err = NULL;
        rg_buf msgs = {0};
        gv_wait(); /* Graphviz may be starting, with its own messages */
        gv_messages = &msgs;
        agusererrf old = agseterrf(on_gv_message);
        rc = run_job(&j, outs, &err);
        agseterrf(old);
        gv_messages = NULL;
        if (msgs.len > 0)
            add_messages(diags, doc, doc->file, rg_buf__str(&msgs),
                         RG_WARNING);
        if (rc != 0)
            rg_diags_add(diags, RG_ERROR, doc->file, "%s",
                         err ? err : "out of memory");
        free(err);
        rg_buf__free(&msgs);
    }
    free(prefix);
    if (rc != 0) {
        rg_outputs_free(outs, n);
        return -1;
    }
    *out = outs;
    return 0;
}

/* ---- a render in two halves ---- */

/* A render begun by rg_render_begin(): the worker has it (in_worker) until
 * rg_render_end(), or it is done and waits there. */
typedef struct pending {
    int active;
    int in_worker;
    int rc;
    rg_output *outs;
    size_t n;
    job j;
    char *prefix;
    rg_render_opts opts;                   /* j points to these copies */
    rg_format formats[MAX_WORKER_FORMATS];
    double timeout, deadline;
    rg_diags *diags;
} pending;

static void pending_drop(pending *p)
{
    rg_outputs_free(p->outs, p->n);
    free(p->prefix);
    p->outs = NULL;
    p->prefix = NULL;
    p->active = 0;
}

static void pending_free(rg_renderer *r)
{
    if (r->pend != NULL && r->pend->active) {
        /* Begun and never ended: the worker may be writing its answer. */
        worker_stop(r, 1);
        pending_drop(r->pend);
    }
    free(r->pend);
    r->pend = NULL;
}

/* True, with a diagnostic, while a render begun is not ended. */
static int busy(const rg_renderer *r, const rg_doc *doc, rg_diags *diags)
{
    if (r->pend == NULL || !r->pend->active)
        return 0;
    rg_diags_add(diags, RG_ERROR, doc->file, "a render was begun and not "
                 "ended; call rg_render_end() first");
    return 1;
}

int rg_render_begin(rg_renderer *r, const rg_doc *doc,
                    const rg_render_opts *opts, const rg_format *formats,
                    size_t n, rg_diags *diags)
{
    if (r->pend == NULL && (r->pend = calloc(1, sizeof(*r->pend))) == NULL) {
        rg_diags_add(diags, RG_ERROR, doc->file, "out of memory");
        return -1;
    }
    pending *p = r->pend;
    if (busy(r, doc, diags))
        return -1;
    memset(p, 0, sizeof(*p));
    rg_render_opts_init(&p->opts);
    if (opts != NULL)
        p->opts = *opts;
    p->n = n;
    p->diags = diags;
    if (!formats_valid(formats, n) || !for_worker(doc, &p->opts, n)) {
        /* Rendered now; rg_render_end() hands it over. */
        p->rc = rg_render(&p->outs, r, doc, &p->opts, formats, n, diags);
        p->active = 1;
        return 0;
    }
    memcpy(p->formats, formats, n * sizeof(*formats));
    p->prefix = setup_job(&p->j, doc, &p->opts, p->formats, n, diags);
    p->outs = calloc(n ? n : 1, sizeof(*p->outs));
    p->timeout = p->opts.layout_timeout > 0 ? p->opts.layout_timeout : 120;
    p->active = 1;
    if (p->outs == NULL) {
        rg_diags_add(diags, RG_ERROR, doc->file, "out of memory");
        p->rc = -1;
    } else if (worker_send(r, &p->j, &p->opts) == 0) {
        p->in_worker = 1;
        p->deadline = now() + p->timeout;
    } else {
        p->rc = run_isolated(&p->j, p->timeout, p->outs, diags);
    }
    return 0;
}

int rg_render_end(rg_output **out, rg_renderer *r)
{
    *out = NULL;
    pending *p = r->pend;
    if (p == NULL || !p->active)
        return -1;
    if (p->in_worker)
        p->rc = worker_receive(r, &p->j, p->timeout, p->deadline, p->outs,
                               p->diags);
    if (p->rc != 0) {
        pending_drop(p);
        return -1;
    }
    *out = p->outs;
    p->outs = NULL;
    pending_drop(p);
    return 0;
}

void rg_outputs_free(rg_output *outputs, size_t n)
{
    if (outputs == NULL)
        return;
    for (size_t i = 0; i < n; i++)
        free(outputs[i].data);
    free(outputs);
}

/* ---- atomic files ----
 *
 * A file is replaced by writing a temporary beside it and renaming that
 * into place, so that it is never seen partial. What the old file had is
 * carried over: its mode and its owner and group (set on the temporary
 * before the rename). A symbolic link is followed to the file it names,
 * and that file is replaced: the link stays a link. A read-only file is
 * not replaced unless RG_WRITE_FORCE is given. A file with several hard
 * links is replaced like any other, with a warning: writing it in place
 * would keep the links but leave it partial if the write failed, and a
 * tree of hard links is most often a snapshot (cp -al, rsnapshot) that is
 * meant to keep the old content. */

/* A path that is not a regular file (a device, a pipe) is written in
 * place: it cannot be replaced by renaming, and there is nothing to
 * protect. */
static int is_special(const struct stat *st)
{
    return !S_ISREG(st->st_mode);
}

/* The directory part of `path` with its slash ("" for none), then
 * `name`: malloc'd. */
static char *beside(const char *path, const char *name)
{
    const char *slash = strrchr(path, '/');
    size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
    return rg__asprintf("%.*s%s", (int)dir, path, name);
}

/* The target of the symbolic link `path` whose lstat size is `hint`:
 * malloc'd, or NULL with errno set. */
static char *read_link(const char *path, size_t hint)
{
    size_t cap = hint + 1 > 64 ? hint + 1 : 64;
    for (;;) {
        char *buf = malloc(cap);
        if (buf == NULL)
            return NULL;
        ssize_t n = readlink(path, buf, cap);
        if (n < 0) {
            free(buf);
            return NULL;
        }
        if ((size_t)n < cap) {
            buf[n] = '\0';
            return buf;
        }
        free(buf);
        if (cap > 65536) {
            errno = ENAMETOOLONG;
            return NULL;
        }
        cap *= 2;
    }
}

/* Where the bytes of `path` live: the path itself, or the end of its
 * chain of symbolic links, which need not exist yet (a new file is made
 * there). malloc'd, or NULL with errno set (ELOOP past 40 links). */
static char *real_target(const char *path)
{
    char *cur = strdup(path);
    for (int hops = 0; cur != NULL; hops++) {
        struct stat st;
        if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
            return cur;
        char *link = hops < 40 ? read_link(cur, (size_t)st.st_size) : NULL;
        if (hops >= 40)
            errno = ELOOP;
        char *next = link == NULL  ? NULL
                     : *link == '/' ? strdup(link)
                                    : beside(cur, link);
        free(link);
        free(cur);
        cur = next;
    }
    return NULL;
}

static int write_fd(int fd, const char *data, size_t size)
{
    return write_all(fd, data, size);
}

/* A file being written: where, through which temporary, and what the
 * file it replaces had. */
typedef struct planned {
    char *real;        /* the file written: the path or its link's target */
    char *tmp;         /* the temporary beside it; NULL: written in place */
    struct stat old;   /* the file replaced, when had_old */
    int had_old;
    int owner_kept;    /* fchown to the old owner and group worked */
    int owner_err;     /* its errno otherwise */
} planned;

/* Whether the file `st` may be replaced without RG_WRITE_FORCE: its owner
 * may write it (the mode bits, which root does not bypass), and so may
 * this process. */
static int writable(const char *real, const struct stat *st)
{
    if ((st->st_mode & S_IWUSR) == 0)
        return 0;
    return geteuid() == 0 ||
           faccessat(AT_FDCWD, real, W_OK, AT_EACCESS) == 0 || errno != EACCES;
}

/* Gives the temporary `fd` the old file's owner, group and mode, or the
 * mode a new file gets. Returns 0, or -1 with errno set. */
static int carry_over(int fd, planned *p, mode_t umask_now)
{
    if (!p->had_old)
        return fchmod(fd, 0666 & ~umask_now);
    p->owner_kept = fchown(fd, p->old.st_uid, p->old.st_gid) == 0;
    if (!p->owner_kept) {
        p->owner_err = errno;
        /* A user may still keep a group they belong to. */
        struct stat now;
        if (fchown(fd, (uid_t)-1, p->old.st_gid) != 0 && errno != EPERM)
            return -1;
        if (fstat(fd, &now) != 0)
            return -1;
        p->owner_kept = now.st_uid == p->old.st_uid &&
                        now.st_gid == p->old.st_gid;
    }
    /* Set-id bits only stay with the owner they were set for. */
    return fchmod(fd, p->old.st_mode & (p->owner_kept ? 07777 : 0777));
}

/* Writes file `f` in place (not a regular file) or to a temporary
 * beside its real target. Returns 0, or -1 with a diagnostic. */
static int write_one(const rg_file *f, planned *p, unsigned flags,
                     mode_t umask_now, rg_diags *diags)
{
    int e = 0;
    p->had_old = stat(f->path, &p->old) == 0;
    if (p->had_old && is_special(&p->old)) {
        int fd = open(f->path, O_WRONLY | O_TRUNC);
        int ok = fd >= 0 && write_fd(fd, f->data, f->size) == 0;
        e = errno;
        if (fd >= 0 && close(fd) != 0 && ok) {
            ok = 0;
            e = errno;
        }
        if (!ok)
            goto fail;
        return 0;
    }
    p->real = real_target(f->path);
    if (p->real == NULL) {
        e = errno;
        goto fail;
    }
    if (p->had_old && !(flags & RG_WRITE_FORCE) &&
        !writable(p->real, &p->old)) {
        rg_diags_add(diags, RG_ERROR, f->path,
                     "read-only file (mode %04o); not replaced; use --force "
                     "to replace it",
                     (unsigned)(p->old.st_mode & 07777));
        return -1;
    }
    /* A short name, so that any name the file system takes works. */
    if ((p->tmp = beside(p->real, ".rgXXXXXX")) == NULL) {
        e = ENOMEM;
        goto fail;
    }
    int fd = mkstemp(p->tmp);
    if (fd < 0) {
        e = errno;
        free(p->tmp);
        p->tmp = NULL;
        goto fail;
    }
    int ok = write_fd(fd, f->data, f->size) == 0 &&
             carry_over(fd, p, umask_now) == 0;
    e = errno;
    if (close(fd) != 0 && ok) {
        ok = 0;
        e = errno;
    }
    if (ok)
        return 0;
fail:
    rg_diags_add(diags, RG_ERROR, f->path, "cannot write: %s",
                 strerror(e ? e : ENOMEM));
    return -1;
}

/* What the user should know about a file replaced: links that keep the
 * old content, an owner that could not be kept. */
static void tell_losses(const rg_file *f, const planned *p, rg_diags *diags)
{
    if (!p->had_old)
        return;
    if (p->old.st_nlink > 1)
        rg_diags_add(diags, RG_WARNING, f->path,
                     "had %lu hard links; only this name has the new "
                     "content, the others keep the old one",
                     (unsigned long)p->old.st_nlink);
    if (!p->owner_kept)
        rg_diags_add(diags, RG_WARNING, f->path,
                     "owner %lu:%lu not kept (%s); the new file is %lu:%lu",
                     (unsigned long)p->old.st_uid,
                     (unsigned long)p->old.st_gid, strerror(p->owner_err),
                     (unsigned long)geteuid(), (unsigned long)getegid());
}

int rg_write_files_flags(const rg_file *files, size_t n, unsigned flags,
                         rg_diags *diags)
{
    planned *ps = calloc(n ? n : 1, sizeof(*ps));
    int rc = -1;
    size_t i;
    if (ps == NULL) {
        rg_diags_add(diags, RG_ERROR, "", "out of memory");
        return -1;
    }
    mode_t um = umask(0);
    umask(um);
    for (i = 0; i < n; i++)
        if (write_one(&files[i], &ps[i], flags, um, diags) != 0)
            goto out;
    for (i = 0; i < n; i++) {
        if (ps[i].tmp == NULL)
            continue;
        if (rename(ps[i].tmp, ps[i].real) != 0) {
            rg_diags_add(diags, RG_ERROR, files[i].path, "cannot write: %s",
                         strerror(errno));
            goto out;
        }
        free(ps[i].tmp);
        ps[i].tmp = NULL;
        tell_losses(&files[i], &ps[i], diags);
    }
    rc = 0;
out:
    for (i = 0; i < n; i++) {
        if (ps[i].tmp != NULL)
            unlink(ps[i].tmp);
        free(ps[i].tmp);
        free(ps[i].real);
    }
    free(ps);
    return rc;
}

int rg_write_files(const rg_file *files, size_t n, rg_diags *diags)
{
    return rg_write_files_flags(files, n, 0, diags);
}

int rg_write_file_atomic(const char *path, const char *data, size_t size,
                         rg_diags *diags)
{
    rg_file f = {path, data, size};
    return rg_write_files(&f, 1, diags);
}
