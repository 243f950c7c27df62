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
 *    sandbox maps it copy-on-write.  Snapshots map one read-only view of
 *    it, on first use, to compare pages against.
 *  - Per thread: the message of the last failed wb_snapshot_load() or
 *    wb_snapshot_save() (wb_snapshot_errmsg()).
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
    XX(EFUEL, 15, "the run used up its fuel (its budget of executed instructions)") \
    XX(EDIVERGED, 16, "the replay diverged from its journal (wb_errmsg() names the event and both sides)") \
    XX(EINTERRUPT, 17, "the run was interrupted by the host (wb_interrupt)")

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

/* ---------------------------------------------------------------- record and replay */

/* Journal: every nondeterministic event that enters the guest (clock
 * reads, random bytes, tool call batches with the policy's decisions and
 * the answers in the order the guest gets them, stdin and host-mount
 * reads, where a time limit stopped the run), in order, as JSON Lines with
 * a header (format version, limits, clock/seed options, the policy), one
 * "run" line per run (language, code and its sha256) and one "end" line
 * per run (status, exit code, value, sha256 and size of stdout/stderr,
 * fuel).  Every line carries a hash chain over the lines before it.
 * Format: docs/replay.md.
 *
 * To a file (created or truncated by each wb_new, so one sandbox per file:
 * use a sink for several; written as events happen, flushed at each tool
 * batch and run end; path copied; WB_EIO at wb_new if it cannot be
 * created, and from wb_run if a line could not be written) or to a sink
 * (line borrowed for the call, without the newline; ud must outlive the
 * sandboxes; called on the thread running the sandbox).  Setting one
 * replaces the other.  Thread: one per handle.  Since 0.1. */
typedef void (*wb_journal_fn)(void *ud, const char *line, size_t len);
WB_API wb_status wb_config_set_journal_file(wb_config *cfg, const char *path);
WB_API wb_status wb_config_set_journal_sink(wb_config *cfg, wb_journal_fn fn, void *ud);

/* Replay: sandboxes made from cfg take every event from the journal at
 * path instead of the host: no clock, randomness, host file or tool
 * provider is used.  wb_new loads and checks the whole journal (WB_EIO if
 * unreadable, WB_EINVAL if it is not a journal, WB_EDIVERGED if its hash
 * chain is broken or the config's policy differs from the recorded one)
 * and takes the recorded limits and clock/seed options; without a policy
 * on cfg the recorded policy is used.  Each wb_run must run the recorded
 * code (wb_replay_next gives it); at the first event that differs (other
 * code, another call, a call the journal lacks, different decisions,
 * events left over) the run is stopped and rolled back, and wb_run returns
 * WB_EDIVERGED with wb_errmsg() naming the event, its kind and both sides.
 * At the end of each run stdout, stderr, value, status and exit code are
 * compared with the recorded ones (fuel too when the journal comes from
 * the same wasmbox version).  Path copied; WB_EINVAL for unknown flags.
 * Cannot be combined with a journal on the same config (WB_EINVAL at
 * wb_new).  Thread: one per handle.  Since 0.1.
 *  WB_REPLAY_CONTINUE_LIVE  after a divergence the rest runs against the
 *      real host and providers; wb_run returns the run's own status and
 *      wb_replay_report() keeps the divergence.
 *  WB_REPLAY_IGNORE_CHAIN  accept a journal edited by hand (a broken hash
 *      chain), e.g. to see what a different tool result would do;
 *      divergences are still reported. */
#define WB_REPLAY_CONTINUE_LIVE 1u
#define WB_REPLAY_IGNORE_CHAIN 2u
WB_API wb_status wb_config_set_replay_file(wb_config *cfg, const char *path, unsigned flags);

/* The code of the next recorded run of a replaying sandbox: *lang, and
 * *code (len bytes, NUL-terminated; borrowed: valid until wb_free(sb)).
 * WB_ESTATE when every recorded run has been run, WB_EMISUSE when sb does
 * not replay.  Thread: one per handle. */
WB_API wb_status wb_replay_next(const wb_sandbox *sb, wb_lang *lang, const char **code, size_t *len);

