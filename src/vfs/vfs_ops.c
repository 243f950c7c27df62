/* The filesystem calls on paths and fds: POSIX-like semantics on the
 * in-memory tree, host mounts handed to src/vfs/vfs_mount.c. */
#include <stdlib.h>
#include <string.h>

#include "vfs_impl.h"

/* WASI rights, oflags, fdflags, whence. */
#define R_FD_READ (1ull << 1)
#define R_FD_WRITE (1ull << 6)
#define O_CREAT_ 1u
#define O_DIRECTORY_ 2u
#define O_EXCL_ 4u
#define O_TRUNC_ 8u
#define FDF_APPEND 1u
#define FST_ATIM 1u
#define FST_ATIM_NOW 2u
#define FST_MTIM 4u
#define FST_MTIM_NOW 8u

static wb__vfd *fd_get(wb__vfs *v, uint32_t fd)
{
    return fd < v->f.n && v->f.fds[fd].kind != WB__FD_FREE ? &v->f.fds[fd] : NULL;
}

/* The lowest free fd from 3 on (0-2 are the host's stdio). */
static int fd_alloc(wb__vfs *v, uint32_t *fd)
{
    if (wb__vfs_touch_fds(v))
        return WB__VFS_ENOMEM;
    uint32_t i = 3;
    while (i < v->f.n && v->f.fds[i].kind != WB__FD_FREE)
        i++;
    if (i >= WB__VFS_MAX_FDS)
        return WB__VFS_EMFILE;
    if (i >= v->f.n) {
        uint32_t n = v->f.n ? v->f.n * 2 : 16;
        if (n > WB__VFS_MAX_FDS)
            n = WB__VFS_MAX_FDS;
        wb__vfd *f = realloc(v->f.fds, n * sizeof *f);
        if (!f)
            return WB__VFS_ENOMEM;
        memset(f + v->f.n, 0, (n - v->f.n) * sizeof *f);
        v->f.fds = f;
        v->f.n = n;
    }
    memset(&v->f.fds[i], 0, sizeof v->f.fds[i]);
    *fd = i;
    return 0;
}

static int is_dot(const wb__vres *r)
{
    return (r->nlen == 1 && r->name[0] == '.') || (r->nlen == 2 && r->name[0] == '.' && r->name[1] == '.');
}

static int ro_dir(wb__vfs *v, uint32_t dir)
{
    wb__vnode *d = wb__vnode_get(v, dir);
    return !d || (d->flags & WB__N_RO);
}

/* A relative path from a directory fd on a host mount: the guest path of
 * that directory (the mount's, then the path it was opened by) joined
 * with path, resolved from the root, so ".." that climbs out of the mount
 * lands in the tree and vfs_mount.c confines the rest. */
static int start_host(wb__vfs *v, const wb__hostfile *h, const char *path, size_t plen, int flags, wb__vres *r)
{
    memset(r, 0, sizeof *r);
    r->mnt = -1;
    if (h->type != WB__VFS_T_DIR)
        return WB__VFS_ENOTDIR;
    if (plen == 0)
        return WB__VFS_ENOENT;
    const char *g = v->mounts[h->mnt].guest;
    size_t gl = strlen(g), bl = strlen(h->rel);
    if (gl + bl + plen + 2 > WB__VFS_MAX_PATH)
        return WB__VFS_ENAMETOOLONG;
    char buf[WB__VFS_MAX_PATH + 1];
    memcpy(buf, g, gl);
    buf[gl] = '/';
    memcpy(buf + gl + 1, h->rel, bl);
    buf[gl + 1 + bl] = '/';
    memcpy(buf + gl + bl + 2, path, plen);
    return wb__vfs_resolve(v, WB__ROOT_INO, buf, gl + bl + 2 + plen, flags, r);
}

static int start(wb__vfs *v, uint32_t dirfd, const char *path, size_t plen, int flags, wb__vres *r)
{
    uint32_t dir = WB__ROOT_INO;
    wb__vfd *f = dirfd == WB__VFS_ROOT_FD ? NULL : fd_get(v, dirfd);
    if (f && f->kind == WB__FD_HOST && !(plen > 0 && path[0] == '/'))
        return start_host(v, f->host, path, plen, flags, r);
    int e = dirfd == WB__VFS_ROOT_FD ? 0 : wb__vfs_dirfd(v, dirfd, &dir);
    if (e) {
        memset(r, 0, sizeof *r);
        return e;
    }
    return wb__vfs_resolve(v, dir, path, plen, flags, r);
}

