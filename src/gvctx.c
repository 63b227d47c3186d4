/* The Graphviz context of the process and what belongs to it: the one
 * GVC_t (started on rg_preload's thread or on first use, kept until the
 * process ends), relgraph's PNG device plugin, rg_preload's two threads,
 * and the capture of Graphviz's messages (agseterrf has no context
 * argument: one capture at a time per process). State: the context, the
 * preload thread, the capture buffer and the PNG device's failure flag,
 * all process-wide. */
#include "gvctx.h"

#include "diag.h"
#include "fonts.h"
#include "pngenc.h"

#include <graphviz/gvplugin.h>
#include <graphviz/gvplugin_device.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

void rg_gvctx__png_reset(void)
{
    png_failed = 0;
}

int rg_gvctx__png_failed(void)
{
    return png_failed;
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

/* ---- Graphviz's messages ---- */

/* agseterrf's callback has no context argument: the messages of the
 * current render go to this buffer (one render at a time per process). */
static rg_buf *gv_messages;

static agusererrf old_errf;

static int on_gv_message(char *msg)
{
    /* Never the byte that marks relgraph's own notes (see gvctx.h): a
     * message may quote the document. */
    for (; gv_messages != NULL && *msg; msg++)
        rg_buf__putc(gv_messages, *msg == RG_GVCTX_NOTES ? ' ' : *msg);
    return 0;
}

void rg_gvctx__capture_begin(rg_buf *msgs)
{
    rg_gvctx__wait(); /* Graphviz may be starting, with its own messages */
    gv_messages = msgs;
    old_errf = agseterrf(on_gv_message);
}

void rg_gvctx__capture_end(void)
{
    agseterrf(old_errf);
    gv_messages = NULL;
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

void rg_gvctx__add_messages(rg_diags *diags, const rg_doc *doc,
                            const char *file, const char *text,
                            rg_severity sev)
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

/* A job's messages: relgraph's own warnings about the render (see
 * rg_gvctx__job_notes), then Graphviz's. */
void rg_gvctx__add_job_messages(rg_diags *diags, const rg_doc *doc,
                                const char *file, const char *text,
                                rg_severity sev)
{
    if (text[0] == RG_GVCTX_NOTES) {
        const char *end = strchr(text + 1, RG_GVCTX_NOTES);
        const char *p = text + 1;
        while (end != NULL && p < end) {
            size_t n = strcspn(p, "\n");
            if (p + n > end)
                n = (size_t)(end - p);
            if (n > 0)
                rg_diags_add(diags, RG_WARNING, file, "%.*s", (int)n, p);
            p += n + 1;
        }
        text = end != NULL ? end + 1 : text + strlen(text);
    }
    if (*text != '\0')
        rg_gvctx__add_messages(diags, doc, file, text, sev);
}

void rg_gvctx__job_notes(rg_buf *msgs, const char *notes, size_t n)
{
    if (n == 0)
        return;
    rg_buf all = {0};
    rg_buf__putc(&all, RG_GVCTX_NOTES);
    for (size_t i = 0; i < n; i++)
        rg_buf__putc(&all, notes[i] == RG_GVCTX_NOTES ? ' ' : notes[i]);
    rg_buf__putc(&all, RG_GVCTX_NOTES);
    rg_buf__putn(&all, msgs->data ? msgs->data : "", msgs->len);
    if (all.oom) {
        rg_buf__free(&all);
        return;
    }
    rg_buf__free(msgs);
    *msgs = all;
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
void rg_gvctx__wait(void)
{
    if (gv_thread_on) {
        pthread_join(gv_thread, NULL);
        gv_thread_on = 0;
    }
}

/* Waits for both of rg_preload()'s threads: before a fork, and at exit. */
void rg_gvctx__wait_all(void)
{
    rg_gvctx__wait();
    rg_fonts__wait();
}

void rg_preload(void)
{
    static int registered;
    if (!registered) {
        /* A program that ends early (its document did not load) must not
         * unload libraries while a thread is still loading them. */
        atexit(rg_gvctx__wait_all);
        registered = 1;
    }
    rg_fonts__start();
    if (!gv_thread_on && the_gvc == NULL &&
        pthread_create(&gv_thread, NULL, start_in_thread, NULL) == 0)
        gv_thread_on = 1;
}

GVC_t *rg_gvctx__get(char **err)
{
    rg_gvctx__wait(); /* the fonts may still load while the graph is built */
    if (the_gvc == NULL)
        the_gvc = start_graphviz(err);
    return the_gvc;
}
