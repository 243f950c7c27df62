/* The MCP layer below the protocol tests: JSON-RPC classification and
 * writing, line framing, version negotiation, the run_javascript result,
 * TypeScript declarations, and policy "mcp_servers" load errors.  (The
 * SDK client drives the whole server in tests/mcp/.) */
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

#include "unit.h"
#include "mcp/jsonrpc.h"
#include "mcp/server.h"
#include "policy.h"
#include "tools_ts.h"

static wb__jdoc *parse(const char *text, wb__json **root)
{
    char err[200];
    wb__jdoc *d = wb__json_parse(text, strlen(text), root, err, sizeof err);
    if (!d)
        fprintf(stderr, "parse %s: %s\n", text, err);
    assert_non_null(d);
    return d;
}

static void test_classify(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        wb__rpc_kind kind;
        const char *why; /* INVALID: a piece of the reason */
        int has_id;
    } cases[] = {
        { "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", WB__RPC_REQUEST, NULL, 1 },
        { "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"x\",\"params\":{}}", WB__RPC_REQUEST, NULL, 1 },
        { "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", WB__RPC_NOTIFICATION, NULL, 0 },
        { "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}", WB__RPC_RESPONSE, NULL, 1 },
        { "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":1,\"message\":\"m\"}}", WB__RPC_RESPONSE, NULL, 1 },
        { "[1]", WB__RPC_INVALID, "must be an object", 0 },
        { "{\"id\":1,\"method\":\"ping\"}", WB__RPC_INVALID, "\"jsonrpc\" must be \"2.0\"", 1 },
        { "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}", WB__RPC_INVALID, "\"jsonrpc\"", 1 },
        { "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}", WB__RPC_INVALID, "\"id\" must be", 0 },
        { "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}", WB__RPC_INVALID, "\"id\" must be", 0 },
        { "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":7}", WB__RPC_INVALID, "\"method\" must be a string", 1 },
        { "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":3}", WB__RPC_INVALID, "\"params\"", 1 },
        { "{\"jsonrpc\":\"2.0\",\"id\":1}", WB__RPC_INVALID, "needs \"method\"", 1 },
        { "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":1,\"error\":{}}", WB__RPC_INVALID, "needs \"method\"", 1 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        wb__json *root;
        wb__jdoc *d = parse(cases[i].text, &root);
        wb__rpc_msg m;
        wb__rpc_classify(root, &m);
        if (m.kind != cases[i].kind)
            fprintf(stderr, "case %zu: %s -> kind %d (%s)\n", i, cases[i].text, m.kind, m.why ? m.why : "");
        assert_int_equal(m.kind, cases[i].kind);
        assert_int_equal(m.id != NULL, cases[i].has_id);
        if (cases[i].why)
            assert_non_null(strstr(m.why, cases[i].why));
        wb__json_free(d);
    }
}

