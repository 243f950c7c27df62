/* Tool calls end to end: JS in the sandbox -> batch -> policy -> provider
 * -> JS.  Callbacks with user data, budgets, failures, timeouts, output
 * caps, a batch of 100 concurrent calls, the step API, the audit log, and
 * scripts that try to get around the bridge. */
#include <pthread.h>
#include <unistd.h>

#include "unit.h"

static const char *policy_text =
    "{\"budgets\": {\"max_calls\": 1000},\n"
    " \"tools\": {\n"
    "  \"add\": {\"description\": \"Adds two numbers\", \"provider\": {\"type\": \"callback\"},\n"
    "    \"params\": {\"type\": \"object\", \"required\": [\"a\", \"b\"], \"properties\": {\n"
    "      \"a\": {\"type\": \"number\"}, \"b\": {\"type\": \"number\"}}}},\n"
    "  \"echo\": {\"provider\": {\"type\": \"builtin\", \"name\": \"echo\"},\n"
    "    \"params\": {\"type\": \"object\", \"additionalProperties\": true}, \"redact\": [\"secret\"]},\n"
    "  \"slow\": {\"provider\": {\"type\": \"builtin\", \"name\": \"slow\"},\n"
    "    \"params\": {\"type\": \"object\", \"properties\": {\"i\": {\"type\": \"integer\"}}}},\n"
    "  \"broken\": {\"provider\": {\"type\": \"builtin\", \"name\": \"fail\"}},\n"
    "  \"limited\": {\"provider\": {\"type\": \"builtin\", \"name\": \"echo\"}, \"max_calls\": 3,\n"
    "    \"max_calls_per_run\": 2},\n"
    "  \"pay\": {\"provider\": {\"type\": \"callback\"},\n"
    "    \"params\": {\"type\": \"object\", \"required\": [\"amount\", \"to\"], \"properties\": {\n"
    "      \"amount\": {\"type\": \"number\"}, \"to\": {\"type\": \"string\"}}},\n"
    "    \"constraints\": [{\"path\": \"amount\", \"op\": \"<=\", \"value\": 100},\n"
    "                    {\"path\": \"to\", \"op\": \"starts_with\", \"value\": \"acct-\"}]},\n"
    "  \"sh_cat\": {\"provider\": {\"type\": \"exec\", \"argv\": [\"/bin/cat\"]}, \"params\": {\"type\": \"object\",\n"
    "    \"additionalProperties\": true}},\n"
    "  \"sh_env\": {\"provider\": {\"type\": \"exec\", \"argv\": [\"/bin/sh\", \"-c\",\n"
    "    \"cat >/dev/null; printf '{\\\"home\\\":\\\"%s\\\",\\\"pwd\\\":\\\"%s\\\"}' \\\"$HOME\\\" \\\"$(pwd)\\\"\"],\n"
    "    \"env\": {\"HOME\": \"/nowhere\"}, \"cwd\": \"/tmp\"}},\n"
    "  \"sh_fail\": {\"provider\": {\"type\": \"exec\", \"argv\": [\"/bin/sh\", \"-c\", \"echo 'no such city' >&2; exit 3\"]}},\n"
    "  \"sh_sleep\": {\"provider\": {\"type\": \"exec\", \"argv\": [\"/bin/sleep\", \"10\"], \"timeout_ms\": 200}},\n"
    "  \"sh_flood\": {\"provider\": {\"type\": \"exec\", \"argv\": [\"/usr/bin/yes\"], \"max_output_bytes\": 100000}},\n"
    "  \"sh_notjson\": {\"provider\": {\"type\": \"exec\", \"argv\": [\"/bin/echo\", \"hello\"]}}\n"
    " }}";

