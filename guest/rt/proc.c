/* Virtual file descriptors and in-guest pipes (see proc.h). */
#include "proc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef __wasm__
#include <wasi/api.h>

#include "host.h"
#include "modes.h"
#endif

/* An open file description: shared by dup'd fds and by copied tables. */
enum { D_HOST, D_PIPE_R, D_PIPE_W, D_NULL, D_ZERO, D_RANDOM };
/* /dev/null, /dev/zero, /dev/urandom: character devices with no fd behind */
#define CHARDEV(d) ((d)->kind >= D_NULL)

struct pipebuf {
    char *buf;
    size_t len, rpos, cap;
    int readers, writers;
    int cut; /* a writer was stopped at PROC_PIPE_MAX */
};

struct desc {
    int kind;
    int refs;
    int hfd;       /* D_HOST */
    int keep;      /* preopened or the host's stdio: never closed */
    struct pipebuf *p;
};

struct fdtab {
    struct desc *fd[PROC_NFD];
};

static struct fdtab *cur;

/* The host's preopened directories (by their host numbers).  wasi-libc
 * resolves every path against them and passes that number to the path
 * calls, whatever the shell has since put on the same virtual number
 * (`cmd 3< file`): such a dirfd is the host's own, never translated. */
/* ------------------------------------------------------------ host side */
#ifdef __wasm__
#define MAX_PREOPEN 64
static unsigned char preopened[MAX_PREOPEN];

__wasi_errno_t __real___wasi_fd_read(__wasi_fd_t, const __wasi_iovec_t *, size_t, __wasi_size_t *);
__wasi_errno_t __real___wasi_fd_write(__wasi_fd_t, const __wasi_ciovec_t *, size_t, __wasi_size_t *);
__wasi_errno_t __real___wasi_fd_close(__wasi_fd_t);


static ssize_t host_read(int hfd, void *buf, size_t n)
{
    __wasi_iovec_t iov = {buf, n};
    __wasi_size_t got;
    __wasi_errno_t e = __real___wasi_fd_read((__wasi_fd_t)hfd, &iov, 1, &got);
    if (e) {
        errno = e;
        return -1;
    }
    return (ssize_t)got;
}

static ssize_t host_write(int hfd, const void *buf, size_t n)
{
    __wasi_ciovec_t iov = {buf, n};
    __wasi_size_t put;
    __wasi_errno_t e = __real___wasi_fd_write((__wasi_fd_t)hfd, &iov, 1, &put);
    if (e) {
        errno = e;
        return -1;
    }
    return (ssize_t)put;
}

static void host_close(int hfd)
{
    __real___wasi_fd_close((__wasi_fd_t)hfd);
}
#else
static ssize_t host_read(int hfd, void *buf, size_t n) { return read(hfd, buf, n); }
static ssize_t host_write(int hfd, const void *buf, size_t n) { return write(hfd, buf, n); }
static void host_close(int hfd) { close(hfd); }
#endif

/* ------------------------------------------------------------ descriptions */
static struct desc *desc_new(int kind)
{
    struct desc *d = rt_malloc(sizeof *d);
    if (!d)
        return NULL;
    memset(d, 0, sizeof *d);
    d->kind = kind;
    d->refs = 1;
    d->hfd = -1;
    return d;
}

static void pipe_drop(struct pipebuf *p)
{
    if (p->readers == 0 && p->writers == 0) {
        rt_free(p->buf);
        rt_free(p);
    }
}

static void desc_unref(struct desc *d)
{
    if (!d || --d->refs > 0)
        return;
    switch (d->kind) {
    case D_HOST:
        if (!d->keep)
            host_close(d->hfd);
        break;
    case D_PIPE_R: d->p->readers--; pipe_drop(d->p); break;
    case D_PIPE_W: d->p->writers--; pipe_drop(d->p); break;
    default: break;
    }
    rt_free(d);
}

static struct fdtab *tab(void)
{
    if (!cur)
        proc_init();
    return cur;
}

/* wasi-libc keeps static buffers for resolving relative paths, made on
 * first use and grown with realloc.  They must be made before any applet
 * runs: made inside an applet, they would be in its arena and freed under
 * wasi-libc's feet when it ends.  (A realloc keeps a block's owner, so
 * growing them later inside an applet is safe: alloc.c.)  Never from
 * inside a wrapped WASI call: the path it was given may live in the very
 * buffer this grows. */
void proc_warm_paths(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    char path[512];
    for (size_t i = 0; i + 2 < sizeof path; i += 2) {
        path[i] = 'x';
        path[i + 1] = '/';
    }
    path[sizeof path - 2] = 'x';
    path[sizeof path - 1] = 0;
    (void)access(path, F_OK);
}

