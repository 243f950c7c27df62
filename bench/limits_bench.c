/* limits_bench — tool-call round trips and how fast limits stop a run.
 *
 *   limits_bench tool N      one awaited tool call per iteration, N calls:
 *                            guest -> batch -> policy check -> C callback ->
 *                            results -> guest, per call; and `await null`
 *                            alone, the floor any awaited call pays
 *   limits_bench deadline N  how long after its time limit a run really
 *                            stops: a JS loop (graceful stop) and one engine
 *                            call that never polls (hard stop, rolled back)
 *
 * Output: "name value unit" lines for results.txt (see report.c). */
#include "bench_util.h"
#include "wasmbox.h"

static wb_status echo_cb(void *ud, const char *tool, const char *args, size_t len, wb_tool_reply *r)
{
    (void)ud; (void)tool;
    return wb_tool_reply_json(r, args, len);
}

static double timed_run(wb_sandbox *sb, const char *code, wb_status want)
{
    wb_result *r;
    double t0 = bench_now_us();
    wb_status st = wb_run(sb, WB_JS, code, strlen(code), &r);
    double t = bench_now_us() - t0;
    if (st != want)
        bench_die("%s: %s (%s)", code, wb_status_name(st), wb_errmsg(sb));
    wb_result_free(r);
    return t;
}

static void bench_tool(int n)
{
    const char *policy = "{\"tools\": {\"f\": {\"provider\": {\"type\": \"callback\"},"
                         " \"params\": {\"type\": \"object\", \"properties\": {\"i\": {\"type\": \"integer\"}}},"
                         " \"constraints\": [{\"path\": \"i\", \"op\": \">=\", \"value\": 0}]}}}";
    wb_config *cfg;
    wb_sandbox *sb;
    if (wb_config_new(&cfg) != WB_OK || wb_config_set_policy(cfg, policy, strlen(policy), NULL) != WB_OK ||
        wb_config_add_tool(cfg, "f", echo_cb, NULL, 0) != WB_OK || wb_new(cfg, &sb) != WB_OK)
        bench_die("cannot set up the tool sandbox");
    char calls[256], awaits[256];
    snprintf(calls, sizeof calls, "for (let i = 0; i < %d; i++) await tools.f({i}); 1", n);
    snprintf(awaits, sizeof awaits, "for (let i = 0; i < %d; i++) await null; 1", n);
    timed_run(sb, calls, WB_OK); /* warm up */
    double tc[7], ta[7];
    for (int k = 0; k < 7; k++) {
        tc[k] = timed_run(sb, calls, WB_OK) / n;
        ta[k] = timed_run(sb, awaits, WB_OK) / n;
    }
    printf("tool_round_trip %.3f us\n", bench_median(tc, 7));
    printf("await_floor %.3f us\n", bench_median(ta, 7));
    wb_free(sb);
    wb_config_free(cfg);
}

static void bench_deadline(int n)
{
    wb_config *cfg;
    wb_sandbox *sb;
    const int limit_ms = 50;
    if (wb_config_new(&cfg) != WB_OK || wb_config_set_time_limit(cfg, limit_ms) != WB_OK || wb_new(cfg, &sb) != WB_OK)
        bench_die("cannot set up the deadline sandbox");
    /* Deep nesting makes QuickJS's JSON.stringify quadratic inside one
     * engine call: no interrupt check, so only the hard stop ends it. */
    const char *hard = "let o = {}, c = o; for (let i = 0; i < 60000; i++) { c.a = {}; c = c.a; } JSON.stringify(o)";
    double soft[15], hardv[15];
    if (n > 15)
        n = 15;
    for (int k = 0; k < n; k++) {
        soft[k] = timed_run(sb, "for (;;) {}", WB_ETIMEOUT) / 1000.0 - limit_ms;
        hardv[k] = timed_run(sb, hard, WB_ETIMEOUT) / 1000.0 - limit_ms;
    }
    printf("deadline_soft_overshoot %.2f ms\n", bench_median(soft, (size_t)n));
    printf("deadline_hard_overshoot %.2f ms\n", bench_median(hardv, (size_t)n));
    wb_free(sb);
    wb_config_free(cfg);
}

int main(int argc, char **argv)
{
    if (argc == 3 && !strcmp(argv[1], "tool"))
        bench_tool(atoi(argv[2]));
    else if (argc == 3 && !strcmp(argv[1], "deadline"))
        bench_deadline(atoi(argv[2]));
    else
        bench_die("usage: limits_bench tool N | deadline N");
    return 0;
}
