/* Positions of values in JSON text. jansson keeps none, so the loader
 * records JSON paths in its diagnostics and this scanner finds them in the
 * original text, once, only when there is something to report. */
#ifndef RG_JSONPOS_H
#define RG_JSONPOS_H

#include "diag.h"

/* A locator over JSON text that jansson accepted. It borrows the text and
 * caches what it learns (line starts, offsets of top-level elements), so
 * that many look-ups cost little more than one pass. */
typedef struct rg_jsonpos rg_jsonpos;

rg_jsonpos *rg_jsonpos__new(const char *text, size_t len);
/* The same for the text of a file, read only when a position is asked
 * for: loading a big document that has nothing to report never holds
 * its text and its JSON tree at once. `size`: the bytes loaded from it;
 * the file is read no further. */
rg_jsonpos *rg_jsonpos__new_file(const char *path, size_t size);
void rg_jsonpos__free(rg_jsonpos *loc);

/* Line and column (1-based, characters) of the value or key at `path`;
 * where a step is missing, of the deepest value found. Returns 0, or -1
 * when out of memory. */
int rg_jsonpos__lookup(rg_jsonpos *loc, const rg_path *path, rg_at at,
                       int *line, int *column);

/* The text of a line (1-based) found by an earlier look-up, without its
 * line break. Returns 0, or -1 when unknown. */
int rg_jsonpos__line_text(rg_jsonpos *loc, int line, const char **text,
                          size_t *len);

/* Fills in line, column, caret range and source line of every diagnostic
 * from index `start` on that still has a path to locate. */
void rg_jsonpos__resolve(rg_jsonpos *loc, rg_diags *diags, size_t start);

/* Where one pending diagnostic points: rg_diags__locate()'s arguments,
 * `source` borrowed from the locator's text (NULL for a line too long
 * to show). */
typedef struct rg_jsonpos_spot {
    int line, column, end_column, rel_line, rel_column;
    const char *source;
    size_t source_len;
} rg_jsonpos_spot;

/* Finds the spot of `pd` without touching the list it came from, so
 * that another thread may do it. Returns 0, or -1 when the text cannot
 * be read or out of memory. */
int rg_jsonpos__spot(rg_jsonpos *loc, const rg_diag_pending *pd,
                     rg_jsonpos_spot *out);

/* Finds the first key that appears twice in one object: stores the byte
 * offsets of its first and second occurrence and returns 1, or returns 0.
 * Text up to the duplicate must be valid JSON. */
int rg_jsonpos__duplicate_key(const char *text, size_t len, size_t *first,
                              size_t *dup);

/* Line (1-based), column (1-based, in characters) and the bounds of the
 * line holding byte offset `off` of `text`. */
void rg_jsonpos__line_col(const char *text, size_t len, size_t off,
                          int *line, int *column, size_t *line_start,
                          size_t *line_len);

/* Writes code point `cp` as UTF-8 at `o` (room for 4 bytes); returns the
 * bytes written. What a browser turns into U+FFFD (NUL, surrogates,
 * beyond Unicode) is written as U+FFFD. For decoding \u escapes here and
 * character references in check_value.c. */
size_t rg_jsonpos__put_utf8(char *o, unsigned long cp);

/* The offset past the closing quote of the string whose opening quote
 * is at offset p of `t` (`len` bytes), or len when it is not closed. */
size_t rg_jsonpos__string_end(const char *t, size_t len, size_t p);

/* The value of a hexadecimal digit, or -1 for another character. */
int rg_jsonpos__hex_digit(int c);

#endif
