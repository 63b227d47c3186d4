/* Writing files: atomic replacement (rg_write_files), and a whole buffer
 * to a descriptor; a path's last part. */
#ifndef RG_FILES_H
#define RG_FILES_H

#include <stddef.h>

/* Writes all `n` bytes to `fd`, again after EINTR. Returns 0, or -1 with
 * errno set. */
int rg_files__write_all(int fd, const void *p, size_t n);

/* The last part of `path`, after its last slash (a pointer into path):
 * what an output may say of an input, never the folders it is in. */
const char *rg_files__base(const char *path);

#endif
