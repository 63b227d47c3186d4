/* The same chart from the same document, every run and in any process.
 * Four things in Graphviz 2.43 stood in the way, each found by laying the
 * same graph out twice and comparing the positions bit for bit. The first
 * three come from the heap, whose layout differs from one process to the
 * next (even without address randomization):
 *
 *  - Graphviz's prism overlap removal (sfdp, and neato and fdp with
 *    overlap=prism) builds its proximity graph from a Delaunay
 *    triangulation (delaunay_tri, made with GTS) whose edges come out in
 *    the order of a hash table of pointers. The stress solver sums in that
 *    order, the positions differ in their last bits, and the lines routed
 *    between them differ visibly in a chart of 1,000 actors (2 different
 *    SVGs in 6 renders of the 1,000-actor bench document). The edges are
 *    one set each time; only their order varies: they are sorted here.
 *  - fdp lays out the connected components of a graph one after another,
 *    in the order of their subgraphs, which cgraph keeps by the addresses
 *    of their names: none of 13 fdp renders of the OPM example drew the
 *    first one's chart. They are put here in the order fdp made them
 *    (the count that ends each one's name).
 *  - fdp lays a graph out through "derived" graphs of its own (a node for
 *    each group and each actor outside groups) and compares their nodes'
 *    addresses: which way a line between two of them goes, the order of a
 *    group's ports (the grouped Les Miserables sample: 4 charts in 4
 *    runs). Those graphs get a memory discipline that hands out
 *    increasing addresses (agopen, below), so a node made later lies
 *    higher, whatever the heap.
 *  - sfdp draws from rand() and drand48(), whose state a layout leaves
 *    for the next one in the process (a batch, a watch): each layout
 *    starts them from their state at a program's start.
 *
 * relgraph defines delaunay_tri, findCComp and agopen itself: the neato
 * plugin calls them through its procedure linkage table, so the
 * executable's definitions come first when the executable exports them
 * (the Makefile links with --export-dynamic-symbol, and relgraph.pc asks
 * the same of programs that use the library). The first two call the
 * plugin's own, found through the caller's address, and put the result
 * in order; agopen calls cgraph's. A program linked without the exports
 * still draws its charts, only not always the same bytes. */
#define _GNU_SOURCE
#include "gvsame.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

int *delaunay_tri(double *x, double *y, int n, int *nedges);
Agraph_t **findCComp(Agraph_t *g, int *cnt, int *pinned);
Agraph_t *agopen(char *name, Agdesc_t desc, Agdisc_t *disc);

/* The file of the code at `caller` when it is the neato plugin's (where
 * prism and fdp are), else NULL. */
static const char *plugin_file(const void *caller)
{
    Dl_info info;
    if (dladdr(caller, &info) == 0 || info.dli_fname == NULL ||
        strstr(info.dli_fname, "libgvplugin_neato_layout") == NULL)
        return NULL;
    return info.dli_fname;
}

/* Stores in *fn (a function pointer of `size` bytes) the plugin's own
 * definition of `name` when `caller` is the plugin (whose definitions
 * come first in its handle's scope), else NULL. Copied: ISO C has no
 * conversion from object to function pointer. */
static void plugin_fn(void *fn, size_t size, const void *caller,
                      const char *name)
{
    const char *file = plugin_file(caller);
    void *h = file ? dlopen(file, RTLD_NOW | RTLD_NOLOAD) : NULL;
    void *sym = NULL;
    if (h != NULL) {
        sym = dlsym(h, name);
        dlclose(h); /* loaded still: it is the caller */
    }
    if (size == sizeof(sym))
        memcpy(fn, &sym, size);
}

typedef int *tri_fn(double *, double *, int, int *);

static int by_ends(const void *a, const void *b)
{
    const int *p = a, *q = b;
    if (p[0] != q[0])
        return (p[0] > q[0]) - (p[0] < q[0]);
    return (p[1] > q[1]) - (p[1] < q[1]);
}

int *delaunay_tri(double *x, double *y, int n, int *nedges)
{
    static tri_fn *real;
    if (real == NULL)
        plugin_fn(&real, sizeof(real), __builtin_return_address(0),
                  "delaunay_tri");
    if (real == NULL) { /* never seen: the plugin is the only caller */
        *nedges = 0;    /* no proximity graph: prism leaves overlaps */
        return NULL;
    }
    int *edges = real(x, y, n, nedges);
    if (edges != NULL && *nedges > 1)
        qsort(edges, (size_t)*nedges, 2 * sizeof(int), by_ends);
    return edges;
}

typedef Agraph_t **ccomp_fn(Agraph_t *, int *, int *);

/* The count fdp ends a component's name with ("cc<graph>+<count>", or
 * "_<count>" for the one of pinned nodes): the order it made them in. */
