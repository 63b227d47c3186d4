/* Reports: the chart in an HTML page with what it shows in words and in a
 * table, and the same table as Markdown.
 *
 * A chart alone shuts out readers who cannot see it, and a reader who
 * wants to check a claim needs the source's own words. So the page says
 * in text what the chart draws (kinds, boxes, contested claims), then
 * lists every link with its status, dates, sources and quote. A status
 * is always written out, never shown by colour alone.
 *
 * The output depends on the document only, in document order, so the
 * same input gives the same bytes. The HTML is also well-formed XML (void
 * elements closed, only XML's five entities), so XML tools can check it
 * when the pasted chart is XML too, as Graphviz's SVG is. */
#include "report.h"

#include "check.h"
#include "escape.h"
#include "style.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ARROW "\xe2\x86\x92"    /* → */
#define EM_DASH "\xe2\x80\x94"  /* — */
#define EN_DASH "\xe2\x80\x93"  /* – */
#define NONE SIZE_MAX

/* ---- sources ---- */

/* Indexes sources by id. On failure the map is left empty and look-ups
 * search linearly: slower, same answers. */
static void index_sources(rg_map *m, const rg_doc *doc)
{
    for (size_t i = 0; i < doc->n_sources; i++) {
        if (doc->sources[i].id != NULL &&
            rg_map__put(m, doc->sources[i].id, i, NULL) < 0) {
            rg_map__free(m);
            return;
        }
    }
}

static long find_source(const rg_doc *doc, const rg_map *m, const char *id)
{
    size_t i;
    if (m->cap > 0)
        return rg_map__get(m, id, &i) ? (long)i : -1;
    for (i = 0; i < doc->n_sources; i++)
        if (doc->sources[i].id != NULL && strcmp(doc->sources[i].id, id) == 0)
            return (long)i;
    return -1;
}

static size_t cite(const rg_doc *doc, const rg_map *m, const rg_strv *src,
                   size_t *numbers, size_t n)
{
    for (size_t j = 0; j < src->n; j++) {
        long i = find_source(doc, m, src->v[j]);
        if (i >= 0 && numbers[i] == 0)
            numbers[i] = ++n;
    }
    return n;
}

static size_t number_sources(const rg_doc *doc, const rg_map *m,
                             size_t *numbers)
{
    size_t n = 0;
    for (size_t i = 0; i < doc->n_sources; i++)
        numbers[i] = 0;
    for (size_t i = 0; i < doc->n_links; i++)
        n = cite(doc, m, &doc->links[i].source, numbers, n);
    for (size_t i = 0; i < doc->n_actors; i++)
        n = cite(doc, m, &doc->actors[i].source, numbers, n);
    return n;
}

size_t rg_report__number_sources(const rg_doc *doc, size_t *numbers)
{
    rg_map m = {0};
    index_sources(&m, doc);
    size_t n = number_sources(doc, &m, numbers);
    rg_map__free(&m);
    return n;
}

/* ---- what both reports share ---- */

typedef struct rep {
    rg_buf *out;
    const rg_doc *doc;
    rg_map src;       /* source id -> index; empty: search linearly */
    size_t *numbers;  /* footnote number of each source; 0: not cited */
    size_t *order;    /* source indexes by number, then the uncited ones */
    size_t n_cited;
} rep;

static int rep_init(rep *r, rg_buf *out, const rg_doc *doc)
{
    size_t n = doc->n_sources ? doc->n_sources : 1;
    *r = (rep){out, doc, {0}, calloc(n, sizeof(size_t)),
               calloc(n, sizeof(size_t)), 0};
    if (r->numbers == NULL || r->order == NULL)
        return -1;
    index_sources(&r->src, doc);
    r->n_cited = number_sources(doc, &r->src, r->numbers);
    size_t uncited = r->n_cited;
    for (size_t i = 0; i < doc->n_sources; i++) {
        if (r->numbers[i] > 0)
            r->order[r->numbers[i] - 1] = i;
        else
            r->order[uncited++] = i;
    }
    return 0;
}

static int rep_done(rep *r, int rc)
{
    rg_map__free(&r->src);
    free(r->numbers);
    free(r->order);
    return rc == 0 && !r->out->oom ? 0 : -1;
}

static const char *doc_title(const rg_doc *d)
{
    return d->title != NULL && *d->title ? d->title : "relgraph chart";
}

static const char *source_title(const rg_source *s)
{
    return s->title != NULL && *s->title ? s->title : s->id;
}

