/* session_bench — snapshots, fork and sessions for `make bench`.  Prints
 * "name value unit" lines on stdout (bench/report.c makes the table).
 *
 *   session_bench fork N        wb_fork of a sandbox after a small run, and
 *                               of one holding 1 MB of JS heap
 *   session_bench save DIR N    a session with 1 MB of JS heap (1 MB of
 *                               files once the VFS is in): restore (read,
 *                               check, decompress, apply), a small run, and
 *                               save (snapshot, compress what changed,
 *                               SQLite commit) through the session store,
 *                               N times; then the parts on their own (full
 *                               compression, as for a first save)
 *
 * Targets (issue 6): fork <= 20 us; session save and restore <= 2 ms. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "wasmbox.h"
#include "bench_util.h"
#include "../src/session/store.h"

/* About 1 MB of changed memory: 7,000 small objects with a string each. */
static const char heap_js[] =
    "globalThis.heap = Array.from({length: 7000}, (_, i) => ({ i, s: 'item number ' + i, f: i / 7 })); 1";

static wb_sandbox *sandbox(void)
{
    wb_sandbox *sb;
    wb_status st = wb_new(NULL, &sb);
    if (st != WB_OK)
        bench_die("wb_new: %s: %s", wb_strerror(st), wb_errmsg(sb));
    return sb;
}

static void run(wb_sandbox *sb, const char *code)
{
    wb_result *r;
    wb_status st = wb_run(sb, WB_JS, code, strlen(code), &r);
    if (st != WB_OK || wb_result_exit_code(r) != 0)
        bench_die("wb_run: %s: %s %s", wb_strerror(st), wb_errmsg(sb), wb_result_stderr(r, NULL));
    wb_result_free(r);
}

static double fork_median(wb_sandbox *parent, int n, double *with_free)
{
    double *t = malloc((size_t)n * sizeof *t), *tf = malloc((size_t)n * sizeof *tf);
    if (!t || !tf)
        bench_die("out of memory");
    for (int i = 0; i < n + 50; i++) {
        wb_sandbox *c;
        double t0 = bench_cpu_us();
        if (wb_fork(parent, &c) != WB_OK)
            bench_die("wb_fork: %s", wb_errmsg(parent));
        double t1 = bench_cpu_us();
        wb_free(c);
        double t2 = bench_cpu_us();
        if (i >= 50) { /* the first ones warm up */
            t[i - 50] = t1 - t0;
            tf[i - 50] = t2 - t0;
        }
    }
    double m = bench_median(t, (size_t)n);
    *with_free = bench_median(tf, (size_t)n);
    free(t);
    free(tf);
    return m;
}

/* The first fork of each state (after a run) makes the fork image. */
static double first_fork_median(wb_sandbox *parent, int n)
{
    double *t = malloc((size_t)n * sizeof *t);
    if (!t)
        bench_die("out of memory");
    for (int i = 0; i < n; i++) {
        run(parent, "inc()");
        wb_sandbox *c;
        double t0 = bench_cpu_us();
        if (wb_fork(parent, &c) != WB_OK)
            bench_die("wb_fork: %s", wb_errmsg(parent));
        t[i] = bench_cpu_us() - t0;
        wb_free(c);
    }
    double m = bench_median(t, (size_t)n);
    free(t);
    return m;
}

static void bench_fork(int n)
{
    wb_sandbox *p = sandbox();
    run(p, "var k = 0; function inc() { return ++k } inc()");
    double wf;
    printf("fork_small %.3g us\n", fork_median(p, n, &wf));
    printf("fork_small_free %.3g us\n", wf);
    printf("fork_small_first %.3g us\n", first_fork_median(p, n / 10 + 1));
    run(p, heap_js);
    printf("fork_heap1m %.3g us\n", fork_median(p, n, &wf));
    printf("fork_heap1m_free %.3g us\n", wf);
    printf("fork_heap1m_first %.3g us\n", first_fork_median(p, n / 10 + 1));
    wb_free(p);
}

