/* The VFS's place in a sandbox: made from the config in wb_new(), one
 * transaction per run (rolled back with guest memory when a run traps or
 * is stopped hard). */
#include <stdio.h>

#include "vfs_impl.h"
#include "vfs_sandbox.h"

wb_status wb__sandbox_vfs_init(wb__host *h, const wb_config *cfg, char *msg, size_t msgsz)
{
    (void)cfg;
    wb__vfs_opts o = { 0 };
    o.fixed_clock = h->opt.fixed_clock;
    o.clock_ms = h->opt.clock_ms;
    int e = wb__vfs_new(&o, &h->vfs, msg, msgsz);
    if (e == 0)
        return WB_OK;
    return e == WB__VFS_ENOMEM ? WB_ENOMEM : WB_EINVAL;
}
