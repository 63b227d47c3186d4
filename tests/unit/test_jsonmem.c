/* Unit tests of where jansson's values live during an import
 * (src/jsonmem.c, cmocka): a session's values lie in the region and are
 * counted until freed, on any side of the session's end, and values left
 * alive hold the region until they go (on any thread); other threads,
 * and values too large for a chunk, get malloc's memory; a chunk whose
 * values are all gone gives its pages back; an import and a load leave no
 * value of theirs alive, and a number with a fraction reaches the
 * imported document's text (jansson's own text for it, made during a
 * session, once went to free()). */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "jsonmem.h"
#include "relgraph.h"

#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void a_sessions_values_lie_in_the_region_until_freed(void **state)
{
    (void)state;
    size_t before = rg_jsonmem__live();
    assert_int_equal(rg_jsonmem__begin(), 0);
    json_t *o = json_pack("{s:s,s:[i,i]}", "name", "Deep Panda", "n", 1, 2);
    assert_non_null(o);
    assert_true(rg_jsonmem__owns(o));
    assert_true(rg_jsonmem__owns(json_string_value(json_object_get(o,
                                                                   "name"))));
    assert_true(rg_jsonmem__live() > before);
    json_t *kept = json_string("kept past the session");
    json_decref(o);
    rg_jsonmem__end();
    /* made outside a session: malloc's */
    json_t *after = json_string("after");
    assert_false(rg_jsonmem__owns(after));
    json_decref(after);
    /* freed after the session's end, and still counted */
    assert_true(rg_jsonmem__owns(kept));
    assert_int_equal(rg_jsonmem__live(), before + 2);
    json_decref(kept);
    assert_int_equal(rg_jsonmem__live(), before);
}

static void *make_elsewhere(void *arg)
{
    json_t **out = arg;
    out[0] = json_string("made on another thread");
    /* the region has one holder at a time */
    out[1] = rg_jsonmem__begin() == 0 ? json_true() : json_false();
    return NULL;
}

static void other_threads_get_mallocs_memory(void **state)
{
    (void)state;
    json_t *made[2] = {NULL, NULL};
    pthread_t t;
    assert_int_equal(rg_jsonmem__begin(), 0);
    assert_int_equal(pthread_create(&t, NULL, make_elsewhere, made), 0);
    assert_int_equal(pthread_join(t, NULL), 0);
    rg_jsonmem__end();
    assert_non_null(made[0]);
    assert_false(rg_jsonmem__owns(made[0]));
    assert_true(json_is_false(made[1]));
    json_decref(made[0]);
}

static void *free_elsewhere(void *arg)
{
    json_decref(arg);
    return NULL;
}

static void values_left_alive_hold_the_region_until_they_go(void **state)
{
    (void)state;
    pthread_t t;
    assert_int_equal(rg_jsonmem__begin(), 0);
    json_t *left = json_string("left alive");
    rg_jsonmem__end();
    /* no new session may count beside the frees of the old one's */
    assert_int_equal(rg_jsonmem__begin(), -1);
    json_t *v = json_string("not the region's");
    assert_false(rg_jsonmem__owns(v));
    json_decref(v);
    assert_int_equal(pthread_create(&t, NULL, free_elsewhere, left), 0);
    assert_int_equal(pthread_join(t, NULL), 0);
    assert_int_equal(rg_jsonmem__live(), 0);
    assert_int_equal(rg_jsonmem__begin(), 0);
    v = json_string("the region's again");
    assert_true(rg_jsonmem__owns(v));
    json_decref(v);
    rg_jsonmem__end();
}

static void a_value_too_large_for_a_chunk_gets_mallocs_memory(void **state)
{
    (void)state;
    size_t n = 200000;
    char *big = malloc(n + 1);
    assert_non_null(big);
    memset(big, 'x', n);
    big[n] = '\0';
    assert_int_equal(rg_jsonmem__begin(), 0);
    json_t *s = json_stringn(big, n);
    assert_non_null(s);
    assert_true(rg_jsonmem__owns(s));
    assert_false(rg_jsonmem__owns(json_string_value(s)));
    assert_int_equal(json_string_length(s), n);
    json_decref(s);
    rg_jsonmem__end();
    free(big);
}

/* Resident memory, in KiB. */
static long resident_kib(void)
{
    long total = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f == NULL)
        return -1;
    if (fscanf(f, "%ld %ld", &total, &resident) != 2)
        resident = -1;
    fclose(f);
    return resident < 0 ? -1 : resident * (sysconf(_SC_PAGESIZE) / 1024);
}

static void emptied_chunks_give_their_pages_back(void **state)
{
    (void)state;
    if (resident_kib() < 0) {
        skip(); /* no /proc here */
        return;
    }
    /* 64 MiB of values, made in order and then all freed. */
    size_t n = 64 * 1024;
    char text[1000];
    memset(text, 'y', sizeof(text) - 1);
    text[sizeof(text) - 1] = '\0';
    long start = resident_kib();
    assert_int_equal(rg_jsonmem__begin(), 0);
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++)
        assert_int_equal(json_array_append_new(arr, json_string(text)), 0);
    long full = resident_kib();
    json_decref(arr);
    long freed = resident_kib();
    rg_jsonmem__end();
    printf("resident: %ld KiB, %ld KiB with the values, %ld KiB once "
           "they are freed\n", start, full, freed);
    assert_true(full - start > 48 * 1024);
    /* Nearly all of it goes: what stays is a chunk or two and, under
     * AddressSanitizer, the shadow of the region (an eighth of it). */
    assert_true(freed - start < (full - start) / 4);
}

