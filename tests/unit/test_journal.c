/* Record and replay: the journal's codecs, its reader and writer, and
 * divergence reporting (docs/replay.md). */
#include <pthread.h>
#include <unistd.h>

#include "unit.h"
#include "journal/codec.h"
#include "journal/journal.h"

/* ---------------------------------------------------------------- helpers */

/* Expected digests and encodings come from the real tools (sha256sum,
 * base64) run on the same bytes, never from this file. */
static void tool_output(const char *cmd, const void *data, size_t n, char *out, size_t outsz)
{
    char path[] = "/tmp/wb-journal-codec-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, data, n), (ssize_t)n);
    close(fd);
    char line[512];
    snprintf(line, sizeof line, "%s %s", cmd, path);
    FILE *p = popen(line, "r");
    assert_non_null(p);
    size_t got = fread(out, 1, outsz - 1, p);
    out[got] = 0;
    pclose(p);
    unlink(path);
    out[strcspn(out, " \n")] = 0;
}

static char *temp_path(const char *tag)
{
    static int n;
    char *p = malloc(128);
    assert_non_null(p);
    snprintf(p, 128, "/tmp/wb-journal-%s-%d-%d.jsonl", tag, (int)getpid(), n++);
    return p;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = calloc(1, 1 << 20);
    assert_non_null(buf);
    size_t n = fread(buf, 1, (1 << 20) - 1, f);
    buf[n] = 0;
    fclose(f);
    return buf;
}

