/* File modes (and block counts) for the guest's libc: WASI preview1 has
 * none, so the host
 * passes a file's permission bits in its filestat's dev (guest/rt/host.h)
 * and these wrappers of the stat family move them into st_mode; chmod and
 * friends set them through the set_times calls with a flag of ours.
 * Without the host's bits (a host that does not send them) a file looks
 * like 0644 and a directory like 0755, as before.
 *
 * proc.c's wrappers of stat, fstat, lstat, fstatat and
 * path_filestat_set_times (every caller's, libc's own included) call the
 * hooks below; open, openat, mkdir and mkdirat are wrapped here
 * (mk/modes.mk). */
#include <errno.h>
#include <stdarg.h>
#include <time.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <wasi/api.h>

#include "host.h"
#include "modes.h"

static int fix(int r, struct stat *st)
{
    if (r)
        return r;
    unsigned long long dev = (unsigned long long)st->st_dev;
    mode_t perm;
    if (dev & WB_DEV_MODE_FLAG) {
        perm = (mode_t)((dev >> WB_DEV_MODE_SHIFT) & 07777);
        st->st_dev = (dev_t)(dev & ((1ull << WB_DEV_MODE_SHIFT) - 1));
    } else {
        perm = S_ISDIR(st->st_mode) ? 0755 : S_ISLNK(st->st_mode) ? 0777 : 0644;
    }
    st->st_mode = (st->st_mode & ~(mode_t)07777) | perm;
    /* WASI has no block count either: what a 4 KiB-block filesystem
     * (ext4, tmpfs) would use, so du and ls -s agree with Linux. */
    if (!st->st_blocks && (S_ISREG(st->st_mode) || S_ISDIR(st->st_mode)))
        st->st_blocks = S_ISDIR(st->st_mode) ? 8 : (blkcnt_t)((st->st_size + 4095) / 4096 * 8);
    st->st_blksize = 4096;
    return 0;
}

/* libc's stat and lstat call fstatat: only the outermost wrapper moves
 * the bits (a second pass would see no flag and put the defaults back). */
static int nested;

void wb_modes_enter(void) { nested++; }

int wb_modes_leave(int r, struct stat *st)
{
    return --nested ? r : fix(r, st);
}

/* chmod by path: libc's utimensat resolves the path (cwd, preopens) and
 * calls path_filestat_set_times; while a mode is pending, proc.c's wrapper
 * of that call turns it into the host's chmod.  One thread: no race. */
static long pending_mode = -1;

long wb_modes_pending(void) { return pending_mode; }

int fchmodat(int dirfd, const char *path, mode_t mode, int flags)
{
    if (flags & ~AT_SYMLINK_NOFOLLOW) {
        errno = EINVAL;
        return -1;
    }
    if (flags & AT_SYMLINK_NOFOLLOW) { /* as Linux: a symlink's own mode cannot change */
        struct stat st;
        if (fstatat(dirfd, path, &st, AT_SYMLINK_NOFOLLOW))
            return -1;
        if (S_ISLNK(st.st_mode)) {
            errno = EOPNOTSUPP;
            return -1;
        }
    }
    /* The times (NULL: "now") never reach the host: the wrapper above
     * replaces the whole call. */
    pending_mode = (long)(mode & 07777);
    int r = utimensat(dirfd, path, NULL, 0);
    pending_mode = -1;
    return r;
}

int chmod(const char *path, mode_t mode) { return fchmodat(AT_FDCWD, path, mode, 0); }

int fchmod(int fd, mode_t mode)
{
    /* The fd wrapper of guest/rt/proc.c maps fd and passes the flags on. */
    __wasi_errno_t e = __wasi_fd_filestat_set_times((__wasi_fd_t)fd, (__wasi_timestamp_t)(mode & 07777), 0,
                                                    WB_FST_MODE);
    if (e) {
        errno = e;
        return -1;
    }
    return 0;
}

/* ---- creation modes: WASI creates without a mode; the mode open() and
 * mkdir() were given (less the umask) is set right after, when it is not
 * the default a new file or directory has anyway. */
static mode_t cur_umask = 022;

mode_t umask(mode_t mask)
{
    mode_t old = cur_umask;
    cur_umask = mask & 0777;
    return old;
}

