/* relgraph import: reads a document in another format (STIX, Cytoscape.js,
 * JGF, d3, CSV) and writes the relgraph document made of it, to a file
 * (replaced only when the import succeeds) or standard output. State:
 * none. */
#include "cli.h"
#include "cli_print.h"

#include <stdlib.h>

static int check_args(cli_args *a)
{
    if (a->n_inputs != 1)
        return cli_usage_error("%s", "import reads one input: relgraph "
                                     "import IN [-o OUT]");
    return EXIT_OK;
}

int cli_run_import(int argc, char **argv)
{
    cli_args a;
    int rc = cli_parse(&a, CLI_CMD_import, argc, argv, check_args);
    if (rc != EXIT_OK)
        return rc;
    rg_diags *diags = rg_diags_new();
    char *text = NULL;
    size_t len = 0;
    rg_load_opts o = cli_load_opts(&a);
    if (diags == NULL)
        return EXIT_OUTPUT;
    rg_diags_set_strict(diags, a.strict);
    rc = EXIT_INPUT;
    if (rg_doc_import_file(&text, &len, a.inputs[0], &o, diags) != 0)
        goto out;
    rg_diags_set_strict(diags, false);
    if (a.n_outputs == 1) {
        rg_file f = {a.outputs[0], text, len};
        rc = rg_write_files_flags(&f, 1, a.write_flags, diags) == 0
                 ? EXIT_OK : EXIT_OUTPUT;
    } else {
        rc = cli_write_stdout(text, len, diags) == 0 ? EXIT_OK : EXIT_OUTPUT;
    }
out:
    cli_print_diags(diags);
    rg_diags_free(diags);
    free(text);
    return rc;
}
