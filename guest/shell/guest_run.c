/* The wasm side of the shell's entry: the exit status reaches the host
 * through proc_exit, which ends the run without touching the guest's
 * memory, so the shell's state stays for the next run. */
#include "entry.h"

#include <stdlib.h>
#include <string.h>

size_t wb_sh_parse_argv_header(const char *code, size_t len, char ***argv)
{
    *argv = NULL;
    if (len < 7 || memcmp(code, "\001argv\001", 6))
        return 0;
    const char *end = memchr(code + 6, '\002', len - 6);
    if (!end)
        return 0;
    size_t n = 0;
    for (const char *p = code + 6; p < end; p += strlen(p) + 1)
        n++;
    char **v = malloc((n + 1) * sizeof *v);
    if (!v)
        return 0;
    n = 0;
    for (const char *p = code + 6; p < end; p += strlen(p) + 1)
        v[n++] = (char *)p;
    v[n] = NULL;
    *argv = v;
    return (size_t)(end - code) + 1;
}

#ifdef __wasm__
#include <wasi/api.h>

int wb_sh_guest_run(const char *code, size_t len)
{
    char **argv = NULL;
    size_t skip = wb_sh_parse_argv_header(code, len, &argv);
    int st = wb_sh_run(code + skip, len - skip, argv);
    free(argv);
    __wasi_proc_exit((__wasi_exitcode_t)st);
}
#else
int wb_sh_guest_run(const char *code, size_t len)
{
    char **argv = NULL;
    size_t skip = wb_sh_parse_argv_header(code, len, &argv);
    int st = wb_sh_run(code + skip, len - skip, argv);
    free(argv);
    return st;
}
#endif
