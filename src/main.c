/* The relgraph command: argument parsing, printing diagnostics, exit
 * codes. All behaviour is in the library. */
#define _XOPEN_SOURCE 700 /* sigaltstack and SA_ONSTACK, for the guard */
#include "relgraph.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

enum {
    EXIT_OK = 0,
    EXIT_INPUT = 1,
    EXIT_USAGE = 2,
    EXIT_OUTPUT = 3
};

/* The help, in two strings: C11 promises string literals of 4,095
 * characters only. */
static const char usage_text[] =
    "Usage: relgraph render IN [-o OUT]... [-T FORMAT] [OPTION]...\n"
    "       relgraph render --outdir DIR [-T FORMAT]... IN...\n"
    "       relgraph check IN... [--strict] [--diagnostics=json]\n"
    "       relgraph fmt [-w | --check] IN...\n"
    "\n"
    "Draws a relgraph document (JSON: actors and the sourced, dated,\n"
    "contested links between them) as a chart through Graphviz.\n"
    "IN may be '-' for standard input.\n"
    "\n"
    "Commands:\n"
    "  render            check IN, lay it out once and write each output\n"
    "  check             check each IN and report every problem found\n"
    "  fmt               print each IN in the canonical layout (keys in the\n"
    "                    documented order, 2-space indent, short objects on\n"
    "                    one line); every value is kept as written\n"
    "\n"
    "Render options:\n"
    "  -o, --output=OUT  write to OUT; the format comes from its extension\n"
    "                    (.svg .png .pdf .dot, .html: a report page with the\n"
    "                    chart and every relation, .md: the relations as a\n"
    "                    Markdown table); repeat for several outputs\n"
    "  -T, --format=FMT  write FMT (svg, png, pdf, dot, html, md) to standard\n"
    "                    output\n"
    "      --outdir=DIR  batch mode: render every IN to DIR/<name>.<format>,\n"
    "                    for each -T FORMAT given (svg when none), in one\n"
    "                    process; goes on past a bad document\n"
    "      --engine=E    layout engine: dot, neato, fdp, sfdp, circo, twopi\n"
    "                    (default: the document's, else chosen by size)\n"
    "      --direction=D LR, TB, RL or BT (default: the document's, else LR)\n"
    "      --no-legend   leave out the legend of kinds and statuses\n"
    "      --no-citations\n"
    "                    leave out the footnote markers [n] of cited sources\n"
    "                    and the Sources block at the foot of the chart\n"
    "      --theme=T     colours: light (default), dark, or mono (greys only,\n"
    "                    for black-and-white print)\n"
    "      --focus=ACTOR draw only the actors within --depth links of ACTOR\n"
    "                    (an id, name or alias; repeat for several) and the\n"
    "                    links between them; the chart says what it leaves out\n"
    "      --depth=N     how many links --focus follows, either way (default 1)\n"
    "      --dpi=N       PNG resolution in dots per inch (default 150)\n"
    "      --id-prefix=P put P before every id of the SVG (default: the\n"
    "                    input's name, e.g. opm-2015-), so that charts\n"
    "                    inlined in one HTML page never share an id\n"
    "      --inline      SVG: only the <svg> element, to paste into HTML\n"
    "      --responsive  SVG: no fixed width and height (keeps the viewBox),\n"
    "                    so the chart scales to its container\n"
    "      --layout-timeout=S\n"
    "                    give up a layout after S seconds (default 120)\n"
    "      --force       replace read-only output files too\n";

static const char usage_text2[] =
    "\n"
    "Fmt options:\n"
    "  -w, --write       rewrite each file in place (only if it changes)\n"
    "      --check       write nothing; exit 1 if a file is not formatted\n"
    "      --force       with -w, rewrite read-only files too\n"
    "\n"
    "Options of every command:\n"
    "      --strict      treat warnings (unknown keys) as errors\n"
    "      --diagnostics=FORMAT\n"
    "                    text (default) or json: an array of {file, line,\n"
    "                    column, end_column, severity, path, message,\n"
    "                    suggestion} on standard error, for editors\n"
    "      --max-input=SIZE\n"
    "                    refuse an input bigger than SIZE bytes (K, M, G:\n"
    "                    KiB, MiB, GiB; default 128M)\n"
    "\n"
    "Other options:\n"
    "  -h, --help        show this help and exit\n"
    "  -V, --version     show the version and exit\n"
    "\n"
    "Exit status: 0 done (warnings allowed), 1 the input has errors,\n"
    "2 the command line is wrong, 3 the output could not be produced.\n"
    "Nothing is written when there is an error, and an existing file is\n"
    "replaced only by a complete new one with its mode and owner (through\n"
    "a symbolic link; a read-only file only with --force).\n"
    "\n"
    "Examples:\n"
    "  relgraph render graphs/opm-2015.json -o opm.svg -o opm.png\n"
    "  relgraph render graphs/opm-2015.json -T svg > opm.svg\n"
    "  cat doc.json | relgraph render - -T png > doc.png\n"
    "  relgraph render doc.json -o doc.pdf --engine neato --no-legend\n"
    "  relgraph render --outdir charts -T svg -T png graphs/*.json\n"
    "  relgraph check graphs/*.json\n"
    "  relgraph fmt -w graphs/opm-2015.json\n";

static const char *prog = "relgraph";

/* ---- text fit for a terminal ----
 *
 * File names, document values and source lines reach the terminal in
 * diagnostics. Control characters (C0 but tab, DEL, C1) could move the
 * cursor, retitle the window or clear the screen, and the bidirectional
 * controls (U+061C, U+200E/F, U+202A-E, U+2066-9) reorder what follows,
 * so that a message shows other than what it says. They are printed
 * escaped, as \x1b or \u202e, and so is each byte that is not UTF-8 (as
 * \xff). A backslash is printed as it is. */

