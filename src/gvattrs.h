/* The Graphviz attributes a document may set in `attrs`, where, and the
 * values each takes (gvattrs.def), and the colours of style fields. Plain
 * C: no Graphviz here. */
#ifndef RG_GVATTRS_H
#define RG_GVATTRS_H

#include <stddef.h>

/* Where an attribute is set: a bit each. */
enum {
    RG_GV_NODE = 1,     /* actors, kinds.*.attrs */
    RG_GV_EDGE = 2,     /* links, link_kinds.*.attrs */
    RG_GV_CLUSTER = 4,  /* groups */
    RG_GV_GRAPH = 8     /* layout */
};

/* Checks one attribute set on an object of kind `where` (one RG_GV_
 * bit). Returns NULL when the document may set it to this value;
 * otherwise a message for a diagnostic, in buf (of size n) or static, and
 * stores in *suggestion (when not NULL) a close allowed name for an
 * unknown one, or NULL. */
const char *rg_gvattrs__check(const char *name, const char *value, int where,
                              char *buf, size_t n, const char **suggestion);

/* True when the document may set `name` on objects of kind `where`
 * (whatever the value). */
int rg_gvattrs__allowed(const char *name, int where);

/* Checks a colour of a style field (kinds.*.fill, color, fontcolor):
 * NULL when it is one, else a message in buf. */
const char *rg_gvattrs__check_color(const char *value, char *buf, size_t n);

/* Checks a style field's shape (kinds.*.shape) and style list
 * (kinds.*.style, link_kinds.*.style): NULL or a message in buf. */
const char *rg_gvattrs__check_shape(const char *value, char *buf, size_t n);
const char *rg_gvattrs__check_style(const char *value, char *buf, size_t n);

/* The value with every #RGB or #RGBA colour of it written out as #RRGGBB
 * or #RRGGBBAA (into buf, of size n), which is all Graphviz 2.43 knows;
 * the value itself when it has none (or buf is too small). */
const char *rg_gvattrs__long_hex(const char *value, char *buf, size_t n);

#endif
