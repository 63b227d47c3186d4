/* The plan of a timeline chart (--view timeline), in points, before any
 * graph is built: which actors get a theme line and in which order, where
 * each dated link and event sits on the time axis, the ticks of the axis,
 * and the lane above the theme lines where each link's label goes. Plain
 * C on the model: build_timeline.c turns the plan into nodes and edges
 * with pinned positions. */
#ifndef RG_TIMELINE_H
#define RG_TIMELINE_H

#include "model.h"

#include <stddef.h>

/* One thing drawn at a date (or in the undated band). */
typedef struct rg_tl_item {
    int is_event;      /* 1: actor `index` (an event); 0: link `index` */
    size_t index;
    size_t row_a;      /* the theme lines it joins: a link's from and to */
    size_t row_b;      /* (an event's own, twice) */
    int undated;       /* in the undated band */
    double x;          /* where its connector or marker stands */
    double x_end;      /* > x: a bar from x to x_end (an interval, or a
                        * partial date over its span) */
    long day;          /* first day it covers (sorting); undated: 0 */
    double label_w;    /* estimated width of its label; 0: none */
    size_t lane;       /* the lane its label sits in, 0 nearest the rows */
} rg_tl_item;

/* A tick of the axis. */
typedef struct rg_tl_tick {
    double x;
    char text[24];     /* "2014", "Jun 2015", "4 Jun 2015" */
} rg_tl_tick;

typedef struct rg_tl_plan {
    size_t *rows;      /* actor index of each theme line, top to bottom */
    size_t n_rows;
    size_t *row_of;    /* theme line of each actor, or SIZE_MAX */
    rg_tl_item *items;
    size_t n_items;
    size_t n_dated;    /* items on the axis (the rest are undated) */
    rg_tl_tick ticks[16];
    size_t n_ticks;
    double x0, x1;     /* the axis, left to right */
    double band_x0, band_x1; /* the undated band, when any item is */
    size_t n_lanes;
} rg_tl_plan;

/* Whether anything in doc has a date a timeline can place: an actor's or
 * a link's. */
int rg_timeline__any_dated(const rg_doc *doc);

/* Makes the plan. label_width(ctx, link) estimates the width in points
 * of a link's label (0: none). Returns 0, or -1 when out of memory. */
int rg_timeline__plan(rg_tl_plan *out, const rg_doc *doc,
                      double (*label_width)(void *ctx, size_t link),
                      void *ctx);

void rg_timeline__free(rg_tl_plan *p);

#endif
