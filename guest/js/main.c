/* The JavaScript half of the guest: QuickJS embedded behind the exports the
 * host calls (see guest/rt/host.h and src/sandbox.c).
 *
 * Lifecycle: the host calls wb_guest_init() once per process on a fresh
 * instance and snapshots linear memory afterwards; every sandbox starts from
 * that snapshot, so nothing here may depend on per-sandbox facts (time,
 * randomness) at init.  Each run then evaluates one script in the same
 * global context, which is why globals survive from one run to the next. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wasi/api.h>

#include "quickjs.h"
#include "../rt/host.h"
#include "../rt/selftest.h"
#include "fs.h"

/* Added to quickjs.c by tools/patch-quickjs.sh: frees queued jobs unrun. */
void JS_DropPendingJobs(JSRuntime *rt);
#include "prelude.h" /* generated: wb_inspect_js[], wb_prelude_js[], wb_tools_js[] and their _len */

/* QuickJS measures its stack from the frame address at JS_NewRuntime, which
 * runs near the top of the 1 MiB shadow stack (--stack-first).  Leaving
 * 128 KiB below its limit for C code (regexp, dtoa, libc) makes QuickJS's
 * own RangeError fire before the wasm stack runs out. */
#define WB_JS_STACK_SIZE (1024 * 1024 - 128 * 1024)

/* Unhandled rejections seen during a run: node treats them as fatal. */
#define WB_MAX_REJECTIONS 64

static JSRuntime *rt;
static JSContext *ctx;
static JSValue prelude; /* object returned by prelude.js: inspect, formatError, ... */
static JSValue bridge;  /* object returned by tools.js: install, takeBatch, resolveBatch */
static JSValue run_promise = JS_UNDEFINED; /* the running script's top-level promise */

/* Set when the host asked us to stop (a limit): the uncatchable
 * "interrupted" error then unwinds the script without being reported as
 * the script's own exception; the host reports the limit instead. */
static int interrupted;
static int cleaning; /* our own cleanup after a stop must not be stopped */

static struct {
    JSValue promise, reason;
} rejections[WB_MAX_REJECTIONS];
static int nrejections;

static void write_all(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w <= 0)
            return; /* the host stopped taking output (cap): nothing to do */
        s += w;
        n -= (size_t)w;
    }
}

/* Writes s, replacing lone UTF-16 surrogates (which QuickJS encodes as the
 * invalid UTF-8 sequences ED A0..BF xx) by U+FFFD, as node does: output
 * must stay valid UTF-8 for the host and for --json. */
static void write_utf8(int fd, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i + 2 < n; i++) {
        if ((unsigned char)s[i] == 0xED && ((unsigned char)s[i + 1] & 0xE0) == 0xA0) {
            write_all(fd, s + run, i - run);
            write_all(fd, "\xEF\xBF\xBD", 3);
            i += 2;
            run = i + 1;
        }
    }
    write_all(fd, s + run, n - run);
}

/* native.write(fd, string): console's only way out. */
static JSValue js_native_write(JSContext *c, JSValueConst this_val, int argc, JSValueConst *argv)
{
    (void)this_val;
    int32_t fd;
    size_t len;
    if (argc < 2 || JS_ToInt32(c, &fd, argv[0]) || (fd != 1 && fd != 2))
        return JS_ThrowTypeError(c, "write: fd must be 1 or 2");
    const char *s = JS_ToCStringLen(c, &len, argv[1]);
    if (!s)
        return JS_EXCEPTION;
    write_utf8(fd, s, len);
    JS_FreeCString(c, s);
    return JS_UNDEFINED;
}

/* Math.random through the host: seeded or real randomness is its choice. */
static JSValue js_native_random(JSContext *c, JSValueConst this_val, int argc, JSValueConst *argv)
{
    (void)this_val; (void)argc; (void)argv;
    uint64_t v = 0;
    if (__wasi_random_get((uint8_t *)&v, sizeof v) != 0)
        return JS_ThrowInternalError(c, "Math.random: the host gave no randomness");
    /* 53 random bits scaled into [0, 1). */
    return JS_NewFloat64(c, (double)(v >> 11) * (1.0 / 9007199254740992.0));
}

