/* awk's ties to the sandbox, compiled with awk's own flags and renames
 * (port.h), so it sees awk's internals: program() with the awk `exit`
 * statement as a throw (wasi-libc has no longjmp), exit() that closes
 * awk's files first, system() through the shell, and the command pipes
 * that need the shell's fd layer. */
#include "awk.h"
#include "awkgram.tab.h"
#include "unwind.h"
#include "applets.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Defined in run.c and main.c, declared only there. */
extern Cell *True;
extern char *cmdname;

/* The value thrown by the awk `exit` statement.  Anything else that
 * reaches our wb_try (the runner's exit of a nested command) is passed on. */
#define AWK_EXIT_THROW 0x61776b31

/* Weak until the runtime that unwinds (guest/rt/unwind.h) is in every
 * guest: without it, `exit` ends awk at once, END not run. */
#pragma weak wb_try
#pragma weak wb_throw

_Noreturn void wb_awk_longjmp(void)
{
    if (!wb_throw)
        exit(errorflag);
    wb_throw(AWK_EXIT_THROW);
}

/* Runs BEGIN and the main loop.  Returns 1 when BEGIN ended the program
 * (upstream returns before END then), 0 otherwise. */
static int run_begin_main(void *arg)
{
    Node **a = arg;
    Cell *x;

    if (a[0]) {
        x = execute(a[0]);
        if (isexit(x))
            return 1;
        if (isjump(x))
            FATAL("illegal break, continue, next or nextfile from BEGIN");
        if (istemp(x))
            tfree(x);
    }
    if (a[1] || a[2])
        while (getrec(&record, &recsize, true) > 0) {
            x = execute(a[1]);
            if (isexit(x))
                break;
            if (istemp(x))
                tfree(x);
        }
    return 0;
}

static int run_end(void *arg)
{
    Node **a = arg;
    Cell *x;

    if (a[2]) {
        x = execute(a[2]);
        if (isbreak(x) || isnext(x) || iscont(x))
            FATAL("illegal break, continue, next or nextfile from END");
        if (istemp(x))
            tfree(x);
    }
    return 0;
}

/* Runs fn; an awk `exit` inside it returns normally, any other throw goes on. */
static int catch_exit(int (*fn)(void *), void *arg)
{
    int ret = 0;

    if (!wb_try)
        return fn(arg);
    int v = wb_try(fn, arg, &ret);

    if (v != 0 && v != AWK_EXIT_THROW)
        wb_throw(v);
    return v == 0 ? ret : 0;
}

/* The same as upstream's program() in run.c, with wb_try for setjmp. */
Cell *program(Node **a, int n)
{
    (void)n;
    if (catch_exit(run_begin_main, a) == 1)
        return True;
    catch_exit(run_end, a);
    return True;
}

_Noreturn void wb_awk_exit(int status)
{
    static int closing;

    /* FATAL and friends: flush and close awk's files as a process exit
     * would (closeall may itself fail and exit again: once is enough). */
    if (!closing) {
        closing = 1;
        closeall();
    }
    fflush(stdout);
    fflush(stderr);
    /* The real exit (port.h routes awk's calls here). */
#undef exit
    extern _Noreturn void exit(int);
    exit(status);
}

/* The shell's process layer (guest/rt/proc.h): weak, so that awk links
 * into a guest without the shell; pipes to commands then fail clearly. */
int proc_pipe(int fds[2]) __attribute__((weak));
int proc_dup_min(int from, int min) __attribute__((weak));
int proc_dup2(int from, int to) __attribute__((weak));
int proc_close(int fd) __attribute__((weak));

/* Runs cmd in a subshell of the sandbox's shell, with the current fds.
 * The shell has no `sh` command: eval of a ( ) group is its subshell. */
static int run_shell(const char *cmd)
{
    size_t n = strlen(cmd);
    char *line = malloc(n + 4);
    if (!line)
        return -1;
    line[0] = '(';
    memcpy(line + 1, cmd, n);
    memcpy(line + 1 + n, "\n)", 3);
    char *argv[] = { "eval", line, NULL };
    fflush(stdout);
    fflush(stderr);
    int status = wb_run_command(argv);
    free(line);
    return status;
}

