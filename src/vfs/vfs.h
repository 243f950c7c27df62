/* The sandbox's virtual filesystem: an in-memory tree of inodes (dirs,
 * regular files, symlinks) behind the WASI filesystem calls, plus the open
 * file descriptors of the guest.
 *
 * Layout seen by the guest: one preopened directory, fd 3, named "/",
 * holding /workspace (writable, the initial cwd), /tmp (writable), /tools
 * (read-only: README and .d.ts of the policy's tools) and any host mounts.
 * The preopen set never changes, so the build-time guest image (which
 * holds wasi-libc's preopen table) fits every sandbox.
 *
 * The VFS belongs to the sandbox (wb__host.vfs), not to a run: files and
 * open fds persist from run to run.  A run is a transaction
 * (wb__vfs_begin/commit/rollback): a run that traps or is stopped hard is
 * rolled back together with guest memory, so the guest's libc state (its
 * fd numbers, its cwd) and the VFS always agree.  Host-mount writes are not
 * undone (they happened on the host).
 *
 * Inodes are reference-counted and copied on write, so a clone (fork, the
 * per-run undo point) costs one pointer per inode, not a copy of the data.
 *
 * Errors are WASI errno values (wb__VFS_E*), 0 on success.  Paths are byte
 * strings with explicit lengths (the guest's are not NUL-terminated).
 *
 * Thread: one per VFS (the sandbox's thread). */
#ifndef WB_VFS_H
#define WB_VFS_H

#include <stddef.h>
#include <stdint.h>

#include "../internal.h"

struct wb__vfs;
typedef struct wb__vfs wb__vfs;

/* WASI errno values the VFS returns. */
enum {
    WB__VFS_OK = 0,
    WB__VFS_E2BIG = 1,
    WB__VFS_EACCES = 2,
    WB__VFS_EBADF = 8,
    WB__VFS_EBUSY = 10,
    WB__VFS_EDQUOT = 19,
    WB__VFS_EEXIST = 20,
    WB__VFS_EFAULT = 21,
    WB__VFS_EFBIG = 22,
    WB__VFS_EINVAL = 28,
    WB__VFS_EIO = 29,
    WB__VFS_EISDIR = 31,
    WB__VFS_ELOOP = 32,
    WB__VFS_EMFILE = 33,
    WB__VFS_EMLINK = 34,
    WB__VFS_ENAMETOOLONG = 37,
    WB__VFS_ENOENT = 44,
    WB__VFS_ENOMEM = 48,
    WB__VFS_ENOSPC = 51,
    WB__VFS_ENOSYS = 52,
    WB__VFS_ENOTDIR = 54,
    WB__VFS_ENOTEMPTY = 55,
    WB__VFS_ENOTSUP = 58,
    WB__VFS_EOVERFLOW = 61,
    WB__VFS_EPERM = 63,
    WB__VFS_EROFS = 69,
    WB__VFS_ESPIPE = 70,
    WB__VFS_EXDEV = 75,
    WB__VFS_ENOTCAPABLE = 76,
};

/* The one preopened directory (wasi-libc scans fds from 3 at start). */
#define WB__VFS_PREOPEN_FD 3
#define WB__VFS_PREOPEN_NAME "/"
/* Not a guest fd: the host's own calls resolve paths from the root. */
#define WB__VFS_ROOT_FD UINT32_MAX

/* Defaults: 64 MiB of file data and 10,000 inodes per sandbox. */
#define WB__VFS_DEFAULT_QUOTA_BYTES ((uint64_t)64 << 20)
#define WB__VFS_DEFAULT_QUOTA_FILES 10000u
#define WB__VFS_MAX_FDS 1024u
#define WB__VFS_MAX_NAME 255u
#define WB__VFS_MAX_PATH 4096u
#define WB__VFS_MAX_SYMLINKS 40u

/* A host folder mounted into the tree (src/vfs/vfs_mount.c). */
typedef struct {
    char *host;  /* absolute host path */
    char *guest; /* absolute guest path, e.g. "/data" */
    int writable;
} wb__vfs_mount;

/* The filesystem part of a wb_config (src/config.c holds one). */
typedef struct {
    uint64_t quota_bytes, quota_files; /* 0: default */
    wb__vfs_mount *mounts;
    size_t nmounts;
} wb__fs_config;

/* Checks and appends a mount (src/vfs/vfs_config.c): host must be an
 * existing directory (stored canonical), guest an absolute path below /
 * that is not /tools, /workspace or /tmp themselves.  0 or a WASI errno
 * with msg filled. */