static int add_calls;
static wb_status add_cb(void *ud, const char *tool, const char *args, size_t len, wb_tool_reply *reply)
{
    int *counter = ud;
    (*counter)++;
    assert_string_equal(tool, "add");
    assert_int_equal(strlen(args), len);
    double a = 0, b = 0;
    const char *pa = strstr(args, "\"a\":"), *pb = strstr(args, "\"b\":");
    if (pa) a = strtod(pa + 4, NULL);
    if (pb) b = strtod(pb + 4, NULL);
    char out[64];
    snprintf(out, sizeof out, "{\"sum\":%g}", a + b);
    return wb_tool_reply_json(reply, out, strlen(out));
}

static char last_pay[256];
static wb_status pay_cb(void *ud, const char *tool, const char *args, size_t len, wb_tool_reply *reply)
{
    (void)ud; (void)tool;
    snprintf(last_pay, sizeof last_pay, "%.*s", (int)len, args);
    return wb_tool_reply_json(reply, "{\"paid\":true}", 13);
}

static wb_config *tool_config(void)
{
    wb_config *c;
    assert_int_equal(wb_config_new(&c), WB_OK);
    wb_status st = wb_config_set_policy(c, policy_text, strlen(policy_text), "tools.json");
    if (st != WB_OK)
        fprintf(stderr, "%s\n", wb_config_errmsg(c));
    assert_int_equal(st, WB_OK);
    assert_int_equal(wb_config_add_tool(c, "add", add_cb, &add_calls, 0), WB_OK);
    assert_int_equal(wb_config_add_tool(c, "pay", pay_cb, NULL, 0), WB_OK);
    return c;
}

static void test_callback_and_values(void **state)
{
    (void)state;
    wb_config *c = tool_config();
    wb_sandbox *sb = new_sandbox(c);
    add_calls = 0;
    expect_js(sb, "(await tools.add({a: 2, b: 40})).sum", "42");
    expect_js(sb, "(await add({a: 1.5, b: 1})).sum", "2.5"); /* global alias */
    assert_int_equal(add_calls, 2);
    expect_js(sb, "JSON.stringify(await tools.echo({s: 'é', n: [1, {x: null}], t: true}))",
              "\"{\\\"s\\\":\\\"é\\\",\\\"n\\\":[1,{\\\"x\\\":null}],\\\"t\\\":true}\"");
    expect_js(sb, "tools.list().map(t => t.name).join()",
              "\"add,echo,slow,broken,limited,pay,sh_cat,sh_env,sh_fail,sh_sleep,sh_flood,sh_notjson\"");
    wb_free(sb);
    wb_config_free(c);
}

static void test_list_and_describe(void **state)
{
    (void)state;
    wb_config *c = tool_config();
    wb_sandbox *sb = new_sandbox(c);
    expect_js(sb, "tools.list().length", "12");
    expect_js(sb, "tools.list()[0]", "{\"name\":\"add\",\"description\":\"Adds two numbers\",\"params\":{\"type\":"
              "\"object\",\"required\":[\"a\",\"b\"],\"properties\":{\"a\":{\"type\":\"number\"},\"b\":{\"type\":\"number\"}}}}");
    expect_js(sb, "tools.describe('add').signature", "\"add(args: { a: number; b: number }): Promise<any>\"");
    run_out o = run_js(sb, "tools.describe('nope')");
    assert_int_equal(o.exit_code, 1);
    assert_non_null(strstr(o.err, "no tool named \"nope\"; the tools are: add, echo"));
    run_free(&o);
    /* The tools object cannot be replaced or changed by the script. */
    expect_js(sb, "'use strict'; let r; try { tools.add = null; r = 'changed'; } catch (e) { r = e.name } r", "\"TypeError\"");
    expect_js(sb, "typeof tools.add", "\"function\"");
    wb_free(sb);
    wb_config_free(c);
}

