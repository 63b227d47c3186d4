/* Reading a document's bytes: from a file, bounded by the input limit,
 * parsed as it is read when it is a regular file, or from a stream (a
 * pipe, a terminal) stopped at the first byte no JSON document could hold
 * there. Hands the text or the tree to load_json.c. No state beyond one
 * call. */
#include "jsonmem.h"
#include "jsonread.h"
#include "load.h"

#include <errno.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>


/* "128 MiB", "1 GiB", "1000 bytes": a limit as the user would write it. */
static void size_text(char *buf, size_t cap, size_t n)
{
    static const char *const unit[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
    int u = 0;
    while (u < 4 && n >= 1024 && n % 1024 == 0) {
        n /= 1024;
        u++;
    }
    snprintf(buf, cap, "%zu %s", n, unit[u]);
}

static void too_large(rg_diags *diags, const char *name, size_t max)
{
    char lim[32];
    size_text(lim, sizeof(lim), max);
    rg_diags_add(diags, RG_ERROR, name,
                 "larger than the input limit of %s; raise it with "
                 "--max-input SIZE (e.g. --max-input 1G) if the document is "
                 "meant to be this big", lim);
}

/* What can be in a JSON text (RFC 8259) as UTF-8, byte by byte: a stream
 * with no size (a pipe, a terminal, /dev/zero) is read only as long as
 * its bytes could still be a document. */
typedef struct scan {
    size_t off;        /* of the next byte */
    int started;       /* a byte other than whitespace was seen */
    int need;          /* continuation bytes still expected */
    unsigned char lo;  /* range of the next continuation byte */
    unsigned char hi;
} scan;

/* Scans p[0..n); returns the offset in p of the first byte that cannot be
 * there, or n. *why says what is wrong with it. */
static size_t scan_bytes(scan *s, const unsigned char *p, size_t n,
                         const char **why)
{
    for (size_t i = 0; i < n; i++, s->off++) {
        unsigned char c = p[i];
        if (s->need > 0) {
            if (c < s->lo || c > s->hi) {
                *why = "invalid UTF-8";
                return i;
            }
            s->need--;
            s->lo = 0x80;
            s->hi = 0xBF;
            continue;
        }
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            *why = "a control character, which JSON allows only as a "
                   "\\u escape";
            return i;
        }
        if (!s->started && c != ' ' && c != '\t' && c != '\n' &&
            c != '\r') {
            /* The byte order mark is skipped by the loader. */
            if (s->off == 0 && c == 0xEF) {
                s->need = 2;
                s->lo = 0xBB;
                s->hi = 0xBB;
                continue;
            }
            if (strchr("{[\"-0123456789tfn", c) == NULL || c == '\0') {
                *why = "not how a JSON document begins (a relgraph "
                       "document is an object, '{')";
                return i;
            }
            s->started = 1;
        }
        if (c < 0x80)
            continue;
        s->lo = 0x80;
        s->hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            s->need = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            s->need = 2;
            s->lo = c == 0xE0 ? 0xA0 : 0x80;
            s->hi = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            s->need = 3;
            s->lo = c == 0xF0 ? 0x90 : 0x80;
            s->hi = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            *why = "invalid UTF-8";
            return i;
        }
    }
    return n;
}

static void bad_byte(rg_diags *diags, const char *name, const char *text,
                     size_t off, const char *why)
{
    int line, col;
    size_t ls, ll;
    rg_jsonpos__line_col(text, off, off, &line, &col, &ls, &ll);
    unsigned char c = (unsigned char)text[off];
    char shown[16];
    if (c > 0x20 && c < 0x7F)
        snprintf(shown, sizeof(shown), "'%c'", c);
    else
        snprintf(shown, sizeof(shown), "0x%02X", c);
    rg_diag__pos(diags, RG_ERROR, name, line, col, col, NULL, 0, "",
                 "JSON: byte %s is %s; reading stopped there", shown, why);
}

/* Reads all of f, at most max bytes. A stream that is not a regular file
 * stops at the first byte no document could hold there. Returns 0, or -1
 * with a diagnostic. */
