/* The applets: commands the shell runs inside the sandbox (cat, grep, sed,
 * awk, jq, ...).
 *
 * Contract between the shell (guest/shell, guest/rt) and an applet:
 * - main(argc, argv) runs with fds 0, 1 and 2 already set up by the shell
 *   (pipes, files, the sandbox's stdout/stderr); the applet uses plain libc
 *   (stdio, read/write, open on the sandbox's filesystem).
 * - exit() inside an applet ends that command with its status, not the
 *   sandbox; memory the applet allocates is reclaimed when it ends.  Both
 *   are the runner's job (guest/rt), so an applet need not free on exit.
 * - An applet resets whatever global state it keeps at the start of main:
 *   the same applet runs many times in one sandbox.
 *
 * Providers (our own code, toybox, awk, jq, ...) each define one table,
 * ended by an entry whose name is NULL.  The tables are weak in
 * registry.c, so a guest built without a provider still links. */
#ifndef WB_APPLETS_H
#define WB_APPLETS_H

#include <stddef.h>

struct wb_applet {
    const char *name;
    int (*main)(int argc, char **argv);
    const char *usage; /* one line, "name [OPTION]... FILE..." */
    const char *help;  /* the text of name --help (may be NULL: usage only) */
};

/* Looks an applet up by name; NULL when there is none. */
const struct wb_applet *wb_applet_find(const char *name);

/* Calls fn for every applet, in name order of each table; stops when fn
 * returns non-zero and returns that value. */
int wb_applet_each(int (*fn)(const struct wb_applet *a, void *arg), void *arg);

/* Runs argv as a simple command of the current shell (applet, builtin or
 * function) with the current fds and returns its exit status.  For xargs,
 * find -exec, timeout and the like.  Defined by the shell; a guest without
 * the shell gets 127. */
int wb_run_command(char *const argv[]);

/* Provider tables (weak). */
extern const struct wb_applet wb_applets_own[] __attribute__((weak));
extern const struct wb_applet wb_applets_toybox[] __attribute__((weak));
extern const struct wb_applet wb_applets_awk[] __attribute__((weak));
extern const struct wb_applet wb_applets_jq[] __attribute__((weak));

#endif