static void spit(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Records code in a fresh sandbox (cfg may carry a policy and tools) into
 * path; returns the run. */
static run_out record(wb_config *cfg, const char *path, const char *code)
{
    assert_int_equal(wb_config_set_journal_file(cfg, path), WB_OK);
    wb_sandbox *sb = new_sandbox(cfg);
    run_out o = run_js(sb, code);
    wb_free(sb);
    return o;
}

static wb_sandbox *replayer(const char *path, unsigned flags, wb_status want)
{
    wb_config *cfg;
    assert_int_equal(wb_config_new(&cfg), WB_OK);
    assert_int_equal(wb_config_set_replay_file(cfg, path, flags), WB_OK);
    wb_sandbox *sb = NULL;
    wb__rt_reinstall_handlers();
    wb_status st = wb_new(cfg, &sb);
    if (st != want)
        fprintf(stderr, "wb_new: %s: %s\n", wb_status_name(st), wb_errmsg(sb));
    assert_int_equal(st, want);
    wb_config_free(cfg);
    return sb;
}

/* Runs the next recorded run of a replaying sandbox. */
static run_out replay_next(wb_sandbox *sb)
{
    wb_lang lang;
    const char *code;
    size_t len;
    assert_int_equal(wb_replay_next(sb, &lang, &code, &len), WB_OK);
    assert_int_equal(lang, WB_JS);
    assert_int_equal(strlen(code), len);
    return run_js(sb, code);
}

/* Replaces the first occurrence of from with to in text (in place when
 * to is not longer; otherwise in a new buffer). */
static char *replace(char *text, const char *from, const char *to)
{
    char *at = strstr(text, from);
    assert_non_null(at);
    size_t n = strlen(text) - strlen(from) + strlen(to) + 1;
    char *o = malloc(n);
    assert_non_null(o);
    snprintf(o, n, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
    free(text);
    return o;
}

/* ---------------------------------------------------------------- codecs */

static void test_sha256_matches_sha256sum(void **state)
{
    (void)state;
    static const char *const inputs[] = { "", "abc", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                                          "exactly fifty-five bytes of text, which pads to 1 blk" };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        char want[200], got[65];
        tool_output("sha256sum", inputs[i], strlen(inputs[i]), want, sizeof want);
        wb__sha256_of(inputs[i], strlen(inputs[i]), got);
        assert_string_equal(got, want);
    }
    /* A million bytes, fed in odd pieces. */
    size_t n = 1000000;
    char *big = malloc(n);
    assert_non_null(big);
    for (size_t i = 0; i < n; i++)
        big[i] = (char)('a' + i % 7);
    char want[200], got[65];
    tool_output("sha256sum", big, n, want, sizeof want);
    wb__sha256 s;
    wb__sha256_init(&s);
    for (size_t at = 0; at < n;) {
        size_t k = (at * 7 + 13) % 131;
        if (k > n - at)
            k = n - at;
        wb__sha256_add(&s, big + at, k);
        at += k;
    }
    wb__sha256_hex(&s, got);
    assert_string_equal(got, want);
    free(big);
}

static void test_base64_matches_base64(void **state)
{
    (void)state;
    static const unsigned char bytes[] = { 0, 1, 0xfe, 0xff, 0x10, 'h', 'i', '!', 0x80 };
    for (size_t n = 0; n <= sizeof bytes; n++) {
        char want[64];
        tool_output("base64 -w0", bytes, n, want, sizeof want);
        size_t len;
        char *enc = wb__b64_encode(bytes, n, &len);
        assert_string_equal(enc, want);
        int bad;
        size_t dn;
        unsigned char *dec = wb__b64_decode(enc, len, &dn, &bad);
        assert_non_null(dec);
        assert_int_equal(dn, n);
        assert_memory_equal(dec, bytes, n);
        free(dec);
        free(enc);
    }
    static const char *const broken[] = { "A", "AB=C", "AAA*", "A===", "=AAA" };
    for (size_t i = 0; i < sizeof broken / sizeof broken[0]; i++) {
        int bad = 0;
        size_t dn;
        assert_null(wb__b64_decode(broken[i], strlen(broken[i]), &dn, &bad));
        assert_int_equal(bad, 1);
    }
}

/* ---------------------------------------------------------------- writer */

typedef struct {
    char text[65536];
    size_t len;
    int lines;
} sink;

static void to_sink(void *ud, const char *line, size_t len)
{
    sink *s = ud;
    assert_null(memchr(line, '\n', len));
    assert_true(s->len + len + 1 < sizeof s->text);
    memcpy(s->text + s->len, line, len);
    s->len += len;
    s->text[s->len++] = '\n';
    s->text[s->len] = 0;
    s->lines++;
}

static void test_sink_lines_and_replay(void **state)
{
    (void)state;
    sink s = {0};
    wb_config *cfg;
    assert_int_equal(wb_config_new(&cfg), WB_OK);
    assert_int_equal(wb_config_set_journal_sink(cfg, to_sink, &s), WB_OK);
    wb_sandbox *sb = new_sandbox(cfg);
    assert_int_equal(s.lines, 1); /* the header, at wb_new */
    assert_non_null(strstr(s.text, "{\"kind\":\"header\",\"format\":1,\"wasmbox\":\"" WB_VERSION "\""));
    run_out a = run_js(sb, "globalThis.x = Math.random(); [x, Date.now() > 0]");
    run_out b = run_js(sb, "x + Math.random() + Date.now()");
    wb_free(sb);
    wb_config_free(cfg);
    /* header, then per run: run, events, end. */
    const char *kinds[] = { "header", "run", "random", "clock", "end", "run", "random", "clock", "end" };
    const char *p = s.text;
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        char want[64];
        snprintf(want, sizeof want, "{\"kind\":\"%s\"", kinds[i]);
        assert_memory_equal(p, want, strlen(want));
        const char *nl = strchr(p, '\n');
        assert_non_null(nl);
        assert_memory_equal(nl - 76, ",\"chain\":\"", 10);
        p = nl + 1;
    }
    assert_int_equal(*p, 0);

    char *path = temp_path("sink");
    spit(path, s.text);
    wb_sandbox *rp = replayer(path, 0, WB_OK);
    run_out ra = replay_next(rp), rb = replay_next(rp);
    assert_int_equal(ra.status, WB_OK);
    assert_string_equal(ra.value, a.value);
    assert_int_equal(rb.status, WB_OK);
    assert_string_equal(rb.value, b.value);
    wb_lang lang;
    const char *code;
    size_t len;
    assert_int_equal(wb_replay_next(rp, &lang, &code, &len), WB_ESTATE);
    assert_string_equal(wb_replay_report(rp), "");
    run_free(&a); run_free(&b); run_free(&ra); run_free(&rb);
    wb_free(rp);
    unlink(path);
    free(path);
}

