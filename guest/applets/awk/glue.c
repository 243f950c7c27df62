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

int wb_awk_system(const char *cmd)
{
    char *argv[] = { "sh", "-c", (char *)cmd, NULL };
    int status;

    fflush(stdout);
    fflush(stderr);
    status = wb_run_command(argv);
    if (status < 0)
        return -1;
    return (status & 0xff) << 8;
}

FILE *wb_awk_popen(const char *cmd, const char *mode)
{
    fprintf(stderr, "%s: '%s' with a command (\"%s\") is not available in this sandbox yet: "
            "write to or read from a file in /tmp instead and run the command with system()\n",
            cmdname, mode[0] == 'r' ? "command | getline" : "print | command", cmd);
    errno = ENOSYS;
    return NULL;
}

int wb_awk_pclose(FILE *fp)
{
    return fclose(fp) == 0 ? 0 : -1;
}

void (*wb_awk_signal(int sig, void (*fn)(int)))(int)
{
    /* No signals in the sandbox; awk only asks for SIGFPE, which wasm's
     * floating point never raises. */
    (void)sig;
    (void)fn;
    return NULL;
}
