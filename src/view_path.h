/* The --path view: the shortest chains between two actors, the two ends
 * drawn bold, and what each end reaches when no chain joins them. */
#ifndef RG_VIEW_PATH_H
#define RG_VIEW_PATH_H

#include "view.h"

#include <stdbool.h>

/* How much a --path search may look at past its first breadth-first
 * search (adjacency entries; see rg_chain__find). */
#define RG_PATH_MAX_WORK ((size_t)40 * 1000 * 1000)

/* Makes the view of up to k shortest chains between actors `from` and
 * `to` of doc (indexes; distinct): their actors, and every link that
 * joins two actors next to each other on one of them (parallel links
 * are one step, all drawn). The ends get a thick outline; the note says
 * how many chains of how many links. With through_groups, membership of
 * a group is a step (the group drawn as the box around its members).
 * Returns 0, or -1 with an error in diags (about `file`): no chain (its
 * path "--path"; the message says what each end reaches) or out of
 * memory; free with rg_view__free() either way. */
int rg_view__path(rg_view *v, const rg_doc *doc, size_t from, size_t to,
                  size_t k, bool through_groups, const char *file,
                  rg_diags *diags);

#endif
