/* Times the glyph check (src/glyphs.c) on a document: its load, the
 * first check (fontconfig's set-up included) and a second one. Built and
 * run by tests/scripts/time-glyphs.sh; not part of make test. */
#include "glyphs.h"
#include "relgraph.h"

#include <stdio.h>
#include <time.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    rg_diags *d = rg_diags_new();
    rg_doc *doc = NULL;
    if (argc != 2 || d == NULL)
        return 2;
    double t0 = now();
    if (rg_doc_load_file(&doc, argv[1], d) != 0)
        return 1;
    double t1 = now();
    rg_glyphs__check(doc, doc, d);
    double t2 = now();
    rg_glyphs__check(doc, doc, d);
    double t3 = now();
    printf("%s: load %.3f s; glyph check %.1f ms (with fontconfig's "
           "set-up), again %.1f ms; %zu warnings\n",
           argv[1], t1 - t0, (t2 - t1) * 1e3, (t3 - t2) * 1e3,
           rg_diags_count(d));
    rg_doc_free(doc);
    rg_diags_free(d);
    return 0;
}
