/* The STIX importer's links: relationships and sightings made links
 * between the actors of their ends (a relationship to an object not in
 * the bundle warned of, one to an object left out counted), repeated
 * ones merged, and opinions made who claims or disputes them. State: the
 * import's stix_st. */
#include "import_stix.h"

#include <stdio.h>
#include <string.h>

/* The actor id STIX id `ref` (at path p of object i) names, or NULL: a
 * warning when it is not in the bundle (once per object: *missing), a
 * count when it was left out. */
static const char *end_of(stix_st *s, size_t i, const rg_path *p,
                          const json_t *ref, int *missing)
{
    size_t k;
    const char *r = json_string_value(ref);
    if (rg_stix__find(s, r, &k) && s->aid[k] &&
        (s->role[k] == STIX_ACTOR || s->role[k] == STIX_IDENTITY))
        return s->aid[k];
    if (*missing)
        return NULL;
    *missing = 1;
    if (rg_stix__find(s, r, &k)) {
        s->n_to_left++;
        return NULL;
    }
    rg_diag__at(s->ctx->diags, RG_WARNING, s->ctx->file, p, RG_AT_VALUE,
                NULL, NULL, "names no object of the bundle; the %s is left "
                "out", s->role[i] == STIX_REL ? "relationship" : "sighting");
    s->n_missing++;
    return NULL;
}

static const char *end_at(stix_st *s, size_t i, const char *field,
                          int *missing)
{
    rg_path op = rg_stix__obj_path(i);
    rg_path p = rg_path__key(&op, field);
    return end_of(s, i, &p,
                  json_object_get(json_array_get(s->objs, i), field),
                  missing);
}

int rg_stix__link_kind(stix_st *s, const char *type)
{
    if (json_object_get(s->link_kinds, type) != NULL)
        return 0;
    char *label = rg_arena__strdup(&s->ctx->arena, type);
    if (label == NULL)
        return -1;
    for (char *c = label; *c; c++)
        if (*c == '-')
            *c = ' ';
    return json_object_set_new(s->link_kinds, type,
                               json_pack("{s:s}", "label", label));
}

static json_t *new_link(stix_st *s, size_t i, const char *from,
                        const char *to, const char *type)
{
    const json_t *o = json_array_get(s->objs, i);
    const char *by = json_string_value(json_object_get(o, "created_by_ref"));
    size_t k;
    json_t *l = json_pack("{s:s,s:s,s:s}", "from", from, "to", to, "kind",
                          type);
    if (l == NULL || json_array_append_new(s->links, l) != 0 ||
        rg_stix__link_kind(s, type) != 0 ||
        json_object_set(l, "label",
                        json_object_get(json_object_get(s->link_kinds, type),
                                        "label")) != 0 ||
        rg_stix__common(s, l, i, 0) != 0)
        return NULL;
    if (rg_stix__find(s, by, &k) && s->role[k] == STIX_IDENTITY &&
        s->aid[k] &&
        json_object_set_new(l, "claimed_by", json_pack("[s]", s->aid[k])))
        return NULL;
    s->n_links++;
    return l;
}

static int add_ref(json_t *l, const char *key, const char *aid)
{
    json_t *list = json_object_get(l, key);
    size_t k;
    json_t *v;
    json_array_foreach(list, k, v)
        if (strcmp(json_string_value(v), aid) == 0)
            return 0;
    if (list == NULL)
        return json_object_set_new(l, key, json_pack("[s]", aid));
    return json_array_append_new(list, json_string(aid));
}

/* Appends to list `key` of `into` the strings of the same list of
 * `from` that it lacks. */
static int union_list(json_t *into, const json_t *from, const char *key)
{
    size_t k;
    json_t *v;
    json_array_foreach(json_object_get(from, key), k, v)
        if (add_ref(into, key, json_string_value(v)) != 0)
            return -1;
    return 0;
}

/* The link just made of object i (the last of the links), when an
 * earlier one has the same ends, kind and dates: merged into that one
 * (sources and claimants joined, its STIX id kept in "x-stix-ids"), so
 * that the chart does not draw one relation twice. Returns the link that
 * stands for object i, or NULL when out of memory. */
static json_t *merge_same(stix_st *s, json_t *l)
{
    char key[600];
    size_t at;
    const char *f[] = {"from", "to", "kind", "date", "until"};
    int n = 0;
    for (size_t k = 0; k < 5 && n >= 0 && (size_t)n < sizeof(key); k++) {
        const char *v = json_string_value(json_object_get(l, f[k]));
        n += snprintf(key + n, sizeof(key) - (size_t)n, "%s\n",
                      v ? v : "");
    }
    if (n < 0 || (size_t)n >= sizeof(key))
        return l;  /* too long to compare: kept as it is */
    if (!rg_map__get(&s->link_keys, key, &at)) {
        const char *kept = rg_arena__strdup(&s->ctx->arena, key);
        return kept && rg_map__put(&s->link_keys, kept,
                                   json_array_size(s->links) - 1, NULL) >= 0
                   ? l
                   : NULL;
    }
    json_t *old = json_array_get(s->links, at);
    json_t *id = json_object_get(l, "stix_id");
    if (union_list(old, l, "source") || union_list(old, l, "claimed_by") ||
        (id && add_ref(old, "x-stix-ids", json_string_value(id))) ||
        json_array_remove(s->links, json_array_size(s->links) - 1))
        return NULL;
    s->n_merged++;
    s->n_links--;
    return old;
}

