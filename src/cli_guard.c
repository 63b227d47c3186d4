/* The relgraph command's guard around a single render laid out in its
 * own process: a fatal signal, the time limit or an exit() inside
 * Graphviz becomes a message and exit status 3. State: the messages,
 * built before the render (a signal handler can only write them), and
 * the signal actions it replaced. */
#define _XOPEN_SOURCE 700 /* sigaltstack and SA_ONSTACK */
#include "cli_guard.h"

#include "cli.h"
#include "cli_print.h"

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

/* ---- a single render, guarded in this process ----
 *
 * The library lays a chart out in a child process, so that a crash or a
 * hang in Graphviz becomes a diagnostic. That child costs a single render
 * about 14 ms here (its page faults), a fifth of the OPM chart's time. A
 * command that renders one document and then ends can get the same
 * promise cheaper: lay out in this process, and turn a fatal signal, the
 * time limit or an exit() inside Graphviz into the same diagnostic and
 * exit status 3. Nothing has been written by then (files are written
 * after the render, through temporary files), so nothing is left behind.
 * Batches keep the library's child processes: they go on past a crash. */

static struct {
    volatile sig_atomic_t on;
    char crash[512];       /* up to the signal's number */
    size_t crash_len;
    char crash_end[512];   /* after it */
    size_t crash_end_len;
    char timeout[512];
    size_t timeout_len;
    char exited[512];
    size_t exited_len;
    struct sigaction old[5];
} guard;

static const int guard_signals[5] = {SIGSEGV, SIGBUS, SIGABRT, SIGFPE,
                                     SIGILL};

static void say_and_exit(const char *msg, size_t len)
{
    ssize_t w = write(STDERR_FILENO, msg, len);
    (void)w;
    _exit(EXIT_OUTPUT);
}

static void on_crash(int sig)
{
    char num[8];
    size_t n = 0;
    char rev[8];
    unsigned v = (unsigned)sig;
    do {
        rev[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v > 0 && n < sizeof(rev));
    for (size_t i = 0; i < n; i++)
        num[i] = rev[n - 1 - i];
    ssize_t w = write(STDERR_FILENO, guard.crash, guard.crash_len);
    w = write(STDERR_FILENO, num, n);
    (void)w;
    say_and_exit(guard.crash_end, guard.crash_end_len);
}

static void on_time_limit(int sig)
{
    (void)sig;
    say_and_exit(guard.timeout, guard.timeout_len);
}

static void on_exit_in_render(void)
{
    if (guard.on)
        say_and_exit(guard.exited, guard.exited_len);
}

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static size_t guard_text(char *buf, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, cap, fmt, ap);
    va_end(ap);
    return n < 0 ? 0 : (size_t)n < cap ? (size_t)n : cap - 1;
}

void guard_begin(const char *file, const char *engine, double timeout,
                        const char *advice)
{
    static char alt_stack[65536];
    static int registered;
    if (!registered) {
        stack_t st = {.ss_sp = alt_stack, .ss_size = sizeof(alt_stack)};
        sigaltstack(&st, NULL);
        atexit(on_exit_in_render);
        registered = 1;
    }
    if (engine == NULL)
        engine = "chosen";
    char file_shown[256];
    file = cli_shown(file_shown, sizeof(file_shown), file);
    guard.crash_len = guard_text(guard.crash, sizeof(guard.crash),
                                 "%s: error: Graphviz crashed (signal ", file);
    guard.crash_end_len = guard_text(
        guard.crash_end, sizeof(guard.crash_end),
        ") in the %s layout; no output was written; try another --engine, "
        "and please report the document\n", engine);
    guard.timeout_len = guard_text(
        guard.timeout, sizeof(guard.timeout),
        "%s: error: the %s layout did not finish within %g s; %s raise "
        "--layout-timeout\n", file, engine, timeout, advice);
    guard.exited_len = guard_text(
        guard.exited, sizeof(guard.exited),
        "%s: error: Graphviz ended the program in the %s layout; no output "
        "was written; try another --engine, and please report the "
        "document\n", file, engine);
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_crash;
    sa.sa_flags = SA_ONSTACK | SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    for (int i = 0; i < 5; i++)
        sigaction(guard_signals[i], &sa, &guard.old[i]);
    sa.sa_handler = on_time_limit;
    sa.sa_flags = 0;
    sigaction(SIGALRM, &sa, NULL);
    struct itimerval t = {{0, 0},
                          {(time_t)timeout,
                           (suseconds_t)((timeout - (double)(time_t)timeout) *
                                         1e6)}};
    setitimer(ITIMER_REAL, &t, NULL);
    guard.on = 1;
}

void guard_end(void)
{
    struct itimerval off = {{0, 0}, {0, 0}};
    setitimer(ITIMER_REAL, &off, NULL);
    guard.on = 0;
    for (int i = 0; i < 5; i++)
        sigaction(guard_signals[i], &guard.old[i], NULL);
    signal(SIGALRM, SIG_DFL);
}
