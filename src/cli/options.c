/* Helpers the CLI's commands share (run, sh): option parsing, sizes,
 * reading scripts, JSON output, exit statuses. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "wasmbox: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nrun 'wasmbox --help' for usage\n");
    return EXIT_USAGE;
}

/* "64M", "1G", "4096", "512K": bytes, or -1 if malformed. */
long long parse_size(const char *s)
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

char *read_stream(FILE *f, size_t *len)
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

void json_str(FILE *f, const char *s, size_t n)
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

int exit_for(wb_status st, int script_code)
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


/* The options run and sh share: limits, clock, seed, policy, audit.
 * Returns how many words it used (1 or 2), 0 when argv[i] is not one of
 * them, -1 after printing an error. */
int cli_config_option(wb_config *cfg, int argc, char **argv, int i)
{
    const char *a = argv[i];
    const char *val = i + 1 < argc ? argv[i + 1] : NULL;
    if (!strcmp(a, "--memory") || !strcmp(a, "--max-output")) {
        if (!val) { usage_error("%s needs a size, e.g. 64M", a); return -1; }
        long long v = parse_size(val);
        int is_mem = !strcmp(a, "--memory");
        wb_status st = v < 0 ? WB_EINVAL
                     : is_mem ? wb_config_set_memory_limit(cfg, (uint64_t)v)
                              : wb_config_set_output_limit(cfg, (uint64_t)v);
        if (st != WB_OK) {
            fprintf(stderr, "wasmbox: %s '%s' is not valid: give a size %s (K, M or G suffix)\n",
                    a, val, is_mem ? "from 16M to 4095M" : "from 1K to 1G");
            return -1;
        }
        return 2;
    }
    if (!strcmp(a, "--time-limit") || !strcmp(a, "--timeout")) {
        if (!val) { usage_error("%s needs milliseconds, e.g. 5000", a); return -1; }
        char *end;
        errno = 0;
        unsigned long long ms = strtoull(val, &end, 10);
        if (errno || end == val || *end || *val == '-' || wb_config_set_time_limit(cfg, ms) != WB_OK) {
            fprintf(stderr, "wasmbox: %s '%s' is not valid: give milliseconds from 1 to 86400000\n", a, val);
            return -1;
        }
        return 2;
    }
    if (!strcmp(a, "--fuel")) {
        if (!val) { usage_error("%s needs a number of instructions, e.g. 100000000", a); return -1; }
        char *end;
        errno = 0;
        unsigned long long n = strtoull(val, &end, 10);
        if (errno || end == val || *end || *val == '-' || wb_config_set_fuel_limit(cfg, n) != WB_OK) {
            fprintf(stderr, "wasmbox: %s '%s' is not valid: give a number of instructions up to 2^62 "
                            "(0: no limit)\n", a, val);
            return -1;
        }
        return 2;
    }
    if (!strcmp(a, "--fixed-clock") || !strcmp(a, "--seed")) {
        if (!val) { usage_error("%s needs a number", a); return -1; }
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
            return -1;
        }
        return 2;
    }
    if (!strcmp(a, "--policy") || !strcmp(a, "--audit")) {
        if (!val) { usage_error("%s needs a file name", a); return -1; }
        wb_status st = !strcmp(a, "--policy") ? wb_config_load_policy(cfg, val) : wb_config_set_audit_file(cfg, val);
        if (st != WB_OK) {
            fprintf(stderr, "wasmbox: %s\n", wb_config_errmsg(cfg));
            return -1;
        }
        return 2;
    }
    return 0;
}

/* Creates a sandbox from cfg, runs code once and prints the outcome
 * (plain, or one JSON object); returns the CLI's exit status. */
int cli_run_once(wb_config *cfg, wb_lang lang, const char *code, size_t len, int json, int print)
{
    wb_sandbox *sb;
    wb_status st = wb_new(cfg, &sb);
    if (st != WB_OK) {
        fprintf(stderr, "wasmbox: cannot create the sandbox: %s\n", wb_errmsg(sb));
        wb_free(sb);
        return EXIT_SANDBOX;
    }
    wb_result *r = NULL;
    st = wb_run(sb, lang, code, len, &r);
    size_t olen, elen;
    const char *o = wb_result_stdout(r, &olen), *e = wb_result_stderr(r, &elen);
    const char *value = wb_result_value(r);
    int rc = exit_for(st, wb_result_exit_code(r));
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
    wb_result_free(r);
    wb_free(sb);
    return rc;
}
