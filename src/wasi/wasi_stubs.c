/* WASI preview1 calls the host does not implement (yet): each answers
 * ENOSYS (52) with no side effect, so any guest that imports them links and
 * gets a clean error.  A call moves out of this file when it is
 * implemented (the filesystem ones go to src/vfs/). */
#include "../internal.h"
#include "guest.h"
#include "wasi.h"

#define E_NOSYS 52

u32 Z_wasi_snapshot_preview1Z_fd_advise(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u64 offset, u64 len, u32 advice)
{
    (void)w;
    (void)fd;
    (void)offset;
    (void)len;
    (void)advice;
    return E_NOSYS;
}

u32 Z_wasi_snapshot_preview1Z_fd_allocate(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u64 offset, u64 len)
{
    (void)w;
    (void)fd;
    (void)offset;
    (void)len;
    return E_NOSYS;
}

u32 Z_wasi_snapshot_preview1Z_fd_datasync(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd)
{
    (void)w;
    (void)fd;
    return E_NOSYS;
}

u32 Z_wasi_snapshot_preview1Z_fd_fdstat_set_rights(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u64 base, u64 inheriting)
{
    (void)w;
    (void)fd;
    (void)base;
    (void)inheriting;
    return E_NOSYS;
}

u32 Z_wasi_snapshot_preview1Z_fd_filestat_get(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 buf)
{
    (void)w;
    (void)fd;
    (void)buf;
    return E_NOSYS;
}

u32 Z_wasi_snapshot_preview1Z_fd_filestat_set_size(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u64 size)
{
    (void)w;
    (void)fd;
    (void)size;
    return E_NOSYS;
}

u32 Z_wasi_snapshot_preview1Z_fd_filestat_set_times(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u64 atim, u64 mtim, u32 flags)
{
    (void)w;
    (void)fd;
    (void)atim;
    (void)mtim;
    (void)flags;
    return E_NOSYS;
}

u32 Z_wasi_snapshot_preview1Z_fd_pread(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 iovs, u32 iovs_len, u64 offset, u32 nread)
{
    (void)w;
    (void)fd;
    (void)iovs;
    (void)iovs_len;
    (void)offset;
    (void)nread;
    return E_NOSYS;
}

u32 Z_wasi_snapshot_preview1Z_fd_pwrite(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 iovs, u32 iovs_len, u64 offset, u32 nwritten)
{
    (void)w;
    (void)fd;
    (void)iovs;
    (void)iovs_len;
    (void)offset;
    (void)nwritten;
    return E_NOSYS;
}

u32 Z_wasi_snapshot_preview1Z_fd_readdir(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 buf, u32 buf_len, u64 cookie, u32 bufused)
{
    (void)w;
    (void)fd;
    (void)buf;
    (void)buf_len;
    (void)cookie;
    (void)bufused;
    return E_NOSYS;
}

u32 Z_wasi_snapshot_preview1Z_fd_renumber(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 to)
{
    (void)w;
    (void)fd;
    (void)to;
    return E_NOSYS;
}

u32 Z_wasi_snapshot_preview1Z_fd_sync(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd)
{
    (void)w;
    (void)fd;
    return E_NOSYS;
}

u32 Z_wasi_snapshot_preview1Z_fd_tell(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 offset)
{
    (void)w;
    (void)fd;
    (void)offset;
    return E_NOSYS;
}

u32 Z_wasi_snapshot_preview1Z_path_create_directory(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 path, u32 path_len)
{
    (void)w;
    (void)fd;
    (void)path;
    (void)path_len;
    return E_NOSYS;
}

u32 Z_wasi_snapshot_preview1Z_path_filestat_get(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 flags, u32 path, u32 path_len, u32 buf)
{
    (void)w;
    (void)fd;
    (void)flags;
    (void)path;
    (void)path_len;
    (void)buf;
    return E_NOSYS;
}

