/* The session store (see store.h): SQLite, one row per session.
 *
 * Schema (format 1):
 *   meta(key PRIMARY KEY, value)       key 'format' = 'wasmbox-sessions 1'
 *   sessions(name PRIMARY KEY, guest_id, created_ms, updated_ms, runs,
 *            version, memory_bytes, changed_bytes, files_bytes, snapshot)
 * The blob comes last: SQLite stores a row's columns in order, and any
 * column after a large blob can only be read by walking the blob's
 * overflow pages (every version check and `session list` would).  The
 * blob is stored zero-padded to a whole number of 64 KiB pages
 * (snapshot_len is its real length): a row that keeps its size is
 * rewritten in place, where one that changes size has SQLite walk, free
 * and reallocate the whole overflow chain (0.1 ms against 0.8 ms for a
 * 450 KB blob, measured).
 * WAL mode with synchronous=NORMAL: a commit survives the process being
 * killed at any point (SQLite's journal makes the transaction atomic); a
 * power loss may lose the last commits but never leaves a torn state. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store.h"
#include "snapshot.h"
#include "../runtime/rt.h"

#define WB__STORE_FORMAT "wasmbox-sessions 1"

#define WB__STORE_MAGIC 0x77627364u /* "wbsd" */

struct wb_session_db {
    uint32_t magic;
    sqlite3 *db;
    char *path;
    /* The state last restored or committed (snapshot and its blob), so the
     * next commit of that session recompresses only what changed. */
    char prev_name[WB__SESSION_NAME_MAX + 1];
    wb_snapshot *prev;
    void *prev_blob;
    size_t prev_len;
    int64_t prev_version; /* the row's version after that restore or commit */
    char errmsg[WB__ERRMSG_MAX];
};

static wb_status serr(wb__store *s, wb_status st, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static wb_status serr(wb__store *s, wb_status st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->errmsg, sizeof s->errmsg, fmt, ap);
    va_end(ap);
    return st;
}

/* An SQLite failure: what we were doing, and SQLite's words. */
static wb_status dberr(wb__store *s, const char *doing)
{
    return serr(s, WB_EIO, "session database %s: %s: %s", s->path, doing, sqlite3_errmsg(s->db));
}

const char *wb__store_errmsg(const wb__store *s)
{
    return s ? s->errmsg : "out of host memory opening the session database";
}

const char *wb__store_path(const wb__store *s)
{
    return s ? s->path : "";
}

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int wb__store_default_path(char *buf, size_t size)
{
    const char *x = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
    int n;
    if (x && x[0] == '/')
        n = snprintf(buf, size, "%s/wasmbox/sessions.db", x);
    else if (home && home[0] == '/')
        n = snprintf(buf, size, "%s/.local/share/wasmbox/sessions.db", home);
    else
        return -1;
    return n > 0 && (size_t)n < size ? 0 : -1;
}

/* mkdir -p of path's folder (mode 0700 for the ones made). */
static int make_parent(const char *path)
{
    char dir[PATH_MAX];
    size_t n = strlen(path);
    if (n >= sizeof dir)
        return ENAMETOOLONG;
    memcpy(dir, path, n + 1);
    char *slash = strrchr(dir, '/');
    if (!slash || slash == dir)
        return 0;
    *slash = 0;
    for (char *p = dir + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = 0;
        if (mkdir(dir, 0700) != 0 && errno != EEXIST)
            return errno;
        *p = '/';
    }
    if (mkdir(dir, 0700) != 0 && errno != EEXIST)
        return errno;
    return 0;
}

static int exec(wb__store *s, const char *sql)
{
    return sqlite3_exec(s->db, sql, NULL, NULL, NULL);
}