/* The code point of the UTF-8 character at `s` (no overlong form, no
 * surrogate, at most U+10FFFF), and its length; 0 when `s` does not start
 * one. */
static int utf8_char(const unsigned char *s, unsigned *cp)
{
    int n = s[0] < 0x80 ? 1 : s[0] >= 0xC2 && s[0] <= 0xDF ? 2
            : s[0] >= 0xE0 && s[0] <= 0xEF ? 3 : s[0] >= 0xF0 && s[0] <= 0xF4
            ? 4 : 0;
    unsigned v = n == 1 ? s[0] : n == 2 ? s[0] & 0x1Fu
                 : n == 3 ? s[0] & 0x0Fu : s[0] & 0x07u;
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = v << 6 | (s[i] & 0x3Fu);
    }
    if (n == 0 || (n == 3 && (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))) ||
        (n == 4 && (v < 0x10000 || v > 0x10FFFF)))
        return 0;
    *cp = v;
    return n;
}

static int hidden_char(unsigned cp)
{
    return (cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp <= 0x9F) ||
           cp == 0x061C || cp == 0x200E || cp == 0x200F ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* The character at *s as it is printed, into `out`: its own bytes, or an
 * escape (a tab too, unless keep_tab). Advances *s. Returns the columns
 * it takes on the terminal. */
static int show_char(const char **s, char out[16], int keep_tab)
{
    const unsigned char *u = (const unsigned char *)*s;
    unsigned cp = 0;
    int n = utf8_char(u, &cp);
    if (n == 0) {
        *s += 1;
        return snprintf(out, 16, "\\x%02x", u[0]);
    }
    *s += n;
    if (cp == '\t' && !keep_tab)
        return snprintf(out, 16, "\\t");
    if (hidden_char(cp))
        return snprintf(out, 16, cp < 0x80 ? "\\x%02x" : "\\u%04x", cp);
    memcpy(out, u, (size_t)n);
    out[n] = '\0';
    return 1;
}

/* Prints `s` to standard error as show_char() shows it. */
static void put_shown(const char *s, int keep_tab)
{
    char c[16];
    while (s && *s) {
        show_char(&s, c, keep_tab);
        fputs(c, stderr);
    }
}

#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
static int usage_error(const char *fmt, ...)
{
    /* The arguments quoted come from the command line: show them. */
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    fprintf(stderr, "%s: ", prog);
    put_shown(msg, 0);
    fprintf(stderr, "\nTry 'relgraph --help' for more information.\n");
    return EXIT_USAGE;
}

/* ---- diagnostics ---- */

typedef struct palette {
    const char *bold, *error, *warning, *note, *caret, *reset;
} palette;

static palette colours(void)
{
    const char *nc = getenv("NO_COLOR");
    if ((nc != NULL && *nc) || !isatty(STDERR_FILENO))
        return (palette){"", "", "", "", "", ""};
    return (palette){"\033[1m", "\033[1;31m", "\033[1;35m", "\033[1;36m",
                     "\033[1;32m", "\033[0m"};
}

static void print_caret(const rg_diag *d, const palette *c)
{
    if (d->source_line == NULL || d->line <= 0)
        return;
    fprintf(stderr, "%5d | ", d->line);
    put_shown(d->source_line, 1);
    fprintf(stderr, "\n      | ");
    /* Walk the line by characters as the columns count them (a byte that
     * is not a continuation byte starts one), each padded to the width it
     * was printed in, so that tabs and escapes keep the caret in place. */
    const char *s = d->source_line;
    char shown_c[16];
    int col = 1;
    while (*s && col < d->column) {
        int tab = *s == '\t', counts = ((unsigned char)*s & 0xC0) != 0x80;
        for (int w = show_char(&s, shown_c, 1); w > 0; w--)
            fputc(tab ? '\t' : ' ', stderr);
        col += counts;
    }
    fputs(c->caret, stderr);
    for (int first = 1; col < d->end_column || first; first = 0) {
        int w = 1;
        if (*s) {
            col += ((unsigned char)*s & 0xC0) != 0x80;
            w = show_char(&s, shown_c, 1);
        } else {
            col++;
        }
        for (; w > 0; w--, first = 0)
            fputc(first ? '^' : '~', stderr);
    }
    fprintf(stderr, "%s\n", c->reset);
}

/* Diagnostics as JSON for editor plug-ins: one array per input, on
 * standard error like the text form, so that it never mixes with a chart
 * written to standard output. */
static int diag_json;

/* A JSON string, valid UTF-8 whatever `s` holds (a file name need not be
 * UTF-8): each byte that is not UTF-8 becomes U+FFFD, and the characters
 * a terminal would obey (see hidden_char) are \u escapes. */
static void json_string(const char *s)
{
    fputc('"', stderr);
    while (s && *s) {
        const unsigned char *u = (const unsigned char *)s;
        unsigned cp = 0;
        int n = utf8_char(u, &cp);
        if (n == 0) {
            fputs("\\ufffd", stderr);
            s++;
            continue;
        }
        if (cp == '"' || cp == '\\')
            fprintf(stderr, "\\%c", (int)cp);
        else if (cp == '\t' || hidden_char(cp))
            fprintf(stderr, "\\u%04x", cp);
        else
            fwrite(s, 1, (size_t)n, stderr);
        s += n;
    }
    fputc('"', stderr);
}

static void print_diags_json(const rg_diags *diags)
{
    static const char *const sev[] = {"error", "warning", "note"};
    fputc('[', stderr);
    for (size_t i = 0; i < rg_diags_count(diags); i++) {
        const rg_diag *d = rg_diags_get(diags, i);
        fprintf(stderr, "%s\n  {\"file\": ", i ? "," : "");
        json_string(d->file);
        fprintf(stderr, ", \"line\": %d, \"column\": %d, "
                        "\"end_column\": %d, \"severity\": \"%s\", "
                        "\"path\": ",
                d->line, d->column, d->end_column, sev[d->severity]);
        json_string(d->path);
        fprintf(stderr, ", \"message\": ");
        json_string(d->message);
        fprintf(stderr, ", \"suggestion\": ");
        if (d->suggestion)
            json_string(d->suggestion);
        else
            fprintf(stderr, "null");
        fputc('}', stderr);
    }
    fprintf(stderr, "%s]\n", rg_diags_count(diags) ? "\n" : "");
}

static void print_diags(const rg_diags *diags)
{
    if (diag_json) {
        print_diags_json(diags);
        return;
    }
    palette c = colours();
    for (size_t i = 0; i < rg_diags_count(diags); i++) {
        const rg_diag *d = rg_diags_get(diags, i);
        const char *sev = d->severity == RG_ERROR     ? "error"
                          : d->severity == RG_WARNING ? "warning"
                                                      : "note";
        const char *sc = d->severity == RG_ERROR     ? c.error
                         : d->severity == RG_WARNING ? c.warning
                                                     : c.note;
        fprintf(stderr, "%s", c.bold);
        put_shown(*d->file ? d->file : prog, 0);
        fputc(':', stderr);
        if (d->line > 0)
            fprintf(stderr, "%d:%d:", d->line, d->column);
        fprintf(stderr, "%s %s%s:%s ", c.reset, sc, sev, c.reset);
        if (*d->path) {
            put_shown(d->path, 0);
            fputs(": ", stderr);
        }
        put_shown(d->message, 0);
        fputc('\n', stderr);
        print_caret(d, &c);
    }
}

/* ---- options ---- */

typedef enum command { CMD_CHECK, CMD_RENDER, CMD_FMT } command;

typedef struct args {
    command cmd;
    char **inputs;
    int n_inputs;
    const char *outputs[16];
    rg_format formats[16];
    int n_outputs;
    int to_stdout;
    rg_format stdout_format;
    const char *outdir;       /* batch mode: DIR/<stem>.<format> */
    rg_format batch[RG_FORMAT_COUNT];
    int n_batch;
    int n_t;                  /* how many -T were given */
    int strict;
    int write;                /* fmt -w */
    int check_only;           /* fmt --check */
    unsigned write_flags;     /* RG_WRITE_FORCE with --force */
    rg_render_opts opts;
    const char *focus[64];    /* --focus, for opts.focus */
    size_t max_input;         /* --max-input; 0: the library's default */
} args;

enum {
    OPT_ENGINE = 256,
    OPT_DIRECTION,
    OPT_NO_LEGEND,
    OPT_DPI,
    OPT_TIMEOUT,
    OPT_NO_ISOLATE,
    OPT_STRICT,
    OPT_DIAGNOSTICS,
    OPT_OUTDIR,
    OPT_CHECK,
    OPT_ID_PREFIX,
    OPT_INLINE,
    OPT_RESPONSIVE,
    OPT_NO_CITATIONS,
    OPT_THEME,
    OPT_FOCUS,
    OPT_DEPTH,
    OPT_FORCE,
    OPT_MAX_INPUT
};

static const struct option long_options[] = {
    {"output", required_argument, NULL, 'o'},
    {"outdir", required_argument, NULL, OPT_OUTDIR},
    {"format", required_argument, NULL, 'T'},
    {"engine", required_argument, NULL, OPT_ENGINE},
    {"direction", required_argument, NULL, OPT_DIRECTION},
    {"no-legend", no_argument, NULL, OPT_NO_LEGEND},
    {"dpi", required_argument, NULL, OPT_DPI},
    {"layout-timeout", required_argument, NULL, OPT_TIMEOUT},
    /* For debugging Graphviz under gdb: lay out in this process. */
    {"no-isolate", no_argument, NULL, OPT_NO_ISOLATE},
    {"strict", no_argument, NULL, OPT_STRICT},
    {"diagnostics", required_argument, NULL, OPT_DIAGNOSTICS},
    {"id-prefix", required_argument, NULL, OPT_ID_PREFIX},
    {"inline", no_argument, NULL, OPT_INLINE},
    {"responsive", no_argument, NULL, OPT_RESPONSIVE},
    {"no-citations", no_argument, NULL, OPT_NO_CITATIONS},
    {"theme", required_argument, NULL, OPT_THEME},
    {"focus", required_argument, NULL, OPT_FOCUS},
    {"depth", required_argument, NULL, OPT_DEPTH},
    {"write", no_argument, NULL, 'w'},
    {"check", no_argument, NULL, OPT_CHECK},
    {"force", no_argument, NULL, OPT_FORCE},
    {"help", no_argument, NULL, 'h'},
    {"max-input", required_argument, NULL, OPT_MAX_INPUT},
    {NULL, 0, NULL, 0}};

static int one_of(const char *s, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(s, *list) == 0)
            return 1;
    return 0;
}

