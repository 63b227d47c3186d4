/* Dates as views (see view_time.h). An item is valid over the days its
 * date and until cover (when.h): "2015" is the whole year, so a link
 * dated 2017 until 2020 is kept as of mid-2017, and the period asked for
 * is read the same way ("--as-of 2015" is any day of 2015). Items with
 * neither date are kept and counted, since nothing says when they held. */
#include "view_time.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A checked date as people write it: "1 June 2015", "June 2015", "2015". */
static void human(char *out, size_t size, const char *date)
{
    static const char *const months[] = {
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    size_t n = strlen(date);
    int month = n >= 7 ? (date[5] - '0') * 10 + (date[6] - '0') : 1;
    int mday = n == 10 ? (date[8] - '0') * 10 + (date[9] - '0') : 1;
    if (n == 10)
        snprintf(out, size, "%d %s %.4s", mday, months[month - 1], date);
    else if (n == 7)
        snprintf(out, size, "%s %.4s", months[month - 1], date);
    else
        snprintf(out, size, "%.4s", date);
}

/* An argument as a message quotes it: cut at 40 bytes, so that the
 * message's advice is never cut off instead. */
static const char *shown(const char *arg, char buf[48])
{
    if (strlen(arg) <= 40)
        return arg;
    snprintf(buf, 48, "%.40s...", arg);
    return buf;
}

/* One end of a period, `len` bytes of `date`: its first (end 0) or last
 * day into *out, or -1 with the message. */
static int read_end(rg_day *out, const char *option, const char *arg,
                    const char *date, size_t len, int end, char *why,
                    size_t size)
{
    char d[11];
    if (len < sizeof(d)) {
        memcpy(d, date, len);
        d[len] = '\0';
        if (rg_when__day(d, end, out))
            return 0;
    }
    char a[48], e[48];
    snprintf(e, sizeof(e), "%.*s", (int)(len < 40 ? len : 40), date);
    if (len == strlen(arg))
        snprintf(why, size, "--%s %s: not a date; write YYYY, YYYY-MM or "
                 "YYYY-MM-DD (a real month and day), e.g. --%s 2015-06-01",
                 option, shown(arg, a), option);
    else
        snprintf(why, size, "--%s %s: '%s%s' is not a date; write YYYY, "
                 "YYYY-MM or YYYY-MM-DD (a real month and day), e.g. "
                 "--%s 2014-05..2015-09", option, shown(arg, a), e,
                 len > 40 ? "..." : "", option);
    return -1;
}

static int read_as_of(rg_period *p, const char *arg, char *why, size_t size)
{
    char h[32];
    size_t n = strlen(arg);
    if (read_end(&p->span.first, "as-of", arg, arg, n, 0, why, size) != 0 ||
        read_end(&p->span.last, "as-of", arg, arg, n, 1, why, size) != 0)
        return -1;
    human(h, sizeof(h), arg);
    snprintf(p->words, sizeof(p->words), "As of %s", h);
    snprintf(p->outside, sizeof(p->outside), "not valid as of %s", h);
    return 1;
}

/* The words of a period with ends a and b ("" for an open end, not
 * both). */
static void between_words(rg_period *p, const char *a, const char *b)
{
    char ha[32], hb[32];
    if (*a)
        human(ha, sizeof(ha), a);
    if (*b)
        human(hb, sizeof(hb), b);
    if (*a && *b) {
        snprintf(p->words, sizeof(p->words), "Between %s and %s", ha, hb);
        snprintf(p->outside, sizeof(p->outside), "outside %s to %s", ha, hb);
    } else if (*a) {
        snprintf(p->words, sizeof(p->words), "From %s on", ha);
        snprintf(p->outside, sizeof(p->outside), "over before %s", ha);
    } else {
        snprintf(p->words, sizeof(p->words), "Up to %s", hb);
        snprintf(p->outside, sizeof(p->outside), "begun after %s", hb);
    }
}

static int read_between(rg_period *p, const char *arg, char *why, size_t size)
{
    const char *dots = strstr(arg, "..");
    if (dots == NULL || strcmp(arg, "..") == 0) {
        char a[48];
        snprintf(why, size, "--between %s: not a period; write A..B, A.. "
                 "or ..B with dates A and B, e.g. --between "
                 "2014-05..2015-09", shown(arg, a));
        return -1;
    }
    size_t na = (size_t)(dots - arg), nb = strlen(dots + 2);
    p->span = (rg_span){RG_DAY_MIN, RG_DAY_MAX};
    if ((na > 0 && read_end(&p->span.first, "between", arg, arg, na, 0, why,
                            size) != 0) ||
        (nb > 0 && read_end(&p->span.last, "between", arg, dots + 2, nb, 1,
                            why, size) != 0))
        return -1;
    /* both ends are dates now: ten bytes at most */
    char a[11], b[11];
    snprintf(a, sizeof(a), "%.*s", (int)na, arg);
    snprintf(b, sizeof(b), "%s", dots + 2);
    if (p->span.first > p->span.last) {
        snprintf(why, size, "--between %s ends before it starts; write the "
                 "earlier date first: --between %s..%s", arg, b, a);
        return -1;
    }
    between_words(p, a, b);
    return 1;
}

int rg_view__period(rg_period *out, const rg_render_opts *opts, char *why,
                    size_t size)
{
    memset(out, 0, sizeof(*out));
    if (opts->as_of != NULL && opts->between != NULL) {
        snprintf(why, size, "--as-of and --between cannot be used together; "
                 "use one (--as-of D is --between D..D)");
        return -1;
    }
    if (opts->as_of != NULL)
        return read_as_of(out, opts->as_of, why, size);
    if (opts->between != NULL)
        return read_between(out, opts->between, why, size);
    if (opts->fade) {
        snprintf(why, size, "--fade needs --as-of D or --between A..B: the "
                 "dates outside which things are drawn faded");
        return -1;
    }
    return 0;
}

int rg_render_check_dates(const rg_render_opts *opts, char *why, size_t size)
{
    rg_period p;
    return rg_view__period(&p, opts, why, size) < 0 ? -1 : 0;
}

/* Whether an item with these dates is kept. */
static bool valid(const char *date, const char *until, rg_span at)
{
    rg_span s;
    if (date == NULL && until == NULL)
        return true;
    /* check refuses a date that is none; a view keeps what it cannot
     * place, as it keeps the undated */
    return !rg_when__span(date, until, &s) || rg_when__meet(s, at);
}

bool rg_doc_actor_in_period(const rg_doc *doc, size_t i,
                            const rg_render_opts *opts)
{
    rg_period p;
    char why[8];
    if (opts->fade || i >= doc->n_actors ||
        rg_view__period(&p, opts, why, sizeof(why)) <= 0)
        return true;
    return valid(doc->actors[i].date, doc->actors[i].until, p.span);
}

/* What the view keeps: the counts, and flags for each actor and link. */
typedef struct kept {
    unsigned char *actor, *link;
    size_t n_actors, n_links, undated;
} kept;

static void find_kept(kept *k, const rg_doc *doc, rg_span at)
{
    for (size_t i = 0; i < doc->n_actors; i++) {
        const rg_actor *a = &doc->actors[i];
        k->actor[i] = valid(a->date, a->until, at);
        k->n_actors += k->actor[i];
        k->undated += k->actor[i] && a->date == NULL && a->until == NULL;
    }
    for (size_t i = 0; i < doc->n_links; i++) {
        const rg_link *l = &doc->links[i];
        k->link[i] = valid(l->date, l->until, at) &&
                     k->actor[l->from_index] && k->actor[l->to_index];
        k->n_links += k->link[i];
        k->undated += k->link[i] && l->date == NULL && l->until == NULL;
    }
}

/* Marks what a --fade view shows but would otherwise leave out: the
 * view holds every actor and link of doc, in doc's order. */
static void mark_faded(rg_view *v, const rg_doc *doc, const kept *k)
{
    for (size_t i = 0; i < doc->n_actors; i++)
        if (!k->actor[i])
            v->doc.actors[v->map[i]].mark = RG_MARK_FADED;
    for (size_t i = 0; i < doc->n_links; i++)
        if (!k->link[i])
            v->doc.links[i].mark = RG_MARK_FADED;
}

static int time_note(rg_view *v, const rg_doc *doc, const rg_period *p,
                     const kept *k, bool fade)
{
    char undated[48] = "", faded[112] = "";
    if (k->undated > 0)
        snprintf(undated, sizeof(undated), " (%zu undated kept)", k->undated);
    if (fade && (k->n_actors < doc->n_actors || k->n_links < doc->n_links))
        snprintf(faded, sizeof(faded), "; faded: %zu %s, %zu %s",
                 doc->n_actors - k->n_actors,
                 doc->n_actors - k->n_actors == 1 ? "actor" : "actors",
                 doc->n_links - k->n_links,
                 doc->n_links - k->n_links == 1 ? "link" : "links");
    return rg_view__note(v, doc, "%s: %zu of %zu actors, %zu of %zu links%s%s.",
                         p->words, k->n_actors, doc->n_actors, k->n_links,
                         doc->n_links, undated, faded);
}

int rg_view__time(rg_view *v, const rg_doc *doc, const rg_period *p,
                  bool fade)
{
    int rc = -1;
    kept k = {malloc(doc->n_actors ? doc->n_actors : 1),
              malloc(doc->n_links ? doc->n_links : 1), 0, 0, 0};
    memset(v, 0, sizeof(*v));
    if (k.actor == NULL || k.link == NULL)
        goto out;
    find_kept(&k, doc, p->span);
    if (fade) {
        size_t n = doc->n_actors;
        unsigned char *all = malloc(n ? n : 1);
        if (all == NULL)
            goto out;
        memset(all, 1, n);
        rc = rg_view__subset(v, doc, all, NULL);
        free(all);
        if (rc != 0)
            goto out;
        rc = -1;
        mark_faded(v, doc, &k);
        v->doc.fade_note = v->fade_note = strdup(p->outside);
        if (v->fade_note == NULL)
            goto out;
    } else if (rg_view__subset(v, doc, k.actor, k.link) != 0) {
        goto out;
    }
    rc = time_note(v, doc, p, &k, fade);
out:
    free(k.actor);
    free(k.link);
    return rc;
}
