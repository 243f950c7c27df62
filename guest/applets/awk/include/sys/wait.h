/* wasi-libc has no <sys/wait.h>.  awk decodes system()'s status with these
 * macros; wb_awk_system (glue.c) encodes an exit status as status << 8, the
 * usual layout, and there are no signals to report. */
#ifndef WB_AWK_SYS_WAIT_H
#define WB_AWK_SYS_WAIT_H

#define WIFEXITED(s)   (((s) & 0x7f) == 0)
#define WEXITSTATUS(s) (((s) >> 8) & 0xff)
#define WIFSIGNALED(s) 0
#define WTERMSIG(s)    0

#endif
