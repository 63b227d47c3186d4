/* "Did you mean": the closest word of a list by edit distance, never one
 * that means the opposite; lists of words cut to fit a message; the
 * references to a document's actors. */
#ifndef RG_SUGGEST_H
#define RG_SUGGEST_H

#include "relgraph.h"

#include <stddef.h>

/* The candidate closest to `word` by edit distance, or NULL when none is
 * close enough to be what the user meant. A candidate that is `word`
 * negated, or whose negation `word` is ("unconfirmed" and "confirmed",
 * "not disputed" and "disputed"; rg_suggest__opposite), is never
 * suggested. */
const char *rg_suggest__best(const char *word, const char *const *cands,
                             size_t n);

/* True when one of a and b is the other behind a negating prefix: un,
 * non, non-, not-, not_ or "not " (ASCII case ignored). */
int rg_suggest__opposite(const char *a, const char *b);

/* Writes the n words (NULL ones skipped), comma-separated, into buf (of
 * size cap); those that do not fit are counted in " and K more". */
void rg_suggest__join(char *buf, size_t cap, const char *const *words,
                      size_t n);

/* The name of n names (each with its legend text, labels[i], or NULL)
 * that `word` means: the one whose label it is (ASCII case ignored),
 * else the closest name, else the name of the closest label, else NULL.
 * When the label decided, *via_label is that label, else NULL. */
const char *rg_suggest__labelled(const char *word, const char *const *names,
                                 const char *const *labels, size_t n,
                                 const char **via_label);

/* Every id, name and alias of the document's actors (borrowed from doc),
 * in a malloc'd array whose length goes in *n; NULL when out of memory.
 * The candidates of an actor reference. */
const char **rg_suggest__actor_refs(const rg_doc *doc, size_t *n);

#endif
