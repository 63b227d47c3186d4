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
#include <sys/time.h>
#include <unistd.h>

enum {
    EXIT_OK = 0,
    EXIT_INPUT = 1,
    EXIT_USAGE = 2,
    EXIT_OUTPUT = 3
};

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
    "\n"
    "Fmt options:\n"
    "  -w, --write       rewrite each file in place (only if it changes)\n"
    "      --check       write nothing; exit 1 if a file is not formatted\n"
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
    "replaced only by a complete new one.\n"
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

#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
static int usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s: ", prog);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\nTry 'relgraph --help' for more information.\n");
    va_end(ap);
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
    fprintf(stderr, "%5d | %s\n      | ", d->line, d->source_line);
    /* Walk the line by characters so that tabs keep their place. */
    int col = 1;
    for (const char *s = d->source_line; *s && col < d->column; s++) {
        if (((unsigned char)*s & 0xC0) == 0x80)
            continue;
        fputc(*s == '\t' ? '\t' : ' ', stderr);
        col++;
    }
    fprintf(stderr, "%s^", c->caret);
    for (int k = d->column + 1; k < d->end_column; k++)
        fputc('~', stderr);
    fprintf(stderr, "%s\n", c->reset);
}

/* Diagnostics as JSON for editor plug-ins: one array per input, on
 * standard error like the text form, so that it never mixes with a chart
 * written to standard output. */
static int diag_json;

