/*
 * relgraph: charts of actors and the sourced, dated, contested links
 * between them, drawn through Graphviz.
 *
 * The pipeline is load -> check -> build -> render. This header is the whole
 * public API. Conventions:
 *  - functions return 0 on success and -1 on failure, unless they say
 *    otherwise;
 *  - problems are never printed: they are appended to an rg_diags list that
 *    the caller owns;
 *  - strings handed out by the library are borrowed and stay valid until
 *    the object they came from is freed;
 *  - every rg_*_free(NULL) does nothing.
 *
 * Threads and the process. Loading, checking and the diagnostics keep no
 * state outside their objects: threads may use them on objects of their
 * own. Rendering does not: rg_render(), rg_render_begin()/_end(),
 * rg_renderer_free() and rg_preload() are not thread-safe; call them from
 * one thread, one render at a time in the process, whatever renderer.
 * What rendering does to the process:
 *  - one Graphviz context per process, started by the first render that
 *    lays out in this process (or by rg_preload()) and never freed (a
 *    second context would read memory the first one freed); Graphviz's
 *    message callback (agseterrf) is the library's during a render;
 *  - rg_preload() starts two threads (Graphviz's plugins, fontconfig),
 *    joined before the first render uses Graphviz or forks, and registers
 *    an atexit handler that joins them;
 *  - RG_ISOLATE_CHILD forks (a child per render, or the renderer's batch
 *    worker, which stays until rg_renderer_free()), makes a temporary file
 *    in $TMPDIR for the worker's standard error, and ignores SIGPIPE while
 *    it writes to the worker; the children set TZ=UTC for themselves;
 *  - RG_ISOLATE_GUARD installs signal handlers, an interval timer, an
 *    alternate signal stack and an atexit handler (see rg_isolation).
 */
#ifndef RELGRAPH_H
#define RELGRAPH_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RG_VERSION "0.1.0"
/** The version of the document format this library reads. */
#define RG_FORMAT_VERSION 1

/* ------------------------------------------------------------------ */
/* Diagnostics                                                         */

/** How bad a diagnostic is. Errors make a document unusable. */
typedef enum rg_severity {
    RG_ERROR = 0,
    RG_WARNING = 1,
    RG_NOTE = 2
} rg_severity;

/** One problem found in a document or while rendering it. Every string is
 *  borrowed from the rg_diags list that holds it. */
typedef struct rg_diag {
    rg_severity severity;
    /** The file name as given to the loader, "<stdin>" for standard input,
     *  or "" for problems that belong to no file. */
    const char *file;
    /** 1-based position of the offending value (characters, not bytes);
     *  0 when the problem has no position. */
    int line;
    int column;
    /** Column just past the end of the offending value on `line`
     *  (for a caret range); equals `column` when unknown. */
    int end_column;
    /** JSON path of the value, such as "links[3].to"; "" for the whole
     *  document. */
    const char *path;
    /** One line, lower case, no final period. */
    const char *message;
    /** A replacement the user probably meant, or NULL. */
    const char *suggestion;
    /** The text of line `line` of the input (without its newline), for
     *  printing a caret under the value; NULL when unknown. */
    const char *source_line;
} rg_diag;

/** An ordered list of diagnostics, owned by the caller. */
typedef struct rg_diags rg_diags;

/** Returns a new empty list, or NULL when out of memory. */
rg_diags *rg_diags_new(void);
/** Frees the list and every diagnostic in it. */
void rg_diags_free(rg_diags *diags);
/** Number of diagnostics in the list. */
size_t rg_diags_count(const rg_diags *diags);
/** The i-th diagnostic (borrowed; valid until the list is freed or
 *  cleared). */
const rg_diag *rg_diags_get(const rg_diags *diags, size_t i);
/** Number of diagnostics of the given severity. */
size_t rg_diags_count_severity(const rg_diags *diags, rg_severity severity);
/** In strict mode, every warning added from then on is an error (so a
 *  document with unknown keys fails to load). Off by default. */
void rg_diags_set_strict(rg_diags *diags, bool strict);
/** Removes every diagnostic. */
void rg_diags_clear(rg_diags *diags);
/** Appends a diagnostic that has no position (for callers that find
 *  problems of their own, such as a CLI that cannot open an output). */
