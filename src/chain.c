/* Chains between two actors: Yen's k shortest loopless paths over the
 * actors (and, when asked, the groups) as an unweighted graph, each
 * search a breadth-first one, the work bounded; and the actors one actor
 * reaches, for saying why no chain joins two. No state. */
#include "chain.h"

#include <stdlib.h>
#include <string.h>

/* The graph as compressed rows: node u's neighbours are
 * adj[start[u] .. start[u + 1]), in document order. */
typedef struct graph {
    size_t n;
    size_t *start;
    size_t *adj;
} graph;

/* Edge e of doc: the links, then each actor's membership of its group,
 * then each group's of its parent. Returns 0 when e is none (a link from
 * an actor to itself, an actor in no group, a top-level group). */
static int edge(const rg_doc *doc, bool groups, size_t e, size_t *u,
                size_t *w)
{
    size_t na = doc->n_actors;
    if (e < doc->n_links) {
        *u = doc->links[e].from_index;
        *w = doc->links[e].to_index;
        return *u != *w && *u < na && *w < na;
    }
    if (!groups)
        return 0;
    e -= doc->n_links;
    if (e < na) {
        long g = doc->actors[e].group_index;
        *u = e;
        *w = na + (size_t)g;
        return g >= 0 && (size_t)g < doc->n_groups;
    }
    e -= na;
    long p = doc->groups[e].parent_index;
    *u = na + e;
    *w = na + (size_t)p;
    return p >= 0 && (size_t)p < doc->n_groups;
}

static int graph_make(graph *g, const rg_doc *doc, bool groups)
{
    size_t n_edges = doc->n_links + (groups ? doc->n_actors +
                                                  doc->n_groups : 0);
    g->n = doc->n_actors + (groups ? doc->n_groups : 0);
    g->start = calloc(g->n + 2, sizeof(*g->start));
    g->adj = malloc((2 * n_edges + 1) * sizeof(*g->adj));
    if (g->start == NULL || g->adj == NULL)
        return -1;
    size_t u, w;
    for (size_t e = 0; e < n_edges; e++)
        if (edge(doc, groups, e, &u, &w)) {
            g->start[u + 2]++;
            g->start[w + 2]++;
        }
    for (size_t i = 0; i < g->n; i++)
        g->start[i + 2] += g->start[i + 1];
    /* start[u + 1] is the fill point of row u; once filled, row u's end,
     * which is row u + 1's start. */
    for (size_t e = 0; e < n_edges; e++)
        if (edge(doc, groups, e, &u, &w)) {
            g->adj[g->start[u + 1]++] = w;
            g->adj[g->start[w + 1]++] = u;
        }
    return 0;
}

static void graph_free(graph *g)
{
    free(g->start);
    free(g->adj);
}

/* A breadth-first search's room, used again and again: a node is seen
 * when seen[node] is the current stamp; a blocked one (a root's, in
 * Yen's algorithm) is never entered. */
typedef struct search {
    const graph *g;
    unsigned *seen;
    unsigned char *blocked;
    unsigned stamp;
    size_t *parent;
    size_t *queue;
    size_t work, max_work;
    bool bounded;  /* the first search is free of the bound */
    bool cut;
} search;

/* A chain of len nodes. */
typedef struct chain {
    size_t len;
    size_t *v;
} chain;

/* A fresh stamp: nothing is seen. */
static void search_begin(search *s)
{
    if (++s->stamp == 0) {
        memset(s->seen, 0, s->g->n * sizeof(*s->seen));
        s->stamp = 1;
    }
}

/* Searches from `from` to `to` over the nodes not seen yet, never taking
 * the first steps to banned[0..n_banned). Returns 1 with the chain in
 * *out (malloc'd, `prefix` nodes left free at its head), 0 when none,
 * -1 when out of memory or cut (s->cut). */
