/* The format's rules that relate values to each other. Every rule adds a
 * diagnostic with the JSON path of the offending value; positions are
 * found later by the loader. */
#include "check.h"

#include "diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct ck {
    rg_doc *doc;
    rg_diags *diags;
    const char *file;
    rg_jsonpos *loc;
    /* Candidates for "did you mean", built on first use. */
    const char **refs;
    size_t n_refs;
    /* Comparisons left for suggestions: each costs a pass over the
     * candidates, so a huge document full of bad references would be
     * quadratic. Past the budget, errors come without suggestions. */
    size_t budget;
    /* An allocation failed: some rule could not be applied, and the load
     * fails (rg_check__doc returns -1) rather than pass unchecked. */
    int oom;
    /* Messages not given because they follow from a missing "actors". */
    size_t suppressed;
} ck;

#define SUGGEST_BUDGET ((size_t)2 * 1000 * 1000)

static const char *suggest(ck *c, const char *word, const char *const *cands,
                           size_t n)
{
    if (n > c->budget)
        return NULL;
    c->budget -= n;
    return rg_suggest__best(word, cands, n);
}

/* A zeroed array of n elements (room for one when n is 0), or NULL with
 * c->oom set. */
static void *zalloc(ck *c, size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (p == NULL)
        c->oom = 1;
    return p;
}

static rg_path path2(const char *key, size_t index)
{
    rg_path p = {.n = 0};
    p = rg_path__key(&p, key);
    return rg_path__index(&p, index);
}

static rg_path path3(const char *key, size_t index, const char *field)
{
    rg_path p = path2(key, index);
    return rg_path__key(&p, field);
}

/* ---- values ---- */

static void check_dates(ck *c, const char *arr, size_t i, const char *date,
                        const char *until)
{
    int ok_date = 1, ok_until = 1;
    if (date != NULL && !rg_check__date(date)) {
        rg_path p = path3(arr, i, "date");
        rg_diag__at(c->diags, RG_ERROR, c->file, &p, RG_AT_VALUE, NULL, NULL,
                    "\"%s\" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD",
                    date);
        ok_date = 0;
    }
    if (until != NULL && !rg_check__date(until)) {
        rg_path p = path3(arr, i, "until");
        rg_diag__at(c->diags, RG_ERROR, c->file, &p, RG_AT_VALUE, NULL, NULL,
                    "\"%s\" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD",
                    until);
        ok_until = 0;
    }
    if (date && until && ok_date && ok_until) {
        /* Compare on the precision both have: "2014" until "2014-05" is
         * fine, "2015-03" until "2014" is not. */
        size_t n = strlen(date) < strlen(until) ? strlen(date) : strlen(until);
        if (strncmp(until, date, n) < 0) {
            rg_path p = path3(arr, i, "until");
            rg_diag__at(c->diags, RG_ERROR, c->file, &p, RG_AT_VALUE, NULL,
                        NULL, "\"until\" %s is before \"date\" %s", until,
                        date);
        }
    }
}

static void check_url(ck *c, const char *arr, size_t i, const char *url)
{
    if (url == NULL)
        return;
    rg_path p = path3(arr, i, "url");
    if (rg_check__url(url)) {
        if (!rg_check__url_hostlike(url))
            return;
        char *fix = rg__asprintf("https://%s", url);
        if (fix == NULL)
            c->oom = 1;
        rg_diag__at(c->diags, RG_WARNING, c->file, &p, RG_AT_VALUE, NULL,
                    fix, "URL \"%s\" has no scheme, so a reader's browser "
                    "looks for it as a file beside the page; did you mean "
                    "\"https://%s\"?", url, url);
        free(fix);
        return;
    }
    rg_diag__at(c->diags, RG_ERROR, c->file, &p, RG_AT_VALUE, NULL, NULL,
                "unsafe or malformed URL \"%s\"; use http, https, mailto or "
                "a relative URL without spaces or quotes",
                url);
}

/* ---- ids ---- */

static int id_chars_ok(const char *s)
{
    for (; *s; s++) {
        char ch = *s;
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
              (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' ||
              ch == '.'))
            return 0;
    }
    return 1;
}

/* Indexes ids of an array of records; reports duplicates with the first
 * one's position. `id_at` gives the id of element i. */
