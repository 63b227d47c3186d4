/* TLP 2.0 markings: their order, the marking a chart carries, and the
 * view of a document that may be shared at one level (--tlp). */
#ifndef RG_TLP_H
#define RG_TLP_H

#include "buf.h"
#include "model.h"

/* The rank of a level: clear 0, green 1, amber 2, amber+strict 3, red
 * 4; -1 for NULL or any other word. */
int rg_tlp__rank(const char *level);
/* The label of a level as TLP writes it ("TLP:AMBER+STRICT"), or NULL. */
const char *rg_tlp__label(const char *level);
/* The level word ("amber") of a rank; NULL out of range. */
const char *rg_tlp__word(int rank);
/* The colour TLP gives a level's label, on black ("#FFC000"). */
const char *rg_tlp__colour(const char *level);

/* The level a chart of d is marked with: a --tlp view's level, else the
 * highest marking of the document and its actors, links and sources;
 * NULL when nothing is marked. */
const char *rg_tlp__mark(const rg_doc *d);
/* Writes `title` with the chart's marking before it ("TLP:AMBER - T",
 * with an en dash), or title alone when d is unmarked; a NULL or empty
 * title gives the label alone (or nothing). */
void rg_tlp__titled(rg_buf *b, const rg_doc *d, const char *title);
/* The sentence a chart that withholds things says ("Shared at TLP:AMBER:
 * what is marked above it is withheld."), or NULL. Static or the level's
 * own: never names nor counts what is withheld. */
const char *rg_tlp__note(const rg_doc *d);

/* A view owns its arrays (in its arena); the strings, groups and styles
 * stay the document's, which must outlive the view. */
typedef struct rg_tlp_view {
    rg_doc doc;   /* never passed to rg_doc_free */
    rg_arena mem;
    size_t *map;  /* document actor index -> view index, or SIZE_MAX */
} rg_tlp_view;

/* Makes the view of what may be shared at `level` (a word rg_tlp__rank
 * knows): an item marked above it is left out, an unmarked one takes the
 * document's marking, and in an unmarked document counts as red (not
 * known to be shareable). A link goes with either end; citations of
 * withheld sources and claims of withheld actors go; the title,
 * description and groups go when the document's own marking is above
 * the level. Returns 0, or -1 when out of memory. Free with
 * rg_tlp__view_free(). */
int rg_tlp__view(rg_tlp_view *v, const rg_doc *doc, const char *level);
void rg_tlp__view_free(rg_tlp_view *v);

#endif
