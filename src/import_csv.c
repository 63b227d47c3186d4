/* CSV tables (RFC 4180) read with libcsv: the separator found from the
 * header line, each row's fields handed on with the line and column
 * where each starts (a quoted field's newlines counted), and a malformed
 * table reported where it goes wrong. import_table.c makes records of
 * the rows. State: one reader per table. */
#include "import_csv.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

typedef struct reader {
    const char *text, *file;
    size_t len;
    rg_diags *diags;
    rg_csv_row_fn fn;
    void *arg;
    size_t at;          /* the byte being parsed */
    size_t start;       /* where the field being read starts */
    size_t cur, line, col;  /* a position known: byte, line, column */
    size_t bom;         /* bytes of a byte order mark skipped */
    rg_csv_cell *cells;
    size_t n, cap, rows;
    int failed;         /* 1: stop, an error said; -1: out of memory */
} reader;

/* Moves the known position forward to byte `to`. */
static void advance(reader *r, size_t to)
{
    for (; r->cur < to; r->cur++) {
        unsigned char c = (unsigned char)r->text[r->cur];
        if (c == '\n' || (c == '\r' && (r->cur + 1 >= r->len ||
                                        r->text[r->cur + 1] != '\n'))) {
            r->line++;
            r->col = 1;
        } else if ((c & 0xC0) != 0x80 && c != '\r') {
            r->col++;
        }
    }
}

/* The position of the field that starts at r->start: past the spaces
 * and line ends before it, never past `end`. */
static void field_pos(reader *r, size_t end, int *line, int *col)
{
    size_t s = r->start;
    while (s < end && strchr(" \r\n", r->text[s]) != NULL)
        s++;
    advance(r, s);
    *line = (int)r->line;
    *col = (int)r->col;
}

const char *rg_csv__line(const char *text, size_t len, size_t at,
                         size_t *n)
{
    /* Looked for no further than a line shown can be, so that many
     * diagnostics on one long line take linear time. */
    size_t s = at < len ? at : len, e = s, lim = 1025;
    while (s > 0 && text[s - 1] != '\n' && text[s - 1] != '\r' && lim--)
        s--;
    for (lim = 1025; e < len && text[e] != '\n' && text[e] != '\r' && lim;
         lim--)
        e++;
    *n = e - s;
    return text + s;
}

/* An error at the known position (r->cur), with its line shown. */
static void error_at(reader *r, int line, int col, const char *what)
{
    size_t n;
    const char *src = rg_csv__line(r->text, r->len, r->cur, &n);
    rg_diag__pos(r->diags, RG_ERROR, r->file, line, col, col,
                 n <= 1024 ? src : NULL, n, NULL, "%s", what);
    r->failed = 1;
}

/* Whether s holds only whole UTF-8 sequences and no control character
 * but tab and line ends. */
static int clean_text(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        size_t k = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3
                  : (c >> 3) == 30 && c <= 0xF4 ? 4 : 0;
        if (k == 0 || i + k > n || (c < 0x20 && !strchr("\t\r\n", c)) ||
            c == 0x7F || (k == 2 && c < 0xC2))
            return 0;
        for (size_t j = 1; j < k; j++)
            if ((s[i + j] & 0xC0) != 0x80)
                return 0;
        if ((k == 3 && c == 0xE0 && s[i + 1] < 0xA0) ||
            (k == 3 && c == 0xED && s[i + 1] >= 0xA0) ||
            (k == 4 && c == 0xF0 && s[i + 1] < 0x90) ||
            (k == 4 && c == 0xF4 && s[i + 1] >= 0x90))
            return 0;
        i += k;
    }
    return 1;
}

