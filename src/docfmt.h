/* The relgraph format as data (docfmt.def): its objects and their keys in
 * the canonical order, each key's type, and the enumerations. Read by the
 * loader, fmt, the style tables and (through the word lists) the command
 * line. Constant tables; no state. */
#ifndef RG_DOCFMT_H
#define RG_DOCFMT_H

#include <stddef.h>

/* The objects of the format: RG_FMT_doc (the top level), RG_FMT_actor,
 * ... in the order of docfmt.def. */
typedef enum rg_docfmt__obj {
#define RG_FMT_OBJECT(obj, what) RG_FMT_##obj,
#include "docfmt.def"
    RG_FMT_OBJ_COUNT
} rg_docfmt__obj;

/* The types of keys (docfmt.def says what each one holds). */
typedef enum rg_docfmt__type {
    RG_FMT_T_SCHEMA,
    RG_FMT_T_VERSION,
    RG_FMT_T_TEXT,
    RG_FMT_T_NAME,
    RG_FMT_T_ID,
    RG_FMT_T_REF,
    RG_FMT_T_KIND,
    RG_FMT_T_DATE,
    RG_FMT_T_URL,
    RG_FMT_T_WORDS,
    RG_FMT_T_SOURCES,
    RG_FMT_T_REFS,
    RG_FMT_T_ENUM,
    RG_FMT_T_CONFIDENCE,
    RG_FMT_T_RELIABILITY,
    RG_FMT_T_CREDIBILITY,
    RG_FMT_T_STIXID,
    RG_FMT_T_BOOL,
    RG_FMT_T_ATTRS,
    RG_FMT_T_SHAPE,
    RG_FMT_T_COLOR,
    RG_FMT_T_STYLE,
    RG_FMT_T_ARRAY,
    RG_FMT_T_KINDS,
    RG_FMT_T_STYLES,
    RG_FMT_T_OBJECT
} rg_docfmt__type;

/* The word lists of ENUM keys. */
typedef enum rg_docfmt__list_id {
    RG_FMT_LIST_STATUS,
    RG_FMT_LIST_ENGINE,
    RG_FMT_LIST_DIRECTION,
    RG_FMT_LIST_TLP
} rg_docfmt__list_id;

/* What the `arg` column of docfmt.def names, as a number: an object (for
 * ARRAY, KINDS, STYLES, OBJECT), a word list (ENUM) or where raw
 * attributes go (ATTRS: an RG_GV_ bit, 0 for "kind", decided by the map
 * that holds the style). */
enum {
    RG_FMT_ARG_none = 0,
    RG_FMT_ARG_status = RG_FMT_LIST_STATUS,
    RG_FMT_ARG_engine = RG_FMT_LIST_ENGINE,
    RG_FMT_ARG_direction = RG_FMT_LIST_DIRECTION,
    RG_FMT_ARG_tlp = RG_FMT_LIST_TLP,
    RG_FMT_ARG_node = 1,     /* RG_GV_NODE */
    RG_FMT_ARG_edge = 2,     /* RG_GV_EDGE */
    RG_FMT_ARG_cluster = 4,  /* RG_GV_CLUSTER */
    RG_FMT_ARG_graph = 8,    /* RG_GV_GRAPH */
    RG_FMT_ARG_kind = 0,
#define RG_FMT_OBJECT(obj, what) RG_FMT_ARG_##obj = RG_FMT_##obj,
#include "docfmt.def"
};

/* A key of an object. */
typedef struct rg_docfmt__key {
    rg_docfmt__obj obj;
    const char *name;
    rg_docfmt__type type;
    int arg;
    const char *required;  /* the hint when it is missing, or NULL */
    int stored;            /* 0 for a key checked and not kept */
    size_t offset;         /* of its member in rg_<obj> */
    size_t size;           /* of that member */
    size_t count_offset;   /* ARRAY, KINDS, STYLES: of the length n_<member> */
} rg_docfmt__key;

typedef struct rg_docfmt__object {
    const char *name;      /* "doc", "actor", ... */
    const char *what;      /* "an actor object" */
    size_t size;           /* of rg_<obj> */
} rg_docfmt__object;

extern const rg_docfmt__object rg_docfmt__objects[RG_FMT_OBJ_COUNT];

/* The keys of `obj` in canonical order; stores their number in *n. */
const rg_docfmt__key *rg_docfmt__keys(rg_docfmt__obj obj, size_t *n);

/* The key `name` of `obj`, or NULL. */
const rg_docfmt__key *rg_docfmt__find(rg_docfmt__obj obj, const char *name);

/* The key of `obj` that `name` stands for: the one it is a synonym of
 * (docfmt.def's RG_FMT_SYNONYM_KEY rows), else the closest by spelling,
 * else NULL. */
const char *rg_docfmt__suggest_key(rg_docfmt__obj obj, const char *name);

/* A word list of ENUM keys: `what` names it in messages ("status"). */
typedef struct rg_docfmt__list {
    const char *what;
    const char *const *words;
    size_t n;
    int as_index;  /* stored as the word's index (rg_status), else the word */
} rg_docfmt__list;

extern const rg_docfmt__list rg_docfmt__lists[];

/* A word people write for a word of a list (RG_FMT_SYNONYM_WORD). */
typedef struct rg_docfmt__word_synonym {
    rg_docfmt__list_id list;
    const char *word;
    const char *meant;  /* the word of the list it stands for, or NULL */
    const char *hint;   /* what to write instead, when meant is NULL */
} rg_docfmt__word_synonym;

/* The synonym row of `word` in `list`, or NULL. */
const rg_docfmt__word_synonym *rg_docfmt__find_synonym(rg_docfmt__list_id list,
                                                       const char *word);

/* The enumerations, each NULL-terminated, in the order of docfmt.def:
 * rg_docfmt__statuses in the order of rg_status, rg_docfmt__themes in
 * the order of rg_theme. (The command line reads docfmt.def itself.) */
extern const char *const rg_docfmt__statuses[];
extern const char *const rg_docfmt__engines[];
extern const char *const rg_docfmt__directions[];
extern const char *const rg_docfmt__themes[];

#endif
