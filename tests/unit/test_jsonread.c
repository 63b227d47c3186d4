/* Unit tests of the fast JSON paths (src/jsonread.c, src/jsonwrite.c):
 * yajl's reading gives jansson's tree, or refuses what the two might read
 * differently so that jansson judges it; the compact writer gives
 * json_dumps's bytes (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "jsonread.h"
#include "jsonwrite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Texts both read, to the same tree. */
static const char *const same[] = {
    "{}",
    "[]",
    " \t\r\n{\"a\" : [1, -2, 0, -0, true, false, null, \"x\"]}\n",
    "{\"name\":\"Guo Shengkun\",\"aliases\":[\"\\u90ed\\u58f0\\u7428\"]}",
    "{\"e\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0001\\u00e9\\u2018\\uFFFF\"}",
    "{\"utf8\":\"\xe4\xb8\xad\xe5\x9b\xbd \xf0\x9f\x98\x80 \xc3\xa9\"}",
    "{\"\xe4\xb8\xad\":1}",
    "[9223372036854775807,-9223372036854775808]",
    "[1.5,-0.25,1e3,2E-2,0.1,1e308]",
    "{\"a\":{\"b\":{\"c\":[[[]]],\"d\":{}}},\"b\":2}",
    "{\"\":\"\"}",
    "[1] \t\r\n  ",
    "{\"a\":[]}\n\n\n",
    "[\"\x7f\"]",
};

/* Texts yajl's path refuses; jansson reads some (a surrogate pair) and
 * refuses the rest. */
static const char *const refused[] = {
    "",
    "   ",
    "1",
    "\"text\"",
    "null",
    "{}\x0b",
    "{\"a\":1,\x0c\"b\":2}",
    "{\"a\":\"\\ud800\"}",
    "{\"a\":\"\\uDC00\"}",
    "{\"a\":\"\\ud83d\\ude00\"}",
    "{\"a\":\"x\\\\ud800\"}", /* text, not an escape: refused all the same */
    "{\"a\":\"\\u0000\"}",
    "{\"\\u0000\":1}",
    "{\"a\":\"\xc0\xaf\"}",
    "{\"a\":\"\xed\xa0\x80\"}",
    "{\"a\":\"\xf4\x90\x80\x80\"}",
    "{\"a\":\"\xff\"}",
    "{\"\xed\xa0\x80\":1}",
    "{\"a\":1,\"a\":2}",
    "{\"a\":1}{}",
    "{\"a\":1} x",
    /* yajl lets an unfinished token through after the root (found by
     * fuzz_json) */
    "[22308008]\"mclimi<<",
    "[1]\"abc]",
    "{}\"",
    "{}-",
    "[] t",
    "[]1",
    "[01]",
    "[-]",
    "[1.]",
    "[.5]",
    "[9223372036854775808]",
    "[-9223372036854775809]",
    "[1e400]",
    "[NaN]",
    "[1] // comment",
    "/* comment */ [1]",
    "{\"a\":1,}",
    "[1,]",
    "{'a':1}",
    "[\"tab\there\"]",
    "{\"a\":",
};

static json_t *read_in_blocks(const char *text, size_t len, size_t block);

static void same_tree_as_jansson(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(same) / sizeof(same[0]); i++) {
        json_error_t err;
        json_t *want = json_loadb(same[i], strlen(same[i]),
                                  JSON_REJECT_DUPLICATES, &err);
        json_t *got = rg_jsonread__buffer(same[i], strlen(same[i]));
        json_t *streamed = read_in_blocks(same[i], strlen(same[i]), 1);
        if (want == NULL || got == NULL || !json_equal(want, got) ||
            !json_equal(want, streamed))
            fail_msg("text %zu (%s): jansson %s, yajl %s", i, same[i],
                     want ? "reads it" : err.text,
                     got ? "reads another tree" : "refuses it");
        json_decref(want);
        json_decref(got);
        json_decref(streamed);
    }
}

