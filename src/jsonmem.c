/* Where jansson's values live while a document is imported.
 *
 * An import makes two trees of jansson values: the input's (a 45 MB STIX
 * bundle is 25,000 objects and about 120 MB of values) and the relgraph
 * document the importer makes of it, record by record, while it lets go
 * of the input object by object. From malloc, the document's values
 * filled the holes the input left all over the heap, so that every later
 * walk over the document (the load, its compact text) read from
 * everywhere, and freeing the values one by one cost as much again.
 *
 * During a session, this thread's values come from one reserved region
 * instead, one after another in the order they are made: the records of
 * the document lie in the order they are read. The region is cut into
 * chunks of 64 KiB, each counting its live values; a chunk whose values
 * are all gone, and that no value will be made in again, gives its
 * pages back to the system. The input goes chunk by chunk as the
 * importer lets go of it (the importer copies what it keeps of it), and
 * the document as the load reads it.
 *
 * jansson's allocation functions are process-wide: they are set once,
 * to functions that use the region only on the thread that holds a
 * session and otherwise call the functions that were set before. A value
 * too large for a chunk, or made when the region is full or could not be
 * reserved, comes from those too. */
#define _GNU_SOURCE
#include "jsonmem.h"

#include <jansson.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* Under AddressSanitizer, what is not a live value of the region is
 * poisoned, so that a value read after it was freed is caught as it
 * would be in malloc's memory: each value is then preceded by a header
 * that holds its size. */
#if defined(__SANITIZE_ADDRESS__)
#define RG_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RG_ASAN 1
#endif
#endif
#ifdef RG_ASAN
#include <sanitizer/asan_interface.h>
#define HEADER ((size_t)16)
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define HEADER ((size_t)0)
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

/* Reserved, not committed: pages are used only as values come. A tree
 * larger than this goes on in malloc's memory. */
#define REGION_SIZE ((size_t)1 << 30)
#define CHUNK ((size_t)1 << 16)
#define N_CHUNKS (REGION_SIZE / CHUNK)

static struct {
    _Atomic(char *) base; /* NULL until reserved */
    size_t top;           /* bytes handed out */
    size_t live;          /* values made and not freed */
    uint32_t live_in[N_CHUNKS];
} region;

static pthread_once_t installed = PTHREAD_ONCE_INIT;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static bool held;
static _Thread_local bool mine;
static json_malloc_t prev_malloc = malloc;
static json_free_t prev_free = free;

static char *base_of(void)
{
    return atomic_load_explicit(&region.base, memory_order_relaxed);
}

static void give_back(size_t c)
{
    madvise(base_of() + c * CHUNK, CHUNK, MADV_DONTNEED);
}

static void *region_malloc(size_t req)
{
    size_t size = HEADER + (req == 0 ? 16 : (req + 15) & ~(size_t)15);
    if (!mine || size < req || size > CHUNK ||
        region.top > REGION_SIZE - size)
        return prev_malloc(req);
    size_t c = region.top / CHUNK;
    if ((region.top + size - 1) / CHUNK != c) {
        /* Chunk c is full: none will be made in it again. */
        if (region.live_in[c] == 0)
            give_back(c);
        region.top = ++c * CHUNK;
    }
    char *p = base_of() + region.top + HEADER;
    region.top += size;
    region.live_in[c]++;
    region.live++;
#ifdef RG_ASAN
    UNPOISON(p - HEADER, HEADER); /* a value freed before a reset lay here */
    memcpy(p - HEADER, &req, sizeof(req));
#endif
    UNPOISON(p, req);
    return p;
}

static void region_free(void *p)
{
    const char *b = base_of(), *q = p;
    if (b == NULL || q < b || q >= b + REGION_SIZE) {
        prev_free(p);
        return;
    }
    size_t c = (size_t)(q - b) / CHUNK;
#ifdef RG_ASAN
    size_t req;
    memcpy(&req, q - HEADER, sizeof(req));
    POISON(p, req);
#endif
    region.live--;
    if (--region.live_in[c] == 0 && c != region.top / CHUNK)
        give_back(c);
}

static void install(void)
{
    void *m = mmap(NULL, REGION_SIZE, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (m == MAP_FAILED)
        return;
    json_get_alloc_funcs(&prev_malloc, &prev_free);
    atomic_store_explicit(&region.base, m, memory_order_relaxed);
    json_set_alloc_funcs(region_malloc, region_free);
}

int rg_jsonmem__begin(void)
{
    json_malloc_t m;
    json_free_t f;
    pthread_once(&installed, install);
    json_get_alloc_funcs(&m, &f);
    pthread_mutex_lock(&lock);
    /* (A program that set jansson's functions since gets no region.) */
    int ok = !held && base_of() != NULL && m == region_malloc &&
             f == region_free;
    if (ok) {
        held = true;
        mine = true;
        if (region.live == 0 && region.top > 0) {
            /* All gone: the region starts over, its last chunk given
             * back (the others were as they emptied). */
            give_back((region.top - 1) / CHUNK);
            region.top = 0;
        }
    }
    pthread_mutex_unlock(&lock);
    return ok ? 0 : -1;
}

void rg_jsonmem__end(void)
{
    if (!mine)
        return;
    pthread_mutex_lock(&lock);
    mine = false;
    held = false;
    pthread_mutex_unlock(&lock);
}

bool rg_jsonmem__owns(const void *p)
{
    const char *b = base_of(), *q = p;
    return b != NULL && q >= b && q < b + REGION_SIZE;
}

size_t rg_jsonmem__live(void)
{
    return region.live;
}
