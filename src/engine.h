/* The choice of a layout engine (engine.c). */
#ifndef RG_ENGINE_H
#define RG_ENGINE_H

#include "build.h"
#include "relgraph.h"

/* The engine for `doc` and `o`, and what goes with it (link labels, the
 * overlap removal, group boxes); a note to `diags` (may be NULL) when
 * relgraph picked it by the document's size or shape. */
void rg_engine__pick(rg_build_opts *out, const rg_doc *doc,
                     const rg_render_opts *o, rg_diags *diags);

#endif