static void index_ids(ck *c, rg_map *m, const char *arr, size_t n,
                      const char *(*id_at)(const rg_doc *, size_t),
                      const char *what)
{
    rg_map__reserve(m, m->len + n); /* on failure, put() says so */
    for (size_t i = 0; i < n; i++) {
        const char *id = id_at(c->doc, i);
        if (id == NULL)
            continue;
        if (!id_chars_ok(id)) {
            rg_path p = path3(arr, i, "id");
            rg_diag__at(c->diags, RG_ERROR, c->file, &p, RG_AT_VALUE, NULL,
                        NULL,
                        "id \"%s\" may hold only letters, digits, '-', '_' "
                        "and '.'; put the full text in \"%s\"",
                        id, strcmp(arr, "actors") == 0 ? "name"
                            : strcmp(arr, "groups") == 0 ? "label" : "title");
        }
        size_t first;
        int r = rg_map__put(m, id, i, &first);
        if (r < 0)
            c->oom = 1;
        if (r == 0) {
            rg_path p = path3(arr, i, "id");
            rg_path q = path3(arr, first, "id");
            rg_diag__at(c->diags, RG_ERROR, c->file, &p, RG_AT_VALUE, &q,
                        NULL, "duplicate %s id \"%s\"", what, id);
        }
    }
}

static const char *actor_id(const rg_doc *d, size_t i) { return d->actors[i].id; }
static const char *group_id(const rg_doc *d, size_t i) { return d->groups[i].id; }
static const char *source_id(const rg_doc *d, size_t i) { return d->sources[i].id; }

/* Looks an id up among n records; suggests the closest on failure. */
static long find_id(const rg_map *m, const char *id)
{
    size_t i;
    return rg_map__get(m, id, &i) ? (long)i : -1;
}

static const char *suggest_among(ck *c, const char *word, const rg_doc *d,
                                 size_t n,
                                 const char *(*id_at)(const rg_doc *, size_t))
{
    if (n > c->budget)
        return NULL;
    const char **cands = zalloc(c, n, sizeof(*cands));
    if (cands == NULL)
        return NULL;
    for (size_t i = 0; i < n; i++)
        cands[i] = id_at(d, i);
    const char *best = suggest(c, word, cands, n);
    free(cands);
    return best;
}

static void unknown_ref(ck *c, const rg_path *p, const char *what,
                        const char *word, const char *best, const char *hint)
{
    rg_diag__at(c->diags, RG_ERROR, c->file, p, RG_AT_VALUE, NULL, best,
                best ? "no %s \"%s\"; did you mean \"%s\"?"
                     : "no %s \"%s\"; %s",
                what, word, best ? best : hint);
}

static void check_sources_of(ck *c, const rg_map *sources, const char *arr,
                             size_t i, const rg_strv *src)
{
    for (size_t j = 0; j < src->n; j++) {
        if (find_id(sources, src->v[j]) >= 0)
            continue;
        rg_path p = path3(arr, i, "source");
        /* A single string has no index in the text. */
        rg_path q = src->scalar ? p : rg_path__index(&p, j);
        const char *best = suggest_among(c, src->v[j], c->doc,
                                         c->doc->n_sources, source_id);
        unknown_ref(c, &q, "source", src->v[j], best,
                    "declare it under \"sources\"");
    }
}

/* ---- groups ---- */

static void cut_cycles(ck *c);
static void check_depth(ck *c);

static void check_groups(ck *c, rg_map *groups)
{
    rg_doc *d = c->doc;
    for (size_t i = 0; i < d->n_groups; i++) {
        rg_group *g = &d->groups[i];
        if (g->parent == NULL)
            continue;
        long pi = find_id(groups, g->parent);
        if (pi < 0) {
            rg_path p = path3("groups", i, "parent");
            unknown_ref(c, &p, "group", g->parent,
                        suggest_among(c, g->parent, d, d->n_groups, group_id),
                        "declare it under \"groups\"");
        }
        g->parent_index = pi;
    }
    cut_cycles(c);
    check_depth(c);
}

