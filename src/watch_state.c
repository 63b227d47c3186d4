/* The state the live page of relgraph watch shows beside its chart, as
 * JSON (GET /state.json): the last build's diagnostics, and the
 * relations of the last good document, with the status, sources and
 * quote of each link, as the HTML report lists them; the diagnostics as
 * --diagnostics=json writes them (cli_print.c). Strings are escaped
 * by the library's JSON escaping (escape.c: no "<" or ">" either), and
 * the page inserts each as text, never as markup. State: none. */
#include "watch_state.h"

#include "buf.h"
#include "cite.h"
#include "cli_print.h"
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

/* A link's sources: each its title (its id when untitled). */
static void sources(rg_buf *b, const rg_doc *doc, const rg_cite *c,
                    const rg_link *k)
{
    rg_buf__puts(b, ",\"sources\":[");
    for (size_t j = 0; j < k->source.n; j++) {
        long i = rg_cite__find(c, doc, k->source.v[j]);
        const rg_source *s = i >= 0 ? rg_doc_source(doc, (size_t)i) : NULL;
        rg_buf__puts(b, j ? ",{" : "{");
        str(b, "title", s != NULL && s->title != NULL ? s->title
                                                      : k->source.v[j], 1);
        rg_buf__putc(b, '}');
    }
    rg_buf__putc(b, ']');
}

static void link_json(rg_buf *b, const rg_doc *doc, const rg_cite *c,
                      const rg_link *k)
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
    sources(b, doc, c, k);
    rg_buf__putc(b, '}');
}

static void doc_json(rg_buf *b, const rg_doc *doc)
{
    rg_cite c;
    if (doc != NULL && rg_cite__init(&c, doc) != 0) {
        b->oom = 1;
        return;
    }
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
        link_json(b, doc, &c, rg_doc_link(doc, i));
    }
    rg_buf__putc(b, ']');
    if (doc != NULL)
        rg_cite__free(&c);
}

char *watch_state_json(const watch_state *st)
{
    rg_buf b = {0};
    rg_buf__printf(&b, "{\"version\":%lu,\"ok\":%s", st->version,
                   st->ok ? "true" : "false");
    str(&b, "file", st->file, 0);
    str(&b, "time", st->time, 0);
    str(&b, "summary", st->summary, 0);
    rg_buf__puts(&b, ",\"diagnostics\":");
    cli_diags_json(&b, st->diags);
    doc_json(&b, st->doc);
    rg_buf__putc(&b, '}');
    if (b.oom) {
        rg_buf__free(&b);
        return NULL;
    }
    return b.data;
}
