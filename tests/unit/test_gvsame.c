/* Unit tests of the same layout every time (src/gvsame.c, cmocka): the
 * neato plugin's calls reach relgraph's delaunay_tri; a graph that prism
 * removes overlaps from is laid out to the same positions, bit for bit,
 * every time in one process (where the heap differs from one layout to
 * the next, as it does between processes); a layout does not depend on
 * the layouts the process made before it, nor on what it drew from
 * rand() and drand48(). */
#define _GNU_SOURCE /* RTLD_DEFAULT, drand48 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "gvsame.h"

#include <dlfcn.h>
#include <graphviz/gvc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int *delaunay_tri(double *x, double *y, int n, int *nedges);

/* One Graphviz context for every test, as in relgraph (see test_cross.c). */
static GVC_t *gvc;

/* A graph of n boxes and about 3n lines between them, the same for the
 * same n and seed; sfdp and prism, as relgraph lays out large charts. */
static char *graph_text(int n, unsigned seed)
{
    size_t cap = (size_t)n * 120 + 200, len = 0;
    char *s = malloc(cap);
    assert_non_null(s);
    len += (size_t)snprintf(s + len, cap - len,
                            "graph { overlap=prism; sep=\"+6\"; "
                            "node [shape=box];\n");
    for (int i = 0; i < n; i++)
        len += (size_t)snprintf(s + len, cap - len,
                                "n%d [label=\"actor number %d\"];\n", i, i);
    for (int i = 0; i < 3 * n; i++) {
        seed = seed * 1103515245u + 12345u;
        int a = (int)((seed >> 8) % (unsigned)n);
        seed = seed * 1103515245u + 12345u;
        int b = (int)((seed >> 8) % (unsigned)n);
        if (a != b)
            len += (size_t)snprintf(s + len, cap - len, "n%d -- n%d;\n", a,
                                    b);
    }
    snprintf(s + len, cap - len, "}\n");
    return s;
}

/* The positions of every node after a layout with `engine`, in order:
 * 2 doubles a node, malloc'd; their count in *n. */
static double *positions(const char *text, const char *engine, size_t *n)
{
    if (gvc == NULL)
        gvc = gvContext();
    assert_non_null(gvc);
    Agraph_t *g = agmemread(text);
    assert_non_null(g);
    assert_int_equal(rg_gvsame__layout(gvc, g, engine), 0);
    *n = (size_t)agnnodes(g);
    double *p = malloc(2 * *n * sizeof(*p));
    assert_non_null(p);
    size_t i = 0;
    for (Agnode_t *v = agfstnode(g); v != NULL; v = agnxtnode(g, v)) {
        p[i++] = ND_coord(v).x;
        p[i++] = ND_coord(v).y;
    }
    gvFreeLayout(gvc, g);
    agclose(g);
    return p;
}

/* How many of the n nodes' positions differ, bit for bit. */
static size_t differ(const double *a, const double *b, size_t n)
{
    size_t d = 0;
    for (size_t i = 0; i < n; i++)
        d += memcmp(&a[2 * i], &b[2 * i], 2 * sizeof(*a)) != 0;
    return d;
}

static void plugin_calls_reach_relgraphs_triangulation(void **state)
{
    (void)state;
    /* what the plugin's procedure linkage table resolves to: without the
     * Makefile's --export-dynamic-symbol it is the plugin's own */
    void *sym = dlsym(RTLD_DEFAULT, "delaunay_tri");
    void *ours;
    int *(*fn)(double *, double *, int, int *) = delaunay_tri;
    memcpy(&ours, &fn, sizeof(ours));
    assert_ptr_equal(sym, ours);
}

static void prism_lays_a_graph_out_the_same_every_time(void **state)
{
    (void)state;
    char *text = graph_text(300, 7);
    size_t n0, n;
    double *first = positions(text, "sfdp", &n0);
    for (int run = 0; run < 3; run++) {
        /* the heap differs each time: the first layout's memory and
         * some of ours are in it */
        void *shift = malloc(4096u * (unsigned)(run + 1));
        double *again = positions(text, "sfdp", &n);
        assert_int_equal(n, n0);
        size_t d = differ(first, again, n);
        if (d != 0)
            print_message("layout %d: %zu of %zu positions differ\n",
                          run + 2, d, n);
        assert_int_equal(d, 0);
        free(again);
        free(shift);
    }
    free(first);
    free(text);
}

static void a_layout_does_not_depend_on_the_ones_before(void **state)
{
    (void)state;
    char *text = graph_text(120, 11), *other = graph_text(200, 3);
    size_t n0, n, m;
    double *first = positions(text, "sfdp", &n0);
    free(positions(other, "sfdp", &m));
    free(positions(other, "neato", &m));
    /* and the program draws from the generators Graphviz uses */
    for (int i = 0; i < 7; i++)
        (void)rand();
    (void)drand48();
    double *again = positions(text, "sfdp", &n);
    assert_int_equal(n, n0);
    assert_int_equal(differ(first, again, n), 0);
    free(first);
    free(again);
    free(text);
    free(other);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plugin_calls_reach_relgraphs_triangulation),
        cmocka_unit_test(prism_lays_a_graph_out_the_same_every_time),
        cmocka_unit_test(a_layout_does_not_depend_on_the_ones_before),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
