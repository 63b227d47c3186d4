/* The plan of a timeline chart (see timeline.h): dates to days, the theme
 * lines and their order, each item's place on the axis, the ticks, and
 * the lanes of the labels. Decisions, documented in graphs/README.md
 * ("Timeline charts"):
 *  - a link without a date of its own takes the date of an end that has
 *    one (an event), so that an event is joined to the theme lines of the
 *    actors it links to at its date;
 *  - a partial date (2015, 2015-06) covers its year or month: an event's
 *    marker is a bar over that span, and the links of one span are spread
 *    evenly across it; an interval (until) is a bar to the end of until;
 *  - labels go in lanes above the theme lines, each joined to its link by
 *    a dotted leader: placed right to left, a label takes the lowest lane
 *    above every label whose leader would cross it, so that no label
 *    overlaps another or is crossed by a leader, whatever the dates.
 * State: none beyond a call's. */
#include "timeline.h"

#include "when.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Sizes in points. */
#define TL_MIN_WIDTH 840.0     /* the axis, at least */
#define TL_MAX_WIDTH 8000.0
#define TL_PER_ITEM 30.0       /* axis width an item asks for */
#define TL_PER_TICK 70.0       /* room for a tick's text */
#define TL_SPREAD_MIN 5.0      /* between links of one span */
#define TL_AFTER_SPILL 1.0     /* a later span after an earlier's spill */
#define TL_BAND_GAP 36.0       /* from the axis to the undated band */
#define TL_BAND_STEP 14.0      /* between undated items */
#define TL_LABEL_PAD 9.0       /* a label's leader to its text, and after */
/* Past this many links, as in a big graph (engine.c), the links' labels
 * stay in their titles and tooltips: 10,000 actors and 29,861 links gave
 * 2,000 lanes of labels and an 85 MB SVG. */
#define TL_MAX_LABELLED 5000

/* The days of an item's date (a partial one covers its year or month).
 * Returns 0, or -1 when it has none. */
static int span_of(const char *date, long *lo, long *hi)
{
    return date != NULL && rg_when__day(date, 0, lo) &&
                   rg_when__day(date, 1, hi)
               ? 0 : -1;
}

/* The last day of an item with this date and until: until's last day,
 * else the date's. */
static long end_of(const char *until, long hi)
{
    long last;
    if (until != NULL && rg_when__day(until, 1, &last) && last > hi)
        return last;
    return hi;
}

/* A link's dates: its own, else those of an end that has them. */
static int link_span(const rg_doc *d, const rg_link *k, long *lo, long *hi)
{
    if (span_of(k->date, lo, hi) == 0)
        return 0;
    const rg_actor *f = &d->actors[k->from_index], *t = &d->actors[k->to_index];
    if (span_of(f->date, lo, hi) == 0)
        return 0;
    return span_of(t->date, lo, hi);
}

int rg_timeline__any_dated(const rg_doc *doc)
{
    long lo, hi;
    for (size_t i = 0; i < doc->n_actors; i++)
        if (span_of(doc->actors[i].date, &lo, &hi) == 0)
            return 1;
    for (size_t i = 0; i < doc->n_links; i++)
        if (span_of(doc->links[i].date, &lo, &hi) == 0)
            return 1;
    return 0;
}

bool rg_doc_any_dated(const rg_doc *doc)
{
    return rg_timeline__any_dated(doc) != 0;
}

/* ---- theme lines ---- */

/* A sort key: in order of a, then b, then i, the index sorted (qsort()
 * takes no context, so the keys travel with the indexes). */
typedef struct sort_key {
    double a, b;
    size_t i;
} sort_key;

typedef struct work {
    const rg_doc *doc;
    rg_tl_plan *p;
    long *first;       /* by actor: the first day it takes part; LONG_MAX */
    long *lo, *hi;     /* by item: its date's first and last day */
    long *end;         /* by item: the last day of its until, else hi */
    sort_key *keys;    /* room for a sort of the actors or the items */
} work;

static int cmp_keys(const void *x, const void *y)
{
    const sort_key *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    if (p->b != q->b)
        return p->b < q->b ? -1 : 1;
    return (p->i > q->i) - (p->i < q->i);
}

