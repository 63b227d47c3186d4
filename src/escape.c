/* Escapers, one per output context (see escape.h). */
#include "escape.h"

void rg_escape__gv_url(rg_buf *b, const char *url)
{
    for (const char *s = url; *s; s++) {
        switch (*s) {
        case '&': rg_buf__puts(b, "&amp;"); break;
        case '<': rg_buf__puts(b, "&lt;"); break;
        case '>': rg_buf__puts(b, "&gt;"); break;
        case '"': rg_buf__puts(b, "&quot;"); break;
        case '\'': rg_buf__puts(b, "&#39;"); break;
        case '\\': rg_buf__puts(b, "\\\\"); break;
        default:
            if ((unsigned char)*s >= 0x20 && *s != 0x7f)
                rg_buf__putc(b, *s);
        }
    }
}

void rg_escape__md_dest(rg_buf *b, const char *url)
{
    for (const char *s = url; *s; s++) {
        switch (*s) {
        case '&':
            /* CommonMark decodes references in a destination, and cmark
             * does so before it removes backslash escapes. */
            rg_buf__puts(b, "&amp;");
            break;
        case '<': case '>': case '\\': case '|':
            rg_buf__putc(b, '\\');
            rg_buf__putc(b, *s);
            break;
        default:
            if ((unsigned char)*s >= 0x20 && *s != 0x7f)
                rg_buf__putc(b, *s);
        }
    }
}