/* A size such as 4096, 512K, 200M or 2G (powers of 1024), from 1 KiB to
 * 64 GiB. Returns 0, or -1. */
static int parse_size(const char *s, size_t *out)
{
    char *end;
    if (*s < '0' || *s > '9')
        return -1;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    int shift = *end == 'K' || *end == 'k'   ? 10
                : *end == 'M' || *end == 'm' ? 20
                : *end == 'G' || *end == 'g' ? 30
                                             : 0;
    if (shift != 0)
        end++;
    if (errno != 0 || *end != '\0' || v > (64ULL << 30) >> shift)
        return -1;
    v <<= shift;
    if (v < 1024 || v > SIZE_MAX)
        return -1;
    *out = (size_t)v;
    return 0;
}

/* A number as a person types it: digits, then optionally a point and
 * more digits; not the sign, spaces, hexadecimal, exponent, "inf" or
 * "nan" that strtod would take. Within [lo, hi]. */
static int parse_number(const char *s, double lo, double hi, double *out)
{
    const char *p = s;
    while (*p >= '0' && *p <= '9')
        p++;
    if (p == s)
        return -1;
    if (*p == '.') {
        const char *frac = ++p;
        while (*p >= '0' && *p <= '9')
            p++;
        if (p == frac)
            return -1;
    }
    if (*p != '\0' || p - s > 64)
        return -1;
    double v = strtod(s, NULL);
    if (!(v >= lo && v <= hi))
        return -1;
    *out = v;
    return 0;
}