/* The first divergence of sb's replay ("" when none so far, also when sb
 * does not replay).  Borrowed: valid until wb_free(sb).  Thread: one per
 * handle. */
WB_API const char *wb_replay_report(const wb_sandbox *sb);

/* ---------------------------------------------------------------- control */

/* Stops the run in progress on sb, from any thread (a cancel button, an
 * MCP notifications/cancelled): the script is stopped at its next check
 * like at the time limit (gracefully, keeping the sandbox's state; hard,
 * rolled back, if it does not stop within a few milliseconds) and the run
 * returns WB_EINTERRUPT.  A tool call already running is not cut short:
 * the stop comes when it returns.  Without a run in progress, nothing
 * happens (the next run is not affected).  Thread: any; the one call on a
 * sandbox that may overlap another thread's wb_run.  Since 0.1. */
WB_API wb_status wb_interrupt(wb_sandbox *sb);

/* Changes the time limit (wb_config_set_time_limit) of sb's later runs,
 * e.g. a shorter one for one call.  Allowed 1 to 86400000 ms.  Thread: one
 * per handle, not during a run.  Since 0.1. */
WB_API wb_status wb_set_time_limit(wb_sandbox *sb, uint64_t ms);

/* What the guest reads from stdin (fd 0): by default nothing (end of file
 * at once).  wb_set_stdin gives it len bytes of data (copied; the caller
 * keeps data); wb_set_stdin_fd gives it the host file descriptor fd (a
 * file or pipe; borrowed: not closed, must stay open until replaced or
 * wb_free), read only when the guest reads, and a read waiting on it ends
 * at the run's deadline.  Stdin is a stream, as a process's: what one run
 * reads is gone for the next; setting it again replaces what is left
 * (wb_set_stdin(sb, NULL, 0) empties it).  Not part of snapshots or forks
 * (a fork's stdin is empty); a journal records the bytes read, and a replay
 * reads them from the journal.  WB_EINVAL for fd < 0.  Thread: one per
 * handle, not during a run.  Since 0.1. */
WB_API wb_status wb_set_stdin(wb_sandbox *sb, const void *data, size_t len);
WB_API wb_status wb_set_stdin_fd(wb_sandbox *sb, int fd);

/* TypeScript declarations of the tools sb's code may call:
 * "declare const tools: { name(args: {...}): Promise<any>; ... };", with
 * each tool's description as a JSDoc comment (the text to show a model so
 * it writes correct calls).  Borrowed: valid until wb_free(sb); "" for a
 * sandbox without tools.  Thread: any.  Since 0.1. */
WB_API const char *wb_tools_dts(const wb_sandbox *sb);

/* ---------------------------------------------------------------- snapshots
 *
 * A snapshot is a sandbox's state between runs: the guest memory pages that
 * differ from the initial guest image, the guest's globals, and its files.
 * Function tables and host bindings are never in it (they are rebuilt by
 * each sandbox).  Tool budgets, the policy and the limits belong to the
 * sandbox, not to the snapshot.  Any call below on a sandbox whose run
 * waits for tool call answers (the step API) fails with WB_ESTATE.
 *
 *   wb_snapshot *s;  wb_snapshot_take(sb, &s);   ... runs ...
 *   wb_restore(sb, s);                  // back to the state in s
 *   wb_snapshot_save(s, &buf, &len);    // bytes for a file or a database
 *   wb_snapshot_load(buf, len, &s2);    // in this or another process */
typedef struct wb_snapshot wb_snapshot;

/* Captures sb's state.  Cost: proportional to the memory the guest has
 * changed since it started (a few hundred microseconds per MiB).
 * OUT *out: free with wb_snapshot_free(); independent of sb (it may
 * outlive it and be restored into any sandbox of the same build).
 * Thread: one per handle (sb).  Since 0.1. */
WB_API wb_status wb_snapshot_take(wb_sandbox *sb, wb_snapshot **out);

