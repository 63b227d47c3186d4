/* Where jansson's values live while a file is read (a relgraph document,
 * or one that is imported).
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
 * importer lets go of it (the STIX importer copies what it keeps of it),
 * and the document as the load reads it; a relgraph document's tree as
 * the load reads it.
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
 * poisoned (a chunk as filling reaches it, a value as it is freed), so
 * that a value read after it was freed, or freed twice, is caught as it
 * would be in malloc's memory. Each value is then preceded by a header
 * that holds its size, poisoned too: a value written past its end is
 * caught in the next one's header. */
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

/* Reserved as address space only (no access, nothing committed); made
 * writable STEP bytes at a time as filling reaches them, so that a
 * system that counts every writable page against its commit limit
 * (vm.overcommit_memory=2) counts only those. A tree larger than the
 * region goes on in malloc's memory. */
#define REGION_SIZE ((size_t)1 << 30)
#define CHUNK ((size_t)1 << 16)
#define N_CHUNKS (REGION_SIZE / CHUNK)
#define STEP ((size_t)4 << 20)

static struct {
    _Atomic(char *) base; /* NULL until reserved */
    size_t top;           /* bytes handed out */
    size_t writable;      /* bytes made writable */
    bool refused;         /* more could not be: malloc's until reset */
    size_t live;          /* values made and not freed */
    uint32_t live_in[N_CHUNKS];
} region;

/* A session's thread keeps the counts alone. Once it has ended, a value
 * left alive may be freed on any thread, under the lock; the region is
 * held until the last of them goes. */
static pthread_once_t installed = PTHREAD_ONCE_INIT;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static bool held;
static _Thread_local bool mine;
static json_malloc_t prev_malloc = malloc;
static json_free_t prev_free = free;

static char *base_of(void)
{
    return atomic_load_explicit(&region.base, memory_order_acquire);
}

static void give_back(size_t c)
{
    madvise(base_of() + c * CHUNK, CHUNK, MADV_DONTNEED);
}

/* Whether the region up to `end` is writable (made so now if need be). */
static bool writable_to(size_t end)
{
    if (end <= region.writable)
        return true;
    size_t more = (end - region.writable + STEP - 1) / STEP * STEP;
    if (region.refused || more > REGION_SIZE - region.writable ||
        mprotect(base_of() + region.writable, more,
                 PROT_READ | PROT_WRITE) != 0) {
        region.refused = true;
        return false;
    }
    region.writable += more;
    return true;
}

static void *region_malloc(size_t req)
{
    size_t size = HEADER + (req == 0 ? 16 : (req + 15) & ~(size_t)15);
    if (!mine || size < req || size > CHUNK ||
        region.top > REGION_SIZE - size)
        return prev_malloc(req);
    size_t top = region.top, c = top / CHUNK;
    if ((top + size - 1) / CHUNK != c) {
        /* Chunk c is full: none will be made in it again. */
        if (region.live_in[c] == 0)
            give_back(c);
        top = ++c * CHUNK;
    }
    if (!writable_to(top + size))
        return prev_malloc(req);
    if (top % CHUNK == 0)
        POISON(base_of() + top, CHUNK); /* a chunk filling reaches */
    char *p = base_of() + top + HEADER;
    region.top = top + size;
    region.live_in[c]++;
    region.live++;
#ifdef RG_ASAN
    UNPOISON(p - HEADER, HEADER);
    memcpy(p - HEADER, &req, sizeof(req));
    POISON(p - HEADER, HEADER);
#endif
    UNPOISON(p, req ? req : 1);
    return p;
}

static void count_free(void *p)
{
    size_t c = (size_t)((char *)p - base_of()) / CHUNK;
#ifdef RG_ASAN
    (void)*(volatile const char *)p; /* freed twice: caught here */
    size_t req;
    UNPOISON((char *)p - HEADER, HEADER);
    memcpy(&req, (char *)p - HEADER, sizeof(req));
    POISON((char *)p - HEADER, HEADER + (req ? req : 1));
#endif
    region.live--;
    if (--region.live_in[c] == 0 && c != region.top / CHUNK)
        give_back(c);
}

static void region_free(void *p)
{
    if (!rg_jsonmem__owns(p)) {
        prev_free(p);
    } else if (mine) {
        count_free(p);
    } else {
        /* a value left alive when its session ended */
        pthread_mutex_lock(&lock);
        count_free(p);
        if (region.live == 0)
            held = false;
        pthread_mutex_unlock(&lock);
    }
}

static void install(void)
{
    void *m = mmap(NULL, REGION_SIZE, PROT_NONE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (m == MAP_FAILED)
        return;
    json_get_alloc_funcs(&prev_malloc, &prev_free);
    atomic_store_explicit(&region.base, m, memory_order_release);
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
        if (region.top > 0) {
            /* All gone (else it would be held): the region starts over,
             * its last chunk given back (the others were as they
             * emptied). */
            give_back((region.top - 1) / CHUNK);
            region.top = 0;
        }
        region.refused = false;
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
    held = region.live > 0; /* until the values left alive are gone */
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
