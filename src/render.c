/* The front of rendering: rg_render() chooses how a render runs (the
 * batch worker, a child of its own, the in-process guard, or none: see
 * rg_isolation), makes the view of a --focus render, and puts the outputs
 * together: the charts from the layout job (with GraphML, GEXF and
 * Cytoscape.js, which carry its positions), the Markdown table, STIX and
 * the CSV tables straight from the document (they need no Graphviz). No
 * state. */
#include "render.h"

#include "diag.h"
#include "format.h"
#include "glyphs.h"
#include "gvctx.h"
#include "guard.h"
#include "isolate.h"
#include "tlp.h"
#include "engine.h"
#include "export.h"
#include "job.h"
#include "report.h"
#include "timeline.h"
#include "view.h"
#include "view_grade.h"
#include "view_path.h"
#include "view_time.h"
#include "worker.h"

#include <stdlib.h>
#include <string.h>

void rg_render_opts_init(rg_render_opts *out)
{
    memset(out, 0, sizeof(*out));
    out->legend = -1;
    out->dpi = 150;
    out->layout_timeout = 120;
    out->isolation = RG_ISOLATE_CHILD;
}

size_t rg_render__charts(rg_format *out, const rg_format *formats, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (rg_format__is_chart(formats[i]))
            out[k++] = formats[i];
    return k;
}

/* A format made without a layout (the Markdown table, STIX, the CSV
 * tables) in *o. Returns 0, or -1 with a diagnostic. */
static int table_output(rg_output *o, const rg_doc *doc, rg_format f,
                        rg_diags *diags)
{
    rg_buf b = {0}, notes = {0};
    b.max = RG_MAX_CHART_BYTES;
    int rc = f == RG_FORMAT_MD ? rg_report__markdown(&b, doc)
                               : rg_export__write(&b, doc, f, NULL, &notes);
    /* one line a note */
    for (char *line = notes.data, *nl; line != NULL && *line; line = nl + 1) {
        nl = strchr(line, '\n');
        *nl = '\0';
        rg_diags_add(diags, RG_NOTE, doc->file, "%s", line);
    }
    rg_buf__free(&notes);
    if (rc != 0 || b.oom) {
        char *m = b.over ? rg_job__too_big(f) : NULL;
        if (m != NULL)
            rg_diags_add(diags, RG_ERROR, doc->file, "%s", m);
        else
            rg_diags_add(diags, RG_ERROR, doc->file,
                         "out of memory writing %s", rg_format_name(f));
        free(m);
        rg_buf__free(&b);
        return -1;
    }
    o->format = f;
    o->data = b.data ? b.data : strdup("");
    o->size = b.len;
    return o->data != NULL ? 0 : -1;
}

int rg_render__assemble(rg_output **out, const rg_doc *doc,
                        const rg_format *formats, size_t n,
                        rg_output *charts, rg_diags *diags)
{
    rg_output *outs = calloc(n ? n : 1, sizeof(*outs));
    size_t k = 0, n_charts = 0;
    for (size_t i = 0; i < n; i++)
        n_charts += rg_format__is_chart(formats[i]) != 0;
    *out = NULL;
    if (outs == NULL)
        rg_diags_add(diags, RG_ERROR, doc->file, "out of memory");
    for (size_t i = 0; outs != NULL && i < n; i++) {
        if (rg_format__is_chart(formats[i])) {
            outs[i] = charts[k];
            charts[k++].data = NULL;
        } else if (table_output(&outs[i], doc, formats[i], diags) != 0) {
            rg_outputs_free(outs, n);
            outs = NULL;
        }
    }
    rg_outputs_free(charts, n_charts);
    if (outs == NULL)
        return -1;
    *out = outs;
    return 0;
}

/* Runs job j in this process, Graphviz's messages made warnings. */
static int run_here(const rg_job *j, rg_output *outs, rg_diags *diags)
{
    char *err = NULL;
    rg_buf msgs = {0};
    int rc = rg_job__run_captured(j, outs, &err, &msgs);
    if (msgs.len > 0)
        rg_gvctx__add_job_messages(diags, j->doc, j->doc->file,
                                   rg_buf__str(&msgs), RG_WARNING);
    if (rc != 0)
        rg_diags_add(diags, RG_ERROR, j->doc->file, "%s",
                     err ? err : "out of memory");
    free(err);
    rg_buf__free(&msgs);
    return rc;
}