static void bench_save(const char *dir, int n)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/session_bench.db", dir);
    unlink(path);
    wb__store *s;
    if (wb__store_open(path, &s) != WB_OK)
        bench_die("%s", wb__store_errmsg(s));
    wb_sandbox *sb = sandbox();
    run(sb, heap_js);
    wb_snapshot *snap;
    void *blob;
    size_t len;
    if (wb_snapshot_take(sb, &snap) != WB_OK || wb_snapshot_save(snap, &blob, &len) != WB_OK)
        bench_die("snapshot: %s", wb_errmsg(sb));
    int64_t version = 0;
    if (wb__store_commit(s, "bench", sb, &version) != WB_OK)
        bench_die("%s", wb__store_errmsg(s));
    double *ts = malloc((size_t)n * sizeof *ts), *tr = malloc((size_t)n * sizeof *tr);
    double *tt = malloc((size_t)n * sizeof *tt), *tz = malloc((size_t)n * sizeof *tz);
    double *tl = malloc((size_t)n * sizeof *tl), *ta = malloc((size_t)n * sizeof *ta);
    if (!ts || !tr || !tt || !tz || !tl || !ta)
        bench_die("out of memory");
    wb_sandbox *other = sandbox();
    for (int i = 0; i < n; i++) {
        int found;
        double t0 = bench_cpu_us();
        if (wb__store_restore(s, "bench", other, &found, &version) != WB_OK || !found)
            bench_die("%s", wb__store_errmsg(s));
        tr[i] = bench_cpu_us() - t0;
        /* What a run between restore and commit typically does: change
         * a little of the heap. */
        run(other, "heap[(Math.random() * heap.length) | 0].s = 'changed'; 1");
        double t1 = bench_cpu_us();
        if (wb__store_commit(s, "bench", other, &version) != WB_OK)
            bench_die("%s", wb__store_errmsg(s));
        ts[i] = bench_cpu_us() - t1;
        double t2;
        /* The parts: capture, compress, decompress+check, apply. */
        wb_snapshot *a, *b;
        void *bb;
        size_t bl;
        t0 = bench_cpu_us();
        if (wb_snapshot_take(other, &a) != WB_OK)
            bench_die("take");
        t1 = bench_cpu_us();
        if (wb_snapshot_save(a, &bb, &bl) != WB_OK)
            bench_die("save");
        t2 = bench_cpu_us();
        if (wb_snapshot_load(bb, bl, &b) != WB_OK)
            bench_die("load: %s", wb_snapshot_errmsg());
        double t3 = bench_cpu_us();
        if (wb_restore(other, b) != WB_OK)
            bench_die("restore");
        double t4 = bench_cpu_us();
        tt[i] = t1 - t0;
        tz[i] = t2 - t1;
        tl[i] = t3 - t2;
        ta[i] = t4 - t3;
        wb_snapshot_free(a);
        wb_snapshot_free(b);
        wb_snapshot_buffer_free(bb);
    }
    wb__session_info info;
    int found;
    wb__store_info(s, "bench", &info, &found);
    printf("session_changed_bytes %.4g KiB\n", (double)info.changed_bytes / 1024);
    printf("session_stored_bytes %.4g KiB\n", (double)info.blob_bytes / 1024);
    printf("session_save %.3g ms\n", bench_median(ts, (size_t)n) / 1000);
    printf("session_restore %.3g ms\n", bench_median(tr, (size_t)n) / 1000);
    printf("snapshot_take %.3g ms\n", bench_median(tt, (size_t)n) / 1000);
    printf("snapshot_compress %.3g ms\n", bench_median(tz, (size_t)n) / 1000);
    printf("snapshot_load %.3g ms\n", bench_median(tl, (size_t)n) / 1000);
    printf("snapshot_restore %.3g ms\n", bench_median(ta, (size_t)n) / 1000);
    free(ts), free(tr), free(tt), free(tz), free(tl), free(ta);
    wb_snapshot_free(snap);
    wb_snapshot_buffer_free(blob);
    wb_free(other);
    wb_free(sb);
    wb__store_close(s);
    unlink(path);
}

int main(int argc, char **argv)
{
    if (argc == 3 && !strcmp(argv[1], "fork"))
        bench_fork(atoi(argv[2]));
    else if (argc == 4 && !strcmp(argv[1], "save"))
        bench_save(argv[2], atoi(argv[3]));
    else
        bench_die("usage: session_bench fork N | save DIR N");
    return 0;
}
