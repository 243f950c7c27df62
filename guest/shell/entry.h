/* The shell's entry for the guest (guest/js/main.c dispatches WB_GUEST_SH
 * here) and for the native test build (tests/native/wbsh.c). */
#ifndef WB_SHELL_ENTRY_H
#define WB_SHELL_ENTRY_H

#include <stddef.h>

/* Runs a script in the sandbox's persistent shell; returns its exit
 * status (0..255).  argv, when not NULL, sets the positional parameters. */
int wb_sh_run(const char *code, size_t len, char **argv);

/* Guest export path: runs the script and ends the run with its status
 * through WASI proc_exit (the host reports it as the exit code).  The code
 * may start with a header giving $0 and the positional parameters (the
 * CLI's `wasmbox sh FILE ARGS`): "\001argv\001" ARG0 "\0" ARG1 "\0" ...
 * "\002"; it is stripped before the script is parsed. */
int wb_sh_guest_run(const char *code, size_t len);

/* Parses that header: returns its length (0: none) and a malloc'd argv
 * (pointing into code) in *argv. */
size_t wb_sh_parse_argv_header(const char *code, size_t len, char ***argv);

#endif
