/* Shared pieces of the wasmbox CLI (the files in src/cli). */
#ifndef WB_CLI_H
#define WB_CLI_H

#include <stdio.h>

#include "wasmbox.h"

enum { EXIT_SCRIPT = 1, EXIT_USAGE = 2, EXIT_LIMIT = 3, EXIT_SANDBOX = 4 };

extern const char usage_text[];

/* "wasmbox: <fmt with arg>" and a hint on stderr; returns EXIT_USAGE. */
int usage_error(const char *fmt, const char *arg);
/* "64M", "1G", "4096", "512K": bytes, or -1 if malformed. */
long long parse_size(const char *s);
/* Reads f to its end; malloc'd (free it), NULL on error. */
char *read_stream(FILE *f, size_t *len);
/* Writes s as a JSON string. */
void json_str(FILE *f, const char *s, size_t n);
/* The CLI's exit status for a run's outcome. */
int exit_for(wb_status st, int script_code);
/* The options shared by run and sh (limits, clock, seed, policy, audit):
 * returns the words used (1 or 2), 0 if argv[i] is not one, -1 after an
 * error message. */
int cli_config_option(wb_config *cfg, int argc, char **argv, int i);

/* Creates a sandbox from cfg, runs code once, prints the outcome; returns
 * the CLI's exit status. */
int cli_run_once(wb_config *cfg, wb_lang lang, const char *code, size_t len, int json, int print);

int cmd_sh(int argc, char **argv);

#endif
