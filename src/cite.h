/* Source numbering: the footnote number of each source, its place in the
 * document's `sources` list, shared by the chart (its markers and Sources
 * block) and the reports, so that "[2]" means the same source in every
 * output and every view (--focus) of a document. */
#ifndef RG_CITE_H
#define RG_CITE_H

#include "model.h"

#include <stddef.h>

/* The sources of one document, numbered. Owns its arrays and index; the
 * document must outlive it (the index borrows the source ids). */
typedef struct rg_cite {
    rg_map idx;      /* source id -> index; empty when indexing ran out of
                        memory, and look-ups then search linearly */
    size_t *number;  /* of each source: its number from 1 (its place in
                        the list) when something shown cites it, else 0 */
    size_t *order;   /* the cited source indexes by number, then the
                        uncited ones, each in document order
                        (doc->n_sources of them) */
    size_t n_cited;  /* how many sources something shown cites */
} rg_cite;

/* Numbers the sources by their place in doc->sources, from 1, so that a
 * view (which keeps the whole list but fewer links and actors) numbers a
 * source as the whole document does; marks those that a link or actor of
 * doc cites. The numbers of the cited ones may have gaps: a chart lists
 * only the sources it uses. Returns 0, or -1 when out of memory (then
 * rg_cite__free() still applies). */
int rg_cite__init(rg_cite *c, const rg_doc *doc);

/* The index of the source with this id, or -1 when there is none. */
long rg_cite__find(const rg_cite *c, const rg_doc *doc, const char *id);

void rg_cite__free(rg_cite *c);

#endif
