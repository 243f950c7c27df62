/* The shell's entry for the guest (guest/js/main.c dispatches WB_GUEST_SH
 * here) and for the native test build (tests/native/wbsh.c). */
#ifndef WB_SHELL_ENTRY_H
#define WB_SHELL_ENTRY_H

#include <stddef.h>

/* Runs a script in the sandbox's persistent shell; returns its exit
 * status (0..255).  argv, when not NULL, sets the positional parameters. */
int wb_sh_run(const char *code, size_t len, char **argv);

/* Guest export path: runs the script and ends the run with its status
 * through WASI proc_exit (the host reports it as the exit code). */
int wb_sh_guest_run(const char *code, size_t len);

#endif
