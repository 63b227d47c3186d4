/* libFuzzer target: load and check a document from memory, then lay its
 * text out with `relgraph fmt` (rg_doc_format_buffer), and free
 * everything.
 *
 * Besides the sanitizers' own reports it checks a few promises of the
 * API, aborting when one is broken:
 *  - every string handed out (diagnostics, the document's fields) is
 *    readable (strlen on each, so that ASan sees a dangling pointer);
 *  - a failed load stores NULL and reports at least one diagnostic (an
 *    error, or the note of a skipped JSON Schema); a successful one
 *    reports no error;
 *  - fmt succeeds exactly when the load does, its output loads too, and
 *    formatting formatted text gives the same text.
 *
 * Build and run: make fuzz (tests/fuzz/README.md). */
#include "relgraph.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static volatile size_t sink;

static void fail(const char *what)
{
    fprintf(stderr, "fuzz_load: %s\n", what);
    abort();
}

static void touch(const char *s)
{
    if (s != NULL)
        sink += strlen(s);
}

static void touch_strv(const rg_strv *v)
{
    for (size_t i = 0; i < v->n; i++)
        touch(v->v[i]);
}

static void touch_attrs(const rg_attrs *a)
{
    for (size_t i = 0; i < a->n; i++) {
        touch(a->v[i].name);
        touch(a->v[i].value);
    }
}

static void touch_diags(const rg_diags *d)
{
    for (size_t i = 0; i < rg_diags_count(d); i++) {
        const rg_diag *g = rg_diags_get(d, i);
        touch(g->file);
        touch(g->path);
        touch(g->message);
        touch(g->suggestion);
        touch(g->source_line);
        if (g->file == NULL || g->path == NULL || g->message == NULL)
            fail("a diagnostic without file, path or message");
    }
}

static void touch_style(const rg_style *s)
{
    touch(s->name);
    touch(s->label);
    touch(s->shape);
    touch(s->color);
    touch(s->fill);
    touch(s->fontcolor);
    touch(s->style);
    touch_attrs(&s->attrs);
}

static void touch_doc(const rg_doc *doc)
{
    touch(rg_doc_file(doc));
    touch(rg_doc_title(doc));
    touch(rg_doc_description(doc));
    size_t na = rg_doc_actor_count(doc);
    for (size_t i = 0; i < na; i++) {
        const rg_actor *a = rg_doc_actor(doc, i);
        if (a->id == NULL || a->name == NULL || a->kind == NULL)
            fail("an actor without id, name or kind");
        touch(a->id);
        touch(a->name);
        touch(a->kind);
        touch_strv(&a->aliases);
        touch(a->group);
        touch(a->note);
        touch(a->date);
        touch(a->until);
        touch(a->url);
        touch_strv(&a->source);
        touch_strv(&a->tags);
        touch_attrs(&a->attrs);
        if (a->group_index >= (long)rg_doc_group_count(doc))
            fail("an actor's group index out of range");
        if (rg_doc_find_actor(doc, a->id) < 0)
            fail("an actor's own id does not find it");
    }
    for (size_t i = 0; i < rg_doc_link_count(doc); i++) {
        const rg_link *l = rg_doc_link(doc, i);
        touch(l->from);
        touch(l->to);
        touch(l->label);
        touch(l->kind);
        touch(l->date);
        touch(l->until);
        touch_strv(&l->source);
        touch(l->quote);
        touch_strv(&l->claimed_by);
        touch_strv(&l->disputed_by);
        touch(l->url);
        touch_attrs(&l->attrs);
        touch(rg_status_name(l->status));
        if (l->from_index >= na || l->to_index >= na)
            fail("a link's actor index out of range");
        for (size_t k = 0; k < l->claimed_by.n; k++)
            if (l->claimed_by_index[k] >= na)
                fail("a claimed_by index out of range");
        for (size_t k = 0; k < l->disputed_by.n; k++)
            if (l->disputed_by_index[k] >= na)
                fail("a disputed_by index out of range");
    }
    for (size_t i = 0; i < rg_doc_group_count(doc); i++) {
        const rg_group *g = rg_doc_group(doc, i);
        touch(g->id);
        touch(g->label);
        touch(g->parent);
        touch_attrs(&g->attrs);
        if (g->parent_index >= (long)rg_doc_group_count(doc))
            fail("a group's parent index out of range");
    }
    for (size_t i = 0; i < rg_doc_source_count(doc); i++) {
        const rg_source *s = rg_doc_source(doc, i);
        touch(s->id);
        touch(s->title);
        touch(s->publisher);
        touch(s->date);
        touch(s->url);
    }
    for (size_t i = 0; i < rg_doc_kind_count(doc); i++)
        touch_style(rg_doc_kind(doc, i));
    for (size_t i = 0; i < rg_doc_link_kind_count(doc); i++)
        touch_style(rg_doc_link_kind(doc, i));
    const rg_layout *lay = rg_doc_layout(doc);
    touch(lay->engine);
    touch(lay->direction);
    touch_attrs(&lay->attrs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    rg_diags *diags = rg_diags_new();
    if (diags == NULL)
        return 0;

    rg_doc *doc = (rg_doc *)1;
    int rc = rg_doc_load_buffer(&doc, text, size, "fuzz.json", diags);
    /* A document read from another format (CSV, Cytoscape.js...) is not
     * fmt's to lay out: only its load is checked. */
    int imported = 0;
    touch_diags(diags);
    if (rc == 0) {
        imported = strcmp(rg_doc_source_format(doc), "relgraph") != 0;
        if (doc == NULL)
            fail("load succeeded but stored NULL");
        if (rg_diags_count_severity(diags, RG_ERROR) != 0)
            fail("load succeeded with errors");
        touch_doc(doc);
    } else {
        if (doc != NULL)
            fail("load failed but stored a document");
        if (rg_diags_count(diags) == 0)
            fail("load failed without a diagnostic");
    }
    rg_doc_free(doc);

    /* fmt: the same verdict, and a fixed point after one pass. */
    rg_diags_clear(diags);
    char *out = NULL;
    size_t out_len = 0;
    int frc = rg_doc_format_buffer(&out, &out_len, text, size, "fuzz.json",
                                   diags);
    touch_diags(diags);
    if (imported) {
        free(out);
        rg_diags_free(diags);
        return 0;
    }
    if (frc != rc)
        fail("fmt and load disagree on whether the document is valid");
    if (frc == 0) {
        if (out == NULL || strlen(out) != out_len)
            fail("fmt output is NULL or its length is wrong");
        char *again = NULL;
        size_t again_len = 0;
        rg_diags_clear(diags);
        if (rg_doc_format_buffer(&again, &again_len, out, out_len,
                                 "fuzz.json", diags) != 0) {
            for (size_t i = 0; i < rg_diags_count(diags); i++)
                fprintf(stderr, "  %s: %s\n", rg_diags_get(diags, i)->path,
                        rg_diags_get(diags, i)->message);
            fail("fmt output does not load");
        }
        if (again_len != out_len || memcmp(again, out, out_len) != 0) {
            fprintf(stderr, "--- first pass\n%s--- second pass\n%s",
                    out, again);
            fail("formatting formatted text changed it");
        }
        free(again);
    } else if (out != NULL) {
        fail("fmt failed but stored a text");
    }
    free(out);
    rg_diags_free(diags);
    return 0;
}