static void test_code_that_is_not_utf8(void **state)
{
    (void)state;
    char *path = temp_path("bytes");
    wb_config *cfg;
    assert_int_equal(wb_config_new(&cfg), WB_OK);
    /* A Latin-1 byte: stored as base64, replayed as the very same bytes
     * (QuickJS refuses them the same way both times). */
    run_out o = record(cfg, path, "'caf\xe9'.length");
    assert_int_equal(o.exit_code, 1);
    assert_non_null(strstr(o.err, "invalid UTF-8"));
    wb_config_free(cfg);
    char *text = slurp(path);
    assert_non_null(strstr(text, "\"code_base64\":\""));
    free(text);
    wb_sandbox *rp = replayer(path, 0, WB_OK);
    wb_lang lang;
    const char *code;
    size_t len;
    assert_int_equal(wb_replay_next(rp, &lang, &code, &len), WB_OK);
    assert_string_equal(code, "'caf\xe9'.length");
    run_out r = run_js(rp, code);
    assert_int_equal(r.status, WB_OK);
    assert_int_equal(r.exit_code, 1);
    assert_string_equal(r.err, o.err);
    run_free(&o); run_free(&r);
    wb_free(rp);
    unlink(path);
    free(path);
}

/* ---------------------------------------------------------------- tools */

static const char tool_policy[] =
    "{\"tools\": {\"lookup\": {\"description\": \"d\", \"provider\": {\"type\": \"callback\"},"
    " \"params\": {\"type\": \"object\", \"properties\": {\"k\": {\"type\": \"integer\"}}}},"
    " \"never\": {\"description\": \"d\", \"provider\": {\"type\": \"callback\"},"
    " \"constraints\": [{\"path\": \"k\", \"op\": \"==\", \"value\": -1}]}}}";

static int lookups;

static wb_status lookup(void *ud, const char *tool, const char *args, size_t len, wb_tool_reply *reply)
{
    (void)ud; (void)tool; (void)len;
    __atomic_add_fetch(&lookups, 1, __ATOMIC_RELAXED);
    if (strstr(args, "\"k\":3"))
        return wb_tool_reply_error(reply, "no such key 3");
    /* The answer changes from run to run: only the journal can replay it. */
    char json[64];
    snprintf(json, sizeof json, "{\"v\": %ld}", (long)rand());
    return wb_tool_reply_json(reply, json, strlen(json));
}

static wb_config *tool_config(void)
{
    wb_config *cfg;
    assert_int_equal(wb_config_new(&cfg), WB_OK);
    assert_int_equal(wb_config_set_policy(cfg, tool_policy, strlen(tool_policy), "p.json"), WB_OK);
    assert_int_equal(wb_config_add_tool(cfg, "lookup", lookup, NULL, WB_TOOL_CONCURRENT), WB_OK);
    assert_int_equal(wb_config_add_tool(cfg, "never", lookup, NULL, 0), WB_OK);
    return cfg;
}

static const char tool_script[] =
    "const r = await Promise.allSettled([1, 2, 3, 4].map(k => lookup({k})));\n"
    "let d; try { await never({k: 1}); } catch (e) { d = e.name + ': ' + e.message; }\n"
    "JSON.stringify([r.map(x => x.status === 'fulfilled' ? x.value.v : x.reason.message), d])";

static void test_tools_replay_without_callbacks(void **state)
{
    (void)state;
    char *path = temp_path("tools");
    wb_config *cfg = tool_config();
    run_out o = record(cfg, path, tool_script);
    wb_config_free(cfg);
    assert_int_equal(o.status, WB_OK);
    assert_non_null(strstr(o.value, "no such key 3"));
    assert_non_null(strstr(o.value, "ToolDeniedError"));

    /* No callbacks registered, no policy given: the recorded policy and
     * results serve. */
    int before = lookups;
    wb_sandbox *rp = replayer(path, 0, WB_OK);
    run_out r = replay_next(rp);
    assert_int_equal(r.status, WB_OK);
    assert_string_equal(r.value, o.value);
    assert_int_equal(lookups, before);
    run_free(&r);
    wb_free(rp);

    /* Continuing live needs the callbacks: without them wb_new says so. */
    rp = replayer(path, WB_REPLAY_CONTINUE_LIVE, WB_EPOLICY);
    assert_non_null(strstr(wb_errmsg(rp), "no callback is registered"));
    wb_free(rp);
    run_free(&o);
    unlink(path);
    free(path);
}

