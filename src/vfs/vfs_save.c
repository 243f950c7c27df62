/* Saving, loading and cloning a VFS (sessions, snapshots, fork).
 *
 * Format (little-endian), version 1:
 *   "WBVFS\0\0\0"  u32 version  u32 table size  u32 fd count
 *   per inode slot 1..size-1: u8 present; when present
 *     u8 type, u8 flags, u16 mode (0x8000 | permission bits, or 0: the
 *     type's default; files from before modes have 0), u32 nlink, u32 parent,
 *     u64 atim, mtim, ctim, then
 *     file/symlink: u64 length, the bytes
 *     directory:    u64 next_seq, u32 entries, per entry u64 seq, u32 ino,
 *                   u16 name length, the name
 *   per fd 0..count-1: u8 kind; for an inode fd u8 preopen, u16 fdflags,
 *     u32 ino, u64 offset, u64 rights, u64 inheriting
 *
 * Loading trusts nothing: it reads a file from disk that anyone may have
 * edited.  Every length is checked against what is left, every inode
 * reference against the table, every name for '/', NUL, "." and "..";
 * the tree must hang together (each directory in exactly one directory,
 * its parent field naming it, every file's link count matching the
 * entries naming it, nothing unreachable but files an fd still holds),
 * and the totals must fit the loading sandbox's quotas.  The new state is
 * built on the side and swapped in only when all of it checked out. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vfs_impl.h"

#define MAGIC "WBVFS\0\0\0"
#define VERSION 1u

/* ---------------------------------------------------------------- save */

typedef struct {
    wb__buf *b;
    int err;
} writer;

static void put(writer *w, const void *p, size_t n)
{
    if (!w->err && wb__buf_append(w->b, p, n))
        w->err = ENOMEM;
}
static void put8(writer *w, uint8_t v) { put(w, &v, 1); }
static void put16(writer *w, uint16_t v) { put(w, &v, 2); }
static void put32(writer *w, uint32_t v) { put(w, &v, 4); }
static void put64(writer *w, uint64_t v) { put(w, &v, 8); }

int wb__vfs_save(const wb__vfs *v, wb__buf *out)
{
    size_t before = out->len;
    writer w = { out, 0 };
    put(&w, MAGIC, 8);
    put32(&w, VERSION);
    put32(&w, v->t.nnodes);
    put32(&w, v->f.n);
    for (uint32_t i = 1; i < v->t.nnodes; i++) {
        const wb__vnode *n = v->t.nodes[i];
        put8(&w, n != NULL);
        if (!n)
            continue;
        put8(&w, n->type);
        put8(&w, n->flags);
        put16(&w, n->mode);
        put32(&w, n->nlink);
        put32(&w, n->parent);
        put64(&w, n->atim);
        put64(&w, n->mtim);
        put64(&w, n->ctim);
        if (n->type == WB__VFS_T_DIR) {
            put64(&w, n->dir.next_seq);
            put32(&w, n->dir.live);
            for (uint32_t k = 0; k < n->dir.n; k++) {
                const wb__vent *e = &n->dir.e[k];
                if (!e->ino)
                    continue;
                put64(&w, e->seq);
                put32(&w, e->ino);
                put16(&w, (uint16_t)e->len);
                put(&w, n->dir.names + e->off, e->len);
            }
        } else {
            size_t len = n->data ? n->data->len : 0;
            put64(&w, len);
            if (len)
                put(&w, n->data->bytes, len);
        }
    }
    for (uint32_t i = 0; i < v->f.n; i++) {
        const wb__vfd *f = &v->f.fds[i];
        /* Host files are not saved: their fd reads as closed after a load. */
        uint8_t kind = f->kind == WB__FD_NODE ? WB__FD_NODE : WB__FD_FREE;
        put8(&w, kind);
        if (kind != WB__FD_NODE)
            continue;
        put8(&w, f->preopen);
        put16(&w, f->fdflags);
        put32(&w, f->ino);
        put64(&w, f->off);
        put64(&w, f->rights);
        put64(&w, f->inheriting);
    }
    if (w.err) {
        out->len = before;
        if (out->data)
            out->data[before] = 0;
    }
    return w.err;
}