void proc_init(void)
{
    if (cur)
        return;
    cur = rt_malloc(sizeof *cur);
    if (!cur)
        abort();
    memset(cur, 0, sizeof *cur);
    for (int i = 0; i < 3; i++) {
        struct desc *d = desc_new(D_HOST);
        if (!d)
            abort();
        d->hfd = i;
        d->keep = 1;
        cur->fd[i] = d;
    }
#ifdef __wasm__
    /* Preopened directories pass through with their own numbers. */
    for (int i = 3; i < 64; i++) {
        __wasi_prestat_t ps;
        if (__wasi_fd_prestat_get((__wasi_fd_t)i, &ps) != 0)
            break;
        struct desc *d = desc_new(D_HOST);
        if (!d)
            abort();
        d->hfd = i;
        d->keep = 1;
        cur->fd[i] = d;
        preopened[i] = 1;
    }
#endif
}

static struct desc *get(int fd)
{
    if (fd < 0 || fd >= PROC_NFD)
        return NULL;
    return tab()->fd[fd];
}

static int lowest_free(int min)
{
    for (int i = min < 0 ? 0 : min; i < PROC_NFD; i++)
        if (!tab()->fd[i])
            return i;
    return -1;
}

static int install(struct desc *d, int min)
{
    int fd = lowest_free(min);
    if (fd < 0) {
        desc_unref(d);
        errno = EMFILE;
        return -1;
    }
    cur->fd[fd] = d;
    return fd;
}

int proc_isopen(int fd) { return get(fd) != NULL; }

int proc_is_pipe(int fd)
{
    struct desc *d = get(fd);
    return d && (d->kind == D_PIPE_R || d->kind == D_PIPE_W);
}

/* ------------------------------------------------------------ pipes */
static void pipe_cut_notice(void)
{
    static const char msg[] =
        "wasmbox: a pipe reached its 64 MiB limit and its writer was stopped (SIGPIPE): pipeline\n"
        "stages run one after another here, so an endless producer is cut there; the data read\n"
        "was truncated. Limit the producer (e.g. head -n N inside the first stage) or use a file.\n";
    struct desc *d = get(2);
    if (d && d->kind == D_HOST)
        host_write(d->hfd, msg, sizeof msg - 1);
}

static ssize_t pipe_read(struct pipebuf *p, void *buf, size_t n)
{
    size_t avail = p->len - p->rpos;
    if (avail == 0) {
        if (p->cut == 1) {
            p->cut = 2;
            pipe_cut_notice();
        }
        /* With stages run in order no writer can still add data: EOF. */
        return 0;
    }
    if (n > avail)
        n = avail;
    memcpy(buf, p->buf + p->rpos, n);
    p->rpos += n;
    if (p->rpos == p->len) {
        p->rpos = p->len = 0;
    } else if (p->rpos > (1u << 20) && p->rpos > p->len / 2) {
        /* Reclaim the consumed front so a long-running reader stays small. */
        memmove(p->buf, p->buf + p->rpos, p->len - p->rpos);
        p->len -= p->rpos;
        p->rpos = 0;
    }
    return (ssize_t)n;
}

/* Called when a writer passes the limit; set by the shell/applet runner to
 * unwind the writer like SIGPIPE would. */
void (*proc_sigpipe_hook)(void);

static ssize_t pipe_write(struct pipebuf *p, const void *buf, size_t n)
{
    if (p->readers == 0) {
        errno = EPIPE;
        if (proc_sigpipe_hook)
            proc_sigpipe_hook();
        return -1;
    }
    if (p->len + n > PROC_PIPE_MAX || p->len + n < p->len) {
        p->cut = 1;
        errno = EPIPE;
        if (proc_sigpipe_hook)
            proc_sigpipe_hook();
        return -1;
    }
    if (p->len + n > p->cap) {
        size_t cap = p->cap ? p->cap : 4096;
        while (cap < p->len + n)
            cap *= 2;
        if (cap > PROC_PIPE_MAX)
            cap = PROC_PIPE_MAX;
        char *nb = rt_realloc(p->buf, cap);
        if (!nb) {
            errno = ENOMEM;
            return -1;
        }
        p->buf = nb;
        p->cap = cap;
    }
    memcpy(p->buf + p->len, buf, n);
    p->len += n;
    return (ssize_t)n;
}

int proc_pipe(int fds[2])
{
    struct pipebuf *p = rt_malloc(sizeof *p);
    struct desc *r = desc_new(D_PIPE_R), *w = desc_new(D_PIPE_W);
    if (!p || !r || !w) {
        rt_free(p); rt_free(r); rt_free(w);
        errno = ENOMEM;
        return -1;
    }
    memset(p, 0, sizeof *p);
    p->readers = p->writers = 1;
    r->p = w->p = p;
    fds[0] = install(r, 0);
    if (fds[0] < 0) {
        desc_unref(w);
        return -1;
    }
    fds[1] = install(w, 0);
    if (fds[1] < 0) {
        proc_close(fds[0]);
        return -1;
    }
    return 0;
}