/* A whole number, digits only, within [lo, hi]. */
static int parse_whole(const char *s, long lo, long hi, long *out)
{
    double v;
    if (strchr(s, '.') != NULL || parse_number(s, (double)lo, (double)hi,
                                               &v) != 0)
        return -1;
    *out = (long)v;
    return 0;
}

/* An output path whose file name has no extension ("svg", "out/chart"),
 * which rg_format_parse would take as a format's name. */
static int no_extension(const char *path)
{
    const char *slash = strrchr(path, '/');
    return strchr(slash ? slash + 1 : path, '.') == NULL;
}

/* Explains an option getopt_long refused. */
static int bad_option(const char *arg)
{
    if (optopt != 0 && optopt < 256 && strncmp(arg, "--", 2) != 0)
        return usage_error("unknown option '-%c'", optopt);
    if (strncmp(arg, "--", 2) == 0) {
        size_t len = strcspn(arg + 2, "=");
        int matches = 0;
        const struct option *hit = NULL;
        for (const struct option *o = long_options; o->name; o++) {
            if (strncmp(o->name, arg + 2, len) == 0) {
                matches++;
                hit = o;
                if (strlen(o->name) == len) {
                    matches = 1;
                    break;
                }
            }
        }
        if (matches > 1)
            return usage_error("option '%.*s' is ambiguous; write it out",
                               (int)len + 2, arg);
        if (matches == 1 && hit->has_arg == no_argument && arg[2 + len])
            return usage_error("option '--%s' takes no value", hit->name);
    }
    return usage_error("unknown option '%s'", arg);
}

static const char *const command_names[] = {"check", "render", "fmt"};

/* An option that only one command takes. */
static int only_for(const args *a, int c, command cmd)
{
    if (a->cmd == cmd)
        return 0;
    const struct option *o = long_options;
    while (o->name && o->val != c)
        o++;
    return usage_error("option '--%s' is for %s, not %s",
                       o->name ? o->name : "?", command_names[cmd],
                       command_names[a->cmd]);
}

