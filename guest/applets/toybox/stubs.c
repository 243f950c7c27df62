/* The libc functions toybox calls that wasi-libc lacks (declared, renamed
 * to wbtb_*, in include/wb_toybox_compat.h).
 *
 * The sandbox has one anonymous user, no processes, no terminal, no mounts
 * and no file modes or owners.  A stub fails the way POSIX lets the call
 * fail (ENOSYS, ENOTSUP for extended attributes, "not found" for the user
 * database), so the command prints a clear error instead of acting as if
 * it had worked.  mkstemp/mkdtemp and the sigset helpers are real. */
#include "wb_toybox_compat.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <dirent.h>
#include <unistd.h>

/* ---- user database: there is none */
struct passwd *getpwuid(uid_t uid) { (void)uid; return NULL; }
struct passwd *getpwnam(const char *name) { (void)name; return NULL; }
struct group *getgrgid(gid_t gid) { (void)gid; return NULL; }
struct group *getgrnam(const char *name) { (void)name; return NULL; }
int getpwuid_r(uid_t uid, struct passwd *pw, char *buf, size_t len, struct passwd **res)
{
    (void)uid, (void)pw, (void)buf, (void)len;
    *res = NULL;
    return 0; /* "not found" */
}
int getpwnam_r(const char *name, struct passwd *pw, char *buf, size_t len, struct passwd **res)
{
    (void)name, (void)pw, (void)buf, (void)len;
    *res = NULL;
    return 0;
}
int getgrgid_r(gid_t gid, struct group *gr, char *buf, size_t len, struct group **res)
{
    (void)gid, (void)gr, (void)buf, (void)len;
    *res = NULL;
    return 0;
}
int getgrnam_r(const char *name, struct group *gr, char *buf, size_t len, struct group **res)
{
    (void)name, (void)gr, (void)buf, (void)len;
    *res = NULL;
    return 0;
}
int getgrouplist(const char *user, gid_t group, gid_t *groups, int *ngroups)
{
    (void)user;
    if (*ngroups < 1) {
        *ngroups = 1;
        return -1;
    }
    groups[0] = group;
    *ngroups = 1;
    return 1;
}
int getgroups(int size, gid_t list[])
{
    if (size > 0)
        list[0] = 0;
    return size > 0 ? 1 : 0;
}
int initgroups(const char *user, gid_t group) { (void)user, (void)group; errno = ENOSYS; return -1; }

/* ---- ids: WASI files carry no owner; everything is user 0 */
uid_t getuid(void) { return 0; }
uid_t geteuid(void) { return 0; }
gid_t getgid(void) { return 0; }
gid_t getegid(void) { return 0; }
int setuid(uid_t uid) { (void)uid; errno = ENOSYS; return -1; }
int setgid(gid_t gid) { (void)gid; errno = ENOSYS; return -1; }

/* ---- owners: not in WASI.  Giving a file
 * the owner it already has (tar x restores 0:0) succeeds, any other
 * owner is ENOSYS. */
static int same_owner(int r, const struct stat *st, uid_t u, gid_t g)
{
    if (r)
        return -1;
    if ((u == (uid_t)-1 || u == st->st_uid) && (g == (gid_t)-1 || g == st->st_gid))
        return 0;
    errno = ENOSYS;
    return -1;
}
int chown(const char *p, uid_t u, gid_t g) { struct stat st; return same_owner(stat(p, &st), &st, u, g); }
int lchown(const char *p, uid_t u, gid_t g) { struct stat st; return same_owner(lstat(p, &st), &st, u, g); }
int fchown(int fd, uid_t u, gid_t g) { struct stat st; return same_owner(fstat(fd, &st), &st, u, g); }
int fchownat(int d, const char *p, uid_t u, gid_t g, int f)
{
    struct stat st;
    return same_owner(fstatat(d, p, &st, f), &st, u, g);
}

unsigned wbtb_dttoif(unsigned char t)
{
    switch (t) {
    case DT_DIR: return S_IFDIR;
    case DT_REG: return S_IFREG;
    case DT_LNK: return S_IFLNK;
    case DT_CHR: return S_IFCHR;
    case DT_BLK: return S_IFBLK;
#ifdef DT_FIFO
    case DT_FIFO: return S_IFIFO;
#endif
#ifdef DT_SOCK
    case DT_SOCK: return S_IFSOCK;
#endif
    default: return 0;
    }
}
/* chmod, fchmod, fchmodat: guest/rt/modes.c (the sandbox keeps modes). */

/* umask: guest/rt/modes.c. */

