/* Finds where a JSON path's value stands in the text. The text has been
 * accepted by jansson, so the scanner can be simple; it still never reads
 * past `len`. */
#include "jsonpos.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rg_jsonpos {
    const char *t;
    size_t len;
    /* rg_jsonpos__new_file(): the file, read at the first question, and
     * the size it had when it was loaded. */
    char *path;
    size_t max;
    char *owned;
    /* Line starts, built on first use. */
    size_t *lines;
    size_t n_lines;
    /* Offsets of the elements of the top-level arrays, built on first
     * use: the common diagnostic is about actors[i] or links[i], and this
     * makes locating each one cost only the size of its element. */
    struct top {
        char *key;
        size_t key_pos;
        size_t value;
        size_t *elems;
        size_t n_elems;
        int indexed;
    } *tops;
    size_t n_tops;
    /* The last column computed, to count on from there: diagnostics come
     * in file order, and a minified document is one long line. */
    size_t col_line, col_off;
    int col_val;
    size_t len_line, len_val;  /* the last line length measured, +1 */
};

typedef struct rg_jsonpos scan;

static size_t ws(const scan *s, size_t p)
{
    while (p < s->len && (s->t[p] == ' ' || s->t[p] == '\t' ||
                          s->t[p] == '\n' || s->t[p] == '\r'))
        p++;
    return p;
}

size_t rg_jsonpos__string_end(const char *t, size_t len, size_t p)
{
    /* From quote to quote (memchr), until one that an odd run of
     * backslashes does not escape. */
    size_t from = ++p;
    for (;;) {
        const char *q = p < len ? memchr(t + p, '"', len - p) : NULL;
        if (q == NULL)
            return len;
        size_t at = (size_t)(q - t), b = at;
        while (b > from && t[b - 1] == '\\')
            b--;
        if ((at - b) % 2 == 0)
            return at + 1;
        p = at + 1;
    }
}

/* p at the opening quote; returns the offset past the closing quote. */
static size_t skip_string(const scan *s, size_t p)
{
    return rg_jsonpos__string_end(s->t, s->len, p);
}

static size_t skip_value(const scan *s, size_t p)
{
    if (p >= s->len)
        return p;
    char c = s->t[p];
    if (c == '"')
        return skip_string(s, p);
    if (c == '{' || c == '[') {
        size_t depth = 0;
        while (p < s->len) {
            c = s->t[p];
            if (c == '"') {
                p = skip_string(s, p);
                continue;
            }
            if (c == '{' || c == '[')
                depth++;
            else if ((c == '}' || c == ']') && --depth == 0)
                return p + 1;
            p++;
        }
        return p;
    }
    /* (strchr finds the set's own terminator: a NUL byte is part of the
     * token, not an end of it, or a scan would stand still there.) */
    while (p < s->len && (s->t[p] == '\0' || !strchr(",]} \t\r\n", s->t[p])))
        p++;
    return p;
}

