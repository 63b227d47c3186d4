/* relgraph JSON -> model. The only file that knows jansson. Checks the
 * shape of every value (types, known keys, enumerations) while copying it
 * into the model; the rules that relate values to each other are in
 * check.c. */
#include "buf.h"
#include "check.h"
#include "diag.h"
#include "gvattrs.h"
#include "jsonpos.h"
#include "model.h"

#include <errno.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct ld {
    rg_doc *doc;
    rg_diags *diags;
    const char *file;
    int oom;
    int style_where;  /* RG_GV_NODE under kinds, RG_GV_EDGE under link_kinds */
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
    for (size_t i = 0; i + 2 < n; i++) {
        unsigned char *u = (unsigned char *)s + i;
        if (u[0] == 0xef && u[1] == 0xbf && (u[2] == 0xbe || u[2] == 0xbf))
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
        const char *text = NULL;
        if (json_is_string(val)) {
            text = json_string_value(val);
        } else if (json_is_integer(val)) {
            snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT,
                     json_integer_value(val));
            text = num;
        } else if (json_is_real(val)) {
            snprintf(num, sizeof(num), "%.15g", json_real_value(val));
            text = num;
        } else if (json_is_boolean(val)) {
            text = json_is_true(val) ? "true" : "false";
        } else {
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

/* Picks a value from a list of names, suggesting the closest one. Returns
 * the index, or -1 with a diagnostic. */
static int enumerated(ld *l, const json_t *v, const rg_path *p,
                      const char *what, const char *const *names, size_t n)
{
    if (!json_is_string(v)) {
        type_error(l, p, "a string", v);
        return -1;
    }
    const char *s = json_string_value(v);
    for (size_t i = 0; i < n; i++)
        if (strcmp(s, names[i]) == 0)
            return (int)i;
    const char *best = rg_suggest__best(s, names, n);
    char list[256] = "";
    for (size_t i = 0; i < n; i++) {
        strncat(list, i ? ", " : "", sizeof(list) - strlen(list) - 1);
        strncat(list, names[i], sizeof(list) - strlen(list) - 1);
    }
    if (best != NULL)
        rg_diag__at(l->diags, RG_ERROR, l->file, p, RG_AT_VALUE, NULL, best,
                    "unknown %s \"%s\"; did you mean \"%s\"?", what, s, best);
    else
        rg_diag__at(l->diags, RG_ERROR, l->file, p, RG_AT_VALUE, NULL, NULL,
                    "unknown %s \"%s\"; expected one of %s", what, s, list);
    return -1;
}

/* Keys are dispatched through tables: the same table gives the
 * suggestions for unknown keys. */
typedef void (*key_fn)(ld *l, void *obj, const json_t *v, const rg_path *p);
typedef struct key_rule {
    const char *name;
    key_fn fn;
} key_rule;

static void unknown_key(ld *l, const rg_path *q, const char *key,
                        const key_rule *rules)
{
    const char *names[32];
    size_t n = 0;
    for (; rules[n].name != NULL && n < 32; n++)
        names[n] = rules[n].name;
    const char *best = rg_suggest__best(key, names, n);
    if (best != NULL)
        rg_diag__at(l->diags, RG_WARNING, l->file, q, RG_AT_KEY, NULL, best,
                    "unknown key \"%s\"; did you mean \"%s\"?", key, best);
    else
        rg_diag__at(l->diags, RG_WARNING, l->file, q, RG_AT_KEY, NULL, NULL,
                    "unknown key \"%s\"; keys of your own start with \"x-\"",
                    key);
}

static void dispatch(ld *l, void *obj, const json_t *v, const rg_path *p,
                     const key_rule *rules)
{
    const char *key;
    json_t *val;
    json_object_foreach((json_t *)v, key, val) {
        rg_path q = rg_path__key(p, key);
        const key_rule *r = rules;
        while (r->name != NULL && strcmp(r->name, key) != 0)
            r++;
        if (r->name != NULL)
            r->fn(l, obj, val, &q);
        else if (strncmp(key, "x-", 2) != 0)
            unknown_key(l, &q, key, rules);
    }
}

/* Reports a required key that an object lacks, at the object. */
static void missing(ld *l, const rg_path *p, const char *key,
                    const char *hint)
{
    rg_diag__at(l->diags, RG_ERROR, l->file, p, RG_AT_VALUE, NULL, NULL,
                "missing required key \"%s\"; %s", key, hint);
}

/* ---- actor ---- */

#define FIELD_STR(type, field, fn)                                         \
    static void type##_##field(ld *l, void *o, const json_t *v,          \
                               const rg_path *p)                          \
    {                                                                     \
        ((type *)o)->field = fn(l, v, p);                                 \
    }
#define FIELD_STRV(type, field, single)                                    \
    static void type##_##field(ld *l, void *o, const json_t *v,          \
                               const rg_path *p)                          \
    {                                                                     \
        strv(l, v, p, &((type *)o)->field, single);                       \
    }
