/* Private interface of the runtime layer (src/runtime/): what the sandbox
 * code needs beyond the wasm-rt.h functions that generated code calls. */
#ifndef WB_RT_H
#define WB_RT_H

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>

#include "wasm-rt.h"

#define WB__WASM_PAGE 65536u

/* Every linear memory owns one reservation of this size: 4 GiB of
 * addressable memory plus 4 GiB and a page of guard, enough that any
 * 32-bit address plus any 32-bit offset lands inside it.  Pages past the
 * current size stay PROT_NONE, so out-of-bounds accesses fault inside the
 * reservation and become traps. */
#define WB__RT_RESERVATION ((size_t)8 << 30 | WB__WASM_PAGE)

/* Trap reasons beyond wasm_rt_trap_t, reported by the runtime itself. */
enum {
    WB__RT_TRAP_NOMEM = 100, /* the host could not map memory for the guest */
    WB__RT_TRAP_EXIT = 101,  /* the guest called proc_exit: not a failure */
    WB__RT_TRAP_STOP = 102,  /* the host stopped the guest hard (a limit) */
};

/* Write tracking for rolling a memory back to the start of a run
 * (src/runtime/rt_undo.c). */
typedef struct {
    wasm_rt_memory_t *mem;
    uint8_t *shadow; /* old contents of logged pages, at their offsets (lent by the thread) */
    uint64_t *logged; /* bitmap of pages logged this run */
    size_t logged_words;
    uint32_t pages; /* the memory's size when tracking began */
    size_t untracked; /* bytes at the start left alone (the shadow stack) */
    size_t nlogged;
    int bulk; /* everything was copied and made writable at once */
    int active;
} wb__rt_undo;

/* Starts tracking: the memory's pages from `untracked` bytes on become
 * read-only until written. */
int wb__rt_undo_begin(wb__rt_undo *u, wasm_rt_memory_t *mem, size_t untracked);
/* The fault handler's part: 1 if addr was a first write it resolved. */
int wb__rt_undo_fault(wb__rt_undo *u, const void *addr);
/* Keeps what the run did / puts memory back as it was at begin. */
int wb__rt_undo_commit(wb__rt_undo *u);
int wb__rt_undo_rollback(wb__rt_undo *u);
void wb__rt_undo_free(wb__rt_undo *u);

/* One guest call in progress on this thread.  wb__rt_call() links it into a
 * per-thread chain so traps and faults find the innermost one. */
typedef struct wb__rt_call_ctx {
    sigjmp_buf jmp;
    void (*fn)(void *);
    void *arg;
    int trap;
    const wasm_rt_memory_t *mem; /* faults inside its reservation are traps */
    wb__rt_undo *undo;           /* first writes to tracked pages are logged */
    uint32_t grow_denied;        /* pages asked for when a grow hit max_pages, else 0 */
    struct wb__rt_call_ctx *prev;
} wb__rt_call_ctx;

/* Installs the SIGSEGV/SIGBUS handler once per process. Thread: any. */
int wb__rt_init(void);

/* Test harnesses only: install the handlers again over ones that replaced
 * them, chaining to those. */
void wb__rt_reinstall_handlers(void);

/* Runs fn(arg) as guest code, on this thread's guest stack: traps and
 * faults inside mem's reservation unwind here.  Returns 0 or the trap
 * reason (wasm_rt_trap_t or WB__RT_TRAP_*). Thread: any. */
int wb__rt_call(wb__rt_call_ctx *c, const wasm_rt_memory_t *mem, void (*fn)(void *), void *arg);
/* The same, with writes to mem tracked by undo (may be NULL). */
int wb__rt_call_undo(wb__rt_call_ctx *c, const wasm_rt_memory_t *mem, wb__rt_undo *undo,
                     void (*fn)(void *), void *arg);

/* This thread's guest stack (src/runtime/rt_stack.c), made on first use:
 * its lowest usable address, size, and the floor below which the guest's
 * prologue check traps.  Returns 0 or an errno value. */
int wb__rt_stack_get(uint8_t **base, size_t *size, uintptr_t *floor);

/* Calls fn(arg) with the stack pointer at stack_top (16-byte aligned). */
void wb__rt_on_stack(void (*fn)(void *), void *arg, void *stack_top);

/* A fiber: a native stack of its own (src/runtime/rt_fiber.c). */
typedef struct {
    void *sp;        /* saved stack pointer while the fiber is not running */
    uint8_t *base;   /* lowest usable address */
    size_t size;
    void *map;       /* the mapping, guard region first */
    size_t map_size;
} wb__rt_fiber;

/* Maps a stack of size bytes (plus a guard) whose first switch-in calls
 * entry(arg); entry must never return.  0 or an errno value. */
int wb__rt_fiber_make(wb__rt_fiber *f, size_t size, void (*entry)(void *), void *arg);
void wb__rt_fiber_free(wb__rt_fiber *f);
/* Saves the current stack pointer in *save_sp and continues on load_sp
 * (a fiber's or one saved by an earlier switch). */
void wb__rt_fiber_switch(void **save_sp, void *load_sp);

/* The innermost call on this thread, or NULL outside guest code. */
wb__rt_call_ctx *wb__rt_current(void);

/* A read-only image of a linear memory that new memories map
 * copy-on-write: pages nobody writes stay shared between sandboxes. */
typedef struct {
    int fd;         /* memfd holding the image */
    uint32_t pages; /* its size in wasm pages */
} wb__rt_image;

/* Captures mem's current contents. Returns 0 or an errno value. */
int wb__rt_image_make(wb__rt_image *img, const wasm_rt_memory_t *mem);
void wb__rt_image_free(wb__rt_image *img);

/* Makes mem a fresh reservation whose first img->pages pages map img
 * copy-on-write; max_pages caps later growth. Returns 0 or an errno value. */
int wb__rt_memory_from_image(wasm_rt_memory_t *mem, const wb__rt_image *img, uint32_t max_pages);

/* Resets mem's contents to img in place (the reservation stays), dropping
 * any pages grown past it. Returns 0 or an errno value. */
int wb__rt_memory_reset(wasm_rt_memory_t *mem, const wb__rt_image *img);

#endif
