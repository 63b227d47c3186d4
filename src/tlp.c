/* TLP 2.0 markings (FIRST's Traffic Light Protocol): the order of the
 * levels, the marking a chart carries, and the view of a document shared
 * at one level, which --tlp renders. The view is a document of its own,
 * as a --focus view is (view.c), so that the builder, the reports and a
 * --focus view made from it see nothing withheld. No state. */
#include "tlp.h"

#include <stdint.h>
#include <string.h>

#define N_LEVELS 5
#define RANK_RED 4

static const struct level {
    const char *word, *label, *colour, *note;
} levels[N_LEVELS] = {
    /* FIRST's colours for the labels, each on black. */
    {"clear", "TLP:CLEAR", "#FFFFFF",
     "Shared at TLP:CLEAR: what is marked above it is withheld."},
    {"green", "TLP:GREEN", "#33FF00",
     "Shared at TLP:GREEN: what is marked above it is withheld."},
    {"amber", "TLP:AMBER", "#FFC000",
     "Shared at TLP:AMBER: what is marked above it is withheld."},
    {"amber+strict", "TLP:AMBER+STRICT", "#FFC000",
     "Shared at TLP:AMBER+STRICT: what is marked above it is withheld."},
    {"red", "TLP:RED", "#FF2B2B",
     "Shared at TLP:RED: what is marked above it is withheld."},
};

int rg_tlp__rank(const char *level)
{
    for (int i = 0; level != NULL && i < N_LEVELS; i++)
        if (strcmp(level, levels[i].word) == 0)
            return i;
    return -1;
}

const char *rg_tlp__word(int rank)
{
    return rank >= 0 && rank < N_LEVELS ? levels[rank].word : NULL;
}

const char *rg_tlp__label(const char *level)
{
    int r = rg_tlp__rank(level);
    return r < 0 ? NULL : levels[r].label;
}

const char *rg_tlp__colour(const char *level)
{
    int r = rg_tlp__rank(level);
    return r < 0 ? levels[0].colour : levels[r].colour;
}

static int higher(int rank, const char *level)
{
    int r = rg_tlp__rank(level);
    return r > rank ? r : rank;
}

const char *rg_tlp__mark(const rg_doc *d)
{
    if (d->tlp_level != NULL)
        return d->tlp_level;
    int top = higher(-1, d->tlp);
    for (size_t i = 0; i < d->n_actors && top < RANK_RED; i++)
        top = higher(top, d->actors[i].tlp);
    for (size_t i = 0; i < d->n_links && top < RANK_RED; i++)
        top = higher(top, d->links[i].tlp);
    for (size_t i = 0; i < d->n_sources && top < RANK_RED; i++)
        top = higher(top, d->sources[i].tlp);
    return rg_tlp__word(top);
}

void rg_tlp__titled(rg_buf *b, const rg_doc *d, const char *title)
{
    const char *label = rg_tlp__label(rg_tlp__mark(d));
    int has_title = title != NULL && *title;
    if (label != NULL)
        rg_buf__printf(b, "%s%s", label, has_title ? " \xe2\x80\x93 " : "");
    if (has_title)
        rg_buf__puts(b, title);
}

const char *rg_tlp__note(const rg_doc *d)
{
    int r = rg_tlp__rank(d->tlp_level);
    return r >= 0 && d->tlp_withheld ? levels[r].note : NULL;
}

bool rg_doc_actor_shared(const rg_doc *doc, size_t i, const char *level)
{
    int want = rg_tlp__rank(level);
    const char *t = doc->actors[i].tlp ? doc->actors[i].tlp : doc->tlp;
    int r = t != NULL ? rg_tlp__rank(t) : RANK_RED;
    return want >= 0 && r <= want;
}

/* ---- the view ---- */

/* What a view keeps: an item's marking, or the document's, against the
 * level. */
typedef struct keep {
    int level, dflt;
} keep;

static int kept(const keep *k, const char *tlp)
{
    int r = tlp != NULL ? rg_tlp__rank(tlp) : k->dflt;
    return r >= 0 && r <= k->level;
}

/* The source ids of `in` that name kept sources, in a list of the view's
 * arena. Returns 0 or -1. */
