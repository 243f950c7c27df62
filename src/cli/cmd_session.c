/* Sessions in the CLI: --session/--db for commands that run code, and
 * `wasmbox session list|show|rm|export|import`. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "session.h"
#include "session/store.h"

const char cli_session_help[] =
    "  --session NAME       keep state in session NAME: globals (and files) from\n"
    "                       earlier runs are there, and this run's are saved\n"
    "                       when it ends (docs/sessions.md)\n"
    "  --db PATH            the session database (default\n"
    "                       $XDG_DATA_HOME/wasmbox/sessions.db, else\n"
    "                       ~/.local/share/wasmbox/sessions.db)\n";

static const char session_usage[] =
    "usage: wasmbox session list [--db PATH]\n"
    "       wasmbox session show NAME [--db PATH]\n"
    "       wasmbox session rm NAME [--db PATH]\n"
    "       wasmbox session export NAME FILE [--db PATH]   (FILE - : stdout)\n"
    "       wasmbox session import NAME FILE [--db PATH]   (FILE - : stdin)\n"
    "\n"
    "Sessions keep a sandbox's state between runs: `wasmbox run --session NAME`\n"
    "restores NAME before the run and saves it after. A session belongs to the\n"
    "wasmbox build that saved it: another build refuses it (remove it and start\n"
    "again). export writes a self-checking file that import reads back, on\n"
    "this or another machine with the same build.\n"
    "\n"
    "exit status: 0 ok, 2 usage error, 6 no such session or a database error\n";

int cli_session_option(cli_session *s, int argc, char **argv, int *i)
{
    const char *a = argv[*i];
    int is_session = !strcmp(a, "--session"), is_db = !strcmp(a, "--db");
    if (!is_session && !is_db)
        return 0;
    if (*i + 1 >= argc) {
        fprintf(stderr, "wasmbox: %s needs %s\nrun 'wasmbox --help' for usage\n", a,
                is_session ? "a session name, e.g. --session work" : "a database file, e.g. --db sessions.db");
        return -1;
    }
    if (is_session)
        s->name = argv[++*i];
    else
        s->db = argv[++*i];
    return 1;
}

static int open_store(cli_session *s)
{
    if (s->store)
        return 0;
    struct wb_session_db *st = NULL;
    if (wb__store_open(s->db, &st) != WB_OK) {
        fprintf(stderr, "wasmbox: %s\n", wb__store_errmsg(st));
        wb__store_close(st);
        return CLI_EXIT_SESSION;
    }
    s->store = st;
    return 0;
}

int cli_session_restore(cli_session *s, wb_sandbox *sb)
{
    if (!s->name) {
        if (s->db)
            fprintf(stderr, "wasmbox: --db has no effect without --session NAME\n");
        return 0;
    }
    int rc = open_store(s);
    if (rc)
        return rc;
    if (wb__store_check_name(s->store, s->name) != WB_OK) {
        fprintf(stderr, "wasmbox: %s\n", wb__store_errmsg(s->store));
        return 2;
    }
    int found;
    if (wb__store_restore(s->store, s->name, sb, &found, &s->version) != WB_OK) {
        fprintf(stderr, "wasmbox: %s\n", wb__store_errmsg(s->store));
        return CLI_EXIT_SESSION;
    }
    return 0;
}

int cli_session_commit(cli_session *s, wb_sandbox *sb, wb_status run_status)
{
    if (!s->name || !s->store)
        return 0;
    if (run_status == WB_ENOMEM || run_status == WB_EMISUSE) {
        fprintf(stderr, "wasmbox: session '%s' was not saved: the sandbox failed\n", s->name);
        return CLI_EXIT_SESSION;
    }
    if (wb__store_commit(s->store, s->name, sb, &s->version) != WB_OK) {
        fprintf(stderr, "wasmbox: %s\n", wb__store_errmsg(s->store));
        return CLI_EXIT_SESSION;
    }
    return 0;
}

void cli_session_close(cli_session *s)
{
    wb__store_close(s->store);
    s->store = NULL;
}

/* ---------------------------------------------------------------- wasmbox session */

static void fmt_time(char *buf, size_t n, int64_t ms)
{
    time_t t = (time_t)(ms / 1000);
    struct tm tm;
    if (!gmtime_r(&t, &tm) || !strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm))
        snprintf(buf, n, "?");
}

static void fmt_size(char *buf, size_t n, uint64_t b)
{
    if (b < 10240)
        snprintf(buf, n, "%lluB", (unsigned long long)b);
    else if (b < ((uint64_t)10 << 20))
        snprintf(buf, n, "%lluK", (unsigned long long)(b >> 10));
    else
        snprintf(buf, n, "%lluM", (unsigned long long)(b >> 20));
}

static int list_row(void *ud, const wb__session_info *i)
{
    int *count = ud;
    char t[32], sz[32];
    if ((*count)++ == 0)
        printf("%-24s %6s %8s  %-20s %s\n", "NAME", "RUNS", "SIZE", "UPDATED", "BUILD");
    fmt_time(t, sizeof t, i->updated_ms);
    fmt_size(sz, sizeof sz, i->blob_bytes);
    printf("%-24s %6lld %8s  %-20s %s\n", i->name, (long long)i->runs, sz, t, i->same_build ? "this" : "other");
    return 0;
}