int proc_pipe_with(const char *data, size_t n)
{
    int fds[2];
    if (proc_pipe(fds) < 0)
        return -1;
    if (n && pipe_write(get(fds[1])->p, data, n) < 0) {
        proc_close(fds[0]);
        proc_close(fds[1]);
        return -1;
    }
    proc_close(fds[1]);
    return fds[0];
}

/* ------------------------------------------------------------ fd calls */
ssize_t proc_read(int fd, void *buf, size_t n)
{
    struct desc *d = get(fd);
    if (!d) {
        errno = EBADF;
        return -1;
    }
    switch (d->kind) {
    case D_HOST: return host_read(d->hfd, buf, n);
    case D_PIPE_R: return pipe_read(d->p, buf, n);
    case D_NULL: return 0;
    case D_ZERO: memset(buf, 0, n); return (ssize_t)n;
    case D_RANDOM: { /* the sandbox's randomness (seeded when configured so) */
        size_t k = n > 256 ? 256 : n; /* getentropy's most per call */
        return getentropy(buf, k) ? -1 : (ssize_t)k;
    }
    default: errno = EBADF; return -1;
    }
}

ssize_t proc_write(int fd, const void *buf, size_t n)
{
    struct desc *d = get(fd);
    if (!d) {
        errno = EBADF;
        return -1;
    }
    switch (d->kind) {
    case D_HOST: {
        size_t done = 0;
        while (done < n) {
            ssize_t w = host_write(d->hfd, (const char *)buf + done, n - done);
            if (w <= 0)
                return done ? (ssize_t)done : -1;
            done += (size_t)w;
        }
        return (ssize_t)n;
    }
    case D_PIPE_W: return pipe_write(d->p, buf, n);
    case D_NULL: case D_ZERO: case D_RANDOM: return (ssize_t)n;
    default: errno = EBADF; return -1;
    }
}

int proc_close(int fd)
{
    struct desc *d = get(fd);
    if (!d) {
        errno = EBADF;
        return -1;
    }
    cur->fd[fd] = NULL;
    desc_unref(d);
    return 0;
}

int proc_dup2(int from, int to)
{
    struct desc *d = get(from);
    if (!d || to < 0 || to >= PROC_NFD) {
        errno = EBADF;
        return -1;
    }
    if (from == to)
        return to;
    d->refs++;
    desc_unref(cur->fd[to]);
    cur->fd[to] = d;
    return to;
}

int proc_dup_min(int from, int min)
{
    struct desc *d = get(from);
    if (!d) {
        errno = EBADF;
        return -1;
    }
    d->refs++;
    return install(d, min);
}

int proc_open(const char *path, int flags, int mode)
{
    int dev = !strcmp(path, "/dev/null") ? D_NULL : !strcmp(path, "/dev/zero") ? D_ZERO
              : !strcmp(path, "/dev/urandom") || !strcmp(path, "/dev/random") ? D_RANDOM : -1;
    if (dev >= 0) {
        struct desc *d = desc_new(dev);
        if (!d) {
            errno = ENOMEM;
            return -1;
        }
        return install(d, 0);
    }
    int n = -1;
    if (!strcmp(path, "/dev/stdin"))
        n = 0;
    else if (!strcmp(path, "/dev/stdout"))
        n = 1;
    else if (!strcmp(path, "/dev/stderr"))
        n = 2;
    else if (!strncmp(path, "/dev/fd/", 8) || !strncmp(path, "/proc/self/fd/", 14)) {
        const char *s = path + (path[1] == 'd' ? 8 : 14);
        char *end;
        long v = strtol(s, &end, 10);
        if (*s && !*end && v >= 0 && v < PROC_NFD)
            n = (int)v;
    }
    if (n >= 0)
        return proc_dup_min(n, 0);
#ifdef __wasm__
    /* open() comes back through __wrap___wasi_path_open, which installs
     * the new host fd in this table. */
    return open(path, flags, mode);
#else
    int h = open(path, flags | O_CLOEXEC, mode);
    if (h < 0)
        return -1;
    struct desc *d = desc_new(D_HOST);
    if (!d) {
        close(h);
        errno = ENOMEM;
        return -1;
    }
    d->hfd = h;
    return install(d, 0);
#endif
}

