/* The output formats: their names, how a name or a file's extension
 * gives one, and what Graphviz is asked for to make each. A table and
 * nothing else: no state. */
#include "format.h"

#include <string.h>

static const char *const format_names[RG_FORMAT_COUNT] = {
    "svg", "png", "pdf", "dot", "html", "md"};
/* What gvRender is asked for: cairo for bitmaps and PDF (real fonts,
 * anti-aliasing), Graphviz's own writers for SVG and DOT. */
static const char *const gv_formats[RG_FORMAT_COUNT] = {
    "svg", "png:cairo:relgraph", "pdf:cairo", "dot", "svg", NULL};

const char *rg_format_name(rg_format format)
{
    return (unsigned)format < RG_FORMAT_COUNT ? format_names[format] : "?";
}

bool rg_format_is_binary(rg_format format)
{
    return format == RG_FORMAT_PNG || format == RG_FORMAT_PDF;
}

const char *rg_format__gv(rg_format format)
{
    return (unsigned)format < RG_FORMAT_COUNT ? gv_formats[format] : NULL;
}

int rg_format__is_chart(rg_format format)
{
    return format != RG_FORMAT_MD;
}

int rg_format__all_valid(const rg_format *formats, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned)formats[i] >= RG_FORMAT_COUNT)
            return 0;
    return 1;
}

int rg_format_parse(rg_format *out, const char *name_or_path)
{
    const char *ext = strrchr(name_or_path, '.');
    const char *slash = strrchr(name_or_path, '/');
    ext = ext && (!slash || ext > slash) ? ext + 1 : name_or_path;
    for (int i = 0; i < RG_FORMAT_COUNT; i++) {
        const char *n = format_names[i];
        size_t k = 0;
        while (n[k] && ext[k] && (ext[k] | 0x20) == n[k])
            k++;
        if (n[k] == '\0' && ext[k] == '\0') {
            *out = (rg_format)i;
            return 0;
        }
    }
    return -1;
}
