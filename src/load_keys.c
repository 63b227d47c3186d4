/* The loader's readers of values and objects: each key of each object is
 * read as docfmt.def's table says, its type checked and its value copied
 * into the model (strings into the document's arena). The ld state lives
 * for one load; load_json.c drives it. */
#include "check.h"
#include "docfmt.h"
#include "grade.h"
#include "gvattrs.h"
#include "import.h"
#include "jsonwrite.h"
#include "load.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct ld {
    rg_doc *doc;
    rg_diags *diags;
    const char *file;
    int oom;          /* an allocation failed: the load fails */
    int style_where;  /* RG_GV_NODE under kinds, RG_GV_EDGE under link_kinds */
    /* An imported tree's: the record being read and where its "@from"
     * goes (NULL otherwise). */
    rg_load_origins *origins;
    const void *record;
    rg_docfmt__obj record_obj;
    json_t **record_from;
    /* The compact text of the tree as read (rg_load__doc_from()), or
     * NULL; set when an array of records wrote itself there. */
    rg_buf *echo;
    int echoed;
} ld;

static const char *json_kind(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER:
    case JSON_REAL: return "a number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    case JSON_NULL: return "null";
    }
    return "a value";
}

static void type_error(ld *l, const rg_path *p, const char *expected,
                       const json_t *v)
{
    rg_diag__at(l->diags, RG_ERROR, l->file, p, RG_AT_VALUE, NULL, NULL,
                "expected %s, found %s", expected, json_kind(v));
}

/* Replaces U+FFFE and U+FFFF, which XML 1.0 forbids and so no SVG may
 * hold, with U+FFFD in place: all three are three bytes in UTF-8. */
static void replace_nonchars(char *s, size_t n)
{
    for (unsigned char *u = memchr(s, 0xef, n); u != NULL;
         u = memchr(u + 1, 0xef, n - (size_t)(u + 1 - (unsigned char *)s))) {
        size_t i = (size_t)(u - (unsigned char *)s);
        if (i + 2 < n && u[1] == 0xbf && (u[2] == 0xbe || u[2] == 0xbf))
            u[2] = 0xbd;
    }
}

/* A copy of a string value in the document's arena, or NULL (with a
 * diagnostic) when the value is not a string. */
static const char *str(ld *l, const json_t *v, const rg_path *p)
{
    if (!json_is_string(v)) {
        type_error(l, p, "a string", v);
        return NULL;
    }
    char *s = rg_arena__strndup(&l->doc->arena, json_string_value(v),
                                json_string_length(v));
    if (s == NULL)
        l->oom = 1;
    else
        replace_nonchars(s, json_string_length(v));
    return s;
}

static const char *nonempty_str(ld *l, const json_t *v, const rg_path *p)
{
    const char *s = str(l, v, p);
    if (s != NULL && *s == '\0') {
        rg_diag__at(l->diags, RG_ERROR, l->file, p, RG_AT_VALUE, NULL, NULL,
                    "must not be empty");
        return NULL;
    }
    return s;
}

/* A list of strings; a single string is taken as a list of one when
 * `single` is true. */
static void strv(ld *l, const json_t *v, const rg_path *p, rg_strv *out,
                 int single)
{
    if (single && json_is_string(v)) {
        out->v = rg_arena__alloc(&l->doc->arena, sizeof(char *));
        if (out->v == NULL) {
            l->oom = 1;
            return;
        }
        out->v[0] = nonempty_str(l, v, p);
        out->n = out->v[0] != NULL;
        out->scalar = true;
        return;
    }
    if (!json_is_array(v)) {
        type_error(l, p, single ? "a string or an array of strings"
                                : "an array of strings", v);
        return;
    }
    size_t n = json_array_size(v);
    out->v = rg_arena__alloc(&l->doc->arena, (n ? n : 1) * sizeof(char *));
    if (out->v == NULL) {
        l->oom = 1;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        rg_path q = rg_path__index(p, i);
        const char *s = nonempty_str(l, json_array_get(v, i), &q);
        if (s != NULL)
            out->v[out->n++] = s;
    }
}

