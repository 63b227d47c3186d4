/* The --path view: the actors and links of the shortest chains between
 * two actors (chain.c finds them), the two ends drawn with a thick
 * outline, a note that counts the chains and their lengths; and, when no
 * chain joins the two, an error that says what each of them reaches. No
 * state. */
#include "view_path.h"

#include "buf.h"
#include "chain.h"
#include "diag.h"
#include "suggest.h"

#include <stdlib.h>
#include <string.h>

/* What actor `from` reaches: "7 actors (Shell Crew, Axiom and 5
 * more)", "1 actor (Axiom)" or "no actor"; when `brief`, "7 (...)",
 * "1 (Axiom)" or "none". Returns 0 or -1. */
static int reach_words(rg_buf *out, const rg_doc *doc, size_t from,
                       bool through_groups, bool brief)
{
    size_t *r = NULL, n = 0;
    if (rg_chain__reach(doc, from, through_groups, &r, &n) != 0)
        return -1;
    const char **names = malloc((n ? n : 1) * sizeof(*names));
    if (names == NULL) {
        free(r);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        names[i] = doc->actors[r[i]].name;
    char list[200];
    rg_suggest__join(list, sizeof(list), names, n);
    if (n == 0)
        rg_buf__puts(out, brief ? "none" : "no actor");
    else
        rg_buf__printf(out, "%zu%s (%s)", n,
                       brief ? "" : n == 1 ? " actor" : " actors", list);
    free(names);
    free(r);
    return 0;
}

/* Whether group membership would join actors from and to: -1 when out
 * of memory. */
static int joined_by_groups(const rg_doc *doc, size_t from, size_t to)
{
    size_t *r = NULL, n = 0;
    if (rg_chain__reach(doc, from, true, &r, &n) != 0)
        return -1;
    int found = 0;
    for (size_t i = 0; i < n; i++)
        found |= r[i] == to;
    free(r);
    return found;
}

/* The error of no chain: "A reaches 7 actors (...) and B 4 (...): no
 * link joins the two parts", and whether --through-groups would. */
static int no_chain(const rg_doc *doc, size_t from, size_t to,
                    bool through_groups, const char *file, rg_diags *diags)
{
    rg_buf a = {0}, b = {0};
    int by_groups = through_groups ? 0 : joined_by_groups(doc, from, to);
    int rc = -1;
    if (by_groups < 0 ||
        reach_words(&a, doc, from, through_groups, false) != 0 ||
        reach_words(&b, doc, to, through_groups, true) != 0 || a.oom ||
        b.oom) {
        rg_diags_add(diags, RG_ERROR, file, "out of memory");
        goto out;
    }
    const char *na = doc->actors[from].name, *nb = doc->actors[to].name;
    rg_diag__pos(diags, RG_ERROR, file, 0, 0, 0, NULL, 0, "--path",
                 "no chain joins %s and %s: %s reaches %s and %s %s; no %s "
                 "joins the two parts%s",
                 na, nb, na, rg_buf__str(&a), nb, rg_buf__str(&b),
                 through_groups ? "link or group" : "link",
                 by_groups ? "; --through-groups would join them through "
                             "group membership"
                           : "");
    rc = 0;
out:
    rg_buf__free(&a);
    rg_buf__free(&b);
    return rc;
}

static int pair_cmp(const void *x, const void *y)
{
    const size_t *a = x, *b = y;
    if (a[0] != b[0])
        return a[0] < b[0] ? -1 : 1;
    return a[1] < b[1] ? -1 : a[1] > b[1];
}

/* Marks the actors of the chains and the links that make their steps
 * (both ends next to each other on a chain, either way). */
static int keep_chains(const rg_doc *doc, const rg_chains *c,
                       unsigned char *keep, unsigned char *keep_link)
{
    size_t total = c->start[c->n], np = 0;
    size_t *pairs = malloc(2 * (total ? total : 1) * sizeof(*pairs));
    if (pairs == NULL)
        return -1;
    for (size_t i = 0; i < c->n; i++)
        for (size_t j = c->start[i]; j < c->start[i + 1]; j++) {
            size_t u = c->nodes[j];
            if (u < doc->n_actors)
                keep[u] = 1;
            size_t w = j + 1 < c->start[i + 1] ? c->nodes[j + 1] : SIZE_MAX;
            if (u < doc->n_actors && w < doc->n_actors) {
                pairs[2 * np] = u < w ? u : w;
                pairs[2 * np++ + 1] = u < w ? w : u;
            }
        }
    qsort(pairs, np, 2 * sizeof(*pairs), pair_cmp);
    for (size_t i = 0; i < doc->n_links; i++) {
        size_t f = doc->links[i].from_index, t = doc->links[i].to_index;
        size_t key[2] = {f < t ? f : t, f < t ? t : f};
        keep_link[i] = np > 0 && bsearch(key, pairs, np, 2 * sizeof(*pairs),
                                         pair_cmp) != NULL;
    }
    free(pairs);
    return 0;
}

/* Gives the two ends a thick outline: their own attributes, then
 * penwidth, in an array the view owns. Returns 0 or -1. */
static int bold_ends(rg_view *v, size_t from, size_t to)
{
    size_t ends[2] = {v->map[from], v->map[to]};
    rg_attrs *at[2] = {&v->doc.actors[ends[0]].attrs,
                       &v->doc.actors[ends[1]].attrs};
    v->attrs = malloc((at[0]->n + at[1]->n + 2) * sizeof(*v->attrs));
    if (v->attrs == NULL)
        return -1;
    rg_attr *p = v->attrs;
    for (int e = 0; e < 2; e++) {
        if (at[e]->n > 0)
            memcpy(p, at[e]->v, at[e]->n * sizeof(*p));
        p[at[e]->n] = (rg_attr){"penwidth", "3"};
        at[e]->v = p;
        p += ++at[e]->n;
    }
    return 0;
}

/* "3 shortest chains of 3 links", "The shortest chain, of 1 link,",
 * "The only 3 chains (2 of 3 links, 1 of 4)". */
static void count_words(rg_buf *b, const rg_chains *c, bool groups)
{
    const char *step = groups ? "step" : "link";
    size_t first = c->start[1] - 1, last = c->start[c->n] -
                                           c->start[c->n - 1] - 1;
    bool only = c->exhausted && c->n > 1;
    if (c->n == 1)
        rg_buf__printf(b, "The %s chain, of %zu %s%s,",
                       c->exhausted ? "only" : "shortest", first, step,
                       first == 1 ? "" : "s");
    else if (first == last)
        rg_buf__printf(b, "%s%zu %schains of %zu %ss", only ? "The only " : "",
                       c->n, only ? "" : "shortest ", first, step);
    else {
        rg_buf__printf(b, "%s%zu %schains (", only ? "The only " : "", c->n,
                       only ? "" : "shortest ");
        for (size_t i = 0; i < c->n;) {
            size_t len = c->start[i + 1] - c->start[i] - 1, same = 0;
            while (i < c->n && c->start[i + 1] - c->start[i] - 1 == len)
                i++, same++;
            rg_buf__printf(b, "%s%zu of %zu", len == first ? "" : ", ", same,
                           len);
            if (len == first)
                rg_buf__printf(b, " %s%s", step, len == 1 ? "" : "s");
        }
        rg_buf__puts(b, ")");
    }
}

static int path_note(rg_view *v, const rg_doc *doc, const rg_chains *c,
                     size_t from, size_t to, bool groups)
{
    rg_buf words = {0};
    count_words(&words, c, groups);
    int rc = words.oom ? -1
                       : rg_view__note(v, doc,
                                       "%s between %s and %s.%s",
                                       rg_buf__str(&words),
                                       doc->actors[from].name,
                                       doc->actors[to].name,
                                       groups ? " A step into a group and "
                                                "out of it is a shared "
                                                "membership (the group's "
                                                "box)." : "");
    rg_buf__free(&words);
    return rc;
}

int rg_view__path(rg_view *v, const rg_doc *doc, size_t from, size_t to,
                  size_t k, bool through_groups, const char *file,
                  rg_diags *diags)
{
    rg_chains c = {0};
    int rc = -1;
    size_t n = doc->n_actors;
    unsigned char *keep = calloc(n ? n : 1, 1);
    unsigned char *keep_link = calloc(doc->n_links ? doc->n_links : 1, 1);
    memset(v, 0, sizeof(*v));
    if (keep == NULL || keep_link == NULL ||
        rg_chain__find(&c, doc, from, to, k, through_groups,
                       RG_PATH_MAX_WORK) != 0)
        goto oom;
    if (c.n == 0) {
        no_chain(doc, from, to, through_groups, file, diags);
        goto out;
    }
    if (c.cut)
        rg_diags_add(diags, RG_WARNING, file,
                     "--path: the search stopped after %zu steps of work "
                     "(a densely linked document): %zu of the %zu chains "
                     "asked for are drawn", RG_PATH_MAX_WORK, c.n, k);
    if (keep_chains(doc, &c, keep, keep_link) != 0 ||
        rg_view__subset(v, doc, keep, keep_link) != 0 ||
        bold_ends(v, from, to) != 0 ||
        path_note(v, doc, &c, from, to, through_groups) != 0)
        goto oom;
    rc = 0;
    goto out;
oom:
    rg_diags_add(diags, RG_ERROR, file, "out of memory");
out:
    rg_chain__free(&c);
    free(keep);
    free(keep_link);
    return rc;
}
