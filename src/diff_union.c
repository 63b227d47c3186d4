/* The union of a diff's two documents (rg_diff_union()): a document
 * whose arrays it owns and whose strings stay the two documents', as a
 * view's do (view.h). The new document's actors, links, groups and
 * sources come first, at their own indexes, then those found only in the
 * old one; actors and links carry the mark the builder draws
 * (build_marks.c). No state beyond each diff's. */
#include "diff.h"

#include "buf.h"
#include "files.h"
#include "view.h"

#include <stdlib.h>
#include <string.h>

typedef struct rg_diff_merged {
    rg_doc doc;
    size_t *amap;    /* old actor -> union actor */
    size_t *gmap;    /* old group -> union group */
    size_t **lists;  /* remapped claimed_by/disputed_by of old links */
    size_t n_lists;
    char *note;
} rg_diff_merged;

void rg_diff__union_free(rg_diff_merged *u)
{
    if (u == NULL)
        return;
    for (size_t i = 0; i < u->n_lists; i++)
        free(u->lists[i]);
    free(u->lists);
    free(u->amap);
    free(u->gmap);
    free(u->doc.actors);
    free(u->doc.links);
    free(u->doc.groups);
    free(u->doc.sources);
    rg_map__free(&u->doc.ids);
    free(u->note);
    free(u);
}

/* Appends to `dst` (which holds nb items) the items of `a` whose id `b`
 * lacks, and stores in map (unless NULL) each old item's union index.
 * Returns the new count, or SIZE_MAX when out of memory. */
static size_t add_old(void *dst, size_t nb, const void *a, size_t na,
                      size_t size, size_t *map)
{
    rg_map m = {0};
    size_t n = nb;
    if (rg_map__reserve(&m, nb) != 0)
        n = SIZE_MAX;
    for (size_t j = 0; j < nb && n != SIZE_MAX; j++)
        if (rg_map__put(&m, *(const char **)((char *)dst + j * size), j,
                        NULL) < 0)
            n = SIZE_MAX;
    for (size_t i = 0; i < na && n != SIZE_MAX; i++) {
        const char *item = (const char *)a + i * size;
        size_t j;
        if (!rg_map__get(&m, *(const char *const *)item, &j)) {
            memcpy((char *)dst + n * size, item, size);
            j = n++;
        }
        if (map != NULL)
            map[i] = j;
    }
    rg_map__free(&m);
    return n;
}

/* The old document's removed links, their ends and claimants in the
 * union's indexes. */
static int add_removed_links(rg_diff_merged *u, const rg_diff *d)
{
    const rg_doc *o = d->old_doc;
    size_t first = u->doc.n_links;
    for (size_t i = 0; i < o->n_links; i++) {
        if (d->l_old2new[i] != SIZE_MAX)
            continue;
        rg_link *k = &u->doc.links[u->doc.n_links++];
        *k = o->links[i];
        k->mark = RG_MARK_REMOVED;
    }
    return rg_view__remap_links(u->doc.links + first, u->doc.n_links - first,
                                u->amap, &u->lists, &u->n_lists);
}

/* The old document's removed actors, in their groups of the union. */
static void add_removed_actors(rg_diff_merged *u, const rg_diff *d)
{
    const rg_doc *o = d->old_doc;
    for (size_t i = 0; i < o->n_actors; i++) {
        size_t j = d->a_old2new[i];
        if (j == SIZE_MAX) {
            j = u->doc.n_actors++;
            u->doc.actors[j] = o->actors[i];
            u->doc.actors[j].mark = RG_MARK_REMOVED;
            if (o->actors[i].group_index >= 0)
                u->doc.actors[j].group_index =
                    (long)u->gmap[o->actors[i].group_index];
        }
        u->amap[i] = j;
    }
}

/* Marks what the new document added or changed. */
static void mark_new(rg_diff_merged *u, const rg_diff *d)
{
    for (size_t j = 0; j < u->doc.n_actors; j++)
        if (d->a_new2old[j] == SIZE_MAX)
            u->doc.actors[j].mark = RG_MARK_ADDED;
    for (size_t j = 0; j < u->doc.n_links; j++)
        if (d->l_new2old[j] == SIZE_MAX)
            u->doc.links[j].mark = RG_MARK_ADDED;
    for (size_t i = 0; i < d->n_items; i++) {
        const rg_diff_item *it = &d->items[i];
        if (it->mark != RG_MARK_CHANGED)
            continue;
        if (it->what == RG_DIFF_ACTOR)
            u->doc.actors[it->new_i].mark = RG_MARK_CHANGED;
        else if (it->what == RG_DIFF_LINK)
            u->doc.links[it->new_i].mark = RG_MARK_CHANGED;
    }
}

