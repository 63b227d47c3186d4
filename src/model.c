/* The document in memory and its indexes. */
#include "model.h"
#include "docfmt.h"
#include "jsonpos.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>

/* ---- arena ---- */

struct rg_arena_chunk {
    rg_arena_chunk *next;
    size_t used;
    size_t cap;
    max_align_t data[];
};

enum { ARENA_CHUNK = 64 * 1024 };

void *rg_arena__alloc(rg_arena *a, size_t size)
{
    size_t align = sizeof(max_align_t);
    size = (size + align - 1) / align * align;
    rg_arena_chunk *c = a->head;
    if (c == NULL || c->cap - c->used < size) {
        size_t cap = size > ARENA_CHUNK ? size : ARENA_CHUNK;
        c = malloc(sizeof(*c) + cap);
        if (c == NULL)
            return NULL;
        c->used = 0;
        c->cap = cap;
        /* A chunk made for one big request goes behind the current one,
         * so the space left in the current one is not lost. */
        if (a->head != NULL && cap == size) {
            c->next = a->head->next;
            a->head->next = c;
        } else {
            c->next = a->head;
            a->head = c;
        }
    }
    void *p = (char *)c->data + c->used;
    c->used += size;
    return p;
}

char *rg_arena__strndup(rg_arena *a, const char *s, size_t len)
{
    char *p = rg_arena__alloc(a, len + 1);
    if (p == NULL)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *rg_arena__strdup(rg_arena *a, const char *s)
{
    return rg_arena__strndup(a, s, strlen(s));
}

void rg_arena__free(rg_arena *a)
{
    rg_arena_chunk *c = a->head;
    while (c != NULL) {
        rg_arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
}

/* ---- string map ---- */

/* A seed drawn once per process, so that a document cannot be written
 * to make every id land in one run of slots (a map's order is never
 * seen in any output: it is only looked up). */
static uint64_t seed;
static pthread_once_t seed_once = PTHREAD_ONCE_INIT;

static void draw_seed(void)
{
    uint64_t s = 0;
    if (getrandom(&s, sizeof(s), GRND_NONBLOCK) != (ssize_t)sizeof(s))
        s = (uint64_t)time(NULL) ^ (uint64_t)(uintptr_t)&seed;
    seed = s;
}

/* Eight bytes a step, each mixed in by a multiply: FNV's byte a step was
 * most of the time a map took on long keys (URLs, STIX ids). */
static uint64_t hash_str(const char *s)
{
    const uint64_t k = 0xff51afd7ed558ccdULL;
    size_t n = strlen(s);
    pthread_once(&seed_once, draw_seed);
    uint64_t h = seed ^ (n * 0x9e3779b97f4a7c15ULL), w;
    for (; n >= 8; s += 8, n -= 8) {
        memcpy(&w, s, 8);
        h = (h ^ w) * k;
        h ^= h >> 29;
    }
    w = 0;
    memcpy(&w, s, n);
    h = (h ^ w) * k;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

/* The slot of key (hash h): where it is, or the free one it would take.
 * The hashes kept beside the keys spare most key comparisons, and a
 * resize the hashing. */
static size_t slot_of(const rg_map *m, const char *key, uint64_t h)
{
    size_t mask = m->cap - 1;
    size_t i = (size_t)h & mask;
    while (m->keys[i] != NULL &&
           (m->hashes[i] != h || strcmp(m->keys[i], key) != 0))
        i = (i + 1) & mask;
    return i;
}

static int resize(rg_map *m, size_t cap)
{
    rg_map n = {calloc(cap, sizeof(*n.keys)), malloc(cap * sizeof(*n.vals)),
                malloc(cap * sizeof(*n.hashes)), cap, 0};
    if (n.keys == NULL || n.vals == NULL || n.hashes == NULL) {
        free(n.keys);
        free(n.vals);
        free(n.hashes);
        return -1;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (m->keys[i] != NULL) {
            size_t j = (size_t)m->hashes[i] & (cap - 1);
            while (n.keys[j] != NULL)
                j = (j + 1) & (cap - 1);
            n.keys[j] = m->keys[i];
            n.vals[j] = m->vals[i];
            n.hashes[j] = m->hashes[i];
            n.len++;
        }
    }
    rg_map__free(m);
    *m = n;
    return 0;
}

static int grow(rg_map *m)
{
    return resize(m, m->cap ? m->cap * 2 : 64);
}

int rg_map__reserve(rg_map *m, size_t n)
{
    size_t cap = m->cap ? m->cap : 64;
    while ((n + 1) * 2 > cap)
        cap *= 2;
    return cap > m->cap ? resize(m, cap) : 0;
}

int rg_map__put(rg_map *m, const char *key, size_t val, size_t *old)
{
    /* At most half full: linear probing's runs stay short (2.5 probes
     * for a missing key, against 8.5 at three quarters). */
    if ((m->len + 1) * 2 > m->cap && grow(m) != 0)
        return -1;
    uint64_t h = hash_str(key);
    size_t i = slot_of(m, key, h);
    if (m->keys[i] != NULL) {
        if (old != NULL)
            *old = m->vals[i];
        return 0;
    }
    m->keys[i] = key;
    m->vals[i] = val;
    m->hashes[i] = h;
    m->len++;
    return 1;
}

void rg_map__set(rg_map *m, const char *key, size_t val)
{
    if (m->cap == 0)
        return;
    size_t i = slot_of(m, key, hash_str(key));
    if (m->keys[i] != NULL)
        m->vals[i] = val;
}

int rg_map__get(const rg_map *m, const char *key, size_t *val)
{
    if (m->cap == 0)
        return 0;
    size_t i = slot_of(m, key, hash_str(key));
    if (m->keys[i] == NULL)
        return 0;
    if (val != NULL)
        *val = m->vals[i];
    return 1;
}

void rg_map__free(rg_map *m)
{
    free(m->keys);
    free(m->vals);
    free(m->hashes);
    m->keys = NULL;
    m->vals = NULL;
    m->hashes = NULL;
    m->cap = m->len = 0;
}

/* ---- the document ---- */

rg_doc *rg_doc__new(const char *file)
{
    rg_doc *doc = calloc(1, sizeof(*doc));
    if (doc == NULL)
        return NULL;
    doc->file = rg_arena__strdup(&doc->arena, file);
    if (doc->file == NULL) {
        free(doc);
        return NULL;
    }
    doc->layout.legend = -1;
    return doc;
}

void rg_doc_free(rg_doc *doc)
{
    if (doc == NULL)
        return;
    /* The arrays grow with realloc; everything they point to is in the
     * arena. */
    free(doc->actors);
    free(doc->links);
    free(doc->groups);
    free(doc->sources);
    free(doc->kinds);
    free(doc->link_kinds);
    free(doc->gvvals);
    rg_jsonpos__free(doc->loc);
    rg_map__free(&doc->ids);
    rg_map__free(&doc->names);
    rg_arena__free(&doc->arena);
    free(doc);
}

const char *rg_doc_file(const rg_doc *doc) { return doc->file; }
const char *rg_doc_title(const rg_doc *doc) { return doc->title; }
const char *rg_doc_description(const rg_doc *doc) { return doc->description; }
const char *rg_doc_tlp(const rg_doc *doc) { return doc->tlp; }
/* rg_doc_<name>_count() and rg_doc_<name>(): an array of the document. */
#define ARRAY_ACCESSORS(name, type, field)                                 \
    size_t rg_doc_##name##_count(const rg_doc *doc)                       \
    {                                                                     \
        return doc->n_##field;                                            \
    }                                                                     \
    const type *rg_doc_##name(const rg_doc *doc, size_t i)                \
    {                                                                     \
        return &doc->field[i];                                            \
    }

ARRAY_ACCESSORS(actor, rg_actor, actors)
ARRAY_ACCESSORS(link, rg_link, links)
ARRAY_ACCESSORS(group, rg_group, groups)
ARRAY_ACCESSORS(source, rg_source, sources)
ARRAY_ACCESSORS(kind, rg_style, kinds)
ARRAY_ACCESSORS(link_kind, rg_style, link_kinds)
const rg_layout *rg_doc_layout(const rg_doc *doc) { return &doc->layout; }

long rg_doc_find_actor(const rg_doc *doc, const char *ref)
{
    size_t i;
    if (rg_map__get(&doc->ids, ref, &i))
        return (long)i;
    if (rg_map__get(&doc->names, ref, &i) && i != RG_MAP_AMBIGUOUS)
        return (long)i;
    return -1;
}

const char *rg_status_name(rg_status status)
{
    return (unsigned)status < RG_STATUS_COUNT ? rg_docfmt__statuses[status]
                                              : "?";
}

struct rg_file_id rg_file_id__of(const struct stat *st)
{
    struct rg_file_id id = {(uint64_t)st->st_dev, (uint64_t)st->st_ino,
                            (uint64_t)st->st_size,
                            (int64_t)st->st_mtim.tv_sec,
                            (int64_t)st->st_mtim.tv_nsec};
    return id;
}

bool rg_file_id__same(const struct rg_file_id *a, const struct rg_file_id *b)
{
    return a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
           a->mtime_s == b->mtime_s && a->mtime_ns == b->mtime_ns;
}

bool rg_doc_file_changed(const rg_doc *doc)
{
    struct stat st;
    if (!doc->from_file)
        return false;
    if (stat(doc->file, &st) != 0)
        return true;
    struct rg_file_id now = rg_file_id__of(&st);
    return !rg_file_id__same(&now, &doc->file_id);
}
