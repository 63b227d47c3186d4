/* The grade view: links kept by their Admiralty credibility (see
 * view_grade.h); every actor stays. No state. */
#include "view_grade.h"

#include "grade.h"

#include <stdlib.h>
#include <string.h>

int rg_view__grade_keeps(const rg_link *k, int min_credibility,
                         int graded_only)
{
    int worst = min_credibility > 0 ? min_credibility
                                    : RG_GRADE_CREDIBILITY_MAX;
    if (k->credibility == 0)
        return !graded_only;
    return k->credibility <= worst;
}

int rg_view__grade(rg_view *v, const rg_doc *doc, int min_credibility,
                   int graded_only)
{
    memset(v, 0, sizeof(*v));
    size_t na = doc->n_actors, nl = doc->n_links, kept = 0, ungraded = 0;
    unsigned char *keep_actor = malloc(na ? na : 1);
    unsigned char *keep_link = malloc(nl ? nl : 1);
    int rc = -1;
    if (keep_actor == NULL || keep_link == NULL)
        goto out;
    memset(keep_actor, 1, na);
    for (size_t i = 0; i < nl; i++) {
        const rg_link *k = &doc->links[i];
        keep_link[i] = (unsigned char)rg_view__grade_keeps(
            k, min_credibility, graded_only);
        kept += keep_link[i];
        ungraded += k->credibility == 0;
    }
    if (rg_view__subset(v, doc, keep_actor, keep_link) != 0)
        goto out;
    if (min_credibility == 0)
        rc = rg_view__note(v, doc, "Graded links only: %zu of %zu links "
                           "(%zu ungraded left out).", kept, nl, ungraded);
    else
        rc = rg_view__note(v, doc, "Links graded %d or better: %zu of %zu "
                           "(%zu ungraded %s).", min_credibility, kept, nl,
                           ungraded, graded_only ? "left out" : "kept");
out:
    free(keep_actor);
    free(keep_link);
    return rc;
}
