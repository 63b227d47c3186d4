/* The format's rules that relate values to each other: unique ids,
 * references, kinds, dates, URLs, group nesting. */
#ifndef RG_CHECK_H
#define RG_CHECK_H

#include "jsonpos.h"
#include "model.h"

/* Checks a freshly loaded document, resolves its references (actor
 * indexes of links, group indexes) and builds its indexes. Appends every
 * problem found to `diags`. `loc` (borrowed) finds positions for messages
 * that name other places, such as the candidates of an ambiguous
 * reference. */
void rg_check__doc(rg_doc *doc, rg_diags *diags, rg_jsonpos *loc);

/* True for a partial ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD. */
int rg_check__date(const char *s);

/* True for a URL relgraph will put in a chart: http, https, mailto or
 * relative. */
int rg_check__url(const char *s);

#endif
