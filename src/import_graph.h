/* What the importers of JSON graph formats (import_graph.c: d3;
 * import_cyto.c: Cytoscape.js; import_jgf.c: JSON Graph Format) share:
 * ids read from values, unmapped members kept as "x-" keys, and the
 * document's tree filled record by record. Not public. */
#ifndef RG_IMPORT_GRAPH_H
#define RG_IMPORT_GRAPH_H

#include "import.h"

/* The text of an id-like value: a string as it is, an integer as
 * written (in buf); NULL for anything else. */
const char *rg_import__id_text(const json_t *v, char *buf, size_t cap);

/* Copies the members of `from` not named in `mapped` (NULL-terminated;
 * NULL entries before the end are allowed only as the terminator) into
 * `rec` as "x-KEY". Returns 0, or -1 when out of memory. */
int rg_import__keep_rest(json_t *rec, const json_t *from,
                         const char *const *mapped);

/* {"relgraph": 1, "actors": [], "links": []}, or NULL. */
json_t *rg_import__new_doc(void);

/* Appends `rec` (a reference is taken over, also on failure) to the
 * document's array `section`, made when missing, with "@from" set to
 * `p`. Returns 0, or -1 when out of memory. */
int rg_import__add(json_t *doc, const char *section, json_t *rec,
                   const rg_path *p);

/* Sets rec[key] to a string when `s` is not NULL. 0, or -1. */
int rg_import__set_str(json_t *rec, const char *key, const char *s);

/* The error for memory running out while importing; returns -1. */
int rg_import__oom(rg_import_ctx *ctx);

/* The note "N of M WHAT were left out: WHY" when n > 0. */
void rg_import__left_out(rg_import_ctx *ctx, size_t n, size_t of,
                         const char *what, const char *why);

/* The actor id that `ids` (node id text -> actor id) gives rec[key], an
 * edge's end; NULL, with the warning "names no node`where`; the edge is
 * left out" at path p (rec's) + key, when it gives none. */
const char *rg_import__end(rg_import_ctx *ctx, const json_t *ids,
                           const json_t *rec, const char *key,
                           const rg_path *p, const char *where);

/* Leaves out each link that is the same as an earlier one (same ends,
 * label, direction, kind, status and dates), which relgraph would draw twice and warn about:
 * a warning at its place in the input says which it repeats, and a note
 * how many were merged. Returns 0, or -1 when out of memory. */
int rg_import__merge_twins(rg_import_ctx *ctx, json_t *doc);

/* Declares what the actors and links name and the document does not:
 * each group and source as {"id": ID} (its "@from" that of the first
 * record naming it), each kind that is not built in and each link kind
 * with relgraph's default look. For formats that keep a record's group,
 * sources and kind by name and not what they are (relgraph's own
 * Cytoscape.js and STIX exports). Returns 0, or -1 when out of memory. */
int rg_import__declare_named(json_t *doc);

/* Ends an importer of edges: when rc is 0, the note on the `dropped` of
 * `of` edges left out (`why`) and repeated edges merged, then *out set to
 * doc; else (or out of memory) doc released and -1. */
int rg_import__finish(json_t **out, json_t *doc, int rc, rg_import_ctx *ctx,
                      size_t dropped, size_t of, const char *why);

#endif