#define FIELD_ATTRS(type, where)                                           \
    static void type##_attrs(ld *l, void *o, const json_t *v,            \
                             const rg_path *p)                            \
    {                                                                     \
        attrs(l, v, p, &((type *)o)->attrs, where);                       \
    }

FIELD_STR(rg_actor, id, nonempty_str)
FIELD_STR(rg_actor, name, nonempty_str)
FIELD_STR(rg_actor, kind, nonempty_str)
FIELD_STRV(rg_actor, aliases, 0)
FIELD_STR(rg_actor, group, nonempty_str)
FIELD_STR(rg_actor, note, str)
FIELD_STR(rg_actor, date, str)
FIELD_STR(rg_actor, until, str)
FIELD_STR(rg_actor, url, nonempty_str)
FIELD_STRV(rg_actor, source, 1)
FIELD_STRV(rg_actor, tags, 0)
FIELD_ATTRS(rg_actor, RG_GV_NODE)

static const key_rule actor_rules[] = {
    {"id", rg_actor_id},         {"name", rg_actor_name},
    {"kind", rg_actor_kind},     {"aliases", rg_actor_aliases},
    {"group", rg_actor_group},   {"note", rg_actor_note},
    {"date", rg_actor_date},     {"until", rg_actor_until},
    {"url", rg_actor_url},       {"source", rg_actor_source},
    {"tags", rg_actor_tags},     {"attrs", rg_actor_attrs},
    {NULL, NULL}};

static void load_actor(ld *l, rg_actor *a, const json_t *v, const rg_path *p)
{
    memset(a, 0, sizeof(*a));
    a->group_index = -1;
    if (!json_is_object(v)) {
        type_error(l, p, "an actor object", v);
        return;
    }
    dispatch(l, a, v, p, actor_rules);
    if (json_object_get(v, "id") == NULL)
        missing(l, p, "id", "give the actor a unique \"id\"");
}

/* ---- link ---- */

FIELD_STR(rg_link, from, nonempty_str)
FIELD_STR(rg_link, to, nonempty_str)
FIELD_STR(rg_link, label, str)
FIELD_STR(rg_link, kind, nonempty_str)
FIELD_STR(rg_link, date, str)
FIELD_STR(rg_link, until, str)
FIELD_STRV(rg_link, source, 1)
FIELD_STR(rg_link, quote, str)
FIELD_STRV(rg_link, claimed_by, 1)
FIELD_STRV(rg_link, disputed_by, 1)
FIELD_STR(rg_link, url, nonempty_str)
FIELD_ATTRS(rg_link, RG_GV_EDGE)

static const char *const status_names[RG_STATUS_COUNT] = {
    "confirmed", "reported", "alleged", "disputed", "denied"};

static void rg_link_status(ld *l, void *o, const json_t *v, const rg_path *p)
{
    int i = enumerated(l, v, p, "status", status_names, RG_STATUS_COUNT);
    if (i >= 0)
        ((rg_link *)o)->status = (rg_status)i;
}

static void rg_link_directed(ld *l, void *o, const json_t *v,
                             const rg_path *p)
{
    ((rg_link *)o)->directed = boolean(l, v, p, 1);
}

static const key_rule link_rules[] = {
    {"from", rg_link_from},         {"to", rg_link_to},
    {"label", rg_link_label},       {"kind", rg_link_kind},
    {"status", rg_link_status},     {"directed", rg_link_directed},
    {"date", rg_link_date},         {"until", rg_link_until},
    {"source", rg_link_source},     {"quote", rg_link_quote},
    {"claimed_by", rg_link_claimed_by},
    {"disputed_by", rg_link_disputed_by},
    {"url", rg_link_url},           {"attrs", rg_link_attrs},
    {NULL, NULL}};

static void load_link(ld *l, rg_link *k, const json_t *v, const rg_path *p)
{
    memset(k, 0, sizeof(*k));
    k->status = RG_STATUS_REPORTED;
    k->directed = true;
    if (!json_is_object(v)) {
        type_error(l, p, "a link object", v);
        return;
    }
    dispatch(l, k, v, p, link_rules);
    if (json_object_get(v, "from") == NULL)
        missing(l, p, "from", "name the actor the link starts at");
    if (json_object_get(v, "to") == NULL)
        missing(l, p, "to", "name the actor the link ends at");
}

/* ---- group, source ---- */

FIELD_STR(rg_group, id, nonempty_str)
FIELD_STR(rg_group, label, str)
FIELD_STR(rg_group, parent, nonempty_str)
FIELD_ATTRS(rg_group, RG_GV_CLUSTER)

static const key_rule group_rules[] = {
    {"id", rg_group_id}, {"label", rg_group_label},
    {"parent", rg_group_parent}, {"attrs", rg_group_attrs}, {NULL, NULL}};

FIELD_STR(rg_source, id, nonempty_str)
FIELD_STR(rg_source, title, str)
FIELD_STR(rg_source, publisher, str)
FIELD_STR(rg_source, date, str)
FIELD_STR(rg_source, url, nonempty_str)