int rg_jsonpos__hex_digit(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static unsigned hex4(const scan *s, size_t p)
{
    unsigned v = 0;
    for (size_t i = 0; i < 4; i++) {
        int h = p + i < s->len ? rg_jsonpos__hex_digit(s->t[p + i]) : -1;
        if (h < 0)
            return 0xFFFD;
        v = v * 16 + (unsigned)h;
    }
    return v;
}

/* Writes code point `cp` as UTF-8 at `o`; returns the bytes written. What
 * a browser turns into U+FFFD (NUL, surrogates, beyond Unicode) is
 * written as U+FFFD. */
size_t rg_jsonpos__put_utf8(char *o, unsigned long cp)
{
    if (cp == 0 || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
        cp = 0xfffd;
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xc0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xe0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        o[2] = (char)(0x80 | (cp & 0x3f));
        return 3;
    }
    o[0] = (char)(0xf0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
    o[3] = (char)(0x80 | (cp & 0x3f));
    return 4;
}

/* Does the string at p (its opening quote) decode to `key`? */
static int key_equals(const scan *s, size_t p, const char *key)
{
    size_t klen = strlen(key), k = 0;
    p++;
    while (p < s->len && s->t[p] != '"') {
        char buf[4];
        size_t n;
        if (s->t[p] != '\\') {
            buf[0] = s->t[p++];
            n = 1;
        } else if (p + 1 < s->len && s->t[p + 1] == 'u') {
            unsigned cp = hex4(s, p + 2);
            p += 6;
            if (cp >= 0xD800 && cp < 0xDC00 && p + 1 < s->len &&
                s->t[p] == '\\' && s->t[p + 1] == 'u') {
                unsigned lo = hex4(s, p + 2);
                if (lo >= 0xDC00 && lo < 0xE000) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    p += 6;
                }
            }
            n = rg_jsonpos__put_utf8(buf, cp);
        } else {
            char e = p + 1 < s->len ? s->t[p + 1] : '\\';
            const char *from = "bfnrt", *to = "\b\f\n\r\t";
            const char *f = strchr(from, e);
            buf[0] = f && e ? to[f - from] : e;
            n = 1;
            p += 2;
        }
        if (k + n > klen || memcmp(key + k, buf, n) != 0)
            return 0;
        k += n;
    }
    return k == klen;
}

/* In the object at p, finds `key`. Stores the offsets of the key and of
 * its value; returns 0 when absent. */
static int find_key(const scan *s, size_t p, const char *key, size_t *kpos,
                    size_t *vpos)
{
    if (p >= s->len || s->t[p] != '{')
        return 0;
    p = ws(s, p + 1);
    while (p < s->len && s->t[p] == '"') {
        size_t k = p;
        p = ws(s, skip_string(s, p));
        if (p < s->len && s->t[p] == ':')
            p = ws(s, p + 1);
        if (key_equals(s, k, key)) {
            *kpos = k;
            *vpos = p;
            return 1;
        }
        p = ws(s, skip_value(s, p));
        if (p < s->len && s->t[p] == ',')
            p = ws(s, p + 1);
    }
    return 0;
}

/* In the array at p, finds element `index`. */
static int find_index(const scan *s, size_t p, size_t index, size_t *vpos)
{
    if (p >= s->len || s->t[p] != '[')
        return 0;
    p = ws(s, p + 1);
    for (size_t i = 0; p < s->len && s->t[p] != ']'; i++) {
        if (i == index) {
            *vpos = p;
            return 1;
        }
        p = ws(s, skip_value(s, p));
        if (p < s->len && s->t[p] == ',')
            p = ws(s, p + 1);
    }
    return 0;
}

static struct top *top_entry(scan *s, const char *key, size_t root)
{
    for (size_t i = 0; i < s->n_tops; i++)
        if (strcmp(s->tops[i].key, key) == 0)
            return &s->tops[i];
    size_t kpos, vpos;
    if (!find_key(s, root, key, &kpos, &vpos))
        return NULL;
    struct top *v = realloc(s->tops, (s->n_tops + 1) * sizeof(*v));
    if (v == NULL)
        return NULL;
    s->tops = v;
    struct top *t = &v[s->n_tops++];
    memset(t, 0, sizeof(*t));
    t->key = strdup(key);
    t->key_pos = kpos;
    t->value = vpos;
    return t;
}

static void index_elems(scan *s, struct top *t)
{
    t->indexed = 1;
    size_t p = t->value;
    if (p >= s->len || s->t[p] != '[')
        return;
    size_t cap = 0;
    p = ws(s, p + 1);
    while (p < s->len && s->t[p] != ']') {
        if (t->n_elems == cap) {
            cap = cap ? cap * 2 : 64;
            size_t *e = realloc(t->elems, cap * sizeof(*e));
            if (e == NULL)
                return;
            t->elems = e;
        }
        t->elems[t->n_elems++] = p;
        p = ws(s, skip_value(s, p));
        if (p < s->len && s->t[p] == ',')
            p = ws(s, p + 1);
    }
}

/* Locates a path. Stores the start of what to point at (the key of the
 * last step when at == RG_AT_KEY) and the end of it. Where a step is
 * missing, points at the deepest value found. */
static void locate(scan *s, const rg_pathseg *segs, int n, rg_at at,
                   size_t *start, size_t *end)
{
    size_t p = ws(s, 0), kpos = p;
    int i = 0;
    if (n > 0 && segs[0].key != NULL) {
        struct top *t = top_entry(s, segs[0].key, p);
        if (t != NULL) {
            p = t->value;
            kpos = t->key_pos;
            i = 1;
            if (n > 1 && segs[1].key == NULL) {
                if (!t->indexed)
                    index_elems(s, t);
                if (segs[1].index < t->n_elems) {
                    p = t->elems[segs[1].index];
                    i = 2;
                }
            }
        }
    }
    int found_key = i == 1 && n == 1;
    for (; i < n; i++) {
        size_t v;
        if (segs[i].key != NULL) {
            if (!find_key(s, p, segs[i].key, &kpos, &v))
                break;
            found_key = i == n - 1;
        } else if (!find_index(s, p, segs[i].index, &v)) {
            break;
        }
        p = v;
    }
    if (at == RG_AT_KEY && found_key && i == n) {
        *start = kpos;
        *end = skip_string(s, kpos);
    } else {
        *start = p;
        *end = skip_value(s, p);
    }
}

static void build_lines(scan *s)
{
    size_t cap = 1024;
    s->lines = malloc(cap * sizeof(*s->lines));
    if (s->lines == NULL)
        return;
    s->lines[s->n_lines++] = 0;
    for (const char *nl = memchr(s->t, '\n', s->len); nl != NULL;
         nl = memchr(nl + 1, '\n', (size_t)(s->t + s->len - nl - 1))) {
        size_t p = (size_t)(nl - s->t);
        if (s->n_lines == cap) {
            cap *= 2;
            size_t *l = realloc(s->lines, cap * sizeof(*l));
            if (l == NULL)
                return;
            s->lines = l;
        }
        s->lines[s->n_lines++] = p + 1;
    }
}

static size_t chars(const char *t, size_t from, size_t to)
{
    size_t n = 0;
    for (size_t p = from; p < to; p++)
        n += ((unsigned char)t[p] & 0xC0) != 0x80;
    return n;
}

static size_t line_length(const char *t, size_t len, size_t start)
{
    size_t e = start;
    while (e < len && t[e] != '\n')
        e++;
    if (e > start && t[e - 1] == '\r')
        e--;
    return e - start;
}

void rg_jsonpos__line_col(const char *text, size_t len, size_t off,
                          int *line, int *column, size_t *line_start,
                          size_t *line_len)
{
    if (off > len)
        off = len;
    size_t ln = 1, start = 0;
    for (size_t p = 0; p < off; p++) {
        if (text[p] == '\n') {
            ln++;
            start = p + 1;
        }
    }
    *line = (int)ln;
    *column = (int)chars(text, start, off) + 1;
    *line_start = start;
    *line_len = line_length(text, len, start);
}

static void to_line_col(scan *s, size_t off, size_t *line_idx, int *column)
{
    size_t lo = 0, hi = s->n_lines;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (s->lines[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    *line_idx = lo;
    if (s->col_val > 0 && s->col_line == lo && s->col_off <= off)
        *column = s->col_val + (int)chars(s->t, s->col_off, off);
    else
        *column = (int)chars(s->t, s->lines[lo], off) + 1;
    s->col_line = lo;
    s->col_off = off;
    s->col_val = *column;
}

rg_jsonpos *rg_jsonpos__new_file(const char *path, size_t size)
{
    rg_jsonpos *s = calloc(1, sizeof(*s));
    if (s != NULL && (s->path = strdup(path)) == NULL) {
        free(s);
        s = NULL;
    }
    if (s != NULL)
        s->max = size;
    return s;
}

/* Reads the file of rg_jsonpos__new_file() once, no more than the size it
 * had when loaded (a file grown since is not the one loaded: no
 * positions, and no read without bound). Returns 0 when the text is here.
 * Offsets count from after a UTF-8 byte order mark, as the loader's do. */
static int have_text(scan *s)
{
    if (s->t != NULL || s->path == NULL)
        return s->t != NULL ? 0 : -1;
    FILE *f = fopen(s->path, "rb");
    free(s->path);
    s->path = NULL;
    if (f == NULL)
        return -1;
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap);
    while (buf != NULL && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n > s->max) {
            free(buf);
            buf = NULL;
        } else if (n == cap) {
            char *b = realloc(buf, cap *= 2);
            if (b == NULL)
                free(buf);
            buf = b;
        }
    }
    fclose(f);
    if (buf == NULL)
        return -1;
    size_t bom = n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    s->owned = buf;
    s->t = buf + bom;
    s->len = n - bom;
    return 0;
}

rg_jsonpos *rg_jsonpos__new(const char *text, size_t len)
{
    rg_jsonpos *s = calloc(1, sizeof(*s));
    if (s != NULL) {
        s->t = text;
        s->len = len;
    }
    return s;
}

void rg_jsonpos__free(rg_jsonpos *s)
{
    if (s == NULL)
        return;
    for (size_t i = 0; i < s->n_tops; i++) {
        free(s->tops[i].key);
        free(s->tops[i].elems);
    }
    free(s->tops);
    free(s->lines);
    free(s->path);
    free(s->owned);
    free(s);
}

int rg_jsonpos__lookup(rg_jsonpos *s, const rg_path *path, rg_at at,
                       int *line, int *column)
{
    if (have_text(s) != 0)
        return -1;
    if (s->lines == NULL)
        build_lines(s);
    if (s->lines == NULL)
        return -1;
    size_t a, b, li;
    locate(s, path->seg, path->n, at, &a, &b);
    to_line_col(s, a, &li, column);
    *line = (int)li + 1;
    return 0;
}

int rg_jsonpos__line_text(rg_jsonpos *s, int line, const char **text,
                          size_t *len)
{
    if (s->lines == NULL || line < 1 || (size_t)line > s->n_lines)
        return -1;
    size_t ls = s->lines[line - 1];
    *text = s->t + ls;
    *len = line_length(s->t, s->len, ls);
    return 0;
}

int rg_jsonpos__spot(rg_jsonpos *s, const rg_diag_pending *pd,
                     rg_jsonpos_spot *out)
{
    if (have_text(s) != 0)
        return -1;
    if (s->lines == NULL) {
        build_lines(s);
        if (s->lines == NULL)
            return -1;
    }
    const char *text = s->t;
    size_t len = s->len;
    size_t a, b, li;
    memset(out, 0, sizeof(*out));
    locate(s, pd->segs, pd->n, pd->at, &a, &b);
    to_line_col(s, a, &li, &out->column);
    size_t ls = s->lines[li];
    if (s->len_line != li + 1) {
        s->len_line = li + 1;
        s->len_val = line_length(text, len, ls);
    }
    size_t ll = s->len_val;
    out->line = (int)li + 1;
    out->end_column =
        out->column + (int)chars(text, a, b <= ls + ll ? b : ls + ll);
    if (pd->rel_segs != NULL) {
        size_t ra, rb, rli;
        locate(s, pd->rel_segs, pd->rel_n, RG_AT_VALUE, &ra, &rb);
        to_line_col(s, ra, &rli, &out->rel_column);
        out->rel_line = (int)rli + 1;
    }
    /* A huge line (minified JSON) is no use under a caret. */
    out->source = ll <= 1024 ? text + ls : NULL;
    out->source_len = ll;
    return 0;
}

void rg_jsonpos__resolve(rg_jsonpos *s, rg_diags *diags, size_t start)
{
    size_t n = rg_diags_count(diags);
    for (size_t i = start; i < n; i++) {
        rg_diag_pending pd;
        rg_jsonpos_spot at;
        if (!rg_diags__pending(diags, i, &pd))
            continue;
        if (rg_jsonpos__spot(s, &pd, &at) != 0)
            break;
        rg_diags__locate(diags, i, at.line, at.column, at.end_column,
                         at.source, at.source_len, at.rel_line,
                         at.rel_column);
    }
}

/* ---- duplicate keys ---- */

/* Walks the object at p; on the first key that repeats one of the same
 * object, stores both offsets and returns 1. Returns 0 when the value at
 * p holds no duplicate; *end gets the offset past the value. */
static int dup_in(const scan *s, size_t p, size_t *first, size_t *dup,
                  size_t *end, int depth)
{
    if (depth > 4096 || p >= s->len) {
        *end = s->len;
        return 0;
    }
    char c = s->t[p];
    if (c != '{' && c != '[') {
        *end = skip_value(s, p);
        return 0;
    }
    size_t *keys = NULL, n = 0, cap = 0;
    int found = 0;
    p = ws(s, p + 1);
    while (p < s->len && s->t[p] != '}' && s->t[p] != ']') {
        if (c == '{') {
            size_t k = p;
            /* Compare the new key with the ones before it (objects of
             * the format are small; this runs only after jansson has
             * reported a duplicate). */
            size_t kend = skip_string(s, k);
            for (size_t i = 0; i < n && !found; i++) {
                size_t o = keys[i], oend = skip_string(s, o);
                if (oend - o == kend - k && memcmp(s->t + o, s->t + k, kend - k) == 0) {
                    *first = o;
                    *dup = k;
                    found = 1;
                }
            }
            if (found)
                break;
            if (n == cap) {
                cap = cap ? cap * 2 : 16;
                size_t *nk = realloc(keys, cap * sizeof(*nk));
                if (nk == NULL)
                    break;
                keys = nk;
            }
            keys[n++] = k;
            p = ws(s, kend);
            if (p < s->len && s->t[p] == ':')
                p = ws(s, p + 1);
        }
        size_t e;
        if (dup_in(s, p, first, dup, &e, depth + 1)) {
            found = 1;
            break;
        }
        /* Broken text can hold a byte that starts no value: step over
         * it, so that every turn of this loop moves on. */
        p = ws(s, e > p ? e : p + 1);
        if (p < s->len && s->t[p] == ',')
            p = ws(s, p + 1);
    }
    free(keys);
    *end = p < s->len ? p + 1 : s->len;
    return found;
}

int rg_jsonpos__duplicate_key(const char *text, size_t len, size_t *first,
                              size_t *dup)
{
    scan s = {0};
    s.t = text;
    s.len = len;
    size_t end;
    return dup_in(&s, ws(&s, 0), first, dup, &end, 0);
}