static wb_status check_format(wb__store *s)
{
    /* Creating the schema takes the write lock: only when it is missing. */
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key = 'format'", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        int ok = rc == SQLITE_ROW && sqlite3_column_text(st, 0) &&
                 !strcmp((const char *)sqlite3_column_text(st, 0), WB__STORE_FORMAT);
        sqlite3_finalize(st);
        if (ok)
            return WB_OK;
        return serr(s, WB_EINVAL, "%s is not a wasmbox session database (its meta table has no '%s' format); give "
                    "another --db", s->path, WB__STORE_FORMAT);
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_NOTADB)
        return serr(s, WB_EINVAL, "%s is not a SQLite database; give another --db", s->path);
    rc = sqlite3_prepare_v2(s->db, "SELECT count(*) FROM sqlite_master", -1, &st, NULL);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(st);
        if (rc == SQLITE_NOTADB)
            return serr(s, WB_EINVAL, "%s is not a SQLite database; give another --db", s->path);
        return dberr(s, "reading the schema");
    }
    int tables = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    sqlite3_finalize(st);
    if (tables != 0)
        return serr(s, WB_EINVAL, "%s is not a wasmbox session database (a SQLite database of something else); give "
                    "another --db", s->path);
    /* Large pages: a session row is one blob of hundreds of KiB, which
     * with 4 KiB pages is a chain of a hundred overflow pages to walk,
     * free and rewrite at every commit.  Only takes effect on a new file. */
    exec(s, "PRAGMA page_size=65536");
    if (exec(s, "BEGIN IMMEDIATE;"
                "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                "INSERT OR IGNORE INTO meta VALUES('format', '" WB__STORE_FORMAT "');"
                "CREATE TABLE IF NOT EXISTS sessions("
                " name TEXT PRIMARY KEY, guest_id BLOB NOT NULL,"
                " created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL, runs INTEGER NOT NULL,"
                " version INTEGER NOT NULL, memory_bytes INTEGER NOT NULL, changed_bytes INTEGER NOT NULL,"
                " files_bytes INTEGER NOT NULL, snapshot_len INTEGER NOT NULL, snapshot BLOB NOT NULL);"
                "COMMIT;") != SQLITE_OK) {
        wb_status r = dberr(s, "creating the tables");
        exec(s, "ROLLBACK");
        return r;
    }
    return WB_OK;
}

wb_status wb__store_open(const char *path, wb__store **out)
{
    wb__store *s = calloc(1, sizeof *s);
    *out = s;
    if (!s)
        return WB_ENOMEM;
    s->magic = WB__STORE_MAGIC;
    char def[PATH_MAX];
    if (!path) {
        if (wb__store_default_path(def, sizeof def) != 0) {
            s->path = strdup("(default)");
            return serr(s, WB_EINVAL, "no place for the session database: set XDG_DATA_HOME or HOME to an absolute "
                        "folder, or give --db PATH");
        }
        path = def;
        int e = make_parent(path);
        if (e) {
            s->path = strdup(path);
            return serr(s, WB_EIO, "cannot create the folder of the session database %s: %s", path, strerror(e));
        }
    }
    if (!(s->path = strdup(path)))
        return serr(s, WB_ENOMEM, "out of host memory");
    /* Sessions hold what scripts computed (tool results among it): a new
     * database is readable by its owner only (SQLite gives its -wal and
     * -shm files the same mode). */
    int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0)
        close(fd);
    if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
        return serr(s, WB_EIO, "cannot open the session database %s: %s", path,
                    s->db ? sqlite3_errmsg(s->db) : "out of memory");
    sqlite3_busy_timeout(s->db, 10000);
    sqlite3_extended_result_codes(s->db, 0);
    wb_status st = check_format(s);
    if (st != WB_OK)
        return st;
    if (exec(s, "PRAGMA journal_mode=WAL") != SQLITE_OK || exec(s, "PRAGMA synchronous=NORMAL") != SQLITE_OK)
        return dberr(s, "setting WAL mode");
    return WB_OK;
}

static void drop_prev(wb__store *s)
{
    wb_snapshot_free(s->prev);
    free(s->prev_blob);
    s->prev = NULL;
    s->prev_blob = NULL;
    s->prev_len = 0;
    s->prev_name[0] = 0;
}

/* Takes ownership of snap and blob. */
static void keep_prev(wb__store *s, const char *name, wb_snapshot *snap, void *blob, size_t len)
{
    drop_prev(s);
    snprintf(s->prev_name, sizeof s->prev_name, "%s", name);
    s->prev = snap;
    s->prev_blob = blob;
    s->prev_len = len;
}

void wb__store_close(wb__store *s)
{
    if (!s)
        return;
    drop_prev(s);
    s->magic = 0;
    sqlite3_close(s->db);
    free(s->path);
    free(s);
}

