/* The process's Graphviz context: started once (on a thread by
 * rg_preload, or on first use), relgraph's PNG device, and Graphviz's
 * messages turned into diagnostics. */
#ifndef RG_GVCTX_H
#define RG_GVCTX_H

#include "buf.h"
#include "model.h"

#include <graphviz/gvc.h>

/* The process's context, started when not yet; NULL with a message in
 * *err (malloc'd) when Graphviz cannot start. Waits for rg_preload's
 * Graphviz thread first. */
GVC_t *rg_gvctx__get(char **err);
/* Waits for rg_preload's Graphviz thread: before Graphviz is used. */
void rg_gvctx__wait(void);
/* Waits for both of rg_preload's threads: before a fork. */
void rg_gvctx__wait_all(void);
/* From here to rg_gvctx__capture_end(), Graphviz's messages (agerr) are
 * appended to `msgs`. One capture at a time per process. */
void rg_gvctx__capture_begin(rg_buf *msgs);
void rg_gvctx__capture_end(void);
/* Clears, then reads, the flag relgraph's PNG device sets when it could
 * not encode (a device has no way to report it). */
void rg_gvctx__png_reset(void);
int rg_gvctx__png_failed(void);
/* Appends Graphviz's messages `text` (as captured) to `diags`: one per
 * message, continuation lines folded, repeats dropped, at most a few,
 * each placed on the document value it names when there is one. */
void rg_gvctx__add_messages(rg_diags *diags, const rg_doc *doc,
                            const char *file, const char *text,
                            rg_severity sev);
/* What a job sends back as its messages is Graphviz's, and in front of
 * them, between two RG_GVCTX_NOTES bytes, relgraph's own warnings about
 * the render, a line each (a byte neither writes). _job_notes puts the n
 * bytes of `notes` in front of the messages in msgs;
 * _add_job_messages turns the whole into diagnostics. */
#define RG_GVCTX_NOTES '\x1e'
void rg_gvctx__job_notes(rg_buf *msgs, const char *notes, size_t n);
void rg_gvctx__add_job_messages(rg_diags *diags, const rg_doc *doc,
                                const char *file, const char *text,
                                rg_severity sev);

#endif
