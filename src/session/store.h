/* The session store: named sandbox states in one SQLite database
 * (src/session/store.c), used by `wasmbox run --session` and `wasmbox
 * session`.  Each session is one row holding a snapshot blob
 * (wb_snapshot_save) and the facts `session list` and `show` print.
 *
 * Atomicity: a save is one SQLite transaction in WAL mode, so a process
 * killed at any point (kill -9 in the middle of a run or of the commit)
 * leaves the previous state.  Two processes working on the same session
 * at once: the second to commit is refused (the row's version moved since
 * it loaded) rather than silently overwriting the first.
 *
 * Thread: one per handle. */
#ifndef WB_SESSION_STORE_H
#define WB_SESSION_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "../../include/wasmbox.h"

/* The public wb_session_db (include/wasmbox.h) is this store. */
typedef struct wb_session_db wb__store;

#define WB__SESSION_NAME_MAX 128

typedef struct {
    char name[WB__SESSION_NAME_MAX + 1];
    int64_t created_ms, updated_ms; /* Unix time */
    int64_t runs;                   /* commits so far */
    int64_t version;                /* bumped by every commit */
    uint64_t blob_bytes;            /* compressed size stored */
    uint64_t memory_bytes;          /* guest linear memory size */
    uint64_t changed_bytes;         /* memory that differs from a fresh sandbox */
    uint64_t files_bytes;           /* saved VFS state */
    int same_build;                 /* saved by this guest build */
} wb__session_info;

/* The default database: $XDG_DATA_HOME/wasmbox/sessions.db, else
 * ~/.local/share/wasmbox/sessions.db.  Writes the path into buf; 0, or -1
 * when neither variable gives an absolute directory. */
int wb__store_default_path(char *buf, size_t size);

/* Opens (creating it and its folder if needed) the database at path (NULL:
 * the default).  OUT *out: close with wb__store_close(), also on failure,
 * when it carries wb__store_errmsg(); NULL only when out of memory. */
wb_status wb__store_open(const char *path, wb__store **out);
void wb__store_close(wb__store *s);
/* Detail on the last failure.  Borrowed: valid until the next call. */
const char *wb__store_errmsg(const wb__store *s);
const char *wb__store_path(const wb__store *s);

/* WB_OK when name is a valid session name: 1 to 128 of A-Z a-z 0-9 . _ -,
 * not starting with '.' or '-'. */
wb_status wb__store_check_name(wb__store *s, const char *name);

/* Puts session name's state into sb.  *found = 0 (and sb untouched) when
 * there is no such session; *version gets the row's version for
 * wb__store_commit (0 when not found).  Refuses a session from another
 * guest build with a message naming both builds and what to do. */
wb_status wb__store_restore(wb__store *s, const char *name, wb_sandbox *sb, int *found, int64_t *version);

/* Saves sb's state as session name in one transaction: *version is what
 * wb__store_restore gave (0: the session must not exist yet), and becomes
 * the new row's version for the next commit.  A commit after a restore or
 * commit of the same session in this handle compresses only the 64 KiB
 * windows of memory that changed. */
wb_status wb__store_commit(wb__store *s, const char *name, wb_sandbox *sb, int64_t *version);

/* Session rows. */
wb_status wb__store_info(wb__store *s, const char *name, wb__session_info *info, int *found);
typedef int (*wb__store_list_fn)(void *ud, const wb__session_info *info);
wb_status wb__store_list(wb__store *s, wb__store_list_fn cb, void *ud);
wb_status wb__store_remove(wb__store *s, const char *name, int *found);

/* The session's blob (OUT *blob: free with free()) / a new session from a
 * blob, checked with wb_snapshot_load() first; refused if name exists. */
wb_status wb__store_export(wb__store *s, const char *name, void **blob, size_t *len, int *found);
wb_status wb__store_import(wb__store *s, const char *name, const void *blob, size_t len);

#endif
