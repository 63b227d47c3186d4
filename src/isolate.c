/* Process isolation: a job laid out in a child process with a time
 * limit, its results sent back in frames on a pipe; what a child does
 * first; how a child's end (outputs, error, crash, time limit) becomes
 * outputs and diagnostics; and the messages of a layout that did not
 * end, for every isolation (see rg_isolation in relgraph.h). No state:
 * each call forks, waits and reaps its own child.
 *
 * Why a child: Graphviz 2.43 has crashes and hangs we cannot fix from
 * outside (see graphs/README.md, "Robustness"). The builder avoids the
 * known ones; the child turns any that remain into a diagnostic and exit
 * status 3, and the time limit turns a runaway layout into one too. A fork
 * costs about a millisecond, and a fresh process's page faults more
 * (about 14 ms for the OPM chart): a program that renders one document
 * and ends may choose the in-process guard (guard.c) instead. */
#include "isolate.h"

#include "diag.h"
#include "files.h"
#include "gvctx.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* ---- the messages of a layout that did not end ----
 *
 * Built here for every isolation: the child's end seen by its parent,
 * and the in-process guard's signal handler (guard.c), which is why the
 * crash's text is put together without printf or malloc. */

/* Appends `s` at `at` in buf (cut to fit); returns the new length. */
static size_t put(char *buf, size_t cap, size_t at, const char *s)
{
    while (*s && at + 1 < cap)
        buf[at++] = *s++;
    if (cap > 0)
        buf[at < cap ? at : cap - 1] = '\0';
    return at;
}

size_t rg_isolate__crash_text(char *buf, size_t cap, const char *engine,
                              int sig)
{
    char rev[12], num[12];
    size_t n = 0, k = 0;
    unsigned v = sig < 0 ? 0u : (unsigned)sig;
    do {
        rev[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v > 0 && n < sizeof(rev) - 1);
    while (n > 0)
        num[k++] = rev[--n];
    num[k] = '\0';
    size_t at = put(buf, cap, 0, "Graphviz crashed (signal ");
    at = put(buf, cap, at, num);
    at = put(buf, cap, at, ") in the ");
    at = put(buf, cap, at, engine ? engine : "chosen");
    return put(buf, cap, at, " layout; no output was written; try another "
                             "--engine, and please report the document");
}

size_t rg_isolate__timeout_text(char *buf, size_t cap, const char *engine,
                                double timeout, const char *advice)
{
    int n = snprintf(buf, cap, "the %s layout did not finish within %g s; "
                     "%s raise --layout-timeout",
                     engine ? engine : "chosen", timeout, advice);
    return n < 0 ? 0 : (size_t)n < cap ? (size_t)n : cap - 1;
}

size_t rg_isolate__exited_text(char *buf, size_t cap, const char *engine)
{
    size_t at = put(buf, cap, 0, "Graphviz ended the program in the ");
    at = put(buf, cap, at, engine ? engine : "chosen");
    return put(buf, cap, at, " layout; no output was written; try another "
                             "--engine, and please report the document");
}


int rg_isolate__send_frame(int fd, uint32_t type, uint32_t format,
                           const char *data, size_t len)
{
    rg_frame f = {type, format, len};
    if (rg_files__write_all(fd, &f, sizeof(f)) != 0)
        return -1;
    return len ? rg_files__write_all(fd, data, len) : 0;
}

/* Runs a job in this (child) process and sends its frames: warnings,
 * then the outputs and RG_FR_DONE, or RG_FR_ERROR. Returns 0, or -1 after an
 * error. */
int rg_isolate__serve_job(const rg_job *j, int out_fd)
{
    rg_output *outs = calloc(j->n ? j->n : 1, sizeof(*outs));
    char *err = NULL;
    rg_buf msgs = {0};
    int rc = outs ? rg_job__run_captured(j, outs, &err, &msgs) : -1;
    if (msgs.len > 0)
        rg_isolate__send_frame(out_fd, RG_FR_WARNINGS, 0, msgs.data, msgs.len);
    rg_buf__free(&msgs);
    if (rc != 0) {
        const char *m = err ? err : "out of memory";
        rg_isolate__send_frame(out_fd, RG_FR_ERROR, 0, m, strlen(m));
        return -1;
    }
    for (size_t i = 0; i < j->n; i++)
        if (rg_isolate__send_frame(out_fd, RG_FR_OUTPUT, outs[i].format, outs[i].data,
                       outs[i].size) != 0)
            return -1;
    rg_isolate__send_frame(out_fd, RG_FR_DONE, 0, NULL, 0);
    rg_outputs_free(outs, j->n);
    return 0;
}

/* What every child does first. */
void rg_isolate__child_setup(int err_fd)
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

static void child_main(const rg_job *j, int out_fd, int err_fd)
{
    rg_isolate__child_setup(err_fd);
    rg_preload(); /* while the graph is built */
    /* _exit: the parent owns stdio buffers and atexit handlers. */
    _exit(rg_isolate__serve_job(j, out_fd) == 0 ? 0 : 1);
}

double rg_isolate__now(void)
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
        double left = deadline - rg_isolate__now();
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
    while (off + sizeof(rg_frame) <= in->len) {
        rg_frame f;
        memcpy(&f, in->data + off, sizeof(f));
        off += sizeof(f);
        if (f.len > in->len - off)
            break;
        const char *p = in->data + off;
        off += f.len;
        if (f.type == RG_FR_OUTPUT && got < n) {
            outs[got].format = (rg_format)f.format;
            outs[got].data = malloc(f.len ? f.len : 1);
            if (outs[got].data == NULL)
                return -1;
            memcpy(outs[got].data, p, f.len);
            outs[got].size = f.len;
            got++;
        } else if (f.type == RG_FR_WARNINGS || f.type == RG_FR_ERROR) {
            char *s = strndup(p, f.len);
            if (s != NULL) {
                if (f.type == RG_FR_WARNINGS)
                    rg_gvctx__add_job_messages(diags, doc, file, s,
                                               RG_WARNING);
                else
                    rg_diags_add(diags, RG_ERROR, file, "%s", s);
            }
            free(s);
            failed |= f.type == RG_FR_ERROR;
        } else if (f.type == RG_FR_DONE) {
            done = 1;
        }
    }
    if (failed)
        return 1;
    return done && got == n ? 0 : -1;
}

