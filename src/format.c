/* The tables of format.def, made into C arrays: the objects and their
 * keys, and the word lists, with their look-ups. Constant data; no
 * state. */
#include "format.h"

#include "diag.h"
#include "model.h"

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
static const rg_format__key keys[] = {
#include "format.def"
};

#define N_KEYS (sizeof(keys) / sizeof(keys[0]))

#define RG_FMT_OBJECT(obj, what) {#obj, what, sizeof(rg_##obj)},
const rg_format__object rg_format__objects[RG_FMT_OBJ_COUNT] = {
#include "format.def"
};

/* The rows of an object are together in format.def. */
const rg_format__key *rg_format__keys(rg_format__obj obj, size_t *n)
{
    size_t i = 0, k = 0;
    while (i < N_KEYS && keys[i].obj != obj)
        i++;
    while (i + k < N_KEYS && keys[i + k].obj == obj)
        k++;
    *n = k;
    return &keys[i];
}

const rg_format__key *rg_format__find(rg_format__obj obj, const char *name)
{
    size_t n;
    const rg_format__key *k = rg_format__keys(obj, &n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(k[i].name, name) == 0)
            return &k[i];
    return NULL;
}

const char *rg_format__suggest_key(rg_format__obj obj, const char *name)
{
    size_t n;
    const rg_format__key *k = rg_format__keys(obj, &n);
    const char *names[32];
    if (n > 32)
        n = 32;
    for (size_t i = 0; i < n; i++)
        names[i] = k[i].name;
    return rg_suggest__best(name, names, n);
}

/* ---- word lists ---- */

#define RG_FMT_STATUS(word) word,
const char *const rg_format__statuses[] = {
#include "format.def"
    NULL};
#define RG_FMT_ENGINE(word) word,
const char *const rg_format__engines[] = {
#include "format.def"
    NULL};
#define RG_FMT_DIRECTION(word) word,
const char *const rg_format__directions[] = {
#include "format.def"
    NULL};
#define RG_FMT_BUILTIN_KIND(name, label, shape, style, fill, color) name,
const char *const rg_format__builtin_kinds[] = {
#include "format.def"
    NULL};
#define RG_FMT_THEME(word) word,
const char *const rg_format__themes[] = {
#include "format.def"
    NULL};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]) - 1)

const size_t rg_format__n_builtin_kinds = COUNT(rg_format__builtin_kinds);

_Static_assert(COUNT(rg_format__statuses) == RG_STATUS_COUNT,
               "format.def's statuses are rg_status's");
_Static_assert(COUNT(rg_format__themes) == RG_THEME_COUNT,
               "format.def's themes are rg_theme's");

const rg_format__list rg_format__lists[] = {
    [RG_FMT_LIST_STATUS] = {"status", rg_format__statuses,
                            COUNT(rg_format__statuses), 1},
    [RG_FMT_LIST_ENGINE] = {"layout engine", rg_format__engines,
                            COUNT(rg_format__engines), 0},
    [RG_FMT_LIST_DIRECTION] = {"direction", rg_format__directions,
                               COUNT(rg_format__directions), 0},
};
