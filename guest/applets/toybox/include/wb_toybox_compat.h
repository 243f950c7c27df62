/* What toybox uses from POSIX/Linux headers that wasi-libc lacks.
 *
 * Every function here is renamed to wbtb_* (so nothing clashes with
 * another part of the guest that stubs the same libc name) and defined in
 * guest/applets/toybox/stubs.c.  The sandbox has one user, no processes,
 * no terminals and no mounts: the stubs fail with ENOSYS (or answer "not
 * found" where POSIX has no error, like getpwuid), never pretend success. */
#ifndef WB_TOYBOX_COMPAT_H
#define WB_TOYBOX_COMPAT_H

#include <sys/types.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <signal.h>

/* ---- replaced by guest/applets/toybox/glue.c (see there) */
#define _exit wbtb__exit
#define setvbuf wbtb_setvbuf
int wbtb_popen(char **argv, int *pipes, void (*callback)(char **argv));
int wbtb_spawn(char **argv);
void wbtb_env_exec(char **argv, char **env);

/* A dirent's d_type as st_mode file-type bits (see tools/patch-toybox.sh). */
unsigned wbtb_dttoif(unsigned char d_type);

/* ---- open flags WASI has no bit for: toybox would otherwise define them
   as Linux's numbers, which WASI rejects with EINVAL.  O_PATH (open only
   to name the file) becomes a plain read-only open. */
#define O_NOATIME 0
#define O_PATH 0
/* Linux's O_RDONLY is 0, so toybox opens for reading with no access mode
   at all (open(name, O_CREAT)); WASI's O_RDONLY is a bit of its own and no
   mode is EINVAL.  These add O_RDONLY when no access mode is given. */
#define open(...) wbtb_open(__VA_ARGS__)
#define openat(...) wbtb_openat(__VA_ARGS__)
int wbtb_open(const char *path, int flags, ...);
int wbtb_openat(int dirfd, const char *path, int flags, ...);

/* toybox writes to fd 1 both through stdio and with write(); glue.c makes
   stdout buffered (it is unbuffered in toybox), so a raw write to fd 1 or
   2 flushes stdout first to keep the order. */
#define write(...) wbtb_write(__VA_ARGS__)
ssize_t wbtb_write(int fd, const void *buf, size_t n);

/* ---- pwd.h / grp.h: no user database */
struct passwd {
    char *pw_name, *pw_passwd;
    uid_t pw_uid;
    gid_t pw_gid;
    char *pw_gecos, *pw_dir, *pw_shell;
};
struct group {
    char *gr_name, *gr_passwd;
    gid_t gr_gid;
    char **gr_mem;
};
#define getpwuid wbtb_getpwuid
#define getpwnam wbtb_getpwnam
#define getgrgid wbtb_getgrgid
#define getgrnam wbtb_getgrnam
#define getpwuid_r wbtb_getpwuid_r
#define getpwnam_r wbtb_getpwnam_r
int getpwuid_r(uid_t uid, struct passwd *pw, char *buf, size_t len, struct passwd **res);
int getpwnam_r(const char *name, struct passwd *pw, char *buf, size_t len, struct passwd **res);
#define getgrgid_r wbtb_getgrgid_r
#define getgrnam_r wbtb_getgrnam_r
int getgrgid_r(gid_t gid, struct group *gr, char *buf, size_t len, struct group **res);
int getgrnam_r(const char *name, struct group *gr, char *buf, size_t len, struct group **res);
#define getgrouplist wbtb_getgrouplist
#define getgroups wbtb_getgroups
struct passwd *getpwuid(uid_t uid);
struct passwd *getpwnam(const char *name);
struct group *getgrgid(gid_t gid);
struct group *getgrnam(const char *name);
int getgrouplist(const char *user, gid_t group, gid_t *groups, int *ngroups);
int getgroups(int size, gid_t list[]);

