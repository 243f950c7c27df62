/* Private declarations shared by the host library's files. */
#ifndef WB_INTERNAL_H
#define WB_INTERNAL_H

#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "../include/wasmbox.h"
#include "runtime/wasm-rt.h"

#define WB__ERRMSG_MAX 512

/* A growable byte buffer with a shared cap (stdout and stderr count
 * together against the output limit). */
typedef struct {
    char *data;
    size_t len, cap;
} wb__buf;

int wb__buf_append(wb__buf *b, const void *p, size_t n); /* 0 or ENOMEM */
void wb__buf_free(wb__buf *b);

/* Options copied from a wb_config into each sandbox. */
typedef struct {
    uint64_t memory_limit;
    uint64_t output_limit;
    uint64_t time_limit_ms;
    uint64_t fuel_limit; /* 0: none */
    int fixed_clock; /* 0: real clock */
    int64_t clock_ms;
    int seeded; /* 0: real randomness */
    uint64_t seed;
    unsigned set; /* WB__SET_*: limits the embedder set explicitly */
} wb__options;

/* Limits set on the config win over the policy's "limits". */
enum { WB__SET_TIME = 1, WB__SET_FUEL = 2, WB__SET_MEMORY = 4, WB__SET_OUTPUT = 8 };

void wb__options_default(wb__options *o);
/* cfg's options, or NULL when cfg is not a live config. */
const wb__options *wb__config_options(const wb_config *cfg);
/* The limits a live sandbox runs with (the policy's applied), or NULL. */
const wb__options *wb__sandbox_options(const wb_sandbox *sb);

/* Everything the host side of one sandbox keeps: what imports read and
 * write while the guest runs. */
typedef struct wb__host {
    wb__options opt;
    wasm_rt_memory_t *mem; /* the instance's memory, for guest spans */
    struct wb__vfs *vfs;   /* the sandbox's files and fds (src/vfs/vfs.h); persists across runs */
    /* Per run. */
    wb__buf out, err;
    uint64_t out_total; /* bytes offered to stdout+stderr, kept or not */
    int truncated;
    double deadline_ms; /* monotonic: when the run must stop */
    int stop;           /* WB__STOP_*: why the guest should stop now (gracefully) */
    int hard_stop;      /* WB__STOP_*: why the guest was stopped with a trap */
    /* Set by wb_interrupt() from any thread; read by the running guest's
     * checks, which turn it into stop (and note when, for the grace). */
    atomic_int interrupt;
    double interrupt_ms;
    /* Fuel: the guest's counter (a global in its instance), what this run
     * used so far, and the slice last handed out. */
    uint64_t *fuel;
    uint64_t fuel_used;
    int64_t fuel_given;
    char *value; /* JSON of the last expression, malloc'd, or NULL */
    size_t value_len;
    int exit_code; /* set by proc_exit */
    uint64_t rng[4]; /* xoshiro256** state when seeded */
    /* Tool calls: the catalog the guest reads once, the answer waiting
     * for OP_READ, and the batch the guest sent (malloc'd). */
    const char *catalog;
    size_t catalog_len;
    const char *answer;
    size_t answer_len;
    char *batch;
    size_t batch_len;
    /* The sandbox's tools, for synchronous calls (OP_TOOL_SYNC), and the
     * answer to the last one (malloc'd, read with OP_READ). */
    struct wb__tools *tools;
    char *sync_answer;
    /* wb_try frames of the running guest, innermost first (guest_unwind.c). */
    struct wb__unwind *unwind;
    /* The guest's fibers during a call, or NULL (guest_fiber.c). */
    struct wb__fibers *fibers;
    struct wb__journal *journal; /* record/replay (src/journal/), or NULL */
    /* What fd 0 reads (wasi_stdin.c): the embedder's bytes, or a host fd
     * read when the guest asks.  Persists across runs, like a process's
     * stdin; not part of snapshots. */
    struct {
        unsigned char *data; /* malloc'd copy, or NULL */
        size_t len, pos;
        int fd;     /* host fd when use_fd */
        int use_fd;
    } in;
} wb__host;

/* Frees what the sandbox's stdin holds (wasi_stdin.c). */
void wb__stdin_free(wb__host *h);
/* Reads up to cap bytes of the sandbox's stdin into buf: the count, 0 at
 * its end, or -errno (WASI numbering); waits for a host fd at most until
 * the run's deadline. */
long wb__stdin_read(wb__host *h, void *buf, size_t cap);

enum { WB__STOP_NONE, WB__STOP_TIME, WB__STOP_OUTPUT, WB__STOP_FUEL, WB__STOP_DIVERGED, WB__STOP_INTERRUPT };

/* Fuel (src/fuel.c): hand out the first slice; fold the counter into
 * fuel_used at the end of a run. */
void wb__fuel_begin(wb__host *h);
void wb__fuel_settle(wb__host *h);

/* Milliseconds on the monotonic clock. */
double wb__now_ms(void);
/* 1 when the running guest should stop (deadline or output cap). */
int wb__host_should_stop(wb__host *h);
/* Turns a pending wb_interrupt() into a stop; 1 when the run is being
 * stopped for it, 2 when that has lasted grace_ms (0: never 2). */
