/* wasmbox — command-line front end of the C API.
 *
 * Exit status: the script's own (0 ok, 1 uncaught exception), 2 for usage
 * errors, 3 when a limit stopped the run, 4 when the sandbox failed (trap,
 * host out of memory). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wasmbox.h"
#include "cli.h"
#include "session.h"
#include "cli_fs.h"


static const char usage_text[] =
    "usage: wasmbox run [OPTIONS] FILE    run a JavaScript file in a sandbox\n"
    "       wasmbox run [OPTIONS] -e CODE run CODE\n"
    "       wasmbox run [OPTIONS] -       run the script read from stdin\n"
    "       wasmbox sh [OPTIONS] -c SCRIPT [NAME [ARG...]]  run a shell script (bash-like)\n"
    "       wasmbox sh [OPTIONS] FILE [ARG...]        run a shell script file ($1... = ARGs)\n"
    "       wasmbox sh [OPTIONS] [-]                  run the shell script read from stdin\n"
    "       wasmbox replay [OPTIONS] JOURNAL  replay a run recorded with --record\n"
    "       wasmbox mcp [OPTIONS]         serve MCP (run_javascript, run_shell) on stdio\n"
    "       wasmbox session list|show|rm|export|import ...   saved sessions\n"
    "       wasmbox --help | --version\n"
    "\n"
    "Runs JavaScript (ES2023, QuickJS) inside WebAssembly: no network, no host\n"
    "files (the sandbox has its own: /workspace, the working directory, /tmp\n"
    "and /tools; require('fs') reads and writes them), no real clock unless\n"
    "allowed. console.log goes to stdout, console.error to stderr; an uncaught\n"
    "exception prints its name, message and stack on stderr. Top-level await\n"
    "works. The script's stdin is wasmbox's own (`... | wasmbox sh -c 'sort'`),\n"
    "read only when the script reads it, and empty when the script itself\n"
    "came from stdin; a read waiting for input ends at the time limit.\n"
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
    "  --record FILE        write a journal of every outside input (clock, random,\n"
    "                       tool results, ...) to FILE, for wasmbox replay\n"
    "%s"
    WB_CLI_FS_HELP
    "  -h, --help           this text\n"
    "  --version            the version\n"
    "\n"
    CLI_REPLAY_HELP
    "\n"
    "exit status: 0 ok, 1 the script threw, 2 usage error, 3 a limit stopped\n"
    "the run, 4 the sandbox failed, 5 a replay diverged from its journal, 6 the\n"
    "session could not be restored or saved\n";

static char *read_stream(FILE *f, size_t *len)
{
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    for (;;) {
        if (n == cap) {
            char *b = realloc(buf, cap *= 2);
            if (!b) {
                free(buf);
                return NULL;
            }
            buf = b;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

static void json_str(FILE *f, const char *s, size_t n)
{
    fputc('"', f);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        default:
            if (c < 0x20)
                fprintf(f, "\\u%04x", c);
            else
                fputc(c, f);
        }
    }
    fputc('"', f);
}

static int exit_for(wb_status st, int script_code)
{
    switch (st) {
    case WB_OK: return script_code;
    case WB_EDIVERGED: return CLI_EXIT_DIVERGED;
    case WB_EMEMLIMIT:
    case WB_ETIMEOUT:
    case WB_EOUTPUT:
    case WB_EFUEL:
        return EXIT_LIMIT;
    default: return EXIT_SANDBOX;
    }
}

/* wasmbox run (lang WB_JS) and wasmbox sh (WB_SH): the same options; sh
 * takes -c SCRIPT instead of -e CODE, and the words after -c SCRIPT or
 * FILE are the script's $0 and arguments, as with bash. */
