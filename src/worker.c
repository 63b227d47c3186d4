/* The renderer: the batch worker (a long-lived child process that lays
 * out the documents read from files, one after another) and the render in
 * two halves, rg_render_begin()/rg_render_end(). State: each renderer's
 * worker (its pid, pipes and stderr file) and its render begun. */
#include "diag.h"
#include "files.h"
#include "format.h"
#include "glyphs.h"
#include "gvctx.h"
#include "isolate.h"
#include "render.h"
#include "worker.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_WORKER_FORMATS RG_WORKER_MAX_FORMATS

struct pending;

struct rg_renderer {
    struct pending *pend; /* rg_render_begin()'s render; NULL: none yet */
    /* The batch worker (see "the batch worker" below); 0 when none. */
    pid_t worker;
    int req_fd, out_fd, err_fd;
    rg_buf frames; /* the worker's answer, its room kept from job to job */
};

/* A renderer starts nothing: Graphviz starts in the process that lays out
 * (rg_gvctx__get). A context made here before fork() would cost a
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

void rg_renderer_free(rg_renderer *r)
{
    if (r == NULL)
        return;
    pending_free(r);
    worker_stop(r, 0);
    rg_buf__free(&r->frames);
    free(r);
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
 * Graphviz may have left in a bad state. A view (--focus, --as-of) is rendered in
 * a child of its own: the worker knows documents only by their files. */