static int read_bounded(FILE *f, int regular, const char *name, size_t max,
                        char **out, size_t *len, rg_diags *diags)
{
    size_t cap = 64 * 1024, n = 0;
    scan s = {0};
    char *buf = malloc(cap + 1);
    int rc = -1;
    if (buf == NULL)
        goto oom;
    for (;;) {
        if (n == cap) {
            if (cap > max)
                break;
            cap = cap * 2 > max + 1 ? max + 1 : cap * 2;
            char *b = realloc(buf, cap + 1);
            if (b == NULL)
                goto oom;
            buf = b;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        if (!regular) {
            const char *why = NULL;
            size_t ok = scan_bytes(&s, (unsigned char *)buf + n, got, &why);
            if (ok < got) {
                bad_byte(diags, name, buf, n + ok, why);
                goto out;
            }
        }
        n += got;
        if (n > max)
            break;
        if (got == 0)
            break;
    }
    if (n > max) {
        too_large(diags, name, max);
        goto out;
    }
    if (ferror(f)) {
        rg_diags_add(diags, RG_ERROR, name, "cannot read: %s",
                     strerror(errno ? errno : EIO));
        goto out;
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    buf = NULL;
    rc = 0;
    goto out;
oom:
    rg_diags_add(diags, RG_ERROR, name, "out of memory reading the document");
out:
    free(buf);
    return rc;
}

/* Opens path ("-": standard input) for reading a document. Returns the
 * stream, or NULL with a diagnostic; *regular says whether it is a
 * regular file, and *st is its status when stat_ok. */
static FILE *open_input(const char *path, const char *name, int *regular,
                        struct stat *st, rg_diags *diags)
{
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (f == NULL) {
        rg_diags_add(diags, RG_ERROR, name, "cannot open: %s",
                     strerror(errno));
        return NULL;
    }
    int stat_ok = fstat(fileno(f), st) == 0;
    if (stat_ok && S_ISDIR(st->st_mode)) {
        rg_diags_add(diags, RG_ERROR, name,
                     "is a directory; give a relgraph JSON file");
        if (!is_stdin)
            fclose(f);
        return NULL;
    }
    *regular = stat_ok && S_ISREG(st->st_mode);
    return f;
}

/* An input opened for reading at most `max` bytes. */
typedef struct input {
    FILE *f;
    const char *name;  /* in diagnostics: the path, or "<stdin>" */
    size_t max;
    int is_stdin, regular;
    struct stat st;
} input;

/* Opens path ("-": standard input) with the limit max_bytes (0: the
 * default). Returns 0, or -1 with a diagnostic (a regular file larger
 * than the limit is refused before it is read). */
static int open_bounded(input *in, const char *path, size_t max_bytes,
                        rg_diags *diags)
{
    in->is_stdin = strcmp(path, "-") == 0;
    in->name = in->is_stdin ? "<stdin>" : path;
    in->max = max_bytes ? max_bytes : RG_MAX_INPUT_DEFAULT;
    in->regular = 0;
    in->f = open_input(path, in->name, &in->regular, &in->st, diags);
    if (in->f == NULL)
        return -1;
    if (in->regular && (uint64_t)in->st.st_size > (uint64_t)in->max) {
        too_large(diags, in->name, in->max);
        if (!in->is_stdin)
            fclose(in->f);
        return -1;
    }
    return 0;
}

int rg_doc_read_file(char **out, size_t *out_len, const char *path,
                     size_t max_bytes, rg_diags *diags)
{
    input in;
    *out = NULL;
    *out_len = 0;
    if (open_bounded(&in, path, max_bytes, diags) != 0)
        return -1;
    errno = 0;
    int rc = read_bounded(in.f, in.regular, in.name, in.max, out, out_len,
                          diags);
    if (!in.is_stdin)
        fclose(in.f);
    return rc;
}

/* jansson reads a file through this, a block at a time. */
typedef struct stream {
    FILE *f;
    int started;
    size_t max, read;  /* bytes allowed and read so far */
} stream;

static size_t read_block(void *buf, size_t size, void *data)
{
    stream *s = data;
    size_t n = fread(buf, 1, size, s->f);
    if (n == 0 && ferror(s->f))
        return (size_t)-1;
    /* The file grew past the limit since its size was checked. */
    s->read += n;
    if (s->read > s->max)
        return (size_t)-1;
    if (!s->started) {
        /* The byte order mark, as in rg_doc_load_buffer(). */
        s->started = 1;
        if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
            memmove(buf, (char *)buf + 3, n - 3);
            n -= 3;
        }
    }
    return n;
}

/* Reads all of f (closing it when close_it), at most max bytes, and
 * loads the text, named `name` in diagnostics. */
static int load_read(rg_doc **out, FILE *f, int close_it, int regular,
                     const char *name, size_t max, const rg_load_opts *opts,
                     rg_diags *diags)
{
    char *text = NULL;
    size_t len = 0;
    errno = 0;
    int rc = read_bounded(f, regular, name, max, &text, &len, diags);
    if (close_it)
        fclose(f);
    if (rc == 0)
        rc = rg_load__buffer(out, text, len, name, opts, diags);
    free(text);
    return rc;
}

/* Parses a regular file as it is read, closing f. Returns 0 with the
 * tree in *root (NULL on a syntax error, for the caller to report from
 * the text) and the bytes parsed in *read, or -1 with a diagnostic when
 * the file cannot be read or grew past the bound. */
static int parse_stream(json_t **root, size_t *read, FILE *f,
                        const char *path, size_t max, rg_diags *diags)
{
    stream s = {f, 0, max, 0};
    json_error_t err;
    errno = 0;
    *root = rg_jsonread__stream(read_block, &s);
    if (*root == NULL && !ferror(f) && s.read <= max) {
        /* What yajl refused is read again by jansson, the judge. */
        rewind(f);
        s = (stream){f, 0, max, 0};
        *root = json_load_callback(read_block, &s, JSON_REJECT_DUPLICATES,
                                   &err);
    }
    int e = ferror(f) ? (errno ? errno : EIO) : 0;
    fclose(f);
    *read = s.read;
    if (e == 0 && s.read <= max)
        return 0;
    json_decref(*root);
    *root = NULL;
    if (e != 0)
        rg_diags_add(diags, RG_ERROR, path, "cannot read: %s", strerror(e));
    else
        too_large(diags, path, max);
    return -1;
}

/* A file is parsed as it is read, without its whole text in memory beside
 * the JSON tree (76 MB of text for the 100,000-actor benchmark document);
 * the text is read again only to point at a problem. Closes f. */
static int load_stream(rg_doc **out, FILE *f, const char *path, size_t max,
                       const rg_load_opts *opts, rg_diags *diags)
{
    json_t *root;
    size_t read;
    /* The tree's values (and an importer's) lie in jsonmem's region. */
    int session = rg_jsonmem__begin() == 0;
    int rc = parse_stream(&root, &read, f, path, max, diags);
    int parsed = rc == 0 && root != NULL;
    if (parsed)
        rc = rg_load__tree(out, root, NULL, read, path, path, opts, diags);
    if (session)
        rg_jsonmem__end();
    if (rc != 0 || parsed)
        return rc;
    /* A syntax error is reported from the text, where it stands. */
    FILE *again = fopen(path, "rb");
    if (again == NULL) {
        rg_diags_add(diags, RG_ERROR, path, "cannot read: %s",
                     strerror(errno));
        return -1;
    }
    return load_read(out, again, 1, 1, path, max, opts, diags);
}

int rg_load__input(json_t **root, char **text, size_t *len, const char *path,
                   size_t max_bytes, rg_diags *diags)
{
    input in;
    *root = NULL;
    *text = NULL;
    *len = 0;
    if (open_bounded(&in, path, max_bytes, diags) != 0)
        return -1;
    if (!in.is_stdin && in.regular) {
        if (parse_stream(root, len, in.f, path, in.max, diags) != 0)
            return -1;
        if (*root != NULL)
            return 0;
        return rg_doc_read_file(text, len, path, max_bytes, diags);
    }
    errno = 0;
    int rc = read_bounded(in.f, in.regular, in.name, in.max, text, len,
                          diags);
    if (!in.is_stdin)
        fclose(in.f);
    return rc;
}

int rg_doc_load_file_opts(rg_doc **out, const char *path,
                          const rg_load_opts *opts, rg_diags *diags)
{
    input in;
    *out = NULL;
    if (open_bounded(&in, path, opts ? opts->max_bytes : 0, diags) != 0)
        return -1;
    if (!in.is_stdin && in.regular) {
        int rc = load_stream(out, in.f, path, in.max, opts, diags);
        /* A batch worker reads a relgraph document again by itself; an
         * import goes to a child with a copy. */
        if (*out != NULL && (*out)->source_format == NULL) {
            (*out)->from_file = true;
            (*out)->file_id = rg_file_id__of(&in.st);
        }
        return rc;
    }
    return load_read(out, in.f, !in.is_stdin, in.regular, in.name, in.max,
                     opts, diags);
}

int rg_doc_load_file_max(rg_doc **out, const char *path, size_t max_bytes,
                         rg_diags *diags)
{
    rg_load_opts o;
    rg_load_opts_init(&o);
    o.max_bytes = max_bytes;
    return rg_doc_load_file_opts(out, path, &o, diags);
}

int rg_doc_load_file(rg_doc **out, const char *path, rg_diags *diags)
{
    return rg_doc_load_file_max(out, path, 0, diags);
}
