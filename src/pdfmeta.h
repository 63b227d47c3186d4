/* The PDF's document information (Title, Subject), added to cairo's PDF
 * as an incremental update. */
#ifndef RG_PDFMETA_H
#define RG_PDFMETA_H

#include <stddef.h>

/* The most characters of a title and of a subject written; longer ones
 * are cut there and end with an ellipsis. */
#define RG_PDFMETA_TITLE_MAX 300
#define RG_PDFMETA_SUBJECT_MAX 2000

/* Appends to the PDF in *data (malloc'd, *len bytes; reallocated) an
 * incremental update whose document information has `title` and
 * `subject` (UTF-8; either may be NULL or empty: left out) besides what
 * the PDF's own information holds. Returns 0; -1 when out of memory, -2
 * when the PDF's trailer cannot be read (a cross-reference stream, a
 * truncated file); then *data is unchanged. */
int rg_pdfmeta__add(char **data, size_t *len, const char *title,
                    const char *subject);

#endif
