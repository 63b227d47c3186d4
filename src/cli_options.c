/* The relgraph command line: the tables of commands and options made
 * from cli_commands.def and cli_options.def, and the parser they drive
 * (getopt_long's option array, each argument checked as its row says,
 * each option refused for a command that does not take it). What an
 * option does to the parsed command line is its set_<id>() here. State:
 * none beyond the getopt_long array, made once from the table. */
#include "cli.h"

#include "cli_print.h"
#include "suggest.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- the tables ---- */

const cli_command_row cli_commands[CLI_CMD_COUNT] = {
#define CLI_COMMAND(id, synopsis, summary) \
    {#id, synopsis, summary, cli_run_##id},
#include "cli_commands.def"
};

#define CLI_VALUES(id, ...) \
    static const char *const values_##id[] = {__VA_ARGS__, NULL};
#include "cli_options.def"
#define values_none NULL
/* The format's own lists, from the one table that the loader reads. */
#define RG_FMT_ENGINE(word) word,
static const char *const values_engines[] = {
#include "docfmt.def"
    NULL};
#define RG_FMT_DIRECTION(word) word,
static const char *const values_directions[] = {
#include "docfmt.def"
    NULL};
#define RG_FMT_THEME(word) word,
static const char *const values_themes[] = {
#include "docfmt.def"
    NULL};
#define RG_FMT_TLP(word) word,
static const char *const values_tlps[] = {
#include "docfmt.def"
    NULL};

/* watch takes every option of render (and its own). */
#define FOR(command) \
    (CLI_FOR(command) | \
     (CLI_FOR(command) == CLI_FOR(render) ? CLI_FOR(watch) : 0u))
#define ONLY CLI_FOR
#define ALL CLI_ALL
#define TOP CLI_TOP
const cli_option cli_options[CLI_OPT_COUNT] = {
#define CLI_OPTION(id, long_name, short_name, arg, kind, lo, hi, values,   \
                   commands, metavar, what, help)                          \
    {long_name, short_name, CLI_ARG_##arg, CLI_KIND_##kind, lo, hi,         \
     values_##values, commands, metavar, what, help},
#include "cli_options.def"
};

typedef struct help_in {
    cli_option_id opt;
    cli_command cmd;
    const char *help;
} help_in;

static const help_in helps_in[] = {
#define CLI_OPTION_HELP_IN(id, command, help) \
    {CLI_OPT_##id, CLI_CMD_##command, help},
#include "cli_options.def"
    {CLI_OPT_COUNT, CLI_CMD_COUNT, NULL}};
#undef FOR
#undef ALL
#undef TOP

const char *cli_option_help(cli_option_id opt, cli_command cmd)
{
    for (const help_in *h = helps_in; h->help != NULL; h++)
        if (h->opt == opt && h->cmd == cmd)
            return h->help;
    return cli_options[opt].help;
}

const char *cli_join(char *buf, size_t cap, const char *const *list,
                     const char *prefix, const char *last)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; list[i] != NULL && len < cap; i++) {
        int w = i > 0 && list[i + 1] == NULL
                    ? snprintf(buf + len, cap - len, " %s %s%s", last, prefix,
                               list[i])
                    : snprintf(buf + len, cap - len, "%s%s%s",
                               i > 0 ? ", " : "", prefix, list[i]);
        if (w < 0)
            break;
        len += (size_t)w;
    }
    return buf;
}

/* ---- arguments ---- */

/* An argument as its row's kind reads it. */
typedef struct cli_value {
    double number; /* NUMBER, WHOLE */
    size_t size;   /* SIZE */
} cli_value;

static int one_of(const char *s, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(s, *list) == 0)
            return 1;
    return 0;
}

/* A size such as 4096, 512K, 200M or 2G (powers of 1024), within
 * [lo, hi]. Returns 0, or -1. */
static int parse_size(const char *s, double lo, double hi, size_t *out)
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
    if (errno != 0 || *end != '\0' || v > (unsigned long long)hi >> shift)
        return -1;
    v <<= shift;
    if (v < (unsigned long long)lo || v > SIZE_MAX)
        return -1;
    *out = (size_t)v;
    return 0;
}

