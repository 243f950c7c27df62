/* The VFS's tree: the inode table, copy-on-write of shared inodes,
 * directories, quotas and the run transaction. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "vfs_impl.h"

uint64_t wb__vfs_now(const wb__vfs *v)
{
    if (v->fixed_clock)
        return (uint64_t)v->clock_ms * 1000000u;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void wb__vfs_seterr(wb__vfs *v, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(v->err, sizeof v->err, fmt, ap);
    va_end(ap);
}

const char *wb__vfs_errmsg(const wb__vfs *v)
{
    return v ? v->err : "no filesystem";
}

/* ---------------------------------------------------------------- nodes */

wb__vnode *wb__vnode_get(const wb__vfs *v, uint32_t ino)
{
    return ino && ino < v->t.nnodes ? v->t.nodes[ino] : NULL;
}

static void vdata_unref(wb__vdata *d)
{
    if (d && --d->refs == 0) {
        free(d->bytes);
        free(d);
    }
}

static void vdir_free(wb__vdir *d)
{
    free(d->e);
    free(d->names);
    free(d->index);
    memset(d, 0, sizeof *d);
}

void wb__vnode_unref(wb__vnode *n)
{
    if (!n || --n->refs)
        return;
    vdata_unref(n->data);
    vdir_free(&n->dir);
    free(n);
}

static int vdir_copy(const wb__vdir *from, wb__vdir *to)
{
    memset(to, 0, sizeof *to);
    to->n = to->cap = from->n;
    to->live = from->live;
    to->names_len = to->names_cap = from->names_len;
    to->next_seq = from->next_seq;
    to->index_cap = from->index_cap;
    if ((from->n && !(to->e = malloc(from->n * sizeof *to->e))) ||
        (from->names_len && !(to->names = malloc(from->names_len))) ||
        (from->index && !(to->index = malloc(from->index_cap * sizeof *to->index)))) {
        vdir_free(to);
        return ENOMEM;
    }
    if (from->n)
        memcpy(to->e, from->e, from->n * sizeof *to->e);
    if (from->names_len)
        memcpy(to->names, from->names, from->names_len);
    if (from->index)
        memcpy(to->index, from->index, from->index_cap * sizeof *to->index);
    return 0;
}

wb__vnode *wb__vnode_mut(wb__vfs *v, uint32_t ino)
{
    wb__vnode *n = wb__vnode_get(v, ino);
    if (!n || wb__vfs_touch_tree(v))
        return NULL;
    n = v->t.nodes[ino];
    if (n->refs == 1)
        return n;
    wb__vnode *c = malloc(sizeof *c);
    if (!c)
        return NULL;
    *c = *n;
    c->refs = 1;
    if (n->type == WB__VFS_T_DIR && vdir_copy(&n->dir, &c->dir)) {
        free(c);
        return NULL;
    }
    if (c->data)
        c->data->refs++;
    n->refs--;
    v->t.nodes[ino] = c;
    return c;
}

int wb__vdata_reserve(wb__vfs *v, wb__vnode *n, size_t cap)
{
    (void)v;
    wb__vdata *d = n->data;
    if (d && d->refs == 1 && d->cap >= cap)
        return 0;
    size_t ncap = d && d->refs == 1 ? d->cap : 0;
    if (ncap < cap) {
        ncap = ncap ? ncap : 64;
        while (ncap < cap)
            ncap = ncap > SIZE_MAX / 2 ? cap : ncap * 2;
    }
    if (d && d->refs == 1) {
        unsigned char *b = realloc(d->bytes, ncap);
        if (!b)
            return ENOMEM;
        d->bytes = b;
        d->cap = ncap;
        return 0;
    }
    wb__vdata *nd = calloc(1, sizeof *nd);
    if (!nd || !(nd->bytes = malloc(ncap ? ncap : 1))) {
        free(nd);
        return ENOMEM;
    }
    nd->refs = 1;
    nd->cap = ncap;
    /* The contents up to cap are kept (a shrinking caller sets len). */
    nd->len = d ? (d->len < ncap ? d->len : ncap) : 0;
    if (d) {
        memcpy(nd->bytes, d->bytes, nd->len);
        vdata_unref(d);
    }
    n->data = nd;
    return 0;
}

