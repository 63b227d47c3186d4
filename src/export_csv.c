/* The CSV tables (RFC 4180, CRLF line ends): links, actors, sources and
 * groups, one a file, with the columns rg_export__fields() lists and
 * every cell escaped by rg_escape__csv_cell() (lists joined with ';',
 * a spreadsheet formula's first character guarded). No state. */
#include "export.h"

#include "escape.h"

void rg_export__csv(rg_buf *b, const rg_doc *d, rg_xtable t)
{
    size_t nf;
    const rg_xfield *fields = rg_export__fields(t, &nf);
    rg_buf cell = {0};
    for (size_t f = 0; f < nf; f++) {
        if (f > 0)
            rg_buf__putc(b, ',');
        rg_buf__puts(b, fields[f].name);
    }
    rg_buf__puts(b, "\r\n");
    size_t n = rg_export__count(d, t);
    for (size_t i = 0; i < n && !b->oom; i++) {
        for (size_t f = 0; f < nf; f++) {
            rg_xval v;
            rg_export__value(&v, d, t, i, f);
            rg_buf__reset(&cell);
            rg_export__text(&cell, &v);
            if (f > 0)
                rg_buf__putc(b, ',');
            rg_escape__csv_cell(b, rg_buf__str(&cell));
        }
        rg_buf__puts(b, "\r\n");
    }
    if (cell.oom)
        b->oom = 1;
    rg_buf__free(&cell);
}
