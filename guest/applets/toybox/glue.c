/* toybox's commands as wasmbox applets.
 *
 * toybox keeps each command's state in globals (toys, this, toybuf,
 * libbuf) and normally runs one command per process.  Here every command
 * runs in the shell's process, many times over, so each run starts from
 * zeroed globals (toybox's own toy_init, as its NOFORK path does) and ends
 * through toybox's xexit(): stdout flushed, exit(status).  The runner
 * (guest/rt) turns that exit() into the end of the command and reclaims
 * what the command allocated.
 *
 * Commands that run other commands (find -exec, xargs, env CMD) get them
 * run in-process by the shell through wb_run_command, see the pseudo
 * processes below.  A nested toybox command would zero the outer one's
 * globals, so they are saved around the call.
 *
 * Compiled by tools/build-toybox.sh against the configured toybox copy;
 * the table comes from tools/toybox-table.c. */
#include "toys.h"

#include "applets.h"

_Noreturn void wbtb_siglongjmp(long *buf, int v);
_Noreturn void wbtb__exit(int status);
int wbtb_setvbuf(FILE *f, char *buf, int mode, size_t size);
int wbtb_popen(char **argv, int *pipes, void (*callback)(char **argv));
int wbtb_spawn(char **argv);
void wbtb_env_exec(char **argv, char **env);
pid_t wbtb_waitpid(pid_t pid, int *status, int options);
pid_t wbtb_wait(int *status);

/* ---- running one command */

/* wasi-libc resolves every relative path (open, stat, ...) in a static
 * buffer it grows with realloc.  Grown inside a command, it lives in that
 * command's arena and dangles once the command ends: the next command
 * then writes through it.  So before the first command it is grown once,
 * to the longest path there is, with the shell's arena tracking suspended
 * (guest/rt/proc.h; weak: a guest without the shell has no arenas).  The
 * shell's runtime is the better place for this; it is harmless twice. */
int arena_suspend(void) __attribute__((weak));
void arena_resume(int saved) __attribute__((weak));
void wbtb_prepare(void);
void wbtb_prepare(void)
{
    static int done;
    static char path[PATH_MAX];
    struct stat st;

    if (done || !arena_suspend || !arena_resume)
        return;
    done = 1;
    int saved = arena_suspend();
    memset(path, 'x', sizeof(path) - 1);
    (void)stat(path, &st); /* fails (ENOENT or ENAMETOOLONG) after resolving */
    arena_resume(saved);
}

static int run(int i, char **argv)
{
    struct toy_list *which = toy_list + i;

    wbtb_prepare();
    /* Whatever a previous run left (its memory is gone) must not be seen:
     * toy_init would free toys.optargs and keep toys.rebound. */
    memset(&toys, 0, sizeof(toys));
    memset(&this, 0, sizeof(this));
    toy_init(which, argv);
    which->toy_main();
    xexit();
}

#define WBTB_MAIN(n) \
    static int wbtb_main_##n(int argc, char **argv) { (void)argc; return run(n, argv); }
#define WBTB_MAINS
#include "toybox-applets.inc"
#undef WBTB_MAINS

/* toybox's _xexit() ends with _exit(toys.exitval) after flushing stdout;
 * exit() is what the runner intercepts. */
_Noreturn void wbtb__exit(int status)
{
    exit(status);
}

/* toys.rebound is set only by WOULD_EXIT (gzip, gunzip): wasm cannot
 * jump back, so the error that was just printed ends the command. */
_Noreturn void wbtb_siglongjmp(long *buf, int v)
{
    (void)buf;
    (void)v;
    exit(toys.exitval ? toys.exitval : 1);
}

/* toybox makes stdout unbuffered unless a command asks for line
 * buffering, so that output interleaves with children it forks.  There
 * are no children here and every byte written is a host call, so stdout
 * is fully buffered (as GNU tools do on a pipe); xexit() flushes it. */
#undef setvbuf
int setvbuf(FILE *restrict f, char *restrict buf, int mode, size_t size);
int wbtb_setvbuf(FILE *f, char *buf, int mode, size_t size)
{
    if (f == stdout && mode == _IONBF)
        mode = _IOFBF;
    return setvbuf(f, buf, mode, size);
}

/* ---- pseudo processes: a command "spawned" has already run to its end;
 * its pid is a ticket for waitpid() to collect the status. */

#define NPROC 16
static struct { pid_t pid; int status; } procs[NPROC];
static pid_t next_pid = 1000;

struct saved {
    struct toy_context toys;
    union global_union this;
    char toybuf[sizeof(toybuf)], libbuf[sizeof(libbuf)];
};

