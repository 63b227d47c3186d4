/* Lines and texts after a layout. Three things, all measured on the
 * laid-out graph (the edges' splines against the boxes of the nodes and
 * of the groups' titles):
 *  - how many texts (actors' names, links' labels, groups' titles) a
 *    line runs through (rg_build__crossed_texts, at the end);
 *  - for dot, the minlen of the claim lines, so that job.c can lay a
 *    chart out a second time with the claim lines free to lie within one
 *    rank and keep the layout that crosses fewer texts. dot routes a
 *    claim line that runs against the ranks (the claimant ranked after
 *    the label) as a long edge through other ranks; letting it lie flat
 *    saves that in some charts and costs more in others (the OPM
 *    example: 4 crossed texts, 12 with minlen 0). In the 33 dot charts
 *    of stress seeds 0-39 (tests/overlap), the better of the two crossed
 *    198 texts where the first alone crossed 329;
 *  - for every engine, detours: the pieces of lines that still run
 *    through a box are laid again around it (rg_build__detour). With
 *    them, the suite's charts (tests/overlap) went from 440 crossed
 *    texts to 4;
 *  - for every engine, tees bent to meet their nodes square
 *    (rg_build__square_tees), whose bars a slant put across names: with
 *    them, and detours that keep their margin beside a line's end, 0. */
#include "build.h"

#include "gvsame.h"

#include <graphviz/gvc.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct tbox { double x0, y0, x1, y1; } tbox;

/* Whether the segment a-b meets the box (Liang-Barsky clipping). */
static int seg_meets(pointf a, pointf b, const tbox *r)
{
    double t0 = 0, t1 = 1, dx = b.x - a.x, dy = b.y - a.y;
    double p[4] = {-dx, dx, -dy, dy};
    double q[4] = {a.x - r->x0, r->x1 - a.x, a.y - r->y0, r->y1 - a.y};
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return 0;
            continue;
        }
        double t = q[i] / p[i];
        if (p[i] < 0 && t > t0)
            t0 = t;
        if (p[i] > 0 && t < t1)
            t1 = t;
        if (t0 > t1)
            return 0;
    }
    return 1;
}

/* The point at t of the cubic Bezier p[0..3]. */
static pointf bez(const pointf *p, double t)
{
    double u = 1 - t, a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t,
           d = t * t * t;
    return (pointf){a * p[0].x + b * p[1].x + c * p[2].x + d * p[3].x,
                    a * p[0].y + b * p[1].y + c * p[2].y + d * p[3].y};
}

/* Whether the cubic piece p[0..3] may meet the box: the curve lies in
 * the box of its control points. */
static int piece_near(const pointf *p, const tbox *r)
{
    double x0 = p[0].x, x1 = p[0].x, y0 = p[0].y, y1 = p[0].y;
    for (int i = 1; i < 4; i++) {
        x0 = p[i].x < x0 ? p[i].x : x0;
        x1 = p[i].x > x1 ? p[i].x : x1;
        y0 = p[i].y < y0 ? p[i].y : y0;
        y1 = p[i].y > y1 ? p[i].y : y1;
    }
    return x1 >= r->x0 && x0 <= r->x1 && y1 >= r->y0 && y0 <= r->y1;
}

/* A label's box, shrunk by a point each way so that a line that only
 * ends at it does not count. */
static tbox label_box(const textlabel_t *l, pointf at)
{
    return (tbox){at.x - l->dimen.x / 2 + 1, at.y - l->dimen.y / 2 + 1,
                  at.x + l->dimen.x / 2 - 1, at.y + l->dimen.y / 2 - 1};
}

/* Whether e is a line from who claims or disputes a link. */
static int is_claim(Agedge_t *e, Agsym_t *cls)
{
    return cls != NULL && strncmp(agxget(e, cls), "claim ", 6) == 0;
}

/* Sets minlen on every claim line (when ml is not NULL); returns how
 * many there are. */
static size_t claim_lines(Agraph_t *g, Agsym_t *ml, const char *minlen)
{
    Agsym_t *cls = agattr(g, AGEDGE, "class", NULL);
    size_t count = 0;
    for (Agnode_t *n = agfstnode(g); n != NULL; n = agnxtnode(g, n))
        for (Agedge_t *e = agfstout(g, n); e != NULL; e = agnxtout(g, e))
            if (is_claim(e, cls)) {
                count++;
                if (ml != NULL)
                    agxset(e, ml, (char *)minlen);
            }
    return count;
}

