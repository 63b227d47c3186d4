/* The relgraph command's printing on standard error: text fit for a
 * terminal (escaping), usage errors, and diagnostics as compilers print
 * them (file:line:column, a caret under the spot) or as JSON for editors.
 * State: whether diagnostics are printed as JSON (--diagnostics). */
#include "cli_print.h"

#include "cli.h"

#include "escape.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *prog = CLI_PROG;

/* ---- text fit for a terminal ----
 *
 * File names, document values and source lines reach the terminal in
 * diagnostics. Control characters (C0 but tab, DEL, C1) could move the
 * cursor, retitle the window or clear the screen, and the bidirectional
 * controls (U+061C, U+200E/F, U+202A-E, U+2066-9) reorder what follows,
 * so that a message shows other than what it says. They are printed
 * escaped, as \x1b or \u202e, and so is each byte that is not UTF-8 (as
 * \xff). A backslash is printed as it is. */

static int show_char(const char **s, char out[16], int keep_tab)
{
    const unsigned char *u = (const unsigned char *)*s;
    unsigned cp = 0;
    int n = rg_escape__utf8(*s, &cp);
    if (n == 0) {
        *s += 1;
        return snprintf(out, 16, "\\x%02x", u[0]);
    }
    *s += n;
    if (cp == '\t' && !keep_tab)
        return snprintf(out, 16, "\\t");
    if (rg_escape__obeyed(cp))
        return snprintf(out, 16, cp < 0x80 ? "\\x%02x" : "\\u%04x", cp);
    memcpy(out, u, (size_t)n);
    out[n] = '\0';
    return 1;
}

void cli_put_shown(const char *s, int keep_tab)
{
    char c[16];
    while (s && *s) {
        show_char(&s, c, keep_tab);
        fputs(c, stderr);
    }
}

int cli_usage_error(const char *fmt, ...)
{
    /* The arguments quoted come from the command line: show them. */
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    fprintf(stderr, "%s: ", prog);
    cli_put_shown(msg, 0);
    fprintf(stderr, "\nTry 'relgraph --help' for more information.\n");
    return EXIT_USAGE;
}

/* ---- diagnostics ---- */

typedef struct palette {
    const char *bold, *error, *warning, *note, *caret, *reset;
} palette;

static palette colours(void)
{
    const char *nc = getenv("NO_COLOR");
    if ((nc != NULL && *nc) || !isatty(STDERR_FILENO))
        return (palette){"", "", "", "", "", ""};
    return (palette){"\033[1m", "\033[1;31m", "\033[1;35m", "\033[1;36m",
                     "\033[1;32m", "\033[0m"};
}

static void print_caret(const rg_diag *d, const palette *c)
{
    if (d->source_line == NULL || d->line <= 0)
        return;
    fprintf(stderr, "%5d | ", d->line);
    cli_put_shown(d->source_line, 1);
    fprintf(stderr, "\n      | ");
    /* Walk the line by characters as the columns count them (a byte that
     * is not a continuation byte starts one), each padded to the width it
     * was printed in, so that tabs and escapes keep the caret in place. */
    const char *s = d->source_line;
    char shown_c[16];
    int col = 1;
    while (*s && col < d->column) {
        int tab = *s == '\t', counts = ((unsigned char)*s & 0xC0) != 0x80;
        for (int w = show_char(&s, shown_c, 1); w > 0; w--)
            fputc(tab ? '\t' : ' ', stderr);
        col += counts;
    }
    fputs(c->caret, stderr);
    for (int first = 1; col < d->end_column || first; first = 0) {
        int w = 1;
        if (*s) {
            col += ((unsigned char)*s & 0xC0) != 0x80;
            w = show_char(&s, shown_c, 1);
        } else {
            col++;
        }
        for (; w > 0; w--, first = 0)
            fputc(first ? '^' : '~', stderr);
    }
    fprintf(stderr, "%s\n", c->reset);
}

