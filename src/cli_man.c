/* The man pages, written in roff by the hidden command `relgraph __man 1`
 * (relgraph(1): the commands and options from cli_commands.def and
 * cli_options.def, the rows --help is made from, so the two cannot
 * disagree) and `relgraph __man 5` (relgraph-format(5): the objects, keys
 * and words of src/docfmt.def). The Makefile writes both into BUILD at
 * build time. Every text here is the project's own (the tables), never a
 * document's. State: none. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#ifndef RG_DATADIR
#define RG_DATADIR "/usr/local/share/relgraph"
#endif

/* ---- roff ---- */

/* `s` as roff text: backslashes and minus signs escaped, a line starting
 * with a control character guarded, the lines of a --help text joined
 * into one paragraph, the dashes --help uses named. */
static void roff(const char *s)
{
    int bol = 1;
    for (; *s; s++) {
        if (bol && (*s == '.' || *s == '\''))
            fputs("\\&", stdout);
        bol = 0;
        if (*s == '\\')
            fputs("\\e", stdout);
        else if (*s == '-')
            fputs("\\-", stdout);
        else if (*s == '\n')
            putchar(' ');
        else if (strncmp(s, "\xe2\x80\x93", 3) == 0)
            fputs("\\(en", stdout), s += 2;
        else if (strncmp(s, "\xe2\x80\x94", 3) == 0)
            fputs("\\(em", stdout), s += 2;
        else
            putchar(*s);
    }
}

/* A line of roff text, ending in a newline. */
static void roff_line(const char *s)
{
    roff(s);
    putchar('\n');
}

/* ---- relgraph(1) ---- */

/* The usage lines of command `c`, a line per form. */
static void synopsis_lines(int c)
{
    const char *s = cli_commands[c].synopsis;
    do {
        size_t n = strcspn(s, "\n");
        char line[256];
        snprintf(line, sizeof(line), "%.*s", (int)n, s);
        printf("\\fBrelgraph %s\\fR ", cli_commands[c].name);
        roff_line(line);
        s += n + (s[n] == '\n');
    } while (*s);
}

static void synopsis(void)
{
    puts(".SH SYNOPSIS\n.nf");
    for (int c = 0; c < CLI_CMD_COUNT; c++)
        synopsis_lines(c);
    puts("\\fBrelgraph\\fR \\fB\\-\\-help\\fR | \\fB\\-\\-version\\fR\n.fi");
}

/* What an option's argument may be: its words, or its range. */
static void option_values(const cli_option *o)
{
    if (o->values != NULL) {
        char list[512];
        printf(".br\n\\fI");
        roff(o->metavar);
        printf("\\fR: ");
        roff(cli_join(list, sizeof(list), o->values, "", "or"));
        puts(".");
    } else if (o->kind == CLI_KIND_NUMBER || o->kind == CLI_KIND_WHOLE) {
        printf(".br\n\\fI");
        roff(o->metavar);
        printf("\\fR: %s from %g to %g.\n",
               o->kind == CLI_KIND_WHOLE ? "a whole number" : "a number",
               o->lo, o->hi);
    }
}

static void option_entry(int i, cli_command cmd)
{
    const cli_option *o = &cli_options[i];
    puts(".TP");
    if (o->letter)
        printf("\\fB\\-%c\\fR, ", o->letter);
    printf("\\fB");
    roff("--");
    roff(o->name);
    printf("\\fR");
    if (o->arg != CLI_ARG_NONE) {
        printf("%s\\fI", o->arg == CLI_ARG_OPTIONAL ? "[=" : "=");
        roff(o->metavar);
        printf("\\fR%s", o->arg == CLI_ARG_OPTIONAL ? "]" : "");
    }
    putchar('\n');
    roff_line(cli_option_help((cli_option_id)i, cmd));
    if (o->arg != CLI_ARG_NONE)
        option_values(o);
}

static void commands(void)
{
    puts(".SH COMMANDS");
    for (int c = 0; c < CLI_CMD_COUNT; c++) {
        const cli_command_row *r = &cli_commands[c];
        printf(".SS \"relgraph %s\"\n.nf\n", r->name);
        synopsis_lines(c);
        puts(".fi\n.PP");
        roff_line(r->summary);
        char heading[128];
        snprintf(heading, sizeof(heading), ".PP\nOptions of %s:", r->name);
        cli_section(heading, c, option_entry);
    }
}

static const char description[] =
    "relgraph draws a relgraph document, a hand-written JSON file of\n"
    "actors and the sourced, dated, possibly contested links between\n"
    "them, as a chart through Graphviz (SVG, PNG, PDF, DOT), a report\n"
    "page (HTML) or a table (Markdown), and writes its data for other\n"
    "tools (STIX 2.1, GraphML, GEXF, Cytoscape.js, CSV). It also reads\n"
    "STIX bundles, Cytoscape.js, JSON Graph Format, d3 and CSV tables.\n"
    "The format is described in relgraph-format(5).\n";