uint16_t wb__vnode_mode(const wb__vnode *n)
{
    uint16_t m = (n->mode & WB__MODE_SET) ? (uint16_t)(n->mode & 07777)
                 : n->type == WB__VFS_T_DIR ? 0755 : n->type == WB__VFS_T_SYMLINK ? 0777 : 0644;
    return (n->flags & WB__N_RO) ? (uint16_t)(m & ~0222) : m;
}

int wb__vnode_new(wb__vfs *v, uint8_t type, uint8_t flags, uint32_t *ino)
{
    wb__vtree *t = &v->t;
    if (!(flags & WB__N_SYSTEM) && t->files >= v->quota_files) {
        wb__vfs_seterr(v, "file quota reached: the sandbox holds %llu files and directories, the most allowed "
                       "(wb_config_set_fs_quota() or --fs-quota); remove some first",
                       (unsigned long long)t->files);
        return WB__VFS_EDQUOT;
    }
    if (wb__vfs_touch_tree(v))
        return WB__VFS_ENOMEM;
    uint32_t i = t->free_hint ? t->free_hint : 2;
    while (i < t->nnodes && t->nodes[i])
        i++;
    if (t->nnodes == 0)
        i = 1;
    if (i >= t->cap) {
        uint32_t ncap = t->cap ? t->cap * 2 : 64;
        if (ncap > (1u << 30))
            return WB__VFS_ENOSPC;
        wb__vnode **nn = realloc(t->nodes, ncap * sizeof *nn);
        if (!nn)
            return WB__VFS_ENOMEM;
        memset(nn + t->cap, 0, (ncap - t->cap) * sizeof *nn);
        t->nodes = nn;
        t->cap = ncap;
    }
    wb__vnode *n = calloc(1, sizeof *n);
    if (!n)
        return WB__VFS_ENOMEM;
    n->refs = 1;
    n->type = type;
    n->flags = flags;
    n->atim = n->mtim = n->ctim = wb__vfs_now(v);
    t->nodes[i] = n;
    if (i >= t->nnodes)
        t->nnodes = i + 1;
    t->free_hint = i + 1;
    if (!(flags & WB__N_SYSTEM))
        t->files++;
    *ino = i;
    return 0;
}

static int fd_holds(const wb__vfs *v, uint32_t ino)
{
    for (uint32_t i = 0; i < v->f.n; i++)
        if (v->f.fds[i].kind == WB__FD_NODE && v->f.fds[i].ino == ino)
            return 1;
    return 0;
}

void wb__vnode_release(wb__vfs *v, uint32_t ino)
{
    wb__vnode *n = wb__vnode_get(v, ino);
    if (!n || n->nlink > 0 || fd_holds(v, ino) || wb__vfs_touch_tree(v))
        return;
    if (!(n->flags & WB__N_SYSTEM)) {
        v->t.files--;
        if (n->data)
            v->t.bytes -= n->data->len;
    }
    wb__vnode_unref(n);
    v->t.nodes[ino] = NULL;
    if (ino < v->t.free_hint || v->t.free_hint == 0)
        v->t.free_hint = ino;
}

/* ---------------------------------------------------------------- directories */

static uint32_t name_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static int ent_is(const wb__vdir *d, const wb__vent *e, const char *name, size_t len, uint32_t h)
{
    return e->ino && e->hash == h && e->len == len && memcmp(d->names + e->off, name, len) == 0;
}

uint32_t wb__vdir_find(const wb__vdir *d, const char *name, size_t len)
{
    uint32_t h = name_hash(name, len);
    if (!d->index) {
        for (uint32_t i = 0; i < d->n; i++)
            if (ent_is(d, &d->e[i], name, len, h))
                return d->e[i].ino;
        return 0;
    }
    uint32_t mask = d->index_cap - 1;
    for (uint32_t k = h & mask;; k = (k + 1) & mask) {
        uint32_t x = d->index[k];
        if (!x)
            return 0;
        if (ent_is(d, &d->e[x - 1], name, len, h))
            return d->e[x - 1].ino;
    }
}