static int bfs(search *s, size_t from, size_t to, const size_t *banned,
               size_t n_banned, size_t prefix, chain *out)
{
    const graph *g = s->g;
    size_t head = 0, tail = 0;
    s->seen[from] = s->stamp;
    s->queue[tail++] = from;
    while (head < tail && s->seen[to] != s->stamp) {
        size_t a = s->queue[head++];
        for (size_t j = g->start[a]; j < g->start[a + 1]; j++) {
            size_t w = g->adj[j];
            int ban = 0;
            for (size_t b = 0; a == from && b < n_banned; b++)
                ban |= banned[b] == w;
            if (s->seen[w] == s->stamp || s->blocked[w] || ban)
                continue;
            s->seen[w] = s->stamp;
            s->parent[w] = a;
            s->queue[tail++] = w;
        }
        s->work += g->start[a + 1] - g->start[a] + 1;
        if (s->bounded && s->max_work && s->work > s->max_work) {
            s->cut = true;
            return -1;
        }
    }
    if (s->seen[to] != s->stamp)
        return 0;
    size_t len = 1;
    for (size_t x = to; x != from; x = s->parent[x])
        len++;
    out->len = prefix + len;
    out->v = malloc(out->len * sizeof(*out->v));
    if (out->v == NULL)
        return -1;
    size_t x = to;
    for (size_t i = out->len - 1; i > prefix; i--) {
        out->v[i] = x;
        x = s->parent[x];
    }
    out->v[prefix] = from;
    return 1;
}

/* Shorter first, then in the order of their nodes. */
static int chain_cmp(const chain *a, const chain *b)
{
    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;
    for (size_t i = 0; i < a->len; i++)
        if (a->v[i] != b->v[i])
            return a->v[i] < b->v[i] ? -1 : 1;
    return 0;
}

static int chain_qcmp(const void *a, const void *b)
{
    return chain_cmp(a, b);
}

/* Yen's lists: A the chains chosen, B the candidates (at most k, the
 * best kept: no more than k are ever taken from it). */
typedef struct yen {
    chain *a, *b;
    size_t na, nb, k;
} yen;

/* Adds candidate c to B unless it is in A or B already or worse than
 * k others; c is B's or freed. */
static void add_candidate(yen *y, chain c)
{
    size_t worst = 0;
    for (size_t i = 0; i < y->na; i++)
        if (chain_cmp(&y->a[i], &c) == 0)
            goto drop;
    for (size_t i = 0; i < y->nb; i++) {
        if (chain_cmp(&y->b[i], &c) == 0)
            goto drop;
        if (chain_cmp(&y->b[i], &y->b[worst]) > 0)
            worst = i;
    }
    if (y->nb < y->k) {
        y->b[y->nb++] = c;
        return;
    }
    if (chain_cmp(&c, &y->b[worst]) < 0) {
        free(y->b[worst].v);
        y->b[worst] = c;
        return;
    }
drop:
    free(c.v);
}

/* The candidates that leave A's last chain at each of its nodes in turn
 * (the spur), the chain before it (the root) kept, and each first step
 * that a chosen chain with the same root takes banned. `shares` and
 * `banned` have room for k entries. Returns 0, or -1 (cut or out of
 * memory). */
static int spur_all(yen *y, search *s, size_t to, bool *shares,
                    size_t *banned)
{
    const chain *prev = &y->a[y->na - 1];
    int rc = 0;
    for (size_t j = 0; j < y->na; j++)
        shares[j] = true;
    for (size_t i = 0; i + 1 < prev->len; i++) {
        size_t nb = 0;
        for (size_t j = 0; j < y->na; j++) {
            shares[j] = shares[j] && y->a[j].len > i + 1 &&
                        y->a[j].v[i] == prev->v[i];
            if (shares[j])
                banned[nb++] = y->a[j].v[i + 1];
        }
        if (i > 0)
            s->blocked[prev->v[i - 1]] = 1;
        search_begin(s);
        s->work++;
        chain c;
        int found = bfs(s, prev->v[i], to, banned, nb, i, &c);
        if (found < 0) {
            rc = -1;
            break;
        }
        if (found > 0) {
            memcpy(c.v, prev->v, i * sizeof(*c.v));
            add_candidate(y, c);
        }
    }
    for (size_t i = 0; i + 1 < prev->len; i++)
        s->blocked[prev->v[i]] = 0;
    return rc;
}

/* Runs Yen's algorithm into y->a. Returns 0, or -1 when out of memory
 * (a cut search returns 0 with s->cut set). */
static int yen_run(yen *y, search *s, size_t from, size_t to)
{
    bool *shares = malloc(y->k * sizeof(*shares));
    size_t *banned = malloc(y->k * sizeof(*banned));
    int rc = -1;
    if (shares == NULL || banned == NULL)
        goto out;
    search_begin(s);
    chain c;
    int r = bfs(s, from, to, NULL, 0, 0, &c);
    if (r < 0)
        goto out;
    if (r > 0)
        y->a[y->na++] = c;
    s->bounded = true;
    while (y->na > 0 && y->na < y->k) {
        if (spur_all(y, s, to, shares, banned) != 0) {
            rc = s->cut ? 0 : -1;
            goto out;
        }
        if (y->nb == 0)
            break;
        size_t best = 0;
        for (size_t i = 1; i < y->nb; i++)
            if (chain_cmp(&y->b[i], &y->b[best]) < 0)
                best = i;
        y->a[y->na++] = y->b[best];
        y->b[best] = y->b[--y->nb];
    }
    rc = 0;
out:
    free(shares);
    free(banned);
    return rc;
}

