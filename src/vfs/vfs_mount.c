/* Host mounts: a host folder visible at a path in the sandbox, confined so
 * nothing outside it can be read or written.
 *
 * Every path below a mount is resolved by the kernel relative to the
 * folder's fd with openat2(RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS): ".."
 * above the folder, absolute symlinks and symlinks that lead out fail
 * (EXDEV, reported to the guest as EACCES), and because the kernel walks
 * the path in one go, swapping a symlink in during the walk cannot escape
 * either.  Where openat2 is missing (Linux before 5.6) the walk is ours,
 * one component at a time with O_NOFOLLOW: no symlink is followed at all.
 * Operations on a final name (mkdir, unlink, rename, symlink, readlink,
 * stat without following) open its parent that way and act relative to
 * the parent's fd, so the parent cannot be swapped between check and use.
 * A read-only mount refuses every change with EROFS.  Symlinks created in
 * a mount must stay inside it (relative, no ".." above the folder), so the
 * sandbox cannot plant a link that host programs would follow out.
 *
 * Host file data is read only through wb__vfs_host_read() (the replay
 * journal records it). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "vfs_impl.h"

#ifndef SYS_openat2
#define SYS_openat2 437
#endif
#define WB_RESOLVE_NO_MAGICLINKS 0x02
#define WB_RESOLVE_BENEATH 0x08

struct wb_open_how {
    uint64_t flags, mode, resolve;
};

int wb__vmount_open(const wb__vfs_mount *m, wb__vmount *out, char *msg, size_t msgsz)
{
    memset(out, 0, sizeof *out);
    out->dirfd = -1;
    out->host = strdup(m->host);
    out->guest = strdup(m->guest);
    out->writable = m->writable;
    if (!out->host || !out->guest) {
        wb__vmount_close(out);
        snprintf(msg, msgsz, "out of host memory");
        return WB__VFS_ENOMEM;
    }
    out->dirfd = open(m->host, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (out->dirfd < 0) {
        snprintf(msg, msgsz, "mount %s: cannot open host folder '%s': %s", m->guest, m->host, strerror(errno));
        wb__vmount_close(out);
        return WB__VFS_EACCES;
    }
    return 0;
}

void wb__vmount_close(wb__vmount *m)
{
    if (m->dirfd >= 0)
        close(m->dirfd);
    m->dirfd = -1;
    free(m->host);
    free(m->guest);
    m->host = m->guest = NULL;
}

void wb__hostfile_close(wb__hostfile *h)
{
    if (!h)
        return;
    if (h->fd >= 0)
        close(h->fd);
    free(h->rel);
    free(h);
}

/* errno of a host call as a WASI errno. */
static int werr(int e)
{
    switch (e) {
    case 0: return 0;
    case ENOENT: return WB__VFS_ENOENT;
    case EEXIST: return WB__VFS_EEXIST;
    case ENOTDIR: return WB__VFS_ENOTDIR;
    case EISDIR: return WB__VFS_EISDIR;
    case ENOTEMPTY: return WB__VFS_ENOTEMPTY;
    case EACCES: case EPERM: return WB__VFS_EACCES;
    case EXDEV: return WB__VFS_EACCES; /* RESOLVE_BENEATH: the path leads out of the folder */
    case ELOOP: return WB__VFS_ELOOP;
    case ENAMETOOLONG: return WB__VFS_ENAMETOOLONG;
    case EROFS: return WB__VFS_EROFS;
    case ENOSPC: return WB__VFS_ENOSPC;
    case EDQUOT: return WB__VFS_EDQUOT;
    case EFBIG: return WB__VFS_EFBIG;
    case EINVAL: return WB__VFS_EINVAL;
    case EBUSY: return WB__VFS_EBUSY;
    case EMFILE: case ENFILE: return WB__VFS_EMFILE;
    case ENOMEM: return WB__VFS_ENOMEM;
    case EBADF: return WB__VFS_EBADF;
    case ESPIPE: return WB__VFS_ESPIPE;
    default: return WB__VFS_EIO;
    }
}

