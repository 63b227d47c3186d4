/* relgraph diff: matches the actors, links, sources and groups of two
 * documents and records what was added, removed or changed, field by
 * field (diff.h). Actors match by id, then, for ids found on one side
 * only, by name or alias (a renamed id); links by their ends (through
 * the actor matching), label and kind, several links with one key paired
 * in document order. Hash maps throughout: linear in the documents'
 * size. No state beyond each diff's. */
#include "diff.h"

#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int grow(void **v, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return 0;
    size_t nc = *cap ? 2 * *cap : 64;
    void *p = realloc(*v, nc * size);
    if (p == NULL)
        return -1;
    *v = p;
    *cap = nc;
    return 0;
}

rg_diff_item *rg_diff__item(rg_diff *d, rg_diff_what what, rg_mark mark,
                            size_t old_i, size_t new_i)
{
    if (d->oom || grow((void **)&d->items, &d->cap_items, d->n_items,
                       sizeof(*d->items)) != 0) {
        d->oom = 1;
        return NULL;
    }
    rg_diff_item *it = &d->items[d->n_items++];
    *it = (rg_diff_item){what, mark, old_i, new_i, d->n_fields, 0};
    return it;
}

void rg_diff__field(rg_diff *d, const char *name, const char *old,
                    const char *new_)
{
    if (d->oom || d->n_items == 0 ||
        grow((void **)&d->fields, &d->cap_fields, d->n_fields,
             sizeof(*d->fields)) != 0) {
        d->oom = 1;
        return;
    }
    d->fields[d->n_fields++] = (rg_diff_field){name, old, new_, false};
    d->items[d->n_items - 1].n++;
}

/* ---- comparing fields ---- */

static int same(const char *a, const char *b)
{
    if (a == NULL || b == NULL)
        return a == b;
    return strcmp(a, b) == 0;
}

static void cmp_str(rg_diff *d, const char *name, const char *a,
                    const char *b)
{
    if (!same(a, b))
        rg_diff__field(d, name, a, b);
}

static const char *num(rg_diff *d, int v)
{
    char s[24];
    if (v < 0)
        return NULL;
    snprintf(s, sizeof(s), "%d", v);
    char *p = rg_arena__strdup(&d->arena, s);
    d->oom |= p == NULL;
    return p;
}

static void cmp_int(rg_diff *d, const char *name, int a, int b)
{
    if (a != b)
        rg_diff__field(d, name, num(d, a), num(d, b));
}

/* A credibility, 0 (ungraded) shown as none. */
static void cmp_grade(rg_diff *d, const char *name, int a, int b)
{
    cmp_int(d, name, a > 0 ? a : -1, b > 0 ? b : -1);
}

/* Whether s is in v: a scan for short lists, a map for long ones (a
 * hostile list of thousands must not cost its square). */
static int in_list(const rg_strv *v, const rg_map *m, const char *s)
{
    if (m->cap > 0)
        return rg_map__get(m, s, NULL);
    for (size_t i = 0; i < v->n; i++)
        if (strcmp(v->v[i], s) == 0)
            return 1;
    return 0;
}

static int list_map(rg_map *m, const rg_strv *v)
{
    memset(m, 0, sizeof(*m));
    if (v->n < 32)
        return 0;
    for (size_t i = 0; i < v->n; i++)
        if (rg_map__put(m, v->v[i], i, NULL) < 0)
            return -1;
    return 0;
}

/* A field for one element of a list, removed (new_ NULL) or added. */
static void element(rg_diff *d, const char *name, const char *old,
                    const char *new_)
{
    size_t n = d->n_fields;
    rg_diff__field(d, name, old, new_);
    if (d->n_fields > n)
        d->fields[n].element = true;
}

/* The elements of one list that the other lacks: "removed" from a, then
 * "added" from b, each in its list's order. */
