/* The STIX 2.0 and 2.1 importer: a bundle's objects made actors (by a
 * table of types to kinds), its relationships and sightings links, its
 * reports and external references sources, its opinions who claims or
 * disputes a link. One pass indexes the objects by id; the others make
 * records, each a single walk over the objects. The mapping is
 * documented in graphs/README.md ("STIX"). State: one stix_st. */
#include "import_stix.h"

#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Types read, and what they become. Cyber-observable objects are drawn
 * as the kind "system" (system or data). */
static const struct {
    const char *type;
    unsigned char role;
    const char *kind;
} types[] = {
    {"threat-actor", STIX_ACTOR, "group"},
    {"intrusion-set", STIX_ACTOR, "group"},
    {"campaign", STIX_ACTOR, "campaign"},
    {"malware", STIX_ACTOR, "malware"},
    {"tool", STIX_ACTOR, "tool"},
    {"attack-pattern", STIX_ACTOR, "attack-pattern"},
    {"vulnerability", STIX_ACTOR, "vulnerability"},
    {"indicator", STIX_ACTOR, "indicator"},
    {"infrastructure", STIX_ACTOR, "infrastructure"},
    {"course-of-action", STIX_ACTOR, "mitigation"},
    {"observed-data", STIX_ACTOR, "observation"},
    {"location", STIX_ACTOR, "location"},
    {"malware-analysis", STIX_ACTOR, "document"},
    {"identity", STIX_IDENTITY, NULL},
    {"report", STIX_REPORT, NULL},
    {"relationship", STIX_REL, NULL},
    {"sighting", STIX_SIGHTING, NULL},
    {"opinion", STIX_OPINION, NULL},
    {"marking-definition", STIX_MARKING, NULL},
    {"grouping", STIX_UNDRAWN, NULL},
    {"note", STIX_UNDRAWN, NULL},
    {"extension-definition", STIX_UNDRAWN, NULL},
    {"language-content", STIX_UNDRAWN, NULL},
    {"artifact", STIX_ACTOR, "system"},
    {"autonomous-system", STIX_ACTOR, "system"},
    {"directory", STIX_ACTOR, "system"},
    {"domain-name", STIX_ACTOR, "system"},
    {"email-addr", STIX_ACTOR, "system"},
    {"email-message", STIX_ACTOR, "system"},
    {"file", STIX_ACTOR, "system"},
    {"ipv4-addr", STIX_ACTOR, "system"},
    {"ipv6-addr", STIX_ACTOR, "system"},
    {"mac-addr", STIX_ACTOR, "system"},
    {"mutex", STIX_ACTOR, "system"},
    {"network-traffic", STIX_ACTOR, "system"},
    {"process", STIX_ACTOR, "system"},
    {"software", STIX_ACTOR, "system"},
    {"url", STIX_ACTOR, "system"},
    {"user-account", STIX_ACTOR, "system"},
    {"windows-registry-key", STIX_ACTOR, "system"},
    {"x509-certificate", STIX_ACTOR, "system"},
};
#define N_TYPES (sizeof(types) / sizeof(types[0]))

/* ---- pass 1: index and classify ---- */

static int left_out(const stix_st *s, const json_t *o)
{
    return !s->ctx->opts->keep_revoked &&
           (json_is_true(json_object_get(o, "revoked")) ||
            json_is_true(json_object_get(o, "x_mitre_deprecated")));
}

