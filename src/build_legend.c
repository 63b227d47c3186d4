/* The chart's own text blocks: the title, the description and the legend
 * (kinds, statuses, link kinds) in the graph's label, the footnote markers
 * of citations and the Sources block. No state beyond the build's. */
#include "build_int.h"

#include "check.h"
#include "escape.h"

#include <stdlib.h>
#include <string.h>

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

/* Appends a footnote marker in a smaller font: " [1,3]", the numbers of
 * the sources cited, ascending, each once. Nothing when citations are
 * off or none of them is numbered. Its colour is the label's, which the
 * theme chose to contrast with what is behind it (a node's fill, a link
 * label's background); a muted grey fails WCAG AA on mid-tone fills. */
void rg_build__cite_marker(rg_bld *b, rg_buf *t, const rg_strv *src)
{
    if (b->src_num == NULL || src->n == 0)
        return;
    size_t local[16];
    size_t *nums = src->n <= 16 ? local : malloc(src->n * sizeof(*nums));
    if (nums == NULL) {
        b->oom = 1;
        return;
    }
    size_t n = 0;
    for (size_t i = 0; i < src->n; i++) {
        long si = rg_cite__find(&b->cite, b->doc, src->v[i]);
        if (si >= 0 && b->src_num[si] > 0)
            nums[n++] = b->src_num[si];
    }
    qsort(nums, n, sizeof(*nums), cmp_size);
    size_t m = 0;  /* without repeats */
    for (size_t i = 0; i < n; i++)
        if (m == 0 || nums[i] != nums[m - 1])
            nums[m++] = nums[i];
    if (m > 0)
        rg_buf__printf(t, "%s<FONT POINT-SIZE=\"8\">[",
                       t->len > 0 ? " " : "");
    /* A run of three or more numbers is written as its ends: an actor
     * that thirty reports cite stays readable ([4,9–36]). */
    for (size_t i = 0, j; i < m; i = j) {
        for (j = i + 1; j < m && nums[j] == nums[j - 1] + 1; j++)
            ;
        rg_buf__printf(t, "%s%zu", i ? "," : "", nums[i]);
        if (j - i >= 3)
            rg_buf__printf(t, "\xe2\x80\x93%zu", nums[j - 1]);
        else if (j - i == 2)
            rg_buf__printf(t, ",%zu", nums[i + 1]);
    }
    if (n > 0)
        rg_buf__puts(t, "]</FONT>");
    if (nums != local)
        free(nums);
}

/* The "Sources" block: "[n] title, publisher, date, url" for each source
 * the chart cites, in the order of its number (its place in the document's
 * list, so a focused chart may list [2] and [5]); in SVG the line links to
 * the url. */
void rg_build__sources(rg_bld *b, rg_buf *t)
{
    const rg_doc *d = b->doc;
    /* The theme's ink, said: the root graph's font colour is left unset
     * so that clusters do not inherit it, and Graphviz's default is
     * black, unreadable on the dark theme's page. */
    rg_buf__printf(t, "<FONT COLOR=\"%s\"><TABLE BORDER=\"0\" "
                      "CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">"
                      "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\" "
                      "COLOR=\"%s\">SOURCES</FONT></TD></TR>",
                   b->pal->ink, b->pal->muted);
    rg_buf line = {0};
    for (size_t k = 0; k < b->cite.n_cited; k++) {
        size_t num = b->cite.number[b->cite.order[k]];
        const rg_source *s = &d->sources[b->cite.order[k]];
        rg_buf__reset(&line);
        rg_buf__printf(&line, "[%zu] ", num);
        rg_build__grade_source(&line, s);
        rg_buf__puts(&line, s->title && *s->title ? s->title : s->id);
        const char *more[] = {s->publisher, s->date, s->url};
        for (size_t m = 0; m < 3; m++)
            if (more[m] != NULL && *more[m])
                rg_buf__printf(&line, ", %s", more[m]);
        rg_buf__puts(t, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"");
        if (s->url != NULL && *s->url && rg_check__url(s->url)) {
            rg_buf__printf(t, " ID=\"source-%zu\"", num);
            rg_buf__puts(t, " HREF=\"");
            rg_escape__gv_html_attr_twice(t, s->url);
            rg_buf__puts(t, "\" TITLE=\"");
            char *cut;
            const char *title = rg_build__clipped(
                t, s->title && *s->title ? s->title : s->url,
                RG_TOOLTIP_TEXT_MAX, &cut);
            rg_escape__gv_html_attr_twice(t, title);
            free(cut);
            rg_buf__puts(t, "\"");
        }
        rg_buf__puts(t, "><FONT POINT-SIZE=\"9\">");
        rg_build__wrapped(t, rg_buf__str(&line), 120);
        rg_buf__puts(t, "</FONT></TD></TR>");
    }
    rg_buf__puts(t, "</TABLE></FONT>");
    b->oom |= line.oom;
    rg_buf__free(&line);
}