static void cmp_list(rg_diff *d, const char *name, const rg_strv *a,
                     const rg_strv *b)
{
    rg_map ma, mb;
    if (list_map(&ma, a) != 0 || list_map(&mb, b) != 0) {
        d->oom = 1;
    } else {
        for (size_t i = 0; i < a->n; i++)
            if (!in_list(b, &mb, a->v[i]))
                element(d, name, a->v[i], NULL);
        for (size_t i = 0; i < b->n; i++)
            if (!in_list(a, &ma, b->v[i]))
                element(d, name, NULL, b->v[i]);
    }
    rg_map__free(&ma);
    rg_map__free(&mb);
}

/* "attrs.NAME" in the diff's arena, for a Graphviz attribute's field. */
static const char *attr_field(rg_diff *d, const char *name)
{
    size_t n = strlen(name);
    char *f = rg_arena__alloc(&d->arena, n + 7);
    if (f == NULL) {
        d->oom = 1;
        return "attrs";
    }
    memcpy(f, "attrs.", 6);
    memcpy(f + 6, name, n + 1);
    return f;
}

/* The Graphviz attributes one side gives and the other lacks or gives
 * another value, each by its name ("attrs.color"). */
static void cmp_attrs(rg_diff *d, const rg_attrs *a, const rg_attrs *b)
{
    rg_map ma = {0}, mb = {0};
    for (size_t i = 0; i < a->n && !d->oom; i++)
        d->oom |= rg_map__put(&ma, a->v[i].name, i, NULL) < 0;
    for (size_t i = 0; i < b->n && !d->oom; i++)
        d->oom |= rg_map__put(&mb, b->v[i].name, i, NULL) < 0;
    for (size_t i = 0; i < a->n && !d->oom; i++) {
        size_t j;
        if (!rg_map__get(&mb, a->v[i].name, &j))
            rg_diff__field(d, attr_field(d, a->v[i].name), a->v[i].value,
                           NULL);
        else if (!same(a->v[i].value, b->v[j].value))
            rg_diff__field(d, attr_field(d, a->v[i].name), a->v[i].value,
                           b->v[j].value);
    }
    for (size_t i = 0; i < b->n && !d->oom; i++)
        if (!rg_map__get(&ma, b->v[i].name, NULL))
            rg_diff__field(d, attr_field(d, b->v[i].name), NULL,
                           b->v[i].value);
    rg_map__free(&ma);
    rg_map__free(&mb);
}

/* Appends a "changed" item, compares with `fn`, and takes the item back
 * when no field differs. */
typedef void (*cmp_fn)(rg_diff *d, const void *a, const void *b);

static void changed(rg_diff *d, rg_diff_what what, size_t oi, size_t ni,
                    const void *a, const void *b, cmp_fn fn)
{
    if (rg_diff__item(d, what, RG_MARK_CHANGED, oi, ni) == NULL)
        return;
    fn(d, a, b);
    if (!d->oom && d->items[d->n_items - 1].n == 0)
        d->n_items--;
}

static void cmp_actor(rg_diff *d, const void *x, const void *y)
{
    const rg_actor *a = x, *b = y;
    cmp_str(d, "id", a->id, b->id);
    cmp_str(d, "name", a->name, b->name);
    cmp_str(d, "kind", a->kind, b->kind);
    cmp_list(d, "aliases", &a->aliases, &b->aliases);
    cmp_str(d, "group", a->group, b->group);
    cmp_str(d, "note", a->note, b->note);
    cmp_str(d, "date", a->date, b->date);
    cmp_str(d, "until", a->until, b->until);
    cmp_str(d, "url", a->url, b->url);
    cmp_list(d, "source", &a->source, &b->source);
    cmp_list(d, "tags", &a->tags, &b->tags);
    cmp_int(d, "confidence", a->confidence, b->confidence);
    cmp_grade(d, "credibility", a->credibility, b->credibility);
    cmp_str(d, "tlp", a->tlp, b->tlp);
    cmp_str(d, "stix_id", a->stix_id, b->stix_id);
    cmp_attrs(d, &a->attrs, &b->attrs);
}

