/* relgraph JSON -> model: a JSON text or tree becomes a checked document.
 * The loader's files (load_*.c) are the only ones that know jansson:
 * load_file.c reads the bytes, load_keys.c reads each object as
 * docfmt.def says, check.c relates the values, load_gvvals.c records
 * where raw Graphviz values stand. This file runs them in order and
 * reports JSON syntax errors. No state beyond one call. */
#include "check.h"
#include "jsonpos.h"
#include "jsonread.h"
#include "import.h"
#include "load.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int blank(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* Names what is wrong at `off`, where jansson stopped, when the text
 * around it shows a mistake jansson's words do not name: a trailing
 * comma, a comment, a quote that ends a string early. Writes the message
 * and moves *off to the character to fix; returns 0 when it is none of
 * them. */
static int explain(const char *text, size_t len, size_t *off, char *msg,
                   size_t n)
{
    size_t at = *off, prev = at;
    while (prev > 0 && blank(text[prev - 1]))
        prev--;
    char ch = at < len ? text[at] : '\0';
    if (ch == '/' && at + 1 < len && (text[at + 1] == '/' || text[at + 1] == '*')) {
        snprintf(msg, n, "JSON: a %s comment; JSON has no comments: remove "
                 "it (a note can go in \"note\" or a key of your own, "
                 "\"x-...\")", text[at + 1] == '/' ? "//" : "/* */");
        return 1;
    }
    if ((ch == ']' || ch == '}') && prev > 0 && text[prev - 1] == ',') {
        snprintf(msg, n, "JSON: trailing comma before '%c'; remove the comma",
                 ch);
        *off = prev - 1;
        return 1;
    }
    /* A word right after a string's closing quote, on its line, with
     * another quote after it: the quote was meant inside the string. */
    int word = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
               (ch >= '0' && ch <= '9') || (unsigned char)ch >= 0x80;
    size_t eol = at;
    while (eol < len && text[eol] != '\n' && text[eol] != '"')
        eol++;
    if (word && prev > 0 && text[prev - 1] == '"' && eol < len &&
        text[eol] == '"' && memchr(text + prev, '\n', at - prev) == NULL) {
        snprintf(msg, n, "JSON: a quote inside a string ends it early; "
                 "write a quote inside a string as \\\"");
        *off = prev - 1;
        return 1;
    }
    return 0;
}

/* Reports a JSON syntax error where jansson found it. jansson's column
 * is at the end of the bad token; point at its start, as editors expect. */
