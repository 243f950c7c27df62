/* Options every sandbox-running command shares (run, mcp): limits, clock,
 * seed, policy, audit log and journal (--record), applied to a wb_config. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wasmbox.h"
#include "cli.h"

int cli_usage_error(const char *fmt, const char *arg)
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

int wb_cli_config_option(wb_config *cfg, int argc, char **argv, int *ip)
{
    int i = *ip;
    const char *a = argv[i];
    const char *val = i + 1 < argc ? argv[i + 1] : NULL;
    int rc = -1;
    if (!strcmp(a, "--memory") || !strcmp(a, "--max-output")) {
        if (!val)
            return cli_usage_error("%s needs a size, e.g. 64M", a);
        long long v = parse_size(val);
        int is_mem = !strcmp(a, "--memory");
        wb_status st = v < 0 ? WB_EINVAL
                     : is_mem ? wb_config_set_memory_limit(cfg, (uint64_t)v)
                              : wb_config_set_output_limit(cfg, (uint64_t)v);
        if (st != WB_OK) {
            fprintf(stderr, "wasmbox: %s '%s' is not valid: give a size %s (K, M or G suffix)\n",
                    a, val, is_mem ? "from 16M to 4095M" : "from 1K to 1G");
            return EXIT_USAGE;
        }
        i++;
        rc = 0;
    } else if (!strcmp(a, "--time-limit") || !strcmp(a, "--timeout")) {
        if (!val)
            return cli_usage_error("%s needs milliseconds, e.g. 5000", a);
        char *end;
        errno = 0;
        unsigned long long ms = strtoull(val, &end, 10);
        if (errno || end == val || *end || *val == '-' || wb_config_set_time_limit(cfg, ms) != WB_OK) {
            fprintf(stderr, "wasmbox: %s '%s' is not valid: give milliseconds from 1 to 86400000\n", a, val);
            return EXIT_USAGE;
        }
        i++;
        rc = 0;
    } else if (!strcmp(a, "--fuel")) {
        if (!val)
            return cli_usage_error("%s needs a number of instructions, e.g. 100000000", a);
        char *end;
        errno = 0;
        unsigned long long n = strtoull(val, &end, 10);
        if (errno || end == val || *end || *val == '-' || wb_config_set_fuel_limit(cfg, n) != WB_OK) {
            fprintf(stderr, "wasmbox: %s '%s' is not valid: give a number of instructions up to 2^62 "
                            "(0: no limit)\n", a, val);
            return EXIT_USAGE;
        }
        i++;
        rc = 0;
    } else if (!strcmp(a, "--fixed-clock") || !strcmp(a, "--seed")) {
        if (!val)
            return cli_usage_error("%s needs a number", a);
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
            return EXIT_USAGE;
        }
        i++;
        rc = 0;
    } else if (!strcmp(a, "--policy") || !strcmp(a, "--audit")) {
        if (!val)
            return cli_usage_error("%s needs a file name", a);
        wb_status st = !strcmp(a, "--policy") ? wb_config_load_policy(cfg, val) : wb_config_set_audit_file(cfg, val);
        if (st != WB_OK) {
            fprintf(stderr, "wasmbox: %s\n", wb_config_errmsg(cfg));
            return EXIT_USAGE;
        }
        i++;
        rc = 0;
    } else if (!strcmp(a, "--record")) {
        if (!val)
            return cli_usage_error("%s needs a file name", a);
        if (wb_config_set_journal_file(cfg, val) != WB_OK) {
            fprintf(stderr, "wasmbox: %s\n", wb_config_errmsg(cfg));
            return EXIT_USAGE;
        }
        i++;
        rc = 0;
    }
    *ip = i;
    return rc;
}