static const char *group_label(const rg_group *g)
{
    return g->label != NULL && *g->label ? g->label : g->id;
}

/* What a link's disputers do: a denial names its deniers as such. */
static const char *dispute_word(const rg_link *k)
{
    return k->status == RG_STATUS_DENIED ? "denied" : "disputed";
}

static void end_sentence(rg_buf *b)
{
    char c = b->len > 0 ? b->data[b->len - 1] : '\0';
    if (c != '.' && c != '!' && c != '?')
        rg_buf__putc(b, '.');
}

/* Escapes document text for one output format. */
typedef void (*esc_fn)(rg_buf *b, const char *s);

/* The text of a date cell: "2015", "2015 – 2016" or "until 2016". */
static void dates(rg_buf *b, esc_fn esc, const char *date, const char *until)
{
    if (date != NULL)
        esc(b, date);
    if (until != NULL) {
        rg_buf__puts(b, date != NULL ? " " EN_DASH " " : "until ");
        esc(b, until);
    }
}

static void names(rg_buf *b, esc_fn esc, const rg_doc *d, const size_t *idx,
                  size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            rg_buf__puts(b, ", ");
        esc(b, d->actors[idx[i]].name);
    }
}

/* "China → blamed for → OPM breach", or with "—" when undirected. */
static void link_phrase(rg_buf *b, esc_fn esc, const rg_doc *d,
                        const rg_link *k)
{
    const char *sep = k->directed ? " " ARROW " " : " " EM_DASH " ";
    esc(b, d->actors[k->from_index].name);
    rg_buf__puts(b, sep);
    if (k->label != NULL && *k->label) {
        esc(b, k->label);
        rg_buf__puts(b, sep);
    }
    esc(b, d->actors[k->to_index].name);
}

/* "Claimed by X, Y; disputed by Z: " and the link, as one sentence. */
static void contested_sentence(rg_buf *b, esc_fn esc, const rg_doc *d,
                               const rg_link *k)
{
    const char *word = dispute_word(k);
    if (k->claimed_by.n > 0) {
        rg_buf__puts(b, "Claimed by ");
        names(b, esc, d, k->claimed_by_index, k->claimed_by.n);
        rg_buf__puts(b, "; ");
        rg_buf__puts(b, word);
    } else {
        rg_buf__putc(b, (char)(word[0] - 'a' + 'A'));
        rg_buf__puts(b, word + 1);
    }
    if (k->disputed_by.n > 0) {
        rg_buf__puts(b, " by ");
        names(b, esc, d, k->disputed_by_index, k->disputed_by.n);
    }
    rg_buf__puts(b, ": ");
    link_phrase(b, esc, d, k);
    end_sentence(b);
}

/* "49 actors, 60 links: 37 confirmed, 1 disputed." */
static void summary(rg_buf *b, const rg_doc *d)
{
    size_t counts[RG_STATUS_COUNT] = {0};
    for (size_t i = 0; i < d->n_links; i++)
        if ((unsigned)d->links[i].status < RG_STATUS_COUNT)
            counts[d->links[i].status]++;
    rg_buf__printf(b, "%zu %s, %zu %s", d->n_actors,
                   d->n_actors == 1 ? "actor" : "actors", d->n_links,
                   d->n_links == 1 ? "link" : "links");
    const char *sep = ": ";
    for (int s = 0; s < RG_STATUS_COUNT; s++) {
        if (counts[s] == 0)
            continue;
        rg_buf__printf(b, "%s%zu %s", sep, counts[s],
                       rg_status_name((rg_status)s));
        sep = ", ";
    }
    rg_buf__putc(b, '.');
}

/* ---- grouping actors for the text alternative ---- */

/* Chains the actors of each kind in document order (next[i]: the next
 * actor of i's kind, or NONE) and stores the first actor of each kind in
 * `heads`, in order of first appearance. A map keeps this linear however
 * many kinds a document declares. */
static int chain_kinds(const rg_doc *d, size_t *next, size_t *heads,
                       size_t *n_heads)
{
    rg_map last = {0};
    *n_heads = 0;
    for (size_t i = 0; i < d->n_actors; i++) {
        size_t prev = 0;
        int rc = rg_map__put(&last, d->actors[i].kind, i, &prev);
        next[i] = NONE;
        if (rc < 0) {
            rg_map__free(&last);
            return -1;
        }
        if (rc == 1) {
            heads[(*n_heads)++] = i;
        } else {
            next[prev] = i;
            rg_map__set(&last, d->actors[i].kind, i);
        }
    }
    rg_map__free(&last);
    return 0;
}

