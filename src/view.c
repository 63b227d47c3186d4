/* Views: the part of a document within a few links of some actors, as a
 * document of its own that the builder and the reports take as they take
 * any other. */
#include "view.h"

#include "buf.h"

#include <stdlib.h>
#include <string.h>

/* Marks the actors within `depth` links of the marked ones, following
 * links either way. `dist` holds 0 for the focus and SIZE_MAX for the
 * others. */
static int spread(const rg_doc *doc, size_t *dist, unsigned depth)
{
    /* Adjacency as compressed rows: every link counts for both ends. */
    size_t n = doc->n_actors;
    size_t *start = calloc(n + 1, sizeof(*start));
    size_t *adj = malloc((2 * doc->n_links + 1) * sizeof(*adj));
    size_t *queue = malloc((n + 1) * sizeof(*queue));
    if (start == NULL || adj == NULL || queue == NULL) {
        free(start);
        free(adj);
        free(queue);
        return -1;
    }
    for (size_t i = 0; i < doc->n_links; i++) {
        start[doc->links[i].from_index + 1]++;
        start[doc->links[i].to_index + 1]++;
    }
    for (size_t i = 0; i < n; i++)
        start[i + 1] += start[i];
    for (size_t i = 0; i < doc->n_links; i++) {
        size_t f = doc->links[i].from_index, t = doc->links[i].to_index;
        adj[start[f]++] = t;
        adj[start[t]++] = f;
    }
    /* The fill moved each start to the next row's start: shift back. */
    for (size_t i = n; i > 0; i--)
        start[i] = start[i - 1];
    start[0] = 0;
    size_t head = 0, tail = 0;
    for (size_t i = 0; i < n; i++)
        if (dist[i] == 0)
            queue[tail++] = i;
    while (head < tail) {
        size_t a = queue[head++];
        if (dist[a] >= depth)
            continue;
        for (size_t j = start[a]; j < start[a + 1]; j++) {
            if (dist[adj[j]] == SIZE_MAX) {
                dist[adj[j]] = dist[a] + 1;
                queue[tail++] = adj[j];
            }
        }
    }
    free(start);
    free(adj);
    free(queue);
    return 0;
}

/* Copies an index list, mapping each index through `map`. */
static size_t *remap(const size_t *idx, size_t n, const size_t *map)
{
    if (idx == NULL || n == 0)
        return NULL;
    size_t *out = malloc(n * sizeof(*out));
    if (out != NULL)
        for (size_t i = 0; i < n; i++)
            out[i] = map[idx[i]];
    return out;
}

/* Copies the shown actors (dist set) in document order, then the links
 * between them; after the shown actors, out of n_actors' reach, those
 * that links name only as claiming or disputing them, so that tooltips
 * and tables can still name them. map: document index -> view index, or
 * SIZE_MAX. */
static void copy_shown(rg_view *v, const rg_doc *doc, const size_t *dist,
                       size_t *map)
{
    size_t shown = 0, nl = 0;
    for (size_t i = 0; i < doc->n_actors; i++) {
        map[i] = SIZE_MAX;
        if (dist[i] != SIZE_MAX) {
            map[i] = shown;
            v->doc.actors[shown++] = doc->actors[i];
        }
    }
    for (size_t i = 0; i < doc->n_links; i++) {
        const rg_link *k = &doc->links[i];
        if (map[k->from_index] != SIZE_MAX && map[k->to_index] != SIZE_MAX)
            v->doc.links[nl++] = *k;
    }
    size_t extra = shown;
    for (size_t i = 0; i < nl; i++) {
        const rg_link *k = &v->doc.links[i];
        const size_t *lists[2] = {k->claimed_by_index, k->disputed_by_index};
        size_t counts[2] = {k->claimed_by.n, k->disputed_by.n};
        for (size_t l = 0; l < 2; l++) {
            for (size_t j = 0; lists[l] != NULL && j < counts[l]; j++) {
                size_t a = lists[l][j];
                if (map[a] == SIZE_MAX) {
                    map[a] = extra;
                    v->doc.actors[extra++] = doc->actors[a];
                }
            }
        }
    }
    v->doc.n_actors = shown;
    v->doc.n_links = nl;
}