static void test_denials_reach_the_script(void **state)
{
    (void)state;
    wb_config *c = tool_config();
    wb_sandbox *sb = new_sandbox(c);
    run_out o = run_js(sb,
        "const r = await Promise.allSettled([\n"
        "  tools.pay({amount: 50, to: 'acct-7'}),\n"
        "  tools.pay({amount: 5000, to: 'acct-7'}),\n"
        "  tools.pay({amount: '50', to: 'acct-7'}),\n"
        "  tools.pay({amount: 50, to: 'evil'}),\n"
        "  tools.nope ? tools.nope({}) : Promise.reject(new Error('no tools.nope')),\n"
        "]);\n"
        "r.map(x => x.status === 'fulfilled' ? 'ok' : x.reason.name + ': ' + x.reason.message).join('\\n')");
    assert_int_equal(o.exit_code, 0);
    assert_string_equal(o.value,
        "\"ok\\n"
        "ToolDeniedError: tool \\\"pay\\\" denied: constraint amount <= 100 failed: amount is 5000 (calls left: all tools 999 of 1000 this session)\\n"
        "ToolDeniedError: tool \\\"pay\\\" denied: parameter amount: expected number, got string \\\"50\\\" (a string is not a number: pass it without quotes) (calls left: all tools 999 of 1000 this session)\\n"
        "ToolDeniedError: tool \\\"pay\\\" denied: constraint to starts_with \\\"acct-\\\" failed: to is \\\"evil\\\" (calls left: all tools 999 of 1000 this session)\\n"
        "Error: no tools.nope\"");
    assert_string_equal(last_pay, "{\"amount\":50,\"to\":\"acct-7\"}");
    run_free(&o);
    /* A failed provider rejects with its message; uncaught, the run fails. */
    o = run_js(sb, "await tools.broken()");
    assert_int_equal(o.exit_code, 1);
    assert_non_null(strstr(o.err, "Uncaught ToolError: tool \"broken\" failed: the builtin fail provider always fails"));
    run_free(&o);
    wb_free(sb);
    wb_config_free(c);
}

static void test_guest_side_argument_checks(void **state)
{
    (void)state;
    wb_config *c = tool_config();
    wb_sandbox *sb = new_sandbox(c);
    static const struct { const char *call, *msg; } rows[] = {
        { "tools.echo({x: NaN})", "tools.echo(): argument x is NaN: only finite numbers can be sent" },
        { "tools.echo({x: [1, Infinity]})", "tools.echo(): argument x[1] is Infinity: only finite numbers can be sent" },
        { "tools.echo({x: 10n})", "tools.echo(): argument x is a BigInt (10n): pass a number or a string" },
        { "tools.echo({f() {}})", "tools.echo(): argument f is a function, which JSON cannot carry" },
        { "(() => { const o = {}; o.self = o; return tools.echo(o); })()", "tools.echo(): argument self refers back to itself (a cycle)" },
        { "tools.echo('city')", "tools.echo() takes one object of named arguments, e.g. tools.echo({ ... }); got string" },
        { "tools.echo([1])", "tools.echo() takes one object of named arguments, e.g. tools.echo({ ... }); got an array" },
        { "tools.add({a: 2 ** 53 + 2, b: 1})", "tool \"add\" denied: parameter a: integer 9007199254740994 is beyond ±2^53-1 (9007199254740991) and cannot be checked exactly; send it as a string (calls left: all tools 1000 of 1000 this session)" },
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        /* An async function per row: no globals clash between runs. */
        char code[512];
        snprintf(code, sizeof code,
                 "await (async () => { try { await %s; return 'resolved'; } catch (e) { return e.message } })()",
                 rows[i].call);
        run_out o = run_js(sb, code);
        assert_int_equal(o.exit_code, 0);
        /* The value is the message as a JSON string. */
        assert_non_null(o.value);
        char want[700];
        size_t k = 0;
        want[k++] = '"';
        for (const char *p = rows[i].msg; *p && k < sizeof want - 3; p++) {
            if (*p == '"')
                want[k++] = '\\';
            want[k++] = *p;
        }
        want[k++] = '"';
        want[k] = 0;
        if (strcmp(o.value, want))
            fprintf(stderr, "row %zu:\n  want %s\n  got  %s\n", i, want, o.value);
        assert_string_equal(o.value, want);
        run_free(&o);
    }
    /* Undefined properties are dropped, as JSON.stringify does. */
    expect_js(sb, "JSON.stringify(await tools.echo({a: 1, b: undefined}))", "\"{\\\"a\\\":1}\"");
    wb_free(sb);
    wb_config_free(c);
}