/* Reports each cycle of parents once, at its first member in the file,
 * and cuts it (the members become top-level groups) so that no later
 * stage follows it. Each group is walked once: walk[g] is the number of
 * the walk that first reached g, so reaching a group of the current walk
 * again closes a cycle, and reaching one of an earlier walk ends it. */
static void cut_cycles(ck *c)
{
    rg_doc *d = c->doc;
    size_t n = d->n_groups;
    size_t *walk = zalloc(c, n, sizeof(*walk));
    char *head = zalloc(c, n, 1);
    char *in_cycle = zalloc(c, n, 1);
    if (walk == NULL || head == NULL || in_cycle == NULL)
        goto out;
    for (size_t i = 0; i < n; i++) {
        long g = (long)i;
        while (g >= 0 && walk[g] == 0) {
            walk[g] = i + 1;
            g = d->groups[g].parent_index;
        }
        if (g < 0 || walk[g] != i + 1)
            continue;
        long first = g;
        for (long k = d->groups[g].parent_index; k != g;
             k = d->groups[k].parent_index)
            if (k < first)
                first = k;
        head[first] = 1;
    }
    for (size_t i = 0; i < n; i++) {
        if (!head[i])
            continue;
        char chain[256];
        size_t len = (size_t)snprintf(chain, sizeof(chain), "%s",
                                      d->groups[i].id);
        for (long k = d->groups[i].parent_index;; k = d->groups[k].parent_index) {
            if (len < sizeof(chain))
                len += (size_t)snprintf(chain + len, sizeof(chain) - len,
                                        " -> %s", d->groups[k].id);
            in_cycle[k] = 1;
            if (k == (long)i)
                break;
        }
        rg_path p = path3("groups", i, "parent");
        rg_diag__at(c->diags, RG_ERROR, c->file, &p, RG_AT_VALUE, NULL, NULL,
                    "group \"%s\" is inside itself (%s); remove one "
                    "\"parent\" of the cycle",
                    d->groups[i].id, chain);
    }
    /* A cycle must not be followed by later stages. */
    for (size_t i = 0; i < n; i++)
        if (in_cycle[i])
            d->groups[i].parent_index = -1;
out:
    free(walk);
    free(head);
    free(in_cycle);
}

/* Groups nest at most RG_MAX_GROUP_DEPTH levels: a deeper box in a box
 * cannot be read, and Graphviz lays clusters out recursively. Reported
 * at the "parent" of each group one level too deep (not at every group
 * below it). Depths are found once each, from the nearest known one. */
static void check_depth(ck *c)
{
    rg_doc *d = c->doc;
    size_t n = d->n_groups;
    size_t *depth = zalloc(c, n, sizeof(*depth));
    size_t *stack = zalloc(c, n, sizeof(*stack));
    if (depth == NULL || stack == NULL)
        goto out;
    for (size_t i = 0; i < n; i++) {
        size_t top = 0;
        long g = (long)i;
        while (g >= 0 && depth[g] == 0) {
            stack[top++] = (size_t)g;
            g = d->groups[g].parent_index;
        }
        size_t above = g >= 0 ? depth[g] : 0;
        while (top > 0)
            depth[stack[--top]] = ++above;
    }
    for (size_t i = 0; i < n; i++) {
        if (depth[i] != RG_MAX_GROUP_DEPTH + 1)
            continue;
        rg_path p = path3("groups", i, "parent");
        rg_diag__at(c->diags, RG_ERROR, c->file, &p, RG_AT_VALUE, NULL, NULL,
                    "group \"%s\" is nested %d levels deep; groups nest at "
                    "most %d levels: give it (or a group above it) a "
                    "\"parent\" nearer the top",
                    d->groups[i].id, RG_MAX_GROUP_DEPTH + 1,
                    RG_MAX_GROUP_DEPTH);
    }
out:
    free(depth);
    free(stack);
}

/* ---- actors ---- */