/* A kind's swatch: a cell of its fill and border holding a character of
 * its shape (see rg_style__shape_glyph()), in its font colour, so that
 * kinds that differ only by shape (mono) still differ in the legend;
 * a shape with no such character gets the cell alone. */
static void swatch(rg_bld *b, rg_buf *t, const rg_kind_look *look)
{
    int rounded = look->style && strstr(look->style, "rounded");
    const char *glyph = rg_style__shape_glyph(look->shape, rounded);
    rg_buf__puts(t, "<TD BGCOLOR=\"");
    rg_escape__gv_html_attr(t, look->fill ? look->fill : "#FFFFFF");
    rg_buf__puts(t, "\" COLOR=\"");
    rg_escape__gv_html_attr(t, look->color ? look->color : "#666666");
    rg_buf__printf(t, "\" BORDER=\"1\" WIDTH=\"18\" HEIGHT=\"14\"%s%s>",
                   glyph ? " CELLPADDING=\"0\"" : " FIXEDSIZE=\"TRUE\"",
                   rounded ? " STYLE=\"rounded\"" : "");
    if (glyph != NULL) {
        rg_buf__puts(t, "<FONT FACE=\"" RG_GLYPH_FONT "\" POINT-SIZE=\"11\" "
                        "COLOR=\"");
        rg_escape__gv_html_attr(t, look->fontcolor ? look->fontcolor
                                                    : b->pal->ink);
        rg_buf__printf(t, "\">%s</FONT>", glyph);
    }
    rg_buf__puts(t, "</TD><TD ALIGN=\"LEFT\">");
}

static void legend_kinds(rg_bld *b, rg_buf *t)
{
    const rg_doc *d = b->doc;
    size_t nb = rg_style__builtin_count();
    size_t n = nb + d->n_kinds;
    const char **names = malloc(n * sizeof(*names));
    if (names == NULL) {
        b->oom = 1;
        return;
    }
    for (size_t i = 0; i < nb; i++)
        names[i] = rg_style__builtin_name(i);
    for (size_t i = 0; i < d->n_kinds; i++)
        names[nb + i] = d->kinds[i].name;
    size_t shown = 0;
    for (size_t i = 0; i < n; i++) {
        int used = 0, seen = 0;
        for (size_t j = 0; j < i && !seen; j++)
            seen = strcmp(names[j], names[i]) == 0;
        for (size_t a = 0; a < d->n_actors && !used && !seen; a++)
            used = strcmp(d->actors[a].kind, names[i]) == 0;
        if (!used)
            continue;
        rg_kind_look look;
        rg_style__kind(d, names[i], b->opts->theme, &look);
        if (shown > 0 && shown % 6 == 0)
            rg_buf__puts(t, "</TR><TR><TD></TD>");
        swatch(b, t, &look);
        rg_build__line_text(t, look.label);
        rg_buf__puts(t, "  </TD>");
        shown++;
    }
    free(names);
}