/* Puts y's chosen chains into c, sorted. Returns 0 or -1. */
static int flatten(rg_chains *c, yen *y)
{
    size_t total = 0;
    qsort(y->a, y->na, sizeof(*y->a), chain_qcmp);
    for (size_t i = 0; i < y->na; i++)
        total += y->a[i].len;
    c->nodes = malloc((total ? total : 1) * sizeof(*c->nodes));
    c->start = malloc((y->na + 1) * sizeof(*c->start));
    if (c->nodes == NULL || c->start == NULL)
        return -1;
    c->start[0] = 0;
    for (size_t i = 0; i < y->na; i++) {
        memcpy(c->nodes + c->start[i], y->a[i].v,
               y->a[i].len * sizeof(*c->nodes));
        c->start[i + 1] = c->start[i] + y->a[i].len;
    }
    c->n = y->na;
    return 0;
}

/* The search's room for graph g. Returns 0 or -1. */
static int search_make(search *s, const graph *g, size_t max_work)
{
    memset(s, 0, sizeof(*s));
    s->g = g;
    s->max_work = max_work;
    s->seen = calloc(g->n + 1, sizeof(*s->seen));
    s->blocked = calloc(g->n + 1, 1);
    s->parent = malloc((g->n + 1) * sizeof(*s->parent));
    s->queue = malloc((g->n + 1) * sizeof(*s->queue));
    return s->seen && s->blocked && s->parent && s->queue ? 0 : -1;
}

static void search_free(search *s)
{
    free(s->seen);
    free(s->blocked);
    free(s->parent);
    free(s->queue);
}

int rg_chain__find(rg_chains *c, const rg_doc *doc, size_t from, size_t to,
                  size_t k, bool through_groups, size_t max_work)
{
    graph g = {0};
    search s = {0};
    yen y = {0};
    int rc = -1;
    memset(c, 0, sizeof(*c));
    y.k = k ? k : 1;
    y.a = calloc(y.k, sizeof(*y.a));
    y.b = calloc(y.k, sizeof(*y.b));
    if (y.a == NULL || y.b == NULL ||
        graph_make(&g, doc, through_groups) != 0 ||
        search_make(&s, &g, max_work) != 0 ||
        yen_run(&y, &s, from, to) != 0 || flatten(c, &y) != 0)
        goto out;
    c->cut = s.cut;
    c->exhausted = !s.cut && y.na < y.k;
    rc = 0;
out:
    for (size_t i = 0; y.a != NULL && i < y.na; i++)
        free(y.a[i].v);
    for (size_t i = 0; y.b != NULL && i < y.nb; i++)
        free(y.b[i].v);
    free(y.a);
    free(y.b);
    search_free(&s);
    graph_free(&g);
    return rc;
}

void rg_chain__free(rg_chains *c)
{
    free(c->nodes);
    free(c->start);
    memset(c, 0, sizeof(*c));
}

int rg_chain__reach(const rg_doc *doc, size_t from, bool through_groups,
                   size_t **out, size_t *n)
{
    graph g = {0};
    search s = {0};
    int rc = -1;
    *out = NULL;
    *n = 0;
    if (graph_make(&g, doc, through_groups) != 0 ||
        search_make(&s, &g, 0) != 0)
        goto out;
    search_begin(&s);
    size_t head = 0, tail = 0;
    s.seen[from] = s.stamp;
    s.queue[tail++] = from;
    while (head < tail) {
        size_t a = s.queue[head++];
        for (size_t j = g.start[a]; j < g.start[a + 1]; j++)
            if (s.seen[g.adj[j]] != s.stamp) {
                s.seen[g.adj[j]] = s.stamp;
                s.queue[tail++] = g.adj[j];
            }
    }
    *out = malloc((tail ? tail : 1) * sizeof(**out));
    if (*out == NULL)
        goto out;
    for (size_t i = 1; i < tail; i++)
        if (s.queue[i] < doc->n_actors)
            (*out)[(*n)++] = s.queue[i];
    rc = 0;
out:
    search_free(&s);
    graph_free(&g);
    return rc;
}
