/* The checks that fuzz_load.c and fuzz_import.c share: every string a
 * loaded document or a diagnostic hands out is read (strlen, so that ASan
 * sees a dangling pointer), and the model's promises (ids, names and
 * kinds set, indexes in range) are checked, aborting with the target's
 * name (FUZZ_NAME, defined before this file is included) when one is
 * broken. Included, not compiled alone: each target is one file for
 * fuzz.mk's rules. */
#ifndef RG_FUZZ_CHECK_H
#define RG_FUZZ_CHECK_H

#include "relgraph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef FUZZ_NAME
#error "define FUZZ_NAME before including fuzz_check.h"
#endif

static volatile size_t sink;

static void fail(const char *what)
{
    fprintf(stderr, "%s: %s\n", FUZZ_NAME, what);
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
    touch(rg_doc_tlp(doc));
    touch(rg_doc_source_format(doc));
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
        touch(a->tlp);
        touch(a->stix_id);
        if (a->confidence < -1 || a->confidence > 100)
            fail("an actor's confidence out of range");
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
        touch(l->tlp);
        touch(l->stix_id);
        if (l->confidence < -1 || l->confidence > 100)
            fail("a link's confidence out of range");
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
        touch(s->tlp);
        touch(s->stix_id);
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

#endif
