/* A growing byte buffer for building labels and output text. */
#ifndef RG_BUF_H
#define RG_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct rg_buf {
    char *data;  /* always NUL-terminated once anything was added */
    size_t len;
    size_t cap;
    int oom;     /* set when an append failed; later appends do nothing */
    size_t max;  /* 0, or the most bytes the text may hold: an append past
                    it sets oom and over (an output's size bound) */
    int over;
} rg_buf;

/* Makes room for `extra` more bytes at once; -1 (and oom) when it cannot. */
int rg_buf__reserve(rg_buf *b, size_t extra);
void rg_buf__putn(rg_buf *b, const char *s, size_t n);
void rg_buf__puts(rg_buf *b, const char *s);
void rg_buf__putc(rg_buf *b, char c);
/* As rg_buf__printf(), with the arguments in ap (left used). */
void rg_buf__vprintf(rg_buf *b, const char *fmt, va_list ap);
void rg_buf__printf(rg_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* The text so far ("" when empty); borrowed. */
const char *rg_buf__str(const rg_buf *b);
void rg_buf__reset(rg_buf *b);
void rg_buf__free(rg_buf *b);

#endif