/* Chains the direct members of each group in document order; first[g]
 * is the first member of group g, or NONE. */
static int chain_groups(const rg_doc *d, size_t *next, size_t *first)
{
    size_t *last = malloc((d->n_groups ? d->n_groups : 1) * sizeof(*last));
    if (last == NULL)
        return -1;
    for (size_t g = 0; g < d->n_groups; g++)
        first[g] = NONE;
    for (size_t i = 0; i < d->n_actors; i++) {
        long g = d->actors[i].group_index;
        next[i] = NONE;
        if (g < 0 || (size_t)g >= d->n_groups)
            continue;
        if (first[g] == NONE)
            first[g] = i;
        else
            next[last[g]] = i;
        last[g] = i;
    }
    free(last);
    return 0;
}

static const struct {
    const char *kind, *plural;
} plurals[] = {
    {"person", "People"},
    {"organization", "Organizations"},
    {"company", "Companies"},
    {"agency", "Government agencies"},
    {"state", "States"},
    {"group", "Hacker groups"},
    {"event", "Events"},
    {"document", "Documents"},
    {"system", "Systems and data"},
    {"location", "Locations"},
    {"other", "Others"},
};

/* What to call the actors of a kind in a list: the label the document
 * gives the kind (as the chart's legend shows it), else a built-in kind's
 * plural, else the kind's name. */
static const char *kind_heading(const rg_doc *d, const char *kind)
{
    for (size_t i = 0; i < d->n_kinds; i++)
        if (strcmp(d->kinds[i].name, kind) == 0 && d->kinds[i].label != NULL &&
            *d->kinds[i].label)
            return d->kinds[i].label;
    for (size_t i = 0; i < sizeof(plurals) / sizeof(plurals[0]); i++)
        if (strcmp(plurals[i].kind, kind) == 0)
            return plurals[i].plural;
    return kind;
}

/* ---- HTML ---- */

/* Appends s as HTML text or as an attribute value: markup characters as
 * entities, control characters as spaces, and line breaks as <br /> when
 * `br` asks for them (else as spaces). */
static void html(rg_buf *b, const char *s, int br)
{
    const char *run = s;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        const char *r = NULL;
        switch (c) {
        case '&': r = "&amp;"; break;
        case '<': r = "&lt;"; break;
        case '>': r = "&gt;"; break;
        case '"': r = "&quot;"; break;
        case '\'': r = "&#39;"; break;
        case '\r':
            r = s[1] == '\n' ? "" : br ? "<br />" : " ";
            break;
        case '\n': r = br ? "<br />" : " "; break;
        default:
            if (c < 0x20 || c == 0x7f)
                r = " ";
        }
        if (r != NULL) {
            rg_buf__putn(b, run, (size_t)(s - run));
            rg_buf__puts(b, r);
            run = s + 1;
        }
    }
    rg_buf__putn(b, run, (size_t)(s - run));
}

static void html_plain(rg_buf *b, const char *s)
{
    html(b, s, 0);
}

/* A heading word with its first letter capitalised ("vendors:" ->
 * "Vendors:"); only ASCII, which is all the built-in names use. */
static void html_capitalised(rg_buf *b, const char *s)
{
    if (*s >= 'a' && *s <= 'z') {
        rg_buf__putc(b, (char)(*s - 'a' + 'A'));
        s++;
    }
    html(b, s, 0);
}

/* Text that links to `url` when it is one relgraph allows (http, https,
 * mailto, relative): the checker already refuses others, but a page must
 * never carry a javascript: link whatever the model holds. */
static void html_link(rg_buf *b, const char *url, const char *text)
{
    if (url == NULL || !rg_check__url(url)) {
        html(b, text, 0);
        return;
    }
    rg_buf__puts(b, "<a href=\"");
    html(b, url, 0);
    rg_buf__puts(b, "\">");
    html(b, text, 0);
    rg_buf__puts(b, "</a>");
}

/* Serif text for reading, the chart's sans-serif for headings and the
 * table; no character here that XML would need escaped. */