/* ---- unistd.h pieces: ids, ownership, processes */
#define getuid wbtb_getuid
#define geteuid wbtb_geteuid
#define getgid wbtb_getgid
#define getegid wbtb_getegid
#define setuid wbtb_setuid
#define setgid wbtb_setgid
#define chown wbtb_chown
#define lchown wbtb_lchown
#define fchown wbtb_fchown
#define fchownat wbtb_fchownat
#define fork wbtb_fork
#define vfork wbtb_vfork
#define execv wbtb_execv
#define execvp wbtb_execvp
#define execve wbtb_execve
#define waitpid wbtb_waitpid
#define wait wbtb_wait
#define kill wbtb_kill
#define setsid wbtb_setsid
#define setpgid wbtb_setpgid
#define getppid wbtb_getppid
#define pipe wbtb_pipe
#define dup wbtb_dup
#define dup2 wbtb_dup2
#define mknod wbtb_mknod
#define mknodat wbtb_mknodat
#define mkfifo wbtb_mkfifo
#define mkfifoat wbtb_mkfifoat
#define chroot wbtb_chroot
#define ttyname wbtb_ttyname
#define sync wbtb_sync
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);
int setuid(uid_t uid);
int setgid(gid_t gid);
int chown(const char *path, uid_t uid, gid_t gid);
int lchown(const char *path, uid_t uid, gid_t gid);
int fchown(int fd, uid_t uid, gid_t gid);
int fchownat(int dirfd, const char *path, uid_t uid, gid_t gid, int flags);
pid_t fork(void);
pid_t vfork(void);
int execv(const char *path, char *const argv[]);
int execvp(const char *file, char *const argv[]);
int execve(const char *path, char *const argv[], char *const envp[]);
pid_t waitpid(pid_t pid, int *status, int options);
pid_t wait(int *status);
int kill(pid_t pid, int sig);
pid_t setsid(void);
int setpgid(pid_t pid, pid_t pgid);
pid_t getppid(void);
int pipe(int fds[2]);
int dup(int fd);
int dup2(int fd, int fd2);
/* umask, chmod, fchmod, fchmodat: guest/rt/modes.c, shared by every guest
 * program (not renamed). */
mode_t umask(mode_t mask);
int mknod(const char *path, mode_t mode, dev_t dev);
int mknodat(int dirfd, const char *path, mode_t mode, dev_t dev);
int mkfifo(const char *path, mode_t mode);
int mkfifoat(int dirfd, const char *path, mode_t mode);
int chroot(const char *path);
char *ttyname(int fd);
int fchmodat(int dirfd, const char *path, mode_t mode, int flags);
int fchmod(int fd, mode_t mode);
int chmod(const char *path, mode_t mode);
void sync(void);

/* ---- sys/wait.h */
#define WNOHANG 1
#define WUNTRACED 2
#define WEXITSTATUS(s) (((s) & 0xff00) >> 8)
#define WTERMSIG(s) ((s) & 0x7f)
#define WIFEXITED(s) (!WTERMSIG(s))
#define WIFSIGNALED(s) (((s) & 0xffff) - 1U < 0xffu)
#define WIFSTOPPED(s) 0

/* ---- statfs / statvfs / mounts */
struct statfs {
    unsigned long f_type, f_bsize, f_frsize;
    fsblkcnt_t f_blocks, f_bfree, f_bavail;
    fsfilcnt_t f_files, f_ffree;
    struct { int __val[2]; } f_fsid;
    unsigned long f_namelen, f_flags;
};
struct statvfs {
    unsigned long f_bsize, f_frsize;
    fsblkcnt_t f_blocks, f_bfree, f_bavail;
    fsfilcnt_t f_files, f_ffree, f_favail;
    unsigned long f_fsid, f_flag, f_namemax;
};
#define ST_RDONLY 1
#define ST_NOSUID 2
#define statfs(p, b) wbtb_statfs(p, b)
#define fstatfs wbtb_fstatfs
#define statvfs(p, b) wbtb_statvfs(p, b)
#define fstatvfs wbtb_fstatvfs
int wbtb_statfs(const char *path, struct statfs *buf);
int fstatfs(int fd, struct statfs *buf);
int wbtb_statvfs(const char *path, struct statvfs *buf);
int fstatvfs(int fd, struct statvfs *buf);
struct mntent {
    char *mnt_fsname, *mnt_dir, *mnt_type, *mnt_opts;
    int mnt_freq, mnt_passno;
};
#define setmntent wbtb_setmntent
#define getmntent wbtb_getmntent
#define endmntent wbtb_endmntent
#include <stdio.h>
FILE *setmntent(const char *path, const char *mode);
struct mntent *getmntent(FILE *f);
int endmntent(FILE *f);
#define MS_RDONLY 1
#define MS_NOSUID 2
#define MS_NODEV 4
#define MS_NOEXEC 8
#define MS_SYNCHRONOUS 16
#define MS_REMOUNT 32
#define MS_BIND 4096
#define MS_MOVE 8192
#define MS_REC 16384
#define MS_SILENT 32768

