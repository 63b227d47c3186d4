/* The grade view (--min-credibility, --graded-only): the links graded
 * well enough, every actor kept. */
#ifndef RG_VIEW_GRADE_H
#define RG_VIEW_GRADE_H

#include "view.h"

/* Whether link k is kept: graded min_credibility or better (1 is best),
 * or ungraded and not graded_only. min_credibility 0 means 6 (any
 * grade). */
int rg_view__grade_keeps(const rg_link *k, int min_credibility,
                         int graded_only);

/* Makes the view of doc with every actor and the links
 * rg_view__grade_keeps() keeps, and says so in its note ("Links graded 3
 * or better: 40 of 60 (12 ungraded kept)."). Actors are not filtered by
 * their own credibility: an actor graded worse stays, with its grade on
 * the chart, so that the links it keeps still have both ends. Returns 0,
 * or -1 when out of memory; free with rg_view__free() either way. */
int rg_view__grade(rg_view *v, const rg_doc *doc, int min_credibility,
                   int graded_only);

#endif
