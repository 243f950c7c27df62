/* What src/sandbox.c calls to give a sandbox its VFS (src/vfs/). */
#ifndef WB_VFS_SANDBOX_H
#define WB_VFS_SANDBOX_H

#include "../internal.h"

/* Creates h->vfs from cfg (quotas, mounts, /tools from the policy) and h's
 * options (clock).  msg explains a failure. */
wb_status wb__sandbox_vfs_init(wb__host *h, const wb_config *cfg, char *msg, size_t msgsz);

#endif