static void index_names(ck *c)
{
    rg_doc *d = c->doc;
    size_t n = d->n_actors;
    for (size_t i = 0; i < d->n_actors; i++)
        n += d->actors[i].aliases.n;
    rg_map__reserve(&d->names, n); /* on failure, put() says so */
    for (size_t i = 0; i < d->n_actors; i++) {
        rg_actor *a = &d->actors[i];
        if (a->id == NULL)
            continue;
        for (size_t j = 0; j <= a->aliases.n; j++) {
            const char *name = j == 0 ? a->name : a->aliases.v[j - 1];
            size_t old;
            if (name == NULL)
                continue;
            int r = rg_map__put(&d->names, name, i, &old);
            if (r < 0)
                c->oom = 1;
            if (r == 0 && old != i)
                rg_map__set(&d->names, name, RG_MAP_AMBIGUOUS);
        }
    }
}

static void check_actors(ck *c, const rg_map *groups, const rg_map *sources)
{
    rg_doc *d = c->doc;
    rg_kindset kinds;
    if (rg_check__actor_kinds(&kinds, d) != 0) {
        c->oom = 1;
        goto out;
    }

    for (size_t i = 0; i < d->n_actors; i++) {
        rg_actor *a = &d->actors[i];
        if (a->name == NULL)
            a->name = a->id;
        rg_path kp = path3("actors", i, "kind");
        if (a->kind == NULL)
            a->kind = "other";
        else
            rg_check__kind(&kinds, c->diags, c->file, &kp, a->kind,
                           &c->budget);
        if (a->group != NULL) {
            a->group_index = find_id(groups, a->group);
            if (a->group_index < 0) {
                rg_path p = path3("actors", i, "group");
                unknown_ref(c, &p, "group", a->group,
                            suggest_among(c, a->group, d, d->n_groups,
                                          group_id),
                            "declare it under \"groups\"");
            }
        }
        check_sources_of(c, sources, "actors", i, &a->source);
        check_dates(c, "actors", i, a->date, a->until);
        check_url(c, "actors", i, a->url);
    }
out:
    rg_check__kindset_free(&kinds);
}

/* ---- links ---- */

static void collect_refs(ck *c)
{
    c->refs = rg_suggest__actor_refs(c->doc, &c->n_refs);
    if (c->refs == NULL)
        c->oom = 1;
}

/* Resolves a reference to an actor; reports it when it names none or
 * several. Returns the index or -1. */
static long resolve(ck *c, const char *ref, const rg_path *p)
{
    rg_doc *d = c->doc;
    long i = rg_doc_find_actor(d, ref);
    if (i >= 0)
        return i;
    size_t v;
    if (rg_map__get(&d->names, ref, &v) && v == RG_MAP_AMBIGUOUS) {
        char list[512] = "";
        size_t shown = 0, scan = d->n_actors <= c->budget ? d->n_actors : 0;
        c->budget -= scan;
        for (size_t k = 0; k < scan && shown < 5; k++) {
            const rg_actor *a = &d->actors[k];
            int match = a->name && strcmp(a->name, ref) == 0;
            for (size_t j = 0; !match && j < a->aliases.n; j++)
                match = strcmp(a->aliases.v[j], ref) == 0;
            if (!match || a->id == NULL)
                continue;
            size_t len = strlen(list);
            int line = 0, col = 0;
            rg_path ap = path2("actors", k);
            if (c->loc != NULL)
                rg_jsonpos__lookup(c->loc, &ap, RG_AT_VALUE, &line, &col);
            snprintf(list + len, sizeof(list) - len,
                     "%s\"%s\" (actors[%zu], at %d:%d)", shown ? ", " : "",
                     a->id, k, line, col);
            shown++;
        }
        rg_diag__at(c->diags, RG_ERROR, c->file, p, RG_AT_VALUE, NULL, NULL,
                    "\"%s\" is the name or alias of several actors: %s; "
                    "refer to one by its id",
                    ref, list);
        return -1;
    }
    if (c->refs == NULL)
        collect_refs(c);
    const char *best = c->refs ? suggest(c, ref, c->refs, c->n_refs) : NULL;
    unknown_ref(c, p, "actor", ref, best,
                "refer to an actor by its id, name or alias");
    return -1;
}

static size_t *resolve_list(ck *c, const rg_strv *refs, size_t i,
                            const char *field)
{
    if (refs->n == 0)
        return NULL;
    size_t *idx = rg_arena__alloc(&c->doc->arena, refs->n * sizeof(*idx));
    if (idx == NULL)
        c->oom = 1;
    for (size_t j = 0; j < refs->n; j++) {
        rg_path p = path3("links", i, field);
        rg_path q = refs->scalar ? p : rg_path__index(&p, j);
        long a = resolve(c, refs->v[j], &q);
        if (idx != NULL)
            idx[j] = a >= 0 ? (size_t)a : 0;
    }
    return idx;
}

