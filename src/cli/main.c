/* wasmbox — command-line front end of the C API.
 *
 * Exit status: the script's own (0 ok, 1 uncaught exception), 2 for usage
 * errors, 3 when a limit stopped the run, 4 when the sandbox failed (trap,
 * host out of memory). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "wasmbox.h"

const char usage_text[] =
    "usage: wasmbox run [OPTIONS] FILE    run a JavaScript file in a sandbox\n"
    "       wasmbox run [OPTIONS] -e CODE run CODE\n"
    "       wasmbox run [OPTIONS] -       run the script read from stdin\n"
    "       wasmbox sh [OPTIONS] -c SCRIPT [ARG...]   run a shell script (bash-like)\n"
    "       wasmbox sh [OPTIONS] FILE [ARG...]        run a shell script file\n"
    "       wasmbox sh [OPTIONS]                      run the shell script read from stdin\n"
    "       wasmbox --help | --version\n"
    "\n"
    "Runs JavaScript (ES2023, QuickJS) inside WebAssembly: no network, no host\n"
    "files, no real clock unless allowed. console.log goes to stdout,\n"
    "console.error to stderr; an uncaught exception prints its name, message and\n"
    "stack on stderr. Top-level await works.\n"
    "\n"
    "options:\n"
    "  -e, --eval CODE      run CODE instead of a file\n"
    "  -p, --print          print the value of the last expression (as JSON)\n"
    "  --json               print one JSON object: stdout, stderr, value,\n"
    "                       exit_code, status, fuel (and error when the sandbox\n"
    "                       stopped the run)\n"
    "  --memory SIZE        memory limit, e.g. 64M or 1G (default 256M, 16M..4095M)\n"
    "  --max-output SIZE    stdout+stderr bytes per run; past it the run stops\n"
    "                       (default 1M, 1K..1G)\n"
    "  --time-limit MS      wall-clock milliseconds per run, tool calls included;\n"
    "                       past it the run stops (default 10000)\n"
    "  --fuel N             executed guest instructions per run; past it the run\n"
    "                       stops (default: no limit). --json reports the fuel used\n"
    "  --fixed-clock MS     Date.now() returns MS (milliseconds since 1970) and\n"
    "                       time stands still\n"
    "  --seed N             Math.random() gives a fixed sequence for seed N\n"
    "  --policy FILE        tools the script may call (tools.NAME(args)), checked\n"
    "                       against the policy's constraints and budgets\n"
    "                       (docs/policy.md); a denied call rejects with a\n"
    "                       ToolDeniedError saying why\n"
    "  --audit FILE         append one JSON line per tool call to FILE\n"
    "  -h, --help           this text\n"
    "  --version            the version\n"
    "\n"
    "wasmbox sh runs a bash-compatible shell (docs/shell.md) with the commands\n"
    "built into the sandbox; it takes the same options (but -e and -p).\n"
    "\n"
    "exit status: 0 ok, 1 the script threw, 2 usage error, 3 a limit stopped\n"
    "the run, 4 the sandbox failed; for sh, the script's own exit status\n"
    "(0-255) unless a limit (3) or the sandbox (4) stopped it\n";


static int cmd_run(int argc, char **argv)
{
    const char *eval = NULL, *file = NULL;
    int print = 0, json = 0;
    wb_config *cfg;
    if (wb_config_new(&cfg) != WB_OK) {
        fprintf(stderr, "wasmbox: out of memory\n");
        return EXIT_SANDBOX;
    }
    int rc = EXIT_USAGE;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        int used;
        if (!strcmp(a, "-e") || !strcmp(a, "--eval")) {
            if (!val) { rc = usage_error("%s needs the code to run", a); goto out; }
            eval = val; i++;
        } else if (!strcmp(a, "-p") || !strcmp(a, "--print")) {
            print = 1;
        } else if (!strcmp(a, "--json")) {
            json = 1;
        } else if ((used = cli_config_option(cfg, argc, argv, i)) != 0) {
            if (used < 0)
                goto out;
            i += used - 1;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(usage_text, stdout);
            rc = 0;
            goto out;
        } else if (a[0] == '-' && a[1] != 0) {
            rc = usage_error("unknown option '%s'", a);
            goto out;
        } else if (file) {
            rc = usage_error("more than one script given ('%s'); give one FILE, - or -e CODE", a);
            goto out;
        } else {
            file = a;
        }
    }
    if (eval && file) { rc = usage_error("give either -e CODE or a FILE, not both ('%s')", file); goto out; }
    if (!eval && !file) { rc = usage_error("%s", "run needs a script: FILE, - (stdin) or -e CODE"); goto out; }

    char *code = NULL;
    size_t len = 0;
    if (eval) {
        len = strlen(eval);
    } else {
        FILE *f = strcmp(file, "-") ? fopen(file, "rb") : stdin;
        if (!f) {
            fprintf(stderr, "wasmbox: cannot open '%s': %s\n", file, strerror(errno));
            goto out;
        }
        code = read_stream(f, &len);
        if (f != stdin)
            fclose(f);
        if (!code) {
            fprintf(stderr, "wasmbox: cannot read '%s': %s\n", file, strerror(errno ? errno : EIO));
            goto out;
        }
    }

    rc = cli_run_once(cfg, WB_JS, eval ? eval : code, len, json, print);
    free(code);
out:
    wb_config_free(cfg);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage_error("%s", "no command given");
    const char *cmd = argv[1];
    if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
        fputs(usage_text, stdout);
        return 0;
    }
    if (!strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
        printf("wasmbox %s (QuickJS 2025-04-26)\n", wb_version());
        return 0;
    }
    if (!strcmp(cmd, "run"))
        return cmd_run(argc - 2, argv + 2);
    if (!strcmp(cmd, "sh"))
        return cmd_sh(argc - 2, argv + 2);
    return usage_error("unknown command '%s'; commands: run, sh", cmd);
}
