/* Where the time of one render goes, for the benchmarks' diagnosis (not a
 * ratio of its own): times each phase of what `relgraph render` does, in
 * this process, through the library.
 *
 *   phases [-r RUNS] [-e ENGINE] IN [FORMAT]...
 *
 * FORMAT: svg (default), png, pdf, dot. Prints, in milliseconds (medians of
 * RUNS, default 5): rg_renderer_new (an allocation: Graphviz starts in
 * the process that lays out), loading and checking IN, one render in a
 * child process (what a batch and the library do: a new renderer starts
 * its worker, which starts Graphviz) and one render in this process
 * (isolation = RG_ISOLATE_NONE; the first starts the process's Graphviz,
 * which the next ones keep), each to all FORMATs at once. */
#define _POSIX_C_SOURCE 200809L
#include "relgraph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof(*v), cmp);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static int fail(rg_diags *d, const char *what)
{
    fprintf(stderr, "phases: %s failed\n", what);
    for (size_t i = 0; i < rg_diags_count(d); i++)
        fprintf(stderr, "  %s\n", rg_diags_get(d, i)->message);
    return 1;
}

int main(int argc, char **argv)
{
    int runs = 5, a = 1;
    const char *engine = NULL;
    while (a + 1 < argc && argv[a][0] == '-') {
        if (strcmp(argv[a], "-r") == 0)
            runs = atoi(argv[a + 1]);
        else if (strcmp(argv[a], "-e") == 0)
            engine = argv[a + 1];
        a += 2;
    }
    if (a >= argc || runs < 1 || runs > 1000) {
        fprintf(stderr, "usage: phases [-r RUNS] [-e ENGINE] IN [FORMAT]...\n");
        return 2;
    }
    const char *in = argv[a++];
    rg_format fmts[8];
    size_t nf = 0;
    for (; a < argc && nf < 8; a++)
        if (rg_format_parse(&fmts[nf++], argv[a]) != 0) {
            fprintf(stderr, "phases: unknown format %s\n", argv[a]);
            return 2;
        }
    if (nf == 0)
        fmts[nf++] = RG_FORMAT_SVG;

    double *t_ctx = calloc((size_t)runs, sizeof(double));
    double *t_load = calloc((size_t)runs, sizeof(double));
    double *t_iso = calloc((size_t)runs, sizeof(double));
    double *t_in = calloc((size_t)runs, sizeof(double));
    rg_diags *d = rg_diags_new();
    if (!t_ctx || !t_load || !t_iso || !t_in || !d)
        return 1;
    for (int i = 0; i < runs; i++) {
        double t0 = now_ms();
        rg_renderer *r = rg_renderer_new(d);
        if (r == NULL)
            return fail(d, "rg_renderer_new");
        double t1 = now_ms();
        rg_doc *doc = NULL;
        if (rg_doc_load_file(&doc, in, d) != 0)
            return fail(d, "loading");
        double t2 = now_ms();
        rg_render_opts o;
        rg_render_opts_init(&o);
        o.engine = engine;
        rg_output *outs = NULL;
        if (rg_render(&outs, r, doc, &o, fmts, nf, d) != 0)
            return fail(d, "the isolated render");
        rg_outputs_free(outs, nf);
        double t3 = now_ms();
        o.isolation = RG_ISOLATE_NONE;
        if (rg_render(&outs, r, doc, &o, fmts, nf, d) != 0)
            return fail(d, "the in-process render");
        rg_outputs_free(outs, nf);
        double t4 = now_ms();
        t_ctx[i] = t1 - t0;
        t_load[i] = t2 - t1;
        t_iso[i] = t3 - t2;
        t_in[i] = t4 - t3;
        rg_doc_free(doc);
        rg_renderer_free(r);
        rg_diags_clear(d);
    }
    printf("%s: Graphviz start %.1f ms, load+check %.1f ms, render in a child "
           "%.1f ms, render in process %.1f ms (medians of %d)\n",
           in, median(t_ctx, runs), median(t_load, runs), median(t_iso, runs),
           median(t_in, runs), runs);
    rg_diags_free(d);
    free(t_ctx);
    free(t_load);
    free(t_iso);
    free(t_in);
    return 0;
}
