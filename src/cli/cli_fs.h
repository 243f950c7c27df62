/* The CLI's filesystem options (src/cli/cmd_fs.c). */
#ifndef WB_CLI_FS_H
#define WB_CLI_FS_H

#include <stddef.h>

#include "wasmbox.h"

typedef struct {
    const char *dir; /* --workspace DIR, or NULL */
    char **in;       /* what was copied in: "a/b", folders "a/" */
    size_t n_in;
} wb_cli_fs;

/* Handles --fs-quota, --mount, --workspace: 1 when opt was one of them
 * (val consumed), 0 when it is not ours, -1 after printing an error. */
int wb_cli_fs_option(wb_cli_fs *f, wb_config *cfg, const char *opt, const char *val);
/* Copies --workspace in before the run / out after it.  0, or -1 after
 * printing why. */
int wb_cli_fs_before(wb_cli_fs *f, wb_sandbox *sb);
int wb_cli_fs_after(wb_cli_fs *f, wb_sandbox *sb);
void wb_cli_fs_free(wb_cli_fs *f);

#define WB_CLI_FS_HELP                                                                  \
    "  --workspace DIR      copy DIR into /workspace before the run and the\n"         \
    "                       changes back to DIR after it (regular files and\n"         \
    "                       folders only; symlinks are not followed)\n"                \
    "  --mount HOST:GUEST[:ro|rw]  make the host folder HOST visible at GUEST\n"       \
    "                       (e.g. /data), read-only unless :rw; nothing outside\n"    \
    "                       HOST can be reached through it\n"                          \
    "  --fs-quota SIZE[:FILES]  most bytes and files the sandbox's own files may\n"   \
    "                       hold (default 64M:10000)\n"

#endif
