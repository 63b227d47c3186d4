/* The comparison of two documents (rg_diff): which actors, links,
 * sources and groups were added, removed or changed, field by field,
 * and the union of both as a document whose items carry marks. Shared by
 * diff.c (matching, comparing), diff_write.c (the text, JSON and
 * Markdown reports) and diff_union.c (the union); not public. */
#ifndef RG_DIFF_H
#define RG_DIFF_H

#include <stdbool.h>

#include "model.h"

/* What an item of the report is. */
typedef enum rg_diff_what {
    RG_DIFF_DOCUMENT = 0, /* the document's own fields (title...) */
    RG_DIFF_SOURCE,
    RG_DIFF_GROUP,
    RG_DIFF_ACTOR,
    RG_DIFF_LINK,
    RG_DIFF_WHAT_COUNT
} rg_diff_what;

/* One field that differs: old and new values, NULL when absent. A list
 * (sources, aliases, tags, claimed_by...) gives a change per element,
 * with old NULL for one added and new NULL for one removed. Strings are
 * borrowed from the documents or from the diff's arena. */
typedef struct rg_diff_field {
    const char *name;
    const char *old;
    const char *new_;
    bool element;  /* an element of a list added or removed */
} rg_diff_field;

/* One item added, removed or changed: its index in the old and the new
 * document (SIZE_MAX where it has none) and, when changed, its fields. */
typedef struct rg_diff_item {
    rg_diff_what what;
    rg_mark mark;        /* RG_MARK_ADDED, _REMOVED or _CHANGED */
    size_t old_i, new_i;
    size_t first, n;     /* its fields: fields[first .. first+n) */
} rg_diff_item;

struct rg_diff {
    const rg_doc *old_doc, *new_doc;
    rg_arena arena;      /* numbers written as text, link keys */
    rg_diff_item *items; /* in report order: section by section */
    size_t n_items, cap_items;
    rg_diff_field *fields;
    size_t n_fields, cap_fields;
    /* actor matching: old index -> new index, and back (SIZE_MAX: none) */
    size_t *a_old2new, *a_new2old;
    /* link pairing: old index -> new index, and back */
    size_t *l_old2new, *l_new2old;
    int oom;
    /* the union (diff_union.c), made on first request */
    struct rg_diff_merged *uni;
};

/* Appends an item; its fields are those appended after it until the
 * next item. Returns it, or NULL (and sets d->oom). */
rg_diff_item *rg_diff__item(rg_diff *d, rg_diff_what what, rg_mark mark,
                            size_t old_i, size_t new_i);
/* Appends a field to the last item. */
void rg_diff__field(rg_diff *d, const char *name, const char *old,
                    const char *new_);

/* The union's storage (diff_union.c). */
void rg_diff__union_free(struct rg_diff_merged *u);

#endif