/* Rebuilds the arrays without tombstones and the hash index for them. */
static int vdir_compact(wb__vdir *d, uint32_t want)
{
    uint32_t live = d->live, cap = 8;
    while (cap < (live + want) * 2)
        cap *= 2;
    uint32_t names = 0;
    for (uint32_t i = 0; i < d->n; i++)
        if (d->e[i].ino)
            names += d->e[i].len;
    wb__vent *e = malloc((live + want + 8) * sizeof *e);
    char *nm = malloc(names + want * 32 + 64);
    uint32_t *ix = live + want > 16 ? calloc(cap, sizeof *ix) : NULL;
    if (!e || !nm || (live + want > 16 && !ix)) {
        free(e);
        free(nm);
        free(ix);
        return ENOMEM;
    }
    uint32_t k = 0, off = 0;
    for (uint32_t i = 0; i < d->n; i++) {
        if (!d->e[i].ino)
            continue;
        e[k] = d->e[i];
        memcpy(nm + off, d->names + d->e[i].off, d->e[i].len);
        e[k].off = off;
        off += e[k].len;
        if (ix) {
            uint32_t j = e[k].hash & (cap - 1);
            while (ix[j])
                j = (j + 1) & (cap - 1);
            ix[j] = k + 1;
        }
        k++;
    }
    free(d->e);
    free(d->names);
    free(d->index);
    d->e = e;
    d->n = k;
    d->cap = live + want + 8;
    d->names = nm;
    d->names_len = off;
    d->names_cap = names + want * 32 + 64;
    d->index = ix;
    d->index_cap = ix ? cap : 0;
    return 0;
}

int wb__vdir_add(wb__vfs *v, uint32_t dir, const char *name, size_t len, uint32_t ino)
{
    wb__vnode *dn = wb__vnode_mut(v, dir);
    if (!dn)
        return WB__VFS_ENOMEM;
    wb__vdir *d = &dn->dir;
    if (d->n == UINT32_MAX - 1 || len > WB__VFS_MAX_NAME)
        return WB__VFS_ENOSPC;
    /* Full, or more than half tombstones, or big enough to want an index. */
    if (d->n + 1 > d->cap || (d->live + 1 > 16 && !d->index) ||
        (d->index && (d->n + 1) * 2 > d->index_cap) || d->names_len + len > d->names_cap) {
        uint32_t want = d->live / 2 + 1;
        if (vdir_compact(d, want + (uint32_t)len / 32 + 1))
            return WB__VFS_ENOMEM;
        while (d->names_len + len > d->names_cap) {
            char *nm = realloc(d->names, d->names_cap * 2 + len);
            if (!nm)
                return WB__VFS_ENOMEM;
            d->names = nm;
            d->names_cap = d->names_cap * 2 + (uint32_t)len;
        }
    }
    wb__vent *e = &d->e[d->n];
    e->seq = ++d->next_seq;
    e->ino = ino;
    e->hash = name_hash(name, len);
    e->off = d->names_len;
    e->len = (uint32_t)len;
    memcpy(d->names + d->names_len, name, len);
    d->names_len += (uint32_t)len;
    if (d->index) {
        uint32_t j = e->hash & (d->index_cap - 1);
        while (d->index[j])
            j = (j + 1) & (d->index_cap - 1);
        d->index[j] = d->n + 1;
    }
    d->n++;
    d->live++;
    dn->mtim = dn->ctim = wb__vfs_now(v);
    return 0;
}

int wb__vdir_del(wb__vfs *v, uint32_t dir, const char *name, size_t len)
{
    wb__vnode *dn = wb__vnode_mut(v, dir);
    if (!dn)
        return WB__VFS_ENOMEM;
    wb__vdir *d = &dn->dir;
    uint32_t h = name_hash(name, len);
    for (uint32_t i = 0; i < d->n; i++) {
        if (ent_is(d, &d->e[i], name, len, h)) {
            /* A tombstone keeps the hash chains intact. */
            d->e[i].ino = 0;
            d->live--;
            dn->mtim = dn->ctim = wb__vfs_now(v);
            return 0;
        }
    }
    return WB__VFS_ENOENT;
}

