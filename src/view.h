/* Views: the part of a document within a few links of some actors. */
#ifndef RG_VIEW_H
#define RG_VIEW_H

#include "model.h"

/* A view owns its arrays; the strings, groups, sources and styles stay
 * the document's, which must outlive the view. */
typedef struct rg_view {
    rg_doc doc;     /* the view, as a document (never passed to rg_doc_free) */
    size_t **lists; /* the links' remapped claimed_by/disputed_by indexes */
    size_t n_lists;
    char *note;     /* "Showing 9 of 49 actors ...", also doc.view_note */
} rg_view;

/* Makes the view of the actors within `depth` links (either way) of the
 * `focus` actors (indexes in doc), and of the links between them. Its
 * actors keep their document order; after the first n_actors come those
 * that shown links name only in claimed_by or disputed_by, so that the
 * indexes of those lists stay valid. Returns 0, or -1 when out of memory.
 * Free with rg_view__free(). */
int rg_view__make(rg_view *v, const rg_doc *doc, const size_t *focus,
                  size_t n_focus, unsigned depth);

void rg_view__free(rg_view *v);

#endif
