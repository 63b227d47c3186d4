/* "Did you mean": edit distance between words, the rule that refuses a
 * suggestion meaning the opposite of the word, lists cut to fit a
 * message, and the candidates of an actor reference (used by check and
 * by the command line's --focus alike). No state. */
#include "suggest.h"

#include "model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Optimal string alignment distance (Damerau-Levenshtein with adjacent
 * transpositions), ignoring ASCII case; gives up past `limit`. */
static size_t distance(const char *a, const char *b, size_t limit)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return limit + 1;
    if ((la > lb ? la - lb : lb - la) > limit)
        return limit + 1;
    size_t d[65][65];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= la; i++) {
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = lower(a[i - 1]) != lower(b[j - 1]);
            size_t v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v)
                v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
                lower(a[i - 2]) == lower(b[j - 1]) && d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    }
    return d[la][lb];
}

static int same_ci(const char *a, const char *b)
{
    for (; *a && lower(*a) == lower(*b); a++, b++)
        ;
    return *a == '\0' && *b == '\0';
}

/* True when `word` is `base` behind a negating prefix. */
static int negates(const char *word, const char *base)
{
    static const char *const prefixes[] = {"non-", "non_", "not-", "not_",
                                           "not ", "non", "un"};
    for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
        size_t n = strlen(prefixes[i]), k;
        for (k = 0; k < n && lower(word[k]) == prefixes[i][k]; k++)
            ;
        if (k == n && *base != '\0' && same_ci(word + n, base))
            return 1;
    }
    return 0;
}

int rg_suggest__opposite(const char *a, const char *b)
{
    return negates(a, b) || negates(b, a);
}

const char *rg_suggest__best(const char *word, const char *const *cands,
                             size_t n)
{
    size_t len = strlen(word);
    /* Close means: at most a third of the word's letters wrong, and at
     * least one right. */
    size_t limit = len < 3 ? 1 : len / 3;
    if (limit > 4)
        limit = 4;
    const char *best = NULL;
    size_t best_d = limit + 1;
    for (size_t i = 0; i < n; i++) {
        if (cands[i] == NULL || strcmp(cands[i], word) == 0)
            continue;
        size_t d = distance(word, cands[i], limit);
        if (d < best_d && d < strlen(cands[i]) &&
            !rg_suggest__opposite(word, cands[i])) {
            best = cands[i];
            best_d = d;
        }
    }
    return best;
}

void rg_suggest__join(char *buf, size_t cap, const char *const *words,
                      size_t n)
{
    size_t len = 0, more = 0, all = 0;
    if (cap == 0)
        return;
    buf[0] = '\0';
    for (size_t i = 0; i < n && all < cap + 2; i++)
        all += words[i] ? strlen(words[i]) + 2 : 0;
    /* When not all fit (each word counted with its ", "), room is kept
     * for " and 1234567890 more". */
    size_t room = all < cap + 2 ? cap : cap > 24 ? cap - 24 : 0;
    for (size_t i = 0; i < n; i++) {
        if (words[i] == NULL)
            continue;
        size_t w = strlen(words[i]) + (len ? 2 : 0);
        if (more > 0 || len + w >= room) {
            more++;
            continue;
        }
        snprintf(buf + len, cap - len, "%s%s", len ? ", " : "", words[i]);
        len += w;
    }
    if (more > 0)
        snprintf(buf + len, cap - len, " and %zu more", more);
}

const char *rg_suggest__labelled(const char *word, const char *const *names,
                                 const char *const *labels, size_t n,
                                 const char **via_label)
{
    *via_label = NULL;
    for (size_t i = 0; i < n; i++) {
        if (labels[i] != NULL && names[i] != NULL &&
            same_ci(word, labels[i])) {
            *via_label = labels[i];
            return names[i];
        }
    }
    const char *best = rg_suggest__best(word, names, n);
    if (best != NULL)
        return best;
    best = rg_suggest__best(word, labels, n);
    for (size_t i = 0; best != NULL && i < n; i++) {
        if (labels[i] == best && names[i] != NULL) {
            *via_label = best;
            return names[i];
        }
    }
    return NULL;
}

const char **rg_suggest__actor_refs(const rg_doc *d, size_t *n_out)
{
    size_t n = 0, k = 0;
    for (size_t i = 0; i < d->n_actors; i++)
        n += 2 + d->actors[i].aliases.n;
    const char **refs = calloc(n ? n : 1, sizeof(*refs));
    if (refs == NULL)
        return NULL;
    for (size_t i = 0; i < d->n_actors; i++) {
        const rg_actor *a = &d->actors[i];
        if (a->id == NULL)
            continue;
        refs[k++] = a->id;
        if (a->name != NULL && a->name != a->id)
            refs[k++] = a->name;
        for (size_t j = 0; j < a->aliases.n; j++)
            refs[k++] = a->aliases.v[j];
    }
    *n_out = k;
    return refs;
}

const char *rg_doc_suggest_actor(const rg_doc *doc, const char *ref)
{
    size_t n = 0;
    const char **refs = rg_suggest__actor_refs(doc, &n);
    const char *best = refs ? rg_suggest__best(ref, refs, n) : NULL;
    free(refs);
    return best;
}