/* Sorts idx[0..n) by the keys w->keys[0..n) hold for them. */
static void sort_keyed(work *w, size_t *idx, size_t n)
{
    qsort(w->keys, n, sizeof(*w->keys), cmp_keys);
    for (size_t j = 0; j < n; j++)
        idx[j] = w->keys[j].i;
}

static int is_event(const rg_actor *a)
{
    return strcmp(a->kind, "event") == 0;
}

static void take_part(work *w, size_t actor, long day)
{
    if (w->p->row_of[actor] == SIZE_MAX) {
        w->p->row_of[actor] = 0; /* numbered after the sort */
        w->p->rows[w->p->n_rows++] = actor;
    }
    if (day < w->first[actor])
        w->first[actor] = day;
}

/* The theme lines: the actors with a date, the ends of dated links, and
 * the undated events linked to those; first seen first. */
static void pick_rows(work *w)
{
    const rg_doc *d = w->doc;
    long lo, hi;
    for (size_t i = 0; i < d->n_actors; i++)
        if (span_of(d->actors[i].date, &lo, &hi) == 0)
            take_part(w, i, lo);
    for (size_t i = 0; i < d->n_links; i++) {
        const rg_link *k = &d->links[i];
        if (link_span(d, k, &lo, &hi) == 0) {
            take_part(w, k->from_index, lo);
            take_part(w, k->to_index, lo);
        }
    }
    for (size_t i = 0; i < d->n_links; i++) {
        const rg_link *k = &d->links[i];
        size_t f = k->from_index, t = k->to_index;
        int fr = w->p->row_of[f] != SIZE_MAX, tr = w->p->row_of[t] != SIZE_MAX;
        if (fr != tr && link_span(d, k, &lo, &hi) != 0 &&
            is_event(&d->actors[fr ? t : f]))
            take_part(w, fr ? t : f, LONG_MAX);
    }
    for (size_t r = 0; r < w->p->n_rows; r++) {
        size_t a = w->p->rows[r];
        w->keys[r] = (sort_key){(double)w->first[a], 0, a};
    }
    sort_keyed(w, w->p->rows, w->p->n_rows);
    for (size_t r = 0; r < w->p->n_rows; r++)
        w->p->row_of[w->p->rows[r]] = r;
}

/* ---- items ---- */

static void add_item(work *w, int event, size_t index, size_t ra, size_t rb,
                     long lo, long hi, const char *until)
{
    rg_tl_plan *p = w->p;
    int undated = lo > hi;
    w->lo[p->n_items] = lo;
    w->hi[p->n_items] = hi;
    w->end[p->n_items] = end_of(until, hi);
    p->items[p->n_items++] = (rg_tl_item){
        .is_event = event, .index = index, .row_a = ra, .row_b = rb,
        .undated = undated, .day = undated ? 0 : lo};
}

static void pick_items(work *w)
{
    const rg_doc *d = w->doc;
    rg_tl_plan *p = w->p;
    long lo, hi;
    for (size_t i = 0; i < d->n_actors; i++) {
        size_t r = p->row_of[i];
        if (r == SIZE_MAX)
            continue;
        if (span_of(d->actors[i].date, &lo, &hi) == 0)
            add_item(w, 1, i, r, r, lo, hi, d->actors[i].until);
        else if (is_event(&d->actors[i]))
            add_item(w, 1, i, r, r, 1, 0, NULL);
    }
    for (size_t i = 0; i < d->n_links; i++) {
        const rg_link *k = &d->links[i];
        size_t ra = p->row_of[k->from_index], rb = p->row_of[k->to_index];
        if (ra == SIZE_MAX || rb == SIZE_MAX)
            continue;
        if (link_span(d, k, &lo, &hi) != 0)
            lo = 1, hi = 0; /* undated */
        add_item(w, 0, i, ra, rb, lo, hi, k->date ? k->until : NULL);
    }
}

/* ---- the axis ---- */

typedef struct unit {
    int kind;   /* 0 days, 1 months, 2 years */
    long step;
} unit;

static const unit units[] = {
    {0, 1},  {0, 2},  {0, 7},   {0, 14},  {1, 1},   {1, 2},   {1, 3},
    {1, 6},  {2, 1},  {2, 2},   {2, 5},   {2, 10},  {2, 20},  {2, 50},
    {2, 100}, {2, 200}, {2, 500}, {2, 1000}, {2, 2000}, {2, 5000},
};