static void legend_statuses(rg_bld *b, rg_buf *t)
{
    int used[RG_STATUS_COUNT] = {0};
    for (size_t i = 0; i < b->doc->n_links; i++)
        used[b->doc->links[i].status] = 1;
    for (int s = 0; s < RG_STATUS_COUNT; s++) {
        if (!used[s])
            continue;
        const rg_status_look *st =
            rg_style__status((rg_status)s, b->opts->theme);
        double pw = atof(st->penwidth);
        rg_buf__printf(t,
                       "<TD SIDES=\"B\" BORDER=\"%d\" COLOR=\"%s\"%s "
                       "WIDTH=\"30\" HEIGHT=\"8\" FIXEDSIZE=\"TRUE\"></TD>"
                       "<TD ALIGN=\"LEFT\">%s  </TD>",
                       pw >= 2 ? 2 : 1, st->color,
                       strcmp(st->style, "solid") == 0
                           ? ""
                           : strcmp(st->style, "dashed") == 0
                                 ? " STYLE=\"dashed\""
                                 : " STYLE=\"dotted\"",
                       st->legend);
    }
}

/* Link kinds that change how a link is drawn (colour or line style);
 * kinds that only classify links have nothing to show. */
static int legend_link_kinds(rg_bld *b, rg_buf *t)
{
    const rg_doc *d = b->doc;
    int shown = 0;
    for (size_t i = 0; i < d->n_link_kinds; i++) {
        const rg_style *ls = &d->link_kinds[i];
        int used = 0;
        for (size_t k = 0; k < d->n_links && !used; k++)
            used = d->links[k].kind && strcmp(d->links[k].kind, ls->name) == 0;
        if (!used || (ls->color == NULL && ls->style == NULL))
            continue;
        const char *style = ls->style ? ls->style : "solid";
        char cb[8];
        const char *color = ls->color
                                ? rg_style__color(ls->color, b->opts->theme, cb)
                                : rg_style__status(RG_STATUS_REPORTED,
                                                   b->opts->theme)->color;
        rg_buf__puts(t, "<TD SIDES=\"B\" BORDER=\"2\" COLOR=\"");
        rg_escape__gv_html_attr(t, color);
        rg_buf__printf(t, "\"%s WIDTH=\"30\" HEIGHT=\"8\" FIXEDSIZE=\"TRUE\">"
                          "</TD><TD ALIGN=\"LEFT\">",
                       strstr(style, "dashed") ? " STYLE=\"dashed\""
                       : strstr(style, "dotted") ? " STYLE=\"dotted\"" : "");
        rg_build__line_text(t, ls->label ? ls->label : ls->name);
        rg_buf__puts(t, "  </TD>");
        shown++;
    }
    return shown;
}

static void legend_heading(rg_bld *b, rg_buf *t, const char *text)
{
    rg_buf__printf(t, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\" "
                      "COLOR=\"%s\">%s</FONT></TD>", b->pal->muted, text);
}

/* "WHO SAYS SO": the thin lines from claimants and disputants to the
 * links they speak about, when the chart draws any. */
static void legend_claims(rg_bld *b, rg_buf *t)
{
    int claims = 0, disputes = 0;
    for (size_t i = 0; i < b->doc->n_links && b->opts->claims; i++) {
        claims |= b->doc->links[i].claimed_by.n > 0;
        disputes |= b->doc->links[i].disputed_by.n > 0;
    }
    if (!claims && !disputes)
        return;
    legend_heading(b, t, "WHO SAYS SO");
    const char *dc =
        rg_style__status(RG_STATUS_DISPUTED, b->opts->theme)->color;
    if (claims)
        rg_buf__printf(t, "<TD SIDES=\"B\" BORDER=\"1\" COLOR=\"%s\" "
                          "WIDTH=\"30\" HEIGHT=\"8\" FIXEDSIZE=\"TRUE\">"
                          "</TD><TD ALIGN=\"LEFT\">claims (\xe2\x97\x8f "
                          "at the link)  </TD>", b->pal->muted);
    if (disputes)
        rg_buf__printf(t, "<TD SIDES=\"B\" BORDER=\"1\" COLOR=\"%s\" "
                          "STYLE=\"dashed\" WIDTH=\"30\" HEIGHT=\"8\" "
                          "FIXEDSIZE=\"TRUE\"></TD><TD ALIGN=\"LEFT\">"
                          "disputes (\xe2\x8a\xa3 at the link)  </TD>", dc);
    rg_buf__puts(t, "</TR>");
}

