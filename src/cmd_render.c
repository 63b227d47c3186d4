/* relgraph render: one document to its outputs (-o, -T), laid out in
 * this process under the library's guard, or many documents to
 * DIR/<name>.<format> (--outdir), each read and checked while the
 * library's worker lays out the one before it. State: none beyond each
 * call's. */
#include "cli.h"
#include "cli_print.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Whether actor `a` has `ref` as its name or one of its aliases. */
static int named(const rg_actor *a, const char *ref)
{
    if (strcmp(a->name, ref) == 0)
        return 1;
    for (size_t j = 0; j < a->aliases.n; j++)
        if (strcmp(a->aliases.v[j], ref) == 0)
            return 1;
    return 0;
}

/* Says why `option` `ref` (--focus, --path) names no actor: none has
 * it, or several share it as a name or alias, listed by id (the first 5)
 * so that the user can pick one. */
static void actor_unknown(const rg_doc *doc, const char *input,
                          const char *option, const char *ref,
                          rg_diags *diags)
{
    char list[512] = "";
    size_t shown = 0, more = 0, len = 0;
    for (size_t i = 0; i < rg_doc_actor_count(doc); i++) {
        const rg_actor *a = rg_doc_actor(doc, i);
        if (!named(a, ref))
            continue;
        if (shown == 5) {
            more++;
            continue;
        }
        int w = snprintf(list + len, sizeof(list) - len, "%s\"%s\"",
                         shown ? ", " : "", a->id);
        if (w < 0 || (size_t)w >= sizeof(list) - len) {
            more++;
            continue;
        }
        len += (size_t)w;
        shown++;
    }
    if (more > 0)
        snprintf(list + len, sizeof(list) - len, " and %zu more", more);
    if (shown + more > 1)
        rg_diags_add(diags, RG_ERROR, input,
                     "%s %s: several actors have this name or alias: "
                     "%s; give one's id", option, ref, list);
    else if (rg_doc_suggest_actor(doc, ref) != NULL)
        rg_diags_add(diags, RG_ERROR, input,
                     "%s %s: no actor has this id, name or alias; did "
                     "you mean \"%s\"?", option, ref,
                     rg_doc_suggest_actor(doc, ref));
    else
        rg_diags_add(diags, RG_ERROR, input,
                     "%s %s: no actor has this id, nor is it the "
                     "name or alias of exactly one actor", option, ref);
}

/* The index of the actor `ref` names for `option` (--focus, --path), or
 * -1 with a diagnostic when no one actor has that id, name or alias, or
 * when --tlp withholds it or the period of --as-of or --between leaves
 * it out; `fix` is what to do instead ("focus on", "name"). */
static long check_actor(const cli_args *a, const rg_doc *doc,
                        const char *input, const char *option,
                        const char *fix, const char *ref, rg_diags *diags)
{
    long k = rg_doc_find_actor(doc, ref);
    if (k < 0) {
        actor_unknown(doc, input, option, ref, diags);
    } else if (a->opts.tlp != NULL &&
               !rg_doc_actor_shared(doc, (size_t)k, a->opts.tlp)) {
        rg_diags_add(diags, RG_ERROR, input,
                     "%s %s: this actor is withheld at --tlp %s; %s one "
                     "that may be shared at that level",
                     option, ref, a->opts.tlp, fix);
        k = -1;
    } else if (!rg_doc_actor_in_period(doc, (size_t)k, &a->opts)) {
        rg_diags_add(diags, RG_ERROR, input,
                     "%s %s: this actor is not valid %s %s; %s one that "
                     "is, or add --fade to keep it", option, ref,
                     a->opts.as_of ? "as of" : "between",
                     a->opts.as_of ? a->opts.as_of : a->opts.between, fix);
        k = -1;
    }
    return k;
}

/* Checks the two actors of --path (check_actor), not the same. Returns
 * EXIT_OK or EXIT_USAGE. */
