/* What the STIX importer's files share: the state of one import (the
 * bundle's objects indexed by id, the records made of them, the counts
 * its closing notes give) and the readers of the properties every STIX
 * object may carry (import_stix_fields.c). Not public. */
#ifndef RG_IMPORT_STIX_H
#define RG_IMPORT_STIX_H

#include "import.h"

/* What an object of the bundle becomes. */
typedef enum stix_role {
    STIX_BAD = 0,    /* not a STIX object, or its id is taken: left out */
    STIX_ACTOR,      /* an SDO or SCO drawn as an actor */
    STIX_IDENTITY,   /* an actor whose kind its identity_class decides */
    STIX_REPORT,     /* a source */
    STIX_REL,        /* a relationship: a link */
    STIX_SIGHTING,   /* a link per place it was sighted at */
    STIX_OPINION,    /* agreement or dispute of a link */
    STIX_MARKING,    /* a marking definition */
    STIX_UNDRAWN,    /* grouping, note, ...: read, not drawn */
    STIX_UNKNOWN,    /* a type relgraph does not know (x-* included) */
    STIX_LEFT        /* revoked or deprecated, left out */
} stix_role;

typedef struct stix_st {
    rg_import_ctx *ctx;
    json_t *objs;          /* the bundle's "objects", each released
                              (made null) once read for the last time */
    size_t n;
    rg_map index;          /* STIX id -> object index (ids borrowed) */
    unsigned char *role;   /* per object: a stix_role */
    const char **kind;     /* per object: the actor kind, or NULL */
    json_t **rec;          /* per object: the record made of it, borrowed */
    const char **aid;      /* per object: its actor's or source's id */
    json_t *doc, *actors, *links, *sources, *link_kinds;
    rg_map src_keys;       /* external reference (url, name) -> source */
    rg_map link_keys;      /* ends, kind and dates -> index of the link */
    rg_map unknown;        /* types not read, warned of once each */
    rg_map rg_ids;         /* x_relgraph_id -> object, for actors */
    int tlp_max;           /* most restrictive TLP seen, -1 none */
    int v20;               /* no object says spec_version 2.1 */
    size_t n_left, n_unknown, n_undrawn, n_missing, n_to_left;
    size_t n_rels, n_links, n_granular, n_neutral, n_opinion_other;
    size_t n_merged;
} stix_st;

/* The path ["objects", i] and one step below it. */
rg_path rg_stix__obj_path(size_t i);

/* Reads what every object may carry onto its record `rec`: "@from",
 * stix_id, the TLP of object_marking_refs and, unless the record is a
 * source (`is_source`), confidence and external references as sources.
 * Returns 0, or -1 when out of memory. */
int rg_stix__common(stix_st *s, json_t *rec, size_t i, int is_source);

/* Sets rec[key] to the date (YYYY-MM-DD) of timestamp property `field`
 * of object i, when it has one; a timestamp that is not one is a warning
 * and left out. Returns 0, or -1 when out of memory. */
int rg_stix__date(stix_st *s, json_t *rec, const char *key, size_t i,
                  const char *field);

/* Sets "note" of rec to a short, plain first sentence of `desc` and,
 * when that is not the whole text, "x-description" to all of it. */
int rg_stix__note(json_t *rec, json_t *desc);

/* Sets "aliases" of rec from aliases and x_mitre_aliases of object o,
 * without repeats or `name`. */
int rg_stix__aliases(json_t *rec, const json_t *o, const char *name);

/* The URL of external reference `r` (at path p), when it is one relgraph
 * links to; a warning at it when it is not. */
const char *rg_stix__url(stix_st *s, const json_t *r, const rg_path *p);

/* Adds source id `sid` to the "source" list of rec, unless there. */
int rg_stix__cite(json_t *rec, const char *sid);

/* The TLP level (0 clear .. 4 red) a marking definition's id names, -1
 * when it names none. */
int rg_stix__tlp_level(const stix_st *s, const char *ref);
/* The level's name in the format ("clear", "amber+strict", ...). */
const char *rg_stix__tlp_name(int level);

/* Object i's STIX id, or NULL. */
const char *rg_stix__id_of(const stix_st *s, size_t i);
/* The object index the STIX id `ref` names; 0 when it is not in the
 * bundle, else 1 with *out set. */
int rg_stix__find(const stix_st *s, const char *ref, size_t *out);

/* Object i, a relationship, a sighting or an opinion, read into links
 * (import_stix_links.c). Each returns 0, or -1 when out of memory. */
int rg_stix__relationship(stix_st *s, size_t i);
int rg_stix__sighting(stix_st *s, size_t i);
int rg_stix__opinion(stix_st *s, size_t i);
/* Observed data i: a link "observed" to each object of its object_refs. */
int rg_stix__observed(stix_st *s, size_t i);

/* Declares link kind `type` ("attributed-to", labelled "attributed to"),
 * unless declared. Returns 0, or -1 when out of memory. */
int rg_stix__link_kind(stix_st *s, const char *type);

/* What relgraph's export wrote in x_relgraph_* properties
 * (import_stix_relgraph.c). The x_relgraph_id of object i, or NULL. */
const char *rg_stix__relgraph_id(const stix_st *s, size_t i);
/* Indexes the actors' x_relgraph_id (before any actor is made). */
int rg_stix__relgraph_index(stix_st *s);
/* 1 when object i is an identity the export made to author claims of
 * the actor of another object, whose index is put in *actor. */
int rg_stix__stand_in(const stix_st *s, size_t i, size_t *actor);
/* Restore the fields of the actor, source or link made of object i.
 * Each returns 0, or -1 when out of memory. */
int rg_stix__relgraph_actor(stix_st *s, json_t *a, size_t i);
int rg_stix__relgraph_source(stix_st *s, json_t *src, size_t i);
int rg_stix__relgraph_link(stix_st *s, json_t *l, size_t i);
/* The groups the actors name, and no unused link kinds. */
int rg_stix__relgraph_finish(stix_st *s);

#endif
