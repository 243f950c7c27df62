/* The WASI filesystem calls: guest memory in and out (through
 * wb__guest_span() only), the work in the sandbox's VFS (src/vfs/).  fds
 * 0-2 stay with src/wasi/wasi.c (captured stdio); it hands every other fd
 * here. */
#include <string.h>

#include "../internal.h"
#include "../imports.h"
#include "../vfs/vfs.h"
#include "../../guest/rt/host.h"
#include "wasi.h"
#include "guest.h"

#define E_FAULT WB__VFS_EFAULT

/* The sandbox's VFS.  The template's host (the guest initialising at build
 * time) gets a default one on first use: wasi-libc reads the preopens and
 * the guest changes into /workspace then, and the image keeps both. */
static wb__vfs *vfs_of(struct Z_wasi_snapshot_preview1_instance_t *w)
{
    wb__host *h = w->host;
    if (!h->vfs) {
        wb__vfs_opts o = { .fixed_clock = 1 };
        char msg[128];
        if (wb__vfs_new(&o, &h->vfs, msg, sizeof msg))
            return NULL;
    }
    return h->vfs;
}

#define VFS_OR_FAIL(v, w)           \
    wb__vfs *v = vfs_of(w);         \
    if (!v)                         \
        return WB__VFS_ENOMEM

static int span(struct Z_wasi_snapshot_preview1_instance_t *w, uint32_t off, uint64_t len, void **p)
{
    return wb__guest_span(w->host->mem, off, len, p) == WB_OK ? 0 : E_FAULT;
}

/* A guest path: checked span; the VFS takes it with its length. */
static int path_in(struct Z_wasi_snapshot_preview1_instance_t *w, uint32_t off, uint32_t len, const char **p)
{
    void *q;
    if (span(w, off, len, &q))
        return E_FAULT;
    *p = q;
    return 0;
}

/* EBADF for an fd that is not open, before any pointer is looked at. */
static int fd_open(wb__vfs *v, u32 fd)
{
    uint8_t t;
    uint16_t f;
    uint64_t r, i;
    return wb__vfs_fdstat(v, fd, &t, &f, &r, &i);
}

/* Checks every iovec of an array before any is used: a bad call has no
 * effect at all. */
static int iovecs(struct Z_wasi_snapshot_preview1_instance_t *w, uint32_t iovs, uint32_t n, const void **vec)
{
    void *p;
    if (span(w, iovs, (uint64_t)n * 8, &p))
        return E_FAULT;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t ptr, len;
        void *d;
        memcpy(&ptr, (char *)p + (size_t)i * 8, 4);
        memcpy(&len, (char *)p + (size_t)i * 8 + 4, 4);
        if (span(w, ptr, len, &d))
            return E_FAULT;
    }
    *vec = p;
    return 0;
}

static void iov_at(struct Z_wasi_snapshot_preview1_instance_t *w, const void *vec, uint32_t i, void **d,
                   uint32_t *len)
{
    uint32_t ptr;
    memcpy(&ptr, (const char *)vec + (size_t)i * 8, 4);
    memcpy(len, (const char *)vec + (size_t)i * 8 + 4, 4);
    wb__guest_span(w->host->mem, ptr, *len, d); /* checked by iovecs() */
}

/* Reads into (or writes from) each buffer in turn, positional or not;
 * stops at a short transfer.  An error after some bytes moved reports the
 * bytes. */
static u32 transfer(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 iovs, u32 n, int positional,
                    u64 off, u32 count_out, int writing)
{
    VFS_OR_FAIL(v, w);
    const void *vec;
    void *out;
    int bad = fd_open(v, fd);
    if (bad)
        return (u32)bad;
    if (iovecs(w, iovs, n, &vec) || span(w, count_out, 4, &out))
        return E_FAULT;
    uint64_t total = 0;
    for (u32 i = 0; i < n; i++) {
        void *d;
        uint32_t len;
        size_t moved;
        iov_at(w, vec, i, &d, &len);
        int e = writing ? (positional ? wb__vfs_pwrite(v, fd, d, len, off + total, &moved)
                                      : wb__vfs_write(v, fd, d, len, &moved))
                        : (positional ? wb__vfs_pread(v, fd, d, len, off + total, &moved)
                                      : wb__vfs_read(v, fd, d, len, &moved));
        if (e && total == 0)
            return (u32)e;
        total += e ? 0 : moved;
        if (e || moved < len)
            break;
    }
    uint32_t t = (uint32_t)total;
    memcpy(out, &t, 4);
    return 0;
}

