/* Diagnostics: the caller-owned list, paths, positions found later. */
#include "diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct item {
    rg_diag pub;
    char *file;
    char *path;
    char *message;
    char *suggestion;
    char *source_line;
    /* Not yet located: the path's steps (keys copied). */
    rg_pathseg *segs;
    int n_segs;
    rg_at at;
    rg_pathseg *rel_segs;
    int rel_n;
    int has_rel;
} item;

struct rg_diags {
    item *v;
    size_t n;
    size_t cap;
    bool strict;
    /* Room kept for one diagnostic added without malloc (see
     * rg_diags__reserve): a free item in v, its file and message. */
    bool reserved;
    char *spare_file;
    char *spare_msg;
    size_t spare_cap;
};

char *rg__vasprintf(const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int len = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (len < 0)
        return NULL;
    char *s = malloc((size_t)len + 1);
    if (s != NULL)
        vsnprintf(s, (size_t)len + 1, fmt, ap);
    return s;
}

char *rg__asprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = rg__vasprintf(fmt, ap);
    va_end(ap);
    return s;
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* Formats a message and escapes the control characters that came from
 * the document, so that a diagnostic stays one line and cannot send
 * escape sequences to the terminal. */
static char *message(const char *fmt, va_list ap)
{
    char *m = rg__vasprintf(fmt, ap);
    if (m == NULL)
        return NULL;
    size_t extra = 0;
    for (const char *c = m; *c; c++)
        if ((unsigned char)*c < 0x20 || *c == 0x7f)
            extra += 5;
    if (extra == 0)
        return m;
    char *out = malloc(strlen(m) + extra + 1), *o = out;
    if (out == NULL)
        return m;
    for (const char *c = m; *c; c++) {
        unsigned char ch = (unsigned char)*c;
        if (ch == '\n' || ch == '\t' || ch == '\r') {
            *o++ = '\\';
            *o++ = ch == '\n' ? 'n' : ch == '\t' ? 't' : 'r';
        } else if (ch < 0x20 || ch == 0x7f) {
            o += sprintf(o, "\\u%04x", ch);
        } else {
            *o++ = (char)ch;
        }
    }
    *o = '\0';
    free(m);
    return out;
}

void rg_diags_set_strict(rg_diags *diags, bool strict)
{
    if (diags != NULL)
        diags->strict = strict;
}

rg_diags *rg_diags_new(void)
{
    return calloc(1, sizeof(rg_diags));
}

static void free_segs(rg_pathseg *segs, int n)
{
    if (segs == NULL)
        return;
    for (int i = 0; i < n; i++)
        free((char *)segs[i].key);
    free(segs);
}

static void item_free(item *it)
{
    free(it->file);
    free(it->path);
    free(it->message);
    free(it->suggestion);
    free(it->source_line);
    free_segs(it->segs, it->n_segs);
    free_segs(it->rel_segs, it->rel_n);
}

void rg_diags__truncate(rg_diags *diags, size_t n)
{
    if (diags == NULL)
        return;
    for (size_t i = n; i < diags->n; i++)
        item_free(&diags->v[i]);
    if (n < diags->n)
        diags->n = n;
}

void rg_diags_clear(rg_diags *diags)
{
    rg_diags__truncate(diags, 0);
}

void rg_diags_free(rg_diags *diags)
{
    if (diags == NULL)
        return;
    rg_diags__unreserve(diags);
    rg_diags_clear(diags);
    free(diags->v);
    free(diags);
}

size_t rg_diags_count(const rg_diags *diags)
{
    return diags ? diags->n : 0;
}

const rg_diag *rg_diags_get(const rg_diags *diags, size_t i)
{
    return &diags->v[i].pub;
}

size_t rg_diags_count_severity(const rg_diags *diags, rg_severity severity)
{
    size_t n = 0;
    for (size_t i = 0; diags && i < diags->n; i++)
        n += diags->v[i].pub.severity == severity;
    return n;
}

/* Points the public fields at the item's own strings. */
static void sync(item *it)
{
    it->pub.file = it->file ? it->file : "";
    it->pub.path = it->path ? it->path : "";
    it->pub.message = it->message ? it->message : "out of memory";
    it->pub.suggestion = it->suggestion;
    it->pub.source_line = it->source_line;
}

/* Room for one more item beyond those counted and the one reserved. */
static int grow(rg_diags *diags)
{
    if (diags->n + (diags->reserved ? 1 : 0) < diags->cap)
        return 0;
    size_t cap = diags->cap ? diags->cap * 2 : 16;
    item *v = realloc(diags->v, cap * sizeof(*v));
    if (v == NULL)
        return -1;
    diags->v = v;
    diags->cap = cap;
    return 0;
}

static item *push(rg_diags *diags, rg_severity sev, const char *file)
{
    if (grow(diags) != 0)
        return NULL;
    item *it = &diags->v[diags->n++];
    memset(it, 0, sizeof(*it));
    it->pub.severity = sev == RG_WARNING && diags->strict ? RG_ERROR : sev;
    it->file = dup_or_null(file ? file : "");
    return it;
}

