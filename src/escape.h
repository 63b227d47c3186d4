/* Escaping for each language a document value lands in: one function per
 * context, named after where the bytes go, and every writer calls the one
 * for its context. Each appends to a buffer and never fails on its own (a
 * failed append sets the buffer's oom). None cuts text short: cutting is
 * the caller's choice, made before escaping. No state.
 *
 * Contexts: Graphviz (HTML-like label text and attribute values, escString
 * attributes such as tooltips, URL attributes), XML (SVG text and
 * attribute values), HTML (the report's text and attribute values),
 * Markdown (text, table cells, link destinations), CSS class names.
 * relgraph writes no DOT text itself: cgraph's writer quotes DOT strings. */
#ifndef RG_ESCAPE_H
#define RG_ESCAPE_H

#include "buf.h"

#include <stddef.h>

/* ---- Graphviz ---- */

/* `n` bytes of s as text of an HTML-like label: XML's five specials as
 * entities, '\\' doubled (Graphviz expands \N, \G, \L... even there),
 * control characters as spaces, so that the text comes out literally. */
void rg_escape__gv_html_text(rg_buf *b, const char *s, size_t n);

/* s as the value of an attribute of an HTML-like label that Graphviz
 * decodes once and does not write out (BGCOLOR, COLOR): XML's five
 * specials as entities, control characters dropped, so that no value can
 * end the attribute or open another element (HREF, IMG). */
void rg_escape__gv_html_attr(rg_buf *b, const char *s);

/* s as the value of an attribute of an HTML-like label that Graphviz
 * decodes and then writes into SVG as it is (HREF, TITLE): '&', '"', '<'
 * and '>' escaped twice ("&amp;amp;"), so that the SVG gets "&amp;" where
 * the value has '&'; C0 control characters dropped. */
void rg_escape__gv_html_attr_twice(rg_buf *b, const char *s);

/* s as an escString attribute (a tooltip): '\\' doubled (Graphviz's own
 * escapes), a newline as "\n" (Graphviz's line break), '&' as "&amp;"
 * (Graphviz writes tooltips into SVG keeping anything that looks like a
 * character reference, so "&#27;" in a name stays text instead of
 * becoming a control character), other control characters as spaces. */
void rg_escape__gv_string(rg_buf *b, const char *s);

/* A URL as the value of a Graphviz URL or href attribute for SVG (and
 * image maps, and the DOT text that `dot -Tsvg` draws later): Graphviz
 * pastes it as it is, so it gets XML's escapes for '&', '<', '>', '"' and
 * '\''; a '\\' is doubled, as Graphviz reads "\N" and its kin in URLs.
 * Control characters are dropped. */
void rg_escape__gv_url(rg_buf *b, const char *url);

/* A URL as the value of a Graphviz URL attribute for PDF, which takes the
 * link as it is: only '\\' is doubled. */
void rg_escape__gv_url_pdf(rg_buf *b, const char *url);

/* ---- XML, HTML ---- */

/* s as XML text or attribute value (SVG): XML's five specials as
 * entities; tab, newline and carriage return kept; the other C0 control
 * characters, which XML 1.0 forbids, as spaces. */
void rg_escape__xml(rg_buf *b, const char *s);

/* s as HTML text or attribute value (the report, which is XML too): the
 * five specials as entities, control characters and line breaks as
 * spaces (CR LF as one). */
void rg_escape__html(rg_buf *b, const char *s);

/* The same, with line breaks as "<br />", for text whose lines matter (a
 * description, a quote). */
void rg_escape__html_br(rg_buf *b, const char *s);

/* ---- Markdown ---- */

/* s as Markdown text that reads literally: what would start a block at
 * the beginning ("- ", "+ ", "= ", "12. ", "3) ") escaped and leading
 * blanks dropped, a backslash before every character that could start
 * inline markup ('\\' '`' '*' '_' '[' ']' '<' '>' '|' '~', '#' at the
 * start of a word, '&' of an entity), control characters as spaces, line
 * breaks as spaces. */
void rg_escape__md_text(rg_buf *b, const char *s);

/* The same for a table cell, a line of its own: line breaks as "<br>". */
void rg_escape__md_cell(rg_buf *b, const char *s);

/* A URL as a Markdown link destination, written between '<' and '>'
 * (which the caller adds): '&' becomes "&amp;" (a reader decodes
 * references there), '<', '>', '\\' and '|' (which ends a table cell) are
 * backslash-escaped, so a CommonMark reader's href is the URL itself.
 * Control characters are dropped. */
void rg_escape__md_dest(rg_buf *b, const char *url);

/* ---- CSS ---- */

/* s as a CSS class name (in an SVG class attribute): characters other
 * than ASCII letters, digits, '-' and '_' become '-'. */
void rg_escape__class(rg_buf *b, const char *s);

/* ---- JSON ---- */

/* s as a JSON string, quotes included: '"' and '\\' backslashed, control
 * characters as \n \r \t or \u00XX, '<' and '>' as \u003c \u003e (no
 * "</script>" in a file that a page may embed). */
void rg_escape__json(rg_buf *b, const char *s);

/* The UTF-8 character at s: its length (1 to 4) and code point in *cp,
 * or 0 when s does not start with a well-formed one. */
int rg_escape__utf8(const char *s, unsigned *cp);

/* Whether a terminal obeys the character rather than shows it: C0
 * controls but tab, DEL, C1 controls, and the bidirectional controls
 * (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069). */
int rg_escape__obeyed(unsigned cp);

/* s as a JSON string fit to be read in a terminal (relgraph diff, the
 * CLI's --diagnostics=json): '"' and '\\' backslashed; tab, '<', '>' and
 * every character rg_escape__obeyed() names as \uXXXX; a byte that is
 * not UTF-8 as \ufffd (a file name need not be UTF-8). */
void rg_escape__json_shown(rg_buf *b, const char *s);

/* ---- CSV ---- */

/* True when a CSV cell holding s starts with a spreadsheet formula's
 * mark and so gets an apostrophe in front: s, after any apostrophes it
 * starts with, starts with '=', '+', '-', '@', tab or carriage return,
 * and s is not a number ("-12", "+3.5"). A reader drops one apostrophe
 * from a cell for which this holds once it is dropped (graphs/README.md,
 * "CSV"). */
int rg_escape__csv_guarded(const char *s);

/* s as one CSV cell (RFC 4180): quoted when it holds ',', '"', CR or
 * LF, with '"' doubled; guarded as rg_escape__csv_guarded() says. */
void rg_escape__csv_cell(rg_buf *b, const char *s);

#endif
