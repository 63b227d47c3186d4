/* Source numbering: the footnote number of each source, by first use,
 * shared by the chart (its markers and Sources block) and the reports, so
 * that "[2]" means the same source in every output of a document. */
#ifndef RG_CITE_H
#define RG_CITE_H

#include "model.h"

#include <stddef.h>

/* The sources of one document, numbered. Owns its arrays and index; the
 * document must outlive it (the index borrows the source ids). */
typedef struct rg_cite {
    rg_map idx;      /* source id -> index; empty when indexing ran out of
                        memory, and look-ups then search linearly */
    size_t *number;  /* of each source: its number from 1, 0: not cited */
    size_t *order;   /* source indexes by number, then the uncited ones in
                        document order (doc->n_sources of them) */
    size_t n_cited;
} rg_cite;

/* Numbers the sources by first use: walking links in document order, then
 * actors in document order, each one's `source` ids in order; the first
 * time a source id is cited it gets the next number, starting at 1.
 * Returns 0, or -1 when out of memory (then rg_cite__free() still
 * applies). */
int rg_cite__init(rg_cite *c, const rg_doc *doc);

/* The index of the source with this id, or -1 when there is none. */
long rg_cite__find(const rg_cite *c, const rg_doc *doc, const char *id);

void rg_cite__free(rg_cite *c);

#endif