/* The role of object i, its kind set; warns of what is not an object. */
static unsigned char classify(stix_st *s, size_t i, const json_t *o)
{
    rg_path p = rg_stix__obj_path(i);
    const char *type = json_string_value(json_object_get(o, "type"));
    const char *id = json_string_value(json_object_get(o, "id"));
    size_t first;
    if (type == NULL || id == NULL) {
        rg_diag__at(s->ctx->diags, RG_WARNING, s->ctx->file, &p, RG_AT_VALUE,
                    NULL, NULL, "is not a STIX object (an object with a "
                                "string \"type\" and \"id\"); it is left out");
        return STIX_BAD;
    }
    int r = rg_map__put(&s->index, id, i, &first);
    if (r < 0)
        return STIX_BAD;
    if (r == 0) {
        rg_path q = rg_stix__obj_path(first), pid = rg_path__key(&p, "id");
        q = rg_path__key(&q, "id");
        rg_diag__at(s->ctx->diags, RG_WARNING, s->ctx->file, &pid,
                    RG_AT_VALUE, &q, NULL, "the STIX id \"%s\" is used "
                    "again; this object is left out", id);
        return STIX_BAD;
    }
    const char *sv = json_string_value(json_object_get(o, "spec_version"));
    if (sv != NULL && strcmp(sv, "2.0") != 0)
        s->v20 = 0;
    for (size_t k = 0; k < N_TYPES; k++)
        if (strcmp(types[k].type, type) == 0) {
            s->kind[i] = types[k].kind;
            if (types[k].role == STIX_MARKING || !left_out(s, o))
                return types[k].role;
            s->n_left++;
            return STIX_LEFT;
        }
    rg_diag__at(s->ctx->diags, RG_WARNING, s->ctx->file, &p, RG_AT_VALUE,
                NULL, NULL, "relgraph does not read STIX objects of type "
                "\"%s\"; it is left out", type);
    s->n_unknown++;
    return STIX_UNKNOWN;
}

static int index_objects(stix_st *s)
{
    s->role = calloc(s->n + 1, 1);
    s->kind = calloc(s->n + 1, sizeof(*s->kind));
    s->rec = calloc(s->n + 1, sizeof(*s->rec));
    s->aid = calloc(s->n + 1, sizeof(*s->aid));
    if (s->role == NULL || s->kind == NULL || s->rec == NULL ||
        s->aid == NULL || rg_map__reserve(&s->index, s->n) != 0)
        return -1;
    for (size_t i = 0; i < s->n; i++) {
        const json_t *o = json_array_get(s->objs, i);
        s->role[i] = json_is_object(o) ? classify(s, i, o) : STIX_BAD;
        if (!json_is_object(o)) {
            rg_path p = rg_stix__obj_path(i);
            rg_diag__at(s->ctx->diags, RG_WARNING, s->ctx->file, &p,
                        RG_AT_VALUE, NULL, NULL, "is not a STIX object; it "
                        "is left out");
        }
        if (s->role[i] == STIX_UNDRAWN)
            s->n_undrawn++;
    }
    return 0;
}

/* ---- pass 2: actors and report sources ---- */

/* The kind of an identity, from its identity_class and sectors. */
static const char *identity_kind(const json_t *o)
{
    const char *c = json_string_value(json_object_get(o, "identity_class"));
    size_t k;
    json_t *v;
    if (c == NULL)
        return "other";
    if (strcmp(c, "individual") == 0)
        return "person";
    if (strcmp(c, "system") == 0)
        return "system";
    if (strcmp(c, "organization") != 0 && strcmp(c, "group") != 0)
        return "other";
    json_array_foreach(json_object_get(o, "sectors"), k, v) {
        const char *t = json_string_value(v);
        if (t != NULL && strncmp(t, "government", 10) == 0)
            return "agency";
    }
    return "organization";
}

/* The name an object is drawn by: its name, else the value, path or key
 * an observable is known by, else its STIX id. */
static json_t *name_of(const json_t *o)
{
    static const char *const keys[] = {"name", "value", "path", "key",
                                       "pid", "number", "result"};
    for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
        json_t *v = json_object_get(o, keys[k]);
        if (json_is_string(v) && json_string_length(v) > 0)
            return v;
    }
    return json_object_get(o, "id");
}

static int make_actor(stix_st *s, size_t i)
{
    const json_t *o = json_array_get(s->objs, i);
    json_t *name = name_of(o);
    const char *kind = s->role[i] == STIX_IDENTITY ? identity_kind(o)
                                                   : s->kind[i];
    const char *aid = rg_import__id(s->ctx, json_string_value(name));
    json_t *a = aid ? json_pack("{s:s,s:O,s:s}", "id", aid, "name", name,
                                "kind", kind)
                    : NULL;
    if (a == NULL || json_array_append_new(s->actors, a) != 0 ||
        json_object_set(a, "x-stix-type", json_object_get(o, "type")) ||
        rg_stix__aliases(a, o, json_string_value(name)) != 0 ||
        rg_stix__note(a, json_object_get(o, "description")) != 0 ||
        rg_stix__date(s, a, "date", i, "first_seen") != 0 ||
        rg_stix__date(s, a, "until", i, "last_seen") != 0 ||
        rg_stix__common(s, a, i, 0) != 0)
        return -1;
    s->rec[i] = a;
    s->aid[i] = aid;
    return 0;
}

