/* JSON read by yajl into jansson trees: see jsonread.h. */
#include "jsonread.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <yajl/yajl_parse.h>

/* jansson's JSON_PARSER_MAX_DEPTH: it refuses deeper texts. */
#define MAX_DEPTH 2048
/* Bytes read and handed to yajl at a time, at first (see
 * rg_jsonread__stream()). */
#define BLOCK 65536

typedef struct builder {
    json_t *root;                 /* owned; the containers below borrowed */
    json_t *open[MAX_DEPTH];      /* the containers not yet closed */
    int depth;
    int closed;                   /* the root's end was read */
    char *key;                    /* the key waiting for its value */
    size_t key_len, key_cap;
    /* The screen of the raw text: the end of the last block, for an
     * escape cut in two. */
    char tail[4];
    size_t tail_len;
    size_t events;                /* yajl's callbacks so far */
} builder;

/* ---- the raw text: what yajl and jansson read differently ---- */

static int is_surrogate_escape(const char *p)
{
    return p[0] == '\\' && p[1] == 'u' && (p[2] == 'd' || p[2] == 'D') &&
           strchr("89abcdefABCDEF", p[3]) != NULL && p[3] != '\0';
}

/* Returns 0 when `len` bytes at `p` hold nothing yajl reads otherwise
 * than jansson: a vertical tab or form feed (blank to yajl, an error to
 * jansson wherever it stands) or a surrogate's \u escape (yajl lets a
 * lone one through as '?' or as bytes that are not UTF-8; a pair is
 * refused too, and read by jansson: rare, and then only slower). A
 * backslash before "u" may itself be escaped ("\\ud800" is text): such
 * a text is refused too, which costs time only. */
static int screen(builder *b, const char *p, size_t len)
{
    if (memchr(p, '\v', len) != NULL || memchr(p, '\f', len) != NULL)
        return -1;
    /* An escape that began in the last block. */
    char joint[8] = {0};
    size_t head = len < 3 ? len : 3;
    memcpy(joint, b->tail, b->tail_len);
    memcpy(joint + b->tail_len, p, head);
    for (size_t i = 0; i < b->tail_len; i++)
        if (is_surrogate_escape(joint + i))
            return -1;
    for (const char *s = memchr(p, '\\', len); s != NULL;
         s = memchr(s + 1, '\\', (size_t)(p + len - s - 1))) {
        if (p + len - s < 4)
            break;  /* finished with the next block's start */
        if (is_surrogate_escape(s))
            return -1;
    }
    /* The last 3 bytes read, which a short block may not hold alone. */
    size_t joint_len = b->tail_len + head;
    b->tail_len = joint_len < 3 ? joint_len : 3;
    memcpy(b->tail, len >= 3 ? p + len - 3 : joint + joint_len - b->tail_len,
           b->tail_len);
    return 0;
}

/* ---- yajl's events ---- */

/* 1 when the n bytes at s are ASCII without NUL: nothing left to check,
 * and the quick case of jansson's setters; 0 otherwise. */
static int plain_ascii(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == 0 || s[i] >= 0x80)
            return 0;
    return 1;
}

/* Puts a new value (a reference taken) where the text has it: the root,
 * the next element, or the value of the waiting key. Returns 1, or 0 to
 * stop yajl. */
static int put(builder *b, json_t *v)
{
    b->events++;
    if (v == NULL)
        return 0;
    if (b->depth == 0) {
        if (b->root != NULL) {
            json_decref(v);
            return 0;
        }
        b->root = v;
        return 1;
    }
    json_t *in = b->open[b->depth - 1];
    if (json_is_array(in))
        return json_array_append_new(in, v) == 0;
    /* As jansson with JSON_REJECT_DUPLICATES: a key set again replaces
     * the value, and the object does not grow (one look-up, not two). A
     * key with a NUL in it jansson refuses without JSON_ALLOW_NUL;
     * setn_new checks the key's UTF-8. */
    size_t had = json_object_size(in);
    int rc;
    if (plain_ascii((const unsigned char *)b->key, b->key_len)) {
        rc = json_object_setn_new_nocheck(in, b->key, b->key_len, v);
    } else if (memchr(b->key, '\0', b->key_len) != NULL) {
        json_decref(v);
        return 0;
    } else {
        rc = json_object_setn_new(in, b->key, b->key_len, v);
    }
    return rc == 0 && json_object_size(in) == had + 1;
}

