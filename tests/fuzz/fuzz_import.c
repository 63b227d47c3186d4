/* libFuzzer target for one importer: the bytes go straight to the
 * importer of one format (src/import.h, the format fixed rather than found
 * from the content, so that every input reaches it), then the document it
 * makes is loaded and checked, and everything is freed.
 *
 * Built once per format by fuzz.mk, with -DFUZZ_IMPORT_<fmt>:
 * fuzz_import_stix, fuzz_import_cyto, fuzz_import_jgf, fuzz_import_d3,
 * fuzz_import_csv. A JSON format is parsed first with json_loadb (as
 * relgraph does, duplicates refused); input that is not JSON stops there.
 * The CSV importer gets the bytes as text, without --actors, --sources or
 * --groups tables. STIX's --keep-revoked is set from the input's last
 * byte, so one input always runs the same way.
 *
 * Besides the sanitizers' reports it aborts when a promise of import.h or
 * of the API breaks:
 *  - rg_import__tree: success stores a JSON object and reports no error;
 *    failure stores NULL and reports an error;
 *  - rg_import__load (the tree loaded as a document): success stores a
 *    document whose format is the importer's and reports no error;
 *    failure stores NULL and reports an error; it never succeeds where
 *    the tree failed;
 *  - rg_import__text (what relgraph import writes): succeeds exactly when
 *    the load did, and then its text loads as a relgraph document with
 *    no error and is already in fmt's layout (fmt leaves it as it is);
 *  - every diagnostic has a file, a path and a message, and every string
 *    of the document is readable (fuzz_check.h, shared with fuzz_load.c).
 *
 * Build and run: make fuzz FUZZ_TARGETS=import_d3 (tests/fuzz/README.md). */
#if defined(FUZZ_IMPORT_stix)
#define FUZZ_NAME "fuzz_import_stix"
#define FUZZ_KIND RG_IMPORT_STIX
#elif defined(FUZZ_IMPORT_cyto)
#define FUZZ_NAME "fuzz_import_cyto"
#define FUZZ_KIND RG_IMPORT_CYTOSCAPE
#elif defined(FUZZ_IMPORT_jgf)
#define FUZZ_NAME "fuzz_import_jgf"
#define FUZZ_KIND RG_IMPORT_JGF
#elif defined(FUZZ_IMPORT_d3)
#define FUZZ_NAME "fuzz_import_d3"
#define FUZZ_KIND RG_IMPORT_D3
#elif defined(FUZZ_IMPORT_csv)
#define FUZZ_NAME "fuzz_import_csv"
#define FUZZ_KIND RG_IMPORT_CSV
#else
#error "build with -DFUZZ_IMPORT_<stix|cyto|jgf|d3|csv> (tests/fuzz/fuzz.mk)"
#endif

#include "fuzz_check.h"
#include "import.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NAME "fuzz.in"

/* The parsed input for a JSON format (NULL when it is not JSON), or NULL
 * for CSV, which the importer reads as text. */
static json_t *parse(const char *text, size_t len)
{
    if (FUZZ_KIND == RG_IMPORT_CSV)
        return NULL;
    json_error_t err;
    return json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
}

static void check_failure(int rc, const void *out, const rg_diags *diags,
                          const char *what)
{
    char why[128];
    if (rc == 0)
        return;
    if (out != NULL) {
        snprintf(why, sizeof(why), "%s failed but stored a result", what);
        fail(why);
    }
    if (rg_diags_count_severity(diags, RG_ERROR) == 0) {
        snprintf(why, sizeof(why), "%s failed without an error", what);
        fail(why);
    }
}

/* The importer alone: its tree. Returns its status. */
static int tree_step(const char *text, size_t len, const rg_load_opts *opts,
                     rg_diags *diags)
{
    json_t *root = parse(text, len);
    if (root == NULL && FUZZ_KIND != RG_IMPORT_CSV)
        return -2;
    json_t *tree = (json_t *)1;
    int rc = rg_import__tree(&tree, FUZZ_KIND, root, text, len, NULL, NAME,
                             opts, diags);
    touch_diags(diags);
    check_failure(rc, tree, diags, "the import");
    if (rc == 0) {
        if (!json_is_object(tree))
            fail("the import succeeded without an object");
        if (rg_diags_count_severity(diags, RG_ERROR) != 0)
            fail("the import succeeded with errors");
    }
    json_decref(tree);
    return rc;
}

/* The document loaded from the importer's tree. Returns its status. */
static int load_step(const char *text, size_t len, const rg_load_opts *opts,
                     int tree_rc, rg_diags *diags)
{
    rg_doc *doc = (rg_doc *)1;
    int rc = rg_import__load(&doc, FUZZ_KIND, parse(text, len), text, len,
                             NULL, NAME, opts, diags);
    touch_diags(diags);
    check_failure(rc, doc, diags, "the load of the import");
    if (rc == 0) {
        if (doc == NULL)
            fail("the load of the import succeeded but stored NULL");
        if (tree_rc != 0)
            fail("the load succeeded where the import failed");
        if (rg_diags_count_severity(diags, RG_ERROR) != 0)
            fail("the load of the import succeeded with errors");
        if (strcmp(rg_doc_source_format(doc),
                   rg_import__kind_name(FUZZ_KIND)) != 0)
            fail("the loaded document does not name the importer's format");
        touch_doc(doc);
    }
    rg_doc_free(doc);
    return rc;
}

/* The text relgraph import writes. */
static void text_step(const char *text, size_t len, const rg_load_opts *opts,
                      int load_rc, rg_diags *diags)
{
    char *out = NULL;
    size_t out_len = 0;
    int rc = rg_import__text(&out, &out_len, FUZZ_KIND, parse(text, len),
                             text, len, NULL, NAME, opts, diags);
    touch_diags(diags);
    if ((rc == 0) != (load_rc == 0))
        fail("the import's text and the load of the import disagree");
    if (rc != 0 && (out != NULL ||
                    rg_diags_count_severity(diags, RG_ERROR) == 0))
        fail("the import's text failed without an error, or left a text");
    if (rc == 0) {
        rg_diags *again = rg_diags_new();
        rg_doc *doc = NULL;
        char *laid = NULL;
        size_t laid_len = 0;
        if (again == NULL)
            fail("out of memory");
        if (rg_doc_load_buffer(&doc, out, out_len, "imported.json",
                               again) != 0)
            fail("the import's text does not load as a relgraph document");
        if (rg_doc_format_buffer(&laid, &laid_len, out, out_len,
                                 "imported.json", again) != 0 ||
            laid_len != out_len || memcmp(laid, out, out_len) != 0)
            fail("the import's text is not in fmt's layout");
        free(laid);
        rg_doc_free(doc);
        rg_diags_free(again);
    }
    free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* The text importers are promised a NUL-terminated text. */
    char *text = malloc(size + 1);
    rg_diags *diags = rg_diags_new();
    if (text == NULL || diags == NULL)
        goto out;
    if (size > 0)
        memcpy(text, data, size);
    text[size] = '\0';
    rg_load_opts opts;
    rg_load_opts_init(&opts);
    opts.keep_revoked = size > 0 && (data[size - 1] & 1);

    int rc = tree_step(text, size, &opts, diags);
    if (rc != -2) {
        rg_diags_clear(diags);
        rc = load_step(text, size, &opts, rc, diags);
        rg_diags_clear(diags);
        text_step(text, size, &opts, rc, diags);
    }
out:
    rg_diags_free(diags);
    free(text);
    return 0;
}