/* A report: a source, its first usable URL its url. */
static int make_report(stix_st *s, size_t i)
{
    const json_t *o = json_array_get(s->objs, i);
    json_t *name = name_of(o);
    const char *sid = rg_import__id(s->ctx, json_string_value(name));
    json_t *src = sid ? json_pack("{s:s,s:O}", "id", sid, "title", name)
                      : NULL;
    size_t k;
    json_t *r;
    if (src == NULL || json_array_append_new(s->sources, src) != 0 ||
        rg_stix__date(s, src, "date", i, "published") != 0 ||
        rg_stix__common(s, src, i, 1) != 0)
        return -1;
    rg_path op = rg_stix__obj_path(i);
    rg_path lp = rg_path__key(&op, "external_references");
    json_array_foreach(json_object_get(o, "external_references"), k, r) {
        rg_path p = rg_path__index(&lp, k);
        const char *u = rg_stix__url(s, r, &p);
        if (u && json_object_get(src, "url") == NULL &&
            json_object_set_new(src, "url", json_string(u)) != 0)
            return -1;
    }
    s->rec[i] = src;
    s->aid[i] = sid;
    return 0;
}

/* ---- pass 3: relationships and sightings ---- */

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

/* Declares link kind `type` ("attributed-to", labelled "attributed to"). */
static int link_kind(stix_st *s, const char *type)
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
        link_kind(s, type) != 0 ||
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

static int make_relationship(stix_st *s, size_t i)
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
                      json_object_set(l, "quote", d) != 0) ||
        rg_stix__date(s, l, "date", i, "start_time") != 0 ||
        rg_stix__date(s, l, "until", i, "stop_time") != 0 ||
        (l = merge_same(s, l)) == NULL)
        return -1;
    s->rec[i] = l;
    return 0;
}

/* A sighting: a link from what was sighted to each place it was sighted
 * at; the first of them is the object's record. */
static int make_sighting(stix_st *s, size_t i)
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
        if (l == NULL || (c && json_object_set(l, "x-count", c) != 0) ||
            rg_stix__date(s, l, "date", i, "first_seen") != 0 ||
            rg_stix__date(s, l, "until", i, "last_seen") != 0 ||
            (l = merge_same(s, l)) == NULL)
            return -1;
        if (s->rec[i] == NULL)
            s->rec[i] = l;
    }
    return 0;
}

/* ---- pass 4: opinions and what reports list ---- */

static int read_opinion(stix_st *s, size_t i)
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
        if (add_ref(s->rec[t], dis ? "disputed_by" : "claimed_by",
                    s->aid[a]) != 0 ||
            (dis && json_object_set_new(s->rec[t], "status",
                                        json_string("disputed")) != 0))
            return -1;
    }
    return 0;
}

/* A report's source cited on each actor and link it lists. */
static int cite_report(stix_st *s, size_t i)
{
    size_t k, t;
    json_t *ref;
    json_array_foreach(json_object_get(json_array_get(s->objs, i),
                                       "object_refs"), k, ref)
        if (rg_stix__find(s, json_string_value(ref), &t) && s->rec[t] &&
            s->role[t] != STIX_REPORT && rg_stix__cite(s->rec[t], s->aid[i]))
            return -1;
    return 0;
}

/* ---- the whole bundle ---- */

static int passes(stix_st *s)
{
    size_t i;
    if (index_objects(s) != 0)
        return -1;
    for (i = 0; i < s->n; i++)
        if ((s->role[i] == STIX_ACTOR || s->role[i] == STIX_IDENTITY)
                ? make_actor(s, i)
            : s->role[i] == STIX_REPORT ? make_report(s, i)
                                        : 0)
            return -1;
    for (i = 0; i < s->n; i++)
        if (s->role[i] == STIX_REL ? make_relationship(s, i)
            : s->role[i] == STIX_SIGHTING ? make_sighting(s, i)
                                          : 0)
            return -1;
    for (i = 0; i < s->n; i++)
        if (s->role[i] == STIX_OPINION ? read_opinion(s, i)
            : s->role[i] == STIX_REPORT ? cite_report(s, i)
                                        : 0)
            return -1;
    return 0;
}

/* The level common to every record of the document (the least strict
 * marking, when each is marked), or -1. */