static const key_rule source_rules[] = {
    {"id", rg_source_id},     {"title", rg_source_title},
    {"publisher", rg_source_publisher},
    {"date", rg_source_date}, {"url", rg_source_url}, {NULL, NULL}};

static void load_group(ld *l, rg_group *g, const json_t *v, const rg_path *p)
{
    memset(g, 0, sizeof(*g));
    g->parent_index = -1;
    if (!json_is_object(v)) {
        type_error(l, p, "a group object", v);
        return;
    }
    dispatch(l, g, v, p, group_rules);
    if (json_object_get(v, "id") == NULL)
        missing(l, p, "id", "give the group a unique \"id\"");
}

static void load_source(ld *l, rg_source *s, const json_t *v,
                        const rg_path *p)
{
    memset(s, 0, sizeof(*s));
    if (!json_is_object(v)) {
        type_error(l, p, "a source object", v);
        return;
    }
    dispatch(l, s, v, p, source_rules);
    if (json_object_get(v, "id") == NULL)
        missing(l, p, "id", "give the source a unique \"id\"");
}

/* ---- styles ---- */

FIELD_STR(rg_style, label, str)
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

#define FIELD_GV(field, check)                                             \
    static void rg_style_##field(ld *l, void *o, const json_t *v,         \
                                 const rg_path *p)                        \
    {                                                                     \
        ((rg_style *)o)->field = gv_str(l, v, p, check);                  \
    }

FIELD_GV(shape, rg_gvattrs__check_shape)
FIELD_GV(color, rg_gvattrs__check_color)
FIELD_GV(fill, rg_gvattrs__check_color)
FIELD_GV(fontcolor, rg_gvattrs__check_color)
FIELD_GV(style, rg_gvattrs__check_style)
FIELD_ATTRS(rg_style, l->style_where)

static const key_rule style_rules[] = {
    {"label", rg_style_label},         {"shape", rg_style_shape},
    {"color", rg_style_color},         {"fill", rg_style_fill},
    {"fontcolor", rg_style_fontcolor}, {"style", rg_style_style},
    {"attrs", rg_style_attrs},         {NULL, NULL}};

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
            type_error(l, &q, "a style object", val);
        else
            dispatch(l, s, val, &q, style_rules);
    }
    free(*out);
    *out = styles;
    *n_out = i;
}

/* ---- layout ---- */

static const char *const engines[] = {"dot", "neato", "fdp", "sfdp",
                                      "circo", "twopi"};
static const char *const directions[] = {"LR", "TB", "RL", "BT"};

static void rg_layout_engine(ld *l, void *o, const json_t *v,
                             const rg_path *p)
{
    int i = enumerated(l, v, p, "layout engine", engines, 6);
    if (i >= 0)
        ((rg_layout *)o)->engine = engines[i];
}

static void rg_layout_direction(ld *l, void *o, const json_t *v,
                                const rg_path *p)
{
    int i = enumerated(l, v, p, "direction", directions, 4);
    if (i >= 0)
        ((rg_layout *)o)->direction = directions[i];
}

static void rg_layout_legend(ld *l, void *o, const json_t *v,
                             const rg_path *p)
{
    ((rg_layout *)o)->legend = boolean(l, v, p, 1);
}

FIELD_ATTRS(rg_layout, RG_GV_GRAPH)

static const key_rule layout_rules[] = {
    {"engine", rg_layout_engine}, {"direction", rg_layout_direction},
    {"legend", rg_layout_legend}, {"attrs", rg_layout_attrs}, {NULL, NULL}};

/* ---- top level ---- */

typedef void (*elem_fn)(ld *l, void *elem, const json_t *v, const rg_path *p);

/* Loads an array of objects into a new C array. Elements that are not
 * objects keep a zeroed slot, so that indexes match the text's. */
static void *load_array(ld *l, const json_t *v, const rg_path *p,
                        size_t elem_size, elem_fn fn, size_t *n_out,
                        const char *what)
{
    if (!json_is_array(v)) {
        type_error(l, p, what, v);
        return NULL;
    }
    size_t n = json_array_size(v);
    char *arr = calloc(n ? n : 1, elem_size);
    if (arr == NULL) {
        l->oom = 1;
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        rg_path q = rg_path__index(p, i);
        fn(l, arr + i * elem_size, json_array_get(v, i), &q);
        /* The model has its copies: the element goes now, so that the
         * model reuses its memory instead of adding to the tree's. */
        json_array_set((json_t *)v, i, json_null());
    }
    *n_out = n;
    return arr;
}

static void top_schema(ld *l, void *o, const json_t *v, const rg_path *p)
{
    (void)o;
    if (!json_is_string(v))
        type_error(l, p, "a string", v);
}