static int cmd_exec(int argc, char **argv, wb_lang lang)
{
    const char *eval = NULL, *file = NULL;
    int print = 0, json = 0, sh = lang == WB_SH;
    int nargs = 0;
    char **args = NULL;
    wb_config *cfg;
    if (wb_config_new(&cfg) != WB_OK) {
        fprintf(stderr, "wasmbox: out of memory\n");
        return EXIT_SANDBOX;
    }
    int rc = EXIT_USAGE, k;
    cli_session sess = {0};
    wb_cli_fs fsopt = { 0 };
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        int sr = cli_session_option(&sess, argc, argv, &i);
        if (sr < 0)
            goto out;
        if (sr > 0)
            continue;
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        int mine = wb_cli_fs_option(&fsopt, cfg, a, val); /* --workspace, --mount, --fs-quota */
        if (mine < 0)
            goto out;
        if (mine) {
            i++;
            continue;
        }
        if (sh && (!strcmp(a, "-c") || !strcmp(a, "--"))) {
            if (!strcmp(a, "-c")) {
                if (!val) { rc = cli_usage_error("%s needs the script to run", a); goto out; }
                eval = val;
                i++;
            } else if (val) {
                file = val;
                i++;
            }
            args = argv + i + 1;
            nargs = argc - i - 1;
            break;
        } else if (!sh && (!strcmp(a, "-e") || !strcmp(a, "--eval"))) {
            if (!val) { rc = cli_usage_error("%s needs the code to run", a); goto out; }
            eval = val; i++;
        } else if (!strcmp(a, "-p") || !strcmp(a, "--print")) {
            print = 1;
        } else if (!strcmp(a, "--json")) {
            json = 1;
        } else if ((k = wb_cli_config_option(cfg, argc, argv, &i)) >= 0) {
            if (k > 0) { rc = k; goto out; }
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            printf(usage_text, cli_session_help);
            rc = 0;
            goto out;
        } else if (a[0] == '-' && a[1] != 0) {
            rc = cli_usage_error(sh ? "unknown option '%s' for sh (the script's own options go after -c SCRIPT or FILE)"
                                    : "unknown option '%s'", a);
            goto out;
        } else if (sh) {
            file = a;
            args = argv + i + 1;
            nargs = argc - i - 1;
            break;
        } else if (file) {
            rc = cli_usage_error("more than one script given ('%s'); give one FILE, - or -e CODE", a);
            goto out;
        } else {
            file = a;
        }
    }
    if (eval && file) { rc = cli_usage_error("give either -e CODE or a FILE, not both ('%s')", file); goto out; }
    if (!eval && !file && sh)
        file = "-";
    if (!eval && !file) { rc = cli_usage_error("%s", "run needs a script: FILE, - (stdin) or -e CODE"); goto out; }

    char *code = NULL;
    size_t len = 0;
    if (eval && !sh) {
        len = strlen(eval);
    } else if (eval) {
        code = strdup(eval);
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

    if (sh && !code) {
        fprintf(stderr, "wasmbox: out of memory\n");
        rc = EXIT_SANDBOX;
        goto out;
    }
    /* bash -c SCRIPT NAME ARGS: NAME is $0; bash FILE ARGS: FILE is $0. */
    if (sh && (nargs > 0 || (file && strcmp(file, "-")))) {
        const char *arg0 = eval ? (nargs > 0 ? args[0] : "bash") : file;
        if (eval && nargs > 0) {
            args++;
            nargs--;
        }
        size_t nl;
        char *c2 = cli_sh_with_args(code, len, args, nargs, arg0, &nl);
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
    if ((rc = cli_session_restore(&sess, sb)) != 0) {
        wb_free(sb);
        free(code);
        goto out;
    }
    if (wb_cli_fs_before(&fsopt, sb)) {
        wb_free(sb);
        free(code);
        rc = EXIT_SANDBOX;
        goto out;
    }
    /* The script's stdin is ours, unless the script itself came from it. */
    if (!(file && !strcmp(file, "-")))
        wb_set_stdin_fd(sb, 0);
    wb_result *r = NULL;
    st = wb_run(sb, lang, code ? code : eval, len, &r);
    int copy_failed = wb_cli_fs_after(&fsopt, sb) != 0; /* --workspace: copied back */
    rc = cli_print_result(sb, st, r, print, json);
    if (copy_failed && rc == 0)
        rc = EXIT_SANDBOX;
    wb_result_free(r);
    int src = cli_session_commit(&sess, sb, st);
    if (src && rc == 0)
        rc = src;
    wb_free(sb);
    free(code);
out:
    cli_session_close(&sess);
    wb_cli_fs_free(&fsopt);
    wb_config_free(cfg);
    return rc;
}

/* Prints a run's outcome as wasmbox run does; returns the exit status. */
int cli_print_result(wb_sandbox *sb, wb_status st, wb_result *r, int print, int json)
{
    int rc;
    size_t olen, elen;
    const char *o = wb_result_stdout(r, &olen), *e = wb_result_stderr(r, &elen);
    const char *value = wb_result_value(r);
    rc = exit_for(st, wb_result_exit_code(r));
    if (json) {
        fputs("{\"stdout\":", stdout);
        json_str(stdout, o, olen);
        fputs(",\"stderr\":", stdout);
        json_str(stdout, e, elen);
        fprintf(stdout, ",\"value\":%s,\"exit_code\":%d,\"status\":\"%s\",\"fuel\":%llu", value ? value : "null",
                wb_result_exit_code(r), wb_status_name(st), (unsigned long long)wb_result_fuel(r));
        if (st != WB_OK) {
            fputs(",\"error\":", stdout);
            json_str(stdout, wb_errmsg(sb), strlen(wb_errmsg(sb)));
        }
        fputs("}\n", stdout);
    } else {
        fwrite(o, 1, olen, stdout);
        if (print && value)
            printf("%s\n", value);
        fflush(stdout);
        fwrite(e, 1, elen, stderr);
        if (st != WB_OK)
            fprintf(stderr, "wasmbox: %s\n", wb_errmsg(sb));
    }
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return cli_usage_error("%s", "no command given");
    const char *cmd = argv[1];
    if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
        printf(usage_text, cli_session_help);
        return 0;
    }
    if (!strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
        printf("wasmbox %s (QuickJS 2025-04-26)\n", wb_version());
        return 0;
    }
    if (!strcmp(cmd, "run"))
        return cmd_exec(argc - 2, argv + 2, WB_JS);
    if (!strcmp(cmd, "sh"))
        return cmd_exec(argc - 2, argv + 2, WB_SH);
    if (!strcmp(cmd, "replay"))
        return cmd_replay(argc - 2, argv + 2);
    if (!strcmp(cmd, "mcp"))
        return cmd_mcp(argc - 2, argv + 2);
    if (!strcmp(cmd, "session"))
        return cmd_session(argc - 2, argv + 2);
    return cli_usage_error("unknown command '%s'; commands: run, sh, replay, mcp, session", cmd);
}