/* ---------------------------------------------------------------- load */

typedef struct {
    const unsigned char *p;
    size_t left;
    int bad;
} reader;

static int get(reader *r, void *dst, size_t n)
{
    if (r->bad || r->left < n) {
        r->bad = 1;
        memset(dst, 0, n);
        return -1;
    }
    memcpy(dst, r->p, n);
    r->p += n;
    r->left -= n;
    return 0;
}
static uint8_t get8(reader *r) { uint8_t v; get(r, &v, 1); return v; }
static uint16_t get16(reader *r) { uint16_t v; get(r, &v, 2); return v; }
static uint32_t get32(reader *r) { uint32_t v; get(r, &v, 4); return v; }
static uint64_t get64(reader *r) { uint64_t v; get(r, &v, 8); return v; }

static int bad(wb__vfs *v, const char *fmt, uint64_t a, uint64_t b)
{
    char m[256];
    snprintf(m, sizeof m, fmt, (unsigned long long)a, (unsigned long long)b);
    wb__vfs_seterr(v, "saved filesystem is corrupt: %s", m);
    return EINVAL;
}

/* Reads the nodes into t (a side table the caller frees). */
static int read_nodes(wb__vfs *v, reader *r, wb__vfs *side)
{
    wb__vtree *t = &side->t;
    for (uint32_t i = 1; i < t->nnodes; i++) {
        uint8_t present = get8(r);
        if (r->bad)
            return bad(v, "it ends inside inode %llu%.0llu", i, 0);
        if (present > 1)
            return bad(v, "inode %llu has presence byte %llu", i, present);
        if (!present)
            continue;
        wb__vnode *n = calloc(1, sizeof *n);
        if (!n)
            return ENOMEM;
        t->nodes[i] = n;
        n->refs = 1;
        n->type = get8(r);
        n->flags = get8(r);
        n->mode = get16(r) & (WB__MODE_SET | 07777);
        n->nlink = get32(r);
        n->parent = get32(r);
        n->atim = get64(r);
        n->mtim = get64(r);
        n->ctim = get64(r);
        if (r->bad)
            return bad(v, "it ends inside inode %llu%.0llu", i, 0);
        if (n->type != WB__VFS_T_DIR && n->type != WB__VFS_T_FILE && n->type != WB__VFS_T_SYMLINK)
            return bad(v, "inode %llu has type %llu", i, n->type);
        if (n->flags & ~(WB__N_RO | WB__N_SYSTEM | WB__N_MOUNT))
            return bad(v, "inode %llu has flags %llu", i, n->flags);
        n->flags &= (uint8_t)~WB__N_MOUNT; /* mounts are the loading sandbox's */
        if (n->type != WB__VFS_T_DIR) {
            uint64_t len = get64(r);
            if (r->bad || len > r->left)
                return bad(v, "file inode %llu claims %llu bytes that are not there", i, len);
            if (n->type == WB__VFS_T_SYMLINK && (len == 0 || len > WB__VFS_MAX_PATH || memchr(r->p, 0, (size_t)len)))
                return bad(v, "symlink inode %llu has a target of %llu bytes (1 to 4096, no NUL)", i, len);
            if (wb__vdata_reserve(side, n, (size_t)len + 1))
                return ENOMEM;
            get(r, n->data->bytes, (size_t)len);
            n->data->len = (size_t)len;
            if (!(n->flags & WB__N_SYSTEM))
                t->bytes += len;
        } else {
            uint64_t mtim = n->mtim, ctim = n->ctim;
            uint64_t next = get64(r);
            uint32_t count = get32(r);
            /* Each entry takes at least 15 bytes: a count beyond what is
             * left cannot be real (and would make us allocate for it). */
            if (r->bad || count > r->left / 15)
                return bad(v, "directory inode %llu claims %llu entries that are not there", i, count);
            uint64_t last = 0;
            for (uint32_t k = 0; k < count; k++) {
                uint64_t seq = get64(r);
                uint32_t ino = get32(r);
                uint16_t len = get16(r);
                if (r->bad || len > r->left)
                    return bad(v, "directory inode %llu ends inside entry %llu", i, k);
                const char *name = (const char *)r->p;
                r->p += len;
                r->left -= len;
                if (len == 0 || len > WB__VFS_MAX_NAME || memchr(name, '/', len) || memchr(name, 0, len) ||
                    (len == 1 && name[0] == '.') || (len == 2 && name[0] == '.' && name[1] == '.'))
                    return bad(v, "directory inode %llu, entry %llu: the name is not allowed", i, k);
                if (seq <= last || seq > next)
                    return bad(v, "directory inode %llu, entry %llu: entries out of order", i, k);
                last = seq;
                if (ino == 0 || ino == WB__ROOT_INO || ino >= t->nnodes)
                    return bad(v, "directory inode %llu names inode %llu, which cannot be", i, ino);
                if (wb__vdir_find(&n->dir, name, len))
                    return bad(v, "directory inode %llu holds entry %llu's name twice", i, k);
                int e = wb__vdir_add(side, i, name, len, ino);
                if (e)
                    return e == WB__VFS_ENOMEM ? ENOMEM : bad(v, "directory inode %llu: entry %llu", i, k);
                n = t->nodes[i];
                n->dir.e[n->dir.n - 1].seq = seq;
            }
            n->dir.next_seq = next;
            n->mtim = mtim; /* adding the entries touched them */
            n->ctim = ctim;
        }
        if (!(n->flags & WB__N_SYSTEM))
            t->files++;
    }
    return 0;
}