static int boolean(ld *l, const json_t *v, const rg_path *p, int dflt)
{
    if (!json_is_boolean(v)) {
        type_error(l, p, "true or false", v);
        return dflt;
    }
    return json_is_true(v);
}

/* The text of an attribute's value: a string as it is, a number or a
 * boolean as Graphviz would read it (in num), or NULL for another type. */
static const char *attr_text(const json_t *val, char *num, size_t n)
{
    if (json_is_string(val))
        return json_string_value(val);
    if (json_is_integer(val)) {
        snprintf(num, n, "%" JSON_INTEGER_FORMAT, json_integer_value(val));
        return num;
    }
    if (json_is_real(val)) {
        snprintf(num, n, "%.15g", json_real_value(val));
        return num;
    }
    if (json_is_boolean(val))
        return json_is_true(val) ? "true" : "false";
    return NULL;
}

/* Raw Graphviz attributes: an object of strings (numbers and booleans are
 * taken as their text, as Graphviz would read them), each a name of the
 * allow-list (gvattrs.def) allowed `where`, with a value of its type. */
static void attrs(ld *l, const json_t *v, const rg_path *p, rg_attrs *out,
                  int where)
{
    if (!json_is_object(v)) {
        type_error(l, p, "an object of Graphviz attributes", v);
        return;
    }
    size_t n = json_object_size(v);
    out->v = rg_arena__alloc(&l->doc->arena, (n ? n : 1) * sizeof(rg_attr));
    if (out->v == NULL) {
        l->oom = 1;
        return;
    }
    const char *key;
    json_t *val;
    json_object_foreach((json_t *)v, key, val) {
        rg_path q = rg_path__key(p, key);
        char num[64];
        if (strncmp(key, "x-", 2) == 0)
            continue;  /* the user's own, as everywhere */
        const char *text = attr_text(val, num, sizeof(num));
        if (text == NULL) {
            type_error(l, &q, "a string", val);
            continue;
        }
        if (*key == '\0') {
            rg_diag__at(l->diags, RG_ERROR, l->file, &q, RG_AT_KEY, NULL,
                        NULL, "an attribute name must not be empty");
            continue;
        }
        char msg[512];
        const char *best;
        const char *why = rg_gvattrs__check(key, text, where, msg,
                                            sizeof(msg), &best);
        if (why != NULL) {
            /* A name that is not allowed is about the key; a value of
             * the wrong type, about the value. */
            rg_diag__at(l->diags, RG_ERROR, l->file, &q,
                        rg_gvattrs__allowed(key, where) ? RG_AT_VALUE
                                                        : RG_AT_KEY,
                        NULL, best, "%s", why);
            continue;
        }
        char hex[256];
        text = rg_gvattrs__long_hex(text, hex, sizeof(hex));
        rg_attr *a = &out->v[out->n++];
        a->name = rg_arena__strdup(&l->doc->arena, key);
        char *value = rg_arena__strdup(&l->doc->arena, text);
        a->value = value;
        if (a->name == NULL || value == NULL)
            l->oom = 1;
        else
            replace_nonchars(value, strlen(value));
    }
}

/* Picks a word of a list. Returns the index, or -1 with a diagnostic
 * that suggests the word meant: a synonym's (docfmt.def), else the
 * closest by spelling (never its opposite), else the list. */
