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

/* A compressed chunk of a snapshot blob (src/session/blob.c): where its
 * raw bytes are (changed pages, then VFS state) and, once saved or
 * loaded, where its compressed bytes are in that blob. */
#define WB__SNAP_CHUNK_VFS 0x80000000u
typedef struct {
    uint32_t key;      /* 64 KiB memory window, or WB__SNAP_CHUNK_VFS | piece */
    uint16_t mask;     /* which 4 KiB pages of the window are in it */
    uint32_t raw_len;
    uint64_t raw_off;
    uint64_t comp_off; /* in the blob */
    uint32_t comp_len, crc;
} wb__snap_chunk;

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
    /* Its chunks in the blob it was last saved to or loaded from; NULL
     * before that.  A cache for wb__snapshot_save_reuse, not state. */
    wb__snap_chunk *chunks;
    size_t nchunks;
};

/* wb_snapshot_save, reusing the compressed chunks of prev (a snapshot
 * loaded from, or saved with record set to, prev_blob) wherever snap's are
 * the same bytes: a save after a run compresses only the windows the run
 * changed.  prev may be NULL.  record (snap itself, or NULL): where to
 * remember snap's chunks in the new blob, for the next save against it. */
wb_status wb__snapshot_save_reuse(const wb_snapshot *snap, const wb_snapshot *prev, const void *prev_blob,
                                  size_t prev_len, wb_snapshot *record, void **buf, size_t *len);

/* malloc for a large buffer about to be written whole: its pages are
 * faulted in with one madvise, not one fault each (costly in a VM). */
void *wb__snap_big_alloc(size_t n);

/* Allocates an empty snapshot (all pointers NULL). NULL on ENOMEM. */
wb_snapshot *wb__snap_alloc(void);

/* The VFS adapter (vfs_adapter.c): a no-op until the VFS exists.  Each
 * returns 0 or an errno value; msg gets detail. */
int wb__snap_vfs_save(wb_sandbox *sb, uint8_t **out, size_t *len);
int wb__snap_vfs_load(wb_sandbox *sb, const uint8_t *p, size_t len, char *msg, size_t msgsz);
int wb__snap_vfs_clone(wb_sandbox *parent, wb_sandbox *child);

#endif