/* ---- sys/xattr.h */
#define XATTR_CREATE 1
#define XATTR_REPLACE 2
#define getxattr wbtb_getxattr
#define lgetxattr wbtb_lgetxattr
#define fgetxattr wbtb_fgetxattr
#define listxattr wbtb_listxattr
#define llistxattr wbtb_llistxattr
#define flistxattr wbtb_flistxattr
#define setxattr wbtb_setxattr
#define lsetxattr wbtb_lsetxattr
#define fsetxattr wbtb_fsetxattr
ssize_t getxattr(const char *p, const char *n, void *v, size_t s);
ssize_t lgetxattr(const char *p, const char *n, void *v, size_t s);
ssize_t fgetxattr(int fd, const char *n, void *v, size_t s);
ssize_t listxattr(const char *p, char *l, size_t s);
ssize_t llistxattr(const char *p, char *l, size_t s);
ssize_t flistxattr(int fd, char *l, size_t s);
int setxattr(const char *p, const char *n, const void *v, size_t s, int f);
int lsetxattr(const char *p, const char *n, const void *v, size_t s, int f);
int fsetxattr(int fd, const char *n, const void *v, size_t s, int f);

/* ---- sys/inotify.h, sys/personality.h, pty.h */
#define IN_MODIFY 2
#define inotify_init wbtb_inotify_init
#define inotify_add_watch wbtb_inotify_add_watch
int inotify_init(void);
int inotify_add_watch(int fd, const char *path, uint32_t mask);
struct inotify_event { int wd; uint32_t mask, cookie, len; char name[]; };
#define personality wbtb_personality
int personality(unsigned long p);
#define PER_LINUX32 8

/* ---- termios.h: no terminal in the sandbox.  isatty answers no for every
   fd (the sandbox's stdout is captured, whatever WASI reports for it), so
   ls prints one name a line, as GNU tools do into a pipe. */
#define isatty(fd) wbtb_isatty(fd)
int wbtb_isatty(int fd);
typedef unsigned char cc_t;
typedef unsigned int speed_t;
typedef unsigned int tcflag_t;
#define NCCS 32
struct termios {
    tcflag_t c_iflag, c_oflag, c_cflag, c_lflag;
    cc_t c_line, c_cc[NCCS];
    speed_t __c_ispeed, __c_ospeed;
};
struct winsize { unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel; };
#define TCSANOW 0
#define TCSADRAIN 1
#define TCSAFLUSH 2
#define VMIN 6
#define VTIME 5
#define ICANON 2
#define ECHO 8
#define ISIG 1
#define IXON 02000
#define ICRNL 0400
#define OPOST 1
#define ONLCR 4
#define IXANY 04000
#define INLCR 0100
#define IGNCR 0200
#define IXOFF 010000
#define BRKINT 2
#define INPCK 020
#define ISTRIP 040
#define ECHONL 0100
#define ECHOE 020
#define ECHOCTL 01000
#define ECHOKE 04000
#define ECHOK 040
#define IEXTEN 0100000
#define CS8 060
#define CSIZE 060
#define PARENB 0400
#define VINTR 0
#define VQUIT 1
#define VERASE 2
#define VKILL 3
#define VEOF 4
#define IUTF8 040000
#define TIOCGWINSZ 0x5413
#define TIOCSWINSZ 0x5414
#define TIOCSCTTY 0x540E
#define TIOCNOTTY 0x5422
#define tcgetattr wbtb_tcgetattr
#define tcsetattr wbtb_tcsetattr
#define cfmakeraw wbtb_cfmakeraw
#define cfsetspeed wbtb_cfsetspeed
#define cfgetispeed wbtb_cfgetispeed
#define tcgetpgrp wbtb_tcgetpgrp
int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int act, const struct termios *t);
void cfmakeraw(struct termios *t);
int cfsetspeed(struct termios *t, speed_t s);
speed_t cfgetispeed(const struct termios *t);
pid_t tcgetpgrp(int fd);

/* ---- syslog.h */
#define LOG_ERR 3
#define LOG_WARNING 4
#define LOG_NOTICE 5
#define LOG_INFO 6
#define LOG_DEBUG 7
#define LOG_USER (1<<3)
#define LOG_DAEMON (3<<3)
#define LOG_AUTH (4<<3)
#define LOG_PID 1
#define openlog wbtb_openlog
#define syslog wbtb_syslog
#define closelog wbtb_closelog
void openlog(const char *ident, int opt, int fac);
void syslog(int pri, const char *fmt, ...);
void closelog(void);
#include <stdarg.h>
#define vsyslog wbtb_vsyslog
void vsyslog(int pri, const char *fmt, va_list ap);

