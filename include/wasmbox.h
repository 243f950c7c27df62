/*
 * wasmbox.h — the whole public API of wasmbox, a sandbox for code written
 * by AI agents.  Code runs inside WebAssembly (QuickJS compiled to wasm32
 * and translated to C by wasm2c), with no ambient authority: no network, no
 * host files, no real clock unless the embedder gives one.
 *
 * Lifecycle:  wb_config_new → setters → wb_new → wb_run … → wb_free.
 *
 * Conventions
 *  - Every fallible call returns a wb_status (WB_OK is 0).  wb_errmsg()
 *    explains the last failure on a sandbox; wb_strerror() names a code.
 *  - Ownership is stated on every pointer: "OUT: free with X" means the
 *    caller owns the result; "borrowed" means the library keeps no copy and
 *    the caller keeps ownership.  Input strings and buffers are copied.
 *  - Threads: wasmbox is thread-safe except where stated.  A wb_sandbox and
 *    a wb_config are used by one thread at a time; different sandboxes may
 *    run at the same time on different threads.
 *
 * Process-wide state (the only globals):
 *  - SIGSEGV and SIGBUS handlers, installed by the first wb_new().  They
 *    turn a fault inside a sandbox's memory into a trap for that sandbox,
 *    resolve the first write to a page a run's undo log tracks, and pass
 *    every other fault to the handler that was there before (or the
 *    default action, which ends the process).  Install your own handlers
 *    before the first wb_new(), and do not replace ours afterwards: the
 *    undo log needs them on every run.
 *  - The guest template: the initialised guest's memory image (made at
 *    build time and linked in) is loaded on the first wb_new(); every
 *    sandbox maps it copy-on-write.
 *  - Per thread that runs sandboxes: a 64 MiB guest stack and a shadow
 *    region for undo logs (address space, touched pages only), freed when
 *    the thread ends (two pthread keys).
 *  - The interned function-type table of the translated guest, and a "C"
 *    locale object for parsing JSON numbers.
 *  Every sandbox reserves 8 GiB of address space for its memory (only
 *    pages in use take memory): about 15,000 sandboxes fit at once in a
 *    47-bit address space.
 */
#ifndef WASMBOX_H
#define WASMBOX_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define WB_API __attribute__((visibility("default")))
#else
#define WB_API
#endif

/* ---------------------------------------------------------------- version */

#define WB_VERSION_MAJOR 0
#define WB_VERSION_MINOR 1
#define WB_VERSION_PATCH 0
#define WB_VERSION "0.1.0"

/* The library's version string (static).  Thread: any. */
WB_API const char *wb_version(void);

/* ---------------------------------------------------------------- status */

/* Status codes.  Appended, never renumbered or reused. */
#define WB_STATUS_MAP(XX)                                                          \
    XX(OK, 0, "success")                                                           \
    XX(EMISUSE, 1, "API misuse: NULL or freed handle")                             \
    XX(EINVAL, 2, "invalid argument")                                              \
    XX(ENOMEM, 3, "out of host memory or address space")                          \
    XX(ETRAP, 4, "the guest trapped; the sandbox was restored to its state before the run") \
    XX(EMEMLIMIT, 5, "the guest reached the sandbox's memory limit")              \
    XX(EBOUNDS, 6, "a guest pointer or length lies outside guest memory")          \
    XX(EINIT, 7, "the sandbox could not be created")                               \
    XX(ELANG, 8, "language not available in this build")                           \
    XX(PENDING, 9, "the run waits for answers to tool calls (wb_submit_*, then wb_step)") \
    XX(EPOLICY, 10, "the policy is invalid or does not fit the registered tools")  \
    XX(ESTATE, 11, "not allowed in the sandbox's current state")                    \
    XX(EIO, 12, "a host file could not be read or written")                        \
    XX(ETIMEOUT, 13, "the run reached its time limit and was stopped")             \
    XX(EOUTPUT, 14, "the run reached its output limit and was stopped")            \
    XX(EFUEL, 15, "the run used up its fuel (its budget of executed instructions)")

typedef enum {
#define WB__STATUS_ENUM(name, num, text) WB_##name = num,
    WB_STATUS_MAP(WB__STATUS_ENUM)
#undef WB__STATUS_ENUM
} wb_status;

/* Static text for a status code ("unknown status" for others). Thread: any. */
WB_API const char *wb_strerror(wb_status status);

