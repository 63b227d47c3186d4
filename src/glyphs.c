/* Names that no installed font can draw. Pango draws a character that the
 * chart's fonts (RG_FONT) lack with the first font fontconfig sorts after
 * them that has it, and a character no font has as an empty box, without
 * a word. So before a layout, each drawn actor's name is looked up in the
 * union of the character sets of every font fontconfig sorts for RG_FONT
 * (what FcFontSort returns with the fonts themselves): made once per
 * process (a few milliseconds, and only for a document with a name
 * outside printable ASCII), after which a character costs one look-up in
 * fontconfig's charset tree. State: that charset, process-wide, made
 * under pthread_once and never freed. */
#include "glyphs.h"

#include "buf.h"
#include "fonts.h"
#include "jsonpos.h"
#include "style.h"

#include <fontconfig/fontconfig.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static FcCharSet *drawable;  /* NULL when fontconfig failed: no warnings */
/* The same for the Basic Multilingual Plane as a bitmap, a bit per code
 * point: a bit test instead of a walk down fontconfig's tree took the
 * check of 100,000 names of 3 to 8 letters from about 55 ms to 12-26 ms
 * (tests/scripts/time-glyphs.sh; loading them takes 0.25 to 0.5 s). */
static uint32_t bmp[0x10000 / 32];
static pthread_once_t drawable_once = PTHREAD_ONCE_INIT;

/* The pattern pango asks fontconfig for: RG_FONT's families, in order. */
static FcPattern *font_pattern(void)
{
    FcPattern *pat = FcPatternCreate();
    char list[] = RG_FONT;
    for (char *save = NULL, *f = strtok_r(list, ",", &save); pat && f;
         f = strtok_r(NULL, ",", &save))
        FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)f);
    return pat;
}

/* Copies the plane's pages of `drawable` (256 code points each) into
 * bmp. */
static void fill_bmp(void)
{
    FcChar32 map[FC_CHARSET_MAP_SIZE], next;
    if (drawable == NULL)
        return;
    for (FcChar32 base = FcCharSetFirstPage(drawable, map, &next);
         base != FC_CHARSET_DONE && base < 0x10000;
         base = FcCharSetNextPage(drawable, map, &next))
        memcpy(&bmp[base / 32], map, sizeof(map));
}

static void make_drawable(void)
{
    rg_fonts__wait(); /* rg_preload()'s thread may be starting fontconfig */
    FcPattern *pat = font_pattern();
    if (pat == NULL || !FcInit())
        goto out;
    FcConfigSubstitute(NULL, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res;
    FcCharSet *cs = NULL;
    FcFontSet *set = FcFontSort(NULL, pat, FcTrue, &cs, &res);
    if (set != NULL)
        FcFontSetDestroy(set);
    drawable = cs;
    fill_bmp();
out:
    if (pat != NULL)
        FcPatternDestroy(pat);
}

/* Characters that are never drawn as a glyph of their own: controls and
 * Unicode's default-ignorable code points (joiners, bidirectional marks,
 * variation selectors, tags), which pango leaves out, font or no font. */
static int invisible(unsigned long c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xAD ||
           c == 0x34F || c == 0x61C || (c >= 0x115F && c <= 0x1160) ||
           (c >= 0x17B4 && c <= 0x17B5) || (c >= 0x180B && c <= 0x180F) ||
           (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2060 && c <= 0x206F) || c == 0x3164 ||
           (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF || c == 0xFFA0 ||
           (c >= 0xFFF0 && c <= 0xFFF8) || (c >= 0x1BCA0 && c <= 0x1BCA3) ||
           (c >= 0x1D173 && c <= 0x1D17A) || (c >= 0xE0000 && c <= 0xE0FFF);
}

int rg_glyphs__drawable(unsigned long c)
{
    pthread_once(&drawable_once, make_drawable);
    if (drawable == NULL || invisible(c))
        return 1;
    if (c < 0x10000)
        return (bmp[c / 32] >> (c % 32)) & 1;
    return FcCharSetHasChar(drawable, (FcChar32)c);
}

/* The next code point of UTF-8 text s (valid: the loader checked it). */
static unsigned long next_cp(const unsigned char **s)
{
    const unsigned char *p = *s;
    unsigned long c = *p++;
    int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    if (more > 0)
        c &= 0x3F >> more;
    while (more-- > 0 && (*p & 0xC0) == 0x80)
        c = (c << 6) | (*p++ & 0x3F);
    *s = p;
    return c;
}

static int ascii_only(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7E)
            return 0;
    return 1;
}

/* What to install for code point c. */
static const char *advice(unsigned long c)
{
    if ((c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000)
        return "private-use characters are drawn only by the font made for "
               "them: install it, or write the name without them";
    if ((c >= 0x1100 && c <= 0x11FF) || (c >= 0x2E80 && c <= 0x9FFF) ||
        (c >= 0xA960 && c <= 0xA97F) || (c >= 0xAC00 && c <= 0xD7FF) ||
        (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
        (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3FFFF))
        return "install a font that covers them, e.g. fonts-noto-cjk";
    if (c >= 0x1F000 && c <= 0x1FAFF)
        return "install a font that covers them, e.g. fonts-noto-color-emoji";
    return "install a font that covers them, e.g. fonts-noto-core or "
           "fonts-noto-extra";
}

/* The code points of name that no font draws, as "U+XXXX, U+YYYY" (the
 * first four, then "..."), into b; the first of them in *first. Returns
 * how many there are. */
static size_t missing(rg_buf *b, const char *name, unsigned long *first)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)name; *p;) {
        unsigned long c = next_cp(&p);
        if (rg_glyphs__drawable(c))
            continue;
        if (n == 0)
            *first = c;
        if (n < 4)
            rg_buf__printf(b, "%sU+%04lX", n ? ", " : "", c);
        else if (n == 4)
            rg_buf__puts(b, ", ...");
        n++;
    }
    return n;
}

