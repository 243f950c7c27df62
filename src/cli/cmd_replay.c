/* wasmbox replay JOURNAL: runs the recorded code again with every outside
 * input taken from the journal (docs/replay.md). */
#include <stdio.h>
#include <string.h>

#include "cli.h"

int cmd_replay(int argc, char **argv)
{
    const char *file = NULL, *policy = NULL;
    unsigned flags = 0;
    int print = 0, json = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--continue-live")) {
            flags |= WB_REPLAY_CONTINUE_LIVE;
        } else if (!strcmp(a, "--ignore-chain")) {
            flags |= WB_REPLAY_IGNORE_CHAIN;
        } else if (!strcmp(a, "-p") || !strcmp(a, "--print")) {
            print = 1;
        } else if (!strcmp(a, "--json")) {
            json = 1;
        } else if (!strcmp(a, "--policy")) {
            if (i + 1 >= argc)
                return cli_usage_error("%s needs a file name", a);
            policy = argv[++i];
        } else if (a[0] == '-' && a[1]) {
            return cli_usage_error("unknown replay option '%s' (replay takes --continue-live, --ignore-chain, "
                               "--policy FILE, -p, --json; limits come from the journal)", a);
        } else if (file) {
            return cli_usage_error("more than one journal given ('%s')", a);
        } else {
            file = a;
        }
    }
    if (!file)
        return cli_usage_error("%s", "replay needs the journal: wasmbox replay [OPTIONS] JOURNAL");
    wb_config *cfg;
    if (wb_config_new(&cfg) != WB_OK) {
        fprintf(stderr, "wasmbox: out of memory\n");
        return 4;
    }
    int rc = 4;
    if (wb_config_set_replay_file(cfg, file, flags) != WB_OK ||
        (policy && wb_config_load_policy(cfg, policy) != WB_OK)) {
        fprintf(stderr, "wasmbox: %s\n", policy ? wb_config_errmsg(cfg) : "out of memory");
        wb_config_free(cfg);
        return 2;
    }
    wb_sandbox *sb;
    wb_status st = wb_new(cfg, &sb);
    if (st != WB_OK) {
        fprintf(stderr, "wasmbox: cannot replay: %s\n", wb_errmsg(sb));
        rc = st == WB_EDIVERGED ? CLI_EXIT_DIVERGED : st == WB_EINVAL || st == WB_EIO ? 2 : 4;
        goto out;
    }
    wb_lang lang;
    const char *code;
    size_t len;
    int runs = 0;
    rc = 0;
    /* Every recorded run in order (the CLI records one; an embedder's
     * sandbox may have recorded several). */
    while (wb_replay_next(sb, &lang, &code, &len) == WB_OK) {
        wb_result *r = NULL;
        st = wb_run(sb, lang, code, len, &r);
        runs++;
        rc = cli_print_result(sb, st, r, print, json);
        wb_result_free(r);
        if (st == WB_EDIVERGED || st == WB_ELANG)
            break;
    }
    if (runs == 0)
        fprintf(stderr, "wasmbox: the journal %s holds no run\n", file);
    if (st != WB_EDIVERGED && wb_replay_report(sb)[0]) {
        /* --continue-live: the run went on, but it is no faithful replay. */
        fprintf(stderr, "wasmbox: %s; the rest ran live (--continue-live)\n", wb_replay_report(sb));
        rc = CLI_EXIT_DIVERGED;
    }
out:
    wb_free(sb);
    wb_config_free(cfg);
    return rc;
}