static void top_version(ld *l, void *o, const json_t *v, const rg_path *p)
{
    (void)o;
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

static void top_title(ld *l, void *o, const json_t *v, const rg_path *p)
{
    ((rg_doc *)o)->title = str(l, v, p);
}

static void top_description(ld *l, void *o, const json_t *v,
                            const rg_path *p)
{
    ((rg_doc *)o)->description = str(l, v, p);
}

static void top_sources(ld *l, void *o, const json_t *v, const rg_path *p)
{
    rg_doc *d = o;
    d->sources = load_array(l, v, p, sizeof(rg_source),
                            (elem_fn)load_source, &d->n_sources,
                            "an array of sources");
}

static void top_groups(ld *l, void *o, const json_t *v, const rg_path *p)
{
    rg_doc *d = o;
    d->groups = load_array(l, v, p, sizeof(rg_group), (elem_fn)load_group,
                           &d->n_groups, "an array of groups");
}

static void top_actors(ld *l, void *o, const json_t *v, const rg_path *p)
{
    rg_doc *d = o;
    d->actors = load_array(l, v, p, sizeof(rg_actor), (elem_fn)load_actor,
                           &d->n_actors, "an array of actors");
}

static void top_links(ld *l, void *o, const json_t *v, const rg_path *p)
{
    rg_doc *d = o;
    d->links = load_array(l, v, p, sizeof(rg_link), (elem_fn)load_link,
                          &d->n_links, "an array of links");
}

static void top_kinds(ld *l, void *o, const json_t *v, const rg_path *p)
{
    rg_doc *d = o;
    l->style_where = RG_GV_NODE;
    load_styles(l, &d->kinds, &d->n_kinds, v, p);
}

static void top_link_kinds(ld *l, void *o, const json_t *v, const rg_path *p)
{
    rg_doc *d = o;
    l->style_where = RG_GV_EDGE;
    load_styles(l, &d->link_kinds, &d->n_link_kinds, v, p);
}

static void top_layout(ld *l, void *o, const json_t *v, const rg_path *p)
{
    rg_doc *d = o;
    if (!json_is_object(v)) {
        type_error(l, p, "a layout object", v);
        return;
    }
    dispatch(l, &d->layout, v, p, layout_rules);
}

static const key_rule top_rules[] = {
    {"$schema", top_schema},       {"relgraph", top_version},
    {"title", top_title},          {"description", top_description},
    {"sources", top_sources},      {"kinds", top_kinds},
    {"link_kinds", top_link_kinds}, {"groups", top_groups},
    {"actors", top_actors},        {"links", top_links},
    {"layout", top_layout},        {NULL, NULL}};

/* ---- values for Graphviz ---- */

typedef struct gvcollect {
    rg_doc *doc;
    rg_jsonpos *loc;
    int eager;  /* locate now: the text will be gone */
    size_t cap;
    int oom;
} gvcollect;

/* Where v stands in the text of loc. */
static void locate_gvval(rg_doc *d, rg_gvval *v, rg_jsonpos *loc)
{
    const rg_path *p = &v->at;
    v->located = 1;
    v->line = v->column = 0;
    v->source_line = NULL;
    rg_jsonpos__lookup(loc, p, RG_AT_VALUE, &v->line, &v->column);
    v->end_column = v->column;
    const char *lt;
    size_t ll;
    if (rg_jsonpos__line_text(loc, v->line, &lt, &ll) == 0 && ll <= 1024) {
        v->source_line = rg_arena__strndup(&d->arena, lt, ll);
        /* The value is a JSON string or number: its end is where its
         * text ends on the line. */
        size_t k = 0, col = 1;
        while (k < ll && (int)col < v->column)
            col += ((unsigned char)lt[k++] & 0xC0) != 0x80;
        size_t e = k;
        if (e < ll && lt[e] == '"') {
            e++;
            while (e < ll && lt[e] != '"')
                e += lt[e] == '\\' ? 2 : 1;
            e++;
        } else {
            while (e < ll && !strchr(",}] \t", lt[e]))
                e++;
        }
        for (; k < e && k < ll; k++)
            col += ((unsigned char)lt[k] & 0xC0) != 0x80;
        v->end_column = (int)col;
    }
}

void rg_doc__locate_gvval(const rg_doc *doc, const rg_gvval *cv)
{
    rg_gvval *v = (rg_gvval *)cv;
    if (!v->located && doc->loc != NULL)
        locate_gvval((rg_doc *)doc, v, doc->loc);
}

static void gv_add(gvcollect *g, const rg_path *p, const char *value)
{
    rg_doc *d = g->doc;
    if (value == NULL || g->oom)
        return;
    if (d->n_gvvals == g->cap) {
        g->cap = g->cap ? g->cap * 2 : 16;
        rg_gvval *v = realloc(d->gvvals, g->cap * sizeof(*v));
        if (v == NULL) {
            g->oom = 1;
            return;
        }
        d->gvvals = v;
    }
    rg_gvval *v = &d->gvvals[d->n_gvvals++];
    v->value = value;
    v->at = *p;
    v->located = 0;
    v->line = v->column = v->end_column = 0;
    v->source_line = NULL;
    if (g->eager)
        locate_gvval(d, v, g->loc);
    rg_buf b = {0};
    for (int i = 0; i < p->n; i++) {
        if (p->seg[i].key)
            rg_buf__printf(&b, "%s%s", i ? "." : "", p->seg[i].key);
        else
            rg_buf__printf(&b, "[%zu]", p->seg[i].index);
    }
    v->path = rg_arena__strdup(&d->arena, rg_buf__str(&b));
    g->oom |= b.oom || v->path == NULL;
    rg_buf__free(&b);
}

static void gv_attrs(gvcollect *g, const rg_path *p, const rg_attrs *a)
{
    rg_path q = rg_path__key(p, "attrs");
    for (size_t i = 0; i < a->n; i++) {
        rg_path r = rg_path__key(&q, a->v[i].name);
        gv_add(g, &r, a->v[i].value);
    }
}

static void gv_styles(gvcollect *g, const char *key, const rg_style *st,
                      size_t n)
{
    rg_path top = {.n = 0};
    top = rg_path__key(&top, key);
    for (size_t i = 0; i < n; i++) {
        rg_path p = rg_path__key(&top, st[i].name);
        const char *names[] = {"shape", "color", "fill", "fontcolor", "style"};
        const char *vals[] = {st[i].shape, st[i].color, st[i].fill,
                              st[i].fontcolor, st[i].style};
        for (size_t k = 0; k < 5; k++) {
            rg_path q = rg_path__key(&p, names[k]);
            gv_add(g, &q, vals[k]);
        }
        gv_attrs(g, &p, &st[i].attrs);
    }
}

/* Records each value the document hands to Graphviz, so that Graphviz's
 * complaints can point at it: where it stands is found now (eager) while
 * the text is still here, or for a file, only when a complaint is about
 * it (rg_doc__locate_gvval). Only documents that use raw values pay. */
static int collect_gv_values(rg_doc *d, rg_jsonpos *loc, int eager)
{
    gvcollect g = {d, loc, eager, 0, 0};
    rg_path root = {.n = 0};
    rg_path actors = rg_path__key(&root, "actors");
    rg_path links = rg_path__key(&root, "links");
    rg_path groups = rg_path__key(&root, "groups");
    for (size_t i = 0; i < d->n_actors; i++) {
        rg_path p = rg_path__index(&actors, i);
        gv_attrs(&g, &p, &d->actors[i].attrs);
    }
    for (size_t i = 0; i < d->n_links; i++) {
        rg_path p = rg_path__index(&links, i);
        gv_attrs(&g, &p, &d->links[i].attrs);
    }
    for (size_t i = 0; i < d->n_groups; i++) {
        rg_path p = rg_path__index(&groups, i);
        gv_attrs(&g, &p, &d->groups[i].attrs);
    }
    rg_path layout = rg_path__key(&root, "layout");
    gv_attrs(&g, &layout, &d->layout.attrs);
    gv_styles(&g, "kinds", d->kinds, d->n_kinds);
    gv_styles(&g, "link_kinds", d->link_kinds, d->n_link_kinds);
    return g.oom ? -1 : 0;
}

/* Reports a JSON syntax error where jansson found it. jansson's column
 * is at the end of the bad token; point at its start, as editors expect. */
static void syntax_error(rg_diags *diags, const char *file, const char *text,
                         size_t len, const json_error_t *err)
{
    size_t off = (size_t)err->position;
    const char *near = strstr(err->text, "near '");
    if (near != NULL) {
        size_t tok = strlen(near + 6);
        if (tok > 0 && near[6 + tok - 1] == '\'')
            tok--;
        if (tok <= off && strncmp(text + off - tok, near + 6, tok) == 0)
            off -= tok;
    }
    int line, col;
    size_t ls, ll;
    rg_jsonpos__line_col(text, len, off, &line, &col, &ls, &ll);
    const char *src = ll <= 1024 ? text + ls : NULL;
    char msg[JSON_ERROR_TEXT_LENGTH + 48];
    /* jansson says "'}' expected" where a comma is as likely missing. */
    const char *t = err->text;
    if (strncmp(t, "'}' expected", 12) == 0 || strncmp(t, "']' expected", 12) == 0)
        snprintf(msg, sizeof(msg), "',' or %s", t);
    else if (strncmp(t, "unable to decode byte", 21) == 0)
        snprintf(msg, sizeof(msg), "%s; the file must be UTF-8", t);
    else
        snprintf(msg, sizeof(msg), "%s", t);
    size_t first, dup;
    if (json_error_code(err) == json_error_duplicate_key &&
        rg_jsonpos__duplicate_key(text, len, &first, &dup)) {
        /* Point at the second occurrence and say where the first is. */
        int fl, fc;
        size_t fls, fll, dl;
        rg_jsonpos__line_col(text, len, first, &fl, &fc, &fls, &fll);
        rg_jsonpos__line_col(text, len, dup, &line, &col, &ls, &ll);
        dl = strcspn(text + dup + 1, "\"") + 2;
        rg_diag__pos(diags, RG_ERROR, file, line, col, col + (int)dl,
                     ll <= 1024 ? text + ls : NULL, ll, "",
                     "JSON: duplicate key %.*s (first at %d:%d); each key "
                     "may appear once in an object",
                     (int)(dl > 200 ? 200 : dl), text + dup, fl, fc);
    } else if (json_error_code(err) == json_error_duplicate_key) {
        rg_diag__pos(diags, RG_ERROR, file, line, col, col, src, ll, "",
                     "JSON: %s; each key may appear once in an object", msg);
    } else {
        rg_diag__pos(diags, RG_ERROR, file, line, col, col, src, ll, "",
                     "JSON: %s", msg);
    }
}

/* Turns a parsed tree into a checked document; always releases `root`.
 * Positions for diagnostics come from `text`, or when it is NULL from the
 * file at `path`, read only if there is something to point at. */
static int load_tree(rg_doc **out, json_t *root, const char *text,
                     size_t len, const char *path, const char *name,
                     rg_diags *diags)
{
    int rc = -1;
    size_t start = rg_diags_count(diags);
    rg_doc *doc = NULL;
    rg_jsonpos *loc = NULL;
    *out = NULL;
    doc = rg_doc__new(name);
    if (doc == NULL)
        goto oom;
    ld l = {doc, diags, name, 0, RG_GV_NODE};
    rg_path p = {.n = 0};
    if (!json_is_object(root)) {
        type_error(&l, &p, "a relgraph document (a JSON object)", root);
        goto resolve;
    }
    /* A JSON Schema (graphs/relgraph.schema.json lives beside the
     * documents, where "relgraph check graphs/<all>.json" meets it) is not a
     * document: say so once instead of listing its keys as mistakes. */
    const char *schema = json_string_value(json_object_get(root, "$schema"));
    if (schema != NULL && json_object_get(root, "actors") == NULL &&
        (strncmp(schema, "https://json-schema.org/", 24) == 0 ||
         strncmp(schema, "http://json-schema.org/", 23) == 0)) {
        rg_diags_add(diags, RG_NOTE, name,
                     "a JSON Schema, not a relgraph document; skipped");
        goto out;
    }
    dispatch(&l, doc, root, &p, top_rules);
    if (json_object_get(root, "actors") == NULL)
        missing(&l, &p, "actors", "add \"actors\": [] with the actors");
    /* The model holds copies of everything it needs. */
    json_decref(root);
    root = NULL;
    if (l.oom)
        goto oom;
    loc = text ? rg_jsonpos__new(text, len) : rg_jsonpos__new_file(path);
    if (loc == NULL)
        goto oom;
    rg_check__doc(doc, diags, loc);
resolve:
    if (rg_diags_count(diags) > start) {
        if (loc == NULL &&
            (loc = text ? rg_jsonpos__new(text, len)
                        : rg_jsonpos__new_file(path)) == NULL)
            goto oom;
        rg_jsonpos__resolve(loc, diags, start);
        rg_diags__sort_from(diags, start);
    }
    for (size_t i = start; i < rg_diags_count(diags); i++)
        if (rg_diags_get(diags, i)->severity == RG_ERROR)
            goto out;
    if (collect_gv_values(doc, loc, text != NULL) != 0)
        goto oom;
    if (text == NULL && doc->n_gvvals > 0) {
        /* Located when a Graphviz message is about one of them. */
        doc->loc = loc;
        loc = NULL;
    }
    *out = doc;
    doc = NULL;
    rc = 0;
    goto out;
oom:
    rg_diags_add(diags, RG_ERROR, name, "out of memory loading the document");
out:
    rg_jsonpos__free(loc);
    json_decref(root);
    rg_doc_free(doc);
    return rc;
}

int rg_doc_load_buffer(rg_doc **out, const char *text, size_t len,
                       const char *name, rg_diags *diags)
{
    json_error_t err;
    /* A UTF-8 byte order mark is allowed (RFC 8259 lets a parser ignore
     * it) and invisible in editors, so positions count from after it. */
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
    }
    *out = NULL;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
    if (root == NULL) {
        syntax_error(diags, name, text, len, &err);
        return -1;
    }
    return load_tree(out, root, text, len, NULL, name, diags);
}

