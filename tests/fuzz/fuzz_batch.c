/* libFuzzer target: tool-call batches from the guest (src/tools.c).
 *
 * A fixed policy (builtin echo/fail tools with schemas, constraints,
 * budgets and redaction, and one callback tool).  Input:
 *     FLAGS BATCH [\0 ANSWER [\0 ANSWER ...]]
 * BATCH goes to wb__tools_take_batch exactly as a guest would send it.
 * Every waiting call is then answered with the next ANSWER (cyclically):
 *     "!msg"  wb__tools_answer(ok=0, msg)          (a tool error)
 *     "?msg"  wb__tools_answer(ok=0, msg, denied)  (the host denies)
 *     "="     wb__tools_run_call (runs the builtin/callback provider; the
 *             callback replies with the following ANSWER, unchecked)
 *     other   wb__tools_answer(ok=1, ANSWER as JSON)
 * (no ANSWER at all: every call runs its provider).  FLAGS bits: 1 a second
 * batch (the same text) after the first, 2 a new run in between, 4 leave
 * the last waiting call unanswered, 8 wb__tools_run_all instead.
 *
 * Checked: the waiting count and indices agree with the calls' states;
 * denied calls are answered and hidden; an answered call cannot be
 * answered again; allowed calls pass the policy on their canonical text;
 * budgets hold; every audit line is a JSON object; and the results text
 * (what the guest resumes with) is always valid JSON of the expected
 * shape.  Any violation aborts. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "policy.h"
#include "tools.h"
#include "fuzz_util.h"

#define CHECK(cond, ...)                                                       \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "fuzz_batch: check failed: %s\n  ", #cond);        \
            fprintf(stderr, __VA_ARGS__);                                      \
            fprintf(stderr, "\n");                                             \
            abort();                                                           \
        }                                                                      \
    } while (0)

static const char policy_text[] =
    "{\"version\": 1,\n"
    " \"budgets\": {\"max_calls\": 40, \"max_calls_per_run\": 20},\n"
    " \"tools\": {\n"
    "  \"echo\": {\"description\": \"Echo\", \"provider\": {\"type\": \"builtin\", \"name\": \"echo\"},\n"
    "    \"params\": {\"type\": \"object\", \"properties\": {\n"
    "      \"a\": {\"type\": \"number\", \"minimum\": -1000, \"maximum\": 1000},\n"
    "      \"s\": {\"type\": \"string\", \"maxLength\": 32},\n"
    "      \"n\": {\"type\": \"integer\"},\n"
    "      \"e\": {\"enum\": [\"x\", \"y\", 3, null]},\n"
    "      \"l\": {\"type\": \"array\", \"items\": {\"type\": \"integer\"}, \"maxItems\": 4},\n"
    "      \"o\": {\"type\": \"object\", \"additionalProperties\": true},\n"
    "      \"secret\": {\"type\": \"string\"}}},\n"
    "    \"constraints\": [{\"path\": \"a\", \"op\": \"<=\", \"value\": 100},\n"
    "      {\"any_of\": [{\"path\": \"s\", \"op\": \"starts_with\", \"value\": \"ok\"},\n"
    "                  {\"path\": \"s\", \"op\": \"not_exists\"}]},\n"
    "      {\"not\": {\"path\": \"o.k[1]\", \"op\": \"==\", \"value\": \"bad\"}}],\n"
    "    \"redact\": [\"secret\"]},\n"
    "  \"fail\": {\"provider\": {\"type\": \"builtin\", \"name\": \"fail\"}},\n"
    "  \"any\": {\"provider\": {\"type\": \"builtin\", \"name\": \"echo\"},\n"
    "    \"params\": {\"type\": \"object\", \"additionalProperties\": true},\n"
    "    \"max_calls\": 5, \"max_calls_per_run\": 3, \"redact\": [\"k\"]},\n"
    "  \"cb\": {\"provider\": {\"type\": \"callback\"},\n"
    "    \"params\": {\"type\": \"object\", \"required\": [\"q\"],\n"
    "      \"properties\": {\"q\": {\"type\": \"string\", \"minLength\": 1}}}},\n"
    "  \"strict.tool-1\": {\"provider\": {\"type\": \"builtin\", \"name\": \"echo\"},\n"
    "    \"params\": {\"type\": \"object\", \"properties\": {\"v\": {\"type\": \"boolean\"}}, \"required\": [\"v\"]},\n"
    "    \"constraints\": [{\"path\": \"v\", \"op\": \"==\", \"value\": true}]}\n"
    " }}";

/* The answers of the current input, cycled through. */
static const char *const *answers;
static const size_t *answer_lens;
static size_t nanswers, next_answer;