void rg_diags_add(rg_diags *diags, rg_severity severity, const char *file,
                  const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* ------------------------------------------------------------------ */
/* The document model                                                  */

/** What a link's sources say about it; drawn with distinct line styles. */
typedef enum rg_status {
    RG_STATUS_CONFIRMED = 0,
    RG_STATUS_REPORTED,
    RG_STATUS_ALLEGED,
    RG_STATUS_DISPUTED,
    RG_STATUS_DENIED,
    RG_STATUS_COUNT
} rg_status;

/** A list of strings (borrowed from the document). */
typedef struct rg_strv {
    const char **v;
    size_t n;
    bool scalar;  /**< written as one string rather than an array */
} rg_strv;

/** A raw Graphviz attribute, applied after relgraph's own styles. */
typedef struct rg_attr {
    const char *name;
    const char *value;
} rg_attr;

typedef struct rg_attrs {
    rg_attr *v;
    size_t n;
} rg_attrs;

/** A person, organisation, event... Optional strings are NULL when
 *  absent. */
/** How a view marks an item it draws differently: set by views (--fade,
 *  diff), never read from a document; RG_MARK_NONE as loaded. */
typedef enum rg_mark {
    RG_MARK_NONE = 0,
    RG_MARK_FADED,    /**< outside a --as-of or --between view, drawn faded */
    RG_MARK_ADDED,    /**< diff: only in the new document */
    RG_MARK_REMOVED,  /**< diff: only in the old document */
    RG_MARK_CHANGED   /**< diff: in both, some field differs */
} rg_mark;

typedef struct rg_actor {
    const char *id;
    const char *name;  /**< never NULL: the id when the document has none */
    const char *kind;  /**< never NULL: "other" when the document has none */
    rg_strv aliases;
    const char *group; /**< group id */
    const char *note;
    const char *date;
    const char *until;
    const char *url;
    rg_strv source;    /**< source ids */
    rg_strv tags;
    /** STIX's confidence, 0 to 100, or -1 when the document gives none. */
    int confidence;
    /** The Admiralty credibility of what the document says of the actor:
     *  1 (confirmed by other sources) to 6 (truth cannot be judged), or 0
     *  when ungraded. */
    int credibility;
    /** The TLP 2.0 marking ("clear", "green", "amber", "amber+strict",
     *  "red"), or NULL when unmarked. */
    const char *tlp;
    /** The STIX id it came from or is exported under, or NULL. */
    const char *stix_id;
    rg_attrs attrs;
    long group_index;  /**< index in the document's groups, or -1 */
    rg_mark mark;      /**< set by views; RG_MARK_NONE as loaded */
} rg_actor;

/** A claim that one actor relates to another. */
typedef struct rg_link {
    const char *from;  /**< the reference as written */
    const char *to;
    const char *label;
    const char *kind;
    rg_status status;
    int confidence;    /**< 0 to 100, or -1 */
    int credibility;   /**< Admiralty 1 to 6, as rg_actor's; 0: ungraded */
    bool directed;
    const char *date;
    const char *until;
    rg_strv source;
    const char *quote;
    rg_strv claimed_by;  /**< references as written */
    rg_strv disputed_by;
    const char *url;
    const char *tlp;     /**< as rg_actor's */
    const char *stix_id;
    rg_attrs attrs;
    size_t from_index;   /**< resolved actor indexes */
    size_t to_index;
    size_t *claimed_by_index;   /**< claimed_by.n actor indexes */
    size_t *disputed_by_index;  /**< disputed_by.n actor indexes */
    rg_mark mark;        /**< set by views; RG_MARK_NONE as loaded */
} rg_link;

/** A box drawn around actors; groups nest through `parent`. */
typedef struct rg_group {
    const char *id;
    const char *label;
    const char *parent;
    rg_attrs attrs;
    long parent_index;  /**< index in the document's groups, or -1 */
} rg_group;

/** A document cited by links and actors. */
typedef struct rg_source {
    const char *id;
    const char *title;
    const char *publisher;
    const char *date;
    const char *url;
    /** The Admiralty reliability, "A" (completely reliable) to "F"
     *  (cannot be judged), static; NULL when ungraded. */
    const char *reliability;
    const char *tlp;     /**< as rg_actor's */
    const char *stix_id;
} rg_source;

/** A user style for an actor kind or a link kind. */
typedef struct rg_style {
    const char *name;
    const char *label;
    const char *shape;
    const char *color;
    const char *fill;
    const char *fontcolor;
    const char *style;
    rg_attrs attrs;
} rg_style;

/** Layout preferences of a document. */
typedef struct rg_layout {
    const char *engine;     /**< NULL: chosen by size */
    const char *direction;  /**< NULL: "LR" */
    int legend;             /**< 1, 0, or -1 when the document is silent */
    rg_attrs attrs;
} rg_layout;

/** A loaded and checked document (opaque). */
typedef struct rg_doc rg_doc;

/** Loads a document from a file and checks it. `path` "-" reads standard
 *  input and is reported as "<stdin>". On success stores a document the
 *  caller frees with rg_doc_free() and returns 0; warnings may have been
 *  appended to `diags`. On failure (unreadable file, bad JSON or any
 *  error of the format) stores NULL, appends every problem found (not only
 *  the first, in file order) and returns -1. */
int rg_doc_load_file(rg_doc **out, const char *path, rg_diags *diags);

/** The bound on a document's size that rg_doc_load_file() and
 *  rg_doc_read_file() apply unless told otherwise: 128 MiB. The biggest
 *  benchmark document, 100,000 actors and 300,000 links, is 76 MB, and
 *  loading takes about seven times the text in memory (jansson's tree),
 *  so this bound keeps a load under a gigabyte. */
#define RG_MAX_INPUT_DEFAULT ((size_t)128 << 20)

/** rg_doc_load_file() with another bound on the input's size:
 *  `max_bytes` (0: RG_MAX_INPUT_DEFAULT). A bigger input is an error
 *  that names the bound. Input that is not a regular file (standard
 *  input, a pipe, a device) is read only until the first byte that no
 *  JSON document could hold there (a control character, invalid UTF-8,
 *  a first character that begins no JSON value), which is reported with
 *  its position. */
int rg_doc_load_file_max(rg_doc **out, const char *path, size_t max_bytes,
                         rg_diags *diags);

/** How documents in other formats are read (rg_doc_load_file_opts()).
 *  Zero-initialise, or use rg_load_opts_init(). */
typedef struct rg_load_opts {
    /** The bound on the input's size, as rg_doc_load_file_max() (0:
     *  RG_MAX_INPUT_DEFAULT); it bounds each table of a CSV import too. */
    size_t max_bytes;
    /** CSV: the actors table (a header naming its columns: id, name,
     *  kind...), the sources table and the groups table read with a
     *  links table; NULL when there is none. */
    const char *actors_table;
    const char *sources_table;
    const char *groups_table;
    /** STIX: keep revoked and deprecated objects, which are left out by
     *  default (with a note saying how many). */
    bool keep_revoked;
} rg_load_opts;

void rg_load_opts_init(rg_load_opts *out);

/** rg_doc_load_file_max() for a document in any format relgraph reads,
 *  found from its content: a relgraph document, a STIX 2.0 or 2.1
 *  bundle, Cytoscape.js elements, a JSON Graph Format document, d3's
 *  nodes and links, or a CSV links table. A document in another format is
 *  turned into a relgraph one (graphs/README.md says how) and checked;
 *  every problem points at the input. */
int rg_doc_load_file_opts(rg_doc **out, const char *path,
                          const rg_load_opts *opts, rg_diags *diags);

/** Reads a document in any of those formats and stores the relgraph
 *  document made of it as text in the canonical layout of
 *  rg_doc_format_buffer() (malloc'd; the caller frees it), checked.
 *  Returns 0, or -1 with the problems in `diags`. */
int rg_doc_import_file(char **out, size_t *out_len, const char *path,
                       const rg_load_opts *opts, rg_diags *diags);

/** The format the document was read from: "relgraph", "STIX bundle",
 *  "Cytoscape.js elements", "JSON Graph Format", "d3 nodes and links",
 *  "CSV table". A static string. */
const char *rg_doc_source_format(const rg_doc *doc);

/** Reads the whole text of a document file ("-": standard input) under
 *  the rules of rg_doc_load_file_max(), without loading it. On success
 *  stores a malloc'd, NUL-terminated text the caller frees and its
 *  length, and returns 0; on failure stores NULL and returns -1 with a
 *  diagnostic. */
int rg_doc_read_file(char **out, size_t *out_len, const char *path,
                     size_t max_bytes, rg_diags *diags);

/** Like rg_doc_load_file() for text in memory. `name` is the file name
 *  used in diagnostics. The text is not kept. */
int rg_doc_load_buffer(rg_doc **out, const char *text, size_t len,
                       const char *name, rg_diags *diags);

/** Lays a document's text out canonically: the format's keys in their
 *  documented order (other keys after them, in the order written), two
 *  spaces of indent, short objects and arrays on one line where they fit
 *  in 80 columns, one actor or link per line or block. Every value is
 *  kept exactly as written (strings with their escapes, numbers with their
 *  digits). The text is loaded and checked first: on any error the
 *  problems are appended to `diags`, NULL is stored and -1 returned. On
 *  success stores a malloc'd text (the caller frees it) and its length,
 *  and returns 0. Formatting formatted text gives the same text. */
int rg_doc_format_buffer(char **out, size_t *out_len, const char *text,
                         size_t len, const char *name, rg_diags *diags);

/** Frees a document and every string it holds. */
void rg_doc_free(rg_doc *doc);

/** The file name the document was loaded from (borrowed). */
const char *rg_doc_file(const rg_doc *doc);
/** Whether the regular file the document was read from has since been
 *  written, replaced or removed (its size, time or inode differ), which
 *  makes RG_ISOLATE_CHILD's render of it fail ("the document changed");
 *  false for a document from memory or standard input. */
bool rg_doc_file_changed(const rg_doc *doc);
const char *rg_doc_title(const rg_doc *doc);        /**< or NULL */
const char *rg_doc_description(const rg_doc *doc);  /**< or NULL */
/** Whether an actor or a link of the document has a date (what a
 *  timeline, rg_render_opts.view, needs). */
bool rg_doc_any_dated(const rg_doc *doc);

/** The document's own TLP marking, or NULL. */
const char *rg_doc_tlp(const rg_doc *doc);
size_t rg_doc_actor_count(const rg_doc *doc);
/** The i-th actor (borrowed); i must be below rg_doc_actor_count(). */
const rg_actor *rg_doc_actor(const rg_doc *doc, size_t i);
size_t rg_doc_link_count(const rg_doc *doc);
const rg_link *rg_doc_link(const rg_doc *doc, size_t i);
size_t rg_doc_group_count(const rg_doc *doc);
const rg_group *rg_doc_group(const rg_doc *doc, size_t i);
size_t rg_doc_source_count(const rg_doc *doc);
const rg_source *rg_doc_source(const rg_doc *doc, size_t i);
/** User styles declared under "kinds" (actor kinds). */
size_t rg_doc_kind_count(const rg_doc *doc);
const rg_style *rg_doc_kind(const rg_doc *doc, size_t i);
/** User styles declared under "link_kinds". */
size_t rg_doc_link_kind_count(const rg_doc *doc);
const rg_style *rg_doc_link_kind(const rg_doc *doc, size_t i);
const rg_layout *rg_doc_layout(const rg_doc *doc);

/** Finds the actor a reference names: its id, else the one actor whose
 *  name or alias equals it. Returns the index, or -1 when nothing or more
 *  than one actor matches. */
long rg_doc_find_actor(const rg_doc *doc, const char *ref);
/** The id, name or alias of an actor of `doc` that `ref` is a likely
 *  misspelling of (the suggestion `check` makes for a link's end), or
 *  NULL when none is close. Borrowed; valid until rg_doc_free(). */
const char *rg_doc_suggest_actor(const rg_doc *doc, const char *ref);

/** Whether actor i may be shared at a TLP level ("amber"...) under the
 *  rules of rg_render_opts.tlp: its marking, else the document's, else
 *  "red", is that level or below. False for a level that is not one. */
bool rg_doc_actor_shared(const rg_doc *doc, size_t i, const char *level);

/* ------------------------------------------------------------------ */
/* Comparing two documents                                             */

/** What changed from one document to another (opaque). */
typedef struct rg_diff rg_diff;

/** The forms of a diff's report (rg_diff_write()). */
typedef enum rg_diff_format {
    RG_DIFF_TEXT = 0,  /**< a line per change: "+ actor ...", "~ link ..." */
    RG_DIFF_JSON,      /**< one object (graphs/README.md gives its shape) */
    RG_DIFF_MD         /**< a Markdown table, a row per change */
} rg_diff_format;

/** Compares two documents: actors by id, then by name or alias for ids
 *  found on one side only (a renamed id); links by their ends, label and
 *  kind (several with one key paired in document order); sources and
 *  groups by id; each pair field by field. Both documents must outlive
 *  the diff. Returns 0 and stores a diff to free with rg_diff_free(), or
 *  -1 with a diagnostic when out of memory. */
int rg_diff_new(rg_diff **out, const rg_doc *old_doc, const rg_doc *new_doc,
                rg_diags *diags);
/** True when nothing differs. */
bool rg_diff_equal(const rg_diff *diff);
/** The report in one form, NUL-terminated, for the caller to free(); ""
 *  for the text and Markdown forms of an equal pair. Returns 0, or -1
 *  with a diagnostic when out of memory. */
int rg_diff_write(char **out, size_t *out_len, const rg_diff *diff,
                  rg_diff_format format, rg_diags *diags);
/** Both documents as one, to render: the new document's actors and
 *  links, then those only in the old one, each with its mark
 *  (RG_MARK_ADDED, _REMOVED, _CHANGED) drawn on the chart;
 *  rg_doc_find_actor() finds its actors by id only. Borrowed;
 *  valid until rg_diff_free(). NULL when out of memory (with a
 *  diagnostic). */
const rg_doc *rg_diff_union(rg_diff *diff, rg_diags *diags);
void rg_diff_free(rg_diff *diff);

/** The name of a status ("confirmed", ...). */
const char *rg_status_name(rg_status status);
/** True when `kind` is one of the built-in actor kinds. */
bool rg_kind_is_builtin(const char *kind);

/* ------------------------------------------------------------------ */
/* Rendering                                                           */

/** Output formats. */
typedef enum rg_format {
    RG_FORMAT_SVG = 0,
    RG_FORMAT_PNG,
    RG_FORMAT_PDF,
    RG_FORMAT_DOT,
    RG_FORMAT_HTML,  /**< a self-contained report page with the chart */
    RG_FORMAT_MD,    /**< the table of relations, as Markdown */
    RG_FORMAT_STIX,     /**< a STIX 2.1 bundle (".stix.json") */
    RG_FORMAT_GRAPHML,  /**< GraphML with yEd's graphics and the layout */
    RG_FORMAT_GEXF,     /**< GEXF 1.2 with the layout and time intervals */
    RG_FORMAT_CYJS,     /**< Cytoscape.js elements with the layout */
    RG_FORMAT_CSV,      /**< the links table (".csv") */
    RG_FORMAT_CSV_ACTORS,   /**< the actors table ("-actors.csv") */
    RG_FORMAT_CSV_SOURCES,  /**< the sources table ("-sources.csv") */
    RG_FORMAT_CSV_GROUPS,   /**< the groups table ("-groups.csv") */
    RG_FORMAT_COUNT
} rg_format;

/** The format's name ("svg"...). */
const char *rg_format_name(rg_format format);
/** Parses a format name or a file name's extension ("svg", "x.PNG",
 *  "x.stix.json"; "x-actors.csv" is the CSV actors table, as are
 *  "-sources.csv" and "-groups.csv" theirs). Returns 0 and stores the
 *  format, or -1 when it is not one. */
int rg_format_parse(rg_format *out, const char *name_or_path);
/** What a file of the format ends with (".svg", ".stix.json",
 *  "-actors.csv"), as rg_format_parse() reads it. */
const char *rg_format_suffix(rg_format format);
/** True for binary formats that must not go to a terminal. */
bool rg_format_is_binary(rg_format format);

/** Colour themes of a chart. */
typedef enum rg_theme {
    RG_THEME_LIGHT = 0,  /**< Paul Tol's light palette on white (default) */
    RG_THEME_DARK,       /**< dark fills with light text on near-black */
    RG_THEME_MONO,       /**< greys only, for black-and-white print */
    RG_THEME_COUNT
} rg_theme;

/** The theme's name ("light"...). */
const char *rg_theme_name(rg_theme theme);
/** Parses a theme name. Returns 0 and stores the theme, or -1. */
int rg_theme_parse(rg_theme *out, const char *name);

/** How a render is isolated from Graphviz's crashes and hangs (Graphviz
 *  2.43 has some that relgraph cannot rule out), chosen by the caller.
 *  A child and the guard each turn a crash, the time limit
 *  (layout_timeout) or an exit() inside Graphviz into an error
 *  diagnostic, with the same messages; none has no time limit. Nothing
 *  has been written when a render fails. */
typedef enum rg_isolation {
    /** Lay out in a child process (fork; about 15 ms a render), which is
     *  killed at the time limit; the caller goes on after a failure. A
     *  document that rg_doc_load_file() read from a regular file goes to
     *  a child that stays for the renderer's next documents (the batch
     *  worker) and ends with rg_renderer_free() or its first failure.
     *  That child has no copy of the caller's rg_doc: it reads the same
     *  file again (sending the model through a pipe would cost more than
     *  reading it), and fails the render ("the document changed") when
     *  the file is no longer the one read (other size, time or inode), so
     *  the chart is always of the document the caller passed. A document
     *  from memory or standard input, or a view (focus), gets a child of
     *  its own, which has a copy of it. What Graphviz writes straight to
     *  standard error (assertions) becomes diagnostics too. */
    RG_ISOLATE_CHILD = 0,
    /** Lay out in this process, for a program that renders one document
     *  and then ends. During the render the library installs handlers
     *  for SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL and SIGALRM, an
     *  interval timer (ITIMER_REAL) and, once per process, an alternate
     *  signal stack and an atexit handler; the handlers and timer that
     *  were there are put back after the render. On a crash, the time
     *  limit or an exit() inside Graphviz, the error diagnostic is
     *  appended to the caller's `diags` (room for it is reserved before
     *  the render, so nothing is allocated then) and `on_fatal` is called
     *  from the handler with every diagnostic of the list; it should
     *  print them (no malloc: the heap may be broken) and end the process
     *  with _exit(); if it returns, the process ends with _exit(3). There
     *  is no way back into the program: Graphviz's state may be broken.
     *  What Graphviz writes straight to standard error (a failed
     *  assertion) goes there before on_fatal is called. */
    RG_ISOLATE_GUARD,
    /** Lay out in this process unguarded: for tests and fuzzing, where a
     *  crash must be seen as one. */
    RG_ISOLATE_NONE
} rg_isolation;

/** Page sizes for print (rg_render_opts.page). */
typedef enum rg_page {
    RG_PAGE_NONE = 0,    /**< the chart's own size */
    RG_PAGE_A4,          /**< 210 x 297 mm (595.28 x 841.89 pt) */
    RG_PAGE_LETTER,      /**< 8.5 x 11 in (612 x 792 pt) */
    RG_PAGE_COUNT
} rg_page;

/** What a chart draws (rg_render_opts.view). */
typedef enum rg_view_kind {
    RG_VIEW_GRAPH = 0,   /**< actors and links laid out by an engine */
    /** A horizontal time axis, a theme line for each actor in a dated
     *  link or with a date, dated links and events at their date and
     *  undated ones in a band of their own; laid out by relgraph (no
     *  engine, no direction). */
    RG_VIEW_TIMELINE
} rg_view_kind;

/** Options of a render; zero-initialise, then set what you need
 *  (rg_render_opts_init() gives the defaults). */
typedef struct rg_render_opts {
    const char *engine;     /**< overrides the document; NULL: keep */
    const char *direction;  /**< overrides the document; NULL: keep */
    int legend;             /**< 1 on, 0 off, -1 as the document says */
    double dpi;             /**< PNG resolution; 0: the default (150) */
    double layout_timeout;  /**< seconds; 0: the default (120) */
    /** How a crash or a hang in Graphviz is kept from taking the caller
     *  down (see rg_isolation); RG_ISOLATE_CHILD by default. */
    rg_isolation isolation;
    /** RG_ISOLATE_GUARD: called, in a signal or atexit handler, when the
     *  render ends the process; see rg_isolation. NULL: the render is
     *  isolated in a child process instead. */
    void (*on_fatal)(const rg_diags *diags, void *ctx);
    void *fatal_ctx;        /**< passed to on_fatal */
    /** Put before every id of an SVG, so that charts inlined in one page
     *  never share one. NULL: made from the document's file name
     *  ("opm-2015-" for graphs/opm-2015.json, "chart-" for stdin). */
    const char *id_prefix;
    /** SVG: only the <svg> element (no XML declaration, DOCTYPE or
     *  comments), for pasting into HTML. */
    bool svg_inline;
    /** SVG: no fixed width and height, only the viewBox, so that the
     *  chart scales to its container. */
    bool svg_responsive;
    /** Leave out the footnote markers ([1]) of cited sources and the
     *  "Sources" block at the foot of the chart. */
    bool no_citations;
    rg_theme theme;         /**< colours; RG_THEME_LIGHT by default */
    /** Draw only the actors within `focus_depth` links (either way) of
     *  these, and the links between them: a chart of one part of a big
     *  document. Each names an actor by id, name or alias. The chart says
     *  what it leaves out. n_focus 0: the whole document. */
    const char *const *focus;
    size_t n_focus;
    unsigned focus_depth;   /**< 0: the default, 1 */
    /** Draw only the links graded this Admiralty credibility or better
     *  (1 is best: 3 keeps 1, 2 and 3) and the ungraded ones; every actor
     *  stays. 0: no such view. */
    int min_credibility;
    /** Leave out the ungraded links too (alone: keep every graded link). */
    bool graded_only;
    /** PNG and PDF on a page of this size, the chart scaled down (never
     *  up) to fit inside 0.5 in margins and centred; RG_PAGE_NONE: the
     *  chart's own size. SVG, DOT and the report keep the chart's size. */
    rg_page page;
    bool landscape;         /**< the page turned: wider than high */
    /** Leave out the title and the description drawn above the chart
     *  (the SVG's <title> and <desc> and the PDF's metadata keep them). */
    bool no_title;
    /** Leave out the Sources block at the foot; the markers [n] stay, with
     *  the numbers the reports give the sources. */
    bool no_sources;
    /** Leave out the thin lines drawn from the actors a link names in
     *  claimed_by and disputed_by to the link they speak about. */
    bool no_claims;
    /** Show each actor's aliases under its name ("aka ..."). */
    bool aliases;
    /** Show dates on links (under the label) and actors (under the
     *  name): "2014-05-19", "2014 – 2015". */
    bool dates;
    /** Draw only what may be shared at this TLP 2.0 level ("clear",
     *  "green", "amber", "amber+strict", "red"): whatever is marked above
     *  it is left out, an unmarked item takes the document's marking (an
     *  unmarked document's count as "red"), and a link goes with either
     *  end. The chart is marked with the level and says that things were
     *  withheld, never which. NULL: everything, the chart marked with the
     *  document's highest marking, if any. */
    const char *tlp;
    /** The kind of chart; RG_VIEW_GRAPH by default. A timeline refuses
     *  an engine or a direction, and a document (or view) with nothing
     *  dated. */
    rg_view_kind view;
    /** Draw only the shortest chains of links (followed either way)
     *  between the actors path_from and path_to (each an id, name or
     *  alias), up to n_paths of them (0: 3; at most 20), shortest first;
     *  the two ends outlined in bold and the chart saying how many chains
     *  of how many links. When none joins them, rg_render() fails with
     *  an error whose path is "--path" that says what each reaches.
     *  Made after the --tlp view, before the `focus` one (the command
     *  line takes one or the other). NULL: no chains. */
    const char *path_from;
    const char *path_to;
    unsigned n_paths;
    /** With path_from: an actor's membership of a group (and a group's
     *  of its parent) is a step of a chain too, the group drawn as the
     *  box around its members. */
    bool through_groups;
    /** Draw only what is valid at this date, YYYY, YYYY-MM or YYYY-MM-DD
     *  (the whole year, month or day): an actor or link whose date..until
     *  shares a day with it (a date alone: valid from then on), and the
     *  undated ones; a link goes with either end. The chart says so
     *  ("As of 1 June 2015: ..."). NULL: no such view. */
    const char *as_of;
    /** The same for a period "A..B" (from the first day of A to the last
     *  of B), "A.." (from A on) or "..B" (up to B). NULL: none. */
    const char *between;
    /** With as_of or between: draw everything, what they leave out
     *  faded (RG_MARK_FADED), instead of leaving it out. */
    bool fade;
} rg_render_opts;

/** Whether opts->as_of, opts->between and opts->fade make sense
 *  together: 0, or -1 with a one-line message in `why` (of `size`
 *  bytes) naming the option, what is wrong and how to write it. */
int rg_render_check_dates(const rg_render_opts *opts, char *why,
                          size_t size);

/** Whether actor `i` of doc is kept by the --as-of or --between view
 *  opts asks for (valid some day of it, or undated); true when opts asks
 *  for none, fades, or its dates are not good (see rg_render_check_dates). */
bool rg_doc_actor_in_period(const rg_doc *doc, size_t i,
                            const rg_render_opts *opts);

/** Stores the default options in `out`. */
void rg_render_opts_init(rg_render_opts *out);

/** One rendered output in memory. */
typedef struct rg_output {
    rg_format format;
    char *data;   /**< owned by the output; freed by rg_outputs_free() */
    size_t size;
} rg_output;

/** A Graphviz context that can render many documents (opaque). */
typedef struct rg_renderer rg_renderer;

/** A renderer. Graphviz is started by the first render that needs it,
 *  in the process that lays out (see rg_isolation); a broken
 *  installation (no layout or render plugins) is reported by that render.
 *  Returns NULL and appends a diagnostic only when out of memory. */
rg_renderer *rg_renderer_new(rg_diags *diags);
/** Ends Graphviz. */
void rg_renderer_free(rg_renderer *r);

/** Lays the document out once and renders it to each of the `n` formats.
 *  On success stores `n` outputs, in the order of `formats`, which the
 *  caller frees with rg_outputs_free(), and returns 0. On failure (layout
 *  crash, time limit, renderer error) stores NULL, appends a diagnostic
 *  and returns -1. Graphviz's own warnings are appended as warnings. */
int rg_render(rg_output **out, rg_renderer *r, const rg_doc *doc,
              const rg_render_opts *opts, const rg_format *formats,
              size_t n, rg_diags *diags);

/** rg_render() in two halves, so that a program can read its next
 *  document while this one is laid out: rg_render_begin() starts the
 *  render, rg_render_end() waits for it and gives what rg_render() would
 *  have given (0 and the outputs, or -1). Only a render that goes to the
 *  renderer's child that stays (RG_ISOLATE_CHILD, a document that
 *  rg_doc_load_file() read from a regular file, no focus) runs while the
 *  program goes on; any other is done by rg_render_begin(). Until
 *  rg_render_end(), `doc`, `diags` and the strings `opts` points to must
 *  stay as they are, and the renderer renders nothing else. rg_render_begin() returns -1 (with a
 *  diagnostic) only when a render is already begun or memory runs out;
 *  rg_render_end() returns -1 also when none is begun. */
int rg_render_begin(rg_renderer *r, const rg_doc *doc,
                    const rg_render_opts *opts, const rg_format *formats,
                    size_t n, rg_diags *diags);
int rg_render_end(rg_output **out, rg_renderer *r);

/** Starts Graphviz (its plugins: pango, cairo and what they load) and
 *  loads the fonts (fontconfig's configuration and font list, which every
 *  layout needs to measure text), each on a thread of its own, so that
 *  they run while the program reads its document. The first render in
 *  this process waits for them before it uses Graphviz or forks. A
 *  program that forks by itself, or uses Graphviz itself, must not do so
 *  between this call and its first render. Optional; does nothing when
 *  called again. */
void rg_preload(void);

/** The layout engine rg_render() would use for this document and these
 *  options (the options', else the document's, else the one picked by
 *  size, for the view when opts->focus is set), without rendering; for
 *  messages about a render. Borrowed: a static string, or the options'
 *  or the document's. NULL only when a focus actor is unknown, the
 *  dates of as_of or between are not good, or memory runs out. */
const char *rg_render_engine(const rg_doc *doc, const rg_render_opts *opts);

/** Reads SOURCE_DATE_EPOCH, the time written into PDF outputs for
 *  reproducible builds. Stores it in *out (0 when unset or empty) and
 *  returns 0; returns -1 (and stores 0) when it is set but not a whole
 *  number of seconds, digits only, from 0 to 253402300799 (the end of
 *  year 9999). A PDF rendered with an invalid value gets the epoch. */
int rg_source_date_epoch(long long *out);

/** How to get a chart of this document when its layout ran out of time,
 *  fitting the document and options (a faster engine, leaving out raw
 *  attrs only when it has some, --focus), as words that end "... or" so
 *  that "raise --layout-timeout" can follow. A static string. */
const char *rg_render_timeout_advice(const rg_doc *doc,
                                     const rg_render_opts *opts);

/** Frees `n` outputs returned by rg_render(). */
void rg_outputs_free(rg_output *outputs, size_t n);

/** Writes `size` bytes to `path` through a temporary file beside it that
 *  is renamed into place once complete, so that `path` is never left
 *  partial; as rg_write_files() (mode, owner, links, read-only files).
 *  Returns 0, or -1 with a diagnostic. */
int rg_write_file_atomic(const char *path, const char *data, size_t size,
                         rg_diags *diags);

/** A file to be written by rg_write_files(). */
typedef struct rg_file {
    const char *path;
    const char *data;
    size_t size;
} rg_file;

/** Writes every file through a temporary beside it; renames them into
 *  place only when all of them are complete, so that on failure no target
 *  is created or changed. A replaced file keeps its mode, owner and group
 *  (a warning says when the owner could not be kept); a symbolic link is
 *  followed and its target replaced, the link staying a link; a file with
 *  several hard links is replaced with a warning that the other links
 *  keep the old content; a read-only file (no write permission for its
 *  owner, whoever runs this, or none for the caller) is an error. A path
 *  that is not a regular file (a pipe, a device) is written in place.
 *  Returns 0, or -1 with a diagnostic. */
int rg_write_files(const rg_file *files, size_t n, rg_diags *diags);

/** Flags of rg_write_files_flags(). */
enum {
    /** Replace read-only files too (the user asked, e.g. --force). */
    RG_WRITE_FORCE = 1u << 0
};

/** rg_write_files() with flags (RG_WRITE_...). */
int rg_write_files_flags(const rg_file *files, size_t n, unsigned flags,
                         rg_diags *diags);

#ifdef __cplusplus
}
#endif

#endif