static void test_step_api_recording(void **state)
{
    (void)state;
    char *path = temp_path("step");
    wb_config *cfg = tool_config();
    assert_int_equal(wb_config_set_journal_file(cfg, path), WB_OK);
    wb_sandbox *sb = new_sandbox(cfg);
    const char *code = "const [a, b] = await Promise.all([lookup({k: 1}), lookup({k: 2}).catch(e => e.name)]); [a, b]";
    wb_result *res = NULL;
    wb_status st = wb_start(sb, WB_JS, code, strlen(code), &res);
    assert_int_equal(st, WB_PENDING);
    assert_int_equal(wb_pending_count(sb), 2);
    assert_int_equal(wb_submit_result(sb, 0, "{\"human\": true}", 15), WB_OK);
    assert_int_equal(wb_submit_deny(sb, 1, "not today"), WB_OK);
    st = wb_step(sb, &res);
    assert_int_equal(st, WB_OK);
    assert_string_equal(wb_result_value(res), "[{\"human\":true},\"ToolDeniedError\"]");
    wb_result_free(res);
    wb_free(sb);
    wb_config_free(cfg);

    wb_sandbox *rp = replayer(path, 0, WB_OK);
    run_out r = replay_next(rp);
    assert_int_equal(r.status, WB_OK);
    assert_string_equal(r.value, "[{\"human\":true},\"ToolDeniedError\"]");
    run_free(&r);
    wb_free(rp);
    unlink(path);
    free(path);
}

/* ---------------------------------------------------------------- divergence */

static void test_divergence_reports(void **state)
{
    (void)state;
    char *path = temp_path("div");
    wb_config *cfg;
    assert_int_equal(wb_config_new(&cfg), WB_OK);
    run_out o = record(cfg, path, "console.log('r', Math.random()); Date.now()");
    wb_config_free(cfg);
    run_free(&o);

    /* Other code: refused before it runs, with both sides. */
    wb_sandbox *rp = replayer(path, 0, WB_OK);
    run_out r = run_js(rp, "1 + 1");
    assert_int_equal(r.status, WB_EDIVERGED);
    assert_string_equal(r.out, "");
    const char *m = wb_errmsg(rp);
    assert_non_null(strstr(m, "replay diverged at event 1 ("));
    assert_non_null(strstr(m, "line 2, run, run 1): different code or language; recorded: run 1: lang 1, code sha256"));
    assert_non_null(strstr(m, "now: run 1: lang 1, code sha256"));
    assert_string_equal(wb_replay_report(rp), m);
    run_free(&r);
    /* After a strict divergence nothing more is replayed. */
    r = run_js(rp, "1");
    assert_int_equal(r.status, WB_EDIVERGED);
    assert_non_null(strstr(wb_errmsg(rp), "already diverged"));
    run_free(&r);
    wb_free(rp);

    /* An event the recording lacks: the random line removed (the chain
     * ignored on purpose).  The run stops there and is rolled back. */
    char *text = slurp(path);
    char *rnd = strstr(text, "{\"kind\":\"random\"");
    assert_non_null(rnd);
    char *nl = strchr(rnd, '\n');
    memmove(rnd, nl + 1, strlen(nl + 1) + 1);
    char *cut = temp_path("cut");
    spit(cut, text);
    rp = replayer(cut, 0, WB_EDIVERGED);
    assert_non_null(strstr(wb_errmsg(rp), "line 3: hash chain broken"));
    wb_free(rp);
    rp = replayer(cut, WB_REPLAY_IGNORE_CHAIN, WB_OK);
    r = replay_next(rp);
    assert_int_equal(r.status, WB_EDIVERGED);
    m = wb_errmsg(rp);
    assert_non_null(strstr(m, "line 3, clock, run 1): a different kind of event; recorded: {\"kind\":\"clock\",\"clock\":0,"));
    assert_non_null(strstr(m, "now: {\"kind\":\"random\",\"length\":8}"));
    assert_non_null(strstr(m, "restored to its state before this run"));
    assert_null(strstr(m, "\"chain\""));
    run_free(&r);
    wb_free(rp);

    /* The same with WB_REPLAY_CONTINUE_LIVE: the run completes live, the
     * report stays. */
    rp = replayer(cut, WB_REPLAY_IGNORE_CHAIN | WB_REPLAY_CONTINUE_LIVE, WB_OK);
    r = replay_next(rp);
    assert_int_equal(r.status, WB_OK);
    assert_non_null(strstr(r.out, "r 0."));
    assert_non_null(strstr(wb_replay_report(rp), "a different kind of event"));
    run_free(&r);
    wb_free(rp);
    free(text);
    unlink(cut);
    free(cut);

    /* A changed random value: only the outcome can tell. */
    text = slurp(path);
    char *b = strstr(text, "\"bytes\":\"");
    assert_non_null(b);
    /* All 8 bytes: Math.random uses the top 53 bits only. */
    memcpy(b + 9, memcmp(b + 9, "AAAAAAAAAAA=", 12) ? "AAAAAAAAAAA=" : "AAAAAAAAAAB=", 12);
    char *ed = temp_path("ed");
    spit(ed, text);
    rp = replayer(ed, WB_REPLAY_IGNORE_CHAIN, WB_OK);
    r = replay_next(rp);
    assert_int_equal(r.status, WB_EDIVERGED);
    assert_non_null(strstr(wb_errmsg(rp), "end, run 1): the run ended differently: stdout differs; recorded: "));
    run_free(&r);
    wb_free(rp);
    free(text);
    unlink(ed);
    free(ed);
    unlink(path);
    free(path);
}