/* The tick at or before day z (up = 0) or at or after it (up = 1), as a
 * count of the unit since its origin. */
static long tick_index(const unit *u, long z, int up)
{
    int y, m, d;
    rg_when__civil(z, &y, &m, &d);
    long n = u->kind == 0 ? z : u->kind == 1 ? y * 12 + m - 1 : y;
    int exact = u->kind == 0 || (d == 1 && (u->kind == 1 || m == 1));
    long q = n >= 0 ? n / u->step : -((-n + u->step - 1) / u->step);
    if (up && (!exact || q * u->step != n))
        q++;
    return q;
}

static long tick_day(const unit *u, long q)
{
    long n = q * u->step;
    if (u->kind == 0)
        return n;
    if (u->kind == 1) {
        long y = n >= 0 ? n / 12 : -((-n + 11) / 12);
        return rg_when__from_civil(y, (int)(n - y * 12 + 1), 1);
    }
    return rg_when__from_civil(n, 1, 1);
}

static void tick_text(char *buf, size_t cap, const unit *u, long z)
{
    static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May",
                                      "Jun", "Jul", "Aug", "Sep", "Oct",
                                      "Nov", "Dec"};
    int y, m, d;
    rg_when__civil(z, &y, &m, &d);
    if (u->kind == 0)
        snprintf(buf, cap, "%d %s %d", d, mon[m - 1], y);
    else if (u->kind == 1)
        snprintf(buf, cap, "%s %d", mon[m - 1], y);
    else
        snprintf(buf, cap, "%d", y);
}

/* The ticks of [dmin, dmax]: the finest unit with at most 11 intervals (12 ticks),
 * the axis from the tick at or before dmin to the one after dmax. */
static void axis(rg_tl_plan *p, long dmin, long dmax, long *a, long *b)
{
    const unit *u = &units[sizeof(units) / sizeof(units[0]) - 1];
    long q0 = 0, q1 = 0;
    for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
        q0 = tick_index(&units[i], dmin, 0);
        q1 = tick_index(&units[i], dmax + 1, 1);
        if (q1 - q0 <= 11) {
            u = &units[i];
            break;
        }
    }
    q0 = tick_index(u, dmin, 0);
    q1 = tick_index(u, dmax + 1, 1);
    if (q1 == q0)
        q1++;
    *a = tick_day(u, q0);
    *b = tick_day(u, q1);
    p->n_ticks = 0;
    for (long q = q0; q <= q1 && p->n_ticks < 16; q++) {
        rg_tl_tick *t = &p->ticks[p->n_ticks++];
        t->x = (double)(tick_day(u, q) - *a);  /* days; scaled later */
        tick_text(t->text, sizeof(t->text), u, tick_day(u, q));
    }
}

/* The dated items into ord, by span (first day, then last); returns
 * how many. */
static size_t sort_dated(work *w, size_t *ord)
{
    rg_tl_plan *p = w->p;
    size_t n = 0;
    for (size_t i = 0; i < p->n_items; i++)
        if (!p->items[i].undated)
            w->keys[n++] = (sort_key){(double)w->lo[i], (double)w->hi[i], i};
    sort_keyed(w, ord, n);
    return n;
}

/* The end of the run of items in ord from s on that share s's span, and
 * how many of them are links, into *links. */
static size_t same_span(const work *w, const size_t *ord, size_t n, size_t s,
                        size_t *links)
{
    size_t e = s;
    *links = 0;
    for (; e < n && w->lo[ord[e]] == w->lo[ord[s]] &&
           w->hi[ord[e]] == w->hi[ord[s]];
         e++)
        *links += !w->p->items[ord[e]].is_event;
    return e;
}

/* A run of dated items that share one span: where it starts in the
 * sorted order, the span's last day, the rightmost x it takes. */
typedef struct run {
    size_t start;
    long hi;
    double right;
} run;

static int cmp_runs_by_hi(const void *a, const void *b)
{
    const run *x = *(run *const *)a, *y = *(run *const *)b;
    return (x->hi > y->hi) - (x->hi < y->hi);
}

/* Places the items of ord[s..e) (one span, `links` of them links) with
 * their x moved right by `shift`; returns the leftmost x. */