static int parse_option(args *a, int c, const char *arg, char **argv)
{
    static const char *const engines[] = {"dot", "neato", "fdp", "sfdp",
                                          "circo", "twopi", NULL};
    static const char *const dirs[] = {"LR", "TB", "RL", "BT", NULL};
    static const char *const dfmts[] = {"text", "json", NULL};
    if (c == 'w' || c == OPT_CHECK) {
        if (only_for(a, c, CMD_FMT))
            return EXIT_USAGE;
    } else if (c == OPT_FORCE) {
        if (a->cmd == CMD_CHECK && only_for(a, c, CMD_RENDER))
            return EXIT_USAGE;
    } else if (c != OPT_STRICT && c != OPT_DIAGNOSTICS && c != 'h' &&
               c != OPT_MAX_INPUT &&
               c != '?' && c != ':' && only_for(a, c, CMD_RENDER)) {
        return EXIT_USAGE;
    }
    switch (c) {
    case 'o':
        if (a->n_outputs == 16)
            return usage_error("%s", "at most 16 outputs");
        if (no_extension(arg) &&
            rg_format_parse(&a->formats[a->n_outputs], arg) == 0)
            return usage_error(
                "cannot tell the format of '%s'; did you mean -T %s or -o "
                "chart.%s", arg, rg_format_name(a->formats[a->n_outputs]),
                rg_format_name(a->formats[a->n_outputs]));
        if (no_extension(arg) ||
            rg_format_parse(&a->formats[a->n_outputs], arg) != 0)
            return usage_error("cannot tell the format of '%s'; end it with "
                               ".svg, .png, .pdf, .dot, .html or .md", arg);
        a->outputs[a->n_outputs++] = arg;
        return 0;
    case 'T': {
        /* Collected here; after parsing, one -T without --outdir means
         * standard output. */
        rg_format f;
        if (strchr(arg, '.') != NULL || rg_format_parse(&f, arg) != 0)
            return usage_error("unknown format '%s'; use svg, png, pdf, dot, "
                               "html or md", arg);
        int seen = 0;
        for (int i = 0; i < a->n_batch; i++)
            seen |= a->batch[i] == f;
        if (!seen)
            a->batch[a->n_batch++] = f;
        a->n_t++;
        return 0;
    }
    case OPT_ENGINE:
        if (!one_of(arg, engines))
            return usage_error("unknown engine '%s'; use dot, neato, fdp, "
                               "sfdp, circo or twopi", arg);
        a->opts.engine = arg;
        return 0;
    case OPT_DIRECTION:
        if (!one_of(arg, dirs))
            return usage_error("unknown direction '%s'; use LR, TB, RL or "
                               "BT", arg);
        a->opts.direction = arg;
        return 0;
    case OPT_NO_LEGEND:
        a->opts.legend = 0;
        return 0;
    case OPT_NO_CITATIONS:
        a->opts.no_citations = true;
        return 0;
    case OPT_FOCUS:
        if (a->opts.n_focus == sizeof(a->focus) / sizeof(a->focus[0]))
            return usage_error("%s", "at most 64 --focus actors");
        a->focus[a->opts.n_focus++] = arg;
        a->opts.focus = a->focus;
        return 0;
    case OPT_DEPTH: {
        long d;
        if (parse_whole(arg, 1, 100, &d) != 0)
            return usage_error("--depth takes a whole number from 1 to "
                               "100, not '%s'", arg);
        a->opts.focus_depth = (unsigned)d;
        return 0;
    }
    case OPT_THEME:
        if (rg_theme_parse(&a->opts.theme, arg) != 0)
            return usage_error("unknown theme '%s'; use light, dark or mono",
                               arg);
        return 0;
    case OPT_ID_PREFIX: {
        /* It starts ids in SVG and HTML: keep it to what ids allow. */
        const char *q = arg;
        int ok = (*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z');
        for (; *q && ok; q++)
            ok = (*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
                 (*q >= '0' && *q <= '9') || *q == '-' || *q == '_';
        if (!ok && *arg)
            return usage_error("--id-prefix takes a letter, then letters, "
                               "digits, '-' or '_', not '%s'", arg);
        a->opts.id_prefix = arg;
        return 0;
    }
    case OPT_INLINE:
        a->opts.svg_inline = true;
        return 0;
    case OPT_RESPONSIVE:
        a->opts.svg_responsive = true;
        return 0;
    case OPT_OUTDIR:
        if (*arg == '\0')
            return usage_error("%s", "--outdir needs a folder; use "
                                     "--outdir . for the current one");
        a->outdir = arg;
        return 0;
    case OPT_DPI:
        if (parse_number(arg, 18, 1200, &a->opts.dpi) != 0)
            return usage_error("--dpi takes a number from 18 to 1200, not "
                               "'%s'", arg);
        return 0;
    case OPT_TIMEOUT:
        if (parse_number(arg, 0.1, 86400, &a->opts.layout_timeout) != 0)
            return usage_error("--layout-timeout takes seconds from 0.1 to "
                               "86400, not '%s'", arg);
        return 0;
    case OPT_NO_ISOLATE:
        a->opts.isolation = RG_ISOLATE_NONE;
        return 0;
    case OPT_STRICT:
        a->strict = 1;
        return 0;
    case OPT_MAX_INPUT:
        if (parse_size(arg, &a->max_input) != 0)
            return usage_error("--max-input takes a size in bytes, with K, "
                               "M or G for KiB, MiB, GiB (from 1K to 64G), "
                               "not '%s'", arg);
        return 0;
    case 'w':
        a->write = 1;
        return 0;
    case OPT_CHECK:
        a->check_only = 1;
        return 0;
    case OPT_FORCE:
        a->write_flags |= RG_WRITE_FORCE;
        return 0;
    case OPT_DIAGNOSTICS:
        if (!one_of(arg, dfmts))
            return usage_error("--diagnostics takes text or json, not '%s'",
                               arg);
        diag_json = strcmp(arg, "json") == 0;
        return 0;
    case 'h':
        fputs(usage_text, stdout);
        fputs(usage_text2, stdout);
        exit(EXIT_OK);
    case ':':
        return usage_error("option '%s' needs a value", argv[optind - 1]);
    default:
        return bad_option(argv[optind - 1]);
    }
}

static int parse_args(args *a, int argc, char **argv)
{
    rg_render_opts_init(&a->opts);
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":o:T:hw", long_options, NULL)) !=
           -1) {
        int rc = parse_option(a, c, optarg, argv);
        if (rc != 0)
            return rc;
    }
    a->inputs = argv + optind;
    a->n_inputs = argc - optind;
    if (a->cmd != CMD_RENDER) {
        if (a->n_inputs < 1)
            return usage_error("%s needs at least one input file",
                               command_names[a->cmd]);
        if (a->write && a->check_only)
            return usage_error("%s", "fmt takes -w or --check, not both");
        for (int i = 0; a->write && i < a->n_inputs; i++)
            if (strcmp(a->inputs[i], "-") == 0)
                return usage_error("%s", "fmt -w cannot rewrite standard "
                                         "input; leave out -w");
        return EXIT_OK;
    }
    if (a->n_inputs < 1)
        return usage_error("%s", "render needs an input file ('-' for "
                                 "standard input)");
    if (a->outdir != NULL) {
        if (a->n_outputs > 0)
            return usage_error("%s", "--outdir cannot be mixed with -o");
        if (a->n_batch == 0)
            a->batch[a->n_batch++] = RG_FORMAT_SVG;
        return EXIT_OK;
    }
    if (a->n_t > 1)
        return usage_error("%s", "-T may be given once; use -o for more "
                                 "outputs, or --outdir");
    if (a->n_t == 1) {
        a->to_stdout = 1;
        a->stdout_format = a->batch[0];
    }
    if (a->n_inputs > 1)
        return usage_error("render takes one input file; '%s' is one too "
                           "many", a->inputs[1]);
    if (a->n_outputs == 0 && !a->to_stdout)
        return usage_error("%s", "say where to write: -o FILE or -T FORMAT");
    if (a->to_stdout && rg_format_is_binary(a->stdout_format) &&
        isatty(STDOUT_FILENO))
        return usage_error("refusing to write %s to a terminal; redirect "
                           "standard output or use -o FILE",
                           rg_format_name(a->stdout_format));
    return EXIT_OK;
}

/* ---- commands ---- */

static int cmd_check(int argc, char **argv)
{
    args a = {.cmd = CMD_CHECK};
    int status = parse_args(&a, argc, argv);
    if (status != EXIT_OK)
        return status;
    rg_diags *diags = rg_diags_new();
    if (diags == NULL)
        return EXIT_OUTPUT;
    rg_diags_set_strict(diags, a.strict);
    for (int i = 0; i < a.n_inputs; i++) {
        rg_doc *doc = NULL;
        /* A file that is skipped (a JSON Schema) fails to load with a
         * note and no error: that is not a failed check. */
        if (rg_doc_load_file_max(&doc, a.inputs[i], a.max_input, diags) != 0 &&
            rg_diags_count_severity(diags, RG_ERROR) > 0)
            status = EXIT_INPUT;
        rg_doc_free(doc);
        print_diags(diags);
        rg_diags_clear(diags);
    }
    rg_diags_free(diags);
    return status;
}

