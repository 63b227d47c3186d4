/* The kinds a document's values may name: actor kinds (the built-in ones
 * of docfmt.def and the document's "kinds") and link kinds (its
 * "link_kinds"), indexed, with their legend texts, so that a kind that
 * is not one is reported with the kind meant, found by name or by the
 * words the legend shows for it ("hacker group" is "group"), or with the
 * list of kinds. */
#include "check.h"

#include "diag.h"

#include <stdlib.h>
#include <string.h>

#define RG_FMT_BUILTIN_KIND(name, label, shape, style, fill, color) name,
static const char *const builtin_names[] = {
#include "docfmt.def"
};
#define RG_FMT_BUILTIN_KIND(name, label, shape, style, fill, color) label,
static const char *const builtin_labels[] = {
#include "docfmt.def"
};
#define N_BUILTINS (sizeof(builtin_names) / sizeof(builtin_names[0]))

/* Fills ks with the n_builtin built-in kinds and the n styles. */
static int fill(rg_kindset *ks, size_t n_builtin, const rg_style *styles,
                size_t n, const char *what, const char *hint)
{
    memset(ks, 0, sizeof(*ks));
    ks->what = what;
    ks->hint = hint;
    size_t total = n_builtin + n;
    ks->names = calloc(total ? total : 1, sizeof(*ks->names));
    ks->labels = calloc(total ? total : 1, sizeof(*ks->labels));
    if (ks->names == NULL || ks->labels == NULL ||
        rg_map__reserve(&ks->known, total) != 0)
        return -1;
    for (size_t k = 0; k < total; k++) {
        const char *name = k < n_builtin ? builtin_names[k]
                                         : styles[k - n_builtin].name;
        ks->labels[k] = k < n_builtin ? builtin_labels[k]
                                      : styles[k - n_builtin].label;
        if (name == NULL)
            continue;
        int r = rg_map__put(&ks->known, name, k, NULL);
        if (r < 0)
            return -1;
        /* A document's style of a built-in kind is listed once. */
        ks->names[k] = r == 1 ? name : NULL;
    }
    ks->n = total;
    return 0;
}

int rg_check__actor_kinds(rg_kindset *out, const rg_doc *d)
{
    return fill(out, N_BUILTINS, d->kinds, d->n_kinds, "kind",
                "declare it under \"kinds\"");
}

int rg_check__link_kinds(rg_kindset *out, const rg_doc *d)
{
    return fill(out, 0, d->link_kinds, d->n_link_kinds, "link kind",
                "declare it under \"link_kinds\"");
}

void rg_check__kindset_free(rg_kindset *ks)
{
    free(ks->names);
    free(ks->labels);
    rg_map__free(&ks->known);
    memset(ks, 0, sizeof(*ks));
}

void rg_check__kind(const rg_kindset *ks, rg_diags *diags, const char *file,
                    const rg_path *p, const char *kind, size_t *budget)
{
    size_t k;
    if (rg_map__get(&ks->known, kind, &k))
        return;
    /* Each comparison is a pass over the kinds: a budget keeps a huge
     * document full of bad kinds from being quadratic. */
    const char *best = NULL, *label = NULL;
    if (2 * ks->n <= *budget) {
        *budget -= 2 * ks->n;
        best = rg_suggest__labelled(kind, ks->names, ks->labels, ks->n,
                                    &label);
    }
    if (best != NULL && label != NULL)
        rg_diag__at(diags, RG_ERROR, file, p, RG_AT_VALUE, NULL, best,
                    "no %s \"%s\"; did you mean \"%s\" (\"%s\" in the "
                    "legend)?", ks->what, kind, best, label);
    else if (best != NULL)
        rg_diag__at(diags, RG_ERROR, file, p, RG_AT_VALUE, NULL, best,
                    "no %s \"%s\"; did you mean \"%s\"?", ks->what, kind,
                    best);
    else if (ks->n == 0)
        rg_diag__at(diags, RG_ERROR, file, p, RG_AT_VALUE, NULL, NULL,
                    "no %s \"%s\"; %s", ks->what, kind, ks->hint);
    else {
        char list[400];
        rg_suggest__join(list, sizeof(list), ks->names, ks->n);
        rg_diag__at(diags, RG_ERROR, file, p, RG_AT_VALUE, NULL, NULL,
                    "no %s \"%s\"; the %ss are %s; or %s", ks->what, kind,
                    ks->what, list, ks->hint);
    }
}