static void test_budgets(void **state)
{
    (void)state;
    wb_config *c = tool_config();
    wb_sandbox *sb = new_sandbox(c);
    const char *three =
        "(await Promise.allSettled([tools.limited(), tools.limited(), tools.limited()]))"
        ".map(x => x.status === 'fulfilled' ? 'ok' : x.reason.message).join('|')";
    /* per run: 2 of 3 go through */
    expect_js(sb, three,
              "\"ok|ok|tool \\\"limited\\\" denied: budget exhausted: max_calls_per_run of this tool is 2 "
              "(calls left: limited 1 of 3 this session, limited 0 of 2 this run, all tools 998 of 1000 this session)\"");
    /* next run: 1 left for the session, then the session budget stops it */
    const char *denied = "tool \\\"limited\\\" denied: budget exhausted: max_calls of this tool per session is 3 "
                         "(calls left: limited 0 of 3 this session, limited 1 of 2 this run, all tools 997 of 1000 this session)";
    char want[1024];
    snprintf(want, sizeof want, "\"ok|%s|%s\"", denied, denied);
    expect_js(sb, three, want);
    /* A new sandbox has a fresh session budget. */
    wb_sandbox *sb2 = new_sandbox(c);
    expect_js(sb2, "(await Promise.allSettled([tools.limited(), tools.limited()])).filter(x => x.status === 'fulfilled').length", "2");
    wb_free(sb2);
    wb_free(sb);
    wb_config_free(c);

    /* The total budget, across tools. */
    const char *tight = "{\"budgets\": {\"max_calls\": 3, \"max_calls_per_run\": 2}, \"tools\": {"
                        "\"e\": {\"provider\": {\"type\": \"builtin\", \"name\": \"echo\"}},"
                        "\"f\": {\"provider\": {\"type\": \"builtin\", \"name\": \"echo\"}}}}";
    assert_int_equal(wb_config_new(&c), WB_OK);
    assert_int_equal(wb_config_set_policy(c, tight, strlen(tight), NULL), WB_OK);
    sb = new_sandbox(c);
    const char *mix = "(await Promise.allSettled([tools.e(), tools.f(), tools.e()])).map(x => x.status[0]).join('')";
    expect_js(sb, mix, "\"ffr\"");
    /* second run: one call left in the session budget */
    expect_js(sb, mix, "\"frr\"");
    wb_free(sb);
    wb_config_free(c);
}