static int check_path(const cli_args *a, const rg_doc *doc,
                      const char *input, rg_diags *diags)
{
    const char *ref[2] = {a->opts.path_from, a->opts.path_to};
    long k[2] = {-1, -1};
    int rc = EXIT_OK;
    for (int i = 0; i < 2 && ref[0] != NULL; i++)
        if ((k[i] = check_actor(a, doc, input, "--path", "name", ref[i],
                                diags)) < 0)
            rc = EXIT_USAGE;
    if (rc == EXIT_OK && ref[0] != NULL && k[0] == k[1]) {
        rg_diags_add(diags, RG_ERROR, input,
                     "--path %s %s: both name the actor \"%s\"; a chain "
                     "joins two different actors", ref[0], ref[1],
                     rg_doc_actor(doc, (size_t)k[0])->id);
        rc = EXIT_USAGE;
    }
    return rc;
}

/* Loads a document to render and checks the --focus actors. Returns
 * EXIT_OK, EXIT_INPUT or EXIT_USAGE; *doc is set even on failure (or
 * NULL). */
int cli_render_load(const cli_args *a, const char *input, rg_doc **doc,
                    rg_diags *diags)
{
    int rc = EXIT_OK;
    /* --strict is about the document; Graphviz's warnings stay warnings. */
    rg_load_opts o = cli_load_opts(a);
    rg_diags_set_strict(diags, a->strict);
    int bad = rg_doc_load_file_opts(doc, input, &o, diags) != 0;
    rg_diags_set_strict(diags, false);
    if (bad)
        return EXIT_INPUT;
    if (a->opts.view == RG_VIEW_TIMELINE && !rg_doc_any_dated(*doc)) {
        rg_diags_add(diags, RG_ERROR, input,
                     "--view timeline needs dates, and no actor or link "
                     "has one; give links or events a \"date\" (YYYY, "
                     "YYYY-MM or YYYY-MM-DD), or draw --view graph");
        return EXIT_INPUT;
    }
    for (size_t i = 0; i < a->opts.n_focus; i++)
        if (check_actor(a, *doc, input, "--focus", "focus on",
                        a->opts.focus[i], diags) < 0)
            rc = EXIT_USAGE;
    return rc != EXIT_OK ? rc : check_path(a, *doc, input, diags);
}

/* Whether a render failed because no chain joins the --path actors: a
 * finding about the document, not trouble. */
static int no_chain(const rg_diags *diags)
{
    for (size_t i = 0; i < rg_diags_count(diags); i++) {
        const rg_diag *d = rg_diags_get(diags, i);
        if (d->severity == RG_ERROR && strcmp(d->path, "--path") == 0)
            return 1;
    }
    return 0;
}

/* The guard's end of a render (Graphviz crashed, ran out of time or
 * ended the program): every diagnostic so far, the one saying so last.
 * It runs in a signal handler, so it must not allocate: standard error's
 * buffer is static (main.c), and the printing uses only plain %s and %d
 * formats, which glibc's printf writes without malloc. stdio's lock on
 * standard error is recursive, so a handler that interrupted a write to
 * it interleaves its text rather than waiting. */
static void on_fatal(const rg_diags *diags, void *ctx)
{
    (void)ctx;
    cli_print_diags(diags);
    fflush(stderr);
    _exit(EXIT_OUTPUT);
}

/* Renders one document to `n` files and, when to_stdout, one more format
 * to standard output. Returns an exit status.
 *
 * A command that renders one document and then ends lays it out in this
 * process under the library's guard (RG_ISOLATE_GUARD), cheaper than a
 * child; batches keep the library's child processes: they go on past a
 * crash. With --diagnostics=json a child too: what Graphviz writes
 * straight to stderr (a failed assertion) would break the JSON, and only
 * a child's stderr is caught. */
