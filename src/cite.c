/* Source numbering by place in the document's list (see cite.h). State: an rg_cite, owned by
 * the caller; nothing global. */
#include "cite.h"

#include <stdlib.h>
#include <string.h>

long rg_cite__find(const rg_cite *c, const rg_doc *doc, const char *id)
{
    size_t i;
    if (c->idx.cap > 0)
        return rg_map__get(&c->idx, id, &i) ? (long)i : -1;
    for (i = 0; i < doc->n_sources; i++)
        if (doc->sources[i].id != NULL && strcmp(doc->sources[i].id, id) == 0)
            return (long)i;
    return -1;
}

static void cite(rg_cite *c, const rg_doc *doc, const rg_strv *src)
{
    for (size_t j = 0; j < src->n; j++) {
        long i = rg_cite__find(c, doc, src->v[j]);
        if (i >= 0 && c->number[i] == 0) {
            c->number[i] = (size_t)i + 1;
            c->n_cited++;
        }
    }
}

int rg_cite__init(rg_cite *c, const rg_doc *doc)
{
    size_t n = doc->n_sources ? doc->n_sources : 1;
    *c = (rg_cite){{0}, calloc(n, sizeof(size_t)), calloc(n, sizeof(size_t)),
                   0};
    if (c->number == NULL || c->order == NULL)
        return -1;
    /* Without an index, look-ups search linearly: slower, same answers. */
    for (size_t i = 0; i < doc->n_sources; i++) {
        if (doc->sources[i].id != NULL &&
            rg_map__put(&c->idx, doc->sources[i].id, i, NULL) < 0) {
            rg_map__free(&c->idx);
            break;
        }
    }
    for (size_t i = 0; i < doc->n_links; i++)
        cite(c, doc, &doc->links[i].source);
    for (size_t i = 0; i < doc->n_actors; i++)
        cite(c, doc, &doc->actors[i].source);
    size_t cited = 0, uncited = c->n_cited;
    for (size_t i = 0; i < doc->n_sources; i++)
        c->order[c->number[i] > 0 ? cited++ : uncited++] = i;
    return 0;
}

void rg_cite__free(rg_cite *c)
{
    rg_map__free(&c->idx);
    free(c->number);
    free(c->order);
    memset(c, 0, sizeof(*c));
}
