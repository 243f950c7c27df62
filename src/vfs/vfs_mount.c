/* Host mounts (placeholder until the confined implementation lands):
 * every call refuses. */
#include <stdio.h>

#include "vfs_impl.h"

int wb__vmount_open(const wb__vfs_mount *m, wb__vmount *out, char *msg, size_t msgsz)
{
    (void)out;
    snprintf(msg, msgsz, "mount %s: host mounts are not available in this build", m->guest);
    return WB__VFS_ENOTSUP;
}

void wb__vmount_close(wb__vmount *m) { (void)m; }
void wb__hostfile_close(wb__hostfile *h) { (void)h; }
int wb__vm_open(wb__vfs *v, int mnt, const char *rel, uint32_t lookupflags, uint32_t oflags, int write,
                uint16_t fdflags, wb__hostfile **out)
{ (void)v; (void)mnt; (void)rel; (void)lookupflags; (void)oflags; (void)write; (void)fdflags; (void)out; return WB__VFS_ENOTSUP; }
int wb__vm_stat(wb__vfs *v, int mnt, const char *rel, int follow, wb__vfs_stat *st)
{ (void)v; (void)mnt; (void)rel; (void)follow; (void)st; return WB__VFS_ENOTSUP; }
int wb__vm_mkdir(wb__vfs *v, int mnt, const char *rel) { (void)v; (void)mnt; (void)rel; return WB__VFS_ENOTSUP; }
int wb__vm_rmdir(wb__vfs *v, int mnt, const char *rel) { (void)v; (void)mnt; (void)rel; return WB__VFS_ENOTSUP; }
int wb__vm_unlink(wb__vfs *v, int mnt, const char *rel) { (void)v; (void)mnt; (void)rel; return WB__VFS_ENOTSUP; }
int wb__vm_rename(wb__vfs *v, int mnt, const char *from, const char *to) { (void)v; (void)mnt; (void)from; (void)to; return WB__VFS_ENOTSUP; }
int wb__vm_symlink(wb__vfs *v, int mnt, const char *target, size_t tlen, const char *rel) { (void)v; (void)mnt; (void)target; (void)tlen; (void)rel; return WB__VFS_ENOTSUP; }
int wb__vm_readlink(wb__vfs *v, int mnt, const char *rel, char *buf, size_t n, size_t *used) { (void)v; (void)mnt; (void)rel; (void)buf; (void)n; (void)used; return WB__VFS_ENOTSUP; }
int wb__vm_utimes(wb__vfs *v, int mnt, const char *rel, int follow, uint64_t atim, uint64_t mtim, uint32_t flags) { (void)v; (void)mnt; (void)rel; (void)follow; (void)atim; (void)mtim; (void)flags; return WB__VFS_ENOTSUP; }
int wb__vfs_host_read(wb__vfs *v, wb__hostfile *h, void *buf, size_t n, uint64_t off, size_t *got) { (void)v; (void)h; (void)buf; (void)n; (void)off; (void)got; return WB__VFS_ENOTSUP; }
int wb__vm_write(wb__vfs *v, wb__hostfile *h, const void *buf, size_t n, uint64_t off, size_t *put) { (void)v; (void)h; (void)buf; (void)n; (void)off; (void)put; return WB__VFS_ENOTSUP; }
int wb__vm_size(wb__vfs *v, wb__hostfile *h, uint64_t *size) { (void)v; (void)h; (void)size; return WB__VFS_ENOTSUP; }
int wb__vm_fstat(wb__vfs *v, wb__hostfile *h, wb__vfs_stat *st) { (void)v; (void)h; (void)st; return WB__VFS_ENOTSUP; }
int wb__vm_ftruncate(wb__vfs *v, wb__hostfile *h, uint64_t size) { (void)v; (void)h; (void)size; return WB__VFS_ENOTSUP; }
int wb__vm_futimes(wb__vfs *v, wb__hostfile *h, uint64_t atim, uint64_t mtim, uint32_t flags) { (void)v; (void)h; (void)atim; (void)mtim; (void)flags; return WB__VFS_ENOTSUP; }
int wb__vm_readdir(wb__vfs *v, wb__hostfile *h, void *buf, size_t n, uint64_t cookie, size_t *used) { (void)v; (void)h; (void)buf; (void)n; (void)cookie; (void)used; return WB__VFS_ENOTSUP; }
