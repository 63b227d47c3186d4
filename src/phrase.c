/* The sentences about a document (see phrase.h). No state. */
#include "phrase.h"

#include "tlp.h"

#define ARROW " \xe2\x86\x92 "    /* → */
#define EM_DASH " \xe2\x80\x94 "  /* — */

void rg_phrase__link(rg_buf *b, rg_phrase_esc esc, const rg_doc *d,
                     const rg_link *k)
{
    const char *sep = k->directed ? ARROW : EM_DASH;
    esc(b, d->actors[k->from_index].name);
    rg_buf__puts(b, sep);
    if (k->label != NULL && *k->label) {
        esc(b, k->label);
        rg_buf__puts(b, sep);
    }
    esc(b, d->actors[k->to_index].name);
}

void rg_phrase__link_status(rg_buf *b, rg_phrase_esc esc, const rg_doc *d,
                            const rg_link *k)
{
    rg_phrase__link(b, esc, d, k);
    rg_buf__printf(b, " (%s)", rg_status_name(k->status));
}

void rg_phrase__names(rg_buf *b, rg_phrase_esc esc, const rg_doc *d,
                      const size_t *idx, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            rg_buf__puts(b, ", ");
        esc(b, d->actors[idx[i]].name);
    }
}

const char *rg_phrase__dispute_word(const rg_link *k)
{
    return k->status == RG_STATUS_DENIED ? "denied" : "disputed";
}

void rg_phrase__claim(rg_buf *b, rg_phrase_esc esc, const rg_doc *d,
                      const rg_link *k, size_t actor, int disputes)
{
    esc(b, d->actors[actor].name);
    rg_buf__puts(b, !disputes ? " claims: "
                    : k->status == RG_STATUS_DENIED ? " denies: "
                                                    : " disputes: ");
    rg_phrase__link(b, esc, d, k);
}

static void end_sentence(rg_buf *b)
{
    char c = b->len > 0 ? b->data[b->len - 1] : '\0';
    if (c != '.' && c != '!' && c != '?')
        rg_buf__putc(b, '.');
}

void rg_phrase__contested(rg_buf *b, rg_phrase_esc esc, const rg_doc *d,
                          const rg_link *k)
{
    const char *word = rg_phrase__dispute_word(k);
    if (k->claimed_by.n > 0) {
        rg_buf__puts(b, "Claimed by ");
        rg_phrase__names(b, esc, d, k->claimed_by_index, k->claimed_by.n);
        rg_buf__puts(b, "; ");
        rg_buf__puts(b, word);
    } else {
        rg_buf__putc(b, (char)(word[0] - 'a' + 'A'));
        rg_buf__puts(b, word + 1);
    }
    if (k->disputed_by.n > 0) {
        rg_buf__puts(b, " by ");
        rg_phrase__names(b, esc, d, k->disputed_by_index, k->disputed_by.n);
    }
    rg_buf__puts(b, ": ");
    rg_phrase__link(b, esc, d, k);
    end_sentence(b);
}

void rg_phrase__summary(rg_buf *b, const rg_doc *d, rg_summary_form form)
{
    size_t by[RG_STATUS_COUNT] = {0};
    for (size_t i = 0; i < d->n_links; i++)
        if ((unsigned)d->links[i].status < RG_STATUS_COUNT)
            by[d->links[i].status]++;
    int desc = form == RG_SUMMARY_DESC;
    if (desc && d->description != NULL && *d->description)
        rg_buf__printf(b, "%s ", d->description);
    rg_buf__printf(b, "%zu %s, %zu %s", d->n_actors,
                   d->n_actors == 1 ? "actor" : "actors", d->n_links,
                   d->n_links == 1 ? "link" : "links");
    const char *sep = desc ? ", " : ": ";
    for (int s = desc ? RG_STATUS_ALLEGED : 0; s < RG_STATUS_COUNT; s++) {
        if (by[s] == 0)
            continue;
        rg_buf__printf(b, "%s%zu %s", sep, by[s], rg_status_name((rg_status)s));
        sep = ", ";
    }
    rg_buf__putc(b, '.');
    if (desc && d->view_note != NULL)
        rg_buf__printf(b, " %s", d->view_note);
    if (desc && rg_tlp__note(d) != NULL)
        rg_buf__printf(b, " %s", rg_tlp__note(d));
}
