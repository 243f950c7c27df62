/* The public C API: config validation, runs, results, state, clock, seed,
 * output and memory limits, misuse. */
#include "unit.h"

static void test_status_table(void **state)
{
    (void)state;
    assert_string_equal(wb_status_name(WB_OK), "OK");
    assert_string_equal(wb_status_name(WB_ETRAP), "ETRAP");
    assert_string_equal(wb_strerror(WB_EMEMLIMIT), "the guest reached the sandbox's memory limit");
    assert_string_equal(wb_status_name((wb_status)9999), "UNKNOWN");
    assert_string_equal(wb_strerror((wb_status)9999), "unknown status");
    assert_string_equal(wb_version(), WB_VERSION);
}

static void test_config_validation(void **state)
{
    (void)state;
    wb_config *c;
    assert_int_equal(wb_config_new(NULL), WB_EMISUSE);
    assert_int_equal(wb_config_new(&c), WB_OK);
    assert_int_equal(wb_config_set_memory_limit(c, 1 << 20), WB_EINVAL);
    assert_int_equal(wb_config_set_memory_limit(c, (uint64_t)4 << 30), WB_EINVAL);
    assert_int_equal(wb_config_set_memory_limit(c, (uint64_t)64 << 20), WB_OK);
    assert_int_equal(wb_config_set_output_limit(c, 100), WB_EINVAL);
    assert_int_equal(wb_config_set_output_limit(c, ((uint64_t)1 << 30) + 1), WB_EINVAL);
    assert_int_equal(wb_config_set_output_limit(c, 4096), WB_OK);
    assert_int_equal(wb_config_set_fixed_clock(c, -1), WB_EINVAL);
    assert_int_equal(wb_config_set_fixed_clock(c, 253402300800000LL), WB_EINVAL);
    assert_int_equal(wb_config_set_fixed_clock(c, 0), WB_OK);
    assert_int_equal(wb_config_set_random_seed(c, 0), WB_OK);
    assert_int_equal(wb_config_set_memory_limit(NULL, (uint64_t)64 << 20), WB_EMISUSE);
    assert_int_equal(wb_config_set_random_seed(NULL, 1), WB_EMISUSE);
    wb_config_free(c);
    wb_config_free(NULL);
}

static void test_run_basics(void **state)
{
    (void)state;
    wb_sandbox *sb = new_sandbox(NULL);
    assert_string_equal(wb_errmsg(sb), "");
    run_out o = run_js(sb, "console.log('out', 1 + 2); console.error('err'); ({a: [1, 'x']})");
    assert_int_equal(o.status, WB_OK);
    assert_int_equal(o.exit_code, 0);
    assert_string_equal(o.out, "out 3\n");
    assert_string_equal(o.err, "err\n");
    assert_string_equal(o.value, "{\"a\":[1,\"x\"]}");
    run_free(&o);

    expect_js(sb, "undefined", NULL);
    expect_js(sb, "(function f() {})", NULL);
    expect_js(sb, "2n ** 70n", "\"1180591620717411303424\"");
    expect_js(sb, "'s'", "\"s\"");
    expect_js(sb, "null", "null");
    expect_js(sb, "", NULL);
    wb_free(sb);
}

static void test_exception_reported(void **state)
{
    (void)state;
    wb_sandbox *sb = new_sandbox(NULL);
    run_out o = run_js(sb, "function inner() { throw new RangeError('too far: 7'); }\ninner();");
    assert_int_equal(o.status, WB_OK);
    assert_int_equal(o.exit_code, 1);
    assert_null(o.value);
    /* Name, message and a stack naming the function and line. */
    assert_non_null(strstr(o.err, "Uncaught RangeError: too far: 7\n"));
    assert_non_null(strstr(o.err, "at inner (script.js:1"));
    run_free(&o);

    o = run_js(sb, "throw 42");
    assert_int_equal(o.exit_code, 1);
    assert_string_equal(o.err, "Uncaught 42\n");
    run_free(&o);

    o = run_js(sb, "let x = ;");
    assert_int_equal(o.exit_code, 1);
    assert_non_null(strstr(o.err, "SyntaxError"));
    run_free(&o);

    o = run_js(sb, "Promise.reject(new TypeError('late')); 5");
    assert_int_equal(o.exit_code, 1);
    assert_non_null(strstr(o.err, "Uncaught (in promise) TypeError: late"));
    run_free(&o);

    o = run_js(sb, "await new Promise(() => {})");
    assert_int_equal(o.exit_code, 1);
    assert_non_null(strstr(o.err, "top-level await never settled"));
    run_free(&o);

    /* A failing run leaves the sandbox usable. */
    expect_js(sb, "1 + 1", "2");
    wb_free(sb);
}