static double place_run(work *w, const size_t *ord, size_t s, size_t e,
                        size_t links, double scale, long a, double shift)
{
    rg_tl_plan *p = w->p;
    double x0 = (double)(w->lo[ord[s]] - a) * scale + shift;
    double x1 = (double)(w->hi[ord[s]] + 1 - a) * scale + shift;
    double step = links ? (x1 - x0) / (double)links : 0;
    if (links && step < TL_SPREAD_MIN)
        step = TL_SPREAD_MIN;
    /* centred on the span: one link at its middle */
    double k = -(double)links / 2 + 0.5, left = x0;
    for (size_t j = s; j < e; j++) {
        rg_tl_item *it = &p->items[ord[j]];
        double end = (double)(w->end[ord[j]] + 1 - a) * scale + shift;
        end = end > x0 ? end : x0;
        if (it->is_event) {
            it->x = end - x0 < 4 ? (x0 + end) / 2 : x0;
            it->x_end = end - x0 < 4 ? it->x : end;
            continue;
        }
        it->x = (x0 + x1) / 2 + step * k++;
        it->x_end = w->end[ord[j]] > w->hi[ord[j]] ? end : it->x;
        left = it->x < left ? it->x : left;
    }
    return left;
}

/* Each dated item's x (ord: the dated items by span, n of them): an
 * event's bar over its span; the links of one span spread evenly across
 * it, at least TL_SPREAD_MIN apart, those that do not fit spilling over
 * its ends; a span that begins after another has ended is moved right
 * past what spilled (TL_AFTER_SPILL), so that x grows with date from
 * item to item.
 * Returns 0 or -1. */
static int place_dated(work *w, const size_t *ord, size_t n, double scale,
                       long a)
{
    run *runs = malloc((n ? n : 1) * sizeof(*runs));
    run **byhi = malloc((n ? n : 1) * sizeof(*byhi));
    if (runs == NULL || byhi == NULL) {
        free(runs);
        free(byhi);
        return -1;
    }
    size_t nr = 0;
    for (size_t s = 0, e, links; s < n; s = e) {
        e = same_span(w, ord, n, s, &links);
        runs[nr] = (run){s, w->hi[ord[s]], 0};
        byhi[nr] = &runs[nr];
        nr++;
    }
    qsort(byhi, nr, sizeof(*byhi), cmp_runs_by_hi);
    double before = -1e300;
    for (size_t r = 0, q = 0, links; r < nr; r++) {
        size_t s = runs[r].start, e = same_span(w, ord, n, s, &links);
        for (; q < nr && byhi[q]->hi < w->lo[ord[s]]; q++)
            before = byhi[q]->right > before ? byhi[q]->right : before;
        double left = place_run(w, ord, s, e, links, scale, a, 0), shift = 0;
        if (left <= before) {
            shift = before + TL_AFTER_SPILL - left;
            place_run(w, ord, s, e, links, scale, a, shift);
        }
        runs[r].right = -1e300;
        for (size_t j = s; j < e; j++) {
            double x = w->p->items[ord[j]].x;
            runs[r].right = x > runs[r].right ? x : runs[r].right;
        }
    }
    free(runs);
    free(byhi);
    return 0;
}

/* Each undated item's x in the band right of the axis. */
static void place_undated(rg_tl_plan *p)
{
    size_t k = 0;
    p->band_x0 = p->band_x1 = p->x1;
    for (size_t i = 0; i < p->n_items; i++) {
        rg_tl_item *it = &p->items[i];
        if (!it->undated)
            continue;
        if (k == 0)
            p->band_x0 = p->x1 + TL_BAND_GAP;
        it->x = it->x_end = p->band_x0 + TL_BAND_STEP * ((double)k++ + 1);
    }
    if (k > 0)
        p->band_x1 = p->band_x0 + TL_BAND_STEP * ((double)k + 1);
    if (k > 0 && p->band_x1 < p->band_x0 + 70)
        p->band_x1 = p->band_x0 + 70;
}

/* The lanes, right to left: a label from x + pad to x + pad + w takes
 * the lane above those of every label placed already whose leader
 * stands in that range (all placed ones stand at or right of x). */