static void rejection_tracker(JSContext *c, JSValueConst promise, JSValueConst reason,
                              JS_BOOL is_handled, void *opaque)
{
    (void)opaque;
    if (!is_handled) {
        if (nrejections < WB_MAX_REJECTIONS) {
            rejections[nrejections].promise = JS_DupValue(c, promise);
            rejections[nrejections].reason = JS_DupValue(c, reason);
            nrejections++;
        }
        return;
    }
    for (int i = 0; i < nrejections; i++) {
        if (JS_VALUE_GET_PTR(rejections[i].promise) == JS_VALUE_GET_PTR(promise)) {
            JS_FreeValue(c, rejections[i].promise);
            JS_FreeValue(c, rejections[i].reason);
            rejections[i] = rejections[--nrejections];
            return;
        }
    }
}

/* Calls prelude[name](arg) and returns the C string result (caller frees
 * with JS_FreeCString), or NULL. */
static const char *obj_call_str(JSValueConst obj, const char *name, JSValueConst arg, size_t *len)
{
    JSValue fn = JS_GetPropertyStr(ctx, obj, name);
    JSValue r = JS_Call(ctx, fn, JS_UNDEFINED, 1, &arg);
    JS_FreeValue(ctx, fn);
    if (JS_IsException(r)) {
        JS_FreeValue(ctx, JS_GetException(ctx));
        return NULL;
    }
    const char *s = JS_IsUndefined(r) ? NULL : JS_ToCStringLen(ctx, len, r);
    JS_FreeValue(ctx, r);
    return s;
}

/* Called by QuickJS every few thousand operations, regexps included. */
static int interrupt_handler(JSRuntime *r, void *opaque)
{
    (void)r; (void)opaque;
    if (cleaning)
        return 0;
    if (!interrupted && wb_host_call(WB_HOST_OP_POLL, NULL, 0) == 1)
        interrupted = 1;
    return interrupted;
}

/* Prints an uncaught exception like node does: "Name: message" and the stack. */
static void report_uncaught(JSValueConst exc, const char *prefix)
{
    if (interrupted)
        return;
    size_t len = 0;
    const char *s = obj_call_str(prelude, "formatError", exc, &len);
    write_all(2, prefix, strlen(prefix));
    if (s) {
        write_utf8(2, s, len);
        JS_FreeCString(ctx, s);
    } else {
        static const char fallback[] = "(exception could not be printed)";
        write_all(2, fallback, sizeof fallback - 1);
    }
    write_all(2, "\n", 1);
}

static int report_pending_exception(void)
{
    JSValue exc = JS_GetException(ctx);
    report_uncaught(exc, "Uncaught ");
    JS_FreeValue(ctx, exc);
    return WB_GUEST_THREW;
}

/* Calls bridge[name]() for its effect, ignoring failures (cleanup). */
static void bridge_call_noarg(const char *name)
{
    JSValue fn = JS_GetPropertyStr(ctx, bridge, name);
    JSValue r = JS_Call(ctx, fn, JS_UNDEFINED, 0, NULL);
    JS_FreeValue(ctx, fn);
    if (JS_IsException(r))
        JS_FreeValue(ctx, JS_GetException(ctx));
    JS_FreeValue(ctx, r);
}

/* After a stop, at every way out of the guest: nothing the stopped script
 * queued may run later, neither its jobs nor continuations of its tool
 * calls.  The stop can land anywhere (in the script, a job, the bridge's
 * own resolveBatch), so this runs on exit rather than where it landed. */
static int after_stop(int status)
{
    if (!interrupted)
        return status;
    JS_DropPendingJobs(rt);
    cleaning = 1;
    bridge_call_noarg("abandon");
    cleaning = 0;
    return WB_GUEST_THREW;
}

/* Runs queued jobs (promise reactions) until none is left.  Once the host
 * asked for a stop, nothing the stopped script queued may run: QuickJS
 * turns the uncatchable "interrupted" error into an ordinary rejection in
 * promise jobs, and a .catch would carry on with the stopped work. */
static int drain_jobs(void)
{
    int status = WB_GUEST_OK;
    for (;;) {
        if (interrupted)
            return WB_GUEST_THREW; /* after_stop() cleans up */
        JSContext *c;
        int r = JS_ExecutePendingJob(rt, &c);
        if (r == 0)
            return status;
        if (r < 0)
            status = report_pending_exception();
    }
}

/* Hands the run's value to the host; a value that cannot be written
 * (out of memory) fails the run instead of vanishing. */
static int send_value(JSValueConst value)
{
    JSValue fn = JS_GetPropertyStr(ctx, prelude, "toJSON");
    JSValue r = JS_Call(ctx, fn, JS_UNDEFINED, 1, &value);
    JS_FreeValue(ctx, fn);
    if (JS_IsException(r))
        return report_pending_exception();
    size_t len = 0;
    const char *json = JS_IsUndefined(r) ? NULL : JS_ToCStringLen(ctx, &len, r);
    JS_FreeValue(ctx, r);
    if (json) {
        wb_host_call(WB_HOST_OP_RESULT, json, len);
        JS_FreeCString(ctx, json);
    }
    return WB_GUEST_OK;
}