static void what_jansson_might_read_otherwise_is_refused(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
        size_t len = strlen(refused[i]);
        json_t *got = rg_jsonread__buffer(refused[i], len);
        if (got != NULL)
            fail_msg("text %zu (%s) read by yajl's path", i, refused[i]);
        /* rg_jsonread__loadb() then gives jansson's answer. */
        json_error_t e1, e2;
        json_t *want = json_loadb(refused[i], len, JSON_REJECT_DUPLICATES,
                                  &e1);
        json_t *loaded = rg_jsonread__loadb(refused[i], len, &e2);
        assert_true((want == NULL) == (loaded == NULL));
        if (want != NULL) {
            assert_true(json_equal(want, loaded));
        } else {
            assert_string_equal(e1.text, e2.text);
            assert_int_equal(e1.line, e2.line);
            assert_int_equal(e1.column, e2.column);
        }
        json_decref(want);
        json_decref(loaded);
    }
}

/* ---- the stream ---- */

typedef struct blocks {
    const char *text;
    size_t len, at, block;
    int fail_at;  /* fail on this call (1-based), or 0 */
    int calls;
    size_t most;  /* the biggest block asked for */
} blocks;

static size_t next_block(void *buf, size_t size, void *data)
{
    blocks *b = data;
    if (size > b->most)
        b->most = size;
    if (++b->calls == b->fail_at)
        return (size_t)-1;
    size_t n = b->len - b->at;
    if (n > b->block)
        n = b->block;
    if (n > size)
        n = size;
    memcpy(buf, b->text + b->at, n);
    b->at += n;
    return n;
}

static json_t *read_in_blocks(const char *text, size_t len, size_t block)
{
    blocks b = {text, len, 0, block, 0, 0, 0};
    return rg_jsonread__stream(next_block, &b);
}

static void an_escape_cut_between_blocks_is_still_seen(void **state)
{
    (void)state;
    const char *text = "{\"padding\":\"abcdefgh\",\"a\":\"\\ud800\"}";
    for (size_t block = 1; block <= strlen(text); block++) {
        json_t *t = read_in_blocks(text, strlen(text), block);
        if (t != NULL)
            fail_msg("a lone surrogate read in blocks of %zu", block);
    }
    /* Blocks of any size give the one tree. */
    const char *ok = "{\"a\":[1,2,{\"b\":\"\\u00e9\\n\"}],\"c\":\"\xe4\xb8\xad\"}";
    json_t *whole = rg_jsonread__buffer(ok, strlen(ok));
    assert_non_null(whole);
    for (size_t block = 1; block <= strlen(ok); block++) {
        json_t *t = read_in_blocks(ok, strlen(ok), block);
        assert_non_null(t);
        assert_true(json_equal(whole, t));
        json_decref(t);
    }
    json_decref(whole);
}

static void a_failing_read_gives_no_tree(void **state)
{
    (void)state;
    const char *text = "[1,2,3,4,5,6,7,8,9]";
    blocks b = {text, strlen(text), 0, 4, 2, 0, 0};
    assert_null(rg_jsonread__stream(next_block, &b));
}

/* yajl reads a token cut by a block's end again from its start with each
 * later block, so a 16 MiB string in blocks of 64 KiB was read 256 times
 * over (a 32 MB description took 2.3 s to check): such a token comes in
 * blocks that double (8 reads, not 257), and after it blocks are small
 * again. */
