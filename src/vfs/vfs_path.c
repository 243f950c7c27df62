/* Path resolution in the in-memory tree: one component at a time, symlinks
 * followed (at most WB__VFS_MAX_SYMLINKS), ".." stopping at the root, and
 * the walk handed over to the host at a mount point (src/vfs/vfs_mount.c
 * confines the rest). */
#include <stdlib.h>
#include <string.h>

#include "vfs_impl.h"

void wb__vres_free(wb__vres *r)
{
    free(r->buf);
    r->buf = NULL;
}

int wb__vfs_dirfd(wb__vfs *v, uint32_t fd, uint32_t *ino)
{
    if (fd >= v->f.n || v->f.fds[fd].kind == WB__FD_FREE)
        return WB__VFS_EBADF;
    if (v->f.fds[fd].kind != WB__FD_NODE)
        return WB__VFS_ENOTSUP; /* a host dir fd: vfs_ops.c's start() joins its path instead */
    wb__vnode *n = wb__vnode_get(v, v->f.fds[fd].ino);
    if (!n || n->type != WB__VFS_T_DIR)
        return WB__VFS_ENOTDIR;
    *ino = v->f.fds[fd].ino;
    return 0;
}

/* buf becomes target + "/" + rest (rest may be empty). */
static int splice_link(wb__vres *r, const wb__vdata *target, const char *rest, size_t rlen, size_t *len)
{
    size_t tl = target ? target->len : 0;
    if (tl + 1 + rlen > WB__VFS_MAX_PATH)
        return WB__VFS_ENAMETOOLONG;
    char *nb = malloc(tl + rlen + 2);
    if (!nb)
        return WB__VFS_ENOMEM;
    if (tl)
        memcpy(nb, target->bytes, tl);
    size_t k = tl;
    if (rlen) {
        nb[k++] = '/';
        memcpy(nb + k, rest, rlen);
        k += rlen;
    }
    nb[k] = 0;
    free(r->buf);
    r->buf = nb;
    *len = k;
    return 0;
}

/* Where rel, a path below a mount, first climbs out of it (a ".." at the
 * mount folder's own level): the offset just after that "..", or 0 when
 * it never does.  Lexical: a ".." after a symlink inside the mount stays
 * the host's, where RESOLVE_BENEATH confines it. */
static size_t escape_at(const char *rel, size_t len)
{
    long depth = 0;
    size_t i = 0;
    while (i < len) {
        while (i < len && rel[i] == '/')
            i++;
        size_t s = i;
        while (i < len && rel[i] != '/')
            i++;
        size_t n = i - s;
        if (n == 0 || (n == 1 && rel[s] == '.'))
            continue;
        if (n == 2 && rel[s] == '.' && rel[s + 1] == '.') {
            if (depth == 0)
                return i;
            depth--;
            continue;
        }
        depth++;
    }
    return 0;
}

int wb__vfs_resolve(wb__vfs *v, uint32_t dirino, const char *path, size_t plen, int flags, wb__vres *r)
{
    memset(r, 0, sizeof *r);
    r->mnt = -1;
    if (plen == 0)
        return WB__VFS_ENOENT;
    if (plen > WB__VFS_MAX_PATH)
        return WB__VFS_ENAMETOOLONG;
    if (memchr(path, 0, plen))
        return WB__VFS_EINVAL;
    if (!(r->buf = malloc(plen + 1)))
        return WB__VFS_ENOMEM;
    memcpy(r->buf, path, plen);
    r->buf[plen] = 0;
    size_t len = plen, pos = 0;
    unsigned links = 0;
    uint32_t cur = dirino;
    for (;;) {
        const char *b = r->buf;
        if (pos == 0 && len > 0 && b[0] == '/')
            cur = WB__ROOT_INO;
        while (pos < len && b[pos] == '/')
            pos++;
        wb__vnode *dn = wb__vnode_get(v, cur);
        if (!dn || dn->type != WB__VFS_T_DIR)
            return WB__VFS_ENOTDIR;
        if (pos == len) { /* the path names cur itself ("/", "dir/") */
            r->dir = dn->parent;
            r->ino = cur;
            r->trailing = 1;
            if (dn->flags & WB__N_MOUNT) {
                r->mnt = dn->mount;
                r->rel = ".";
            }
            return 0;
        }
        if (dn->flags & WB__N_MOUNT) {
            size_t esc = escape_at(b + pos, len - pos);
            if (esc) { /* "mnt/../x": the rest is in the tree, from the mount's folder's parent */
                cur = dn->parent;
                pos += esc;
                continue;
            }
            r->dir = cur;
            r->mnt = dn->mount;
            r->rel = r->buf + pos;
            return 0;
        }
        size_t start = pos;
        while (pos < len && b[pos] != '/')
            pos++;
        size_t clen = pos - start, q = pos;
        if (clen > WB__VFS_MAX_NAME)
            return WB__VFS_ENAMETOOLONG;
        while (q < len && b[q] == '/')
            q++;
        int last = q == len, trailing = last && pos < len;
        const char *comp = b + start;
        if (clen == 1 && comp[0] == '.') {
            if (last) {
                r->dir = cur;
                r->ino = cur;
                r->name = comp;
                r->nlen = 1;
                return 0;
            }
            pos = q;
            continue;
        }
        if (clen == 2 && comp[0] == '.' && comp[1] == '.') {
            uint32_t up = cur == WB__ROOT_INO ? cur : dn->parent;
            if (last) {
                r->dir = up;
                r->ino = up;
                r->name = comp;
                r->nlen = 2;
                return 0;
            }
            cur = up;
            pos = q;
            continue;
        }
        uint32_t child = wb__vdir_find(&dn->dir, comp, clen);
        if (!child) {
            if (!last)
                return WB__VFS_ENOENT;
            r->dir = cur;
            r->name = comp;
            r->nlen = clen;
            r->trailing = trailing;
            return 0;
        }
        wb__vnode *cn = wb__vnode_get(v, child);
        if (!cn)
            return WB__VFS_EIO;
        if (cn->type == WB__VFS_T_SYMLINK && (!last || trailing || (flags & WB__RES_FOLLOW))) {
            if (++links > WB__VFS_MAX_SYMLINKS)
                return WB__VFS_ELOOP;
            /* A trailing slash keeps its meaning after the target. */
            const char *rest = b + q;
            size_t rlen = len - q;
            int e = splice_link(r, cn->data, trailing ? "." : rest, trailing ? 1 : rlen, &len);
            if (e)
                return e;
            if (len == 0)
                return WB__VFS_ENOENT;
            pos = 0;
            continue;
        }
        if (last) {
            r->dir = cur;
            r->name = comp;
            r->nlen = clen;
            r->ino = child;
            r->trailing = trailing;
            if (trailing && cn->type != WB__VFS_T_DIR)
                return WB__VFS_ENOTDIR;
            if (cn->flags & WB__N_MOUNT) {
                r->mnt = cn->mount;
                r->rel = ".";
            }
            return 0;
        }
        if (cn->type != WB__VFS_T_DIR)
            return WB__VFS_ENOTDIR;
        cur = child;
        pos = q;
    }
}
