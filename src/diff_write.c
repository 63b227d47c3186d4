/* The reports of a diff (diff.h): text for a terminal, a line per
 * change as diff(1) writes them ("+ actor ...", "- link ...", "~ link A
 * -> B: status ..."), JSON in a documented shape, and a Markdown table.
 * Every value from a document goes through src/escape.c: JSON strings
 * in the text and JSON forms (so that a newline or an escape sequence in
 * a name is shown, never obeyed), Markdown cells in the table. No state
 * beyond each call's. */
#include "diff.h"

#include "buf.h"
#include "escape.h"

#include <stdlib.h>
#include <string.h>

static const char *const what_names[RG_DIFF_WHAT_COUNT] = {
    "document", "source", "group", "actor", "link"};

/* What names an item: the new document's fields where it has them. */
typedef struct item_words {
    const char *id, *old_id, *name;    /* sources, groups, actors */
    const char *from, *to, *label, *kind;  /* links: the ends' ids */
    const char *from_name, *to_name;
} item_words;

static void words_of_link(item_words *w, const rg_doc *doc, size_t i)
{
    const rg_link *k = &doc->links[i];
    w->from = doc->actors[k->from_index].id;
    w->to = doc->actors[k->to_index].id;
    w->from_name = doc->actors[k->from_index].name;
    w->to_name = doc->actors[k->to_index].name;
    w->label = k->label;
    w->kind = k->kind;
}

static item_words words(const rg_diff *d, const rg_diff_item *it)
{
    item_words w = {0};
    int in_new = it->new_i != SIZE_MAX;
    const rg_doc *doc = in_new ? d->new_doc : d->old_doc;
    size_t i = in_new ? it->new_i : it->old_i;
    switch (it->what) {
    case RG_DIFF_SOURCE:
        w.id = doc->sources[i].id;
        w.name = doc->sources[i].title;
        break;
    case RG_DIFF_GROUP:
        w.id = doc->groups[i].id;
        w.name = doc->groups[i].label;
        break;
    case RG_DIFF_ACTOR:
        w.id = doc->actors[i].id;
        w.name = doc->actors[i].name;
        if (it->old_i != SIZE_MAX && in_new &&
            strcmp(d->old_doc->actors[it->old_i].id, w.id) != 0)
            w.old_id = d->old_doc->actors[it->old_i].id;
        break;
    case RG_DIFF_LINK:
        words_of_link(&w, doc, i);
        break;
    default:
        break;
    }
    return w;
}

static const char mark_sign[][4] = {"", "", "+", "-", "~"};
static const char *const mark_names[] = {"", "", "added", "removed",
                                         "changed"};

/* How a form writes what names an item: the escaper of its context and
 * the marks around a link's label and kind, and between an id and a
 * name. */
typedef struct item_form {
    void (*esc)(rg_buf *b, const char *s);
    const char *label_l, *label_r, *kind_l, *kind_r, *name_sep;
} item_form;

static const item_form text_form = {rg_escape__json_shown, " ", "", " [",
                                    "]", " "};
static const item_form md_form = {rg_escape__md_cell, " \xe2\x80\x9c",
                                  "\xe2\x80\x9d", " (", ")", ": "};

/* A link as "From → To label [kind]", anything else as "id name". */
static void describe(rg_buf *b, const item_words *w, const item_form *f)
{
    if (w->from != NULL) {
        f->esc(b, w->from_name);
        rg_buf__puts(b, " \xe2\x86\x92 ");
        f->esc(b, w->to_name);
        if (w->label != NULL) {
            rg_buf__puts(b, f->label_l);
            f->esc(b, w->label);
            rg_buf__puts(b, f->label_r);
        }
        if (w->kind != NULL) {
            rg_buf__puts(b, f->kind_l);
            f->esc(b, w->kind);
            rg_buf__puts(b, f->kind_r);
        }
    } else if (w->id != NULL) {
        f->esc(b, w->id);
        if (w->name != NULL && strcmp(w->name, w->id) != 0) {
            rg_buf__puts(b, f->name_sep);
            f->esc(b, w->name);
        }
    }
}

/* ---- text ---- */

static void text_item(rg_buf *b, const rg_diff_item *it, const item_words *w)
{
    rg_buf__printf(b, "%s %s", mark_sign[it->mark], what_names[it->what]);
    if (w->from != NULL || w->id != NULL)
        rg_buf__putc(b, ' ');
    describe(b, w, &text_form);
}

static void text_value(rg_buf *b, const char *s)
{
    if (s == NULL)
        rg_buf__puts(b, "(none)");
    else
        rg_escape__json_shown(b, s);
}

/* "field: old → new", or for an element of a list "field + new" and
 * "field - old"; "(renamed)" after a changed id. */
static void text_field(rg_buf *b, const rg_diff_field *f)
{
    rg_buf__puts(b, f->name);
    if (f->element) {
        rg_buf__puts(b, f->old == NULL ? " + " : " - ");
        rg_escape__json_shown(b, f->old == NULL ? f->new_ : f->old);
        return;
    }
    rg_buf__puts(b, ": ");
    text_value(b, f->old);
    rg_buf__puts(b, " \xe2\x86\x92 ");
    text_value(b, f->new_);
    if (strcmp(f->name, "id") == 0)
        rg_buf__puts(b, " (renamed)");
}