static char *write_temp(const char *text)
{
    char *path = strdup("/tmp/relgraph-jsonmem-XXXXXX");
    assert_non_null(path);
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    size_t len = strlen(text);
    assert_int_equal(write(fd, text, len), (ssize_t)len);
    close(fd);
    return path;
}

/* A bundle with what the importer copies from its objects: a name,
 * aliases, a description longer than a note, confidence, a quote, a
 * sighting's count. */
static const char bundle[] =
    "{\"type\": \"bundle\", \"id\": "
    "\"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\", \"objects\": [\n"
    "{\"type\": \"intrusion-set\", \"spec_version\": \"2.1\", \"id\": "
    "\"intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29\", "
    "\"created\": \"2015-06-05T00:00:00.000Z\", \"modified\": "
    "\"2015-06-05T00:00:00.000Z\", \"name\": \"Deep Panda\", "
    "\"aliases\": [\"Shell Crew\", \"Black Vine\"], \"confidence\": 60, "
    "\"description\": \"A group named in the OPM reporting. It is "
    "described at length here, so that the note made of it is shorter "
    "than the text and the text is kept beside it.\"},\n"
    "{\"type\": \"identity\", \"spec_version\": \"2.1\", \"id\": "
    "\"identity--e5f1b90a-d9b6-40ab-81a9-8a29df4b6b65\", "
    "\"created\": \"2015-06-05T00:00:00.000Z\", \"modified\": "
    "\"2015-06-05T00:00:00.000Z\", \"name\": \"OPM\", "
    "\"identity_class\": \"organization\"},\n"
    "{\"type\": \"relationship\", \"spec_version\": \"2.1\", \"id\": "
    "\"relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad\", "
    "\"created\": \"2015-06-05T00:00:00.000Z\", \"modified\": "
    "\"2015-06-05T00:00:00.000Z\", \"relationship_type\": \"targets\", "
    "\"description\": \"Said to have breached it.\", \"source_ref\": "
    "\"intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29\", "
    "\"target_ref\": \"identity--e5f1b90a-d9b6-40ab-81a9-8a29df4b6b65\"},\n"
    "{\"type\": \"sighting\", \"spec_version\": \"2.1\", \"id\": "
    "\"sighting--ee20065d-2555-424f-ad9e-0f8428623c75\", "
    "\"created\": \"2015-06-05T00:00:00.000Z\", \"modified\": "
    "\"2015-06-05T00:00:00.000Z\", \"count\": 3, \"sighting_of_ref\": "
    "\"intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29\", "
    "\"where_sighted_refs\": "
    "[\"identity--e5f1b90a-d9b6-40ab-81a9-8a29df4b6b65\"]}\n"
    "]}\n";

/* The document relgraph import makes of the file at path (it must). */
static char *imported(const char *path)
{
    rg_diags *diags = rg_diags_new();
    char *text = NULL;
    size_t len = 0;
    assert_non_null(diags);
    assert_int_equal(rg_doc_import_file(&text, &len, path, NULL, diags), 0);
    rg_diags_free(diags);
    return text;
}

static void an_import_leaves_no_value_alive(void **state)
{
    (void)state;
    char *path = write_temp(bundle);
    size_t before = rg_jsonmem__live();
    char *text = imported(path);
    assert_non_null(strstr(text, "\"Shell Crew\""));
    assert_non_null(strstr(text, "\"x-description\": \"A group named"));
    assert_non_null(strstr(text, "\"confidence\": 60"));
    assert_non_null(strstr(text, "\"quote\": \"Said to have breached it.\""));
    assert_non_null(strstr(text, "\"x-count\": 3"));
    assert_int_equal(rg_jsonmem__live(), before);
    rg_diags *diags = rg_diags_new();
    rg_doc *doc = NULL;
    assert_int_equal(rg_doc_load_file(&doc, path, diags), 0);
    assert_non_null(doc);
    assert_int_equal(rg_jsonmem__live(), before);
    rg_doc_free(doc);
    rg_diags_free(diags);
    free(text);
    unlink(path);
    free(path);
}

static void a_fraction_reaches_the_imported_text(void **state)
{
    (void)state;
    char *path = write_temp(
        "{\"elements\": {\"nodes\": [{\"data\": {\"id\": \"a\", \"name\": "
        "\"A\", \"weight\": 1.5}}, {\"data\": {\"id\": \"b\"}}], "
        "\"edges\": [{\"data\": {\"source\": \"a\", \"target\": \"b\", "
        "\"w\": 0.75}}]}}\n");
    char *text = imported(path);
    assert_non_null(strstr(text, "\"x-weight\": 1.5"));
    assert_non_null(strstr(text, "\"x-w\": 0.75"));
    free(text);
    unlink(path);
    free(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_sessions_values_lie_in_the_region_until_freed),
        cmocka_unit_test(other_threads_get_mallocs_memory),
        cmocka_unit_test(values_left_alive_hold_the_region_until_they_go),
        cmocka_unit_test(a_value_too_large_for_a_chunk_gets_mallocs_memory),
        cmocka_unit_test(emptied_chunks_give_their_pages_back),
        cmocka_unit_test(an_import_leaves_no_value_alive),
        cmocka_unit_test(a_fraction_reaches_the_imported_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
