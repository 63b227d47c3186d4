/* Unit tests of rg_isolation: the guard's crash diagnostic goes to the
 * caller's rg_diags after the warnings already there and reaches its
 * on_fatal; without on_fatal the guard falls back to a child; the room
 * reserved for a diagnostic added without malloc (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "diag.h"
#include "relgraph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* A document with a load warning whose layout aborts on purpose, with
 * RELGRAPH_TEST_CRASH set to its title (see crash_if_asked in job.c; the
 * CLI cases use it too). */
static const char crashing[] =
    "tests/cases/graphviz-crash-keeps-warnings/input.json";

static void reserved_diagnostic_needs_no_room_later(void **state)
{
    (void)state;
    rg_diags *d = rg_diags_new();
    assert_non_null(d);
    assert_int_equal(rg_diags__reserve(d, "f.json", 16), 0);
    /* Enough others to grow the list: the room stays. */
    for (int i = 0; i < 40; i++)
        rg_diags_add(d, RG_WARNING, "f.json", "warning %d", i);
    rg_diags__add_reserved(d, RG_ERROR, "a message longer than the room");
    assert_int_equal(rg_diags_count(d), 41);
    const rg_diag *last = rg_diags_get(d, 40);
    assert_int_equal(last->severity, RG_ERROR);
    assert_string_equal(last->file, "f.json");
    assert_string_equal(last->message, "a message longe"); /* 16 with its NUL */
    /* Used once: a second add does nothing. */
    rg_diags__add_reserved(d, RG_ERROR, "again");
    assert_int_equal(rg_diags_count(d), 41);
    rg_diags__unreserve(d);
    /* Reserved and given back: nothing added, nothing leaked. */
    assert_int_equal(rg_diags__reserve(d, "g.json", 64), 0);
    rg_diags__unreserve(d);
    assert_int_equal(rg_diags_count(d), 41);
    rg_diags_free(d);
}

/* Writes every diagnostic, one a line ("E message"), to the pipe. */
static void report_and_exit(const rg_diags *diags, void *ctx)
{
    int fd = *(int *)ctx;
    for (size_t i = 0; i < rg_diags_count(diags); i++) {
        const rg_diag *d = rg_diags_get(diags, i);
        char sev = "EWN"[d->severity];
        ssize_t w = write(fd, &sev, 1);
        w = write(fd, " ", 1);
        w = write(fd, d->message, strlen(d->message));
        w = write(fd, "\n", 1);
        (void)w;
    }
    _exit(42);
}

static void guard_crash_keeps_warnings(void **state)
{
    (void)state;
    int p[2];
    assert_int_equal(pipe(p), 0);
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(p[0]);
        /* Graphviz's assertion text: not this test's output. */
        freopen("/dev/null", "w", stderr);
        rg_diags *d = rg_diags_new();
        rg_doc *doc = NULL;
        rg_renderer *r = rg_renderer_new(d);
        if (rg_doc_load_file(&doc, crashing, d) != 0 || r == NULL)
            _exit(1);
        rg_render_opts o;
        rg_render_opts_init(&o);
        o.isolation = RG_ISOLATE_GUARD;
        o.on_fatal = report_and_exit;
        o.fatal_ctx = &p[1];
        rg_format f = RG_FORMAT_SVG;
        rg_output *out = NULL;
        rg_render(&out, r, doc, &o, &f, 1, d);
        _exit(2); /* the render came back */
    }
    close(p[1]);
    char text[4096];
    size_t len = 0;
    ssize_t got;
    while ((got = read(p[0], text + len, sizeof(text) - 1 - len)) > 0)
        len += (size_t)got;
    text[len] = '\0';
    close(p[0]);
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 42);
    const char *warning = strstr(text, "W unknown key \"nots\"");
    const char *crash = strstr(text, "E Graphviz crashed (signal 6) in the "
                                     "sfdp layout");
    assert_non_null(warning);
    assert_non_null(crash);
    assert_true(warning < crash);
}

static void guard_without_callback_uses_a_child(void **state)
{
    (void)state;
    rg_diags *d = rg_diags_new();
    rg_doc *doc = NULL;
    assert_int_equal(rg_doc_load_file(&doc, crashing, d), 0);
    rg_renderer *r = rg_renderer_new(d);
    rg_render_opts o;
    rg_render_opts_init(&o);
    o.isolation = RG_ISOLATE_GUARD; /* no on_fatal */
    rg_format f = RG_FORMAT_SVG;
    rg_output *out = NULL;
    assert_int_equal(rg_render(&out, r, doc, &o, &f, 1, d), -1);
    assert_null(out);
    int crashed = 0;
    for (size_t i = 0; i < rg_diags_count(d); i++)
        crashed |= strstr(rg_diags_get(d, i)->message,
                          "Graphviz crashed (signal 6)") != NULL;
    assert_true(crashed);
    rg_renderer_free(r);
    rg_doc_free(doc);
    rg_diags_free(d);
}

int main(void)
{
    setenv("RELGRAPH_TEST_CRASH", "relgraph-test-crash", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reserved_diagnostic_needs_no_room_later),
        cmocka_unit_test(guard_crash_keeps_warnings),
        cmocka_unit_test(guard_without_callback_uses_a_child),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