static size_t take_answer(void)
{
    size_t k = next_answer % nanswers;
    next_answer++;
    return k;
}

static int cb_calls;
static wb_status cb_fn(void *ud, const char *tool, const char *args, size_t len, wb_tool_reply *reply)
{
    CHECK(ud == &cb_calls, "callback user data");
    CHECK(!strcmp(tool, "cb"), "callback called for tool \"%s\"", tool);
    CHECK(strlen(args) == len, "callback arguments not NUL-terminated at their length");
    cb_calls++;
    if (!nanswers)
        return wb_tool_reply_json(reply, args, len);
    size_t k = take_answer();
    const char *a = answers[k];
    size_t n = answer_lens[k];
    if (n && a[0] == '!') {
        char *msg = malloc(n);
        memcpy(msg, a + 1, n - 1);
        msg[n - 1] = 0;
        wb_status st = wb_tool_reply_error(reply, msg);
        free(msg);
        return st;
    }
    if (n && a[0] == '-')
        return WB_OK; /* no reply at all */
    return wb_tool_reply_json(reply, a, n);
}

#ifdef FUZZ_SKIP_KNOWN_BUGS
/* For looking past the bugs this target has already found (compile with
 * -DFUZZ_SKIP_KNOWN_BUGS; run.sh never does): inputs that would only hit
 * them again are skipped or tolerated.  See tests/fuzz/regressions/batch/. */

static int hits_known_bug(char **seg, const size_t *len, size_t nseg)
{
    wb__json *root;
    char err[200];
    wb__jdoc *d = wb__json_parse(seg[0], len[0], &root, err, sizeof err);
    int bad = 0;
    /* ids that do not fit a uint64_t: tools.c casts them anyway (UB). */
    for (size_t i = 0; d && root->type == WB_JARR && i < root->u.arr.n; i++) {
        const wb__json *id = wb__json_get(root->u.arr.v[i], "id");
        if (id && id->type == WB_JNUM && !(id->u.num.d > -1.0 && id->u.num.d < 18446744073709551616.0))
            bad = 1;
    }
    wb__json_free(d);
    for (size_t i = 1; i < nseg; i++) {
        /* A byte order mark before an answer's JSON. */
        const char *a = seg[i];
        size_t n = len[i];
        if (n && (a[0] == '!' || a[0] == '?' || a[0] == '-'))
            a++, n--;
        if (n >= 3 && !memcmp(a, "\xEF\xBB\xBF", 3))
            bad = 1;
    }
    return bad;
}

/* Messages that are not UTF-8 reach the audit log and the results as they
 * are: replace such bytes with '?' before the strict parse. */
static void tolerate(char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t k = 1;
        while (k <= 4 && i + k <= n && !valid_utf8((const unsigned char *)s + i, k))
            k++;
        if (k > 4 || i + k > n) {
            s[i++] = '?';
            continue;
        }
        i += k;
    }
}
#endif

static int audit_lines;
static void audit_fn(void *ud, const char *line, size_t len)
{
    (void)ud;
    audit_lines++;
    CHECK(len > 0 && line[len - 1] == '\n', "audit line does not end with a newline");
    CHECK(memchr(line, '\n', len) == line + len - 1, "audit line contains a raw newline: %.*s", (int)len, line);
    wb__json *root;
    char err[200];
    char *copy = malloc(len);
    memcpy(copy, line, len);
#ifdef FUZZ_SKIP_KNOWN_BUGS
    tolerate(copy, len);
#endif
    wb__jdoc *d = wb__json_parse(copy, len, &root, err, sizeof err);
    CHECK(d, "audit line is not JSON (%s): %.*s", err, (int)len, line);
    CHECK(root->type == WB_JOBJ, "audit line is not an object");
    const wb__json *dec = wb__json_get(root, "decision");
    CHECK(dec && dec->type == WB_JSTR && (!strcmp(dec->u.str.s, "allow") || !strcmp(dec->u.str.s, "deny")),
          "audit decision");
    CHECK(wb__json_get(root, "tool") && wb__json_get(root, "args") && wb__json_get(root, "time"), "audit fields");
    const wb__json *args = wb__json_get(root, "args");
    const wb__json *secret = wb__json_get(args, "secret");
    const wb__json *tool = wb__json_get(root, "tool");
    if (secret && tool->type == WB_JSTR && !strcmp(tool->u.str.s, "echo"))
        CHECK(secret->type == WB_JSTR && !strcmp(secret->u.str.s, "[redacted]"), "secret not redacted: %.*s",
              (int)len, line);
    wb__json_free(d);
    free(copy);
}