/* Diagnostics as JSON for editor plug-ins: one array per input, on
 * standard error like the text form, so that it never mixes with a chart
 * written to standard output. */
static int diag_json;

void cli_diags_json(rg_buf *b, const rg_diags *diags)
{
    static const char *const sev[] = {"error", "warning", "note"};
    rg_buf__putc(b, '[');
    for (size_t i = 0; diags != NULL && i < rg_diags_count(diags); i++) {
        const rg_diag *d = rg_diags_get(diags, i);
        rg_buf__puts(b, i ? ",\n  {\"file\": " : "\n  {\"file\": ");
        rg_escape__json_shown(b, d->file);
        rg_buf__printf(b, ", \"line\": %d, \"column\": %d, "
                          "\"end_column\": %d, \"severity\": \"%s\", "
                          "\"path\": ",
                       d->line, d->column, d->end_column, sev[d->severity]);
        rg_escape__json_shown(b, d->path);
        rg_buf__puts(b, ", \"message\": ");
        rg_escape__json_shown(b, d->message);
        rg_buf__puts(b, ", \"suggestion\": ");
        if (d->suggestion)
            rg_escape__json_shown(b, d->suggestion);
        else
            rg_buf__puts(b, "null");
        rg_buf__putc(b, '}');
    }
    rg_buf__puts(b, diags != NULL && rg_diags_count(diags) ? "\n]" : "]");
}

static void print_diags_json(const rg_diags *diags)
{
    rg_buf b = {0};
    cli_diags_json(&b, diags);
    if (b.oom)
        fputs("[]\n", stderr);
    else
        fprintf(stderr, "%s\n", rg_buf__str(&b));
    rg_buf__free(&b);
}

void cli_print_diags(const rg_diags *diags)
{
    if (diag_json) {
        print_diags_json(diags);
        return;
    }
    palette c = colours();
    for (size_t i = 0; i < rg_diags_count(diags); i++) {
        const rg_diag *d = rg_diags_get(diags, i);
        const char *sev = d->severity == RG_ERROR     ? "error"
                          : d->severity == RG_WARNING ? "warning"
                                                      : "note";
        const char *sc = d->severity == RG_ERROR     ? c.error
                         : d->severity == RG_WARNING ? c.warning
                                                     : c.note;
        fprintf(stderr, "%s", c.bold);
        cli_put_shown(*d->file ? d->file : prog, 0);
        fputc(':', stderr);
        if (d->line > 0)
            fprintf(stderr, "%d:%d:", d->line, d->column);
        fprintf(stderr, "%s %s%s:%s ", c.reset, sc, sev, c.reset);
        if (*d->path) {
            cli_put_shown(d->path, 0);
            fputs(": ", stderr);
        }
        cli_put_shown(d->message, 0);
        fputc('\n', stderr);
        print_caret(d, &c);
    }
}

void cli_print_set_json(int json)
{
    diag_json = json;
}

int cli_print_is_json(void)
{
    return diag_json;
}

int cli_each_input(const cli_args *a,
                   int (*one)(const cli_args *a, const char *input,
                              rg_diags *diags))
{
    int rc = EXIT_OK;
    rg_diags *diags = rg_diags_new();
    if (diags == NULL)
        return EXIT_OUTPUT;
    for (int i = 0; i < a->n_inputs; i++) {
        int st = one(a, a->inputs[i], diags);
        if (st > rc)
            rc = st;
        cli_print_diags(diags);
        rg_diags_clear(diags);
    }
    rg_diags_free(diags);
    return rc;
}

int cli_write_stdout(const char *data, size_t n, rg_diags *diags)
{
    errno = 0;
    if (fwrite(data, 1, n, stdout) == n && fflush(stdout) == 0)
        return 0;
    rg_diags_add(diags, RG_ERROR, "<stdout>", "cannot write: %s",
                 strerror(errno ? errno : EIO));
    return -1;
}