static int refused(wb__vfs *v, int mnt, const char *rel, int e)
{
    if (e == EXDEV || e == ELOOP)
        wb__vfs_seterr(v, "%s/%s: refused: the path leads outside the mounted folder (\"..\" above it, an "
                       "absolute symlink, or a symlink out of it)", v->mounts[mnt].guest, rel);
    return werr(e);
}

static int walk_fallback(int dirfd, const char *rel, int flags, mode_t mode)
{
    /* One component at a time, no symlink followed anywhere. */
    int fd = dup(dirfd);
    const char *p = rel;
    while (fd >= 0) {
        while (*p == '/')
            p++;
        const char *e = strchr(p, '/');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        const char *rest = p + n;
        while (*rest == '/')
            rest++;
        char name[256];
        if (n >= sizeof name) {
            close(fd);
            errno = ENAMETOOLONG;
            return -1;
        }
        memcpy(name, p, n);
        name[n] = 0;
        if (n == 0)
            strcpy(name, ".");
        if (!strcmp(name, "..")) {
            close(fd);
            errno = EXDEV; /* no way to know we stay inside: refused */
            return -1;
        }
        int last = *rest == 0;
        int sub = openat(fd, name, last ? (flags | O_NOFOLLOW) : (O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC), mode);
        int err = errno;
        close(fd);
        errno = err;
        fd = sub;
        if (last)
            return fd;
        p = rest;
    }
    return -1;
}

/* Opens rel below mount mnt; the kernel keeps the walk inside. */
static int beneath(wb__vfs *v, int mnt, const char *rel, int flags, mode_t mode)
{
    struct wb_open_how how = { (uint64_t)(flags | O_CLOEXEC), (flags & O_CREAT) ? mode : 0,
                               WB_RESOLVE_BENEATH | WB_RESOLVE_NO_MAGICLINKS };
    long fd = syscall(SYS_openat2, v->mounts[mnt].dirfd, rel, &how, sizeof how);
    if (fd < 0 && (errno == ENOSYS || errno == EPERM /* seccomp filters that block it */))
        return walk_fallback(v->mounts[mnt].dirfd, rel, flags | O_CLOEXEC, mode);
    return (int)fd;
}

/* The parent folder of rel (opened beneath the mount) and rel's last
 * component.  "." names the mount folder itself. */
static int parent_of(wb__vfs *v, int mnt, const char *rel, char *name, size_t namesz, int *pfd)
{
    size_t n = strlen(rel);
    while (n > 1 && rel[n - 1] == '/')
        n--;
    size_t k = n;
    while (k > 0 && rel[k - 1] != '/')
        k--;
    size_t nl = n - k;
    if (nl == 0 || nl >= namesz)
        return nl ? WB__VFS_ENAMETOOLONG : WB__VFS_EINVAL;
    memcpy(name, rel + k, nl);
    name[nl] = 0;
    if (!strcmp(name, ".") || !strcmp(name, ".."))
        return WB__VFS_EINVAL;
    char *dir = strndup(rel, k ? k : 1);
    if (!dir)
        return WB__VFS_ENOMEM;
    if (!k)
        dir[0] = '.';
    *pfd = beneath(v, mnt, dir, O_RDONLY | O_DIRECTORY, 0);
    int e = *pfd < 0 ? errno : 0;
    free(dir);
    return e ? refused(v, mnt, rel, e) : 0;
}

static int ro(wb__vfs *v, int mnt, const char *rel)
{
    if (v->mounts[mnt].writable)
        return 0;
    wb__vfs_seterr(v, "%s/%s: the mount %s is read-only", v->mounts[mnt].guest, rel, v->mounts[mnt].guest);
    return WB__VFS_EROFS;
}

static uint8_t ftype(mode_t m)
{
    return S_ISDIR(m) ? WB__VFS_T_DIR : S_ISREG(m) ? WB__VFS_T_FILE : S_ISLNK(m) ? WB__VFS_T_SYMLINK : 0;
}

