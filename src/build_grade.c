/* The Admiralty grades on the chart: the text marker beside a link's or
 * actor's footnote marker ("[2] B2": the reliability letter of the cited
 * sources, then the claim's credibility), which survives grayscale print
 * where a colour would not, and the legend row that explains the grades
 * the chart shows. No state beyond the build's. */
#include "build_int.h"

#include "grade.h"

#include <string.h>

/* Bit n for a credibility n of 1 to 6, else 0. */
static unsigned grade_bit(int credibility)
{
    return credibility >= 1 && credibility <= RG_GRADE_CREDIBILITY_MAX
               ? 1u << credibility : 0;
}

/* The reliability letters of the sources `src` cites, as bits (A: bit 0);
 * sources that are not graded or not in the document add nothing, nor
 * does a grade the loader would have refused (a library caller's). */
static unsigned cited_letters(rg_bld *b, const rg_strv *src)
{
    unsigned bits = 0;
    for (size_t i = 0; i < src->n; i++) {
        long si = rg_cite__find(&b->cite, b->doc, src->v[i]);
        const char *r = si >= 0 ? rg_grade__reliability(
                                      b->doc->sources[si].reliability)
                                : NULL;
        if (r != NULL)
            bits |= 1u << (r[0] - 'A');
    }
    return bits;
}

/* Appends " B2" in the marker's small bold type: the distinct letters of
 * the graded sources cited, best first and joined by "/" when they
 * differ ("B/D4": the Sources block says which source is which), then
 * the credibility when there is one. Nothing for an ungraded claim
 * citing no graded source. */
void rg_build__grade_marker(rg_bld *b, rg_buf *t, const rg_strv *src,
                            int credibility)
{
    unsigned bits = cited_letters(b, src);
    if (bits == 0 && grade_bit(credibility) == 0)
        return;
    rg_buf__printf(t, "%s<FONT POINT-SIZE=\"8\"><B>", t->len > 0 ? " " : "");
    for (int l = 0, n = 0; l < 6; l++)
        if (bits & (1u << l))
            rg_buf__printf(t, "%s%c", n++ ? "/" : "", 'A' + l);
    if (grade_bit(credibility))
        rg_buf__printf(t, "%d", credibility);
    rg_buf__puts(t, "</B></FONT>");
}

void rg_build__grade_actor(rg_bld *b, rg_buf *t, const rg_actor *a)
{
    if (grade_bit(a->credibility))
        rg_build__grade_marker(b, t, &a->source, a->credibility);
}

/* A grade and its words in the GRADES row, six to a row. */
static void legend_cell(rg_buf *t, size_t *shown, char grade,
                        const char *words, const char *after)
{
    if (*shown > 0 && *shown % 6 == 0)
        rg_buf__puts(t, "</TR><TR><TD></TD>");
    rg_buf__printf(t, "<TD ALIGN=\"RIGHT\"><B>%c</B></TD><TD "
                      "ALIGN=\"LEFT\">%s%s  </TD>", grade, words, after);
    (*shown)++;
}

/* "GRADES": each reliability letter and credibility that a marker of the
 * chart shows, with its words ("B usually reliable source", "2 probably
 * true"); nothing when no marker does. */
void rg_build__grade_legend(rg_bld *b, rg_buf *t)
{
    const rg_doc *d = b->doc;
    unsigned letters = 0, numbers = 0;
    for (size_t i = 0; i < d->n_links; i++) {
        letters |= cited_letters(b, &d->links[i].source);
        numbers |= grade_bit(d->links[i].credibility);
    }
    for (size_t i = 0; i < d->n_actors; i++) {
        /* an ungraded actor shows no marker (rg_build__grade_actor) */
        if (grade_bit(d->actors[i].credibility) == 0)
            continue;
        letters |= cited_letters(b, &d->actors[i].source);
        numbers |= grade_bit(d->actors[i].credibility);
    }
    if (letters == 0 && numbers == 0)
        return;
    rg_buf__printf(t, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\" "
                      "COLOR=\"%s\">GRADES</FONT></TD>", b->pal->muted);
    size_t shown = 0;
    for (int l = 0; l < 6; l++)
        if (letters & (1u << l))
            legend_cell(t, &shown, (char)('A' + l),
                        rg_grade__reliability_words((char)('A' + l)),
                        " source");
    for (int n = 1; n <= RG_GRADE_CREDIBILITY_MAX; n++)
        if (numbers & (1u << n))
            legend_cell(t, &shown, (char)('0' + n),
                        rg_grade__credibility_words(n), "");
    rg_buf__puts(t, "</TR>");
}

/* "(B) " before a source's title in the Sources block, for a graded
 * source. */
void rg_build__grade_source(rg_buf *line, const rg_source *s)
{
    if (rg_grade__reliability(s->reliability) != NULL)
        rg_buf__printf(line, "(%s) ", s->reliability);
}
