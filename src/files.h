/* Writing files: atomic replacement (rg_write_files), and a whole buffer
 * to a descriptor. */
#ifndef RG_FILES_H
#define RG_FILES_H

#include <stddef.h>

/* Writes all `n` bytes to `fd`, again after EINTR. Returns 0, or -1 with
 * errno set. */
int rg_files__write_all(int fd, const void *p, size_t n);

#endif