/* Groups and sources of both; an old group's parent in the union's
 * indexes. */
static int merge_groups_sources(rg_diff_merged *u, const rg_doc *o)
{
    size_t ng = add_old(u->doc.groups, u->doc.n_groups, o->groups,
                        o->n_groups, sizeof(rg_group), u->gmap);
    size_t ns = add_old(u->doc.sources, u->doc.n_sources, o->sources,
                        o->n_sources, sizeof(rg_source), NULL);
    if (ng == SIZE_MAX || ns == SIZE_MAX)
        return -1;
    for (size_t i = 0; i < o->n_groups; i++) {
        rg_group *g = &u->doc.groups[u->gmap[i]];
        if (u->gmap[i] >= u->doc.n_groups && g->parent_index >= 0)
            g->parent_index = (long)u->gmap[g->parent_index];
    }
    u->doc.n_groups = ng;
    u->doc.n_sources = ns;
    return 0;
}

static void *copy_of(const void *v, size_t n, size_t extra, size_t size)
{
    void *p = malloc((n + extra + 1) * size);
    if (p != NULL && n > 0)
        memcpy(p, v, n * size);
    return p;
}

static int write_note(rg_diff_merged *u, const rg_diff *d)
{
    size_t n[5] = {0};
    for (size_t i = 0; i < d->n_items; i++)
        if (d->items[i].what == RG_DIFF_ACTOR ||
            d->items[i].what == RG_DIFF_LINK)
            n[d->items[i].mark]++;
    rg_buf b = {0};
    rg_buf__printf(&b, "Changes from %s to %s: %zu actors and links added, "
                       "%zu removed, %zu changed.",
                   rg_files__base(d->old_doc->file),
                   rg_files__base(d->new_doc->file), n[RG_MARK_ADDED],
                   n[RG_MARK_REMOVED], n[RG_MARK_CHANGED]);
    if (b.oom)
        return -1;
    u->doc.view_note = u->note = b.data;
    return 0;
}

static int make_union(rg_diff_merged *u, const rg_diff *d)
{
    const rg_doc *o = d->old_doc, *n = d->new_doc;
    u->doc = *n;
    memset(&u->doc.ids, 0, sizeof(u->doc.ids));
    memset(&u->doc.names, 0, sizeof(u->doc.names));
    u->doc.from_file = false;
    u->doc.actors = copy_of(n->actors, n->n_actors, o->n_actors,
                            sizeof(rg_actor));
    u->doc.links = copy_of(n->links, n->n_links, o->n_links, sizeof(rg_link));
    u->doc.groups = copy_of(n->groups, n->n_groups, o->n_groups,
                            sizeof(rg_group));
    u->doc.sources = copy_of(n->sources, n->n_sources, o->n_sources,
                             sizeof(rg_source));
    u->amap = malloc((o->n_actors + 1) * sizeof(size_t));
    u->gmap = malloc((o->n_groups + 1) * sizeof(size_t));
    if (u->doc.actors == NULL || u->doc.links == NULL ||
        u->doc.groups == NULL || u->doc.sources == NULL || u->amap == NULL ||
        u->gmap == NULL || merge_groups_sources(u, o) != 0)
        return -1;
    for (size_t j = 0; j < u->doc.n_actors; j++)
        u->doc.actors[j].mark = RG_MARK_NONE;
    for (size_t j = 0; j < u->doc.n_links; j++)
        u->doc.links[j].mark = RG_MARK_NONE;
    mark_new(u, d);
    add_removed_actors(u, d);
    if (add_removed_links(u, d) != 0)
        return -1;
    /* Ids are unique in the union: an old id found in NEW is matched.
     * Names are not (a removed actor and an added one may share one):
     * look-ups by name find nothing. */
    if (rg_map__reserve(&u->doc.ids, u->doc.n_actors) != 0)
        return -1;
    for (size_t j = 0; j < u->doc.n_actors; j++)
        if (rg_map__put(&u->doc.ids, u->doc.actors[j].id, j, NULL) < 0)
            return -1;
    return write_note(u, d);
}

const rg_doc *rg_diff_union(rg_diff *d, rg_diags *diags)
{
    if (d->uni != NULL)
        return &d->uni->doc;
    rg_diff_merged *u = calloc(1, sizeof(*u));
    if (u == NULL || make_union(u, d) != 0) {
        rg_diff__union_free(u);
        rg_diags_add(diags, RG_ERROR, "", "out of memory merging documents");
        return NULL;
    }
    d->uni = u;
    return &u->doc;
}
