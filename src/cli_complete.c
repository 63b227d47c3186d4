/* Shell completion: the hidden command `relgraph __bash-completion`
 * writes the bash completion script from cli_commands.def and
 * cli_options.def (commands, each command's options, each option's
 * words, and what its argument is by its metavar: files of an extension,
 * folders, actors), and `relgraph __complete-actors FILE` lists the ids
 * and names of FILE's actors, one a line, for --focus; nothing at all for
 * a file that does not load. Also the dispatch of the hidden commands.
 * State: none. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- __complete-actors ---- */

/* Whether `s` can be a line of the list: no control character in it (a
 * newline would make it two). The shell quotes what it completes. */
static int one_line(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            return 0;
    return 1;
}

static int complete_actors(int argc, char **argv)
{
    if (argc != 2)
        return EXIT_USAGE;
    rg_diags *diags = rg_diags_new();
    rg_doc *doc = NULL;
    rg_load_opts opts;
    rg_load_opts_init(&opts);
    if (diags == NULL || rg_doc_load_file_opts(&doc, argv[1], &opts,
                                               diags) != 0) {
        rg_diags_free(diags);
        return EXIT_INPUT;
    }
    size_t n = rg_doc_actor_count(doc);
    for (size_t i = 0; i < n; i++)
        if (one_line(rg_doc_actor(doc, i)->id))
            printf("%s\n", rg_doc_actor(doc, i)->id);
    for (size_t i = 0; i < n; i++) {
        const rg_actor *a = rg_doc_actor(doc, i);
        if (strcmp(a->name, a->id) != 0 && one_line(a->name))
            printf("%s\n", a->name);
    }
    rg_doc_free(doc);
    rg_diags_free(diags);
    return EXIT_OK;
}

/* ---- __bash-completion ---- */

/* The fixed part: helpers, and how the line is read. */
static const char script_head[] =
    "# bash completion for relgraph(1). Written by `relgraph\n"
    "# __bash-completion` from the tables --help is made from: do not edit.\n"
    "\n"
    "# The candidates among the lines of standard input that start with\n"
    "# $_rg_cur, each quoted for the shell.\n"
    "_relgraph_lines() {\n"
    "    local w\n"
    "    while IFS= read -r w; do\n"
    "        [[ $w == \"$_rg_cur\"* ]] && COMPREPLY+=(\"$(printf '%q' \"$w\")\")\n"
    "    done\n"
    "}\n"
    "_relgraph_files() { # $1: extensions, a|b|c; empty: any file\n"
    "    local f e exts\n"
    "    IFS='|' read -r -a exts <<< \"$1\"\n"
    "    compopt -o filenames 2>/dev/null\n"
    "    while IFS= read -r f; do\n"
    "        if [[ -d $f || -z $1 ]]; then COMPREPLY+=(\"$f\"); continue; fi\n"
    "        for e in \"${exts[@]}\"; do\n"
    "            [[ $f == *.\"$e\" ]] && { COMPREPLY+=(\"$f\"); break; }\n"
    "        done\n"
    "    done < <(compgen -f -- \"$_rg_cur\")\n"
    "}\n"
    "_relgraph_dirs() {\n"
    "    compopt -o filenames 2>/dev/null\n"
    "    mapfile -t COMPREPLY < <(compgen -d -- \"$_rg_cur\")\n"
    "}\n"
    "# The actors of the document on the line (its first input).\n"
    "_relgraph_actors() {\n"
    "    local i w doc= skip=0\n"
    "    for ((i = _rg_cmdi + 1; i < COMP_CWORD; i++)); do\n"
    "        w=${COMP_WORDS[i]}\n"
    "        if ((skip)); then skip=0; continue; fi\n"
    "        [[ $w == = ]] && { skip=1; continue; }\n"
    "        if [[ $w == -* ]]; then\n"
    "            [[ $w != *=* ]] && _relgraph_takes_arg \"$w\" && skip=1\n"
    "            continue\n"
    "        fi\n"
    "        doc=$w; break\n"
    "    done\n"
    "    [[ -z $doc ]] && return\n"
    "    doc=${doc/#\\~/$HOME}\n"
    "    [[ -f $doc ]] || return\n"
    "    _relgraph_lines < <(\"${COMP_WORDS[0]/#\\~/$HOME}\" __complete-actors "
    "\"$doc\" 2>/dev/null)\n"
    "}\n";