/* ---- reading: bounded, and stopped at the first impossible byte ---- */

/* "128 MiB", "1 GiB", "1000 bytes": a limit as the user would write it. */
static void size_text(char *buf, size_t cap, size_t n)
{
    static const char *const unit[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
    int u = 0;
    while (u < 4 && n >= 1024 && n % 1024 == 0) {
        n /= 1024;
        u++;
    }
    snprintf(buf, cap, "%zu %s", n, unit[u]);
}

static void too_large(rg_diags *diags, const char *name, size_t max)
{
    char lim[32];
    size_text(lim, sizeof(lim), max);
    rg_diags_add(diags, RG_ERROR, name,
                 "larger than the input limit of %s; raise it with "
                 "--max-input SIZE (e.g. --max-input 1G) if the document is "
                 "meant to be this big", lim);
}

/* What can be in a JSON text (RFC 8259) as UTF-8, byte by byte: a stream
 * with no size (a pipe, a terminal, /dev/zero) is read only as long as
 * its bytes could still be a document. */
typedef struct scan {
    size_t off;        /* of the next byte */
    int started;       /* a byte other than whitespace was seen */
    int need;          /* continuation bytes still expected */
    unsigned char lo;  /* range of the next continuation byte */
    unsigned char hi;
} scan;

/* Scans p[0..n); returns the offset in p of the first byte that cannot be
 * there, or n. *why says what is wrong with it. */
static size_t scan_bytes(scan *s, const unsigned char *p, size_t n,
                         const char **why)
{
    for (size_t i = 0; i < n; i++, s->off++) {
        unsigned char c = p[i];
        if (s->need > 0) {
            if (c < s->lo || c > s->hi) {
                *why = "invalid UTF-8";
                return i;
            }
            s->need--;
            s->lo = 0x80;
            s->hi = 0xBF;
            continue;
        }
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            *why = "a control character, which JSON allows only as a "
                   "\\u escape";
            return i;
        }
        if (!s->started && c != ' ' && c != '\t' && c != '\n' &&
            c != '\r') {
            /* The byte order mark is skipped by the loader. */
            if (s->off == 0 && c == 0xEF) {
                s->need = 2;
                s->lo = 0xBB;
                s->hi = 0xBB;
                continue;
            }
            if (strchr("{[\"-0123456789tfn", c) == NULL || c == '\0') {
                *why = "not how a JSON document begins (a relgraph "
                       "document is an object, '{')";
                return i;
            }
            s->started = 1;
        }
        if (c < 0x80)
            continue;
        s->lo = 0x80;
        s->hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            s->need = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            s->need = 2;
            s->lo = c == 0xE0 ? 0xA0 : 0x80;
            s->hi = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            s->need = 3;
            s->lo = c == 0xF0 ? 0x90 : 0x80;
            s->hi = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            *why = "invalid UTF-8";
            return i;
        }
    }
    return n;
}

