/* Shared between the CLI's command files (every src/cli/ C file). */
#ifndef WB_CLI_H
#define WB_CLI_H

#include "wasmbox.h"

#define CLI_EXIT_DIVERGED 5

/* The replay command's lines of --help. */
#define CLI_REPLAY_HELP                                                              \
    "replay options (wasmbox replay JOURNAL; docs/replay.md):\n"                     \
    "  --continue-live      after a divergence, run the rest against the real\n"     \
    "                       clock, randomness and tool providers\n"                  \
    "  --ignore-chain       replay a journal edited by hand (its hash chain is\n"    \
    "                       broken); differences are still reported\n"               \
    "  --policy FILE        check the recording used this policy (default: use\n"    \
    "                       the recorded one)\n"                                     \
    "  -p, --print, --json  print as wasmbox run does\n"                             \
    "  Limits, clock and seed come from the journal. The replay prints the\n"        \
    "  runs' output; at the first difference from the recording (other code,\n"      \
    "  another tool call, an event the journal lacks, other output at the end)\n"    \
    "  it stops and names the event, with both sides, and exits 5.\n"

/* main.c */
int cli_print_result(wb_sandbox *sb, wb_status st, wb_result *r, int print, int json);
/* cmd_replay.c */
int cmd_replay(int argc, char **argv);

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