static void test_state_persists(void **state)
{
    (void)state;
    wb_sandbox *sb = new_sandbox(NULL);
    expect_js(sb, "var v = 1; let l = 2; const c = 3; function f(n) { return v + l + c + n; } class K { m() { return 'k'; } }", NULL);
    expect_js(sb, "v += 10; f(100)", "116");
    expect_js(sb, "new K().m() + l + c", "\"k23\"");
    expect_js(sb, "globalThis.later = await Promise.resolve(9); later", "9");
    expect_js(sb, "later * 2", "18");
    /* Another sandbox does not see them. */
    wb_sandbox *other = new_sandbox(NULL);
    expect_js(other, "typeof f + typeof v + typeof later", "\"undefinedundefinedundefined\"");
    wb_free(other);
    wb_free(sb);
}

static void test_top_level_await(void **state)
{
    (void)state;
    wb_sandbox *sb = new_sandbox(NULL);
    expect_js(sb,
                 "const order = [];\n"
                 "const p = Promise.resolve().then(() => order.push('micro'));\n"
                 "order.push('sync');\n"
                 "await p;\n"
                 "async function g() { await null; return 'g'; }\n"
                 "order.push(await g());\n"
                 "order",
                 "[\"sync\",\"micro\",\"g\"]");
    wb_free(sb);
}

static void test_fixed_clock(void **state)
{
    (void)state;
    wb_config *c;
    assert_int_equal(wb_config_new(&c), WB_OK);
    assert_int_equal(wb_config_set_fixed_clock(c, 1700000000123LL), WB_OK);
    wb_sandbox *sb = new_sandbox(c);
    expect_js(sb, "Date.now()", "1700000000123");
    expect_js(sb, "new Date().toISOString()", "\"2023-11-14T22:13:20.123Z\"");
    wb_free(sb);
    wb_config_free(c);

    /* The real clock by default: within a day of the host's. */
    sb = new_sandbox(NULL);
    run_out o = run_js(sb, "Date.now()");
    assert_non_null(o.value);
    double guest = strtod(o.value, NULL);
    double host = (double)time(NULL) * 1000.0;
    assert_true(guest > host - 86400e3 && guest < host + 86400e3);
    run_free(&o);
    wb_free(sb);
}

static char *random_seq(const wb_config *c)
{
    wb_sandbox *sb = new_sandbox(c);
    run_out o = run_js(sb, "[Math.random(), Math.random(), Math.random()].join(',')");
    assert_int_equal(o.exit_code, 0);
    char *v = o.value;
    o.value = NULL;
    run_free(&o);
    wb_free(sb);
    return v;
}

static void test_seeded_random(void **state)
{
    (void)state;
    wb_config *c;
    assert_int_equal(wb_config_new(&c), WB_OK);
    assert_int_equal(wb_config_set_random_seed(c, 42), WB_OK);
    char *a = random_seq(c), *b = random_seq(c);
    assert_string_equal(a, b);
    assert_int_equal(wb_config_set_random_seed(c, 43), WB_OK);
    char *d = random_seq(c);
    assert_string_not_equal(a, d);
    /* Unseeded sandboxes (real randomness) differ from each other, even
     * though all are clones of one template. */
    char *e = random_seq(NULL), *f = random_seq(NULL);
    assert_string_not_equal(e, f);
    free(a); free(b); free(d); free(e); free(f);
    wb_config_free(c);
}