/* A new diagnostic of `diags` (which may be NULL) with its message made
 * from fmt and ap, or NULL. */
static item *push_msg(rg_diags *diags, rg_severity sev, const char *file,
                      const char *fmt, va_list ap)
{
    item *it = diags != NULL ? push(diags, sev, file) : NULL;
    if (it != NULL)
        it->message = message(fmt, ap);
    return it;
}

int rg_diags__reserve(rg_diags *diags, const char *file, size_t cap)
{
    if (diags->reserved)
        return 0;
    if (grow(diags) != 0)
        return -1;
    diags->spare_file = strdup(file ? file : "");
    diags->spare_msg = malloc(cap ? cap : 1);
    if (diags->spare_file == NULL || diags->spare_msg == NULL) {
        free(diags->spare_file);
        free(diags->spare_msg);
        diags->spare_file = diags->spare_msg = NULL;
        return -1;
    }
    diags->spare_msg[0] = '\0';
    diags->spare_cap = cap ? cap : 1;
    diags->reserved = true;
    return 0;
}

void rg_diags__add_reserved(rg_diags *diags, rg_severity severity,
                            const char *msg)
{
    if (diags == NULL || !diags->reserved)
        return;
    item *it = &diags->v[diags->n];
    memset(it, 0, sizeof(*it));
    size_t k = 0;
    while (msg[k] && k + 1 < diags->spare_cap) {
        diags->spare_msg[k] = msg[k];
        k++;
    }
    diags->spare_msg[k] = '\0';
    it->file = diags->spare_file;
    it->message = diags->spare_msg;
    it->pub.severity = severity;
    sync(it);
    diags->spare_file = diags->spare_msg = NULL;
    diags->reserved = false;
    diags->n++;
}

void rg_diags__unreserve(rg_diags *diags)
{
    if (diags == NULL || !diags->reserved)
        return;
    free(diags->spare_file);
    free(diags->spare_msg);
    diags->spare_file = diags->spare_msg = NULL;
    diags->reserved = false;
}

void rg_diags_add(rg_diags *diags, rg_severity severity, const char *file,
                  const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    item *it = push_msg(diags, severity, file, fmt, ap);
    va_end(ap);
    if (it == NULL)
        return;
    sync(it);
}

/* Renders a path as "links[3].to". */
static char *path_string(const rg_pathseg *segs, int n)
{
    size_t cap = 1;
    for (int i = 0; i < n; i++)
        cap += segs[i].key ? strlen(segs[i].key) + 1 : 24;
    char *s = malloc(cap);
    if (s == NULL)
        return NULL;
    size_t len = 0;
    s[0] = '\0';
    for (int i = 0; i < n; i++) {
        if (segs[i].key)
            len += (size_t)snprintf(s + len, cap - len, "%s%s",
                                    i ? "." : "", segs[i].key);
        else
            len += (size_t)snprintf(s + len, cap - len, "[%zu]",
                                    segs[i].index);
    }
    return s;
}

static rg_pathseg *copy_segs(const rg_path *p)
{
    rg_pathseg *segs = calloc((size_t)p->n + 1, sizeof(*segs));
    if (segs == NULL)
        return NULL;
    for (int i = 0; i < p->n; i++) {
        segs[i].index = p->seg[i].index;
        if (p->seg[i].key)
            segs[i].key = strdup(p->seg[i].key);
    }
    return segs;
}

void rg_diag__at(rg_diags *diags, rg_severity sev, const char *file,
                 const rg_path *path, rg_at at, const rg_path *related,
                 const char *suggestion, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    item *it = push_msg(diags, sev, file, fmt, ap);
    va_end(ap);
    if (it == NULL)
        return;
    /* A diagnostic about a key names the object that holds it. */
    int shown = at == RG_AT_KEY && path->n > 0 ? path->n - 1 : path->n;
    it->path = path_string(path->seg, shown);
    it->suggestion = dup_or_null(suggestion);
    it->segs = copy_segs(path);
    it->n_segs = path->n;
    it->at = at;
    if (related != NULL) {
        it->rel_segs = copy_segs(related);
        it->rel_n = related->n;
        it->has_rel = 1;
    }
    sync(it);
}

void rg_diag__pos(rg_diags *diags, rg_severity sev, const char *file,
                  int line, int column, int end_column,
                  const char *source_line, size_t source_len,
                  const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    item *it = push_msg(diags, sev, file, fmt, ap);
    va_end(ap);
    if (it == NULL)
        return;
    it->path = dup_or_null(path ? path : "");
    if (source_line != NULL)
        it->source_line = strndup(source_line, source_len);
    it->pub.line = line;
    it->pub.column = column;
    it->pub.end_column = end_column > column ? end_column : column;
    sync(it);
}

rg_path rg_path__key(const rg_path *p, const char *key)
{
    rg_path q = *p;
    if (q.n < RG_PATH_MAX) {
        q.seg[q.n].key = key;
        q.seg[q.n].index = 0;
        q.n++;
    }
    return q;
}