static int render_one(const cli_args *a, rg_renderer **r, const char *input,
                      const char *const *paths, const rg_format *fmts, int n,
                      rg_diags *diags)
{
    int rc = EXIT_OUTPUT;
    rg_doc *doc = NULL;
    rg_output *outs = NULL;
    rg_format formats[RG_FORMAT_COUNT + 17];
    size_t nf = 0;
    int st = cli_render_load(a, input, &doc, diags);
    if (st != EXIT_OK) {
        rc = st;
        goto out;
    }
    for (int i = 0; i < n; i++)
        formats[nf++] = fmts[i];
    if (a->to_stdout)
        formats[nf++] = a->stdout_format;
    if (*r == NULL && (*r = rg_renderer_new(diags)) == NULL)
        goto out;
    rg_render_opts ro = a->opts;
    if (ro.isolation == RG_ISOLATE_CHILD && !cli_print_is_json()) {
        ro.isolation = RG_ISOLATE_GUARD;
        ro.on_fatal = on_fatal;
    }
    if (rg_render(&outs, *r, doc, &ro, formats, nf, diags) != 0) {
        if (no_chain(diags))
            rc = EXIT_INPUT;
        goto out;
    }
    rg_file files[RG_FORMAT_COUNT + 16];
    for (int i = 0; i < n; i++)
        files[i] = (rg_file){paths[i], outs[i].data, outs[i].size};
    if (rg_write_files_flags(files, (size_t)n, a->write_flags, diags) != 0)
        goto out;
    if (a->to_stdout) {
        const rg_output *o = &outs[nf - 1];
        if (cli_write_stdout(o->data, o->size, diags) != 0)
            goto out;
    }
    rc = EXIT_OK;
out:
    rg_outputs_free(outs, nf);
    rg_doc_free(doc);
    return rc;
}

/* DIR/<stem><suffix> (".svg", ".stix.json", "-actors.csv"), where the
 * stem is the input's file name without its extension ("stdin" for
 * standard input). */
static char *batch_path(const char *dir, const char *input, rg_format f)
{
    const char *base = strrchr(input, '/');
    base = base ? base + 1 : input;
    if (strcmp(input, "-") == 0)
        base = "stdin";
    const char *dot = strrchr(base, '.');
    int stem = dot && dot != base ? (int)(dot - base) : (int)strlen(base);
    size_t len = strlen(dir) + (size_t)stem + 16;
    char *p = malloc(len);
    if (p != NULL)
        snprintf(p, len, "%s%s%.*s%s", dir,
                 dir[strlen(dir) - 1] == '/' ? "" : "/", stem, base,
                 rg_format_suffix(f));
    return p;
}

/* One document of a batch. */
typedef struct batch_doc {
    rg_diags *diags;
    rg_doc *doc;
    char *paths[RG_FORMAT_COUNT];
    rg_output *outs;
    int status; /* the exit status it asks for; EXIT_OK so far */
    int begun;
} batch_doc;

static void batch_load(const cli_args *a, batch_doc *bd, const char *input)
{
    memset(bd, 0, sizeof(*bd));
    bd->status = EXIT_OUTPUT;
    if ((bd->diags = rg_diags_new()) == NULL)
        return;
    for (int k = 0; k < a->n_batch; k++)
        if ((bd->paths[k] = batch_path(a->outdir, input, a->batch[k])) == NULL)
            return;
    bd->status = cli_render_load(a, input, &bd->doc, bd->diags);
}

/* Writes a document's files and prints its diagnostics; frees it. Returns
 * its exit status. */
static int batch_finish(const cli_args *a, batch_doc *bd)
{
    if (bd->outs != NULL) {
        rg_file files[RG_FORMAT_COUNT];
        for (int k = 0; k < a->n_batch; k++)
            files[k] = (rg_file){bd->paths[k], bd->outs[k].data,
                                 bd->outs[k].size};
        if (rg_write_files_flags(files, (size_t)a->n_batch, a->write_flags,
                                 bd->diags) != 0)
            bd->status = EXIT_OUTPUT;
        rg_outputs_free(bd->outs, (size_t)a->n_batch);
    }
    for (int k = 0; k < a->n_batch; k++)
        free(bd->paths[k]);
    if (bd->diags != NULL)
        cli_print_diags(bd->diags);
    rg_doc_free(bd->doc);
    rg_diags_free(bd->diags);
    return bd->status;
}

/* An output of a batch, for finding two that are the same file. */
typedef struct batch_out {
    char *path;
    int input;
} batch_out;

static int by_path(const void *x, const void *y)
{
    const batch_out *a = x, *b = y;
    int c = strcmp(a->path, b->path);
    return c ? c : a->input - b->input;
}

/* Whether two inputs are the same file (named alike, or the same inode):
 * rendered twice, it writes the same bytes twice, which is harmless. */