static void test_output_limit(void **state)
{
    (void)state;
    wb_config *c;
    assert_int_equal(wb_config_new(&c), WB_OK);
    assert_int_equal(wb_config_set_output_limit(c, 1024), WB_OK);
    wb_sandbox *sb = new_sandbox(c);
    /* A flood is cut at the limit, marked, and the run stopped. */
    run_out o = run_js(sb, "globalThis.before = 1; for (let i = 0; ; i++) console.log('line ' + i);");
    assert_int_equal(o.status, WB_EOUTPUT);
    assert_int_equal(o.exit_code, -1);
    assert_null(o.value);
    const char *marker = "\n[wasmbox: output truncated at 1024 bytes]\n";
    size_t n = strlen(o.out);
    assert_int_equal(n, 1024 + strlen(marker));
    assert_string_equal(o.out + 1024, marker);
    assert_int_equal(strncmp(o.out, "line 0\nline 1\n", 14), 0);
    assert_string_equal(o.err, "");
    assert_string_equal(wb_errmsg(sb), "output limit 1024 bytes reached: the run was stopped (print less, or raise "
                                       "it with wb_config_set_output_limit() or --max-output)");
    run_free(&o);
    /* The cap is per run, and the sandbox kept its state. */
    o = run_js(sb, "console.log('fresh', before)");
    assert_int_equal(o.status, WB_OK);
    assert_string_equal(o.out, "fresh 1\n");
    run_free(&o);
    /* Exactly at the limit is not over it. */
    o = run_js(sb, "console.log('x'.repeat(1023)); 'done'");
    assert_int_equal(o.status, WB_OK);
    assert_string_equal(o.value, "\"done\"");
    assert_int_equal(strlen(o.out), 1024);
    run_free(&o);
    wb_free(sb);
    wb_config_free(c);
}

static void test_time_limit(void **state)
{
    (void)state;
    wb_config *c;
    assert_int_equal(wb_config_new(&c), WB_OK);
    assert_int_equal(wb_config_set_time_limit(c, 0), WB_EINVAL);
    assert_string_equal(wb_config_errmsg(c), "time limit 0 ms is outside 1 .. 86400000 (a day)");
    assert_int_equal(wb_config_set_time_limit(c, 200), WB_OK);
    wb_sandbox *sb = new_sandbox(c);
    static const char *const hostile[] = {
        "globalThis.kept = 'yes'; while (true) {}",
        "for (;;) { try { for (;;) {} } catch (e) {} }",           /* cannot be caught */
        "/(a+)+$/.test('a'.repeat(40) + 'b')",                     /* catastrophic backtracking */
        "async function f() { for (;;) await null; } await f()",  /* a busy job queue */
        "function r() { try { r() } finally { r() } } r()",        /* exponential recursion */
    };
    for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
        run_out o = run_js(sb, hostile[i]);
        if (o.status != WB_ETIMEOUT)
            fprintf(stderr, "case %zu: %s: %s\n", i, wb_status_name(o.status), o.err);
        assert_int_equal(o.status, WB_ETIMEOUT);
        assert_int_equal(o.exit_code, -1);
        /* The limit is reported by the host, not as the script's error. */
        assert_string_equal(o.err, "");
        assert_non_null(strstr(wb_errmsg(sb), "time limit 200 ms reached"));
        run_free(&o);
        /* Soft stop: what the script set before the loop is still there. */
        expect_js(sb, "kept", "\"yes\"");
    }
    /* Nothing the stopped run queued runs later: not its promise jobs
     * (a .catch would see the stop as a rejection), not in the next run. */
    run_out o = run_js(sb, "Promise.resolve().then(() => { globalThis.leaked = 1; });\n"
                           "Promise.resolve().then(() => { for (;;) {} }).catch(() => { globalThis.caught = 1; });\n"
                           "for (;;) {}");
    assert_int_equal(o.status, WB_ETIMEOUT);
    run_free(&o);
    expect_js(sb, "typeof leaked + ' ' + typeof caught", "\"undefined undefined\"");
    wb_free(sb);
    wb_config_free(c);
}

