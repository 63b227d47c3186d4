/* The document in memory: an arena for its strings, hashed indexes for
 * actor look-up, and the rg_doc structure itself. Shared by the library's
 * files; not public. */
#ifndef RG_MODEL_H
#define RG_MODEL_H

#include "diag.h"
#include "relgraph.h"

#include <stdint.h>

/* An arena: many small allocations freed at once. Every string of a
 * document lives in its arena, so freeing a document is a handful of
 * free() calls however large it is. */
typedef struct rg_arena_chunk rg_arena_chunk;
typedef struct rg_arena {
    rg_arena_chunk *head;
} rg_arena;

void *rg_arena__alloc(rg_arena *a, size_t size);
char *rg_arena__strndup(rg_arena *a, const char *s, size_t len);
char *rg_arena__strdup(rg_arena *a, const char *s);
void rg_arena__free(rg_arena *a);

/* A hash map from strings to a size_t, open addressing. Keys are
 * borrowed: the map neither copies nor frees them, and whoever fills it
 * keeps them alive until rg_map__free(). The document's maps (ids, names)
 * and check.c's hold strings of the document's arena; a map whose keys
 * are the filler's own copies frees them itself (build.c walks
 * m.keys[0..cap) before rg_map__free()). */
typedef struct rg_map {
    const char **keys;
    size_t *vals;
    uint64_t *hashes;  /* each key's */
    size_t cap;  /* a power of two, or 0 */
    size_t len;
} rg_map;

/* Value stored for a name shared by several actors. */
#define RG_MAP_AMBIGUOUS ((size_t)-1)

/* Stores key -> val unless key is present. Returns 1 when stored, 0 when
 * the key was present (its value is left in *old if old is not NULL), -1
 * when out of memory. */
int rg_map__put(rg_map *m, const char *key, size_t val, size_t *old);
/* Makes room for n keys in all, so that filling the map up to n does not
 * rehash it again and again. Returns 0, or -1 when out of memory. */
int rg_map__reserve(rg_map *m, size_t n);
/* Overwrites the value of a key that is present. */
void rg_map__set(rg_map *m, const char *key, size_t val);
/* Returns 1 and stores the value (unless val is NULL) when key is
 * present, else 0. */
int rg_map__get(const rg_map *m, const char *key, size_t *val);
void rg_map__free(rg_map *m);

/* A value the document hands to Graphviz as it is (raw attrs, style
 * fields), with where it stands, so that Graphviz's complaints about it
 * can point there. */
typedef struct rg_gvval {
    const char *value;
    const char *path;   /* "actors[3].attrs.color" */
    /* Where it stands: filled in at load, or for a document loaded from
     * a file, by rg_doc__locate_gvval() when first asked. */
    rg_path at;
    int located;
    int line;
    int column;
    int end_column;
    const char *source_line;  /* or NULL */
} rg_gvval;

/* How deep groups may nest (a top-level group is at depth 1); check.c
 * refuses deeper ones, so later stages may walk up without a bound. */
#define RG_MAX_GROUP_DEPTH 64

struct rg_doc {
    rg_arena arena;
    const char *file;
    /* Read from a regular file, which a batch worker can read again, and
     * which file, as it was then: the worker reads it again only if it
     * is still the same. */
    bool from_file;
    struct rg_file_id {
        uint64_t dev, ino, size;
        int64_t mtime_s, mtime_ns;
    } file_id;
    const char *title;
    const char *description;
    const char *tlp;
    /* The format it was read from (rg_doc_source_format()). */
    const char *source_format;
    rg_actor *actors;
    size_t n_actors;
    rg_link *links;
    size_t n_links;
    rg_group *groups;
    size_t n_groups;
    rg_source *sources;
    size_t n_sources;
    rg_style *kinds;
    size_t n_kinds;
    rg_style *link_kinds;
    size_t n_link_kinds;
    rg_layout layout;
    rg_gvval *gvvals;
    size_t n_gvvals;
    struct rg_jsonpos *loc;  /* the file, for rg_doc__locate_gvval() */
    rg_map ids;    /* actor id -> index */
    rg_map names;  /* actor name or alias -> index, or RG_MAP_AMBIGUOUS */
    /* In a view (view.h): what it leaves out, said under the description;
     * NULL for a whole document. */
    const char *view_note;
    /* In a view: how many actors after the n_actors drawn are there only
     * because shown links name them in claimed_by or disputed_by (so
     * that tooltips and tables can name them); 0 for a whole document. */
    size_t n_named_only;
    /* In a view shared at a TLP level (tlp.h): that level ("amber"), and
     * whether it withholds anything; NULL and false otherwise. */
    const char *tlp_level;
    bool tlp_withheld;
    /* In a --fade view: what its faded items are outside of, for the
     * legend ("outside 1 June 2015"); NULL otherwise. */
    const char *fade_note;
};

rg_doc *rg_doc__new(const char *file);

/* rg_doc_format_buffer() of a text already loaded without errors (fmt.c):
 * laid out, not loaded and checked again. */
int rg_fmt__checked(char **out_text, size_t *out_len, const char *text,
                    size_t len, const char *name, rg_diags *diags);

/* Fills in where a raw value stands (line, columns, source line), once:
 * a document loaded from a file reads its text again only when a
 * Graphviz message is about one of its values. The fields are a cache,
 * hence the const document. */
void rg_doc__locate_gvval(const rg_doc *doc, const rg_gvval *v);

struct stat;
/* The identity of a file as stat() saw it: device, inode, size, mtime. */
struct rg_file_id rg_file_id__of(const struct stat *st);
bool rg_file_id__same(const struct rg_file_id *a, const struct rg_file_id *b);

#endif
