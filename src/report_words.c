/* The chart in words, for the HTML report: the text alternative of the
 * chart (the summary, the actors by kind, the boxes with their members,
 * the contested links), so that a reader who cannot see the chart reads
 * what it shows. No state beyond the report's. */
#include "report_int.h"

#include "escape.h"

#include <stdlib.h>
#include <string.h>

/* ---- grouping actors for the text alternative ---- */

/* Chains the actors of each kind in document order (next[i]: the next
 * actor of i's kind, or RG_REPORT_NONE) and stores the first actor of each kind in
 * `heads`, in order of first appearance. A map keeps this linear however
 * many kinds a document declares. */
static int chain_kinds(const rg_doc *d, size_t *next, size_t *heads,
                       size_t *n_heads)
{
    rg_map last = {0};
    *n_heads = 0;
    for (size_t i = 0; i < d->n_actors; i++) {
        size_t prev = 0;
        int rc = rg_map__put(&last, d->actors[i].kind, i, &prev);
        next[i] = RG_REPORT_NONE;
        if (rc < 0) {
            rg_map__free(&last);
            return -1;
        }
        if (rc == 1) {
            heads[(*n_heads)++] = i;
        } else {
            next[prev] = i;
            rg_map__set(&last, d->actors[i].kind, i);
        }
    }
    rg_map__free(&last);
    return 0;
}

/* Chains the direct members of each group in document order; first[g]
 * is the first member of group g, or RG_REPORT_NONE. */
static int chain_groups(const rg_doc *d, size_t *next, size_t *first)
{
    size_t *last = malloc((d->n_groups ? d->n_groups : 1) * sizeof(*last));
    if (last == NULL)
        return -1;
    for (size_t g = 0; g < d->n_groups; g++)
        first[g] = RG_REPORT_NONE;
    for (size_t i = 0; i < d->n_actors; i++) {
        long g = d->actors[i].group_index;
        next[i] = RG_REPORT_NONE;
        if (g < 0 || (size_t)g >= d->n_groups)
            continue;
        if (first[g] == RG_REPORT_NONE)
            first[g] = i;
        else
            next[last[g]] = i;
        last[g] = i;
    }
    free(last);
    return 0;
}

static const struct {
    const char *kind, *plural;
} plurals[] = {
    {"person", "People"},
    {"organization", "Organizations"},
    {"company", "Companies"},
    {"agency", "Government agencies"},
    {"state", "States"},
    {"group", "Hacker groups"},
    {"event", "Events"},
    {"document", "Documents"},
    {"system", "Systems and data"},
    {"location", "Locations"},
    {"other", "Others"},
};

/* What to call the actors of a kind in a list: the label the document
 * gives the kind (as the chart's legend shows it), else a built-in kind's
 * plural, else the kind's name. */
static const char *kind_heading(const rg_doc *d, const char *kind)
{
    for (size_t i = 0; i < d->n_kinds; i++)
        if (strcmp(d->kinds[i].name, kind) == 0 && d->kinds[i].label != NULL &&
            *d->kinds[i].label)
            return d->kinds[i].label;
    for (size_t i = 0; i < sizeof(plurals) / sizeof(plurals[0]); i++)
        if (strcmp(plurals[i].kind, kind) == 0)
            return plurals[i].plural;
    return kind;
}

/* A heading word with its first letter capitalised ("vendors:" ->
 * "Vendors:"); only ASCII, which is all the built-in names use. */
static void html_capitalised(rg_buf *b, const char *s)
{
    if (*s >= 'a' && *s <= 'z') {
        rg_buf__putc(b, (char)(*s - 'a' + 'A'));
        s++;
    }
    rg_escape__html(b, s);
}

static void html_actor(rg_buf *b, const rg_actor *a)
{
    rg_report__html_link(b, a->url, a->name);
    if (a->note != NULL && *a->note) {
        rg_buf__puts(b, " (");
        rg_escape__html(b, a->note);
        rg_buf__putc(b, ')');
    }
}

/* "People: Xi Jinping (Chinese leader), Guo Shengkun (...)", one item
 * per kind, kinds in order of first appearance. */