wb_status wb__store_check_name(wb__store *s, const char *name)
{
    size_t n = name ? strlen(name) : 0;
    int ok = n >= 1 && n <= WB__SESSION_NAME_MAX && name[0] != '.' && name[0] != '-';
    for (size_t i = 0; ok && i < n; i++) {
        char c = name[i];
        ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
             c == '-';
    }
    if (ok)
        return WB_OK;
    return serr(s, WB_EINVAL, "session name '%.*s%s' is not valid: use 1 to %d of A-Z a-z 0-9 . _ - (not starting "
                "with . or -)", 60, name ? name : "", n > 60 ? "..." : "", WB__SESSION_NAME_MAX);
}

static void hex8(char *dst, const void *id, size_t n)
{
    const uint8_t *b = id;
    if (n < 8) {
        strcpy(dst, "?");
        return;
    }
    for (int i = 0; i < 8; i++)
        snprintf(dst + 2 * i, 3, "%02x", b[i]);
}

static wb_status prepare(wb__store *s, const char *sql, sqlite3_stmt **st)
{
    if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) != SQLITE_OK) {
        sqlite3_finalize(*st);
        *st = NULL;
        return dberr(s, "preparing a query");
    }
    return WB_OK;
}

/* Reads session name's blob straight into a buffer of ours (one copy, not
 * SQLite's and then ours).  *blob NULL when there is no such session. */
static wb_status read_blob(wb__store *s, const char *name, void **blob, size_t *len, int64_t *version)
{
    *blob = NULL;
    sqlite3_stmt *st;
    wb_status r = prepare(s, "SELECT rowid, guest_id, snapshot_len, version FROM sessions WHERE name = ?", &st);
    if (r != WB_OK)
        return r;
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        r = rc == SQLITE_DONE ? WB_OK : dberr(s, "reading the session");
        sqlite3_finalize(st);
        return r;
    }
    const void *id = sqlite3_column_blob(st, 1);
    size_t idlen = (size_t)sqlite3_column_bytes(st, 1);
    if (idlen != 32 || memcmp(id, wb__guest_identity, 32)) {
        char a[17], b[17];
        hex8(a, id, idlen);
        hex8(b, wb__guest_identity, 32);
        sqlite3_finalize(st);
        return serr(s, WB_EINVAL, "session '%s' was saved by a different wasmbox guest build (guest %s…, this one is "
                    "%s…) and cannot be restored into it: remove it with 'wasmbox session rm %s' or use another "
                    "session name", name, a, b, name);
    }
    sqlite3_int64 rowid = sqlite3_column_int64(st, 0);
    int n = sqlite3_column_int(st, 2);
    *version = sqlite3_column_int64(st, 3);
    sqlite3_finalize(st);
    sqlite3_blob *h = NULL;
    void *p = wb__snap_big_alloc(n > 0 ? (size_t)n : 0);
    if (!p)
        return serr(s, WB_ENOMEM, "out of host memory reading session '%s' (%d bytes)", name, n);
    if (sqlite3_blob_open(s->db, "main", "sessions", "snapshot", rowid, 0, &h) != SQLITE_OK ||
        n < 0 || sqlite3_blob_bytes(h) < n || sqlite3_blob_read(h, p, n, 0) != SQLITE_OK) {
        r = dberr(s, "reading the session");
        sqlite3_blob_close(h);
        free(p);
        return r;
    }
    sqlite3_blob_close(h);
    *blob = p;
    *len = (size_t)n;
    return WB_OK;
}

wb_status wb__store_restore(wb__store *s, const char *name, wb_sandbox *sb, int *found, int64_t *version)
{
    *found = 0;
    *version = 0;
    wb_status r = wb__store_check_name(s, name);
    if (r != WB_OK)
        return r;
    void *blob;
    size_t len;
    /* One read transaction: the version and the blob belong together. */
    if (exec(s, "BEGIN") != SQLITE_OK)
        return dberr(s, "reading the session");
    r = read_blob(s, name, &blob, &len, version);
    exec(s, "COMMIT");
    if (r != WB_OK || !blob)
        return r;
    wb_snapshot *snap = NULL;
    if ((r = wb_snapshot_load(blob, len, &snap)) != WB_OK) {
        free(blob);
        return serr(s, r, "session '%s' cannot be read: %s", name, wb_snapshot_errmsg());
    }
    if ((r = wb_restore(sb, snap)) != WB_OK) {
        wb_snapshot_free(snap);
        free(blob);
        return serr(s, r, "session '%s' cannot be restored: %s", name, wb_errmsg(sb));
    }
    keep_prev(s, name, snap, blob, len);
    s->prev_version = *version;
    *found = 1;
    return WB_OK;
}