/* ---------------------------------------------------------------- copies */

int wb__vtree_copy(const wb__vtree *from, wb__vtree *to)
{
    *to = *from;
    to->nodes = malloc((from->cap ? from->cap : 1) * sizeof *to->nodes);
    if (!to->nodes)
        return ENOMEM;
    memcpy(to->nodes, from->nodes, from->cap * sizeof *to->nodes);
    for (uint32_t i = 0; i < from->nnodes; i++)
        if (to->nodes[i])
            to->nodes[i]->refs++;
    return 0;
}

void wb__vtree_free(wb__vtree *t)
{
    for (uint32_t i = 0; i < t->nnodes; i++)
        wb__vnode_unref(t->nodes[i]);
    free(t->nodes);
    memset(t, 0, sizeof *t);
}

int wb__vfds_copy(const wb__vfds *from, wb__vfds *to)
{
    to->n = from->n;
    to->fds = malloc((from->n ? from->n : 1) * sizeof *to->fds);
    if (!to->fds)
        return ENOMEM;
    memcpy(to->fds, from->fds, from->n * sizeof *to->fds);
    for (uint32_t i = 0; i < from->n; i++)
        if (to->fds[i].host)
            to->fds[i].host->refs++;
    return 0;
}

void wb__vfds_free(wb__vfds *f)
{
    for (uint32_t i = 0; i < f->n; i++) {
        wb__hostfile *h = f->fds[i].host;
        if (h && --h->refs == 0)
            wb__hostfile_close(h);
    }
    free(f->fds);
    f->fds = NULL;
    f->n = 0;
}

/* ---------------------------------------------------------------- runs */

int wb__vfs_touch_tree(wb__vfs *v)
{
    if (!v->txn || v->have_tree_undo)
        return 0;
    if (wb__vtree_copy(&v->t, &v->undo_t))
        return ENOMEM;
    v->have_tree_undo = 1;
    return 0;
}

int wb__vfs_touch_fds(wb__vfs *v)
{
    if (!v->txn || v->have_fd_undo)
        return 0;
    if (wb__vfds_copy(&v->f, &v->undo_f))
        return ENOMEM;
    v->have_fd_undo = 1;
    return 0;
}

int wb__vfs_begin(wb__vfs *v)
{
    wb__vfs_commit(v);
    v->txn = 1;
    return 0;
}

void wb__vfs_commit(wb__vfs *v)
{
    if (v->have_tree_undo)
        wb__vtree_free(&v->undo_t);
    if (v->have_fd_undo)
        wb__vfds_free(&v->undo_f);
    v->have_tree_undo = v->have_fd_undo = 0;
    v->txn = 0;
}

void wb__vfs_rollback(wb__vfs *v)
{
    if (v->have_tree_undo) {
        wb__vtree_free(&v->t);
        v->t = v->undo_t;
        memset(&v->undo_t, 0, sizeof v->undo_t);
    }
    if (v->have_fd_undo) {
        wb__vfds_free(&v->f);
        v->f = v->undo_f;
        memset(&v->undo_f, 0, sizeof v->undo_f);
    }
    v->have_tree_undo = v->have_fd_undo = 0;
    v->txn = 0;
}

void wb__vfs_usage(const wb__vfs *v, uint64_t *bytes, uint64_t *files)
{
    if (bytes)
        *bytes = v->t.bytes;
    if (files)
        *files = v->t.files;
}

int wb__vfs_quota_bytes(wb__vfs *v, uint64_t old_len, uint64_t new_len)
{
    if (new_len <= old_len)
        return 0;
    uint64_t grow = new_len - old_len;
    if (v->t.bytes + grow > v->quota_bytes || v->t.bytes + grow < v->t.bytes) {
        wb__vfs_seterr(v, "filesystem quota of %llu bytes reached: files hold %llu bytes and this write needs %llu "
                       "more (wb_config_set_fs_quota() or --fs-quota); remove files first",
                       (unsigned long long)v->quota_bytes, (unsigned long long)v->t.bytes,
                       (unsigned long long)grow);
        return WB__VFS_ENOSPC;
    }
    return 0;
}
