/* A growing byte buffer. */
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int rg_buf__reserve(rg_buf *b, size_t extra)
{
    if (b->oom)
        return -1;
    if (b->max != 0 && (extra > b->max || b->len > b->max - extra)) {
        b->oom = 1;
        b->over = 1;
        return -1;
    }
    if (b->len + extra + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *d = realloc(b->data, cap);
    if (d == NULL) {
        b->oom = 1;
        return -1;
    }
    b->data = d;
    b->cap = cap;
    return 0;
}

void rg_buf__putn(rg_buf *b, const char *s, size_t n)
{
    if (rg_buf__reserve(b, n) != 0)
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void rg_buf__puts(rg_buf *b, const char *s)
{
    rg_buf__putn(b, s, strlen(s));
}

void rg_buf__putc(rg_buf *b, char c)
{
    rg_buf__putn(b, &c, 1);
}

void rg_buf__vprintf(rg_buf *b, const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    if (n >= 0 && rg_buf__reserve(b, (size_t)n) == 0) {
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, again);
        b->len += (size_t)n;
    }
    va_end(again);
}

void rg_buf__printf(rg_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rg_buf__vprintf(b, fmt, ap);
    va_end(ap);
}

const char *rg_buf__str(const rg_buf *b)
{
    return b->data ? b->data : "";
}

void rg_buf__reset(rg_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void rg_buf__free(rg_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
}