static long made(Agraph_t *const *g)
{
    const char *name = agnameof(*g), *end = name + strlen(name), *p = end;
    while (p > name && p[-1] >= '0' && p[-1] <= '9')
        p--;
    return p < end ? strtol(p, NULL, 10) : 0;
}

static int by_making(const void *a, const void *b)
{
    long x = made(a), y = made(b);
    return (x > y) - (x < y);
}

Agraph_t **findCComp(Agraph_t *g, int *cnt, int *pinned)
{
    static ccomp_fn *real;
    if (real == NULL)
        plugin_fn(&real, sizeof(real), __builtin_return_address(0),
                  "findCComp");
    if (real == NULL) { /* never seen: the plugin is the only caller */
        *cnt = 0;
        if (pinned != NULL)
            *pinned = 0;
        return calloc(1, sizeof(Agraph_t *)); /* no component to lay out */
    }
    Agraph_t **cc = real(g, cnt, pinned);
    size_t n = 0;
    while (cc != NULL && cc[n] != NULL)
        n++;
    if (n > 1)
        qsort(cc, n, sizeof(*cc), by_making);
    return cc;
}

/* ---- fdp's derived graphs, in address order ---- */

/* fdp lays a graph out through "derived" graphs (a node for each group
 * and each actor outside groups, made in a fixed order) and compares
 * their nodes' addresses. Those graphs get a memory discipline whose
 * blocks come from one reserved region, in increasing addresses: a node
 * made later lies higher. The region is reused once no derived graph is
 * open; a graph that outgrows it takes its memory from calloc (and its
 * chart may vary again). */
#define ORDERED_REGION ((size_t)256 << 20)

static struct {
    char *base;  /* the reservation, or NULL (not made, or refused) */
    size_t top;  /* bytes handed out */
    int open;    /* derived graphs open */
    int refused; /* the reservation failed: calloc from then on */
} region;

static int in_region(const void *p)
{
    const char *c = p;
    return region.base != NULL && c >= region.base &&
           c < region.base + ORDERED_REGION;
}

static void *ordered_open(Agdisc_t *disc)
{
    (void)disc;
    if (region.base == NULL && !region.refused) {
        void *m = mmap(NULL, ORDERED_REGION, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (m == MAP_FAILED)
            region.refused = 1;
        else
            region.base = m;
    }
    region.open++;
    return &region; /* cgraph wants a state that is not NULL */
}

static void *ordered_alloc(void *state, size_t req)
{
    (void)state;
    size_t size = (req + 15) & ~(size_t)15;
    if (region.base != NULL && size >= req &&
        size <= ORDERED_REGION - region.top) {
        void *p = region.base + region.top;
        region.top += size;
        memset(p, 0, req); /* a reused region is not zero */
        return p;
    }
    return calloc(1, req);
}

static void *ordered_resize(void *state, void *ptr, size_t old, size_t req)
{
    if (ptr == NULL)
        return ordered_alloc(state, req);
    if (in_region(ptr)) {
        void *p = ordered_alloc(state, req);
        if (p != NULL)
            memcpy(p, ptr, old < req ? old : req);
        return p;
    }
    char *p = realloc(ptr, req);
    if (p != NULL && req > old)
        memset(p + old, 0, req - old);
    return p;
}

static void ordered_free(void *state, void *ptr)
{
    (void)state;
    if (!in_region(ptr))
        free(ptr);
}

static void ordered_close(void *state)
{
    (void)state;
    if (--region.open == 0 && region.base != NULL) {
        /* its pages back to the system, and the addresses from the start */
        madvise(region.base, region.top, MADV_DONTNEED);
        region.top = 0;
    }
}

static Agmemdisc_t ordered_mem = {ordered_open, ordered_alloc,
                                  ordered_resize, ordered_free,
                                  ordered_close};

typedef Agraph_t *agopen_fn(char *, Agdesc_t, Agdisc_t *);

Agraph_t *agopen(char *name, Agdesc_t desc, Agdisc_t *disc)
{
    static agopen_fn *real;
    if (real == NULL) {
        void *sym = dlsym(RTLD_NEXT, "agopen");
        memcpy(&real, &sym, sizeof(real));
        if (real == NULL || real == agopen)
            return NULL; /* never seen: cgraph is linked in */
    }
    static Agdisc_t ordered = {&ordered_mem, &AgIdDisc, &AgIoDisc};
    if (disc == NULL && name != NULL && strcmp(name, "derived") == 0 &&
        plugin_file(__builtin_return_address(0)) != NULL)
        disc = &ordered;
    return real(name, desc, disc);
}

int rg_gvsame__layout(GVC_t *gvc, Agraph_t *g, const char *engine)
{
    /* glibc's states before any seeding: rand() as seeded with 1 (as
     * documented), drand48()'s all zero (as measured) */
    unsigned short x48[3] = {0, 0, 0};
    srand(1);
    seed48(x48);
    return gvLayout(gvc, g, engine);
}