static void test_exec_provider(void **state)
{
    (void)state;
    wb_config *c = tool_config();
    wb_sandbox *sb = new_sandbox(c);
    /* JSON in on stdin, JSON out on stdout: cat sends the arguments back. */
    /* (JS itself writes 1.50 as 1.5 before the host sees it) */
    expect_js(sb, "JSON.stringify(await tools.sh_cat({q: 'x y', n: 1.50}))", "\"{\\\"q\\\":\\\"x y\\\",\\\"n\\\":1.5}\"");
    /* argv, env and cwd come from the policy; the host's environment does not leak. */
    expect_js(sb, "JSON.stringify(await tools.sh_env())", "\"{\\\"home\\\":\\\"/nowhere\\\",\\\"pwd\\\":\\\"/tmp\\\"}\"");
    static const struct { const char *call, *msg; } rows[] = {
        { "sh_fail", "tool \"sh_fail\" failed (exit status 3): no such city" },
        { "sh_sleep", "tool \"sh_sleep\" timed out after 200 ms (the policy's timeout_ms) and was killed" },
        { "sh_flood", "tool \"sh_flood\" wrote more than 100000 bytes (the policy's max_output_bytes) and was killed" },
        { "sh_notjson", "tool \"sh_notjson\" returned invalid JSON (line 1, column 1: expected a value (object, array, string, number, true, false or null), found an unexpected character)" },
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char code[256];
        snprintf(code, sizeof code,
                 "await (async () => { try { await tools.%s(); return 'ok'; } catch (e) { return e.name + ': ' + e.message } })()",
                 rows[i].call);
        run_out o = run_js(sb, code);
        assert_int_equal(o.exit_code, 0);
        assert_non_null(o.value);
        char want[512];
        snprintf(want, sizeof want, "ToolError: %s", rows[i].msg);
        /* o.value is a JSON string: unescape it (these messages are ASCII) */
        char got[512];
        size_t k = 0;
        for (const char *p = o.value + 1; *p && p[1] && k < sizeof got - 1; p++) {
            if (*p == '\\' && p[1]) p++;
            got[k++] = *p;
        }
        got[k] = 0;
        if (strcmp(got, want))
            fprintf(stderr, "row %zu:\n  want %s\n  got  %s\n", i, want, got);
        assert_string_equal(got, want);
        run_free(&o);
    }
    wb_free(sb);
    wb_config_free(c);
}

static int inflight, max_inflight;
static pthread_mutex_t inflight_lock = PTHREAD_MUTEX_INITIALIZER;
static wb_status concurrent_cb(void *ud, const char *tool, const char *args, size_t len, wb_tool_reply *reply)
{
    (void)ud; (void)tool;
    pthread_mutex_lock(&inflight_lock);
    if (++inflight > max_inflight)
        max_inflight = inflight;
    pthread_mutex_unlock(&inflight_lock);
    usleep(2000);
    pthread_mutex_lock(&inflight_lock);
    inflight--;
    pthread_mutex_unlock(&inflight_lock);
    return wb_tool_reply_json(reply, args, len);
}

static void test_batch_of_100(void **state)
{
    (void)state;
    const char *p = "{\"tools\": {\"work\": {\"provider\": {\"type\": \"callback\"},"
                    " \"params\": {\"type\": \"object\", \"properties\": {\"i\": {\"type\": \"integer\"}}}}}}";
    wb_config *c;
    assert_int_equal(wb_config_new(&c), WB_OK);
    assert_int_equal(wb_config_set_policy(c, p, strlen(p), NULL), WB_OK);
    assert_int_equal(wb_config_add_tool(c, "work", concurrent_cb, NULL, WB_TOOL_CONCURRENT), WB_OK);
    wb_sandbox *sb = new_sandbox(c);
    max_inflight = 0;
    expect_js(sb, "const rs = await Promise.all(Array.from({length: 100}, (_, i) => tools.work({i})));\n"
                  "rs.every((r, i) => r.i === i) && rs.length", "100");
    /* Calls batched together ran at the same time. */
    assert_true(max_inflight > 1);
    wb_free(sb);
    wb_config_free(c);
}

