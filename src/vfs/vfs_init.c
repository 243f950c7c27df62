/* A sandbox's VFS from its options: the fixed layout (/, /workspace, /tmp,
 * /tools with its documents), the mount points, the preopened root. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vfs_impl.h"

/* Every WASI right: the preopen hands all of them down; the VFS itself
 * enforces read-only places and quotas. */
#define ALL_RIGHTS 0x1FFFFFFFull

static int sys_node(wb__vfs *v, uint32_t dir, const char *name, uint8_t type, uint8_t flags, uint32_t *ino)
{
    uint32_t found = wb__vdir_find(&wb__vnode_get(v, dir)->dir, name, strlen(name));
    if (found) {
        *ino = found;
        return wb__vnode_get(v, found)->type == type ? 0 : WB__VFS_EEXIST;
    }
    int e = wb__vnode_new(v, type, (uint8_t)(flags | WB__N_SYSTEM), ino);
    if (e)
        return e;
    wb__vnode *n = wb__vnode_get(v, *ino);
    n->nlink = 1;
    n->parent = dir;
    return wb__vdir_add(v, dir, name, strlen(name), *ino);
}

static int sys_file(wb__vfs *v, uint32_t dir, const char *name, const char *text, size_t len)
{
    uint32_t ino;
    int e = sys_node(v, dir, name, WB__VFS_T_FILE, WB__N_RO, &ino);
    if (e)
        return e;
    wb__vnode *n = wb__vnode_get(v, ino);
    if (wb__vdata_reserve(v, n, len + 1))
        return WB__VFS_ENOMEM;
    if (len)
        memcpy(n->data->bytes, text, len);
    n->data->len = len;
    return 0;
}

/* Creates the mount point /a/b/c: parents as system directories. */
int wb__vfs_graft_mount(wb__vfs *v, const char *guest, uint16_t idx, char *msg, size_t msgsz)
{
    uint32_t dir = WB__ROOT_INO, ino = 0;
    const char *p = guest;
    while (*p) {
        while (*p == '/')
            p++;
        if (!*p)
            break;
        const char *end = strchr(p, '/');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char name[WB__VFS_MAX_NAME + 1];
        if (len > WB__VFS_MAX_NAME || (len == 1 && p[0] == '.') || (len == 2 && p[0] == '.' && p[1] == '.')) {
            snprintf(msg, msgsz, "mount point \"%s\": component \"%.*s\" is not allowed", guest, (int)(len > 64 ? 64 : len), p);
            return WB__VFS_EINVAL;
        }
        memcpy(name, p, len);
        name[len] = 0;
        p += len;
        wb__vnode *d = wb__vnode_get(v, dir);
        if (d->flags & WB__N_MOUNT) {
            snprintf(msg, msgsz, "mount point \"%s\" lies inside another mount", guest);
            return WB__VFS_EINVAL;
        }
        int e = sys_node(v, dir, name, WB__VFS_T_DIR, 0, &ino);
        if (e == WB__VFS_EEXIST) {
            snprintf(msg, msgsz, "mount point \"%s\": \"%s\" exists and is not a directory", guest, name);
            return e;
        }
        if (e)
            return e;
        dir = ino;
    }
    wb__vnode *n = wb__vnode_get(v, ino);
    if (!ino || ino == WB__ROOT_INO || (n->flags & WB__N_MOUNT) || n->dir.live) {
        snprintf(msg, msgsz, "mount point \"%s\" is not allowed: it must be a new, empty folder below / "
                 "(not /, not /workspace or /tmp themselves, not used twice)", guest);
        return WB__VFS_EINVAL;
    }
    if ((n->flags & WB__N_RO) || !strcmp(guest, "/workspace") || !strcmp(guest, "/tmp")) {
        snprintf(msg, msgsz, "mount point \"%s\" is not allowed: it must be a new, empty folder below / "
                 "(not /, not /workspace or /tmp themselves, not used twice)", guest);
        return WB__VFS_EINVAL;
    }
    n->flags |= WB__N_MOUNT;
    n->mount = idx;
    return 0;
}

int wb__vfs_new(const wb__vfs_opts *o, wb__vfs **out, char *msg, size_t msgsz)
{
    *out = NULL;
    if (msgsz)
        msg[0] = 0;
    wb__vfs *v = calloc(1, sizeof *v);
    if (!v)
        return WB__VFS_ENOMEM;
    v->quota_bytes = o->quota_bytes ? o->quota_bytes : WB__VFS_DEFAULT_QUOTA_BYTES;
    v->quota_files = o->quota_files ? o->quota_files : WB__VFS_DEFAULT_QUOTA_FILES;
    v->fixed_clock = o->fixed_clock;
    v->clock_ms = o->clock_ms;
    uint32_t root, ws, tmp, tools;
    int e = wb__vnode_new(v, WB__VFS_T_DIR, WB__N_SYSTEM, &root);
    if (e)
        goto fail;
    wb__vnode_get(v, root)->parent = root;
    wb__vnode_get(v, root)->nlink = 1;
    if ((e = sys_node(v, root, "workspace", WB__VFS_T_DIR, 0, &ws)) ||
        (e = sys_node(v, root, "tmp", WB__VFS_T_DIR, 0, &tmp)) ||
        (e = sys_node(v, root, "tools", WB__VFS_T_DIR, WB__N_RO, &tools)) ||
        (e = sys_file(v, tools, "README.md", o->tools_readme ? o->tools_readme : "", o->tools_readme_len)) ||
        (e = sys_file(v, tools, "tools.d.ts", o->tools_dts ? o->tools_dts : "", o->tools_dts_len)))
        goto fail;
    if (o->nmounts > 64) {
        snprintf(msg, msgsz, "%zu mounts: at most 64 are allowed", o->nmounts);
        e = WB__VFS_EINVAL;
        goto fail;
    }
    if (o->nmounts && !(v->mounts = calloc(o->nmounts, sizeof *v->mounts))) {
        e = WB__VFS_ENOMEM;
        goto fail;
    }
    for (size_t i = 0; i < o->nmounts; i++) {
        if ((e = wb__vfs_graft_mount(v, o->mounts[i].guest, (uint16_t)i, msg, msgsz)))
            goto fail;
        if ((e = wb__vmount_open(&o->mounts[i], &v->mounts[i], msg, msgsz)))
            goto fail;
        v->nmounts = i + 1;
    }
    if (!(v->f.fds = calloc(16, sizeof *v->f.fds))) {
        e = WB__VFS_ENOMEM;
        goto fail;
    }
    v->f.n = 16;
    wb__vfd *f = &v->f.fds[WB__VFS_PREOPEN_FD];
    f->kind = WB__FD_NODE;
    f->preopen = 1;
    f->ino = root;
    f->rights = f->inheriting = ALL_RIGHTS;
    *out = v;
    return 0;
fail:
    if (msgsz && !msg[0])
        snprintf(msg, msgsz, "cannot create the sandbox's filesystem: %s",
                 e == WB__VFS_ENOMEM ? "out of host memory" : "invalid layout");
    wb__vfs_free(v);
    return e;
}

void wb__vfs_free(wb__vfs *v)
{
    if (!v)
        return;
    wb__vfs_commit(v);
    wb__vtree_free(&v->t);
    wb__vfds_free(&v->f);
    for (size_t i = 0; i < v->nmounts; i++)
        wb__vmount_close(&v->mounts[i]);
    free(v->mounts);
    free(v);
}