int wb_awk_system(const char *cmd)
{
    int status = run_shell(cmd);
    if (status < 0)
        return -1;
    return (status & 0xff) << 8;
}

/* Pipes to and from commands.  The shell runs one command at a time: a
 * command read from (`cmd | getline`) runs to its end at the open, its
 * output kept in a pipe that getline then reads; a command written to
 * (`print | cmd`) gets what was printed when the pipe is closed (close()
 * or awk's end).  Its status is what close() returns. */
struct cmd_pipe {
    FILE *fp;
    char *cmd;      /* for the write end: the command still to run */
    int readfd;     /* for the write end: its input */
    int status;     /* for the read end: the status of the command */
};
static struct cmd_pipe *pipes;
static size_t npipes;

static int redirect_fd(int fd, int to, int *saved)
{
    *saved = proc_dup_min(fd, 10);
    if (*saved < 0)
        return -1;
    if (proc_dup2(to, fd) < 0) {
        proc_close(*saved);
        return -1;
    }
    return 0;
}

static void restore_fd(int fd, int saved)
{
    proc_dup2(saved, fd);
    proc_close(saved);
}

FILE *wb_awk_popen(const char *cmd, const char *mode)
{
    int fds[2], saved, status;
    struct cmd_pipe *np;
    FILE *fp;

    if (!proc_pipe || !proc_dup_min || !proc_dup2 || !proc_close) {
        fprintf(stderr, "%s: %s with a command (\"%s\") needs the sandbox's shell, which this build "
                "lacks\n", cmdname, mode[0] == 'r' ? "'command | getline'" : "'print | command'", cmd);
        errno = ENOSYS;
        return NULL;
    }
    np = realloc(pipes, (npipes + 1) * sizeof *pipes);
    if (!np)
        return NULL;
    pipes = np;
    if (proc_pipe(fds) < 0)
        return NULL;
    if (mode[0] == 'r') {
        fflush(stdout);
        if (redirect_fd(1, fds[1], &saved) < 0)
            goto fail;
        proc_close(fds[1]);
        status = run_shell(cmd);
        fflush(stdout);
        restore_fd(1, saved);
        if (!(fp = fdopen(fds[0], "r"))) {
            proc_close(fds[0]);
            return NULL;
        }
        pipes[npipes++] = (struct cmd_pipe){ fp, NULL, -1, status };
        return fp;
    }
    if (!(fp = fdopen(fds[1], "w")))
        goto fail;
    pipes[npipes++] = (struct cmd_pipe){ fp, strdup(cmd), fds[0], 0 };
    return fp;
fail:
    proc_close(fds[0]);
    proc_close(fds[1]);
    return NULL;
}

int wb_awk_pclose(FILE *fp)
{
    size_t i;
    int status, saved;

    for (i = 0; i < npipes && pipes[i].fp != fp; i++)
        ;
    if (i == npipes)
        return fclose(fp) == 0 ? 0 : -1;
    struct cmd_pipe p = pipes[i];
    pipes[i] = pipes[--npipes];
    if (!p.cmd)
        return fclose(fp) == 0 ? (p.status & 0xff) << 8 : -1;
    fclose(fp); /* the write end: the command sees the end of its input */
    if (redirect_fd(0, p.readfd, &saved) < 0) {
        proc_close(p.readfd);
        free(p.cmd);
        return -1;
    }
    proc_close(p.readfd);
    status = run_shell(p.cmd);
    restore_fd(0, saved);
    free(p.cmd);
    return status < 0 ? -1 : (status & 0xff) << 8;
}

/* awk reads its input through its own FILE on fd 0, not libc's stdin: a
 * command awk runs (system, pipes) may read stdin too, and must find
 * neither awk's buffered input nor its end-of-file there, as with a real
 * process.  Opened at the first use in each run. */
static FILE *awk_stdin;

FILE *wb_awk_stdin(void)
{
#undef stdin
    if (!awk_stdin) {
        awk_stdin = fdopen(0, "r");
        if (!awk_stdin)
            awk_stdin = stdin;
    }
    return awk_stdin;
}

void (*wb_awk_signal(int sig, void (*fn)(int)))(int)
{
    /* No signals in the sandbox; awk only asks for SIGFPE, which wasm's
     * floating point never raises. */
    (void)sig;
    (void)fn;
    return NULL;
}