int rg_render__view_refused(const rg_doc *doc, const rg_render_opts *opts,
                            rg_diags *diags)
{
    if (opts->view != RG_VIEW_TIMELINE)
        return 0;
    if (opts->engine != NULL || opts->direction != NULL) {
        rg_diags_add(diags, RG_ERROR, doc->file,
                     "a timeline places everything by date itself: it "
                     "takes no %s; leave it out, or draw --view graph",
                     opts->engine != NULL ? "--engine" : "--direction");
        return -1;
    }
    if (!rg_timeline__any_dated(doc)) {
        rg_diags_add(diags, RG_ERROR, doc->file,
                     "a timeline needs dates, and no actor or link %shas "
                     "one; give links or events a \"date\" (YYYY, YYYY-MM "
                     "or YYYY-MM-DD)",
                     doc->view_note != NULL ? "of this view " : "");
        return -1;
    }
    return 0;
}

/* Renders doc (the document or its view) without the worker: the charts
 * by a job in a child of its own or in this process, then the tables. */
static int render_doc(rg_output **out, const rg_doc *doc,
                      const rg_render_opts *opts, const rg_format *formats,
                      size_t n, rg_diags *diags)
{
    if (!rg_format__all_valid(formats, n)) {
        rg_diags_add(diags, RG_ERROR, doc->file, "unknown output format");
        return -1;
    }
    if (rg_render__view_refused(doc, opts, diags) != 0)
        return -1;
    rg_format *charts = malloc((n ? n : 1) * sizeof(*charts));
    size_t nc = charts ? rg_render__charts(charts, formats, n) : 0;
    rg_job j;
    char *prefix = rg_job__setup(&j, doc, opts, charts, nc, diags);
    rg_output *outs = calloc(nc ? nc : 1, sizeof(*outs));
    int rc = -1;
    if (charts == NULL || outs == NULL)
        rg_diags_add(diags, RG_ERROR, doc->file, "out of memory");
    else if (nc == 0)
        rc = 0;
    else if (opts->isolation == RG_ISOLATE_CHILD)
        rc = rg_isolate__run(&j, opts->layout_timeout > 0
                                     ? opts->layout_timeout : 120,
                             outs, diags);
    else
        rc = run_here(&j, outs, diags);
    free(prefix);
    if (rc == 0)
        rc = rg_render__assemble(out, doc, formats, n, outs, diags);
    else
        rg_outputs_free(outs, nc);
    free(charts);
    return rc;
}

/* Where the views of a render stand: the whole document, the one made
 * so far (the whole, its --tlp view or a view of either), and the whole
 * one's actor indexes in it (NULL: the same; SIZE_MAX, or an index past
 * its drawn actors: left out). */
typedef struct view_at {
    const rg_doc *whole;
    const rg_doc *doc;
    const size_t *map;
} view_at;

/* The index in at->doc of actor `name` of the whole document, or
 * SIZE_MAX with a diagnostic naming the option it came from. */
static size_t find_actor(const view_at *at, const char *option,
                         const char *name, const rg_render_opts *opts,
                         rg_diags *diags)
{
    long a = rg_doc_find_actor(at->whole, name);
    if (a < 0) {
        rg_diags_add(diags, RG_ERROR, at->whole->file,
                     "%s: no actor is \"%s\" (by id, or by a name or alias "
                     "only one actor has)", option, name);
        return SIZE_MAX;
    }
    size_t i = at->map != NULL ? at->map[a] : (size_t)a;
    if (i < at->doc->n_actors)
        return i;
    if (opts->tlp != NULL && !rg_doc_actor_shared(at->whole, (size_t)a,
                                                  opts->tlp))
        rg_diags_add(diags, RG_ERROR, at->whole->file,
                     "%s: \"%s\" is withheld at --tlp %s; use an actor "
                     "that may be shared at that level",
                     option, name, opts->tlp);
    else
        rg_diags_add(diags, RG_ERROR, at->whole->file,
                     "%s: \"%s\" is left out by the other views asked for; "
                     "use an actor they keep", option, name);
    return SIZE_MAX;
}

/* A stage of a render's views: makes v from at->doc and returns 1, or
 * returns 0 when opts asks for none of it, or -1 with a diagnostic. A
 * stage's view is the next one's document. */
typedef int view_stage(rg_view *v, const view_at *at,
                       const rg_render_opts *opts, rg_diags *diags);

/* --as-of, --between: what is valid at a date or in a period (with
 * --fade: everything, the rest faded). */
static int view_time(rg_view *v, const view_at *at,
                     const rg_render_opts *opts, rg_diags *diags)
{
    rg_period p;
    char why[512];
    int asked = rg_view__period(&p, opts, why, sizeof(why));
    if (asked < 0)
        rg_diags_add(diags, RG_ERROR, at->whole->file, "%s", why);
    if (asked <= 0)
        return asked;
    if (rg_view__time(v, at->doc, &p, opts->fade) == 0)
        return 1;
    rg_diags_add(diags, RG_ERROR, at->whole->file, "out of memory");
    rg_view__free(v);
    return -1;
}

