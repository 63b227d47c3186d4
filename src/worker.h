/* The renderer's batch worker and its render begun (worker.c), as
 * rg_render() needs them. */
#ifndef RG_WORKER_H
#define RG_WORKER_H

#include "relgraph.h"

/* The most formats a request to the worker carries. */
#define RG_WORKER_MAX_FORMATS 32

/* True, with a diagnostic, while a render begun is not ended. */
int rg_worker__busy(const rg_renderer *r, const rg_doc *doc, rg_diags *diags);
/* True when a render of `doc` to these formats with these options goes
 * to the worker (rg_render_begin runs it there): the one place that
 * decides, for rg_render() and rg_render_begin() alike. */
int rg_worker__takes(const rg_doc *doc, const rg_render_opts *opts,
                     const rg_format *formats, size_t n);

#endif