int rg_stix__relationship(stix_st *s, size_t i)
{
    const json_t *o = json_array_get(s->objs, i);
    int missing = 0;
    const char *type = json_string_value(json_object_get(o,
                                                         "relationship_type"));
    s->n_rels++;
    const char *from = end_at(s, i, "source_ref", &missing);
    const char *to = end_at(s, i, "target_ref", &missing);
    if (from == NULL || to == NULL)
        return 0;
    if (type == NULL || *type == '\0')
        type = "related-to";
    json_t *l = new_link(s, i, from, to, type);
    json_t *d = json_object_get(o, "description");
    if (l == NULL || (json_is_string(d) && json_string_length(d) > 0 &&
                      json_object_set_new(l, "quote", json_deep_copy(d))
                          != 0) ||
        rg_stix__date(s, l, "date", i, "start_time") != 0 ||
        rg_stix__date(s, l, "until", i, "stop_time") != 0 ||
        rg_stix__relgraph_link(s, l, i) != 0)
        return -1;
    /* relgraph's export writes one relationship per link: none repeats */
    if (json_object_get(o, "x_relgraph_status") == NULL &&
        (l = merge_same(s, l)) == NULL)
        return -1;
    s->rec[i] = l;
    return 0;
}

/* A sighting: a link from what was sighted to each place it was sighted
 * at; the first of them is the object's record. */
int rg_stix__sighting(stix_st *s, size_t i)
{
    const json_t *o = json_array_get(s->objs, i);
    const json_t *where = json_object_get(o, "where_sighted_refs");
    int missing = 0;
    size_t k;
    json_t *w;
    s->n_rels++;
    const char *from = end_at(s, i, "sighting_of_ref", &missing);
    json_array_foreach(where, k, w) {
        rg_path op = rg_stix__obj_path(i);
        rg_path wp = rg_path__key(&op, "where_sighted_refs");
        wp = rg_path__index(&wp, k);
        int m2 = missing;
        const char *to = end_of(s, i, &wp, w, &m2);
        if (from == NULL || to == NULL)
            continue;
        json_t *l = new_link(s, i, from, to, "sighted-at");
        json_t *c = json_object_get(o, "count");
        if (l == NULL ||
            (c && json_object_set_new(l, "x-count", json_deep_copy(c))) ||
            rg_stix__date(s, l, "date", i, "first_seen") != 0 ||
            rg_stix__date(s, l, "until", i, "last_seen") != 0 ||
            (l = merge_same(s, l)) == NULL)
            return -1;
        if (s->rec[i] == NULL)
            s->rec[i] = l;
    }
    return 0;
}

int rg_stix__observed(stix_st *s, size_t i)
{
    rg_path op = rg_stix__obj_path(i);
    rg_path rp = rg_path__key(&op, "object_refs");
    size_t k, t;
    json_t *ref;
    json_array_foreach(json_object_get(json_array_get(s->objs, i),
                                       "object_refs"), k, ref) {
        rg_path p = rg_path__index(&rp, k);
        if (!rg_stix__find(s, json_string_value(ref), &t)) {
            rg_diag__at(s->ctx->diags, RG_WARNING, s->ctx->file, &p,
                        RG_AT_VALUE, NULL, NULL, "names no object of the "
                        "bundle; it is left out");
            continue;
        }
        if (s->aid[t] == NULL || s->role[t] == STIX_REPORT)
            continue;
        json_t *l = json_pack("{s:s,s:s,s:s,s:s}", "from", s->aid[i], "to",
                              s->aid[t], "label", "observed", "kind",
                              "observed");
        if (l == NULL || json_array_append_new(s->links, l) != 0 ||
            rg_stix__link_kind(s, "observed") != 0 || rg_import__from_path(l, &p))
            return -1;
        s->n_links++;
    }
    return 0;
}

/* ---- opinions ---- */

int rg_stix__opinion(stix_st *s, size_t i)
{
    const json_t *o = json_array_get(s->objs, i);
    const char *op = json_string_value(json_object_get(o, "opinion"));
    const char *by = json_string_value(json_object_get(o, "created_by_ref"));
    size_t a, k, t;
    json_t *ref;
    if (op == NULL || strstr(op, "agree") == NULL) {
        s->n_neutral++;
        return 0;
    }
    if (!rg_stix__find(s, by, &a) || s->aid[a] == NULL ||
        s->role[a] != STIX_IDENTITY) {
        rg_path p = rg_stix__obj_path(i);
        rg_diag__at(s->ctx->diags, RG_WARNING, s->ctx->file, &p,
                    RG_AT_VALUE, NULL, NULL, "the opinion has no "
                    "\"created_by_ref\" naming an identity of the bundle, "
                    "so no one holds it; it is left out");
        return 0;
    }
    int dis = strstr(op, "disagree") != NULL;
    json_array_foreach(json_object_get(o, "object_refs"), k, ref) {
        if (!rg_stix__find(s, json_string_value(ref), &t) ||
            s->rec[t] == NULL || s->role[t] == STIX_ACTOR ||
            s->role[t] == STIX_IDENTITY || s->role[t] == STIX_REPORT) {
            s->n_opinion_other++;
            continue;
        }
        /* The status relgraph's export wrote stays as it is: the record
         * has a status only from x_relgraph_status or an earlier
         * disagreement (the relationship itself is released by now). */
        int keep = json_object_get(s->rec[t], "status") != NULL;
        if (add_ref(s->rec[t], dis ? "disputed_by" : "claimed_by",
                    s->aid[a]) != 0 ||
            (dis && !keep &&
             json_object_set_new(s->rec[t], "status",
                                 json_string("disputed")) != 0))
            return -1;
    }
    return 0;
}
