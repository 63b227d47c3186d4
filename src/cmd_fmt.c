/* relgraph fmt: prints each input in the canonical layout, rewrites it
 * in place (-w), or only says whether it is formatted (--check). A file
 * with any error is left as it is. State: none. */
#include "cli.h"
#include "cli_print.h"

#include <stdlib.h>
#include <string.h>

static int fmt_one(const cli_args *a, const char *path, rg_diags *diags)
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
    } else {
        rc = cli_write_stdout(formatted, flen, diags) == 0 ? EXIT_OK
                                                           : EXIT_OUTPUT;
    }
out:
    free(text);
    free(formatted);
    return rc;
}

/* What the options cannot say alone. */
static int check_args(cli_args *a)
{
    int rc = cli_need_inputs(a);
    if (rc != EXIT_OK)
        return rc;
    if (a->write && a->check_only)
        return cli_usage_error("%s", "fmt takes -w or --check, not both");
    for (int i = 0; a->write && i < a->n_inputs; i++)
        if (strcmp(a->inputs[i], "-") == 0)
            return cli_usage_error("%s", "fmt -w cannot rewrite standard "
                                         "input; leave out -w");
    return EXIT_OK;
}

int cli_run_fmt(int argc, char **argv)
{
    cli_args a;
    int rc = cli_parse(&a, CLI_CMD_fmt, argc, argv, check_args);
    return rc != EXIT_OK ? rc : cli_each_input(&a, fmt_one);
}
