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

static void remember_env_names(void);

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
    /* Line buffering (yes, base64, ...) makes xprintf flush every line:
     * `yes a b | head -2` would write line by line until the pipe is
     * full.  There is no terminal to show lines as they come. */
    which->flags &= ~TOYFLAG_LINEBUF;
    /* Whatever a previous run left (its memory is gone) must not be seen:
     * toy_init would free toys.optargs and keep toys.rebound. */
    memset(&toys, 0, sizeof(toys));
    memset(&this, 0, sizeof(this));
    toy_init(which, argv);
    /* Non-zero: "not a vforked re-entry" (tar opens -f and goes to -C only
     * then), as toybox's main() sets it. */
    toys.stacktop = &which;
    if (!strcmp(which->name, "env"))
        remember_env_names();
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

/* toybox makes stdout unbuffered (line buffered for a few commands such
 * as yes), so that output interleaves with children it forks.  There are
 * no children and no terminal here, and every write is a call out of the
 * command (`yes | head -3` would write line by line into the pipe until
 * it is full), so stdout is fully buffered, as GNU tools do on a pipe;
 * xexit() flushes it and raw writes to fd 1 flush it first. */
#undef setvbuf
int setvbuf(FILE *restrict f, char *restrict buf, int mode, size_t size);
int wbtb_setvbuf(FILE *f, char *buf, int mode, size_t size)
{
    if (f == stdout)
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

/* env COMMAND.  The shell gives each command an environment built from
 * its own variables, so an environ changed here would not reach the
 * command.  Instead the command runs in a child shell told to make the
 * same changes: `sh -c 'unset -v GONE...; NAME='value'... "$0" "$@"' CMD
 * ARG...`.  env_names holds the names env started with (set by run() for
 * env), env (ee, for -i) or environ the environment env built. */
static char **env_names;

static void remember_env_names(void)
{
    extern char **environ;
    size_t n = 0;

    for (char **e = environ; e && *e; e++)
        n++;
    env_names = xzalloc((n + 1) * sizeof(*env_names));
    for (size_t i = 0; i < n; i++)
        env_names[i] = xstrndup(environ[i], strcspn(environ[i], "="));
}

static int valid_name(const char *s, size_t len)
{
    if (!len || !(isalpha((unsigned char)*s) || *s == '_'))
        return 0;
    for (size_t i = 1; i < len; i++)
        if (!isalnum((unsigned char)s[i]) && s[i] != '_')
            return 0;
    return 1;
}

static int in_env(char **env, const char *name)
{
    size_t len = strlen(name);
    for (; env && *env; env++)
        if (!strncmp(*env, name, len) && (*env)[len] == '=')
            return 1;
    return 0;
}

void wbtb_env_exec(char **argv, char **env)
{
    extern char **environ;
    char **want = env ? env : environ, **cmd;
    size_t cap = 64, len = 0, argc = 0;
    char *script = xmalloc(cap);

#define ADD(str, n) do { \
        size_t n_ = (n); \
        while (len + n_ + 1 > cap) script = xrealloc(script, cap *= 2); \
        memcpy(script + len, (str), n_); len += n_; script[len] = 0; \
    } while (0)
#define ADDS(lit) ADD(lit, sizeof(lit) - 1)
    ADDS("unset -v");
    for (char **n = env_names; n && *n; n++)
        if (!in_env(want, *n) && valid_name(*n, strlen(*n))) {
            ADDS(" ");
            ADD(*n, strlen(*n));
        }
    ADDS(";");
    for (char **e = want; e && *e; e++) {
        size_t nl = strcspn(*e, "=");
        if (!(*e)[nl])
            continue;
        if (!valid_name(*e, nl))
            error_exit("cannot pass '%.*s' to a command: in the sandbox the environment goes "
                       "through shell variables, and that is not a variable name", (int)nl, *e);
        ADDS(" ");
        ADD(*e, nl + 1);
        ADDS("'");
        for (char *v = *e + nl + 1; *v; v++) {
            if (*v == '\'') ADDS("'\\''");
            else ADD(v, 1);
        }
        ADDS("'");
    }
    ADDS(" \"$0\" \"$@\"");
#undef ADDS
#undef ADD
    while (argv[argc])
        argc++;
    cmd = xzalloc((argc + 4) * sizeof(*cmd));
    cmd[0] = "sh";
    cmd[1] = "-c";
    cmd[2] = script;
    memcpy(cmd + 3, argv, argc * sizeof(*cmd));
    toys.exitval = run_nested(cmd);
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
/* GNU's date/seq/expr/base64 (own_date.c, own_seq.c, own_expr.c, own_base64.c). */
int wbtb_own_date(int argc, char **argv);
int wbtb_own_seq(int argc, char **argv);
int wbtb_own_expr(int argc, char **argv);
int wbtb_own_base64(int argc, char **argv);
int wbtb_own_wc(int argc, char **argv);
int wbtb_own_join(int argc, char **argv);
int wbtb_own_diff(int argc, char **argv);
int wbtb_own_fold(int argc, char **argv);

const struct wb_applet wb_applets_toybox[] = {
    {"cat", wbtb_own_cat, "cat [-AbeEnstTuv] [FILE...]", NULL},
    {"xargs", wbtb_own_xargs,
     "xargs [-0prtx] [-a FILE] [-d DELIM] [-E EOF] [-I REPL] [-L MAX] [-n MAX] [-P N] [-s SIZE] [COMMAND [ARG...]]",
     NULL},
    {"base64", wbtb_own_base64, "base64 [-di] [-w COLS] [FILE]", NULL},
    {"date", wbtb_own_date,
     "date [-uR] [-d STRING] [-r FILE] [-f FILE] [-I[FMT]] [--rfc-3339=FMT] [+FORMAT]", NULL},
    {"expr", wbtb_own_expr, "expr EXPRESSION", NULL},
    {"seq", wbtb_own_seq, "seq [-w] [-f FORMAT] [-s STRING] [FIRST [INCREMENT]] LAST", NULL},
#define WBTB_ENTRIES
#include "toybox-applets.inc"
#undef WBTB_ENTRIES
    {"diff", wbtb_own_diff, "diff [-abBiNqrsuw] [-U LINES] [--label LABEL] [-x PATTERN] [--normal] FILE1 FILE2", NULL},
    {"fold", wbtb_own_fold, "fold [-bs] [-w WIDTH] [FILE...]", NULL},
    {"join", wbtb_own_join,
     "join [-i] [-a 1|2] [-v 1|2] [-e STRING] [-o LIST] [-t CHAR] [-1 FIELD] [-2 FIELD] [-j FIELD] FILE1 FILE2",
     NULL},
    {"wc", wbtb_own_wc, "wc [-clmwL] [FILE...]", NULL},
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
