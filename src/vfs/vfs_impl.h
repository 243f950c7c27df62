/* The VFS's private structures, shared by the files of src/vfs/. */
#ifndef WB_VFS_IMPL_H
#define WB_VFS_IMPL_H

#include "vfs.h"

/* File contents and symlink targets: shared by clones, copied before a
 * write when more than one holder has them. */
typedef struct {
    uint32_t refs;
    size_t len, cap;
    unsigned char *bytes;
} wb__vdata;

/* A directory entry.  Entries keep insertion order (seq grows), which
 * makes readdir cookies (a seq) stable while entries come and go; a
 * removed entry is a tombstone (ino 0) until the array is compacted. */
typedef struct {
    uint64_t seq;
    uint32_t ino;
    uint32_t hash;
    uint32_t off; /* name in the dir's name arena */
    uint32_t len;
} wb__vent;

typedef struct {
    wb__vent *e;
    uint32_t n, cap, live;
    char *names;
    uint32_t names_len, names_cap;
    uint32_t *index; /* open addressing: entry index + 1, 0 empty; NULL while small */
    uint32_t index_cap;
    uint64_t next_seq;
} wb__vdir;

enum {
    WB__N_RO = 1,     /* read-only (/tools and what is in it) */
    WB__N_SYSTEM = 2, /* made by the VFS itself: not counted in quotas, not removable */
    WB__N_MOUNT = 4,  /* a host mount point: children live on the host */
};

typedef struct {
    uint32_t refs;
    uint8_t type; /* WB__VFS_T_* (WASI filetypes) */
    uint8_t flags;
    uint16_t mount; /* index into v->mounts when WB__N_MOUNT */
    uint16_t mode;  /* WB__MODE_SET | permission bits, or 0: the type's default (wb__vnode_mode) */
    uint32_t nlink;
    uint32_t parent; /* directories: for ".." */
    uint64_t atim, mtim, ctim;
    wb__vdata *data; /* files, symlinks */
    wb__vdir dir;    /* directories */
} wb__vnode;

enum { WB__FD_FREE, WB__FD_NODE, WB__FD_HOST };

/* A host file opened through a mount: shared by the fd table and its undo
 * copy, closed when the last holder lets go. */
typedef struct {
    uint32_t refs;
    int fd;
    int mnt;
    uint8_t type;
    char *rel; /* the path it was opened by, below the mount: the base of
                  *at() calls when it is a directory */
} wb__hostfile;

typedef struct {
    uint8_t kind;
    uint8_t preopen; /* the preopened root (fd_prestat_get answers for it) */
    uint16_t fdflags;
    uint32_t ino;
    uint64_t off;
    uint64_t rights, inheriting;
    wb__hostfile *host;
} wb__vfd;

typedef struct {
    char *host, *guest;
    int writable;
    int dirfd; /* O_PATH|O_DIRECTORY of the host folder */
} wb__vmount;

/* The node table, the fds and usage: what a run's undo point and a clone
 * copy. */
typedef struct {
    wb__vnode **nodes; /* by inode number; NULL for a free slot; 0 unused */
    uint32_t nnodes, cap;
    uint32_t free_hint;
    uint64_t bytes, files;
} wb__vtree;

typedef struct {
    wb__vfd *fds;
    uint32_t n;
} wb__vfds;

struct wb__vfs {
    wb__vtree t;
    wb__vfds f;
    uint64_t quota_bytes, quota_files;
    int fixed_clock;
    int64_t clock_ms;
    wb__vmount *mounts;
    size_t nmounts;
    /* The undo point of the run in progress (taken at the first change). */
    int txn;
    int have_tree_undo, have_fd_undo;
    wb__vtree undo_t;
    wb__vfds undo_f;
    char err[512];
};

#define WB__ROOT_INO 1