static const char how_files[] =
    "IN may be \"-\" for standard input. Every problem of a document is\n"
    "reported, at its line and column. Nothing is written when there is\n"
    "an error: each output goes to a temporary file beside it, renamed\n"
    "into place when all outputs are complete; a replaced file keeps its\n"
    "mode and owner, and a read-only one is replaced only with --force.\n";

static void exit_status(void)
{
    puts(".SH \"EXIT STATUS\"");
    printf(".TP\n%d\nDone; warnings may have been printed.\n", EXIT_OK);
    printf(".TP\n%d\nThe input has errors (for fmt \\-\\-check: a file is "
           "not formatted); nothing was written.\n", EXIT_INPUT);
    printf(".TP\n%d\nThe command line is wrong.\n", EXIT_USAGE);
    printf(".TP\n%d\nThe output could not be produced (a layout that "
           "crashed or ran out of time, an unwritable file, a full disk); "
           "nothing was written.\n", EXIT_OUTPUT);
}

static void environment(void)
{
    puts(".SH ENVIRONMENT\n.TP\n.B NO_COLOR\n"
         "When set and not empty, diagnostics on a terminal are not "
         "coloured.\n.TP\n.B SOURCE_DATE_EPOCH\n"
         "The date written into PDF files and into the created and "
         "modified times of a STIX export, in seconds since 1970 (digits "
         "only, up to the end of the year 9999; a PDF is refused "
         "otherwise); unset, both carry 1970\\-01\\-01 00:00 UTC, "
         "so the same document gives the same bytes.\n"
         ".TP\n.B TMPDIR\n"
         "Where the layout worker keeps its messages (default "
         "\\fI/tmp\\fR).");
}

static void examples(void)
{
    puts(".SH EXAMPLES\n.nf");
    for (const char *s = cli_examples; *s;) {
        size_t n = strcspn(s, "\n");
        char line[256];
        snprintf(line, sizeof(line), "%.*s", (int)n, s + strspn(s, " "));
        roff_line(line);
        s += n + (s[n] == '\n');
    }
    puts(".fi");
}

static void page_1(void)
{
    printf(".TH RELGRAPH 1 \"\" \"relgraph %s\" \"User Commands\"\n",
           RG_VERSION);
    puts(".nh\n.ad l\n.SH NAME\nrelgraph \\- draw sourced, contested relations "
         "between actors as Graphviz charts");
    synopsis();
    puts(".SH DESCRIPTION");
    roff_line(description);
    puts(".PP");
    roff_line(how_files);
    commands();
    cli_section(".SH \"OPTIONS OF EVERY COMMAND\"", CLI_SEC_EVERY,
                option_entry);
    cli_section(".SH \"OTHER OPTIONS\"", CLI_SEC_OTHER, option_entry);
    exit_status();
    environment();
    puts(".SH FILES\n.TP");
    roff_line(RG_DATADIR "/relgraph.schema.json");
    puts("The JSON Schema of the format, as \\fBrelgraph schema\\fR "
         "prints it, for a document's \"$schema\" and editors.");
    examples();
    puts(".SH \"SEE ALSO\"\n.BR relgraph\\-format (5),\n.BR dot (1)");
}

/* ---- relgraph-format(5) ---- */

typedef struct fmt_key {
    const char *obj, *key, *type, *arg, *required;
} fmt_key;

