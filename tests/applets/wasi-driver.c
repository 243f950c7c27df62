/* wasi-driver.c — test-only: runs one applet as a WASI command,
 *   node tests/applets/wasi-run.mjs NAME ARGS...
 * so applets can be checked against a plain WASI runtime (node's), with
 * real files through preopened directories, without the shell or the
 * sandbox.  Commands that run others (xargs, find -exec) get no shell
 * here: wb_run_command answers 127. */
#include <stdio.h>

#include "applets.h"

int main(int argc, char **argv)
{
    const struct wb_applet *a;

    if (argc < 2) {
        fputs("usage: wasi-driver NAME [ARG...]\n", stderr);
        return 2;
    }
    if (!(a = wb_applet_find(argv[1]))) {
        fprintf(stderr, "wasi-driver: no applet '%s'\n", argv[1]);
        return 127;
    }
    return a->main(argc - 1, argv + 1);
}
