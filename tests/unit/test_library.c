/* Unit tests of the library's public contracts (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "relgraph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char opm[] =
    "{\n"
    "  \"relgraph\": 1,\n"
    "  \"title\": \"OPM\",\n"
    "  \"sources\": [{ \"id\": \"beacon\", \"title\": \"China Says\" }],\n"
    "  \"groups\": [\n"
    "    { \"id\": \"cn\", \"label\": \"China\" },\n"
    "    { \"id\": \"pla\", \"label\": \"PLA\", \"parent\": \"cn\" }\n"
    "  ],\n"
    "  \"actors\": [\n"
    "    { \"id\": \"guo\", \"name\": \"Guo Shengkun\", \"kind\": \"person\", "
    "\"group\": \"cn\" },\n"
    "    { \"id\": \"chinalco\", \"name\": \"Chinalco\", \"aliases\": "
    "[\"Chalco\"], \"kind\": \"company\", \"group\": \"cn\" },\n"
    "    { \"id\": \"3pla\", \"kind\": \"agency\", \"group\": \"pla\" }\n"
    "  ],\n"
    "  \"links\": [\n"
    "    { \"from\": \"Guo Shengkun\", \"to\": \"Chalco\", \"label\": "
    "\"headed\", \"status\": \"confirmed\", \"source\": \"beacon\" },\n"
    "    { \"from\": \"3pla\", \"to\": \"guo\", \"directed\": false, "
    "\"claimed_by\": [\"Chalco\"] }\n"
    "  ]\n"
    "}\n";

static rg_doc *load(const char *text, rg_diags *diags)
{
    rg_doc *doc = NULL;
    int rc = rg_doc_load_buffer(&doc, text, strlen(text), "t.json", diags);
    assert_int_equal(rc, doc ? 0 : -1);
    return doc;
}

static void loads_model_and_resolves_references(void **state)
{
    (void)state;
    rg_diags *diags = rg_diags_new();
    rg_doc *doc = load(opm, diags);
    assert_non_null(doc);
    assert_int_equal(rg_diags_count(diags), 0);
    assert_string_equal(rg_doc_title(doc), "OPM");
    assert_int_equal(rg_doc_actor_count(doc), 3);
    assert_int_equal(rg_doc_link_count(doc), 2);
    /* defaults: name from id, kind "other" only when absent */
    const rg_actor *pla = rg_doc_actor(doc, 2);
    assert_string_equal(pla->name, "3pla");
    assert_string_equal(pla->kind, "agency");
    assert_int_equal(pla->group_index, 1);
    assert_int_equal(rg_doc_group(doc, 1)->parent_index, 0);
    /* references by name and by alias */
    const rg_link *l0 = rg_doc_link(doc, 0);
    assert_int_equal(l0->from_index, 0);
    assert_int_equal(l0->to_index, 1);
    assert_int_equal(l0->status, RG_STATUS_CONFIRMED);
    assert_true(l0->directed);
    const rg_link *l1 = rg_doc_link(doc, 1);
    assert_int_equal(l1->status, RG_STATUS_REPORTED);
    assert_false(l1->directed);
    assert_int_equal(l1->claimed_by.n, 1);
    assert_int_equal(l1->claimed_by_index[0], 1);
    assert_int_equal(rg_doc_find_actor(doc, "Chalco"), 1);
    assert_int_equal(rg_doc_find_actor(doc, "nobody"), -1);
    rg_doc_free(doc);
    rg_diags_free(diags);
}

static void collects_every_error_in_file_order(void **state)
{
    (void)state;
    const char *text =
        "{\n"
        "  \"actors\": [\n"
        "    { \"id\": \"a\", \"kind\": \"persn\" },\n"
        "    { \"id\": \"a\", \"date\": \"2014-13\" }\n"
        "  ],\n"
        "  \"links\": [ { \"from\": \"a\", \"to\": \"b\", \"status\": 3 } ]\n"
        "}\n";
    rg_diags *diags = rg_diags_new();
    rg_doc *doc = load(text, diags);
    assert_null(doc);
    assert_int_equal(rg_diags_count_severity(diags, RG_ERROR), 5);
    int last_line = 0, last_col = 0;
    for (size_t i = 0; i < rg_diags_count(diags); i++) {
        const rg_diag *d = rg_diags_get(diags, i);
        assert_string_equal(d->file, "t.json");
        assert_true(d->line > last_line ||
                    (d->line == last_line && d->column >= last_col));
        last_line = d->line;
        last_col = d->column;
    }
    const rg_diag *kind = rg_diags_get(diags, 0);
    assert_string_equal(kind->path, "actors[0].kind");
    assert_int_equal(kind->line, 3);
    assert_int_equal(kind->column, 26);
    assert_int_equal(kind->end_column, 33);
    assert_string_equal(kind->suggestion, "person");
    assert_non_null(strstr(kind->source_line, "\"persn\""));
    const rg_diag *dup = rg_diags_get(diags, 1);
    assert_string_equal(dup->path, "actors[1].id");
    assert_non_null(strstr(dup->message, "(first at 3:13)"));
    rg_diags_free(diags);
}