static int on_null(void *ctx)
{
    return put(ctx, json_null());
}

static int on_boolean(void *ctx, int value)
{
    return put(ctx, json_boolean(value));
}

/* An integer as jansson reads one: -?(0|[1-9][0-9]*) within json_int_t,
 * or 0 when it is not one or is too big (jansson's error). */
static int integer(const char *s, size_t len, json_int_t *out)
{
    size_t i = s[0] == '-';
    if (i == len || (s[i] == '0' && len - i > 1))
        return 0;
    unsigned long long v = 0,
                       max = i ? (unsigned long long)LLONG_MAX + 1
                               : (unsigned long long)LLONG_MAX;
    for (; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        unsigned d = (unsigned)(s[i] - '0');
        if (v > (max - d) / 10)
            return 0;
        v = v * 10 + d;
    }
    *out = s[0] == '-' ? (v == (unsigned long long)LLONG_MAX + 1
                              ? LLONG_MIN
                              : -(json_int_t)v)
                       : (json_int_t)v;
    return 1;
}

static int on_number(void *ctx, const char *s, size_t len)
{
    if (memchr(s, '.', len) == NULL && memchr(s, 'e', len) == NULL &&
        memchr(s, 'E', len) == NULL) {
        json_int_t v;
        return integer(s, len, &v) && put(ctx, json_integer(v));
    }
    /* A real (rare in relgraph's inputs) is read by jansson itself: its
     * grammar, rounding and overflow error, whatever the locale. */
    json_t *v = json_loadb(s, len, JSON_DECODE_ANY, NULL);
    if (!json_is_real(v)) {
        json_decref(v);
        return 0;
    }
    return put(ctx, v);
}

static int on_string(void *ctx, const unsigned char *s, size_t len)
{
    /* \u0000, which jansson refuses without JSON_ALLOW_NUL; json_stringn
     * refuses what is not UTF-8 as jansson's parser does (overlong forms,
     * surrogates, past U+10FFFF), which yajl lets through. */
    if (plain_ascii(s, len))
        return put(ctx, json_stringn_nocheck((const char *)s, len));
    if (memchr(s, '\0', len) != NULL)
        return 0;
    return put(ctx, json_stringn((const char *)s, len));
}

static int on_key(void *ctx, const unsigned char *s, size_t len)
{
    builder *b = ctx;
    b->events++;
    if (len + 1 > b->key_cap) {
        size_t cap = (len + 1) * 2;
        char *k = realloc(b->key, cap);
        if (k == NULL)
            return 0;
        b->key = k;
        b->key_cap = cap;
    }
    memcpy(b->key, s, len);
    b->key[len] = '\0';
    b->key_len = len;
    return 1;
}

static int open_container(builder *b, json_t *c)
{
    if (c == NULL || b->depth >= MAX_DEPTH) {
        json_decref(c);
        return 0;
    }
    /* Kept borrowed: its parent (or the root) holds it. */
    if (!put(b, c))
        return 0;
    b->open[b->depth++] = c;
    return 1;
}

static int on_start_map(void *ctx)
{
    return open_container(ctx, json_object());
}

static int on_start_array(void *ctx)
{
    return open_container(ctx, json_array());
}

/* The root's end stops yajl (see feed()). */
static int on_end(void *ctx)
{
    builder *b = ctx;
    b->events++;
    if (--b->depth > 0)
        return 1;
    b->closed = 1;
    return 0;
}

