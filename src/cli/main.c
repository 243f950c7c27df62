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
#include "cli_fs.h"

enum { EXIT_SCRIPT = 1, EXIT_USAGE = 2, EXIT_LIMIT = 3, EXIT_SANDBOX = 4 };

static const char usage_text[] =
    "usage: wasmbox run [OPTIONS] FILE    run a JavaScript file in a sandbox\n"
    "       wasmbox run [OPTIONS] -e CODE run CODE\n"
    "       wasmbox run [OPTIONS] -       run the script read from stdin\n"
    "       wasmbox --help | --version\n"
    "\n"
    "Runs JavaScript (ES2023, QuickJS) inside WebAssembly: no network, no host\n"
    "files (the sandbox has its own: /workspace, the working directory, /tmp\n"
    "and /tools; require('fs') reads and writes them), no real clock unless\n"
    "allowed. console.log goes to stdout, console.error to stderr; an uncaught\n"
    "exception prints its name, message and stack on stderr. Top-level await\n"
    "works.\n"
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
    WB_CLI_FS_HELP
    "  -h, --help           this text\n"
    "  --version            the version\n"
    "\n"
    "exit status: 0 ok, 1 the script threw, 2 usage error, 3 a limit stopped\n"
    "the run, 4 the sandbox failed\n";

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "wasmbox: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nrun 'wasmbox --help' for usage\n");
    return EXIT_USAGE;
}

/* "64M", "1G", "4096", "512K": bytes, or -1 if malformed. */
static long long parse_size(const char *s)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *s == '-')
        return -1;
    unsigned long long mul = 1;
    switch (*end) {
    case 0: break;
    case 'k': case 'K': mul = 1ull << 10; end++; break;
    case 'm': case 'M': mul = 1ull << 20; end++; break;
    case 'g': case 'G': mul = 1ull << 30; end++; break;
    default: return -1;
    }
    if ((*end == 'i' || *end == 'I') && (end[1] == 'B' || end[1] == 'b'))
        end += 2;
    else if (*end == 'B' || *end == 'b')
        end++;
    if (*end || v > (1ull << 62) / mul)
        return -1;
    return (long long)(v * mul);
}

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
    case WB_EMEMLIMIT:
    case WB_ETIMEOUT:
    case WB_EOUTPUT:
    case WB_EFUEL:
        return EXIT_LIMIT;
    default: return EXIT_SANDBOX;
    }
}

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
    wb_cli_fs fsopt = { 0 };
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        int mine = wb_cli_fs_option(&fsopt, cfg, a, val); /* --workspace, --mount, --fs-quota */
        if (mine < 0)
            goto out;
        if (mine) {
            i++;
            continue;
        }
        if (!strcmp(a, "-e") || !strcmp(a, "--eval")) {
            if (!val) { rc = usage_error("%s needs the code to run", a); goto out; }
            eval = val; i++;
        } else if (!strcmp(a, "-p") || !strcmp(a, "--print")) {
            print = 1;
        } else if (!strcmp(a, "--json")) {
            json = 1;
        } else if (!strcmp(a, "--memory") || !strcmp(a, "--max-output")) {
            if (!val) { rc = usage_error("%s needs a size, e.g. 64M", a); goto out; }
            long long v = parse_size(val);
            int is_mem = !strcmp(a, "--memory");
            wb_status st = v < 0 ? WB_EINVAL
                         : is_mem ? wb_config_set_memory_limit(cfg, (uint64_t)v)
                                  : wb_config_set_output_limit(cfg, (uint64_t)v);
            if (st != WB_OK) {
                fprintf(stderr, "wasmbox: %s '%s' is not valid: give a size %s (K, M or G suffix)\n",
                        a, val, is_mem ? "from 16M to 4095M" : "from 1K to 1G");
                goto out;
            }
            i++;
        } else if (!strcmp(a, "--time-limit") || !strcmp(a, "--timeout")) {
            if (!val) { rc = usage_error("%s needs milliseconds, e.g. 5000", a); goto out; }
            char *end;
            errno = 0;
            unsigned long long ms = strtoull(val, &end, 10);
            if (errno || end == val || *end || *val == '-' || wb_config_set_time_limit(cfg, ms) != WB_OK) {
                fprintf(stderr, "wasmbox: %s '%s' is not valid: give milliseconds from 1 to 86400000\n", a, val);
                goto out;
            }
            i++;
        } else if (!strcmp(a, "--fuel")) {
            if (!val) { rc = usage_error("%s needs a number of instructions, e.g. 100000000", a); goto out; }
            char *end;
            errno = 0;
            unsigned long long n = strtoull(val, &end, 10);
            if (errno || end == val || *end || *val == '-' || wb_config_set_fuel_limit(cfg, n) != WB_OK) {
                fprintf(stderr, "wasmbox: %s '%s' is not valid: give a number of instructions up to 2^62 "
                                "(0: no limit)\n", a, val);
                goto out;
            }
            i++;
        } else if (!strcmp(a, "--fixed-clock") || !strcmp(a, "--seed")) {
            if (!val) { rc = usage_error("%s needs a number", a); goto out; }
            char *end;
            errno = 0;
            int is_clock = !strcmp(a, "--fixed-clock");
            long long sv = is_clock ? strtoll(val, &end, 10) : 0;
            unsigned long long uv = is_clock ? 0 : strtoull(val, &end, 10);
            wb_status st = (errno || end == val || *end || (!is_clock && *val == '-')) ? WB_EINVAL
                         : is_clock ? wb_config_set_fixed_clock(cfg, sv)
                                    : wb_config_set_random_seed(cfg, uv);
            if (st != WB_OK) {
                fprintf(stderr, "wasmbox: %s '%s' is not valid: give %s\n", a, val,
                        is_clock ? "milliseconds since 1970-01-01 (0 to 253402300799999)"
                                 : "an unsigned 64-bit integer");
                goto out;
            }
            i++;
        } else if (!strcmp(a, "--policy") || !strcmp(a, "--audit")) {
            if (!val) { rc = usage_error("%s needs a file name", a); goto out; }
            wb_status st = !strcmp(a, "--policy") ? wb_config_load_policy(cfg, val) : wb_config_set_audit_file(cfg, val);
            if (st != WB_OK) {
                fprintf(stderr, "wasmbox: %s\n", wb_config_errmsg(cfg));
                goto out;
            }
            i++;
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

    wb_sandbox *sb;
    wb_status st = wb_new(cfg, &sb);
    if (st != WB_OK) {
        fprintf(stderr, "wasmbox: cannot create the sandbox: %s\n", wb_errmsg(sb));
        wb_free(sb);
        free(code);
        rc = EXIT_SANDBOX;
        goto out;
    }
    if (wb_cli_fs_before(&fsopt, sb)) {
        wb_free(sb);
        free(code);
        rc = EXIT_SANDBOX;
        goto out;
    }
    wb_result *r = NULL;
    st = wb_run(sb, WB_JS, eval ? eval : code, len, &r);
    int copy_failed = wb_cli_fs_after(&fsopt, sb) != 0; /* --workspace: after the output below */
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
    if (copy_failed && rc == 0)
        rc = EXIT_SANDBOX;
    wb_result_free(r);
    wb_free(sb);
    free(code);
out:
    wb_cli_fs_free(&fsopt);
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
    return usage_error("unknown command '%s'; commands: run", cmd);
}