/* Test hook: WASMBOX_TEST_COMMIT_PAUSE_MS=N sleeps N ms inside the commit's
 * transaction, after the new row is written and before COMMIT, and says so
 * on stderr, so the tests can kill the process at exactly that point. */
static void test_pause(void)
{
    const char *p = getenv("WASMBOX_TEST_COMMIT_PAUSE_MS");
    if (!p || !*p)
        return;
    fputs("wasmbox-test: inside the commit\n", stderr);
    fflush(stderr);
    usleep((useconds_t)(strtoul(p, NULL, 10) * 1000));
}

#define PAD ((size_t)65536)

/* Grows *blob (len bytes, malloc'd) to a whole number of PAD bytes, the
 * tail zeroed.  0 or ENOMEM (*blob unchanged). */
static int pad_blob(void **blob, size_t len, size_t *padded)
{
    size_t n = (len + PAD - 1) / PAD * PAD;
    uint8_t *p = realloc(*blob, n ? n : 1);
    if (!p)
        return ENOMEM;
    memset(p + len, 0, n - len);
    *blob = p;
    *padded = n;
    return 0;
}

/* Writes the row in one transaction: blob is len bytes followed by zeros
 * up to padded.  version > 0: the row must still have it; 0: the row
 * must not exist. */
static wb_status put_row(wb__store *s, const char *name, const void *blob, size_t len, size_t padded,
                         const wb_snapshot *snap, int64_t version, int count_run)
{
    if (padded > INT_MAX)
        return serr(s, WB_EINVAL, "session '%s' is too large to store (%zu bytes compressed, at most 2 GiB)", name,
                    len);
    int64_t now = now_ms();
    uint64_t mem = (uint64_t)snap->pages * WB__WASM_PAGE, changed = (uint64_t)snap->ndirty * WB__SNAP_PAGE;
    sqlite3_stmt *st = NULL;
    wb_status r;
    if (exec(s, "BEGIN IMMEDIATE") != SQLITE_OK)
        return dberr(s, "starting the commit");
    const char *sql = version > 0
        ? "UPDATE sessions SET guest_id = ?1, snapshot = ?2, updated_ms = ?3, runs = runs + ?4, version = version + 1,"
          " memory_bytes = ?5, changed_bytes = ?6, files_bytes = ?7, snapshot_len = ?10 WHERE name = ?8 AND version = ?9"
        : "INSERT OR IGNORE INTO sessions(guest_id, snapshot, updated_ms, runs, memory_bytes, changed_bytes,"
          " files_bytes, name, snapshot_len, created_ms, version) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?10, ?3, 1)";
    if ((r = prepare(s, sql, &st)) != WB_OK)
        goto fail;
    sqlite3_bind_blob(st, 1, wb__guest_identity, 32, SQLITE_STATIC);
    sqlite3_bind_blob(st, 2, blob, (int)padded, SQLITE_STATIC);
    sqlite3_bind_int64(st, 10, (int64_t)len);
    sqlite3_bind_int64(st, 3, now);
    sqlite3_bind_int64(st, 4, count_run);
    sqlite3_bind_int64(st, 5, (int64_t)mem);
    sqlite3_bind_int64(st, 6, (int64_t)changed);
    sqlite3_bind_int64(st, 7, (int64_t)snap->vfs_len);
    sqlite3_bind_text(st, 8, name, -1, SQLITE_STATIC);
    if (version > 0)
        sqlite3_bind_int64(st, 9, version);
    if (sqlite3_step(st) != SQLITE_DONE) {
        r = dberr(s, "writing the session");
        goto fail;
    }
    if (sqlite3_changes(s->db) != 1) {
        r = version > 0 || count_run
            ? serr(s, WB_ESTATE, "session '%s' was changed or removed by another process while this one ran; this "
                   "run's changes were not saved (run again to work on the newer state)", name)
            : serr(s, WB_ESTATE, "session '%s' exists already: remove it first with 'wasmbox session rm %s'", name,
                   name);
        goto fail;
    }
    sqlite3_finalize(st);
    st = NULL;
    test_pause();
    if (exec(s, "COMMIT") != SQLITE_OK) {
        r = dberr(s, "committing the session");
        goto fail;
    }
    return WB_OK;
fail:
    sqlite3_finalize(st);
    exec(s, "ROLLBACK");
    return r;
}