/* ------------------------------------------------------------ tables */
static struct fdtab *tab_copy(struct fdtab *t)
{
    struct fdtab *c = rt_malloc(sizeof *c);
    if (!c)
        return NULL;
    for (int i = 0; i < PROC_NFD; i++) {
        c->fd[i] = t->fd[i];
        if (c->fd[i])
            c->fd[i]->refs++;
    }
    return c;
}

struct fdtab *proc_save(void)
{
    struct fdtab *old = tab();
    struct fdtab *c = tab_copy(old);
    if (!c)
        return NULL; /* out of memory: the child shares the table */
    cur = c;
    return old;
}

void proc_restore(struct fdtab *old)
{
    if (!old)
        return;
    struct fdtab *t = cur;
    cur = old;
    for (int i = 0; i < PROC_NFD; i++)
        desc_unref(t->fd[i]);
    rt_free(t);
}

/* ------------------------------------------------------------ WASI wrappers */
#ifdef __wasm__
/* wasi-libc's own calls (stdio, read, write, fstat, close, ...) all end in
 * these functions; wasm-ld --wrap sends them here (mk/shell.mk). */
__wasi_errno_t __real___wasi_fd_pread(__wasi_fd_t, const __wasi_iovec_t *, size_t, __wasi_filesize_t,
                                      __wasi_size_t *);
__wasi_errno_t __real___wasi_fd_pwrite(__wasi_fd_t, const __wasi_ciovec_t *, size_t, __wasi_filesize_t,
                                       __wasi_size_t *);
__wasi_errno_t __real___wasi_fd_seek(__wasi_fd_t, __wasi_filedelta_t, __wasi_whence_t, __wasi_filesize_t *);
__wasi_errno_t __real___wasi_fd_tell(__wasi_fd_t, __wasi_filesize_t *);
__wasi_errno_t __real___wasi_fd_fdstat_get(__wasi_fd_t, __wasi_fdstat_t *);
__wasi_errno_t __real___wasi_fd_fdstat_set_flags(__wasi_fd_t, __wasi_fdflags_t);
__wasi_errno_t __real___wasi_fd_filestat_get(__wasi_fd_t, __wasi_filestat_t *);
__wasi_errno_t __real___wasi_fd_filestat_set_size(__wasi_fd_t, __wasi_filesize_t);
__wasi_errno_t __real___wasi_fd_filestat_set_times(__wasi_fd_t, __wasi_timestamp_t, __wasi_timestamp_t,
                                                   __wasi_fstflags_t);
__wasi_errno_t __real___wasi_fd_readdir(__wasi_fd_t, uint8_t *, __wasi_size_t, __wasi_dircookie_t,
                                        __wasi_size_t *);
__wasi_errno_t __real___wasi_fd_sync(__wasi_fd_t);
__wasi_errno_t __real___wasi_fd_datasync(__wasi_fd_t);
__wasi_errno_t __real___wasi_path_open(__wasi_fd_t, __wasi_lookupflags_t, const char *, __wasi_oflags_t,
                                       __wasi_rights_t, __wasi_rights_t, __wasi_fdflags_t, __wasi_fd_t *);

__wasi_errno_t __real___wasi_path_filestat_get(__wasi_fd_t, __wasi_lookupflags_t, const char *, __wasi_filestat_t *);
__wasi_errno_t __real___wasi_path_filestat_set_times(__wasi_fd_t, __wasi_lookupflags_t, const char *,
                                                     __wasi_timestamp_t, __wasi_timestamp_t, __wasi_fstflags_t);
__wasi_errno_t __real___wasi_path_create_directory(__wasi_fd_t, const char *);
__wasi_errno_t __real___wasi_path_link(__wasi_fd_t, __wasi_lookupflags_t, const char *, __wasi_fd_t, const char *);
__wasi_errno_t __real___wasi_path_readlink(__wasi_fd_t, const char *, uint8_t *, __wasi_size_t, __wasi_size_t *);
__wasi_errno_t __real___wasi_path_remove_directory(__wasi_fd_t, const char *);
__wasi_errno_t __real___wasi_path_rename(__wasi_fd_t, const char *, __wasi_fd_t, const char *);
__wasi_errno_t __real___wasi_path_symlink(const char *, __wasi_fd_t, const char *);
__wasi_errno_t __real___wasi_path_unlink_file(__wasi_fd_t, const char *);
__wasi_errno_t __real___wasi_fd_advise(__wasi_fd_t, __wasi_filesize_t, __wasi_filesize_t, __wasi_advice_t);
__wasi_errno_t __real___wasi_fd_allocate(__wasi_fd_t, __wasi_filesize_t, __wasi_filesize_t);