static int common_tlp(const stix_st *s)
{
    const json_t *secs[] = {s->actors, s->links, s->sources};
    int level = 5;
    size_t k, j;
    json_t *r;
    for (k = 0; k < 3; k++)
        json_array_foreach(secs[k], j, r) {
            const char *t = json_string_value(json_object_get(r, "tlp"));
            int l = 0;
            while (t != NULL && l < 5 && strcmp(rg_stix__tlp_name(l), t))
                l++;
            if (t == NULL || l == 5)
                return -1;
            level = l < level ? l : level;
        }
    return level < 5 ? level : -1;
}

/* Notes of what was left out, when anything was. */
static void notes(const stix_st *s)
{
    static const char *const what[] = {
        "objects left out as revoked or deprecated (--keep-revoked keeps "
        "them)",
        "objects left out, of types relgraph does not read",
        "groupings, notes and other objects that are not drawn",
        "relationships and sightings left out, an end not in the bundle",
        "relationships and sightings left out, an end left out",
        "objects with granular markings, which are ignored (relgraph marks "
        "whole actors, links and sources)",
        "neutral opinions, ignored",
        "opinions about objects that are not relationships, ignored",
        "relationships and sightings merged into an earlier one with the "
        "same ends, type and dates",
    };
    const size_t n[] = {s->n_left, s->n_unknown, s->n_undrawn, s->n_missing,
                        s->n_to_left, s->n_granular, s->n_neutral,
                        s->n_opinion_other, s->n_merged};
    for (size_t k = 0; k < sizeof(n) / sizeof(n[0]); k++)
        if (n[k] > 0)
            rg_diags_add(s->ctx->diags, RG_NOTE, s->ctx->file, "%s: %zu",
                         what[k], n[k]);
}

/* The document's title, description and marking. */
static int finish(stix_st *s)
{
    const char *base = strrchr(s->ctx->file, '/');
    char title[256], desc[400];
    int level = common_tlp(s);
    snprintf(title, sizeof(title), "STIX bundle %s",
             base ? base + 1 : s->ctx->file);
    int n = snprintf(desc, sizeof(desc),
                     "Imported from a STIX %s bundle: %zu objects, %zu "
                     "relationships and sightings",
                     s->v20 ? "2.0" : "2.1", s->n, s->n_rels);
    if (s->n_left > 0 && n > 0 && (size_t)n < sizeof(desc))
        snprintf(desc + n, sizeof(desc) - (size_t)n,
                 "; %zu revoked or deprecated objects left out", s->n_left);
    notes(s);
    if (json_array_size(s->sources) == 0)
        json_object_del(s->doc, "sources");
    json_t *t = json_string(title);  /* NULL when the name is not UTF-8 */
    return json_object_set_new(s->doc, "title",
                               t ? t : json_string("STIX bundle")) ||
                   json_object_set_new(s->doc, "description",
                                       json_string(desc)) ||
                   (level >= 0 &&
                    json_object_set_new(s->doc, "tlp",
                                        json_string(rg_stix__tlp_name(level))))
               ? -1
               : 0;
}

int rg_import__stix(json_t **out, const json_t *in, rg_import_ctx *ctx)
{
    stix_st s;
    memset(&s, 0, sizeof(s));
    s.ctx = ctx;
    s.objs = json_object_get(in, "objects");
    s.n = json_array_size(s.objs);
    s.tlp_max = -1;
    s.v20 = 1;
    s.doc = json_pack("{s:i,s:[],s:[],s:[],s:{}}", "relgraph", 1, "actors",
                      "links", "sources", "link_kinds");
    int rc = -1;
    *out = NULL;
    if (s.doc != NULL) {
        s.actors = json_object_get(s.doc, "actors");
        s.links = json_object_get(s.doc, "links");
        s.sources = json_object_get(s.doc, "sources");
        s.link_kinds = json_object_get(s.doc, "link_kinds");
        rc = passes(&s) == 0 && finish(&s) == 0 ? 0 : -1;
    }
    if (rc == 0)
        *out = s.doc;
    else {
        json_decref(s.doc);
        rg_diags_add(ctx->diags, RG_ERROR, ctx->file,
                     "out of memory importing");
    }
    rg_map__free(&s.index);
    rg_map__free(&s.src_keys);
    rg_map__free(&s.link_keys);
    free(s.role);
    free(s.kind);
    free(s.rec);
    free(s.aid);
    return rc;
}