wb_status wb__store_commit(wb__store *s, const char *name, wb_sandbox *sb, int64_t *version)
{
    wb_status r = wb__store_check_name(s, name);
    if (r != WB_OK)
        return r;
    wb_snapshot *snap = NULL;
    void *blob = NULL;
    size_t len = 0;
    if ((r = wb_snapshot_take(sb, &snap)) != WB_OK)
        return serr(s, r, "cannot save session '%s': %s", name, wb_errmsg(sb));
    int same = s->prev && !strcmp(s->prev_name, name);
    if ((r = wb__snapshot_save_reuse(snap, same ? s->prev : NULL, same ? s->prev_blob : NULL, same ? s->prev_len : 0,
                                     snap, &blob, &len)) != WB_OK) {
        wb_snapshot_free(snap);
        return serr(s, r, "cannot save session '%s': %s", name, wb_snapshot_errmsg());
    }
    size_t padded;
    if (pad_blob(&blob, len, &padded) != 0) {
        wb_snapshot_buffer_free(blob);
        wb_snapshot_free(snap);
        return serr(s, WB_ENOMEM, "cannot save session '%s': out of host memory", name);
    }
    r = put_row(s, name, blob, len, padded, snap, *version, 1);
    if (r == WB_OK) {
        *version = *version > 0 ? *version + 1 : 1;
        keep_prev(s, name, snap, blob, len);
        s->prev_version = *version;
    } else {
        wb_snapshot_buffer_free(blob);
        wb_snapshot_free(snap);
    }
    return r;
}

static void fill_info(sqlite3_stmt *st, wb__session_info *i)
{
    memset(i, 0, sizeof *i);
    const unsigned char *n = sqlite3_column_text(st, 0);
    snprintf(i->name, sizeof i->name, "%s", n ? (const char *)n : "");
    const void *id = sqlite3_column_blob(st, 1);
    i->same_build = sqlite3_column_bytes(st, 1) == 32 && !memcmp(id, wb__guest_identity, 32);
    i->created_ms = sqlite3_column_int64(st, 2);
    i->updated_ms = sqlite3_column_int64(st, 3);
    i->runs = sqlite3_column_int64(st, 4);
    i->version = sqlite3_column_int64(st, 5);
    i->blob_bytes = (uint64_t)sqlite3_column_int64(st, 6);
    i->memory_bytes = (uint64_t)sqlite3_column_int64(st, 7);
    i->changed_bytes = (uint64_t)sqlite3_column_int64(st, 8);
    i->files_bytes = (uint64_t)sqlite3_column_int64(st, 9);
}

#define INFO_COLS "name, guest_id, created_ms, updated_ms, runs, version, snapshot_len, memory_bytes, " \
                  "changed_bytes, files_bytes"

wb_status wb__store_info(wb__store *s, const char *name, wb__session_info *info, int *found)
{
    *found = 0;
    wb_status r = wb__store_check_name(s, name);
    sqlite3_stmt *st;
    if (r != WB_OK || (r = prepare(s, "SELECT " INFO_COLS " FROM sessions WHERE name = ?", &st)) != WB_OK)
        return r;
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        fill_info(st, info);
        *found = 1;
    } else if (rc != SQLITE_DONE) {
        r = dberr(s, "reading the session");
    }
    sqlite3_finalize(st);
    return r;
}

wb_status wb__store_list(wb__store *s, wb__store_list_fn cb, void *ud)
{
    sqlite3_stmt *st;
    wb_status r = prepare(s, "SELECT " INFO_COLS " FROM sessions ORDER BY name", &st);
    if (r != WB_OK)
        return r;
    int rc;
    wb__session_info info;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        fill_info(st, &info);
        if (cb(ud, &info))
            break;
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        r = dberr(s, "listing sessions");
    sqlite3_finalize(st);
    return r;
}

wb_status wb__store_remove(wb__store *s, const char *name, int *found)
{
    *found = 0;
    wb_status r = wb__store_check_name(s, name);
    sqlite3_stmt *st;
    if (r != WB_OK || (r = prepare(s, "DELETE FROM sessions WHERE name = ?", &st)) != WB_OK)
        return r;
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE)
        r = dberr(s, "removing the session");
    else
        *found = sqlite3_changes(s->db) > 0;
    sqlite3_finalize(st);
    return r;
}

