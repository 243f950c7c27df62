/* Applets as child "processes" (proc.h): own fd table, exit() caught,
 * memory, FILEs and atexit handlers reclaimed when the applet ends. */
#include "proc.h"
#include "unwind.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <limits.h>
#include <locale.h>
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
    /* Process state the applet may change, put back when it ends: a
     * child's chdir, environment and locale are its own. */
    char *cwd;           /* rt_malloc'd: the cwd before its first chdir */
    char **env;          /* its own copy of environ once it changed it */
    size_t env_cap;
    locale_t locale;     /* uselocale() before it ran */
    struct applet_ctx *up;
};

static struct applet_ctx *running; /* innermost applet, NULL in the shell */

static void restore_process_state(struct applet_ctx *c);

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
#ifdef __wasm__
    c->locale = uselocale((locale_t)0);
#endif
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
    restore_process_state(c);
    arena_pop(arena);
    proc_restore(old);
    rt_free(c);
    return status;
}

int proc_in_applet(void) { return running != NULL; }

#ifdef __wasm__
int __real_chdir(const char *);
int __loc_is_allocated(locale_t); /* musl: not one of its builtin locales */

/* Runs after the applet (and its atexit handlers) ended, before its arena
 * is freed: c->env lives there, and the shell reinstates its own environ. */
static void restore_process_state(struct applet_ctx *c)
{
    if (c->cwd) {
        int saved = arena_suspend(); /* wasi-libc keeps the new cwd */
        /* If the old directory went away, stay where the applet left. */
        (void)__real_chdir(c->cwd);
        arena_resume(saved);
        rt_free(c->cwd);
    }
    /* toybox installs a newlocale() of its own in every command under
     * LC_ALL=C: freed here (musl takes it from __libc_malloc, outside any
     * arena), and the shell's locale put back. */
    locale_t now = uselocale(c->locale);
    if (now != c->locale && __loc_is_allocated(now))
        freelocale(now);
}

/* chdir in an applet (tar -C, env -C) moves only the applet: the shell's
 * directory is put back when it ends.  wasi-libc keeps the new cwd in a
 * malloc'd block it frees on the next chdir, never to be tracked. */
int __wrap_chdir(const char *path)
{
    if (running && !running->cwd) {
        char *old = rt_malloc(PATH_MAX);
        if (!old || !getcwd(old, PATH_MAX)) {
            rt_free(old);
            errno = ENOMEM;
            return -1;
        }
        running->cwd = old;
    }
    int saved = arena_suspend();
    int r = __real_chdir(path);
    arena_resume(saved);
    return r;
}

/* The environment: the shell hands each applet an environ it builds and
 * frees afterwards (guest/shell/exec.c).  musl's setenv would change that
 * array in place and keep the strings it made in statics of its own
 * (freed with the arena, written through later), so an applet's changes
 * go to a copy of its own in its arena instead, dropped when it ends. */
int __real_setenv(const char *, const char *, int);
int __real_unsetenv(const char *);
int __real_putenv(char *);
int __wrap_unsetenv(const char *name);
extern char **environ;

static int env_find(const char *name, size_t len)
{
    for (int i = 0; environ && environ[i]; i++)
        if (!strncmp(environ[i], name, len) && environ[i][len] == '=')
            return i;
    return -1;
}

/* Makes environ the applet's own copy with room for one more entry. */
static int env_own(void)
{
    size_t n = 0;
    while (environ && environ[n])
        n++;
    if (environ == running->env && n + 2 <= running->env_cap)
        return 0;
    size_t cap = (n + 2) * 2;
    char **e = malloc(cap * sizeof *e); /* in the applet's arena */
    if (!e) {
        errno = ENOMEM;
        return -1;
    }
    if (n)
        memcpy(e, environ, n * sizeof *e);
    e[n] = NULL;
    if (environ == running->env)
        free(running->env);
    running->env = environ = e;
    running->env_cap = cap;
    return 0;
}

static int env_put(char *entry, size_t namelen)
{
    if (env_own() < 0)
        return -1;
    int i = env_find(entry, namelen);
    if (i >= 0) {
        environ[i] = entry;
        return 0;
    }
    size_t n = 0;
    while (environ[n])
        n++;
    environ[n] = entry;
    environ[n + 1] = NULL;
    return 0;
}

static int bad_name(const char *name)
{
    if (!name || !*name || strchr(name, '=')) {
        errno = EINVAL;
        return 1;
    }
    return 0;
}

int __wrap_setenv(const char *name, const char *value, int overwrite)
{
    if (!running)
        return __real_setenv(name, value, overwrite);
    if (bad_name(name))
        return -1;
    size_t l = strlen(name), vl = strlen(value);
    if (!overwrite && env_find(name, l) >= 0)
        return 0;
    char *s = malloc(l + vl + 2);
    if (!s) {
        errno = ENOMEM;
        return -1;
    }
    memcpy(s, name, l);
    s[l] = '=';
    memcpy(s + l + 1, value, vl + 1);
    return env_put(s, l);
}

int __wrap_putenv(char *entry)
{
    if (!running)
        return __real_putenv(entry);
    char *eq = strchr(entry, '=');
    if (!eq)
        return __wrap_unsetenv(entry);
    if (eq == entry) {
        errno = EINVAL;
        return -1;
    }
    return env_put(entry, (size_t)(eq - entry));
}

int __wrap_unsetenv(const char *name)
{
    if (!running)
        return __real_unsetenv(name);
    if (bad_name(name))
        return -1;
    size_t l = strlen(name);
    if (env_find(name, l) < 0)
        return 0;
    if (env_own() < 0)
        return -1;
    size_t j = 0;
    for (size_t i = 0; environ[i]; i++)
        if (strncmp(environ[i], name, l) || environ[i][l] != '=')
            environ[j++] = environ[i];
    environ[j] = NULL;
    return 0;
}

#else
static void restore_process_state(struct applet_ctx *c) { (void)c; }
#endif

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