u32 wb__wasi_fd_read(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 iovs, u32 n, u32 nread)
{
    return transfer(w, fd, iovs, n, 0, 0, nread, 0);
}

u32 wb__wasi_fd_write(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 iovs, u32 n, u32 nwritten)
{
    return transfer(w, fd, iovs, n, 0, 0, nwritten, 1);
}

u32 Z_wasi_snapshot_preview1Z_fd_pread(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 iovs,
                                       u32 iovs_len, u64 offset, u32 nread)
{
    return transfer(w, fd, iovs, iovs_len, 1, offset, nread, 0);
}

u32 Z_wasi_snapshot_preview1Z_fd_pwrite(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 iovs,
                                        u32 iovs_len, u64 offset, u32 nwritten)
{
    return transfer(w, fd, iovs, iovs_len, 1, offset, nwritten, 1);
}

u32 wb__wasi_fd_close(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd)
{
    VFS_OR_FAIL(v, w);
    return (u32)wb__vfs_close(v, fd);
}

u32 wb__wasi_fd_seek(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u64 offset, u32 whence, u32 newoffset)
{
    VFS_OR_FAIL(v, w);
    void *out;
    int bad = fd_open(v, fd);
    if (bad)
        return (u32)bad;
    if (span(w, newoffset, 8, &out))
        return E_FAULT;
    uint64_t pos;
    int e = wb__vfs_seek(v, fd, (int64_t)offset, whence, &pos);
    if (!e)
        memcpy(out, &pos, 8);
    return (u32)e;
}

u32 Z_wasi_snapshot_preview1Z_fd_tell(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 offset)
{
    if (fd <= 2)
        return WB__VFS_ESPIPE;
    return wb__wasi_fd_seek(w, fd, 0, 1, offset);
}

u32 wb__wasi_fd_fdstat_get(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 stat)
{
    VFS_OR_FAIL(v, w);
    void *p;
    uint8_t type;
    uint16_t flags;
    uint64_t rights, inh;
    int e = wb__vfs_fdstat(v, fd, &type, &flags, &rights, &inh);
    if (e)
        return (u32)e;
    if (span(w, stat, 24, &p))
        return E_FAULT;
    uint8_t st[24] = {0};
    st[0] = type;
    memcpy(st + 2, &flags, 2);
    memcpy(st + 8, &rights, 8);
    memcpy(st + 16, &inh, 8);
    memcpy(p, st, sizeof st);
    return 0;
}

u32 wb__wasi_fd_fdstat_set_flags(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 flags)
{
    VFS_OR_FAIL(v, w);
    int bad = fd_open(v, fd);
    if (bad)
        return (u32)bad;
    if (flags > 0xFFFF)
        return WB__VFS_EINVAL;
    return (u32)wb__vfs_set_fdflags(v, fd, (uint16_t)flags);
}

u32 wb__wasi_fd_prestat_get(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 out)
{
    VFS_OR_FAIL(v, w);
    const char *name;
    size_t len;
    void *p;
    int e = wb__vfs_prestat(v, fd, &name, &len);
    if (e)
        return (u32)e;
    if (span(w, out, 8, &p))
        return E_FAULT;
    uint8_t ps[8] = {0}; /* tag 0: a directory */
    uint32_t n = (uint32_t)len;
    memcpy(ps + 4, &n, 4);
    memcpy(p, ps, 8);
    return 0;
}

u32 wb__wasi_fd_prestat_dir_name(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 path, u32 len)
{
    VFS_OR_FAIL(v, w);
    const char *name;
    size_t n;
    void *p;
    int e = wb__vfs_prestat(v, fd, &name, &n);
    if (e)
        return (u32)e;
    if (len < n)
        return WB__VFS_EINVAL;
    if (span(w, path, n, &p))
        return E_FAULT;
    memcpy(p, name, n);
    return 0;
}

static void stat_out(void *p, const wb__vfs_stat *st)
{
    uint8_t b[64] = {0};
    uint64_t dev = (st->dev & ((1ull << WB_DEV_MODE_SHIFT) - 1)) | WB_DEV_MODE_FLAG |
                   (uint64_t)(st->mode & 07777) << WB_DEV_MODE_SHIFT;
    memcpy(b, &dev, 8);
    memcpy(b + 8, &st->ino, 8);
    b[16] = st->filetype;
    memcpy(b + 24, &st->nlink, 8);
    memcpy(b + 32, &st->size, 8);
    memcpy(b + 40, &st->atim, 8);
    memcpy(b + 48, &st->mtim, 8);
    memcpy(b + 56, &st->ctim, 8);
    memcpy(p, b, 64);
}