static wb__policy *policy;
static wb__toolcb cbs[1];
static wb__tool_opts opts;

static void setup(void)
{
    char err[512];
    policy = wb__policy_load(policy_text, strlen(policy_text), "batch.json", err, sizeof err);
    if (!policy) {
        fprintf(stderr, "fuzz_batch: the fixed policy does not load: %s\n", err);
        abort();
    }
    cbs[0].name = (char *)"cb";
    cbs[0].fn = cb_fn;
    cbs[0].ud = &cb_calls;
    cbs[0].flags = 0;
    opts.policy = policy;
    opts.cbs = cbs;
    opts.ncbs = 1;
    opts.audit_fn = audit_fn;
}

static void check_results(char *text, size_t len, size_t ncalls)
{
    wb__json *root;
    char err[200];
#ifdef FUZZ_SKIP_KNOWN_BUGS
    tolerate(text, len);
#endif
    wb__jdoc *d = wb__json_parse(text, len, &root, err, sizeof err);
    CHECK(d, "results are not valid JSON (%s):\n  %.*s", err, (int)(len > 2000 ? 2000 : len), text);
    CHECK(root->type == WB_JARR && root->u.arr.n == ncalls, "results: %zu entries for %zu calls", root->u.arr.n,
          ncalls);
    for (size_t i = 0; i < root->u.arr.n; i++) {
        const wb__json *e = root->u.arr.v[i];
        CHECK(e->type == WB_JOBJ, "result %zu is not an object", i);
        const wb__json *id = wb__json_get(e, "id"), *ok = wb__json_get(e, "ok");
        CHECK(id && id->type == WB_JNUM && id->u.num.is_int, "result %zu: id", i);
        CHECK(ok && ok->type == WB_JBOOL, "result %zu: ok", i);
        if (ok->u.b) {
            CHECK(wb__json_get(e, "value") && e->u.obj.n == 3, "result %zu: value", i);
        } else {
            const wb__json *er = wb__json_get(e, "error");
            CHECK(er && er->type == WB_JOBJ && e->u.obj.n == 3, "result %zu: error", i);
            const wb__json *name = wb__json_get(er, "name"), *msg = wb__json_get(er, "message");
            CHECK(name && name->type == WB_JSTR &&
                      (!strcmp(name->u.str.s, "ToolDeniedError") || !strcmp(name->u.str.s, "ToolError")),
                  "result %zu: error name", i);
            CHECK(msg && msg->type == WB_JSTR, "result %zu: error message", i);
        }
    }
    wb__json_free(d);
}

static void check_state(wb__tools *t, size_t waiting)
{
    size_t visible = 0, w = 0;
    for (size_t k = 0; k < t->ncalls; k++) {
        const wb__call *c = &t->calls[k];
        CHECK(c->state == WB__CALL_WAITING || c->state == WB__CALL_ANSWERED, "call %zu: state %d", k, c->state);
        CHECK(c->name, "call %zu without a name", k);
        if (c->hidden) {
            CHECK(c->state == WB__CALL_ANSWERED && !c->reply.ok && c->error_name &&
                      !strcmp(c->error_name, "ToolDeniedError"),
                  "a denied call is not answered as denied");
            continue;
        }
        visible++;
        if (c->state != WB__CALL_WAITING)
            continue;
        w++;
        /* Allowed: a real tool, canonical arguments that pass the policy. */
        CHECK(c->tool && c->args && c->args_v, "allowed call %zu lacks its tool or arguments", k);
        CHECK(strlen(c->args) == c->args_len, "canonical arguments contain NUL");
        wb__json *root;
        char err[200];
        wb__jdoc *d = wb__json_parse(c->args, c->args_len, &root, err, sizeof err);
        CHECK(d && wb__json_equal(root, c->args_v), "canonical arguments do not read back");
        wb__str why = {0};
        CHECK(wb__policy_check(c->tool, root, &why), "allowed call fails the policy: %s", why.s ? why.s : "");
        wb__str_free(&why);
        wb__json_free(d);
    }
    CHECK(w == waiting && wb__tools_waiting_count(t) == waiting, "waiting %zu, counted %zu", waiting, w);
    for (size_t i = 0; i < visible; i++) {
        size_t k = wb__tools_waiting(t, i);
        CHECK(k < t->ncalls && !t->calls[k].hidden, "wb__tools_waiting(%zu) = %zu", i, k);
    }
    CHECK(wb__tools_waiting(t, visible) == SIZE_MAX, "wb__tools_waiting past the end");
    /* Budgets. */
    const wb__policy *p = t->opt.policy;
    CHECK(t->total_session <= p->max_calls && t->total_run <= p->max_calls_per_run, "global budget exceeded");
    for (size_t i = 0; i < p->ntools; i++)
        CHECK(t->used_session[i] <= p->tools[i].max_calls && t->used_run[i] <= p->tools[i].max_calls_per_run,
              "budget of tool \"%s\" exceeded", p->tools[i].name);
}

