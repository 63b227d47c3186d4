/* relgraph check: loads each input and prints every problem found.
 * State: none. */
#include "cli.h"
#include "cli_print.h"

static int check_one(const cli_args *a, const char *input, rg_diags *diags)
{
    rg_doc *doc = NULL;
    int rc = EXIT_OK;
    rg_load_opts o = cli_load_opts(a);
    rg_diags_set_strict(diags, a->strict);
    /* A file that is skipped (a JSON Schema) fails to load with a note
     * and no error: that is not a failed check. */
    if (rg_doc_load_file_opts(&doc, input, &o, diags) != 0 &&
        rg_diags_count_severity(diags, RG_ERROR) > 0)
        rc = EXIT_INPUT;
    rg_doc_free(doc);
    return rc;
}

int cli_run_check(int argc, char **argv)
{
    cli_args a;
    int rc = cli_parse(&a, CLI_CMD_check, argc, argv, cli_need_inputs);
    return rc != EXIT_OK ? rc : cli_each_input(&a, check_one);
}