static void bad_byte(rg_diags *diags, const char *name, const char *text,
                     size_t off, const char *why)
{
    int line, col;
    size_t ls, ll;
    rg_jsonpos__line_col(text, off, off, &line, &col, &ls, &ll);
    unsigned char c = (unsigned char)text[off];
    char shown[16];
    if (c > 0x20 && c < 0x7F)
        snprintf(shown, sizeof(shown), "'%c'", c);
    else
        snprintf(shown, sizeof(shown), "0x%02X", c);
    rg_diag__pos(diags, RG_ERROR, name, line, col, col, NULL, 0, "",
                 "JSON: byte %s is %s; reading stopped there", shown, why);
}

/* Reads all of f, at most max bytes. A stream that is not a regular file
 * stops at the first byte no document could hold there. Returns 0, or -1
 * with a diagnostic. */
static int read_bounded(FILE *f, int regular, const char *name, size_t max,
                        char **out, size_t *len, rg_diags *diags)
{
    size_t cap = 64 * 1024, n = 0;
    scan s = {0};
    char *buf = malloc(cap + 1);
    int rc = -1;
    if (buf == NULL)
        goto oom;
    for (;;) {
        if (n == cap) {
            if (cap > max)
                break;
            cap = cap * 2 > max + 1 ? max + 1 : cap * 2;
            char *b = realloc(buf, cap + 1);
            if (b == NULL)
                goto oom;
            buf = b;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        if (!regular) {
            const char *why = NULL;
            size_t ok = scan_bytes(&s, (unsigned char *)buf + n, got, &why);
            if (ok < got) {
                bad_byte(diags, name, buf, n + ok, why);
                goto out;
            }
        }
        n += got;
        if (n > max)
            break;
        if (got == 0)
            break;
    }
    if (n > max) {
        too_large(diags, name, max);
        goto out;
    }
    if (ferror(f)) {
        rg_diags_add(diags, RG_ERROR, name, "cannot read: %s",
                     strerror(errno ? errno : EIO));
        goto out;
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    buf = NULL;
    rc = 0;
    goto out;
oom:
    rg_diags_add(diags, RG_ERROR, name, "out of memory reading the document");
out:
    free(buf);
    return rc;
}

/* Opens path ("-": standard input) for reading a document. Returns the
 * stream, or NULL with a diagnostic; *regular says whether it is a
 * regular file, and *st is its status when stat_ok. */
static FILE *open_input(const char *path, const char *name, int *regular,
                        struct stat *st, rg_diags *diags)
{
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (f == NULL) {
        rg_diags_add(diags, RG_ERROR, name, "cannot open: %s",
                     strerror(errno));
        return NULL;
    }
    int stat_ok = fstat(fileno(f), st) == 0;
    if (stat_ok && S_ISDIR(st->st_mode)) {
        rg_diags_add(diags, RG_ERROR, name,
                     "is a directory; give a relgraph JSON file");
        if (!is_stdin)
            fclose(f);
        return NULL;
    }
    *regular = stat_ok && S_ISREG(st->st_mode);
    return f;
}

int rg_doc_read_file(char **out, size_t *out_len, const char *path,
                     size_t max_bytes, rg_diags *diags)
{
    int is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "<stdin>" : path;
    size_t max = max_bytes ? max_bytes : RG_MAX_INPUT_DEFAULT;
    struct stat st;
    int regular = 0;
    *out = NULL;
    *out_len = 0;
    FILE *f = open_input(path, name, &regular, &st, diags);
    if (f == NULL)
        return -1;
    int rc;
    if (regular && (uint64_t)st.st_size > (uint64_t)max) {
        too_large(diags, name, max);
        rc = -1;
    } else {
        errno = 0;
        rc = read_bounded(f, regular, name, max, out, out_len, diags);
    }
    if (!is_stdin)
        fclose(f);
    return rc;
}

/* jansson reads a file through this, a block at a time. */
typedef struct stream {
    FILE *f;
    int started;
    size_t max, read;  /* bytes allowed and read so far */
} stream;

static size_t read_block(void *buf, size_t size, void *data)
{
    stream *s = data;
    size_t n = fread(buf, 1, size, s->f);
    if (n == 0 && ferror(s->f))
        return (size_t)-1;
    /* The file grew past the limit since its size was checked. */
    s->read += n;
    if (s->read > s->max)
        return (size_t)-1;
    if (!s->started) {
        /* The byte order mark, as in rg_doc_load_buffer(). */
        s->started = 1;
        if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
            memmove(buf, (char *)buf + 3, n - 3);
            n -= 3;
        }
    }
    return n;
}

/* Reads all of f (closing it when close_it), at most max bytes, and
 * loads the text, named `name` in diagnostics. */
static int load_read(rg_doc **out, FILE *f, int close_it, int regular,
                     const char *name, size_t max, rg_diags *diags)
{
    char *text = NULL;
    size_t len = 0;
    errno = 0;
    int rc = read_bounded(f, regular, name, max, &text, &len, diags);
    if (close_it)
        fclose(f);
    if (rc == 0)
        rc = rg_doc_load_buffer(out, text, len, name, diags);
    free(text);
    return rc;
}

/* A file is parsed as it is read, without its whole text in memory beside
 * the JSON tree (76 MB of text for the 100,000-actor benchmark document);
 * the text is read again only to point at a problem. Closes f. */
static int load_stream(rg_doc **out, FILE *f, const char *path, size_t max,
                       rg_diags *diags)
{
    stream s = {f, 0, max, 0};
    json_error_t err;
    errno = 0;
    json_t *root = json_load_callback(read_block, &s, JSON_REJECT_DUPLICATES,
                                      &err);
    int e = ferror(f) ? (errno ? errno : EIO) : 0;
    fclose(f);
    if (e != 0) {
        json_decref(root);
        rg_diags_add(diags, RG_ERROR, path, "cannot read: %s", strerror(e));
        return -1;
    }
    if (s.read > max) {
        json_decref(root);
        too_large(diags, path, max);
        return -1;
    }
    if (root != NULL)
        return load_tree(out, root, NULL, 0, path, path, diags);
    /* A syntax error is reported from the text, where it stands. */
    FILE *again = fopen(path, "rb");
    if (again == NULL) {
        rg_diags_add(diags, RG_ERROR, path, "cannot read: %s",
                     strerror(errno));
        return -1;
    }
    return load_read(out, again, 1, 1, path, max, diags);
}

int rg_doc_load_file_max(rg_doc **out, const char *path, size_t max_bytes,
                         rg_diags *diags)
{
    int is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "<stdin>" : path;
    size_t max = max_bytes ? max_bytes : RG_MAX_INPUT_DEFAULT;
    struct stat st;
    int regular = 0;
    *out = NULL;
    FILE *f = open_input(path, name, &regular, &st, diags);
    if (f == NULL)
        return -1;
    if (regular && (uint64_t)st.st_size > (uint64_t)max) {
        too_large(diags, name, max);
        if (!is_stdin)
            fclose(f);
        return -1;
    }
    if (!is_stdin && regular) {
        int rc = load_stream(out, f, path, max, diags);
        if (*out != NULL) {
            (*out)->from_file = true;
            (*out)->file_id = rg_file_id__of(&st);
        }
        return rc;
    }
    return load_read(out, f, !is_stdin, regular, name, max, diags);
}

int rg_doc_load_file(rg_doc **out, const char *path, rg_diags *diags)
{
    return rg_doc_load_file_max(out, path, 0, diags);
}
