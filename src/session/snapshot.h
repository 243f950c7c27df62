/* Private parts of snapshots (src/session/): the wb_snapshot layout shared
 * by snapshot.c (capture, restore, fork) and blob.c (serialisation), and
 * the VFS adapter (vfs_adapter.c). */
#ifndef WB_SESSION_SNAPSHOT_H
#define WB_SESSION_SNAPSHOT_H

#include <stddef.h>
#include <stdint.h>

#include "../internal.h"

#define WB__SNAP_MAGIC 0x77627370u /* "wbsp" */
#define WB__SNAP_PAGE ((size_t)4096)

/* A run of consecutive 4 KiB pages that differ from the template. */
typedef struct {
    uint32_t first, count;
} wb__snap_run;

/* Everything a snapshot holds: memory pages that differ from the guest
 * template (the shadow stack below its initial pointer excluded: dead
 * between runs), the instance's globals, and the VFS's saved state. */
struct wb_snapshot {
    uint32_t magic;
    uint8_t guest_id[32];
    uint32_t pages;       /* linear memory size, wasm pages */
    wb__snap_run *runs;   /* ascending, not touching each other */
    size_t nruns;
    size_t ndirty;        /* total pages in runs */
    uint8_t *data;        /* ndirty * 4 KiB, in run order */
    uint8_t *globals;
    size_t globals_size;
    uint8_t *vfs;         /* wb__vfs_save() output; NULL when there is no VFS */
    size_t vfs_len;
};

/* Allocates an empty snapshot (all pointers NULL). NULL on ENOMEM. */
wb_snapshot *wb__snap_alloc(void);

/* The VFS adapter (vfs_adapter.c): a no-op until the VFS exists.  Each
 * returns 0 or an errno value; msg gets detail. */
int wb__snap_vfs_save(wb_sandbox *sb, uint8_t **out, size_t *len);
int wb__snap_vfs_load(wb_sandbox *sb, const uint8_t *p, size_t len, char *msg, size_t msgsz);
int wb__snap_vfs_clone(wb_sandbox *parent, wb_sandbox *child);

#endif
