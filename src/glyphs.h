/* Names that no installed font can draw (see glyphs.c). */
#ifndef RG_GLYPHS_H
#define RG_GLYPHS_H

#include "model.h"

/* Warns, at the name of each actor of `shown` (the document, or a view
 * of it), when the name has characters that no font the chart's font
 * list falls back to has a glyph for: PNG and PDF would draw them as
 * empty boxes. `doc` is the document as loaded, for the positions. At
 * most RG_GLYPHS_MAX_WARNINGS warnings, then one that counts the rest.
 * Costs nothing for names in printable ASCII. */
void rg_glyphs__check(const rg_doc *doc, const rg_doc *shown,
                      rg_diags *diags);

#define RG_GLYPHS_MAX_WARNINGS 10

/* Whether one of the n formats draws text with this machine's fonts
 * (SVG, PNG, PDF, the HTML report; not DOT or Markdown). */
int rg_glyphs__wanted(const rg_format *formats, size_t n);

/* Whether a font of the chart's list or its fallbacks can draw code
 * point c (1), or not (0). For the tests. */
int rg_glyphs__drawable(unsigned long c);

#endif