static const char css[] =
    "body{margin:0 auto;max-width:60em;padding:1em 1.5em 3em;"
    "font-family:Georgia,\"Times New Roman\",serif;line-height:1.5;"
    "color:#1a1a1a;background:#fff}\n"
    "h1,h2,figcaption,table{font-family:Helvetica,Arial,sans-serif}\n"
    "h1{font-size:1.8em;line-height:1.2;margin:.8em 0 .3em}\n"
    "h2{font-size:1.3em;margin:1.8em 0 .5em;padding-bottom:.2em;"
    "border-bottom:1px solid #ddd}\n"
    ".description{font-size:1.05em;color:#333}\n"
    "a{color:#005A8C}\n"
    "figure{margin:1.5em 0}\n"
    "figure svg{display:block;max-width:100%;height:auto}\n"
    "figcaption{margin-top:.5em;font-size:.9em;color:#555}\n"
    ".table-wrap{overflow-x:auto}\n"
    "table{border-collapse:collapse;width:100%;font-size:.9em;"
    "line-height:1.4}\n"
    "caption{text-align:left;color:#555;padding-bottom:.4em}\n"
    "th,td{border:1px solid #bbb;padding:.4em .55em;text-align:left;"
    "vertical-align:top}\n"
    "thead th{background:#e6e6e6}\n"
    "tbody tr:nth-child(even){background:#f5f5f5}\n"
    "td.status{font-weight:bold}\n"
    ".who{font-weight:normal;color:#333}\n"
    "blockquote{margin:.4em 0 0;padding-left:.6em;border-left:3px solid #ccc;"
    "font-family:Georgia,\"Times New Roman\",serif;font-style:italic;"
    "color:#333}\n"
    "ol.sources{list-style:none;padding-left:0}\n"
    ".sources li{margin:.3em 0}\n";

/* Status colours come from the chart's own table, so that page and chart
 * always agree: the line colour and style as the cell's left border, the
 * darker label colour (readable on white) for the text. */
static void html_status_css(rg_buf *b)
{
    for (int s = 0; s < RG_STATUS_COUNT; s++) {
        const rg_status_look *st = rg_style__status((rg_status)s, RG_THEME_LIGHT);
        rg_buf__printf(b, "td.status-%s{border-left:4px %s %s;color:%s}\n",
                       rg_status_name((rg_status)s), st->style, st->color,
                       st->fontcolor);
    }
}

static void html_head(rep *r)
{
    rg_buf *b = r->out;
    rg_buf__puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                    "<meta charset=\"utf-8\" />\n"
                    "<meta name=\"viewport\" "
                    "content=\"width=device-width, initial-scale=1\" />\n"
                    "<meta name=\"generator\" content=\"relgraph " RG_VERSION
                    "\" />\n<title>");
    html(b, doc_title(r->doc), 0);
    rg_buf__puts(b, "</title>\n<style>\n");
    rg_buf__puts(b, css);
    html_status_css(b);
    rg_buf__puts(b, "</style>\n</head>\n");
}

static void html_intro(rep *r, const char *svg, size_t svg_len)
{
    rg_buf *b = r->out;
    const rg_doc *d = r->doc;
    rg_buf__puts(b, "<h1>");
    html(b, doc_title(d), 0);
    rg_buf__puts(b, "</h1>\n");
    if (d->description != NULL && *d->description) {
        rg_buf__puts(b, "<p class=\"description\">");
        html(b, d->description, 1);
        rg_buf__puts(b, "</p>\n");
    }
    if (d->view_note != NULL) {
        rg_buf__puts(b, "<p class=\"view\">");
        html(b, d->view_note, 0);
        rg_buf__puts(b, "</p>\n");
    }
    if (svg == NULL || svg_len == 0)
        return;
    rg_buf__puts(b, "<figure class=\"chart\">\n");
    rg_buf__putn(b, svg, svg_len);
    if (svg[svg_len - 1] != '\n')
        rg_buf__putc(b, '\n');
    rg_buf__puts(b, "<figcaption>The chart. Below: the chart "
                    "<a href=\"#rg-in-words\">in words</a>, "
                    "<a href=\"#rg-relations\">every relation</a> with its "
                    "sources, and <a href=\"#rg-sources\">the sources</a>."
                    "</figcaption>\n</figure>\n");
}

static void html_actor(rg_buf *b, const rg_actor *a)
{
    html_link(b, a->url, a->name);
    if (a->note != NULL && *a->note) {
        rg_buf__puts(b, " (");
        html(b, a->note, 0);
        rg_buf__putc(b, ')');
    }
}

/* "People: Xi Jinping (Chinese leader), Guo Shengkun (...)", one item
 * per kind, kinds in order of first appearance. */
