/* The sentences relgraph writes about a document, worded once: a link as
 * "A → label → B", a list of actors' names, the sentence on a contested
 * link, and the chart's summary. Each writes its document text through
 * an escaper the caller picks for where the bytes land (see escape.h). */
#ifndef RG_PHRASE_H
#define RG_PHRASE_H

#include "buf.h"
#include "model.h"

#include <stddef.h>

/* Appends document text escaped for one output (rg_escape__html,
 * rg_buf__puts for text escaped later...). */
typedef void (*rg_phrase_esc)(rg_buf *b, const char *s);

/* "China → blamed for → OPM breach", with "—" when undirected, and "A → B"
 * without a label. */
void rg_phrase__link(rg_buf *b, rg_phrase_esc esc, const rg_doc *d,
                     const rg_link *k);

/* The same followed by " (status)": a link's title and the first line of
 * its tooltip. */
void rg_phrase__link_status(rg_buf *b, rg_phrase_esc esc, const rg_doc *d,
                            const rg_link *k);

/* The names of the actors at `idx`, separated by ", ". */
void rg_phrase__names(rg_buf *b, rg_phrase_esc esc, const rg_doc *d,
                      const size_t *idx, size_t n);

/* What a link's disputers do: "denied" for a denial, else "disputed". */
const char *rg_phrase__dispute_word(const rg_link *k);

/* What one actor says of a link: "United States claims: China → stole
 * → OPM records", "China disputes: ..." ("denies" for a denied link). */
void rg_phrase__claim(rg_buf *b, rg_phrase_esc esc, const rg_doc *d,
                      const rg_link *k, size_t actor, int disputes);

/* "Claimed by X, Y; disputed by Z: " and the link, as one sentence. */
void rg_phrase__contested(rg_buf *b, rg_phrase_esc esc, const rg_doc *d,
                          const rg_link *k);

/* The chart's summary, in one of two wordings kept as they were. */
typedef enum rg_summary_form {
    /* The report's "In words": "49 actors, 60 links: 37 confirmed,
     * 1 disputed." (every status, after a colon). No document text. */
    RG_SUMMARY_COUNTS,
    /* The SVG's <desc>: the description, then "49 actors, 60 links,
     * 3 alleged, 1 disputed." (only the statuses from alleged on), then
     * the view's note. Document text as it is: escape the whole. */
    RG_SUMMARY_DESC
} rg_summary_form;

void rg_phrase__summary(rg_buf *b, const rg_doc *d, rg_summary_form form);

#endif