static int read_all(const char *file, void **out, size_t *len)
{
    FILE *f = strcmp(file, "-") ? fopen(file, "rb") : stdin;
    if (!f) {
        fprintf(stderr, "wasmbox: cannot open '%s': %s\n", file, strerror(errno));
        return CLI_EXIT_SESSION;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (!buf)
            break;
        if (n == cap) {
            char *b = realloc(buf, cap *= 2);
            if (!b) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = b;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    int bad = !buf || ferror(f);
    if (f != stdin)
        fclose(f);
    if (bad) {
        free(buf);
        fprintf(stderr, "wasmbox: cannot read '%s'\n", file);
        return CLI_EXIT_SESSION;
    }
    *out = buf;
    *len = n;
    return 0;
}

static int write_all(const char *file, const void *p, size_t n)
{
    int to_stdout = !strcmp(file, "-");
    FILE *f = to_stdout ? stdout : fopen(file, "wb");
    if (!f) {
        fprintf(stderr, "wasmbox: cannot create '%s': %s\n", file, strerror(errno));
        return CLI_EXIT_SESSION;
    }
    int ok = fwrite(p, 1, n, f) == n;
    ok = (to_stdout ? fflush(f) == 0 : fclose(f) == 0) && ok;
    if (!ok) {
        fprintf(stderr, "wasmbox: cannot write '%s': %s\n", file, strerror(errno ? errno : EIO));
        return CLI_EXIT_SESSION;
    }
    return 0;
}

static int usage(const char *fmt, const char *arg)
{
    fprintf(stderr, "wasmbox session: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nrun 'wasmbox session --help' for usage\n");
    return 2;
}

int cmd_session(int argc, char **argv)
{
    cli_session s = {0};
    const char *pos[4];
    int npos = 0;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            fputs(session_usage, stdout);
            return 0;
        }
        int r = cli_session_option(&s, argc, argv, &i);
        if (r < 0)
            return 2;
        if (r > 0) {
            if (s.name)
                return usage("%s", "--session does not apply here: name the session after the subcommand");
            continue;
        }
        if (argv[i][0] == '-' && argv[i][1])
            return usage("unknown option '%s'", argv[i]);
        if (npos == 4)
            return usage("too many arguments ('%s')", argv[i]);
        pos[npos++] = argv[i];
    }
    if (npos == 0)
        return usage("%s", "needs a subcommand: list, show, rm, export or import");
    const char *cmd = pos[0];
    int want = !strcmp(cmd, "list") ? 1 : !strcmp(cmd, "show") || !strcmp(cmd, "rm") ? 2
             : !strcmp(cmd, "export") || !strcmp(cmd, "import") ? 3 : 0;
    if (!want)
        return usage("unknown subcommand '%s'; use list, show, rm, export or import", cmd);
    if (npos != want) {
        fprintf(stderr, "wasmbox session: %s takes %s\n", cmd,
                want == 1 ? "no arguments" : want == 2 ? "one session NAME" : "a session NAME and a FILE");
        return 2;
    }
    int rc = open_store(&s);
    if (rc)
        return rc;
    struct wb_session_db *st = s.store;
    const char *name = npos > 1 ? pos[1] : NULL;
    if (name && wb__store_check_name(st, name) != WB_OK) {
        fprintf(stderr, "wasmbox: %s\n", wb__store_errmsg(st));
        cli_session_close(&s);
        return 2;
    }
    int found = 1;
    wb_status r = WB_OK;
    if (!strcmp(cmd, "list")) {
        int count = 0;
        r = wb__store_list(st, list_row, &count);
        if (r == WB_OK && count == 0)
            fprintf(stderr, "wasmbox: no sessions in %s\n", wb__store_path(st));
    } else if (!strcmp(cmd, "show")) {
        wb__session_info i;
        r = wb__store_info(st, name, &i, &found);
        if (r == WB_OK && found) {
            char c[32], u[32];
            fmt_time(c, sizeof c, i.created_ms);
            fmt_time(u, sizeof u, i.updated_ms);
            printf("name: %s\ncreated: %s\nupdated: %s\nruns: %lld\nstored_bytes: %llu\nmemory_bytes: %llu\n"
                   "changed_bytes: %llu\nfiles_bytes: %llu\nbuild: %s\ndatabase: %s\n",
                   i.name, c, u, (long long)i.runs, (unsigned long long)i.blob_bytes,
                   (unsigned long long)i.memory_bytes, (unsigned long long)i.changed_bytes,
                   (unsigned long long)i.files_bytes,
                   i.same_build ? "this one" : "another wasmbox build (cannot be restored here)", wb__store_path(st));
        }
    } else if (!strcmp(cmd, "rm")) {
        r = wb__store_remove(st, name, &found);
    } else if (!strcmp(cmd, "export")) {
        void *blob;
        size_t len;
        r = wb__store_export(st, name, &blob, &len, &found);
        if (r == WB_OK && found) {
            rc = write_all(pos[2], blob, len);
            free(blob);
        }
    } else {
        void *blob;
        size_t len;
        rc = read_all(pos[2], &blob, &len);
        if (!rc) {
            r = wb__store_import(st, name, blob, len);
            free(blob);
        }
    }
    if (r != WB_OK) {
        fprintf(stderr, "wasmbox: %s\n", wb__store_errmsg(st));
        rc = CLI_EXIT_SESSION;
    } else if (!found) {
        fprintf(stderr, "wasmbox: no session '%s' in %s ('wasmbox session list' shows them)\n", name,
                wb__store_path(st));
        rc = CLI_EXIT_SESSION;
    }
    cli_session_close(&s);
    return rc;
}