static void cmp_link(rg_diff *d, const void *x, const void *y)
{
    const rg_link *a = x, *b = y;
    if (a->status != b->status)
        rg_diff__field(d, "status", rg_status_name(a->status),
                       rg_status_name(b->status));
    /* directed is part of a link's key (link_key): never a change */
    cmp_int(d, "confidence", a->confidence, b->confidence);
    cmp_grade(d, "credibility", a->credibility, b->credibility);
    cmp_str(d, "date", a->date, b->date);
    cmp_str(d, "until", a->until, b->until);
    cmp_list(d, "source", &a->source, &b->source);
    cmp_str(d, "quote", a->quote, b->quote);
    cmp_list(d, "claimed_by", &a->claimed_by, &b->claimed_by);
    cmp_list(d, "disputed_by", &a->disputed_by, &b->disputed_by);
    cmp_str(d, "url", a->url, b->url);
    cmp_str(d, "tlp", a->tlp, b->tlp);
    cmp_str(d, "stix_id", a->stix_id, b->stix_id);
    cmp_attrs(d, &a->attrs, &b->attrs);
}

static void cmp_source(rg_diff *d, const void *x, const void *y)
{
    const rg_source *a = x, *b = y;
    cmp_str(d, "title", a->title, b->title);
    cmp_str(d, "publisher", a->publisher, b->publisher);
    cmp_str(d, "date", a->date, b->date);
    cmp_str(d, "url", a->url, b->url);
    cmp_str(d, "reliability", a->reliability, b->reliability);
    cmp_str(d, "tlp", a->tlp, b->tlp);
    cmp_str(d, "stix_id", a->stix_id, b->stix_id);
}

static void cmp_group(rg_diff *d, const void *x, const void *y)
{
    const rg_group *a = x, *b = y;
    cmp_str(d, "label", a->label, b->label);
    cmp_str(d, "parent", a->parent, b->parent);
    cmp_attrs(d, &a->attrs, &b->attrs);
}

static void cmp_document(rg_diff *d, const void *x, const void *y)
{
    const rg_doc *a = x, *b = y;
    cmp_str(d, "title", a->title, b->title);
    cmp_str(d, "description", a->description, b->description);
    cmp_str(d, "tlp", a->tlp, b->tlp);
}

/* ---- matching ---- */

/* A kind of item in both documents: arrays of structures whose first
 * member is the id. */
typedef struct section {
    rg_diff_what what;
    const void *a, *b;
    size_t na, nb, size;
    cmp_fn fn;
} section;

static const void *at(const void *v, size_t size, size_t i)
{
    return (const char *)v + i * size;
}

static const char *id_at(const void *v, size_t size, size_t i)
{
    return *(const char *const *)at(v, size, i);
}

/* Pairs the items of a section that have the same id. */
static int match_ids(const section *s, size_t *o2n, size_t *n2o)
{
    rg_map m = {0};
    int rc = -1;
    if (rg_map__reserve(&m, s->nb) != 0)
        goto out;
    for (size_t j = 0; j < s->nb; j++)
        if (rg_map__put(&m, id_at(s->b, s->size, j), j, NULL) < 0)
            goto out;
    for (size_t i = 0; i < s->na; i++) {
        size_t j;
        if (rg_map__get(&m, id_at(s->a, s->size, i), &j)) {
            o2n[i] = j;
            n2o[j] = i;
        }
    }
    rc = 0;
out:
    rg_map__free(&m);
    return rc;
}

/* Pairs an old actor whose id is gone with the new actor whose id is new
 * and that has its name, or one of its aliases, as name or alias (a
 * renamed id), when exactly one new actor has it. */
static void match_renamed(rg_diff *d, const rg_map *names)
{
    const rg_doc *o = d->old_doc;
    for (size_t i = 0; i < o->n_actors; i++) {
        const rg_actor *a = &o->actors[i];
        for (size_t k = 0; d->a_old2new[i] == SIZE_MAX && k <= a->aliases.n;
             k++) {
            const char *s = k == 0 ? a->name : a->aliases.v[k - 1];
            size_t j;
            if (rg_map__get(names, s, &j) && j != RG_MAP_AMBIGUOUS &&
                d->a_new2old[j] == SIZE_MAX) {
                d->a_old2new[i] = j;
                d->a_new2old[j] = i;
            }
        }
    }
}

