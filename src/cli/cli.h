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
int usage_error(const char *fmt, const char *arg);
int cli_print_result(wb_sandbox *sb, wb_status st, wb_result *r, int print, int json);
/* cmd_replay.c */
int cmd_replay(int argc, char **argv);

#endif
