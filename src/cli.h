/* The relgraph command's shared declarations: exit statuses, the commands
 * and options (described in cli_commands.def and cli_options.def), the
 * parsed command line, and the entry of each command. Not part of the
 * library: the command calls only include/relgraph.h, and reads the
 * format's word lists (engines, directions, themes) from the data table
 * src/docfmt.def. */
#ifndef RG_CLI_H
#define RG_CLI_H

#include "relgraph.h"

#include <stddef.h>

#define CLI_PROG "relgraph"

enum {
    EXIT_OK = 0,
    EXIT_INPUT = 1,
    EXIT_USAGE = 2,
    EXIT_OUTPUT = 3
};

typedef enum cli_command {
#define CLI_COMMAND(id, synopsis, summary) CLI_CMD_##id,
#include "cli_commands.def"
    CLI_CMD_COUNT
} cli_command;

/* A command of cli_commands.def. */
typedef struct cli_command_row {
    const char *name;
    const char *synopsis;
    const char *summary;
    int (*run)(int argc, char **argv);
} cli_command_row;

extern const cli_command_row cli_commands[CLI_CMD_COUNT];

/* Which commands take an option: a bit per command, and TOP for the
 * options before a command (relgraph --help). */
#define CLI_FOR(command) (1u << CLI_CMD_##command)
#define CLI_ALL ((1u << CLI_CMD_COUNT) - 1)
#define CLI_TOP (1u << CLI_CMD_COUNT)

typedef enum cli_option_id {
#define CLI_OPTION(id, l, s, arg, kind, lo, hi, values, commands, metavar, \
                   what, help)                                             \
    CLI_OPT_##id,
#include "cli_options.def"
    CLI_OPT_COUNT
} cli_option_id;

typedef enum cli_arg { CLI_ARG_NONE, CLI_ARG_REQUIRED, CLI_ARG_OPTIONAL } cli_arg;
typedef enum cli_kind {
    CLI_KIND_TEXT, CLI_KIND_NUMBER, CLI_KIND_WHOLE, CLI_KIND_SIZE,
    CLI_KIND_ENUM
} cli_kind;

/* An option of cli_options.def (see there for what each field means). */
typedef struct cli_option {
    const char *name;
    int letter;
    cli_arg arg;
    cli_kind kind;
    double lo, hi;
    const char *const *values; /* NULL-terminated, or NULL */
    unsigned commands;
    const char *metavar;
    const char *what;
    const char *help;
} cli_option;

extern const cli_option cli_options[CLI_OPT_COUNT];

/* The lines of option `opt` in command `cmd`'s section of --help. */
const char *cli_option_help(cli_option_id opt, cli_command cmd);

/* The command line of one command, as parsed. */
typedef struct cli_args {
    cli_command cmd;
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
    rg_load_opts load;        /* --actors, --sources, --groups,
                                 --keep-revoked */
    rg_diff_format diff_format;  /* diff --format */
    int serve;                /* watch --serve given */
    unsigned serve_port;      /* its PORT; 0: a free one */
} cli_args;

/* What render and watch refuse in their options together (--depth
 * without --focus, a period that is not one, ...). Returns EXIT_OK, or
 * EXIT_USAGE after saying why. */
int cli_render_check(const cli_args *a);
/* Loads `input` to render and checks the actors that --focus and --path
 * name. Returns EXIT_OK, EXIT_INPUT or EXIT_USAGE; *doc is set even on
 * failure (or NULL). */
int cli_render_load(const cli_args *a, const char *input, rg_doc **doc,
                    rg_diags *diags);

/* diff --format: text, json or md into a->diff_format (cmd_diff.c).
 * Returns EXIT_OK, or EXIT_USAGE after saying why. */
int cli_diff_format(cli_args *a, const char *arg);

/* How the command line asks for documents to be read: a->load with
 * --max-input. */
rg_load_opts cli_load_opts(const cli_args *a);

/* Parses the options of command `cmd` (argv[0] is its name) into `a`,
 * and the inputs that follow them, then has `check` (unless NULL) refuse
 * what the options cannot say alone. --help prints the help and exits.
 * Returns EXIT_OK, or EXIT_USAGE after saying why. */
int cli_parse(cli_args *a, cli_command cmd, int argc, char **argv,
              int (*check)(cli_args *a));

/* Refuses a command line without inputs, for the commands that take
 * several. Returns EXIT_OK, or EXIT_USAGE after saying why. */
int cli_need_inputs(cli_args *a);

/* Refuses `arg` as the value of option `opt`, in the words of its row.
 * Returns EXIT_USAGE. */
int cli_bad_value(cli_option_id opt, const char *arg);

/* `list` as "a, b or c" into buf (cut to fit), each item after `prefix`;
 * `last` joins the last two ("or", "and"). */
const char *cli_join(char *buf, size_t cap, const char *const *list,
                     const char *prefix, const char *last);

/* Prints --help to standard output. */
void cli_help(void);

/* The examples at the end of --help and in the man page. */
extern const char cli_examples[];

/* Sections of options in --help and the man page: one per command (the
 * options of some commands but not all, and not before one), then these
 * two. cli_section() prints `heading` (a line) and calls `each` for every
 * option of section `sec` that --help shows; nothing when there is none. */
enum { CLI_SEC_EVERY = CLI_CMD_COUNT, CLI_SEC_OTHER };
void cli_section(const char *heading, int sec,
                 void (*each)(int opt, cli_command cmd));

/* The hidden commands (names starting with "__", in no help): __man 1
 * and __man 5 write the man pages (cli_man.c), __bash-completion the
 * completion script, __complete-actors FILE the ids and names of FILE's
 * actors (cli_complete.c). Returns an exit status, or -1 when `cmd` is
 * none of them. */
int cli_run_hidden(const char *cmd, int argc, char **argv);
int cli_man(int section);

/* The commands, each in src/cmd_<id>.c: argv[0] is the command's name.
 * Each returns an exit status. */
#define CLI_COMMAND(id, synopsis, summary) int cli_run_##id(int argc, char **argv);
#include "cli_commands.def"

#endif
