/* Chains between two actors: the K shortest loopless chains of links
 * (followed either way, parallel links one step), and, with groups, of
 * group memberships too; what each actor reaches when none joins them. */
#ifndef RG_CHAIN_H
#define RG_CHAIN_H

#include "model.h"

#include <stdbool.h>

/* A node of the search: an actor's index (below doc->n_actors), or
 * doc->n_actors + a group's index (only when groups are followed). */

/* The chains found, shortest first, then in document order of their
 * nodes; chain i is nodes[start[i]] .. nodes[start[i + 1] - 1], from
 * the first actor to the second. */
typedef struct rg_chains {
    size_t n;
    size_t *nodes;
    size_t *start;   /* n + 1 entries */
    bool cut;        /* the work bound stopped the search early */
    bool exhausted;  /* fewer than asked for: no other chain exists */
} rg_chains;

/* Finds up to k chains from actor `from` to actor `to` (distinct) of doc
 * (Yen's k shortest loopless paths on the unweighted graph). A link joins
 * its two ends either way; with through_groups an actor is one step from
 * its group and a group one step from its parent group. After a first
 * breadth-first search, at most max_work adjacency entries are looked at
 * (0: no bound); past it the chains found so far are kept and c->cut is
 * set. Returns 0 (c->n may be 0: no chain), or -1 when out of memory;
 * free with rg_chain__free() either way. */
int rg_chain__find(rg_chains *c, const rg_doc *doc, size_t from, size_t to,
                  size_t k, bool through_groups, size_t max_work);

void rg_chain__free(rg_chains *c);

/* The actors reached from actor `from` (not counting it), nearest first,
 * into *out (malloc'd; NULL when none); their number in *n. Returns 0 or
 * -1 when out of memory. */
int rg_chain__reach(const rg_doc *doc, size_t from, bool through_groups,
                   size_t **out, size_t *n);

#endif