static int enumerated(ld *l, const json_t *v, const rg_path *p,
                      rg_docfmt__list_id id)
{
    const rg_docfmt__list *list = &rg_docfmt__lists[id];
    if (!json_is_string(v)) {
        type_error(l, p, "a string", v);
        return -1;
    }
    const char *s = json_string_value(v);
    for (size_t i = 0; i < list->n; i++)
        if (strcmp(s, list->words[i]) == 0)
            return (int)i;
    const rg_docfmt__word_synonym *syn = rg_docfmt__find_synonym(id, s);
    const char *best = syn ? syn->meant
                           : rg_suggest__best(s, list->words, list->n);
    char words[256];
    rg_suggest__join(words, sizeof(words), list->words, list->n);
    if (best != NULL)
        rg_diag__at(l->diags, RG_ERROR, l->file, p, RG_AT_VALUE, NULL, best,
                    "unknown %s \"%s\"; did you mean \"%s\"?", list->what,
                    s, best);
    else if (syn != NULL)
        rg_diag__at(l->diags, RG_ERROR, l->file, p, RG_AT_VALUE, NULL, NULL,
                    "unknown %s \"%s\"; %s", list->what, s, syn->hint);
    else
        rg_diag__at(l->diags, RG_ERROR, l->file, p, RG_AT_VALUE, NULL, NULL,
                    "unknown %s \"%s\"; expected one of %s", list->what, s,
                    words);
    return -1;
}

/* ---- styles ---- */

/* A style field that Graphviz reads: a non-empty string that `ok`
 * accepts (NULL) or a diagnostic with its message. */
static const char *gv_str(ld *l, const json_t *v, const rg_path *p,
                          const char *(*ok)(const char *, char *, size_t))
{
    const char *s = nonempty_str(l, v, p);
    char msg[512];
    if (s != NULL && ok(s, msg, sizeof(msg)) != NULL) {
        rg_diag__at(l->diags, RG_ERROR, l->file, p, RG_AT_VALUE, NULL, NULL,
                    "%s", msg);
        return NULL;
    }
    const char *t = s ? rg_gvattrs__long_hex(s, msg, sizeof(msg)) : NULL;
    if (t != s && (s = rg_arena__strdup(&l->doc->arena, t)) == NULL)
        l->oom = 1;
    return s;
}

/* ---- objects, read as docfmt.def says ---- */

static void read_members(ld *l, rg_docfmt__obj obj, void *o, const json_t *v,
                         const rg_path *p);

/* Reports a key that is not one of obj's. When it stands for a required
 * key that the object lacks (`v`), that is the error, said once here:
 * returns the index of that key among obj's, else -1. */
static long unknown_key(ld *l, const rg_path *q, const char *key,
                        rg_docfmt__obj obj, const json_t *v)
{
    const char *best = rg_docfmt__suggest_key(obj, key);
    size_t n;
    const rg_docfmt__key *keys = rg_docfmt__keys(obj, &n);
    const rg_docfmt__key *k = best ? rg_docfmt__find(obj, best) : NULL;
    if (k != NULL && k->required && json_object_get(v, best) == NULL) {
        rg_diag__at(l->diags, RG_ERROR, l->file, q, RG_AT_KEY, NULL, best,
                    "unknown key \"%s\", and the required key \"%s\" is "
                    "missing; did you mean \"%s\"?",
                    key, best, best);
        return k - keys;
    }
    rg_diag__at(l->diags, RG_WARNING, l->file, q, RG_AT_KEY, NULL, best,
                best ? "unknown key \"%s\"; did you mean \"%s\"?"
                     : "unknown key \"%s\"; keys of your own start with %s",
                key, best ? best : "\"x-\"");
    return -1;
}

/* Reports a required key that an object lacks, at the object. */
static void missing(ld *l, const rg_path *p, const char *key,
                    const char *hint)
{
    rg_diag__at(l->diags, RG_ERROR, l->file, p, RG_AT_VALUE, NULL, NULL,
                "missing required key \"%s\"; %s", key, hint);
}