/* The host fd behind a virtual one, or -1 with *e set. */
static int hostfd(__wasi_fd_t fd, __wasi_errno_t *e)
{
    struct desc *d = get((int)fd);
    if (!d) {
        *e = __WASI_ERRNO_BADF;
        return -1;
    }
    if (d->kind != D_HOST) {
        *e = CHARDEV(d) ? __WASI_ERRNO_INVAL : __WASI_ERRNO_SPIPE;
        return -1;
    }
    return d->hfd;
}

#define HOSTFD_OR_RETURN(h, fd) \
    __wasi_errno_t e_; \
    int h = hostfd(fd, &e_); \
    if (h < 0) return e_;

__wasi_errno_t __wrap___wasi_fd_read(__wasi_fd_t fd, const __wasi_iovec_t *iovs, size_t n, __wasi_size_t *got)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        if (iovs[i].buf_len == 0)
            continue;
        ssize_t r = proc_read((int)fd, iovs[i].buf, iovs[i].buf_len);
        if (r < 0) {
            if (total)
                break;
            return (__wasi_errno_t)errno;
        }
        total += (size_t)r;
        if ((size_t)r < iovs[i].buf_len)
            break;
        /* A host fd: one call per request is what the caller expects. */
        struct desc *d = get((int)fd);
        if (d && d->kind == D_HOST)
            break;
    }
    *got = (__wasi_size_t)total;
    return 0;
}

__wasi_errno_t __wrap___wasi_fd_write(__wasi_fd_t fd, const __wasi_ciovec_t *iovs, size_t n, __wasi_size_t *put)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        if (iovs[i].buf_len == 0)
            continue;
        ssize_t w = proc_write((int)fd, iovs[i].buf, iovs[i].buf_len);
        if (w < 0) {
            if (total)
                break;
            return (__wasi_errno_t)errno;
        }
        total += (size_t)w;
        if ((size_t)w < iovs[i].buf_len)
            break;
    }
    *put = (__wasi_size_t)total;
    return 0;
}

__wasi_errno_t __wrap___wasi_fd_close(__wasi_fd_t fd)
{
    return proc_close((int)fd) < 0 ? __WASI_ERRNO_BADF : 0;
}

__wasi_errno_t __wrap___wasi_fd_pread(__wasi_fd_t fd, const __wasi_iovec_t *iovs, size_t n,
                                      __wasi_filesize_t off, __wasi_size_t *got)
{
    HOSTFD_OR_RETURN(h, fd);
    return __real___wasi_fd_pread((__wasi_fd_t)h, iovs, n, off, got);
}

__wasi_errno_t __wrap___wasi_fd_pwrite(__wasi_fd_t fd, const __wasi_ciovec_t *iovs, size_t n,
                                       __wasi_filesize_t off, __wasi_size_t *put)
{
    HOSTFD_OR_RETURN(h, fd);
    return __real___wasi_fd_pwrite((__wasi_fd_t)h, iovs, n, off, put);
}

__wasi_errno_t __wrap___wasi_fd_seek(__wasi_fd_t fd, __wasi_filedelta_t off, __wasi_whence_t wh,
                                     __wasi_filesize_t *pos)
{
    HOSTFD_OR_RETURN(h, fd);
    return __real___wasi_fd_seek((__wasi_fd_t)h, off, wh, pos);
}

__wasi_errno_t __wrap___wasi_fd_tell(__wasi_fd_t fd, __wasi_filesize_t *pos)
{
    HOSTFD_OR_RETURN(h, fd);
    return __real___wasi_fd_tell((__wasi_fd_t)h, pos);
}

__wasi_errno_t __wrap___wasi_fd_fdstat_get(__wasi_fd_t fd, __wasi_fdstat_t *st)
{
    struct desc *d = get((int)fd);
    if (!d)
        return __WASI_ERRNO_BADF;
    if (d->kind == D_HOST)
        return __real___wasi_fd_fdstat_get((__wasi_fd_t)d->hfd, st);
    memset(st, 0, sizeof *st);
    st->fs_filetype = CHARDEV(d) ? __WASI_FILETYPE_CHARACTER_DEVICE : __WASI_FILETYPE_UNKNOWN;
    st->fs_rights_base = __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE;
    return 0;
}

__wasi_errno_t __wrap___wasi_fd_fdstat_set_flags(__wasi_fd_t fd, __wasi_fdflags_t fl)
{
    HOSTFD_OR_RETURN(h, fd);
    return __real___wasi_fd_fdstat_set_flags((__wasi_fd_t)h, fl);
}