rg_path rg_path__index(const rg_path *p, size_t index)
{
    rg_path q = *p;
    if (q.n < RG_PATH_MAX) {
        q.seg[q.n].key = NULL;
        q.seg[q.n].index = index;
        q.n++;
    }
    return q;
}

int rg_diags__pending(const rg_diags *diags, size_t i, rg_diag_pending *out)
{
    const item *it = &diags->v[i];
    if (it->segs == NULL)
        return 0;
    out->segs = it->segs;
    out->n = it->n_segs;
    out->at = it->at;
    out->rel_segs = it->has_rel ? it->rel_segs : NULL;
    out->rel_n = it->rel_n;
    return 1;
}

void rg_diags__locate(rg_diags *diags, size_t i, int line, int column,
                      int end_column, const char *source_line,
                      size_t source_len, int rel_line, int rel_column)
{
    item *it = &diags->v[i];
    it->pub.line = line;
    it->pub.column = column;
    it->pub.end_column = end_column > column ? end_column : column;
    if (source_line != NULL)
        it->source_line = strndup(source_line, source_len);
    if (it->has_rel && rel_line > 0 && it->message != NULL) {
        char *m = rg__asprintf("%s (first at %d:%d)", it->message, rel_line,
                               rel_column);
        if (m != NULL) {
            free(it->message);
            it->message = m;
        }
    }
    free_segs(it->segs, it->n_segs);
    free_segs(it->rel_segs, it->rel_n);
    it->segs = it->rel_segs = NULL;
    it->has_rel = 0;
    sync(it);
}

void rg_diags__refile(rg_diags *diags, size_t i, const char *file)
{
    item *it = &diags->v[i];
    char *f = dup_or_null(file);
    if (f == NULL)
        return;
    free(it->file);
    it->file = f;
    sync(it);
}

void rg_diags__repath(rg_diags *diags, size_t i, const rg_path *to)
{
    item *it = &diags->v[i];
    if (it->segs == NULL)
        return;
    rg_pathseg *segs = copy_segs(to);
    char *path = path_string(to->seg, to->n);
    char *m = rg__asprintf("%s (imported as %s)", it->message,
                           it->path ? it->path : "");
    if (segs == NULL || path == NULL || m == NULL) {
        free_segs(segs, to->n);
        free(path);
        free(m);
        return;
    }
    free_segs(it->segs, it->n_segs);
    free_segs(it->rel_segs, it->rel_n);
    it->rel_segs = NULL;
    it->has_rel = 0;
    it->segs = segs;
    it->n_segs = to->n;
    it->at = RG_AT_VALUE;
    free(it->path);
    it->path = path;
    free(it->message);
    it->message = m;
    sync(it);
}

static int before(const item *a, const item *b)
{
    if (a->pub.line != b->pub.line)
        return a->pub.line < b->pub.line;
    return a->pub.column < b->pub.column;
}

void rg_diags__sort_from(rg_diags *diags, size_t start)
{
    /* Insertion sort on nearly sorted data; stable. Diagnostics are
     * added mostly in file order already. A large unsorted tail would be
     * slow, so fall back to a merge through a buffer when it is big. */
    size_t n = diags->n;
    if (n - start > 4096) {
        size_t m = n - start;
        item *buf = malloc(m * sizeof(*buf));
        if (buf == NULL)
            return;
        item *a = diags->v + start;
        for (size_t width = 1; width < m; width *= 2) {
            for (size_t lo = 0; lo < m; lo += 2 * width) {
                size_t mid = lo + width < m ? lo + width : m;
                size_t hi = lo + 2 * width < m ? lo + 2 * width : m;
                size_t i = lo, j = mid, k = lo;
                while (i < mid && j < hi)
                    buf[k++] = before(&a[j], &a[i]) ? a[j++] : a[i++];
                while (i < mid)
                    buf[k++] = a[i++];
                while (j < hi)
                    buf[k++] = a[j++];
            }
            memcpy(a, buf, m * sizeof(*a));
        }
        free(buf);
    } else {
        for (size_t i = start + 1; i < n; i++) {
            item tmp = diags->v[i];
            size_t j = i;
            while (j > start && before(&tmp, &diags->v[j - 1])) {
                diags->v[j] = diags->v[j - 1];
                j--;
            }
            diags->v[j] = tmp;
        }
    }
    for (size_t i = start; i < n; i++)
        sync(&diags->v[i]);
}

void rg_diags__notes_last(rg_diags *diags, size_t start)
{
    size_t n = diags->n, k = start, m = 0;
    if (start >= n)
        return;
    item *notes = malloc((n - start) * sizeof(*notes));
    if (notes == NULL)
        return;
    for (size_t i = start; i < n; i++) {
        item *it = &diags->v[i];
        if (it->pub.severity == RG_NOTE && it->pub.line == 0 &&
            it->segs == NULL)
            notes[m++] = *it;
        else
            diags->v[k++] = *it;
    }
    memcpy(diags->v + k, notes, m * sizeof(*notes));
    free(notes);
    for (size_t i = start; i < n; i++)
        sync(&diags->v[i]);
}