void rg_build__claims_minlen(Agraph_t *g, const char *minlen)
{
    Agsym_t *ml = agattr(g, AGEDGE, "minlen", NULL);
    if (ml == NULL)
        ml = agattr(g, AGEDGE, "minlen", "1");
    if (ml != NULL)
        claim_lines(g, ml, minlen);
}

/* Charts of more nodes keep their first layout. */
#define RG_RELAYOUT_MAX 300

int rg_build__settle_dot(GVC_t *gvc, Agraph_t *g, int claims)
{
    int first = rg_build__laid_around(g);
    if (first <= 0 || !claims || agnnodes(g) > RG_RELAYOUT_MAX ||
        claim_lines(g, NULL, NULL) == 0)
        return first;
    gvFreeLayout(gvc, g);
    rg_build__claims_minlen(g, "0");
    if (rg_gvsame__layout(gvc, g, "dot") != 0)
        return -1;
    int second = rg_build__laid_around(g);
    if (second < 0 || second < first)
        return second;
    gvFreeLayout(gvc, g);
    rg_build__claims_minlen(g, "1");
    if (rg_gvsame__layout(gvc, g, "dot") != 0)
        return -1;
    return rg_build__laid_around(g) < 0 ? -2 : first;
}

/* ---- Detours ----
 * After any engine's layout, a piece of a line that runs through a box it
 * does not end at (an actor, a link's label, a group's title) is laid
 * again around it: the shortest way from the piece's start to its end
 * through the corners of the boxes near it, each grown by a margin, that
 * crosses none of them. dot's polylines cut corners through the nodes
 * beside their corridors; the straight lines of charts too big to route
 * run through whatever lies between their ends; a line into a group runs
 * through the group's title. Pieces that meet nothing keep their shape. */

/* Room left between a detour and the box it goes around, in points: more
 * than half the widest line (2.4) and the difference between Graphviz's
 * text widths and a browser's. */
#define DETOUR_MARGIN 4.0
/* The boxes a detour considers: those within DETOUR_REACH points of the
 * piece (three times as far when that finds no way), the DETOUR_NEAR
 * nearest. */
#define DETOUR_REACH 72.0
#define DETOUR_NEAR 16
#define DETOUR_VERTS (4 * DETOUR_NEAR + 2)

typedef struct obstacle {
    tbox core;     /* what no line may cross */
    tbox around;   /* grown by the margin: where a detour turns */
    tbox text;     /* the text in it, when a line must end inside core */
    Agnode_t *n;   /* NULL for a group's title */
} obstacle;

/* Sorted by around.x0, so that the boxes over a range of x are found
 * by a binary search; `wide`: the widest around box. */
typedef struct obstacles {
    obstacle *v;
    size_t n, cap;
    double wide;
} obstacles;

static int by_left(const void *x, const void *y)
{
    double a = ((const obstacle *)x)->around.x0,
           b = ((const obstacle *)y)->around.x0;
    return (a > b) - (a < b);
}