static void test_write(void **state)
{
    (void)state;
    wb__json *root;
    wb__jdoc *d = parse("{\"id\":\"x\\\"y\"}", &root);
    wb__str b = {0};
    wb__rpc_write_error(&b, wb__json_get(root, "id"), WB__RPC_INVALID_PARAMS, "bad \"name\"\nline");
    assert_string_equal(b.s, "{\"jsonrpc\":\"2.0\",\"id\":\"x\\\"y\",\"error\":{\"code\":-32602,"
                             "\"message\":\"bad \\\"name\\\"\\nline\"}}\n");
    b.len = 0;
    wb__rpc_write_result(&b, NULL, "{}", 2);
    assert_string_equal(b.s, "{\"jsonrpc\":\"2.0\",\"id\":null,\"result\":{}}\n");
    b.len = 0;
    wb__rpc_write_call(&b, 7, "tools/list", "{}");
    assert_string_equal(b.s, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\",\"params\":{}}\n");
    b.len = 0;
    wb__rpc_write_call(&b, 0, "notifications/initialized", NULL);
    assert_string_equal(b.s, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n");
    wb__str_free(&b);
    wb__json_free(d);
}

static void test_negotiate(void **state)
{
    (void)state;
    assert_string_equal(wb__mcp_negotiate("2024-11-05"), "2024-11-05");
    assert_string_equal(wb__mcp_negotiate("2025-03-26"), "2025-03-26");
    assert_string_equal(wb__mcp_negotiate("2025-06-18"), "2025-06-18");
    assert_string_equal(wb__mcp_negotiate("2025-11-25"), "2025-11-25");
    assert_string_equal(wb__mcp_negotiate("2030-01-01"), "2025-11-25");
    assert_string_equal(wb__mcp_negotiate(NULL), "2025-11-25");
    assert_true(wb__mcp_batches_allowed("2025-03-26"));
    assert_false(wb__mcp_batches_allowed("2025-06-18"));
    assert_false(wb__mcp_batches_allowed("2024-11-05"));
}

static void test_lines(void **state)
{
    (void)state;
    int p[2];
    assert_int_equal(pipe(p), 0);
    char big[300];
    memset(big, 'z', sizeof big);
    assert_int_equal(write(p[1], "one\ntwo\r\n\n", 10), 10);
    assert_int_equal(write(p[1], big, sizeof big), (ssize_t)sizeof big);
    assert_int_equal(write(p[1], "\nlast", 5), 5);
    close(p[1]);
    wb__lines r = { .fd = p[0] };
    char *line;
    size_t len;
    assert_int_equal(wb__lines_next(&r, &line, &len, 0, 100), WB__LINE_OK);
    assert_string_equal(line, "one");
    assert_int_equal(wb__lines_next(&r, &line, &len, 0, 100), WB__LINE_OK);
    assert_string_equal(line, "two");
    assert_int_equal(wb__lines_next(&r, &line, &len, 0, 100), WB__LINE_OK);
    assert_int_equal(len, 0);
    assert_int_equal(wb__lines_next(&r, &line, &len, 0, 100), WB__LINE_TOO_LONG);
    assert_int_equal(wb__lines_next(&r, &line, &len, 0, 100), WB__LINE_OK);
    assert_string_equal(line, "last");
    assert_int_equal(wb__lines_next(&r, &line, &len, 0, 100), WB__LINE_EOF);
    wb__lines_free(&r);
    close(p[0]);

    /* A deadline passes when nothing comes. */
    assert_int_equal(pipe(p), 0);
    wb__lines r2 = { .fd = p[0] };
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    double now = (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
    assert_int_equal(wb__lines_next(&r2, &line, &len, now + 30, 100), WB__LINE_TIMEOUT);
    wb__lines_free(&r2);
    close(p[0]);
    close(p[1]);
}

static void test_run_result(void **state)
{
    (void)state;
    wb_sandbox *sb;
    assert_int_equal(wb_new(NULL, &sb), WB_OK);
    wb_result *r = NULL;
    const char *code = "console.log('a'); console.error('b'); ({x: [1, 'two']})";
    assert_int_equal(wb_run(sb, WB_JS, code, strlen(code), &r), WB_OK);
    wb__str b = {0};
    wb__mcp_run_result(&b, WB_OK, r, "", 1);
    assert_string_equal(b.s, "{\"content\":[{\"type\":\"text\",\"text\":\"stdout:\\na\\nstderr:\\nb\\nvalue: "
                             "{\\\"x\\\":[1,\\\"two\\\"]}\\n\"}],\"structuredContent\":{\"stdout\":\"a\\n\","
                             "\"stderr\":\"b\\n\",\"value\":{\"x\":[1,\"two\"]},\"status\":\"OK\",\"exit_code\":0},"
                             "\"isError\":false}");
    wb_result_free(r);
    b.len = 0;
    /* A stopped run: isError, the status and the message; no structured
     * part for older protocol versions. */
    wb__mcp_run_result(&b, WB_ETIMEOUT, NULL, "time limit 5 ms reached", 0);
    assert_string_equal(b.s, "{\"content\":[{\"type\":\"text\",\"text\":\"error (ETIMEOUT): time limit 5 ms "
                             "reached\\n\"}],\"isError\":true}");
    wb__str_free(&b);
    wb_free(sb);
}

static void test_interrupt_without_run(void **state)
{
    (void)state;
    wb_sandbox *sb;
    assert_int_equal(wb_new(NULL, &sb), WB_OK);
    assert_int_equal(wb_interrupt(sb), WB_OK);
    /* No run was in progress: the next one is not affected. */
    expect_js(sb, "1 + 1", "2");
    assert_int_equal(wb_interrupt(NULL), WB_EMISUSE);
    assert_int_equal(wb_set_time_limit(sb, 0), WB_EINVAL);
    assert_int_equal(wb_set_time_limit(sb, 50), WB_OK);
    run_out o = run_js(sb, "while (true) {}");
    assert_int_equal(o.status, WB_ETIMEOUT);
    assert_non_null(strstr(wb_errmsg(sb), "time limit 50 ms"));
    run_free(&o);
    wb_result *r = NULL;
    /* the shell is in this build (guest/shell): WB_SH runs */
    assert_int_equal(wb_run(sb, WB_SH, "echo", 4, &r), WB_OK);
    wb_result_free(r);
    assert_string_equal(wb_tools_dts(sb), "");
    wb_free(sb);
}

typedef struct {
    wb_sandbox *sb;
    int delay_ms;
} interrupter;

static void *interrupt_later(void *arg)
{
    interrupter *it = arg;
    struct timespec ts = { 0, (long)it->delay_ms * 1000000L };
    nanosleep(&ts, NULL);
    wb_interrupt(it->sb);
    return NULL;
}

/* What notifications/cancelled relies on: another thread stops a run that
 * would go on for the whole time limit; the sandbox keeps its state. */
static void test_interrupt_from_thread(void **state)
{
    (void)state;
    wb_config *c;
    assert_int_equal(wb_config_new(&c), WB_OK);
    assert_int_equal(wb_config_set_time_limit(c, 20000), WB_OK);
    wb_sandbox *sb;
    assert_int_equal(wb_new(c, &sb), WB_OK);
    static const char *const loops[] = {
        "globalThis.kept = 'yes'; while (true) {}",
        "/(a+)+$/.test('a'.repeat(40) + 'b')",
        "async function f() { for (;;) await null; } await f()",
    };
    for (size_t i = 0; i < sizeof loops / sizeof loops[0]; i++) {
        interrupter it = { sb, 100 };
        pthread_t th;
        assert_int_equal(pthread_create(&th, NULL, interrupt_later, &it), 0);
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        run_out o = run_js(sb, loops[i]);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        pthread_join(th, NULL);
        double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
        if (o.status != WB_EINTERRUPT)
            fprintf(stderr, "case %zu: %s: %s\n", i, wb_status_name(o.status), wb_errmsg(sb));
        assert_int_equal(o.status, WB_EINTERRUPT);
        assert_true(ms < 10000);
        assert_non_null(strstr(wb_errmsg(sb), "interrupted by the host"));
        run_free(&o);
        expect_js(sb, "kept", "\"yes\"");
    }
    wb_free(sb);
    wb_config_free(c);
}

static void test_typescript(void **state)
{
    (void)state;
    wb__json *root;
    wb__jdoc *d = parse("[{\"type\":\"object\",\"required\":[\"city\"],\"properties\":{"
                        "\"city\":{\"type\":\"string\",\"description\":\"a city */ name\"},"
                        "\"days\":{\"type\":[\"integer\",\"null\"]},\"unit\":{\"enum\":[\"C\",\"F\"]},"
                        "\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},"
                        "\"my-key\":{\"anyOf\":[{\"type\":\"boolean\"},{\"const\":3}]},"
                        "\"meta\":{\"type\":\"object\",\"additionalProperties\":true},\"x\":{}}},"
                        "{\"type\":\"object\",\"properties\":{}}]", &root);
    wb__str b = {0};
    wb__ts_type(&b, root->u.arr.v[0], 0);
    assert_string_equal(b.s, "{ city: string; days?: number | null; unit?: \"C\" | \"F\"; tags?: Array<string>; "
                             "\"my-key\"?: boolean | 3; meta?: { [key: string]: unknown }; x?: unknown }");
    b.len = 0;
    wb__tool_decl decl[] = {
        { "get_weather", "Weather for a city", root->u.arr.v[1] },
        { "gh.create_issue", "Opens an issue", root->u.arr.v[0] },
        { "gh.list", "", NULL },
        { "my-tool", "", NULL },
    };
    wb__tools_to_ts(&b, decl, 4);
    assert_string_equal(b.s,
        "declare const tools: {\n"
        "  /** Weather for a city */\n"
        "  get_weather(args?: {}): Promise<any>;\n"
        "  gh: {\n"
        "    /** Opens an issue */\n"
        "    create_issue(args: { /** a city *\\/ name */ city: string; days?: number | null; unit?: \"C\" | \"F\"; "
        "tags?: Array<string>; \"my-key\"?: boolean | 3; meta?: { [key: string]: unknown }; x?: unknown }): "
        "Promise<any>;\n"
        "    list(args?: {}): Promise<any>;\n"
        "  };\n"
        "  \"my-tool\"(args?: {}): Promise<any>;\n"
        "};\n");
    wb__str_free(&b);
    wb__json_free(d);
}

static const struct {
    const char *text, *error;
} bad_servers[] = {
    { "{\"tools\": {}, \"mcp_servers\": []}",
      "p.json:1:30: \"mcp_servers\" must be an object, found array" },
    { "{\"tools\": {}, \"mcp_servers\": {\"gh\": {}}}",
      "p.json:1:37: MCP server \"gh\" needs \"command\": the absolute path of the program to start" },
    { "{\"tools\": {}, \"mcp_servers\": {\"gh\": {\"command\": \"npx\"}}}",
      "p.json:1:49: \"command\" must be an absolute program path (no shell, no PATH lookup), e.g. \"/usr/bin/node\"; "
      "found \"npx\"" },
    { "{\"tools\": {}, \"mcp_servers\": {\"g.h\": {\"command\": \"/x\"}}}",
      "p.json:1:31: bad MCP server name \"g.h\": use 1-32 letters, digits, '_' or '-', starting with a letter or '_' "
      "(its tools are named SERVER.TOOL)" },
    { "{\"tools\": {}, \"mcp_servers\": {\"gh\": {\"command\": \"/x\", \"argv\": []}}}",
      "p.json:1:55: unknown key \"argv\" in MCP server \"gh\"; expected one of: command, args, env, cwd, timeout_ms" },
    { "{\"tools\": {}, \"mcp_servers\": {\"gh\": {\"command\": \"/x\", \"env\": {\"K\": 1}}}}",
      "p.json:1:68: each \"env\" value must be a string, found number" },
    { "{\"tools\": {\"gh.x\": {\"provider\": {\"type\": \"builtin\", \"name\": \"echo\"}}}, "
      "\"mcp_servers\": {\"gh\": {\"command\": \"/x\"}}}",
      "p.json:1:33: tool \"gh.x\" is served by MCP server \"gh\" (mcp_servers): leave out \"provider\" or write "
      "{\"type\": \"mcp\"}" },
    { "{\"tools\": {\"other.x\": {\"provider\": {\"type\": \"mcp\"}}}, \"mcp_servers\": {\"gh\": {\"command\": \"/x\"}}}",
      "p.json:1:36: an mcp provider serves tools named SERVER.TOOL where SERVER is listed in \"mcp_servers\"; "
      "\"other.x\" names no such server (servers: gh)" },
    { "{\"tools\": {\"x\": {}}, \"mcp_servers\": {\"gh\": {\"command\": \"/x\"}}}",
      "p.json:1:17: tool \"x\" needs a \"provider\" (callback, exec or builtin)" },
};

static void test_policy_servers(void **state)
{
    (void)state;
    int wrong = 0;
    for (size_t i = 0; i < sizeof bad_servers / sizeof bad_servers[0]; i++) {
        char err[512] = "";
        wb__policy *p = wb__policy_load(bad_servers[i].text, strlen(bad_servers[i].text), "p.json", err, sizeof err);
        if (p || strcmp(err, bad_servers[i].error) != 0) {
            fprintf(stderr, "case %zu: %s\n  want: %s\n  got:  %s\n", i, bad_servers[i].text, bad_servers[i].error,
                    p ? "(loaded)" : err);
            wrong++;
        }
        wb__policy_unref(p);
    }
    assert_int_equal(wrong, 0);
    const char *good = "{\"tools\": {\"gh.add\": {\"constraints\": [{\"path\": \"a\", \"op\": \"<\", \"value\": 9}]},"
                       " \"gh.rm\": {\"provider\": {\"type\": \"mcp\"}, \"params\": {\"type\": \"object\"}}},"
                       " \"mcp_servers\": {\"gh\": {\"command\": \"/usr/bin/node\", \"args\": [\"s.mjs\"],"
                       " \"env\": {\"TOKEN\": \"t\"}, \"cwd\": \"/tmp\", \"timeout_ms\": 500}}}";
    char err[512] = "";
    wb__policy *p = wb__policy_load(good, strlen(good), "p.json", err, sizeof err);
    if (!p)
        fprintf(stderr, "%s\n", err);
    assert_non_null(p);
    assert_int_equal(p->nservers, 1);
    assert_string_equal(p->servers[0].argv[0], "/usr/bin/node");
    assert_string_equal(p->servers[0].argv[1], "s.mjs");
    assert_null(p->servers[0].argv[2]);
    assert_string_equal(p->servers[0].env[0], "TOKEN=t");
    assert_int_equal(p->servers[0].timeout_ms, 500);
    const wb__tool *t = wb__policy_tool(p, "gh.add");
    assert_int_equal(t->prov.kind, WB__PROV_MCP);
    assert_string_equal(t->prov.upstream, "add");
    assert_true(t->open_params);
    assert_false(wb__policy_tool(p, "gh.rm")->open_params);
    wb__policy_unref(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_classify),
        cmocka_unit_test(test_write),
        cmocka_unit_test(test_negotiate),
        cmocka_unit_test(test_lines),
        cmocka_unit_test(test_run_result),
        cmocka_unit_test(test_interrupt_without_run),
        cmocka_unit_test(test_interrupt_from_thread),
        cmocka_unit_test(test_typescript),
        cmocka_unit_test(test_policy_servers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
