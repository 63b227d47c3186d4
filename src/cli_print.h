/* The relgraph command's printing on standard error: text fit for a
 * terminal, usage errors, diagnostics as text (with a caret under the
 * spot) or as JSON. */
#ifndef RG_CLI_PRINT_H
#define RG_CLI_PRINT_H

#include "relgraph.h"

#include "buf.h"

#include <stddef.h>

/* Prints `s` to standard error, its control and bidirectional characters
 * and bytes that are not UTF-8 escaped (\x1b, \u202e, \xff); a tab too,
 * unless keep_tab. */
void cli_put_shown(const char *s, int keep_tab);

/* A usage error: "relgraph: <message>" and where to find help, on
 * standard error; the message is shown as cli_put_shown() does. Returns
 * EXIT_USAGE. */
#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
int cli_usage_error(const char *fmt, ...);

/* Whether cli_print_diags() prints JSON (--diagnostics=json) rather
 * than text; text until set. */
void cli_print_set_json(int json);
/* Whether it does. */
int cli_print_is_json(void);

/* Writes `n` bytes of `data` to standard output and flushes it. Returns
 * 0, or -1 with a diagnostic ("<stdout>: cannot write: ..."). */
int cli_write_stdout(const char *data, size_t n, rg_diags *diags);

/* Prints every diagnostic of `diags` to standard error. */
void cli_print_diags(const rg_diags *diags);
/* The diagnostics as --diagnostics=json writes them (an array of
 * {file, line, column, end_column, severity, path, message, suggestion};
 * strings fit for a terminal), into b. */
void cli_diags_json(rg_buf *b, const rg_diags *diags);

/* Runs `one` on each input of `a`, printing and clearing the
 * diagnostics after each. Returns the worst status `one` returned
 * (EXIT_OUTPUT when out of memory). */
struct cli_args;
int cli_each_input(const struct cli_args *a,
                   int (*one)(const struct cli_args *a, const char *input,
                              rg_diags *diags));

#endif
