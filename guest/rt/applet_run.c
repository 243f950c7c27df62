/* Applets as child "processes" (proc.h): own fd table, exit() caught,
 * memory, FILEs and atexit handlers reclaimed when the applet ends. */
#include "proc.h"
#include "unwind.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __wasm__
#include <stdio_ext.h>
#endif

#define APPLET_EXIT_TAG 0x40000
#define MAX_FILES 256
#define MAX_ATEXIT 32

struct applet_ctx {
    int (*main_fn)(int, char **);
    int argc;
    char **argv;
    FILE *files[MAX_FILES];
    int nfiles;
    void (*atexit_fns[MAX_ATEXIT])(void);
    int natexit;
    struct applet_ctx *up;
};

static struct applet_ctx *running; /* innermost applet, NULL in the shell */

static void sigpipe_unwind(void)
{
    if (running)
        wb_throw(APPLET_EXIT_TAG | PROC_SIGPIPE_STATUS);
}

static int tramp(void *arg)
{
    struct applet_ctx *c = arg;
    return c->main_fn(c->argc, c->argv);
}

extern void (*proc_sigpipe_hook)(void);

struct atexit_call {
    void (*fn)(void);
};

static int atexit_tramp(void *arg)
{
    ((struct atexit_call *)arg)->fn();
    return 0;
}

int proc_run_applet(int (*main_fn)(int, char **), int argc, char **argv)
{
    struct applet_ctx *c = rt_malloc(sizeof *c);
    if (!c)
        return 126;
    memset(c, 0, sizeof *c);
    c->main_fn = main_fn;
    c->argc = argc;
    c->argv = argv;
    c->up = running;
    fflush(stdout);
    fflush(stderr);
    struct fdtab *old = proc_save();
    int arena = arena_push();
    void (*saved_hook)(void) = proc_sigpipe_hook;
    proc_sigpipe_hook = sigpipe_unwind;
    running = c;
    optind = 0; /* musl and glibc: a full reset of getopt's state */
    int status = 0;
    int thrown = wb_try(tramp, c, &status);
    if (thrown) {
        if (thrown & APPLET_EXIT_TAG)
            status = thrown & 0xff;
        else
            status = thrown & 0xff; /* another unwind (shell error) inside */
    }
    /* A process's exit: atexit handlers, then stdio flushed, then files. */
    while (c->natexit > 0) {
        struct atexit_call call = {c->atexit_fns[--c->natexit]};
        wb_try(atexit_tramp, &call, NULL); /* a handler calling exit() ends only itself */
    }
    proc_sigpipe_hook = NULL; /* a flush past the pipe limit just fails now */
    fflush(stdout);
    fflush(stderr);
    for (int i = c->nfiles - 1; i >= 0; i--)
        if (c->files[i])
            fclose(c->files[i]);
#ifdef __wasm__
    __fpurge(stdin);
#endif
    clearerr(stdin);
    clearerr(stdout);
    clearerr(stderr);
    running = c->up;
    proc_sigpipe_hook = saved_hook;
    arena_pop(arena);
    proc_restore(old);
    rt_free(c);
    return status;
}

int proc_in_applet(void) { return running != NULL; }

#ifdef __wasm__
_Noreturn void __real_exit(int);
_Noreturn void __wrap_exit(int status)
{
    if (running)
        wb_throw(APPLET_EXIT_TAG | (status & 0xff));
    __real_exit(status);
}

_Noreturn void __real__Exit(int);
_Noreturn void __wrap__Exit(int status)
{
    if (running)
        wb_throw(APPLET_EXIT_TAG | (status & 0xff));
    __real__Exit(status);
}

int __real_atexit(void (*fn)(void));
int __wrap_atexit(void (*fn)(void))
{
    if (!running)
        return __real_atexit(fn);
    if (running->natexit >= MAX_ATEXIT)
        return -1;
    running->atexit_fns[running->natexit++] = fn;
    return 0;
}

static FILE *track(FILE *f)
{
    if (f && running) {
        for (int i = 0; i < running->nfiles; i++)
            if (!running->files[i]) {
                running->files[i] = f;
                return f;
            }
        if (running->nfiles < MAX_FILES)
            running->files[running->nfiles++] = f;
    }
    return f;
}

FILE *__real_fopen(const char *, const char *);
FILE *__wrap_fopen(const char *p, const char *m) { return track(__real_fopen(p, m)); }
FILE *__real_fdopen(int, const char *);
FILE *__wrap_fdopen(int fd, const char *m) { return track(__real_fdopen(fd, m)); }
FILE *__real_fmemopen(void *, size_t, const char *);
FILE *__wrap_fmemopen(void *b, size_t n, const char *m) { return track(__real_fmemopen(b, n, m)); }
FILE *__real_open_memstream(char **, size_t *);
FILE *__wrap_open_memstream(char **b, size_t *n) { return track(__real_open_memstream(b, n)); }
FILE *__real_tmpfile(void);
FILE *__wrap_tmpfile(void) { return track(__real_tmpfile()); }
int __real_fclose(FILE *);
int __wrap_fclose(FILE *f)
{
    for (struct applet_ctx *c = running; c; c = c->up)
        for (int i = 0; i < c->nfiles; i++)
            if (c->files[i] == f)
                c->files[i] = NULL;
    return __real_fclose(f);
}
#endif
