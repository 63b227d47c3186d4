/* PNG encoding of cairo's image surfaces (see png.c for why). */
#ifndef RG_PNGENC_H
#define RG_PNGENC_H

#include "buf.h"

#include <stdint.h>

/* Appends to `out` a PNG of w x h pixels in cairo's ARGB32 format
 * (premultiplied alpha, native-endian 32-bit words, rows of exactly w
 * words). The image is RGB when every pixel is opaque, else RGBA; `dpi`
 * (when > 0) is recorded as its resolution. Returns 0, or -1 when out of
 * memory or the size is not valid. Deterministic: the same pixels give
 * the same bytes. */
int rg_png__encode(rg_buf *out, const uint32_t *px, unsigned w, unsigned h,
                   double dpi);

#endif