/* The tree hangs together; see the comment at the top. */
static int check_tree(wb__vfs *v, wb__vfs *side)
{
    wb__vtree *t = &side->t;
    uint32_t nn = t->nnodes;
    wb__vnode *root = wb__vnode_get(side, WB__ROOT_INO);
    if (!root || root->type != WB__VFS_T_DIR || root->parent != WB__ROOT_INO)
        return bad(v, "inode 1 is not the root directory%.0llu%.0llu", 0, 0);
    uint32_t *links = calloc(nn, sizeof *links);
    if (!links)
        return ENOMEM;
    int e = 0;
    for (uint32_t i = 1; i < nn && !e; i++) {
        wb__vnode *n = t->nodes[i];
        if (!n || n->type != WB__VFS_T_DIR)
            continue;
        for (uint32_t k = 0; k < n->dir.n && !e; k++) {
            uint32_t c = n->dir.e[k].ino;
            wb__vnode *cn = c ? t->nodes[c] : NULL;
            if (!c)
                continue;
            if (!cn)
                e = bad(v, "directory inode %llu names inode %llu, which is not there", i, c);
            else if (cn->type == WB__VFS_T_DIR && (links[c] || cn->parent != i))
                e = bad(v, "directory inode %llu appears twice or under the wrong parent (%llu)", c, i);
            else
                links[c]++;
        }
    }
    for (uint32_t i = 2; i < nn && !e; i++) {
        wb__vnode *n = t->nodes[i];
        if (!n)
            continue;
        if (n->nlink != links[i])
            e = bad(v, "inode %llu has link count %llu but a different number of names", i, n->nlink);
        else if (n->type == WB__VFS_T_DIR && links[i] != 1)
            e = bad(v, "directory inode %llu is not in exactly one directory%.0llu", i, 0);
    }
    /* Every directory reaches the root (no cycles among the parents). */
    for (uint32_t i = 2; i < nn && !e; i++) {
        wb__vnode *n = t->nodes[i];
        if (!n || n->type != WB__VFS_T_DIR)
            continue;
        uint32_t d = i, hops = 0;
        while (d != WB__ROOT_INO && hops++ <= nn)
            d = t->nodes[d] ? t->nodes[d]->parent : WB__ROOT_INO;
        if (d != WB__ROOT_INO || hops > nn)
            e = bad(v, "directory inode %llu is cut off from the root%.0llu", i, 0);
    }
    free(links);
    return e;
}