static void test_reader_errors(void **state)
{
    (void)state;
    wb_config *cfg;
    assert_int_equal(wb_config_new(&cfg), WB_OK);
    assert_int_equal(wb_config_set_replay_file(cfg, "/nonexistent/j.jsonl", 0), WB_OK);
    wb_sandbox *sb = NULL;
    assert_int_equal(wb_new(cfg, &sb), WB_EIO);
    assert_non_null(strstr(wb_errmsg(sb), "cannot open the journal /nonexistent/j.jsonl"));
    wb_free(sb);
    /* Recording and replaying at once is refused. */
    assert_int_equal(wb_config_set_journal_file(cfg, "/tmp/x.jsonl"), WB_OK);
    assert_int_equal(wb_new(cfg, &sb), WB_EINVAL);
    assert_non_null(strstr(wb_errmsg(sb), "cannot record a journal and replay one at once"));
    wb_free(sb);
    assert_int_equal(wb_config_set_replay_file(cfg, "x", 99), WB_EINVAL);
    wb_config_free(cfg);

    char *path = temp_path("bad");
    spit(path, "not json\n");
    sb = replayer(path, 0, WB_EINVAL);
    assert_non_null(strstr(wb_errmsg(sb), "line 1: not valid JSON"));
    wb_free(sb);
    spit(path, "{\"kind\":\"run\"}\n");
    sb = replayer(path, 0, WB_EINVAL);
    assert_non_null(strstr(wb_errmsg(sb), "does not end with its \"chain\" field"));
    wb_free(sb);

    /* A future format is named, not guessed at. */
    assert_int_equal(wb_config_new(&cfg), WB_OK);
    run_out o = record(cfg, path, "1");
    wb_config_free(cfg);
    run_free(&o);
    char *text = replace(slurp(path), "\"format\":1", "\"format\":2");
    spit(path, text);
    free(text);
    sb = replayer(path, WB_REPLAY_IGNORE_CHAIN, WB_EINVAL);
    assert_non_null(strstr(wb_errmsg(sb), "format 2 is not one this wasmbox reads (format 1)"));
    wb_free(sb);
    unlink(path);
    free(path);
}