typedef struct request {
    int32_t legend, svg_inline, svg_responsive, no_citations, theme;
    int32_t page, landscape, no_title, no_sources;
    int32_t no_claims, aliases, dates, view;
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

/* Reads the next request and its strings (malloc'd into str). Returns
 * 0, 1 when the parent is done, -1 on a broken request. */
static int read_request(int req_fd, request *q, char *str[4])
{
    if (read_all(req_fd, q, sizeof(*q)) != 0)
        return 1;
    for (int k = 0; k < 4; k++) {
        if (q->len[k] == 0)
            continue;
        if ((str[k] = malloc(q->len[k])) == NULL ||
            read_all(req_fd, str[k], q->len[k]) != 0)
            return -1;
        str[k][q->len[k] - 1] = '\0';
    }
    return 0;
}

/* The document of request q, loaded again from its file, or NULL when
 * the file is not the one the parent read. */
static rg_doc *load_again(const request *q, const char *path, rg_diags *d)
{
    rg_doc *doc = NULL;
    /* Another file now, or the same one written since: what relgraph
     * checked is not what would be drawn. The identity is that of the
     * file opened and read (taken from its descriptor), and the read
     * stops at the size the parent accepted, so a file swapped in
     * between is neither drawn nor read past that bound. */
    if (d == NULL || path == NULL || q->file_id.size == 0 ||
        rg_doc_load_file_max(&doc, path, (size_t)q->file_id.size, d) != 0)
        return NULL;
    if (!doc->from_file || !rg_file_id__same(&doc->file_id, &q->file_id)) {
        rg_doc_free(doc);
        return NULL;
    }
    return doc;
}

/* The render options of request q; the strings are str's. */
static void opts_of(rg_render_opts *o, const request *q, char *str[4])
{
    rg_render_opts_init(o);
    o->engine = str[1];
    o->direction = str[2];
    o->id_prefix = str[3];
    o->legend = q->legend;
    o->svg_inline = q->svg_inline != 0;
    o->svg_responsive = q->svg_responsive != 0;
    o->no_citations = q->no_citations != 0;
    o->no_claims = q->no_claims != 0;
    o->aliases = q->aliases != 0;
    o->dates = q->dates != 0;
    o->view = q->view == RG_VIEW_TIMELINE ? RG_VIEW_TIMELINE : RG_VIEW_GRAPH;
    o->theme = (rg_theme)q->theme;
    o->page = (unsigned)q->page < RG_PAGE_COUNT ? (rg_page)q->page
                                                : RG_PAGE_NONE;
    o->landscape = q->landscape != 0;
    o->no_title = q->no_title != 0;
    o->no_sources = q->no_sources != 0;
    o->dpi = q->dpi;
}

static void worker_main(int req_fd, int out_fd, int err_fd)
{
    rg_isolate__child_setup(err_fd);
    rg_preload(); /* while the first document is read */
    for (;;) {
        request q;
        char *str[4] = {NULL, NULL, NULL, NULL};
        int got = read_request(req_fd, &q, str);
        if (got != 0)
            _exit(got > 0 ? 0 : 1); /* 1: the parent is done */
        rg_diags *d = rg_diags_new();
        rg_doc *doc = load_again(&q, str[0], d);
        if (doc == NULL) {
            static const char m[] = "the document changed while relgraph "
                                    "was rendering it";
            rg_isolate__send_frame(out_fd, RG_FR_ERROR, 0, m, sizeof(m) - 1);
            _exit(1);
        }
        rg_render_opts o;
        opts_of(&o, &q, str);
        rg_format f[MAX_WORKER_FORMATS];
        for (uint32_t i = 0; i < q.n && i < MAX_WORKER_FORMATS; i++)
            f[i] = (rg_format)q.formats[i];
        rg_job j;
        char *prefix = rg_job__setup(&j, doc, &o, f, q.n, d);
        if (rg_isolate__serve_job(&j, out_fd) != 0)
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
    rg_gvctx__wait_all(); /* no thread may be running at fork() */
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

/* Reads the worker's frames until the job ends. Returns 0; 1 when the
 * worker closed its end (it died); -1 at the deadline; -2 when out of
 * memory. The worker writes nothing before its job is done, so once bytes
 * have come the deadline no longer applies: the rest is the transfer,
 * which waits for this process to read (a batch reads and writes other
 * documents meanwhile, and a program may end a render late). */
static int read_job(int fd, rg_buf *data, double deadline)
{
    char chunk[65536];
    while (rg_isolate__frames_end(data) == 0 && !data->oom) {
        double left = deadline - rg_isolate__now();
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

static int send_request(rg_renderer *r, const rg_job *j,
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
    q.no_claims = opts->no_claims;
    q.aliases = opts->aliases;
    q.dates = opts->dates;
    q.view = (int32_t)opts->view;
    q.theme = (int32_t)opts->theme;
    q.page = (int32_t)opts->page;
    q.landscape = opts->landscape;
    q.no_title = opts->no_title;
    q.no_sources = opts->no_sources;
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
    int rc = rg_files__write_all(r->req_fd, &q, sizeof(q));
    for (int k = 0; k < 4 && rc == 0; k++)
        if (str[k] != NULL)
            rc = rg_files__write_all(r->req_fd, str[k], q.len[k]);
    sigaction(SIGPIPE, &old, NULL);
    return rc;
}

/* Hands job j to the worker, started when there is none. Returns 0, or -1
 * when no worker can take it. */
static int worker_send(rg_renderer *r, const rg_job *j,
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
static int worker_receive(rg_renderer *r, const rg_job *j, double timeout,
                          double deadline, rg_output *outs, rg_diags *diags)
{
    rg_buf *data = &r->frames;
    rg_buf__reset(data);
    int got = read_job(r->out_fd, data, deadline);
    int timed_out = got == -1, oom = got == -2, status = 0;
    if (got != 0 || rg_isolate__frames_end(data) == RG_FR_ERROR) {
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
        rc = rg_isolate__report_end(j, timeout, timed_out, status, data, outs, diags);
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
            rg_gvctx__add_messages(diags, j->doc, j->doc->file, text,
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
int rg_worker__takes(const rg_doc *doc, const rg_render_opts *opts,
                     const rg_format *formats, size_t n)
{
    if (opts->isolation != RG_ISOLATE_CHILD || !doc->from_file ||
        rg_render__views_asked(opts) || n > MAX_WORKER_FORMATS ||
        !rg_format__all_valid(formats, n))
        return 0;
    for (size_t i = 0; i < n; i++)
        if (rg_format__is_chart(formats[i]))
            return 1;
    return 0;
}

/* ---- a render in two halves ---- */

/* A render begun by rg_render_begin(): the worker has it (in_worker) until
 * rg_render_end(), or it is done and waits there. */
typedef struct pending {
    int active;
    int in_worker;
    int rc;
    const rg_doc *doc;
    rg_output *outs; /* n of them: the charts, or all once rendered */
    size_t n;
    size_t n_all;
    rg_format all[MAX_WORKER_FORMATS];     /* the formats asked for */
    rg_job j;
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
int rg_worker__busy(const rg_renderer *r, const rg_doc *doc, rg_diags *diags)
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
    if (rg_worker__busy(r, doc, diags) ||
        (opts != NULL && rg_render__view_refused(doc, opts, diags) != 0))
        return -1;
    memset(p, 0, sizeof(*p));
    rg_render_opts_init(&p->opts);
    if (opts != NULL)
        p->opts = *opts;
    p->n = n;
    p->diags = diags;
    if (!rg_worker__takes(doc, &p->opts, formats, n)) {
        /* Rendered now; rg_render_end() hands it over. */
        p->rc = rg_render(&p->outs, r, doc, &p->opts, formats, n, diags);
        p->active = 1;
        return 0;
    }
    size_t n_charts = rg_render__charts(p->formats, formats, n);
    if (rg_glyphs__wanted(formats, n))
        rg_glyphs__check(doc, doc, diags);
    p->doc = doc;
    p->n_all = n;
    memcpy(p->all, formats, n * sizeof(*formats));
    p->n = n_charts;
    p->prefix = rg_job__setup(&p->j, doc, &p->opts, p->formats, n_charts,
                              diags);
    p->outs = calloc(n_charts, sizeof(*p->outs));
    p->timeout = p->opts.layout_timeout > 0 ? p->opts.layout_timeout : 120;
    p->active = 1;
    if (p->outs == NULL) {
        rg_diags_add(diags, RG_ERROR, doc->file, "out of memory");
        p->rc = -1;
    } else if (worker_send(r, &p->j, &p->opts) == 0) {
        p->in_worker = 1;
        p->deadline = rg_isolate__now() + p->timeout;
    } else {
        p->rc = rg_isolate__run(&p->j, p->timeout, p->outs, diags);
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
    if (p->rc == 0 && p->doc != NULL) {
        /* The charts came from the worker: add the tables. */
        p->rc = rg_render__assemble(&p->outs, p->doc, p->all, p->n_all,
                                    p->outs, p->diags);
        p->n = p->rc == 0 ? p->n_all : 0;
    }
    if (p->rc != 0) {
        pending_drop(p);
        return -1;
    }
    *out = p->outs;
    p->outs = NULL;
    pending_drop(p);
    return 0;
}