__attribute__((export_name("wb_guest_init")))
int wb_guest_init(void)
{
    rt = JS_NewRuntime();
    if (!rt)
        return WB_GUEST_NOMEM;
    JS_SetMaxStackSize(rt, WB_JS_STACK_SIZE);
    JS_SetHostPromiseRejectionTracker(rt, rejection_tracker, NULL);
    JS_SetInterruptHandler(rt, interrupt_handler, NULL);
    ctx = JS_NewContext(rt);
    if (!ctx)
        return WB_GUEST_NOMEM;

    JSValue args[2];
    args[1] = JS_Eval(ctx, (const char *)wb_inspect_js, wb_inspect_js_len, "inspect.js",
                      JS_EVAL_TYPE_GLOBAL | JS_EVAL_FLAG_STRICT);
    if (JS_IsException(args[1]))
        return report_pending_exception();
    JSValue fn = JS_Eval(ctx, (const char *)wb_prelude_js, wb_prelude_js_len, "prelude.js",
                         JS_EVAL_TYPE_GLOBAL | JS_EVAL_FLAG_STRICT);
    if (JS_IsException(fn))
        return report_pending_exception();
    args[0] = JS_NewObject(ctx);
    JS_SetPropertyStr(ctx, args[0], "write", JS_NewCFunction(ctx, js_native_write, "write", 2));
    JS_SetPropertyStr(ctx, args[0], "random", JS_NewCFunction(ctx, js_native_random, "random", 0));
    prelude = JS_Call(ctx, fn, JS_UNDEFINED, 2, (JSValueConst *)args);
    JS_FreeValue(ctx, fn);
    JS_FreeValue(ctx, args[1]);
    if (JS_IsException(prelude))
        return report_pending_exception();
    if (wb_fs_install(ctx)) /* require(), fs, path: guest/js/fs.c */
        return report_pending_exception();
    fn = JS_Eval(ctx, (const char *)wb_tools_js, wb_tools_js_len, "tools.js",
                 JS_EVAL_TYPE_GLOBAL | JS_EVAL_FLAG_STRICT);
    if (JS_IsException(fn))
        return report_pending_exception();
    bridge = JS_Call(ctx, fn, JS_UNDEFINED, 1, (JSValueConst *)args);
    JS_FreeValue(ctx, fn);
    JS_FreeValue(ctx, args[0]);
    if (JS_IsException(bridge))
        return report_pending_exception();
    return WB_GUEST_OK;
}

/* Buffers the host fills (the script text) come from the guest's own heap. */
__attribute__((export_name("wb_guest_alloc")))
void *wb_guest_alloc(size_t n)
{
    return malloc(n ? n : 1);
}

__attribute__((export_name("wb_guest_free")))
void wb_guest_free(void *p)
{
    free(p);
}

/* Calls bridge[name](arg) for its effect; 0 or WB_GUEST_THREW. */
static int bridge_call(const char *name, JSValueConst arg)
{
    JSValue fn = JS_GetPropertyStr(ctx, bridge, name);
    JSValue r = JS_Call(ctx, fn, JS_UNDEFINED, 1, &arg);
    JS_FreeValue(ctx, fn);
    if (JS_IsException(r))
        return report_pending_exception();
    JS_FreeValue(ctx, r);
    return WB_GUEST_OK;
}

/* Reads the host's pending answer of n bytes into a JS string. */
static JSValue read_host_answer(int32_t n)
{
    char *buf = malloc((size_t)n + 1);
    if (!buf)
        return JS_ThrowOutOfMemory(ctx);
    if (wb_host_call(WB_HOST_OP_READ, buf, (size_t)n) != n) {
        free(buf);
        return JS_ThrowInternalError(ctx, "the host did not hand over its answer");
    }
    JSValue s = JS_NewStringLen(ctx, buf, (size_t)n);
    free(buf);
    return s;
}

/* First run in this sandbox: make the policy's tools callable. */
static int install_tools(void)
{
    JSValue fn = JS_GetPropertyStr(ctx, bridge, "installed");
    JSValue done = JS_Call(ctx, fn, JS_UNDEFINED, 0, NULL);
    JS_FreeValue(ctx, fn);
    int installed = JS_ToBool(ctx, done);
    JS_FreeValue(ctx, done);
    if (installed)
        return WB_GUEST_OK;
    int32_t n = wb_host_call(WB_HOST_OP_TOOLS, NULL, 0);
    if (n < 0)
        return WB_GUEST_OK; /* a host without tools */
    JSValue list = read_host_answer(n);
    if (JS_IsException(list))
        return report_pending_exception();
    int r = bridge_call("install", list);
    JS_FreeValue(ctx, list);
    return r;
}

