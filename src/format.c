/* The output formats: their names, how a name or a file's extension
 * gives one, and what Graphviz is asked for to make each. A table and
 * nothing else: no state. */
#include "format.h"

#include <string.h>

static const char *const format_names[RG_FORMAT_COUNT] = {
    "svg", "png", "pdf", "dot", "html", "md",
    "stix", "graphml", "gexf", "cyjs",
    "csv", "csv-actors", "csv-sources", "csv-groups"};
/* What a file of each ends with; rg_format_parse() reads the longer
 * ones (".stix.json", "-actors.csv") before the last extension. */
static const char *const format_suffixes[RG_FORMAT_COUNT] = {
    ".svg", ".png", ".pdf", ".dot", ".html", ".md",
    ".stix.json", ".graphml", ".gexf", ".cyjs",
    ".csv", "-actors.csv", "-sources.csv", "-groups.csv"};
/* What gvRender is asked for: cairo for bitmaps and PDF (real fonts,
 * anti-aliasing), Graphviz's own writers for SVG and DOT; nothing for
 * the tables and the data formats, which relgraph writes itself. */
static const char *const gv_formats[RG_FORMAT_COUNT] = {
    "svg", "png:cairo:relgraph", "pdf:cairo", "dot", "svg", NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL};

const char *rg_format_name(rg_format format)
{
    return (unsigned)format < RG_FORMAT_COUNT ? format_names[format] : "?";
}

const char *rg_format_suffix(rg_format format)
{
    return (unsigned)format < RG_FORMAT_COUNT ? format_suffixes[format]
                                              : "";
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
    return format != RG_FORMAT_MD && format != RG_FORMAT_STIX &&
           !rg_format__is_csv(format);
}

int rg_format__is_csv(rg_format format)
{
    return format >= RG_FORMAT_CSV && format <= RG_FORMAT_CSV_GROUPS;
}

int rg_format__is_export(rg_format format)
{
    return format >= RG_FORMAT_STIX && format < RG_FORMAT_COUNT;
}

int rg_format__all_valid(const rg_format *formats, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned)formats[i] >= RG_FORMAT_COUNT)
            return 0;
    return 1;
}

/* True when s ends with suffix, letters in any case. */
static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    if (k > n)
        return 0;
    for (size_t i = 0; i < k; i++)
        if ((s[n - k + i] | 0x20) != (suffix[i] | 0x20))
            return 0;
    return 1;
}

int rg_format_parse(rg_format *out, const char *name_or_path)
{
    const char *ext = strrchr(name_or_path, '.');
    const char *slash = strrchr(name_or_path, '/');
    const char *base = slash ? slash + 1 : name_or_path;
    ext = ext && (!slash || ext > slash) ? ext + 1 : name_or_path;
    /* The suffixes longer than an extension: a name that is no more
     * than one of them ("-actors.csv", ".stix.json") has no stem. */
    for (int i = RG_FORMAT_STIX; ext != name_or_path && i < RG_FORMAT_COUNT;
         i++)
        if (strcmp(format_suffixes[i] + 1, format_names[i]) != 0 &&
            strlen(base) > strlen(format_suffixes[i]) &&
            ends_with(base, format_suffixes[i])) {
            *out = (rg_format)i;
            return 0;
        }
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