wb_status wb__store_export(wb__store *s, const char *name, void **blob, size_t *len, int *found)
{
    *found = 0;
    *blob = NULL;
    *len = 0;
    wb_status r = wb__store_check_name(s, name);
    sqlite3_stmt *st;
    if (r != WB_OK || (r = prepare(s, "SELECT snapshot, snapshot_len FROM sessions WHERE name = ?", &st)) != WB_OK)
        return r;
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        int64_t real = sqlite3_column_int64(st, 1);
        size_t n = (size_t)sqlite3_column_bytes(st, 0);
        if (real >= 0 && (uint64_t)real < n)
            n = (size_t)real; /* the padding stays behind */
        void *p = malloc(n ? n : 1);
        if (!p) {
            r = serr(s, WB_ENOMEM, "out of host memory exporting session '%s'", name);
        } else {
            if (n)
                memcpy(p, sqlite3_column_blob(st, 0), n);
            *blob = p;
            *len = n;
            *found = 1;
        }
    } else if (rc != SQLITE_DONE) {
        r = dberr(s, "reading the session");
    }
    sqlite3_finalize(st);
    return r;
}

wb_status wb__store_import(wb__store *s, const char *name, const void *blob, size_t len)
{
    wb_status r = wb__store_check_name(s, name);
    if (r != WB_OK)
        return r;
    wb_snapshot *snap = NULL;
    if ((r = wb_snapshot_load(blob, len, &snap)) != WB_OK)
        return serr(s, r, "cannot import session '%s': %s", name, wb_snapshot_errmsg());
    void *copy = malloc(len ? len : 1);
    size_t padded;
    if (!copy || (memcpy(copy, blob, len), pad_blob(&copy, len, &padded)) != 0) {
        free(copy);
        wb_snapshot_free(snap);
        return serr(s, WB_ENOMEM, "cannot import session '%s': out of host memory", name);
    }
    r = put_row(s, name, copy, len, padded, snap, 0, 0);
    free(copy);
    wb_snapshot_free(snap);
    return r;
}

/* ---------------------------------------------------------------- public API */

static int store_ok(const wb_session_db *db)
{
    return db && db->magic == WB__STORE_MAGIC && db->db;
}

wb_status wb_session_db_open(const char *path, wb_session_db **out)
{
    if (!out)
        return WB_EMISUSE;
    return wb__store_open(path, out);
}

void wb_session_db_close(wb_session_db *db)
{
    if (db && db->magic == WB__STORE_MAGIC)
        wb__store_close(db);
}

const char *wb_session_db_errmsg(const wb_session_db *db)
{
    if (!db)
        return "session database is NULL (out of memory opening it)";
    if (db->magic != WB__STORE_MAGIC)
        return "not a live session database (closed, or not from wb_session_db_open())";
    return db->errmsg;
}

wb_status wb_session_restore(wb_session_db *db, const char *name, wb_sandbox *sb, int *found)
{
    int64_t version;
    int f = 0;
    if (!store_ok(db) || !name || !sb)
        return WB_EMISUSE;
    db->errmsg[0] = 0;
    wb_status st = wb__store_restore(db, name, sb, &f, &version);
    if (st == WB_OK && !f) {
        /* A new session: the next commit creates it. */
        drop_prev(db);
        snprintf(db->prev_name, sizeof db->prev_name, "%s", name);
        db->prev_version = 0;
    }
    if (found)
        *found = f;
    return st;
}

wb_status wb_session_commit(wb_session_db *db, const char *name, wb_sandbox *sb)
{
    if (!store_ok(db) || !name || !sb)
        return WB_EMISUSE;
    db->errmsg[0] = 0;
    int64_t version = !strcmp(db->prev_name, name) ? db->prev_version : 0;
    return wb__store_commit(db, name, sb, &version);
}

wb_status wb_session_remove(wb_session_db *db, const char *name, int *found)
{
    int f = 0;
    if (!store_ok(db) || !name)
        return WB_EMISUSE;
    db->errmsg[0] = 0;
    wb_status st = wb__store_remove(db, name, &f);
    if (st == WB_OK && !strcmp(db->prev_name, name))
        drop_prev(db);
    if (found)
        *found = f;
    return st;
}