/* fmt: print the canonical text, rewrite the file (-w), or only say
 * whether it is formatted (--check). A file with any error is left as it
 * is. */
static int fmt_one(const args *a, const char *path, rg_diags *diags)
{
    char *text = NULL, *formatted = NULL;
    size_t len = 0, flen = 0;
    int rc = EXIT_INPUT;
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    if (rg_doc_read_file(&text, &len, path, a->max_input, diags) != 0)
        goto out;
    rg_diags_set_strict(diags, a->strict);
    int bad = rg_doc_format_buffer(&formatted, &flen, text, len, name,
                                   diags) != 0;
    rg_diags_set_strict(diags, false);
    if (bad)
        goto out;
    int same = flen == len && memcmp(formatted, text, len) == 0;
    if (a->check_only) {
        if (!same)
            rg_diags_add(diags, RG_ERROR, name,
                         "not formatted; run 'relgraph fmt -w %s'", name);
        rc = same ? EXIT_OK : EXIT_INPUT;
    } else if (a->write) {
        rg_file f = {path, formatted, flen};
        rc = same || rg_write_files_flags(&f, 1, a->write_flags, diags) == 0
                 ? EXIT_OK : EXIT_OUTPUT;
    } else if (fwrite(formatted, 1, flen, stdout) != flen) {
        rg_diags_add(diags, RG_ERROR, "<stdout>", "cannot write: %s",
                     strerror(errno));
        rc = EXIT_OUTPUT;
    } else {
        rc = EXIT_OK;
    }
out:
    free(text);
    free(formatted);
    return rc;
}

static int cmd_fmt(int argc, char **argv)
{
    args a = {.cmd = CMD_FMT};
    int rc = parse_args(&a, argc, argv);
    if (rc != EXIT_OK)
        return rc;
    rg_diags *diags = rg_diags_new();
    if (diags == NULL)
        return EXIT_OUTPUT;
    for (int i = 0; i < a.n_inputs; i++) {
        int st = fmt_one(&a, a.inputs[i], diags);
        if (st > rc)
            rc = st;
        print_diags(diags);
        rg_diags_clear(diags);
    }
    rg_diags_free(diags);
    return rc;
}

/* ---- a single render, guarded in this process ----
 *
 * A command that renders one document and then ends lays it out in this
 * process under the library's guard (RG_ISOLATE_GUARD), cheaper than a
 * child; batches keep the library's child processes: they go on past a
 * crash. With --diagnostics=json a child too: what Graphviz writes
 * straight to stderr (a failed assertion) would break the JSON, and only
 * a child's stderr is caught. */

/* The guard's end of a render (Graphviz crashed, ran out of time or
 * ended the program): every diagnostic so far, the one saying so last. */
static void on_fatal(const rg_diags *diags, void *ctx)
{
    (void)ctx;
    print_diags(diags);
    fflush(stderr);
    _exit(EXIT_OUTPUT);
}

/* Whether actor `a` has `ref` as its name or one of its aliases. */
static int named(const rg_actor *a, const char *ref)
{
    if (strcmp(a->name, ref) == 0)
        return 1;
    for (size_t j = 0; j < a->aliases.n; j++)
        if (strcmp(a->aliases.v[j], ref) == 0)
            return 1;
    return 0;
}

/* Says why --focus `ref` names no actor: none has it, or several share
 * it as a name or alias, listed by id (the first 5) so that the user can
 * pick one. */
static void focus_unknown(const rg_doc *doc, const char *input,
                          const char *ref, rg_diags *diags)
{
    char list[512] = "";
    size_t shown = 0, more = 0, len = 0;
    for (size_t i = 0; i < rg_doc_actor_count(doc); i++) {
        const rg_actor *a = rg_doc_actor(doc, i);
        if (!named(a, ref))
            continue;
        if (shown == 5) {
            more++;
            continue;
        }
        int w = snprintf(list + len, sizeof(list) - len, "%s\"%s\"",
                         shown ? ", " : "", a->id);
        if (w < 0 || (size_t)w >= sizeof(list) - len) {
            more++;
            continue;
        }
        len += (size_t)w;
        shown++;
    }
    if (more > 0)
        snprintf(list + len, sizeof(list) - len, " and %zu more", more);
    if (shown + more > 1)
        rg_diags_add(diags, RG_ERROR, input,
                     "--focus %s: several actors have this name or alias: "
                     "%s; give one's id", ref, list);
    else
        rg_diags_add(diags, RG_ERROR, input,
                     "--focus %s: no actor has this id, nor is it the "
                     "name or alias of exactly one actor", ref);
}

/* Loads a document to render and checks the --focus actors. Returns
 * EXIT_OK, EXIT_INPUT or EXIT_USAGE; *doc is set even on failure (or
 * NULL). */
static int load_for_render(const args *a, const char *input, rg_doc **doc,
                           rg_diags *diags)
{
    int rc = EXIT_OK;
    /* --strict is about the document; Graphviz's warnings stay warnings. */
    rg_diags_set_strict(diags, a->strict);
    int bad = rg_doc_load_file_max(doc, input, a->max_input, diags) != 0;
    rg_diags_set_strict(diags, false);
    if (bad)
        return EXIT_INPUT;
    for (size_t i = 0; i < a->opts.n_focus; i++) {
        if (rg_doc_find_actor(*doc, a->opts.focus[i]) < 0) {
            focus_unknown(*doc, input, a->opts.focus[i], diags);
            rc = EXIT_USAGE;
        }
    }
    return rc;
}

/* Renders one document to `n` files and, when to_stdout, one more format
 * to standard output, laying it out in this process under the guard.
 * Returns an exit status. */
