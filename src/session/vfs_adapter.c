/* The VFS's part of snapshots, behind one small adapter so snapshots work
 * (memory only) in builds without the VFS.  mk/session.mk defines
 * WB__SESSION_VFS when src/vfs/ implements wb__vfs_save/load/clone.  The
 * sandbox's VFS is wb__host.vfs. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "snapshot.h"

#if defined(WB__SESSION_VFS)
#include "../vfs/vfs.h"

int wb__snap_vfs_save(wb_sandbox *sb, uint8_t **out, size_t *len)
{
    *out = NULL;
    *len = 0;
    const wb__vfs *v = wb__sandbox_host(sb)->vfs;
    if (!v)
        return 0;
    wb__buf b = {0};
    if (wb__vfs_save(v, &b) != 0) {
        wb__buf_free(&b);
        return ENOMEM;
    }
    *out = (uint8_t *)b.data;
    *len = b.len;
    return 0;
}

int wb__snap_vfs_load(wb_sandbox *sb, const uint8_t *p, size_t len, char *msg, size_t msgsz)
{
    wb__vfs *v = wb__sandbox_host(sb)->vfs;
    if (!p || !v)
        return 0; /* a snapshot without files keeps the sandbox's own */
    int e = wb__vfs_load(v, p, len);
    if (e == 0)
        return 0;
    snprintf(msg, msgsz, "the snapshot's files cannot be loaded: %s", wb__vfs_errmsg(v));
    return e == ENOMEM ? ENOMEM : EINVAL;
}

int wb__snap_vfs_clone(wb_sandbox *parent, wb_sandbox *child)
{
    wb__host *ph = wb__sandbox_host(parent), *ch = wb__sandbox_host(child);
    if (!ph->vfs)
        return 0;
    wb__vfs *c;
    if (wb__vfs_clone(ph->vfs, &c) != 0)
        return ENOMEM;
    wb__vfs_free(ch->vfs);
    ch->vfs = c;
    return 0;
}

#else /* the VFS cannot save itself yet: snapshots hold memory and globals only */

int wb__snap_vfs_save(wb_sandbox *sb, uint8_t **out, size_t *len)
{
    (void)sb;
    *out = NULL;
    *len = 0;
    return 0;
}

int wb__snap_vfs_load(wb_sandbox *sb, const uint8_t *p, size_t len, char *msg, size_t msgsz)
{
    (void)sb;
    (void)p;
    if (!len)
        return 0;
    snprintf(msg, msgsz, "the snapshot holds files but this build has no filesystem");
    return EINVAL;
}

#if __has_include("../vfs/vfs_sandbox.h")
#include "../vfs/vfs_sandbox.h"

/* A fork gets a VFS of its own, fresh: files are not copied until the VFS
 * can clone itself. */
int wb__snap_vfs_clone(wb_sandbox *parent, wb_sandbox *child)
{
    wb__host *ph = wb__sandbox_host(parent), *ch = wb__sandbox_host(child);
    char msg[256];
    if (!ph->vfs || ch->vfs)
        return 0;
    return wb__sandbox_vfs_init(ch, NULL, msg, sizeof msg) == WB_OK ? 0 : ENOMEM;
}
#else
int wb__snap_vfs_clone(wb_sandbox *parent, wb_sandbox *child)
{
    (void)parent;
    (void)child;
    return 0;
}
#endif
#endif
