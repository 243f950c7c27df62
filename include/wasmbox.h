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
 *    turn a fault inside a sandbox's memory into a trap for that sandbox
 *    and pass every other fault to the handler that was there before (or
 *    the default action, which ends the process).  Install your own
 *    handlers before the first wb_new() if you need them.
 *  - The guest template: the guest is initialised once per process, on
 *    the first wb_new(), and every sandbox is a copy-on-write clone of it.
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
    XX(ETRAP, 4, "the guest trapped; the sandbox was reset to its initial state")  \
    XX(EMEMLIMIT, 5, "the guest reached the sandbox's memory limit")              \
    XX(EBOUNDS, 6, "a guest pointer or length lies outside guest memory")          \
    XX(EINIT, 7, "the sandbox could not be created")                               \
    XX(ELANG, 8, "language not available in this build")

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
 * it output is dropped and a line "[wasmbox: output truncated at N bytes]"
 * is appended.  Default 1 MiB; allowed 1 KiB to 1 GiB.  Since 0.1. */
#define WB_DEFAULT_OUTPUT_LIMIT ((uint64_t)1 << 20)
WB_API wb_status wb_config_set_output_limit(wb_config *cfg, uint64_t bytes);

/* Clock: by default the guest reads the host's real clock.  A fixed clock
 * makes Date.now() (and every realtime read) return epoch_ms, and the
 * monotonic clock stand still, so runs are reproducible.  epoch_ms must be
 * 0 to 253402300799999 (year 9999).  Since 0.1. */
WB_API wb_status wb_config_set_fixed_clock(wb_config *cfg, int64_t epoch_ms);

/* Randomness: by default the guest gets the host's real randomness
 * (getrandom).  A seed makes Math.random() and every random read a fixed
 * sequence.  Since 0.1. */
WB_API wb_status wb_config_set_random_seed(wb_config *cfg, uint64_t seed);

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
} wb_lang;

/* What a run produced.  Opaque; read with the accessors below. */
typedef struct wb_result wb_result;

/* Runs code (len bytes, UTF-8, need not be NUL-terminated) in sb.  Globals
 * and functions the code defines are there for the next run in sb.
 *
 * Returns WB_OK when the code ran, even if it threw: the script's own
 * outcome is wb_result_exit_code() (0 ok, 1 uncaught exception, reported
 * with name, message and stack on the result's stderr).  Other statuses
 * mean the sandbox stopped the run: WB_ETRAP (the guest trapped; the
 * sandbox was reset to its initial state, its globals are gone),
 * WB_ELANG, WB_EMISUSE, WB_ENOMEM.  A result is produced whenever *out is
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

/* Frees a result (NULL is fine). */
WB_API void wb_result_free(wb_result *r);

#ifdef __cplusplus
}
#endif

#endif /* WASMBOX_H */