static void on_field(void *s, size_t n, void *data)
{
    reader *r = data;
    int line, col;
    if (r->failed)
        return;
    field_pos(r, r->at, &line, &col);
    size_t at = r->cur;
    r->start = r->at + 1;
    if (!clean_text(s ? s : (void *)"", s ? n : 0)) {
        error_at(r, line, col, "CSV: bytes that are not UTF-8 text (or a "
                 "control character) in this field; save the table as "
                 "UTF-8");
        return;
    }
    if (r->n == r->cap) {
        size_t cap = r->cap ? 2 * r->cap : 16;
        rg_csv_cell *c = realloc(r->cells, cap * sizeof(*c));
        if (c == NULL) {
            r->failed = -1;
            return;
        }
        r->cells = c;
        r->cap = cap;
    }
    char *t = malloc(n + 1);
    if (t == NULL) {
        r->failed = -1;
        return;
    }
    /* A line end inside a quoted field is "\n", whatever the file's. */
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (((char *)s)[i] != '\r' || i + 1 >= n || ((char *)s)[i + 1] != '\n')
            t[k++] = ((char *)s)[i];
    t[k] = '\0';
    r->cells[r->n++] = (rg_csv_cell){t, k, line, col, r->bom + at};
}

static void drop_cells(reader *r)
{
    for (size_t i = 0; i < r->n; i++)
        free(r->cells[i].text);
    r->n = 0;
}

static void on_row(int c, void *data)
{
    reader *r = data;
    (void)c;
    r->start = r->at + 1;
    if (!r->failed && r->fn(r->arg, r->rows++, r->cells, r->n) != 0)
        r->failed = -1;
    drop_cells(r);
}

/* The separator: the one of ',', ';' and tab the header line holds most
 * of outside quotes, ',' on a tie. */
static unsigned char separator(const char *t, size_t len)
{
    size_t n[3] = {0, 0, 0};
    int quoted = 0;
    for (size_t i = 0; i < len && (quoted || (t[i] != '\n' && t[i] != '\r'));
         i++) {
        if (t[i] == '"')
            quoted = !quoted;
        else if (!quoted)
            n[0] += t[i] == ',', n[1] += t[i] == ';', n[2] += t[i] == '\t';
    }
    return n[1] > n[0] && n[1] >= n[2] ? ';' : n[2] > n[0] && n[2] > n[1]
                                                   ? '\t' : ',';
}

static int is_space(unsigned char c)
{
    return c == ' ';
}

/* Runs libcsv over the text a byte at a time, so that each callback
 * knows the byte that ended its field. */
static void parse(reader *r, struct csv_parser *p)
{
    for (r->at = 0; r->at < r->len && !r->failed; r->at++) {
        if (csv_parse(p, r->text + r->at, 1, on_field, on_row, r) == 1)
            continue;
        int line, col;
        advance(r, r->at);
        line = (int)r->line;
        col = (int)r->col;
        if (csv_error(p) == CSV_EPARSE)
            error_at(r, line, col, "CSV: a quote inside a field that does "
                     "not start with one, or text after a closing quote; "
                     "quote the whole field and write a quote inside it as "
                     "\"\"");
        else
            r->failed = -1;
    }
    if (r->failed)
        return;
    r->at = r->len;
    if (csv_fini(p, on_field, on_row, r) != 0 && !r->failed) {
        int line, col;
        field_pos(r, r->len, &line, &col);
        error_at(r, line, col, "CSV: a quoted field is not closed by the "
                 "end of the file; add the closing quote");
    }
}

int rg_csv__read(const char *text, size_t len, const char *file,
                 rg_diags *diags, rg_csv_row_fn fn, void *arg)
{
    struct csv_parser p;
    size_t bom = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    reader r = {text + bom, file, len - bom, diags, fn, arg, 0, 0, 0, 1, 1,
                bom, NULL, 0, 0, 0, 0};
    text += bom;
    len -= bom;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        rg_diags_add(diags, RG_ERROR, file, "out of memory importing");
        return -1;
    }
    csv_set_delim(&p, separator(text, len));
    csv_set_space_func(&p, is_space);
    parse(&r, &p);
    csv_free(&p);
    drop_cells(&r);
    free(r.cells);
    if (r.failed < 0)
        rg_diags_add(diags, RG_ERROR, file, "out of memory importing");
    else if (!r.failed && r.rows == 0)
        rg_diag__pos(diags, RG_ERROR, file, 1, 1, 1, NULL, 0, NULL,
                     "CSV: an empty table; a table starts with a header "
                     "row naming its columns");
    return r.failed || r.rows == 0 ? -1 : 0;
}
