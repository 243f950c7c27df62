/* Included first into every awk source (-include): the generated renames
 * (every global awk defines becomes wb_awk_NAME) and the libc calls that
 * the sandbox provides differently, routed to glue.c. */
#ifndef WB_AWK_PORT_H
#define WB_AWK_PORT_H

#include "renames.h"

#include <stdio.h>

#define main wb_awk_main
#define exit wb_awk_exit
#define system wb_awk_system
#define popen wb_awk_popen
#define pclose wb_awk_pclose
#define signal wb_awk_signal

_Noreturn void wb_awk_exit(int status);
int wb_awk_system(const char *cmd);
FILE *wb_awk_popen(const char *cmd, const char *mode);
int wb_awk_pclose(FILE *fp);
void (*wb_awk_signal(int sig, void (*fn)(int)))(int);

/* awk's stdin is its own FILE on fd 0 (glue.c says why). */
FILE *wb_awk_stdin(void);
#undef stdin
#define stdin (wb_awk_stdin())

#endif