static int html_kinds(rep *r, size_t *next)
{
    const rg_doc *d = r->doc;
    rg_buf *b = r->out;
    size_t n_heads;
    size_t *heads = malloc((d->n_actors ? d->n_actors : 1) * sizeof(*heads));
    if (heads == NULL || chain_kinds(d, next, heads, &n_heads) != 0) {
        free(heads);
        return -1;
    }
    if (n_heads > 0)
        rg_buf__puts(b, "<ul class=\"kinds\">\n");
    for (size_t h = 0; h < n_heads; h++) {
        rg_buf__puts(b, "<li><strong>");
        html_capitalised(b, kind_heading(d, d->actors[heads[h]].kind));
        rg_buf__puts(b, ":</strong> ");
        for (size_t i = heads[h]; i != NONE; i = next[i]) {
            if (i != heads[h])
                rg_buf__puts(b, ", ");
            html_actor(b, &d->actors[i]);
        }
        rg_buf__puts(b, "</li>\n");
    }
    if (n_heads > 0)
        rg_buf__puts(b, "</ul>\n");
    free(heads);
    return 0;
}

static void html_group_item(rep *r, size_t g, size_t first,
                            const size_t *next)
{
    const rg_doc *d = r->doc;
    rg_buf *b = r->out;
    const rg_group *grp = &d->groups[g];
    rg_buf__puts(b, "<li><strong>");
    html(b, group_label(grp), 0);
    rg_buf__puts(b, "</strong>");
    if (grp->parent_index >= 0 && (size_t)grp->parent_index < d->n_groups) {
        rg_buf__puts(b, " (in ");
        html(b, group_label(&d->groups[grp->parent_index]), 0);
        rg_buf__putc(b, ')');
    }
    rg_buf__puts(b, ": ");
    for (size_t i = first; i != NONE; i = next[i]) {
        if (i != first)
            rg_buf__puts(b, ", ");
        html(b, d->actors[i].name, 0);
    }
    rg_buf__puts(b, "</li>\n");
}

/* The boxes the chart draws, with the actors directly in each. */
static int html_groups(rep *r, size_t *next)
{
    const rg_doc *d = r->doc;
    size_t *first = malloc((d->n_groups ? d->n_groups : 1) * sizeof(*first));
    if (first == NULL || chain_groups(d, next, first) != 0) {
        free(first);
        return -1;
    }
    int any = 0;
    for (size_t g = 0; g < d->n_groups; g++) {
        if (first[g] == NONE)
            continue;
        if (!any)
            rg_buf__puts(r->out, "<p>Boxes on the chart:</p>\n"
                                 "<ul class=\"groups\">\n");
        any = 1;
        html_group_item(r, g, first[g], next);
    }
    if (any)
        rg_buf__puts(r->out, "</ul>\n");
    free(first);
    return 0;
}

/* One sentence per disputed or denied link: the chart marks both. */
static void html_contested(rep *r)
{
    const rg_doc *d = r->doc;
    int any = 0;
    for (size_t i = 0; i < d->n_links; i++) {
        const rg_link *k = &d->links[i];
        if (k->status != RG_STATUS_DISPUTED && k->status != RG_STATUS_DENIED)
            continue;
        if (!any)
            rg_buf__puts(r->out, "<p>Contested:</p>\n"
                                 "<ul class=\"contested\">\n");
        any = 1;
        rg_buf__puts(r->out, "<li>");
        contested_sentence(r->out, html_plain, d, k);
        rg_buf__puts(r->out, "</li>\n");
    }
    if (any)
        rg_buf__puts(r->out, "</ul>\n");
}

/* The text alternative of the chart. */
static int html_words(rep *r)
{
    const rg_doc *d = r->doc;
    rg_buf__puts(r->out, "<h2 id=\"rg-in-words\">In words</h2>\n<p>");
    summary(r->out, d);
    rg_buf__puts(r->out, "</p>\n");
    size_t *next = malloc((d->n_actors ? d->n_actors : 1) * sizeof(*next));
    int rc = next == NULL || html_kinds(r, next) != 0 ||
                     html_groups(r, next) != 0
                 ? -1
                 : 0;
    free(next);
    html_contested(r);
    return rc;
}

/* "headed →", or "— met —" when undirected; linked when the link has a
 * URL, as its line in the chart is. */
static void html_relation(rg_buf *b, const rg_link *k)
{
    const char *mark = k->directed ? ARROW : EM_DASH;
    int labelled = k->label != NULL && *k->label;
    if (!labelled && k->url == NULL) {
        rg_buf__puts(b, mark);
        return;
    }
    if (!k->directed)
        rg_buf__puts(b, EM_DASH " ");
    html_link(b, k->url, labelled ? k->label : "link");
    rg_buf__putc(b, ' ');
    rg_buf__puts(b, mark);
}