__wasi_errno_t __wrap___wasi_fd_filestat_get(__wasi_fd_t fd, __wasi_filestat_t *st)
{
    struct desc *d = get((int)fd);
    if (!d)
        return __WASI_ERRNO_BADF;
    if (d->kind == D_HOST)
        return __real___wasi_fd_filestat_get((__wasi_fd_t)d->hfd, st);
    memset(st, 0, sizeof *st);
    st->filetype = CHARDEV(d) ? __WASI_FILETYPE_CHARACTER_DEVICE : __WASI_FILETYPE_UNKNOWN;
    st->nlink = 1;
    /* A device and inode of their own: tools that compare the two (diff
     * and cmp of <(...) <(...) ask "the same file?") must see two pipes
     * as two files, and both ends of one pipe as one. */
    st->dev = 0x70697065; /* "pipe" */
    st->ino = CHARDEV(d) ? 1 : (__wasi_inode_t)(uintptr_t)d->p;
    if (d->kind == D_PIPE_R)
        st->size = d->p->len - d->p->rpos;
    return 0;
}

__wasi_errno_t __wrap___wasi_fd_filestat_set_size(__wasi_fd_t fd, __wasi_filesize_t size)
{
    HOSTFD_OR_RETURN(h, fd);
    return __real___wasi_fd_filestat_set_size((__wasi_fd_t)h, size);
}

__wasi_errno_t __wrap___wasi_fd_filestat_set_times(__wasi_fd_t fd, __wasi_timestamp_t a, __wasi_timestamp_t m,
                                                   __wasi_fstflags_t fl)
{
    HOSTFD_OR_RETURN(h, fd);
    return __real___wasi_fd_filestat_set_times((__wasi_fd_t)h, a, m, fl);
}

__wasi_errno_t __wrap___wasi_fd_readdir(__wasi_fd_t fd, uint8_t *buf, __wasi_size_t len,
                                        __wasi_dircookie_t cookie, __wasi_size_t *used)
{
    HOSTFD_OR_RETURN(h, fd);
    return __real___wasi_fd_readdir((__wasi_fd_t)h, buf, len, cookie, used);
}

__wasi_errno_t __wrap___wasi_fd_sync(__wasi_fd_t fd)
{
    HOSTFD_OR_RETURN(h, fd);
    return __real___wasi_fd_sync((__wasi_fd_t)h);
}

__wasi_errno_t __wrap___wasi_fd_datasync(__wasi_fd_t fd)
{
    HOSTFD_OR_RETURN(h, fd);
    return __real___wasi_fd_datasync((__wasi_fd_t)h);
}

/* The special files applets and the shell open by name: /dev/null,
 * /dev/zero, /dev/urandom (and /dev/random, the same) and the
 * fds of this "process" (/dev/stdin, /dev/stdout, /dev/stderr, /dev/fd/N,
 * /proc/self/fd/N: process substitution <(...) hands out /dev/fd/N).
 * wasi-libc has made the path relative to the root preopen ("dev/fd/60"),
 * so only a path resolved from a preopen counts: openat(dir, "dev/null")
 * below some other directory is an ordinary file.  Returns the fd named,
 * SPECIAL_NULL, or SPECIAL_NONE. */
#define SPECIAL_NONE (-1)
#define SPECIAL_NULL (-2)
#define SPECIAL_BADFD (-3)
#define SPECIAL_ZERO (-4)
#define SPECIAL_RANDOM (-5)
#define SPECIAL_DEVICE(sp) ((sp) == SPECIAL_NULL || (sp) == SPECIAL_ZERO || (sp) == SPECIAL_RANDOM)

static int special_name(const char *path);

static int special_path(__wasi_fd_t dirfd, const char *path)
{
    if (dirfd >= MAX_PREOPEN || !preopened[dirfd])
        return SPECIAL_NONE;
    return special_name(path);
}

/* path: relative to the root, "dev/fd/3". */
static int special_name(const char *path)
{
    if (!strcmp(path, "dev/null"))
        return SPECIAL_NULL;
    if (!strcmp(path, "dev/zero"))
        return SPECIAL_ZERO;
    if (!strcmp(path, "dev/urandom") || !strcmp(path, "dev/random"))
        return SPECIAL_RANDOM;
    if (!strcmp(path, "dev/stdin"))
        return 0;
    if (!strcmp(path, "dev/stdout"))
        return 1;
    if (!strcmp(path, "dev/stderr"))
        return 2;
    const char *num = !strncmp(path, "dev/fd/", 7) ? path + 7
                      : !strncmp(path, "proc/self/fd/", 13) ? path + 13 : NULL;
    if (!num || !*num)
        return SPECIAL_NONE;
    long v = 0;
    for (const char *c = num; *c; c++) {
        if (*c < '0' || *c > '9' || v >= PROC_NFD)
            return SPECIAL_BADFD;
        v = v * 10 + (*c - '0');
    }
    return v < PROC_NFD ? (int)v : SPECIAL_BADFD;
}

/* Path calls name a directory by fd: a preopen's host number (above), or
 * a directory the program opened, by its virtual number here and the
 * host's number behind it there.  The number the host gave back at open
 * is kept when free, so the two usually agree, but not after a dup2 took
 * it. */
