/* jq's ties to the sandbox, compiled with jq's flags and renames (port.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

/* jq's main ends with fclose(stdout) to see write errors.  In the sandbox
 * stdout outlives the command (the next one writes to it too), so for the
 * standard streams it is a flush that reports the same errors. */
int wb_jq_fclose(FILE *fp)
{
    if (fp == stdout || fp == stderr || fp == stdin) {
        int r = fflush(fp);
        return (r != 0 || ferror(fp)) ? EOF : 0;
    }
#undef fclose
    extern int fclose(FILE *);
    return fclose(fp);
}

/* jq always leaves through exit(): flush what it wrote first (the runner
 * turns exit into the end of the command, not of the sandbox). */
_Noreturn void wb_jq_exit(int status)
{
    fflush(stdout);
    fflush(stderr);
#undef exit
    extern _Noreturn void exit(int);
    exit(status);
}

/* decNumber raises SIGFPE for the conditions a context traps; jq's
 * contexts trap none, and the sandbox has no signals. */
int wb_jq_raise(int sig)
{
    (void)sig;
    return 0;
}

/* wasi-libc has no realpath.  jq only uses it to tidy module search paths
 * and falls back to the path as given when it fails, as here. */
char *wb_jq_realpath(const char *path, char *resolved)
{
    (void)path;
    (void)resolved;
    errno = ENOSYS;
    return NULL;
}

/* The sandbox's output is captured for a program, never a terminal, even
 * when the host's stdout is one: no colours unless -C asks for them, and
 * jq without a filter reads its input (as in a pipeline). */
int wb_jq_isatty(int fd)
{
    (void)fd;
    return 0;
}