int wb__vfs_prestat(wb__vfs *v, uint32_t fd, const char **name, size_t *len)
{
    wb__vfd *f = fd_get(v, fd);
    if (!f || !f->preopen)
        return WB__VFS_EBADF;
    *name = WB__VFS_PREOPEN_NAME;
    *len = strlen(WB__VFS_PREOPEN_NAME);
    return 0;
}

static void stat_node(const wb__vfs *v, uint32_t ino, wb__vfs_stat *st)
{
    (void)v;
    const wb__vnode *n = wb__vnode_get(v, ino);
    memset(st, 0, sizeof *st);
    st->dev = 1;
    st->ino = ino;
    st->filetype = n->type;
    st->mode = wb__vnode_mode(n);
    st->nlink = n->nlink ? n->nlink : 1;
    st->size = n->type == WB__VFS_T_DIR ? 4096 : n->data ? n->data->len : 0;
    st->atim = n->atim;
    st->mtim = n->mtim;
    st->ctim = n->ctim;
}

/* Sets a file's length (zero-filling growth) under the byte quota. */
static int set_len(wb__vfs *v, uint32_t ino, uint64_t len)
{
    wb__vnode *n = wb__vnode_mut(v, ino);
    if (!n)
        return WB__VFS_ENOMEM;
    uint64_t old = n->data ? n->data->len : 0;
    if (len > SIZE_MAX / 2)
        return WB__VFS_EFBIG;
    int e = wb__vfs_quota_bytes(v, old, len);
    if (e)
        return e;
    if (wb__vdata_reserve(v, n, (size_t)len))
        return WB__VFS_ENOMEM;
    if (len > old)
        memset(n->data->bytes + old, 0, (size_t)(len - old));
    n->data->len = (size_t)len;
    if (!(n->flags & WB__N_SYSTEM))
        v->t.bytes = v->t.bytes - old + len;
    n->mtim = n->ctim = wb__vfs_now(v);
    return 0;
}

/* A new inode of the given type under r's last name (which names nothing
 * yet); a symlink gets its target first.  0 or errno, with nothing left
 * behind on failure. */
static int new_named(wb__vfs *v, const wb__vres *r, uint8_t type, const char *target, size_t tlen, uint32_t *out)
{
    if (r->ino || r->nlen == 0 || is_dot(r))
        return WB__VFS_EEXIST;
    if (ro_dir(v, r->dir))
        return WB__VFS_EROFS;
    uint32_t ino;
    int e = wb__vnode_new(v, type, 0, &ino);
    if (e)
        return e;
    if (type == WB__VFS_T_SYMLINK && !(e = set_len(v, ino, tlen)))
        memcpy(wb__vnode_get(v, ino)->data->bytes, target, tlen);
    wb__vnode *n = wb__vnode_get(v, ino);
    if (type == WB__VFS_T_DIR)
        n->parent = r->dir;
    n->nlink = 1;
    if (!e)
        e = wb__vdir_add(v, r->dir, r->name, r->nlen, ino);
    if (e) {
        wb__vnode_get(v, ino)->nlink = 0;
        wb__vnode_release(v, ino);
        return e;
    }
    if (out)
        *out = ino;
    return 0;
}