static int read_fds(wb__vfs *v, reader *r, wb__vfs *side, uint32_t count)
{
    if (count > WB__VFS_MAX_FDS)
        return bad(v, "%llu fds (at most %llu)", count, WB__VFS_MAX_FDS);
    side->f.n = count > 16 ? count : 16;
    if (!(side->f.fds = calloc(side->f.n, sizeof *side->f.fds)))
        return ENOMEM;
    for (uint32_t i = 0; i < count; i++) {
        wb__vfd *f = &side->f.fds[i];
        uint8_t kind = get8(r);
        if (kind == WB__FD_FREE)
            continue;
        if (kind != WB__FD_NODE || i < 3)
            return bad(v, "fd %llu has kind %llu", i, kind);
        f->kind = kind;
        f->preopen = get8(r);
        f->fdflags = get16(r);
        f->ino = get32(r);
        f->off = get64(r);
        f->rights = get64(r);
        f->inheriting = get64(r);
        if (r->bad)
            return bad(v, "it ends inside fd %llu%.0llu", i, 0);
        if (f->preopen > 1 || (f->preopen && f->ino != WB__ROOT_INO) || !wb__vnode_get(side, f->ino))
            return bad(v, "fd %llu refers to inode %llu, which is not there", i, f->ino);
    }
    if (r->bad)
        return bad(v, "it ends inside the fd table (%llu fds)%.0llu", count, 0);
    /* Inodes without a name must be held by an fd (an open, unlinked file). */
    for (uint32_t i = 2; i < side->t.nnodes; i++) {
        wb__vnode *n = side->t.nodes[i];
        int held = 0;
        for (uint32_t k = 0; n && !n->nlink && k < side->f.n && !held; k++)
            held = side->f.fds[k].kind == WB__FD_NODE && side->f.fds[k].ino == i;
        if (n && !n->nlink && !held)
            return bad(v, "inode %llu has no name and no fd holds it%.0llu", i, 0);
    }
    return 0;
}

/* /workspace, /tmp and /tools are there, and the loading sandbox's /tools
 * documents replace the saved ones. */
static int adopt_tools(wb__vfs *v, wb__vfs *side)
{
    static const char *const docs[] = { "README.md", "tools.d.ts" };
    wb__vnode *mine = wb__vnode_get(v, WB__ROOT_INO), *theirs = wb__vnode_get(side, WB__ROOT_INO);
    uint32_t my_tools = wb__vdir_find(&mine->dir, "tools", 5), their_tools = wb__vdir_find(&theirs->dir, "tools", 5);
    wb__vnode *mt = wb__vnode_get(v, my_tools), *tt = wb__vnode_get(side, their_tools);
    static const char *const sys[] = { "workspace", "tmp", "tools" };
    for (size_t i = 0; i < 3; i++) {
        wb__vnode *d = wb__vnode_get(side, wb__vdir_find(&theirs->dir, sys[i], strlen(sys[i])));
        if (!d || d->type != WB__VFS_T_DIR || !(d->flags & WB__N_SYSTEM) || ((d->flags & WB__N_RO) != 0) != (i == 2))
            return bad(v, "a system folder (/workspace, /tmp or /tools) is missing or changed (number %llu)%.0llu", i, 0);
    }
    if (!tt)
        return bad(v, "it has no /tools folder%.0llu%.0llu", 0, 0);
    for (size_t i = 0; mt && i < 2; i++) {
        size_t len = strlen(docs[i]);
        wb__vnode *src = wb__vnode_get(v, wb__vdir_find(&mt->dir, docs[i], len));
        uint32_t dst_ino = wb__vdir_find(&tt->dir, docs[i], len);
        wb__vnode *dst = wb__vnode_get(side, dst_ino);
        if (!src || !dst || dst->type != WB__VFS_T_FILE || !(dst->flags & WB__N_SYSTEM))
            return bad(v, "/tools/README.md or /tools/tools.d.ts is missing%.0llu%.0llu", 0, 0);
        wb__vdata *old = dst->data;
        dst->data = src->data;
        if (dst->data)
            dst->data->refs++;
        if (old && --old->refs == 0) {
            free(old->bytes);
            free(old);
        }
    }
    return 0;
}