static int render_one(const args *a, rg_renderer **r, const char *input,
                      const char *const *paths, const rg_format *fmts, int n,
                      rg_diags *diags)
{
    int rc = EXIT_OUTPUT;
    rg_doc *doc = NULL;
    rg_output *outs = NULL;
    rg_format formats[RG_FORMAT_COUNT + 17];
    size_t nf = 0;
    int st = load_for_render(a, input, &doc, diags);
    if (st != EXIT_OK) {
        rc = st;
        goto out;
    }
    for (int i = 0; i < n; i++)
        formats[nf++] = fmts[i];
    if (a->to_stdout)
        formats[nf++] = a->stdout_format;
    if (*r == NULL && (*r = rg_renderer_new(diags)) == NULL)
        goto out;
    rg_render_opts ro = a->opts;
    if (ro.isolation == RG_ISOLATE_CHILD && !diag_json) {
        ro.isolation = RG_ISOLATE_GUARD;
        ro.on_fatal = on_fatal;
    }
    if (rg_render(&outs, *r, doc, &ro, formats, nf, diags) != 0)
        goto out;
    rg_file files[RG_FORMAT_COUNT + 16];
    for (int i = 0; i < n; i++)
        files[i] = (rg_file){paths[i], outs[i].data, outs[i].size};
    if (rg_write_files_flags(files, (size_t)n, a->write_flags, diags) != 0)
        goto out;
    if (a->to_stdout) {
        const rg_output *o = &outs[nf - 1];
        if (fwrite(o->data, 1, o->size, stdout) != o->size ||
            fflush(stdout) != 0) {
            rg_diags_add(diags, RG_ERROR, "<stdout>", "cannot write: %s",
                         strerror(errno));
            goto out;
        }
    }
    rc = EXIT_OK;
out:
    rg_outputs_free(outs, nf);
    rg_doc_free(doc);
    return rc;
}

/* DIR/<stem>.<format>, where the stem is the input's file name without
 * its extension ("stdin" for standard input). */
static char *batch_path(const char *dir, const char *input, rg_format f)
{
    const char *base = strrchr(input, '/');
    base = base ? base + 1 : input;
    if (strcmp(input, "-") == 0)
        base = "stdin";
    const char *dot = strrchr(base, '.');
    int stem = dot && dot != base ? (int)(dot - base) : (int)strlen(base);
    size_t len = strlen(dir) + (size_t)stem + 16;
    char *p = malloc(len);
    if (p != NULL)
        snprintf(p, len, "%s%s%.*s.%s", dir,
                 dir[strlen(dir) - 1] == '/' ? "" : "/", stem, base,
                 rg_format_name(f));
    return p;
}

/* One document of a batch. */
typedef struct batch_doc {
    rg_diags *diags;
    rg_doc *doc;
    char *paths[RG_FORMAT_COUNT];
    rg_output *outs;
    int status; /* the exit status it asks for; EXIT_OK so far */
    int begun;
} batch_doc;

static void batch_load(const args *a, batch_doc *bd, const char *input)
{
    memset(bd, 0, sizeof(*bd));
    bd->status = EXIT_OUTPUT;
    if ((bd->diags = rg_diags_new()) == NULL)
        return;
    for (int k = 0; k < a->n_batch; k++)
        if ((bd->paths[k] = batch_path(a->outdir, input, a->batch[k])) == NULL)
            return;
    bd->status = load_for_render(a, input, &bd->doc, bd->diags);
}

/* Writes a document's files and prints its diagnostics; frees it. Returns
 * its exit status. */
static int batch_finish(const args *a, batch_doc *bd)
{
    if (bd->outs != NULL) {
        rg_file files[RG_FORMAT_COUNT];
        for (int k = 0; k < a->n_batch; k++)
            files[k] = (rg_file){bd->paths[k], bd->outs[k].data,
                                 bd->outs[k].size};
        if (rg_write_files_flags(files, (size_t)a->n_batch, a->write_flags,
                                 bd->diags) != 0)
            bd->status = EXIT_OUTPUT;
        rg_outputs_free(bd->outs, (size_t)a->n_batch);
    }
    if (bd->diags != NULL)
        print_diags(bd->diags);
    for (int k = 0; k < a->n_batch; k++)
        free(bd->paths[k]);
    rg_doc_free(bd->doc);
    rg_diags_free(bd->diags);
    return bd->status;
}

/* An output of a batch, for finding two that are the same file. */
typedef struct batch_out {
    char *path;
    int input;
} batch_out;

static int by_path(const void *x, const void *y)
{
    const batch_out *a = x, *b = y;
    int c = strcmp(a->path, b->path);
    return c ? c : a->input - b->input;
}

/* Whether two inputs are the same file (named alike, or the same inode):
 * rendered twice, it writes the same bytes twice, which is harmless. */
static int same_input(const char *x, const char *y)
{
    struct stat sx, sy;
    if (strcmp(x, y) == 0)
        return 1;
    return strcmp(x, "-") != 0 && strcmp(y, "-") != 0 && stat(x, &sx) == 0 &&
           stat(y, &sy) == 0 && sx.st_dev == sy.st_dev &&
           sx.st_ino == sy.st_ino;
}

/* Two inputs of a batch that would write the same file (a/doc.json and
 * b/doc.json both to DIR/doc.svg) are a usage error before anything is
 * written: else the last would silently win. Returns an exit status. */
