/* For the unit tests: a document loaded from text, which must load
 * cleanly (its diagnostics are printed when it does not). Needs cmocka.h
 * and relgraph.h included first. */
#ifndef RG_TEST_LOAD_DOC_H
#define RG_TEST_LOAD_DOC_H

#include <string.h>

static rg_doc *load(const char *text)
{
    rg_diags *diags = rg_diags_new();
    rg_doc *doc = NULL;
    int rc = rg_doc_load_buffer(&doc, text, strlen(text), "t.json", diags);
    for (size_t i = 0; rc != 0 && i < rg_diags_count(diags); i++)
        print_error("%s\n", rg_diags_get(diags, i)->message);
    assert_int_equal(rc, 0);
    rg_diags_free(diags);
    return doc;
}

#endif
