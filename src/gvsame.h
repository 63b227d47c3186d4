/* Graphviz's layouts made the same every run: see gvsame.c. */
#ifndef RG_GVSAME_H
#define RG_GVSAME_H

#include <graphviz/gvc.h>

/* gvLayout(gvc, g, engine), with the random generators Graphviz draws
 * from first put back to their state at a program's start: the same
 * graph gets the same layout whatever the process laid out before. */
int rg_gvsame__layout(GVC_t *gvc, Agraph_t *g, const char *engine);

#endif