/* Zeroes an element of an array and gives it the model's defaults. */
static void init_element(rg_docfmt__obj obj, void *o)
{
    memset(o, 0, rg_docfmt__objects[obj].size);
    if (obj == RG_FMT_actor) {
        ((rg_actor *)o)->group_index = -1;
        ((rg_actor *)o)->confidence = -1;
    } else if (obj == RG_FMT_link) {
        ((rg_link *)o)->status = RG_STATUS_REPORTED;
        ((rg_link *)o)->confidence = -1;
        ((rg_link *)o)->directed = true;
    } else if (obj == RG_FMT_group) {
        ((rg_group *)o)->parent_index = -1;
    }
}

/* The section of the records an importer marks with "@from", or -1. */
static int section_of(rg_docfmt__obj obj)
{
    switch (obj) {
    case RG_FMT_actor: return RG_LOAD_ACTORS;
    case RG_FMT_link: return RG_LOAD_LINKS;
    case RG_FMT_source: return RG_LOAD_SOURCES;
    case RG_FMT_group: return RG_LOAD_GROUPS;
    default: return -1;
    }
}

/* Loads an array of objects into a new C array. Elements that are not
 * objects keep a zeroed slot, so that indexes match the text's. */
static void *load_array(ld *l, const json_t *v, const rg_path *p,
                        rg_docfmt__obj obj, size_t *n_out)
{
    const rg_docfmt__object *t = &rg_docfmt__objects[obj];
    if (!json_is_array(v)) {
        char what[64];
        snprintf(what, sizeof(what), "an array of %ss", t->name);
        type_error(l, p, what, v);
        return NULL;
    }
    size_t n = json_array_size(v);
    char *arr = calloc(n ? n : 1, t->size);
    int s = section_of(obj);
    int take = l->origins != NULL && s >= 0 && l->origins->from[s] == NULL;
    json_t **from = take ? calloc(n ? n : 1, sizeof(*from)) : NULL;
    if (arr == NULL || (take && from == NULL)) {
        free(arr);
        free(from);
        l->oom = 1;
        return NULL;
    }
    if (take) {
        l->origins->from[s] = from;
        l->origins->n[s] = n;
    }
    /* The document's own arrays (read outside any record) are written
     * out record by record, each just before it goes. */
    rg_buf *echo = l->record == NULL ? l->echo : NULL;
    if (echo != NULL)
        rg_buf__putc(echo, '[');
    /* (Arrays of records are the document's own; were one nested in a
     * record, that record's "@from" would still be its own.) */
    const void *was = l->record;
    rg_docfmt__obj was_obj = l->record_obj;
    json_t **was_from = l->record_from;
    for (size_t i = 0; i < n; i++) {
        rg_path q = rg_path__index(p, i);
        const json_t *e = json_array_get(v, i);
        if (echo != NULL) {
            if (i > 0)
                rg_buf__putc(echo, ',');
            if (rg_jsonwrite__value(echo, e, RG_IMPORT_FROM) != 0)
                echo->oom = 1;
        }
        init_element(obj, arr + i * t->size);
        l->record = arr + i * t->size;
        l->record_obj = obj;
        l->record_from = from ? &from[i] : NULL;
        if (!json_is_object(e))
            type_error(l, &q, t->what, e);
        else
            read_members(l, obj, arr + i * t->size, e, &q);
        /* The model has its copies: the element goes now, so that the
         * model reuses its memory instead of adding to the tree's. */
        json_array_set((json_t *)v, i, json_null());
    }
    l->record = was;
    l->record_obj = was_obj;
    l->record_from = was_from;
    if (echo != NULL) {
        rg_buf__putc(echo, ']');
        l->echoed = 1;
    }
    *n_out = n;
    return arr;
}