u32 Z_wasi_snapshot_preview1Z_path_filestat_set_times(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 flags, u32 path, u32 path_len, u64 atim, u64 mtim, u32 fst)
{
    (void)w;
    (void)fd;
    (void)flags;
    (void)path;
    (void)path_len;
    (void)atim;
    (void)mtim;
    (void)fst;
    return E_NOSYS;
}

u32 Z_wasi_snapshot_preview1Z_path_link(struct Z_wasi_snapshot_preview1_instance_t *w, u32 old_fd, u32 old_flags, u32 old_path, u32 old_len, u32 new_fd, u32 new_path, u32 new_len)
{
    (void)w;
    (void)old_fd;
    (void)old_flags;
    (void)old_path;
    (void)old_len;
    (void)new_fd;
    (void)new_path;
    (void)new_len;
    return E_NOSYS;
}

u32 Z_wasi_snapshot_preview1Z_path_open(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 dirflags, u32 path, u32 path_len, u32 oflags, u64 base, u64 inheriting, u32 fdflags, u32 opened)
{
    (void)w;
    (void)fd;
    (void)dirflags;
    (void)path;
    (void)path_len;
    (void)oflags;
    (void)base;
    (void)inheriting;
    (void)fdflags;
    (void)opened;
    return E_NOSYS;
}

u32 Z_wasi_snapshot_preview1Z_path_readlink(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 path, u32 path_len, u32 buf, u32 buf_len, u32 bufused)
{
    (void)w;
    (void)fd;
    (void)path;
    (void)path_len;
    (void)buf;
    (void)buf_len;
    (void)bufused;
    return E_NOSYS;
}

u32 Z_wasi_snapshot_preview1Z_path_remove_directory(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 path, u32 path_len)
{
    (void)w;
    (void)fd;
    (void)path;
    (void)path_len;
    return E_NOSYS;
}

u32 Z_wasi_snapshot_preview1Z_path_rename(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 old_path, u32 old_len, u32 new_fd, u32 new_path, u32 new_len)
{
    (void)w;
    (void)fd;
    (void)old_path;
    (void)old_len;
    (void)new_fd;
    (void)new_path;
    (void)new_len;
    return E_NOSYS;
}

u32 Z_wasi_snapshot_preview1Z_path_symlink(struct Z_wasi_snapshot_preview1_instance_t *w, u32 old_path, u32 old_len, u32 fd, u32 new_path, u32 new_len)
{
    (void)w;
    (void)old_path;
    (void)old_len;
    (void)fd;
    (void)new_path;
    (void)new_len;
    return E_NOSYS;
}

u32 Z_wasi_snapshot_preview1Z_path_unlink_file(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 path, u32 path_len)
{
    (void)w;
    (void)fd;
    (void)path;
    (void)path_len;
    return E_NOSYS;
}

u32 Z_wasi_snapshot_preview1Z_proc_raise(struct Z_wasi_snapshot_preview1_instance_t *w, u32 sig)
{
    (void)w;
    (void)sig;
    return E_NOSYS;
}

u32 Z_wasi_snapshot_preview1Z_sock_accept(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 flags, u32 fd_out)
{
    (void)w;
    (void)fd;
    (void)flags;
    (void)fd_out;
    return E_NOSYS;
}

u32 Z_wasi_snapshot_preview1Z_sock_recv(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 ri_data, u32 ri_len, u32 ri_flags, u32 ro_len, u32 ro_flags)
{
    (void)w;
    (void)fd;
    (void)ri_data;
    (void)ri_len;
    (void)ri_flags;
    (void)ro_len;
    (void)ro_flags;
    return E_NOSYS;
}

u32 Z_wasi_snapshot_preview1Z_sock_send(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 si_data, u32 si_len, u32 si_flags, u32 so_len)
{
    (void)w;
    (void)fd;
    (void)si_data;
    (void)si_len;
    (void)si_flags;
    (void)so_len;
    return E_NOSYS;
}

u32 Z_wasi_snapshot_preview1Z_sock_shutdown(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 how)
{
    (void)w;
    (void)fd;
    (void)how;
    return E_NOSYS;
}