/* A size as parse_size() takes it: 1K, 64G. */
static const char *size_text(char *buf, size_t cap, double size)
{
    unsigned long long v = (unsigned long long)size;
    int shift = 0;
    while (shift < 30 && v != 0 && (v & ((1ULL << (shift + 10)) - 1)) == 0)
        shift += 10;
    snprintf(buf, cap, "%llu%s", v >> shift,
             shift == 30 ? "G" : shift == 20 ? "M" : shift == 10 ? "K" : "");
    return buf;
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

/* Reads `arg` as option `o` takes it. Returns 0, or -1. */
static int parse_value(const cli_option *o, const char *arg, cli_value *v)
{
    switch (o->kind) {
    case CLI_KIND_NUMBER:
        return parse_number(arg, o->lo, o->hi, &v->number);
    case CLI_KIND_WHOLE:
        return strchr(arg, '.') != NULL
                   ? -1 : parse_number(arg, o->lo, o->hi, &v->number);
    case CLI_KIND_SIZE:
        return parse_size(arg, o->lo, o->hi, &v->size);
    case CLI_KIND_ENUM:
        return one_of(arg, o->values) ? 0 : -1;
    case CLI_KIND_TEXT:
        break;
    }
    return 0;
}

int cli_bad_value(cli_option_id opt, const char *arg)
{
    const cli_option *o = &cli_options[opt];
    char what[256], list[256], lo[32], hi[32];
    if (o->values != NULL)
        cli_join(list, sizeof(list), o->values, "", "or");
    if (o->values != NULL && o->what != NULL)
        return cli_usage_error("unknown %s '%s'; use %s", o->what, arg, list);
    if (o->values != NULL)
        snprintf(what, sizeof(what), "%s", list);
    else if (o->kind == CLI_KIND_SIZE)
        snprintf(what, sizeof(what), "%s (from %s to %s)", o->what,
                 size_text(lo, sizeof(lo), o->lo),
                 size_text(hi, sizeof(hi), o->hi));
    else if (o->kind == CLI_KIND_NUMBER || o->kind == CLI_KIND_WHOLE)
        snprintf(what, sizeof(what), "%s from %g to %g", o->what, o->lo,
                 o->hi);
    else
        snprintf(what, sizeof(what), "%s", o->what ? o->what : "a value");
    return cli_usage_error("--%s takes %s, not '%s'", o->name, what, arg);
}

/* ---- what each option does: set_<id>(), a row's work once its
 * argument is read ---- */

typedef int setter(cli_args *a, const char *arg, const cli_value *v);

/* An output path whose file name has no extension ("svg", "out/chart"),
 * which rg_format_parse would take as a format's name. */
static int no_extension(const char *path)
{
    const char *slash = strrchr(path, '/');
    return strchr(slash ? slash + 1 : path, '.') == NULL;
}

rg_load_opts cli_load_opts(const cli_args *a)
{
    rg_load_opts o = a->load;
    o.max_bytes = a->max_input;
    return o;
}

static int set_output(cli_args *a, const char *arg, const cli_value *v)
{
    (void)v;
    if (a->cmd == CLI_CMD_import) {
        if (a->n_outputs == 1)
            return cli_usage_error("%s", "import writes one document; "
                                         "give one -o");
        a->outputs[a->n_outputs++] = arg;
        return 0;
    }
    rg_format *f = &a->formats[a->n_outputs];
    char list[256];
    const char *suffixes[RG_FORMAT_COUNT + 1] = {NULL};
    for (int i = 0; i < RG_FORMAT_COUNT; i++)
        suffixes[i] = rg_format_suffix((rg_format)i);
    if (a->n_outputs == 16)
        return cli_usage_error("%s", "at most 16 outputs");
    if (no_extension(arg) && rg_format_parse(f, arg) == 0)
        return cli_usage_error(
            "cannot tell the format of '%s'; did you mean -T %s or -o "
            "chart.%s", arg, rg_format_name(*f), rg_format_name(*f));
    if (no_extension(arg) || rg_format_parse(f, arg) != 0)
        return cli_usage_error(
            "cannot tell the format of '%s'; end it with %s", arg,
            cli_join(list, sizeof(list), suffixes, "", "or"));
    a->outputs[a->n_outputs++] = arg;
    return 0;
}

/* Collected here; after parsing, one -T without --outdir means standard
 * output. */
static int set_format(cli_args *a, const char *arg, const cli_value *v)
{
    (void)v;
    rg_format f;
    if (a->cmd == CLI_CMD_diff)
        return cli_diff_format(a, arg);
    if (strchr(arg, '.') != NULL || rg_format_parse(&f, arg) != 0)
        return cli_bad_value(CLI_OPT_format, arg);
    int seen = 0;
    for (int i = 0; i < a->n_batch; i++)
        seen |= a->batch[i] == f;
    if (!seen)
        a->batch[a->n_batch++] = f;
    a->n_t++;
    return 0;
}

/* A page size, in any case ("A4" as it is usually written). */
static int set_page(cli_args *a, const char *arg, const cli_value *v)
{
    (void)v;
    if (strcasecmp(arg, "a4") == 0)
        a->opts.page = RG_PAGE_A4;
    else if (strcasecmp(arg, "letter") == 0)
        a->opts.page = RG_PAGE_LETTER;
    else
        return cli_bad_value(CLI_OPT_page, arg);
    return 0;
}

static int set_outdir(cli_args *a, const char *arg, const cli_value *v)
{
    (void)v;
    if (*arg == '\0')
        return cli_usage_error("%s", "--outdir needs a folder; use "
                                     "--outdir . for the current one");
    a->outdir = arg;
    return 0;
}

static int set_theme(cli_args *a, const char *arg, const cli_value *v)
{
    (void)v;
    if (rg_theme_parse(&a->opts.theme, arg) != 0)
        return cli_bad_value(CLI_OPT_theme, arg);
    return 0;
}

static int set_focus(cli_args *a, const char *arg, const cli_value *v)
{
    (void)v;
    if (a->opts.n_focus == sizeof(a->focus) / sizeof(a->focus[0]))
        return cli_usage_error("%s", "at most 64 --focus actors");
    a->focus[a->opts.n_focus++] = arg;
    a->opts.focus = a->focus;
    return 0;
}

/* An Admiralty credibility, 1 to 6; a reliability letter or a grade
 * pair ("B2") is refused with the two scales explained. */
static int set_min_credibility(cli_args *a, const char *arg,
                               const cli_value *v)
{
    (void)v;
    char up = (char)toupper((unsigned char)arg[0]);
    if (arg[0] >= '1' && arg[0] <= '6' && arg[1] == '\0') {
        a->opts.min_credibility = arg[0] - '0';
        return 0;
    }
    if (up >= 'A' && up <= 'F' && arg[1] >= '1' && arg[1] <= '6' &&
        arg[2] == '\0')
        return cli_usage_error("--min-credibility takes a credibility, not "
                               "'%s'; did you mean --min-credibility %c? (%c "
                               "is a source's reliability, which no option "
                               "filters by)", arg, arg[1], up);
    if (up >= 'A' && up <= 'F' && arg[1] == '\0')
        return cli_usage_error("--min-credibility takes a credibility, not "
                               "'%s': %c is a source's reliability (A to F); "
                               "a link's credibility is a number from 1 "
                               "(confirmed) to 6 (cannot be judged)",
                               arg, up);
    return cli_usage_error("--min-credibility takes a credibility from 1 "
                           "(confirmed) to 6 (cannot be judged), not '%s'; "
                           "3 keeps the links graded 1, 2 or 3", arg);
}

static int set_graded_only(cli_args *a, const char *arg, const cli_value *v)
{
    (void)arg;
    (void)v;
    a->opts.graded_only = true;
    return 0;
}

/* The command line being parsed, for --path's second word. */
static char **parse_argv;
static int parse_argc;

/* --path A B: A is the option's value, B the word after it, taken as
 * getopt_long takes an option's value (the inputs before it are moved
 * past it). */
static int set_path(cli_args *a, const char *arg, const cli_value *v)
{
    (void)v;
    if (a->opts.path_from != NULL)
        return cli_usage_error("%s", "--path is given once, with two "
                                     "actors: --path A B");
    if (optind >= parse_argc)
        return cli_usage_error("--path takes two actors, --path A B; "
                               "only '%s' is given", arg);
    const char *to = parse_argv[optind];
    if (to[0] == '-' && to[1] != '\0')
        return cli_usage_error("--path takes two actors, --path A B; '%s' "
                               "after '%s' is an option, not an actor",
                               to, arg);
    a->opts.path_from = arg;
    a->opts.path_to = to;
    optind++;
    return 0;
}

/* --serve [PORT]: the port as --serve=PORT, or as the next word when
 * it is a number. */
static int set_serve(cli_args *a, const char *arg, const cli_value *v)
{
    const char *next = optind < parse_argc ? parse_argv[optind] : "";
    a->serve = 1;
    a->serve_port = arg != NULL ? (unsigned)v->number : 0;
    if (arg != NULL || next[0] == '\0' || strspn(next, "0123456789") !=
                                             strlen(next))
        return 0;
    cli_value port;
    if (parse_value(&cli_options[CLI_OPT_serve], next, &port) != 0)
        return cli_bad_value(CLI_OPT_serve, next);
    a->serve_port = (unsigned)port.number;
    optind++;
    return 0;
}

/* A TLP level, in any case, stored as the format writes it. The label
 * ("TLP:AMBER") and TLP 1.0's "white" are refused with the word meant:
 * a sharing level is not guessed. */
static int set_tlp(cli_args *a, const char *arg, const cli_value *v)
{
    (void)v;
    const char *word = strncasecmp(arg, "TLP:", 4) == 0 ? arg + 4 : arg;
    if (strcasecmp(word, "white") == 0)
        word = "clear";
    for (size_t i = 0; values_tlps[i] != NULL; i++) {
        if (strcasecmp(word, values_tlps[i]) != 0)
            continue;
        if (word == arg && strcasecmp(arg, "white") != 0) {
            a->opts.tlp = values_tlps[i];
            return 0;
        }
        return cli_usage_error("unknown TLP level '%s'; did you mean '%s'? "
                               "(--tlp takes clear, green, amber, "
                               "amber+strict or red)", arg, values_tlps[i]);
    }
    return cli_bad_value(CLI_OPT_tlp, arg);
}

/* A kind of chart, with the one meant when it is misspelt. */
static int set_view(cli_args *a, const char *arg, const cli_value *v)
{
    (void)v;
    if (strcmp(arg, "graph") == 0 || strcmp(arg, "timeline") == 0) {
        a->opts.view = arg[0] == 't' ? RG_VIEW_TIMELINE : RG_VIEW_GRAPH;
        return 0;
    }
    const char *best = rg_suggest__best(arg, values_views, 2);
    if (best != NULL)
        return cli_usage_error("unknown view '%s'; did you mean '%s'? "
                               "(--view takes graph or timeline)", arg, best);
    return cli_bad_value(CLI_OPT_view, arg);
}

/* It starts ids in SVG and HTML: keep it to what ids allow. */
static int set_id_prefix(cli_args *a, const char *arg, const cli_value *v)
{
    (void)v;
    const char *q = arg;
    int ok = (*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z');
    for (; *q && ok; q++)
        ok = (*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
             (*q >= '0' && *q <= '9') || *q == '-' || *q == '_';
    if (!ok && *arg)
        return cli_bad_value(CLI_OPT_id_prefix, arg);
    a->opts.id_prefix = arg;
    return 0;
}

/* The options that only store what they say. */
#define SET(id, effect)                                                  \
    static int set_##id(cli_args *a, const char *arg, const cli_value *v) \
    {                                                                    \
        (void)a, (void)arg, (void)v;                                     \
        effect;                                                          \
        return 0;                                                        \
    }
SET(engine, a->opts.engine = arg)
SET(direction, a->opts.direction = arg)
SET(no_legend, a->opts.legend = 0)
SET(no_citations, a->opts.no_citations = true)
SET(no_title, a->opts.no_title = true)
SET(no_sources, a->opts.no_sources = true)
SET(landscape, a->opts.landscape = true)
SET(no_claims, a->opts.no_claims = true)
SET(aliases, a->opts.aliases = true)
SET(dates, a->opts.dates = true)
SET(as_of, a->opts.as_of = arg)
SET(between, a->opts.between = arg)
SET(fade, a->opts.fade = true)
SET(depth, a->opts.focus_depth = (unsigned)v->number)
SET(paths, a->opts.n_paths = (unsigned)v->number)
SET(through_groups, a->opts.through_groups = true)
SET(dpi, a->opts.dpi = v->number)
SET(inline, a->opts.svg_inline = true)
SET(responsive, a->opts.svg_responsive = true)
SET(layout_timeout, a->opts.layout_timeout = v->number)
SET(no_isolate, a->opts.isolation = RG_ISOLATE_NONE)
SET(write, a->write = 1)
SET(check, a->check_only = 1)
SET(force, a->write_flags |= RG_WRITE_FORCE)
SET(strict, a->strict = 1)
SET(diagnostics, cli_print_set_json(strcmp(arg, "json") == 0))
SET(max_input, a->max_input = v->size)
SET(actors, a->load.actors_table = arg)
SET(sources, a->load.sources_table = arg)
SET(groups, a->load.groups_table = arg)
SET(keep_revoked, a->load.keep_revoked = true)
/* Only before a command, where main() answers it. */
SET(version, (void)0)
#undef SET

static int set_help(cli_args *a, const char *arg, const cli_value *v)
{
    (void)a, (void)arg, (void)v;
    cli_help();
    exit(EXIT_OK);
}

static setter *const setters[CLI_OPT_COUNT] = {
#define CLI_OPTION(id, l, s, arg, kind, lo, hi, values, commands, metavar, \
                   what, help)                                             \
    set_##id,
#include "cli_options.def"
};

/* ---- the parser ---- */

/* getopt_long's value for option `i`: its letter, else 256 + i. */
static int option_val(int i)
{
    return cli_options[i].letter ? cli_options[i].letter : 256 + i;
}

/* getopt_long's array and short options of every option a command may
 * take (not those only before a command), made once from the table. */
static struct option long_options[CLI_OPT_COUNT + 1];
static char short_options[2 + 3 * CLI_OPT_COUNT];

static void make_getopt_tables(void)
{
    static const int has_arg[] = {no_argument, required_argument,
                                  optional_argument};
    size_t n = 0, k = 0;
    short_options[k++] = ':';
    for (int i = 0; i < CLI_OPT_COUNT; i++) {
        const cli_option *o = &cli_options[i];
        if ((o->commands & CLI_ALL) == 0)
            continue;
        long_options[n++] = (struct option){o->name, has_arg[o->arg], NULL,
                                            option_val(i)};
        if (o->letter == 0)
            continue;
        short_options[k++] = (char)o->letter;
        for (int c = 0; c < (int)o->arg; c++)
            short_options[k++] = ':';
    }
    long_options[n] = (struct option){NULL, 0, NULL, 0};
    short_options[k] = '\0';
}

/* Explains an option getopt_long refused. */
static int bad_option(const char *arg)
{
    if (optopt != 0 && optopt < 256 && strncmp(arg, "--", 2) != 0)
        return cli_usage_error("unknown option '-%c'", optopt);
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
            return cli_usage_error("option '%.*s' is ambiguous; write it out",
                                   (int)len + 2, arg);
        if (matches == 1 && hit->has_arg == no_argument && arg[2 + len])
            return cli_usage_error("option '--%s' takes no value", hit->name);
    }
    return cli_usage_error("unknown option '%s'", arg);
}

/* Refuses an option for a command that does not take it. */
static int not_for(const cli_option *o, cli_command cmd)
{
    const char *names[CLI_CMD_COUNT + 1];
    size_t n = 0;
    char list[256];
    for (int c = 0; c < CLI_CMD_COUNT; c++)
        if (o->commands & (1u << c))
            names[n++] = cli_commands[c].name;
    names[n] = NULL;
    return cli_usage_error("option '--%s' is for %s, not %s", o->name,
                           cli_join(list, sizeof(list), names, "", "and"),
                           cli_commands[cmd].name);
}

/* One option as getopt_long returned it: checked for the command and
 * read as its row says, then set. */
static int parse_option(cli_args *a, int c, const char *arg, char **argv)
{
    if (c == ':')
        return cli_usage_error("option '%s' needs a value", argv[optind - 1]);
    int i = c >= 256 ? c - 256 : 0;
    while (c < 256 && i < CLI_OPT_COUNT && cli_options[i].letter != c)
        i++;
    if (c == '?' || i >= CLI_OPT_COUNT)
        return bad_option(argv[optind - 1]);
    const cli_option *o = &cli_options[i];
    cli_value v = {0, 0};
    if (!(o->commands & (1u << a->cmd)))
        return not_for(o, a->cmd);
    if (arg != NULL && parse_value(o, arg, &v) != 0)
        return cli_bad_value((cli_option_id)i, arg);
    return setters[i](a, arg, &v);
}

int cli_parse(cli_args *a, cli_command cmd, int argc, char **argv,
              int (*check)(cli_args *a))
{
    if (long_options[0].name == NULL)
        make_getopt_tables();
    memset(a, 0, sizeof(*a));
    a->cmd = cmd;
    rg_render_opts_init(&a->opts);
    optind = 1;
    opterr = 0;
    parse_argv = argv;
    parse_argc = argc;
    int c;
    while ((c = getopt_long(argc, argv, short_options, long_options,
                            NULL)) != -1) {
        int rc = parse_option(a, c, optarg, argv);
        if (rc != 0)
            return rc;
    }
    a->inputs = argv + optind;
    a->n_inputs = argc - optind;
    return check != NULL ? check(a) : EXIT_OK;
}

int cli_need_inputs(cli_args *a)
{
    if (a->n_inputs < 1)
        return cli_usage_error("%s needs at least one input file",
                               cli_commands[a->cmd].name);
    return EXIT_OK;
}
