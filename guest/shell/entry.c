/* The shell's entry point: one run of a script in the sandbox's shell.
 * Variables, functions, options and cwd persist from one run to the next
 * (the shell lives in the guest heap, like JS globals); the EXIT trap runs
 * at the end of each run, as at the end of a bash -c. */
#include "sh.h"
#include "entry.h"
#include "../rt/proc.h"
#include "../rt/unwind.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __wasm__
#include <wasi/api.h>
#endif

static struct shell *persistent;

static uint32_t host_random(void)
{
    uint32_t v = 0;
#ifdef __wasm__
    if (__wasi_random_get((uint8_t *)&v, sizeof v) != 0)
        v = 12345;
#else
    v = (uint32_t)getpid() * 2654435761u;
#endif
    return v;
}

static void shell_create(void)
{
    struct shell *s = xmalloc(sizeof *s);
    memset(s, 0, sizeof *s);
    sh = s;
    char buf[4096];
    const char *cwd = getcwd(buf, sizeof buf);
    s->cwd = xstrdup(cwd ? cwd : "/");
    s->arg0 = xstrdup("bash");
    s->rand_state = host_random();
    s->o_expand_aliases = 0;
    extern char **environ;
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq)
            continue;
        char *name = xstrndup(*e, (size_t)(eq - *e));
        if (valid_name(name))
            var_set(name, eq + 1, V_EXPORT);
        free(name);
    }
    if (!var_str("IFS"))
        var_set("IFS", " \t\n", 0);
    if (!var_str("PATH"))
        var_set("PATH", "/usr/local/bin:/usr/bin:/bin", V_EXPORT);
    if (!var_str("HOME"))
        var_set("HOME", "/workspace", V_EXPORT);
    var_set("PWD", s->cwd, V_EXPORT);
    var_set("BASH_VERSION", "5.2.15(1)-release", 0);
    var_set("SHELL", "/bin/bash", V_EXPORT);
    var_set("OPTIND", "1", 0);
    var_set("PS4", "+ ", 0);
    var_set("HOSTNAME", "wasmbox", 0);
    var_set("UID", "1000", 0);
    var_set("EUID", "1000", 0);
    var_set("PPID", "1", 0);
    var_set("SHLVL", "1", V_EXPORT);
    persistent = s;
}

struct run_job {
    const char *code;
    size_t len;
};

static int run_body(void *arg)
{
    struct run_job *j = arg;
    sh->lineno = 1;
    return exec_string(j->code, j->len, "-c");
}

static int exit_trap_body(void *arg)
{
    (void)arg;
    run_exit_trap();
    return 0;
}

int wb_sh_run(const char *code, size_t len, char **argv)
{
    proc_warm_paths();
    proc_init();
    if (!persistent)
        shell_create();
    sh = persistent;
    sh_stack_base();
    if (sh->cwd && chdir(sh->cwd) != 0) {
    }
    if (argv && argv[0]) {
        free(sh->arg0);
        sh->arg0 = xstrdup(argv[0]);
        sv_free(&sh->pos);
        for (int i = 1; argv[i]; i++)
            sv_push(&sh->pos, xstrdup(argv[i]));
    }
    sh->breaking = sh->continuing = sh->returning = 0;
    sh->loop_depth = 0;
    sh->level = 0;
    sh->no_errexit = 0;
    sh_stop_reset();
    struct run_job j = {code, len};
    int st = 0;
    int thrown = wb_try(run_body, &j, &st);
    if (thrown)
        st = thrown & 0xff;
    sh->status = st;
    if (sh->trap_exit && !sh_stopping()) {
        int t2 = wb_try(exit_trap_body, NULL, NULL);
        if (t2)
            st = t2 & 0xff;
    }
    /* functions an exit unwound out of */
    shell_unwind_to(0);
    var_pop_level(1);
    sh->level = 0;
    return st;
}