static int run_nested(char **argv)
{
    struct saved *s = xmalloc(sizeof(*s));
    int status;

    memcpy(&s->toys, &toys, sizeof(toys));
    memcpy(&s->this, &this, sizeof(this));
    memcpy(s->toybuf, toybuf, sizeof(toybuf));
    memcpy(s->libbuf, libbuf, sizeof(libbuf));
    fflush(stdout);
    status = wb_run_command(argv);
    memcpy(&toys, &s->toys, sizeof(toys));
    memcpy(&this, &s->this, sizeof(this));
    memcpy(toybuf, s->toybuf, sizeof(toybuf));
    memcpy(libbuf, s->libbuf, sizeof(libbuf));
    free(s);
    return status;
}

int wbtb_spawn(char **argv)
{
    int slot, status;

    for (slot = 0; slot < NPROC && procs[slot].pid; slot++)
        ;
    if (slot == NPROC)
        error_exit("more than %d finished commands not yet waited for", NPROC);
    status = run_nested(argv);
    procs[slot].pid = next_pid++;
    if (next_pid < 1000)
        next_pid = 1000;
    procs[slot].status = (status & 0xff) << 8;
    return procs[slot].pid;
}

/* xpopen_setup (patched to land here): only a command that shares our
 * stdin and stdout can run, since the sandbox has no pipes between two
 * commands running at once. */
int wbtb_popen(char **argv, int *pipes, void (*callback)(char **argv))
{
    (void)callback;
    if (!argv)
        error_exit("cannot re-run itself in a second process: the sandbox has none");
    if (pipes && (pipes[0] != 0 || pipes[1] != 1)) {
        errno = ENOSYS;
        perror_exit("%s: cannot run with a pipe to or from it in the sandbox", *argv);
    }
    return wbtb_spawn(argv);
}

pid_t wbtb_waitpid(pid_t pid, int *status, int options)
{
    (void)options; /* everything "spawned" has already ended */
    for (int i = 0; i < NPROC; i++) {
        if (!procs[i].pid || (pid > 0 && procs[i].pid != pid))
            continue;
        pid = procs[i].pid;
        if (status)
            *status = procs[i].status;
        procs[i].pid = 0;
        return pid;
    }
    errno = ECHILD;
    return -1;
}

pid_t wbtb_wait(int *status)
{
    return wbtb_waitpid(-1, status, 0);
}

/* env COMMAND: run it with the environment env built (ee for -i, else
 * the one env changed in place), then end env with its status. */
void wbtb_env_exec(char **argv, char **env)
{
    extern char **environ;
    char **old = environ;
    int status;

    if (env)
        environ = env;
    status = run_nested(argv);
    environ = old;
    toys.exitval = status;
    xexit();
}

/* ---- help: every applet of every provider */

static int list_one(const struct wb_applet *a, void *arg)
{
    (void)arg;
    printf("%-10s %s\n", a->name, a->usage ? a->usage : "");
    return 0;
}

static int help_main(int argc, char **argv)
{
    const struct wb_applet *a;

    if (argc < 2) {
        fputs("Commands (NAME --help or help NAME for details):\n", stdout);
        wb_applet_each(list_one, 0);
    } else for (int i = 1; i < argc; i++) {
        if (!(a = wb_applet_find(argv[i]))) {
            fprintf(stderr, "help: no command named '%s' (help lists them all)\n", argv[i]);
            fflush(stdout);
            exit(1);
        }
        printf("%s\n", a->help ? a->help : a->usage);
    }
    fflush(stdout);
    exit(0);
}

/* Ours, for what toybox lacks or cannot do without processes (own_*.c). */
int wbtb_own_timeout(int argc, char **argv);
int wbtb_own_cat(int argc, char **argv);
int wbtb_own_xargs(int argc, char **argv);
int wbtb_own_column(int argc, char **argv);

const struct wb_applet wb_applets_toybox[] = {
    {"cat", wbtb_own_cat, "cat [-AbeEnstTuv] [FILE...]", NULL},
    {"xargs", wbtb_own_xargs,
     "xargs [-0prtx] [-a FILE] [-d DELIM] [-E EOF] [-I REPL] [-L MAX] [-n MAX] [-P N] [-s SIZE] [COMMAND [ARG...]]",
     NULL},
#define WBTB_ENTRIES
#include "toybox-applets.inc"
#undef WBTB_ENTRIES
    {"column", wbtb_own_column, "column [-tx] [-c WIDTH] [-s SEPARATORS] [-o STRING] [FILE...]", NULL},
    {"timeout", wbtb_own_timeout,
     "timeout [-k DURATION] [-s SIGNAL] [--preserve-status] [--foreground] [-v] DURATION COMMAND [ARG...]",
     NULL},
    {"help", help_main, "help [COMMAND...]",
     "usage: help [COMMAND...]\n\nWith no COMMAND, list every command with its usage line.\n"
     "With COMMANDs, show each one's full help (the same text as COMMAND --help)."},
    {NULL, NULL, NULL, NULL},
};

/* lib/net.c is not built (no sockets); tty.c's key reader needs this. */
int xpoll(struct pollfd *fds, int nfds, int timeout)
{
    int i = poll(fds, nfds, timeout);

    if (i < 0)
        perror_exit("poll");
    return i;
}
