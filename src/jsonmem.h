/* Where jansson's values live while a file is read: see jsonmem.c. */
#ifndef RG_JSONMEM_H
#define RG_JSONMEM_H

#include <stdbool.h>
#include <stddef.h>

/* From now on, the jansson values this thread makes come from the
 * region, one after another, until rg_jsonmem__end(). Returns 0, or -1
 * when the region is held (a session on another thread, or values left
 * alive by the last one) or cannot be reserved: values then come from
 * malloc, as always. During the session, its values are freed on this
 * thread only; after it, on any thread. */
int rg_jsonmem__begin(void);
void rg_jsonmem__end(void);

/* For the tests: whether p lies in the region, and how many of the
 * region's values are alive (made and not yet freed). */
bool rg_jsonmem__owns(const void *p);
size_t rg_jsonmem__live(void);

#endif
