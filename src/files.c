/* Atomic file output: rg_write_files() and its kin. No state.
 *
 * A file is replaced by writing a temporary beside it and renaming that
 * into place, so that it is never seen partial. What the old file had is
 * carried over: its mode and its owner and group (set on the temporary
 * before the rename). A symbolic link is followed to the file it names,
 * and that file is replaced: the link stays a link. A read-only file is
 * not replaced unless RG_WRITE_FORCE is given. A file with several hard
 * links is replaced like any other, with a warning: writing it in place
 * would keep the links but leave it partial if the write failed, and a
 * tree of hard links is most often a snapshot (cp -al, rsnapshot) that is
 * meant to keep the old content. */
#include "files.h"

#include "diag.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A path that is not a regular file (a device, a pipe) is written in
 * place: it cannot be replaced by renaming, and there is nothing to
 * protect. */
static int is_special(const struct stat *st)
{
    return !S_ISREG(st->st_mode);
}

const char *rg_files__base(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash != NULL ? slash + 1 : path;
}

/* The directory part of `path` with its slash ("" for none), then
 * `name`: malloc'd. */
static char *beside(const char *path, const char *name)
{
    const char *slash = strrchr(path, '/');
    size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
    return rg__asprintf("%.*s%s", (int)dir, path, name);
}

/* The target of the symbolic link `path` whose lstat size is `hint`:
 * malloc'd, or NULL with errno set. */
static char *read_link(const char *path, size_t hint)
{
    size_t cap = hint + 1 > 64 ? hint + 1 : 64;
    for (;;) {
        char *buf = malloc(cap);
        if (buf == NULL)
            return NULL;
        ssize_t n = readlink(path, buf, cap);
        if (n < 0) {
            free(buf);
            return NULL;
        }
        if ((size_t)n < cap) {
            buf[n] = '\0';
            return buf;
        }
        free(buf);
        if (cap > 65536) {
            errno = ENAMETOOLONG;
            return NULL;
        }
        cap *= 2;
    }
}

/* Where the bytes of `path` live: the path itself, or the end of its
 * chain of symbolic links, which need not exist yet (a new file is made
 * there). malloc'd, or NULL with errno set (ELOOP past 40 links). */
static char *real_target(const char *path)
{
    char *cur = strdup(path);
    for (int hops = 0; cur != NULL; hops++) {
        struct stat st;
        if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
            return cur;
        char *link = hops < 40 ? read_link(cur, (size_t)st.st_size) : NULL;
        if (hops >= 40)
            errno = ELOOP;
        char *next = link == NULL  ? NULL
                     : *link == '/' ? strdup(link)
                                    : beside(cur, link);
        free(link);
        free(cur);
        cur = next;
    }
    return NULL;
}

