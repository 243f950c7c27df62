/* A WASI command that runs one applet of the guest's table outside the
 * sandbox, under wasm-interp: for checking a port's build (links alone,
 * per-run state) before the shell and its runner are there.
 *
 *   wasm_driver [-n N] APPLET ARG...   runs APPLET N times (default 1)
 *
 * There is no unwinding here (that is the host's, guest/rt/unwind.h):
 * wb_try just calls, and a throw ends the driver with status 99. */
#include "applets.h"
#include "unwind.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int wb_try(int (*fn)(void *arg), void *arg, int *ret)
{
    int r = fn(arg);
    if (ret)
        *ret = r;
    return 0;
}

_Noreturn void wb_throw(int v)
{
    fflush(stdout);
    fprintf(stderr, "wasm_driver: throw %d (no unwinding in the driver)\n", v);
    exit(99);
}

int main(int argc, char **argv)
{
    long n = 1;
    if (argc > 2 && !strcmp(argv[1], "-n")) {
        n = strtol(argv[2], NULL, 10);
        argc -= 2;
        argv += 2;
    }
    if (argc < 2) {
        fprintf(stderr, "usage: wasm_driver [-n N] APPLET ARG...\n");
        return 2;
    }
    const struct wb_applet *a = wb_applet_find(argv[1]);
    if (!a) {
        fprintf(stderr, "wasm_driver: no applet %s\n", argv[1]);
        return 127;
    }
    int status = 0;
    for (long i = 0; i < n; i++) {
        /* The applet may change its argv (awk does): a fresh copy each run. */
        char **av = malloc(sizeof *av * (size_t)argc);
        for (int k = 1; k < argc; k++)
            av[k - 1] = strdup(argv[k]);
        av[argc - 1] = NULL;
        status = a->main(argc - 1, av);
        fflush(stdout);
    }
    return status;
}
