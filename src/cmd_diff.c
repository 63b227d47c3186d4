/* relgraph diff: loads two documents (each checked as `check` does),
 * compares them and prints what changed as text, JSON or Markdown on
 * standard output; with -o, draws one chart of both with the changes
 * marked. Exit statuses as diff(1)'s: 0 equal, 1 different, 2 trouble
 * (a bad document, an output that cannot be written). State: none. */
#include "cli.h"
#include "cli_print.h"

#include <string.h>
#include <stdlib.h>

enum { DIFF_EQUAL = 0, DIFF_DIFFERENT = 1, DIFF_TROUBLE = 2 };

int cli_diff_format(cli_args *a, const char *arg)
{
    static const char *const names[] = {"text", "json", "md"};
    for (int i = 0; i < 3; i++) {
        if (strcmp(arg, names[i]) == 0) {
            a->diff_format = (rg_diff_format)i;
            return EXIT_OK;
        }
    }
    return cli_usage_error("diff --format takes text, json or md, not '%s'",
                           arg);
}

static int check_args(cli_args *a)
{
    if (a->n_inputs != 2)
        return cli_usage_error("%s", "diff takes two documents: OLD NEW");
    return EXIT_OK;
}

/* Loads both documents, each with every problem it has. */
static int load_both(const cli_args *a, rg_doc **docs, rg_diags *diags)
{
    rg_load_opts o = cli_load_opts(a);
    int bad = 0;
    rg_diags_set_strict(diags, a->strict);
    for (int i = 0; i < 2; i++)
        bad |= rg_doc_load_file_opts(&docs[i], a->inputs[i], &o, diags) != 0;
    rg_diags_set_strict(diags, false);
    return bad ? -1 : 0;
}

/* The union of both, laid out once, to every -o. */
static int draw(const cli_args *a, rg_diff *diff, rg_diags *diags)
{
    const rg_doc *u = rg_diff_union(diff, diags);
    rg_output *outs = NULL;
    rg_renderer *r = NULL;
    size_t n = (size_t)a->n_outputs;
    int rc = -1;
    if (u == NULL || (r = rg_renderer_new(diags)) == NULL)
        goto out;
    if (rg_render(&outs, r, u, &a->opts, a->formats, n, diags) != 0)
        goto out;
    rg_file files[16];
    for (size_t i = 0; i < n; i++)
        files[i] = (rg_file){a->outputs[i], outs[i].data, outs[i].size};
    rc = rg_write_files_flags(files, n, a->write_flags, diags);
out:
    rg_outputs_free(outs, outs ? n : 0);
    rg_renderer_free(r);
    return rc;
}

static int run(const cli_args *a, rg_diags *diags)
{
    rg_doc *docs[2] = {NULL, NULL};
    rg_diff *diff = NULL;
    char *text = NULL;
    size_t len = 0;
    int rc = DIFF_TROUBLE;
    if (load_both(a, docs, diags) != 0 ||
        rg_diff_new(&diff, docs[0], docs[1], diags) != 0 ||
        rg_diff_write(&text, &len, diff, a->diff_format, diags) != 0)
        goto out;
    if (a->n_outputs > 0 && draw(a, diff, diags) != 0)
        goto out;
    if (cli_write_stdout(text, len, diags) != 0)
        goto out;
    rc = rg_diff_equal(diff) ? DIFF_EQUAL : DIFF_DIFFERENT;
out:
    free(text);
    rg_diff_free(diff);
    rg_doc_free(docs[0]);
    rg_doc_free(docs[1]);
    return rc;
}

int cli_run_diff(int argc, char **argv)
{
    cli_args a;
    int rc = cli_parse(&a, CLI_CMD_diff, argc, argv, check_args);
    if (rc != EXIT_OK)
        return rc;
    rg_diags *diags = rg_diags_new();
    if (diags == NULL)
        return DIFF_TROUBLE;
    rc = run(&a, diags);
    cli_print_diags(diags);
    rg_diags_free(diags);
    return rc;
}