int rg_files__write_all(int fd, const void *p, size_t n)
{
    const char *c = p;
    while (n > 0) {
        ssize_t w = write(fd, c, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        c += w;
        n -= (size_t)w;
    }
    return 0;
}

/* A file being written: where, through which temporary, and what the
 * file it replaces had. */
typedef struct planned {
    char *real;        /* the file written: the path or its link's target */
    char *tmp;         /* the temporary beside it; NULL: written in place */
    struct stat old;   /* the file replaced, when had_old */
    int had_old;
    int owner_kept;    /* fchown to the old owner and group worked */
    int owner_err;     /* its errno otherwise */
} planned;

/* Whether the file `st` may be replaced without RG_WRITE_FORCE: its owner
 * may write it (the mode bits, which root does not bypass), and so may
 * this process. */
static int writable(const char *real, const struct stat *st)
{
    if ((st->st_mode & S_IWUSR) == 0)
        return 0;
    return geteuid() == 0 ||
           faccessat(AT_FDCWD, real, W_OK, AT_EACCESS) == 0 || errno != EACCES;
}

/* Gives the temporary `fd` the old file's owner, group and mode, or the
 * mode a new file gets. Returns 0, or -1 with errno set. */
static int carry_over(int fd, planned *p, mode_t umask_now)
{
    if (!p->had_old)
        return fchmod(fd, 0666 & ~umask_now);
    p->owner_kept = fchown(fd, p->old.st_uid, p->old.st_gid) == 0;
    if (!p->owner_kept) {
        p->owner_err = errno;
        /* A user may still keep a group they belong to. */
        struct stat now;
        if (fchown(fd, (uid_t)-1, p->old.st_gid) != 0 && errno != EPERM)
            return -1;
        if (fstat(fd, &now) != 0)
            return -1;
        p->owner_kept = now.st_uid == p->old.st_uid &&
                        now.st_gid == p->old.st_gid;
    }
    /* Set-id bits only stay with the owner they were set for. */
    return fchmod(fd, p->old.st_mode & (p->owner_kept ? 07777 : 0777));
}

/* Writes file `f` in place. Returns 0, or an errno. */
static int write_in_place(const rg_file *f)
{
    int fd = open(f->path, O_WRONLY | O_TRUNC);
    int ok = fd >= 0 && rg_files__write_all(fd, f->data, f->size) == 0;
    int e = errno;
    if (fd >= 0 && close(fd) != 0 && ok) {
        ok = 0;
        e = errno;
    }
    return ok ? 0 : e ? e : ENOMEM;
}

/* Writes file `f` in place (not a regular file) or to a temporary
 * beside its real target. Returns 0, or -1 with a diagnostic. */
static int write_one(const rg_file *f, planned *p, unsigned flags,
                     mode_t umask_now, rg_diags *diags)
{
    int e = 0;
    p->had_old = stat(f->path, &p->old) == 0;
    if (p->had_old && is_special(&p->old)) {
        if ((e = write_in_place(f)) != 0)
            goto fail;
        return 0;
    }
    p->real = real_target(f->path);
    if (p->real == NULL) {
        e = errno;
        goto fail;
    }
    if (p->had_old && !(flags & RG_WRITE_FORCE) &&
        !writable(p->real, &p->old)) {
        rg_diags_add(diags, RG_ERROR, f->path,
                     "read-only file (mode %04o); not replaced; use --force "
                     "to replace it",
                     (unsigned)(p->old.st_mode & 07777));
        return -1;
    }
    /* A short name, so that any name the file system takes works. */
    if ((p->tmp = beside(p->real, ".rgXXXXXX")) == NULL) {
        e = ENOMEM;
        goto fail;
    }
    int fd = mkstemp(p->tmp);
    if (fd < 0) {
        e = errno;
        free(p->tmp);
        p->tmp = NULL;
        goto fail;
    }
    int ok = rg_files__write_all(fd, f->data, f->size) == 0 &&
             carry_over(fd, p, umask_now) == 0;
    e = errno;
    if (close(fd) != 0 && ok) {
        ok = 0;
        e = errno;
    }
    if (ok)
        return 0;
fail:
    rg_diags_add(diags, RG_ERROR, f->path, "cannot write: %s",
                 strerror(e ? e : ENOMEM));
    return -1;
}

/* What the user should know about a file replaced: links that keep the
 * old content, an owner that could not be kept. */
static void tell_losses(const rg_file *f, const planned *p, rg_diags *diags)
{
    if (!p->had_old)
        return;
    if (p->old.st_nlink > 1)
        rg_diags_add(diags, RG_WARNING, f->path,
                     "had %lu hard links; only this name has the new "
                     "content, the others keep the old one",
                     (unsigned long)p->old.st_nlink);
    if (!p->owner_kept)
        rg_diags_add(diags, RG_WARNING, f->path,
                     "owner %lu:%lu not kept (%s); the new file is %lu:%lu",
                     (unsigned long)p->old.st_uid,
                     (unsigned long)p->old.st_gid, strerror(p->owner_err),
                     (unsigned long)geteuid(), (unsigned long)getegid());
}

int rg_write_files_flags(const rg_file *files, size_t n, unsigned flags,
                         rg_diags *diags)
{
    planned *ps = calloc(n ? n : 1, sizeof(*ps));
    int rc = -1;
    size_t i;
    if (ps == NULL) {
        rg_diags_add(diags, RG_ERROR, "", "out of memory");
        return -1;
    }
    mode_t um = umask(0);
    umask(um);
    for (i = 0; i < n; i++)
        if (write_one(&files[i], &ps[i], flags, um, diags) != 0)
            goto out;
    for (i = 0; i < n; i++) {
        if (ps[i].tmp == NULL)
            continue;
        if (rename(ps[i].tmp, ps[i].real) != 0) {
            rg_diags_add(diags, RG_ERROR, files[i].path, "cannot write: %s",
                         strerror(errno));
            goto out;
        }
        free(ps[i].tmp);
        ps[i].tmp = NULL;
        tell_losses(&files[i], &ps[i], diags);
    }
    rc = 0;
out:
    for (i = 0; i < n; i++) {
        if (ps[i].tmp != NULL)
            unlink(ps[i].tmp);
        free(ps[i].tmp);
        free(ps[i].real);
    }
    free(ps);
    return rc;
}

int rg_write_files(const rg_file *files, size_t n, rg_diags *diags)
{
    return rg_write_files_flags(files, n, 0, diags);
}

int rg_write_file_atomic(const char *path, const char *data, size_t size,
                         rg_diags *diags)
{
    rg_file f = {path, data, size};
    return rg_write_files(&f, 1, diags);
}