/* ---- special files, directories by fd, root */
int mknod(const char *p, mode_t m, dev_t d) { (void)p, (void)m, (void)d; errno = ENOSYS; return -1; }
int mknodat(int fd, const char *p, mode_t m, dev_t d) { (void)fd, (void)p, (void)m, (void)d; errno = ENOSYS; return -1; }
int mkfifo(const char *p, mode_t m) { (void)p, (void)m; errno = ENOSYS; return -1; }
int mkfifoat(int fd, const char *p, mode_t m) { (void)fd, (void)p, (void)m; errno = ENOSYS; return -1; }
/* WASI cannot change to a directory by fd.  find -exec "returns" to the
 * directory it started in, which is still the current one (toybox walks
 * with openat, it never changes directory): that succeeds.  Any other
 * directory (find -execdir) is ENOSYS. */
int fchdir(int fd)
{
    struct stat a, b;
    if (fstat(fd, &a))
        return -1;
    if (!stat(".", &b) && a.st_dev == b.st_dev && a.st_ino == b.st_ino)
        return 0;
    errno = ENOSYS;
    return -1;
}
int chroot(const char *p) { (void)p; errno = ENOSYS; return -1; }
void sync(void) {}

/* ---- processes: none (commands run through wb_run_command instead) */
pid_t fork(void) { errno = ENOSYS; return -1; }
pid_t vfork(void) { errno = ENOSYS; return -1; }
int execv(const char *p, char *const a[]) { (void)p, (void)a; errno = ENOSYS; return -1; }
int execvp(const char *f, char *const a[]) { (void)f, (void)a; errno = ENOSYS; return -1; }
int execve(const char *p, char *const a[], char *const e[]) { (void)p, (void)a, (void)e; errno = ENOSYS; return -1; }
int kill(pid_t pid, int sig) { (void)pid, (void)sig; errno = ENOSYS; return -1; }
pid_t setsid(void) { errno = ENOSYS; return -1; }
int setpgid(pid_t p, pid_t g) { (void)p, (void)g; errno = ENOSYS; return -1; }
pid_t getppid(void) { return 1; }
/* fds: the shell's process layer (guest/rt/proc.h) keeps a table of
 * virtual fds with in-guest pipes; when it is linked in, dup, dup2 and
 * pipe are its.  Without it (a guest with no shell, the WASI test driver)
 * WASI has no way to copy an fd. */
int proc_dup_min(int from, int min) __attribute__((weak));
int proc_dup2(int from, int to) __attribute__((weak));
int proc_pipe(int fds[2]) __attribute__((weak));
int pipe(int fds[2])
{
    if (proc_pipe)
        return proc_pipe(fds);
    errno = ENOSYS;
    return -1;
}
int dup(int fd)
{
    if (proc_dup_min)
        return proc_dup_min(fd, 0);
    errno = ENOSYS;
    return -1;
}
int dup2(int fd, int fd2)
{
    if (proc_dup2)
        return proc_dup2(fd, fd2);
    errno = ENOSYS;
    return -1;
}

/* ---- file systems and mounts */
int wbtb_statfs(const char *p, struct statfs *b) { (void)p, (void)b; errno = ENOSYS; return -1; }
int fstatfs(int fd, struct statfs *b) { (void)fd, (void)b; errno = ENOSYS; return -1; }
int wbtb_statvfs(const char *p, struct statvfs *b) { (void)p, (void)b; errno = ENOSYS; return -1; }
int fstatvfs(int fd, struct statvfs *b) { (void)fd, (void)b; errno = ENOSYS; return -1; }
FILE *setmntent(const char *p, const char *m) { (void)p, (void)m; errno = ENOSYS; return NULL; }
struct mntent *getmntent(FILE *f) { (void)f; return NULL; }
int endmntent(FILE *f) { (void)f; return 1; }

/* ---- extended attributes */
ssize_t getxattr(const char *p, const char *n, void *v, size_t s) { (void)p, (void)n, (void)v, (void)s; errno = ENOTSUP; return -1; }
ssize_t lgetxattr(const char *p, const char *n, void *v, size_t s) { (void)p, (void)n, (void)v, (void)s; errno = ENOTSUP; return -1; }
ssize_t fgetxattr(int fd, const char *n, void *v, size_t s) { (void)fd, (void)n, (void)v, (void)s; errno = ENOTSUP; return -1; }
ssize_t listxattr(const char *p, char *l, size_t s) { (void)p, (void)l, (void)s; errno = ENOTSUP; return -1; }
ssize_t llistxattr(const char *p, char *l, size_t s) { (void)p, (void)l, (void)s; errno = ENOTSUP; return -1; }
ssize_t flistxattr(int fd, char *l, size_t s) { (void)fd, (void)l, (void)s; errno = ENOTSUP; return -1; }
int setxattr(const char *p, const char *n, const void *v, size_t s, int f) { (void)p, (void)n, (void)v, (void)s, (void)f; errno = ENOTSUP; return -1; }
int lsetxattr(const char *p, const char *n, const void *v, size_t s, int f) { (void)p, (void)n, (void)v, (void)s, (void)f; errno = ENOTSUP; return -1; }
int fsetxattr(int fd, const char *n, const void *v, size_t s, int f) { (void)fd, (void)n, (void)v, (void)s, (void)f; errno = ENOTSUP; return -1; }

