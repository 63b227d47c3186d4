/* CSV tables to a relgraph document: a links table (the input), and the
 * actors, sources and groups tables given with it (--actors, --sources,
 * --groups). A header row names the columns (graphs/README.md lists
 * them and their synonyms); a column relgraph has no key for is kept as
 * "x-COLUMN". Several values in one cell are separated by ';'. Actors,
 * sources and groups that rows name but no table defines are made. Each
 * record's "@from" holds where its row and each of its cells are, so
 * that the loader's findings point at the cell. State: one tables per
 * import. */
#include "escape.h"
#include "import_csv.h"
#include "import_graph.h"
#include "style.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum vtype { STR, LIST, BOOL, NUM };
enum table { T_GROUPS, T_SOURCES, T_ACTORS, T_LINKS };

typedef struct col_spec {
    const char *name, *key;
    enum vtype type;
} col_spec;

static const col_spec link_cols[] = {
    {"from", "from", STR}, {"from_id", "from", STR}, {"to", "to", STR},
    {"to_id", "to", STR}, {"target", "to", STR}, {"label", "label", STR},
    {"relation", "label", STR}, {"relationship", "label", STR},
    {"kind", "kind", STR}, {"type", "kind", STR}, {"status", "status", STR},
    {"directed", "directed", BOOL}, {"date", "date", STR},
    {"until", "until", STR}, {"source", "source", LIST},
    {"sources", "source", LIST}, {"quote", "quote", STR},
    {"claimed_by", "claimed_by", LIST}, {"disputed_by", "disputed_by", LIST},
    {"url", "url", STR}, {"confidence", "confidence", NUM},
    {"credibility", "credibility", NUM},
    {"tlp", "tlp", STR}, {"stix_id", "stix_id", STR}, {NULL, NULL, STR}};
static const col_spec actor_cols[] = {
    {"id", "id", STR}, {"name", "name", STR}, {"label", "name", STR},
    {"kind", "kind", STR}, {"type", "kind", STR}, {"aliases", "aliases", LIST},
    {"alias", "aliases", LIST}, {"group", "group", STR}, {"note", "note", STR},
    {"description", "note", STR}, {"date", "date", STR},
    {"until", "until", STR}, {"url", "url", STR}, {"source", "source", LIST},
    {"sources", "source", LIST}, {"tags", "tags", LIST},
    {"confidence", "confidence", NUM}, {"credibility", "credibility", NUM},
    {"tlp", "tlp", STR}, {"stix_id", "stix_id", STR}, {NULL, NULL, STR}};
static const col_spec source_cols[] = {
    {"id", "id", STR}, {"title", "title", STR}, {"publisher", "publisher", STR},
    {"date", "date", STR}, {"url", "url", STR},
    {"reliability", "reliability", STR}, {"tlp", "tlp", STR},
    {"stix_id", "stix_id", STR}, {NULL, NULL, STR}};
static const col_spec group_cols[] = {
    {"id", "id", STR}, {"label", "label", STR}, {"parent", "parent", STR},
    {NULL, NULL, STR}};

static const struct {
    const char *section, *what;
    const col_spec *cols;
} tables_of[] = {
    [T_GROUPS] = {"groups", "groups", group_cols},
    [T_SOURCES] = {"sources", "sources", source_cols},
    [T_ACTORS] = {"actors", "actors", actor_cols},
    [T_LINKS] = {"links", "links", link_cols},
};

typedef struct tables {
    rg_import_ctx *ctx;
    json_t *doc;
    json_t *actor_of;   /* id, name or alias in the tables -> actor id */
    json_t *source_of;  /* source id or text -> source id */
    json_t *group_of;   /* group id -> true */
    /* the table being read */
    enum table t;
    const char *file, *text;
    size_t len;
    int side;           /* 1: a side table, whose file records name */
    const char **keys;  /* each column's key (arena) */
    enum vtype *types;
    size_t n_cols;
    int header_bad;
} tables;

