/* The relgraph command: picks the command (cli_commands.def) or answers
 * --help and --version, and reports a failed write of standard output.
 * Each command is in src/cmd_<name>.c, the options in cli_options.def,
 * the printing in cli_print.c. All behaviour is in the library. */
#include "cli.h"
#include "cli_print.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* Whether `arg` is option `opt` before a command: -h or --help. */
static int is_option(const char *arg, cli_option_id opt)
{
    const cli_option *o = &cli_options[opt];
    return (arg[0] == '-' && arg[1] == o->letter && arg[2] == '\0') ||
           (strncmp(arg, "--", 2) == 0 && strcmp(arg + 2, o->name) == 0);
}

/* The commands' names, as "a, b or c". */
static const char *command_names(char *buf, size_t cap)
{
    const char *names[CLI_CMD_COUNT + 1];
    for (int c = 0; c < CLI_CMD_COUNT; c++)
        names[c] = cli_commands[c].name;
    names[CLI_CMD_COUNT] = NULL;
    return cli_join(buf, cap, names, "", "or");
}

static int run(const char *cmd, int argc, char **argv)
{
    char list[128];
    if (is_option(cmd, CLI_OPT_help) || strcmp(cmd, "help") == 0) {
        cli_help();
        return EXIT_OK;
    }
    if (is_option(cmd, CLI_OPT_version)) {
        printf("relgraph %s (document format %d)\n", RG_VERSION,
               RG_FORMAT_VERSION);
        return EXIT_OK;
    }
    for (int c = 0; c < CLI_CMD_COUNT; c++)
        if (strcmp(cmd, cli_commands[c].name) == 0)
            return cli_commands[c].run(argc, argv);
    int rc = cli_run_hidden(cmd, argc, argv);
    if (rc >= 0)
        return rc;
    return cli_usage_error("unknown command '%s'; use %s", cmd,
                           command_names(list, sizeof(list)));
}

int main(int argc, char **argv)
{
    /* Diagnostics are printed a character at a time where they need
     * escaping: a write per line, not per character (200,000 errors took
     * 16 s of system time unbuffered). The buffer is static: stdio would
     * malloc one at the first write, and that first write can be the
     * guard's, from a signal handler that interrupted malloc (a
     * deadlock on the arena's lock, at a time limit). */
    static char err_buf[BUFSIZ];
    setvbuf(stderr, err_buf, _IOLBF, sizeof(err_buf));
    char list[128];
    if (argc < 2)
        return cli_usage_error("missing command: %s",
                               command_names(list, sizeof(list)));
    int rc = run(argv[1], argc - 1, argv + 1);
    /* A full disk shows up here for buffered output: report it. */
    if (fclose(stdout) != 0 && rc == EXIT_OK) {
        fprintf(stderr, "%s: cannot write standard output: %s\n", CLI_PROG,
                strerror(errno));
        rc = EXIT_OUTPUT;
    }
    return rc;
}
