/* The STIX 2.0 and 2.1 importer: not yet written. */
#include "import.h"

int rg_import__stix(json_t **out, const json_t *in, rg_import_ctx *ctx)
{
    (void)in;
    *out = NULL;
    rg_diags_add(ctx->diags, RG_ERROR, ctx->file,
                 "STIX bundles cannot be read yet");
    return -1;
}
