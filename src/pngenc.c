/* A PNG encoder for the pixels cairo draws. The only user of zlib.
 *
 * Why our own: Graphviz's png:cairo device writes through cairo and
 * libpng, whose adaptive filter (five filters tried on every row) and
 * default compression level took about 60% of a 150 dpi render of the OPM
 * chart (a 5935 x 3088 image). Charts are flat colours on white: one
 * filter for every row and zlib's fastest level give a file of about the
 * same size in a fraction of the time, and the pixels are the same. */
#include "pngenc.h"

#include <pthread.h>
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
    if (len > 0)
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

/* A band of rows deflated as a raw stream of its own. Bands are
 * compressed on two threads and joined into one zlib stream: a band
 * other than the last ends with a sync flush (byte-aligned, not final),
 * so the bands' streams concatenate, and their Adler-32 sums combine.
 * The bands are fixed by the image's height, so the bytes do not depend
 * on the threads' timing. */
typedef struct band {
    const uint32_t *px;
    unsigned w, y0, y1;
    int alpha, last;
    rg_buf z;       /* the deflated rows */
    uLong adler;    /* of the filtered rows */
    int rc;
} band;

static void *deflate_band(void *arg)
{
    band *b = arg;
    size_t rowlen = (size_t)b->w * (b->alpha ? 4 : 3);
    unsigned char *line = malloc(rowlen + 1);
    unsigned char out[1 << 16];
    z_stream s;
    memset(&s, 0, sizeof(s));
    int zok = deflateInit2(&s, 1, Z_DEFLATED, -15, 8,
                           Z_DEFAULT_STRATEGY) == Z_OK;
    b->rc = -1;
    b->adler = adler32(0, NULL, 0);
    if (line == NULL || !zok)
        goto out;
    for (unsigned y = b->y0; y <= b->y1; y++) {
        int end = y == b->y1;
        int flush = !end ? Z_NO_FLUSH : b->last ? Z_FINISH : Z_SYNC_FLUSH;
        if (!end) {
            const uint32_t *cur = b->px + (size_t)y * b->w;
            filter_row(line, cur, y > 0 ? cur - b->w : NULL, b->w, b->alpha);
            b->adler = adler32(b->adler, line, (uInt)(rowlen + 1));
            s.next_in = line;
            s.avail_in = (uInt)(rowlen + 1);
        }
        do {
            s.next_out = out;
            s.avail_out = sizeof(out);
            if (deflate(&s, flush) == Z_STREAM_ERROR)
                goto out;
            rg_buf__putn(&b->z, (const char *)out, sizeof(out) - s.avail_out);
        } while (s.avail_out == 0);
    }
    b->rc = b->z.oom ? -1 : 0;
out:
    if (zok)
        deflateEnd(&s);
    free(line);
    return NULL;
}

/* Deflates the rows into IDAT chunks of at most 1 MiB. */
static int write_idat(rg_buf *out, const uint32_t *px, unsigned w,
                      unsigned h, int alpha)
{
    /* Below this many rows one thread does it all. */
    unsigned half = h >= 256 ? h / 2 : h;
    band bands[2] = {{px, w, 0, half, alpha, half == h, {0}, 0, -1},
                     {px, w, half, h, alpha, 1, {0}, 0, -1}};
    size_t nb = half == h ? 1 : 2;
    pthread_t t;
    int threaded = nb == 2 && pthread_create(&t, NULL, deflate_band,
                                             &bands[1]) == 0;
    deflate_band(&bands[0]);
    if (threaded)
        pthread_join(t, NULL);
    else if (nb == 2)
        deflate_band(&bands[1]);
    int rc = -1;
    for (size_t i = 0; i < nb; i++)
        if (bands[i].rc != 0)
            goto out;
    /* zlib's header (deflate, 32K window, fastest), the bands, the sum. */
    rg_buf z = {0};
    uLong adler = bands[0].adler;
    rg_buf__putn(&z, "\x78\x01", 2);
    for (size_t i = 0; i < nb; i++) {
        rg_buf__putn(&z, bands[i].z.data, bands[i].z.len);
        if (i > 0) {
            size_t rowlen = (size_t)w * (alpha ? 4 : 3) + 1;
            adler = adler32_combine(adler, bands[i].adler,
                                    (z_off_t)(rowlen *
                                              (bands[i].y1 - bands[i].y0)));
        }
    }
    unsigned char sum[4];
    put32(sum, (uint32_t)adler);
    rg_buf__putn(&z, (const char *)sum, 4);
    for (size_t off = 0; off < z.len; off += 1 << 20) {
        size_t n = z.len - off < (1 << 20) ? z.len - off : (1 << 20);
        chunk(out, "IDAT", (const unsigned char *)z.data + off, n);
    }
    rc = z.oom ? -1 : 0;
    rg_buf__free(&z);
out:
    for (size_t i = 0; i < nb; i++)
        rg_buf__free(&bands[i].z);
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
