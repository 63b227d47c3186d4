/* Unit tests of the PNG encoder (src/pngenc.c): chunk structure, CRCs,
 * and pixels read back through zlib and PNG's "up" filter. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "pngenc.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static uint32_t get32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
           (uint32_t)p[2] << 8 | p[3];
}

typedef struct decoded {
    uint32_t w, h;
    int type;        /* 2 RGB, 6 RGBA */
    uint32_t ppm;    /* pHYs, pixels per metre */
    unsigned char *pixels; /* unfiltered, w * h * channels */
} decoded;

/* Walks the chunks, checking every CRC and the order IHDR ... IEND, and
 * inflates and unfilters the image data. */
static void decode(decoded *d, const rg_buf *png)
{
    const unsigned char *p = (const unsigned char *)png->data;
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G',
                                         '\r', '\n', 0x1A, '\n'};
    assert_true(png->len > 8);
    assert_memory_equal(p, sig, 8);
    size_t off = 8, zlen = 0;
    unsigned char *z = malloc(png->len);
    int ended = 0, first = 1;
    memset(d, 0, sizeof(*d));
    while (off + 12 <= png->len) {
        uint32_t len = get32(p + off);
        const unsigned char *type = p + off + 4, *data = p + off + 8;
        assert_true(off + 12 + len <= png->len);
        uLong crc = crc32(crc32(0, type, 4), data, len);
        assert_int_equal(get32(data + len), crc);
        if (first)
            assert_memory_equal(type, "IHDR", 4);
        first = 0;
        if (memcmp(type, "IHDR", 4) == 0) {
            d->w = get32(data);
            d->h = get32(data + 4);
            assert_int_equal(data[8], 8);
            d->type = data[9];
        } else if (memcmp(type, "pHYs", 4) == 0) {
            d->ppm = get32(data);
            assert_int_equal(get32(data + 4), d->ppm);
            assert_int_equal(data[8], 1);
        } else if (memcmp(type, "IDAT", 4) == 0) {
            memcpy(z + zlen, data, len);
            zlen += len;
        } else if (memcmp(type, "IEND", 4) == 0) {
            ended = 1;
        }
        off += 12 + len;
    }
    assert_true(ended);
    assert_int_equal(off, png->len);
    size_t ch = d->type == 6 ? 4 : 3, row = d->w * ch;
    uLongf rawlen = (row + 1) * d->h;
    unsigned char *raw = malloc(rawlen);
    assert_int_equal(uncompress(raw, &rawlen, z, zlen), Z_OK);
    assert_int_equal(rawlen, (row + 1) * d->h);
    d->pixels = calloc(1, row * d->h);
    for (uint32_t y = 0; y < d->h; y++) {
        const unsigned char *f = raw + y * (row + 1);
        assert_int_equal(f[0], 2);
        for (size_t i = 0; i < row; i++)
            d->pixels[y * row + i] = (unsigned char)(
                f[1 + i] + (y > 0 ? d->pixels[(y - 1) * row + i] : 0));
    }
    free(raw);
    free(z);
}

static void test_opaque_is_rgb(void **state)
{
    (void)state;
    /* cairo's ARGB32: 0xAARRGGBB words. */
    const uint32_t px[6] = {0xFFFFFFFF, 0xFF102030, 0xFF000000,
                            0xFFFFFFFF, 0xFF102030, 0xFFFF0080};
    const unsigned char want[18] = {255, 255, 255, 0x10, 0x20, 0x30, 0, 0, 0,
                                    255, 255, 255, 0x10, 0x20, 0x30, 255, 0,
                                    0x80};
    rg_buf png = {0};
    decoded d;
    assert_int_equal(rg_png__encode(&png, px, 3, 2, 150), 0);
    decode(&d, &png);
    assert_int_equal(d.w, 3);
    assert_int_equal(d.h, 2);
    assert_int_equal(d.type, 2);
    assert_int_equal(d.ppm, 5906); /* 150 dpi */
    assert_memory_equal(d.pixels, want, sizeof(want));
    free(d.pixels);
    rg_buf__free(&png);
}

static void test_alpha_is_unpremultiplied(void **state)
{
    (void)state;
    /* Half-transparent red, premultiplied: 0x80 alpha, 0x80 red. */
    const uint32_t px[2] = {0x80800000, 0x00000000};
    const unsigned char want[8] = {255, 0, 0, 0x80, 0, 0, 0, 0};
    rg_buf png = {0};
    decoded d;
    assert_int_equal(rg_png__encode(&png, px, 1, 2, 0), 0);
    decode(&d, &png);
    assert_int_equal(d.type, 6);
    assert_int_equal(d.ppm, 0); /* no dpi, no pHYs */
    assert_memory_equal(d.pixels, want, sizeof(want));
    free(d.pixels);
    rg_buf__free(&png);
}

static void test_same_pixels_same_bytes(void **state)
{
    (void)state;
    enum { W = 300, H = 301 }; /* two bands, one a row longer */
    uint32_t *px = malloc(sizeof(uint32_t) * W * H);
    for (size_t i = 0; i < (size_t)W * H; i++)
        px[i] = 0xFF000000u | (uint32_t)(i * 2654435761u >> 8);
    rg_buf a = {0}, b = {0};
    assert_int_equal(rg_png__encode(&a, px, W, H, 96), 0);
    assert_int_equal(rg_png__encode(&b, px, W, H, 96), 0);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.data, b.data, a.len);
    decoded d;
    decode(&d, &a);
    assert_int_equal(d.w, W);
    assert_int_equal(d.h, H);
    assert_int_equal(d.pixels[3 * (W + 1) + 2], px[W + 1] & 0xFF);
    free(d.pixels);
    rg_buf__free(&a);
    rg_buf__free(&b);
    free(px);
}

static void test_bad_size_refused(void **state)
{
    (void)state;
    const uint32_t px[1] = {0};
    rg_buf png = {0};
    assert_int_equal(rg_png__encode(&png, px, 0, 1, 0), -1);
    assert_int_equal(rg_png__encode(&png, px, 1, 0, 0), -1);
    rg_buf__free(&png);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_opaque_is_rgb),
        cmocka_unit_test(test_alpha_is_unpremultiplied),
        cmocka_unit_test(test_same_pixels_same_bytes),
        cmocka_unit_test(test_bad_size_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