static int same_input(const char *x, const char *y)
{
    struct stat sx, sy;
    if (strcmp(x, y) == 0)
        return 1;
    return strcmp(x, "-") != 0 && strcmp(y, "-") != 0 && stat(x, &sx) == 0 &&
           stat(y, &sy) == 0 && sx.st_dev == sy.st_dev &&
           sx.st_ino == sy.st_ino;
}

/* Two inputs of a batch that would write the same file (a/doc.json and
 * b/doc.json both to DIR/doc.svg) are a usage error before anything is
 * written: else the last would silently win. Returns an exit status. */
static int batch_collisions(const cli_args *a)
{
    size_t n = (size_t)a->n_inputs * (size_t)a->n_batch, k = 0;
    batch_out *outs = calloc(n ? n : 1, sizeof(*outs));
    int rc = EXIT_OUTPUT;
    if (outs == NULL)
        goto out;
    for (int i = 0; i < a->n_inputs; i++)
        for (int f = 0; f < a->n_batch; f++, k++)
            if ((outs[k] = (batch_out){batch_path(a->outdir, a->inputs[i],
                                                  a->batch[f]), i})
                    .path == NULL)
                goto out;
    qsort(outs, n, sizeof(*outs), by_path);
    rc = EXIT_OK;
    for (k = 1; k < n && rc == EXIT_OK; k++)
        if (strcmp(outs[k - 1].path, outs[k].path) == 0 &&
            !same_input(a->inputs[outs[k - 1].input],
                        a->inputs[outs[k].input]))
            rc = cli_usage_error("'%s' and '%s' would both be written to '%s'; "
                             "render them in separate runs or rename one",
                             a->inputs[outs[k - 1].input],
                             a->inputs[outs[k].input], outs[k].path);
out:
    if (rc == EXIT_OUTPUT)
        fprintf(stderr, "%s: out of memory\n", CLI_PROG);
    for (k = 0; outs != NULL && k < n; k++)
        free(outs[k].path);
    free(outs);
    return rc;
}

/* Many documents, each to DIR/<stem>.<format>: a document is read and
 * checked while the worker lays out the one before it (rg_render_begin/
 * end); its files are written, and its diagnostics printed, before the
 * next one is rendered. Goes on past a bad document and returns the
 * worst status. */
static int render_batch(const cli_args *a)
{
    int rc = EXIT_OK;
    rg_renderer *r = NULL;
    batch_doc prev = {0}, cur = {0}, done;
    for (int i = 0; i <= a->n_inputs; i++) {
        if (i < a->n_inputs)
            batch_load(a, &cur, a->inputs[i]);
        done = prev;
        if (done.begun && rg_render_end(&done.outs, r) != 0)
            done.status = no_chain(done.diags) ? EXIT_INPUT : EXIT_OUTPUT;
        if (i > 0) {
            int st = batch_finish(a, &done);
            if (st > rc)
                rc = st;
        }
        if (i < a->n_inputs && cur.status == EXIT_OK) {
            if (r == NULL && (r = rg_renderer_new(cur.diags)) == NULL)
                cur.status = EXIT_OUTPUT;
            else if (rg_render_begin(r, cur.doc, &a->opts, a->batch,
                                     (size_t)a->n_batch, cur.diags) != 0)
                cur.status = EXIT_OUTPUT;
            else
                cur.begun = 1;
        }
        prev = cur;
        memset(&cur, 0, sizeof(cur));
    }
    rg_renderer_free(r);
    return rc;
}

/* A malformed SOURCE_DATE_EPOCH is an error when a PDF is to be written,
 * as reproducible-builds.org asks: else the PDF would silently carry
 * another date than the one meant. */
static int check_source_date(const cli_args *a)
{
    int pdf = a->to_stdout && a->stdout_format == RG_FORMAT_PDF;
    for (int i = 0; i < a->n_outputs; i++)
        pdf |= a->formats[i] == RG_FORMAT_PDF;
    for (int i = 0; a->outdir != NULL && i < a->n_batch; i++)
        pdf |= a->batch[i] == RG_FORMAT_PDF;
    long long t;
    if (pdf && rg_source_date_epoch(&t) != 0)
        return cli_usage_error("SOURCE_DATE_EPOCH must be whole seconds since "
                           "1970 (digits only, up to the year 9999), not "
                           "'%s'; fix it or unset it",
                           getenv("SOURCE_DATE_EPOCH"));
    return EXIT_OK;
}

