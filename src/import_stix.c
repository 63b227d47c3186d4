/* The STIX 2.0 and 2.1 importer: a bundle's objects made actors (by a
 * table of types to kinds), its reports sources, and the document around
 * them; relationships, sightings and opinions are import_stix_links.c's,
 * the properties every object may carry import_stix_fields.c's. One pass
 * indexes the objects by id; the others make records, each a single walk
 * over the objects. The mapping is documented in graphs/README.md
 * ("STIX"). A record holds copies of the input's values, never the
 * values themselves, so that each object goes whole once released (and
 * the memory it lay in with it: jsonmem.c). State: one stix_st. */
#include "import_stix.h"

#include "files.h"

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
    {"incident", STIX_ACTOR, "event"},
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
    /* Keys are copies: each object is released once read (release()). */
    const char *key = rg_arena__strdup(&s->ctx->arena, id);
    int r = key ? rg_map__put(&s->index, key, i, &first) : -1;
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
    /* Said at the first object of each type (ATT&CK has hundreds of
     * x-mitre-* objects), all of them counted in a note. */
    const char *t = rg_map__get(&s->unknown, type, NULL)
                        ? NULL
                        : rg_arena__strdup(&s->ctx->arena, type);
    if (t != NULL && rg_map__put(&s->unknown, t, i, NULL) == 1)
        rg_diag__at(s->ctx->diags, RG_WARNING, s->ctx->file, &p,
                    RG_AT_VALUE, NULL, NULL, "relgraph does not read STIX "
                    "objects of type \"%s\"; every object of this type is "
                    "left out", type);
    s->n_unknown++;
    return STIX_UNKNOWN;
}

/* Releases object i of the bundle, read for the last time: the input's
 * tree shrinks as the document's grows (its strings that the document
 * took stay, referenced). Marking definitions stay until the end: the
 * markings of every other object are read from them. */
static void release(stix_st *s, size_t i)
{
    if (s->role[i] != STIX_MARKING)
        json_array_set_new(s->objs, i, json_null());
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
        if (s->role[i] == STIX_BAD || s->role[i] >= STIX_UNDRAWN)
            release(s, i);
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

/* The name an object is drawn by (a new reference): its name, else the
 * value, path or key an observable is known by, else for observed data
 * "observed data" and the day it was first observed, else its STIX id. */
static json_t *name_of(const json_t *o)
{
    static const char *const keys[] = {"name", "value", "path", "key",
                                       "pid", "number", "result"};
    for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
        json_t *v = json_object_get(o, keys[k]);
        if (json_is_string(v) && json_string_length(v) > 0)
            return json_deep_copy(v);
    }
    const char *day = json_string_value(json_object_get(o, "first_observed"));
    if (strcmp(json_string_value(json_object_get(o, "type")),
               "observed-data") == 0 && day != NULL && strlen(day) >= 10)
        return json_sprintf("observed data %.10s", day);
    return json_deep_copy(json_object_get(o, "id"));
}