int wb__vfs_open(wb__vfs *v, uint32_t dirfd, uint32_t lookupflags, const char *path, size_t plen,
                 uint32_t oflags, uint64_t rights, uint64_t inheriting, uint32_t fdflags, uint32_t *fd)
{
    wb__vres r;
    int e = start(v, dirfd, path, plen, (lookupflags & 1) ? WB__RES_FOLLOW : 0, &r);
    int write = (rights & R_FD_WRITE) || (oflags & O_TRUNC_);
    if (e)
        goto out;
    if (r.mnt >= 0) {
        wb__hostfile *h;
        if ((e = wb__vm_open(v, r.mnt, r.rel, lookupflags, oflags, write, (uint16_t)fdflags, &h)))
            goto out;
        if ((e = fd_alloc(v, fd))) {
            wb__hostfile_close(h);
            goto out;
        }
        wb__vfd *f = &v->f.fds[*fd];
        f->kind = WB__FD_HOST;
        f->host = h;
        f->fdflags = (uint16_t)fdflags;
        f->rights = rights;
        f->inheriting = inheriting;
        goto out;
    }
    if (!r.ino) {
        if (!(oflags & O_CREAT_)) {
            e = WB__VFS_ENOENT;
            goto out;
        }
        if (oflags & O_DIRECTORY_) {
            e = WB__VFS_EINVAL;
            goto out;
        }
        if (r.trailing) {
            e = WB__VFS_EISDIR;
            goto out;
        }
        if ((e = new_named(v, &r, WB__VFS_T_FILE, NULL, 0, &r.ino)))
            goto out;
    } else {
        wb__vnode *n = wb__vnode_get(v, r.ino);
        if ((oflags & O_CREAT_) && (oflags & O_EXCL_)) {
            e = WB__VFS_EEXIST;
            goto out;
        }
        if (n->type == WB__VFS_T_SYMLINK) {
            e = WB__VFS_ELOOP; /* O_NOFOLLOW on a symlink */
            goto out;
        }
        if ((oflags & O_DIRECTORY_) && n->type != WB__VFS_T_DIR) {
            e = WB__VFS_ENOTDIR;
            goto out;
        }
        if (n->type == WB__VFS_T_DIR && write) {
            e = WB__VFS_EISDIR;
            goto out;
        }
        if ((n->flags & WB__N_RO) && write) {
            e = WB__VFS_EROFS;
            goto out;
        }
        if ((oflags & O_TRUNC_) && n->type == WB__VFS_T_FILE && n->data && n->data->len && (e = set_len(v, r.ino, 0)))
            goto out;
    }
    if ((e = fd_alloc(v, fd)))
        goto out; /* a file it created stays, as with open(2) at EMFILE after creating */
    wb__vfd *f = &v->f.fds[*fd];
    f->kind = WB__FD_NODE;
    f->ino = r.ino;
    f->fdflags = (uint16_t)fdflags;
    f->rights = rights;
    f->inheriting = inheriting;
out:
    wb__vres_free(&r);
    return e;
}

int wb__vfs_close(wb__vfs *v, uint32_t fd)
{
    wb__vfd *f = fd_get(v, fd);
    if (!f)
        return WB__VFS_EBADF;
    if (wb__vfs_touch_fds(v))
        return WB__VFS_ENOMEM;
    f = &v->f.fds[fd];
    uint32_t ino = f->kind == WB__FD_NODE ? f->ino : 0;
    if (f->host && --f->host->refs == 0)
        wb__hostfile_close(f->host);
    memset(f, 0, sizeof *f);
    if (ino)
        wb__vnode_release(v, ino);
    return 0;
}

static int rw_node(wb__vfs *v, wb__vfd *f, wb__vnode **n, uint64_t right)
{
    if (!(f->rights & right))
        return WB__VFS_EBADF;
    *n = wb__vnode_get(v, f->ino);
    if (!*n)
        return WB__VFS_EBADF;
    if ((*n)->type == WB__VFS_T_DIR)
        return WB__VFS_EISDIR;
    return 0;
}

static int do_read(wb__vfs *v, uint32_t fd, void *buf, size_t n, uint64_t off, int positional, size_t *got)
{
    *got = 0;
    wb__vfd *f = fd_get(v, fd);
    if (!f)
        return WB__VFS_EBADF;
    if (!positional && wb__vfs_touch_fds(v))
        return WB__VFS_ENOMEM;
    f = &v->f.fds[fd];
    uint64_t at = positional ? off : f->off;
    if (f->kind == WB__FD_HOST) {
        if (!(f->rights & R_FD_READ))
            return WB__VFS_EBADF;
        int e = wb__vfs_host_read(v, f->host, buf, n, at, got);
        if (!e && !positional)
            f->off += *got;
        return e;
    }
    wb__vnode *node;
    int e = rw_node(v, f, &node, R_FD_READ);
    if (e)
        return e;
    size_t len = node->data ? node->data->len : 0;
    if (at < len) {
        size_t k = len - (size_t)at < n ? len - (size_t)at : n;
        memcpy(buf, node->data->bytes + at, k);
        *got = k;
    }
    if (!positional)
        f->off = at + *got;
    return 0;
}

