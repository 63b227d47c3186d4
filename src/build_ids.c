/* The chart's object ids: a cgraph id discipline that numbers names in
 * order of first use. State: one seq_state per graph, owned by cgraph
 * (opened and closed with the graph). */
#include "build_int.h"

#include <stdlib.h>

/* cgraph's default ids for named objects are the addresses of their
 * interned names, and it keeps subgraphs in id order: the order of the
 * clusters, and so the layout, followed malloc, and the same document
 * could give different charts. Here a name's id is given when the name is
 * first used, counting up (even numbers; anonymous objects get odd ones),
 * so the order follows the document. The names live in the discipline's
 * own table: cgraph's map of local names is cleared by some layouts.
 * They are interned in the graph's string dictionary (agstrdup), as
 * cgraph's own names are: its DOT writer asks of every name whether it
 * is an HTML-like string by reading the header of that dictionary's
 * entry, and a name from malloc has none (a read out of bounds, which
 * made the DOT output write a name as <name> by chance). */
typedef struct seq_state {
    Agraph_t *g;     /* the graph whose dictionary holds the names */
    rg_map by_name;  /* name -> index in names */
    char **names;
    size_t n, cap;
    IDTYPE anon;     /* the next anonymous id (odd) */
} seq_state;

static void *seq_open(Agraph_t *g, Agdisc_t *disc)
{
    (void)disc;
    seq_state *st = calloc(1, sizeof(*st));
    if (st != NULL) {
        st->g = g;
        st->anon = 1;
    }
    return st;
}

static long seq_map(void *state, int objtype, char *str, IDTYPE *id,
                    int createflag)
{
    (void)objtype;
    seq_state *st = state;
    if (st == NULL)
        return 0;
    if (str == NULL) {
        if (!createflag)
            return 0;
        *id = st->anon;
        st->anon += 2;
        return 1;
    }
    size_t i;
    if (rg_map__get(&st->by_name, str, &i)) {
        *id = (IDTYPE)(i + 1) * 2;
        return 1;
    }
    if (!createflag)
        return 0;
    if (st->n == st->cap) {
        size_t cap = st->cap ? 2 * st->cap : 64;
        char **names = realloc(st->names, cap * sizeof(*names));
        if (names == NULL)
            return 0;
        st->names = names;
        st->cap = cap;
    }
    char *name = agstrdup(st->g, str);
    if (name == NULL || rg_map__put(&st->by_name, name, st->n, NULL) < 0) {
        agstrfree(st->g, name);
        return 0;
    }
    st->names[st->n] = name;
    *id = (IDTYPE)(st->n + 1) * 2;
    st->n++;
    return 1;
}

static long seq_alloc(void *state, int objtype, IDTYPE id)
{
    (void)state;
    (void)objtype;
    (void)id;
    return 0; /* no object may pick its own id */
}

static void seq_free(void *state, int objtype, IDTYPE id)
{
    /* Names stay until the graph closes: a name used again keeps its id. */
    (void)state;
    (void)objtype;
    (void)id;
}

static char *seq_print(void *state, int objtype, IDTYPE id)
{
    (void)objtype;
    seq_state *st = state;
    if (st == NULL || id == 0 || id % 2 != 0 || id / 2 > st->n)
        return NULL;
    return st->names[id / 2 - 1];
}

static void seq_close(void *state)
{
    seq_state *st = state;
    if (st == NULL)
        return;
    for (size_t i = 0; i < st->n; i++)
        agstrfree(st->g, st->names[i]);
    free(st->names);
    rg_map__free(&st->by_name);
    free(st);
}

static void seq_register(void *state, int objtype, void *obj)
{
    (void)state;
    (void)objtype;
    (void)obj;
}

Agiddisc_t rg_build__ids = {seq_open,  seq_map,   seq_alloc,   seq_free,
                             seq_print, seq_close, seq_register};
