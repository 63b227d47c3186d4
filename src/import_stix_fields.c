/* The STIX importer's readers of the properties any object may carry:
 * ids, timestamps, confidence, TLP markings, external references (made
 * sources, their URLs checked), descriptions (made short notes) and
 * aliases. Each reports what it cannot keep as a warning at its place in
 * the bundle and leaves it out. No state beyond the import's stix_st. */
#include "import_stix.h"

#include "check.h"

#include <stdio.h>
#include <string.h>

rg_path rg_stix__obj_path(size_t i)
{
    rg_path top = {.n = 0};
    rg_path p = rg_path__key(&top, "objects");
    return rg_path__index(&p, i);
}

const char *rg_stix__id_of(const stix_st *s, size_t i)
{
    return json_string_value(json_object_get(json_array_get(s->objs, i),
                                             "id"));
}

int rg_stix__find(const stix_st *s, const char *ref, size_t *out)
{
    return ref != NULL && rg_map__get(&s->index, ref, out);
}

/* ---- markings ---- */

/* The fixed ids of the TLP marking definitions: TLP 1.0 of the STIX 2.1
 * specification (white read as clear) and TLP 2.0 of its extension. */
static const struct {
    const char *id;
    int level;
} tlp_ids[] = {
    {"marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", 0},
    {"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", 1},
    {"marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", 2},
    {"marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", 4},
    {"marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", 0},
    {"marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", 1},
    {"marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", 2},
    {"marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", 3},
    {"marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", 4},
};

static const char *const tlp_names[] = {"clear", "green", "amber",
                                        "amber+strict", "red"};

const char *rg_stix__tlp_name(int level)
{
    return level >= 0 && level <= 4 ? tlp_names[level] : NULL;
}

/* The level a TLP word names ("white", "TLP:AMBER", "amber+strict"). */
static int tlp_word(const char *w)
{
    if (w == NULL)
        return -1;
    if (strncmp(w, "TLP:", 4) == 0 || strncmp(w, "tlp:", 4) == 0)
        w += 4;
    if (strcmp(w, "white") == 0 || strcmp(w, "WHITE") == 0)
        return 0;
    for (int k = 0; k < 5; k++) {
        size_t n = strlen(tlp_names[k]), j;
        for (j = 0; j < n && (w[j] | 0x20) == (tlp_names[k][j] | 0x20); j++)
            ;
        if (j == n && w[n] == '\0')
            return k;
    }
    return -1;
}

int rg_stix__tlp_level(const stix_st *s, const char *ref)
{
    size_t k;
    if (ref == NULL)
        return -1;
    for (k = 0; k < sizeof(tlp_ids) / sizeof(tlp_ids[0]); k++)
        if (strcmp(ref, tlp_ids[k].id) == 0)
            return tlp_ids[k].level;
    /* A TLP marking definition of the bundle itself (STIX 2.0 style). */
    if (!rg_stix__find(s, ref, &k) || s->role[k] != STIX_MARKING)
        return -1;
    const json_t *m = json_array_get(s->objs, k);
    const char *t = json_string_value(json_object_get(m, "definition_type"));
    if (t == NULL || strcmp(t, "tlp") != 0)
        return -1;
    return tlp_word(json_string_value(
        json_object_get(json_object_get(m, "definition"), "tlp")));
}

static int markings(stix_st *s, json_t *rec, const json_t *o)
{
    size_t k;
    json_t *m;
    int level = -1;
    json_array_foreach(json_object_get(o, "object_marking_refs"), k, m) {
        int l = rg_stix__tlp_level(s, json_string_value(m));
        if (l > level)
            level = l;
    }
    if (json_object_get(o, "granular_markings") != NULL)
        s->n_granular++;
    if (level < 0)
        return 0;
    if (level > s->tlp_max)
        s->tlp_max = level;
    return json_object_set_new(rec, "tlp", json_string(tlp_names[level]));
}

/* ---- sources from external references ---- */

int rg_stix__cite(json_t *rec, const char *sid)
{
    json_t *list = json_object_get(rec, "source");
    size_t k;
    json_t *v;
    if (list == NULL) {
        if (json_object_set_new(rec, "source", json_array()) != 0)
            return -1;
        list = json_object_get(rec, "source");
    }
    json_array_foreach(list, k, v)
        if (strcmp(json_string_value(v), sid) == 0)
            return 0;
    return json_array_append_new(list, json_string(sid));
}