u32 Z_wasi_snapshot_preview1Z_fd_filestat_get(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 buf)
{
    void *p;
    if (span(w, buf, 64, &p))
        return E_FAULT;
    wb__vfs_stat st;
    if (fd <= 2) { /* stdio: character devices */
        memset(&st, 0, sizeof st);
        st.filetype = 2;
        st.mode = 0620;
        st.nlink = 1;
        stat_out(p, &st);
        return 0;
    }
    VFS_OR_FAIL(v, w);
    int e = wb__vfs_fstat(v, fd, &st);
    if (!e)
        stat_out(p, &st);
    return (u32)e;
}

u32 Z_wasi_snapshot_preview1Z_path_filestat_get(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 flags,
                                                u32 path, u32 path_len, u32 buf)
{
    VFS_OR_FAIL(v, w);
    const char *s;
    void *p;
    if (path_in(w, path, path_len, &s) || span(w, buf, 64, &p))
        return E_FAULT;
    wb__vfs_stat st;
    int e = wb__vfs_statat(v, fd, flags, s, path_len, &st);
    if (!e)
        stat_out(p, &st);
    return (u32)e;
}

u32 Z_wasi_snapshot_preview1Z_fd_filestat_set_size(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u64 size)
{
    VFS_OR_FAIL(v, w);
    return (u32)wb__vfs_ftruncate(v, fd, size);
}

u32 Z_wasi_snapshot_preview1Z_fd_filestat_set_times(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd,
                                                    u64 atim, u64 mtim, u32 flags)
{
    VFS_OR_FAIL(v, w);
    return (u32)wb__vfs_futimes(v, fd, atim, mtim, flags);
}

u32 Z_wasi_snapshot_preview1Z_path_filestat_set_times(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd,
                                                      u32 flags, u32 path, u32 path_len, u64 atim, u64 mtim,
                                                      u32 fst)
{
    VFS_OR_FAIL(v, w);
    const char *s;
    if (path_in(w, path, path_len, &s))
        return E_FAULT;
    return (u32)wb__vfs_utimes(v, fd, flags, s, path_len, atim, mtim, fst);
}

u32 Z_wasi_snapshot_preview1Z_fd_readdir(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 buf,
                                         u32 buf_len, u64 cookie, u32 bufused)
{
    VFS_OR_FAIL(v, w);
    void *p, *out;
    if (span(w, buf, buf_len, &p) || span(w, bufused, 4, &out))
        return E_FAULT;
    size_t used;
    int e = wb__vfs_readdir(v, fd, p, buf_len, cookie, &used);
    if (!e) {
        uint32_t u = (uint32_t)used;
        memcpy(out, &u, 4);
    }
    return (u32)e;
}

u32 Z_wasi_snapshot_preview1Z_fd_renumber(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 to)
{
    VFS_OR_FAIL(v, w);
    if (fd <= 2 || to <= 2)
        return WB__VFS_ENOTSUP; /* stdio is the host's capture, not a file */
    return (u32)wb__vfs_renumber(v, fd, to);
}

/* Durability means nothing in memory: a valid fd is enough. */
static u32 fd_ok(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd)
{
    VFS_OR_FAIL(v, w);
    return fd <= 2 ? 0 : (u32)fd_open(v, fd);
}

u32 Z_wasi_snapshot_preview1Z_fd_sync(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd)
{
    return fd_ok(w, fd);
}

u32 Z_wasi_snapshot_preview1Z_fd_datasync(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd)
{
    return fd_ok(w, fd);
}

u32 Z_wasi_snapshot_preview1Z_fd_advise(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u64 offset,
                                        u64 len, u32 advice)
{
    (void)offset;
    (void)len;
    return advice > 5 ? WB__VFS_EINVAL : fd_ok(w, fd);
}

u32 Z_wasi_snapshot_preview1Z_fd_allocate(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u64 offset,
                                          u64 len)
{
    VFS_OR_FAIL(v, w);
    wb__vfs_stat st;
    uint64_t end;
    int e = wb__vfs_fstat(v, fd, &st);
    if (e)
        return (u32)e;
    if (__builtin_add_overflow(offset, len, &end))
        return WB__VFS_EFBIG;
    return end > st.size ? (u32)wb__vfs_ftruncate(v, fd, end) : 0;
}