static uint64_t fuel_of(wb_sandbox *sb, const char *code, wb_status want)
{
    wb_result *r;
    wb_status st = wb_run(sb, WB_JS, code, strlen(code), &r);
    if (st != want)
        fprintf(stderr, "%s: %s %s\n", code, wb_status_name(st), wb_errmsg(sb));
    assert_int_equal(st, want);
    uint64_t f = wb_result_fuel(r);
    wb_result_free(r);
    return f;
}

static void test_fuel(void **state)
{
    (void)state;
    const char *work = "let s = 0; for (let i = 0; i < 10000; i++) s += i * i; s";
    /* Deterministic: the same script in the same state uses the same fuel. */
    wb_sandbox *a = new_sandbox(NULL), *b = new_sandbox(NULL);
    uint64_t fa = fuel_of(a, work, WB_OK), fb = fuel_of(b, work, WB_OK);
    assert_true(fa > 10000);
    assert_int_equal(fa, fb);
    /* More work, more fuel. */
    uint64_t small = fuel_of(a, "let t = 0; for (let i = 0; i < 100; i++) t += i; t", WB_OK);
    assert_true(small < fa);
    wb_free(a);
    wb_free(b);

    wb_config *c;
    assert_int_equal(wb_config_new(&c), WB_OK);
    assert_int_equal(wb_config_set_fuel_limit(c, ((uint64_t)1 << 62) + 1), WB_EINVAL);
    assert_int_equal(wb_config_set_fuel_limit(c, 20000000), WB_OK);
    wb_sandbox *sb = new_sandbox(c);
    /* A JS loop stops gracefully: the state it built before stays. */
    uint64_t used = fuel_of(sb, "globalThis.soft = 'yes'; for (;;) {}", WB_EFUEL);
    assert_true(used >= 20000000 && used < 26000000);
    assert_non_null(strstr(wb_errmsg(sb), "fuel limit 20000000 reached ("));
    assert_non_null(strstr(wb_errmsg(sb), "the run was stopped (a loop"));
    expect_js(sb, "soft", "\"yes\"");
    /* Work inside one engine call that never checks (JSON.stringify of a
     * big array) is stopped hard, and the run is rolled back. */
    fuel_of(sb, "globalThis.hard = 1; JSON.stringify(new Array(3e6).fill(7)).length", WB_EFUEL);
    assert_non_null(strstr(wb_errmsg(sb), "stopped hard; the sandbox was restored to its state before this run"));
    expect_js(sb, "typeof hard + ' ' + soft", "\"undefined yes\"");
    /* And the sandbox goes on working within its budget. */
    expect_js(sb, "[3, 1, 2].sort().join()", "\"1,2,3\"");
    wb_free(sb);
    wb_config_free(c);
}

static void test_memory_limit(void **state)
{
    (void)state;
    wb_config *c;
    assert_int_equal(wb_config_new(&c), WB_OK);
    assert_int_equal(wb_config_set_memory_limit(c, (uint64_t)32 << 20), WB_OK);
    wb_sandbox *sb = new_sandbox(c);
    /* Uncaught: the run fails and the status names the limit. */
    run_out o = run_js(sb, "const keep = []; for (;;) keep.push(new Array(100000).fill(7));");
    assert_int_equal(o.status, WB_EMEMLIMIT);
    assert_int_equal(o.exit_code, 1);
    assert_non_null(strstr(wb_errmsg(sb), "memory limit 32 MiB reached"));
    assert_non_null(strstr(o.err, "out of memory"));
    run_free(&o);
    /* Caught: the script goes on, and so does the sandbox. */
    expect_js(sb, "let big = []; try { for (;;) big.push(new Array(100000).fill(1)); } catch (e) { big = null; e.message }",
                 "\"out of memory\"");
    expect_js(sb, "1 + 2", "3");
    wb_free(sb);

    /* Larger limits let the same allocation through. */
    assert_int_equal(wb_config_set_memory_limit(c, (uint64_t)256 << 20), WB_OK);
    sb = new_sandbox(c);
    expect_js(sb, "new Array(4000000).fill(1).length", "4000000");
    wb_free(sb);
    wb_config_free(c);
}

