/* The chart's TLP marking: the label ("TLP:AMBER" in TLP's colour on
 * black, 12 points, as TLP 2.0 asks of a document's header and footer)
 * at the right of the top label block and at the foot, and the note that
 * a --tlp chart withholds things. The label's words and colours are
 * fixed (tlp.c): nothing of the document goes into them. */
#include "build_int.h"
#include "tlp.h"

void rg_build__tlp_row(rg_bld *b, rg_buf *t, const char *where)
{
    const char *mark = rg_tlp__mark(b->doc);
    if (mark == NULL)
        return;
    /* Mono prints in greys: the words say the level, white on black. */
    const char *colour = b->opts->theme == RG_THEME_MONO
                             ? "#FFFFFF" : rg_tlp__colour(mark);
    /* A band across the label block, the label at its right: a table
     * in a wider cell would fill it, and Graphviz 2.43 places a table of
     * fixed size outside its cell. */
    rg_buf__printf(t, "<TR><TD ID=\"tlp-%s\" ALIGN=\"RIGHT\" "
                      "BGCOLOR=\"#000000\" CELLPADDING=\"4\"><FONT "
                      "POINT-SIZE=\"12\" COLOR=\"%s\"><B>%s</B></FONT></TD>"
                      "</TR>",
                   where, colour, rg_tlp__label(mark));
}

void rg_build__tlp_note(rg_bld *b, rg_buf *t)
{
    const char *note = rg_tlp__note(b->doc);
    if (note == NULL)
        return;
    rg_buf__printf(t, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT "
                      "POINT-SIZE=\"10\" COLOR=\"%s\"><I>%s</I></FONT></TD>"
                      "</TR>", b->pal->muted, note);
}

void rg_build__foot(rg_bld *b, rg_buf *t)
{
    if (rg_tlp__mark(b->doc) == NULL) {
        rg_build__sources(b, t);
        return;
    }
    rg_buf__puts(t, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
                    "CELLPADDING=\"0\">");
    if (b->src_num != NULL && b->opts->sources) {
        rg_buf__puts(t, "<TR><TD ALIGN=\"LEFT\">");
        rg_build__sources(b, t);
        rg_buf__puts(t, "</TD></TR>");
    }
    rg_build__tlp_row(b, t, "foot");
    rg_buf__puts(t, "</TABLE>");
}

int rg_build__wants_foot(const rg_bld *b)
{
    return (b->src_num != NULL && b->opts->sources) ||
           rg_tlp__mark(b->doc) != NULL;
}
