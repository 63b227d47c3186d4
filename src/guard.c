/* The in-process guard (RG_ISOLATE_GUARD): a render laid out in this
 * process, with a fatal signal (SIGSEGV, SIGBUS, SIGABRT, SIGFPE,
 * SIGILL), the time limit (setitimer and SIGALRM) or an exit() inside
 * Graphviz (an atexit handler) turned into a diagnostic.
 *
 * A child process costs a single render about 14 ms here (its page
 * faults), a fifth of the OPM chart's time. A program that renders one
 * document and then ends can get the same promise cheaper: nothing has
 * been written when the layout fails (files are written after the render,
 * through temporary files), so the process may end there.
 *
 * Why a callback that ends the process, and not siglongjmp back into
 * rg_render(): after a crash in Graphviz its memory and the heap may be
 * broken (the known crashes are double frees, and glibc aborts inside
 * free() holding the arena's lock, so a later malloc would hang), and
 * Graphviz's global state is half-changed; nothing may run that
 * allocates, and this process must not use Graphviz again. So the
 * diagnostic goes into room reserved in the caller's rg_diags before the
 * render, its text is made without printf or malloc (isolate.c), and the
 * caller's on_fatal prints every diagnostic in its own format and ends
 * the process (_exit(3) here if it returns).
 *
 * State, process-wide: the one armed guard (one render at a time), the
 * signal actions and timer it replaced, an alternate signal stack (a
 * stack overflow in Graphviz still reaches the handler) and the atexit
 * handler, both installed once. */
#define _XOPEN_SOURCE 700 /* sigaltstack and SA_ONSTACK */
#include "guard.h"

#include "diag.h"
#include "isolate.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#define N_FATAL 5
static const int fatal_signals[N_FATAL] = {SIGSEGV, SIGBUS, SIGABRT,
                                           SIGFPE, SIGILL};

static struct {
    volatile sig_atomic_t on;
    rg_diags *diags;
    void (*on_fatal)(const rg_diags *, void *);
    void *ctx;
    char engine[64];
    char timeout[RG_FATAL_TEXT_MAX];
    char exited[RG_FATAL_TEXT_MAX];
    struct sigaction old[N_FATAL], old_alarm;
} guard;

/* Ends the render with diagnostic `msg`: async-signal-safe up to the
 * caller's callback. */
static void fatal(const char *msg)
{
    static volatile sig_atomic_t fired;
    if (fired) /* a second signal while the first is reported */
        return;
    fired = 1;
    guard.on = 0;
    struct itimerval off = {{0, 0}, {0, 0}};
    setitimer(ITIMER_REAL, &off, NULL);
    rg_diags__add_reserved(guard.diags, RG_ERROR, msg);
    guard.on_fatal(guard.diags, guard.ctx);
    _exit(3);
}

static void on_crash(int sig)
{
    char msg[RG_FATAL_TEXT_MAX];
    rg_isolate__crash_text(msg, sizeof(msg), guard.engine, sig);
    fatal(msg);
}

static void on_time_limit(int sig)
{
    (void)sig;
    fatal(guard.timeout);
}

static void on_exit_in_render(void)
{
    if (guard.on)
        fatal(guard.exited);
}

/* Once per process: the alternate stack and the atexit handler. */
static void install_once(void)
{
    static char alt_stack[65536];
    static int done;
    if (done)
        return;
    stack_t st = {.ss_sp = alt_stack, .ss_size = sizeof(alt_stack)};
    sigaltstack(&st, NULL);
    atexit(on_exit_in_render);
    done = 1;
}

static void arm(double timeout)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_crash;
    sa.sa_flags = SA_ONSTACK | SA_RESETHAND;
    /* Each handler runs with the others held off: the time limit must
     * not start a second report inside the report of a crash. */
    sigfillset(&sa.sa_mask);
    for (int i = 0; i < N_FATAL; i++)
        sigaction(fatal_signals[i], &sa, &guard.old[i]);
    sa.sa_handler = on_time_limit;
    sa.sa_flags = SA_ONSTACK;
    sigaction(SIGALRM, &sa, &guard.old_alarm);
    struct itimerval t = {{0, 0},
                          {(time_t)timeout,
                           (suseconds_t)((timeout - (double)(time_t)timeout) *
                                         1e6)}};
    setitimer(ITIMER_REAL, &t, NULL);
}

int rg_guard__begin(const rg_doc *doc, const rg_render_opts *opts,
                    rg_diags *diags)
{
    if (opts->on_fatal == NULL || diags == NULL || guard.on)
        return -1;
    const char *file = rg_doc_file(doc);
    if (rg_diags__reserve(diags, file, RG_FATAL_TEXT_MAX) != 0)
        return -1;
    install_once();
    const char *engine = rg_render_engine(doc, opts);
    snprintf(guard.engine, sizeof(guard.engine), "%s",
             engine ? engine : "chosen");
    double timeout = opts->layout_timeout > 0 ? opts->layout_timeout : 120;
    rg_isolate__timeout_text(guard.timeout, sizeof(guard.timeout),
                             guard.engine, timeout,
                             rg_render_timeout_advice(doc, opts));
    rg_isolate__exited_text(guard.exited, sizeof(guard.exited),
                            guard.engine);
    guard.diags = diags;
    guard.on_fatal = opts->on_fatal;
    guard.ctx = opts->fatal_ctx;
    arm(timeout);
    guard.on = 1;
    return 0;
}

void rg_guard__end(rg_diags *diags)
{
    struct itimerval off = {{0, 0}, {0, 0}};
    setitimer(ITIMER_REAL, &off, NULL);
    guard.on = 0;
    for (int i = 0; i < N_FATAL; i++)
        sigaction(fatal_signals[i], &guard.old[i], NULL);
    sigaction(SIGALRM, &guard.old_alarm, NULL);
    rg_diags__unreserve(diags);
    guard.diags = NULL;
}