static void test_policy_mismatch_and_limits(void **state)
{
    (void)state;
    char *path = temp_path("pol");
    wb_config *cfg = tool_config();
    assert_int_equal(wb_config_set_time_limit(cfg, 100), WB_OK);
    run_out o = record(cfg, path, "for (;;) {}");
    assert_int_equal(o.status, WB_ETIMEOUT);
    wb_config_free(cfg);
    run_free(&o);
    /* The time stop replays at the same check, with the recorded limit. */
    wb_sandbox *rp = replayer(path, 0, WB_OK);
    run_out r = replay_next(rp);
    assert_int_equal(r.status, WB_ETIMEOUT);
    assert_non_null(strstr(wb_errmsg(rp), "time limit 100 ms"));
    assert_string_equal(wb_replay_report(rp), "");
    run_free(&r);
    wb_free(rp);
    /* Another policy on the replaying config is a divergence at the header. */
    const char *other = "{\"tools\": {}}";
    assert_int_equal(wb_config_new(&cfg), WB_OK);
    assert_int_equal(wb_config_set_policy(cfg, other, strlen(other), "o.json"), WB_OK);
    assert_int_equal(wb_config_set_replay_file(cfg, path, 0), WB_OK);
    wb_sandbox *sb = NULL;
    assert_int_equal(wb_new(cfg, &sb), WB_EDIVERGED);
    assert_non_null(strstr(wb_errmsg(sb), "event 0 ("));
    assert_non_null(strstr(wb_errmsg(sb), "line 1, header): the sandbox's policy is not the recorded one"));
    wb_free(sb);
    wb_config_free(cfg);
    unlink(path);
    free(path);
}

/* The shell's synchronous `tool` calls (src/tool_argv.c), driven on the
 * host directly: this build's guest may not have the shell. */
typedef struct {
    wb__journal *j;
    wb__tools t;
    wb__host h;
} shell_host;

static void shell_open(shell_host *s, const wb__journal_opts *jo, int with_policy)
{
    char err[512];
    wb__tool_opts o = {0};
    wb__toolcb cbs[2] = { { "lookup", lookup, NULL, 0 }, { "never", lookup, NULL, 0 } };
    if (with_policy) {
        o.policy = wb__policy_load(tool_policy, strlen(tool_policy), "p.json", err, sizeof err);
        assert_non_null(o.policy);
        o.cbs = cbs;
        o.ncbs = 2;
    }
    memset(s, 0, sizeof *s);
    wb__options_default(&s->h.opt);
    const wb__tool_opts *to = &o;
    wb__tool_opts buf;
    if (wb__journal_new(&s->j, jo, &s->h.opt, &to, &buf, err, sizeof err) != WB_OK)
        fail_msg("wb__journal_new: %s", err);
    assert_int_equal(wb__tools_init(&s->t, to, err, sizeof err), WB_OK);
    wb__policy_unref(o.policy);
    wb__tools_begin_run(&s->t);
    s->h.tools = &s->t;
    s->h.journal = s->j;
    char msg[512];
    assert_int_equal(wb__journal_run_begin(s->j, 2, "tool lookup", 11, msg, sizeof msg), WB_OK);
}

static char *shell_call(shell_host *s, const char *req, size_t len)
{
    wb__str out = {0};
    assert_int_equal(wb__tool_argv(&s->h, req, len, &out), 0);
    return out.s;
}

static void shell_close(shell_host *s)
{
    char msg[512];
    wb__journal_end e = { WB_OK, 0, "", "", NULL, 0, 0, 0 };
    wb__journal_run_end(s->j, &e, msg, sizeof msg);
    wb__journal_free(s->j);
    wb__tools_free(&s->t);
}

