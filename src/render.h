/* What rg_render() and rg_render_end() share: the formats that need a
 * layout, and the outputs put in the order asked for. */
#ifndef RG_RENDER_H
#define RG_RENDER_H

#include "relgraph.h"

/* Stores in `out` (room for n) the formats of `formats` that are charts
 * (drawn from a layout), in order; returns how many. */
size_t rg_render__charts(rg_format *out, const rg_format *formats, size_t n);
/* The n outputs of `formats`, in order: the charts taken from `charts`
 * (as many as rg_render__charts() counted, in its order; the array is
 * freed, its data moved), each Markdown table made from `doc`. Returns 0
 * and stores them, or -1 with a diagnostic (everything freed). `out` may
 * be the address of `charts`. */
int rg_render__assemble(rg_output **out, const rg_doc *doc,
                        const rg_format *formats, size_t n,
                        rg_output *charts, rg_diags *diags);

/* With opts->view a timeline: an error diagnostic and -1 when opts
 * asks for an engine or a direction, or when nothing in doc is dated;
 * else 0. */
/* Whether opts asks for a view of the document (--tlp, --focus, --path,
 * grades, dates), which the worker, knowing documents only by their
 * files, cannot make. */
bool rg_render__views_asked(const rg_render_opts *opts);

int rg_render__view_refused(const rg_doc *doc, const rg_render_opts *opts,
                            rg_diags *diags);

#endif
