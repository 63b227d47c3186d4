/* Compact ASCII JSON from a jansson tree: see jsonwrite.h. */
#include "jsonwrite.h"

#include "buf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The code point of the UTF-8 sequence at s (at most `left` bytes) and
 * its length, or 0 when it is not one. */
static size_t utf8_next(const unsigned char *s, size_t left, uint32_t *cp)
{
    size_t n = s[0] < 0x80 ? 1 : s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3
                                               : s[0] >= 0xC2 ? 2 : 0;
    if (n == 0 || n > left || (n == 4 && s[0] > 0xF4))
        return 0;
    uint32_t c = n == 1 ? s[0] : s[0] & (0x7F >> n);
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    static const uint32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < least[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return n;
}

static void escape_unit(rg_buf *b, uint32_t u)
{
    char seq[8];
    snprintf(seq, sizeof(seq), "\\u%04X", (unsigned)u);
    rg_buf__putn(b, seq, 6);
}

static int put_string(rg_buf *b, const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0, run = 0;
    rg_buf__putc(b, '"');
    while (i < len) {
        unsigned char c = s[i];
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            i++;
            continue;
        }
        rg_buf__putn(b, str + run, i - run);
        uint32_t cp = c;
        size_t n = c < 0x80 ? 1 : utf8_next(s + i, len - i, &cp);
        if (n == 0)
            return -1;
        switch (cp) {
        case '"': rg_buf__puts(b, "\\\""); break;
        case '\\': rg_buf__puts(b, "\\\\"); break;
        case '\b': rg_buf__puts(b, "\\b"); break;
        case '\f': rg_buf__puts(b, "\\f"); break;
        case '\n': rg_buf__puts(b, "\\n"); break;
        case '\r': rg_buf__puts(b, "\\r"); break;
        case '\t': rg_buf__puts(b, "\\t"); break;
        default:
            if (cp < 0x10000) {
                escape_unit(b, cp);
            } else {
                cp -= 0x10000;
                escape_unit(b, 0xD800 | (cp >> 10));
                escape_unit(b, 0xDC00 | (cp & 0x3FF));
            }
        }
        i += n;
        run = i;
    }
    rg_buf__putn(b, str + run, i - run);
    rg_buf__putc(b, '"');
    return 0;
}

/* v; `skip`, when not NULL, is left out of v when v is an object (not
 * below it). */
static int put_value(rg_buf *b, const json_t *v, const char *skip)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        const char *key;
        size_t key_len;
        json_t *m;
        int first = 1;
        rg_buf__putc(b, '{');
        json_object_keylen_foreach((json_t *)v, key, key_len, m) {
            if (skip != NULL && strcmp(key, skip) == 0)
                continue;
            if (!first)
                rg_buf__putc(b, ',');
            first = 0;
            if (put_string(b, key, key_len) != 0)
                return -1;
            rg_buf__putc(b, ':');
            if (put_value(b, m, NULL) != 0)
                return -1;
        }
        rg_buf__putc(b, '}');
        return 0;
    }
    case JSON_ARRAY:
        rg_buf__putc(b, '[');
        for (size_t i = 0; i < json_array_size(v); i++) {
            if (i)
                rg_buf__putc(b, ',');
            if (put_value(b, json_array_get(v, i), NULL) != 0)
                return -1;
        }
        rg_buf__putc(b, ']');
        return 0;
    case JSON_STRING:
        return put_string(b, json_string_value(v), json_string_length(v));
    case JSON_INTEGER:
        rg_buf__printf(b, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        return 0;
    case JSON_REAL: {
        /* Rare: jansson's own digits (written here, not in a string
         * of jansson's: that may lie in jsonmem.c's region). */
        char r[64];
        size_t n = json_dumpb(v, r, sizeof(r), JSON_ENCODE_ANY | JSON_COMPACT);
        if (n == 0 || n > sizeof(r))
            return -1;
        rg_buf__putn(b, r, n);
        return 0;
    }
    case JSON_TRUE: rg_buf__puts(b, "true"); return 0;
    case JSON_FALSE: rg_buf__puts(b, "false"); return 0;
    case JSON_NULL: rg_buf__puts(b, "null"); return 0;
    }
    return -1;
}

char *rg_jsonwrite__compact_ascii(const json_t *v)
{
    rg_buf b = {0};
    if (put_value(&b, v, NULL) != 0 || b.oom) {
        rg_buf__free(&b);
        return NULL;
    }
    return b.data;
}

int rg_jsonwrite__value(rg_buf *b, const json_t *v, const char *skip)
{
    return put_value(b, v, skip) == 0 && !b->oom ? 0 : -1;
}

int rg_jsonwrite__string(rg_buf *b, const char *s, size_t len)
{
    return put_string(b, s, len) == 0 && !b->oom ? 0 : -1;
}
