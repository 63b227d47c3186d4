/* Importers: other formats read as relgraph documents. Each importer
 * turns its input into the JSON tree of a relgraph document (the format
 * of graphs/README.md), which the loader then reads and checks like any
 * document; import.c finds which format a text is, runs the importer and
 * points every problem at the input, never at the tree made from it.
 * Not public. */
#ifndef RG_IMPORT_H
#define RG_IMPORT_H

#include "diag.h"
#include "model.h"

#include <jansson.h>

/* The formats a document can come in, found from its content. */
typedef enum rg_import_kind {
    RG_IMPORT_RELGRAPH = 0,
    RG_IMPORT_STIX,       /* a STIX 2.0 or 2.1 bundle */
    RG_IMPORT_CYTOSCAPE,  /* Cytoscape.js elements (array or "elements") */
    RG_IMPORT_JGF,        /* JSON Graph Format ("graph" or "graphs") */
    RG_IMPORT_D3,         /* d3's "nodes" and "links" */
    RG_IMPORT_CSV,        /* a links table (RFC 4180) */
    RG_IMPORT_KIND_COUNT
} rg_import_kind;

/* The key of an imported record that says where it came from in the
 * input: not an "x-" key, so that no field of the input kept as one
 * ("from" as "x-from") can be taken for it; removed before the document
 * is loaded or written. */
#define RG_IMPORT_FROM "@from"

/* What an importer is handed, and what it keeps while it works. */
typedef struct rg_import_ctx {
    const char *file;      /* the input's name in diagnostics */
    rg_diags *diags;
    const rg_load_opts *opts;
    rg_arena arena;        /* for the importer's strings; freed after */
    rg_map ids;            /* actor ids given out (rg_import__id) */
} rg_import_ctx;

/* An importer of a JSON format: reads `in` and stores the document's tree
 * in *out. Every actor, link, source and group it makes carries the key
 * "@from", where it came from in the input: a path (rg_import__from_path,
 * read back with rg_import__path_of) for JSON, an object {"line": L,
 * "column": C} for text; import.c reads and removes those keys, and points the
 * problems the loader finds in a record there. The importer reports the
 * input's own problems (a relationship whose end is missing, a value of
 * the wrong type) with rg_diag__at() and paths into the input, as
 * warnings when it can go on without the item (it then says what it left
 * out), as errors when it cannot. Returns 0, or -1 when the input cannot
 * be read as a document (an error is in diags) or memory ran out. `in`
 * is released by the caller after the importer returns, and nothing else
 * reads it: an importer may release the parts it has read (the STIX
 * importer sets each object of the bundle to null once read), so that
 * the input and the document made of it are not both in memory whole. */
typedef int (*rg_import_json_fn)(json_t **out, const json_t *in,
                                 rg_import_ctx *ctx);
/* The same for a text format: `text` holds `len` bytes, NUL-terminated;
 * problems are reported with rg_diag__pos(). */
typedef int (*rg_import_text_fn)(json_t **out, const char *text, size_t len,
                                 rg_import_ctx *ctx);

/* The importers (import_stix.c, import_graph.c, import_csv.c). */
int rg_import__stix(json_t **out, const json_t *in, rg_import_ctx *ctx);
int rg_import__cytoscape(json_t **out, const json_t *in, rg_import_ctx *ctx);
int rg_import__jgf(json_t **out, const json_t *in, rg_import_ctx *ctx);
int rg_import__d3(json_t **out, const json_t *in, rg_import_ctx *ctx);
int rg_import__csv(json_t **out, const char *text, size_t len,
                   rg_import_ctx *ctx);

/* Which format a parsed JSON value is. A value that is no other format
 * is taken as a relgraph document (whose mistakes the loader reports). */
rg_import_kind rg_import__detect_json(const json_t *root);
/* True when text that is not JSON looks like a CSV table: its first line
 * holds a comma or a tab and no character that starts JSON. */
int rg_import__looks_csv(const char *text, size_t len);
/* "STIX bundle", "CSV table", ...: the format as messages name it. */
const char *rg_import__kind_name(rg_import_kind kind);

/* An actor (or group, or source) id made from `want` (a name, an id of
 * the input), unique among those this context gave: letters, digits,
 * '-', '_' and '.' kept, runs of anything else made one '-', lower case,
 * at most 64 bytes, "-2", "-3"... added when taken, "x" when nothing is
 * left. Borrowed from the context's arena; NULL when out of memory. */
const char *rg_import__id(rg_import_ctx *ctx, const char *want);

/* Sets key "@from" of record `rec` to the input path `p`. Returns 0, or
 * -1 when out of memory. */
int rg_import__from_path(json_t *rec, const rg_path *p);
/* The input path an "@from" value of rg_import__from_path() holds; its
 * keys are borrowed from that value. */
rg_path rg_import__path_of(const json_t *from);
/* Sets key "@from" of `rec` to a position in a text input. */
int rg_import__from_pos(json_t *rec, int line, int column);

/* Loads the document an importer makes of a parsed JSON input (`root`,
 * always released) of format `kind`, or of a text input (`root` NULL,
 * `text`), as rg_load__tree() loads a relgraph document: positions come
 * from `text` or the file at `path`. Returns 0 with *out set, or -1. */
int rg_import__load(rg_doc **out, rg_import_kind kind, json_t *root,
                    const char *text, size_t len, const char *path,
                    const char *name, const rg_load_opts *opts,
                    rg_diags *diags);

/* The importer's tree of the input, without loading it. Problems of
 * the input go to diags with their positions. Returns 0 with *out set
 * (the caller releases it), or -1. `root` is always released. */
int rg_import__tree(json_t **out, rg_import_kind kind, json_t *root,
                    const char *text, size_t len, const char *path,
                    const char *name, const rg_load_opts *opts,
                    rg_diags *diags);

/* What `relgraph import` writes of the same input: the document the
 * importer makes, loaded and checked as rg_import__load() does, written
 * in fmt's canonical layout (a new string in *out, *out_len bytes).
 * Returns 0, or -1 with the errors in diags. `root` is always released. */
int rg_import__text(char **out, size_t *out_len, rg_import_kind kind,
                    json_t *root, const char *text, size_t len,
                    const char *path, const char *name,
                    const rg_load_opts *opts, rg_diags *diags);

#endif
