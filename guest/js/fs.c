/* The guest's side of the filesystem: the working directory every program
 * in the sandbox starts in.  (The JS fs module's natives join this file.) */
#include <unistd.h>

/* Runs in the reactor's _initialize, at build time (tools/mkimage), after
 * wasi-libc has read the preopens: the image then holds cwd /workspace for
 * every sandbox. */
__attribute__((constructor)) static void wb_fs_start_in_workspace(void)
{
    (void)chdir("/workspace");
}