static void test_shell_tool_calls(void **state)
{
    (void)state;
    static const char k1[] = "lookup\0--k\0" "1", k3[] = "lookup\0--k\0" "3", deny[] = "never\0--json\0{}";
    sink out = {0};
    wb__journal_opts jo = {0};
    jo.record_fn = to_sink;
    jo.record_ud = &out;
    shell_host s;
    shell_open(&s, &jo, 1);
    char *a = shell_call(&s, k1, sizeof k1), *b = shell_call(&s, k3, sizeof k3), *c = shell_call(&s, deny, sizeof deny);
    shell_close(&s);
    assert_memory_equal(a, "0{\"v\":", 6);
    assert_string_equal(b, "1ToolError: no such key 3");
    assert_memory_equal(c, "1ToolDeniedError: ", 18);
    char *path = temp_path("shell");
    spit(path, out.text);

    /* Replayed: the same answers, no callback runs, no policy given. */
    int before = lookups;
    wb__journal_opts rj = {0};
    rj.replay_path = path;
    shell_open(&s, &rj, 0);
    char *ra = shell_call(&s, k1, sizeof k1), *rb = shell_call(&s, k3, sizeof k3), *rc = shell_call(&s, deny, sizeof deny);
    assert_string_equal(ra, a);
    assert_string_equal(rb, b);
    assert_string_equal(rc, c);
    assert_int_equal(lookups, before);
    assert_string_equal(wb__journal_report(s.j), "");
    shell_close(&s);

    /* Another call than the recorded one: a divergence naming both. */
    shell_open(&s, &rj, 0);
    free(shell_call(&s, k1, sizeof k1));
    free(shell_call(&s, k1, sizeof k1));
    const char *m = wb__journal_report(s.j);
    assert_non_null(strstr(m, "the guest sent a different batch of tool calls; recorded: "
                              "{\"kind\":\"tools\",\"calls\":[{\"id\":1,\"tool\":\"lookup\",\"args\":{\"k\":3}}]"));
    assert_non_null(strstr(m, "now: {\"kind\":\"tools\",\"calls\":[{\"id\":1,\"tool\":\"lookup\",\"args\":{\"k\":1}}]"));
    assert_int_equal(lookups, before);
    shell_close(&s);
    free(a); free(b); free(c); free(ra); free(rb); free(rc);
    unlink(path);
    free(path);
}

static void *interrupt_later(void *arg)
{
    struct timespec ts = { 0, 150 * 1000000 };
    nanosleep(&ts, NULL);
    wb_interrupt(arg);
    return NULL;
}

static void test_interrupt_replays_at_the_same_check(void **state)
{
    (void)state;
    char *path = temp_path("intr");
    wb_config *cfg;
    assert_int_equal(wb_config_new(&cfg), WB_OK);
    assert_int_equal(wb_config_set_journal_file(cfg, path), WB_OK);
    wb_sandbox *sb = new_sandbox(cfg);
    pthread_t th;
    assert_int_equal(pthread_create(&th, NULL, interrupt_later, sb), 0);
    run_out o = run_js(sb, "let n = 0; for (;;) { if (++n % 100000 == 0) console.log(n, Math.random() < 1); }");
    pthread_join(th, NULL);
    assert_int_equal(o.status, WB_EINTERRUPT);
    wb_free(sb);
    wb_config_free(cfg);
    char *text = slurp(path);
    assert_non_null(strstr(text, "{\"kind\":\"interrupt\",\"check\":"));
    free(text);
    wb_sandbox *rp = replayer(path, 0, WB_OK);
    run_out r = replay_next(rp);
    assert_int_equal(r.status, WB_EINTERRUPT);
    assert_string_equal(r.out, o.out);
    assert_string_equal(wb_replay_report(rp), "");
    run_free(&o); run_free(&r);
    wb_free(rp);
    unlink(path);
    free(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sha256_matches_sha256sum),
        cmocka_unit_test(test_base64_matches_base64),
        cmocka_unit_test(test_sink_lines_and_replay),
        cmocka_unit_test(test_code_that_is_not_utf8),
        cmocka_unit_test(test_tools_replay_without_callbacks),
        cmocka_unit_test(test_step_api_recording),
        cmocka_unit_test(test_divergence_reports),
        cmocka_unit_test(test_reader_errors),
        cmocka_unit_test(test_policy_mismatch_and_limits),
        cmocka_unit_test(test_interrupt_replays_at_the_same_check),
        cmocka_unit_test(test_shell_tool_calls),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