int wb__host_check_interrupt(wb__host *h, double grace_ms);

void wb__host_begin_run(wb__host *h);
/* The guest's runtime self-tests (guest/rt/selftest.c: wb_try/wb_throw,
 * fibers), run only by the unit tests through wb__run_selftest. */
#define WB__LANG_SELFTEST 98
wb_status wb__run_selftest(wb_sandbox *sb, const char *code, wb_result **out);

/* Frees the fibers a guest call left (guest_fiber.c). */
void wb__fibers_reset(wb__host *h);
void wb__host_end_run(wb__host *h);
void wb__host_seed(wb__host *h, uint64_t seed);

/* The guest instance (src/guest_glue.c). */
typedef struct wb__guest wb__guest;

/* Outcome of one guest call: trap is 0 or a runtime trap reason; status is
 * the guest export's return value when trap is 0. */
typedef struct {
    int trap;
    int status;
    int exited; /* the guest called proc_exit */
    uint32_t grow_denied; /* pages asked for when the memory cap refused */
} wb__guest_outcome;

/* Creates the per-process template on first use. 0 or a wb_status;
 * msg gets detail on failure. */
wb_status wb__guest_new(wb__host *h, wb__guest **out, char *msg, size_t msgsz);
void wb__guest_free(wb__guest *g);
wb_status wb__guest_run(wb__guest *g, int lang, const char *code, size_t len,
                        wb__guest_outcome *o);
/* Continues a run that returned WB_GUEST_PENDING with the answers. */
wb_status wb__guest_resume(wb__guest *g, const char *results, size_t len, wb__guest_outcome *o);
/* A run's memory transaction: begin tracks writes; commit keeps them;
 * rollback puts memory and globals back as they were at begin.  0 or
 * errno. */
int wb__guest_begin(wb__guest *g);
int wb__guest_commit(wb__guest *g);
int wb__guest_rollback(wb__guest *g);
/* tools/mkimage: writes the initialised guest's image to path. 0 or -1
 * with msg filled. */
int wb__guest_write_image(const char *path, char *msg, size_t msgsz);
/* Back to the template's state. 0 or errno. */
int wb__guest_reset(wb__guest *g);

/* Guest memory spans: the one place guest offsets and lengths are checked
 * (src/guest_mem.c).  On success *out points at len bytes inside mem. */
wb_status wb__guest_span(const wasm_rt_memory_t *mem, uint64_t off, uint64_t len, void **out);

/* Unwinds the current guest call as a proc_exit (src/runtime/rt_trap.c). */
__attribute__((noreturn)) void wb__rt_exit(void);

/* ---- snapshots (src/session/, with the helpers in guest_glue.c and sandbox.c) */

/* What a snapshot needs to see of an instance. */
typedef struct {
    wasm_rt_memory_t *mem;
    const uint8_t *tmpl;   /* read-only view of the template image */
    uint32_t tmpl_pages;   /* its size in wasm pages */
    size_t stack_top;      /* [0, stack_top) is the shadow stack: dead between runs */
    size_t globals_size;   /* bytes of wb__guest_get_globals() */
} wb__guest_state;

/* 0 or errno (ENOMEM: the template view could not be mapped). */
int wb__guest_view(wb__guest *g, wb__guest_state *s);
/* The instance's globals as globals_size opaque bytes, host pointers zeroed. */
size_t wb__guest_globals_size(void);
void wb__guest_get_globals(const wb__guest *g, void *out);
void wb__guest_put_globals(wb__guest *g, const void *in);
/* Memory back to the template (globals untouched). 0 or errno. */
int wb__guest_reset_memory(wb__guest *g);

/* Fork images (src/session/snapshot.c): a memfd holding a guest's memory
 * from one 4 KiB page up, which the children forked from one state map
 * copy-on-write, so every fork after the first costs a mapping. */
typedef struct {
    uint64_t gen;              /* bumped whenever memory or globals may change */
    int fd;                    /* image made at generation fd_gen, or -1 */
    uint64_t fd_gen;
    uint32_t fd_lo;            /* first 4 KiB page in the image */
    uint32_t base_lo, base_hi; /* 4 KiB pages mapped from a fork image, not the template */
    uint64_t copied;           /* gen + 1 when this state was forked once by copying */
} wb__guest_fork;
wb__guest_fork *wb__guest_fork_state(wb__guest *g);
/* This build's guest identity: SHA-256 of the metered guest wasm
 * (src/session/identity.c). */
extern const uint8_t wb__guest_identity[32];

/* Sandbox internals for src/session/ (sandbox.c). */
wb__guest *wb__sandbox_guest(wb_sandbox *sb);
wb__host *wb__sandbox_host(wb_sandbox *sb);
/* WB_OK when sb is live and idle (no pending run), else a status with
 * wb_errmsg() naming what: the caller's name is used in the message. */
wb_status wb__sandbox_check_idle(wb_sandbox *sb, const char *fn);
wb_status wb__sandbox_fail(wb_sandbox *sb, wb_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A new sandbox with sb's options and tools, its guest fresh from the
 * template.  OUT *out as from wb_new(). */
wb_status wb__sandbox_clone(wb_sandbox *sb, wb_sandbox **out);

#endif