static void stat_from(int mnt, const struct stat *s, wb__vfs_stat *st)
{
    memset(st, 0, sizeof *st);
    st->dev = 2 + (uint64_t)mnt;
    st->ino = s->st_ino;
    st->filetype = ftype(s->st_mode);
    st->mode = (uint16_t)(s->st_mode & 07777);
    st->nlink = s->st_nlink;
    st->size = (uint64_t)s->st_size;
    st->atim = (uint64_t)s->st_atim.tv_sec * 1000000000u + (uint64_t)s->st_atim.tv_nsec;
    st->mtim = (uint64_t)s->st_mtim.tv_sec * 1000000000u + (uint64_t)s->st_mtim.tv_nsec;
    st->ctim = (uint64_t)s->st_ctim.tv_sec * 1000000000u + (uint64_t)s->st_ctim.tv_nsec;
}

int wb__vm_open(wb__vfs *v, int mnt, const char *rel, uint32_t lookupflags, uint32_t oflags, int write,
                uint16_t fdflags, wb__hostfile **out)
{
    (void)fdflags;
    *out = NULL;
    int creat = oflags & 1, dir = oflags & 2, excl = oflags & 4, trunc = oflags & 8;
    if ((write || creat || trunc) && ro(v, mnt, rel)) {
        /* Opening an existing file read-only with O_CREAT is fine. */
        if (write || trunc || !creat)
            return WB__VFS_EROFS;
        creat = 0;
    }
    int flags = (write ? O_RDWR : O_RDONLY) | (creat ? O_CREAT : 0) | (excl ? O_EXCL : 0) | (trunc ? O_TRUNC : 0) |
                (dir ? O_DIRECTORY : 0) | ((lookupflags & 1) ? 0 : O_NOFOLLOW);
    int fd = beneath(v, mnt, rel, flags, 0666);
    if (fd < 0 && errno == EISDIR && !write)
        fd = beneath(v, mnt, rel, flags & ~O_RDWR, 0);
    if (fd < 0)
        return refused(v, mnt, rel, errno);
    struct stat st;
    wb__hostfile *h = calloc(1, sizeof *h);
    if (!h || fstat(fd, &st) != 0 || !(h->rel = strdup(rel))) {
        if (h)
            free(h->rel);
        free(h);
        close(fd);
        return WB__VFS_ENOMEM;
    }
    h->refs = 1;
    h->fd = fd;
    h->mnt = mnt;
    h->type = ftype(st.st_mode);
    *out = h;
    return 0;
}

int wb__vm_stat(wb__vfs *v, int mnt, const char *rel, int follow, wb__vfs_stat *st)
{
    struct stat s;
    size_t rl = strlen(rel);
    int dots = (rl >= 1 && rel[rl - 1] == '.' && (rl == 1 || rel[rl - 2] == '/')) ||
               (rl >= 2 && rel[rl - 1] == '.' && rel[rl - 2] == '.' && (rl == 2 || rel[rl - 3] == '/'));
    if (follow || dots) { /* "." and ".." are never symlinks */
        int fd = beneath(v, mnt, rel, O_PATH, 0);
        if (fd < 0)
            return refused(v, mnt, rel, errno);
        int r = fstat(fd, &s), e = errno;
        close(fd);
        if (r)
            return werr(e);
    } else {
        char name[256];
        int pfd, e = parent_of(v, mnt, rel, name, sizeof name, &pfd);
        if (e)
            return e;
        int r = fstatat(pfd, name, &s, AT_SYMLINK_NOFOLLOW);
        e = errno;
        close(pfd);
        if (r)
            return werr(e);
    }
    stat_from(mnt, &s, st);
    return 0;
}

/* mkdir, rmdir, unlink on the final name of rel. */
static int on_name(wb__vfs *v, int mnt, const char *rel, int op)
{
    int e = ro(v, mnt, rel);
    if (e)
        return e;
    char name[256];
    int pfd;
    if ((e = parent_of(v, mnt, rel, name, sizeof name, &pfd)))
        return e;
    int r = op == 0 ? mkdirat(pfd, name, 0777) : unlinkat(pfd, name, op == 1 ? AT_REMOVEDIR : 0);
    e = r ? errno : 0;
    close(pfd);
    return werr(e);
}

int wb__vm_mkdir(wb__vfs *v, int mnt, const char *rel) { return on_name(v, mnt, rel, 0); }
int wb__vm_rmdir(wb__vfs *v, int mnt, const char *rel) { return on_name(v, mnt, rel, 1); }