static const fmt_key keys[] = {
#define RG_FMT_KEY(obj, key, type, arg, required, field) \
    {#obj, key, #type, #arg, required},
#define RG_FMT_MANY RG_FMT_KEY
#define RG_FMT_CHECK(obj, key, type, arg, required) \
    {#obj, key, #type, #arg, required},
#include "docfmt.def"
};

static const char *const objects[][2] = {
#define RG_FMT_OBJECT(obj, what) {#obj, what},
#include "docfmt.def"
};

/* What each type of docfmt.def takes, in words; a type without a row
 * here is named as it is. */
static const char *const type_words[][2] = {
    {"SCHEMA", "any string: the schema's path or URL"},
    {"VERSION", "the format's version, an integer"},
    {"TEXT", "a string"},
    {"NAME", "a string, not empty"},
    {"ID", "an id: letters, digits, \"-\", \"_\" and \".\""},
    {"REF", "an actor's id, name or alias"},
    {"REFS", "an actor's id, name or alias, or a list of them"},
    {"KIND", "an actor kind: a built-in one or one under \"kinds\""},
    {"DATE", "a date: YYYY, YYYY-MM or YYYY-MM-DD"},
    {"URL", "a URL"},
    {"WORDS", "a list of strings"},
    {"SOURCES", "a source's id, or a list of them"},
    {"CONFIDENCE", "an integer from 0 to 100"},
    {"STIXID", "a STIX identifier (type--UUID)"},
    {"BOOL", "true or false"},
    {"ATTRS", "an object of raw Graphviz attributes"},
    {"SHAPE", "a Graphviz shape"},
    {"COLOR", "a colour (#rrggbb or a Graphviz colour name)"},
    {"STYLE", "a Graphviz style"},
    {"KINDS", "an object: actor kinds by name, each a style object"},
    {"STYLES", "an object: link kinds by name, each a style object"},
};

#define RG_FMT_STATUS(word) word,
static const char *const statuses[] = {
#include "docfmt.def"
    NULL};
#define RG_FMT_TLP(word) word,
static const char *const tlps[] = {
#include "docfmt.def"
    NULL};
#define RG_FMT_ENGINE(word) word,
static const char *const engines[] = {
#include "docfmt.def"
    NULL};
#define RG_FMT_DIRECTION(word) word,
static const char *const directions[] = {
#include "docfmt.def"
    NULL};
#define RG_FMT_BUILTIN_KIND(name, label, shape, style, fill, color) name,
static const char *const kinds[] = {
#include "docfmt.def"
    NULL};

static const struct {
    const char *name;
    const char *const *words;
} word_lists[] = {
    {"status", statuses},
    {"tlp", tlps},
    {"engine", engines},
    {"direction", directions},
};

/* The type of key `k`, in words. */
static void key_type(const fmt_key *k)
{
    char list[512];
    if (strcmp(k->type, "ENUM") == 0) {
        for (size_t i = 0; i < sizeof(word_lists) / sizeof(*word_lists); i++)
            if (strcmp(word_lists[i].name, k->arg) == 0)
                roff(cli_join(list, sizeof(list), word_lists[i].words, "",
                              "or"));
        return;
    }
    if (strcmp(k->type, "ARRAY") == 0 || strcmp(k->type, "OBJECT") == 0) {
        printf("%s %s object%s", k->type[0] == 'A' ? "an array of" : "a",
               k->arg, k->type[0] == 'A' ? "s" : "");
        return;
    }
    for (size_t i = 0; i < sizeof(type_words) / sizeof(*type_words); i++)
        if (strcmp(type_words[i][0], k->type) == 0) {
            roff(type_words[i][1]);
            return;
        }
    roff(k->type);
}

static void object_keys(const char *obj, const char *what)
{
    printf(".SS \"%s\"\n", strcmp(obj, "doc") == 0 ? "The document" : obj);
    printf("The keys of ");
    roff(what);
    puts(", in the order relgraph fmt writes them:");
    for (size_t i = 0; i < sizeof(keys) / sizeof(*keys); i++) {
        if (strcmp(keys[i].obj, obj) != 0)
            continue;
        printf(".TP\n\\fB\"");
        roff(keys[i].key);
        printf("\"\\fR\n");
        key_type(&keys[i]);
        puts(keys[i].required ? "; required." : ".");
    }
}

static const char format_intro[] =
    "A relgraph document is a JSON object (UTF-8) with the actors of a\n"
    "story and the links between them, each link with its status, its\n"
    "dates and the sources that support it. Keys starting with \"x-\" are\n"
    "the writer's own and never reported; any other unknown key is a\n"
    "warning (an error with --strict). relgraph check reports every\n"
    "problem at its line and column.\n";

static void page_5(void)
{
    char list[1024];
    printf(".TH RELGRAPH-FORMAT 5 \"\" \"relgraph %s\" \"File Formats\"\n",
           RG_VERSION);
    puts(".nh\n.ad l\n.SH NAME\nrelgraph\\-format \\- the relgraph document format "
         "(JSON)\n.SH DESCRIPTION");
    roff_line(format_intro);
    puts(".SH KEYS");
    for (size_t i = 0; i < sizeof(objects) / sizeof(*objects); i++)
        object_keys(objects[i][0], objects[i][1]);
    puts(".SH WORDS\n.TP\nBuilt-in actor kinds");
    roff(cli_join(list, sizeof(list), kinds, "", "and"));
    puts(".\n.TP\nStatuses of a link");
    roff(cli_join(list, sizeof(list), statuses, "", "and"));
    puts(".\n.SH FILES\n.TP");
    roff_line(RG_DATADIR "/relgraph.schema.json");
    puts("The format's JSON Schema.\n.SH \"SEE ALSO\"\n.BR relgraph (1)");
}

int cli_man(int section)
{
    if (section == 1)
        page_1();
    else if (section == 5)
        page_5();
    else {
        fprintf(stderr, "%s: __man takes 1 or 5\n", CLI_PROG);
        return EXIT_USAGE;
    }
    return EXIT_OK;
}
