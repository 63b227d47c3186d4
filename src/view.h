/* Views: a document made of part of another (the actors within a few
 * links of some, those valid at a date, ...), as a document of its own
 * that the builder and the reports take as they take any other. */
#ifndef RG_VIEW_H
#define RG_VIEW_H

#include "model.h"

/* A view owns its arrays; the strings, groups, sources and styles stay
 * the document's, which must outlive the view. */
typedef struct rg_view {
    rg_doc doc;     /* the view, as a document (never passed to rg_doc_free) */
    size_t *map;    /* document actor index -> view index, or SIZE_MAX;
                       an index >= doc.n_actors is named, not drawn */
    size_t **lists; /* the links' remapped claimed_by/disputed_by indexes */
    size_t n_lists;
    char *note;     /* "Showing 9 of 49 actors ...", also doc.view_note */
    rg_attr *attrs; /* attributes the view gives some of its actors (the
                       ends of --path drawn bold), or NULL */
    char *fade_note; /* also doc.fade_note (a --fade view), or NULL */
} rg_view;

/* Makes the view of the actors keep_actor marks (non-zero; one flag for
 * each of doc's n_actors) and of the links keep_link marks (one flag for
 * each of doc's links; NULL: every link) whose two ends are kept. Actors
 * and links keep their document order and their marks; after the kept
 * actors (v->doc.n_named_only of them) come those that kept links name
 * only in claimed_by or disputed_by, so that the indexes of those lists
 * stay valid. The view has no note yet (rg_view__note()). Returns 0, or
 * -1 when out of memory; free with rg_view__free() either way. */
int rg_view__subset(rg_view *v, const rg_doc *doc,
                    const unsigned char *keep_actor,
                    const unsigned char *keep_link);

/* Takes the ends and claimants of links[0..n) to new actor indexes
 * through `map`, each claimant list a copy in *lists (malloc'd, n_lists
 * of them, each to be freed, NULL for an empty one). Returns 0, or -1
 * when out of memory (what *lists holds still to be freed). */
int rg_view__remap_links(rg_link *links, size_t n, const size_t *map,
                         size_t ***lists, size_t *n_lists);

/* Sets the view's note: doc's own note (a view's, when doc is one),
 * then the printf-style sentence. Returns 0 or -1. */
int rg_view__note(rg_view *v, const rg_doc *doc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Makes the view of the actors within `depth` links (either way) of the
 * `focus` actors (indexes in doc), and of the links between them, saying
 * so in its note. Returns 0, or -1 when out of memory; free with
 * rg_view__free() either way. */
int rg_view__make(rg_view *v, const rg_doc *doc, const size_t *focus,
                  size_t n_focus, unsigned depth);

void rg_view__free(rg_view *v);

#endif
