/* wasmbox sh's script arguments (src/cli/main.c runs the command).
 *
 * $0 and the positional parameters travel in front of the script as a
 * header the shell's guest entry strips (guest/shell/entry.h):
 * "\001argv\001" ARG0 "\0" ARG1 "\0" ... "\002", then the script. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

char *cli_sh_with_args(const char *code, size_t len, char **args, int nargs, const char *arg0, size_t *outlen)
{
    size_t cap = len + 16 + strlen(arg0) + 1;
    for (int i = 0; i < nargs; i++)
        cap += strlen(args[i]) + 1;
    char *s = malloc(cap), *p = s;
    if (!s)
        return NULL;
    memcpy(p, "\001argv\001", 6);
    p += 6;
    size_t n = strlen(arg0) + 1;
    memcpy(p, arg0, n);
    p += n;
    for (int i = 0; i < nargs; i++) {
        n = strlen(args[i]) + 1;
        memcpy(p, args[i], n);
        p += n;
    }
    *p++ = '\002';
    memcpy(p, code, len);
    p += len;
    *outlen = (size_t)(p - s);
    return s;
}