int wb__vfs_read(wb__vfs *v, uint32_t fd, void *buf, size_t n, size_t *got)
{
    return do_read(v, fd, buf, n, 0, 0, got);
}

int wb__vfs_pread(wb__vfs *v, uint32_t fd, void *buf, size_t n, uint64_t off, size_t *got)
{
    return do_read(v, fd, buf, n, off, 1, got);
}

static int do_write(wb__vfs *v, uint32_t fd, const void *buf, size_t n, uint64_t off, int positional, size_t *put)
{
    *put = 0;
    wb__vfd *f = fd_get(v, fd);
    if (!f)
        return WB__VFS_EBADF;
    if (wb__vfs_touch_fds(v))
        return WB__VFS_ENOMEM;
    f = &v->f.fds[fd];
    if (!(f->rights & R_FD_WRITE))
        return WB__VFS_EBADF;
    uint64_t at = positional ? off : f->off;
    if (f->kind == WB__FD_HOST) {
        int e = 0;
        if ((f->fdflags & FDF_APPEND) && !positional)
            e = wb__vm_size(v, f->host, &at);
        if (!e)
            e = wb__vm_write(v, f->host, buf, n, at, put);
        if (!e && !positional)
            f->off = at + *put;
        return e;
    }
    wb__vnode *node;
    int e = rw_node(v, f, &node, R_FD_WRITE);
    if (e)
        return e;
    size_t len = node->data ? node->data->len : 0;
    if ((f->fdflags & FDF_APPEND) && !positional)
        at = len;
    if (at > SIZE_MAX / 2 || n > SIZE_MAX / 2 - at)
        return WB__VFS_EFBIG;
    uint64_t end = at + n;
    if (n == 0)
        return 0;
    if (end > len && (e = set_len(v, f->ino, end)))
        return e;
    if (!(node = wb__vnode_mut(v, f->ino)) || wb__vdata_reserve(v, node, (size_t)end))
        return WB__VFS_ENOMEM;
    memcpy(node->data->bytes + at, buf, n);
    node->mtim = node->ctim = wb__vfs_now(v);
    *put = n;
    if (!positional)
        f->off = end;
    return 0;
}

int wb__vfs_write(wb__vfs *v, uint32_t fd, const void *buf, size_t n, size_t *put)
{
    return do_write(v, fd, buf, n, 0, 0, put);
}

int wb__vfs_pwrite(wb__vfs *v, uint32_t fd, const void *buf, size_t n, uint64_t off, size_t *put)
{
    return do_write(v, fd, buf, n, off, 1, put);
}

int wb__vfs_seek(wb__vfs *v, uint32_t fd, int64_t off, uint32_t whence, uint64_t *pos)
{
    wb__vfd *f = fd_get(v, fd);
    if (!f)
        return WB__VFS_EBADF;
    uint64_t size = 0;
    if (f->kind == WB__FD_HOST) {
        if (whence == 2 && wb__vm_size(v, f->host, &size))
            return WB__VFS_EIO;
    } else {
        wb__vnode *n = wb__vnode_get(v, f->ino);
        if (n && n->type == WB__VFS_T_DIR)
            return WB__VFS_EISDIR;
        size = n && n->data ? n->data->len : 0;
    }
    int64_t base;
    switch (whence) {
    case 0: base = 0; break;
    case 1: base = (int64_t)f->off; break;
    case 2: base = (int64_t)size; break;
    default: return WB__VFS_EINVAL;
    }
    int64_t np;
    if (__builtin_add_overflow(base, off, &np) || np < 0)
        return WB__VFS_EINVAL;
    if ((uint64_t)np != f->off) {
        if (wb__vfs_touch_fds(v))
            return WB__VFS_ENOMEM;
        v->f.fds[fd].off = (uint64_t)np;
    }
    *pos = (uint64_t)np;
    return 0;
}

int wb__vfs_fdstat(wb__vfs *v, uint32_t fd, uint8_t *filetype, uint16_t *flags, uint64_t *rights,
                   uint64_t *inheriting)
{
    wb__vfd *f = fd_get(v, fd);
    if (!f)
        return WB__VFS_EBADF;
    if (f->kind == WB__FD_HOST) {
        *filetype = f->host->type;
    } else {
        wb__vnode *n = wb__vnode_get(v, f->ino);
        *filetype = n ? n->type : 0;
    }
    *flags = f->fdflags;
    *rights = f->rights;
    *inheriting = f->inheriting;
    return 0;
}