static void a_long_token_comes_in_growing_blocks(void **state)
{
    (void)state;
    size_t n = 16u << 20;
    const char *tail = "\",\"b\":[1,2,3]}";
    size_t len = 6 + n + strlen(tail);
    char *text = malloc(len + 1);
    assert_non_null(text);
    memcpy(text, "{\"a\":\"", 6);
    memset(text + 6, 'x', n);
    memcpy(text + 6 + n, tail, strlen(tail) + 1);
    blocks b = {text, len, 0, (size_t)-1, 0, 0, 0};
    json_t *t = rg_jsonread__stream(next_block, &b);
    assert_non_null(t);
    assert_int_equal(json_string_length(json_object_get(t, "a")), n);
    assert_int_equal(json_array_size(json_object_get(t, "b")), 3);
    if (b.calls > 12 || b.most > 2 * len)
        fail_msg("%d reads, the biggest %zu bytes", b.calls, b.most);
    json_decref(t);
    /* Blocks of a text of short tokens stay small. */
    char *many = malloc(len + 1);
    assert_non_null(many);
    many[0] = '[';
    for (size_t i = 1; i + 2 < len; i += 2)
        memcpy(many + i, "1,", 2);
    size_t end = len - (len % 2 == 0 ? 1 : 2);
    many[end - 1] = '1';
    many[end] = ']';
    blocks m = {many, end + 1, 0, (size_t)-1, 0, 0, 0};
    t = rg_jsonread__stream(next_block, &m);
    assert_non_null(t);
    assert_int_equal(m.most, 65536);
    json_decref(t);
    free(many);
    free(text);
}

/* jansson refuses more than 2048 levels; so does yajl's path, at 2048 or
 * fewer (either way the same answer in the end). */
static void depth_is_bounded(void **state)
{
    (void)state;
    size_t n = 100000;
    char *deep = malloc(2 * n + 1);
    assert_non_null(deep);
    memset(deep, '[', n);
    memset(deep + n, ']', n);
    deep[2 * n] = '\0';
    assert_null(rg_jsonread__buffer(deep, 2 * n));
    json_t *ok = rg_jsonread__buffer(deep + n - 2000, 4000);
    assert_non_null(ok);
    json_decref(ok);
    free(deep);
}

/* ---- the writer ---- */

static void compact_writer_matches_json_dumps(void **state)
{
    (void)state;
    json_t *t = json_pack(
        "{s:[s,s,s,s,s,s],s:{s:i,s:i,s:f,s:b,s:b,s:n},s:[],s:{},s:s%}",
        "strings", "plain", "\"quoted\" \\ back/slash",
        "\x01\x02\b\f\n\r\t\x1f\x7f", "caf\xc3\xa9 \xe2\x80\x98x\xe2\x80\x99",
        "\xf0\x9f\x98\x80 \xf4\x8f\xbf\xbf", "",
        "numbers", "big", (json_int_t)9223372036854775807LL, "negative",
        (json_int_t)-42, "real", 0.1, "yes", 1, "no", 0, "nothing",
        "empty", "object", "with nul", "a\0b", (size_t)3);
    assert_non_null(t);
    json_object_set_new(t, "\xe4\xb8\xad \"key\"", json_integer(1));
    char *want = json_dumps(t, JSON_COMPACT | JSON_ENSURE_ASCII);
    char *got = rg_jsonwrite__compact_ascii(t);
    assert_non_null(want);
    assert_non_null(got);
    assert_string_equal(want, got);
    free(want);
    free(got);
    json_decref(t);

    /* Every tree of the texts above, too. */
    for (size_t i = 0; i < sizeof(same) / sizeof(same[0]); i++) {
        json_t *v = json_loads(same[i], 0, NULL);
        char *a = json_dumps(v, JSON_COMPACT | JSON_ENSURE_ASCII);
        char *b = rg_jsonwrite__compact_ascii(v);
        assert_string_equal(a, b);
        free(a);
        free(b);
        json_decref(v);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_tree_as_jansson),
        cmocka_unit_test(what_jansson_might_read_otherwise_is_refused),
        cmocka_unit_test(an_escape_cut_between_blocks_is_still_seen),
        cmocka_unit_test(a_failing_read_gives_no_tree),
        cmocka_unit_test(a_long_token_comes_in_growing_blocks),
        cmocka_unit_test(depth_is_bounded),
        cmocka_unit_test(compact_writer_matches_json_dumps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
