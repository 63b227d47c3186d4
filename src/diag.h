/* Diagnostics inside the library: adding them with a JSON path whose
 * position is found later, in one pass over the text. Suggestions are
 * suggest.h's. */
#ifndef RG_DIAG_H
#define RG_DIAG_H

#include "relgraph.h"
#include "suggest.h"

/* A macro's value as a string literal, for a limit named in a message. */
#define RG_STR_(x) #x
#define RG_STR(x) RG_STR_(x)

#include <stdarg.h>

/* One step of a JSON path: an object key, or an array index when key is
 * NULL. */
typedef struct rg_pathseg {
    const char *key;
    size_t index;
} rg_pathseg;

/* The documents of the format nest at most five levels deep
 * (kinds.person.attrs.color); the rest is room. */
#define RG_PATH_MAX 8

typedef struct rg_path {
    rg_pathseg seg[RG_PATH_MAX];
    int n;
} rg_path;

/* A path one step below p. */
rg_path rg_path__key(const rg_path *p, const char *key);
rg_path rg_path__index(const rg_path *p, size_t index);

/* Where a diagnostic points. */
typedef enum rg_at {
    RG_AT_VALUE = 0,  /* the value at the path */
    RG_AT_KEY = 1     /* the key of the last step of the path */
} rg_at;

/* Appends a diagnostic about the value (or key) at `path` in `file`. Its
 * position is filled in by rg_jsonpos__resolve(). When `related` is not
 * NULL, " (first at LINE:COL)" with the position of `related` is appended
 * to the message. `suggestion` may be NULL. */
void rg_diag__at(rg_diags *diags, rg_severity sev, const char *file,
                 const rg_path *path, rg_at at, const rg_path *related,
                 const char *suggestion, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 8, 9)))
#endif
    ;

/* Appends a diagnostic whose position is known; `source_line` (may be
 * NULL) is the text of the line, `source_len` bytes long. */
void rg_diag__pos(rg_diags *diags, rg_severity sev, const char *file,
                  int line, int column, int end_column,
                  const char *source_line, size_t source_len,
                  const char *path, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 10, 11)))
#endif
    ;

/* For the position resolver: the path still to be located of diagnostic i
 * (NULL when it has none), and a way to store what was found. */
typedef struct rg_diag_pending {
    const rg_pathseg *segs;
    int n;
    rg_at at;
    const rg_pathseg *rel_segs;  /* NULL when no related position */
    int rel_n;
} rg_diag_pending;

int rg_diags__pending(const rg_diags *diags, size_t i, rg_diag_pending *out);
void rg_diags__locate(rg_diags *diags, size_t i, int line, int column,
                      int end_column, const char *source_line,
                      size_t source_len, int rel_line, int rel_column);
/* Moves the notes without a position from index `start` on after the
 * other diagnostics (keeping their order): the summary of what an import
 * left out reads best after the warnings about each item. */
void rg_diags__notes_last(rg_diags *diags, size_t start);
/* Makes diagnostic i about file `file` instead (an imported record that
 * came from another file than the one loaded). */
void rg_diags__refile(rg_diags *diags, size_t i, const char *file);
/* Removes the diagnostics from index n on. */
void rg_diags__truncate(rg_diags *diags, size_t n);
/* Makes diagnostic i, not yet located, about the value at `to` instead:
 * its shown path becomes `to`'s, and the message says the old one ("(as
 * actors[3].url)"), for a problem found in a tree made from an input. */
void rg_diags__repath(rg_diags *diags, size_t i, const rg_path *to);
/* Sorts diagnostics i >= start by position, keeping the order of equal
 * ones, so that a document's problems are reported in file order. */
void rg_diags__sort_from(rg_diags *diags, size_t start);

/* Room for one diagnostic that rg_diags__add_reserved() adds without
 * allocating (from a signal handler): an item, a copy of `file` and a
 * message of up to cap bytes. Returns 0, or -1 when out of memory.
 * Diagnostics added meanwhile keep the room free. */
int rg_diags__reserve(rg_diags *diags, const char *file, size_t cap);
/* Appends the reserved diagnostic with `msg` (cut to fit); does nothing
 * when no room is reserved. Async-signal-safe. */
void rg_diags__add_reserved(rg_diags *diags, rg_severity severity,
                            const char *msg);
/* Gives the room back when it was not used. */
void rg_diags__unreserve(rg_diags *diags);

/* printf into a malloc'd string; NULL when out of memory. */
char *rg__vasprintf(const char *fmt, va_list ap);
char *rg__asprintf(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

#endif
