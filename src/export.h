/* The data formats a document is exported to (STIX 2.1, GraphML, GEXF,
 * Cytoscape.js JSON, CSV tables): the fields every record has, by one
 * table each writer reads, the laid-out actors' places, and one writer
 * per format (export_*.c). Shared between those files, not public. */
#ifndef RG_EXPORT_H
#define RG_EXPORT_H

#include "buf.h"
#include "model.h"

#include <graphviz/cgraph.h>

/* The tables of a document, as the CSV export names them. */
typedef enum rg_xtable {
    RG_XT_LINKS = 0,
    RG_XT_ACTORS,
    RG_XT_SOURCES,
    RG_XT_GROUPS,
    RG_XT_COUNT
} rg_xtable;

typedef enum rg_xtype {
    RG_XT_STRING = 0,
    RG_XT_LIST,   /* a list of strings; ';'-joined where cells are text */
    RG_XT_INT,    /* confidence: absent when -1 */
    RG_XT_BOOL
} rg_xtype;

typedef struct rg_xfield {
    const char *name;  /* as the document's key, and the CSV column */
    rg_xtype type;
} rg_xfield;

/* One field's value in one record. */
typedef struct rg_xval {
    int present;
    const char *s;        /* STRING */
    const rg_strv *list;  /* LIST */
    long num;             /* INT, BOOL */
    int is_bool;
} rg_xval;

/* The fields of a table, in their order (the CSV columns); *n is set. */
const rg_xfield *rg_export__fields(rg_xtable t, size_t *n);
/* The number of records in a table. */
size_t rg_export__count(const rg_doc *d, rg_xtable t);
/* The value of field `f` of record `i` of table `t`. A link's from and
 * to are the ids of the actors they resolved to. */
void rg_export__value(rg_xval *out, const rg_doc *d, rg_xtable t, size_t i,
                      size_t f);
/* A value as text, appended to b: a list joined with ';', a number in
 * decimal, a boolean as "true" or "false". */
void rg_export__text(rg_buf *b, const rg_xval *v);

/* For each field of record i present: `open`, the field's number,
 * `mid`, the value as XML-escaped text (rg_export__text, in `tmp`), and
 * `close` (GraphML's <data>, GEXF's <attvalue>). */
void rg_export__xml_fields(rg_buf *b, rg_buf *tmp, const rg_doc *d,
                           rg_xtable t, size_t i, const char *open,
                           const char *mid, const char *close);

/* A laid-out actor: its centre and size in points, y downwards from the
 * top of the chart (as yEd, Gephi and Cytoscape.js count), and how it
 * is drawn (borrowed from the laid-out graph). */
typedef struct rg_xnode {
    int placed;           /* 0: not in the graph (left out of a view) */
    double x, y, w, h;
    const char *shape;    /* Graphviz's: "box", "ellipse"... */
    const char *fill;     /* "#rrggbb", or NULL */
    const char *color;
    const char *fontcolor;
    const char *style;    /* "filled,rounded"... */
} rg_xnode;

/* What the job read from the laid-out graph for the writers. */
typedef struct rg_xlayout {
    rg_xnode *nodes;      /* one per actor of the document */
    double width, height; /* the chart's box, points */
} rg_xlayout;

/* Reads the actors' places from g, laid out from d. Returns 0, or -1
 * when out of memory. Free with rg_export__layout_free(). */
int rg_export__layout(rg_xlayout *out, const rg_doc *d, Agraph_t *g);
void rg_export__layout_free(rg_xlayout *l);

/* Writes d in format f (one of rg_format__is_export()) to b, bounded by
 * b->max; GraphML, GEXF and Cytoscape.js need `lay`, the others take
 * NULL. What the format could not hold is said in `notes` (lines; may
 * be NULL). Returns 0, or -1 when b ran out of room (b->over) or
 * memory. */
int rg_export__write(rg_buf *b, const rg_doc *d, rg_format f,
                     const rg_xlayout *lay, rg_buf *notes);

/* The writers, one per file. */
void rg_export__stix(rg_buf *b, const rg_doc *d, rg_buf *notes);
void rg_export__csv(rg_buf *b, const rg_doc *d, rg_xtable t);
void rg_export__graphml(rg_buf *b, const rg_doc *d, const rg_xlayout *lay);
void rg_export__gexf(rg_buf *b, const rg_doc *d, const rg_xlayout *lay);
void rg_export__cyjs(rg_buf *b, const rg_doc *d, const rg_xlayout *lay);

/* The shape of a laid-out actor as yEd's ShapeNode names it
 * ("roundrectangle", "hexagon"...) and as GEXF's viz:shape does ("disc",
 * "square", "diamond", "triangle"). */
void rg_export__shape(const rg_xnode *x, const char **yed, const char **gexf);

/* A document's date ("2014", "2014-05", "2014-05-19", checked) as a
 * whole day: the first day of its year or month, or with `end` the
 * last. In out (11 bytes). */
const char *rg_export__day(char out[11], const char *date, int end);

/* A colour as "#rrggbb" from a Graphviz colour value ("#RRGGBB",
 * "#RRGGBBAA", a list "a:b" whose first counts), or `dflt`; in out
 * (8 bytes). */
const char *rg_export__rgb(char out[8], const char *gv, const char *dflt);

#endif