/* The code's name without prefix, e.g. "ETRAP" (static). Thread: any. */
WB_API const char *wb_status_name(wb_status status);

/* ---------------------------------------------------------------- config */

/* Options for new sandboxes.  Opaque; set with the typed setters below,
 * each of which validates its value and returns a status. */
typedef struct wb_config wb_config;

/* Creates a config holding the defaults.
 * OUT *out: free with wb_config_free().  Thread: any. */
WB_API wb_status wb_config_new(wb_config **out);

/* Frees a config (NULL is fine).  Sandboxes made from it keep their own
 * copy of the options.  Thread: one per handle. */
WB_API void wb_config_free(wb_config *cfg);

/* Memory limit: the most linear memory the guest may have, in bytes,
 * rounded down to 64 KiB pages.  Default 256 MiB; allowed 16 MiB to
 * 4 GiB - 64 KiB.  Reaching it makes the guest's allocation fail (JS sees
 * an out-of-memory InternalError).  Since 0.1. */
#define WB_DEFAULT_MEMORY_LIMIT ((uint64_t)256 << 20)
WB_API wb_status wb_config_set_memory_limit(wb_config *cfg, uint64_t bytes);

/* Output limit: the most bytes of stdout plus stderr kept per run.  Past
 * it output is dropped, a line "[wasmbox: output truncated at N bytes]" is
 * appended, and the run is stopped (WB_EOUTPUT).  Default 1 MiB; allowed
 * 1 KiB to 1 GiB.  Since 0.1. */
#define WB_DEFAULT_OUTPUT_LIMIT ((uint64_t)1 << 20)
WB_API wb_status wb_config_set_output_limit(wb_config *cfg, uint64_t bytes);

/* Time limit: the most wall-clock time one run may take, in milliseconds,
 * time spent in tool calls included.  A script past it is stopped at its
 * next check (JavaScript checks every few thousand operations, regular
 * expressions included) with WB_ETIMEOUT; the sandbox keeps its state from
 * before the stopped statement.  Default 10000 (10 s); allowed 1 to
 * 86400000 (a day).  Since 0.1. */
#define WB_DEFAULT_TIME_LIMIT_MS 10000
WB_API wb_status wb_config_set_time_limit(wb_config *cfg, uint64_t ms);

/* Fuel: a budget of executed guest instructions per run, counted
 * deterministically (the same script with the same inputs uses the same
 * fuel every time; wb_result_fuel() reports it).  Past the budget a
 * script is stopped (WB_EFUEL): JavaScript gracefully at its next check,
 * code that ignores that (C code in the guest, a regexp engine loop)
 * hard, with the sandbox restored to its state before the run.  0 means
 * no fuel limit (the default: the time limit still applies).  Since 0.1. */
WB_API wb_status wb_config_set_fuel_limit(wb_config *cfg, uint64_t fuel);

/* Clock: by default the guest reads the host's real clock.  A fixed clock
 * makes Date.now() (and every realtime read) return epoch_ms, and the
 * monotonic clock stand still, so runs are reproducible.  epoch_ms must be
 * 0 to 253402300799999 (year 9999).  Since 0.1. */
WB_API wb_status wb_config_set_fixed_clock(wb_config *cfg, int64_t epoch_ms);

/* Randomness: by default the guest gets the host's real randomness
 * (getrandom).  A seed makes Math.random() and every random read a fixed
 * sequence.  Since 0.1. */
WB_API wb_status wb_config_set_random_seed(wb_config *cfg, uint64_t seed);

/* Detail on the last failed setter call on cfg (policy errors name
 * FILE:LINE:COLUMN).  Borrowed: valid until the next call on cfg; "" when
 * nothing failed.  Thread: one per handle.  Since 0.1. */
WB_API const char *wb_config_errmsg(const wb_config *cfg);

/* ---------------------------------------------------------------- tools */

/* The policy: which tools sandboxes may call, their parameters, the
 * constraints on argument values, call budgets and providers (format:
 * docs/policy.md).  It is validated completely here; any unknown key,
 * operator or type is WB_EPOLICY with wb_config_errmsg() naming
 * SOURCE:LINE:COLUMN and what was expected.  json is copied; source names
 * it in messages (NULL: "policy").  Replaces an earlier policy.  Without a
 * policy a sandbox has no tools.  Since 0.1. */
