/* Positions of values in JSON text. jansson keeps none, so the loader
 * records JSON paths in its diagnostics and this scanner finds them in the
 * original text, once, only when there is something to report. */
#ifndef RG_JSONPOS_H
#define RG_JSONPOS_H

#include "diag.h"

/* Fills in line, column, caret range and source line of every diagnostic
 * from index `start` on that still has a path to locate. `text` must be
 * the JSON text that jansson accepted. */
void rg_jsonpos__resolve(rg_diags *diags, size_t start, const char *text,
                         size_t len);

/* Line (1-based), column (1-based, in characters) and the bounds of the
 * line holding byte offset `off` of `text`. */
void rg_jsonpos__line_col(const char *text, size_t len, size_t off,
                          int *line, int *column, size_t *line_start,
                          size_t *line_len);

#endif
