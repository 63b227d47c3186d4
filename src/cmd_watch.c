/* relgraph watch: renders a document again each time it is saved. The
 * document's folder is watched with inotify (an editor that writes a new
 * file and renames it over the old one replaces the file, not its
 * content); a burst of events settles for QUIET_MS into one build, and
 * events that come during a build make one more after it, never a
 * queue. A good build rewrites every -o output at once (files.c: each
 * written beside, then renamed); a bad one touches none. A line per
 * build on standard error, with every diagnostic of a bad one. With
 * --serve, the live page (watch_serve.c) hears of each build. SIGINT or
 * SIGTERM end it: exit 0. State: the last good document, for what
 * changed, and the server. */
#include "cli.h"
#include "cli_print.h"
#include "diff.h"
#include "watch_rules.h"
#include "watch_serve.h"
#include "watch_state.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* A burst settles after QUIET_MS without an event, or MOST_MS after it
 * began (a file written without pause still gets built). */
enum { QUIET_MS = 60, MOST_MS = 1000 };

typedef struct watch {
    const cli_args *a;
    const char *input;
    const char *name;    /* its file name in its folder */
    rg_renderer *r;
    rg_doc *last;        /* the last good document */
    watch_server *server;
    unsigned long builds;
    size_t warnings;     /* of the last good build; SIZE_MAX before one */
    rg_format formats[17];
    size_t n_formats;    /* the -o formats, then SVG for the page */
} watch;

static int stop_pipe[2] = {-1, -1};

static void on_stop(int sig)
{
    (void)sig;
    int saved = errno;
    if (write(stop_pipe[1], "x", 1) < 0) {
        /* the pipe is full: a stop is already pending */
    }
    errno = saved;
}

static long long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* What changed since the last good document, as "+2 actors, 1 link
 * changed" (cut to fit), or "no change". */
static void changes(char *buf, size_t cap, const rg_doc *old_doc,
                    const rg_doc *new_doc)
{
    static const char *const what[] = {"document", "source", "group",
                                       "actor", "link"};
    size_t n[RG_DIFF_WHAT_COUNT][3] = {{0}};
    rg_diff *d = NULL;
    rg_diags *scratch = rg_diags_new();
    snprintf(buf, cap, "no change");
    if (old_doc == NULL)
        snprintf(buf, cap, "first build");
    if (old_doc == NULL || scratch == NULL ||
        rg_diff_new(&d, old_doc, new_doc, scratch) != 0)
        goto out;
    for (size_t i = 0; i < d->n_items; i++) {
        const rg_diff_item *it = &d->items[i];
        int m = it->mark == RG_MARK_ADDED ? 0
                : it->mark == RG_MARK_REMOVED ? 1 : 2;
        n[it->what][m]++;
    }
    size_t len = 0;
    for (int w = RG_DIFF_WHAT_COUNT - 1; w >= 0; w--)
        for (int m = 0; m < 3; m++) {
            if (n[w][m] == 0 || len >= cap)
                continue;
            int k = snprintf(buf + len, cap - len, "%s%s%zu %s%s%s",
                             len ? ", " : "", m == 0 ? "+" : m == 1 ? "-" : "",
                             n[w][m], what[w], n[w][m] > 1 ? "s" : "",
                             m == 2 ? " changed" : "");
            len += k > 0 ? (size_t)k : 0;
        }
out:
    rg_diff_free(d);
    rg_diags_free(scratch);
}

/* Tells the page of a build: the state always, the chart when good. */
static void publish(watch *w, int ok, rg_output *svg, const char *when,
                    const char *line, const rg_diags *diags)
{
    if (w->server == NULL)
        return;
    watch_state st = {w->builds, ok, w->input, when, line, diags, w->last};
    char *json = watch_state_json(&st);
    char *data = NULL;
    size_t len = 0;
    if (ok && svg != NULL) {
        data = svg->data;
        len = svg->size;
        svg->data = NULL; /* taken by the server */
    }
    watch_serve_publish(w->server, data, len, json, ok);
}