static void lanes(work *w, size_t *ord)
{
    rg_tl_plan *p = w->p;
    size_t n = 0;
    /* right to left; at one x, the later link first */
    for (size_t i = 0; i < p->n_items; i++)
        if (p->items[i].label_w > 0)
            w->keys[n++] = (sort_key){-p->items[i].x,
                                      -(double)p->items[i].index, i};
    sort_keyed(w, ord, n);
    p->n_lanes = 0;
    for (size_t i = 0; i < n; i++) {
        rg_tl_item *it = &p->items[ord[i]];
        double right = it->x + it->label_w + 2 * TL_LABEL_PAD;
        size_t lane = 0;
        for (size_t j = i; j-- > 0;) {
            const rg_tl_item *o = &p->items[ord[j]];
            if (o->x > right)
                break;
            if (o->lane + 1 > lane)
                lane = o->lane + 1;
        }
        it->lane = lane;
        if (lane + 1 > p->n_lanes)
            p->n_lanes = lane + 1;
    }
}

/* The axis over every dated item, its width and ticks in points: returns
 * the points a day, and its first day in *a. */
static double scale_axis(work *w, long *a)
{
    rg_tl_plan *p = w->p;
    long dmin = LONG_MAX, dmax = LONG_MIN, b = 1;
    *a = 0;
    for (size_t i = 0; i < p->n_items; i++) {
        if (p->items[i].undated)
            continue;
        dmin = w->lo[i] < dmin ? w->lo[i] : dmin;
        dmax = w->end[i] > dmax ? w->end[i] : dmax;
        p->n_dated++;
    }
    if (p->n_dated > 0)
        axis(p, dmin, dmax, a, &b);
    double width = TL_PER_ITEM * (double)p->n_dated;
    width = width < TL_MIN_WIDTH ? TL_MIN_WIDTH
            : width > TL_MAX_WIDTH ? TL_MAX_WIDTH : width;
    if (width < TL_PER_TICK * (double)p->n_ticks)
        width = TL_PER_TICK * (double)p->n_ticks;
    double scale = width / (double)(b - *a);
    p->x0 = 0;
    p->x1 = width;
    for (size_t i = 0; i < p->n_ticks; i++)
        p->ticks[i].x *= scale;
    return scale;
}

int rg_timeline__plan(rg_tl_plan *out, const rg_doc *doc,
                      double (*label_width)(void *ctx, size_t link),
                      void *ctx)
{
    memset(out, 0, sizeof(*out));
    size_t na = doc->n_actors ? doc->n_actors : 1;
    size_t ni = doc->n_actors + doc->n_links + 1;
    work w = {doc, out, malloc(na * sizeof(long)), malloc(ni * sizeof(long)),
              malloc(ni * sizeof(long)), malloc(ni * sizeof(long)),
              malloc((ni > na ? ni : na) * sizeof(sort_key))};
    size_t *ord = malloc(ni * sizeof(*ord));
    out->rows = malloc(na * sizeof(*out->rows));
    out->row_of = malloc(na * sizeof(*out->row_of));
    out->items = calloc(ni, sizeof(*out->items));
    int rc = -1;
    if (w.first == NULL || w.lo == NULL || w.hi == NULL || w.end == NULL ||
        w.keys == NULL ||
        ord == NULL ||
        out->rows == NULL || out->row_of == NULL || out->items == NULL)
        goto out;
    for (size_t i = 0; i < na; i++) {
        w.first[i] = LONG_MAX;
        out->row_of[i] = SIZE_MAX;
    }
    pick_rows(&w);
    pick_items(&w);
    long a;
    double scale = scale_axis(&w, &a);
    if (place_dated(&w, ord, sort_dated(&w, ord), scale, a) != 0)
        goto out;
    place_undated(out);
    for (size_t i = 0; i < out->n_items && doc->n_links <= TL_MAX_LABELLED;
         i++)
        if (!out->items[i].is_event)
            out->items[i].label_w = label_width(ctx, out->items[i].index);
    lanes(&w, ord);
    rc = 0;
out:
    free(w.first);
    free(w.lo);
    free(w.hi);
    free(w.end);
    free(w.keys);
    free(ord);
    if (rc != 0)
        rg_timeline__free(out);
    return rc;
}

void rg_timeline__free(rg_tl_plan *p)
{
    free(p->rows);
    free(p->row_of);
    free(p->items);
    memset(p, 0, sizeof(*p));
}
