/* Private declarations shared by the host library's files. */
#ifndef WB_INTERNAL_H
#define WB_INTERNAL_H

#include <stdarg.h>
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
} wb__host;

enum { WB__STOP_NONE, WB__STOP_TIME, WB__STOP_OUTPUT, WB__STOP_FUEL };

/* Fuel (src/fuel.c): hand out the first slice; fold the counter into
 * fuel_used at the end of a run. */
void wb__fuel_begin(wb__host *h);
void wb__fuel_settle(wb__host *h);

/* Milliseconds on the monotonic clock. */
double wb__now_ms(void);
/* 1 when the running guest should stop (deadline or output cap). */
int wb__host_should_stop(wb__host *h);

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

#endif