static void syntax_error(rg_diags *diags, const char *file, const char *text,
                         size_t len, const json_error_t *err)
{
    size_t off = (size_t)err->position;
    const char *near = strstr(err->text, "near '");
    if (near != NULL) {
        size_t tok = strlen(near + 6);
        if (tok > 0 && near[6 + tok - 1] == '\'')
            tok--;
        if (tok <= off && strncmp(text + off - tok, near + 6, tok) == 0)
            off -= tok;
    }
    int line, col;
    size_t ls, ll;
    rg_jsonpos__line_col(text, len, off, &line, &col, &ls, &ll);
    const char *src = ll <= 1024 ? text + ls : NULL;
    char msg[JSON_ERROR_TEXT_LENGTH + 48];
    /* jansson says "'}' expected" where a comma is as likely missing. */
    const char *t = err->text;
    size_t where = off;
    if (json_error_code(err) == json_error_invalid_syntax &&
        explain(text, len, &where, msg, sizeof(msg))) {
        rg_jsonpos__line_col(text, len, where, &line, &col, &ls, &ll);
        rg_diag__pos(diags, RG_ERROR, file, line, col, col,
                     ll <= 1024 ? text + ls : NULL, ll, "", "%s", msg);
        return;
    }
    if (strncmp(t, "'}' expected", 12) == 0 || strncmp(t, "']' expected", 12) == 0)
        snprintf(msg, sizeof(msg), "',' or %s", t);
    else if (strncmp(t, "unable to decode byte", 21) == 0)
        snprintf(msg, sizeof(msg), "%s; the file must be UTF-8", t);
    else
        snprintf(msg, sizeof(msg), "%s", t);
    size_t first, dup;
    if (json_error_code(err) == json_error_duplicate_key &&
        rg_jsonpos__duplicate_key(text, len, &first, &dup)) {
        /* Point at the second occurrence and say where the first is. */
        int fl, fc;
        size_t fls, fll, dl;
        rg_jsonpos__line_col(text, len, first, &fl, &fc, &fls, &fll);
        rg_jsonpos__line_col(text, len, dup, &line, &col, &ls, &ll);
        dl = strcspn(text + dup + 1, "\"") + 2;
        rg_diag__pos(diags, RG_ERROR, file, line, col, col + (int)dl,
                     ll <= 1024 ? text + ls : NULL, ll, "",
                     "JSON: duplicate key %.*s (first at %d:%d); each key "
                     "may appear once in an object",
                     (int)(dl > 200 ? 200 : dl), text + dup, fl, fc);
    } else if (json_error_code(err) == json_error_duplicate_key) {
        rg_diag__pos(diags, RG_ERROR, file, line, col, col, src, ll, "",
                     "JSON: %s; each key may appear once in an object", msg);
    } else {
        rg_diag__pos(diags, RG_ERROR, file, line, col, col, src, ll, "",
                     "JSON: %s", msg);
    }
}

static rg_jsonpos *locator(const char *text, size_t len, const char *path)
{
    return text ? rg_jsonpos__new(text, len) : rg_jsonpos__new_file(path, len);
}

/* A JSON Schema (graphs/relgraph.schema.json lives beside the documents,
 * where "relgraph check graphs/<all>.json" meets it) is not a document:
 * say so once instead of listing its keys as mistakes. */
static int is_json_schema(const json_t *root)
{
    const char *schema = json_string_value(json_object_get(root, "$schema"));
    return schema != NULL && json_object_get(root, "actors") == NULL &&
           (strncmp(schema, "https://json-schema.org/", 24) == 0 ||
            strncmp(schema, "http://json-schema.org/", 23) == 0);
}

static int has_error(const rg_diags *diags, size_t start)
{
    for (size_t i = start; i < rg_diags_count(diags); i++)
        if (rg_diags_get(diags, i)->severity == RG_ERROR)
            return 1;
    return 0;
}

/* Reads root into doc and checks it, leaving the diagnostics' positions
 * to the caller; releases root. *loc is made, from text or the file at
 * path, when the check may need positions; with neither (an imported
 * tree) there is none. Returns 0, or -1 when out of memory. */
static int load_checked(rg_doc *doc, json_t *root, const char *text,
                        size_t len, const char *path, rg_jsonpos **loc,
                        rg_diags *diags, size_t start, size_t *suppressed,
                        rg_load_origins *origins, rg_buf *echo)
{
    int r = rg_load__doc_from(doc, root, diags, origins, echo);
    /* The model holds copies of everything it needs. */
    json_decref(root);
    if (r < 0)
        return -1;
    if (r == 0 && (text != NULL || path != NULL) &&
        (*loc = locator(text, len, path)) == NULL)
        return -1;
    if (r == 0 && rg_check__doc(doc, diags, *loc, suppressed) != 0)
        return -1;
    /* Likely mistakes are worth a word only in a document without errors,
     * whose links all resolved. */
    if (r == 0 && !has_error(diags, start) &&
        rg_check__warnings(doc, diags) != 0)
        return -1;
    return 0;
}

/* Says how many messages the check held back, after the others. */
static void say_suppressed(rg_diags *diags, const char *name, size_t n)
{
    if (n > 0)
        rg_diags_add(diags, RG_NOTE, name,
                     "%zu more messages that follow from the error about "
                     "\"actors\" are not shown (references to actors, "
                     "groups left empty)", n);
}