/* Renders and, when good, writes the outputs. Returns 0 when good. */
static int render_write(watch *w, rg_doc *doc, rg_output **outs,
                        rg_diags *diags)
{
    const cli_args *a = w->a;
    if (w->r == NULL && (w->r = rg_renderer_new(diags)) == NULL)
        return -1;
    if (rg_render(outs, w->r, doc, &a->opts, w->formats, w->n_formats,
                  diags) != 0)
        return -1;
    rg_file files[16];
    for (int i = 0; i < a->n_outputs; i++)
        files[i] = (rg_file){a->outputs[i], (*outs)[i].data,
                             (*outs)[i].size};
    return rg_write_files_flags(files, (size_t)a->n_outputs, a->write_flags,
                                diags);
}

/* One build: load, render, write, then the line and the page. */
static void build(watch *w)
{
    rg_diags *diags = rg_diags_new();
    rg_doc *doc = NULL;
    rg_output *outs = NULL;
    char when[16], what[160], line[320];
    long long t0 = now_ms();
    time_t now = time(NULL);
    strftime(when, sizeof(when), "%H:%M:%S", localtime(&now));
    if (diags == NULL)
        return;
    int ok = cli_render_load(w->a, w->input, &doc, diags) == EXIT_OK &&
             render_write(w, doc, &outs, diags) == 0;
    size_t warnings = rg_diags_count_severity(diags, RG_WARNING);
    if (!ok && doc != NULL && rg_doc_file_changed(doc)) {
        /* Saved again while it was built (the render's worker refuses a
         * file that is not the one checked): that save's events are
         * queued and build it; this build says nothing of it. */
        fprintf(stderr, "%s: %s saved again during the build; "
                "building the new save\n", CLI_PROG, when);
        fflush(stderr);
        goto out;
    }
    w->builds++;
    if (ok) {
        changes(what, sizeof(what), w->last, doc);
        snprintf(line, sizeof(line), "%s built in %.2f s: %s; %zu warning%s",
                 when, (double)(now_ms() - t0) / 1000, what, warnings,
                 warnings == 1 ? "" : "s");
        rg_doc_free(w->last);
        w->last = doc;
        doc = NULL;
    } else {
        size_t errors = rg_diags_count_severity(diags, RG_ERROR);
        snprintf(line, sizeof(line), "%s failed: %zu error%s, %zu warning%s; "
                 "outputs kept", when, errors, errors == 1 ? "" : "s",
                 warnings, warnings == 1 ? "" : "s");
    }
    fprintf(stderr, "%s: ", CLI_PROG);
    cli_put_shown(line, 0);
    fputc('\n', stderr);
    /* A good build's warnings in full when their number changes (the
     * first build's too); a bad build's every diagnostic. */
    if (!ok || warnings != w->warnings)
        cli_print_diags(diags);
    if (ok)
        w->warnings = warnings;
    fflush(stderr);
    publish(w, ok, outs != NULL ? &outs[w->n_formats - 1] : NULL, when, line,
            diags);
out:
    rg_outputs_free(outs, w->n_formats);
    rg_doc_free(doc);
    rg_diags_free(diags);
}

/* Reads the pending inotify events; returns 1 when one is about the
 * document's name. */
