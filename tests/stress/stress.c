/* Stress test of the graph construction: generates documents shaped like
 * real charts (5-60 actors, nested groups, labelled links of every
 * status, self-loops, parallel links, awkward text) and lays each out and
 * renders it in this process, so that a memory error in Graphviz is caught
 * by AddressSanitizer rather than hidden by the renderer's child process.
 *
 *   stress FIRST COUNT          render seeds FIRST .. FIRST+COUNT-1
 *   stress --emit SEED          print the document of one seed
 *
 * Each document must load cleanly and render to SVG and DOT within the
 * time limit; the first failure stops the run with its seed. */
#include "relgraph.h"

#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static uint64_t rng;

static uint32_t next(void)
{
    /* xorshift64*: small, seeded, the same on every machine */
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return (uint32_t)((rng * 2685821657736338717ULL) >> 32);
}

static int pick(int n) { return (int)(next() % (uint32_t)n); }

typedef struct text {
    char *s;
    size_t len, cap;
} text;

static void put(text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (t->len + (size_t)n + 1 > t->cap) {
        t->cap = (t->len + (size_t)n + 1) * 2;
        t->s = realloc(t->s, t->cap);
        if (t->s == NULL)
            abort();
    }
    va_start(ap, fmt);
    vsnprintf(t->s + t->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    t->len += (size_t)n;
}

static const char *const kinds[] = {"person", "organization", "company",
    "agency", "state", "group", "event", "document", "system", "location",
    "other"};
static const char *const statuses[] = {"confirmed", "reported", "alleged",
    "disputed", "denied"};
static const char *const words[] = {"headed", "funded", "blamed for",
    "indicted", "received stolen trade secrets from", "part of",
    "took part in", "reported", "denied", "owns", "met", "attacked"};
/* Text a label must survive: markup, escapes, quotes, Unicode. */
static const char *const awkward[] = {"<b>bold</b> & co", "\\\\N \\\\G \\\\l",
    "\\\"quoted\\\" 'single'", "Ünïcödé — 中文 ✓", "a\\nb", "x > y < z",
    "&amp; &#38;", "plain note"};

static void gen(text *t, uint64_t seed)
{
    rng = seed * 0x9E3779B97F4A7C15ULL + 1;
    int n = 5 + pick(56);
    int ng = 1 + pick(5);
    put(t, "{\"relgraph\": 1, \"title\": \"stress %llu\",\n",
        (unsigned long long)seed);
    put(t, "\"sources\": [{\"id\": \"s\", \"title\": \"t\"}],\n");
    put(t, "\"groups\": [");
    for (int g = 0; g < ng; g++) {
        put(t, "%s{\"id\": \"g%d\", \"label\": \"%s\"", g ? ", " : "", g,
            awkward[pick(8)]);
        if (g > 0 && pick(3) == 0)
            put(t, ", \"parent\": \"g%d\"", pick(g));
        put(t, "}");
    }
    put(t, "],\n\"actors\": [\n");
    for (int a = 0; a < n; a++) {
        put(t, "%s{\"id\": \"a%d\", \"name\": \"Actor %d %s\", \"kind\": \"%s\"",
            a ? ",\n" : "", a, a, pick(4) ? "" : awkward[pick(8)],
            kinds[pick(11)]);
        if (pick(3) != 0)
            put(t, ", \"group\": \"g%d\"", pick(ng));
        if (pick(2))
            put(t, ", \"note\": \"%s\"", awkward[pick(8)]);
        if (pick(5) == 0)
            put(t, ", \"aliases\": [\"alias %d\"]", a);
        if (pick(6) == 0)
            put(t, ", \"url\": \"https://example.org/?a=%d&b='x'\"", a);
        put(t, "}");
    }
    put(t, "],\n\"links\": [\n");
    int nl = n + pick(2 * n);
    for (int k = 0; k < nl; k++) {
        int from = pick(n), to = pick(10) == 0 ? from : pick(n);
        put(t, "%s{\"from\": \"a%d\", \"to\": \"a%d\"", k ? ",\n" : "", from,
            to);
        if (pick(5) != 0)
            put(t, ", \"label\": \"%s\"",
                pick(6) ? words[pick(12)] : awkward[pick(8)]);
        put(t, ", \"status\": \"%s\"", statuses[pick(5)]);
        if (pick(5) == 0)
            put(t, ", \"directed\": false");
        if (pick(3) == 0)
            put(t, ", \"source\": \"s\", \"quote\": \"%s\"", awkward[pick(8)]);
        if (pick(8) == 0)
            put(t, ", \"claimed_by\": [\"a%d\"], \"disputed_by\": [\"a%d\"]",
                pick(n), pick(n));
        put(t, "}");
    }
    static const char *const dirs[] = {"LR", "TB", "RL", "BT"};
    put(t, "],\n\"layout\": {\"direction\": \"%s\"", dirs[pick(4)]);
    /* Mostly dot, the engine with the known crashes. */
    static const char *const engines[] = {"neato", "fdp", "sfdp", "circo",
                                          "twopi"};
    if (pick(8) == 0)
        put(t, ", \"engine\": \"%s\"", engines[pick(5)]);
    if (pick(6) == 0)
        put(t, ", \"legend\": false");
    put(t, "}}\n");
}

static volatile sig_atomic_t current;

static void on_alarm(int sig)
{
    (void)sig;
    char msg[96];
    int len = snprintf(msg, sizeof(msg),
                       "stress: seed %ld hung (over the time limit)\n",
                       (long)current);
    if (write(STDERR_FILENO, msg, (size_t)len) < 0) {
        /* nothing more to do */
    }
    _exit(3);
}

static void print_diags(const rg_diags *d)
{
    for (size_t i = 0; i < rg_diags_count(d); i++) {
        const rg_diag *x = rg_diags_get(d, i);
        fprintf(stderr, "  %d:%d: %s: %s\n", x->line, x->column, x->path,
                x->message);
    }
}

int main(int argc, char **argv)
{
    text t = {0};
    if (argc == 3 && strcmp(argv[1], "--emit") == 0) {
        gen(&t, strtoull(argv[2], NULL, 10));
        fputs(t.s, stdout);
        free(t.s);
        return 0;
    }
    if (argc != 3) {
        fprintf(stderr, "usage: stress FIRST COUNT | stress --emit SEED\n");
        return 2;
    }
    long first = strtol(argv[1], NULL, 10), count = strtol(argv[2], NULL, 10);
    rg_diags *diags = rg_diags_new();
    rg_renderer *r = rg_renderer_new(diags);
    if (r == NULL) {
        print_diags(diags);
        return 1;
    }
    signal(SIGALRM, on_alarm);
    rg_render_opts opts;
    rg_render_opts_init(&opts);
    opts.isolation = RG_ISOLATE_NONE;
    const rg_format formats[] = {RG_FORMAT_SVG, RG_FORMAT_DOT};
    long done = 0, actors = 0, links = 0;
    for (long s = first; s < first + count; s++) {
        current = (sig_atomic_t)s;
        if (getenv("STRESS_VERBOSE"))
            fprintf(stderr, "seed %ld\n", s);
        t.len = 0;
        gen(&t, (uint64_t)s);
        rg_doc *doc = NULL;
        if (rg_doc_load_buffer(&doc, t.s, t.len, "stress.json", diags) != 0) {
            fprintf(stderr, "stress: seed %ld: the generated document does "
                            "not load:\n", s);
            print_diags(diags);
            return 1;
        }
        actors += (long)rg_doc_actor_count(doc);
        links += (long)rg_doc_link_count(doc);
        rg_output *outs = NULL;
        alarm(60);
        int rc = rg_render(&outs, r, doc, &opts, formats, 2, diags);
        alarm(0);
        if (rc != 0 || outs[0].size < 100 || outs[1].size < 20) {
            fprintf(stderr, "stress: seed %ld: render failed:\n", s);
            print_diags(diags);
            return 1;
        }
        rg_outputs_free(outs, 2);
        rg_doc_free(doc);
        rg_diags_clear(diags);
        done++;
    }
    printf("stress: %ld documents (seeds %ld..%ld, %ld actors, %ld links) "
           "rendered to SVG and DOT: 0 crashes, 0 hangs\n",
           done, first, first + count - 1, actors, links);
    rg_renderer_free(r);
    rg_diags_free(diags);
    free(t.s);
    return 0;
}
