/* wasmbox mcp: an MCP server on stdin/stdout (src/mcp/server.c) with one
 * sandbox for the whole connection, made from the same options as run. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "wasmbox.h"
#include "cli.h"
#include "mcp/server.h"

static const char mcp_usage[] =
    "usage: wasmbox mcp [--policy FILE] [--audit FILE] [limit options of run]\n"
    "\n"
    "Serves the Model Context Protocol over stdin/stdout (newline-delimited\n"
    "JSON-RPC 2.0; logs on stderr only) with the tools run_javascript and\n"
    "run_shell. All calls of a connection share one sandbox: state persists.\n"
    "The policy's tools (and its mcp_servers, code mode) are callable from the\n"
    "code; their TypeScript signatures are in the tools' descriptions.\n"
    "Options: --policy --audit --memory --max-output --time-limit --fuel\n"
    "--fixed-clock --seed, as for run (see wasmbox --help, docs/mcp.md).\n";

int cmd_mcp(int argc, char **argv)
{
    wb_config *cfg;
    if (wb_config_new(&cfg) != WB_OK) {
        fprintf(stderr, "wasmbox: out of memory\n");
        return EXIT_SANDBOX;
    }
    int rc = EXIT_USAGE, k;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(mcp_usage, stdout);
            rc = 0;
            goto out;
        } else if ((k = wb_cli_config_option(cfg, argc, argv, &i)) >= 0) {
            if (k > 0) {
                rc = k;
                goto out;
            }
        } else {
            rc = cli_usage_error("mcp: unknown argument '%s' (it takes options only)", a);
            goto out;
        }
    }
    /* A client that goes away must not kill us mid-write. */
    signal(SIGPIPE, SIG_IGN);
    wb_sandbox *sb;
    if (wb_new(cfg, &sb) != WB_OK) {
        fprintf(stderr, "wasmbox mcp: cannot create the sandbox: %s\n", wb_errmsg(sb));
        wb_free(sb);
        rc = EXIT_SANDBOX;
        goto out;
    }
    rc = wb__mcp_serve(sb, STDIN_FILENO, STDOUT_FILENO) ? EXIT_SANDBOX : 0;
    wb_free(sb);
out:
    wb_config_free(cfg);
    return rc;
}