static void test_step_api(void **state)
{
    (void)state;
    wb_config *c = tool_config();
    wb_sandbox *sb = new_sandbox(c);
    wb_result *r = (wb_result *)1;
    const char *code =
        "const a = tools.echo({n: 1}), b = tools.pay({amount: 5, to: 'acct-1'}), d = tools.pay({amount: 500, to: 'acct-1'});\n"
        "const s = await Promise.allSettled([a, b, d]);\n"
        "const second = await tools.add({a: 1, b: 2});\n"
        "s.map(x => x.status === 'fulfilled' ? JSON.stringify(x.value) : x.reason.name).join() + ' ' + JSON.stringify(second)";
    wb_status st = wb_start(sb, WB_JS, code, strlen(code), &r);
    assert_int_equal(st, WB_PENDING);
    assert_null(r);
    /* The policy already denied the 500: two calls wait. */
    assert_int_equal(wb_pending_count(sb), 2);
    assert_string_equal(wb_pending_tool(sb, 0), "echo");
    assert_string_equal(wb_pending_args(sb, 0), "{\"n\":1}");
    assert_string_equal(wb_pending_tool(sb, 1), "pay");
    assert_null(wb_pending_tool(sb, 2));
    /* Cannot continue with an unanswered call, nor start another run. */
    assert_int_equal(wb_step(sb, &r), WB_ESTATE);
    assert_non_null(strstr(wb_errmsg(sb), "call 0 (tool \"echo\") has no answer yet"));
    assert_int_equal(wb_run(sb, WB_JS, "1", 1, &r), WB_ESTATE);
    assert_int_equal(wb_submit_run(sb, 0), WB_OK);          /* approve: run its provider */
    assert_int_equal(wb_submit_run(sb, 0), WB_ESTATE);      /* once only */
    /* Still refused while the second call waits. */
    assert_int_equal(wb_step(sb, &r), WB_ESTATE);
    assert_non_null(strstr(wb_errmsg(sb), "call 1 (tool \"pay\") has no answer yet"));
    assert_int_equal(wb_submit_deny(sb, 1, "a person said no"), WB_OK);
    assert_int_equal(wb_submit_result(sb, 5, "1", 1), WB_EINVAL);
    st = wb_step(sb, &r);
    assert_int_equal(st, WB_PENDING);
    assert_int_equal(wb_pending_count(sb), 1);
    assert_string_equal(wb_pending_tool(sb, 0), "add");
    assert_int_equal(wb_submit_result(sb, 0, "{\"sum\": 3}", 10), WB_OK);
    st = wb_step(sb, &r);
    assert_int_equal(st, WB_OK);
    assert_non_null(r);
    assert_string_equal(wb_result_value(r), "\"{\\\"n\\\":1},ToolDeniedError,ToolDeniedError {\\\"sum\\\":3}\"");
    wb_result_free(r);
    assert_int_equal(wb_step(sb, &r), WB_ESTATE);

    /* Submitted errors and invalid results reach the script as ToolError. */
    const char *c2 = "const x = await Promise.allSettled([tools.echo({}), tools.echo({})]);"
                     "x.map(v => v.reason.message).join('|')";
    assert_int_equal(wb_start(sb, WB_JS, c2, strlen(c2), &r), WB_PENDING);
    assert_int_equal(wb_submit_error(sb, 0, "backend down"), WB_OK);
    assert_int_equal(wb_submit_result(sb, 1, "{bad", 4), WB_OK);
    assert_int_equal(wb_step(sb, &r), WB_OK);
    assert_string_equal(wb_result_value(r), "\"backend down|tool \\\"echo\\\" returned invalid JSON (line 1, column 2: "
                                            "expected a key in double quotes, found an unexpected character)\"");
    wb_result_free(r);
    /* Freeing a sandbox in the middle of a run is fine. */
    assert_int_equal(wb_start(sb, WB_JS, "await tools.echo({})", 20, &r), WB_PENDING);
    wb_free(sb);
    wb_config_free(c);
}

static char audit_buf[8192];
static void audit_cb(void *ud, const char *line, size_t len)
{
    (void)ud;
    strncat(audit_buf, line, len < sizeof audit_buf - strlen(audit_buf) - 1 ? len : sizeof audit_buf - strlen(audit_buf) - 1);
}