/* What the options cannot say alone; settles where the outputs go. */
static int check_args(cli_args *a)
{
    if (a->n_inputs < 1)
        return cli_usage_error("%s", "render needs an input file ('-' for "
                                     "standard input)");
    if (a->outdir != NULL) {
        if (a->n_outputs > 0)
            return cli_usage_error("%s", "--outdir cannot be mixed with -o");
        if (a->n_batch == 0)
            a->batch[a->n_batch++] = RG_FORMAT_SVG;
        return EXIT_OK;
    }
    if (a->n_t > 1)
        return cli_usage_error("%s", "-T may be given once; use -o for more "
                                     "outputs, or --outdir");
    if (a->n_t == 1) {
        a->to_stdout = 1;
        a->stdout_format = a->batch[0];
    }
    if (a->n_inputs > 1)
        return cli_usage_error("render takes one input file; '%s' is one "
                               "too many", a->inputs[1]);
    if (a->n_outputs == 0 && !a->to_stdout)
        return cli_usage_error("%s", "say where to write: -o FILE or -T "
                                     "FORMAT");
    if (a->to_stdout && rg_format_is_binary(a->stdout_format) &&
        isatty(STDOUT_FILENO))
        return cli_usage_error("refusing to write %s to a terminal; redirect "
                               "standard output or use -o FILE",
                               rg_format_name(a->stdout_format));
    return EXIT_OK;
}

/* --paths and --through-groups need --path; --path and --focus both
 * choose what to draw. */
static int check_path_options(const cli_args *a)
{
    if ((a->opts.n_paths > 0 || a->opts.through_groups) &&
        a->opts.path_from == NULL)
        return cli_usage_error("%s needs --path A B: the actors the "
                               "chains join", a->opts.n_paths > 0
                                                  ? "--paths"
                                                  : "--through-groups");
    if (a->opts.path_from != NULL && a->opts.n_focus > 0)
        return cli_usage_error("%s", "--path and --focus both choose the "
                                     "actors to draw; use one of them");
    return EXIT_OK;
}

int cli_render_check(const cli_args *a)
{
    int rc;
    if (a->opts.focus_depth > 0 && a->opts.n_focus == 0)
        return cli_usage_error("%s", "--depth needs --focus ACTOR: the "
                                     "actors the depth is counted from");
    if (a->opts.view == RG_VIEW_TIMELINE &&
        (a->opts.engine != NULL || a->opts.direction != NULL))
        return cli_usage_error("--view timeline places everything by date "
                               "itself: it takes no %s; leave it out, or "
                               "draw --view graph",
                               a->opts.engine ? "--engine" : "--direction");
    if ((rc = check_path_options(a)) != EXIT_OK)
        return rc;
    if (a->opts.landscape && a->opts.page == RG_PAGE_NONE)
        return cli_usage_error("%s", "--landscape needs --page a4 or "
                                     "--page letter: the page it turns");
    char why[512];
    if (rg_render_check_dates(&a->opts, why, sizeof(why)) != 0)
        return cli_usage_error("%s", why);
    return check_source_date(a);
}

int cli_run_render(int argc, char **argv)
{
    cli_args a;
    int rc = cli_parse(&a, CLI_CMD_render, argc, argv, check_args);
    if (rc != EXIT_OK)
        return rc;
    if ((rc = cli_render_check(&a)) != EXIT_OK)
        return rc;
    rg_diags *diags = rg_diags_new();
    rg_renderer *r = NULL;
    if (diags == NULL)
        return EXIT_OUTPUT;
    if (a.outdir == NULL) {
        rc = render_one(&a, &r, a.inputs[0], a.outputs, a.formats,
                        a.n_outputs, diags);
        cli_print_diags(diags);
    } else if ((rc = batch_collisions(&a)) == EXIT_OK) {
        rc = render_batch(&a);
    }
    rg_renderer_free(r);
    rg_diags_free(diags);
    return rc;
}