static void write_text(rg_buf *b, const rg_diff *d)
{
    for (size_t i = 0; i < d->n_items; i++) {
        const rg_diff_item *it = &d->items[i];
        item_words w = words(d, it);
        if (it->mark != RG_MARK_CHANGED) {
            text_item(b, it, &w);
            rg_buf__putc(b, '\n');
        }
        for (size_t f = 0; f < it->n; f++) {
            text_item(b, it, &w);
            rg_buf__puts(b, ": ");
            const rg_diff_field *fl = &d->fields[it->first + f];
            text_field(b, fl);
            rg_buf__putc(b, '\n');
        }
    }
}

/* ---- JSON ---- */

static void json_member(rg_buf *b, const char *key, const char *value)
{
    if (value == NULL)
        return;
    rg_buf__printf(b, ", \"%s\": ", key);
    rg_escape__json_shown(b, value);
}

static void json_fields(rg_buf *b, const rg_diff *d, const rg_diff_item *it)
{
    rg_buf__puts(b, ", \"fields\": [");
    for (size_t f = 0; f < it->n; f++) {
        const rg_diff_field *fl = &d->fields[it->first + f];
        rg_buf__printf(b, "%s\n      {\"field\": ", f ? "," : "");
        rg_escape__json_shown(b, fl->name);
        rg_buf__puts(b, ", \"old\": ");
        if (fl->old != NULL)
            rg_escape__json_shown(b, fl->old);
        else
            rg_buf__puts(b, "null");
        rg_buf__puts(b, ", \"new\": ");
        if (fl->new_ != NULL)
            rg_escape__json_shown(b, fl->new_);
        else
            rg_buf__puts(b, "null");
        rg_buf__putc(b, '}');
    }
    rg_buf__puts(b, it->n ? "\n    ]" : "]");
}

static void json_counts(rg_buf *b, const rg_diff *d)
{
    size_t n[5] = {0};
    for (size_t i = 0; i < d->n_items; i++)
        n[d->items[i].mark]++;
    rg_buf__printf(b, "{\n  \"equal\": %s,\n  \"added\": %zu,\n  "
                      "\"removed\": %zu,\n  \"changed\": %zu,\n  "
                      "\"changes\": [",
                   d->n_items ? "false" : "true", n[RG_MARK_ADDED],
                   n[RG_MARK_REMOVED], n[RG_MARK_CHANGED]);
}

static void write_json(rg_buf *b, const rg_diff *d)
{
    json_counts(b, d);
    for (size_t i = 0; i < d->n_items; i++) {
        const rg_diff_item *it = &d->items[i];
        item_words w = words(d, it);
        rg_buf__printf(b, "%s\n    {\"what\": \"%s\", \"change\": \"%s\"",
                       i ? "," : "", what_names[it->what],
                       mark_names[it->mark]);
        json_member(b, "id", w.id);
        json_member(b, "old_id", w.old_id);
        json_member(b, "name", w.name);
        json_member(b, "from", w.from);
        json_member(b, "to", w.to);
        json_member(b, "label", w.label);
        json_member(b, "kind", w.kind);
        if (it->mark == RG_MARK_CHANGED)
            json_fields(b, d, it);
        rg_buf__putc(b, '}');
    }
    rg_buf__puts(b, d->n_items ? "\n  ]\n}\n" : "]\n}\n");
}

/* ---- Markdown ---- */

static void md_item(rg_buf *b, const rg_diff_item *it, const item_words *w)
{
    rg_buf__printf(b, "| %s | %s | ", mark_names[it->mark],
                   what_names[it->what]);
    describe(b, w, &md_form);
    rg_buf__puts(b, " |");
}

static void md_field(rg_buf *b, const rg_diff_field *f)
{
    const char *v[2] = {f->old, f->new_};
    rg_buf__putc(b, ' ');
    rg_escape__md_cell(b, f->name);
    rg_buf__puts(b, " |");
    for (int i = 0; i < 2; i++) {
        rg_buf__putc(b, ' ');
        if (v[i] != NULL)
            rg_escape__md_cell(b, v[i]);
        rg_buf__puts(b, " |");
    }
    rg_buf__putc(b, '\n');
}

static void write_md(rg_buf *b, const rg_diff *d)
{
    if (d->n_items == 0)
        return;
    rg_buf__puts(b, "| Change | What | Item | Field | Old | New |\n"
                    "|---|---|---|---|---|---|\n");
    for (size_t i = 0; i < d->n_items; i++) {
        const rg_diff_item *it = &d->items[i];
        item_words w = words(d, it);
        if (it->mark != RG_MARK_CHANGED) {
            md_item(b, it, &w);
            rg_buf__puts(b, "  |  |  |\n");
        }
        for (size_t f = 0; f < it->n; f++) {
            md_item(b, it, &w);
            md_field(b, &d->fields[it->first + f]);
        }
    }
}

int rg_diff_write(char **out, size_t *out_len, const rg_diff *d,
                  rg_diff_format format, rg_diags *diags)
{
    rg_buf b = {0};
    *out = NULL;
    *out_len = 0;
    rg_buf__puts(&b, "");
    if (format == RG_DIFF_JSON)
        write_json(&b, d);
    else if (format == RG_DIFF_MD)
        write_md(&b, d);
    else
        write_text(&b, d);
    if (b.oom) {
        rg_buf__free(&b);
        rg_diags_add(diags, RG_ERROR, "", "out of memory writing a diff");
        return -1;
    }
    *out = b.data;
    *out_len = b.len;
    return 0;
}