int wb__fs_config_add_mount(wb__fs_config *c, const char *host, const char *guest, int writable, char *msg,
                            size_t msgsz);
int wb__fs_config_copy(wb__fs_config *dst, const wb__fs_config *src);
void wb__fs_config_free(wb__fs_config *c);
/* cfg's filesystem options, or NULL when cfg is not a live config
 * (src/config.c). */
const wb__fs_config *wb__config_fs(const wb_config *cfg);

typedef struct {
    uint64_t quota_bytes; /* 0: default */
    uint64_t quota_files; /* 0: default */
    /* Timestamps: the host's clock, fixed when fixed_clock (deterministic). */
    int fixed_clock;
    int64_t clock_ms;
    /* /tools contents (borrowed for the call; copied). */
    const char *tools_readme;
    size_t tools_readme_len;
    const char *tools_dts;
    size_t tools_dts_len;
    const wb__vfs_mount *mounts; /* borrowed for the call */
    size_t nmounts;
} wb__vfs_opts;

/* Creates the tree (/, /workspace, /tmp, /tools, mount points).  0 or a
 * WASI errno; msg explains (e.g. a mount folder that cannot be opened).
 * OUT *out: free with wb__vfs_free(). */
int wb__vfs_new(const wb__vfs_opts *o, wb__vfs **out, char *msg, size_t msgsz);
void wb__vfs_free(wb__vfs *v);

/* ---------------------------------------------------------------- sessions
 * Used by src/session/ (sessions, snapshots, fork).  */

/* Appends the VFS's state (the in-memory tree, the open fds and the cwd-
 * independent facts) to out in a versioned binary format.  Host mounts are
 * not saved (their contents live on the host; the loading sandbox's own
 * mounts apply).  0, or ENOMEM (out keeps what it had). */
int wb__vfs_save(const wb__vfs *v, wb__buf *out);

/* Replaces v's tree and fds with a saved state.  Every field is checked
 * (sizes, inode references, names, the tree's shape, quotas): corrupt or
 * hostile input gives EINVAL and leaves v unchanged; wb__vfs_errmsg() says
 * what was wrong.  v keeps its own options (quotas, clock, mounts) and its
 * /tools, which follow the loading sandbox's config.  0, EINVAL or
 * ENOMEM. */
int wb__vfs_load(wb__vfs *v, const void *p, size_t n);

/* A copy that diverges independently (fork): shares inodes copy-on-write.
 * 0 or ENOMEM.  OUT *out: free with wb__vfs_free(). */
int wb__vfs_clone(const wb__vfs *v, wb__vfs **out);

/* The last error detail (load errors, quota messages); static or owned by
 * v, valid until v's next call. */
const char *wb__vfs_errmsg(const wb__vfs *v);

/* ---------------------------------------------------------------- runs */

/* A run's transaction: begin records an undo point (cheap: copy-on-write);
 * commit drops it; rollback puts tree and fds back.  0 or ENOMEM. */
int wb__vfs_begin(wb__vfs *v);
void wb__vfs_commit(wb__vfs *v);
void wb__vfs_rollback(wb__vfs *v);

/* Closes every fd but the preopen: after the guest's memory went back to
 * the template, whose libc has only that one open.  Files stay. */
void wb__vfs_close_fds(wb__vfs *v);

/* Totals for quota messages and tests. */
void wb__vfs_usage(const wb__vfs *v, uint64_t *bytes, uint64_t *files);

/* ---------------------------------------------------------------- host API
 * Whole-file access by absolute guest path (wb_fs_* and the CLI).  Errors
 * are WASI errno values; wb__vfs_errmsg() names the path and the reason. */

/* Creates or replaces the file (parents must exist; mkdir_p creates them). */
int wb__vfs_write_file(wb__vfs *v, const char *path, const void *data, size_t len, int mkdir_p);
/* OUT *data: malloc'd (NUL-terminated after len bytes), free with free(). */
int wb__vfs_read_file(wb__vfs *v, const char *path, char **data, size_t *len);
int wb__vfs_mkdir(wb__vfs *v, const char *path, int parents);
/* Removes a file, symlink or (recursive) directory. */
int wb__vfs_remove(wb__vfs *v, const char *path, int recursive);
/* Lists a directory: "name\n" per entry with "/" after directories, sorted.
 * OUT *text: malloc'd, free with free(). */
int wb__vfs_list(wb__vfs *v, const char *path, char **text, size_t *len);

/* Walks the tree under path (absolute guest path), depth first, parents
 * before children; cb gets the path relative to root, the type
 * (WB__VFS_T_*) and, for files, the contents. Stops when cb returns
 * non-zero and returns that. */