int wb__vm_unlink(wb__vfs *v, int mnt, const char *rel) { return on_name(v, mnt, rel, 2); }

int wb__vm_rename(wb__vfs *v, int mnt, const char *from, const char *to)
{
    int e = ro(v, mnt, from);
    if (e)
        return e;
    char a[256], b[256];
    int pa, pb;
    if ((e = parent_of(v, mnt, from, a, sizeof a, &pa)))
        return e;
    if ((e = parent_of(v, mnt, to, b, sizeof b, &pb))) {
        close(pa);
        return e;
    }
    int r = renameat(pa, a, pb, b);
    e = r ? errno : 0;
    close(pa);
    close(pb);
    return werr(e);
}

/* A link target that stays inside the mount wherever the link is: relative,
 * and never climbing above the folder holding the link's own depth. */
static int target_inside(const char *rel, const char *target, size_t tlen)
{
    if (tlen == 0 || target[0] == '/')
        return 0;
    int depth = 0;
    for (const char *p = rel; *p; p++)
        if (*p == '/' && p[1] && p[1] != '/')
            depth++;
    const char *p = target, *end = target + tlen;
    while (p < end) {
        const char *e = memchr(p, '/', (size_t)(end - p));
        size_t n = e ? (size_t)(e - p) : (size_t)(end - p);
        if (n == 2 && p[0] == '.' && p[1] == '.') {
            if (--depth < 0)
                return 0;
        } else if (n && !(n == 1 && p[0] == '.')) {
            depth++;
        }
        p += n + 1;
    }
    return 1;
}

int wb__vm_symlink(wb__vfs *v, int mnt, const char *target, size_t tlen, const char *rel)
{
    int e = ro(v, mnt, rel);
    if (e)
        return e;
    if (!target_inside(rel, target, tlen)) {
        wb__vfs_seterr(v, "%s/%s: a symlink in a mount must point inside it (a relative target that does not climb "
                       "out of the mounted folder)", v->mounts[mnt].guest, rel);
        return WB__VFS_EPERM;
    }
    char name[256], *t = strndup(target, tlen);
    int pfd;
    if (!t)
        return WB__VFS_ENOMEM;
    if ((e = parent_of(v, mnt, rel, name, sizeof name, &pfd))) {
        free(t);
        return e;
    }
    int r = symlinkat(t, pfd, name);
    e = r ? errno : 0;
    close(pfd);
    free(t);
    return werr(e);
}

int wb__vm_readlink(wb__vfs *v, int mnt, const char *rel, char *buf, size_t n, size_t *used)
{
    char name[256];
    int pfd, e = parent_of(v, mnt, rel, name, sizeof name, &pfd);
    if (e)
        return e;
    ssize_t r = readlinkat(pfd, name, buf, n);
    e = r < 0 ? errno : 0;
    close(pfd);
    if (r >= 0)
        *used = (size_t)r;
    return werr(e);
}

/* chmod on a writable mount: the permission bits only (never set-id or
 * sticky bits on the host). */
static int host_chmod(int fd, uint64_t mode)
{
    if (mode > 07777) {
        errno = EINVAL;
        return -1;
    }
    return fchmod(fd, (mode_t)(mode & 0777));
}

static void times_of(uint64_t atim, uint64_t mtim, uint32_t flags, struct timespec ts[2])
{
    ts[0].tv_sec = (time_t)(atim / 1000000000u);
    ts[0].tv_nsec = (long)(atim % 1000000000u);
    ts[1].tv_sec = (time_t)(mtim / 1000000000u);
    ts[1].tv_nsec = (long)(mtim % 1000000000u);
    if (!(flags & 3))
        ts[0].tv_nsec = UTIME_OMIT;
    else if (flags & 2)
        ts[0].tv_nsec = UTIME_NOW;
    if (!(flags & 12))
        ts[1].tv_nsec = UTIME_OMIT;
    else if (flags & 8)
        ts[1].tv_nsec = UTIME_NOW;
}