static void unknown_keys_warn_and_x_keys_are_silent(void **state)
{
    (void)state;
    const char *text = "{\"actors\": [{\"id\": \"a\", \"nmae\": \"A\", "
                       "\"x-mine\": {\"any\": [1]}}]}";
    rg_diags *diags = rg_diags_new();
    rg_doc *doc = load(text, diags);
    assert_non_null(doc);
    assert_int_equal(rg_diags_count(diags), 1);
    const rg_diag *d = rg_diags_get(diags, 0);
    assert_int_equal(d->severity, RG_WARNING);
    assert_string_equal(d->suggestion, "name");
    assert_int_equal(d->column, 25); /* the key itself */
    rg_doc_free(doc);
    rg_diags_free(diags);
}

static void ambiguous_reference_is_an_error(void **state)
{
    (void)state;
    const char *text = "{\"actors\": [{\"id\": \"a\", \"name\": \"Lee\"}, "
                       "{\"id\": \"b\", \"aliases\": [\"Lee\"]}], "
                       "\"links\": [{\"from\": \"Lee\", \"to\": \"a\"}]}";
    rg_diags *diags = rg_diags_new();
    assert_null(load(text, diags));
    assert_int_equal(rg_diags_count(diags), 1);
    const rg_diag *d = rg_diags_get(diags, 0);
    assert_non_null(strstr(d->message, "\"a\" (actors[0], at 1:13)"));
    assert_non_null(strstr(d->message, "\"b\" (actors[1], at 1:41)"));
    rg_diags_free(diags);
}

static void json_syntax_error_has_position(void **state)
{
    (void)state;
    const char *text = "{\n  \"actors\": []\n  \"links\": []\n}\n";
    rg_diags *diags = rg_diags_new();
    assert_null(load(text, diags));
    assert_int_equal(rg_diags_count(diags), 1);
    const rg_diag *d = rg_diags_get(diags, 0);
    assert_int_equal(d->line, 3);
    assert_int_equal(d->column, 3);
    assert_non_null(strstr(d->message, "JSON:"));
    rg_diags_free(diags);
}

static void free_null_does_nothing(void **state)
{
    (void)state;
    rg_doc_free(NULL);
    rg_diags_free(NULL);
    rg_renderer_free(NULL);
    rg_outputs_free(NULL, 3);
}

static void dates_and_urls(void **state)
{
    (void)state;
    const char *ok = "{\"actors\": [{\"id\": \"a\", \"date\": \"2016-02-29\", "
                     "\"until\": \"2016\", \"url\": \"mailto:x@example.org\"},"
                     "{\"id\": \"b\", \"url\": \"../notes/b.html#top\"}]}";
    const char *bad = "{\"actors\": [{\"id\": \"a\", \"date\": \"2015-02-29\"},"
                      "{\"id\": \"b\", \"url\": \"javascript:alert(1)\"},"
                      "{\"id\": \"c\", \"date\": \"2015\", \"until\": \"2014-12\"}]}";
    rg_diags *diags = rg_diags_new();
    rg_doc *doc = load(ok, diags);
    assert_non_null(doc);
    rg_doc_free(doc);
    assert_null(load(bad, diags));
    assert_int_equal(rg_diags_count_severity(diags, RG_ERROR), 3);
    rg_diags_free(diags);
}

static void format_names(void **state)
{
    (void)state;
    rg_format f;
    assert_int_equal(rg_format_parse(&f, "out/chart.SVG"), 0);
    assert_int_equal(f, RG_FORMAT_SVG);
    assert_int_equal(rg_format_parse(&f, "png"), 0);
    assert_int_equal(f, RG_FORMAT_PNG);
    assert_int_equal(rg_format_parse(&f, "a.pdf.bak"), -1);
    assert_int_equal(rg_format_parse(&f, "dir.svg/chart"), -1);
    assert_true(rg_format_is_binary(RG_FORMAT_PDF));
    assert_false(rg_format_is_binary(RG_FORMAT_DOT));
}

