/* libFuzzer target: load and check a document from memory, then lay its
 * text out with `relgraph fmt` (rg_doc_format_buffer), and free
 * everything.
 *
 * Besides the sanitizers' own reports it checks a few promises of the
 * API, aborting when one is broken:
 *  - every string handed out (diagnostics, the document's fields) is
 *    readable (strlen on each, so that ASan sees a dangling pointer;
 *    fuzz_check.h, shared with fuzz_import.c);
 *  - a failed load stores NULL and reports at least one diagnostic (an
 *    error, or the note of a skipped JSON Schema); a successful one
 *    reports no error;
 *  - fmt succeeds exactly when the load does, its output loads too, and
 *    formatting formatted text gives the same text.
 *
 * Build and run: make fuzz (tests/fuzz/README.md). */
#define FUZZ_NAME "fuzz_load"
#include "fuzz_check.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    rg_diags *diags = rg_diags_new();
    if (diags == NULL)
        return 0;

    rg_doc *doc = (rg_doc *)1;
    int rc = rg_doc_load_buffer(&doc, text, size, "fuzz.json", diags);
    /* A document read from another format (CSV, Cytoscape.js...) is not
     * fmt's to lay out: only its load is checked. */
    int imported = 0;
    touch_diags(diags);
    if (rc == 0) {
        imported = strcmp(rg_doc_source_format(doc), "relgraph") != 0;
        if (doc == NULL)
            fail("load succeeded but stored NULL");
        if (rg_diags_count_severity(diags, RG_ERROR) != 0)
            fail("load succeeded with errors");
        touch_doc(doc);
    } else {
        if (doc != NULL)
            fail("load failed but stored a document");
        if (rg_diags_count(diags) == 0)
            fail("load failed without a diagnostic");
    }
    rg_doc_free(doc);

    /* fmt: the same verdict, and a fixed point after one pass. */
    rg_diags_clear(diags);
    char *out = NULL;
    size_t out_len = 0;
    int frc = rg_doc_format_buffer(&out, &out_len, text, size, "fuzz.json",
                                   diags);
    touch_diags(diags);
    if (imported) {
        free(out);
        rg_diags_free(diags);
        return 0;
    }
    if (frc != rc)
        fail("fmt and load disagree on whether the document is valid");
    if (frc == 0) {
        if (out == NULL || strlen(out) != out_len)
            fail("fmt output is NULL or its length is wrong");
        char *again = NULL;
        size_t again_len = 0;
        rg_diags_clear(diags);
        if (rg_doc_format_buffer(&again, &again_len, out, out_len,
                                 "fuzz.json", diags) != 0) {
            for (size_t i = 0; i < rg_diags_count(diags); i++)
                fprintf(stderr, "  %s: %s\n", rg_diags_get(diags, i)->path,
                        rg_diags_get(diags, i)->message);
            fail("fmt output does not load");
        }
        if (again_len != out_len || memcmp(again, out, out_len) != 0) {
            fprintf(stderr, "--- first pass\n%s--- second pass\n%s",
                    out, again);
            fail("formatting formatted text changed it");
        }
        free(again);
    } else if (out != NULL) {
        fail("fmt failed but stored a text");
    }
    free(out);
    rg_diags_free(diags);
    return 0;
}
