/* WASI preview1 calls the host does not implement (yet): each answers
 * ENOSYS (52) with no side effect, so any guest that imports them links and
 * gets a clean error.  A call moves out of this file when it is
 * implemented (the filesystem ones are in src/wasi/wasi_fs.c). */
#include "../internal.h"
#include "guest.h"
#include "wasi.h"

#define E_NOSYS 52

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
