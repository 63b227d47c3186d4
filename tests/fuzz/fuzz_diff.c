/* libFuzzer target: two documents, compared. The input is OLD, a NUL
 * byte and NEW (without a NUL, NEW is OLD). When both load, the diff is
 * made and written in every form, and checked, aborting when a promise
 * is broken:
 *  - the JSON form parses, and its "equal" is rg_diff_equal()'s;
 *  - the text and Markdown forms are empty exactly when equal;
 *  - a document compared with itself is equal;
 *  - the union holds at least NEW's actors and links, and every string
 *    of it is readable.
 *
 * Build and run: make fuzz FUZZ_TARGETS=diff (tests/fuzz/README.md). */
#define FUZZ_NAME "fuzz_diff"
#include "fuzz_check.h"

#include <jansson.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_forms(rg_diff *d, rg_diags *diags)
{
    bool eq = rg_diff_equal(d);
    for (int f = RG_DIFF_TEXT; f <= RG_DIFF_MD; f++) {
        char *out = NULL;
        size_t len = 0;
        if (rg_diff_write(&out, &len, d, (rg_diff_format)f, diags) != 0)
            fail("a diff could not be written");
        if (f == RG_DIFF_JSON) {
            json_error_t err;
            json_t *j = json_loadb(out, len, 0, &err);
            if (j == NULL)
                fail("the JSON form does not parse");
            if (json_is_true(json_object_get(j, "equal")) != eq)
                fail("the JSON form's \"equal\" is wrong");
            json_decref(j);
        } else if ((len == 0) != eq) {
            fail("a text form is empty when different or not when equal");
        }
        free(out);
    }
}

static void check_pair(const rg_doc *a, const rg_doc *b, rg_diags *diags)
{
    rg_diff *d = NULL;
    if (rg_diff_new(&d, a, a, diags) != 0 || !rg_diff_equal(d))
        fail("a document differs from itself");
    rg_diff_free(d);
    if (rg_diff_new(&d, a, b, diags) != 0)
        fail("a diff failed");
    check_forms(d, diags);
    const rg_doc *u = rg_diff_union(d, diags);
    if (u == NULL || rg_doc_actor_count(u) < rg_doc_actor_count(b) ||
        rg_doc_link_count(u) < rg_doc_link_count(b))
        fail("the union lacks what NEW holds");
    touch_doc(u);
    rg_diff_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    const char *nul = memchr(text, '\0', size);
    size_t n_old = nul ? (size_t)(nul - text) : size;
    const char *new_text = nul ? nul + 1 : text;
    size_t n_new = nul ? size - n_old - 1 : size;
    rg_diags *diags = rg_diags_new();
    rg_doc *a = NULL, *b = NULL;
    if (diags == NULL)
        return 0;
    if (rg_doc_load_buffer(&a, text, n_old, "old.json", diags) == 0 &&
        rg_doc_load_buffer(&b, new_text, n_new, "new.json", diags) == 0)
        check_pair(a, b, diags);
    touch_diags(diags);
    rg_doc_free(a);
    rg_doc_free(b);
    rg_diags_free(diags);
    return 0;
}