static const char script_main[] =
    "_relgraph() {\n"
    "    local cur=${COMP_WORDS[COMP_CWORD]} prev= prev2= cmd= i\n"
    "    local _rg_cur _rg_cmdi=0\n"
    "    COMPREPLY=()\n"
    "    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD-1]}\n"
    "    ((COMP_CWORD > 1)) && prev2=${COMP_WORDS[COMP_CWORD-2]}\n"
    "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
    "        [[ ${COMP_WORDS[i]} == -* ]] && continue\n"
    "        cmd=${COMP_WORDS[i]}; _rg_cmdi=$i; break\n"
    "    done\n"
    "    if [[ $cur == --*=* ]]; then prev=${cur%%=*}; cur=${cur#*=}\n"
    "    elif [[ $cur == = ]]; then cur=\n"
    "    elif [[ $prev == = ]]; then prev=$prev2\n"
    "        ((COMP_CWORD > 2)) && prev2=${COMP_WORDS[COMP_CWORD-3]}\n"
    "    fi\n"
    "    # a word begun with a quote: completed without it, quoted again\n"
    "    _rg_cur=$cur\n"
    "    [[ $_rg_cur == [\\\"\\']* ]] && _rg_cur=${_rg_cur:1}\n"
    "    _rg_cur=${_rg_cur//\\\\/}\n"
    "    [[ -n $cmd ]] && _relgraph_value \"$prev\" \"$prev2\" && return\n"
    "    if [[ -z $cmd ]]; then\n"
    "        if [[ $cur == -* ]]; then\n"
    "            mapfile -t COMPREPLY < <(compgen -W \"$_rg_top_opts\" -- \"$cur\")\n"
    "        else\n"
    "            mapfile -t COMPREPLY < <(compgen -W \"$_rg_commands\" -- \"$cur\")\n"
    "        fi\n"
    "        return\n"
    "    fi\n"
    "    if [[ $cur == -* ]]; then\n"
    "        mapfile -t COMPREPLY < <(compgen -W \"$(_relgraph_options \"$cmd\")\" "
    "-- \"$cur\")\n"
    "        return\n"
    "    fi\n"
    "    _relgraph_inputs \"$cmd\"\n"
    "}\n"
    "complete -F _relgraph relgraph\n";

/* What completes an option's argument, by its row. */
typedef enum arg_kind { ARG_NOTHING, ARG_WORDS, ARG_ACTORS, ARG_OUT,
                        ARG_DIR, ARG_CSV, ARG_IN } arg_kind;

static arg_kind arg_kind_of(const cli_option *o)
{
    const char *m = o->metavar ? o->metavar : "";
    if (o->values != NULL)
        return ARG_WORDS;
    if (strstr(m, "ACTOR") != NULL)
        return ARG_ACTORS;
    if (strcmp(m, "OUT") == 0)
        return ARG_OUT;
    if (strcmp(m, "DIR") == 0)
        return ARG_DIR;
    if (strcmp(m, "CSV") == 0)
        return ARG_CSV;
    if (strcmp(m, "IN") == 0 || strcmp(m, "FILE") == 0)
        return ARG_IN;
    return ARG_NOTHING;
}

/* The extensions of output files: the formats' names that are one
 * (csv-actors is a suffix of csv), and json (.stix.json). */
static void out_extensions(void)
{
    const char *const *v = cli_options[CLI_OPT_format].values;
    for (; v && *v; v++)
        if (strchr(*v, '-') == NULL)
            printf("%s|", *v);
    printf("json");
}

/* `s` as one word of the shell, single-quoted. */
static void sh_word(const char *s)
{
    putchar('\'');
    for (; *s; s++)
        if (*s == '\'')
            fputs("'\\''", stdout);
        else
            putchar(*s);
    putchar('\'');
}

/* The case pattern of option `o`: -x|--name. */
static void pattern(const cli_option *o)
{
    if (o->letter)
        printf("-%c|", o->letter);
    printf("--%s", o->name);
}