static const yajl_callbacks events = {
    on_null,   on_boolean, NULL,         NULL,   on_number,      on_string,
    on_start_map, on_key,  on_end,       on_start_array, on_end,
};

/* ---- reading ---- */

static yajl_handle start(builder *b)
{
    memset(b, 0, sizeof(*b));
    /* yajl's defaults are jansson's: no comments, strings checked as
     * UTF-8. */
    return yajl_alloc(&events, NULL, b);
}

static int blank(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != ' ' && p[i] != '\t' && p[i] != '\n' && p[i] != '\r')
            return 0;
    return 1;
}

/* Hands n bytes at p to yajl. Returns 0, or -1 when the text is refused.
 * yajl is stopped at the root's end and what follows is checked here to
 * be blank: yajl lets an unfinished token through after the root (an
 * unclosed string: `[1]"abc`). */
static int feed(builder *b, yajl_handle h, const char *p, size_t n)
{
    if (b->closed)
        return blank(p, n) ? 0 : -1;
    if (screen(b, p, n) != 0)
        return -1;
    yajl_status st = yajl_parse(h, (const unsigned char *)p, n);
    if (!b->closed)
        return st == yajl_status_ok ? 0 : -1;
    size_t used = yajl_get_bytes_consumed(h);
    return used <= n && blank(p + used, n - used) ? 0 : -1;
}

/* The tree when the whole text was read and is an object or an array
 * (jansson refuses a bare value without JSON_DECODE_ANY), else NULL. */
static json_t *finish(builder *b, yajl_handle h, int ok)
{
    yajl_free(h);
    free(b->key);
    json_t *root = b->root;
    if (!ok || !b->closed) {
        json_decref(root);
        return NULL;
    }
    return root;
}

/* A token cut by a block's end is kept by yajl, which reads it again
 * from its start with each later block: a string of L bytes in blocks of
 * B would cost L * L / B (a 32 MB description took 2.3 s, a 60 MB one
 * 9 s). So a block that ends no token makes the next one twice as big,
 * and the token is read again only about twice in all; blocks go back to
 * the first size once tokens end again. They grow only with such a
 * token, which the caller's bound on the text bounds. */
json_t *rg_jsonread__stream(rg_jsonread_fn read, void *data)
{
    return rg_jsonread__stream_from(read, data, BLOCK);
}

json_t *rg_jsonread__stream_from(rg_jsonread_fn read, void *data,
                                 size_t first)
{
    builder *b = malloc(sizeof(*b));
    size_t size = first ? first : 1, least = size;
    char *block = malloc(size);
    yajl_handle h = b && block ? start(b) : NULL;
    if (h == NULL) {
        free(b);
        free(block);
        return NULL;
    }
    int ok = 1;
    for (;;) {
        size_t n = read(block, size, data);
        if (n == 0)
            break;
        size_t before = b->events;
        if (n == (size_t)-1 || n > size || feed(b, h, block, n) != 0) {
            ok = 0;
            break;
        }
        /* (A short block ends the text, or comes of a reader that gives
         * less at a time: a bigger one would not be filled.) */
        size_t next = b->events == before && n == size ? size * 2 : least;
        if (next != size) {
            char *grown = realloc(block, next);
            if (grown == NULL) {
                ok = 0;
                break;
            }
            block = grown;
            size = next;
        }
    }
    json_t *root = finish(b, h, ok);
    free(block);
    free(b);
    return root;
}

json_t *rg_jsonread__buffer(const char *text, size_t len)
{
    builder *b = malloc(sizeof(*b));
    yajl_handle h = b ? start(b) : NULL;
    if (h == NULL) {
        free(b);
        return NULL;
    }
    json_t *root = finish(b, h, feed(b, h, text, len) == 0);
    free(b);
    return root;
}

json_t *rg_jsonread__loadb(const char *text, size_t len, json_error_t *err)
{
    json_t *root = rg_jsonread__buffer(text, len);
    return root ? root : json_loadb(text, len, JSON_REJECT_DUPLICATES, err);
}