int wb__vfs_set_fdflags(wb__vfs *v, uint32_t fd, uint16_t flags)
{
    if (!fd_get(v, fd))
        return WB__VFS_EBADF;
    if (wb__vfs_touch_fds(v))
        return WB__VFS_ENOMEM;
    v->f.fds[fd].fdflags = flags;
    return 0;
}

int wb__vfs_fstat(wb__vfs *v, uint32_t fd, wb__vfs_stat *st)
{
    wb__vfd *f = fd_get(v, fd);
    if (!f)
        return WB__VFS_EBADF;
    if (f->kind == WB__FD_HOST)
        return wb__vm_fstat(v, f->host, st);
    if (!wb__vnode_get(v, f->ino))
        return WB__VFS_EBADF;
    stat_node(v, f->ino, st);
    return 0;
}

int wb__vfs_statat(wb__vfs *v, uint32_t dirfd, uint32_t lookupflags, const char *path, size_t plen,
                 wb__vfs_stat *st)
{
    wb__vres r;
    int e = start(v, dirfd, path, plen, (lookupflags & 1) ? WB__RES_FOLLOW : 0, &r);
    if (!e && r.mnt >= 0)
        e = wb__vm_stat(v, r.mnt, r.rel, lookupflags & 1, st);
    else if (!e && !r.ino)
        e = WB__VFS_ENOENT;
    else if (!e)
        stat_node(v, r.ino, st);
    wb__vres_free(&r);
    return e;
}

int wb__vfs_ftruncate(wb__vfs *v, uint32_t fd, uint64_t size)
{
    wb__vfd *f = fd_get(v, fd);
    if (!f)
        return WB__VFS_EBADF;
    if (!(f->rights & R_FD_WRITE))
        return WB__VFS_EBADF;
    if (f->kind == WB__FD_HOST)
        return wb__vm_ftruncate(v, f->host, size);
    wb__vnode *n;
    int e = rw_node(v, f, &n, R_FD_WRITE);
    return e ? e : set_len(v, f->ino, size);
}

static int set_times(wb__vfs *v, uint32_t ino, uint64_t atim, uint64_t mtim, uint32_t flags)
{
    if (((flags & FST_ATIM) && (flags & FST_ATIM_NOW)) || ((flags & FST_MTIM) && (flags & FST_MTIM_NOW)) ||
        ((flags & ~15u) && (flags != WB__VFS_FST_MODE || atim > 07777)))
        return WB__VFS_EINVAL;
    wb__vnode *n = wb__vnode_get(v, ino);
    if (n && (n->flags & WB__N_RO))
        return WB__VFS_EROFS;
    if (!(n = wb__vnode_mut(v, ino)))
        return WB__VFS_ENOMEM;
    uint64_t now = wb__vfs_now(v);
    if (flags == WB__VFS_FST_MODE) {
        n->mode = (uint16_t)(WB__MODE_SET | atim);
        n->ctim = now;
        return 0;
    }
    if (flags & FST_ATIM)
        n->atim = atim;
    if (flags & FST_ATIM_NOW)
        n->atim = now;
    if (flags & FST_MTIM)
        n->mtim = mtim;
    if (flags & FST_MTIM_NOW)
        n->mtim = now;
    n->ctim = now;
    return 0;
}

int wb__vfs_futimes(wb__vfs *v, uint32_t fd, uint64_t atim, uint64_t mtim, uint32_t flags)
{
    wb__vfd *f = fd_get(v, fd);
    if (!f)
        return WB__VFS_EBADF;
    if (f->kind == WB__FD_HOST)
        return wb__vm_futimes(v, f->host, atim, mtim, flags);
    return set_times(v, f->ino, atim, mtim, flags);
}

int wb__vfs_utimes(wb__vfs *v, uint32_t dirfd, uint32_t lookupflags, const char *path, size_t plen,
                   uint64_t atim, uint64_t mtim, uint32_t flags)
{
    wb__vres r;
    int e = start(v, dirfd, path, plen, (lookupflags & 1) ? WB__RES_FOLLOW : 0, &r);
    if (!e && r.mnt >= 0)
        e = wb__vm_utimes(v, r.mnt, r.rel, lookupflags & 1, atim, mtim, flags);
    else if (!e && !r.ino)
        e = WB__VFS_ENOENT;
    else if (!e)
        e = set_times(v, r.ino, atim, mtim, flags);
    wb__vres_free(&r);
    return e;
}

