/* What relgraph's own STIX export (src/export_stix.c) wrote in its
 * x_relgraph_* properties, read back in preference to the STIX
 * properties they shadow, so that a document exported to STIX and
 * imported again is that document where STIX can hold it
 * (graphs/README.md, "STIX bundles"): ids, kinds, groups, aliases, dates
 * as written, whole notes, tags; links' labels, kinds, statuses,
 * directions, quotes and credibility grades; sources' publishers,
 * dates and reliability grades. An identity the
 * export made only to author a claim (it carries the x_relgraph_id of an
 * actor that is no identity) is that actor. A property of the wrong type
 * is a warning at it, and left out. State: the import's stix_st. */
#include "import_graph.h"
#include "import_stix.h"

#include "grade.h"

#include <string.h>

const char *rg_stix__relgraph_id(const stix_st *s, size_t i)
{
    return json_string_value(
        json_object_get(json_array_get(s->objs, i), "x_relgraph_id"));
}

int rg_stix__relgraph_index(stix_st *s)
{
    for (size_t i = 0; i < s->n; i++) {
        const char *id = rg_stix__relgraph_id(s, i);
        if (id == NULL || s->role[i] != STIX_ACTOR)
            continue;
        /* A copy: the object is released once it has been read. */
        const char *key = rg_arena__strdup(&s->ctx->arena, id);
        if (key == NULL || rg_map__put(&s->rg_ids, key, i, NULL) < 0)
            return -1;
    }
    return 0;
}

int rg_stix__stand_in(const stix_st *s, size_t i, size_t *actor)
{
    const json_t *o = json_array_get(s->objs, i);
    const char *id = rg_stix__relgraph_id(s, i);
    return s->role[i] == STIX_IDENTITY && id != NULL &&
           json_object_get(o, "x_relgraph_kind") == NULL &&
           rg_map__get(&s->rg_ids, id, actor);
}

static int is_str(const json_t *v);
static int is_bool(const json_t *v);
static int is_credibility(const json_t *v);
static int is_reliability(const json_t *v);

/* rec[key] = property `prop` of object i when it is of the type `is`
 * checks (a warning when it is not); without it, rec[key] is removed
 * when `drop`. Returns 0, or -1 when out of memory. */
static int take(stix_st *s, json_t *rec, const char *key, size_t i,
                const char *prop, int (*is)(const json_t *), int drop)
{
    json_t *v = json_object_get(json_array_get(s->objs, i), prop);
    if (v != NULL && is(v))
        return json_object_set_new(rec, key, json_deep_copy(v));
    if (v != NULL) {
        rg_path op = rg_stix__obj_path(i);
        rg_path p = rg_path__key(&op, prop);
        rg_diag__at(s->ctx->diags, RG_WARNING, s->ctx->file, &p,
                    RG_AT_VALUE, NULL, NULL, "relgraph's export writes %s "
                    "here; it is left out",
                    is == is_str    ? "a string"
                    : is == is_bool ? "true or false"
                    : is == is_credibility
                        ? "a credibility from 1 to 6"
                    : is == is_reliability ? "a letter from A to F"
                                           : "a list of strings");
    }
    if (drop)
        json_object_del(rec, key);
    return 0;
}

static int is_str(const json_t *v) { return json_is_string(v); }
static int is_credibility(const json_t *v)
{
    return json_is_integer(v) && json_integer_value(v) >= 1 &&
           json_integer_value(v) <= RG_GRADE_CREDIBILITY_MAX;
}
static int is_reliability(const json_t *v)
{
    return rg_grade__reliability(json_string_value(v)) != NULL;
}

/* The credibility the export kept in x_relgraph_credibility; the
 * confidence it derived from it (the STIX 2.1 appendix's) is then not
 * kept, as the credibility says it: a document exported and imported
 * again is the same document. */
