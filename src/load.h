/* Shared by the loader's files (load_json.c, load_keys.c, load_file.c,
 * load_gvvals.c); not public. */
#ifndef RG_LOAD_H
#define RG_LOAD_H

#include "buf.h"
#include "diag.h"
#include "jsonpos.h"
#include "model.h"

#include <jansson.h>

/* Reads the parsed top level `root` into doc as docfmt.def says, with a
 * diagnostic for every value of the wrong type or shape. Returns 0, 1
 * when root is not an object (reported), or -1 when out of memory (the
 * document is then incomplete and must not be checked or used). */
int rg_load__doc(rg_doc *doc, const json_t *root, rg_diags *diags);

/* Where the records of an imported tree came from: the value of each
 * record's "@from" key (RG_IMPORT_FROM), which an importer sets, by
 * section (RG_LOAD_ACTORS...) and index; NULL for a record without one.
 * References held; rg_load__origins_free() releases them. */
enum { RG_LOAD_ACTORS, RG_LOAD_LINKS, RG_LOAD_SOURCES, RG_LOAD_GROUPS,
       RG_LOAD_SECTIONS };
typedef struct rg_load_origins {
    json_t **from[RG_LOAD_SECTIONS];
    size_t n[RG_LOAD_SECTIONS];
} rg_load_origins;

/* rg_load__doc() of an imported tree: each record's "@from" is taken
 * into *origins as it is read (not a key the format knows, but no
 * warning). With `echo`, the tree is also written there as it is read,
 * as compact ASCII JSON (rg_jsonwrite__value()) without the records'
 * "@from": the text of `relgraph import`, from records still in the
 * cache, before each goes (echo->oom set when that failed). Returns as
 * rg_load__doc(). */
int rg_load__doc_from(rg_doc *doc, const json_t *root, rg_diags *diags,
                      rg_load_origins *origins, rg_buf *echo);
void rg_load__origins_free(rg_load_origins *o);

/* Turns a parsed tree into a checked document; always releases `root`.
 * Positions for diagnostics come from `text` (`len` bytes), or when it is
 * NULL from the file at `path`, `len` bytes of it (what was parsed), read
 * only if there is something to point at. Returns 0
 * with *out set, or -1. */
int rg_load__tree(rg_doc **out, json_t *root, const char *text, size_t len,
                  const char *path, const char *name,
                  const rg_load_opts *opts, rg_diags *diags);

/* Reads an input to import as rg_doc_load_file_opts() reads a document:
 * a regular file is parsed as it is read and its text not kept (*root
 * set, *text NULL, *len the bytes parsed); standard input, a stream, or a
 * file that is not JSON is read whole (*text, *len; *root NULL). Returns
 * 0, or -1 with a diagnostic. */
int rg_load__input(json_t **root, char **text, size_t *len, const char *path,
                   size_t max_bytes, rg_diags *diags);

/* rg_doc_load_buffer() with the options of other formats (NULL: none). */
int rg_load__buffer(rg_doc **out, const char *text, size_t len,
                    const char *name, const rg_load_opts *opts,
                    rg_diags *diags);

/* Loads and checks a tree that is not text anywhere (an importer's):
 * always releases `root`; the diagnostics keep their paths in the tree,
 * unlocated, for the caller to point elsewhere with *origins, which it
 * frees. `echo` as rg_load__doc_from()'s. Returns 0 with *out set, or
 * -1. */
int rg_load__tree_at(rg_doc **out, json_t *root, const char *name,
                     rg_diags *diags, rg_load_origins *origins,
                     rg_buf *echo);

/* Records each value the document hands to Graphviz (rg_doc.gvvals).
 * Returns 0, or -1 when out of memory. */
int rg_load__gv_values(rg_doc *d, rg_jsonpos *loc, int eager);

#endif