static void html_status(rep *r, const rg_link *k)
{
    rg_buf *b = r->out;
    const char *name = rg_status_name(k->status);
    rg_buf__printf(b, "<td class=\"status status-%s\">%s", name, name);
    if (k->claimed_by.n > 0) {
        rg_buf__puts(b, "<br /><span class=\"who\">claimed by ");
        names(b, html_plain, r->doc, k->claimed_by_index, k->claimed_by.n);
        rg_buf__puts(b, "</span>");
    }
    if (k->disputed_by.n > 0) {
        rg_buf__printf(b, "<br /><span class=\"who\">%s by ", dispute_word(k));
        names(b, html_plain, r->doc, k->disputed_by_index, k->disputed_by.n);
        rg_buf__puts(b, "</span>");
    }
    rg_buf__puts(b, "</td>");
}

/* Each source as "[n] title", linked to the list, then the quote. */
static void html_cites(rep *r, const rg_link *k)
{
    rg_buf *b = r->out;
    for (size_t j = 0; j < k->source.n; j++) {
        long i = find_source(r->doc, &r->src, k->source.v[j]);
        if (j > 0)
            rg_buf__puts(b, "<br />");
        if (i < 0) {
            html(b, k->source.v[j], 0);
            continue;
        }
        size_t n = r->numbers[i];
        rg_buf__printf(b, "<a href=\"#rg-source-%zu\">[%zu]</a> ", n, n);
        html(b, source_title(&r->doc->sources[i]), 0);
    }
    if (k->quote != NULL && *k->quote) {
        rg_buf__puts(b, "<blockquote>");
        html(b, k->quote, 1);
        rg_buf__puts(b, "</blockquote>");
    }
}

static void html_row(rep *r, const rg_link *k)
{
    rg_buf *b = r->out;
    const rg_doc *d = r->doc;
    rg_buf__puts(b, "<tr><td>");
    html(b, d->actors[k->from_index].name, 0);
    rg_buf__puts(b, "</td><td>");
    html_relation(b, k);
    rg_buf__puts(b, "</td><td>");
    html(b, d->actors[k->to_index].name, 0);
    rg_buf__puts(b, "</td>");
    html_status(r, k);
    rg_buf__puts(b, "<td>");
    dates(b, html_plain, k->date, k->until);
    rg_buf__puts(b, "</td><td>");
    html_cites(r, k);
    rg_buf__puts(b, "</td></tr>\n");
}

static void html_table(rep *r)
{
    rg_buf *b = r->out;
    rg_buf__puts(b, "<h2 id=\"rg-relations\">Relations</h2>\n");
    if (r->doc->n_links == 0) {
        rg_buf__puts(b, "<p>The document has no links.</p>\n");
        return;
    }
    rg_buf__puts(b, "<div class=\"table-wrap\">\n<table>\n"
                    "<caption>Every link of the chart, in the order of the "
                    "document</caption>\n<thead>\n<tr>"
                    "<th scope=\"col\">From</th>"
                    "<th scope=\"col\">Relation</th>"
                    "<th scope=\"col\">To</th>"
                    "<th scope=\"col\">Status</th>"
                    "<th scope=\"col\">Date</th>"
                    "<th scope=\"col\">Sources</th></tr>\n</thead>\n"
                    "<tbody>\n");
    for (size_t i = 0; i < r->doc->n_links; i++)
        html_row(r, &r->doc->links[i]);
    rg_buf__puts(b, "</tbody>\n</table>\n</div>\n");
}

/* "Title, publisher, date, url". */
static void html_source(rg_buf *b, const rg_source *s)
{
    rg_buf__puts(b, "<cite>");
    html(b, source_title(s), 0);
    rg_buf__puts(b, "</cite>");
    if (s->publisher != NULL && *s->publisher) {
        rg_buf__puts(b, ", ");
        html(b, s->publisher, 0);
    }
    if (s->date != NULL && *s->date) {
        rg_buf__puts(b, ", ");
        html(b, s->date, 0);
    }
    if (s->url != NULL && *s->url) {
        rg_buf__puts(b, ", ");
        html_link(b, s->url, s->url);
    }
}