static void json_string(const char *s)
{
    fputc('"', stderr);
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(stderr, "\\%c", c);
        else if (c < 0x20 || c == 0x7f)
            fprintf(stderr, "\\u%04x", c);
        else
            fputc(c, stderr);
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
        if (*d->file)
            fprintf(stderr, "%s:", d->file);
        else
            fprintf(stderr, "%s:", prog);
        if (d->line > 0)
            fprintf(stderr, "%d:%d:", d->line, d->column);
        fprintf(stderr, "%s %s%s:%s ", c.reset, sc, sev, c.reset);
        if (*d->path)
            fprintf(stderr, "%s: ", d->path);
        fprintf(stderr, "%s\n", d->message);
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

static int parse_number(const char *s, double lo, double hi, double *out)
{
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end != '\0' || !(v >= lo && v <= hi))
        return -1;
    *out = v;
    return 0;
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
    } else if (c != OPT_STRICT && c != OPT_DIAGNOSTICS && c != 'h' &&
               c != OPT_MAX_INPUT &&
               c != '?' && c != ':' && only_for(a, c, CMD_RENDER)) {
        return EXIT_USAGE;
    }
    switch (c) {
    case 'o':
        if (a->n_outputs == 16)
            return usage_error("%s", "at most 16 outputs");
        if (rg_format_parse(&a->formats[a->n_outputs], arg) != 0)
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
        char *end;
        errno = 0;
        long d = strtol(arg, &end, 10);
        if (errno != 0 || end == arg || *end != '\0' || d < 1 || d > 100)
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
        a->opts.isolate = false;
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
    case OPT_DIAGNOSTICS:
        if (!one_of(arg, dfmts))
            return usage_error("--diagnostics takes text or json, not '%s'",
                               arg);
        diag_json = strcmp(arg, "json") == 0;
        return 0;
    case 'h':
        fputs(usage_text, stdout);
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
        rc = same || rg_write_file_atomic(path, formatted, flen, diags) == 0
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
 * The library lays a chart out in a child process, so that a crash or a
 * hang in Graphviz becomes a diagnostic. That child costs a single render
 * about 14 ms here (its page faults), a fifth of the OPM chart's time. A
 * command that renders one document and then ends can get the same
 * promise cheaper: lay out in this process, and turn a fatal signal, the
 * time limit or an exit() inside Graphviz into the same diagnostic and
 * exit status 3. Nothing has been written by then (files are written
 * after the render, through temporary files), so nothing is left behind.
 * Batches keep the library's child processes: they go on past a crash. */

static struct {
    volatile sig_atomic_t on;
    char crash[512];       /* up to the signal's number */
    size_t crash_len;
    char crash_end[512];   /* after it */
    size_t crash_end_len;
    char timeout[512];
    size_t timeout_len;
    char exited[512];
    size_t exited_len;
    struct sigaction old[5];
} guard;

static const int guard_signals[5] = {SIGSEGV, SIGBUS, SIGABRT, SIGFPE,
                                     SIGILL};

static void say_and_exit(const char *msg, size_t len)
{
    ssize_t w = write(STDERR_FILENO, msg, len);
    (void)w;
    _exit(EXIT_OUTPUT);
}

static void on_crash(int sig)
{
    char num[8];
    size_t n = 0;
    char rev[8];
    unsigned v = (unsigned)sig;
    do {
        rev[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v > 0 && n < sizeof(rev));
    for (size_t i = 0; i < n; i++)
        num[i] = rev[n - 1 - i];
    ssize_t w = write(STDERR_FILENO, guard.crash, guard.crash_len);
    w = write(STDERR_FILENO, num, n);
    (void)w;
    say_and_exit(guard.crash_end, guard.crash_end_len);
}

static void on_time_limit(int sig)
{
    (void)sig;
    say_and_exit(guard.timeout, guard.timeout_len);
}

static void on_exit_in_render(void)
{
    if (guard.on)
        say_and_exit(guard.exited, guard.exited_len);
}

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static size_t guard_text(char *buf, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, cap, fmt, ap);
    va_end(ap);
    return n < 0 ? 0 : (size_t)n < cap ? (size_t)n : cap - 1;
}

static void guard_begin(const char *file, const char *engine, double timeout,
                        const char *advice)
{
    static char alt_stack[65536];
    static int registered;
    if (!registered) {
        stack_t st = {.ss_sp = alt_stack, .ss_size = sizeof(alt_stack)};
        sigaltstack(&st, NULL);
        atexit(on_exit_in_render);
        registered = 1;
    }
    if (engine == NULL)
        engine = "chosen";
    guard.crash_len = guard_text(guard.crash, sizeof(guard.crash),
                                 "%s: error: Graphviz crashed (signal ", file);
    guard.crash_end_len = guard_text(
        guard.crash_end, sizeof(guard.crash_end),
        ") in the %s layout; no output was written; try another --engine, "
        "and please report the document\n", engine);
    guard.timeout_len = guard_text(
        guard.timeout, sizeof(guard.timeout),
        "%s: error: the %s layout did not finish within %g s; %s raise "
        "--layout-timeout\n", file, engine, timeout, advice);
    guard.exited_len = guard_text(
        guard.exited, sizeof(guard.exited),
        "%s: error: Graphviz ended the program in the %s layout; no output "
        "was written; try another --engine, and please report the "
        "document\n", file, engine);
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_crash;
    sa.sa_flags = SA_ONSTACK | SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    for (int i = 0; i < 5; i++)
        sigaction(guard_signals[i], &sa, &guard.old[i]);
    sa.sa_handler = on_time_limit;
    sa.sa_flags = 0;
    sigaction(SIGALRM, &sa, NULL);
    struct itimerval t = {{0, 0},
                          {(time_t)timeout,
                           (suseconds_t)((timeout - (double)(time_t)timeout) *
                                         1e6)}};
    setitimer(ITIMER_REAL, &t, NULL);
    guard.on = 1;
}

static void guard_end(void)
{
    struct itimerval off = {{0, 0}, {0, 0}};
    setitimer(ITIMER_REAL, &off, NULL);
    guard.on = 0;
    for (int i = 0; i < 5; i++)
        sigaction(guard_signals[i], &guard.old[i], NULL);
    signal(SIGALRM, SIG_DFL);
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
            rg_diags_add(diags, RG_ERROR, input,
                         "--focus %s: no actor has this id, nor is it the "
                         "name or alias of exactly one actor",
                         a->opts.focus[i]);
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
    int guarded = a->opts.isolate;
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
    if (guarded) {
        ro.isolate = false;
        guard_begin(strcmp(input, "-") == 0 ? "<stdin>" : input,
                    rg_render_engine(doc, &ro),
                    ro.layout_timeout > 0 ? ro.layout_timeout : 120,
                    rg_render_timeout_advice(doc, &ro));
        /* Graphviz's start and the fonts on threads of their own, under
         * the guard, while the graph is set up; no fork follows. */
        rg_preload();
    }
    int failed = rg_render(&outs, *r, doc, &ro, formats, nf, diags) != 0;
    if (guarded)
        guard_end();
    if (failed)
        goto out;
    rg_file files[RG_FORMAT_COUNT + 16];
    for (int i = 0; i < n; i++)
        files[i] = (rg_file){paths[i], outs[i].data, outs[i].size};
    if (rg_write_files(files, (size_t)n, diags) != 0)
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
        if (rg_write_files(files, (size_t)a->n_batch, bd->diags) != 0)
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

static int cmd_render(int argc, char **argv)
{
    args a = {.cmd = CMD_RENDER};
    int rc = parse_args(&a, argc, argv);
    if (rc != EXIT_OK)
        return rc;
    if (a.opts.focus_depth > 0 && a.opts.n_focus == 0)
        return usage_error("%s", "--depth needs --focus ACTOR: the actors "
                                 "the depth is counted from");
    rg_diags *diags = rg_diags_new();
    rg_renderer *r = NULL;
    if (diags == NULL)
        return EXIT_OUTPUT;
    if (a.outdir == NULL) {
        rc = render_one(&a, &r, a.inputs[0], a.outputs, a.formats,
                        a.n_outputs, diags);
        print_diags(diags);
    } else {
        rc = render_batch(&a);
    }
    rg_renderer_free(r);
    rg_diags_free(diags);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage_error("%s", "missing command: render, check or fmt");
    const char *cmd = argv[1];
    int rc;
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 ||
        strcmp(cmd, "help") == 0) {
        fputs(usage_text, stdout);
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