/* The new document's names and aliases -> actor index, or
 * RG_MAP_AMBIGUOUS for one that several actors share. */
static int name_map(rg_map *m, const rg_doc *doc)
{
    for (size_t j = 0; j < doc->n_actors; j++) {
        const rg_actor *b = &doc->actors[j];
        for (size_t k = 0; k <= b->aliases.n; k++) {
            const char *s = k == 0 ? b->name : b->aliases.v[k - 1];
            size_t old;
            int r = rg_map__put(m, s, j, &old);
            if (r < 0)
                return -1;
            if (r == 0 && old != j)
                rg_map__set(m, s, RG_MAP_AMBIGUOUS);
        }
    }
    return 0;
}

/* A link's key: its ends (as actor indexes of the new document, "n12",
 * or of the old one for an actor only there, "o7"; in order for an
 * undirected link), label and kind, each string after its length so that
 * no text can pass for another's. */
static void link_key(rg_buf *k, const rg_link *l, const size_t *to_new)
{
    char e[2][24];
    size_t ends[2] = {l->from_index, l->to_index};
    for (int x = 0; x < 2; x++) {
        size_t n = to_new ? to_new[ends[x]] : ends[x];
        if (n == SIZE_MAX)
            snprintf(e[x], sizeof(e[x]), "o%zu", ends[x]);
        else
            snprintf(e[x], sizeof(e[x]), "n%zu", n);
    }
    int swap = !l->directed && strcmp(e[0], e[1]) > 0;
    rg_buf__reset(k);
    rg_buf__printf(k, "%s %s %d", e[swap], e[!swap], (int)l->directed);
    const char *t[2] = {l->label, l->kind};
    for (int x = 0; x < 2; x++) {
        if (t[x] == NULL)
            rg_buf__puts(k, " -");
        else
            rg_buf__printf(k, " %zu:%s", strlen(t[x]), t[x]);
    }
}

/* Pairs links with one key, several with the same key in document
 * order: the map holds, for each key, the first new link not yet paired,
 * and `next` chains the others. */
static int match_links(rg_diff *d)
{
    const rg_doc *o = d->old_doc, *n = d->new_doc;
    rg_map m = {0};
    rg_buf k = {0};
    int rc = -1;
    size_t *next = malloc((n->n_links + 1) * sizeof(*next));
    if (next == NULL || rg_map__reserve(&m, n->n_links) != 0)
        goto out;
    for (size_t j = n->n_links; j-- > 0;) {
        link_key(&k, &n->links[j], NULL);
        char *key = rg_arena__strndup(&d->arena, k.data, k.len);
        size_t first = SIZE_MAX;
        if (k.oom || key == NULL || rg_map__put(&m, key, j, &first) < 0)
            goto out;
        next[j] = first;
        rg_map__set(&m, key, j);
    }
    for (size_t i = 0; i < o->n_links; i++) {
        link_key(&k, &o->links[i], d->a_old2new);
        size_t j;
        if (k.oom)
            goto out;
        if (rg_map__get(&m, k.data, &j) && j != SIZE_MAX) {
            d->l_old2new[i] = j;
            d->l_new2old[j] = i;
            rg_map__set(&m, k.data, next[j]);
        }
    }
    rc = 0;
out:
    free(next);
    rg_buf__free(&k);
    rg_map__free(&m);
    return rc;
}

/* ---- the report ---- */

/* Items removed or changed, in the old document's order, then those
 * added, in the new one's. */
static void report(rg_diff *d, const section *s, const size_t *o2n,
                   const size_t *n2o)
{
    for (size_t i = 0; i < s->na && !d->oom; i++) {
        size_t j = o2n[i];
        if (j == SIZE_MAX)
            rg_diff__item(d, s->what, RG_MARK_REMOVED, i, SIZE_MAX);
        else
            changed(d, s->what, i, j, at(s->a, s->size, i),
                    at(s->b, s->size, j), s->fn);
    }
    for (size_t j = 0; j < s->nb && !d->oom; j++)
        if (n2o[j] == SIZE_MAX)
            rg_diff__item(d, s->what, RG_MARK_ADDED, SIZE_MAX, j);
}

