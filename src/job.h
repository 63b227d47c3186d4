/* A job: one document laid out once and rendered to many formats, in the
 * process that calls it; and the choice of a layout engine. */
#ifndef RG_JOB_H
#define RG_JOB_H

#include "buf.h"
#include "build.h"
#include "model.h"

typedef struct rg_job {
    const rg_doc *doc;
    const rg_render_opts *opts;
    const char *id_prefix;
    rg_build_opts bopts;
    double dpi;
    const rg_format *formats; /* charts only: no RG_FORMAT_MD */
    size_t n;
} rg_job;

/* Fills in the job of rendering `doc` to the n chart formats (borrowed,
 * as doc and opts are, for the job's life); a note on the engine chosen
 * goes to `diags` when there is a chart. Returns the id prefix it made
 * (to free after the job), or NULL. */
char *rg_job__setup(rg_job *out, const rg_doc *doc, const rg_render_opts *opts,
                    const rg_format *formats, size_t n, rg_diags *diags);
/* Lays out and renders in this process. Stores j->n outputs or returns -1
 * with a message in *err (malloc'd); Graphviz's messages are appended to
 * `msgs`. */
int rg_job__run_captured(const rg_job *j, rg_output *outs, char **err,
                         rg_buf *msgs);
/* The most bytes an output other than PNG may have: a chart this big is
 * no use in a browser or a viewer, and the report and the Markdown table
 * (which repeat names on every row) would otherwise grow without bound. */
#define RG_MAX_CHART_BYTES (256 << 20)
/* The message (malloc'd) for an output of format f past that bound. */
char *rg_job__too_big(rg_format f);

#endif
