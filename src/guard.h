/* The in-process guard of a render (RG_ISOLATE_GUARD). */
#ifndef RG_GUARD_H
#define RG_GUARD_H

#include "relgraph.h"

/* Arms the guard for a render of doc with opts: a fatal signal, the time
 * limit or an exit() inside Graphviz appends its diagnostic to `diags`
 * and calls opts->on_fatal. Returns 0, or -1 when it cannot (no
 * on_fatal, out of memory): the caller isolates otherwise. */
int rg_guard__begin(const rg_doc *doc, const rg_render_opts *opts,
                    rg_diags *diags);
/* Disarms it: timer off, the signal actions as they were. */
void rg_guard__end(rg_diags *diags);

#endif
