/* js_bench — the JS workloads in wasmbox and in native QuickJS, in one
 * process, their timed runs interleaved so both see the same machine load.
 *
 *   js_bench JSDIR REPS WBKEY NATIVEKEY [WORKLOAD]
 *
 * For each workload bench/js/NAME.setup.js runs once (untimed) and
 * NAME.run.js runs once to warm up, then REPS times in turn in the sandbox
 * (timed around wb_run) and in native QuickJS (timed around the same
 * sequence of calls the guest makes: JS_Eval of a global script with the
 * async flag, pending jobs drained, the value read from the promise and
 * turned into JSON).  Every run's value must equal NAME.expect.  Prints
 * "WBKEY_NAME ms", "NATIVEKEY_NAME ms" (medians of wall-clock time),
 * "..._cpu" (medians of the thread's CPU time) and "..._min" lines.
 *
 * Linked once per native build of QuickJS (bench/bench.mk); the guest's
 * QuickJS inside libwasmbox.a is translated code with its own symbol
 * names, so the two do not clash. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wasmbox.h"
#include "quickjs.h"
#include "bench_util.h"

/* ------------------------------------------------------------ wasmbox */

/* Runs code in sb; dies unless it completed.  Returns the value's JSON
 * (malloc'd) when want_value, else NULL. */
static char *wb_eval(wb_sandbox *sb, const char *code, size_t len, int want_value)
{
    wb_result *r;
    wb_status st = wb_run(sb, WB_JS, code, len, &r);
    if (st != WB_OK || wb_result_exit_code(r) != 0)
        bench_die("wb_run failed: %s: %s; stderr: %s", wb_strerror(st), wb_errmsg(sb),
                  wb_result_stderr(r, NULL));
    char *v = NULL;
    if (want_value) {
        const char *j = wb_result_value(r);
        v = strdup(j ? j : "(none)");
    }
    wb_result_free(r);
    return v;
}

/* ------------------------------------------------------------ native */

static void die_exception(JSContext *ctx, const char *what)
{
    JSValue e = JS_GetException(ctx);
    const char *s = JS_ToCString(ctx, e);
    bench_die("%s threw in native QuickJS: %s", what, s ? s : "(unprintable)");
}

/* Evaluates src as the guest's run_js() does.  Returns the value's JSON
 * (malloc'd) when want_value, else NULL. */
static char *native_eval(JSContext *ctx, const char *src, size_t len, const char *name, int want_value)
{
    JSRuntime *rt = JS_GetRuntime(ctx);
    JSValue p = JS_Eval(ctx, src, len, name, JS_EVAL_TYPE_GLOBAL | JS_EVAL_FLAG_ASYNC);
    if (JS_IsException(p))
        die_exception(ctx, name);
    for (;;) {
        JSContext *c;
        int r = JS_ExecutePendingJob(rt, &c);
        if (r == 0)
            break;
        if (r < 0)
            die_exception(c, name);
    }
    if (JS_PromiseState(ctx, p) != JS_PROMISE_FULFILLED)
        bench_die("%s did not complete in native QuickJS", name);
    char *json = NULL;
    if (want_value) {
        JSValue r = JS_PromiseResult(ctx, p);
        JSValue v = JS_GetPropertyStr(ctx, r, "value");
        JSValue j = JS_JSONStringify(ctx, v, JS_UNDEFINED, JS_UNDEFINED);
        if (JS_IsException(j))
            die_exception(ctx, name);
        const char *s = JS_ToCString(ctx, j);
        json = strdup(s ? s : "(none)");
        JS_FreeCString(ctx, s);
        JS_FreeValue(ctx, j);
        JS_FreeValue(ctx, v);
        JS_FreeValue(ctx, r);
    }
    JS_FreeValue(ctx, p);
    return json;
}

/* ------------------------------------------------------------ driver */

/* The timed runs go through these two, never inlined, so that an
 * instruction profiler can tell them from the setup runs (bench.mk's
 * `instr` target counts instructions inside them with callgrind). */
__attribute__((noipa)) static char *timed_wasmbox(wb_sandbox *sb, const char *body, size_t len)
{
    return wb_eval(sb, body, len, 1);
}

__attribute__((noipa)) static char *timed_native(JSContext *ctx, const char *body, size_t len)
{
    return native_eval(ctx, body, len, "script.js", 1);
}