static int keep_sources(rg_tlp_view *v, const keep *k, rg_strv *out,
                        const rg_strv *in, const rg_doc *doc)
{
    *out = *in;
    if (in->n == 0)
        return 0;
    out->v = rg_arena__alloc(&v->mem, in->n * sizeof(*out->v));
    if (out->v == NULL)
        return -1;
    out->n = 0;
    for (size_t i = 0; i < in->n; i++) {
        const rg_source *s = NULL;
        for (size_t j = 0; j < doc->n_sources && s == NULL; j++)
            if (strcmp(doc->sources[j].id, in->v[i]) == 0)
                s = &doc->sources[j];
        if (s != NULL && kept(k, s->tlp))
            out->v[out->n++] = in->v[i];
        else
            v->doc.tlp_withheld = true;
    }
    return 0;
}

/* A claimed_by or disputed_by list without the withheld actors: the
 * references as written and their indexes, mapped into the view. */
static int keep_claims(rg_tlp_view *v, rg_strv *refs, size_t **idx)
{
    if (refs->n == 0 || *idx == NULL)
        return 0;
    const char **r = rg_arena__alloc(&v->mem, refs->n * sizeof(*r));
    size_t *x = rg_arena__alloc(&v->mem, refs->n * sizeof(*x));
    if (r == NULL || x == NULL)
        return -1;
    size_t n = 0;
    for (size_t i = 0; i < refs->n; i++) {
        if (v->map[(*idx)[i]] == SIZE_MAX)
            continue;
        r[n] = refs->v[i];
        x[n++] = v->map[(*idx)[i]];
    }
    refs->v = r;
    refs->n = n;
    *idx = x;
    return 0;
}

/* The kept sources and actors, in document order. */
static int copy_actors(rg_tlp_view *v, const keep *k, const rg_doc *doc)
{
    size_t ns = 0, na = 0;
    for (size_t i = 0; i < doc->n_sources; i++)
        if (kept(k, doc->sources[i].tlp))
            v->doc.sources[ns++] = doc->sources[i];
    for (size_t i = 0; i < doc->n_actors; i++) {
        v->map[i] = SIZE_MAX;
        if (!kept(k, doc->actors[i].tlp))
            continue;
        rg_actor *a = &v->doc.actors[na];
        *a = doc->actors[i];
        v->map[i] = na++;
        if (keep_sources(v, k, &a->source, &doc->actors[i].source, doc) != 0)
            return -1;
        if (v->doc.n_groups == 0) {
            a->group = NULL;
            a->group_index = -1;
        }
    }
    v->doc.tlp_withheld |= ns < doc->n_sources || na < doc->n_actors;
    v->doc.n_sources = ns;
    v->doc.n_actors = na;
    return 0;
}

/* Only the groups that hold a kept actor, or a group that does: an empty
 * box is not drawn, but its label would still be in the exports. Their
 * parents and the actors' groups are mapped to the kept groups. */
static int keep_groups(rg_tlp_view *v, const rg_doc *doc)
{
    size_t n = doc->n_groups, ng = 0;
    if (n == 0)
        return 0;
    size_t *gmap = rg_arena__alloc(&v->mem, n * sizeof(*gmap));
    rg_group *gs = rg_arena__alloc(&v->mem, n * sizeof(*gs));
    if (gmap == NULL || gs == NULL)
        return -1;
    for (size_t g = 0; g < n; g++)
        gmap[g] = SIZE_MAX;
    /* Groups nest at most RG_MAX_GROUP_DEPTH deep (check.c). */
    for (size_t i = 0; i < v->doc.n_actors; i++)
        for (long g = v->doc.actors[i].group_index;
             g >= 0 && gmap[g] == SIZE_MAX; g = doc->groups[g].parent_index)
            gmap[g] = 0;
    for (size_t g = 0; g < n; g++)
        if (gmap[g] == 0) {
            gmap[g] = ng;
            gs[ng++] = doc->groups[g];
        }
    for (size_t g = 0; g < ng; g++)
        if (gs[g].parent_index >= 0)
            gs[g].parent_index = (long)gmap[gs[g].parent_index];
    for (size_t i = 0; i < v->doc.n_actors; i++) {
        rg_actor *a = &v->doc.actors[i];
        if (a->group_index >= 0)
            a->group_index = (long)gmap[a->group_index];
    }
    v->doc.tlp_withheld |= ng < n;
    v->doc.groups = gs;
    v->doc.n_groups = ng;
    return 0;
}