/* Kinds or link kinds: style objects by name. */
static void load_styles(ld *l, rg_style **out, size_t *n_out,
                        const json_t *v, const rg_path *p)
{
    if (!json_is_object(v)) {
        type_error(l, p, "an object of styles by name", v);
        return;
    }
    size_t n = json_object_size(v);
    rg_style *styles = calloc(n ? n : 1, sizeof(*styles));
    if (styles == NULL) {
        l->oom = 1;
        return;
    }
    const char *key;
    json_t *val;
    size_t i = 0;
    json_object_foreach((json_t *)v, key, val) {
        rg_path q = rg_path__key(p, key);
        if (strncmp(key, "x-", 2) == 0)
            continue;  /* the user's own, as everywhere */
        rg_style *s = &styles[i++];
        s->name = rg_arena__strdup(&l->doc->arena, key);
        if (s->name == NULL)
            l->oom = 1;
        if (*key == '\0')
            rg_diag__at(l->diags, RG_ERROR, l->file, &q, RG_AT_KEY, NULL,
                        NULL, "a kind's name must not be empty");
        if (!json_is_object(val))
            type_error(l, &q, rg_docfmt__objects[RG_FMT_style].what, val);
        else
            read_members(l, RG_FMT_style, s, val, &q);
    }
    free(*out);
    *out = styles;
    *n_out = i;
}

static void check_version(ld *l, const json_t *v, const rg_path *p)
{
    if (!json_is_integer(v)) {
        type_error(l, p, "the integer 1", v);
        return;
    }
    json_int_t ver = json_integer_value(v);
    if (ver != RG_FORMAT_VERSION)
        rg_diag__at(l->diags, RG_ERROR, l->file, p, RG_AT_VALUE, NULL, NULL,
                    "unsupported format version %" JSON_INTEGER_FORMAT
                    "; this relgraph reads version %d",
                    ver, RG_FORMAT_VERSION);
}

static void read_enum(ld *l, const rg_docfmt__key *k, void *f,
                      const json_t *v, const rg_path *p)
{
    const rg_docfmt__list *list = &rg_docfmt__lists[k->arg];
    int i = enumerated(l, v, p, (rg_docfmt__list_id)k->arg);
    if (i < 0)
        return;
    if (list->as_index)
        *(rg_status *)f = (rg_status)i;
    else
        *(const char **)f = list->words[i];
}

/* STIX's confidence: an integer from 0 to 100. */
static void read_confidence(ld *l, int *f, const json_t *v, const rg_path *p)
{
    if (!json_is_integer(v)) {
        type_error(l, p, "an integer from 0 to 100", v);
        return;
    }
    json_int_t c = json_integer_value(v);
    if (c < 0 || c > 100) {
        rg_diag__at(l->diags, RG_ERROR, l->file, p, RG_AT_VALUE, NULL, NULL,
                    "confidence %" JSON_INTEGER_FORMAT " is out of range; "
                    "write a whole number from 0 (none) to 100 (certain)",
                    c);
        return;
    }
    *f = (int)c;
}

/* An Admiralty grade (grade.h): a source's letter "A".."F", a claim's
 * number 1..6. A grade is not guessed: "b" is refused with "did you mean
 * \"B\"?", and "B2" in either place with the two scales explained. */
static void read_reliability(ld *l, const char **f, const json_t *v,
                             const rg_path *p)
{
    char advice[400], num[32];
    const char *s = json_string_value(v), *q = "\"";
    if (json_is_integer(v)) {
        snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT,
                 json_integer_value(v));
        s = num;
        q = "";
    } else if (s == NULL) {
        type_error(l, p, "a letter from \"A\" to \"F\"", v);
        return;
    }
    *f = *q ? rg_grade__reliability(s) : NULL;
    if (*f != NULL)
        return;
    char up[2] = {(char)toupper((unsigned char)s[0]), '\0'};
    rg_diag__at(l->diags, RG_ERROR, l->file, p, RG_AT_VALUE, NULL,
                *q && s[0] && !s[1] && rg_grade__reliability(up) ? up : NULL,
                "unknown reliability %s%s%s; %s", q, s, q,
                rg_grade__reliability_advice(advice, sizeof(advice), s));
}

