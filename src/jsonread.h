/* Big JSON texts read into jansson trees three times faster than jansson
 * reads them. jansson's own parser takes a byte at a time through a
 * stream and was most of the time relgraph spent on a 45 MB STIX bundle
 * or a 100,000-actor document. Here yajl (Debian's libyajl2) reads the
 * text and its events build the same jansson tree that
 * json_load_callback() or json_loadb() with JSON_REJECT_DUPLICATES would
 * give; everything after the parse stays jansson.
 *
 * yajl and jansson do not refuse quite the same texts (yajl takes a
 * vertical tab as blank, lets a lone surrogate escape through as '?',
 * has no depth limit, does not check duplicate keys). Whatever the two
 * might read differently is refused here, and the caller parses the
 * text with jansson as before: jansson stays the judge of what is JSON
 * and says what is wrong, where. */
#ifndef RG_JSONREAD_H
#define RG_JSONREAD_H

#include <jansson.h>
#include <stddef.h>

/* As jansson's json_load_callback_t: fills buf with up to size bytes and
 * returns how many, 0 at the end, (size_t)-1 on an error. */
typedef size_t (*rg_jsonread_fn)(void *buf, size_t size, void *data);

/* Reads the whole text through `read` and returns a new reference to its
 * tree, or NULL when the text is not valid JSON, when jansson might read
 * it differently, when `read` fails, or when out of memory: then parse
 * it again with jansson (`read` may have been left anywhere). */
json_t *rg_jsonread__stream(rg_jsonread_fn read, void *data);

/* The same, asking `read` for blocks of `first` bytes at first (64 KiB
 * above), twice as many after each block that ended no token: the tests
 * start small to see blocks grow. */
json_t *rg_jsonread__stream_from(rg_jsonread_fn read, void *data,
                                 size_t first);

/* The same for a text in memory (a byte order mark is not skipped). */
json_t *rg_jsonread__buffer(const char *text, size_t len);

/* The same tree as rg_jsonread__buffer(), or jansson's when that refuses
 * the text, with jansson's error then in *err. */
json_t *rg_jsonread__loadb(const char *text, size_t len, json_error_t *err);

#endif
