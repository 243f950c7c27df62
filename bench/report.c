/* report RAW OUT — turns the "name value unit" lines the benchmark
 * programs printed (RAW) into the table on stdout, and writes OUT: RAW's
 * lines plus each ratio and each target's verdict, in the same format.
 *
 * Targets are judged on wall-clock medians (CLOCK_MONOTONIC).  The last
 * column repeats a row in CPU time (the thread's for JS, the child's
 * user+system for the CLI) where the programs measured it: on a machine
 * shared with other work, it shows what the wall clock loses to them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXV 128

static struct {
    char name[64], unit[16];
    double value;
} vals[MAXV];
static int nvals;

static const double *get(const char *name, const char **unit)
{
    for (int i = 0; i < nvals; i++)
        if (!strcmp(vals[i].name, name)) {
            if (unit)
                *unit = vals[i].unit;
            return &vals[i].value;
        }
    return NULL;
}

enum kind { SECTION, VALUE, RATIO };

struct row {
    enum kind kind;
    const char *label;
    const char *key;    /* wasmbox's measurement */
    const char *native; /* RATIO: the native measurement */
    double target;      /* <= target; 0: information only */
};

static const struct row rows[] = {
    { SECTION, "sandbox creation, in process (medians: 3,000 wb_new, 500 runs)", NULL, NULL, 0 },
    { VALUE, "wb_new: new sandbox ready to run JS", "wb_new", NULL, 50 },
    { VALUE, "wb_new + wb_free", "wb_new_free", NULL, 0 },
    { VALUE, "first wb_new (maps the build-time guest image)", "wb_new_first", NULL, 0 },
    { VALUE, "wb_new + wb_run('1+1') + wb_free", "wb_new_run_free", NULL, 0 },
    { VALUE, "wb_run('1+1') in a sandbox that ran before", "wb_run_warm", NULL, 0 },
    { SECTION, "whole process (fork+exec+wait)", NULL, NULL, 0 },
    { VALUE, "wasmbox run -e 'console.log(1)'", "cli_run", NULL, 5 },
    { VALUE, "/bin/true (process floor)", "spawn_true", NULL, 0 },
    { SECTION, "JS, timed around wb_run / JS_Eval; native = gcc -O2, computed goto", NULL, NULL, 0 },
    { RATIO, "fib(30), recursive", "wb_fib", "native_fib", 1.15 },
    { RATIO, "JSON stringify+parse, ~1 MB", "wb_json", "native_json", 1.15 },
    { RATIO, "sort 200k numbers, comparator", "wb_sort", "native_sort", 1.15 },
    { SECTION, "the same against native gcc -O2 with switch dispatch (as in the guest)", NULL, NULL, 0 },
    { RATIO, "fib(30), recursive", "wb_sw_fib", "native_switch_fib", 0 },
    { RATIO, "JSON stringify+parse, ~1 MB", "wb_sw_json", "native_switch_json", 0 },
    { RATIO, "sort 200k numbers, comparator", "wb_sw_sort", "native_switch_sort", 0 },
    { SECTION, "tool calls and limits (bench/limits_bench.c)", NULL, NULL, 0 },
    { VALUE, "tool call round trip (guest->policy->callback->guest)", "tool_round_trip", NULL, 2 },
    { VALUE, "await null alone (the floor of any awaited call)", "await_floor", NULL, 0 },
    { VALUE, "time limit: JS loop stopped after the limit by", "deadline_soft_overshoot", NULL, 10 },
    { VALUE, "time limit: non-polling engine call stopped by", "deadline_hard_overshoot", NULL, 10 },
    { SECTION, "memory per idle sandbox, 1,000 alive (smaps_rollup private)", NULL, NULL, 0 },
    { VALUE, "private memory, after wb_run('1+1')", "mem_idle_run", NULL, 100 },
    { VALUE, "private memory, wb_new only", "mem_idle_new", NULL, 0 },
    { VALUE, "page tables (VmPTE), after wb_run('1+1')", "pte_idle_run", NULL, 0 },
    { VALUE, "page tables (VmPTE), wb_new only", "pte_idle_new", NULL, 0 },
    { SECTION, "snapshots, fork, sessions (bench/session_bench.c; thread CPU time)", NULL, NULL, 0 },
    { VALUE, "wb_fork, small state (repeated: maps an image)", "fork_small", NULL, 20 },
    { VALUE, "wb_fork, 1 MB of JS heap (repeated)", "fork_heap1m", NULL, 20 },
    { VALUE, "first wb_fork of a small state (copies pages)", "fork_small_first", NULL, 0 },
    { VALUE, "first wb_fork of 1 MB of JS heap", "fork_heap1m_first", NULL, 0 },
    { VALUE, "session save after a run, 1 MB heap", "session_save", NULL, 2 },
    { VALUE, "session restore, 1 MB heap", "session_restore", NULL, 2 },
    { VALUE, "snapshot blob, full compression (first save)", "snapshot_compress", NULL, 0 },
};

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: report RAW OUT\n");
        return 2;
    }
    FILE *in = fopen(argv[1], "r");
    if (!in) {
        fprintf(stderr, "report: cannot read %s\n", argv[1]);
        return 1;
    }
    char line[256];
    while (nvals < MAXV && fgets(line, sizeof line, in))
        if (sscanf(line, "%63s %lf %15s", vals[nvals].name, &vals[nvals].value, vals[nvals].unit) == 3)
            nvals++;
    fclose(in);
    FILE *out = fopen(argv[2], "w");
    if (!out) {
        fprintf(stderr, "report: cannot write %s\n", argv[2]);
        return 1;
    }
    for (int i = 0; i < nvals; i++)
        fprintf(out, "%s %.6g %s\n", vals[i].name, vals[i].value, vals[i].unit);

    int met = 0, targets = 0;
    printf("%-44s %12s %12s %8s %10s %5s %12s\n", "metric", "wasmbox", "native", "ratio", "target", "met",
           "CPU time");
    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        const struct row *w = &rows[r];
        if (w->kind == SECTION) {
            printf("-- %s\n", w->label);
            continue;
        }
        const char *unit = "", *nunit = "";
        const double *v = get(w->key, &unit);
        const double *n = w->native ? get(w->native, &nunit) : NULL;
        char vs[32] = "n/a", ns[32] = "-", rs[16] = "-", ts[24] = "-", ms[8] = "-", cs[32] = "-";
        /* The same measured in CPU time, when the programs printed it. */
        char ck[96], nck[96];
        snprintf(ck, sizeof ck, "%s_cpu", w->key);
        snprintf(nck, sizeof nck, "%s_cpu", w->native ? w->native : "");
        const char *cunit = "";
        const double *cv = get(ck, &cunit), *cn = w->native ? get(nck, NULL) : NULL;
        if (w->kind == RATIO && cv && cn && *cn > 0) {
            snprintf(cs, sizeof cs, "%.2fx", *cv / *cn);
            fprintf(out, "ratio_%s_cpu %.4g x\n", w->native, *cv / *cn);
        } else if (w->kind == VALUE && cv) {
            snprintf(cs, sizeof cs, "%.*f %s", *cv < 10 ? 2 : 1, *cv, cunit);
        }
        double measured = 0;
        int have = v != NULL;
        if (v)
            snprintf(vs, sizeof vs, "%.*f %s", *v < 10 ? 2 : 1, *v, unit);
        if (w->kind == RATIO) {
            have = v && n && *n > 0;
            if (n)
                snprintf(ns, sizeof ns, "%.*f %s", *n < 10 ? 2 : 1, *n, nunit);
            else
                snprintf(ns, sizeof ns, "n/a");
            if (have) {
                measured = *v / *n;
                snprintf(rs, sizeof rs, "%.2fx", measured);
                fprintf(out, "ratio_%s %.4g x\n", w->native, measured);
            }
            if (w->target > 0)
                snprintf(ts, sizeof ts, "<= %.2fx", w->target);
        } else {
            if (v)
                measured = *v;
            if (w->target > 0)
                snprintf(ts, sizeof ts, "<= %g %s", w->target, unit);
        }
        if (w->target > 0) {
            targets++;
            if (have) {
                int ok = measured <= w->target;
                met += ok;
                snprintf(ms, sizeof ms, "%s", ok ? "yes" : "NO");
                fprintf(out, "met_%s %d bool\n", w->kind == RATIO ? w->native : w->key, ok);
            } else {
                snprintf(ms, sizeof ms, "n/a");
            }
        }
        printf("  %-42s %12s %12s %8s %10s %5s %12s\n", w->label, vs, ns, rs, ts, ms, cs);
    }
    printf("targets met: %d of %d\n", met, targets);
    fprintf(out, "targets_met %d count\ntargets_total %d count\n", met, targets);
    if (fclose(out) != 0) {
        fprintf(stderr, "report: cannot write %s\n", argv[2]);
        return 1;
    }
    printf("(results: %s)\n", argv[2]);
    return 0;
}
