/* Sessions in the CLI (src/cli/cmd_session.c): the --session/--db options
 * that `wasmbox run` (and `wasmbox sh`) accept, and `wasmbox session`.
 *
 * A command that runs guest code uses them as:
 *     cli_session s = {0};
 *     for each argument: r = cli_session_option(&s, argc, argv, &i);
 *                        (1: taken, 0: not a session option, -1: exit 2)
 *     wb_new(cfg, &sb); rc = cli_session_restore(&s, sb);  (0 or an exit status)
 *     st = wb_run(...);  rc = cli_session_commit(&s, sb, st);
 *     cli_session_close(&s);
 * Without --session all of these do nothing. */
#ifndef WB_CLI_SESSION_H
#define WB_CLI_SESSION_H

#include <stdint.h>

#include "wasmbox.h"

/* Exit status when a session cannot be opened, restored or saved. */
#define CLI_EXIT_SESSION 6

struct wb_session_db;

typedef struct {
    const char *name; /* --session NAME, or NULL */
    const char *db;   /* --db PATH, or NULL: the default database */
    struct wb_session_db *store;
    int64_t version;  /* the row's version when restored (0: new session) */
} cli_session;

/* Lines for --help, describing --session and --db. */
extern const char cli_session_help[];

int cli_session_option(cli_session *s, int argc, char **argv, int *i);
int cli_session_restore(cli_session *s, wb_sandbox *sb);
/* Saves sb unless the run left it unusable (run_status WB_ENOMEM or
 * WB_EMISUSE).  0 or CLI_EXIT_SESSION, with a message on stderr. */
int cli_session_commit(cli_session *s, wb_sandbox *sb, wb_status run_status);
void cli_session_close(cli_session *s);

/* `wasmbox session ...` (argv after "session"). */
int cmd_session(int argc, char **argv);

#endif