WB_API wb_status wb_config_set_policy(wb_config *cfg, const char *json, size_t len, const char *source);

/* wb_config_set_policy() with the contents of a file (WB_EIO if it cannot
 * be read). */
WB_API wb_status wb_config_load_policy(wb_config *cfg, const char *path);

/* Answers one tool call: exactly one of these, once, from inside the
 * callback.  json must be valid JSON (it is checked: invalid JSON makes
 * the call fail with a message saying so); message is shown to the script
 * as the error's message.  Both are copied. */
typedef struct wb_tool_reply wb_tool_reply;
WB_API wb_status wb_tool_reply_json(wb_tool_reply *reply, const char *json, size_t len);
WB_API wb_status wb_tool_reply_error(wb_tool_reply *reply, const char *message);

/* A tool implemented by the embedder.  Called only for calls the policy
 * allowed, with the exact JSON text of the arguments that were checked
 * (args_json is NUL-terminated; borrowed for the duration of the call).
 * Returning anything but WB_OK without a reply fails the call. */
typedef wb_status (*wb_tool_fn)(void *ud, const char *tool, const char *args_json, size_t args_len,
                                wb_tool_reply *reply);

/* The callback may run on several threads at once for calls batched
 * together (Promise.all); without it calls run one after another on the
 * thread that called wb_run(). */
#define WB_TOOL_CONCURRENT 1u

/* Registers fn for the policy tool `name`, whose provider must be
 * {"type": "callback"}.  ud is borrowed: it must outlive every sandbox
 * made from cfg.  wb_new() fails with WB_EPOLICY if a callback tool has no
 * callback or a callback names no policy tool.  Since 0.1. */
WB_API wb_status wb_config_add_tool(wb_config *cfg, const char *name, wb_tool_fn fn, void *ud, unsigned flags);

/* Audit log: one JSON object per line for every tool call, allowed or
 * denied: {"time", "tool", "args" (with the policy's "redact" arguments
 * replaced by "[redacted]"), "decision" ("allow"/"deny"), "reason",
 * "duration_ms", "result_bytes" or "error"}.  To a file (appended; path
 * copied; WB_EIO if it cannot be opened at wb_new) or to a callback (line
 * borrowed for the call; ud must outlive the sandboxes).  Since 0.1. */
WB_API wb_status wb_config_set_audit_file(wb_config *cfg, const char *path);
typedef void (*wb_audit_fn)(void *ud, const char *line, size_t len);
WB_API wb_status wb_config_set_audit_callback(wb_config *cfg, wb_audit_fn fn, void *ud);

/* ---------------------------------------------------------------- sandbox */

typedef struct wb_sandbox wb_sandbox;

/* Creates a sandbox with cfg's options (NULL: defaults).  The first call in
 * a process also initialises the guest template (a few milliseconds).
 * OUT *out: free with wb_free(), also when the call fails: like
 * sqlite3_open, a failed sandbox still carries wb_errmsg().  *out is NULL
 * only when even that could not be allocated (WB_ENOMEM).
 * Thread: any. */
WB_API wb_status wb_new(const wb_config *cfg, wb_sandbox **out);

/* Frees a sandbox and all its memory (NULL is fine).  Thread: one per handle. */
WB_API void wb_free(wb_sandbox *sb);

/* Detail on the last failed call on sb: what failed, the value, the limit
 * and how to change it.  Borrowed: valid until the next call on sb.
 * Never NULL ("" when nothing failed).  Thread: one per handle. */
WB_API const char *wb_errmsg(const wb_sandbox *sb);

/* ---------------------------------------------------------------- run */

typedef enum {
    WB_JS = 1, /* JavaScript (ES2023, QuickJS), top-level await allowed */
    WB_SH = 2, /* bash-compatible shell (docs/shell.md); exit code = the script's status.
                  Variables, functions and cwd persist across runs, like JS globals. */
} wb_lang;

/* What a run produced.  Opaque; read with the accessors below. */
typedef struct wb_result wb_result;