static void test_misuse(void **state)
{
    (void)state;
    wb_result *r = (wb_result *)1;
    assert_int_equal(wb_run(NULL, WB_JS, "1", 1, &r), WB_EMISUSE);
    assert_null(r);
    assert_int_equal(wb_new(NULL, NULL), WB_EMISUSE);
    wb_sandbox *sb = new_sandbox(NULL);
    assert_int_equal(wb_run(sb, WB_JS, "1", 1, NULL), WB_EMISUSE);
    assert_int_equal(wb_run(sb, WB_JS, NULL, 5, &r), WB_EMISUSE);
    assert_int_equal(wb_run(sb, (wb_lang)7, "1", 1, &r), WB_ELANG);
    assert_non_null(strstr(wb_errmsg(sb), "language 7 is not available"));
    /* Code need not be NUL-terminated: only len bytes count. */
    wb_status st = wb_run(sb, WB_JS, "40+2; garbage that is not code", 4, &r);
    assert_int_equal(st, WB_OK);
    assert_string_equal(wb_result_value(r), "42");
    wb_result_free(r);
    wb_free(sb);
    wb_free(NULL);
    wb_result_free(NULL);
    assert_string_equal(wb_result_stdout(NULL, NULL), "");
    assert_int_equal(wb_result_exit_code(NULL), -1);

    /* A dead config is refused, and the failed sandbox explains why. */
    wb_config *c;
    assert_int_equal(wb_config_new(&c), WB_OK);
    wb_config_free(c);
    int dummy[8] = {0};
    st = wb_new((const wb_config *)dummy, &sb);
    assert_int_equal(st, WB_EMISUSE);
    assert_non_null(strstr(wb_errmsg(sb), "not a live wb_config"));
    assert_int_equal(wb_run(sb, WB_JS, "1", 1, &r), WB_EMISUSE);
    wb_free(sb);
}

static void test_deep_recursion_catchable(void **state)
{
    (void)state;
    wb_sandbox *sb = new_sandbox(NULL);
    expect_js(sb, "function r(n) { return n === 0 ? 0 : 1 + r(n - 1); }\n"
                     "let caught; try { r(1e7); } catch (e) { caught = e instanceof RangeError || e.name === 'InternalError'; }\n"
                     "caught", "true");
    expect_js(sb, "let s = '['.repeat(200000); let ok; try { JSON.parse(s); } catch (e) { ok = e.name; } typeof ok",
                 "\"string\"");
    /* Engine recursion in C (Array.prototype.toString on nested arrays). */
    expect_js(sb, "let a = []; for (let i = 0; i < 200000; i++) a = [a];\n"
                  "let name; try { String(a); } catch (e) { name = e.name; } name", "\"InternalError\"");
    /* The state survived all of that. */
    expect_js(sb, "r(100)", "100");
    wb_free(sb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_status_table),
        cmocka_unit_test(test_config_validation),
        cmocka_unit_test(test_run_basics),
        cmocka_unit_test(test_exception_reported),
        cmocka_unit_test(test_state_persists),
        cmocka_unit_test(test_top_level_await),
        cmocka_unit_test(test_fixed_clock),
        cmocka_unit_test(test_seeded_random),
        cmocka_unit_test(test_output_limit),
        cmocka_unit_test(test_time_limit),
        cmocka_unit_test(test_fuel),
        cmocka_unit_test(test_memory_limit),
        cmocka_unit_test(test_misuse),
        cmocka_unit_test(test_deep_recursion_catchable),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
