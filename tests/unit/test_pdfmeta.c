/* Unit tests of the PDF document information writer (src/pdfmeta.c): the
 * incremental update's structure (its cross-reference entry and startxref
 * point where they must, the trailer chains to the old one), the texts as
 * UTF-16BE hex whatever they hold, the cut of long texts, and a PDF whose
 * trailer cannot be read left alone. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "buf.h"
#include "pdfmeta.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A small PDF as cairo writes it: objects, a cross-reference table, a
 * trailer with /Size, /Root and /Info. *prev: where its xref starts. */
static char *small_pdf(size_t *len, size_t *prev)
{
    static const char *const objs[] = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        "<< /Producer (test producer)\n   /CreationDate (D:19700101000000) >>",
    };
    rg_buf b = {0};
    size_t at[4];
    rg_buf__puts(&b, "%PDF-1.5\n");
    for (int i = 0; i < 4; i++) {
        at[i] = b.len;
        rg_buf__printf(&b, "%d 0 obj\n%s\nendobj\n", i + 1, objs[i]);
    }
    *prev = b.len;
    rg_buf__puts(&b, "xref\n0 5\n0000000000 65535 f \n");
    for (int i = 0; i < 4; i++)
        rg_buf__printf(&b, "%010zu 00000 n \n", at[i]);
    rg_buf__printf(&b, "trailer\n<< /Size 5\n   /Root 1 0 R\n   /Info 4 0 R\n"
                       ">>\nstartxref\n%zu\n%%%%EOF\n", *prev);
    assert_false(b.oom);
    *len = b.len;
    return b.data;
}

/* The number after `key` in [p, end). */
static long long num_after(const char *p, const char *key)
{
    const char *k = strstr(p, key);
    assert_non_null(k);
    return atoll(k + strlen(key));
}

/* The hex text of entry `key` ("/Title") in the update, or NULL. */
static char *entry_hex(const char *update, const char *key)
{
    const char *k = strstr(update, key);
    if (k == NULL)
        return NULL;
    const char *open = strchr(k, '<'), *close = strchr(k, '>');
    assert_non_null(open);
    assert_non_null(close);
    return strndup(open + 1, (size_t)(close - open - 1));
}

static void test_update_structure(void **state)
{
    (void)state;
    size_t len, prev;
    char *pdf = small_pdf(&len, &prev);
    char *orig = malloc(len);
    memcpy(orig, pdf, len);
    size_t old_len = len;
    assert_int_equal(rg_pdfmeta__add(&pdf, &len, "A title", "A subject"), 0);
    /* The old file is kept byte for byte; the update follows it. */
    assert_true(len > old_len);
    assert_memory_equal(pdf, orig, old_len);
    const char *u = pdf + old_len;
    /* The last startxref names the new xref section, whose one entry
     * names the new object, number /Size of the old trailer. */
    const char *sx = strstr(u, "startxref\n");
    assert_non_null(sx);
    long long xref_at = atoll(sx + 10);
    assert_memory_equal(pdf + xref_at, "xref\n5 1\n", 9);
    const char *entry = pdf + xref_at + 9;
    assert_int_equal(strcspn(entry, "\n") + 1, 20); /* 20 bytes an entry */
    long long obj_at = atoll(entry);
    assert_memory_equal(pdf + obj_at, "5 0 obj\n<<", 10);
    /* The trailer chains to the old one and keeps the catalogue. */
    const char *tr = strstr(u, "trailer");
    assert_non_null(tr);
    assert_int_equal(num_after(tr, "/Size "), 6);
    assert_int_equal(num_after(tr, "/Prev "), (long long)prev);
    assert_non_null(strstr(tr, "/Root 1 0 R"));
    assert_non_null(strstr(tr, "/Info 5 0 R"));
    /* The old information is kept, beside the new entries. */
    assert_non_null(strstr(u, "/Producer (test producer)"));
    assert_non_null(strstr(u, "/CreationDate (D:19700101000000)"));
    assert_true(strlen(pdf) == len);
    assert_string_equal(pdf + len - 6, "%%EOF\n");
    free(orig);
    free(pdf);
}

/* The hex texts of /Title and /Subject (NULL when absent) after adding
 * title and subject to the small PDF. */
static void added(char **t, char **s, const char *title, const char *subject)
{
    size_t len, prev;
    char *pdf = small_pdf(&len, &prev);
    size_t old_len = len;
    assert_int_equal(rg_pdfmeta__add(&pdf, &len, title, subject), 0);
    *t = entry_hex(pdf + old_len, "/Title");
    *s = entry_hex(pdf + old_len, "/Subject");
    free(pdf);
}

/* Each text as UTF-16BE hex: characters PDF strings escape, one outside
 * the Basic Multilingual Plane (a surrogate pair), a bad UTF-8 byte. */
static void test_texts_as_utf16_hex(void **state)
{
    (void)state;
    char *t, *s;
    added(&t, &s, "a(b)\\c>", "\xc3\xa9 \xf0\x9f\x98\x80 \xff");
    assert_string_equal(t, "FEFF0061002800620029005C0063003E");
    assert_string_equal(s, "FEFF00E90020D83DDE000020FFFD");
    free(t);
    free(s);
}

/* A 100 KB title is cut at RG_PDFMETA_TITLE_MAX characters and ends
 * with an ellipsis; no title, no /Title. */
static void test_long_and_missing_texts(void **state)
{
    (void)state;
    char *title = malloc(100001), *t, *s;
    memset(title, 'x', 100000);
    title[100000] = '\0';
    added(&t, &s, title, NULL);
    assert_int_equal(strlen(t), 4 * (1 + RG_PDFMETA_TITLE_MAX + 1));
    assert_string_equal(t + strlen(t) - 4, "2026");
    assert_null(s);
    free(t);
    free(title);
}

/* A PDF without a trailer keyword (a cross-reference stream), or cut
 * short, is refused and left as it was. */
static void test_unreadable_trailer_left_alone(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "%PDF-1.5\n1 0 obj\n<< /Type /XRef /Size 3 /Root 2 0 R >>\n"
        "stream\nendstream\nendobj\nstartxref\n9\n%%EOF\n",
        "%PDF-1.5\ntrailer\n<< /Size 3 >>\nstartxref\n9\n%%EOF\n",
        "%PDF-1.5\ntrailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n",
        "",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        size_t len = strlen(bad[i]);
        char *pdf = strdup(bad[i]);
        char *was = pdf;
        assert_int_equal(rg_pdfmeta__add(&pdf, &len, "t", "s"), -2);
        assert_ptr_equal(pdf, was);
        assert_int_equal(len, strlen(bad[i]));
        assert_string_equal(pdf, bad[i]);
        free(pdf);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_update_structure),
        cmocka_unit_test(test_texts_as_utf16_hex),
        cmocka_unit_test(test_long_and_missing_texts),
        cmocka_unit_test(test_unreadable_trailer_left_alone),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