int rg_load__tree(rg_doc **out, json_t *root, const char *text, size_t len,
                  const char *path, const char *name,
                  const rg_load_opts *opts, rg_diags *diags)
{
    int rc = -1;
    size_t start = rg_diags_count(diags), suppressed = 0;
    rg_jsonpos *loc = NULL;
    *out = NULL;
    rg_import_kind kind = rg_import__detect_json(root);
    if (kind != RG_IMPORT_RELGRAPH)
        return rg_import__load(out, kind, root, text, len, path, name, opts,
                               diags);
    rg_doc *doc = rg_doc__new(name);
    if (doc == NULL)
        goto oom;
    if (is_json_schema(root)) {
        rg_diags_add(diags, RG_NOTE, name,
                     "a JSON Schema, not a relgraph document; skipped");
        goto out;
    }
    json_t *r = root;
    root = NULL;
    if (load_checked(doc, r, text, len, path, &loc, diags, start,
                     &suppressed, NULL, NULL) != 0)
        goto oom;
    if (rg_diags_count(diags) > start) {
        if (loc == NULL && (loc = locator(text, len, path)) == NULL)
            goto oom;
        rg_jsonpos__resolve(loc, diags, start);
        rg_diags__sort_from(diags, start);
    }
    say_suppressed(diags, name, suppressed);
    if (has_error(diags, start))
        goto out;
    if (rg_load__gv_values(doc, loc, text != NULL) != 0)
        goto oom;
    if (text == NULL && doc->n_gvvals > 0) {
        /* Located when a Graphviz message is about one of them. */
        doc->loc = loc;
        loc = NULL;
    }
    *out = doc;
    doc = NULL;
    rc = 0;
    goto out;
oom:
    rg_diags_add(diags, RG_ERROR, name, "out of memory loading the document");
out:
    rg_jsonpos__free(loc);
    json_decref(root);
    rg_doc_free(doc);
    return rc;
}

int rg_load__tree_at(rg_doc **out, json_t *root, const char *name,
                     rg_diags *diags, rg_load_origins *origins,
                     rg_buf *echo)
{
    size_t start = rg_diags_count(diags), suppressed = 0;
    rg_jsonpos *loc = NULL;
    rg_doc *doc = rg_doc__new(name);
    *out = NULL;
    if (doc == NULL ||
        load_checked(doc, root, NULL, 0, NULL, &loc, diags, start,
                     &suppressed, origins, echo) != 0 ||
        rg_load__gv_values(doc, NULL, 0) != 0) {
        if (doc == NULL)
            json_decref(root);
        rg_diags_add(diags, RG_ERROR, name,
                     "out of memory loading the document");
        rg_doc_free(doc);
        return -1;
    }
    say_suppressed(diags, name, suppressed);
    if (has_error(diags, start)) {
        rg_doc_free(doc);
        return -1;
    }
    *out = doc;
    return 0;
}

int rg_doc_load_buffer(rg_doc **out, const char *text, size_t len,
                       const char *name, rg_diags *diags)
{
    return rg_load__buffer(out, text, len, name, NULL, diags);
}

int rg_load__buffer(rg_doc **out, const char *text, size_t len,
                    const char *name, const rg_load_opts *opts,
                    rg_diags *diags)
{
    json_error_t err;
    /* A UTF-8 byte order mark is allowed (RFC 8259 lets a parser ignore
     * it) and invisible in editors, so positions count from after it. */
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
    }
    *out = NULL;
    json_t *root = rg_jsonread__loadb(text, len, &err);
    if (root == NULL && rg_import__looks_csv(text, len))
        return rg_import__load(out, RG_IMPORT_CSV, NULL, text, len, NULL,
                               name, opts, diags);
    if (root == NULL) {
        syntax_error(diags, name, text, len, &err);
        return -1;
    }
    return rg_load__tree(out, root, text, len, NULL, name, opts, diags);
}

