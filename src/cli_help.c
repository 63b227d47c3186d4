/* relgraph --help: the usage lines and the commands from
 * cli_commands.def, a section of options per command (and one for the
 * options of every command) from cli_options.def, between a fixed
 * introduction and a fixed ending. State: none. */
#include "cli.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static const char intro[] =
    "Draws a relgraph document (JSON: actors and the sourced, dated,\n"
    "contested links between them) as a chart through Graphviz.\n"
    "IN may be '-' for standard input.\n";

static const char ending[] =
    "Exit status: 0 done (warnings allowed), 1 the input has errors,\n"
    "2 the command line is wrong, 3 the output could not be produced.\n"
    "Nothing is written when there is an error, and an existing file is\n"
    "replaced only by a complete new one with its mode and owner (through\n"
    "a symbolic link; a read-only file only with --force).\n"
    "\n"
    "Examples:\n";

/* Shared with the man page (cli_man.c). */
const char cli_examples[] =
    "  relgraph render graphs/opm-2015.json -o opm.svg -o opm.png\n"
    "  relgraph render graphs/opm-2015.json -T svg > opm.svg\n"
    "  cat doc.json | relgraph render - -T png > doc.png\n"
    "  relgraph render doc.json -o doc.pdf --engine neato --no-legend\n"
    "  relgraph render --outdir charts -T svg -T png graphs/*.json\n"
    "  relgraph check graphs/*.json\n"
    "  relgraph fmt -w graphs/opm-2015.json\n";

/* The column where descriptions start. */
enum { HELP_COLUMN = 20 };

/* `head`, then `text` from HELP_COLUMN: on the same line when `head`
 * leaves room, each further line of `text` indented to it. */
static void entry(const char *head, const char *text)
{
    int len = (int)strlen(head);
    fputs(head, stdout);
    if (len < HELP_COLUMN)
        printf("%*s", HELP_COLUMN - len, "");
    else
        printf("\n%*s", HELP_COLUMN, "");
    for (const char *p = text; *p; p++) {
        putchar(*p);
        if (*p == '\n' && p[1])
            printf("%*s", HELP_COLUMN, "");
    }
    putchar('\n');
}

static void usage_lines(void)
{
    const char *lead = "Usage:";
    for (int c = 0; c < CLI_CMD_COUNT; c++) {
        const char *s = cli_commands[c].synopsis;
        if (*s == '\0') { /* a command without arguments */
            printf("%-6s relgraph %s\n", lead, cli_commands[c].name);
            lead = "";
        }
        while (*s) {
            size_t n = strcspn(s, "\n");
            printf("%-6s relgraph %s %.*s\n", lead, cli_commands[c].name,
                   (int)n, s);
            lead = "";
            s += n + (s[n] == '\n');
        }
    }
}

static void option_entry(int i, cli_command cmd)
{
    const cli_option *o = &cli_options[i];
    char head[64];
    snprintf(head, sizeof(head), "  %c%c%c --%s%s%s%s",
             o->letter ? '-' : ' ', o->letter ? o->letter : ' ',
             o->letter ? ',' : ' ', o->name,
             o->arg == CLI_ARG_OPTIONAL ? "[="
             /* a value of two words (--path A B) is not one with "=" */
             : o->arg ? (strchr(o->metavar, ' ') ? " " : "=")
                      : "",
             o->arg ? o->metavar : "", o->arg == CLI_ARG_OPTIONAL ? "]" : "");
    entry(head, cli_option_help((cli_option_id)i, cmd));
}

static int in_section(unsigned commands, int sec)
{
    if (sec == CLI_SEC_EVERY)
        return commands == CLI_ALL;
    if (sec == CLI_SEC_OTHER)
        return (commands & CLI_TOP) != 0;
    return (commands & (1u << sec)) && commands != CLI_ALL &&
           !(commands & CLI_TOP);
}

void cli_section(const char *heading, int sec,
                 void (*each)(int opt, cli_command cmd))
{
    int first = 1;
    for (int i = 0; i < CLI_OPT_COUNT; i++) {
        if (cli_options[i].help == NULL ||
            !in_section(cli_options[i].commands, sec))
            continue;
        if (first)
            puts(heading);
        first = 0;
        each(i, (cli_command)sec);
    }
}

/* The options of section `sec` under `title`; nothing when it has none. */
static void section(const char *title, int sec)
{
    char heading[80];
    snprintf(heading, sizeof(heading), "\n%s", title);
    cli_section(heading, sec, option_entry);
}

void cli_help(void)
{
    usage_lines();
    printf("\n%s\nCommands:\n", intro);
    for (int c = 0; c < CLI_CMD_COUNT; c++) {
        char head[32];
        snprintf(head, sizeof(head), "  %s", cli_commands[c].name);
        entry(head, cli_commands[c].summary);
    }
    for (int c = 0; c < CLI_CMD_COUNT; c++) {
        char title[64];
        snprintf(title, sizeof(title), "%c%s options:",
                 toupper((unsigned char)cli_commands[c].name[0]),
                 cli_commands[c].name + 1);
        section(title, c);
    }
    section("Options of every command:", CLI_SEC_EVERY);
    section("Other options:", CLI_SEC_OTHER);
    printf("\n%s%s", ending, cli_examples);
}