/* Sends the tool calls of this turn, if any: 1 when a batch went out. */
static int flush_batch(int *status)
{
    JSValue fn = JS_GetPropertyStr(ctx, bridge, "takeBatch");
    JSValue b = JS_Call(ctx, fn, JS_UNDEFINED, 0, NULL);
    JS_FreeValue(ctx, fn);
    if (JS_IsException(b)) {
        *status = report_pending_exception();
        return 0;
    }
    if (JS_IsUndefined(b))
        return 0;
    size_t len;
    const char *s = JS_ToCStringLen(ctx, &len, b);
    JS_FreeValue(ctx, b);
    if (!s) {
        *status = report_pending_exception();
        return 0;
    }
    wb_host_call(WB_HOST_OP_BATCH, s, len);
    JS_FreeCString(ctx, s);
    return 1;
}

/* Runs the event loop until the script is done or waits on tool calls. */
static int continue_run(void)
{
    int status = drain_jobs();
    if (status == WB_GUEST_OK && flush_batch(&status))
        return WB_GUEST_PENDING;
    if (status == WB_GUEST_OK) {
        switch (JS_PromiseState(ctx, run_promise)) {
        case JS_PROMISE_FULFILLED: {
            JSValue r = JS_PromiseResult(ctx, run_promise);
            JSValue v = JS_GetPropertyStr(ctx, r, "value");
            status = send_value(v);
            JS_FreeValue(ctx, v);
            JS_FreeValue(ctx, r);
            break;
        }
        case JS_PROMISE_REJECTED: {
            JSValue r = JS_PromiseResult(ctx, run_promise);
            report_uncaught(r, "Uncaught ");
            JS_FreeValue(ctx, r);
            status = WB_GUEST_THREW;
            break;
        }
        default: {
            static const char msg[] =
                "Error: top-level await never settled: the script awaited a promise that nothing resolves\n";
            if (!interrupted)
                write_all(2, msg, sizeof msg - 1);
            status = WB_GUEST_THREW;
            break;
        }
        }
    }
    JS_FreeValue(ctx, run_promise);
    run_promise = JS_UNDEFINED;

    /* The script's own top-level promise is handled above, not a leak. */
    for (int i = 0; i < nrejections; i++) {
        if (status == WB_GUEST_OK)
            report_uncaught(rejections[i].reason, "Uncaught (in promise) ");
        JS_FreeValue(ctx, rejections[i].promise);
        JS_FreeValue(ctx, rejections[i].reason);
        status = WB_GUEST_THREW;
    }
    nrejections = 0;
    return status;
}

static int run_js(const char *code, size_t len)
{
    interrupted = 0;
    int status = install_tools();
    if (status != WB_GUEST_OK)
        return status;
    /* JS_Eval needs a NUL after the source. */
    char *src = malloc(len + 1);
    if (!src)
        return WB_GUEST_NOMEM;
    memcpy(src, code, len);
    src[len] = 0;
    JS_FreeValue(ctx, run_promise);
    run_promise = JS_Eval(ctx, src, len, "script.js", JS_EVAL_TYPE_GLOBAL | JS_EVAL_FLAG_ASYNC);
    free(src);
    if (JS_IsException(run_promise)) {
        run_promise = JS_UNDEFINED;
        return report_pending_exception();
    }
    return continue_run();
}

__attribute__((export_name("wb_guest_run")))
int wb_guest_run(int lang, const char *code, size_t len)
{
    if (lang == WB_GUEST_SELFTEST)
        return wb_guest_selftest(code, len);
    if (lang != WB_GUEST_JS)
        return WB_GUEST_BADLANG;
    return after_stop(run_js(code, len));
}

/* The host's answers to the last batch: a JSON array (see tools.js). */
__attribute__((export_name("wb_guest_resume")))
int wb_guest_resume(const char *results, size_t len)
{
    if (JS_IsUndefined(run_promise))
        return WB_GUEST_THREW;
    JSValue s = JS_NewStringLen(ctx, results, len);
    if (JS_IsException(s))
        return report_pending_exception();
    int r = bridge_call("resolveBatch", s);
    JS_FreeValue(ctx, s);
    if (r != WB_GUEST_OK)
        return after_stop(r);
    return after_stop(continue_run());
}
