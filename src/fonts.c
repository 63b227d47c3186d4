/* Fontconfig's start-up, which pango runs on its first text measurement
 * and which the layout then waits for, reads every configuration file and
 * font cache: about a tenth of a small chart's render. Started early on a
 * thread of its own, it runs while the document is read and built. When
 * pango later starts fontconfig, FcInit() finds it loaded and returns. */
#include "fonts.h"

#include <fontconfig/fontconfig.h>
#include <pthread.h>

static pthread_t thread;
static int started;

static void *warm(void *unused)
{
    (void)unused;
    FcInit();
    return NULL;
}

void rg_fonts__start(void)
{
    if (!started && pthread_create(&thread, NULL, warm, NULL) == 0)
        started = 1;
}

void rg_fonts__wait(void)
{
    if (started) {
        pthread_join(thread, NULL);
        started = 0;
    }
}