/* Puts sb back into the state snap holds, whatever sb ran since (snap is
 * only read: restore it as often as you like).  WB_EMEMLIMIT when the
 * snapshot's memory exceeds sb's memory limit (sb is unchanged); WB_EINVAL
 * for a snapshot of another guest build.  If restoring fails half-way
 * (out of memory) sb is reset to its initial state and wb_errmsg() says
 * so.  Thread: one per handle (sb); snap may be restored into several
 * sandboxes on different threads at once.  Since 0.1. */
WB_API wb_status wb_restore(wb_sandbox *sb, const wb_snapshot *snap);

/* Frees a snapshot (NULL is fine).  Since 0.1. */
WB_API void wb_snapshot_free(wb_snapshot *snap);

/* A copy of sb that diverges independently: same options, policy, tools
 * (with the budgets used so far), globals and files; runs in one never
 * show in the other.  Cost: a new sandbox plus a copy of the pages sb has
 * changed (the rest stays shared copy-on-write with the guest image).
 * OUT *out: free with wb_free(); NULL on failure (wb_errmsg(sb) says why).
 * Thread: one per handle (sb); the child may then be used on any thread.
 * Since 0.1. */
WB_API wb_status wb_fork(wb_sandbox *sb, wb_sandbox **out);

/* Serialises a snapshot: a versioned, checksummed, LZ4-compressed blob
 * that names the guest build it belongs to.
 * OUT *buf: free with wb_snapshot_buffer_free().  Thread: any (snap is
 * only read).  Since 0.1. */
WB_API wb_status wb_snapshot_save(const wb_snapshot *snap, void **buf, size_t *len);
WB_API void wb_snapshot_buffer_free(void *buf);

/* Reads a blob from wb_snapshot_save().  Everything is checked before use:
 * a truncated, corrupt or foreign blob is WB_EINVAL, one from another
 * guest build WB_EINVAL as well, never a crash; wb_snapshot_errmsg() says
 * which.  buf is only read.  OUT *out: free with wb_snapshot_free(); NULL
 * on failure.  Thread: any.  Since 0.1. */
WB_API wb_status wb_snapshot_load(const void *buf, size_t len, wb_snapshot **out);

/* Detail on the last failed wb_snapshot_load() or wb_snapshot_save() on
 * this thread (static per-thread storage; "" when none failed).
 * Thread: any.  Since 0.1. */
WB_API const char *wb_snapshot_errmsg(void);

/* ---------------------------------------------------------------- filesystem
 *
 * Every sandbox has its own in-memory filesystem (docs/filesystem.md):
 * /workspace (writable, the scripts' working directory), /tmp (writable),
 * /tools (read-only: README.md and tools.d.ts for the policy's tools), and
 * any host folders mounted with wb_config_add_mount().  Files persist from
 * run to run of the same sandbox; a run that traps or is stopped hard has
 * its file changes rolled back with its memory (writes to host mounts
 * excepted).  JavaScript reaches them with require('fs'). */

/* Quotas on the in-memory files: total bytes of file data (default 64 MiB,
 * allowed 4 KiB to 16 GiB) and the number of files, directories and
 * symlinks (default 10,000, allowed 1 to 10,000,000); 0 keeps a default.
 * Past them writes fail with ENOSPC (bytes) or EDQUOT (count).  Host
 * mounts do not count.  Since 0.1. */
#define WB_FS_QUOTA_BYTES_MIN ((uint64_t)4 << 10)
#define WB_FS_QUOTA_BYTES_MAX ((uint64_t)16 << 30)
#define WB_FS_QUOTA_FILES_MAX ((uint64_t)10000000)
WB_API wb_status wb_config_set_fs_quota(wb_config *cfg, uint64_t bytes, uint64_t files);

/* Mounts the host folder host (must exist; resolved now) at guest, an
 * absolute path in the sandbox such as /data or /workspace/data (not /,
 * /workspace, /tmp or /tools themselves; mounts may not nest).  writable 0:
 * read-only.  The guest cannot reach outside the folder: "..", absolute
 * symlinks and symlinks leading out are refused, renames across the mount
 * boundary fail with EXDEV.  Up to 64 mounts.  Strings are copied.
 * Since 0.1. */