static void renders_every_format_from_one_layout(void **state)
{
    (void)state;
    rg_diags *diags = rg_diags_new();
    rg_doc *doc = load(opm, diags);
    rg_renderer *r = rg_renderer_new(diags);
    assert_non_null(r);
    rg_format fmts[] = {RG_FORMAT_SVG, RG_FORMAT_PNG, RG_FORMAT_PDF,
                        RG_FORMAT_DOT};
    rg_output *outs = NULL;
    rg_render_opts opts;
    rg_render_opts_init(&opts);
    assert_int_equal(rg_render(&outs, r, doc, &opts, fmts, 4, diags), 0);
    assert_non_null(strstr(outs[0].data, "<svg"));
    assert_non_null(strstr(outs[0].data, "Guo Shengkun"));
    assert_memory_equal(outs[1].data, "\x89PNG\r\n\x1a\n", 8);
    assert_memory_equal(outs[2].data, "%PDF-", 5);
    assert_non_null(strstr(outs[3].data, "cluster_pla"));
    /* The same layout in-process gives the same SVG. */
    rg_output *again = NULL;
    opts.isolation = RG_ISOLATE_NONE;
    assert_int_equal(rg_render(&again, r, doc, &opts, fmts, 1, diags), 0);
    assert_int_equal(again[0].size, outs[0].size);
    assert_memory_equal(again[0].data, outs[0].data, outs[0].size);
    rg_outputs_free(again, 1);
    rg_outputs_free(outs, 4);
    rg_renderer_free(r);
    rg_doc_free(doc);
    rg_diags_free(diags);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    char *buf = malloc(1 << 16);
    *len = fread(buf, 1, 1 << 16, f);
    fclose(f);
    return buf;
}

static void failed_write_leaves_existing_files_alone(void **state)
{
    (void)state;
    char dir[] = "/tmp/rg-unit-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char good[256], bad[256];
    snprintf(good, sizeof(good), "%s/chart.svg", dir);
    snprintf(bad, sizeof(bad), "%s/missing-dir/chart.png", dir);
    rg_diags *diags = rg_diags_new();
    assert_int_equal(rg_write_file_atomic(good, "old", 3, diags), 0);
    rg_file files[] = {{good, "new contents", 12}, {bad, "x", 1}};
    assert_int_equal(rg_write_files(files, 2, diags), -1);
    assert_int_equal(rg_diags_count_severity(diags, RG_ERROR), 1);
    size_t len = 0;
    char *text = slurp(good, &len);
    assert_int_equal(len, 3);
    assert_memory_equal(text, "old", 3);
    free(text);
    /* no temporary left behind */
    char cmd[300];
    snprintf(cmd, sizeof(cmd), "test $(ls -A %s | wc -l) -eq 1", dir);
    assert_int_equal(system(cmd), 0);
    snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
    rg_diags_free(diags);
}

/* Writes the test document to DIR/t.json (dir: a mkdtemp template) and
 * loads it from there, as a regular file. */
