/* The state the live page of relgraph watch shows beside its chart, as
 * JSON (GET /state.json): the last build's diagnostics, and the
 * relations of the last good document, with the status, sources and
 * quote of each link, as the HTML report lists them. Strings are escaped
 * by the library's JSON escaping (escape.c: no "<" or ">" either), and
 * the page inserts each as text, never as markup. State: none. */
#include "watch_state.h"

#include "buf.h"
#include "escape.h"

#include <string.h>

/* "key":"value" (or null), after a comma unless first. */
static void str(rg_buf *b, const char *key, const char *value, int first)
{
    rg_buf__printf(b, "%s\"%s\":", first ? "" : ",", key);
    if (value == NULL)
        rg_buf__puts(b, "null");
    else
        rg_escape__json(b, value);
}

static const char *severity_name(rg_severity s)
{
    return s == RG_ERROR ? "error" : s == RG_WARNING ? "warning" : "note";
}

static void diags_json(rg_buf *b, const rg_diags *diags)
{
    rg_buf__puts(b, ",\"diagnostics\":[");
    for (size_t i = 0; diags != NULL && i < rg_diags_count(diags); i++) {
        const rg_diag *d = rg_diags_get(diags, i);
        rg_buf__puts(b, i ? ",{" : "{");
        str(b, "severity", severity_name(d->severity), 1);
        str(b, "file", d->file, 0);
        rg_buf__printf(b, ",\"line\":%d,\"column\":%d", d->line, d->column);
        str(b, "path", d->path, 0);
        str(b, "message", d->message, 0);
        str(b, "suggestion", d->suggestion, 0);
        rg_buf__putc(b, '}');
    }
    rg_buf__putc(b, ']');
}

/* The names of actors given by index, for claimed_by and disputed_by. */
static void names(rg_buf *b, const char *key, const rg_doc *doc,
                  const size_t *index, size_t n)
{
    rg_buf__printf(b, ",\"%s\":[", key);
    for (size_t i = 0; i < n; i++) {
        if (i)
            rg_buf__putc(b, ',');
        rg_escape__json(b, rg_doc_actor(doc, index[i])->name);
    }
    rg_buf__putc(b, ']');
}

/* A link's sources: each its title (its id when untitled) and URL. */
static void sources(rg_buf *b, const rg_doc *doc, const rg_link *k)
{
    rg_buf__puts(b, ",\"sources\":[");
    for (size_t j = 0; j < k->source.n; j++) {
        const rg_source *s = NULL;
        for (size_t i = 0; i < rg_doc_source_count(doc) && s == NULL; i++)
            if (strcmp(rg_doc_source(doc, i)->id, k->source.v[j]) == 0)
                s = rg_doc_source(doc, i);
        rg_buf__puts(b, j ? ",{" : "{");
        str(b, "title", s != NULL && s->title != NULL ? s->title
                                                      : k->source.v[j], 1);
        str(b, "url", s != NULL ? s->url : NULL, 0);
        rg_buf__putc(b, '}');
    }
    rg_buf__putc(b, ']');
}

static void link_json(rg_buf *b, const rg_doc *doc, const rg_link *k)
{
    const rg_actor *from = rg_doc_actor(doc, k->from_index);
    const rg_actor *to = rg_doc_actor(doc, k->to_index);
    rg_buf__putc(b, '{');
    str(b, "from", from->id, 1);
    str(b, "to", to->id, 0);
    str(b, "from_name", from->name, 0);
    str(b, "to_name", to->name, 0);
    str(b, "label", k->label, 0);
    str(b, "status", rg_status_name(k->status), 0);
    rg_buf__printf(b, ",\"directed\":%s", k->directed ? "true" : "false");
    str(b, "date", k->date, 0);
    str(b, "quote", k->quote, 0);
    names(b, "claimed_by", doc, k->claimed_by_index, k->claimed_by.n);
    names(b, "disputed_by", doc, k->disputed_by_index, k->disputed_by.n);
    sources(b, doc, k);
    rg_buf__putc(b, '}');
}

static void doc_json(rg_buf *b, const rg_doc *doc)
{
    rg_buf__puts(b, ",\"actors\":[");
    for (size_t i = 0; doc != NULL && i < rg_doc_actor_count(doc); i++) {
        const rg_actor *a = rg_doc_actor(doc, i);
        rg_buf__puts(b, i ? ",{" : "{");
        str(b, "id", a->id, 1);
        str(b, "name", a->name, 0);
        str(b, "kind", a->kind, 0);
        rg_buf__putc(b, '}');
    }
    rg_buf__puts(b, "],\"links\":[");
    for (size_t i = 0; doc != NULL && i < rg_doc_link_count(doc); i++) {
        if (i)
            rg_buf__putc(b, ',');
        link_json(b, doc, rg_doc_link(doc, i));
    }
    rg_buf__putc(b, ']');
}

char *watch_state_json(const watch_state *st)
{
    rg_buf b = {0};
    rg_buf__printf(&b, "{\"version\":%lu,\"ok\":%s", st->version,
                   st->ok ? "true" : "false");
    str(&b, "file", st->file, 0);
    str(&b, "time", st->time, 0);
    str(&b, "summary", st->summary, 0);
    diags_json(&b, st->diags);
    doc_json(&b, st->doc);
    rg_buf__putc(&b, '}');
    if (b.oom) {
        rg_buf__free(&b);
        return NULL;
    }
    return b.data;
}
