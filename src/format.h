/* The output formats: what Graphviz is asked for to make each. */
#ifndef RG_FORMAT_H
#define RG_FORMAT_H

#include "relgraph.h"

/* The gvRender format that makes `format`; NULL for Markdown, which is
 * made without Graphviz. */
const char *rg_format__gv(rg_format format);
/* True when the format is drawn from a layout (all but Markdown). */
int rg_format__is_chart(rg_format format);
/* True when every format is one of rg_format. */
int rg_format__all_valid(const rg_format *formats, size_t n);

#endif
