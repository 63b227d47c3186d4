/* The live page's state as JSON (watch_state.c). Part of the command. */
#ifndef RG_WATCH_STATE_H
#define RG_WATCH_STATE_H

#include "relgraph.h"

/* What a build leaves for the page. */
typedef struct watch_state {
    unsigned long version; /* the build's number, from 1 */
    int ok;                /* whether it was good */
    const char *file;      /* the document, as given */
    const char *time;      /* HH:MM:SS of the build */
    const char *summary;   /* the terminal's line about it */
    const rg_diags *diags; /* its diagnostics */
    const rg_doc *doc;     /* the last good document, or NULL */
} watch_state;

/* Returns the state as JSON text (strings escaped), to free(), or
 * NULL when out of memory. */
char *watch_state_json(const watch_state *st);

#endif