static void read_credibility(ld *l, int *f, const json_t *v,
                             const rg_path *p)
{
    char advice[400];
    if (json_is_string(v)) {
        const char *s = json_string_value(v);
        rg_diag__at(l->diags, RG_ERROR, l->file, p, RG_AT_VALUE, NULL, NULL,
                    "credibility \"%s\" is not a number; %s", s,
                    rg_grade__credibility_advice(advice, sizeof(advice), s));
        return;
    }
    if (!json_is_integer(v)) {
        type_error(l, p, "a whole number from 1 to 6", v);
        return;
    }
    json_int_t c = json_integer_value(v);
    if (c < 1 || c > RG_GRADE_CREDIBILITY_MAX) {
        rg_diag__at(l->diags, RG_ERROR, l->file, p, RG_AT_VALUE, NULL, NULL,
                    "credibility %" JSON_INTEGER_FORMAT " is out of range; "
                    "%s", c, rg_grade__credibility_advice(advice,
                                                          sizeof(advice), ""));
        return;
    }
    *f = (int)c;
}

/* A STIX identifier: an object type, "--" and an RFC 4122 UUID, as the
 * OASIS schema's pattern has it. */
static const char *stix_id(ld *l, const json_t *v, const rg_path *p)
{
    const char *s = nonempty_str(l, v, p);
    if (s == NULL || rg_check__stix_id(s))
        return s;
    rg_diag__at(l->diags, RG_ERROR, l->file, p, RG_AT_VALUE, NULL, NULL,
                "\"%s\" is not a STIX identifier; write TYPE--UUID, such as "
                "\"threat-actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\", or "
                "leave \"stix_id\" out and an export derives one", s);
    return NULL;
}

/* Reads the value of key k of the object at o. */
static void read_key(ld *l, const rg_docfmt__key *k, void *o,
                     const json_t *v, const rg_path *p)
{
    void *f = (char *)o + k->offset;
    size_t *count = (size_t *)((char *)o + k->count_offset);
    int b;
    switch (k->type) {
    case RG_FMT_T_SCHEMA:
        if (!json_is_string(v))
            type_error(l, p, "a string", v);
        break;
    case RG_FMT_T_VERSION: check_version(l, v, p); break;
    case RG_FMT_T_TEXT:
    case RG_FMT_T_DATE: *(const char **)f = str(l, v, p); break;
    case RG_FMT_T_NAME:
    case RG_FMT_T_ID:
    case RG_FMT_T_REF:
    case RG_FMT_T_KIND:
    case RG_FMT_T_URL: *(const char **)f = nonempty_str(l, v, p); break;
    case RG_FMT_T_WORDS: strv(l, v, p, f, 0); break;
    case RG_FMT_T_SOURCES:
    case RG_FMT_T_REFS: strv(l, v, p, f, 1); break;
    case RG_FMT_T_ENUM: read_enum(l, k, f, v, p); break;
    case RG_FMT_T_CONFIDENCE: read_confidence(l, f, v, p); break;
    case RG_FMT_T_RELIABILITY: read_reliability(l, f, v, p); break;
    case RG_FMT_T_CREDIBILITY: read_credibility(l, f, v, p); break;
    case RG_FMT_T_STIXID: *(const char **)f = stix_id(l, v, p); break;
    case RG_FMT_T_BOOL:
        b = boolean(l, v, p, 1);
        if (k->size == sizeof(bool))
            *(bool *)f = b;
        else
            *(int *)f = b;
        break;
    case RG_FMT_T_ATTRS: attrs(l, v, p, f, k->arg ? k->arg : l->style_where);
        break;
    case RG_FMT_T_SHAPE:
        *(const char **)f = gv_str(l, v, p, rg_gvattrs__check_shape);
        break;
    case RG_FMT_T_COLOR:
        *(const char **)f = gv_str(l, v, p, rg_gvattrs__check_color);
        break;
    case RG_FMT_T_STYLE:
        *(const char **)f = gv_str(l, v, p, rg_gvattrs__check_style);
        break;
    case RG_FMT_T_ARRAY: *(void **)f = load_array(l, v, p, k->arg, count);
        break;
    case RG_FMT_T_KINDS:
    case RG_FMT_T_STYLES:
        l->style_where = k->type == RG_FMT_T_KINDS ? RG_GV_NODE : RG_GV_EDGE;
        load_styles(l, f, count, v, p);
        break;
    case RG_FMT_T_OBJECT:
        if (!json_is_object(v))
            type_error(l, p, rg_docfmt__objects[k->arg].what, v);
        else
            read_members(l, k->arg, f, v, p);
        break;
    }
}