static void html_sources(rep *r)
{
    rg_buf *b = r->out;
    const rg_doc *d = r->doc;
    rg_buf__puts(b, "<h2 id=\"rg-sources\">Sources</h2>\n");
    if (d->n_sources == 0) {
        rg_buf__puts(b, "<p>The document lists no sources.</p>\n");
        return;
    }
    if (r->n_cited > 0)
        rg_buf__puts(b, "<ol class=\"sources\">\n");
    for (size_t n = 0; n < d->n_sources; n++) {
        if (n == r->n_cited && n > 0)
            rg_buf__puts(b, "</ol>\n");
        if (n == r->n_cited)
            rg_buf__puts(b, "<p>Listed but not cited:</p>\n"
                            "<ul class=\"sources\">\n");
        if (n < r->n_cited)
            rg_buf__printf(b, "<li id=\"rg-source-%zu\">[%zu] ", n + 1, n + 1);
        else
            rg_buf__puts(b, "<li>");
        html_source(b, &d->sources[r->order[n]]);
        rg_buf__puts(b, "</li>\n");
    }
    rg_buf__puts(b, r->n_cited < d->n_sources ? "</ul>\n" : "</ol>\n");
}

int rg_report__html(rg_buf *out, const rg_doc *doc, const char *svg,
                    size_t svg_len)
{
    rep r;
    if (rep_init(&r, out, doc) != 0)
        return rep_done(&r, -1);
    html_head(&r);
    rg_buf__puts(out, "<body>\n");
    html_intro(&r, svg, svg_len);
    int rc = html_words(&r);
    html_table(&r);
    html_sources(&r);
    rg_buf__puts(out, "</body>\n</html>\n");
    return rep_done(&r, rc);
}

/* ---- Markdown ---- */

/* True at "&amp;", "&#39;": text that Markdown would read as an entity. */
static int entity_like(const char *p)
{
    size_t start = p[1] == '#' ? 2 : 1, k = start;
    while ((p[k] >= 'a' && p[k] <= 'z') || (p[k] >= 'A' && p[k] <= 'Z') ||
           (p[k] >= '0' && p[k] <= '9'))
        k++;
    return k > start && p[k] == ';';
}

/* Escapes what would start a block at the beginning of the text ("- ",
 * "+ ", "= ", "12. ", "3) "): in a list item or heading it would nest
 * one. Leading blanks go, lest they make code. Returns the rest. */
static const char *md_lead(rg_buf *b, const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    if (*s == '-' || *s == '+' || *s == '=') {
        rg_buf__putc(b, '\\');
        rg_buf__putc(b, *s);
        return s + 1;
    }
    size_t n = 0;
    while (n < 10 && s[n] >= '0' && s[n] <= '9')
        n++;
    if (n > 0 && (s[n] == '.' || s[n] == ')')) {
        rg_buf__putn(b, s, n);
        rg_buf__putc(b, '\\');
        rg_buf__putc(b, s[n]);
        return s + n + 1;
    }
    return s;
}

/* Appends s as Markdown that reads literally: a backslash before every
 * character that could start inline markup or end a table cell, and
 * line breaks as <br> in cells (a cell is one line) or spaces. */
static void md(rg_buf *b, const char *s, int cell)
{
    const char *start = s = md_lead(b, s);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '\r' && s[1] == '\n')
            continue;
        if (c == '\n' || c == '\r') {
            rg_buf__puts(b, cell ? "<br>" : " ");
        } else if (c < 0x20 || c == 0x7f) {
            rg_buf__putc(b, ' ');
        } else if (strchr("\\`*_[]<>|~", c) != NULL ||
                   (c == '#' && (s == start || s[-1] == ' ')) ||
                   (c == '&' && entity_like(s))) {
            rg_buf__putc(b, '\\');
            rg_buf__putc(b, (char)c);
        } else {
            rg_buf__putc(b, (char)c);
        }
    }
}

static void md_cell(rg_buf *b, const char *s)
{
    md(b, s, 1);
}

static void md_relation(rg_buf *b, const rg_link *k)
{
    const char *mark = k->directed ? ARROW : EM_DASH;
    if (k->label != NULL && *k->label) {
        if (!k->directed)
            rg_buf__puts(b, EM_DASH " ");
        md(b, k->label, 1);
        rg_buf__putc(b, ' ');
    }
    rg_buf__puts(b, mark);
}

static void md_status(rep *r, const rg_link *k)
{
    rg_buf *b = r->out;
    rg_buf__puts(b, rg_status_name(k->status));
    if (k->claimed_by.n > 0) {
        rg_buf__puts(b, "; claimed by ");
        names(b, md_cell, r->doc, k->claimed_by_index, k->claimed_by.n);
    }
    if (k->disputed_by.n > 0) {
        rg_buf__printf(b, "; %s by ", dispute_word(k));
        names(b, md_cell, r->doc, k->disputed_by_index, k->disputed_by.n);
    }
}