int wb__vfs_load(wb__vfs *v, const void *p, size_t n)
{
    reader r = { p, n, 0 };
    char magic[8];
    if (get(&r, magic, 8) || memcmp(magic, MAGIC, 8))
        return bad(v, "it does not start with the VFS magic (%llu bytes given)%.0llu", n, 0);
    uint32_t version = get32(&r), nnodes = get32(&r), nfds = get32(&r);
    if (r.bad)
        return bad(v, "the header is cut short%.0llu%.0llu", 0, 0);
    if (version != VERSION)
        return bad(v, "format version %llu, this build reads version %llu", version, VERSION);
    /* Each inode slot takes at least a byte: more slots than bytes left
     * cannot be real. */
    if (nnodes < 2 || nnodes - 1 > r.left || nnodes > (1u << 30))
        return bad(v, "an inode table of %llu entries in %llu bytes", nnodes, r.left);
    wb__vfs side;
    memset(&side, 0, sizeof side);
    side.quota_bytes = v->quota_bytes;
    side.quota_files = (uint64_t)-1; /* checked below, after counting */
    side.fixed_clock = v->fixed_clock;
    side.clock_ms = v->clock_ms;
    side.t.cap = nnodes;
    side.t.nnodes = nnodes;
    int e = 0;
    if (!(side.t.nodes = calloc(nnodes, sizeof *side.t.nodes)))
        e = ENOMEM;
    if (!e)
        e = read_nodes(v, &r, &side);
    if (!e)
        e = check_tree(v, &side);
    if (!e)
        e = read_fds(v, &r, &side, nfds);
    if (!e && r.left)
        e = bad(v, "%llu bytes follow the end%.0llu", r.left, 0);
    if (!e && (side.t.bytes > v->quota_bytes || side.t.files > v->quota_files)) {
        wb__vfs_seterr(v, "the saved files (%llu bytes, %llu files) do not fit this sandbox's quota (%llu bytes, "
                       "%llu files): raise it with wb_config_set_fs_quota() or --fs-quota",
                       (unsigned long long)side.t.bytes, (unsigned long long)side.t.files,
                       (unsigned long long)v->quota_bytes, (unsigned long long)v->quota_files);
        e = EINVAL;
    }
    if (!e)
        e = adopt_tools(v, &side);
    for (size_t i = 0; !e && i < v->nmounts; i++) {
        char msg[256];
        side.mounts = v->mounts;
        side.nmounts = v->nmounts;
        if (wb__vfs_graft_mount(&side, v->mounts[i].guest, (uint16_t)i, msg, sizeof msg)) {
            wb__vfs_seterr(v, "the saved files do not fit this sandbox's mounts: %s", msg);
            e = EINVAL;
        }
    }
    if (e) {
        if (e == ENOMEM)
            wb__vfs_seterr(v, "out of host memory loading the saved filesystem");
        wb__vtree_free(&side.t);
        wb__vfds_free(&side.f);
        return e;
    }
    wb__vfs_commit(v);
    wb__vtree_free(&v->t);
    wb__vfds_free(&v->f);
    v->t = side.t;
    v->f = side.f;
    v->t.free_hint = 0;
    return 0;
}

/* ---------------------------------------------------------------- clone */

int wb__vfs_clone(const wb__vfs *v, wb__vfs **out)
{
    *out = NULL;
    wb__vfs *c = calloc(1, sizeof *c);
    if (!c)
        return ENOMEM;
    c->quota_bytes = v->quota_bytes;
    c->quota_files = v->quota_files;
    c->fixed_clock = v->fixed_clock;
    c->clock_ms = v->clock_ms;
    if (wb__vtree_copy(&v->t, &c->t)) {
        free(c);
        return ENOMEM;
    }
    if (wb__vfds_copy(&v->f, &c->f)) {
        wb__vtree_free(&c->t);
        free(c);
        return ENOMEM;
    }
    if (v->nmounts && !(c->mounts = calloc(v->nmounts, sizeof *c->mounts))) {
        wb__vfs_free(c);
        return ENOMEM;
    }
    for (size_t i = 0; i < v->nmounts; i++) {
        wb__vmount *m = &c->mounts[i];
        m->dirfd = -1;
        c->nmounts = i + 1;
        m->host = strdup(v->mounts[i].host);
        m->guest = strdup(v->mounts[i].guest);
        m->writable = v->mounts[i].writable;
        if (!m->host || !m->guest || (m->dirfd = dup(v->mounts[i].dirfd)) < 0) {
            wb__vfs_free(c);
            return ENOMEM;
        }
    }
    *out = c;
    return 0;
}