const char *rg_stix__url(stix_st *s, const json_t *r, const rg_path *p)
{
    const json_t *u = json_object_get(r, "url");
    rg_path q = rg_path__key(p, "url");
    if (u == NULL)
        return NULL;
    if (json_is_string(u) && rg_check__url(json_string_value(u)))
        return json_string_value(u);
    rg_diag__at(s->ctx->diags, RG_WARNING, s->ctx->file, &q, RG_AT_VALUE,
                NULL, NULL,
                "is not a URL relgraph links to (http, https, mailto or a "
                "relative reference); the URL is left out");
    return NULL;
}

/* A new source of external reference `r` under key `key`. */
static const char *new_ref_source(stix_st *s, const json_t *r,
                                  const char *url, const char *key,
                                  const rg_path *p)
{
    const char *name = json_string_value(json_object_get(r, "source_name"));
    const char *ext = json_string_value(json_object_get(r, "external_id"));
    json_t *desc = json_object_get(r, "description");
    char want[160];
    snprintf(want, sizeof(want), "%s%s%s", name ? name : "ref",
             ext ? " " : "", ext ? ext : "");
    const char *sid = rg_import__id(s->ctx, want);
    json_t *src = sid ? json_pack("{s:s}", "id", sid) : NULL;
    const char *kept = rg_arena__strdup(&s->ctx->arena, key);
    if (src == NULL || kept == NULL ||
        (json_is_string(desc) ? json_object_set_new(src, "title",
                                                    json_deep_copy(desc))
                              : json_object_set_new(src, "title",
                                                    json_string(want))) ||
        (name && json_is_string(desc) &&
         json_object_set_new(src, "publisher", json_string(name))) ||
        (url && json_object_set_new(src, "url", json_string(url))) ||
        rg_import__from_path(src, p) != 0 ||
        rg_map__put(&s->src_keys, kept, json_array_size(s->sources),
                    NULL) < 0 ||
        json_array_append_new(s->sources, src) != 0)
        return NULL;
    return sid;
}

/* Cites, on rec, the source of each external reference of object i,
 * made once per URL (or name and external id) in the bundle. */
static int ext_refs(stix_st *s, json_t *rec, const json_t *o, size_t i)
{
    rg_path op = rg_stix__obj_path(i);
    rg_path lp = rg_path__key(&op, "external_references");
    size_t j, at;
    json_t *r;
    json_array_foreach(json_object_get(o, "external_references"), j, r) {
        rg_path p = rg_path__index(&lp, j);
        if (!json_is_object(r))
            continue;
        const char *nm = json_string_value(json_object_get(r, "source_name"));
        const char *ex = json_string_value(json_object_get(r, "external_id"));
        const char *url = json_string_value(json_object_get(r, "url"));
        char key[512];
        /* A URL cited before was checked then: only URLs that passed
         * make keys of this form. */
        snprintf(key, sizeof(key), "%s\n\n", url ? url : "");
        if (url == NULL || !rg_map__get(&s->src_keys, key, &at))
            url = rg_stix__url(s, r, &p);
        /* Without a URL or an external id, a reference locates nothing
         * (ATT&CK's are its aliases' citations). */
        if (url == NULL && (nm == NULL || ex == NULL))
            continue;
        /* relgraph's export writes the record's own url so */
        if (nm != NULL && strcmp(nm, "relgraph") == 0 && ex == NULL &&
            url != NULL) {
            if (json_object_get(rec, "url") == NULL &&
                json_object_set_new(rec, "url", json_string(url)) != 0)
                return -1;
            continue;
        }
        snprintf(key, sizeof(key), "%s\n%s\n%s", url ? url : "",
                 url || !nm ? "" : nm, url || !ex ? "" : ex);
        const char *sid;
        if (rg_map__get(&s->src_keys, key, &at))
            sid = json_string_value(
                json_object_get(json_array_get(s->sources, at), "id"));
        else if ((sid = new_ref_source(s, r, url, key, &p)) == NULL)
            return -1;
        if (rg_stix__cite(rec, sid) != 0)
            return -1;
    }
    return 0;
}

/* ---- the common properties ---- */

static void warn_at(stix_st *s, size_t i, const char *field,
                    const char *what)
{
    rg_path op = rg_stix__obj_path(i);
    rg_path p = rg_path__key(&op, field);
    rg_diag__at(s->ctx->diags, RG_WARNING, s->ctx->file, &p, RG_AT_VALUE,
                NULL, NULL, "%s", what);
}