/* Sources and groups: matched by id alone. */
static int id_section(rg_diff *d, const section *s)
{
    size_t n = s->na + s->nb + 1;
    size_t *m = malloc(n * sizeof(*m));
    int rc = -1;
    if (m == NULL)
        return -1;
    for (size_t i = 0; i < n; i++)
        m[i] = SIZE_MAX;
    if (match_ids(s, m, m + s->na) == 0) {
        report(d, s, m, m + s->na);
        rc = 0;
    }
    free(m);
    return rc;
}

static size_t *unmatched(size_t n)
{
    size_t *v = malloc((n ? n : 1) * sizeof(*v));
    for (size_t i = 0; v != NULL && i < n; i++)
        v[i] = SIZE_MAX;
    return v;
}

/* Matches the actors and links, and reports every section. */
static int compare(rg_diff *d)
{
    const rg_doc *o = d->old_doc, *n = d->new_doc;
    section doc = {RG_DIFF_DOCUMENT, o, n, 1, 1, sizeof(*o), cmp_document};
    section src = {RG_DIFF_SOURCE, o->sources, n->sources, o->n_sources,
                   n->n_sources, sizeof(rg_source), cmp_source};
    section grp = {RG_DIFF_GROUP, o->groups, n->groups, o->n_groups,
                   n->n_groups, sizeof(rg_group), cmp_group};
    section act = {RG_DIFF_ACTOR, o->actors, n->actors, o->n_actors,
                   n->n_actors, sizeof(rg_actor), cmp_actor};
    section lnk = {RG_DIFF_LINK, o->links, n->links, o->n_links,
                   n->n_links, sizeof(rg_link), cmp_link};
    size_t zero = 0;
    rg_map names = {0};
    int rc = -1;
    report(d, &doc, &zero, &zero);
    if (id_section(d, &src) != 0 || id_section(d, &grp) != 0)
        goto out;
    if (match_ids(&act, d->a_old2new, d->a_new2old) != 0 ||
        name_map(&names, n) != 0)
        goto out;
    match_renamed(d, &names);
    report(d, &act, d->a_old2new, d->a_new2old);
    if (match_links(d) != 0)
        goto out;
    report(d, &lnk, d->l_old2new, d->l_new2old);
    rc = d->oom ? -1 : 0;
out:
    rg_map__free(&names);
    return rc;
}

int rg_diff_new(rg_diff **out, const rg_doc *old_doc, const rg_doc *new_doc,
                rg_diags *diags)
{
    *out = NULL;
    rg_diff *d = calloc(1, sizeof(*d));
    int rc = -1;
    if (d == NULL)
        goto out;
    d->old_doc = old_doc;
    d->new_doc = new_doc;
    d->a_old2new = unmatched(old_doc->n_actors);
    d->a_new2old = unmatched(new_doc->n_actors);
    d->l_old2new = unmatched(old_doc->n_links);
    d->l_new2old = unmatched(new_doc->n_links);
    if (d->a_old2new == NULL || d->a_new2old == NULL ||
        d->l_old2new == NULL || d->l_new2old == NULL || compare(d) != 0)
        goto out;
    *out = d;
    d = NULL;
    rc = 0;
out:
    if (rc != 0)
        rg_diags_add(diags, RG_ERROR, "", "out of memory comparing "
                                          "documents");
    rg_diff_free(d);
    return rc;
}

bool rg_diff_equal(const rg_diff *d)
{
    return d->n_items == 0;
}

void rg_diff_free(rg_diff *d)
{
    if (d == NULL)
        return;
    rg_diff__union_free(d->uni);
    free(d->items);
    free(d->fields);
    free(d->a_old2new);
    free(d->a_new2old);
    free(d->l_old2new);
    free(d->l_new2old);
    rg_arena__free(&d->arena);
    free(d);
}