int wb__vm_utimes(wb__vfs *v, int mnt, const char *rel, int follow, uint64_t atim, uint64_t mtim, uint32_t flags)
{
    int e = ro(v, mnt, rel);
    if (e)
        return e;
    struct timespec ts[2];
    times_of(atim, mtim, flags, ts);
    int fd = beneath(v, mnt, rel, O_RDONLY | (follow ? 0 : O_NOFOLLOW), 0);
    if (fd < 0)
        return refused(v, mnt, rel, errno);
    int r = flags == WB__VFS_FST_MODE ? host_chmod(fd, atim) : futimens(fd, ts);
    e = r ? errno : 0;
    close(fd);
    return werr(e);
}

int wb__vfs_host_read(wb__vfs *v, wb__hostfile *h, void *buf, size_t n, uint64_t off, size_t *got)
{
    (void)v;
    *got = 0;
    if (h->type == WB__VFS_T_DIR)
        return WB__VFS_EISDIR;
    for (;;) {
        ssize_t r = pread(h->fd, buf, n, (off_t)off);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return werr(errno);
        *got = (size_t)r;
        return 0;
    }
}

int wb__vm_write(wb__vfs *v, wb__hostfile *h, const void *buf, size_t n, uint64_t off, size_t *put)
{
    *put = 0;
    if (!v->mounts[h->mnt].writable)
        return WB__VFS_EBADF;
    for (;;) {
        ssize_t r = pwrite(h->fd, buf, n, (off_t)off);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return werr(errno);
        *put = (size_t)r;
        return 0;
    }
}

int wb__vm_size(wb__vfs *v, wb__hostfile *h, uint64_t *size)
{
    (void)v;
    struct stat st;
    if (fstat(h->fd, &st))
        return werr(errno);
    *size = (uint64_t)st.st_size;
    return 0;
}

int wb__vm_fstat(wb__vfs *v, wb__hostfile *h, wb__vfs_stat *st)
{
    (void)v;
    struct stat s;
    if (fstat(h->fd, &s))
        return werr(errno);
    stat_from(h->mnt, &s, st);
    return 0;
}

int wb__vm_ftruncate(wb__vfs *v, wb__hostfile *h, uint64_t size)
{
    if (!v->mounts[h->mnt].writable)
        return WB__VFS_EROFS;
    return ftruncate(h->fd, (off_t)size) ? werr(errno) : 0;
}

int wb__vm_futimes(wb__vfs *v, wb__hostfile *h, uint64_t atim, uint64_t mtim, uint32_t flags)
{
    if (!v->mounts[h->mnt].writable)
        return WB__VFS_EROFS;
    struct timespec ts[2];
    times_of(atim, mtim, flags, ts);
    return (flags == WB__VFS_FST_MODE ? host_chmod(h->fd, atim) : futimens(h->fd, ts)) ? werr(errno) : 0;
}

/* Cookies are entry counts: each call re-reads the folder from the start
 * and skips that many (host folders change under us; counting is the
 * simple, safe answer). */
int wb__vm_readdir(wb__vfs *v, wb__hostfile *h, void *buf, size_t n, uint64_t cookie, size_t *used)
{
    (void)v;
    *used = 0;
    if (h->type != WB__VFS_T_DIR)
        return WB__VFS_ENOTDIR;
    int fd = openat(h->fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (!d) {
        if (fd >= 0)
            close(fd);
        return werr(errno);
    }
    unsigned char *out = buf;
    uint64_t i = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (i++ < cookie)
            continue;
        uint32_t nl = (uint32_t)strlen(de->d_name);
        unsigned char hd[24] = {0};
        uint64_t ino = de->d_ino;
        memcpy(hd, &i, 8);
        memcpy(hd + 8, &ino, 8);
        memcpy(hd + 16, &nl, 4);
        hd[20] = de->d_type == DT_DIR ? WB__VFS_T_DIR : de->d_type == DT_REG ? WB__VFS_T_FILE
                 : de->d_type == DT_LNK ? WB__VFS_T_SYMLINK : 0;
        size_t k = n - *used < 24 ? n - *used : 24;
        memcpy(out + *used, hd, k);
        *used += k;
        if (k < 24)
            break;
        k = n - *used < nl ? n - *used : nl;
        memcpy(out + *used, de->d_name, k);
        *used += k;
        if (k < nl)
            break;
    }
    closedir(d);
    return 0;
}