/* --focus: the actors within focus_depth links of the focus actors. */
static int view_focus(rg_view *v, const view_at *at,
                      const rg_render_opts *opts, rg_diags *diags)
{
    if (opts->n_focus == 0)
        return 0;
    size_t *focus = malloc(opts->n_focus * sizeof(*focus));
    if (focus == NULL) {
        rg_diags_add(diags, RG_ERROR, at->whole->file, "out of memory");
        return -1;
    }
    int rc = 1;
    for (size_t i = 0; rc == 1 && i < opts->n_focus; i++) {
        focus[i] = find_actor(at, "focus", opts->focus[i], opts, diags);
        rc = focus[i] == SIZE_MAX ? -1 : 1;
    }
    if (rc == 1 && rg_view__make(v, at->doc, focus, opts->n_focus,
                                 opts->focus_depth ? opts->focus_depth
                                                   : 1) != 0) {
        rg_diags_add(diags, RG_ERROR, at->whole->file, "out of memory");
        rg_view__free(v);
        rc = -1;
    }
    free(focus);
    return rc;
}

/* --min-credibility, --graded-only: the links graded well enough. */
static int view_grade(rg_view *v, const view_at *at,
                      const rg_render_opts *opts, rg_diags *diags)
{
    if (opts->min_credibility == 0 && !opts->graded_only)
        return 0;
    if (rg_view__grade(v, at->doc, opts->min_credibility,
                       opts->graded_only) != 0) {
        rg_diags_add(diags, RG_ERROR, at->whole->file, "out of memory");
        rg_view__free(v);
        return -1;
    }
    return 1;
}

/* --path: the shortest chains between two actors. */
static int view_path(rg_view *v, const view_at *at,
                     const rg_render_opts *opts, rg_diags *diags)
{
    if (opts->path_from == NULL)
        return 0;
    size_t a = find_actor(at, "path", opts->path_from, opts, diags);
    size_t b = a == SIZE_MAX ? SIZE_MAX
                             : find_actor(at, "path", opts->path_to ?
                                          opts->path_to : "", opts, diags);
    if (b == SIZE_MAX)
        return -1;
    if (a == b) {
        rg_diags_add(diags, RG_ERROR, at->whole->file, "path: \"%s\" and "
                     "\"%s\" are the same actor; name two",
                     opts->path_from, opts->path_to);
        return -1;
    }
    if (rg_view__path(v, at->doc, a, b, opts->n_paths ? opts->n_paths : 3,
                      opts->through_groups, at->whole->file, diags) != 0) {
        rg_view__free(v);
        return -1;
    }
    return 1;
}

bool rg_render__views_asked(const rg_render_opts *opts)
{
    return opts->tlp != NULL || opts->n_focus != 0 ||
           opts->path_from != NULL || opts->min_credibility != 0 ||
           opts->graded_only || opts->as_of != NULL ||
           opts->between != NULL;
}

/* The views, in the order they are made. */
static view_stage *const stages[] = {view_time, view_grade, view_path,
                                      view_focus};
enum { N_STAGES = sizeof(stages) / sizeof(stages[0]) };

/* What is done with the last view: `then` gets at->doc. */
typedef int view_then(const view_at *at, void *ctx, rg_diags *diags);

/* Makes the views of stages[stage] on, each from the one before, then
 * calls `then` with the last. Returns what `then` did, or -1. */
static int with_views(const view_at *at, size_t stage,
                      const rg_render_opts *opts, view_then *then, void *ctx,
                      rg_diags *diags)
{
    if (stage == N_STAGES)
        return then(at, ctx, diags);
    rg_view v;
    int made = stages[stage](&v, at, opts, diags);
    if (made <= 0)
        return made < 0 ? -1
                        : with_views(at, stage + 1, opts, then, ctx, diags);
    size_t n = at->whole->n_actors;
    size_t *map = malloc((n ? n : 1) * sizeof(*map));
    int rc = -1;
    if (map == NULL)
        rg_diags_add(diags, RG_ERROR, at->whole->file, "out of memory");
    else {
        for (size_t i = 0; i < n; i++) {
            size_t j = at->map != NULL ? at->map[i] : i;
            map[i] = j < at->doc->n_actors + at->doc->n_named_only
                         ? v.map[j] : SIZE_MAX;
        }
        view_at next = {at->whole, &v.doc, map};
        rc = with_views(&next, stage + 1, opts, then, ctx, diags);
    }
    free(map);
    rg_view__free(&v);
    return rc;
}

/* What the last view is for: the outputs to make of it, or the engine
 * that would lay it out. */
typedef struct view_use {
    const rg_render_opts *opts;
    rg_output **out;
    const rg_format *formats;
    size_t n;
    const char *engine;
} view_use;

/* view_then: the engine of the last view (static, or the options' or
 * the document's), into use->engine. */