/* ---- file change notification (tail -f) */
int inotify_init(void) { errno = ENOSYS; return -1; }
int inotify_add_watch(int fd, const char *p, uint32_t m) { (void)fd, (void)p, (void)m; errno = ENOSYS; return -1; }
int personality(unsigned long p) { (void)p; errno = ENOSYS; return -1; }

/* ---- terminal: none, so every fd is "not a tty" */
int tcgetattr(int fd, struct termios *t) { (void)fd, (void)t; errno = ENOTTY; return -1; }
int tcsetattr(int fd, int a, const struct termios *t) { (void)fd, (void)a, (void)t; errno = ENOTTY; return -1; }
void cfmakeraw(struct termios *t) { (void)t; }
int cfsetspeed(struct termios *t, speed_t s) { (void)t, (void)s; errno = ENOTTY; return -1; }
speed_t cfgetispeed(const struct termios *t) { (void)t; return 0; }
pid_t tcgetpgrp(int fd) { (void)fd; errno = ENOTTY; return -1; }
int tcflush(int fd, int q) { (void)fd, (void)q; errno = ENOTTY; return -1; }
char *ttyname(int fd) { (void)fd; errno = ENOTTY; return NULL; }
int wbtb_isatty(int fd) { (void)fd; errno = ENOTTY; return 0; }

/* ---- syslog: no log daemon; messages go to stderr */
void openlog(const char *ident, int opt, int fac) { (void)ident, (void)opt, (void)fac; }
void vsyslog(int pri, const char *fmt, va_list ap)
{
    (void)pri;
    fputs("syslog: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}
void syslog(int pri, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsyslog(pri, fmt, ap);
    va_end(ap);
}
void closelog(void) {}

/* ---- names: no resolver */
int getaddrinfo(const char *n, const char *s, const struct addrinfo *h, struct addrinfo **r)
{
    (void)n, (void)s, (void)h;
    *r = NULL;
    errno = ENOSYS;
    return EAI_SYSTEM;
}
void freeaddrinfo(struct addrinfo *ai) { (void)ai; }
const char *gai_strerror(int e) { (void)e; return "name resolution is not available in the sandbox"; }
int getnameinfo(const void *sa, unsigned sl, char *h, unsigned hl, char *s, unsigned svl, int f)
{
    (void)sa, (void)sl, (void)h, (void)hl, (void)s, (void)svl, (void)f;
    errno = ENOSYS;
    return EAI_SYSTEM;
}
struct hostent *gethostbyname(const char *n) { (void)n; return NULL; }
struct servent *getservbyname(const char *n, const char *p) { (void)n, (void)p; return NULL; }
struct servent *getservbyport(int port, const char *p) { (void)port, (void)p; return NULL; }

/* ---- signals: nothing sends any, so masks are trivially kept; handlers
 * go to wasi-libc's emulation (raise() only). */
int wbtb_sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
    void (*prev)(int);

    if (act)
        prev = signal(sig, act->sa_handler);
    else if ((prev = signal(sig, SIG_DFL)) != SIG_ERR)
        signal(sig, prev);
    if (prev == SIG_ERR)
        return -1;
    if (old) {
        memset(old, 0, sizeof(*old));
        old->sa_handler = prev;
    }
    return 0;
}
int sigemptyset(sigset_t *s) { memset(s, 0, sizeof(*s)); return 0; }
int sigfillset(sigset_t *s) { memset(s, 0xff, sizeof(*s)); return 0; }
static int sigbit(sigset_t *s, int sig, int on)
{
    unsigned char *b = (unsigned char *)s;
    if (sig <= 0 || (size_t)(sig - 1) / 8 >= sizeof(*s)) {
        errno = EINVAL;
        return -1;
    }
    if (on)
        b[(sig - 1) / 8] |= (unsigned char)(1u << ((sig - 1) % 8));
    else
        b[(sig - 1) / 8] &= (unsigned char)~(1u << ((sig - 1) % 8));
    return 0;
}
int sigaddset(sigset_t *s, int sig) { return sigbit(s, sig, 1); }
int sigdelset(sigset_t *s, int sig) { return sigbit(s, sig, 0); }
int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
    (void)how, (void)set;
    if (old)
        sigemptyset(old);
    return 0;
}