static int batch_collisions(const args *a)
{
    size_t n = (size_t)a->n_inputs * (size_t)a->n_batch, k = 0;
    batch_out *outs = calloc(n ? n : 1, sizeof(*outs));
    int rc = EXIT_OUTPUT;
    if (outs == NULL)
        goto out;
    for (int i = 0; i < a->n_inputs; i++)
        for (int f = 0; f < a->n_batch; f++, k++)
            if ((outs[k] = (batch_out){batch_path(a->outdir, a->inputs[i],
                                                  a->batch[f]), i})
                    .path == NULL)
                goto out;
    qsort(outs, n, sizeof(*outs), by_path);
    rc = EXIT_OK;
    for (k = 1; k < n && rc == EXIT_OK; k++)
        if (strcmp(outs[k - 1].path, outs[k].path) == 0 &&
            !same_input(a->inputs[outs[k - 1].input],
                        a->inputs[outs[k].input]))
            rc = usage_error("'%s' and '%s' would both be written to '%s'; "
                             "render them in separate runs or rename one",
                             a->inputs[outs[k - 1].input],
                             a->inputs[outs[k].input], outs[k].path);
out:
    if (rc == EXIT_OUTPUT)
        fprintf(stderr, "%s: out of memory\n", prog);
    for (k = 0; outs != NULL && k < n; k++)
        free(outs[k].path);
    free(outs);
    return rc;
}

/* Many documents, each to DIR/<stem>.<format>: a document is read and
 * checked while the worker lays out the one before it (rg_render_begin/
 * end); its files are written, and its diagnostics printed, before the
 * next one is rendered. Goes on past a bad document and returns the
 * worst status. */
static int render_batch(const args *a)
{
    int rc = EXIT_OK;
    rg_renderer *r = NULL;
    batch_doc prev = {0}, cur = {0}, done;
    for (int i = 0; i <= a->n_inputs; i++) {
        if (i < a->n_inputs)
            batch_load(a, &cur, a->inputs[i]);
        done = prev;
        if (done.begun && rg_render_end(&done.outs, r) != 0)
            done.status = EXIT_OUTPUT;
        if (i > 0) {
            int st = batch_finish(a, &done);
            if (st > rc)
                rc = st;
        }
        if (i < a->n_inputs && cur.status == EXIT_OK) {
            if (r == NULL && (r = rg_renderer_new(cur.diags)) == NULL)
                cur.status = EXIT_OUTPUT;
            else if (rg_render_begin(r, cur.doc, &a->opts, a->batch,
                                     (size_t)a->n_batch, cur.diags) != 0)
                cur.status = EXIT_OUTPUT;
            else
                cur.begun = 1;
        }
        prev = cur;
        memset(&cur, 0, sizeof(cur));
    }
    rg_renderer_free(r);
    return rc;
}

/* A malformed SOURCE_DATE_EPOCH is an error when a PDF is to be written,
 * as reproducible-builds.org asks: else the PDF would silently carry
 * another date than the one meant. */
static int check_source_date(const args *a)
{
    int pdf = a->to_stdout && a->stdout_format == RG_FORMAT_PDF;
    for (int i = 0; i < a->n_outputs; i++)
        pdf |= a->formats[i] == RG_FORMAT_PDF;
    for (int i = 0; a->outdir != NULL && i < a->n_batch; i++)
        pdf |= a->batch[i] == RG_FORMAT_PDF;
    long long t;
    if (pdf && rg_source_date_epoch(&t) != 0)
        return usage_error("SOURCE_DATE_EPOCH must be whole seconds since "
                           "1970 (digits only, up to the year 9999), not "
                           "'%s'; fix it or unset it",
                           getenv("SOURCE_DATE_EPOCH"));
    return EXIT_OK;
}

static int cmd_render(int argc, char **argv)
{
    args a = {.cmd = CMD_RENDER};
    int rc = parse_args(&a, argc, argv);
    if (rc != EXIT_OK)
        return rc;
    if (a.opts.focus_depth > 0 && a.opts.n_focus == 0)
        return usage_error("%s", "--depth needs --focus ACTOR: the actors "
                                 "the depth is counted from");
    if ((rc = check_source_date(&a)) != EXIT_OK)
        return rc;
    rg_diags *diags = rg_diags_new();
    rg_renderer *r = NULL;
    if (diags == NULL)
        return EXIT_OUTPUT;
    if (a.outdir == NULL) {
        rc = render_one(&a, &r, a.inputs[0], a.outputs, a.formats,
                        a.n_outputs, diags);
        print_diags(diags);
    } else if ((rc = batch_collisions(&a)) == EXIT_OK) {
        rc = render_batch(&a);
    }
    rg_renderer_free(r);
    rg_diags_free(diags);
    return rc;
}

int main(int argc, char **argv)
{
    /* Diagnostics are printed a character at a time where they need
     * escaping: a write per line, not per character (200,000 errors took
     * 16 s of system time unbuffered). */
    setvbuf(stderr, NULL, _IOLBF, BUFSIZ);
    if (argc < 2)
        return usage_error("%s", "missing command: render, check or fmt");
    const char *cmd = argv[1];
    int rc;
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 ||
        strcmp(cmd, "help") == 0) {
        fputs(usage_text, stdout);
        fputs(usage_text2, stdout);
        rc = EXIT_OK;
    } else if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("relgraph %s (document format %d)\n", RG_VERSION,
               RG_FORMAT_VERSION);
        rc = EXIT_OK;
    } else if (strcmp(cmd, "render") == 0) {
        rc = cmd_render(argc - 1, argv + 1);
    } else if (strcmp(cmd, "check") == 0) {
        rc = cmd_check(argc - 1, argv + 1);
    } else if (strcmp(cmd, "fmt") == 0) {
        rc = cmd_fmt(argc - 1, argv + 1);
    } else {
        return usage_error("unknown command '%s'; use render, check or fmt",
                           cmd);
    }
    /* A full disk shows up here for buffered output: report it. */
    if (fclose(stdout) != 0 && rc == EXIT_OK) {
        fprintf(stderr, "%s: cannot write standard output: %s\n", prog,
                strerror(errno));
        rc = EXIT_OUTPUT;
    }
    return rc;
}
