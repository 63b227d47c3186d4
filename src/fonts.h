/* Font set-up ahead of the layout. */
#ifndef RG_FONTS_H
#define RG_FONTS_H

/* rg_preload_fonts() (relgraph.h) starts the thread. */

/* Waits for rg_preload_fonts()'s thread, if one was started. */
void rg_fonts__wait(void);

#endif