static void answer_all(wb__tools *t, int flags)
{
    size_t last = SIZE_MAX;
    for (size_t k = 0; k < t->ncalls; k++)
        if (t->calls[k].state == WB__CALL_WAITING)
            last = k;
    if (flags & 8) {
        wb__tools_run_all(t);
    } else {
        for (size_t k = 0; k < t->ncalls; k++) {
            wb__call *c = &t->calls[k];
            if (c->state != WB__CALL_WAITING)
                continue;
            if ((flags & 4) && k == last)
                break;
            if (!nanswers) {
                wb__tools_run_call(t, k);
            } else {
                size_t a = take_answer();
                const char *s = answers[a];
                size_t n = answer_lens[a];
                wb_status st;
                if (n && (s[0] == '!' || s[0] == '?'))
                    st = wb__tools_answer(t, k, 0, s + 1, n - 1, s[0] == '?');
                else if (n == 1 && s[0] == '=')
                    wb__tools_run_call(t, k), st = WB_OK;
                else
                    st = wb__tools_answer(t, k, 1, s, n, 0);
                CHECK(st == WB_OK, "wb__tools_answer: %d", (int)st);
            }
            CHECK(c->state == WB__CALL_ANSWERED, "call %zu still waiting after its answer", k);
            CHECK(c->reply.ok ? c->reply.value != NULL : c->reply.error != NULL, "answer without text");
            CHECK(wb__tools_answer(t, k, 1, "1", 1, 0) == WB_ESTATE, "a call was answered twice");
            if (c->reply.ok && c->tool->prov.kind == WB__PROV_BUILTIN && c->tool->prov.builtin == WB__BUILTIN_ECHO &&
                (!nanswers))
                CHECK(c->reply.value_len == c->args_len && !memcmp(c->reply.value, c->args, c->args_len),
                      "echo did not return its arguments");
        }
    }
}

static void one_batch(wb__tools *t, const char *batch, size_t blen, int flags)
{
    size_t waiting = wb__tools_take_batch(t, batch, blen);
    check_state(t, waiting);
    answer_all(t, flags);
    size_t ncalls = t->ncalls;
    wb__str out = {0};
    wb__tools_results(t, &out);
    CHECK(!out.oom && out.s, "results ran out of memory");
    check_results(out.s, out.len, ncalls);
    CHECK(t->ncalls == 0 && t->calls == NULL, "results did not clear the batch");
    wb__str_free(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!policy)
        setup();
    if (size < 1)
        return 0;
    int flags = data[0];
    data++, size--;

    /* Split into the batch and the answers; each piece an exact-size copy. */
    size_t nseg = 1;
    for (size_t i = 0; i < size; i++)
        nseg += data[i] == 0;
    char **seg = calloc(nseg, sizeof *seg);
    size_t *len = calloc(nseg, sizeof *len);
    size_t s = 0, start = 0;
    for (size_t i = 0; i <= size; i++) {
        if (i == size || data[i] == 0) {
            len[s] = i - start;
            seg[s] = malloc(len[s] ? len[s] : 1);
            if (len[s])
                memcpy(seg[s], data + start, len[s]);
            s++;
            start = i + 1;
        }
    }
#ifdef FUZZ_SKIP_KNOWN_BUGS
    if (hits_known_bug(seg, len, nseg)) {
        for (size_t i = 0; i < nseg; i++)
            free(seg[i]);
        free(seg);
        free(len);
        return 0;
    }
#endif
    answers = (const char *const *)(seg + 1);
    answer_lens = len + 1;
    nanswers = nseg - 1;
    next_answer = 0;

    wb__tools t;
    char msg[256];
    wb_status st = wb__tools_init(&t, &opts, msg, sizeof msg);
    CHECK(st == WB_OK, "wb__tools_init: %s", msg);
    one_batch(&t, seg[0], len[0], flags);
    if (flags & 1) {
        if (flags & 2)
            wb__tools_begin_run(&t);
        one_batch(&t, seg[0], len[0], flags);
    }
    wb__tools_free(&t);

    for (size_t i = 0; i < nseg; i++)
        free(seg[i]);
    free(seg);
    free(len);
    return 0;
}
