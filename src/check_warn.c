/* Warnings about documents that are valid but probably not what their
 * author meant, found once the links are resolved: the same link entered
 * twice, and a link marked confirmed that someone disputes. */
#include "check.h"

#include "diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static rg_path link_path(size_t i, const char *field)
{
    rg_path p = {.n = 0};
    p = rg_path__key(&p, "links");
    p = rg_path__index(&p, i);
    return field ? rg_path__key(&p, field) : p;
}

/* What makes two links the same: the same two actors (as resolved, so an
 * id and a name of one actor are the same end; either way round when the
 * link is undirected), the same label, kind, status, date and until.
 * Sources, quotes and claimants may differ: they are more evidence for
 * one link. A malloc'd key, or NULL when an end is unresolved (already
 * an error) or out of memory (*oom set). */
static char *link_key(const rg_doc *d, const rg_link *k, int *oom)
{
    if (k->from == NULL || k->to == NULL)
        return NULL;
    long a = rg_doc_find_actor(d, k->from), b = rg_doc_find_actor(d, k->to);
    if (a < 0 || b < 0)
        return NULL;
    if (!k->directed && b < a) {
        long t = a;
        a = b;
        b = t;
    }
    /* Each text is length-prefixed, so that none can pass for two. */
    const char *f[] = {k->label, k->kind, k->date, k->until};
    char *key = rg__asprintf(
        "%ld>%ld%c%d|%zu:%s|%zu:%s|%zu:%s|%zu:%s", a, b,
        k->directed ? 'd' : 'u', (int)k->status,
        f[0] ? strlen(f[0]) : 0, f[0] ? f[0] : "",
        f[1] ? strlen(f[1]) : 0, f[1] ? f[1] : "",
        f[2] ? strlen(f[2]) : 0, f[2] ? f[2] : "",
        f[3] ? strlen(f[3]) : 0, f[3] ? f[3] : "");
    if (key == NULL)
        *oom = 1;
    return key;
}

static int duplicate_links(const rg_doc *d, rg_diags *diags)
{
    int oom = 0;
    rg_map seen = {0};
    char **keys = calloc(d->n_links ? d->n_links : 1, sizeof(*keys));
    if (keys == NULL || rg_map__reserve(&seen, d->n_links) != 0)
        oom = 1;
    for (size_t i = 0; i < d->n_links && !oom; i++) {
        keys[i] = link_key(d, &d->links[i], &oom);
        size_t first;
        int r = keys[i] ? rg_map__put(&seen, keys[i], i, &first) : 1;
        if (r < 0)
            oom = 1;
        if (r != 0)
            continue;
        rg_path p = link_path(i, NULL), q = link_path(first, NULL);
        rg_diag__at(diags, RG_WARNING, d->file, &p, RG_AT_VALUE, &q, NULL,
                    "the same link as links[%zu] (same ends, label, kind, "
                    "status and dates), drawn twice; remove one, or put "
                    "both sources in one \"source\"",
                    first);
    }
    for (size_t i = 0; keys != NULL && i < d->n_links; i++)
        free(keys[i]);
    free(keys);
    rg_map__free(&seen);
    return oom ? -1 : 0;
}

/* "confirmed" says the claim is established; someone disputing it says
 * it is not, which is what "disputed" is for. */
static void confirmed_but_disputed(const rg_doc *d, rg_diags *diags)
{
    for (size_t i = 0; i < d->n_links; i++) {
        const rg_link *k = &d->links[i];
        if (k->status != RG_STATUS_CONFIRMED || k->disputed_by.n == 0)
            continue;
        rg_path p = link_path(i, "status");
        rg_diag__at(diags, RG_WARNING, d->file, &p, RG_AT_VALUE, NULL,
                    "disputed",
                    "status \"confirmed\", but \"%s\"%s disputes it; did you "
                    "mean \"disputed\"? (or drop \"disputed_by\")",
                    k->disputed_by.v[0],
                    k->disputed_by.n > 1 ? " and others" : "");
    }
}

int rg_check__warnings(const rg_doc *doc, rg_diags *diags)
{
    confirmed_but_disputed(doc, diags);
    return duplicate_links(doc, diags);
}