WB_API wb_status wb_config_add_mount(wb_config *cfg, const char *host, const char *guest, int writable);

/* Creates or replaces the file at path (absolute, e.g. "/workspace/in.csv")
 * with len bytes of data (copied); parent folders are created.  Not while a
 * run waits for tool answers (WB_ESTATE).  WB_EINVAL for a bad path or a
 * quota (wb_errmsg() says which).  Thread: one per handle. */
WB_API wb_status wb_fs_write(wb_sandbox *sb, const char *path, const void *data, size_t len);

/* Reads the whole file at path.  OUT *data: len bytes plus a NUL, free
 * with wb_fs_free().  WB_EINVAL when it is missing or not a file. */
WB_API wb_status wb_fs_read(wb_sandbox *sb, const char *path, char **data, size_t *len);

/* Creates the folder at path and any missing parents (an existing folder
 * is fine). */
WB_API wb_status wb_fs_mkdir(wb_sandbox *sb, const char *path);

/* Removes a file, a symlink, or a folder (with recursive non-zero, with
 * everything in it). */
WB_API wb_status wb_fs_remove(wb_sandbox *sb, const char *path, int recursive);

/* Lists the folder at path: one name per line, sorted, "/" after folders.
 * OUT *text: NUL-terminated, free with wb_fs_free(). */
WB_API wb_status wb_fs_list(wb_sandbox *sb, const char *path, char **text, size_t *len);

/* Frees what wb_fs_read() and wb_fs_list() return (NULL is fine). */
WB_API void wb_fs_free(void *p);

/* ---------------------------------------------------------------- sessions
 *
 * Named sandbox states in a SQLite database, as `wasmbox run --session`
 * keeps them (docs/sessions.md).  A commit is one transaction (a process
 * killed at any point leaves the previous state); a session saved by
 * another guest build is refused.
 *
 *   wb_session_db *db;  wb_session_db_open(NULL, &db);
 *   wb_session_restore(db, "work", sb, &found);   // found 0: a new session
 *   wb_run(sb, ...);
 *   wb_session_commit(db, "work", sb);
 *
 * Names: 1 to 128 of A-Z a-z 0-9 . _ - (not starting with . or -). */
typedef struct wb_session_db wb_session_db;

/* Opens or creates the database at path (NULL: $XDG_DATA_HOME/wasmbox/
 * sessions.db, else ~/.local/share/wasmbox/sessions.db, its folder made
 * if needed).  OUT *out: close with wb_session_db_close(), also when the
 * call fails (it then carries wb_session_db_errmsg()); NULL only when out
 * of memory.  Thread: any; the handle then one thread at a time.  Since 0.1. */
WB_API wb_status wb_session_db_open(const char *path, wb_session_db **out);
WB_API void wb_session_db_close(wb_session_db *db);

/* Detail on the last failure on db.  Borrowed: valid until the next call
 * on db.  Since 0.1. */
WB_API const char *wb_session_db_errmsg(const wb_session_db *db);

/* Puts session name's state into sb (*found 1), or leaves sb alone when
 * there is no such session (*found 0: the next commit creates it).
 * WB_EINVAL for a session of another guest build or a corrupt one,
 * WB_EMEMLIMIT when it does not fit sb's memory limit, WB_EIO for the
 * database.  found may be NULL.  Since 0.1. */
WB_API wb_status wb_session_restore(wb_session_db *db, const char *name, wb_sandbox *sb, int *found);

/* Saves sb's state as session name.  Commit what you restored: if another
 * process committed the session since this handle restored it (or, for
 * a new session, created it), the commit is refused with WB_ESTATE and
 * nothing is written.  Only the 16 KiB windows of memory that changed
 * since the restore or last commit are compressed again.  Since 0.1. */
WB_API wb_status wb_session_commit(wb_session_db *db, const char *name, wb_sandbox *sb);

/* Removes session name (*found 0 if there was none; found may be NULL). */
WB_API wb_status wb_session_remove(wb_session_db *db, const char *name, int *found);

#ifdef __cplusplus
}
#endif

#endif /* WASMBOX_H */