/* One WASI dirent (24-byte header, then the name); cut short at the end of
 * the buffer, which tells libc to come back with a bigger one. */
static int put_dirent(unsigned char *buf, size_t n, size_t *used, uint64_t next, uint64_t ino, uint8_t type,
                      const char *name, uint32_t nlen)
{
    unsigned char h[24] = {0};
    memcpy(h, &next, 8);
    memcpy(h + 8, &ino, 8);
    memcpy(h + 16, &nlen, 4);
    h[20] = type;
    size_t room = n - *used, k = room < 24 ? room : 24;
    memcpy(buf + *used, h, k);
    *used += k;
    if (k < 24)
        return 1;
    room = n - *used;
    k = room < nlen ? room : nlen;
    memcpy(buf + *used, name, k);
    *used += k;
    return k < nlen;
}

int wb__vfs_readdir(wb__vfs *v, uint32_t fd, void *buf, size_t n, uint64_t cookie, size_t *used)
{
    *used = 0;
    wb__vfd *f = fd_get(v, fd);
    if (!f)
        return WB__VFS_EBADF;
    if (f->kind == WB__FD_HOST)
        return wb__vm_readdir(v, f->host, buf, n, cookie, used);
    wb__vnode *d = wb__vnode_get(v, f->ino);
    if (!d || d->type != WB__VFS_T_DIR)
        return WB__VFS_ENOTDIR;
    /* Cookies: 1 after ".", 2 after "..", then an entry's seq + 2. */
    if (cookie == 0 && put_dirent(buf, n, used, 1, f->ino, WB__VFS_T_DIR, ".", 1))
        return 0;
    if (cookie <= 1 && put_dirent(buf, n, used, 2, d->parent ? d->parent : f->ino, WB__VFS_T_DIR, "..", 2))
        return 0;
    uint64_t after = cookie > 2 ? cookie - 2 : 0;
    uint32_t lo = 0, hi = d->dir.n;
    while (lo < hi) { /* first entry with seq > after */
        uint32_t mid = lo + (hi - lo) / 2;
        if (d->dir.e[mid].seq <= after)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (uint32_t i = lo; i < d->dir.n; i++) {
        const wb__vent *e = &d->dir.e[i];
        if (!e->ino)
            continue;
        const wb__vnode *c = wb__vnode_get(v, e->ino);
        if (put_dirent(buf, n, used, e->seq + 2, e->ino, c ? c->type : 0, d->dir.names + e->off, e->len))
            return 0;
    }
    return 0;
}

int wb__vfs_mkdirat(wb__vfs *v, uint32_t dirfd, const char *path, size_t plen)
{
    wb__vres r;
    int e = start(v, dirfd, path, plen, 0, &r);
    if (e)
        goto out;
    if (r.mnt >= 0) {
        e = strcmp(r.rel, ".") ? wb__vm_mkdir(v, r.mnt, r.rel) : WB__VFS_EEXIST;
        goto out;
    }
    e = new_named(v, &r, WB__VFS_T_DIR, NULL, 0, NULL);
out:
    wb__vres_free(&r);
    return e;
}

/* Checks shared by rmdir, unlink and rename's source: the entry may go. */
static int removable(wb__vfs *v, const wb__vres *r)
{
    if (r->nlen == 0)
        return WB__VFS_EBUSY;
    wb__vnode *n = wb__vnode_get(v, r->ino);
    if (ro_dir(v, r->dir) || (n->flags & WB__N_RO))
        return WB__VFS_EROFS;
    if (n->flags & (WB__N_SYSTEM | WB__N_MOUNT))
        return WB__VFS_EBUSY;
    return 0;
}

/* Unlinks r's entry and drops the inode when nothing else holds it. */
static int drop_entry(wb__vfs *v, const wb__vres *r)
{
    int e = wb__vdir_del(v, r->dir, r->name, r->nlen);
    if (e)
        return e;
    wb__vnode *n = wb__vnode_mut(v, r->ino);
    if (!n)
        return WB__VFS_ENOMEM;
    if (n->nlink)
        n->nlink--;
    n->ctim = wb__vfs_now(v);
    wb__vnode_release(v, r->ino);
    return 0;
}

int wb__vfs_rmdirat(wb__vfs *v, uint32_t dirfd, const char *path, size_t plen)
{
    wb__vres r;
    int e = start(v, dirfd, path, plen, 0, &r);
    if (e)
        goto out;
    if (r.mnt >= 0) {
        e = strcmp(r.rel, ".") ? wb__vm_rmdir(v, r.mnt, r.rel) : WB__VFS_EBUSY;
        goto out;
    }
    if (!r.ino) {
        e = WB__VFS_ENOENT;
        goto out;
    }
    if (is_dot(&r)) {
        e = r.nlen == 1 ? WB__VFS_EINVAL : WB__VFS_ENOTEMPTY;
        goto out;
    }
    wb__vnode *n = wb__vnode_get(v, r.ino);
    if (n->type != WB__VFS_T_DIR) {
        e = WB__VFS_ENOTDIR;
        goto out;
    }
    if ((e = removable(v, &r)))
        goto out;
    if (n->dir.live) {
        e = WB__VFS_ENOTEMPTY;
        goto out;
    }
    e = drop_entry(v, &r);
out:
    wb__vres_free(&r);
    return e;
}

int wb__vfs_unlinkat(wb__vfs *v, uint32_t dirfd, const char *path, size_t plen)
{
    wb__vres r;
    int e = start(v, dirfd, path, plen, 0, &r);
    if (e)
        goto out;
    if (r.mnt >= 0) {
        e = strcmp(r.rel, ".") ? wb__vm_unlink(v, r.mnt, r.rel) : WB__VFS_EISDIR;
        goto out;
    }
    if (!r.ino) {
        e = WB__VFS_ENOENT;
        goto out;
    }
    if (is_dot(&r) || wb__vnode_get(v, r.ino)->type == WB__VFS_T_DIR) {
        e = WB__VFS_EISDIR;
        goto out;
    }
    if (!(e = removable(v, &r)))
        e = drop_entry(v, &r);
out:
    wb__vres_free(&r);
    return e;
}

/* 1 when dir is ino or lies below it. */
static int inside(wb__vfs *v, uint32_t dir, uint32_t ino)
{
    for (unsigned hops = 0; hops < 1u << 20; hops++) {
        if (dir == ino)
            return 1;
        if (dir == WB__ROOT_INO || !dir)
            return 0;
        wb__vnode *n = wb__vnode_get(v, dir);
        if (!n)
            return 0;
        dir = n->parent;
    }
    return 1;
}

int wb__vfs_renameat(wb__vfs *v, uint32_t olddir, const char *oldp, size_t olen, uint32_t newdir,
                     const char *newp, size_t nlen)
{
    wb__vres a, b;
    memset(&b, 0, sizeof b);
    int e = start(v, olddir, oldp, olen, 0, &a);
    if (!e)
        e = start(v, newdir, newp, nlen, 0, &b);
    if (e)
        goto out;
    if (a.mnt >= 0 || b.mnt >= 0) {
        /* Within one mount the host renames; across the boundary it would
         * be a copy: refused like rename(2) across filesystems. */
        if ((a.mnt >= 0 && !strcmp(a.rel, ".")) || (b.mnt >= 0 && !strcmp(b.rel, ".")))
            e = WB__VFS_EBUSY; /* the mount point itself */
        else if (a.mnt != b.mnt)
            e = WB__VFS_EXDEV;
        else
            e = wb__vm_rename(v, a.mnt, a.rel, b.rel);
        goto out;
    }
    if (!a.ino) {
        e = WB__VFS_ENOENT;
        goto out;
    }
    if (is_dot(&a) || is_dot(&b) || b.nlen == 0) {
        e = WB__VFS_EBUSY;
        goto out;
    }
    if ((e = removable(v, &a)))
        goto out;
    if (ro_dir(v, b.dir)) {
        e = WB__VFS_EROFS;
        goto out;
    }
    wb__vnode *src = wb__vnode_get(v, a.ino);
    if (b.ino == a.ino)
        goto out; /* the same file: nothing to do */
    if (b.trailing && src->type != WB__VFS_T_DIR) {
        e = WB__VFS_ENOTDIR;
        goto out;
    }
    if (src->type == WB__VFS_T_DIR && inside(v, b.dir, a.ino)) {
        e = WB__VFS_EINVAL; /* into itself */
        goto out;
    }
    if (b.ino) {
        wb__vnode *dst = wb__vnode_get(v, b.ino);
        if ((e = removable(v, &b)))
            goto out;
        if (src->type == WB__VFS_T_DIR && dst->type != WB__VFS_T_DIR) {
            e = WB__VFS_ENOTDIR;
            goto out;
        }
        if (src->type != WB__VFS_T_DIR && dst->type == WB__VFS_T_DIR) {
            e = WB__VFS_EISDIR;
            goto out;
        }
        if (dst->type == WB__VFS_T_DIR && dst->dir.live) {
            e = WB__VFS_ENOTEMPTY;
            goto out;
        }
        if ((e = drop_entry(v, &b)))
            goto out;
    }
    if ((e = wb__vdir_add(v, b.dir, b.name, b.nlen, a.ino)))
        goto out;
    if ((e = wb__vdir_del(v, a.dir, a.name, a.nlen)))
        goto out;
    wb__vnode *n = wb__vnode_mut(v, a.ino);
    if (!n) {
        e = WB__VFS_ENOMEM;
        goto out;
    }
    if (n->type == WB__VFS_T_DIR)
        n->parent = b.dir;
    n->ctim = wb__vfs_now(v);
out:
    wb__vres_free(&a);
    wb__vres_free(&b);
    return e;
}

int wb__vfs_symlinkat(wb__vfs *v, const char *target, size_t tlen, uint32_t dirfd, const char *path, size_t plen)
{
    if (tlen == 0)
        return WB__VFS_ENOENT;
    if (tlen > WB__VFS_MAX_PATH)
        return WB__VFS_ENAMETOOLONG;
    if (memchr(target, 0, tlen))
        return WB__VFS_EINVAL;
    wb__vres r;
    int e = start(v, dirfd, path, plen, 0, &r);
    if (e)
        goto out;
    if (r.mnt >= 0) {
        e = wb__vm_symlink(v, r.mnt, target, tlen, r.rel);
        goto out;
    }
    e = new_named(v, &r, WB__VFS_T_SYMLINK, target, tlen, NULL);
out:
    wb__vres_free(&r);
    return e;
}

int wb__vfs_readlinkat(wb__vfs *v, uint32_t dirfd, const char *path, size_t plen, char *buf, size_t n,
                       size_t *used)
{
    *used = 0;
    wb__vres r;
    int e = start(v, dirfd, path, plen, 0, &r);
    if (!e && r.mnt >= 0 && strcmp(r.rel, "."))
        e = wb__vm_readlink(v, r.mnt, r.rel, buf, n, used);
    else if (!e && !r.ino)
        e = WB__VFS_ENOENT;
    else if (!e) {
        wb__vnode *node = wb__vnode_get(v, r.ino);
        if (node->type != WB__VFS_T_SYMLINK || r.mnt >= 0) {
            e = WB__VFS_EINVAL;
        } else {
            size_t k = node->data->len < n ? node->data->len : n;
            memcpy(buf, node->data->bytes, k);
            *used = k;
        }
    }
    wb__vres_free(&r);
    return e;
}

int wb__vfs_renumber(wb__vfs *v, uint32_t from, uint32_t to)
{
    if (!fd_get(v, from) || !fd_get(v, to))
        return WB__VFS_EBADF;
    if (from == to)
        return 0;
    if (wb__vfs_touch_fds(v))
        return WB__VFS_ENOMEM;
    wb__vfd moved = v->f.fds[from];
    memset(&v->f.fds[from], 0, sizeof moved);
    wb__vfd old = v->f.fds[to];
    v->f.fds[to] = moved;
    if (old.host && --old.host->refs == 0)
        wb__hostfile_close(old.host);
    if (old.kind == WB__FD_NODE)
        wb__vnode_release(v, old.ino);
    return 0;
}

void wb__vfs_close_fds(wb__vfs *v)
{
    for (uint32_t i = 0; i < v->f.n; i++)
        if (v->f.fds[i].kind != WB__FD_FREE && !v->f.fds[i].preopen)
            wb__vfs_close(v, i);
}
