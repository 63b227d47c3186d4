/* The state the live page of relgraph watch shows beside its chart, as
 * JSON (GET /state.json): the last build's diagnostics, and the
 * relations of the last good document, actor by actor, with the status,
 * sources and quote of each link, as the HTML report lists them. The
 * page inserts every string as text, never as markup. State: none. */
#include "watch_state.h"

#include <jansson.h>
#include <string.h>

static json_t *str_or_null(const char *s)
{
    return s != NULL ? json_string(s) : json_null();
}

static const char *severity_name(rg_severity s)
{
    return s == RG_ERROR ? "error" : s == RG_WARNING ? "warning" : "note";
}

static json_t *diags_json(const rg_diags *diags)
{
    json_t *list = json_array();
    for (size_t i = 0; diags != NULL && i < rg_diags_count(diags); i++) {
        const rg_diag *d = rg_diags_get(diags, i);
        json_array_append_new(
            list, json_pack("{s:s, s:s, s:i, s:i, s:s, s:s, s:o}",
                            "severity", severity_name(d->severity), "file",
                            d->file, "line", d->line, "column", d->column,
                            "path", d->path, "message", d->message,
                            "suggestion", str_or_null(d->suggestion)));
    }
    return list;
}

/* The names of actors given by index, for claimed_by and disputed_by. */
static json_t *names(const rg_doc *doc, const size_t *index, size_t n)
{
    json_t *list = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(list,
                              json_string(rg_doc_actor(doc, index[i])->name));
    return list;
}

/* A link's sources: each its title (its id when untitled) and URL. */
static json_t *sources(const rg_doc *doc, const rg_link *k)
{
    json_t *list = json_array();
    for (size_t j = 0; j < k->source.n; j++) {
        const rg_source *s = NULL;
        for (size_t i = 0; i < rg_doc_source_count(doc) && s == NULL; i++)
            if (strcmp(rg_doc_source(doc, i)->id, k->source.v[j]) == 0)
                s = rg_doc_source(doc, i);
        const char *title = s != NULL && s->title != NULL ? s->title
                                                          : k->source.v[j];
        json_array_append_new(
            list, json_pack("{s:s, s:o}", "title", title, "url",
                            str_or_null(s != NULL ? s->url : NULL)));
    }
    return list;
}

static json_t *link_json(const rg_doc *doc, const rg_link *k)
{
    return json_pack(
        "{s:s, s:s, s:s, s:s, s:o, s:s, s:b, s:o, s:o, s:o, s:o, s:o}",
        "from", rg_doc_actor(doc, k->from_index)->id, "to",
        rg_doc_actor(doc, k->to_index)->id, "from_name",
        rg_doc_actor(doc, k->from_index)->name, "to_name",
        rg_doc_actor(doc, k->to_index)->name, "label", str_or_null(k->label),
        "status", rg_status_name(k->status), "directed", k->directed,
        "date", str_or_null(k->date), "quote", str_or_null(k->quote),
        "claimed_by", names(doc, k->claimed_by_index, k->claimed_by.n),
        "disputed_by", names(doc, k->disputed_by_index, k->disputed_by.n),
        "sources", sources(doc, k));
}

static json_t *doc_json(const rg_doc *doc)
{
    json_t *actors = json_array(), *links = json_array();
    for (size_t i = 0; doc != NULL && i < rg_doc_actor_count(doc); i++) {
        const rg_actor *a = rg_doc_actor(doc, i);
        json_array_append_new(actors, json_pack("{s:s, s:s, s:s}", "id",
                                                a->id, "name", a->name,
                                                "kind", a->kind));
    }
    for (size_t i = 0; doc != NULL && i < rg_doc_link_count(doc); i++)
        json_array_append_new(links, link_json(doc, rg_doc_link(doc, i)));
    return json_pack("{s:o, s:o}", "actors", actors, "links", links);
}

char *watch_state_json(const watch_state *st)
{
    json_t *root = doc_json(st->doc);
    if (root == NULL)
        return NULL;
    json_object_set_new(root, "version", json_integer((json_int_t)st->version));
    json_object_set_new(root, "ok", json_boolean(st->ok));
    json_object_set_new(root, "file", json_string(st->file));
    json_object_set_new(root, "time", json_string(st->time));
    json_object_set_new(root, "summary", json_string(st->summary));
    json_object_set_new(root, "diagnostics", diags_json(st->diags));
    char *text = json_dumps(root, JSON_COMPACT | JSON_ENSURE_ASCII);
    json_decref(root);
    return text;
}