/* The first box whose around box may reach x or right of it. */
static size_t first_from(const obstacles *o, double x)
{
    size_t lo = 0, hi = o->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (o->v[mid].around.x0 < x - o->wide)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Sorts the boxes for first_from() (none to sort in a chart without
 * actors: qsort may not be given a null array) and notes the widest.
 * Returns 0. */
static int by_x(obstacles *o)
{
    if (o->n > 1)
        qsort(o->v, o->n, sizeof(*o->v), by_left);
    for (size_t i = 0; i < o->n; i++)
        o->wide = fmax(o->wide, o->v[i].around.x1 - o->v[i].around.x0);
    return 0;
}

static tbox grown(tbox r, double by)
{
    return (tbox){r.x0 - by, r.y0 - by, r.x1 + by, r.y1 + by};
}

/* Adds a box; `text` is the text in it (core itself when the box is
 * only text). */
static int add_obstacle(obstacles *o, tbox core, tbox text, Agnode_t *n)
{
    if (o->n == o->cap) {
        size_t cap = o->cap ? 2 * o->cap : 64;
        obstacle *more = realloc(o->v, cap * sizeof(*more));
        if (more == NULL)
            return -1;
        o->v = more;
        o->cap = cap;
    }
    o->v[o->n++] = (obstacle){core, grown(core, DETOUR_MARGIN), text, n};
    return 0;
}

/* Adds the groups' titles, each box grown by `grow` points (twice as
 * much across). */
static int group_titles(obstacles *o, Agraph_t *g, double grow)
{
    for (int i = 1; i <= GD_n_cluster(g); i++) {
        Agraph_t *sg = GD_clust(g)[i];
        const textlabel_t *l = GD_label(sg);
        if (l != NULL && l->text != NULL && *l->text && l->set) {
            tbox r = grown(label_box(l, l->pos), grow);
            r.x0 -= grow;
            r.x1 += grow;
            if (add_obstacle(o, r, r, NULL) != 0)
                return -1;
        }
        if (group_titles(o, sg, grow) != 0)
            return -1;
    }
    return 0;
}

static int gather(obstacles *o, Agraph_t *g)
{
    Agsym_t *style = agattr(g, AGNODE, "style", NULL);
    for (Agnode_t *n = agfstnode(g); n != NULL; n = agnxtnode(g, n)) {
        if (style != NULL && strstr(agxget(n, style), "invis") != NULL)
            continue;
        pointf c = ND_coord(n);
        tbox r = {c.x - ND_lw(n) + 1, c.y - ND_ht(n) / 2 + 1,
                  c.x + ND_rw(n) - 1, c.y + ND_ht(n) / 2 - 1};
        /* an ellipse's corners are empty: a line from a neighbour packed
         * close may end in them, and must then go round the text only */
        const textlabel_t *l = ND_label(n);
        tbox text = l != NULL && l->text != NULL && *l->text
                        ? grown(label_box(l, c), 2) : r;
        if (r.x1 > r.x0 && r.y1 > r.y0 && add_obstacle(o, r, text, n) != 0)
            return -1;
    }
    /* A browser draws a title about 2 points higher than the box
     * Graphviz keeps for it, and bold text a little wider: a line keeps
     * off by more. (Growing by more than this crossed more titles in
     * the stress sample of tests/overlap, 8 against 6: more lines then
     * end inside the grown box, and are let through.) */
    return group_titles(o, g, 3) != 0 ? -1 : by_x(o);
}

static int strictly_in(pointf p, const tbox *r)
{
    return p.x > r->x0 && p.x < r->x1 && p.y > r->y0 && p.y < r->y1;
}

/* Whether the segment a-b passes inside the box: touching its sides or
 * corners is allowed, so that a detour may run along them. */
static int seg_enters(pointf a, pointf b, const tbox *r)
{
    tbox in = {r->x0 + 0.01, r->y0 + 0.01, r->x1 - 0.01, r->y1 - 0.01};
    return in.x1 > in.x0 && in.y1 > in.y0 && seg_meets(a, b, &in);
}

/* Whether the cubic piece p[0..3] meets the box: eight straight pieces
 * of it, where its control points' box meets the box at all. */
static int piece_meets(const pointf *p, const tbox *r)
{
    if (!piece_near(p, r))
        return 0;
    pointf prev = p[0];
    for (int k = 1; k <= 8; k++) {
        pointf cur = bez(p, k / 8.0);
        if (seg_meets(prev, cur, r))
            return 1;
        prev = cur;
    }
    return 0;
}

static double dist(pointf a, pointf b)
{
    double dx = a.x - b.x, dy = a.y - b.y;
    return sqrt(dx * dx + dy * dy);
}

/* How far the box's centre is from the segment a-b. */
static double box_dist(pointf a, pointf b, const tbox *r)
{
    pointf c = {(r->x0 + r->x1) / 2, (r->y0 + r->y1) / 2};
    double dx = b.x - a.x, dy = b.y - a.y, l2 = dx * dx + dy * dy;
    double t = l2 > 0 ? ((c.x - a.x) * dx + (c.y - a.y) * dy) / l2 : 0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    return dist(c, (pointf){a.x + t * dx, a.y + t * dy});
}

typedef struct near_box {
    tbox r;
    double d;
} near_box;

static int by_distance(const void *x, const void *y)
{
    double a = ((const near_box *)x)->d, b = ((const near_box *)y)->d;
    return (a > b) - (a < b);
}

/* The box r (core grown by the margin) with p, when in its margin, put
 * on its side: the margin is given up on that side alone, so that the
 * way still keeps off the others by all of it (a line entering a group
 * below its title keeps off the title's top). */
static tbox off_ends(tbox r, const tbox *core, pointf p)
{
    if (!strictly_in(p, &r))
        return r;
    if (p.y <= core->y0)
        r.y0 = p.y;
    else if (p.y >= core->y1)
        r.y1 = p.y;
    else if (p.x <= core->x0)
        r.x0 = p.x;
    else
        r.x1 = p.x;
    return r;
}

/* The boxes a detour from a to b goes around: those of o within `reach`
 * of the segment, but the line's own ends, the nearest DETOUR_NEAR. A
 * box whose margin holds a or b gives up its margin on that side (see
 * off_ends); a box that holds a or b is taken as its text alone, or left
 * out when the text holds it too (no way avoids it). Returns how many
 * are in out. */
static size_t near_boxes(near_box *out, const obstacles *o, pointf a,
                         pointf b, double reach, Agnode_t *t, Agnode_t *h)
{
    tbox zone = {fmin(a.x, b.x) - reach, fmin(a.y, b.y) - reach,
                 fmax(a.x, b.x) + reach, fmax(a.y, b.y) + reach};
    size_t k = 0;
    for (size_t i = first_from(o, zone.x0);
         i < o->n && o->v[i].around.x0 <= zone.x1; i++) {
        const obstacle *ob = &o->v[i];
        if (ob->n == t || ob->n == h || ob->around.x1 < zone.x0 ||
            ob->around.x0 > zone.x1 || ob->around.y1 < zone.y0 ||
            ob->around.y0 > zone.y1)
            continue;
        tbox r = ob->around;
        if (strictly_in(a, &ob->core) || strictly_in(b, &ob->core)) {
            if (strictly_in(a, &ob->text) || strictly_in(b, &ob->text))
                continue;
            r = ob->text;
        } else {
            r = off_ends(r, &ob->core, a);
            r = off_ends(r, &ob->core, b);
        }
        near_box nb = {r, box_dist(a, b, &r)};
        if (k < DETOUR_NEAR) {
            out[k++] = nb;
        } else {
            size_t far = 0;
            for (size_t j = 1; j < k; j++)
                if (out[j].d > out[far].d)
                    far = j;
            if (nb.d < out[far].d)
                out[far] = nb;
        }
    }
    qsort(out, k, sizeof(*out), by_distance);
    return k;
}

static int free_way(pointf a, pointf b, const near_box *nb, size_t k)
{
    for (size_t i = 0; i < k; i++)
        if (seg_enters(a, b, &nb[i].r))
            return 0;
    return 1;
}

/* The shortest way from a to b around the boxes nb (A* over the boxes'
 * corners, the straight distance to b as the estimate: most ways turn
 * at one or two corners, and few corners are looked from): its points,
 * a and b included, in way[], and their count; 0 when there is none. */
static size_t shortest_way(pointf *way, pointf a, pointf b,
                           const near_box *nb, size_t k)
{
    pointf v[DETOUR_VERTS];
    double d[DETOUR_VERTS];
    int from[DETOUR_VERTS];
    char done[DETOUR_VERTS];
    size_t n = 0;
    v[n++] = a;
    v[n++] = b;
    for (size_t i = 0; i < k; i++) {
        const tbox *r = &nb[i].r;
        pointf c[4] = {{r->x0, r->y0}, {r->x1, r->y0}, {r->x1, r->y1},
                       {r->x0, r->y1}};
        for (int j = 0; j < 4; j++) {
            int covered = 0;
            for (size_t m = 0; m < k && !covered; m++)
                covered = m != i && strictly_in(c[j], &nb[m].r);
            if (!covered)
                v[n++] = c[j];
        }
    }
    for (size_t i = 0; i < n; i++) {
        d[i] = HUGE_VAL;
        from[i] = -1;
        done[i] = 0;
    }
    d[0] = 0;
    for (;;) {
        size_t u = n;
        for (size_t i = 0; i < n; i++)
            if (!done[i] && d[i] < HUGE_VAL &&
                (u == n || d[i] + dist(v[i], b) < d[u] + dist(v[u], b)))
                u = i;
        if (u == n || u == 1)
            break;
        done[u] = 1;
        for (size_t w = 1; w < n; w++) {
            if (done[w])
                continue;
            double nd = d[u] + dist(v[u], v[w]);
            if (nd < d[w] && free_way(v[u], v[w], nb, k)) {
                d[w] = nd;
                from[w] = (int)u;
            }
        }
    }
    if (from[1] < 0)
        return 0;
    size_t len = 0;
    for (int i = 1; i >= 0; i = from[i])
        len++;
    size_t at = len;
    for (int i = 1; i >= 0; i = from[i])
        way[--at] = v[i];
    return len;
}

/* Whether the piece runs through a box that is not its line's own. */
static int piece_blocked(const pointf *p, const obstacles *o, Agnode_t *t,
                         Agnode_t *h)
{
    double x0 = fmin(fmin(p[0].x, p[1].x), fmin(p[2].x, p[3].x)),
           x1 = fmax(fmax(p[0].x, p[1].x), fmax(p[2].x, p[3].x));
    for (size_t i = first_from(o, x0); i < o->n && o->v[i].around.x0 <= x1;
         i++)
        if (o->v[i].n != t && o->v[i].n != h &&
            piece_meets(p, &o->v[i].core))
            return 1;
    return 0;
}

/* Appends the straight cubic pieces through way[0..len-1] after p's
 * last point (way[0]). */
static void put_way(pointf *p, size_t *np, const pointf *way, size_t len)
{
    for (size_t i = 1; i < len; i++) {
        pointf a = way[i - 1], b = way[i];
        p[(*np)++] = (pointf){a.x + (b.x - a.x) / 3, a.y + (b.y - a.y) / 3};
        p[(*np)++] = (pointf){a.x + 2 * (b.x - a.x) / 3,
                              a.y + 2 * (b.y - a.y) / 3};
        p[(*np)++] = b;
    }
}

/* Lays the blocked pieces of one bezier again. Returns how many were,
 * or -1 when out of memory. */
static int detour_bezier(bezier *bz, const obstacles *o, Agnode_t *t,
                         Agnode_t *h)
{
    if (bz->size < 4)
        return 0;
    size_t pieces = (size_t)(bz->size - 1) / 3, changed = 0;
    /* each piece becomes at most DETOUR_VERTS - 1 straight ones */
    pointf *p = malloc((1 + pieces * 3 * (DETOUR_VERTS - 1)) * sizeof(*p));
    if (p == NULL)
        return -1;
    near_box nb[DETOUR_NEAR];
    pointf way[DETOUR_VERTS];
    size_t np = 0;
    p[np++] = bz->list[0];
    for (size_t j = 0; j < pieces; j++) {
        const pointf *q = &bz->list[3 * j];
        size_t len = 0;
        if (piece_blocked(q, o, t, h)) {
            for (double reach = DETOUR_REACH; len == 0 &&
                 reach <= 3 * DETOUR_REACH; reach *= 3) {
                size_t k = near_boxes(nb, o, q[0], q[3], reach, t, h);
                len = shortest_way(way, q[0], q[3], nb, k);
            }
        }
        if (len >= 2) {
            put_way(p, &np, way, len);
            changed++;
        } else {
            for (int i = 1; i <= 3; i++)
                p[np++] = q[i];
        }
    }
    if (changed == 0) {
        free(p);
        return 0;
    }
    pointf *fit = realloc(p, np * sizeof(*p));
    free(bz->list);
    bz->list = fit ? fit : p;
    bz->size = (int)np;
    return (int)changed;
}

/* Charts of more nodes keep their lines as laid out: each blocked piece
 * costs up to DETOUR_VERTS squared segment tests. */
#define RG_DETOUR_MAX 5000

int rg_build__detour(Agraph_t *g)
{
    if (agnnodes(g) > RG_DETOUR_MAX)
        return 0;
    obstacles o = {0};
    if (gather(&o, g) != 0) {
        free(o.v);
        return -1;
    }
    int changed = 0;
    for (Agnode_t *n = agfstnode(g); n != NULL; n = agnxtnode(g, n))
        for (Agedge_t *e = agfstout(g, n); e != NULL; e = agnxtout(g, e)) {
            splines *spl = ED_spl(e);
            for (int i = 0; spl != NULL && i < spl->size; i++) {
                int c = detour_bezier(&spl->list[i], &o, agtail(e),
                                      aghead(e));
                if (c < 0) {
                    free(o.v);
                    return -1;
                }
                changed += c;
            }
        }
    free(o.v);
    return changed;
}

/* ---- Tees ----
 * A tee (a denied link's end, a dispute's mark at the link) is a bar
 * across its line's end, centred on the node's outline: a line that
 * meets the outline at a slant puts half the bar inside the node, where
 * it crosses the node's name (about 3 points into a name near the top of
 * a box, in three of the suite's charts). Such an end is bent to meet
 * the outline square, the bar then lying along it. */

/* The outward normal of the side of the polygon v[0..k-1] (around the
 * origin) nearest to p; (0, 0) when there is none. */
static pointf side_normal(const pointf *v, int k, pointf p)
{
    pointf best = {0, 0};
    double near = HUGE_VAL;
    for (int i = 0; i < k; i++) {
        pointf a = v[i], b = v[(i + 1) % k];
        double d = box_dist(a, b, &(tbox){p.x, p.y, p.x, p.y});
        double l = dist(a, b);
        if (l <= 0 || d >= near)
            continue;
        pointf nv = {(b.y - a.y) / l, -(b.x - a.x) / l};
        /* outward: away from the centre, which is the origin */
        if (nv.x * (a.x + b.x) + nv.y * (a.y + b.y) < 0)
            nv = (pointf){-nv.x, -nv.y};
        near = d;
        best = nv;
    }
    return best;
}

/* The outline's outward normal at p, a point on n's outline: an
 * ellipse's (or circle's) from its equation, a polygon's (a box, an
 * octagon) from its side nearest p, else a box's. */
static pointf outline_normal(Agnode_t *n, pointf p)
{
    pointf c = ND_coord(n);
    double a = fmax(ND_lw(n) + ND_rw(n), 1) / 2, b = fmax(ND_ht(n), 1) / 2;
    double dx = p.x - c.x, dy = p.y - c.y;
    const polygon_t *poly = ND_shape(n) != NULL && ND_shape(n)->polygon
                                ? ND_shape_info(n) : NULL;
    pointf v;
    if (poly != NULL && poly->sides <= 2) {
        v = (pointf){dx / (a * a), dy / (b * b)};
    } else if (poly != NULL && poly->vertices != NULL) {
        /* the outermost ring of vertices, in points about the centre */
        int ring = poly->peripheries > 1 ? poly->peripheries - 1 : 0;
        v = side_normal(poly->vertices + ring * poly->sides, poly->sides,
                        (pointf){dx, dy});
    } else if (fabs(dx) / a > fabs(dy) / b) {
        v = (pointf){dx > 0 ? 1 : -1, 0};
    } else {
        v = (pointf){0, dy > 0 ? 1 : -1};
    }
    double l = hypot(v.x, v.y);
    return l > 0 ? (pointf){v.x / l, v.y / l} : (pointf){0, 0};
}

/* Bends the end of the cubic piece q[0..3] whose arrow runs from q[3]
 * to tip at n's outline so that it meets the outline square; returns 1
 * when it did (not when it met it within 10 degrees already). */
static int square_end(pointf *q, pointf tip, Agnode_t *n)
{
    pointf nv = outline_normal(n, tip);
    double len = dist(q[3], tip);
    if (len <= 0 || (nv.x == 0 && nv.y == 0))
        return 0;
    /* the arrow's way in, against the outline's normal */
    double along = ((q[3].x - tip.x) * nv.x + (q[3].y - tip.y) * nv.y) / len;
    if (along > 0.9848) /* cos 10 degrees */
        return 0;
    pointf end = {tip.x + nv.x * len, tip.y + nv.y * len};
    double k = fmin(2 * len, dist(q[0], end) / 3);
    q[3] = end;
    q[2] = (pointf){end.x + nv.x * k, end.y + nv.y * k};
    return 1;
}

/* Whether the edge's arrow at that end (`attr`: "arrowhead" or
 * "arrowtail") is a tee. */
static int tee_at(Agedge_t *e, Agsym_t *attr)
{
    return attr != NULL && strstr(agxget(e, attr), "tee") != NULL;
}

int rg_build__square_tees(Agraph_t *g)
{
    Agsym_t *head = agattr(g, AGEDGE, "arrowhead", NULL),
            *tail = agattr(g, AGEDGE, "arrowtail", NULL);
    int squared = 0;
    for (Agnode_t *n = agfstnode(g); n != NULL; n = agnxtnode(g, n))
        for (Agedge_t *e = agfstout(g, n); e != NULL; e = agnxtout(g, e)) {
            splines *spl = ED_spl(e);
            for (int i = 0; spl != NULL && i < spl->size; i++) {
                bezier *bz = &spl->list[i];
                if (bz->size < 4)
                    continue;
                if (bz->eflag && tee_at(e, head))
                    squared += square_end(&bz->list[bz->size - 4], bz->ep,
                                          aghead(e));
                if (bz->sflag && tee_at(e, tail)) {
                    /* the first piece, backwards */
                    pointf q[4] = {bz->list[3], bz->list[2], bz->list[1],
                                   bz->list[0]};
                    if (square_end(q, bz->sp, agtail(e))) {
                        for (int k = 0; k < 4; k++)
                            bz->list[k] = q[3 - k];
                        squared++;
                    }
                }
            }
        }
    return squared;
}

/* ---- Counting ---- */

static int gather_texts(obstacles *o, Agraph_t *g)
{
    for (Agnode_t *n = agfstnode(g); n != NULL; n = agnxtnode(g, n)) {
        const textlabel_t *l = ND_label(n);
        if (l == NULL || l->text == NULL || !*l->text)
            continue;
        /* a node's label is put at its centre only when drawn */
        tbox r = label_box(l, ND_coord(n));
        if (add_obstacle(o, r, r, n) != 0)
            return -1;
    }
    return group_titles(o, g, 0) != 0 ? -1 : by_x(o);
}

/* Charts of more nodes are not counted. */
#define RG_CROSS_COUNT_MAX 5000

int rg_build__crossed_texts(Agraph_t *g)
{
    /* out of memory, the count (a warning's) is 0 too */
    if (agnnodes(g) > RG_CROSS_COUNT_MAX)
        return 0;
    obstacles o = {0};
    char *hit = NULL;
    if (gather_texts(&o, g) != 0 ||
        (hit = calloc(o.n ? o.n : 1, 1)) == NULL) {
        free(o.v);
        return 0;
    }
    for (Agnode_t *n = agfstnode(g); n != NULL; n = agnxtnode(g, n))
        for (Agedge_t *e = agfstout(g, n); e != NULL; e = agnxtout(g, e)) {
            splines *spl = ED_spl(e);
            for (int i = 0; spl != NULL && i < spl->size; i++) {
                const bezier *bz = &spl->list[i];
                for (int j = 0; j + 3 < bz->size; j += 3) {
                    const pointf *p = &bz->list[j];
                    double x0 = fmin(fmin(p[0].x, p[1].x),
                                     fmin(p[2].x, p[3].x)),
                           x1 = fmax(fmax(p[0].x, p[1].x),
                                     fmax(p[2].x, p[3].x));
                    for (size_t k = first_from(&o, x0);
                         k < o.n && o.v[k].around.x0 <= x1; k++)
                        if (!hit[k] && o.v[k].n != agtail(e) &&
                            o.v[k].n != aghead(e) &&
                            piece_meets(p, &o.v[k].core))
                            hit[k] = 1;
                }
            }
        }
    int c = 0;
    for (size_t k = 0; k < o.n; k++)
        c += hit[k];
    free(hit);
    free(o.v);
    return c;
}

int rg_build__laid_around(Agraph_t *g)
{
    rg_build__square_tees(g);
    return rg_build__detour(g) < 0 ? -2 : rg_build__crossed_texts(g);
}
