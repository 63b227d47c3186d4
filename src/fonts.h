/* Fontconfig's start-up on a thread of its own (see fonts.c). */
#ifndef RG_FONTS_H
#define RG_FONTS_H

/* Starts the thread; does nothing when one was started already. */
void rg_fonts__start(void);

/* Waits for the thread, if one was started. */
void rg_fonts__wait(void);

#endif
