/* What src/sandbox.c calls to give a sandbox its VFS (src/vfs/). */
#ifndef WB_VFS_SANDBOX_H
#define WB_VFS_SANDBOX_H

#include "../internal.h"

/* Creates h->vfs from cfg (quotas, mounts, /tools from the policy) and h's
 * options (clock).  msg explains a failure. */
wb_status wb__sandbox_vfs_init(wb__host *h, const wb_config *cfg, char *msg, size_t msgsz);

/* The sandbox's VFS for wb_fs_* (src/sandbox.c): WB_EMISUSE for a dead
 * sandbox, WB_ESTATE while a run waits for tool answers (message set). */
wb_status wb__sandbox_fs(wb_sandbox *sb, struct wb__vfs **v, char **errbuf, size_t *errsz);

#endif