static void check(const char *who, const char *name, char *got, const char *want)
{
    if (strcmp(got, want))
        bench_die("%s: %s returned %s, expected %s", name, who, got, want);
    free(got);
}

/* "KEY_NAME[SUFFIX] median" and "KEY_NAME[SUFFIX]_min min" in ms. */
static void report(const char *key, const char *name, const char *suffix, double *t, int reps)
{
    char k[128];
    double med = bench_median(t, (size_t)reps); /* sorts t: t[0] is the min */
    snprintf(k, sizeof k, "%s_%s%s", key, name, suffix);
    bench_result(k, med / 1000, "ms");
    snprintf(k, sizeof k, "%s_%s%s_min", key, name, suffix);
    bench_result(k, t[0] / 1000, "ms");
}

int main(int argc, char **argv)
{
    if (argc != 5 && argc != 6)
        bench_die("usage: js_bench JSDIR REPS WBKEY NATIVEKEY [WORKLOAD]");
    const char *dir = argv[1], *wbkey = argv[3], *nkey = argv[4];
    const char *only = argc == 6 && argv[5][0] ? argv[5] : NULL;
    int reps = atoi(argv[2]) > 0 ? atoi(argv[2]) : 1;
    /* Wall-clock (t) and thread CPU (c) times of wasmbox (w) and native (n). */
    double *tw = calloc((size_t)reps, sizeof *tw), *tn = calloc((size_t)reps, sizeof *tn);
    double *cw = calloc((size_t)reps, sizeof *cw), *cn = calloc((size_t)reps, sizeof *cn);
    if (!tw || !tn || !cw || !cn)
        bench_die("out of memory");

    for (size_t w = 0; w < BENCH_NWORKLOADS; w++) {
        const char *name = bench_workloads[w];
        if (only && strcmp(only, name))
            continue;
        size_t setup_len, body_len;
        char *setup = bench_read_js(dir, name, "setup.js", &setup_len);
        char *body = bench_read_js(dir, name, "run.js", &body_len);
        char *expect = bench_read_js(dir, name, "expect", NULL);
        char want[4096];
        snprintf(want, sizeof want, "\"%s\"", expect);

        /* A fresh sandbox and a fresh native runtime per workload.  The
         * sandbox has default options but for the time limit: 10 s is
         * too little under valgrind (bench.mk's instr target). */
        wb_config *cfg;
        wb_sandbox *sb;
        if (wb_config_new(&cfg) != WB_OK || wb_config_set_time_limit(cfg, 3600 * 1000) != WB_OK)
            bench_die("cannot make a wb_config");
        wb_status st = wb_new(cfg, &sb);
        wb_config_free(cfg);
        if (st != WB_OK)
            bench_die("wb_new: %s: %s", wb_strerror(st), wb_errmsg(sb));
        JSRuntime *rt = JS_NewRuntime();
        JSContext *ctx = rt ? JS_NewContext(rt) : NULL;
        if (!ctx)
            bench_die("cannot create a native QuickJS runtime");
        wb_eval(sb, setup, setup_len, 0);
        native_eval(ctx, setup, setup_len, "setup.js", 0);

        /* i == -1 warms up; the order alternates so that neither side
         * always runs with the other's data in the caches. */
        for (int i = -1; i < reps; i++) {
            for (int k = 0; k < 2; k++) {
                int wasm = (k == 0) == (i % 2 == 0);
                double c0 = bench_cpu_us(), t0 = bench_now_us();
                char *v = wasm ? timed_wasmbox(sb, body, body_len) : timed_native(ctx, body, body_len);
                double dt = bench_now_us() - t0, dc = bench_cpu_us() - c0;
                check(wasm ? "wasmbox" : "native QuickJS", name, v, want);
                if (i >= 0) {
                    (wasm ? tw : tn)[i] = dt;
                    (wasm ? cw : cn)[i] = dc;
                }
            }
        }
        wb_free(sb);
        JS_FreeContext(ctx);
        JS_FreeRuntime(rt);
        report(wbkey, name, "", tw, reps);
        report(nkey, name, "", tn, reps);
        report(wbkey, name, "_cpu", cw, reps);
        report(nkey, name, "_cpu", cn, reps);
        free(setup);
        free(body);
        free(expect);
    }
    free(tw);
    free(tn);
    free(cw);
    free(cn);
    return 0;
}