/* "[1] Title<br>*“the quote”*" */
static void md_cites(rep *r, const rg_link *k)
{
    rg_buf *b = r->out;
    for (size_t j = 0; j < k->source.n; j++) {
        long i = find_source(r->doc, &r->src, k->source.v[j]);
        if (j > 0)
            rg_buf__puts(b, "<br>");
        if (i >= 0) {
            rg_buf__printf(b, "[%zu] ", r->numbers[i]);
            md(b, source_title(&r->doc->sources[i]), 1);
        } else {
            md(b, k->source.v[j], 1);
        }
    }
    if (k->quote != NULL && *k->quote) {
        if (k->source.n > 0)
            rg_buf__puts(b, "<br>");
        rg_buf__puts(b, "*\xe2\x80\x9c");  /* *“the quote”* */
        md(b, k->quote, 1);
        rg_buf__puts(b, "\xe2\x80\x9d*");
    }
}

static void md_table(rep *r)
{
    rg_buf *b = r->out;
    const rg_doc *d = r->doc;
    if (d->n_links == 0) {
        rg_buf__puts(b, "The document has no links.\n");
        return;
    }
    rg_buf__puts(b, "| From | Relation | To | Status | Date | Sources |\n"
                    "| --- | --- | --- | --- | --- | --- |\n");
    for (size_t i = 0; i < d->n_links; i++) {
        const rg_link *k = &d->links[i];
        rg_buf__puts(b, "| ");
        md(b, d->actors[k->from_index].name, 1);
        rg_buf__puts(b, " | ");
        md_relation(b, k);
        rg_buf__puts(b, " | ");
        md(b, d->actors[k->to_index].name, 1);
        rg_buf__puts(b, " | ");
        md_status(r, k);
        rg_buf__puts(b, " | ");
        dates(b, md_cell, k->date, k->until);
        rg_buf__puts(b, " | ");
        md_cites(r, k);
        rg_buf__puts(b, " |\n");
    }
}

/* A link whose text is the URL, escaped as Markdown text, and whose
 * destination is the URL, escaped so that a CommonMark reader's href is
 * the URL itself (no autolink: cmark decodes entities in those). */
static void md_url(rg_buf *b, const char *url)
{
    if (!rg_check__url(url)) {
        md(b, url, 0);
        return;
    }
    rg_buf__putc(b, '[');
    md(b, url, 0);
    rg_buf__puts(b, "](<");
    rg_escape__md_dest(b, url);
    rg_buf__puts(b, ">)");
}

static void md_source(rg_buf *b, const rg_source *s)
{
    md(b, source_title(s), 0);
    if (s->publisher != NULL && *s->publisher) {
        rg_buf__puts(b, ", ");
        md(b, s->publisher, 0);
    }
    if (s->date != NULL && *s->date) {
        rg_buf__puts(b, ", ");
        md(b, s->date, 0);
    }
    if (s->url != NULL && *s->url) {
        rg_buf__puts(b, ", ");
        md_url(b, s->url);
    }
    rg_buf__putc(b, '\n');
}

static void md_sources(rep *r)
{
    rg_buf *b = r->out;
    const rg_doc *d = r->doc;
    rg_buf__puts(b, "\n## Sources\n\n");
    if (d->n_sources == 0) {
        rg_buf__puts(b, "The document lists no sources.\n");
        return;
    }
    for (size_t n = 0; n < d->n_sources; n++) {
        /* A change of list marker starts a new list in GFM; the
         * paragraph between keeps the two apart in any reader. */
        if (n == r->n_cited)
            rg_buf__puts(b, n > 0 ? "\nListed but not cited:\n\n"
                                  : "Listed but not cited:\n\n");
        if (n < r->n_cited)
            rg_buf__printf(b, "%zu. ", n + 1);
        else
            rg_buf__puts(b, "- ");
        md_source(b, &d->sources[r->order[n]]);
    }
}

int rg_report__markdown(rg_buf *out, const rg_doc *doc)
{
    rep r;
    if (rep_init(&r, out, doc) != 0)
        return rep_done(&r, -1);
    rg_buf__puts(out, "# ");
    md(out, doc_title(doc), 0);
    rg_buf__puts(out, "\n\n");
    if (doc->view_note != NULL) {
        md(out, doc->view_note, 0);
        rg_buf__puts(out, "\n\n");
    }
    md_table(&r);
    md_sources(&r);
    return rep_done(&r, 0);
}