int __real_openat(int dirfd, const char *path, int flags, ...);
int __real_open(const char *path, int flags, ...);
int __real_mkdirat(int dirfd, const char *path, mode_t mode);
int __real_mkdir(const char *path, mode_t mode);

static int created(int fd, int existed, mode_t mode, mode_t dflt)
{
    mode = mode & 07777 & ~cur_umask;
    if (fd >= 0 && !existed && mode != dflt)
        fchmod(fd, mode); /* best effort: the file exists either way */
    return fd;
}

static int exists(int dirfd, const char *path)
{
    struct stat st;
    return fstatat(dirfd, path, &st, 0) == 0;
}

int __wrap_openat(int dirfd, const char *path, int flags, ...)
{
    if (!(flags & O_CREAT))
        return __real_openat(dirfd, path, flags);
    va_list ap;
    va_start(ap, flags);
    mode_t mode = va_arg(ap, mode_t);
    va_end(ap);
    int existed = exists(dirfd, path);
    return created(__real_openat(dirfd, path, flags, mode), existed, mode, 0644);
}

int __wrap_open(const char *path, int flags, ...)
{
    if (!(flags & O_CREAT))
        return __real_open(path, flags);
    va_list ap;
    va_start(ap, flags);
    mode_t mode = va_arg(ap, mode_t);
    va_end(ap);
    int existed = exists(AT_FDCWD, path);
    return created(__real_open(path, flags, mode), existed, mode, 0644);
}

static int made_dir(int r, int dirfd, const char *path, mode_t mode)
{
    mode = mode & 07777 & ~cur_umask;
    if (r == 0 && mode != 0755)
        fchmodat(dirfd, path, mode, 0);
    return r;
}

/* Each calls its own real function: libc's mkdirat calls mkdir for
 * AT_FDCWD, which must not come back here. */
int __wrap_mkdirat(int dirfd, const char *path, mode_t mode)
{
    return made_dir(__real_mkdirat(dirfd, path, mode), dirfd, path, mode);
}

int __wrap_mkdir(const char *path, mode_t mode) { return made_dir(__real_mkdir(path, mode), AT_FDCWD, path, mode); }

/* ---- times: wasi-libc's utimensat and futimens refuse UTIME_NOW and
 * UTIME_OMIT (EINVAL: its timestamp check runs before it looks for them),
 * so `touch FILE` failed on every existing file.  Both are resolved here
 * into plain times: NOW from the clock, OMIT from the file's own time. */
int __real_utimensat(int dirfd, const char *path, const struct timespec times[2], int flags);
int __real_futimens(int fd, const struct timespec times[2]);

static int special(long ns) { return ns == UTIME_NOW || ns == UTIME_OMIT; }

static void resolve_times(const struct timespec in[2], const struct stat *st, struct timespec out[2])
{
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    for (int i = 0; i < 2; i++)
        out[i] = in[i].tv_nsec == UTIME_NOW ? now : in[i].tv_nsec == UTIME_OMIT ? (i ? st->st_mtim : st->st_atim)
                                                                                   : in[i];
}

int __wrap_utimensat(int dirfd, const char *path, const struct timespec times[2], int flags)
{
    if (!times || (!special(times[0].tv_nsec) && !special(times[1].tv_nsec)))
        return __real_utimensat(dirfd, path, times, flags);
    if (times[0].tv_nsec == UTIME_NOW && times[1].tv_nsec == UTIME_NOW)
        return __real_utimensat(dirfd, path, NULL, flags);
    struct stat st;
    if (fstatat(dirfd, path, &st, flags & AT_SYMLINK_NOFOLLOW))
        return -1;
    struct timespec t[2];
    resolve_times(times, &st, t);
    return __real_utimensat(dirfd, path, t, flags);
}

int __wrap_futimens(int fd, const struct timespec times[2])
{
    if (!times || (!special(times[0].tv_nsec) && !special(times[1].tv_nsec)))
        return __real_futimens(fd, times);
    if (times[0].tv_nsec == UTIME_NOW && times[1].tv_nsec == UTIME_NOW)
        return __real_futimens(fd, NULL);
    struct stat st;
    if (fstat(fd, &st))
        return -1;
    struct timespec t[2];
    resolve_times(times, &st, t);
    return __real_futimens(fd, t);
}
