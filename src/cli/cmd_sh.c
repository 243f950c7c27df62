/* wasmbox sh: runs a shell script (guest/shell, docs/shell.md) in a
 * sandbox, with the same limit and policy options as wasmbox run.
 *
 *   wasmbox sh [OPTIONS] -c SCRIPT [ARG...]
 *   wasmbox sh [OPTIONS] FILE [ARG...]
 *   wasmbox sh [OPTIONS]              (script on stdin)
 *
 * ARGs become the positional parameters $1...; the exit status is the
 * script's own, or 3/4 when a limit or the sandbox stopped it. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* $0 and the positional parameters travel in front of the script as a
 * header the shell's guest entry strips (guest/shell/entry.h):
 * "\001argv\001" ARG0 "\0" ARG1 "\0" ... "\002", then the script. */
static char *with_args(const char *code, size_t len, char **args, int nargs, const char *arg0, size_t *outlen)
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

static const char sh_help[] =
    "usage: wasmbox sh [OPTIONS] -c SCRIPT [NAME ARG...]\n"
    "       wasmbox sh [OPTIONS] FILE [ARG...]\n"
    "       wasmbox sh [OPTIONS]            (the script on stdin)\n"
    "\n"
    "Runs a bash-compatible shell script inside the sandbox (docs/shell.md):\n"
    "pipelines, redirections, functions, arrays, [[ ]], $(( )) and the\n"
    "sandbox's commands (applets). Options: --json, --memory, --max-output,\n"
    "--time-limit, --fuel, --fixed-clock, --seed, --policy, --audit (as for\n"
    "wasmbox run). Exit status: the script's own (0-255), 2 usage error, 3 a\n"
    "limit stopped the run, 4 the sandbox failed.\n";

int cmd_sh(int argc, char **argv)
{
    const char *script = NULL, *file = NULL, *name0 = NULL;
    int json = 0, i = 0, rc = EXIT_USAGE;
    wb_config *cfg;
    if (wb_config_new(&cfg) != WB_OK) {
        fprintf(stderr, "wasmbox: out of memory\n");
        return EXIT_SANDBOX;
    }
    for (; i < argc; i++) {
        const char *a = argv[i];
        int k;
        if (!strcmp(a, "-c")) {
            if (i + 1 >= argc) { rc = cli_usage_error("%s needs the script to run", a); goto out; }
            script = argv[++i];
            i++;
            break;
        } else if (!strcmp(a, "--json")) {
            json = 1;
        } else if ((k = wb_cli_config_option(cfg, argc, argv, &i)) >= 0) {
            if (k != 0) {
                rc = k;
                goto out;
            }
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(sh_help, stdout);
            rc = 0;
            goto out;
        } else if (!strcmp(a, "--")) {
            i++;
            if (i < argc)
                file = argv[i++];
            break;
        } else if (a[0] == '-' && a[1] != 0) {
            rc = cli_usage_error("unknown option '%s' for sh (the script's own options go after -c SCRIPT or FILE)", a);
            goto out;
        } else {
            file = a;
            i++;
            break;
        }
    }
    char *code = NULL;
    size_t len = 0;
    if (script) {
        code = strdup(script);
        len = strlen(script);
        /* bash -c SCRIPT NAME ARGS: NAME is $0, not a positional parameter */
        if (i < argc)
            name0 = argv[i++];
    } else {
        FILE *f = file && strcmp(file, "-") ? fopen(file, "rb") : stdin;
        if (!f) {
            fprintf(stderr, "wasmbox: cannot open '%s': %s\n", file, strerror(errno));
            goto out;
        }
        code = read_stream(f, &len);
        if (f != stdin)
            fclose(f);
    }
    if (!code) {
        fprintf(stderr, "wasmbox: cannot read the script '%s': %s\n", file ? file : "-",
                strerror(errno ? errno : EIO));
        goto out;
    }
    if (i < argc || (file && strcmp(file, "-")) || name0) {
        size_t nl;
        char *c2 = with_args(code, len, argv + i, argc - i,
                             name0 ? name0 : file && strcmp(file, "-") ? file : "bash", &nl);
        free(code);
        if (!c2) {
            fprintf(stderr, "wasmbox: out of memory\n");
            rc = EXIT_SANDBOX;
            goto out;
        }
        code = c2;
        len = nl;
    }
    wb_sandbox *sb;
    wb_status st = wb_new(cfg, &sb);
    if (st != WB_OK) {
        fprintf(stderr, "wasmbox: cannot create the sandbox: %s\n", wb_errmsg(sb));
        wb_free(sb);
        free(code);
        rc = EXIT_SANDBOX;
        goto out;
    }
    wb_result *r = NULL;
    st = wb_run(sb, WB_SH, code, len, &r);
    rc = cli_print_result(sb, st, r, 0, json);
    wb_result_free(r);
    wb_free(sb);
    free(code);
out:
    wb_config_free(cfg);
    return rc;
}