/* ---- sleeping.  The sandbox's host may offer no blocking wait (WASI
 * poll_oneoff answers ENOTSUP): then time spent sleeping is virtual: the
 * call returns at once and the duration is added to a counter, which
 * timeout(1) counts as elapsed time, so `timeout 1 sleep 5` still times
 * out and no command burns fuel waiting.  When the host can wait, the
 * sleep is real (the sandbox's deadline bounds it). */
#undef nanosleep
int nanosleep(const struct timespec *req, struct timespec *rem);
static unsigned long long slept_ns;
unsigned long long wbtb_slept_ns(void) { return slept_ns; }
int wbtb_nanosleep(const struct timespec *req, struct timespec *rem)
{
    if (req->tv_sec < 0 || req->tv_nsec < 0 || req->tv_nsec >= 1000000000L) {
        errno = EINVAL;
        return -1;
    }
    if (!nanosleep(req, rem))
        return 0;
    if (errno != ENOTSUP && errno != ENOSYS)
        return -1;
    unsigned long long ns = (unsigned long long)req->tv_sec * 1000000000ull + (unsigned long long)req->tv_nsec;
    slept_ns = ns > ~0ull - slept_ns ? ~0ull : slept_ns + ns;
    if (rem)
        rem->tv_sec = 0, rem->tv_nsec = 0;
    return 0;
}

/* ---- time: the sandbox's clock is UTC and cannot be set */
void tzset(void) {}
int settimeofday(const struct timeval *tv, const void *tz) { (void)tv, (void)tz; errno = ENOSYS; return -1; }

/* ---- temporary files: real, O_EXCL on a random name */
static int fill_template(char *tmpl)
{
    static const char chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    size_t n = strlen(tmpl);
    unsigned char rnd[6];

    if (n < 6 || strcmp(tmpl + n - 6, "XXXXXX")) {
        errno = EINVAL;
        return -1;
    }
    arc4random_buf(rnd, sizeof(rnd));
    for (int i = 0; i < 6; i++)
        tmpl[n - 6 + i] = chars[rnd[i] % (sizeof(chars) - 1)];
    return 0;
}
int mkstemp(char *tmpl)
{
    char *copy = strdup(tmpl);
    if (!copy)
        return -1;
    for (int tries = 0; tries < 100; tries++) {
        strcpy(tmpl, copy);
        if (fill_template(tmpl)) break;
        int fd = open(tmpl, O_RDWR | O_CREAT | O_EXCL, 0600);
        if (fd >= 0 || errno != EEXIST) {
            free(copy);
            return fd;
        }
    }
    free(copy);
    return -1;
}
char *mkdtemp(char *tmpl)
{
    char *copy = strdup(tmpl);
    if (!copy)
        return NULL;
    for (int tries = 0; tries < 100; tries++) {
        strcpy(tmpl, copy);
        if (fill_template(tmpl)) break;
        if (!mkdir(tmpl, 0700)) {
            free(copy);
            return tmpl;
        }
        if (errno != EEXIST) break;
    }
    free(copy);
    return NULL;
}

/* ---- open with an access mode always (see wb_toybox_compat.h) */
#undef open
#undef openat
/* Their declarations in <fcntl.h> were renamed by the macros. */
int open(const char *path, int flags, ...);
int openat(int dirfd, const char *path, int flags, ...);
/* Reads open's optional mode (present only with O_CREAT). */
#define OPEN_MODE(flags, mode)                                        \
    do {                                                              \
        va_list ap;                                                   \
        va_start(ap, flags);                                          \
        mode = (flags & O_CREAT) ? (mode_t)va_arg(ap, int) : 0;       \
        va_end(ap);                                                   \
    } while (0)
static int with_access_mode(int flags)
{
    return (flags & O_ACCMODE) ? flags : flags | O_RDONLY;
}
int wbtb_open(const char *path, int flags, ...)
{
    mode_t mode;
    OPEN_MODE(flags, mode);
    return open(path, with_access_mode(flags), mode);
}
int wbtb_openat(int dirfd, const char *path, int flags, ...)
{
    mode_t mode;
    OPEN_MODE(flags, mode);
    return openat(dirfd, path, with_access_mode(flags), mode);
}

/* ---- write() after what stdio holds (see wb_toybox_compat.h) */
#undef write
ssize_t write(int fd, const void *buf, size_t n);
ssize_t wbtb_write(int fd, const void *buf, size_t n)
{
    if (fd == 1 || fd == 2)
        fflush(stdout);
    return write(fd, buf, n);
}