/* ---- netdb.h, net/if.h (toybox's lib/net.c only) */
struct addrinfo {
    int ai_flags, ai_family, ai_socktype, ai_protocol;
    unsigned ai_addrlen;
    struct sockaddr *ai_addr;
    char *ai_canonname;
    struct addrinfo *ai_next;
};
struct hostent { char *h_name; char **h_aliases; int h_addrtype, h_length; char **h_addr_list; };
struct servent { char *s_name; char **s_aliases; int s_port; char *s_proto; };
#define AI_PASSIVE 1
#define AI_CANONNAME 2
#define AI_NUMERICHOST 4
#define NI_NUMERICHOST 1
#define NI_NUMERICSERV 2
#define NI_NAMEREQD 8
#define NI_MAXHOST 255
#define NI_MAXSERV 32
#define EAI_AGAIN (-3)
#define EAI_SYSTEM (-11)
#define IFNAMSIZ 16
#define getaddrinfo wbtb_getaddrinfo
#define freeaddrinfo wbtb_freeaddrinfo
#define gai_strerror wbtb_gai_strerror
#define getnameinfo wbtb_getnameinfo
#define gethostbyname wbtb_gethostbyname
#define getservbyname wbtb_getservbyname
#define getservbyport wbtb_getservbyport
int getaddrinfo(const char *node, const char *svc, const struct addrinfo *h, struct addrinfo **res);
void freeaddrinfo(struct addrinfo *ai);
const char *gai_strerror(int e);
int getnameinfo(const void *sa, unsigned salen, char *host, unsigned hl, char *serv, unsigned sl, int f);
struct hostent *gethostbyname(const char *name);
struct servent *getservbyname(const char *name, const char *proto);
struct servent *getservbyport(int port, const char *proto);

/* ---- signals: none arrive in the sandbox (wasi-libc's emulation has
   signal() and raise() only) */
struct sigaction {
    void (*sa_handler)(int);
    sigset_t sa_mask;
    int sa_flags;
};
#define SA_NOCLDSTOP 1
#define SA_RESTART 0x10000000
#define SA_RESETHAND 0x80000000
#ifndef SIG_BLOCK
#define SIG_BLOCK 0
#endif
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2
#define sigaction(s, a, o) wbtb_sigaction(s, a, o)
#define sigemptyset wbtb_sigemptyset
#define sigfillset wbtb_sigfillset
#define sigaddset wbtb_sigaddset
#define sigdelset wbtb_sigdelset
#define sigprocmask wbtb_sigprocmask
int wbtb_sigaction(int sig, const struct sigaction *act, struct sigaction *old);
int sigemptyset(sigset_t *s);
int sigfillset(sigset_t *s);
int sigaddset(sigset_t *s, int sig);
int sigdelset(sigset_t *s, int sig);
int sigprocmask(int how, const sigset_t *set, sigset_t *old);

/* ---- missing pieces of stdlib.h/unistd.h/time.h/errno.h */
/* sleep: see stubs.c (virtual time when the host cannot wait) */
#define nanosleep wbtb_nanosleep
int nanosleep(const struct timespec *req, struct timespec *rem);
unsigned long long wbtb_slept_ns(void);
#define mkstemp wbtb_mkstemp
#define mkdtemp wbtb_mkdtemp
#define tzset wbtb_tzset
#define fchdir wbtb_fchdir
#define initgroups wbtb_initgroups
#define settimeofday wbtb_settimeofday
#define tcflush wbtb_tcflush
int mkstemp(char *tmpl);
char *mkdtemp(char *tmpl);
void tzset(void);
int fchdir(int fd);
int initgroups(const char *user, gid_t group);
struct timeval;
int settimeofday(const struct timeval *tv, const void *tz);
int tcflush(int fd, int q);
#define TCIFLUSH 0
#define TCOFLUSH 1
#define TCIOFLUSH 2
#ifndef ENODATA
#define ENODATA ENOTSUP
#endif
#define BLKGETSIZE64 0x80081272

/* ---- timers (timeout(1) is ours) */
#define _PATH_DEFPATH "/usr/bin:/bin"
#define _PATH_STDPATH "/usr/bin:/bin:/usr/sbin:/sbin"
#define _PATH_TTY "/dev/tty"

#endif
