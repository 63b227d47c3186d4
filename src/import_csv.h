/* CSV tables read with libcsv (import_csv.c) and turned into a relgraph
 * document's records (import_table.c). Not public. */
#ifndef RG_IMPORT_CSV_H
#define RG_IMPORT_CSV_H

#include "import.h"

/* One field of a row: its text (NUL-terminated, also when it holds NUL
 * bytes, which are refused) and where it starts in the file (1-based; a
 * quoted field at its opening quote). */
typedef struct rg_csv_cell {
    char *text;
    size_t len;
    int line, column;
    size_t at;  /* its first byte's offset in the text read */
} rg_csv_cell;

/* Called for each row, the header first (row 0); `line` and `column` are
 * the row's first field's. Returns 0, or -1 to stop (out of memory). */
typedef int (*rg_csv_row_fn)(void *arg, size_t row, const rg_csv_cell *cells,
                             size_t n);

/* Reads the table `text` (`len` bytes; a UTF-8 byte order mark skipped)
 * of file `file`: the separator is found from the header line (the one
 * of ',', ';' and tab it holds most of, ',' on a tie), and each row is
 * handed to `fn`. A malformed table (an unterminated quote, a quote
 * inside an unquoted field, bytes that are not UTF-8, no header) is an
 * error at its position. Returns 0, or -1 (an error is in diags). */
int rg_csv__read(const char *text, size_t len, const char *file,
                 rg_diags *diags, rg_csv_row_fn fn, void *arg);

/* The line of `text` (`len` bytes) that holds byte `at`: its first byte
 * and its length without the line end, for a diagnostic's source line;
 * a length over 1024 when the line is longer (then not all of it). */
const char *rg_csv__line(const char *text, size_t len, size_t at,
                         size_t *n);

#endif
