/* The wasm side of the shell's entry: the exit status reaches the host
 * through proc_exit, which ends the run without touching the guest's
 * memory, so the shell's state stays for the next run. */
#include "entry.h"

#ifdef __wasm__
#include <wasi/api.h>

int wb_sh_guest_run(const char *code, size_t len)
{
    int st = wb_sh_run(code, len, NULL);
    __wasi_proc_exit((__wasi_exitcode_t)st);
}
#else
int wb_sh_guest_run(const char *code, size_t len) { return wb_sh_run(code, len, 0); }
#endif