/* The kept links between kept actors, their indexes mapped. */
static int copy_links(rg_tlp_view *v, const keep *k, const rg_doc *doc)
{
    size_t nl = 0;
    for (size_t i = 0; i < doc->n_links; i++) {
        const rg_link *in = &doc->links[i];
        if (!kept(k, in->tlp) || v->map[in->from_index] == SIZE_MAX ||
            v->map[in->to_index] == SIZE_MAX)
            continue;
        rg_link *l = &v->doc.links[nl++];
        *l = *in;
        l->from_index = v->map[in->from_index];
        l->to_index = v->map[in->to_index];
        size_t nc = l->claimed_by.n + l->disputed_by.n;
        if (keep_sources(v, k, &l->source, &in->source, doc) != 0 ||
            keep_claims(v, &l->claimed_by, &l->claimed_by_index) != 0 ||
            keep_claims(v, &l->disputed_by, &l->disputed_by_index) != 0)
            return -1;
        v->doc.tlp_withheld |= l->claimed_by.n + l->disputed_by.n < nc;
    }
    v->doc.tlp_withheld |= nl < doc->n_links;
    v->doc.n_links = nl;
    return 0;
}

/* Replaces *styles (n of them) with copies without their labels. */
static int unlabel(rg_arena *mem, rg_style **styles, size_t n)
{
    rg_style *c = rg_arena__alloc(mem, (n + 1) * sizeof(*c));
    if (c == NULL)
        return -1;
    for (size_t i = 0; i < n; i++) {
        c[i] = (*styles)[i];
        c[i].label = NULL;
    }
    *styles = c;
    return 0;
}

int rg_tlp__view(rg_tlp_view *v, const rg_doc *doc, const char *level)
{
    memset(v, 0, sizeof(*v));
    keep k = {rg_tlp__rank(level),
              doc->tlp != NULL ? rg_tlp__rank(doc->tlp) : RANK_RED};
    v->doc = *doc;
    v->doc.tlp_level = rg_tlp__word(k.level);
    v->doc.tlp_withheld = false;
    if (k.dflt > k.level) {
        /* The document's own text is marked above the level. */
        v->doc.tlp_withheld = (doc->title != NULL && *doc->title) ||
                              (doc->description != NULL &&
                               *doc->description) ||
                              doc->n_groups > 0;
        v->doc.title = v->doc.description = NULL;
        v->doc.groups = NULL;
        v->doc.n_groups = 0;
        /* The kinds' legend texts are the document's words too: the
         * legend names a kind by its name instead. */
        if (unlabel(&v->mem, &v->doc.kinds, doc->n_kinds) != 0 ||
            unlabel(&v->mem, &v->doc.link_kinds, doc->n_link_kinds) != 0) {
            rg_tlp__view_free(v);
            return -1;
        }
        v->doc.tlp_withheld |= doc->n_kinds + doc->n_link_kinds > 0;
    }
    v->map = rg_arena__alloc(&v->mem, (doc->n_actors + 1) * sizeof(size_t));
    v->doc.actors = rg_arena__alloc(&v->mem,
                                    (doc->n_actors + 1) * sizeof(rg_actor));
    v->doc.links = rg_arena__alloc(&v->mem,
                                   (doc->n_links + 1) * sizeof(rg_link));
    v->doc.sources = rg_arena__alloc(&v->mem,
                                     (doc->n_sources + 1) * sizeof(rg_source));
    if (v->map == NULL || v->doc.actors == NULL || v->doc.links == NULL ||
        v->doc.sources == NULL || copy_actors(v, &k, doc) != 0 ||
        (v->doc.n_groups > 0 && keep_groups(v, doc) != 0) ||
        copy_links(v, &k, doc) != 0) {
        rg_tlp__view_free(v);
        return -1;
    }
    /* Look-ups go through the whole document's maps, whose indexes no
     * longer fit: the view has none (its caller maps through v->map). */
    memset(&v->doc.ids, 0, sizeof(v->doc.ids));
    memset(&v->doc.names, 0, sizeof(v->doc.names));
    return 0;
}

void rg_tlp__view_free(rg_tlp_view *v)
{
    rg_arena__free(&v->mem);
    memset(v, 0, sizeof(*v));
}