static int dirfd_host(__wasi_fd_t fd, __wasi_errno_t *e)
{
    if (fd < MAX_PREOPEN && preopened[fd])
        return (int)fd;
    return hostfd(fd, e);
}

#define DIRFD_OR_RETURN(h, fd) \
    __wasi_errno_t e_; \
    int h = dirfd_host(fd, &e_); \
    if (h < 0) return e_;

/* Special files first (they need no filesystem), then the host's open;
 * the new host fd gets the lowest free virtual number, as POSIX open
 * would. */
__wasi_errno_t __wrap___wasi_path_open(__wasi_fd_t dirfd, __wasi_lookupflags_t lf, const char *path,
                                       __wasi_oflags_t of, __wasi_rights_t rb, __wasi_rights_t ri,
                                       __wasi_fdflags_t ff, __wasi_fd_t *out)
{
    int sp = special_path(dirfd, path);
    if (sp != SPECIAL_NONE) {
        int v;
        if (sp == SPECIAL_BADFD) {
            v = -1;
            errno = ENOENT;
        } else if (SPECIAL_DEVICE(sp)) {
            v = proc_open(sp == SPECIAL_NULL ? "/dev/null" : sp == SPECIAL_ZERO ? "/dev/zero" : "/dev/urandom", 0, 0);
        } else {
            v = proc_dup_min(sp, 0);
            if (v < 0 && errno == EBADF)
                errno = ENOENT; /* bash: "/dev/fd/9: No such file or directory" */
        }
        if (v < 0)
            return (__wasi_errno_t)errno;
        *out = (__wasi_fd_t)v;
        return 0;
    }
    DIRFD_OR_RETURN(hdir, dirfd);
    __wasi_fd_t h;
    __wasi_errno_t e = __real___wasi_path_open((__wasi_fd_t)hdir, lf, path, of, rb, ri, ff, &h);
    if (e)
        return e;
    struct desc *d = desc_new(D_HOST);
    if (!d) {
        __real___wasi_fd_close(h);
        return __WASI_ERRNO_NOMEM;
    }
    d->hfd = (int)h;
    /* Keep the host's number when it is free: fewer surprises for code
     * that mixes the two (none should). */
    int v;
    if ((int)h < PROC_NFD && !tab()->fd[h]) {
        cur->fd[h] = d;
        v = (int)h;
    } else {
        v = install(d, 3);
    }
    if (v < 0)
        return __WASI_ERRNO_MFILE;
    *out = (__wasi_fd_t)v;
    return 0;
}

/* stat() and access() of a special file describe the fd it names. */
__wasi_errno_t __wrap___wasi_path_filestat_get(__wasi_fd_t dirfd, __wasi_lookupflags_t lf, const char *path,
                                               __wasi_filestat_t *st)
{
    int sp = special_path(dirfd, path);
    if (sp == SPECIAL_BADFD)
        return __WASI_ERRNO_NOENT;
    if (SPECIAL_DEVICE(sp)) {
        memset(st, 0, sizeof *st);
        st->filetype = __WASI_FILETYPE_CHARACTER_DEVICE;
        st->nlink = 1;
        return 0;
    }
    if (sp >= 0) {
        __wasi_errno_t e = __wrap___wasi_fd_filestat_get((__wasi_fd_t)sp, st);
        return e == __WASI_ERRNO_BADF ? __WASI_ERRNO_NOENT : e;
    }
    DIRFD_OR_RETURN(h, dirfd);
    return __real___wasi_path_filestat_get((__wasi_fd_t)h, lf, path, st);
}

__wasi_errno_t __wrap___wasi_path_filestat_set_times(__wasi_fd_t dirfd, __wasi_lookupflags_t lf, const char *path,
                                                     __wasi_timestamp_t a, __wasi_timestamp_t m,
                                                     __wasi_fstflags_t fl)
{
    DIRFD_OR_RETURN(h, dirfd);
    long mode = wb_modes_pending(); /* chmod (modes.c) rides on this call */
    if (mode >= 0)
        return __real___wasi_path_filestat_set_times((__wasi_fd_t)h, lf, path, (__wasi_timestamp_t)mode, 0,
                                                     WB_FST_MODE);
    return __real___wasi_path_filestat_set_times((__wasi_fd_t)h, lf, path, a, m, fl);
}

__wasi_errno_t __wrap___wasi_path_create_directory(__wasi_fd_t dirfd, const char *path)
{
    DIRFD_OR_RETURN(h, dirfd);
    return __real___wasi_path_create_directory((__wasi_fd_t)h, path);
}