/* Reads every key of an object that is one: the format's, the user's own
 * (x-, skipped) and unknown ones (warned about); then says which required
 * ones it lacks. */
static void read_members(ld *l, rg_docfmt__obj obj, void *o, const json_t *v,
                         const rg_path *p)
{
    const char *key;
    json_t *val;
    unsigned long said = 0;  /* required keys reported missing already */
    /* The top level's members are written out as they are read (an
     * array of records by load_array()). */
    rg_buf *echo = obj == RG_FMT_doc ? l->echo : NULL;
    int first = 1;
    if (echo != NULL)
        rg_buf__putc(echo, '{');
    json_object_foreach((json_t *)v, key, val) {
        if (echo != NULL) {
            if (!first)
                rg_buf__putc(echo, ',');
            first = 0;
            if (rg_jsonwrite__string(echo, key, strlen(key)) != 0)
                echo->oom = 1;
            rg_buf__putc(echo, ':');
            l->echoed = 0;
        }
        if (o == l->record && obj == l->record_obj &&
            l->record_from != NULL && key[0] == '@' &&
            strcmp(key, RG_IMPORT_FROM) == 0) {
            *l->record_from = json_incref(val);
            continue;
        }
        rg_path q = rg_path__key(p, key);
        const rg_docfmt__key *k = rg_docfmt__find(obj, key);
        long r = -1;
        if (k != NULL)
            read_key(l, k, o, val, &q);
        else if (strncmp(key, "x-", 2) != 0)
            r = unknown_key(l, &q, key, obj, v);
        if (r >= 0 && r < 64)
            said |= 1ul << r;
        if (echo != NULL && !l->echoed &&
            rg_jsonwrite__value(echo, val, NULL) != 0)
            echo->oom = 1;
    }
    if (echo != NULL)
        rg_buf__putc(echo, '}');
    size_t n;
    const rg_docfmt__key *keys = rg_docfmt__keys(obj, &n);
    for (size_t i = 0; i < n; i++)
        if (keys[i].required && json_object_get(v, keys[i].name) == NULL &&
            !(i < 64 && (said >> i & 1)))
            missing(l, p, keys[i].name, keys[i].required);
}

int rg_load__doc(rg_doc *doc, const json_t *root, rg_diags *diags)
{
    return rg_load__doc_from(doc, root, diags, NULL, NULL);
}

void rg_load__origins_free(rg_load_origins *o)
{
    for (int s = 0; s < RG_LOAD_SECTIONS; s++) {
        for (size_t i = 0; i < o->n[s]; i++)
            json_decref(o->from[s][i]);
        free(o->from[s]);
        o->from[s] = NULL;
        o->n[s] = 0;
    }
}

int rg_load__doc_from(rg_doc *doc, const json_t *root, rg_diags *diags,
                      rg_load_origins *origins, rg_buf *echo)
{
    ld l = {doc, diags, doc->file, 0, RG_GV_NODE, origins, NULL, RG_FMT_doc,
            NULL, echo, 0};
    rg_path p = {.n = 0};
    if (!json_is_object(root)) {
        type_error(&l, &p, rg_docfmt__objects[RG_FMT_doc].what, root);
        return 1;
    }
    read_members(&l, RG_FMT_doc, doc, root, &p);
    return l.oom ? -1 : 0;
}
