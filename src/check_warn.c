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

/* FNV-1a over a text and its end, so that no two fields run together. */
static unsigned long long fnv(unsigned long long h, const char *s)
{
    for (; s && *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return (h ^ (s ? 0x100u : 0x200u)) * 1099511628211ull;
}

static int same_text(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* What makes two links the same: the same two actors (as resolved, so an
 * id and a name of one actor are the same end; either way round when the
 * link is undirected), the same direction, label, kind, status, date and
 * until. Sources, quotes and claimants may differ: they are more
 * evidence for one link. */
static int same_link(const rg_link *x, const rg_link *y, long ends[4])
{
    return ends[0] == ends[2] && ends[1] == ends[3] &&
           x->directed == y->directed && x->status == y->status &&
           same_text(x->label, y->label) && same_text(x->kind, y->kind) &&
           same_text(x->date, y->date) && same_text(x->until, y->until);
}

/* The ends of link k as actor indexes, in order when it is undirected;
 * 0 when an end is unresolved (an error was reported). */
static int link_ends(const rg_doc *d, const rg_link *k, long *a, long *b)
{
    if (k->from == NULL || k->to == NULL)
        return 0;
    *a = rg_doc_find_actor(d, k->from);
    *b = rg_doc_find_actor(d, k->to);
    if (*a < 0 || *b < 0)
        return 0;
    if (!k->directed && *b < *a) {
        long t = *a;
        *a = *b;
        *b = t;
    }
    return 1;
}

/* A short key for link k, whatever the length of its texts: its ends
 * and a hash of the rest (equal keys are compared in full). A malloc'd
 * string, or NULL when an end is unresolved or out of memory (*oom). */
static char *link_key(const rg_doc *d, const rg_link *k, int *oom)
{
    long a, b;
    if (!link_ends(d, k, &a, &b))
        return NULL;
    unsigned long long h = 14695981039346656037ull;
    h = fnv(fnv(fnv(fnv(h, k->label), k->kind), k->date), k->until);
    char *key = rg__asprintf("%ld>%ld%c%d|%016llx", a, b,
                             k->directed ? 'd' : 'u', (int)k->status, h);
    if (key == NULL)
        *oom = 1;
    return key;
}

/* The first link that link i repeats, or i. */
static size_t first_of(const rg_doc *d, const rg_map *seen, char **keys,
                       size_t i)
{
    size_t first;
    long e[4];
    if (keys[i] == NULL || !rg_map__get(seen, keys[i], &first) || first == i)
        return i;
    link_ends(d, &d->links[first], &e[0], &e[1]);
    link_ends(d, &d->links[i], &e[2], &e[3]);
    return same_link(&d->links[first], &d->links[i], e) ? first : i;
}

/* Each link entered again is one warning, at its second entry, with the
 * number of further copies: 20,000 copies make one message. */
static void report_copies(const rg_doc *d, rg_diags *diags,
                          const rg_map *seen, char **keys, size_t *copies)
{
    for (size_t i = 0; i < d->n_links; i++) {
        size_t first = first_of(d, seen, keys, i);
        if (first != i)
            copies[first]++;
    }
    for (size_t i = 0; i < d->n_links; i++) {
        size_t first = first_of(d, seen, keys, i);
        if (first == i || copies[first] == 0)
            continue;
        rg_path p = link_path(i, NULL), q = link_path(first, NULL);
        if (copies[first] == 1)
            rg_diag__at(diags, RG_WARNING, d->file, &p, RG_AT_VALUE, &q,
                        NULL, "the same link as links[%zu] (same ends, "
                        "label, kind, status and dates), drawn twice; remove "
                        "one, or put both sources in one \"source\"", first);
        else
            rg_diag__at(diags, RG_WARNING, d->file, &p, RG_AT_VALUE, &q,
                        NULL, "the same link as links[%zu] (same ends, "
                        "label, kind, status and dates), entered %zu times; "
                        "keep one, with all their sources in its \"source\"",
                        first, copies[first] + 1);
        copies[first] = 0;
    }
}

static int duplicate_links(const rg_doc *d, rg_diags *diags)
{
    int oom = 0;
    rg_map seen = {0};
    size_t n = d->n_links ? d->n_links : 1;
    char **keys = calloc(n, sizeof(*keys));
    size_t *copies = calloc(n, sizeof(*copies));
    if (keys == NULL || copies == NULL ||
        rg_map__reserve(&seen, d->n_links) != 0)
        oom = 1;
    for (size_t i = 0; i < d->n_links && !oom; i++) {
        keys[i] = link_key(d, &d->links[i], &oom);
        if (keys[i] != NULL && rg_map__put(&seen, keys[i], i, NULL) < 0)
            oom = 1;
    }
    if (!oom)
        report_copies(d, diags, &seen, keys, copies);
    for (size_t i = 0; keys != NULL && i < d->n_links; i++)
        free(keys[i]);
    free(keys);
    free(copies);
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
