/* The tables of docfmt.def, made into C arrays: the objects and their
 * keys, and the word lists, with their look-ups. Constant data, and an
 * index of it made once. */
#include "docfmt.h"

#include "diag.h"
#include "model.h"

#include <pthread.h>
#include <string.h>

#define RG_FMT_KEY(obj, key, type, arg, req, field)                      \
    {RG_FMT_##obj, key, RG_FMT_T_##type, RG_FMT_ARG_##arg, req, 1,        \
     offsetof(rg_##obj, field), sizeof(((rg_##obj *)0)->field), 0},
#define RG_FMT_MANY(obj, key, type, arg, req, field)                     \
    {RG_FMT_##obj, key, RG_FMT_T_##type, RG_FMT_ARG_##arg, req, 1,        \
     offsetof(rg_##obj, field), sizeof(((rg_##obj *)0)->field),          \
     offsetof(rg_##obj, n_##field)},
#define RG_FMT_CHECK(obj, key, type, arg, req)                           \
    {RG_FMT_##obj, key, RG_FMT_T_##type, RG_FMT_ARG_##arg, req, 0, 0, 0, 0},
static const rg_docfmt__key keys[] = {
#include "docfmt.def"
};

#define N_KEYS (sizeof(keys) / sizeof(keys[0]))

#define RG_FMT_OBJECT(obj, what) {#obj, what, sizeof(rg_##obj)},
const rg_docfmt__object rg_docfmt__objects[RG_FMT_OBJ_COUNT] = {
#include "docfmt.def"
};

/* The rows of an object are together in docfmt.def. */
/* Where each object's rows start and how many there are: found once,
 * for the loader asks for an object's keys at every member it reads. */
static struct {
    size_t first, n;
} rows[RG_FMT_OBJ_COUNT];
static pthread_once_t rows_once = PTHREAD_ONCE_INIT;

static void find_rows(void)
{
    for (int obj = 0; obj < RG_FMT_OBJ_COUNT; obj++) {
        size_t i = 0, k = 0;
        while (i < N_KEYS && keys[i].obj != (rg_docfmt__obj)obj)
            i++;
        while (i + k < N_KEYS && keys[i + k].obj == (rg_docfmt__obj)obj)
            k++;
        rows[obj].first = i;
        rows[obj].n = k;
    }
}

const rg_docfmt__key *rg_docfmt__keys(rg_docfmt__obj obj, size_t *n)
{
    pthread_once(&rows_once, find_rows);
    *n = rows[obj].n;
    return &keys[rows[obj].first];
}

const rg_docfmt__key *rg_docfmt__find(rg_docfmt__obj obj, const char *name)
{
    size_t n;
    const rg_docfmt__key *k = rg_docfmt__keys(obj, &n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(k[i].name, name) == 0)
            return &k[i];
    return NULL;
}

typedef struct key_synonym {
    rg_docfmt__obj obj;
    const char *word, *key;
} key_synonym;

#define RG_FMT_SYNONYM_KEY(obj, word, key) {RG_FMT_##obj, word, key},
static const key_synonym key_synonyms[] = {
#include "docfmt.def"
};

#define RG_FMT_SYNONYM_WORD(list, word, meant, hint)                     \
    {(rg_docfmt__list_id)RG_FMT_ARG_##list, word, meant, hint},
static const rg_docfmt__word_synonym word_synonyms[] = {
#include "docfmt.def"
};

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

const char *rg_docfmt__suggest_key(rg_docfmt__obj obj, const char *name)
{
    for (size_t i = 0; i < N_OF(key_synonyms); i++)
        if (key_synonyms[i].obj == obj &&
            strcmp(key_synonyms[i].word, name) == 0)
            return key_synonyms[i].key;
    size_t n;
    const rg_docfmt__key *k = rg_docfmt__keys(obj, &n);
    const char *names[32];
    if (n > 32)
        n = 32;
    for (size_t i = 0; i < n; i++)
        names[i] = k[i].name;
    return rg_suggest__best(name, names, n);
}

/* ---- word lists ---- */

#define RG_FMT_STATUS(word) word,
const char *const rg_docfmt__statuses[] = {
#include "docfmt.def"
    NULL};
#define RG_FMT_ENGINE(word) word,
const char *const rg_docfmt__engines[] = {
#include "docfmt.def"
    NULL};
#define RG_FMT_DIRECTION(word) word,
const char *const rg_docfmt__directions[] = {
#include "docfmt.def"
    NULL};
#define RG_FMT_TLP(word) word,
const char *const rg_docfmt__tlps[] = {
#include "docfmt.def"
    NULL};
#define RG_FMT_THEME(word) word,
const char *const rg_docfmt__themes[] = {
#include "docfmt.def"
    NULL};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]) - 1)

_Static_assert(COUNT(rg_docfmt__statuses) == RG_STATUS_COUNT,
               "docfmt.def's statuses are rg_status's");
_Static_assert(COUNT(rg_docfmt__themes) == RG_THEME_COUNT,
               "docfmt.def's themes are rg_theme's");

const rg_docfmt__list rg_docfmt__lists[] = {
    [RG_FMT_LIST_STATUS] = {"status", rg_docfmt__statuses,
                            COUNT(rg_docfmt__statuses), 1},
    [RG_FMT_LIST_ENGINE] = {"layout engine", rg_docfmt__engines,
                            COUNT(rg_docfmt__engines), 0},
    [RG_FMT_LIST_DIRECTION] = {"direction", rg_docfmt__directions,
                               COUNT(rg_docfmt__directions), 0},
    [RG_FMT_LIST_TLP] = {"TLP level", rg_docfmt__tlps,
                         COUNT(rg_docfmt__tlps), 0},
};

const rg_docfmt__word_synonym *rg_docfmt__find_synonym(rg_docfmt__list_id list,
                                                       const char *word)
{
    for (size_t i = 0; i < N_OF(word_synonyms); i++)
        if (word_synonyms[i].list == list &&
            strcmp(word_synonyms[i].word, word) == 0)
            return &word_synonyms[i];
    return NULL;
}
