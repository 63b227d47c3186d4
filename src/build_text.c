/* Text for the chart: document text cut to what a chart can show and
 * escaped for where Graphviz takes it (HTML-like labels, tooltips, class
 * names). No state. */
#include "build_int.h"

#include "escape.h"

#include <stdlib.h>
#include <string.h>

const char *rg_build__clipped(rg_buf *oom, const char *s, size_t max,
                              char **tmp)
{
    size_t i = 0, k = 0;
    *tmp = NULL;
    for (; s[i]; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80 && k++ == max)
            break;
    if (s[i] == '\0')
        return s;
    char *c = malloc(i + 4);
    if (c == NULL) {
        oom->oom = 1;
        return "";
    }
    memcpy(c, s, i);
    memcpy(c + i, "\xe2\x80\xa6", 4);
    *tmp = c;
    return c;
}

static size_t utf8_len(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

/* Appends s, cut at `max` characters, as HTML text broken into lines of
 * about `width` characters at spaces; newlines in s are kept as line
 * breaks. */
static void html_wrapped_max(rg_buf *b, const char *s, size_t width,
                             size_t max)
{
    char *tmp;
    s = rg_build__clipped(b, s, max, &tmp);
    size_t col = 0;
    while (*s) {
        if (*s == '\n') {
            rg_buf__puts(b, "<BR/>");
            col = 0;
            s++;
            continue;
        }
        size_t sp = strspn(s, " ");
        const char *w = s + sp;
        size_t wl = strcspn(w, " \n");
        size_t wc = utf8_len(w, wl);
        if (col > 0 && col + 1 + wc > width) {
            rg_buf__puts(b, "<BR/>");
            col = 0;
        } else if (col > 0 && sp > 0) {
            rg_buf__putc(b, ' ');
            col++;
        }
        rg_escape__gv_html_text(b, w, wl);
        col += wc;
        s = w + wl;
    }
    free(tmp);
}

void rg_build__wrapped(rg_buf *b, const char *s, size_t width)
{
    html_wrapped_max(b, s, width, RG_DRAWN_TEXT_MAX);
}

void rg_build__name_text(rg_buf *b, const char *s, size_t width)
{
    html_wrapped_max(b, s, width, RG_DRAWN_NAME_MAX);
}

void rg_build__line_text(rg_buf *b, const char *s)
{
    char *tmp;
    s = rg_build__clipped(b, s, RG_DRAWN_NAME_MAX, &tmp);
    rg_escape__gv_html_text(b, s, strlen(s));
    free(tmp);
}

void rg_build__tooltip_text(rg_buf *b, const char *s)
{
    char *tmp;
    s = rg_build__clipped(b, s, RG_TOOLTIP_TEXT_MAX, &tmp);
    rg_escape__gv_string(b, s);
    free(tmp);
}

void rg_build__class_token(rg_buf *b, const char *prefix, const char *s)
{
    rg_buf__putc(b, ' ');
    rg_buf__puts(b, prefix);
    rg_escape__class(b, s);
}

/* "2014-05-19", "2014 \u2013 2015", "from 2014", "until 2015". */
void rg_build__dates(rg_buf *b, const char *date, const char *until)
{
    if (date != NULL && until != NULL) {
        rg_build__line_text(b, date);
        rg_buf__puts(b, " \xe2\x80\x93 ");
        rg_build__line_text(b, until);
    } else if (date != NULL) {
        rg_build__line_text(b, date);
    } else if (until != NULL) {
        rg_buf__puts(b, "until ");
        rg_build__line_text(b, until);
    }
}
