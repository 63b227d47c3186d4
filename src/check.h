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
 * reference. Returns 0, or -1 when out of memory: some rule could not be
 * applied, so the document must not be used. */
int rg_check__doc(rg_doc *doc, rg_diags *diags, rg_jsonpos *loc);

/* True for a partial ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD. */
int rg_check__date(const char *s);

/* True (nonzero) for a URL relgraph will put in an output: http, https or
 * mailto (in any case), or a relative reference (no ':' before the first
 * '/', '?' or '#', not starting with "//"). The rule holds for the value as
 * written and as a browser, cmark or a server would read it: with HTML
 * character references ("&#58;", "&colon;", with or without ';') and
 * percent-encoding decoded. Whitespace, control characters, '"', '<',
 * '>', '`' and '\' are refused, written or encoded as references. The one
 * URL rule: every URL-like value of a document goes through it. */
int rg_check__url(const char *s);

#endif
