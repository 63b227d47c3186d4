/* Title and Subject in a PDF's document information. cairo's PDF (as
 * Graphviz 2.43 drives it) writes an information dictionary with only
 * the producer and the date; this appends an incremental update (PDF
 * 1.7, 7.5.6): a new information dictionary with the old one's entries
 * and the two texts, a cross-reference section for it, and a trailer
 * that points back to the old one (/Prev). The texts are written as
 * UTF-16BE hex strings (<FEFF...>), which need no escaping whatever
 * they hold. No state. */
#include "pdfmeta.h"

#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The last occurrence of key (NUL-terminated) in data[0, len). */
static const char *find_last(const char *data, size_t len, const char *key)
{
    size_t k = strlen(key);
    for (size_t i = len >= k ? len - k + 1 : 0; i-- > 0;)
        if (memcmp(data + i, key, k) == 0)
            return data + i;
    return NULL;
}

/* The first occurrence of key in [p, end). */
static const char *find_in(const char *p, const char *end, const char *key)
{
    size_t k = strlen(key);
    for (; p + k <= end; p++)
        if (memcmp(p, key, k) == 0)
            return p;
    return NULL;
}

/* A whole number after optional spaces at *p; -1 when none. */
static long long read_num(const char **p, const char *end)
{
    const char *q = *p;
    while (q < end && (*q == ' ' || *q == '\r' || *q == '\n'))
        q++;
    long long v = -1;
    for (; q < end && *q >= '0' && *q <= '9' && v < 1000000000000LL; q++)
        v = (v < 0 ? 0 : v * 10) + (*q - '0');
    *p = q;
    return v;
}

/* The value of `key` ("/Size") in the trailer [t, end): one number, or
 * for a reference ("/Root 28 0 R") its object and generation. */
static int trailer_ref(const char *t, const char *end, const char *key,
                       long long *obj, long long *gen)
{
    const char *p = find_in(t, end, key);
    if (p == NULL)
        return -1;
    p += strlen(key);
    *obj = read_num(&p, end);
    if (gen != NULL)
        *gen = read_num(&p, end);
    return *obj < 0 || (gen != NULL && *gen < 0) ? -1 : 0;
}

/* Appends the entries of the old information dictionary, object `obj`
 * `gen`: what lies between its << and >> when it is flat (cairo's is),
 * else nothing. */
static void old_info(rg_buf *out, const char *data, size_t len,
                     long long obj, long long gen)
{
    char head[64];
    snprintf(head, sizeof(head), "\n%lld %lld obj", obj, gen);
    const char *end = data + len;
    const char *o = find_last(data, len, head);
    const char *open = o ? find_in(o, end, "<<") : NULL;
    const char *stop = o ? find_in(o, end, "endobj") : NULL;
    const char *close = open ? find_in(open + 2, end, ">>") : NULL;
    if (close == NULL || stop == NULL || close > stop ||
        find_in(open + 2, close, "<<") != NULL)
        return;
    rg_buf__putn(out, open + 2, (size_t)(close - open - 2));
}

/* Appends one UTF-16 code unit as hex. */
static void unit_hex(rg_buf *out, unsigned u)
{
    static const char hex[] = "0123456789ABCDEF";
    char s[4] = {hex[(u >> 12) & 15], hex[(u >> 8) & 15], hex[(u >> 4) & 15],
                 hex[u & 15]};
    rg_buf__putn(out, s, 4);
}

/* The next code point of UTF-8 text at *s (U+FFFD for a bad byte). */
static unsigned next_cp(const unsigned char **s)
{
    const unsigned char *p = *s;
    unsigned c = *p++, need = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    unsigned cp = need == 3 ? c & 7 : need == 2 ? c & 15 : c & 31;
    if (c >= 0x80 && (need == 0 || c >= 0xF8)) {
        *s = p;
        return 0xFFFD;
    }
    if (need == 0)
        cp = c;
    for (unsigned i = 0; i < need; i++, p++) {
        if ((*p & 0xC0) != 0x80) {
            *s = p;
            return 0xFFFD;
        }
        cp = cp << 6 | (*p & 0x3F);
    }
    *s = p;
    return cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000) ? 0xFFFD : cp;
}

/* Appends "/Key <FEFF...>" for UTF-8 text, at most `max` characters
 * (then an ellipsis). */
static void text_entry(rg_buf *out, const char *key, const char *text,
                       size_t max)
{
    if (text == NULL || *text == '\0')
        return;
    rg_buf__printf(out, " %s <FEFF", key);
    const unsigned char *s = (const unsigned char *)text;
    size_t n = 0;
    while (*s && n < max) {
        unsigned cp = next_cp(&s);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            unit_hex(out, 0xD800 | (cp >> 10));
            unit_hex(out, 0xDC00 | (cp & 0x3FF));
        } else {
            unit_hex(out, cp);
        }
        n++;
    }
    if (*s)
        unit_hex(out, 0x2026);
    rg_buf__putc(out, '>');
}

/* The update: the new information object (number `size`), its
 * cross-reference section, the trailer. `base` is the PDF's length. */
static void update(rg_buf *u, size_t base, long long size, long long root,
                   long long root_gen, long long prev, const char *info,
                   const char *title, const char *subject)
{
    rg_buf__printf(u, "\n%lld 0 obj\n<<", size);
    size_t obj_at = base + 1;
    rg_buf__puts(u, info);
    text_entry(u, "/Title", title, RG_PDFMETA_TITLE_MAX);
    text_entry(u, "/Subject", subject, RG_PDFMETA_SUBJECT_MAX);
    rg_buf__puts(u, " >>\nendobj\n");
    size_t xref_at = base + u->len;
    rg_buf__printf(u, "xref\n%lld 1\n%010zu 00000 n \n", size, obj_at);
    rg_buf__printf(u, "trailer\n<< /Size %lld /Root %lld %lld R /Info %lld 0 R "
                      "/Prev %lld >>\nstartxref\n%zu\n%%%%EOF\n",
                   size + 1, root, root_gen, size, prev, xref_at);
}

int rg_pdfmeta__add(char **data, size_t *len, const char *title,
                    const char *subject)
{
    const char *d = *data, *end = *data + *len;
    const char *sx = find_last(d, *len, "startxref");
    const char *tr = sx ? find_last(d, (size_t)(sx - d), "trailer") : NULL;
    if (tr == NULL)
        return -2;
    const char *p = sx + 9;
    long long prev = read_num(&p, end), size, root, root_gen, info, info_gen;
    if (prev < 0 || (size_t)prev >= *len ||
        trailer_ref(tr, sx, "/Size", &size, NULL) != 0 ||
        trailer_ref(tr, sx, "/Root", &root, &root_gen) != 0)
        return -2;
    rg_buf old = {0}, u = {0};
    if (trailer_ref(tr, sx, "/Info", &info, &info_gen) == 0)
        old_info(&old, d, *len, info, info_gen);
    update(&u, *len, size, root, root_gen, prev, rg_buf__str(&old), title,
           subject);
    int rc = -1;
    char *grown = old.oom || u.oom ? NULL : realloc(*data, *len + u.len + 1);
    if (grown != NULL) {
        memcpy(grown + *len, u.data, u.len);
        *len += u.len;
        grown[*len] = '\0';
        *data = grown;
        rc = 0;
    }
    rg_buf__free(&old);
    rg_buf__free(&u);
    return rc;
}