/* vfs_tree.c */
uint64_t wb__vfs_now(const wb__vfs *v);
void wb__vfs_seterr(wb__vfs *v, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
wb__vnode *wb__vnode_get(const wb__vfs *v, uint32_t ino);
/* A node that may be changed: copied first when shared (undo point,
 * clone).  NULL on out-of-memory. */
wb__vnode *wb__vnode_mut(wb__vfs *v, uint32_t ino);
/* The file's data made private and at least cap bytes, its contents kept
 * up to cap (len is cut to cap when larger); 0 or errno. */
int wb__vdata_reserve(wb__vfs *v, wb__vnode *n, size_t cap);
int wb__vnode_new(wb__vfs *v, uint8_t type, uint8_t flags, uint32_t *ino);
#define WB__MODE_SET 0x8000u
/* The node's permission bits: its own, or 0755 for directories, 0777 for
 * symlinks, 0644 for files; no write bits on read-only nodes. */
uint16_t wb__vnode_mode(const wb__vnode *n);
void wb__vnode_unref(wb__vnode *n);
/* Drops a node whose last link went away once no fd holds it. */
void wb__vnode_release(wb__vfs *v, uint32_t ino);
uint32_t wb__vdir_find(const wb__vdir *d, const char *name, size_t len);
int wb__vdir_add(wb__vfs *v, uint32_t dir, const char *name, size_t len, uint32_t ino);
int wb__vdir_del(wb__vfs *v, uint32_t dir, const char *name, size_t len);
int wb__vtree_copy(const wb__vtree *from, wb__vtree *to);
void wb__vtree_free(wb__vtree *t);
int wb__vfds_copy(const wb__vfds *from, wb__vfds *to);
void wb__vfds_free(wb__vfds *f);
/* Before a change to the tree or to the fds in a run: take the undo point. */
int wb__vfs_touch_tree(wb__vfs *v);
int wb__vfs_touch_fds(wb__vfs *v);
int wb__vfs_quota_bytes(wb__vfs *v, uint64_t old_len, uint64_t new_len);

/* Path resolution. */
typedef struct {
    uint32_t dir;     /* directory holding the last component */
    const char *name; /* last component (into buf); nlen 0 when the path names dir itself */
    size_t nlen;
    uint32_t ino;  /* what the path names, 0 when missing */
    int mnt;       /* >= 0: the path goes into host mount mnt */
    char *rel;     /* then: the path below the mount ("." for its root), into buf */
    int trailing;  /* the path ended with '/' */
    char *buf;
} wb__vres;

#define WB__RES_FOLLOW 1 /* follow a symlink in the last component */
int wb__vfs_resolve(wb__vfs *v, uint32_t dirino, const char *path, size_t plen, int flags, wb__vres *r);
void wb__vres_free(wb__vres *r);
/* The inode a directory fd stands for; errno when fd is not a dir fd. */
int wb__vfs_dirfd(wb__vfs *v, uint32_t fd, uint32_t *ino);

/* vfs_init.c: makes guest (an absolute path) a mount point for mount idx,
 * creating missing parents.  0 or errno with msg filled. */
int wb__vfs_graft_mount(wb__vfs *v, const char *guest, uint16_t idx, char *msg, size_t msgsz);

/* vfs_mount.c: the same calls on a host mount; rel is the NUL-terminated
 * path below the mount's folder ("." for the folder itself). */
int wb__vmount_open(const wb__vfs_mount *m, wb__vmount *out, char *msg, size_t msgsz);
void wb__vmount_close(wb__vmount *m);
void wb__hostfile_close(wb__hostfile *h);
int wb__vm_open(wb__vfs *v, int mnt, const char *rel, uint32_t lookupflags, uint32_t oflags, int write,
                uint16_t fdflags, wb__hostfile **out);
int wb__vm_stat(wb__vfs *v, int mnt, const char *rel, int follow, wb__vfs_stat *st);
int wb__vm_mkdir(wb__vfs *v, int mnt, const char *rel);
int wb__vm_rmdir(wb__vfs *v, int mnt, const char *rel);
int wb__vm_unlink(wb__vfs *v, int mnt, const char *rel);
int wb__vm_rename(wb__vfs *v, int mnt, const char *from, const char *to);
int wb__vm_symlink(wb__vfs *v, int mnt, const char *target, size_t tlen, const char *rel);
int wb__vm_readlink(wb__vfs *v, int mnt, const char *rel, char *buf, size_t n, size_t *used);
int wb__vm_utimes(wb__vfs *v, int mnt, const char *rel, int follow, uint64_t atim, uint64_t mtim, uint32_t flags);
/* Every read of host file data goes through here (the replay journal
 * records what it returns). */
int wb__vfs_host_read(wb__vfs *v, wb__hostfile *h, void *buf, size_t n, uint64_t off, size_t *got);
int wb__vm_write(wb__vfs *v, wb__hostfile *h, const void *buf, size_t n, uint64_t off, size_t *put);
int wb__vm_size(wb__vfs *v, wb__hostfile *h, uint64_t *size);
int wb__vm_fstat(wb__vfs *v, wb__hostfile *h, wb__vfs_stat *st);
int wb__vm_ftruncate(wb__vfs *v, wb__hostfile *h, uint64_t size);
int wb__vm_futimes(wb__vfs *v, wb__hostfile *h, uint64_t atim, uint64_t mtim, uint32_t flags);
int wb__vm_readdir(wb__vfs *v, wb__hostfile *h, void *buf, size_t n, uint64_t cookie, size_t *used);

#endif