static int read_events(int fd, const char *name)
{
    char buf[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
    int hit = 0;
    ssize_t n;
    while ((n = read(fd, buf, sizeof(buf))) > 0)
        for (char *p = buf; p < buf + n;) {
            const struct inotify_event *e = (const struct inotify_event *)p;
            if (e->len > 0 && strcmp(e->name, name) == 0)
                hit = 1;
            p += sizeof(*e) + e->len;
        }
    return hit;
}

/* Waits for saves and builds, until a stop. */
static void loop(watch *w, int fd)
{
    watch_burst burst = {0};
    struct pollfd p[2] = {{fd, POLLIN, 0}, {stop_pipe[0], POLLIN, 0}};
    for (;;) {
        long long wait = watch_burst_wait(&burst, now_ms(), QUIET_MS,
                                          MOST_MS);
        int n = poll(p, 2, wait < 0 ? -1 : (int)wait);
        if (n < 0 && errno != EINTR)
            return;
        if (p[1].revents)
            return;
        if (n > 0 && (p[0].revents & POLLIN) && read_events(fd, w->name))
            watch_burst_event(&burst, now_ms());
        if (watch_burst_wait(&burst, now_ms(), QUIET_MS, MOST_MS) != 0)
            continue;
        watch_burst_take(&burst);
        struct stat st;
        if (stat(w->input, &st) == 0) /* else mid-rename: wait for it */
            build(w);
    }
}

/* The document's folder, for inotify. */
static int watch_folder(const char *input, const char **name)
{
    const char *slash = strrchr(input, '/');
    char dir[4096];
    *name = slash ? slash + 1 : input;
    snprintf(dir, sizeof(dir), "%.*s", slash ? (int)(slash - input) + 1 : 1,
             slash ? input : ".");
    int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd < 0 ||
        inotify_add_watch(fd, dir, IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE |
                                       IN_MODIFY | IN_DELETE | IN_ATTRIB) < 0) {
        fprintf(stderr, "%s: cannot watch '%s': %s\n", CLI_PROG, dir,
                strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    return fd;
}

static int check_args(cli_args *a)
{
    if (a->n_inputs != 1)
        return cli_usage_error("%s", "watch takes one input file");
    if (strcmp(a->inputs[0], "-") == 0)
        return cli_usage_error("%s", "watch needs a file to watch, not "
                                     "standard input");
    if (a->n_outputs == 0 && !a->serve)
        return cli_usage_error("%s", "say what to keep up to date: -o FILE, "
                                     "--serve, or both");
    return EXIT_OK;
}

/* Catches SIGINT and SIGTERM into the stop pipe. Returns 0, or -1. */
static int catch_stop(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_stop;
    sigemptyset(&sa.sa_mask);
    if (pipe(stop_pipe) != 0)
        return -1;
    fcntl(stop_pipe[1], F_SETFL, O_NONBLOCK);
    signal(SIGPIPE, SIG_IGN);
    return sigaction(SIGINT, &sa, NULL) | sigaction(SIGTERM, &sa, NULL);
}

static int serve(watch *w, unsigned port)
{
    char err[160];
    unsigned bound = 0;
    if ((w->server = watch_serve_start(port, &bound, err, sizeof(err))) ==
        NULL) {
        fprintf(stderr, "%s: %s\n", CLI_PROG, err);
        return -1;
    }
    printf("relgraph: serving http://127.0.0.1:%u/ (Ctrl-C ends it)\n", bound);
    fflush(stdout);
    return 0;
}

int cli_run_watch(int argc, char **argv)
{
    cli_args a;
    int rc = cli_parse(&a, CLI_CMD_watch, argc, argv, check_args);
    if (rc != EXIT_OK || (rc = cli_render_check(&a)) != EXIT_OK)
        return rc;
    watch w = {.a = &a, .input = a.inputs[0], .warnings = SIZE_MAX};
    for (int i = 0; i < a.n_outputs; i++)
        w.formats[w.n_formats++] = a.formats[i];
    if (a.serve)
        w.formats[w.n_formats++] = RG_FORMAT_SVG;
    int fd = watch_folder(w.input, &w.name);
    rc = EXIT_OUTPUT;
    if (fd < 0 || catch_stop() != 0)
        goto out;
    if (a.serve && serve(&w, a.serve_port) != 0)
        goto out;
    build(&w);
    loop(&w, fd);
    fprintf(stderr, "%s: stopped\n", CLI_PROG);
    rc = EXIT_OK;
out:
    watch_serve_stop(w.server);
    rg_renderer_free(w.r);
    rg_doc_free(w.last);
    if (fd >= 0)
        close(fd);
    return rc;
}