enum { WB__VFS_T_DIR = 3, WB__VFS_T_FILE = 4, WB__VFS_T_SYMLINK = 7 };
typedef int (*wb__vfs_walk_fn)(void *ud, const char *rel, int type, const void *data, size_t len);
int wb__vfs_walk(wb__vfs *v, const char *root, wb__vfs_walk_fn cb, void *ud);

/* ---------------------------------------------------------------- WASI
 * The calls behind src/vfs/wasi_fs.c.  Guest memory stays there: these
 * take host buffers.  fd numbers are the guest's. */

typedef struct {
    uint64_t dev, ino;
    uint8_t filetype; /* WASI filetype */
    uint16_t mode;    /* permission bits (07777) */
    uint64_t nlink, size, atim, mtim, ctim;
} wb__vfs_stat;

int wb__vfs_prestat(wb__vfs *v, uint32_t fd, const char **name, size_t *len);
int wb__vfs_open(wb__vfs *v, uint32_t dirfd, uint32_t lookupflags, const char *path, size_t plen,
                 uint32_t oflags, uint64_t rights, uint64_t inheriting, uint32_t fdflags, uint32_t *fd);
int wb__vfs_close(wb__vfs *v, uint32_t fd);
/* Reads/writes at the fd's offset (or at off when positional). */
int wb__vfs_read(wb__vfs *v, uint32_t fd, void *buf, size_t n, size_t *got);
int wb__vfs_pread(wb__vfs *v, uint32_t fd, void *buf, size_t n, uint64_t off, size_t *got);
int wb__vfs_write(wb__vfs *v, uint32_t fd, const void *buf, size_t n, size_t *put);
int wb__vfs_pwrite(wb__vfs *v, uint32_t fd, const void *buf, size_t n, uint64_t off, size_t *put);
int wb__vfs_seek(wb__vfs *v, uint32_t fd, int64_t off, uint32_t whence, uint64_t *pos);
int wb__vfs_fdstat(wb__vfs *v, uint32_t fd, uint8_t *filetype, uint16_t *flags, uint64_t *rights,
                   uint64_t *inheriting);
int wb__vfs_set_fdflags(wb__vfs *v, uint32_t fd, uint16_t flags);
int wb__vfs_fstat(wb__vfs *v, uint32_t fd, wb__vfs_stat *st);
int wb__vfs_statat(wb__vfs *v, uint32_t dirfd, uint32_t lookupflags, const char *path, size_t plen,
                 wb__vfs_stat *st);
int wb__vfs_ftruncate(wb__vfs *v, uint32_t fd, uint64_t size);
/* Times: WASI fstflags (ATIM 1, ATIM_NOW 2, MTIM 4, MTIM_NOW 8).  Or, not
 * WASI, flags WB__VFS_FST_MODE alone: set the permission bits to atim
 * (chmod; WASI preview1 has no call for it, see guest/rt/host.h). */
#define WB__VFS_FST_MODE 0x100u
int wb__vfs_futimes(wb__vfs *v, uint32_t fd, uint64_t atim, uint64_t mtim, uint32_t flags);
int wb__vfs_utimes(wb__vfs *v, uint32_t dirfd, uint32_t lookupflags, const char *path, size_t plen,
                   uint64_t atim, uint64_t mtim, uint32_t flags);
/* Fills buf with WASI dirents from cookie on (the last may be cut short,
 * as WASI allows); *used is the bytes written. */
int wb__vfs_readdir(wb__vfs *v, uint32_t fd, void *buf, size_t n, uint64_t cookie, size_t *used);
int wb__vfs_mkdirat(wb__vfs *v, uint32_t dirfd, const char *path, size_t plen);
int wb__vfs_rmdirat(wb__vfs *v, uint32_t dirfd, const char *path, size_t plen);
int wb__vfs_unlinkat(wb__vfs *v, uint32_t dirfd, const char *path, size_t plen);
int wb__vfs_renameat(wb__vfs *v, uint32_t olddir, const char *oldp, size_t olen, uint32_t newdir,
                     const char *newp, size_t nlen);
int wb__vfs_symlinkat(wb__vfs *v, const char *target, size_t tlen, uint32_t dirfd, const char *path,
                      size_t plen);
int wb__vfs_readlinkat(wb__vfs *v, uint32_t dirfd, const char *path, size_t plen, char *buf, size_t n,
                       size_t *used);
int wb__vfs_renumber(wb__vfs *v, uint32_t from, uint32_t to);

#endif
