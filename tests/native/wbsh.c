/* Native build of the sandbox's shell, for fast iteration and the parser
 * fuzz target: wbsh -c SCRIPT [ARG0 ARGS...] | wbsh FILE | wbsh < SCRIPT.
 * Applets are absent here; the golden suite runs against the real sandbox. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../guest/shell/entry.h"

static char *slurp(FILE *f, size_t *len)
{
    size_t cap = 65536, n = 0;
    char *b = malloc(cap);
    size_t r;
    while (b && (r = fread(b + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            char *nb = realloc(b, cap *= 2);
            if (!nb) {
                free(b);
                return NULL;
            }
            b = nb;
        }
    }
    *len = n;
    return b;
}

int main(int argc, char **argv)
{
    size_t len;
    char *code;
    char **pos = NULL;
    if (argc >= 3 && !strcmp(argv[1], "-c")) {
        code = strdup(argv[2]);
        len = strlen(code);
        pos = argc > 3 ? argv + 3 : NULL; /* bash -c SCRIPT NAME ARGS */
    } else if (argc >= 2) {
        FILE *f = fopen(argv[1], "rb");
        if (!f) {
            perror(argv[1]);
            return 127;
        }
        code = slurp(f, &len);
        fclose(f);
        pos = argv + 1; /* $0 is the file */
    } else {
        code = slurp(stdin, &len);
    }
    if (!code)
        return 2;
    int st = wb_sh_run(code, len, pos);
    free(code);
    return st;
}