int rg_stix__common(stix_st *s, json_t *rec, size_t i, int is_source)
{
    const json_t *o = json_array_get(s->objs, i);
    rg_path p = rg_stix__obj_path(i);
    json_t *id = json_object_get(o, "id");
    json_t *c = json_object_get(o, "confidence");
    if (rg_import__from_path(rec, &p) != 0)
        return -1;
    if (rg_check__stix_id(json_string_value(id))) {
        if (json_object_set_new(rec, "stix_id", json_deep_copy(id)) != 0)
            return -1;
    } else {
        warn_at(s, i, "id", "is not a STIX identifier (TYPE--UUID) that "
                            "an export could use again; it is not kept");
    }
    if (is_source) {
        c = NULL;  /* a source has no confidence */
    } else if (json_is_integer(c) && json_integer_value(c) >= 0 &&
        json_integer_value(c) <= 100) {
        if (json_object_set_new(rec, "confidence", json_deep_copy(c)) != 0)
            return -1;
    } else if (c != NULL) {
        warn_at(s, i, "confidence", "confidence is a whole number from 0 "
                                    "to 100; it is left out");
    }
    if (markings(s, rec, o) != 0)
        return -1;
    return is_source ? 0 : ext_refs(s, rec, o, i);
}

int rg_stix__date(stix_st *s, json_t *rec, const char *key, size_t i,
                  const char *field)
{
    const json_t *v = json_object_get(json_array_get(s->objs, i), field);
    char d[11];
    if (v == NULL)
        return 0;
    const char *t = json_string_value(v);
    if (t != NULL && strlen(t) >= 10) {
        memcpy(d, t, 10);
        d[10] = '\0';
        if (rg_check__date(d) && (t[10] == '\0' || t[10] == 'T'))
            return json_object_set_new(rec, key, json_string(d));
    }
    warn_at(s, i, field, "is not a STIX timestamp (YYYY-MM-DDTHH:MM:SSZ); "
                          "it is left out");
    return 0;
}

/* ---- descriptions and names ---- */

/* Copies plain text of `s` into out (cap bytes): "[text](url)" made
 * "text", "(Citation: ...)" dropped, up to the first sentence's end or
 * line break, at most 200 bytes ending on a whole UTF-8 character. */
static void plain_sentence(char *out, size_t cap, const char *s)
{
    size_t n = 0, lim = cap - 4 < 200 ? cap - 4 : 200;
    int cut = 0;
    while (*s && *s != '\n') {
        if (strncmp(s, "(Citation:", 10) == 0 && strchr(s, ')')) {
            s = strchr(s, ')') + 1;
            while (n > 0 && out[n - 1] == ' ' && *s == ' ')
                s++;
            continue;
        }
        const char *close = *s == '[' ? strstr(s, "](") : NULL;
        if (close && memchr(s, '\n', (size_t)(close - s)) == NULL &&
            strchr(close, ')')) {
            size_t len = (size_t)(close - s - 1);
            if (n + len >= lim)
                len = lim - n;
            memcpy(out + n, s + 1, len);
            n += len;
            s = strchr(close, ')') + 1;
        } else {
            out[n++] = *s++;
        }
        if (n >= lim) {
            cut = 1;
            break;
        }
        if (n > 24 && out[n - 1] == '.' && (*s == ' ' || *s == '\n'))
            break;
    }
    if (cut && n > 0) {
        /* Back to the start of a character the cut went into. */
        size_t j = n - 1;
        unsigned char c;
        while (j > 0 && ((unsigned char)out[j] & 0xC0) == 0x80)
            j--;
        c = (unsigned char)out[j];
        size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (j + len > n)
            n = j;
    }
    while (n > 0 && out[n - 1] == ' ')
        n--;
    if (cut)
        memcpy(out + n, "\xE2\x80\xA6", 3), n += 3;
    out[n] = '\0';
}

int rg_stix__note(json_t *rec, json_t *desc)
{
    const char *d = json_string_value(desc);
    char note[256];
    if (d == NULL || *d == '\0')
        return 0;
    plain_sentence(note, sizeof(note), d);
    if (note[0] != '\0' &&
        json_object_set_new(rec, "note", json_string(note)) != 0)
        return -1;
    if (strcmp(note, d) != 0)
        return json_object_set_new(rec, "x-description",
                                   json_deep_copy(desc));
    return 0;
}

int rg_stix__aliases(json_t *rec, const json_t *o, const char *name)
{
    static const char *const keys[] = {"aliases", "x_mitre_aliases"};
    json_t *out = json_array();
    int rc = out ? 0 : -1;
    for (size_t k = 0; k < 2 && rc == 0; k++) {
        size_t j, m;
        json_t *a, *b;
        json_array_foreach(json_object_get(o, keys[k]), j, a) {
            const char *t = json_string_value(a);
            int dup = t == NULL || *t == '\0' || strcmp(t, name) == 0;
            json_array_foreach(out, m, b)
                dup = dup || strcmp(json_string_value(b), t) == 0;
            if (!dup && json_array_append_new(out, json_deep_copy(a)) != 0)
                rc = -1;
        }
    }
    if (rc == 0 && json_array_size(out) > 0)
        return json_object_set_new(rec, "aliases", out);
    json_decref(out);
    return rc;
}