static int credibility(stix_st *s, json_t *rec, size_t i)
{
    if (take(s, rec, "credibility", i, "x_relgraph_credibility",
             is_credibility, 1) != 0)
        return -1;
    json_t *c = json_object_get(rec, "credibility");
    json_t *conf = json_object_get(rec, "confidence");
    if (c != NULL && conf != NULL &&
        json_integer_value(conf) ==
            rg_grade__confidence((int)json_integer_value(c)))
        json_object_del(rec, "confidence");
    return 0;
}
static int is_bool(const json_t *v) { return json_is_boolean(v); }

/* An array of strings. */
static int is_strs(const json_t *v)
{
    size_t k;
    json_t *e;
    json_array_foreach(v, k, e)
        if (!json_is_string(e))
            return 0;
    return json_is_array(v);
}

int rg_stix__relgraph_actor(stix_st *s, json_t *a, size_t i)
{
    if (rg_stix__relgraph_id(s, i) == NULL)
        return 0;
    json_object_del(a, "x-description");
    return credibility(s, a, i) ||
           take(s, a, "kind", i, "x_relgraph_kind", is_str, 1) ||
           take(s, a, "group", i, "x_relgraph_group", is_str, 1) ||
           take(s, a, "aliases", i, "x_relgraph_aliases", is_strs, 0) ||
           take(s, a, "date", i, "x_relgraph_date", is_str, 1) ||
           take(s, a, "until", i, "x_relgraph_until", is_str, 1) ||
           take(s, a, "note", i, "description", is_str, 1) ||
           take(s, a, "tags", i, "labels", is_strs, 1)
               ? -1
               : 0;
}

int rg_stix__relgraph_source(stix_st *s, json_t *src, size_t i)
{
    if (rg_stix__relgraph_id(s, i) == NULL)
        return 0;
    return take(s, src, "reliability", i, "x_relgraph_reliability",
                is_reliability, 1) ||
           take(s, src, "publisher", i, "x_relgraph_publisher", is_str, 1) ||
                   take(s, src, "date", i, "x_relgraph_date", is_str, 1)
               ? -1
               : 0;
}

int rg_stix__relgraph_link(stix_st *s, json_t *l, size_t i)
{
    const json_t *o = json_array_get(s->objs, i);
    if (json_object_get(o, "x_relgraph_status") == NULL)
        return 0;
    const char *kind;
    if (take(s, l, "label", i, "x_relgraph_label", is_str, 1) ||
        take(s, l, "kind", i, "x_relgraph_kind", is_str, 1) ||
        take(s, l, "status", i, "x_relgraph_status", is_str, 1) ||
        take(s, l, "directed", i, "x_relgraph_directed", is_bool, 1) ||
        take(s, l, "quote", i, "x_relgraph_quote", is_str, 1) ||
        take(s, l, "date", i, "x_relgraph_date", is_str, 1) ||
        take(s, l, "until", i, "x_relgraph_until", is_str, 1) ||
        credibility(s, l, i))
        return -1;
    kind = json_string_value(json_object_get(l, "kind"));
    return kind != NULL ? rg_stix__link_kind(s, kind) : 0;
}

/* Link kinds no link uses (a relationship_type that relgraph's own
 * x_relgraph_kind replaced) are removed. */
static int unused_kinds(stix_st *s)
{
    const char *k;
    json_t *v, *l;
    void *tmp;
    size_t j;
    json_object_foreach_safe(s->link_kinds, tmp, k, v) {
        int used = 0;
        json_array_foreach(s->links, j, l) {
            const char *lk = json_string_value(json_object_get(l, "kind"));
            if (lk != NULL && strcmp(lk, k) == 0) {
                used = 1;
                break;
            }
        }
        if (!used && json_object_del(s->link_kinds, k) != 0)
            return -1;
    }
    return 0;
}

int rg_stix__relgraph_finish(stix_st *s)
{
    /* STIX keeps an actor's group id, not the group's label or nesting */
    int rc = rg_import__declare_named(s->doc);
    if (rc == 0)
        rc = unused_kinds(s);
    if (rc == 0 && json_object_size(s->link_kinds) == 0)
        json_object_del(s->doc, "link_kinds");
    return rc;
}