static void check_links(ck *c, const rg_map *sources)
{
    rg_doc *d = c->doc;
    rg_kindset kinds;
    if (rg_check__link_kinds(&kinds, d) != 0) {
        c->oom = 1;
        goto out;
    }
    for (size_t i = 0; i < d->n_links; i++) {
        rg_link *k = &d->links[i];
        if (d->actors == NULL) {
            /* Without "actors" every reference fails: one error said so. */
            c->suppressed += (k->from != NULL) + (k->to != NULL) +
                             k->claimed_by.n + k->disputed_by.n;
        } else if (k->from != NULL) {
            rg_path p = path3("links", i, "from");
            long a = resolve(c, k->from, &p);
            k->from_index = a >= 0 ? (size_t)a : 0;
        }
        if (k->to != NULL && d->actors != NULL) {
            rg_path p = path3("links", i, "to");
            long a = resolve(c, k->to, &p);
            k->to_index = a >= 0 ? (size_t)a : 0;
        }
        if (d->actors != NULL) {
            k->claimed_by_index =
                resolve_list(c, &k->claimed_by, i, "claimed_by");
            k->disputed_by_index =
                resolve_list(c, &k->disputed_by, i, "disputed_by");
        }
        rg_path kp = path3("links", i, "kind");
        if (k->kind != NULL)
            rg_check__kind(&kinds, c->diags, c->file, &kp, k->kind,
                           &c->budget);
        check_sources_of(c, sources, "links", i, &k->source);
        check_dates(c, "links", i, k->date, k->until);
        check_url(c, "links", i, k->url);
    }
out:
    rg_check__kindset_free(&kinds);
}

/* A group that holds no actor, directly or through its subgroups, is not
 * drawn: say so, since it is probably a mistake. */
static void check_empty_groups(ck *c)
{
    rg_doc *d = c->doc;
    char *used = zalloc(c, d->n_groups, 1);
    if (used == NULL)
        return;
    for (size_t i = 0; i < d->n_actors; i++) {
        long g = d->actors[i].group_index;
        for (size_t steps = 0; g >= 0 && !used[g] && steps <= d->n_groups;
             steps++) {
            used[g] = 1;
            g = d->groups[g].parent_index;
        }
    }
    for (size_t i = 0; i < d->n_groups; i++) {
        if (used[i] || d->groups[i].id == NULL)
            continue;
        if (d->actors == NULL) {
            c->suppressed++;
            continue;
        }
        rg_path p = path3("groups", i, "id");
        rg_diag__at(c->diags, RG_WARNING, c->file, &p, RG_AT_VALUE, NULL,
                    NULL, "group \"%s\" holds no actor and is not drawn; "
                    "put an actor in it with \"group\": \"%s\"",
                    d->groups[i].id, d->groups[i].id);
    }
    free(used);
}

int rg_check__doc(rg_doc *doc, rg_diags *diags, rg_jsonpos *loc,
                  size_t *suppressed)
{
    ck c = {doc, diags, doc->file, loc, NULL, 0, SUGGEST_BUDGET, 0, 0};
    rg_map groups = {0}, sources = {0};
    index_ids(&c, &sources, "sources", doc->n_sources, source_id, "source");
    index_ids(&c, &groups, "groups", doc->n_groups, group_id, "group");
    index_ids(&c, &doc->ids, "actors", doc->n_actors, actor_id, "actor");
    for (size_t i = 0; i < doc->n_sources; i++) {
        check_dates(&c, "sources", i, doc->sources[i].date, NULL);
        check_url(&c, "sources", i, doc->sources[i].url);
    }
    check_groups(&c, &groups);
    check_actors(&c, &groups, &sources);
    check_empty_groups(&c);
    index_names(&c);
    check_links(&c, &sources);
    free(c.refs);
    rg_map__free(&groups);
    rg_map__free(&sources);
    *suppressed = c.suppressed;
    return c.oom ? -1 : 0;
}