static int html_kinds(rg_rep *r, size_t *next)
{
    const rg_doc *d = r->doc;
    rg_buf *b = r->out;
    size_t n_heads;
    size_t *heads = malloc((d->n_actors ? d->n_actors : 1) * sizeof(*heads));
    if (heads == NULL || chain_kinds(d, next, heads, &n_heads) != 0) {
        free(heads);
        return -1;
    }
    if (n_heads > 0)
        rg_buf__puts(b, "<ul class=\"kinds\">\n");
    for (size_t h = 0; h < n_heads; h++) {
        rg_buf__puts(b, "<li><strong>");
        html_capitalised(b, kind_heading(d, d->actors[heads[h]].kind));
        rg_buf__puts(b, ":</strong> ");
        for (size_t i = heads[h]; i != RG_REPORT_NONE; i = next[i]) {
            if (i != heads[h])
                rg_buf__puts(b, ", ");
            html_actor(b, &d->actors[i]);
        }
        rg_buf__puts(b, "</li>\n");
    }
    if (n_heads > 0)
        rg_buf__puts(b, "</ul>\n");
    free(heads);
    return 0;
}

static void html_group_item(rg_rep *r, size_t g, size_t first,
                            const size_t *next)
{
    const rg_doc *d = r->doc;
    rg_buf *b = r->out;
    const rg_group *grp = &d->groups[g];
    rg_buf__puts(b, "<li><strong>");
    rg_escape__html(b, rg_report__group_label(grp));
    rg_buf__puts(b, "</strong>");
    if (grp->parent_index >= 0 && (size_t)grp->parent_index < d->n_groups) {
        rg_buf__puts(b, " (in ");
        rg_escape__html(b, rg_report__group_label(&d->groups[grp->parent_index]));
        rg_buf__putc(b, ')');
    }
    rg_buf__puts(b, ": ");
    for (size_t i = first; i != RG_REPORT_NONE; i = next[i]) {
        if (i != first)
            rg_buf__puts(b, ", ");
        rg_escape__html(b, d->actors[i].name);
    }
    rg_buf__puts(b, "</li>\n");
}

/* The boxes the chart draws, with the actors directly in each. */
static int html_groups(rg_rep *r, size_t *next)
{
    const rg_doc *d = r->doc;
    size_t *first = malloc((d->n_groups ? d->n_groups : 1) * sizeof(*first));
    if (first == NULL || chain_groups(d, next, first) != 0) {
        free(first);
        return -1;
    }
    int any = 0;
    for (size_t g = 0; g < d->n_groups; g++) {
        if (first[g] == RG_REPORT_NONE)
            continue;
        if (!any)
            rg_buf__puts(r->out, "<p>Boxes on the chart:</p>\n"
                                 "<ul class=\"groups\">\n");
        any = 1;
        html_group_item(r, g, first[g], next);
    }
    if (any)
        rg_buf__puts(r->out, "</ul>\n");
    free(first);
    return 0;
}

/* One sentence per disputed or denied link: the chart marks both. */
static void html_contested(rg_rep *r)
{
    const rg_doc *d = r->doc;
    int any = 0;
    for (size_t i = 0; i < d->n_links; i++) {
        const rg_link *k = &d->links[i];
        if (k->status != RG_STATUS_DISPUTED && k->status != RG_STATUS_DENIED)
            continue;
        if (!any)
            rg_buf__puts(r->out, "<p>Contested:</p>\n"
                                 "<ul class=\"contested\">\n");
        any = 1;
        rg_buf__puts(r->out, "<li>");
        rg_phrase__contested(r->out, rg_escape__html, d, k);
        rg_buf__puts(r->out, "</li>\n");
    }
    if (any)
        rg_buf__puts(r->out, "</ul>\n");
}

int rg_report__words(rg_rep *r)
{
    const rg_doc *d = r->doc;
    rg_buf__puts(r->out, "<h2 id=\"rg-in-words\">In words</h2>\n<p>");
    rg_phrase__summary(r->out, d, RG_SUMMARY_COUNTS);
    rg_buf__puts(r->out, "</p>\n");
    size_t *next = malloc((d->n_actors ? d->n_actors : 1) * sizeof(*next));
    int rc = next == NULL || html_kinds(r, next) != 0 ||
                     html_groups(r, next) != 0
                 ? -1
                 : 0;
    free(next);
    html_contested(r);
    return rc;
}