int rg_isolate__run(const rg_job *j, double timeout, rg_output *outs,
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
    rg_gvctx__wait_all(); /* no thread may be running at fork() */
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
    int timed_out = read_child(rd, 2, rg_isolate__now() + timeout) != 0;
    if (timed_out)
        kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    close(po[0]);
    close(pe[0]);
    int rc = rg_isolate__report_end(j, timeout, timed_out, status, &rd[0].data, outs,
                        diags);
    if (rd[1].data.len > 0)
        rg_gvctx__add_messages(diags, j->doc, file, rg_buf__str(&rd[1].data),
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
int rg_isolate__report_end(const rg_job *j, double timeout, int timed_out,
                           int status, const rg_buf *frames,
                           rg_output *outs, rg_diags *diags)
{
    const char *file = j->doc->file;
    const char *engine = j->bopts.engine;
    char msg[RG_FATAL_TEXT_MAX];
    int rc = -1, parsed = -1;
    if (!timed_out && !WIFSIGNALED(status))
        parsed = parse_frames(frames, outs, j->n, diags, j->doc);
    if (timed_out) {
        rg_isolate__timeout_text(msg, sizeof(msg), engine, timeout,
                                 rg_render_timeout_advice(j->doc, j->opts));
        rg_diags_add(diags, RG_ERROR, file, "%s", msg);
    } else if (WIFSIGNALED(status)) {
        rg_isolate__crash_text(msg, sizeof(msg), engine, WTERMSIG(status));
        rg_diags_add(diags, RG_ERROR, file, "%s", msg);
    } else if (parsed == 0 && WIFEXITED(status) &&
               WEXITSTATUS(status) == 0) {
        rc = 0;
    } else if (parsed != 1) {
        rg_diags_add(diags, RG_ERROR, file,
                     "Graphviz failed in the %s layout (exit status %d); "
                     "no output was written",
                     engine, WEXITSTATUS(status));
    }
    return rc;
}

/* How the frames so far end a job: 0 not yet, RG_FR_DONE or RG_FR_ERROR. */
int rg_isolate__frames_end(const rg_buf *in)
{
    size_t off = 0;
    while (off + sizeof(rg_frame) <= in->len) {
        rg_frame f;
        memcpy(&f, in->data + off, sizeof(f));
        if (f.len > in->len - off - sizeof(f))
            return 0;
        if (f.type == RG_FR_DONE || f.type == RG_FR_ERROR)
            return (int)f.type;
        off += sizeof(f) + f.len;
    }
    return 0;
}