__wasi_errno_t __wrap___wasi_path_link(__wasi_fd_t ofd, __wasi_lookupflags_t lf, const char *opath,
                                       __wasi_fd_t nfd, const char *npath)
{
    DIRFD_OR_RETURN(ho, ofd);
    __wasi_errno_t e2_;
    int hn = dirfd_host(nfd, &e2_);
    if (hn < 0)
        return e2_;
    return __real___wasi_path_link((__wasi_fd_t)ho, lf, opath, (__wasi_fd_t)hn, npath);
}

__wasi_errno_t __wrap___wasi_path_readlink(__wasi_fd_t dirfd, const char *path, uint8_t *buf,
                                           __wasi_size_t len, __wasi_size_t *got)
{
    DIRFD_OR_RETURN(h, dirfd);
    return __real___wasi_path_readlink((__wasi_fd_t)h, path, buf, len, got);
}

__wasi_errno_t __wrap___wasi_path_remove_directory(__wasi_fd_t dirfd, const char *path)
{
    DIRFD_OR_RETURN(h, dirfd);
    return __real___wasi_path_remove_directory((__wasi_fd_t)h, path);
}

__wasi_errno_t __wrap___wasi_path_rename(__wasi_fd_t ofd, const char *opath, __wasi_fd_t nfd, const char *npath)
{
    DIRFD_OR_RETURN(ho, ofd);
    __wasi_errno_t e2_;
    int hn = dirfd_host(nfd, &e2_);
    if (hn < 0)
        return e2_;
    return __real___wasi_path_rename((__wasi_fd_t)ho, opath, (__wasi_fd_t)hn, npath);
}

__wasi_errno_t __wrap___wasi_path_symlink(const char *target, __wasi_fd_t dirfd, const char *path)
{
    DIRFD_OR_RETURN(h, dirfd);
    return __real___wasi_path_symlink(target, (__wasi_fd_t)h, path);
}

__wasi_errno_t __wrap___wasi_path_unlink_file(__wasi_fd_t dirfd, const char *path)
{
    DIRFD_OR_RETURN(h, dirfd);
    return __real___wasi_path_unlink_file((__wasi_fd_t)h, path);
}

__wasi_errno_t __wrap___wasi_fd_advise(__wasi_fd_t fd, __wasi_filesize_t off, __wasi_filesize_t len,
                                       __wasi_advice_t adv)
{
    HOSTFD_OR_RETURN(h, fd);
    return __real___wasi_fd_advise((__wasi_fd_t)h, off, len, adv);
}

__wasi_errno_t __wrap___wasi_fd_allocate(__wasi_fd_t fd, __wasi_filesize_t off, __wasi_filesize_t len)
{
    HOSTFD_OR_RETURN(h, fd);
    return __real___wasi_fd_allocate((__wasi_fd_t)h, off, len);
}

/* WASI has no file type for a pipe, so stat() would say "unknown" (mode
 * 0): a pipe, or a /dev/fd/N, /dev/stdin naming one, is made a FIFO here
 * as on Linux, so tools that copy a FIFO before seeking in it do so
 * (diff <(sort a) <(sort b)). */
int __real_fstat(int, struct stat *);
int __real_stat(const char *restrict, struct stat *restrict);
int __real_lstat(const char *restrict, struct stat *restrict);
int __real_fstatat(int, const char *restrict, struct stat *restrict, int);

static void fifo_mode(int fd, struct stat *st)
{
    if (fd >= 0 && proc_is_pipe(fd))
        st->st_mode = (st->st_mode & ~(mode_t)S_IFMT) | S_IFIFO | 0600;
}

static int fd_named(const char *path)
{
    return path && path[0] == '/' ? special_name(path + 1) : SPECIAL_NONE;
}

int __wrap_fstat(int fd, struct stat *st)
{
    wb_modes_enter();
    int r = wb_modes_leave(__real_fstat(fd, st), st);
    if (r == 0)
        fifo_mode(fd, st);
    return r;
}

int __wrap_stat(const char *restrict path, struct stat *restrict st)
{
    wb_modes_enter();
    int r = wb_modes_leave(__real_stat(path, st), st);
    if (r == 0)
        fifo_mode(fd_named(path), st);
    return r;
}

int __wrap_lstat(const char *restrict path, struct stat *restrict st)
{
    wb_modes_enter();
    int r = wb_modes_leave(__real_lstat(path, st), st);
    if (r == 0)
        fifo_mode(fd_named(path), st);
    return r;
}

int __wrap_fstatat(int dirfd, const char *restrict path, struct stat *restrict st, int flags)
{
    wb_modes_enter();
    int r = wb_modes_leave(__real_fstatat(dirfd, path, st, flags), st);
    if (r == 0)
        fifo_mode(fd_named(path), st);
    return r;
}
#endif