u32 Z_wasi_snapshot_preview1Z_fd_fdstat_set_rights(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd,
                                                   u64 base, u64 inheriting)
{
    (void)base;
    (void)inheriting;
    return fd_ok(w, fd); /* rights only ever shrink; the VFS enforces what matters */
}

u32 Z_wasi_snapshot_preview1Z_path_open(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 dirflags,
                                        u32 path, u32 path_len, u32 oflags, u64 base, u64 inheriting,
                                        u32 fdflags, u32 opened)
{
    VFS_OR_FAIL(v, w);
    const char *s;
    void *out;
    if (path_in(w, path, path_len, &s) || span(w, opened, 4, &out))
        return E_FAULT;
    uint32_t nfd;
    int e = wb__vfs_open(v, fd, dirflags, s, path_len, oflags, base, inheriting, fdflags, &nfd);
    if (!e)
        memcpy(out, &nfd, 4);
    return (u32)e;
}

u32 Z_wasi_snapshot_preview1Z_path_create_directory(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd,
                                                    u32 path, u32 path_len)
{
    VFS_OR_FAIL(v, w);
    const char *s;
    if (path_in(w, path, path_len, &s))
        return E_FAULT;
    return (u32)wb__vfs_mkdirat(v, fd, s, path_len);
}

u32 Z_wasi_snapshot_preview1Z_path_remove_directory(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd,
                                                    u32 path, u32 path_len)
{
    VFS_OR_FAIL(v, w);
    const char *s;
    if (path_in(w, path, path_len, &s))
        return E_FAULT;
    return (u32)wb__vfs_rmdirat(v, fd, s, path_len);
}

u32 Z_wasi_snapshot_preview1Z_path_unlink_file(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 path,
                                               u32 path_len)
{
    VFS_OR_FAIL(v, w);
    const char *s;
    if (path_in(w, path, path_len, &s))
        return E_FAULT;
    return (u32)wb__vfs_unlinkat(v, fd, s, path_len);
}

u32 Z_wasi_snapshot_preview1Z_path_rename(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 old_path,
                                          u32 old_len, u32 new_fd, u32 new_path, u32 new_len)
{
    VFS_OR_FAIL(v, w);
    const char *a, *b;
    if (path_in(w, old_path, old_len, &a) || path_in(w, new_path, new_len, &b))
        return E_FAULT;
    return (u32)wb__vfs_renameat(v, fd, a, old_len, new_fd, b, new_len);
}

u32 Z_wasi_snapshot_preview1Z_path_symlink(struct Z_wasi_snapshot_preview1_instance_t *w, u32 old_path,
                                           u32 old_len, u32 fd, u32 new_path, u32 new_len)
{
    VFS_OR_FAIL(v, w);
    const char *a, *b;
    if (path_in(w, old_path, old_len, &a) || path_in(w, new_path, new_len, &b))
        return E_FAULT;
    return (u32)wb__vfs_symlinkat(v, a, old_len, fd, b, new_len);
}

u32 Z_wasi_snapshot_preview1Z_path_readlink(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 path,
                                            u32 path_len, u32 buf, u32 buf_len, u32 bufused)
{
    VFS_OR_FAIL(v, w);
    const char *s;
    void *p, *out;
    if (path_in(w, path, path_len, &s) || span(w, buf, buf_len, &p) || span(w, bufused, 4, &out))
        return E_FAULT;
    size_t used;
    int e = wb__vfs_readlinkat(v, fd, s, path_len, p, buf_len, &used);
    if (!e) {
        uint32_t u = (uint32_t)used;
        memcpy(out, &u, 4);
    }
    return (u32)e;
}

/* Hard links would let two paths share an inode across quota and mount
 * boundaries; the sandbox has none. */
u32 Z_wasi_snapshot_preview1Z_path_link(struct Z_wasi_snapshot_preview1_instance_t *w, u32 old_fd, u32 old_flags,
                                        u32 old_path, u32 old_len, u32 new_fd, u32 new_path, u32 new_len)
{
    (void)w; (void)old_fd; (void)old_flags; (void)old_path; (void)old_len; (void)new_fd; (void)new_path;
    (void)new_len;
    return WB__VFS_EPERM;
}
