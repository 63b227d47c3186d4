/* A PNG encoder for the pixels cairo draws. The only user of zlib.
 *
 * Why our own: Graphviz's png:cairo device writes through cairo and
 * libpng, whose adaptive filter (five filters tried on every row) and
 * default compression level took about 60% of a 150 dpi render of the OPM
 * chart (a 5935 x 3088 image). Charts are flat colours on white: one
 * filter for every row and zlib's fastest level give a file of about the
 * same size in a fraction of the time, and the pixels are the same. */
#include "pngenc.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static void put32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}

/* One chunk: length, type, data, CRC of type and data. */
static void chunk(rg_buf *out, const char *type, const unsigned char *data,
                  size_t len)
{
    unsigned char head[8], tail[4];
    put32(head, (uint32_t)len);
    memcpy(head + 4, type, 4);
    uLong crc = crc32(0, head + 4, 4);
    if (len > 0)
        crc = crc32(crc, data, (uInt)len);
    put32(tail, (uint32_t)crc);
    rg_buf__putn(out, (const char *)head, 8);
    rg_buf__putn(out, (const char *)data, len);
    rg_buf__putn(out, (const char *)tail, 4);
}

/* Whether every pixel is opaque; stops at the first that is not. */
static int all_opaque(const uint32_t *px, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (px[i] < 0xFF000000u)
            return 0;
    return 1;
}

/* A pixel of cairo's premultiplied ARGB as PNG's bytes: R, G, B and, in
 * RGBA images, straight (not premultiplied) alpha. */
static void pixel(unsigned char *dst, uint32_t p, int alpha)
{
    unsigned a = p >> 24, r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF,
             b = p & 0xFF;
    if (alpha && a != 0xFF && a != 0) {
        /* Undo the premultiplication, rounded, as cairo does. */
        r = (r * 255 + a / 2) / a;
        g = (g * 255 + a / 2) / a;
        b = (b * 255 + a / 2) / a;
    }
    dst[0] = (unsigned char)r;
    dst[1] = (unsigned char)g;
    dst[2] = (unsigned char)b;
    dst[3] = (unsigned char)a;
}

/* One row with PNG's "up" filter (type 2): each byte minus the one above
 * it (`prev` is NULL for the first row). Rows of a chart repeat their
 * neighbours, so most bytes become zeros, which deflate packs tightly and
 * fast; a pixel equal to the one above is zeros without converting it. */
static void filter_row(unsigned char *dst, const uint32_t *cur,
                       const uint32_t *prev, unsigned w, int alpha)
{
    size_t bpp = alpha ? 4 : 3;
    unsigned char c[4], u[4] = {0, 0, 0, 0};
    *dst++ = 2;
    for (unsigned x = 0; x < w; x++, dst += bpp) {
        if (prev != NULL && cur[x] == prev[x]) {
            memset(dst, 0, bpp);
            continue;
        }
        pixel(c, cur[x], alpha);
        if (prev != NULL)
            pixel(u, prev[x], alpha);
        for (size_t k = 0; k < bpp; k++)
            dst[k] = (unsigned char)(c[k] - u[k]);
    }
}

/* Deflates the rows into IDAT chunks of at most 1 MiB. */
static int write_idat(rg_buf *out, const uint32_t *px, unsigned w,
                      unsigned h, int alpha)
{
    size_t rowlen = (size_t)w * (alpha ? 4 : 3);
    unsigned char *line = malloc(rowlen + 1);
    size_t cap = 1 << 20;
    unsigned char *z = malloc(cap);
    z_stream s;
    memset(&s, 0, sizeof(s));
    int rc = -1, zok = deflateInit2(&s, 1, Z_DEFLATED, 15, 8,
                                    Z_DEFAULT_STRATEGY) == Z_OK;
    if (line == NULL || z == NULL || !zok)
        goto out;
    s.next_out = z;
    s.avail_out = (uInt)cap;
    for (unsigned y = 0; y <= h; y++) {
        int last = y == h;
        if (!last) {
            const uint32_t *cur = px + (size_t)y * w;
            filter_row(line, cur, y > 0 ? cur - w : NULL, w, alpha);
            s.next_in = line;
            s.avail_in = (uInt)(rowlen + 1);
        }
        for (;;) {
            int zr = deflate(&s, last ? Z_FINISH : Z_NO_FLUSH);
            if (zr == Z_STREAM_ERROR)
                goto out;
            if (s.avail_out == 0 || (last && zr == Z_STREAM_END)) {
                chunk(out, "IDAT", z, cap - s.avail_out);
                s.next_out = z;
                s.avail_out = (uInt)cap;
            }
            if (last ? zr == Z_STREAM_END : s.avail_in == 0)
                break;
        }
    }
    rc = 0;
out:
    if (zok)
        deflateEnd(&s);
    free(line);
    free(z);
    return rc;
}

int rg_png__encode(rg_buf *out, const uint32_t *px, unsigned w, unsigned h,
                   double dpi)
{
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G',
                                         '\r', '\n', 0x1A, '\n'};
    if (w == 0 || h == 0 || w > 0x7FFFFFFF / 4 || h > 0x7FFFFFFF)
        return -1;
    int alpha = !all_opaque(px, (size_t)w * h);
    unsigned char ihdr[13];
    put32(ihdr, w);
    put32(ihdr + 4, h);
    ihdr[8] = 8;                /* bits per channel */
    ihdr[9] = alpha ? 6 : 2;    /* RGBA or RGB */
    ihdr[10] = ihdr[11] = ihdr[12] = 0;
    rg_buf__putn(out, (const char *)sig, sizeof(sig));
    chunk(out, "IHDR", ihdr, sizeof(ihdr));
    if (dpi > 0) {
        /* The resolution, so that viewers and word processors size the
         * image as it was meant: pixels per metre. */
        unsigned char phys[9];
        uint32_t ppm = (uint32_t)(dpi / 0.0254 + 0.5);
        put32(phys, ppm);
        put32(phys + 4, ppm);
        phys[8] = 1;
        chunk(out, "pHYs", phys, sizeof(phys));
    }
    if (write_idat(out, px, w, h, alpha) != 0)
        return -1;
    chunk(out, "IEND", NULL, 0);
    return out->oom ? -1 : 0;
}