static void test_audit_log(void **state)
{
    (void)state;
    wb_config *c = tool_config();
    char path[] = "/tmp/wasmbox-audit-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(wb_config_set_audit_file(c, path), WB_OK);
    assert_int_equal(wb_config_set_audit_callback(c, audit_cb, NULL), WB_OK);
    audit_buf[0] = 0;
    wb_sandbox *sb = new_sandbox(c);
    expect_js(sb, "await tools.echo({secret: 'hunter2', user: 'ann'}); "
                  "try { await tools.pay({amount: 1e6, to: 'acct-1'}) } catch (e) {} 1", "1");
    wb_free(sb);
    /* Two lines: the echo allowed (secret redacted), the payment denied. */
    assert_null(strstr(audit_buf, "hunter2"));
    assert_non_null(strstr(audit_buf, "\"tool\":\"echo\",\"args\":{\"secret\":\"[redacted]\",\"user\":\"ann\"},"
                                      "\"decision\":\"allow\",\"reason\":null,\"duration_ms\":"));
    assert_non_null(strstr(audit_buf, ",\"result_bytes\":33}\n"));
    assert_non_null(strstr(audit_buf, "\"tool\":\"pay\",\"args\":{\"amount\":1000000,\"to\":\"acct-1\"},\"decision\":\"deny\","
                                      "\"reason\":\"tool \\\"pay\\\" denied: constraint amount <= 100 failed: amount is 1000000"));
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char file[8192];
    size_t n = fread(file, 1, sizeof file - 1, f);
    file[n] = 0;
    fclose(f);
    unlink(path);
    assert_string_equal(file, audit_buf);
    int lines = 0;
    for (char *p = file; *p; p++)
        lines += *p == '\n';
    assert_int_equal(lines, 2);
    wb_config_free(c);
}

static void test_config_mismatches(void **state)
{
    (void)state;
    wb_config *c;
    wb_sandbox *sb;
    assert_int_equal(wb_config_new(&c), WB_OK);
    /* A callback tool without its callback. */
    assert_int_equal(wb_config_set_policy(c, policy_text, strlen(policy_text), NULL), WB_OK);
    assert_int_equal(wb_new(c, &sb), WB_EPOLICY);
    assert_string_equal(wb_errmsg(sb), "policy tool \"add\" has provider callback but no callback is registered for it "
                                       "(wb_config_add_tool)");
    wb_free(sb);
    /* A callback for a tool the policy does not have. */
    assert_int_equal(wb_config_add_tool(c, "add", add_cb, &add_calls, 0), WB_OK);
    assert_int_equal(wb_config_add_tool(c, "pay", pay_cb, NULL, 0), WB_OK);
    assert_int_equal(wb_config_add_tool(c, "ghost", pay_cb, NULL, 0), WB_OK);
    assert_int_equal(wb_new(c, &sb), WB_EPOLICY);
    assert_string_equal(wb_errmsg(sb), "a callback is registered for tool \"ghost\" but the policy has no tool of that name");
    wb_free(sb);
    assert_int_equal(wb_config_add_tool(c, "add", add_cb, NULL, 0), WB_EINVAL);
    assert_int_equal(wb_config_add_tool(c, "x", add_cb, NULL, 8), WB_EINVAL);
    assert_string_equal(wb_config_errmsg(c), "wb_config_add_tool: unknown flags 0x8 (allowed: WB_TOOL_CONCURRENT)");
    /* A bad policy leaves the old one in place and says where it is wrong. */
    assert_int_equal(wb_config_set_policy(c, "{\"tools\": 1}", 12, "p.json"), WB_EPOLICY);
    assert_string_equal(wb_config_errmsg(c), "p.json:1:11: \"tools\" must be an object, found number");
    assert_int_equal(wb_config_load_policy(c, "/nonexistent/p.json"), WB_EIO);
    assert_string_equal(wb_config_errmsg(c), "cannot open policy /nonexistent/p.json: No such file or directory");
    wb_config_free(c);

    /* Without a policy there are no tools at all. */
    sb = new_sandbox(NULL);
    expect_js(sb, "typeof tools", "\"undefined\"");
    wb_free(sb);
}