static void value_arm(const cli_option *o)
{
    printf("    ");
    pattern(o);
    printf(")");
    switch (arg_kind_of(o)) {
    case ARG_WORDS:
        printf(" _relgraph_lines < <(printf '%%s\\n'");
        for (const char *const *v = o->values; *v; v++) {
            putchar(' ');
            sh_word(*v);
        }
        printf(")");
        break;
    case ARG_ACTORS: printf(" _relgraph_actors"); break;
    case ARG_OUT:
        printf(" _relgraph_files '");
        out_extensions();
        printf("'");
        break;
    case ARG_DIR: printf(" _relgraph_dirs"); break;
    case ARG_CSV: printf(" _relgraph_files csv"); break;
    case ARG_IN: printf(" _relgraph_files 'json|csv'"); break;
    case ARG_NOTHING: printf(" :"); break;
    }
    printf(" ;;\n");
}

/* _relgraph_value PREV PREV2: completes the argument of option PREV
 * (returns 0), or of PREV2 when it takes two actors; else returns 1. */
static void value_function(void)
{
    printf("_relgraph_value() {\n    case $1 in\n");
    for (int i = 0; i < CLI_OPT_COUNT; i++)
        if (cli_options[i].arg == CLI_ARG_REQUIRED)
            value_arm(&cli_options[i]);
    printf("    *) case $2 in\n");
    for (int i = 0; i < CLI_OPT_COUNT; i++) {
        const cli_option *o = &cli_options[i];
        if (o->arg == CLI_ARG_REQUIRED && arg_kind_of(o) == ARG_ACTORS &&
            strchr(o->metavar, ' ') != NULL) {
            printf("        ");
            pattern(o);
            printf(") _relgraph_actors; return 0 ;;\n");
        }
    }
    printf("        esac; return 1 ;;\n    esac\n    return 0\n}\n");
    printf("_relgraph_takes_arg() {\n    case $1 in\n");
    for (int i = 0; i < CLI_OPT_COUNT; i++)
        if (cli_options[i].arg == CLI_ARG_REQUIRED) {
            printf("    ");
            pattern(&cli_options[i]);
            printf(") return 0 ;;\n");
        }
    printf("    esac\n    return 1\n}\n");
}

/* _relgraph_options CMD: the options of CMD (those --help shows). */
static void options_function(void)
{
    printf("_relgraph_options() {\n    case $1 in\n");
    for (int c = 0; c < CLI_CMD_COUNT; c++) {
        printf("    %s) echo '", cli_commands[c].name);
        for (int i = 0; i < CLI_OPT_COUNT; i++) {
            const cli_option *o = &cli_options[i];
            if (o->help == NULL || !(o->commands & (1u << c)))
                continue;
            if (o->letter)
                printf("-%c ", o->letter);
            printf("--%s ", o->name);
        }
        printf("' ;;\n");
    }
    printf("    esac\n}\n");
}

/* _relgraph_inputs CMD: the files a command reads (those whose synopsis
 * names IN). */
static void inputs_function(void)
{
    printf("_relgraph_inputs() {\n    case $1 in\n");
    for (int c = 0; c < CLI_CMD_COUNT; c++)
        if (strstr(cli_commands[c].synopsis, "IN") != NULL)
            printf("    %s) _relgraph_files 'json|csv' ;;\n",
                   cli_commands[c].name);
    printf("    esac\n}\n");
}

static int bash_completion(void)
{
    fputs(script_head, stdout);
    value_function();
    options_function();
    inputs_function();
    printf("_rg_commands='");
    for (int c = 0; c < CLI_CMD_COUNT; c++)
        printf("%s%s", c ? " " : "", cli_commands[c].name);
    printf("'\n_rg_top_opts='");
    for (int i = 0; i < CLI_OPT_COUNT; i++)
        if (cli_options[i].commands & CLI_TOP) {
            if (cli_options[i].letter)
                printf("-%c ", cli_options[i].letter);
            printf("--%s ", cli_options[i].name);
        }
    printf("'\n");
    fputs(script_main, stdout);
    return EXIT_OK;
}

int cli_run_hidden(const char *cmd, int argc, char **argv)
{
    if (strcmp(cmd, "__man") == 0)
        return argc == 2 ? cli_man(atoi(argv[1])) : EXIT_USAGE;
    if (strcmp(cmd, "__bash-completion") == 0)
        return bash_completion();
    if (strcmp(cmd, "__complete-actors") == 0)
        return complete_actors(argc, argv);
    return -1;
}