/* The warning about actor i of doc, at its name (located later). */
static void warn(const rg_doc *doc, size_t i, const char *cps,
                 unsigned long first, rg_diags *diags)
{
    rg_path root = {.n = 0};
    rg_path actors = rg_path__key(&root, "actors");
    rg_path actor = rg_path__index(&actors, i);
    rg_path name = rg_path__key(&actor, "name");
    rg_diag__at(diags, RG_WARNING, doc->file, &name, RG_AT_VALUE, NULL,
                NULL, "actor \"%s\": its name has characters no installed "
                "font can draw (%s); %s", doc->actors[i].id, cps,
                advice(first));
}

/* Finds the positions of diagnostics start.. in the document's text: the
 * loader's locator when it kept one, else the file read again (as far as
 * it was loaded). A document read from standard input has no text left:
 * its warnings keep their JSON path alone. */
static void locate(const rg_doc *doc, rg_diags *diags, size_t start)
{
    if (doc->loc != NULL) {
        rg_jsonpos__resolve(doc->loc, diags, start);
        return;
    }
    if (!doc->from_file)
        return;
    rg_jsonpos *loc = rg_jsonpos__new_file(doc->file, doc->file_id.size);
    if (loc != NULL)
        rg_jsonpos__resolve(loc, diags, start);
    rg_jsonpos__free(loc);
}

int rg_glyphs__wanted(const rg_format *formats, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (formats[i] == RG_FORMAT_SVG || formats[i] == RG_FORMAT_PNG ||
            formats[i] == RG_FORMAT_PDF || formats[i] == RG_FORMAT_HTML)
            return 1;
    return 0;
}

void rg_glyphs__check(const rg_doc *doc, const rg_doc *shown,
                      rg_diags *diags)
{
    size_t warned = 0, start = rg_diags_count(diags);
    rg_buf cps = {0};
    for (size_t k = 0; k < shown->n_actors; k++) {
        const rg_actor *a = &shown->actors[k];
        size_t i;
        unsigned long first = 0;
        if (ascii_only(a->name))
            continue;
        if (shown == doc)
            i = k;
        else if (!rg_map__get(&doc->ids, a->id, &i))
            continue;
        rg_buf__reset(&cps);
        if (missing(&cps, a->name, &first) == 0)
            continue;
        if (warned++ < RG_GLYPHS_MAX_WARNINGS && !cps.oom)
            warn(doc, i, rg_buf__str(&cps), first, diags);
    }
    if (rg_diags_count(diags) > start)
        locate(doc, diags, start);
    if (warned > RG_GLYPHS_MAX_WARNINGS)
        rg_diags_add(diags, RG_WARNING, doc->file,
                     "%zu more actors have names with characters no "
                     "installed font can draw",
                     warned - RG_GLYPHS_MAX_WARNINGS);
    rg_buf__free(&cps);
}