static void test_bridge_tampering(void **state)
{
    (void)state;
    wb_config *c = tool_config();
    wb_sandbox *sb = new_sandbox(c);
    /* Polluted prototypes and replaced built-ins do not change what the
     * host receives or checks. */
    run_out o = run_js(sb,
        "Object.prototype.amount = 1;\n"
        "Array.prototype.join = () => 'x';\n"
        "JSON.stringify = () => '{\"amount\":1,\"to\":\"acct-1\"}';\n"
        "Map.prototype.get = () => undefined;\n"
        "let m; try { await tools.pay({amount: 5000, to: 'acct-1'}); m = 'paid'; } catch (e) { m = e.name; }\n"
        "delete Object.prototype.amount; m");
    /* (JSON.stringify is the script's fake now, but the run's value is not
     * made with it) */
    assert_int_equal(o.exit_code, 0);
    assert_string_equal(o.value, "\"ToolDeniedError\"");
    run_free(&o);
    /* Names that are not tools are refused by the host, whatever the guest sends. */
    wb_free(sb);
    wb_config_free(c);
}

static void test_policy_limits(void **state)
{
    (void)state;
    const char *p = "{\"tools\": {}, \"limits\": {\"time_ms\": 150, \"fuel\": 30000000, "
                    "\"memory_bytes\": 33554432, \"output_bytes\": 2048}}";
    wb_config *c;
    assert_int_equal(wb_config_new(&c), WB_OK);
    assert_int_equal(wb_config_set_policy(c, p, strlen(p), NULL), WB_OK);
    wb_sandbox *sb = new_sandbox(c);
    run_out o = run_js(sb, "for (;;) {}");
    assert_int_equal(o.status, WB_EFUEL); /* 30M instructions come before 150 ms */
    run_free(&o);
    o = run_js(sb, "for (;;) console.log('x'.repeat(100))");
    assert_int_equal(o.status, WB_EOUTPUT);
    assert_non_null(strstr(wb_errmsg(sb), "output limit 2048 bytes"));
    run_free(&o);
    o = run_js(sb, "const a = []; for (;;) a.push(new ArrayBuffer(8 << 20))");
    assert_int_equal(o.status, WB_EMEMLIMIT);
    assert_non_null(strstr(wb_errmsg(sb), "memory limit 32 MiB"));
    run_free(&o);
    wb_free(sb);
    /* A limit the embedder sets wins over the policy's. */
    assert_int_equal(wb_config_set_fuel_limit(c, 0), WB_OK);
    assert_int_equal(wb_config_set_time_limit(c, 100), WB_OK);
    sb = new_sandbox(c);
    o = run_js(sb, "for (;;) {}");
    assert_int_equal(o.status, WB_ETIMEOUT);
    assert_non_null(strstr(wb_errmsg(sb), "time limit 100 ms"));
    run_free(&o);
    wb_free(sb);
    /* Bad limits are load errors like any other. */
    const char *bad = "{\"tools\": {}, \"limits\": {\"memory_bytes\": 1024}}";
    assert_int_equal(wb_config_set_policy(c, bad, strlen(bad), "l.json"), WB_EPOLICY);
    assert_string_equal(wb_config_errmsg(c), "l.json:1:42: \"memory_bytes\" must be at least 16777216, found 1024");
    wb_config_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_callback_and_values),
        cmocka_unit_test(test_list_and_describe),
        cmocka_unit_test(test_denials_reach_the_script),
        cmocka_unit_test(test_guest_side_argument_checks),
        cmocka_unit_test(test_budgets),
        cmocka_unit_test(test_exec_provider),
        cmocka_unit_test(test_batch_of_100),
        cmocka_unit_test(test_step_api),
        cmocka_unit_test(test_audit_log),
        cmocka_unit_test(test_config_mismatches),
        cmocka_unit_test(test_bridge_tampering),
        cmocka_unit_test(test_policy_limits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