/* Remaps the links' indexes into the view; the index lists are copies
 * owned by the view. Returns 0 or -1. */
static int remap_links(rg_view *v, const size_t *map)
{
    size_t nl = v->doc.n_links;
    v->lists = calloc(2 * nl + 1, sizeof(*v->lists));
    if (v->lists == NULL)
        return -1;
    for (size_t i = 0; i < nl; i++) {
        rg_link *k = &v->doc.links[i];
        k->from_index = map[k->from_index];
        k->to_index = map[k->to_index];
        k->claimed_by_index = v->lists[v->n_lists++] =
            remap(k->claimed_by_index, k->claimed_by.n, map);
        k->disputed_by_index = v->lists[v->n_lists++] =
            remap(k->disputed_by_index, k->disputed_by.n, map);
        if ((k->claimed_by.n && k->claimed_by_index == NULL) ||
            (k->disputed_by.n && k->disputed_by_index == NULL))
            return -1;
    }
    return 0;
}

/* Says what is left out, in the chart and in the reports: "Showing 9 of
 * 49 actors and 7 of 60 links: those within 1 link of A and B." The
 * focus actors each once, in the order given; `seen` is scratch room for
 * n_focus indexes. Returns 0 or -1. */
static int write_note(rg_view *v, const rg_doc *doc, const size_t *focus,
                      size_t n_focus, unsigned depth, size_t *seen)
{
    rg_buf note = {0};
    rg_buf__printf(&note, "Showing %zu of %zu actors and %zu of %zu links: "
                          "those within %u link%s of ",
                   v->doc.n_actors, doc->n_actors, v->doc.n_links,
                   doc->n_links, depth, depth == 1 ? "" : "s");
    size_t named = 0;
    for (size_t i = 0; i < n_focus; i++) {
        int dup = 0;
        for (size_t j = 0; j < i; j++)
            dup |= focus[j] == focus[i];
        if (!dup)
            seen[named++] = focus[i];
    }
    for (size_t i = 0; i < named; i++) {
        if (i > 0)
            rg_buf__puts(&note, i + 1 == named ? " and " : ", ");
        rg_buf__puts(&note, doc->actors[seen[i]].name);
    }
    rg_buf__putc(&note, '.');
    if (note.oom) {
        rg_buf__free(&note);
        return -1;
    }
    v->doc.view_note = v->note = note.data;
    return 0;
}

int rg_view__make(rg_view *v, const rg_doc *doc, const size_t *focus,
                  size_t n_focus, unsigned depth)
{
    int rc = -1;
    memset(v, 0, sizeof(*v));
    size_t n = doc->n_actors;
    size_t *dist = malloc((n ? n : 1) * sizeof(*dist));
    size_t *map = malloc((n ? n : 1) * sizeof(*map));
    if (dist == NULL || map == NULL)
        goto out;
    for (size_t i = 0; i < n; i++)
        dist[i] = SIZE_MAX;
    for (size_t i = 0; i < n_focus; i++)
        dist[focus[i]] = 0;
    if (spread(doc, dist, depth) != 0)
        goto out;
    v->doc = *doc;
    v->doc.actors = malloc((n ? n : 1) * sizeof(rg_actor));
    v->doc.links = malloc((doc->n_links ? doc->n_links : 1) * sizeof(rg_link));
    if (v->doc.actors == NULL || v->doc.links == NULL)
        goto out;
    copy_shown(v, doc, dist, map);
    if (remap_links(v, map) != 0)
        goto out;
    /* Look-ups by id or name go through the whole document's maps, whose
     * indexes no longer fit: the view has none. */
    memset(&v->doc.ids, 0, sizeof(v->doc.ids));
    memset(&v->doc.names, 0, sizeof(v->doc.names));
    /* dist is no longer needed: room for the focus actors, each once
     * (at most n of them). */
    rc = write_note(v, doc, focus, n_focus, depth, dist);
out:
    free(dist);
    free(map);
    if (rc != 0)
        rg_view__free(v);
    return rc;
}

void rg_view__free(rg_view *v)
{
    for (size_t i = 0; i < v->n_lists; i++)
        free(v->lists[i]);
    free(v->lists);
    free(v->doc.actors);
    free(v->doc.links);
    free(v->note);
    memset(v, 0, sizeof(*v));
}
