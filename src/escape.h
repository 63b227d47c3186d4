/* Escaping for each language a document value lands in: one function per
 * context, named after where the bytes go. Each appends to a buffer and
 * never fails on its own (a failed append sets the buffer's oom). */
#ifndef RG_ESCAPE_H
#define RG_ESCAPE_H

#include "buf.h"

/* A URL as the value of a Graphviz URL or href attribute. Graphviz pastes
 * it into SVG (and image maps) as it is, in every output including the
 * DOT text that `dot -Tsvg` draws later, so it gets XML's escapes for
 * '&', '<', '>', '"' and '\''; a '\\' is doubled, as Graphviz reads
 * "\N" and its kin in URLs. Control characters are dropped. */
void rg_escape__gv_url(rg_buf *b, const char *url);

/* A URL as a Markdown link destination, written between '<' and '>'
 * (which the caller adds): '&' becomes "&amp;" (a reader decodes
 * references there), '<', '>', '\\' and '|' (which ends a table cell) are
 * backslash-escaped, so a CommonMark reader's href is the URL itself.
 * Control characters are dropped. */
void rg_escape__md_dest(rg_buf *b, const char *url);

#endif
