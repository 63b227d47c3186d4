/* The baseline of "relgraph check": a bare jansson parse of one file.
 *
 *   jparse FILE
 *
 * json_load_file with the flag relgraph itself passes
 * (JSON_REJECT_DUPLICATES), then json_decref; nothing else. Exit status 1
 * when the file is not valid JSON. */
#include <jansson.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: jparse FILE\n");
        return 2;
    }
    json_error_t err;
    json_t *root = json_load_file(argv[1], JSON_REJECT_DUPLICATES, &err);
    if (root == NULL) {
        fprintf(stderr, "%s:%d:%d: %s\n", argv[1], err.line, err.column,
                err.text);
        return 1;
    }
    json_decref(root);
    return 0;
}
