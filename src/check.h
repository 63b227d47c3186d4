/* The format's rules that relate values to each other: unique ids,
 * references, kinds, dates, URLs, group nesting. */
#ifndef RG_CHECK_H
#define RG_CHECK_H

#include "diag.h"
#include "jsonpos.h"
#include "model.h"

/* Checks a freshly loaded document, resolves its references (actor
 * indexes of links, group indexes) and builds its indexes. Appends every
 * problem found to `diags`. `loc` (borrowed) finds positions for messages
 * that name other places, such as the candidates of an ambiguous
 * reference. Without "actors" (missing or not an array, which the loader
 * reported), the references to actors and the groups left empty are not
 * reported one by one: their number goes in *suppressed. Returns 0, or -1
 * when out of memory: some rule could not be applied, so the document
 * must not be used. */
int rg_check__doc(rg_doc *doc, rg_diags *diags, rg_jsonpos *loc,
                  size_t *suppressed);

/* The kinds values may name (check_kinds.c): names, legend texts (or
 * NULL), and an index of the names. */
typedef struct rg_kindset {
    const char **names;   /* NULL where a name is listed earlier */
    const char **labels;
    size_t n;
    rg_map known;
    const char *what;     /* "kind", "link kind" */
    const char *hint;     /* how to add one */
} rg_kindset;

/* The built-in actor kinds and the document's "kinds"; or its
 * "link_kinds". Return 0, or -1 when out of memory (free it still). */
int rg_check__actor_kinds(rg_kindset *out, const rg_doc *d);
int rg_check__link_kinds(rg_kindset *out, const rg_doc *d);
void rg_check__kindset_free(rg_kindset *ks);

/* Reports `kind`, the value at p, unless it is one of ks: with the kind
 * its name or legend text is close to, else the list of kinds. Searching
 * costs 2 * ks->n of *budget; past it, no suggestion. */
void rg_check__kind(const rg_kindset *ks, rg_diags *diags, const char *file,
                    const rg_path *p, const char *kind, size_t *budget);

/* True for a partial ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD. */
int rg_check__date(const char *s);

/* True (nonzero) for a URL relgraph will put in an output: http, https or
 * mailto (in any case), or a relative reference (no ':' before the first
 * '/', '?' or '#', not starting with "//"). The rule holds for the value as
 * written and as a browser, cmark or a server would read it: with HTML
 * character references ("&#58;", "&colon;", with or without ';') and
 * percent-encoding decoded. Whitespace, control characters, '"', '<',
 * '>', '`' and '\' are refused, written or encoded as references. The one
 * URL rule: every URL-like value of a document goes through it. */
int rg_check__url(const char *s);

/* True for a URL that rg_check__url() takes as a relative reference but
 * that was meant as a web address without its scheme: it starts with
 * "www.", or its first path segment (before '/', at the end, not before
 * '?' or '#') is a host name, letters, digits and '-' in labels joined by
 * dots, whose last label is 2 to 6 letters and not a file extension
 * ("example.com", "justice.gov/opa"; not "report.html#x", "docs/a.pdf").
 * A browser would look for it as a file beside the page. */
int rg_check__url_hostlike(const char *s);

/* True for a STIX identifier: a type (lower-case letters, digits and
 * '-', at least three characters, starting with a letter and not ending
 * with '-'), "--" and an RFC 4122 UUID (version 1 to 5, variant 10xx),
 * the pattern of the OASIS STIX 2.1 schemas. */
int rg_check__stix_id(const char *s);

/* The warnings about likely mistakes in a checked document whose links
 * are resolved (check_warn.c): the same link entered twice, a confirmed
 * link that someone disputes. Returns 0, or -1 when out of memory. */
int rg_check__warnings(const rg_doc *doc, rg_diags *diags);

#endif
