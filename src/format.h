/* The output formats: what Graphviz is asked for to make each. */
#ifndef RG_FORMAT_H
#define RG_FORMAT_H

#include "relgraph.h"

/* The gvRender format that makes `format`; NULL for Markdown, which is
 * made without Graphviz. */
const char *rg_format__gv(rg_format format);
/* True when the format is made from a layout (all but Markdown, STIX
 * and the CSV tables; GraphML, GEXF and Cytoscape.js carry the layout's
 * positions). */
int rg_format__is_chart(rg_format format);
/* True for the CSV tables. */
int rg_format__is_csv(rg_format format);
/* True for the data formats (export_*.c): STIX, GraphML, GEXF,
 * Cytoscape.js, CSV. */
int rg_format__is_export(rg_format format);
/* True when every format is one of rg_format. */
int rg_format__all_valid(const rg_format *formats, size_t n);

#endif
