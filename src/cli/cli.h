/* Shared parts of the wasmbox commands (src/cli/). */
#ifndef WB_CLI_H
#define WB_CLI_H

#include "wasmbox.h"

enum { EXIT_SCRIPT = 1, EXIT_USAGE = 2, EXIT_LIMIT = 3, EXIT_SANDBOX = 4 };

/* Prints "wasmbox: " fmt (with arg) and a hint to --help; EXIT_USAGE. */
int cli_usage_error(const char *fmt, const char *arg);

/* argv[*i] if it is a config option (--memory, --max-output, --time-limit,
 * --fuel, --fixed-clock, --seed, --policy, --audit): applies it to cfg,
 * advances *i past its value and returns 0, or an exit status after
 * printing why the value is wrong.  -1: not a config option. */
int wb_cli_config_option(wb_config *cfg, int argc, char **argv, int *i);

/* wasmbox mcp (src/cli/cmd_mcp.c). */
int cmd_mcp(int argc, char **argv);

#endif
