/* libFuzzer target: the fast JSON paths against jansson's own
 * (src/jsonread.c, src/jsonwrite.c), aborting when a promise is broken:
 *  - what yajl's path reads, jansson reads too, to an equal tree;
 *  - read in blocks of any size (here 1 to 64 bytes, from the first
 *    byte), or in blocks that start at that size and double while a
 *    token spans them, the text gives the same answer as read whole;
 *  - rg_jsonread__loadb() gives jansson's answer, tree or error;
 *  - a tree is written compact as json_dumps writes it.
 *
 * Build and run: make fuzz FUZZ_TARGETS=json (tests/fuzz/README.md). */
#include "jsonread.h"
#include "jsonwrite.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *what)
{
    fprintf(stderr, "fuzz_json: %s\n", what);
    abort();
}

typedef struct blocks {
    const uint8_t *data;
    size_t size, at, block;
} blocks;

static size_t next_block(void *buf, size_t size, void *d)
{
    blocks *b = d;
    size_t n = b->size - b->at;
    if (n > b->block)
        n = b->block;
    if (n > size)
        n = size;
    memcpy(buf, b->data + b->at, n);
    b->at += n;
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    json_error_t err, err2;
    json_t *want = json_loadb(text, size, JSON_REJECT_DUPLICATES, &err);
    json_t *fast = rg_jsonread__buffer(text, size);
    if (fast != NULL && (want == NULL || !json_equal(want, fast)))
        fail("yajl's path read a text otherwise than jansson");

    blocks b = {data, size, 0, size ? (size_t)data[0] % 64 + 1 : 1};
    json_t *streamed = rg_jsonread__stream(next_block, &b);
    /* Blocks as big as asked for, from a small first size: a token that
     * spans blocks makes them grow. */
    blocks g = {data, size, 0, (size_t)-1};
    json_t *grown = rg_jsonread__stream_from(next_block, &g, b.block);
    if ((grown == NULL) != (fast == NULL) ||
        (grown != NULL && !json_equal(grown, fast)))
        fail("read in growing blocks, the text gave another answer");
    json_decref(grown);
    if ((streamed == NULL) != (fast == NULL) ||
        (streamed != NULL && !json_equal(streamed, fast)))
        fail("read in blocks, the text gave another answer");

    json_t *loaded = rg_jsonread__loadb(text, size, &err2);
    if ((loaded == NULL) != (want == NULL))
        fail("rg_jsonread__loadb did not give jansson's answer");
    if (loaded != NULL && !json_equal(loaded, want))
        fail("rg_jsonread__loadb gave another tree");
    if (loaded == NULL && (strcmp(err.text, err2.text) != 0 ||
                           err.line != err2.line ||
                           err.column != err2.column))
        fail("rg_jsonread__loadb did not give jansson's error");

    if (want != NULL) {
        char *a = json_dumps(want, JSON_COMPACT | JSON_ENSURE_ASCII);
        char *c = rg_jsonwrite__compact_ascii(want);
        if (a == NULL || c == NULL || strcmp(a, c) != 0)
            fail("the compact writer wrote otherwise than json_dumps");
        free(a);
        free(c);
    }
    json_decref(want);
    json_decref(fast);
    json_decref(streamed);
    json_decref(loaded);
    return 0;
}
