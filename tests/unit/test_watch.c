/* Unit tests of relgraph watch's plain logic (src/watch_rules.c,
 * cmocka): the Host header the live page's server accepts (its own
 * loopback name or address and port, nothing else) and the settling of
 * bursts of file events into one build. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "watch_rules.h"

static void host_loopback_with_its_port(void **state)
{
    (void)state;
    assert_true(watch_host_ok("127.0.0.1:8080", 8080));
    assert_true(watch_host_ok("localhost:8080", 8080));
    assert_true(watch_host_ok("LocalHost:8080", 8080));
    assert_true(watch_host_ok("localhost", 80));
}

static void host_refused(void **state)
{
    (void)state;
    assert_false(watch_host_ok(NULL, 8080));
    assert_false(watch_host_ok("", 8080));
    assert_false(watch_host_ok("evil.example:8080", 8080));
    assert_false(watch_host_ok("localhost.evil.example:8080", 8080));
    assert_false(watch_host_ok("127.0.0.1.nip.io:8080", 8080));
    assert_false(watch_host_ok("127.0.0.1:8081", 8080));
    assert_false(watch_host_ok("127.0.0.1:08080", 8080));
    assert_false(watch_host_ok("127.0.0.1:8080x", 8080));
    assert_false(watch_host_ok("127.0.0.1:", 8080));
    assert_false(watch_host_ok("127.0.0.1", 8080));
    assert_false(watch_host_ok("127.0.0.1:808080", 8080));
    assert_false(watch_host_ok("0.0.0.0:8080", 8080));
    assert_false(watch_host_ok("[::1]:8080", 8080));
}

static void burst_settles_after_quiet(void **state)
{
    (void)state;
    watch_burst b = {0};
    assert_int_equal(watch_burst_wait(&b, 0, 60, 1000), -1);
    watch_burst_event(&b, 100);
    assert_int_equal(watch_burst_wait(&b, 100, 60, 1000), 60);
    watch_burst_event(&b, 130); /* a second event: the wait starts over */
    assert_int_equal(watch_burst_wait(&b, 140, 60, 1000), 50);
    assert_int_equal(watch_burst_wait(&b, 190, 60, 1000), 0);
    watch_burst_take(&b);
    assert_int_equal(watch_burst_wait(&b, 200, 60, 1000), -1);
}

static void burst_ends_at_most(void **state)
{
    (void)state;
    watch_burst b = {0};
    long long t;
    for (t = 0; t < 1000; t += 20)
        watch_burst_event(&b, t); /* never quiet */
    assert_int_equal(watch_burst_wait(&b, 980, 60, 1000), 20);
    assert_int_equal(watch_burst_wait(&b, 1000, 60, 1000), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(host_loopback_with_its_port),
        cmocka_unit_test(host_refused),
        cmocka_unit_test(burst_settles_after_quiet),
        cmocka_unit_test(burst_ends_at_most),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
