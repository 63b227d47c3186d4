/* relgraph schema: prints the absolute path of the format's JSON Schema,
 * for a document's "$schema" or an editor's settings, from any folder.
 * Looked for, in order:
 *   1. <the binary's folder>/../graphs/relgraph.schema.json, then
 *      <the binary's folder>/../../graphs/relgraph.schema.json: the
 *      source tree's, when the binary is one `make` built (build/relgraph,
 *      or build/asan/relgraph for `make check`; not with a BUILD folder
 *      at another depth);
 *   2. RG_DATADIR/relgraph.schema.json: where `make install` puts it,
 *      RG_DATADIR being $(PREFIX)/share/relgraph as the Makefile compiled
 *      it in;
 *   3. <the binary's folder>/../share/relgraph/relgraph.schema.json: an
 *      installed tree moved elsewhere (or staged with DESTDIR).
 * The binary's folder comes from /proc/self/exe (Linux); where that is
 * missing, only 2 is looked at. State: none. */
#include "cli.h"
#include "cli_print.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef RG_DATADIR
#define RG_DATADIR "/usr/local/share/relgraph"
#endif
#define SCHEMA_FILE "relgraph.schema.json"

/* The folder `levels` above the running binary's (1: build/ for
 * build/relgraph, PREFIX for PREFIX/bin/relgraph) into buf, or "" when
 * unknown. The kernel's link is an absolute path without "..", so
 * cutting components off it is enough. */
static const char *up_dir(char *buf, size_t cap, int levels)
{
    ssize_t n = readlink("/proc/self/exe", buf, cap - 1);
    if (n <= 0 || (size_t)n >= cap - 1)
        return strcpy(buf, "");
    buf[n] = '\0';
    for (int k = 0; k <= levels; k++) {
        char *slash = strrchr(buf, '/');
        if (slash == NULL)
            return strcpy(buf, "");
        *slash = '\0';
    }
    return buf;
}

static int no_inputs(cli_args *a)
{
    if (a->n_inputs > 0)
        return cli_usage_error("schema takes no input; '%s' is one too many",
                               a->inputs[0]);
    return EXIT_OK;
}

int cli_run_schema(int argc, char **argv)
{
    cli_args a;
    int rc = cli_parse(&a, CLI_CMD_schema, argc, argv, no_inputs);
    if (rc != EXIT_OK)
        return rc;
    char up[PATH_MAX], up2[PATH_MAX], where[4][PATH_MAX + 64];
    int n = 0;
    up_dir(up, sizeof(up), 1);
    up_dir(up2, sizeof(up2), 2);
    if (up[0] != '\0')
        snprintf(where[n++], sizeof(where[0]), "%s/graphs/%s", up,
                 SCHEMA_FILE);
    if (up2[0] != '\0')
        snprintf(where[n++], sizeof(where[0]), "%s/graphs/%s", up2,
                 SCHEMA_FILE);
    snprintf(where[n++], sizeof(where[0]), "%s/%s", RG_DATADIR, SCHEMA_FILE);
    if (up[0] != '\0')
        snprintf(where[n++], sizeof(where[0]), "%s/share/relgraph/%s", up,
                 SCHEMA_FILE);
    for (int i = 0; i < n; i++) {
        if (access(where[i], R_OK) == 0) {
            printf("%s\n", where[i]);
            return EXIT_OK;
        }
    }
    fprintf(stderr, "%s: error: the JSON Schema is not installed: no ",
            CLI_PROG);
    for (int i = 0; i < n; i++) {
        cli_put_shown(where[i], 0);
        fputs(i + 2 < n ? ", " : i + 1 < n ? " or " : "", stderr);
    }
    fprintf(stderr, "; 'make install' puts it in %s\n", RG_DATADIR);
    return EXIT_OUTPUT;
}