static int pick_engine(const view_at *at, void *use, rg_diags *diags)
{
    rg_build_opts b;
    view_use *u = use;
    if (u->opts->view == RG_VIEW_TIMELINE) {
        u->engine = "nop2"; /* as rg_job__setup() */
        return 0;
    }
    rg_engine__pick(&b, at->doc, u->opts, diags);
    u->engine = b.engine;
    return 0;
}

/* view_then: renders the last view. */
static int render_last(const view_at *at, void *use, rg_diags *diags)
{
    view_use *u = use;
    if (rg_glyphs__wanted(u->formats, u->n))
        rg_glyphs__check(at->whole, at->doc, diags);
    return render_doc(u->out, at->doc, u->opts, u->formats, u->n, diags);
}

/* Makes the views opts asks for of doc, or first of what of it may be
 * shared at opts->tlp, and hands the last to `then`. */
static int with_all_views(const rg_doc *doc, view_use *use, view_then *then,
                          rg_diags *diags)
{
    const rg_render_opts *opts = use->opts;
    view_at at = {doc, doc, NULL};
    if (opts->tlp == NULL)
        return with_views(&at, 0, opts, then, use, diags);
    if (rg_tlp__rank(opts->tlp) < 0) {
        rg_diags_add(diags, RG_ERROR, doc->file,
                     "tlp: unknown level \"%s\"; use clear, green, amber, "
                     "amber+strict or red", opts->tlp);
        return -1;
    }
    rg_tlp_view t;
    if (rg_tlp__view(&t, doc, opts->tlp) != 0) {
        rg_diags_add(diags, RG_ERROR, doc->file, "out of memory");
        return -1;
    }
    at.doc = &t.doc;
    at.map = t.map;
    int rc = with_views(&at, 0, opts, then, use, diags);
    rg_tlp__view_free(&t);
    return rc;
}

const char *rg_render_engine(const rg_doc *doc, const rg_render_opts *opts)
{
    rg_render_opts dflt;
    rg_render_opts_init(&dflt);
    view_use use = {opts != NULL ? opts : &dflt, NULL, NULL, 0, NULL};
    rg_diags *d = rg_diags_new();
    if (d == NULL)
        return NULL;
    if (with_all_views(doc, &use, pick_engine, d) != 0)
        use.engine = NULL;
    rg_diags_free(d);
    return use.engine;
}

/* Renders doc, or the views of it that opts asks for. */
static int render_view(rg_output **out, const rg_doc *doc,
                       const rg_render_opts *opts, const rg_format *formats,
                       size_t n, rg_diags *diags)
{
    view_use use = {opts, out, formats, n, NULL};
    return with_all_views(doc, &use, render_last, diags);
}

/* Renders in this process under the guard (see guard.c); in a child
 * when the guard cannot be set up (no on_fatal, out of memory). */
static int render_guarded(rg_output **out, rg_renderer *r,
                          const rg_doc *doc, const rg_render_opts *opts,
                          const rg_format *formats, size_t n,
                          rg_diags *diags)
{
    rg_render_opts o = *opts;
    if (rg_guard__begin(doc, opts, diags) != 0) {
        o.isolation = RG_ISOLATE_CHILD;
        return rg_render(out, r, doc, &o, formats, n, diags);
    }
    o.isolation = RG_ISOLATE_NONE;
    /* Graphviz's start and the fonts on threads of their own, under the
     * guard, while the graph is set up; no fork follows. */
    rg_preload();
    int rc = render_view(out, doc, &o, formats, n, diags);
    rg_guard__end(diags);
    return rc;
}

int rg_render(rg_output **out, rg_renderer *r, const rg_doc *doc,
              const rg_render_opts *opts, const rg_format *formats,
              size_t n, rg_diags *diags)
{
    rg_render_opts dflt;
    rg_render_opts_init(&dflt);
    if (opts == NULL)
        opts = &dflt;
    *out = NULL;
    if (rg_worker__busy(r, doc, diags) ||
        rg_render__view_refused(doc, opts, diags) != 0)
        return -1;
    size_t n_charts = 0;
    if (rg_format__all_valid(formats, n))
        for (size_t i = 0; i < n; i++)
            n_charts += rg_format__is_chart(formats[i]) != 0;
    /* For the worker: begun and ended at once. */
    if (rg_worker__takes(doc, opts, formats, n))
        return rg_render_begin(r, doc, opts, formats, n, diags) == 0
                   ? rg_render_end(out, r)
                   : -1;
    if (opts->isolation == RG_ISOLATE_GUARD && n_charts > 0)
        return render_guarded(out, r, doc, opts, formats, n, diags);
    return render_view(out, doc, opts, formats, n, diags);
}

void rg_outputs_free(rg_output *outputs, size_t n)
{
    if (outputs == NULL)
        return;
    for (size_t i = 0; i < n; i++)
        free(outputs[i].data);
    free(outputs);
}

