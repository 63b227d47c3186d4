/* Views: a document made of part of another (the actors within a few
 * links of some, those valid at a date, ...), as a document of its own
 * that the builder and the reports take as they take any other. */
#include "view.h"

#include "buf.h"

#include <stdarg.h>
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

/* Puts actor a of doc after the view's kept actors, unless it is there. */
static void name_only(rg_view *v, const rg_doc *doc, size_t a, size_t *extra)
{
    if (v->map[a] == SIZE_MAX) {
        v->map[a] = *extra;
        v->doc.actors[(*extra)++] = doc->actors[a];
    }
}

/* Copies the kept actors in document order, then the kept links between
 * them, then the actors kept links name only in claimed_by or
 * disputed_by. */
static void copy_kept(rg_view *v, const rg_doc *doc,
                      const unsigned char *keep_actor,
                      const unsigned char *keep_link)
{
    size_t shown = 0, nl = 0;
    size_t all = doc->n_actors + doc->n_named_only;
    for (size_t i = 0; i < all; i++) {
        v->map[i] = SIZE_MAX;
        if (i < doc->n_actors && keep_actor[i]) {
            v->map[i] = shown;
            v->doc.actors[shown++] = doc->actors[i];
        }
    }
    for (size_t i = 0; i < doc->n_links; i++) {
        const rg_link *k = &doc->links[i];
        if ((keep_link == NULL || keep_link[i]) &&
            v->map[k->from_index] != SIZE_MAX &&
            v->map[k->to_index] != SIZE_MAX)
            v->doc.links[nl++] = *k;
    }
    size_t extra = shown;
    for (size_t i = 0; i < nl; i++) {
        const rg_link *k = &v->doc.links[i];
        for (size_t j = 0; j < k->claimed_by.n; j++)
            name_only(v, doc, k->claimed_by_index[j], &extra);
        for (size_t j = 0; j < k->disputed_by.n; j++)
            name_only(v, doc, k->disputed_by_index[j], &extra);
    }
    v->doc.n_actors = shown;
    v->doc.n_named_only = extra - shown;
    v->doc.n_links = nl;
}

int rg_view__remap_links(rg_link *links, size_t n, const size_t *map,
                         size_t ***lists, size_t *n_lists)
{
    *n_lists = 0;
    *lists = calloc(2 * n + 1, sizeof(**lists));
    if (*lists == NULL)
        return -1;
    for (size_t i = 0; i < n; i++) {
        rg_link *k = &links[i];
        k->from_index = map[k->from_index];
        k->to_index = map[k->to_index];
        k->claimed_by_index = (*lists)[(*n_lists)++] =
            remap(k->claimed_by_index, k->claimed_by.n, map);
        k->disputed_by_index = (*lists)[(*n_lists)++] =
            remap(k->disputed_by_index, k->disputed_by.n, map);
        if ((k->claimed_by.n && k->claimed_by_index == NULL) ||
            (k->disputed_by.n && k->disputed_by_index == NULL))
            return -1;
    }
    return 0;
}

int rg_view__subset(rg_view *v, const rg_doc *doc,
                    const unsigned char *keep_actor,
                    const unsigned char *keep_link)
{
    memset(v, 0, sizeof(*v));
    size_t all = doc->n_actors + doc->n_named_only;
    v->doc = *doc;
    v->map = malloc((all ? all : 1) * sizeof(*v->map));
    v->doc.actors = malloc((all ? all : 1) * sizeof(rg_actor));
    v->doc.links = malloc((doc->n_links ? doc->n_links : 1) * sizeof(rg_link));
    if (v->map == NULL || v->doc.actors == NULL || v->doc.links == NULL)
        return -1;
    copy_kept(v, doc, keep_actor, keep_link);
    /* Look-ups by id or name go through the whole document's maps, whose
     * indexes no longer fit: the view has none. */
    memset(&v->doc.ids, 0, sizeof(v->doc.ids));
    memset(&v->doc.names, 0, sizeof(v->doc.names));
    v->doc.view_note = NULL;
    return rg_view__remap_links(v->doc.links, v->doc.n_links, v->map,
                                &v->lists, &v->n_lists);
}

int rg_view__note(rg_view *v, const rg_doc *doc, const char *fmt, ...)
{
    rg_buf note = {0};
    if (doc->view_note != NULL)
        rg_buf__printf(&note, "%s ", doc->view_note);
    va_list ap;
    va_start(ap, fmt);
    rg_buf__vprintf(&note, fmt, ap);
    va_end(ap);
    if (note.oom) {
        rg_buf__free(&note);
        return -1;
    }
    free(v->note);
    v->doc.view_note = v->note = note.data;
    return 0;
}

/* Says what is left out, in the chart and in the reports: "Showing 9 of
 * 49 actors and 7 of 60 links: those within 1 link of A and B." The
 * focus actors each once, in the order given; `seen` is room for n_focus
 * indexes. Returns 0 or -1. */
static int focus_note(rg_view *v, const rg_doc *doc, const size_t *focus,
                      size_t n_focus, unsigned depth, size_t *seen)
{
    size_t named = 0;
    for (size_t i = 0; i < n_focus; i++) {
        int dup = 0;
        for (size_t j = 0; j < named; j++)
            dup |= seen[j] == focus[i];
        if (!dup)
            seen[named++] = focus[i];
    }
    rg_buf names = {0};
    for (size_t i = 0; i < named; i++) {
        if (i > 0)
            rg_buf__puts(&names, i + 1 == named ? " and " : ", ");
        rg_buf__puts(&names, doc->actors[seen[i]].name);
    }
    int rc = names.oom ? -1
                       : rg_view__note(v, doc,
                                       "Showing %zu of %zu actors and %zu of "
                                       "%zu links: those within %u link%s of "
                                       "%s.",
                                       v->doc.n_actors, doc->n_actors,
                                       v->doc.n_links, doc->n_links, depth,
                                       depth == 1 ? "" : "s",
                                       rg_buf__str(&names));
    rg_buf__free(&names);
    return rc;
}

int rg_view__make(rg_view *v, const rg_doc *doc, const size_t *focus,
                  size_t n_focus, unsigned depth)
{
    int rc = -1;
    size_t n = doc->n_actors;
    size_t *dist = malloc((n ? n : 1) * sizeof(*dist));
    unsigned char *keep = malloc(n ? n : 1);
    memset(v, 0, sizeof(*v));
    if (dist == NULL || keep == NULL)
        goto out;
    for (size_t i = 0; i < n; i++)
        dist[i] = SIZE_MAX;
    for (size_t i = 0; i < n_focus; i++)
        dist[focus[i]] = 0;
    if (spread(doc, dist, depth) != 0)
        goto out;
    for (size_t i = 0; i < n; i++)
        keep[i] = dist[i] != SIZE_MAX;
    if (rg_view__subset(v, doc, keep, NULL) == 0)
        rc = focus_note(v, doc, focus, n_focus, depth, dist);
out:
    free(dist);
    free(keep);
    return rc;
}

void rg_view__free(rg_view *v)
{
    for (size_t i = 0; i < v->n_lists; i++)
        free(v->lists[i]);
    free(v->lists);
    free(v->map);
    free(v->doc.actors);
    free(v->doc.links);
    free(v->note);
    free(v->attrs);
    free(v->fade_note);
    memset(v, 0, sizeof(*v));
}