/* The legend: the kinds of actors shown, the statuses of links and the
 * link kinds that change how a link is drawn, as a row of the label. */
static void legend(rg_bld *b, rg_buf *t)
{
    const rg_doc *d = b->doc;
    rg_buf__puts(t, "<TR><TD ALIGN=\"LEFT\" CELLPADDING=\"6\">"
                    "<TABLE BORDER=\"0\" CELLBORDER=\"0\" "
                    "CELLSPACING=\"3\" CELLPADDING=\"1\">");
    if (d->n_actors > 0) {
        legend_heading(b, t, "ACTORS");
        legend_kinds(b, t);
        rg_buf__puts(t, "</TR>");
    }
    if (d->n_links > 0) {
        legend_heading(b, t, "LINKS");
        legend_statuses(b, t);
        rg_buf__puts(t, "</TR>");
        legend_claims(b, t);
        rg_build__grade_legend(b, t);
        size_t mark = t->len;
        legend_heading(b, t, "LINK KINDS");
        if (legend_link_kinds(b, t) > 0) {
            rg_buf__puts(t, "</TR>");
        } else {
            t->len = mark;
            t->data[mark] = '\0';
        }
    }
    rg_build__mark_legend(b, t);
    rg_buf__puts(t, "</TABLE></TD></TR>");
}

/* The title and the description (unless --no-title), and the legend;
 * with `sources`, the Sources block after them. */
void rg_build__label(rg_bld *b, rg_buf *t, int sources)
{
    const rg_doc *d = b->doc;
    int rows = 0;
    /* the ink, said, as in the Sources block */
    rg_buf__printf(t, "<FONT COLOR=\"%s\"><TABLE BORDER=\"0\" "
                      "CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">",
                   b->pal->ink);
    size_t mark = t->len;
    rg_build__tlp_row(b, t, "top");
    rows += t->len > mark;
    if (b->opts->title && d->title != NULL && *d->title) {
        rg_buf__puts(t, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"18\"><B>");
        rg_build__name_text(t, d->title, 80);
        rg_buf__puts(t, "</B></FONT></TD></TR>");
        rows++;
    }
    if (b->opts->title && d->description != NULL && *d->description) {
        rg_buf__printf(t, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT "
                          "POINT-SIZE=\"10\" COLOR=\"%s\">", b->pal->muted);
        rg_build__wrapped(t, d->description, 110);
        rg_buf__puts(t, "</FONT></TD></TR>");
        rows++;
    }
    if (d->view_note != NULL) {
        rg_buf__printf(t, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT "
                          "POINT-SIZE=\"10\" COLOR=\"%s\"><I>", b->pal->muted);
        rg_build__wrapped(t, d->view_note, 110);
        rg_buf__puts(t, "</I></FONT></TD></TR>");
        rows++;
    }
    rg_build__tlp_note(b, t);
    if (b->opts->legend && (d->n_actors > 0 || d->n_links > 0)) {
        legend(b, t);
        rows++;
    }
    if (sources) {
        rg_buf__puts(t, "<TR><TD ALIGN=\"LEFT\" CELLPADDING=\"6\">");
        rg_build__sources(b, t);
        rg_buf__puts(t, "</TD></TR>");
        rows++;
    }
    rg_buf__puts(t, "</TABLE></FONT>");
    if (rows == 0)
        rg_buf__reset(t);
}