/* Runs code (len bytes, UTF-8, need not be NUL-terminated) in sb.  Globals
 * and functions the code defines are there for the next run in sb.
 *
 * Returns WB_OK when the code ran, even if it threw: the script's own
 * outcome is wb_result_exit_code() (0 ok, 1 uncaught exception, reported
 * with name, message and stack on the result's stderr).  Tool calls are
 * answered by the policy's providers as they come.  Other statuses mean
 * the sandbox stopped the run: a limit (WB_ETIMEOUT, WB_EFUEL, WB_EOUTPUT,
 * WB_EMEMLIMIT; after a graceful stop the sandbox keeps its state, after a
 * hard stop it is restored to its state before this run, and wb_errmsg()
 * says which), WB_ETRAP (the guest trapped; the sandbox was restored to its
 * state before this run),
 * WB_ELANG, WB_EMISUSE, WB_ENOMEM.  wb_errmsg() names the limit, its
 * value and how to raise it.  A result is produced whenever *out is
 * set, carrying whatever output came before the stop.
 * OUT *out: free with wb_result_free(); NULL when nothing ran.
 * Thread: one per handle. */
WB_API wb_status wb_run(wb_sandbox *sb, wb_lang lang, const char *code, size_t len,
                        wb_result **out);

/* Captured stdout / stderr of the run.  Borrowed: valid until
 * wb_result_free(r); NUL-terminated, *len (if not NULL) excludes the NUL.
 * Thread: one per handle. */
WB_API const char *wb_result_stdout(const wb_result *r, size_t *len);
WB_API const char *wb_result_stderr(const wb_result *r, size_t *len);

/* The value of the run's last expression as JSON text (BigInts as strings,
 * non-JSON values described), or NULL when it has none (undefined, a
 * function, or the run failed).  Borrowed: valid until wb_result_free(r). */
WB_API const char *wb_result_value(const wb_result *r);

/* 0 when the script completed, 1 when it threw or a promise rejection went
 * unhandled, -1 when the sandbox stopped it (see wb_run's status). */
WB_API int wb_result_exit_code(const wb_result *r);

/* Guest instructions the run executed (its fuel use): the same for the
 * same script, inputs and sandbox state, on any machine. */
WB_API uint64_t wb_result_fuel(const wb_result *r);

/* Frees a result (NULL is fine). */
WB_API void wb_result_free(wb_result *r);

/* ---------------------------------------------------------------- step API */

/* For async hosts and human approval: the run stops at each batch of tool
 * calls instead of running providers itself.
 *
 *   st = wb_start(sb, WB_JS, code, len, &r);
 *   while (st == WB_PENDING) {
 *       for (i = 0; i < wb_pending_count(sb); i++)
 *           ... wb_submit_result / _error / _deny / _run (sb, i, ...)
 *       st = wb_step(sb, &r);
 *   }
 *
 * Calls the policy denies never show up here: they are answered (and
 * audited) before the batch is handed over.  Budgets count a call when the
 * policy allows it.  wb_start and wb_step return WB_PENDING with *out NULL
 * while calls wait, and otherwise what wb_run would return, with *out set.
 * A pending run must be finished (wb_step) before another starts; wb_free
 * of a sandbox with a pending run is fine.  Thread: one per handle. */
WB_API wb_status wb_start(wb_sandbox *sb, wb_lang lang, const char *code, size_t len, wb_result **out);
WB_API wb_status wb_step(wb_sandbox *sb, wb_result **out);

/* The calls waiting for an answer, 0..count-1: the tool's name and the
 * exact JSON arguments the policy checked.  Borrowed: valid until the next
 * wb_step or wb_free. */
WB_API size_t wb_pending_count(const wb_sandbox *sb);
WB_API const char *wb_pending_tool(const wb_sandbox *sb, size_t i);
WB_API const char *wb_pending_args(const wb_sandbox *sb, size_t i);

/* Answers call i: with a result (JSON, checked), a failure (the tool ran
 * and failed), a denial (the embedder or a person said no; the script gets
 * a ToolDeniedError), or by running the policy's provider now.  Each call
 * is answered once (WB_ESTATE otherwise); wb_step refuses to continue while
 * one is unanswered.  Strings are copied. */
WB_API wb_status wb_submit_result(wb_sandbox *sb, size_t i, const char *json, size_t len);
WB_API wb_status wb_submit_error(wb_sandbox *sb, size_t i, const char *message);
WB_API wb_status wb_submit_deny(wb_sandbox *sb, size_t i, const char *reason);
WB_API wb_status wb_submit_run(wb_sandbox *sb, size_t i);

#ifdef __cplusplus
}
#endif

#endif /* WASMBOX_H */