static int make_actor(stix_st *s, size_t i)
{
    const json_t *o = json_array_get(s->objs, i);
    json_t *name = name_of(o);
    const char *kind = s->role[i] == STIX_IDENTITY ? identity_kind(o)
                                                   : s->kind[i];
    const char *want = rg_stix__relgraph_id(s, i);
    const char *aid = rg_import__id(s->ctx, want ? want
                                                 : json_string_value(name));
    json_t *a = aid ? json_pack("{s:s,s:o,s:s}", "id", aid, "name", name,
                                "kind", kind)
                    : (json_decref(name), NULL);
    if (a == NULL || json_array_append_new(s->actors, a) != 0 ||
        json_object_set_new(a, "x-stix-type",
                            json_deep_copy(json_object_get(o, "type"))) ||
        rg_stix__aliases(a, o, json_string_value(json_object_get(a, "name")))
            != 0 ||
        rg_stix__note(a, json_object_get(o, "description")) != 0 ||
        rg_stix__date(s, a, "date", i, "first_seen") != 0 ||
        rg_stix__date(s, a, "until", i, "last_seen") != 0 ||
        rg_stix__common(s, a, i, 0) != 0 ||
        rg_stix__relgraph_actor(s, a, i) != 0)
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
    const char *want = rg_stix__relgraph_id(s, i);
    const char *sid = rg_import__id(s->ctx, want ? want
                                                 : json_string_value(name));
    json_t *src = sid ? json_pack("{s:s,s:o}", "id", sid, "title", name)
                      : (json_decref(name), NULL);
    size_t k;
    json_t *r;
    if (src == NULL || json_array_append_new(s->sources, src) != 0 ||
        rg_stix__date(s, src, "date", i, "published") != 0 ||
        rg_stix__common(s, src, i, 1) != 0 ||
        rg_stix__relgraph_source(s, src, i) != 0)
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

static int observed(const stix_st *s, size_t i)
{
    return s->kind[i] != NULL && strcmp(s->kind[i], "observation") == 0;
}

static int passes(stix_st *s)
{
    size_t i, t;
    if (index_objects(s) != 0 || rg_stix__relgraph_index(s) != 0)
        return -1;
    /* Each object is released after the pass that reads it last; an
     * identity that stands in for an actor (a claimant relgraph wrote)
     * is read again below. */
    for (i = 0; i < s->n; i++) {
        int actor = s->role[i] == STIX_ACTOR || s->role[i] == STIX_IDENTITY;
        int stand_in = rg_stix__stand_in(s, i, &t);
        if (stand_in ? 0
            : actor ? make_actor(s, i)
            : s->role[i] == STIX_REPORT ? make_report(s, i)
                                        : 0)
            return -1;
        if (actor && !stand_in && !observed(s, i))
            release(s, i);
    }
    for (i = 0; i < s->n; i++)
        if (rg_stix__stand_in(s, i, &t)) {  /* claims as the actor */
            s->rec[i] = s->rec[t];
            s->aid[i] = s->aid[t];
        }
    for (i = 0; i < s->n; i++) {
        if (s->role[i] == STIX_REL ? rg_stix__relationship(s, i)
            : s->role[i] == STIX_SIGHTING ? rg_stix__sighting(s, i)
            : observed(s, i) && s->rec[i] ? rg_stix__observed(s, i)
                                          : 0)
            return -1;
        if (s->role[i] == STIX_REL || s->role[i] == STIX_SIGHTING ||
            observed(s, i))
            release(s, i);
    }
    for (i = 0; i < s->n; i++) {
        if (s->role[i] == STIX_OPINION ? rg_stix__opinion(s, i)
            : s->role[i] == STIX_REPORT ? cite_report(s, i)
                                        : 0)
            return -1;
        release(s, i);
    }
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
    char title[256], desc[400];
    int level = common_tlp(s);
    snprintf(title, sizeof(title), "STIX bundle %s",
             rg_files__base(s->ctx->file));
    int n = snprintf(desc, sizeof(desc),
                     "Imported from a STIX %s bundle: %zu %s, %zu %s",
                     s->v20 ? "2.0" : "2.1", s->n,
                     s->n == 1 ? "object" : "objects", s->n_rels,
                     s->n_rels == 1 ? "relationship or sighting"
                                    : "relationships and sightings");
    if (s->n_left > 0 && n > 0 && (size_t)n < sizeof(desc))
        snprintf(desc + n, sizeof(desc) - (size_t)n,
                 "; revoked or deprecated objects left out: %zu", s->n_left);
    notes(s);
    if (rg_stix__relgraph_finish(s) != 0)
        return -1;
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
    rg_map__free(&s.unknown);
    rg_map__free(&s.rg_ids);
    free(s.role);
    free(s.kind);
    free(s.rec);
    free(s.aid);
    return rc;
}
