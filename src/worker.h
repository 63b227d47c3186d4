/* The renderer's batch worker and its render begun (worker.c), as
 * rg_render() needs them. */
#ifndef RG_WORKER_H
#define RG_WORKER_H

#include "relgraph.h"

/* The most formats a request to the worker carries. */
#define RG_WORKER_MAX_FORMATS 32

/* True, with a diagnostic, while a render begun is not ended. */
int rg_worker__busy(const rg_renderer *r, const rg_doc *doc, rg_diags *diags);
/* True when a render of `doc` with these options and n_charts chart
 * formats goes to the worker (rg_render_begin runs it there). */
int rg_worker__takes(const rg_doc *doc, const rg_render_opts *opts,
                     size_t n_charts);

#endif