static void cell_diag(tables *tb, rg_severity sev, const rg_csv_cell *c,
                      const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static void cell_diag(tables *tb, rg_severity sev, const rg_csv_cell *c,
                      const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    size_t n;
    const char *src = rg_csv__line(tb->text, tb->len, c->at, &n);
    rg_diag__pos(tb->ctx->diags, sev, tb->file, c->line, c->column,
                 c->column, n <= 1024 ? src : NULL, n, NULL, "%s", msg);
}

/* ---- the header ---- */

/* The spec of column `name` (lower case) in the table being read. */
static const col_spec *spec_of(const tables *tb, const char *name,
                               int ends_named)
{
    static const col_spec source_from = {"source", "from", STR};
    if (tb->t == T_LINKS && !ends_named && strcmp(name, "source") == 0)
        return &source_from;
    for (const col_spec *s = tables_of[tb->t].cols; s->name; s++)
        if (strcmp(s->name, name) == 0)
            return s;
    return NULL;
}

/* The column's name: trimmed, lower case, in buf. */
static const char *col_name(const rg_csv_cell *c, char *buf, size_t cap)
{
    const char *s = c->text;
    size_t n = c->len;
    while (n > 0 && isspace((unsigned char)s[0]))
        s++, n--;
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        n--;
    snprintf(buf, cap, "%.*s", (int)n, s);
    for (char *p = buf; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return buf;
}

/* Whether the header names the ends "from" (or "from_id"): then a column
 * "source" holds sources; else "source" and "target" are the ends. */
static int ends_named(const rg_csv_cell *cells, size_t n)
{
    char buf[64];
    for (size_t i = 0; i < n; i++) {
        const char *k = col_name(&cells[i], buf, sizeof(buf));
        if (strcmp(k, "from") == 0 || strcmp(k, "from_id") == 0)
            return 1;
    }
    return 0;
}

static int header_col(tables *tb, const rg_csv_cell *c, size_t i, int named,
                      rg_map *cols)
{
    char buf[128], x[136];
    const char *name = col_name(c, buf, sizeof(buf));
    const col_spec *s = spec_of(tb, name, named);
    if (name[0] == '\0') {
        cell_diag(tb, RG_ERROR, c, "CSV: a column without a name; name "
                  "every column in the header row");
        return 1;
    }
    snprintf(x, sizeof(x), "x-%s", name);
    tb->keys[i] = rg_arena__strdup(&tb->ctx->arena, s ? s->key : x);
    tb->types[i] = s ? s->type : STR;
    size_t first;
    int put = tb->keys[i] ? rg_map__put(cols, tb->keys[i], i, &first) : -1;
    if (put < 0)
        return -1;
    if (put == 0) {
        cell_diag(tb, RG_ERROR, c, "CSV: a second column for \"%s\" "
                  "(column %zu is the first); keep one", tb->keys[i],
                  first + 1);
        return 1;
    }
    if (s == NULL)
        cell_diag(tb, RG_NOTE, c, "CSV: column \"%s\" is not one relgraph "
                  "reads in %s tables; its values are kept as \"%s\"", name,
                  tables_of[tb->t].what, x);
    return tb->keys[i] == NULL ? -1 : 0;
}

static int read_header(tables *tb, const rg_csv_cell *cells, size_t n)
{
    int named = ends_named(cells, n), bad = 0, has_from = 0, has_to = 0;
    rg_map cols = {0};
    tb->keys = rg_arena__alloc(&tb->ctx->arena, n * sizeof(*tb->keys));
    tb->types = rg_arena__alloc(&tb->ctx->arena, n * sizeof(*tb->types));
    if (tb->keys == NULL || tb->types == NULL)
        return -1;
    tb->n_cols = n;
    for (size_t i = 0; i < n; i++) {
        tb->keys[i] = NULL;
        int r = header_col(tb, &cells[i], i, named, &cols);
        if (r < 0) {
            rg_map__free(&cols);
            return -1;
        }
        bad |= r;
        has_from |= tb->keys[i] && strcmp(tb->keys[i], "from") == 0;
        has_to |= tb->keys[i] && strcmp(tb->keys[i], "to") == 0;
    }
    if (!bad && tb->t == T_LINKS && (!has_from || !has_to)) {
        cell_diag(tb, RG_ERROR, &cells[0], "CSV: a links table needs a "
                  "column \"from\" and a column \"to\" (or \"source\" and "
                  "\"target\"); name them in the header row");
        bad = 1;
    }
    rg_map__free(&cols);
    tb->header_bad = bad;
    return 0;
}

/* ---- cells to values ---- */

/* The values of a cell of several, separated by ';', trimmed. */
static json_t *list_value(const char *s)
{
    json_t *a = json_array();
    while (a != NULL && *s) {
        size_t n = strcspn(s, ";");
        const char *b = s, *e = s + n;
        while (b < e && isspace((unsigned char)*b))
            b++;
        while (e > b && isspace((unsigned char)e[-1]))
            e--;
        if (e > b && json_array_append_new(a, json_stringn(b, e - b)) != 0)
            return json_decref(a), NULL;
        /* on from the end of this value, not from where its spaces end */
        s += n + (s[n] == ';');
    }
    return a;
}

/* The value of cell c of type `type`, or NULL (an error said, *bad set,
 * or out of memory). */
static json_t *cell_value(tables *tb, const rg_csv_cell *c, enum vtype type,
                          int *bad)
{
    static const char *const yes[] = {"true", "yes", "1", NULL};
    static const char *const no[] = {"false", "no", "0", NULL};
    const char *s = c->text;
    size_t i;
    /* relgraph's export puts an apostrophe before a cell a spreadsheet
     * would run ("'=x"): drop it, as graphs/README.md says a reader does. */
    if (s[0] == '\'' && rg_escape__csv_guarded(s + 1))
        s++;
    switch (type) {
    case LIST: return list_value(s);
    case NUM:
        for (i = 0; isdigit((unsigned char)s[i]) && i < 4; i++)
            ;
        return s[i] == '\0' && i > 0 ? json_integer(atoi(s)) : json_string(s);
    case BOOL:
        for (i = 0; yes[i]; i++)
            if (strcasecmp(s, yes[i]) == 0)
                return json_true();
        for (i = 0; no[i]; i++)
            if (strcasecmp(s, no[i]) == 0)
                return json_false();
        cell_diag(tb, RG_ERROR, c, "CSV: \"directed\" is true or false "
                  "(or yes, no, 1, 0), not \"%.40s\"", s);
        *bad = 1;
        return NULL;
    case STR: break;
    }
    return json_string(s);
}

/* "@from": where the row and each of its cells are (and the file, for a
 * side table). */
static int set_from(tables *tb, json_t *rec, const rg_csv_cell *row,
                    json_t *cells)
{
    json_t *f = json_pack("{s:i,s:i,s:o}", "line", row->line, "column",
                          row->column, "cells", cells);
    if (f != NULL && tb->side)
        json_object_set_new(f, "file", json_string(tb->file));
    return f != NULL && json_object_set_new(rec, RG_IMPORT_FROM, f) == 0 ? 0 : -1;
}

/* The record of a row (its cells' values under their keys), or NULL
 * with *bad set when a cell is wrong, or out of memory. */
static json_t *row_record(tables *tb, const rg_csv_cell *cells, int *bad)
{
    json_t *rec = json_object(), *where = json_object();
    for (size_t i = 0; rec && where && i < tb->n_cols; i++) {
        const rg_csv_cell *c = &cells[i];
        const char *k = tb->keys[i];
        if (c->len == 0 || c->text[strspn(c->text, " \t")] == '\0')
            continue;
        json_t *v = cell_value(tb, c, k[0] == 'x' && k[1] == '-' ? STR
                                                               : tb->types[i],
                               bad);
        if (v == NULL || json_object_set_new(rec, k, v) != 0 ||
            json_object_set_new(where, k, json_pack("[i,i]", c->line,
                                                    c->column)) != 0)
            goto fail;
    }
    if (rec && where && set_from(tb, rec, &cells[0], where) == 0)
        return rec;
    where = NULL;
fail:
    json_decref(where);
    json_decref(rec);
    return NULL;
}

/* ---- names to ids ---- */

/* A record made for a name a row gives in its cell `key` but no table
 * defines: an actor or a source. */
static json_t *made_for(tables *tb, json_t *rec, const char *key,
                        const char *name_key, const char *name,
                        const char *id)
{
    json_t *cells = json_object_get(json_object_get(rec, RG_IMPORT_FROM), "cells");
    json_t *at = json_object_get(cells, key);
    json_t *m = json_pack("{s:s,s:s}", "id", id, name_key, name);
    json_t *where = json_object();
    rg_csv_cell c = {NULL, 0, (int)json_integer_value(json_array_get(at, 0)),
                     (int)json_integer_value(json_array_get(at, 1)), 0};
    if (m == NULL || where == NULL || set_from(tb, m, &c, where) != 0) {
        json_decref(m);
        return NULL;
    }
    return m;
}

/* Replaces the names in rec[key] (a string or an array) by the ids that
 * map `of` gives them, making a record (in section `section`, named by
 * key `name_key`) for each name it has not. */
static int resolve(tables *tb, json_t *rec, const char *key, json_t *of,
                   const char *section, const char *name_key)
{
    json_t *v = json_object_get(rec, key);
    int one = json_is_string(v);
    json_t *arr = one ? json_pack("[O]", v) : json_incref(v);
    size_t i;
    json_t *e;
    json_array_foreach(arr, i, e) {
        const char *name = json_string_value(e);
        json_t *id = json_object_get(of, name);
        if (id == NULL) {
            const char *made = rg_import__id(tb->ctx, name);
            json_t *m = made ? made_for(tb, rec, key, name_key, name, made)
                             : NULL;
            if (m == NULL || json_array_append_new(
                                 json_object_get(tb->doc, section), m) != 0 ||
                json_object_set_new(of, name, json_string(made)) != 0)
                return json_decref(arr), -1;
            id = json_object_get(of, name);
        }
        json_array_set(arr, i, id);
    }
    int rc = arr == NULL ? 0 : json_object_set(rec, key, one ? json_array_get(arr, 0) : arr);
    json_decref(arr);
    return rc;
}

/* Registers an id the table gives as taken, kept as it is. */
static int take_id(tables *tb, const char *id)
{
    char *k = rg_arena__strdup(&tb->ctx->arena, id);
    return k == NULL || rg_map__put(&tb->ctx->ids, k, 0, NULL) < 0 ? -1 : 0;
}

/* Declares kind `k` under doc[section] unless built in or declared. */
static int declare(tables *tb, const char *section, const char *k,
                   int builtins)
{
    json_t *kinds = json_object_get(tb->doc, section);
    if (k == NULL || json_object_get(kinds, k) != NULL)
        return 0;
    for (size_t i = 0; builtins && i < rg_style__builtin_count(); i++)
        if (strcmp(rg_style__builtin_name(i), k) == 0)
            return 0;
    if (kinds == NULL && (json_object_set_new(tb->doc, section,
                                              json_object()) != 0 ||
                          (kinds = json_object_get(tb->doc, section)) == NULL))
        return -1;
    return json_object_set_new(kinds, k, json_object());
}

/* ---- rows to records ---- */

/* Maps each of rec's names (id, name, aliases) to its id in `of`. */
static int known_as(json_t *of, json_t *rec, const char *id)
{
    const char *names[] = {"id", "name", "label", "title"};
    for (size_t i = 0; i < 4; i++) {
        const char *n = json_string_value(json_object_get(rec, names[i]));
        if (n && !json_object_get(of, n) &&
            json_object_set_new(of, n, json_string(id)) != 0)
            return -1;
    }
    size_t i;
    json_t *a;
    json_array_foreach(json_object_get(rec, "aliases"), i, a)
        if (!json_object_get(of, json_string_value(a)) &&
            json_object_set_new(of, json_string_value(a),
                                json_string(id)) != 0)
            return -1;
    return 0;
}

/* The id of a row of the actors, sources or groups table: its "id", else
 * one made from its name (`name_key`); 1 when it has neither. */
static int row_id(tables *tb, json_t *rec, const char *name_key,
                  const rg_csv_cell *row)
{
    const char *id = json_string_value(json_object_get(rec, "id"));
    const char *name = json_string_value(json_object_get(rec, name_key));
    if (id != NULL)
        return take_id(tb, id);
    if (name == NULL) {
        cell_diag(tb, RG_ERROR, row, "CSV: this row has no \"id\" and no "
                  "\"%s\"; give it one", name_key);
        return 1;
    }
    id = rg_import__id(tb->ctx, name);
    return id == NULL || json_object_set_new(rec, "id", json_string(id))
               ? -1 : 0;
}

static int add_record(tables *tb, json_t *rec, const rg_csv_cell *row)
{
    int rc = 0;
    json_t *of[] = {[T_GROUPS] = tb->group_of, [T_SOURCES] = tb->source_of,
                    [T_ACTORS] = tb->actor_of, [T_LINKS] = NULL};
    const char *name_key = tb->t == T_GROUPS ? "label"
                           : tb->t == T_SOURCES ? "title" : "name";
    if (tb->t == T_LINKS && (!json_object_get(rec, "from") ||
                             !json_object_get(rec, "to"))) {
        cell_diag(tb, RG_ERROR, row, "CSV: this link has no \"%s\"; give "
                  "the actor it %s", json_object_get(rec, "from") ? "to"
                                                                   : "from",
                  json_object_get(rec, "from") ? "ends at" : "starts at");
        return 1;
    }
    if (tb->t != T_LINKS && (rc = row_id(tb, rec, name_key, row)) != 0)
        return rc;
    if (tb->t != T_LINKS &&
        known_as(of[tb->t], rec,
                 json_string_value(json_object_get(rec, "id"))) != 0)
        return -1;
    if ((tb->t == T_ACTORS || tb->t == T_LINKS) &&
        resolve(tb, rec, "source", tb->source_of, "sources", "title") != 0)
        return -1;
    if (tb->t == T_ACTORS &&
        (resolve(tb, rec, "group", tb->group_of, "groups", "label") != 0 ||
         declare(tb, "kinds", json_string_value(json_object_get(rec, "kind")),
                 1) != 0))
        return -1;
    if (tb->t == T_LINKS &&
        (resolve(tb, rec, "from", tb->actor_of, "actors", "name") != 0 ||
         resolve(tb, rec, "to", tb->actor_of, "actors", "name") != 0 ||
         resolve(tb, rec, "claimed_by", tb->actor_of, "actors", "name") ||
         resolve(tb, rec, "disputed_by", tb->actor_of, "actors", "name") ||
         declare(tb, "link_kinds",
                 json_string_value(json_object_get(rec, "kind")), 0) != 0))
        return -1;
    return json_array_append(json_object_get(tb->doc,
                                             tables_of[tb->t].section),
                             rec);
}

static int on_row(void *arg, size_t row, const rg_csv_cell *cells, size_t n)
{
    tables *tb = arg;
    int bad = 0;
    if (row == 0)
        return read_header(tb, cells, n);
    if (tb->header_bad || (n == 1 && cells[0].len == 0))
        return 0;
    if (n != tb->n_cols) {
        cell_diag(tb, RG_ERROR, &cells[n > tb->n_cols ? tb->n_cols : n - 1],
                  "CSV: this row has %zu fields and the header %zu; quote a "
                  "field that holds the separator, or add the missing ones",
                  n, tb->n_cols);
        return 0;
    }
    json_t *rec = row_record(tb, cells, &bad);
    if (rec == NULL)
        return bad ? 0 : -1;
    int rc = add_record(tb, rec, &cells[0]);
    json_decref(rec);
    return rc < 0 ? -1 : 0;
}

/* Reads one table of kind t from `text`. 0, or -1 (said). */
static int read_table(tables *tb, enum table t, const char *text, size_t len,
                      const char *file, int side)
{
    tb->t = t;
    tb->file = file;
    tb->text = text;
    tb->len = len;
    tb->side = side;
    tb->header_bad = 0;
    size_t before = json_array_size(json_object_get(tb->doc,
                                                    tables_of[t].section));
    size_t start = rg_diags_count(tb->ctx->diags);
    if (rg_csv__read(text, len, file, tb->ctx->diags, on_row, tb) != 0)
        return -1;
    /* A side table with a header alone is an empty table (relgraph's
     * own export writes one for a document without sources or groups);
     * so is the links table when the actors table gave actors. */
    if (!tb->header_bad && !side &&
        rg_diags_count(tb->ctx->diags) == start &&
        json_array_size(json_object_get(tb->doc, tables_of[t].section)) ==
            before &&
        json_array_size(json_object_get(tb->doc, "actors")) == 0)
        rg_diag__pos(tb->ctx->diags, RG_ERROR, file, 1, 1, 1, NULL, 0, NULL,
                     "CSV: a header and no rows; the %s table has a row "
                     "under its header for each of its %s",
                     tables_of[t].section, tables_of[t].what);
    return tb->header_bad ? -1 : 0;
}

/* Reads the side table at `path`, when given. */
static int read_side(tables *tb, enum table t, const char *path)
{
    char *text = NULL;
    size_t len = 0;
    if (path == NULL)
        return 0;
    if (rg_doc_read_file(&text, &len, path, tb->ctx->opts->max_bytes,
                         tb->ctx->diags) != 0)
        return -1;
    int rc = read_table(tb, t, text, len, path, 1);
    free(text);
    return rc;
}

int rg_import__csv(json_t **out, const char *text, size_t len,
                   rg_import_ctx *ctx)
{
    tables tb = {ctx, json_pack("{s:i,s:[],s:[],s:[],s:[]}", "relgraph", 1,
                                "groups", "sources", "actors", "links"),
                 json_object(), json_object(), json_object(), T_LINKS,
                 NULL, NULL, 0, 0, NULL, NULL, 0, 0};
    const rg_load_opts *o = ctx->opts;
    int rc = -1;
    *out = NULL;
    if (tb.doc && tb.actor_of && tb.source_of && tb.group_of)
        rc = 0;
    else
        rg_import__oom(ctx);
    if (rc == 0 && o != NULL)
        rc = read_side(&tb, T_GROUPS, o->groups_table) |
             read_side(&tb, T_SOURCES, o->sources_table) |
             read_side(&tb, T_ACTORS, o->actors_table);
    if (rc == 0)
        rc = read_table(&tb, T_LINKS, text, len, ctx->file, 0);
    json_decref(tb.actor_of);
    json_decref(tb.source_of);
    json_decref(tb.group_of);
    for (size_t i = 0; rc == 0 && i < 3; i++) {
        const char *sec = tables_of[i].section;
        if (json_array_size(json_object_get(tb.doc, sec)) == 0)
            json_object_del(tb.doc, sec);
    }
    if (rc == 0)
        *out = tb.doc;
    else
        json_decref(tb.doc);
    return rc;
}