static rg_doc *load_from_file(char *dir, char *path, size_t cap,
                              rg_diags *diags)
{
    assert_non_null(mkdtemp(dir));
    snprintf(path, cap, "%s/t.json", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(opm, f);
    fclose(f);
    rg_doc *doc = NULL;
    assert_int_equal(rg_doc_load_file(&doc, path, diags), 0);
    return doc;
}

/* rg_render_begin/end: a document read from a file goes to the worker
 * while the program goes on; the result is rg_render()'s. */
static void render_in_two_halves(void **state)
{
    (void)state;
    char dir[] = "/tmp/rg-unit-XXXXXX", path[256];
    rg_diags *diags = rg_diags_new();
    rg_doc *doc = load_from_file(dir, path, sizeof(path), diags);
    rg_renderer *r = rg_renderer_new(diags);
    rg_render_opts opts;
    rg_render_opts_init(&opts);
    opts.dpi = 300;
    /* More than a pipe holds (64 KiB): the worker waits for relgraph to
     * read the rest. */
    rg_format fmts[] = {RG_FORMAT_SVG, RG_FORMAT_PNG, RG_FORMAT_PDF};
    rg_output *whole = NULL, *halves = NULL;
    /* This starts the worker, which may take seconds under sanitizers;
     * the next render of this small chart in it takes far less than 3 s. */
    assert_int_equal(rg_render(&whole, r, doc, &opts, fmts, 3, diags), 0);
    assert_true(whole[0].size + whole[1].size + whole[2].size > 65536);
    opts.layout_timeout = 3;

    assert_int_equal(rg_render_begin(r, doc, &opts, fmts, 3, diags), 0);
    /* One render at a time: a second begin, or a render, is refused. */
    size_t before = rg_diags_count(diags);
    assert_int_equal(rg_render_begin(r, doc, &opts, fmts, 3, diags), -1);
    rg_output *other = NULL;
    assert_int_equal(rg_render(&other, r, doc, &opts, fmts, 3, diags), -1);
    assert_int_equal(rg_diags_count(diags), before + 2);
    /* Ending after the time limit is not the layout running over it. */
    sleep(4);
    assert_int_equal(rg_render_end(&halves, r), 0);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(halves[i].size, whole[i].size);
        assert_memory_equal(halves[i].data, whole[i].data, whole[i].size);
    }
    /* Nothing is begun any more. */
    rg_output *none = NULL;
    assert_int_equal(rg_render_end(&none, r), -1);
    assert_null(none);

    rg_outputs_free(whole, 3);
    rg_outputs_free(halves, 3);
    rg_renderer_free(r);
    rg_doc_free(doc);
    rg_diags_free(diags);
    unlink(path);
    rmdir(dir);
}

/* The worker reads a document again from its file: a file written since
 * relgraph read it is refused, not drawn unchecked. */
static void changed_file_is_not_drawn(void **state)
{
    (void)state;
    char dir[] = "/tmp/rg-unit-XXXXXX", path[256];
    rg_diags *diags = rg_diags_new();
    rg_doc *doc = load_from_file(dir, path, sizeof(path), diags);
    FILE *f = fopen(path, "a");
    assert_non_null(f);
    fputs("\n", f); /* still valid JSON, but not what was checked */
    fclose(f);
    rg_renderer *r = rg_renderer_new(diags);
    rg_format fmt = RG_FORMAT_SVG;
    rg_output *outs = NULL;
    assert_int_equal(rg_render(&outs, r, doc, NULL, &fmt, 1, diags), -1);
    assert_null(outs);
    const rg_diag *d = rg_diags_get(diags, rg_diags_count(diags) - 1);
    assert_non_null(strstr(d->message, "changed"));
    rg_renderer_free(r);
    rg_doc_free(doc);
    rg_diags_free(diags);
    unlink(path);
    rmdir(dir);
}

static void layout_time_limit_is_a_diagnostic(void **state)
{
    (void)state;
    /* twopi with a huge 'ranksep' and 'overlap' removal on a dense graph
     * would take long; a limit of 1 ms cannot be met by any layout. */
    rg_diags *diags = rg_diags_new();
    rg_doc *doc = load(opm, diags);
    rg_renderer *r = rg_renderer_new(diags);
    rg_render_opts opts;
    rg_render_opts_init(&opts);
    opts.layout_timeout = 0.001;
    rg_format f = RG_FORMAT_PNG;
    rg_output *outs = NULL;
    assert_int_equal(rg_render(&outs, r, doc, &opts, &f, 1, diags), -1);
    assert_null(outs);
    const rg_diag *d = rg_diags_get(diags, rg_diags_count(diags) - 1);
    assert_non_null(strstr(d->message, "did not finish within"));
    rg_renderer_free(r);
    rg_doc_free(doc);
    rg_diags_free(diags);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(loads_model_and_resolves_references),
        cmocka_unit_test(collects_every_error_in_file_order),
        cmocka_unit_test(unknown_keys_warn_and_x_keys_are_silent),
        cmocka_unit_test(ambiguous_reference_is_an_error),
        cmocka_unit_test(json_syntax_error_has_position),
        cmocka_unit_test(free_null_does_nothing),
        cmocka_unit_test(dates_and_urls),
        cmocka_unit_test(format_names),
        cmocka_unit_test(renders_every_format_from_one_layout),
        cmocka_unit_test(failed_write_leaves_existing_files_alone),
        cmocka_unit_test(layout_time_limit_is_a_diagnostic),
        cmocka_unit_test(render_in_two_halves),
        cmocka_unit_test(changed_file_is_not_drawn),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
